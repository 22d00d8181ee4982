"""Where the subjects' panels go on a grid slide: each a name band over its
text, in (band, panel) boxes in subject order. Up to four subjects stand in
one row of columns, more in two rows; when the two rows cannot hold the text
the subjects are stacked in columns instead (a long text in a column of its
own, short ones stacked beside it, reading down then across). On one slide
the panels are as tall as their text needs plus a share of the spare room;
on continued slides they are even.
"""

from __future__ import annotations

import math
from itertools import combinations

from handouts.render.deck.deck_writer import DeckWriter
from handouts.render.deck.fit import TextStyle, block_height, has_broken_words
from handouts.render.deck.text import Box

ONE_ROW_UP_TO = 4  # more subjects than this: two rows of panels
Cells = list[tuple[Box, Box]]


def _per_row(count: int) -> int:
    return count if count <= ONE_ROW_UP_TO else math.ceil(count / 2)


def gap(w: DeckWriter) -> float:
    return w.deck.gap * 0.6


def band_height(w: DeckWriter, style: TextStyle) -> float:
    """A name band's height: one line of the name, bold at the panels' size."""
    return style.line_height + w.insets.top + w.insets.bottom


def panel_width(w: DeckWriter, count: int) -> float:
    """The width of each of ``count`` subjects' panels in the grid."""
    per_row = _per_row(count)
    return (w.body.width - gap(w) * (per_row - 1)) / per_row


def _grid_cells(w: DeckWriter, count: int, heights: list[float], style: TextStyle) -> Cells:
    """The grid, each panel ``heights[i]`` high; the second row starts under
    its column's first panel."""
    per_row, space, band = _per_row(count), gap(w), band_height(w, style)
    columns = w.body.columns(per_row, space)
    cells = []
    for i in range(count):
        column = columns[i % per_row]
        top = w.body.top if i < per_row else w.body.top + band + heights[i - per_row] + space
        cells.append(Box(column.left, top, column.width, band + heights[i]).split_top(band))
    return cells


def even_cells(w: DeckWriter, count: int, style: TextStyle) -> Cells:
    """The grid with panels of one height filling the body (one row, or two
    equal rows; one row of narrow columns when two would leave a panel lower
    than two lines, as in a small template's body)."""
    rows = math.ceil(count / _per_row(count))
    panel = (w.body.height - gap(w) * (rows - 1)) / rows - band_height(w, style)
    if rows > 1 and panel < 2 * style.line_height + w.insets.top + w.insets.bottom:
        band = band_height(w, style)
        return [Box(c.left, w.body.top, c.width, w.body.height).split_top(band) for c in w.body.columns(count, gap(w))]
    return _grid_cells(w, count, [panel] * count, style)


def _grid_heights(w: DeckWriter, needs: list[float], style: TextStyle, least: float) -> list[float] | None:
    """Grid panel heights that hold text ``needs`` high (``None`` if they
    cannot): one row as tall as its tallest text (at least ``least`` and half
    the body); two rows split at one height when it fits, else column by
    column, the spare room shared between a column's two panels."""
    count, per_row, band, space = len(needs), _per_row(len(needs)), band_height(w, style), gap(w)
    whole = w.body.height - band  # a panel alone in its column
    if count <= per_row:
        if max(needs) > whole + 0.01:
            return None
        return [min(whole, max(max(needs), least, w.body.height * 0.5))] * count
    both = whole - band - space  # two panels in a column
    top, bottom = needs[:per_row], needs[per_row:]
    if any(t + b > both + 0.01 for t, b in zip(top, bottom)) or max(top[len(bottom) :], default=0) > whole + 0.01:
        return None
    if max(top) + max(bottom) <= both + 0.01:  # one split for every column
        upper = max(top) + (both - max(top) - max(bottom)) / 2
        return [upper] * per_row + [both - upper] * len(bottom)
    uppers = [t + (both - t - b) / 2 for t, b in zip(top, bottom)] + [whole] * (per_row - len(bottom))
    return uppers + [both - u for u in uppers[: len(bottom)]]


def _stacks(w: DeckWriter, texts: list[list[str]], style: TextStyle, whole_words: bool) -> Cells | None:
    """The subjects stacked in 2 to 4 columns, consecutive subjects in each
    (reading down, then across): of the stackings that hold every text, the
    one whose fullest column is emptiest; ``None`` if none does."""
    count, space, band, room = len(texts), gap(w), band_height(w, style), w.body.height
    best: tuple[float, list[tuple[int, int]], list[float], list[Box]] | None = None
    for columns in range(2, min(ONE_ROW_UP_TO, count - 1) + 1):
        boxes = w.body.columns(columns, space)
        width = boxes[0].width
        if whole_words and any(has_broken_words(t, style, width, w.insets) for t in texts):
            continue
        needs = [block_height(t, style, width, w.insets) + band for t in texts]
        for cuts in combinations(range(1, count), columns - 1):
            runs = list(zip((0, *cuts), (*cuts, count)))
            tallest = max(sum(needs[a:b]) + (b - a - 1) * space for a, b in runs)
            if tallest <= room + 0.01 and (best is None or tallest < best[0]):
                best = (tallest, runs, needs, boxes)
    if best is None:
        return None
    _, runs, needs, boxes = best
    cells: Cells = []
    for (a, b), column in zip(runs, boxes):
        share = (room - sum(needs[a:b]) - (b - a - 1) * space) / (b - a)  # the spare room, shared
        top = w.body.top
        for need in needs[a:b]:
            cells.append(Box(column.left, top, column.width, need + share).split_top(band))
            top += need + share + space
    return cells


def arrange(
    w: DeckWriter,
    texts: list[list[str]],
    style: TextStyle,
    least: float = 0.0,
    whole_words: bool = False,
    stacks: bool = True,
) -> Cells | None:
    """(band, panel) boxes holding every text on one slide at ``style``: the
    grid if it does, else (with ``stacks``) the stacked columns; ``None`` if
    neither does. ``whole_words``: only where no word is broken across lines."""
    count = len(texts)
    width = panel_width(w, count)
    if not (whole_words and any(has_broken_words(t, style, width, w.insets) for t in texts)):
        needs = [block_height(t, style, width, w.insets) for t in texts]
        heights = _grid_heights(w, needs, style, least)
        if heights is not None:
            return _grid_cells(w, count, heights, style)
    return _stacks(w, texts, style, whole_words) if stacks and count >= 3 else None
