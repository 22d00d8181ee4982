"""One lane of a placed timeline: its markers, bars and labels.

The truth rule lives here: every marker is drawn at its own date. Points
closer than a marker's width to each other are *stacked* in tracks (never
nudged along the axis); only when labels give way to numbers may events whose
positions lie within one marker width share a marker, drawn at the middle of
them, so no event is ever more than half a marker from its date.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from handouts.timeline.geometry import Label, Mark
from handouts.timeline.model import Item, Lane
from handouts.timeline.packing import Rows, compress_numbers, pack_tracks

Measure = Callable[[str, float], float]

# Geometry in multiples of the label size: data, so every renderer agrees.
ROW, MARKER, BAR, TRACK, PAD, GAP, AXIS, LANE_GAP = 1.3, 0.95, 0.9, 1.25, 0.45, 0.7, 2.4, 0.8
MAX_POINT_TRACKS = 3  # more same-date stacking than this reads badly: number instead
MAX_LABEL_SHARE = 0.45  # a shared marker's numbers take at most this share of the plot


@dataclass(frozen=True)
class LaneRequest:
    """How to lay one lane out: the axis mapping, the plot's bounds and the text."""

    x_of: Callable[[float], float]
    lo: float
    hi: float
    width_of: Measure
    size: float
    numbered: bool
    strict: bool = True  # leaders may not cross a label (off only for the last resort)
    beside: bool = False  # numbers right beside their markers, no label rows
    compact: bool = False  # and points and spans sharing tracks (see :mod:`handouts.timeline.compact`)


def point_groups(items: list[Item], x_of: Callable[[float], float], marker: float, numbered: bool) -> list[list[Item]]:
    """Points in axis order; when numbered, those within one marker width of
    a group's *first* point share its marker (no chaining: a group never
    spans more than one marker width)."""
    groups: list[list[Item]] = []
    for item in sorted((i for i in items if not i.is_span), key=lambda i: (i.value, i.number)):
        if groups and numbered and x_of(item.value) - x_of(groups[-1][0].value) <= marker:
            groups[-1].append(item)
        else:
            groups.append([item])
    return groups


def place_lane(lane: Lane, items: list[Item], top: float, r: LaneRequest):
    """Point labels stack in rows above the lane's markers (with leaders);
    each span track carries its own label row right above its bars, so no
    leader ever crosses a bar. ``None`` when this request cannot work."""
    size = r.size
    marker, bar, track, gap = size * MARKER, size * BAR, size * TRACK, size * GAP
    lo, hi = r.lo, r.hi
    groups = short_labels(point_groups(items, r.x_of, marker, r.numbered), r)
    point_x = [(r.x_of(g[0].value) + r.x_of(g[-1].value)) / 2 for g in groups]
    beside = _beside(groups, point_x, r) if r.beside else []
    if beside is None:
        return None
    boxes = [(min(x - marker / 2, b[0]), max(x + marker / 2, b[0] + b[1])) for x, b in zip(point_x, beside)]
    point_tracks = _pack_sorted(boxes, gap) if beside else []
    if not beside:
        point_tracks = pack_tracks([(x - marker / 2, x + marker / 2) for x in point_x], gap / 2)
    n_point = max(point_tracks, default=-1) + 1
    if not r.numbered and n_point > MAX_POINT_TRACKS:
        return None

    # spans: the bar and its label reserve their room in a track. The label
    # sits beside the bar (after it, else before it), or above it when neither
    # side has room; it never needs a leader.
    spans = []
    for item in (i for i in items if i.is_span):
        a, b = r.x_of(item.start), max(r.x_of(item.end), r.x_of(item.start) + marker / 2)
        text = str(item.number) if r.numbered else item.label
        w = r.width_of(text, size)
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

    # point labels right to left, each in the lowest free row: a label extends
    # right of its anchor, so later leaders never have to cross it
    entries = sorted(
        (
            (x, compress_numbers([i.number for i in g]) if r.numbered else g[0].label, tuple(i.number for i in g), t)
            for g, x, t in zip(groups, point_x, point_tracks)
        ),
        key=lambda e: (-e[0], -e[3]),
    )
    found = None if beside else _label_rows(entries, r) or _label_rows(entries, r, edge_first=True)
    if found is None and not beside:
        return None
    rows, chosen = found if found is not None else (Rows(gap), [])

    # vertical positions, top-down
    n_rows, row_h = rows.count, size * ROW
    pad = size * PAD * (0.4 if beside else 1.0)  # numbers beside markers need no headroom
    points_top = top + pad + n_rows * row_h + (size * 0.25 if n_rows else 0)
    spans_top = points_top + n_point * track
    row_h_bar = max(row_h, bar) + size * 0.3
    pitches = [row_h + bar + size * 0.35 if above else row_h_bar for above in has_above]
    track_top = [spans_top + sum(pitches[:t]) for t in range(n_span)]
    point_y = lambda t: points_top + t * track + track / 2  # noqa: E731
    marks, labels = [], []
    for group, x, t in zip(groups, point_x, point_tracks):
        first = group[0]
        numbers = tuple(i.number for i in group)
        approximate = any(i.approximate for i in group)
        marks.append(
            Mark(
                numbers,
                lane.index,
                False,
                x,
                x,
                point_y(t),
                marker,
                first.color,
                first.pattern,
                first.marker,
                approximate,
            )
        )
    for (lx, w, text), group, t in zip(beside, groups, point_tracks):
        numbers = tuple(i.number for i in group)
        y = point_y(t)
        labels.append(Label(text, numbers, lane.index, lx, y - track / 2, w, track, lx, y, y))  # one track tall
    for anchor, text, numbers, t, row, x, w in chosen:
        row_top = top + pad + (n_rows - 1 - row) * row_h
        leader_top, leader_bottom = row_top + row_h - size * 0.1, point_y(t) - marker / 2
        labels.append(Label(text, numbers, lane.index, x, row_top, w, row_h, anchor, leader_top, leader_bottom))
    for (item, a, b, text, tx, w, above), t in zip(spans, span_tracks):
        y = track_top[t] + pitches[t] - row_h_bar / 2
        marks.append(
            Mark(
                (item.number,), lane.index, True, a, b, y, bar, item.color, item.pattern, item.marker, item.approximate
            )
        )
        label_top = y - bar / 2 - row_h if above else y - row_h / 2
        labels.append(Label(text, (item.number,), lane.index, tx, label_top, w, row_h, tx, y, y))
    height = spans_top - top + sum(pitches) + pad + size * LANE_GAP * (0.35 if beside else 0.5)
    return marks, labels, height


