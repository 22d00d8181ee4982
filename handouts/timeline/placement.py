"""Lay a :class:`Timeline` out in a box, in abstract units (origin top-left, y down).

The renderer supplies the box width and a text measure in the same units
(points for both the PDF and the deck). Labels never overlap each other or
the marks: they stack into rows above their lane with leader lines. When
that gets too tall, text may shrink to ``min_size`` but no further: markers
get numbers instead (labels move to a numbered key), and crowded markers
merge into one marker labelled "4–9" so same-date events never pile up.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from handouts.errors import OutputError
from handouts.timeline.model import Item, Lane, Timeline
from handouts.timeline.packing import Rows, compress_numbers, pack_tracks
from handouts.timeline.ticks import Tick, nice_ticks

Measure = Callable[[str, float], float]

# Geometry in multiples of the label size: data, so every renderer agrees.
ROW, MARKER, BAR, TRACK, PAD, GAP, AXIS, LANE_GAP = 1.3, 0.95, 0.9, 1.25, 0.45, 0.7, 2.4, 0.8
MERGE_STEPS = (0.0, 1.4, 2.0, 3.0, 4.5, 6.5, 10.0, 15.0, 25.0, 40.0, 1e9)  # in marker widths
TICK_SPACING = 7.0  # ticks at least this many label sizes apart
MAX_POINT_TRACKS = 3  # more same-date stacking than this reads badly: number instead
MAX_LANE_LABEL = 0.2  # lane names take at most this share of the width


@dataclass(frozen=True)
class Mark:
    """A drawn marker (point or cluster of points) or bar (span)."""

    numbers: tuple[int, ...]
    lane: int
    is_span: bool
    x0: float
    x1: float
    y: float  # centre line
    h: float
    color: str
    pattern: str
    marker: str
    approximate: bool


@dataclass(frozen=True)
class Label:
    """A label box with its leader line from the box down to its mark."""

    text: str
    numbers: tuple[int, ...]
    lane: int
    x: float
    y: float
    w: float
    h: float
    leader_x: float
    leader_top: float
    leader_bottom: float

    @property
    def has_leader(self) -> bool:
        """Span labels sit right on their bar and need none."""
        return self.leader_bottom > self.leader_top + 0.01


@dataclass(frozen=True)
class LaneBox:
    lane: Lane
    y: float
    h: float
    title: str  # the lane name, shortened with "…" if it would not fit


@dataclass
class Placement:
    """Everything a renderer draws, positioned."""

    width: float
    height: float
    size: float
    plot_left: float
    plot_right: float
    axis_y: float
    numbered: bool
    lanes: list[LaneBox] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    ticks: list[tuple[float, str]] = field(default_factory=list)


def place(
    timeline: Timeline,
    width: float,
    width_of: Measure,
    size: float,
    min_size: float,
    available_height: float | None = None,
) -> Placement:
    """Try full labels at ``size``, then at ``min_size``, then numbers with
    increasingly merged markers; return the first that fits the height."""
    attempts: list[tuple[float, bool, float]] = [(size, False, 0.0)]
    if min_size < size:
        attempts.append((min_size, False, 0.0))
    attempts += [(size, True, factor) for factor in MERGE_STEPS]
    result = None
    for label_size, numbered, merge in attempts:
        result = _attempt(timeline, width, width_of, label_size, numbered, merge * size * MARKER)
        if result is None:
            continue
        if available_height is None or result.height <= available_height or timeline.empty:
            return result
    if result is None:  # numbers cannot all get clean leaders: merge all points per lane
        result = _attempt(timeline, width, width_of, size, True, width, strict=False)
    if result is None:  # layout checks keep pages wide enough; this is the last line of defence
        raise OutputError.single(
            f"the timeline does not fit in {width:.0f} pt",
            key="page.margins",
            hint="use smaller margins or a smaller timeline.label_size",
        )
    return result


def _attempt(
    timeline: Timeline, width: float, width_of: Measure, size: float, numbered: bool, merge: float, strict: bool = True
) -> Placement | None:
    names = [lane.label for lane in timeline.lanes]
    name_w = min(max((width_of(n, size) for n in names), default=0.0), width * MAX_LANE_LABEL)
    plot_left = name_w + size * (MARKER + 2 * GAP) if names else 0.0
    plot_right = width
    plot_w = plot_right - plot_left
    if plot_w <= size * 4:
        return None
    out = Placement(width, 0.0, size, plot_left, plot_right, 0.0, numbered)
    x_of = lambda value: plot_left + timeline.fraction(value) * plot_w  # noqa: E731
    y = 0.0
    for lane in timeline.lanes:
        items = timeline.lane_items(lane.index)
        lane_out = _place_lane(lane, items, y, x_of, (plot_left, plot_right), width_of, size, numbered, merge, strict)
        if lane_out is None:
            return None
        marks, labels, height = lane_out
        out.marks += marks
        out.labels += labels
        out.lanes.append(LaneBox(lane, y, height, _shorten(lane.label, name_w, width_of, size)))
        y += height
    if timeline.empty:
        y = size * 4
    out.axis_y = y
    out.height = y + size * AXIS
    ticks = nice_ticks(
        timeline.lo,
        timeline.hi,
        plot_w,
        lambda t: width_of(t, size),
        size * GAP * 2,
        max_count=max(2, int(plot_w / (size * TICK_SPACING))),
    )
    half = lambda t: width_of(t.label, size) / 2 + size * 0.25  # noqa: E731  (a text box's slack)
    out.ticks = [
        (x_of(t.value), t.label) for t in ticks if not timeline.empty and half(t) <= x_of(t.value) <= width - half(t)
    ]
    return out


def _place_lane(
    lane: Lane,
    items: list[Item],
    top: float,
    x_of,
    bounds: tuple[float, float],
    width_of: Measure,
    size: float,
    numbered: bool,
    merge: float,
    strict: bool = True,
):
    """Point labels stack in rows above the lane's markers (with leaders);
    each span track carries its own label row right above its bars, so no
    leader ever crosses a bar."""
    marker, bar, track, gap = size * MARKER, size * BAR, size * TRACK, size * GAP
    lo, hi = bounds
    # 1. points, clustered when numbering, packed into tracks
    groups: list[list[Item]] = []
    for item in (i for i in items if not i.is_span):
        x = x_of(item.value)
        if groups and numbered and x - x_of(groups[-1][0].value) < max(merge, marker + gap / 2):
            groups[-1].append(item)
        else:
            groups.append([item])
    point_x = [(x_of(g[0].value) + x_of(g[-1].value)) / 2 for g in groups]
    point_tracks = pack_tracks([(x - marker / 2, x + marker / 2) for x in point_x], gap / 2)
    n_point = max(point_tracks, default=-1) + 1
    if not numbered and n_point > MAX_POINT_TRACKS:
        return None

    # 2. spans: the bar and its label reserve their room in a track. The
    #    label sits beside the bar (after it, else before it), or above it
    #    when neither side has room; it never needs a leader.
    spans = []
    for item in (i for i in items if i.is_span):
        a, b = x_of(item.start), max(x_of(item.end), x_of(item.start) + marker / 2)
        text = str(item.number) if numbered else item.label
        w = width_of(text, size)
        if w > hi - lo:
            return None
        if b + gap / 2 + w <= hi:
            tx, above = b + gap / 2, False
        elif a - gap / 2 - w >= lo:
            tx, above = a - gap / 2 - w, False
        else:
            tx, above = (a if a + w <= hi else max(lo, b - w)), True
        spans.append((item, a, b, text, tx, w, above))
    spans.sort(key=lambda s: min(s[1], s[4]))
    span_tracks = pack_tracks([(min(a, tx), max(b, tx + w)) for _, a, b, _, tx, w, _ in spans], gap)
    n_span = max(span_tracks, default=-1) + 1
    has_above = [False] * n_span
    for span, t in zip(spans, span_tracks):
        has_above[t] = has_above[t] or span[6]

    # 3. point labels right to left, each in the lowest free row: a label
    #    extends right of its anchor, so later leaders never have to cross it
    entries = sorted(
        (
            (x, compress_numbers([i.number for i in g]) if numbered else g[0].label, tuple(i.number for i in g), t)
            for g, x, t in zip(groups, point_x, point_tracks)
        ),
        key=lambda e: (-e[0], -e[3]),
    )
    rows = Rows(gap)
    chosen = []
    for anchor, text, numbers, t in entries:
        w = width_of(text, size)
        if w > hi - lo:
            return None
        x = _clamp(anchor - min(w / 2, marker / 2) if numbered else anchor, w, lo, hi)
        row = rows.place(x, x + w, anchor if strict else None)
        if row is None:
            return None
        chosen.append((anchor, text, numbers, t, row, x, w))

    # 4. vertical positions, top-down
    n_rows, row_h = rows.count, size * ROW
    points_top = top + size * PAD + n_rows * row_h + (size * 0.25 if n_rows else 0)
    spans_top = points_top + n_point * track
    row_h_bar = max(row_h, bar) + size * 0.3
    pitches = [row_h + bar + size * 0.35 if above else row_h_bar for above in has_above]
    track_top = [spans_top + sum(pitches[:t]) for t in range(n_span)]
    point_y = lambda t: points_top + t * track + track / 2  # noqa: E731
    marks, labels = [], []
    for group, x, t in zip(groups, point_x, point_tracks):
        first = group[0]
        marks.append(
            Mark(
                tuple(i.number for i in group),
                lane.index,
                False,
                x,
                x,
                point_y(t),
                marker,
                first.color,
                first.pattern,
                first.marker,
                any(i.approximate for i in group),
            )
        )
    for anchor, text, numbers, t, row, x, w in chosen:
        row_top = top + size * PAD + (n_rows - 1 - row) * row_h
        labels.append(
            Label(
                text,
                numbers,
                lane.index,
                x,
                row_top,
                w,
                row_h,
                anchor,
                row_top + row_h - size * 0.1,
                point_y(t) - marker / 2,
            )
        )
    for (item, a, b, text, tx, w, above), t in zip(spans, span_tracks):
        y = track_top[t] + pitches[t] - row_h_bar / 2
        marks.append(
            Mark(
                (item.number,), lane.index, True, a, b, y, bar, item.color, item.pattern, item.marker, item.approximate
            )
        )
        label_top = y - bar / 2 - row_h if above else y - row_h / 2
        labels.append(Label(text, (item.number,), lane.index, tx, label_top, w, row_h, tx, y, y))
    height = spans_top - top + sum(pitches) + size * PAD + size * LANE_GAP * 0.5
    return marks, labels, height


def _clamp(x: float, w: float, lo: float, hi: float) -> float:
    return min(max(x, lo), hi - w)


def _shorten(text: str, width: float, width_of: Measure, size: float) -> str:
    if width_of(text, size) <= width + 0.01:
        return text
    while text and width_of(text + "…", size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


__all__ = ["Label", "LaneBox", "Mark", "Placement", "Tick", "place"]


def spread(placement: Placement, target_height: float, most: float = 5.0) -> Placement:
    """Give each lane extra room (at most ``most`` label sizes) so a sparse
    chart fills ``target_height``; contents stay centred in their lane."""
    from dataclasses import replace

    lanes = placement.lanes
    if not lanes or placement.height >= target_height:
        return placement
    extra = min((target_height - placement.height) / len(lanes), placement.size * most)
    shifts = {}
    new_lanes = []
    for i, lane in enumerate(lanes):
        shifts[lane.lane.index] = i * extra + extra / 2
        new_lanes.append(replace(lane, y=lane.y + i * extra, h=lane.h + extra))
    out = replace(
        placement,
        lanes=new_lanes,
        marks=[replace(m, y=m.y + shifts[m.lane]) for m in placement.marks],
        labels=[
            replace(
                lb,
                y=lb.y + shifts[lb.lane],
                leader_top=lb.leader_top + shifts[lb.lane],
                leader_bottom=lb.leader_bottom + shifts[lb.lane],
            )
            for lb in placement.labels
        ],
    )
    out.axis_y = placement.axis_y + extra * len(lanes)
    out.height = placement.height + extra * len(lanes)
    return out
