"""Text laid into a Venn region line by line, each line as wide as the region is there.

A crescent or a lens is a poor fit for a rectangle, so lines follow the
shape: every line gets the x-range the region has over its whole height
(:func:`band`), and the words are centred in it. Pure arithmetic like
:mod:`venn`; the width of a word comes from the caller's ``measure``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from handouts.render.worksheet.venn import INSET, Circle, anchor, interval


@dataclass(frozen=True)
class Run:
    """A piece of text in one face (an item's label is bold, its value regular)."""

    text: str
    bold: bool = False


@dataclass(frozen=True)
class Line:
    """One laid-out line: its baseline and its runs of words as (x, text, bold)."""

    baseline: float
    words: tuple[tuple[float, str, bool], ...]


def band(circles: list[Circle], members: tuple[int, ...], top: float, bottom: float) -> tuple[float, float] | None:
    """The x-range a line between ``top`` and ``bottom`` may use: the narrowest of the
    ranges at its edges and at any circle's centre height inside it (where a
    neighbouring circle bulges furthest in)."""
    ax, _ = anchor(circles, members)
    inset = circles[0].r * INSET
    heights = [top, bottom] + [c.y for c in circles if bottom < c.y < top]
    lo, hi = -math.inf, math.inf
    for y in heights:
        span = interval(circles, members, y, ax, inset)
        if span is None:
            return None
        lo, hi = max(lo, span[0]), min(hi, span[1])
    return (lo, hi) if hi > lo else None


def flow(
    circles: list[Circle],
    members: tuple[int, ...],
    paragraphs: list[list[Run]],
    size: float,
    measure,  # noqa: ANN001 - measure(text, bold, size) -> points
    drop: float = 0.0,
) -> list[Line] | None:
    """Lay ``paragraphs`` into the region line by line, each line as wide as the
    region is at its height, centred; ``drop`` starts lower than the top.
    None when they do not all fit (or a word is wider than any line)."""
    leading = size * 1.2
    spaces = {bold: measure(" ", bold, size) for bold in (False, True)}  # after a word of that face
    top = max(circles[i].y + circles[i].r for i in members) - drop
    bottom = min(circles[i].y - circles[i].r for i in members)
    lines: list[Line] = []
    y = top
    for number, paragraph in enumerate(paragraphs):
        words = [(word, run.bold) for run in paragraph for word in run.text.split()]
        if number:
            y -= leading * 0.35
        while words:
            if y - leading < bottom:
                return None
            span = band(circles, members, y, y - leading)
            if span is None or span[1] - span[0] < size * 3:
                y -= leading * 0.25
                continue
            taken: list[tuple[tuple[str, bool], float]] = []
            width = 0.0
            while words:
                w = measure(words[0][0], words[0][1], size)
                gap = spaces[taken[-1][0][1]] if taken else 0.0
                if width + gap + w > span[1] - span[0]:
                    break
                width += gap + w
                taken.append((words.pop(0), w))
            if not taken:
                if w > (max(c.r for c in circles) * 1.2):
                    return None  # a word wider than the region ever gets
                y -= leading * 0.25
                continue
            x = span[0] + (span[1] - span[0] - width) / 2
            placed: list[tuple[float, str, bool]] = []
            for (word, bold), w in taken:  # words of one face drawn as one string, spaces and all
                if placed and placed[-1][2] == bold:
                    placed[-1] = (placed[-1][0], placed[-1][1] + " " + word, bold)
                else:  # the space ends the run before (invisible there; copied text keeps it)
                    placed = [(px, text + " ", b) for px, text, b in placed]
                    placed.append((x, word, bold))
                x += w + spaces[bold]
            lines.append(Line(y - size * 0.95, tuple(placed)))
            y -= leading
    return lines


def extent(circles: list[Circle], members: tuple[int, ...], size: float) -> tuple[float, float]:
    """The highest and lowest heights where a line ``size`` tall has room in the region."""
    top = max(circles[i].y + circles[i].r for i in members)
    bottom = min(circles[i].y - circles[i].r for i in members)
    ys = [top - k * size / 2 for k in range(int((top - bottom) / (size / 2)) + 1)]
    open_ = [y for y in ys if (b := band(circles, members, y, y - size)) and b[1] - b[0] >= size * 3]
    return (open_[0], open_[-1] - size) if open_ else (top, top)


def fit(
    circles: list[Circle],
    members: tuple[int, ...],
    paragraphs: list[list[Run]],
    size: float,
    measure,  # noqa: ANN001 - measure(text, bold, size) -> points
) -> list[Line] | None:
    """:func:`flow`, lowered so the text sits in the middle of the region when it can."""
    lines = flow(circles, members, paragraphs, size, measure)
    if not lines:
        return lines
    first, last = extent(circles, members, size)
    members_top = max(circles[i].y + circles[i].r for i in members)
    used = first - (lines[-1].baseline - size * 0.3)
    spare = (first - last) - used
    for share in (0.5, 0.35, 0.2, 0.1):
        lowered = flow(circles, members, paragraphs, size, measure, drop=members_top - first + spare * share)
        if lowered and spare > 0:
            return lowered
    return lines
