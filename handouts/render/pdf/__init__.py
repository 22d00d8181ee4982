"""The shared reportlab kit: page templates, styles, marks, tagging."""
