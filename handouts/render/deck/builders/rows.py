"""Comparison slides: table rows packed several to a slide by measured fit.

A slide shows the subjects' names once, in their colours, across the top of
the body; under them each row is its label and the subjects' values side by
side (one wide card when every subject shares the value). The rows are
measured at every candidate size; the fewest slides are found at the
minimum size, then the largest size that still needs no more slides, and the
rows are spread evenly so no slide is left nearly empty. Cards grow to fill
the slide. A row too tall for a slide of its own at the minimum size gets
the per-subject grid with "(cont.)" slides (:func:`subject_grid`).
"""

from __future__ import annotations

from handouts.colors import tint
from handouts.markup import plain
from handouts.render.deck.a11y import qualified
from handouts.render.deck.builders.grid import fits_one_slide, subject_grid
from handouts.render.deck.builders.plan import Geometry, Row, plan, rows_of
from handouts.render.deck.contrast import ink_on
from handouts.render.deck.deck_writer import DeckWriter
from handouts.render.deck.fit import block_height
from handouts.render.deck.text import Box, text_box

SHARED_TINT = 0.88  # a shared value's card: the accent mixed with white
CELL_TINT = 0.9  # a subject's card: its colour mixed with white
GRID_FROM = 4  # more subjects than this: a row alone on its slide gets the two-row grid


def build_rows(w: DeckWriter) -> None:
    """The table's rows on as few, as full, comparison slides as fit."""
    labels = w.deck.labels
    others = [s.heading for s in w.model.sections] + [
        w.model.title,
        labels.overview,
        labels.similarities,
        labels.conclusion,
        labels.sources,
    ]
    rows = rows_of(w)
    smallest = Geometry(w, w.deck.sizes.min)
    runs: list[tuple[bool, list[Row]]] = []  # (too tall for a slide, rows): consecutive fitting rows together
    for row in rows:
        tall = smallest.height(row) > smallest.room + 0.01
        if runs and not tall and not runs[-1][0]:
            runs[-1][1].append(row)
        else:
            runs.append((tall, [row]))
    for tall, run in runs:
        if tall:
            tall_row(w, run[0], qualified(run[0].label, others, labels.compared))
            continue
        size, pages = plan(w, run)
        for page in pages:
            if len(page) == 1 and len(w.model.subjects) > GRID_FROM:
                # One row to a slide anyway: the grid's wider panels (two rows of columns) set it larger.
                tall_row(w, run[page[0]], qualified(run[page[0]].label, others, labels.compared))
            else:
                draw_page(w, [run[i] for i in page], size, others)


def tall_row(w: DeckWriter, row: Row, title: str) -> None:
    """A row too tall for a comparison slide: its subjects side by side on a
    slide of its own, or, when that does not fit either, the subjects in
    groups of about as much text on a slide each (at the largest size that fits), so no slide
    holds only a remnant; a value longer than that continues on "(cont.)" slides."""
    if row.shared:
        subject_grid(w, title, [row.values[0]], row.notes, shared=True)
        return
    groups = _groups(w, row.values, list(range(len(row.values))))
    for index, group in enumerate(groups):
        texts = [row.values[i] for i in group]
        subject_grid(w, w.page_title(title, index, len(groups)), texts, row.notes, subjects=group)


def _groups(w: DeckWriter, values: list[list[str]], subjects: list[int]) -> list[list[int]]:
    """The subjects in runs that each fit a slide, split where the text is
    about even (a single subject that does not fit continues on its own)."""
    texts = [values[i] for i in subjects]
    if len(subjects) == 1 or fits_one_slide(w, texts):
        return [subjects]
    sizes = [sum(len(p) for p in t) for t in texts]
    half = min(range(1, len(sizes)), key=lambda k: abs(sum(sizes[:k]) - sum(sizes[k:])))
    return _groups(w, values, subjects[:half]) + _groups(w, values, subjects[half:])


def page_title(w: DeckWriter, rows: list[Row], others: list[str]) -> str:
    """One row: its label. Several: their labels joined, if they fit a line at
    the heading size; else the first and last."""
    if len(rows) == 1:
        return qualified(rows[0].label, others, w.deck.labels.compared)
    joined = " · ".join(plain(r.label) for r in rows)
    heading = w.style("heading", w.deck.sizes.heading, bold=True)
    if block_height([joined], heading, w.title_box.width, w.insets) <= heading.line_height + 8.01:
        return joined
    return f"{plain(rows[0].label)} – {plain(rows[-1].label)}"


def draw_page(w: DeckWriter, rows: list[Row], size: float, others: list[str]) -> None:
    """Subject names across the top, then each row: label, then its cards."""
    geo = Geometry(w, size)
    notes = [line for row in rows for line in row.notes]
    slide = w.new_slide(page_title(w, rows, others), notes)
    subjects = w.model.subjects
    colors = [w.layout.subject_color(i, s.color) for i, s in enumerate(subjects)]
    name_style = w.style("body", w.deck.sizes.body, bold=True)
    for subject, color, column in zip(subjects, colors, geo.columns):
        band = Box(column.left, w.body.top, column.width, geo.header_h)
        w.fitted_box(
            slide,
            band,
            [subject.name],
            name_style,
            ink_on(color, w.colors.text, w.colors.header_text),
            anchor="middle",
            fill=color,
            name=f"{subject.name} label",
        )
    heights = [geo.height(r) for r in rows]
    spare = max(0.0, geo.room - sum(heights)) / len(rows)
    top = w.body.top + geo.header_h + geo.gap
    for row in rows:
        label_h = geo.label_height(row)
        text_box(
            slide,
            Box(w.body.left, top, w.body.width, label_h),
            [row.label],
            geo.label,
            w.colors.heading,
            w.language,
            w.insets,
            anchor="bottom",
            name=f"Row: {plain(row.label)}",
            link_color=w.colors.link,
        )
        card_h = geo.cells_height(row) + spare
        card_top = top + label_h
        if row.shared:
            fill = tint(w.colors.accent, SHARED_TINT)
            boxes = [(Box(w.body.left, card_top, w.body.width, card_h), row.values[0], fill, "shared")]
        else:
            boxes = [
                (Box(c.left, card_top, c.width, card_h), v, tint(color, CELL_TINT), s.name)
                for c, v, color, s in zip(geo.columns, row.values, colors, subjects)
            ]
        for box, paragraphs, fill, who in boxes:
            text_box(
                slide,
                box,
                paragraphs,
                geo.style,
                ink_on(fill, w.colors.text),
                w.language,
                w.insets,
                fill=fill,
                name=f"{plain(row.label)}: {who}",
                link_color=w.colors.link,
            )
        top = card_top + card_h + geo.gap
