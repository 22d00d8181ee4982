"""Tagged PDF: the structure tree recorded while drawing (tags), written at save
(structure), and the marked content that makes links and hyphenated words read right."""
