"""The timeline slides: the chart, and its numbered key on the same slide when it fits.

When labels had to give way to numbers, the key (each event's lane marker,
number, date and label, in date order) goes in a band under the chart, else
in a column beside it (the chart placed again, narrower), at the deck's
minimum size; only a key that fits neither continues on key slides.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from handouts.markup import plain
from handouts.render.deck.a11y import set_alt_text
from handouts.render.deck.chart.painter import Painter, draw_timeline
from handouts.render.deck.chart.plan import SPREAD_MOST, ChartFits, deck_measure, plan_slides
from handouts.render.deck.deck_writer import DeckWriter
from handouts.render.deck.fit import TextStyle, wrap
from handouts.render.deck.text import Box
from handouts.timeline.model import Item, Timeline, build_timeline, warn_no_timeline
from handouts.timeline.placement import Placement, spread
from handouts.timeline.zoom import plan_zoom
from handouts.units import pt_to_emu

LINE = 1.25  # a key line's pitch, in label sizes (the chart's own text box)
ENTRY_GAP = 0.25  # between two events of the key
INDENT = 1.4  # the marker's column, before the text
MAX_LINES = 3  # an event taking more lines than this makes a key of columns too narrow
COLUMN_SHARES = (0.32, 0.4)  # a key beside the chart takes this share of the width
MAX_BAND_COLUMNS = 3


@dataclass
class KeyEntry:
    """One event of the key, broken into lines for its column."""

    item: Item
    lines: list[str]


@dataclass
class SlidePlan:
    """What one timeline slide holds (boxes in points, relative to the body)."""

    part: Timeline
    placement: Placement
    chart: Box
    key: list[tuple[Box, list[KeyEntry]]]  # columns; empty when the key is not on this slide


def timeline_slide(w: DeckWriter) -> None:
    """The shared timeline drawn with native shapes, on as many slides as it
    needs to fit (lanes, else periods, continue on the next; each with its own
    axis); every event (date, label, detail) in the notes and the group's alt
    text; the numbered key on the chart's slide when it fits, else on key
    slides after it. Fewer than two dated events: no slide (the build warns once)."""
    timeline = build_timeline(w.model, w.layout)
    if timeline.empty:
        warn_no_timeline(w.context, timeline)
        return
    body = w.body
    fits = ChartFits(w.layout)
    charts = [
        plan_slide(part, placed, w, fits)
        for part, placed in plan_slides(timeline, w.layout, body.width, body.height, False, fits)
    ]
    plans: list[tuple[str, SlidePlan]] = []
    for n, plan in enumerate(charts):
        labels = w.deck.labels
        title = w.page_title(labels.timeline, n, len(charts))
        plans.append((title, plan))
        detail = zoom_slide(plan, w, fits)
        if detail is not None:
            plans.append(detail)
    left_over: list[Item] = []
    for title, plan in plans:
        lines = [
            f"{item.date_text}: {item.label}" + (f" — {item.detail}" if item.detail else "")
            for item in plan.part.chronological()
        ]
        slide = w.new_slide(title, [plain(line) for line in lines], figure=True)
        c = plan.chart
        box = (pt_to_emu(body.left + c.left), pt_to_emu(body.top + c.top), pt_to_emu(c.width), pt_to_emu(c.height))
        draw_timeline(slide, *box, plan.part, w.layout, w.language, plan.placement)
        group = next(shape for shape in slide.shapes if shape.name == "Timeline")
        set_alt_text(group, f"{w.deck.labels.timeline}: " + "; ".join(plain(line) for line in lines))
        if plan.key:
            draw_key(slide, w, plan.key)
        elif plan.placement.numbered:
            left_over += [i for i in plan.part.chronological() if i not in left_over]
    if left_over:  # a key too long for any chart's slide
        left_over.sort(key=lambda item: item.number)
        key = [f"{item.number}. {item.date_text}: {item.label}" for item in left_over]
        w.flow(w.deck.labels.timeline_key, key, [plain(k) for k in key], bullet=False, listing=True)


def zoom_slide(plan: SlidePlan, w: DeckWriter, fits: ChartFits) -> tuple[str, SlidePlan] | None:
    """A crowded stretch of ``plan``'s chart (see :mod:`handouts.timeline.zoom`)
    as a slide of its own, on its own axis, titled "In detail: Jan 1928 – Nov
    1930"; the chart brackets the stretch. ``None`` when nothing is crowded."""
    body = w.body
    found = plan_zoom(plan.part, plan.placement, lambda p: fits(p, body.width, body.height), body.height)
    if found is None:
        return None
    span, part, placed = found
    plan.placement = replace(plan.placement, zoom=span)
    events = part.chronological()
    title = f"{w.layout.timeline.labels.zoom}: {plain(events[0].date_text)} – {plain(events[-1].date_text)}"
    return title, plan_slide(part, placed, w, fits)


