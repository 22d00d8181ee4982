"""Subjects side by side, each under its name band in its colour: the slide
for one long row and for a section's per-subject prose. Up to four subjects
stand in one row of columns, more in two rows; on a slide that holds all the
text the two rows split where the text needs it (a long panel above a short
one, column by column when no common split fits). Text that does not fit one
slide continues on "(cont.)" slides that show only the subjects with text
left, spread evenly over them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from handouts.colors import tint
from handouts.render.deck.contrast import ink_on
from handouts.render.deck.deck_writer import DeckWriter
from handouts.render.deck.fit import (
    KEEP_WHOLE,
    WHOLE_WORDS_SHRINK,
    TextStyle,
    block_height,
    candidate_sizes,
    has_broken_words,
    paginate,
    take,
)
from handouts.render.deck.text import Box, text_box

ONE_ROW_UP_TO = 4  # more subjects than this: two rows of panels


@dataclass(frozen=True)
class GridPage:
    """One slide of a grid: the subjects shown (positions in the grid's texts),
    their text on this slide, and each one's (name band, text panel)."""

    shown: list[int]
    texts: list[list[str]]
    cells: list[tuple[Box, Box]]


def _per_row(count: int) -> int:
    return count if count <= ONE_ROW_UP_TO else math.ceil(count / 2)


def _gap(w: DeckWriter) -> float:
    return w.deck.gap * 0.6


def _band_h(w: DeckWriter, style: TextStyle) -> float:
    """A name band's height: one line of the name, bold at the panels' size."""
    return style.line_height + w.insets.top + w.insets.bottom


def panel_width(w: DeckWriter, count: int) -> float:
    """The width of each of ``count`` subjects' panels."""
    per_row = _per_row(count)
    return (w.body.width - _gap(w) * (per_row - 1)) / per_row


def _cells(w: DeckWriter, count: int, heights: list[float], style: TextStyle) -> list[tuple[Box, Box]]:
    """(name band, text panel) for ``count`` subjects, in order, each panel
    ``heights[i]`` high; the second row starts under its column's first panel."""
    per_row, gap, band = _per_row(count), _gap(w), _band_h(w, style)
    columns = Box(w.body.left, w.body.top, w.body.width, w.body.height).columns(per_row, gap)
    cells = []
    for i in range(count):
        column = columns[i % per_row]
        top = w.body.top if i < per_row else w.body.top + band + heights[i - per_row] + gap
        cells.append(Box(column.left, top, column.width, band + heights[i]).split_top(band))
    return cells


def _even_cells(w: DeckWriter, count: int, style: TextStyle) -> list[tuple[Box, Box]]:
    """Panels of one height filling the body (one row, or two equal rows)."""
    rows = math.ceil(count / _per_row(count))
    panel = (w.body.height - _gap(w) * (rows - 1)) / rows - _band_h(w, style)
    return _cells(w, count, [panel] * count, style)


def _fitted_heights(w: DeckWriter, needs: list[float], style: TextStyle, least: float) -> list[float] | None:
    """Panel heights that hold text ``needs`` high on one slide (``None`` if
    they cannot): one row as tall as its tallest text (at least ``least`` and
    half the body); two rows split at one height when it fits, else column by
    column, the spare room shared between a column's two panels."""
    count, per_row, band, gap = len(needs), _per_row(len(needs)), _band_h(w, style), _gap(w)
    whole = w.body.height - band  # a panel alone in its column
    if count <= per_row:
        if max(needs) > whole + 0.01:
            return None
        return [min(whole, max(max(needs), least, w.body.height * 0.5))] * count
    both = whole - band - gap  # two panels in a column
    top, bottom = needs[:per_row], needs[per_row:]
    if any(t + b > both + 0.01 for t, b in zip(top, bottom)) or max(top[len(bottom) :], default=0) > whole + 0.01:
        return None
    if max(top) + max(bottom) <= both + 0.01:  # one split for every column
        upper = max(top) + (both - max(top) - max(bottom)) / 2
        return [upper] * per_row + [both - upper] * len(bottom)
    uppers = [t + (both - t - b) / 2 for t, b in zip(top, bottom)] + [whole] * (per_row - len(bottom))
    return uppers + [both - u for u in uppers[: len(bottom)]]


def _needs(w: DeckWriter, texts: list[list[str]], style: TextStyle) -> list[float]:
    width = panel_width(w, len(texts))
    return [block_height(t, style, width, w.insets) for t in texts]


def _fits(w: DeckWriter, texts: list[list[str]], style: TextStyle, whole_words: bool) -> bool:
    width = panel_width(w, len(texts))
    if whole_words and any(has_broken_words(t, style, width, w.insets) for t in texts):
        return False
    return _fitted_heights(w, _needs(w, texts, style), style, 0.0) is not None


def slides_needed(w: DeckWriter, texts: list[list[str]], smallest: float) -> int:
    """How many slides the grid of these texts takes at ``smallest`` (1 if it fits one)."""
    style = w.style("body", smallest)
    return 1 if _fits(w, texts, style, False) else len(_shown_sets(w, texts, style))


def _shown_sets(w: DeckWriter, texts: list[list[str]], style: TextStyle) -> list[list[int]]:
    """The subjects on each slide of a grid too full for one: every panel
    filled in turn; a slide after the first shows only the subjects with text
    left, in the wider panels fewer subjects get."""
    remaining, shown, sets = list(texts), list(range(len(texts))), []
    while shown:
        for i, (_, panel) in zip(shown, _even_cells(w, len(shown), style)):
            _, remaining[i] = take(remaining[i], style, panel.width, panel.height, w.insets)
        sets.append(shown)
        shown = [i for i in shown if remaining[i]]
    return sets


def _one_slide_size(w: DeckWriter, style: TextStyle, texts: list[list[str]], smallest: float) -> float | None:
    """The largest size from ``style.size`` down to ``smallest`` at which the
    grid fits one slide, keeping words whole down to :data:`WHOLE_WORDS_SHRINK`
    (as :func:`~handouts.render.deck.fit.fit_size` does); ``None`` if none does."""
    if not _fits(w, texts, style.at(smallest), False):
        return None
    sizes = candidate_sizes(style.size, smallest)
    for size in sizes:
        if size < style.size * WHOLE_WORDS_SHRINK:
            break
        if _fits(w, texts, style.at(size), True):
            return size
    return next(size for size in sizes if _fits(w, texts, style.at(size), False))


def plan_grid(
    w: DeckWriter, texts: list[list[str]], smallest: float, bullet: bool = False, largest: float | None = None
) -> tuple[TextStyle, list[GridPage]]:
    """The style and the slides of a grid of ``texts``: one slide at the
    largest size from ``largest`` (default ``display`` or ``body``) down to
    ``smallest`` that fits,
    else slides at ``smallest`` with the text spread evenly (:func:`_spread`)."""
    start = largest or max(w.deck.sizes.display, w.deck.sizes.body)
    style = w.style("body", max(start, smallest), bullet=bullet)
    size = _one_slide_size(w, style, texts, smallest)
    everyone = list(range(len(texts)))
    if size is not None:
        style = style.at(size)
        least = 3 * style.line_height + w.insets.top + w.insets.bottom
        heights = _fitted_heights(w, _needs(w, texts, style), style, least)
        assert heights is not None  # the size was chosen so that they fit
        return style, [GridPage(everyone, texts, _cells(w, len(texts), heights, style))]
    return style.at(smallest), _spread(w, texts, style.at(smallest))


def _spread(w: DeckWriter, texts: list[list[str]], style: TextStyle) -> list[GridPage]:
    """The slides of a grid too full for one (:func:`_shown_sets`), each
    subject's text spread evenly over the panels it has on them."""
    sets = _shown_sets(w, texts, style)
    cells = [_even_cells(w, len(shown), style) for shown in sets]
    parts: list[list[list[str]]] = [[] for _ in sets]
    for i, text in enumerate(texts):
        slides = [k for k, shown in enumerate(sets) if i in shown]
        panels = [cells[k][sets[k].index(i)][1] for k in slides]
        for k, part in zip(slides, _even_parts(w, text, panels, style)):
            parts[k].append(part)
    return [GridPage(shown, parts[k], cells[k]) for k, shown in enumerate(sets)]


def _even_parts(w: DeckWriter, text: list[str], panels: list[Box], style: TextStyle) -> list[list[str]]:
    """``text`` over ``panels`` in order, each filled to the lowest share of its
    height that still holds all of it with text in every panel (bisected),
    breaking between paragraphs where a panel is mostly full."""
    least = 2 * style.line_height + w.insets.top + w.insets.bottom

    def parts(share: float) -> list[list[str]] | None:
        rest, out = list(text), []
        for panel in panels:
            if not rest:
                return None
            height = min(panel.height, max(panel.height * share, least))
            page, rest = take(rest, style, panel.width, height, w.insets, KEEP_WHOLE if share < 1 else 1.0)
            out.append(page)
        return None if rest else out

    best = parts(1.0) or paginate(text, style, panels[0].width, panels[0].height, w.insets)
    low, high = 0.0, 1.0
    for _ in range(10):
        mid = (low + high) / 2
        found = parts(mid)
        if found is not None:
            best, high = found, mid
        else:
            low = mid
    return best


def draw_grid(
    w: DeckWriter,
    title: str,
    page: GridPage,
    style: TextStyle,
    notes: list[str],
    shared: bool = False,
    subjects: list[int] | None = None,
) -> None:
    """One grid slide: each shown subject's name band (bold, at the text's
    size) in its colour over its text on a tint of it. ``subjects``: the deck's subject index of each text."""
    slide = w.new_slide(title, notes)
    name_style = w.style("body", style.size, bold=True)
    for i, paragraphs, (band, body) in zip(page.shown, page.texts, page.cells):
        name, color = _band(w, subjects[i] if subjects else i, shared)
        w.fitted_box(
            slide,
            band,
            [name],
            name_style,
            ink_on(color, w.colors.header_text, w.colors.text),
            anchor="middle",
            fill=color,
            name=f"{name} label",
        )
        fill = tint(color, 0.9)
        text_box(
            slide,
            body,
            paragraphs,
            style,
            ink_on(fill, w.colors.text),
            w.language,
            w.insets,
            fill=fill,
            name=f"{name} text",
            bullet_color=color,
            link_color=w.colors.link,
        )


def subject_grid(
    w: DeckWriter,
    title: str,
    texts: list[list[str]],
    notes: list[str],
    bullet: bool = False,
    shared: bool = False,
    subjects: list[int] | None = None,
    smallest: float | None = None,
) -> None:
    """Subjects side by side in their colours on one slide, or on "(cont.)"
    slides when the text needs them; never below ``smallest`` (default: the
    layout's body size, as for all prose)."""
    style, pages = plan_grid(w, texts, smallest or w.deck.sizes.body, bullet)
    for index, page in enumerate(pages):
        draw_grid(w, w.page_title(title, index, len(pages)), page, style, notes, shared, subjects)


def _band(w: DeckWriter, index: int, shared: bool) -> tuple[str, str]:
    """A panel's name and colour: the subject's, or all the subjects' in the accent."""
    if shared:
        return " · ".join(s.name for s in w.model.subjects), w.colors.accent
    subject = w.model.subjects[index]
    return subject.name, w.layout.subject_color(index, subject.color)
