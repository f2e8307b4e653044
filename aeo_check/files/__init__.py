"""Reading and writing files: YAML, JSON, PDF attachments, xlsx cells, atomic output, input limits."""