def short_labels(groups: list[list[Item]], r: LaneRequest) -> list[list[Item]]:
    """Groups whose numbers would not fit a label of :data:`MAX_LABEL_SHARE` of
    the plot are cut into runs that do: each run its own marker at its own
    dates (stacked, as any close markers), so a long "3, 7, 9–12, …" never
    leaves the page."""
    most = (r.hi - r.lo) * MAX_LABEL_SHARE
    out: list[list[Item]] = []
    for group in groups:
        run: list[Item] = []
        for item in group:
            if run and r.width_of(compress_numbers([i.number for i in [*run, item]]), r.size) > most:
                out.append(run)
                run = []
            run.append(item)
        out.append(run)
    return out


def _label_rows(entries: list, r: LaneRequest, edge_first: bool = False) -> tuple[Rows, list] | None:
    """Each label in the lowest free row whose leader crosses no label below.

    Labels extend right of their anchors and go right to left, so a later
    leader never meets an earlier box. With ``edge_first``, labels too long to
    extend right before the plot's end go first, left to right, each ending at
    its anchor (they would otherwise be pushed left over other anchors)."""
    size = r.size
    marker = size * MARKER
    rows = Rows(size * GAP)
    chosen = []
    sized = [(e, r.width_of(e[1], size)) for e in entries]
    if any(w > r.hi - r.lo for _, w in sized):
        return None
    if edge_first:
        edge = [(e, w) for e, w in sized if e[0] + w > r.hi and e[0] - w >= r.lo and not r.numbered]
        rest = [(e, w) for e, w in sized if (e, w) not in edge]
        sized = sorted(edge, key=lambda ew: ew[0][0]) + rest
    for (anchor, text, numbers, t), w in sized:
        at_edge = edge_first and not r.numbered and anchor + w > r.hi and anchor - w >= r.lo
        x = anchor - w if at_edge else _clamp(anchor - min(w / 2, marker / 2) if r.numbered else anchor, w, r.lo, r.hi)
        row = rows.place(x, x + w, anchor if r.strict else None)
        if row is None and not r.numbered and anchor - w >= r.lo:  # else the label may end at its leader
            x = anchor - w
            row = rows.place(x, x + w, anchor if r.strict else None)
        if row is None:
            return None
        chosen.append((anchor, text, numbers, t, row, x, w))
    return rows, chosen


def _beside(groups: list[list[Item]], point_x: list[float], r: LaneRequest) -> list[tuple[float, float, str]] | None:
    """Each marker's numbers as (x, width, text) right of it, or left of it at
    the plot's right end."""
    size = r.size
    half, gap = size * MARKER / 2, size * GAP / 2
    out = []
    for group, x in zip(groups, point_x):
        text = compress_numbers([i.number for i in group])
        w = r.width_of(text, size)
        lx = x + half + gap if x + half + gap + w <= r.hi else x - half - gap - w
        if lx < r.lo:  # fits on neither side: numbers beside markers cannot work here
            return None
        out.append((lx, w, text))
    return out


def _pack_sorted(boxes: list[tuple[float, float]], gap: float) -> list[int]:
    """Tracks for boxes in any order (first-fit needs them left to right)."""
    order = sorted(range(len(boxes)), key=lambda i: boxes[i])
    tracks = pack_tracks([boxes[i] for i in order], gap)
    out = [0] * len(boxes)
    for i, t in zip(order, tracks):
        out[i] = t
    return out


def _clamp(x: float, w: float, lo: float, hi: float) -> float:
    return min(max(x, lo), hi - w)
