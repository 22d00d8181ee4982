"""The bundled font catalogue: family name -> the four style files.

PDF families are embedded (as subsets) in handouts and timelines. Deck
fonts are *named* in the PPTX (fonts found where decks are opened) and
*measured* with a metric-compatible open font bundled here.
"""

from __future__ import annotations

from pathlib import Path

FONT_DIR = Path(__file__).parent / "fonts"

STYLES = ("regular", "bold", "italic", "bold_italic")

PDF_FAMILIES: dict[str, tuple[str, str, str, str]] = {
    "DejaVu Sans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf"),
    "DejaVu Serif": ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf", "DejaVuSerif-BoldItalic.ttf"),
    "DejaVu Sans Condensed": (
        "DejaVuSansCondensed.ttf",
        "DejaVuSansCondensed-Bold.ttf",
        "DejaVuSansCondensed-Oblique.ttf",
        "DejaVuSansCondensed-BoldOblique.ttf",
    ),
    "Carlito": ("Carlito-Regular.ttf", "Carlito-Bold.ttf", "Carlito-Italic.ttf", "Carlito-BoldItalic.ttf"),
    "Liberation Sans": (
        "LiberationSans-Regular.ttf",
        "LiberationSans-Bold.ttf",
        "LiberationSans-Italic.ttf",
        "LiberationSans-BoldItalic.ttf",
    ),
}

# Families that draw other scripts, used where the layout's family lacks a character
# (the chains are in handouts/scripts.py). None: that style falls back to the nearest
# one (reportlab maps <b> to the regular face), so a large CJK face is parsed once.
SCRIPT_FAMILIES: dict[str, tuple[str, str | None, str | None, str | None]] = {
    "Noto Sans Devanagari": ("NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf", None, None),
    "Noto Sans Arabic": ("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf", None, None),  # Urdu letters
    "Droid Sans Fallback": ("DroidSansFallbackFull.ttf", None, None, None),  # Chinese, Japanese
    "NanumGothic": ("NanumGothic.ttf", None, None, None),  # Korean
}

# Deck font named in the file -> bundled family with the same metrics, used to measure text.
DECK_METRIC_TWINS: dict[str, str] = {
    "Calibri": "Carlito",
    "Carlito": "Carlito",
    "Arial": "Liberation Sans",
    "Liberation Sans": "Liberation Sans",
    "Helvetica": "Liberation Sans",
}


def font_file(family: str, style: str = "regular") -> str | None:
    """The file name of one style of a bundled family (None: the family has no such style)."""
    files = PDF_FAMILIES.get(family) or SCRIPT_FAMILIES[family]
    return files[STYLES.index(style)]


def font_path(family: str, style: str = "regular") -> Path:
    """Path of one bundled font file (a missing style: the regular one's)."""
    return FONT_DIR / (font_file(family, style) or font_file(family, "regular"))


def font_name(family: str, style: str = "regular") -> str:
    """The reportlab name of one style of a bundled family."""
    return f"{family.replace(' ', '')}-{style}"


_FACES = {font_name(f, s): (f, s) for f in (*PDF_FAMILIES, *SCRIPT_FAMILIES) for s in STYLES}


def face_of(name: str) -> tuple[str, str] | None:
    """(family, style) of a reportlab font name of ours (None: not one of ours)."""
    return _FACES.get(name)
