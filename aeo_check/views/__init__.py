"""Views show an assessment document and never compute a number of their own: terminal panels and tables, CSV,
CI formats, the answer-file template; ``views/pdf/`` the HTML/PDF report."""
