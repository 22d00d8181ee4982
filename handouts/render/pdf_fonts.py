"""Register the bundled TrueType families with reportlab, once per process,
and find characters they cannot draw (so we warn instead of printing boxes).

reportlab embeds TrueType fonts as subsets, so only the glyphs used ship.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from ..fontfiles import STYLES, font_path


@lru_cache(maxsize=None)
def register_family(family: str) -> dict[str, str]:
    """Register ``family``'s four styles; return style -> reportlab font name."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    names = {style: f"{family.replace(' ', '')}-{style}" for style in STYLES}
    for style, name in names.items():
        pdfmetrics.registerFont(TTFont(name, str(font_path(family, style))))
    for (bold, italic), style in {(0, 0): "regular", (1, 0): "bold", (0, 1): "italic", (1, 1): "bold_italic"}.items():
        addMapping(names["regular"], bold, italic, names[style])
    return names


@lru_cache(maxsize=None)
def _coverage(family: str) -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    font = pdfmetrics.getFont(register_family(family)["regular"])
    return frozenset(font.face.charToGlyph)


def missing_glyphs(text: str, family: str) -> list[str]:
    """Characters of ``text`` the family has no glyph for (spaces and marks ignored)."""
    covered = _coverage(family)
    missing = {ch for ch in text if ord(ch) not in covered and not ch.isspace()
               and unicodedata.category(ch) not in ("Cc", "Cf", "Zs")}
    return sorted(missing)


def describe(chars: list[str]) -> str:
    """"'😀' (U+1F600 GRINNING FACE), ..." for a warning."""
    return ", ".join(f"'{c}' (U+{ord(c):04X} {unicodedata.name(c, 'unnamed')})" for c in chars[:10]) + (
        f" and {len(chars) - 10} more" if len(chars) > 10 else "")
