"""Widths of shaped text: what a word measures once HarfBuzz has joined its
letters (an Arabic word is far narrower than its isolated letters side by side).

reportlab shapes while it wraps; lines that are wrapped before reportlab sees
them (right-to-left paragraphs, :mod:`handouts.render.pdf.paragraph`) are
measured here, with the same font file and the same features.
"""

from __future__ import annotations

from handouts.caches import memoize
from handouts.fontfiles import face_of, font_path

FEATURES = {"kern": True, "liga": True}  # reportlab's shaping features (its dlig is a no-op for these fonts)


@memoize("harfbuzz fonts", maxsize=32)  # bundled families x styles in use
def _font(name: str):  # noqa: ANN202 - (uharfbuzz.Font, units per em), or None
    try:
        import uharfbuzz
    except ImportError:
        return None
    found = face_of(name)
    if found is None:
        return None
    face = uharfbuzz.Face(uharfbuzz.Blob.from_file_path(str(font_path(*found))))
    return uharfbuzz.Font(face), face.upem


def shaped_width(text: str, name: str, size: float) -> float:
    """The advance of ``text`` shaped in font ``name`` at ``size`` points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    font = _font(name) if not text.isascii() else None
    if font is None:
        return stringWidth(text, name, size)
    import uharfbuzz

    buf = uharfbuzz.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    uharfbuzz.shape(font[0], buf, FEATURES)
    return sum(p.x_advance for p in buf.glyph_positions) * size / font[1]
