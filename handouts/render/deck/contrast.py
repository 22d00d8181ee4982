"""Text colours chosen for contrast, so no layout can put text on a fill it
does not read on (WCAG AA: 4.5:1)."""

from __future__ import annotations

from handouts.colors import contrast_ratio

AA = 4.5
BLACK, WHITE = "#000000", "#FFFFFF"


def ink_on(fill: str, *preferred: str) -> str:
    """The first of the layout's ``preferred`` colours that reads on ``fill``
    at 4.5:1, else black or white, whichever reads better."""
    for color in preferred:
        if contrast_ratio(fill, color) >= AA:
            return color
    return BLACK if contrast_ratio(fill, BLACK) >= contrast_ratio(fill, WHITE) else WHITE
