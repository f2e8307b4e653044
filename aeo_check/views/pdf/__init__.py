"""The HTML/PDF report and its board pages."""
