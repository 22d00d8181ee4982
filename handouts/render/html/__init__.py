"""The HTML page: one self-contained, accessible file for a learning platform."""