def plan_slide(part: Timeline, placed: Placement, w: DeckWriter, fits: ChartFits) -> SlidePlan:
    """The chart alone (spread to fill the body) when it needs no key; else
    the chart with its key in a band under it (1 to :data:`MAX_BAND_COLUMNS`
    columns, the chart placed again in the room left), else in a column beside
    it (the chart placed again, narrower): the first that fits, the band that
    leaves the chart most room first. Else the key goes to key slides."""
    body, gap = w.body, w.deck.gap
    whole = Box(0, 0, body.width, body.height)
    if not placed.numbered:
        return SlidePlan(part, spread(placed, body.height, most=SPREAD_MOST), whole, [])
    items = part.chronological()
    bands = []
    for k in range(1, MAX_BAND_COLUMNS + 1):
        col_w = (body.width - (k - 1) * gap) / k
        found = balanced(items, w, col_w, k, body.height - gap, full_width=k == 1)
        if found is None:
            continue
        key_h, columns = found
        room = body.height - key_h - gap
        chart = fits(part, body.width, room)
        if chart.height <= room:
            bands.append((key_h, k, columns, chart))
    if bands:
        key_h, k, columns, chart = min(bands, key=lambda b: (b[0], b[1]))
        room = body.height - key_h - gap
        col_w = (body.width - (k - 1) * gap) / k
        boxes = [Box(i * (col_w + gap), room + gap, col_w, key_h) for i in range(k)]
        chart = spread(chart, room, most=SPREAD_MOST)
        return SlidePlan(part, chart, Box(0, 0, body.width, room), list(zip(boxes, columns)))
    for share in COLUMN_SHARES:
        key_w = body.width * share
        chart_w = body.width - key_w - gap
        found = balanced(items, w, key_w, 1, body.height)
        narrow = fits(part, chart_w, body.height)
        if found is not None and narrow.height <= body.height:
            key_h, (column,) = found
            chart = spread(narrow, body.height, most=SPREAD_MOST)
            return SlidePlan(
                part, chart, Box(0, 0, chart_w, body.height), [(Box(chart_w + gap, 0, key_w, key_h), column)]
            )
    return SlidePlan(part, spread(placed, body.height, most=SPREAD_MOST), whole, [])


def balanced(
    items: list[Item], w: DeckWriter, width: float, count: int, most: float, full_width: bool = False
) -> tuple[float, list[list[KeyEntry]]] | None:
    """The events, in date order, down ``count`` columns of ``width`` as short
    as holds them (at most ``most`` tall): ``(height, columns)``; ``None``
    when they do not fit, or when an event needs more than :data:`MAX_LINES`
    lines in a column that is not the slide's whole width (a wider key would
    read better)."""
    size = w.deck.sizes.min
    style = TextStyle(w.deck.fonts.body, size)
    entries = []
    for item in items:
        # broken where the slides' text breaks (over-long words and addresses too: fit.wrap)
        lines = [line for line, _ in wrap(key_text(item), style, width - size * INDENT)]
        if len(lines) > MAX_LINES and (count > 1 or not full_width):
            return None
        entries.append(KeyEntry(item, lines))
    height = max(column_height(entries, size) / count, max(column_height([e], size) for e in entries))
    while height <= most + 0.01:
        columns: list[list[KeyEntry]] = [[]]
        for entry in entries:
            if columns[-1] and column_height([*columns[-1], entry], size) > height + 0.01:
                columns.append([])
            columns[-1].append(entry)
        if len(columns) <= count:
            return max(column_height(c, size) for c in columns), columns
        height += size * LINE
    return None


def key_text(item: Item) -> str:
    return plain(f"{item.number}. {item.date_text}: {item.label}")


def column_height(entries: list[KeyEntry], size: float) -> float:
    lines = sum(len(e.lines) for e in entries)
    return size * (lines * LINE + max(len(entries) - 1, 0) * ENTRY_GAP)


def draw_key(slide, w: DeckWriter, columns: list[tuple[Box, list[KeyEntry]]]) -> None:  # noqa: ANN001
    """Each event: its lane's marker, then its lines; grouped as "Timeline key"."""
    size, body = w.deck.sizes.min, w.body
    painter = Painter(w.layout, pt_to_emu(body.left), pt_to_emu(body.top), w.language, deck_measure(w.layout))
    for box, entries in columns:
        y = box.top
        for entry in entries:
            item = entry.item
            painter.marker(
                item.marker,
                box.left + size * 0.55,
                y + size * LINE / 2,
                size * 0.8,
                item.color,
                f"Key marker {item.number}",
            )
            for line in entry.lines:
                painter.text(
                    box.left + size * INDENT, y, box.width - size * INDENT, size * LINE, line, size, w.colors.text
                )
                y += size * LINE
            y += size * ENTRY_GAP
    painter.group(slide, "Timeline key")
