"""Views present a scored result or catalogue data: terminal, JSON, template, HTML/PDF."""
