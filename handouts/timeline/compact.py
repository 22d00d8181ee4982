"""The most compact lane: numbers beside their marks, points and spans sharing tracks.

A track is a row of text one label tall, holding point markers with their
numbers and the numbers of spans, over a thin bar row for the spans' bars.
A point and a span that do not overlap share a track (the point's marker
sits in the text row, the bar just under it), so a lane of a few events and
an era is one track: about 1.8 label sizes instead of 3.5. This is what lets
six large-print lanes and the shared lane onto one slide at the deck's
minimum size. The truth rule holds as everywhere: every mark at its date.
"""

from __future__ import annotations

from handouts.timeline.geometry import Label, Mark
from handouts.timeline.lane import GAP, MARKER, LaneRequest, point_groups, short_labels
from handouts.timeline.model import Item, Lane
from handouts.timeline.packing import compress_numbers

# In multiples of the label size.
TEXT = 1.22  # a text row: one line of numbers (the renderers' text box)
THIN = 0.28  # a span's bar in a compact lane (thin: 6 lanes + shared fit a large-print slide above its footer)
BAR_GAP = 0.06  # between a track's text row and its bar row
TRACK_GAP = 0.06  # below the bar row, before the next track
TOP, BOTTOM = 0.04, 0.06  # the lane's own padding (lanes are also ruled apart)
AXIS_COMPACT = 1.85  # the axis below compact lanes: tick, gap, one line of years


def track_pitch(size: float, with_bars: bool) -> float:
    """One track's height: its text row, and its bar row when the lane has spans."""
    return size * (TEXT + ((BAR_GAP + THIN + TRACK_GAP) if with_bars else TRACK_GAP))


def place_compact(lane: Lane, items: list[Item], top: float, r: LaneRequest):
    """Marks and number labels for one lane, packed into shared tracks;
    ``(marks, labels, height)``, or ``None`` when a number cannot fit. A span's
    number goes after its bar, else before it, else over its start; both
    preferences are tried and the one needing fewer tracks wins."""
    packed = [_pack(items, r, prefer) for prefer in ((0, 1, 2), (1, 0, 2))]
    if any(p is None for p in packed):
        return None
    tracks, placed = min(packed, key=lambda p: p[0])  # type: ignore[index]
    return _draw(lane, items, top, r, tracks, placed)


def _pack(items: list[Item], r: LaneRequest, prefer: tuple[int, ...]):
    """``(tracks, [(track, what, label x)])``: each element in the first track
    where one of its number's places and its bar are free."""
    size = r.size
    marker, gap = size * MARKER, size * GAP / 2
    elements = []  # (where its mark sits, [(text-row box, label x)], bar box or None, what)
    for group in short_labels(point_groups(items, r.x_of, marker, True), r):
        x = (r.x_of(group[0].value) + r.x_of(group[-1].value)) / 2
        text = compress_numbers([i.number for i in group])
        w = r.width_of(text, size)
        places = [lx for lx in (x + marker / 2 + gap, x - marker / 2 - gap - w) if r.lo <= lx and lx + w <= r.hi]
        if not places:
            return None
        boxes = [((min(x - marker / 2, lx), max(x + marker / 2, lx + w)), lx) for lx in places]
        elements.append((x - marker / 2, boxes, None, ("point", group, x, text, w)))
    for item in (i for i in items if i.is_span):
        a, b = r.x_of(item.start), max(r.x_of(item.end), r.x_of(item.start) + marker / 2)
        text = str(item.number)
        w = r.width_of(text, size)
        if w > r.hi - r.lo:
            return None
        after, before, over = b + gap, a - gap - w, max(r.lo, min(a, r.hi - w))
        fits = [after + w <= r.hi, before >= r.lo, True]
        places = [(after, before, over)[k] for k in prefer if fits[k]]
        elements.append((a, [((lx, lx + w), lx) for lx in places], (a, b), ("span", item, a, b, text, w)))
    elements.sort(key=lambda e: e[0])

    space = size * GAP
    text_rows: list[list[tuple[float, float]]] = []
    bar_rows: list[list[tuple[float, float]]] = []
    placed = []
    for _, boxes, bar_box, what in elements:
        track, choice = 0, None
        while choice is None:
            if track == len(text_rows):
                text_rows.append([])
                bar_rows.append([])
            if bar_box is None or _free(bar_rows[track], bar_box, space):
                choice = next((bl for bl in boxes if _free(text_rows[track], bl[0], space)), None)
            if choice is None:
                track += 1
        text_rows[track].append(choice[0])
        if bar_box is not None:
            bar_rows[track].append(bar_box)
        placed.append((track, what, choice[1]))
    return len(text_rows), placed


def _draw(lane: Lane, items: list[Item], top: float, r: LaneRequest, tracks: int, placed: list):
    size = r.size
    marker = size * MARKER
    pitch = track_pitch(size, any(i.is_span for i in items))
    first = top + size * TOP
    marks, labels = [], []
    for track, what, lx in placed:
        row_top = first + track * pitch
        mid = row_top + size * TEXT / 2
        if what[0] == "point":
            _, group, x, text, w = what
            numbers = tuple(i.number for i in group)
            lead = group[0]
            approximate = any(i.approximate for i in group)
            marks.append(
                Mark(numbers, lane.index, False, x, x, mid, marker, lead.color, lead.pattern, lead.marker, approximate)
            )
            labels.append(Label(text, numbers, lane.index, lx, row_top, w, size * TEXT, lx, mid, mid))
        else:
            _, item, a, b, text, w = what
            bar_y = row_top + size * (TEXT + BAR_GAP + THIN / 2)
            marks.append(
                Mark(
                    (item.number,),
                    lane.index,
                    True,
                    a,
                    b,
                    bar_y,
                    size * THIN,
                    item.color,
                    item.pattern,
                    item.marker,
                    item.approximate,
                )
            )
            labels.append(Label(text, (item.number,), lane.index, lx, row_top, w, size * TEXT, lx, mid, mid))
    height = size * (TOP + BOTTOM) + max(tracks, 1) * pitch
    return marks, labels, height


def _free(row: list[tuple[float, float]], box: tuple[float, float], gap: float) -> bool:
    a, b = box
    return all(b + gap <= x0 or a >= x1 + gap for x0, x1 in row)
