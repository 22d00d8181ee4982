"""Fitting one running line (header, footer) into the room a page leaves:
wrapped to at most two lines, the last shortened with an ellipsis.

Shortening is a binary search over how many characters to keep: about
log2(len) measurements, whatever the length (a title shortened one character
at a time on every page took 25 s at 10,000 characters).
"""

from __future__ import annotations

from reportlab.lib.utils import simpleSplit

from handouts.caches import memoize
from handouts.render.fonts import text_width

ELLIPSIS = "\u2026"
FOOTER_LINES = 2  # a long footer wraps to two lines (large print) and is shortened only after that


def ellipsize(text: str, font: str, size: float, room: float) -> str:
    """``text`` if it fits ``room`` points, else its longest start that fits with "…" after it."""
    width = text_width  # through the fallback fonts: a Chinese title is not measured as boxes
    if width(text, font, size) <= room:
        return text
    keep, over = 0, len(text)  # text[:keep] + "…" fits; text[:over] + "…" does not (or is all of it)
    while over - keep > 1:
        middle = (keep + over) // 2
        if width(text[:middle].rstrip() + ELLIPSIS, font, size) <= room:
            keep = middle
        else:
            over = middle
    return text[:keep].rstrip() + ELLIPSIS


@memoize("running lines", maxsize=256)  # one footer per page size and page-number width
def footer_lines(text: str, font: str, size: float, room: float) -> tuple[str, ...]:
    """The footer wrapped to ``room`` points, at most :data:`FOOTER_LINES` lines,
    the last one (or a word longer than the line) shortened with an ellipsis."""
    lines = simpleSplit(text, font, size, room) or [""]
    if len(lines) > FOOTER_LINES:
        lines = lines[: FOOTER_LINES - 1] + [" ".join(lines[FOOTER_LINES - 1 :])]
    return tuple(ellipsize(line, font, size, room) for line in lines)
