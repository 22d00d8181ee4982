"""The OOXML namespaces the edits name elements in (Clark notation)."""

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"  # DrawingML: shapes, text, colours
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"  # PresentationML: slides, shape trees
UNSAFE_TEXT = "[\x00-\x1f\ufffe\uffff]"  # characters python-pptx's text setter escapes or rejects
