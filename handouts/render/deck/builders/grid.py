"""Subjects side by side, each under its name band in its colour: the slide
for one long row and for a section's per-subject prose. Text that does not
fit continues on "(cont.)" slides showing only the subjects with text left.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from handouts.colors import tint
from handouts.render.deck.contrast import ink_on
from handouts.render.deck.deck_writer import DeckWriter
from handouts.render.deck.fit import block_height, fit_size, take
from handouts.render.deck.text import Box, text_box


def _grid(w: DeckWriter, count: int, panel: float | None = None) -> list[tuple[Box, Box]]:
    """(name band, text panel) boxes for ``count`` subjects: one row of columns
    up to four, else two rows; panels ``panel`` high, or as high as the body allows."""
    gap = w.deck.gap * 0.6
    per_row = count if count <= 4 else math.ceil(count / 2)
    rows = math.ceil(count / per_row)
    band_h = w.style("body", w.deck.sizes.body, bold=True).line_height + w.insets.top + w.insets.bottom
    row_h = (w.body.height - gap * (rows - 1)) / rows
    if panel is not None:
        row_h = min(row_h, band_h + panel)
    cells: list[tuple[Box, Box]] = []
    for r in range(rows):
        line = Box(w.body.left, w.body.top + r * (row_h + gap), w.body.width, row_h)
        for col in line.columns(per_row, gap)[: count - r * per_row]:
            cells.append(col.split_top(band_h))
    return cells


def fits_one_slide(w: DeckWriter, texts: list[list[str]]) -> bool:
    """Whether the grid of these texts fits one slide at the minimum size or more."""
    style = w.style("body", max(w.deck.sizes.display, w.deck.sizes.body))
    cells = _grid(w, len(texts))
    blocks = [(t, body.width, body.height) for t, (_, body) in zip(texts, cells)]
    return fit_size(blocks, style, w.deck.sizes.min, w.insets) is not None


def subject_grid(
    w: DeckWriter,
    title: str,
    texts: list[list[str]],
    notes: list[str],
    bullet: bool = False,
    shared: bool = False,
    subjects: list[int] | None = None,
    notes_per_page: Callable[[list[tuple[list[int], list[list[str]]]]], list[list[str]]] | None = None,
) -> None:
    """Subjects side by side in their colours, each under its name band. Text
    that does not fit continues on "(cont.)" slides that show only the
    subjects with text left, so a single huge cell gets the slide's width.
    ``notes_per_page``: each slide's own notes from its (texts shown, their
    paragraphs), instead of ``notes`` on every slide."""
    deck = w.deck
    everyone = list(range(len(texts)))
    style = w.style("body", max(deck.sizes.display, deck.sizes.body), bullet=bullet)
    cells = _grid(w, len(texts))
    size = fit_size(
        [(t, body.width, body.height) for t, (_, body) in zip(texts, cells)], style, deck.sizes.min, w.insets
    )
    pages: list[tuple[list[int], list[list[str]], list[tuple[Box, Box]]]] = []
    if size:  # one slide; panels as tall as the tallest text, not the whole slide
        style = style.at(size)
        needed = max(block_height(t, style, body.width, w.insets) for t, (_, body) in zip(texts, cells))
        panel = max(needed, 3 * style.line_height + w.insets.top + w.insets.bottom, w.body.height * 0.5)
        pages.append((everyone, texts, _grid(w, len(texts), panel)))
    else:
        style = style.at(deck.sizes.min)
        pages = _paginate(w, texts, style, 1.0)
        low, high = 0.5, 1.0  # the lowest fill of the panels that needs no more slides: even pages
        for _ in range(12):
            mid = (low + high) / 2
            if len(_paginate(w, texts, style, mid)) <= len(pages):
                high = mid
            else:
                low = mid
        pages = _paginate(w, texts, style, high)
    name_style = w.style("body", deck.sizes.body, bold=True)
    per_page = notes_per_page([(a, s) for a, s, _ in pages]) if notes_per_page else [notes] * len(pages)
    for index, (active, shown, cells) in enumerate(pages):
        slide = w.new_slide(w.page_title(title, index, len(pages)), per_page[index])
        for i, page, (band, body) in zip(active, shown, cells):
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
                page,
                style,
                ink_on(fill, w.colors.text),
                w.language,
                w.insets,
                fill=fill,
                name=f"{name} text",
                bullet_color=color,
                link_color=w.colors.link,
            )


def _band(w: DeckWriter, index: int, shared: bool) -> tuple[str, str]:
    """A panel's name and colour: the subject's, or all the subjects' in the accent."""
    if shared:
        return " · ".join(s.name for s in w.model.subjects), w.colors.accent
    subject = w.model.subjects[index]
    return subject.name, w.layout.subject_color(index, subject.color)


def _paginate(w: DeckWriter, texts: list[list[str]], style, scale: float) -> list:
    """Pages of (subjects shown, their text, cells), each panel filled to at
    most ``scale`` of its height (so the text can be spread evenly)."""
    everyone = list(range(len(texts)))
    remaining = list(texts)
    active = everyone
    pages = []
    least = 2 * style.line_height + w.insets.top + w.insets.bottom
    while active:
        cells = _grid(w, len(active))
        shown = []
        for i, (_, body) in zip(active, cells):
            height = min(body.height, max(body.height * scale, least))
            head, remaining[i] = take(remaining[i], style, body.width, height, w.insets)
            shown.append(head)
        pages.append((active, shown, cells))
        active = [i for i in everyone if remaining[i]]
    return pages
