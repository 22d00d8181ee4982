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

# Deck font named in the file -> bundled family with the same metrics, used to measure text.
DECK_METRIC_TWINS: dict[str, str] = {
    "Calibri": "Carlito",
    "Carlito": "Carlito",
    "Arial": "Liberation Sans",
    "Liberation Sans": "Liberation Sans",
    "Helvetica": "Liberation Sans",
}


def font_path(family: str, style: str = "regular") -> Path:
    """Path of one bundled font file."""
    return FONT_DIR / PDF_FAMILIES[family][STYLES.index(style)]
