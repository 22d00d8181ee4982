"""Comparison slides: table rows packed several to a slide by measured fit.

A slide shows the subjects' names once, in their colours, across the top of
the body; under them each row is its label and the subjects' values side by
side (one wide card when every subject shares the value). The rows are
measured at every candidate size; the fewest slides are found at the
minimum size, then the largest size that still needs no more slides, and the
rows are spread evenly so no slide is left nearly empty. Cards grow to fill
the slide. A row too tall for a slide of its own at the minimum size (or
alone on its slide among more than four subjects) gets the per-subject grid:
all its subjects on one slide when they fit, else the fewest, most even
groups of them, a slide each (:func:`tall_row`).
"""

from __future__ import annotations

from itertools import chain, combinations

from handouts.colors import tint
from handouts.markup import plain
from handouts.render.deck.a11y import qualified
from handouts.render.deck.builders.grid import draw_grid, plan_grid, slides_needed, subject_grid
from handouts.render.deck.builders.panels import panel_width
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
    slide of their own, or, when that does not fit, in as few groups (each on
    its own slide) as hold them, as even as can be (:func:`subject_groups`);
    a subject too long for a slide alone continues on "(cont.)" slides. The
    row's slides are numbered as one set: "Title", "Title (cont.) 2/3", ..."""
    smallest = w.deck.sizes.min
    if row.shared:
        subject_grid(w, title, [row.values[0]], row.notes, shared=True, smallest=smallest)
        return
    groups = subject_groups(w, row)
    texts = [[row.values[i] for i in group] for group in groups]
    planned = [plan_grid(w, t, smallest) for t in texts]
    if len(planned) > 1:  # one size for all the row's slides: the smallest any of them needs
        size = min(style.size for style, _ in planned)
        planned = [p if p[0].size == size else plan_grid(w, t, smallest, largest=size) for p, t in zip(planned, texts)]
    count = sum(len(pages) for _, pages in planned)
    index = 0
    for group, (style, pages) in zip(groups, planned):
        for page in pages:
            draw_grid(w, w.page_title(title, index, count), page, style, row.notes, subjects=group)
            index += 1


def subject_groups(w: DeckWriter, row: Row) -> list[list[int]]:
    """The row's subjects in runs, in order, a grid each: the fewest slides
    (a run that does not fit one slide continues on "(cont.)" slides); then
    none under a third full; then every card whole on one slide; then the
    most even, by the share of its slides each run's text fills (the
    emptiest as full as it can be), so no short card stands alone."""
    count, smallest = len(row.values), w.deck.sizes.min
    style = w.style("body", smallest)
    area = w.body.width * w.body.height
    known: dict[tuple[int, int], tuple[int, float]] = {}

    def cost(start: int, end: int) -> tuple[int, float]:
        """(slides, share of them the text fills) for one run."""
        if (start, end) not in known:
            texts = row.values[start:end]
            width = panel_width(w, len(texts))
            text = sum(block_height(t, style, width, w.insets) * width for t in texts)
            slides = slides_needed(w, texts, smallest)
            known[start, end] = (slides, min(text / (area * slides), 1.0))
        return known[start, end]

    best: tuple | None = None
    for cuts in chain.from_iterable(combinations(range(1, count), k) for k in range(count)):
        bounds = list(zip((0, *cuts), (*cuts, count)))
        costs = [cost(a, b) for a, b in bounds]
        emptiest = min(fill for _, fill in costs)
        split = sum(slides > 1 for slides, _ in costs)
        key = (sum(slides for slides, _ in costs), emptiest < 1 / 3, split, -round(emptiest, 6))
        if best is None or key < best[0]:
            best = (key, [list(range(a, b)) for a, b in bounds])
    return best[1] if best else [list(range(count))]


def page_title(w: DeckWriter, rows: list[Row], others: list[str]) -> str:
    """One row: its label. Several: their labels joined, if they fit a line at
    the heading size; else the first and last."""
    if len(rows) == 1:  # shortened, if it must be, before its qualifier
        return w.page_title(qualified(rows[0].label, others, w.deck.labels.compared), 0, 1)
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
