"""Lay a :class:`Timeline` out in a box, in abstract units (origin top-left, y down).

The renderer supplies the box width and a text measure in the same units
(points for both the PDF and the deck). Labels never overlap each other or
the marks: they stack into rows above their lane with leader lines. When
that gets too tall, text may shrink to ``min_size`` but no further; then
markers carry numbers (the labels move to a numbered key). Nothing ever moves
along the axis to make room (see :mod:`handouts.timeline.lane`).
"""

from __future__ import annotations

from dataclasses import replace

from handouts.errors import OutputError
from handouts.timeline.compact import AXIS_COMPACT, place_compact
from handouts.timeline.geometry import Label, LaneBox, Mark, Placement
from handouts.timeline.lane import AXIS, GAP, MARKER, LaneRequest, Measure, place_lane
from handouts.timeline.model import Timeline
from handouts.timeline.ticks import Tick, nice_axis

MAX_LANE_LABEL = 0.2  # lane names take at most this share of the width
TICK_GAP = 2.0  # tick labels at least this many label sizes apart


def place(
    timeline: Timeline,
    width: float,
    width_of: Measure,
    size: float,
    min_size: float,
    available_height: float | None = None,
) -> Placement:
    """Full labels at ``size``, then at ``min_size``, then numbered markers at
    each, then numbers right beside their markers (no label rows), then
    points and spans sharing tracks (the most compact); the first that fits
    ``available_height``, else the shortest (the caller then gives the chart
    a page or slide of its own, or splits lanes)."""
    return Attempts(timeline, width, width_of, size, min_size).fit(available_height)


class Attempts:
    """The placements :func:`place` tries, in its order, each made once, when
    first needed: a chart fitted to several heights at one width (a slide
    trying key bands of one, two and three columns under it) is laid out once
    per attempt, not once per height."""

    def __init__(self, timeline: Timeline, width: float, width_of: Measure, size: float, min_size: float) -> None:
        self.timeline, self.width, self.width_of = timeline, width, width_of
        sizes = [size] + ([min_size] if min_size < size else [])
        self._todo = iter(
            [(s, False, True, "") for s in sizes]
            + [(s, True, True, "") for s in sizes]
            + [(s, True, True, "beside") for s in sizes]
            + [(s, True, True, "compact") for s in sizes]
            + [(sizes[-1], True, False, "")]
        )
        self._made: list[Placement] = []

    def _results(self):
        yield from self._made
        for label_size, numbered, strict, mode in self._todo:
            result = _attempt(self.timeline, self.width, self.width_of, label_size, numbered, strict, mode)
            if result is not None:
                self._made.append(result)
                yield result

    def fit(self, available_height: float | None = None) -> Placement:
        """The first attempt no taller than ``available_height``, else the shortest."""
        for result in self._results():
            if available_height is None or result.height <= available_height:
                return result
        if not self._made:  # layout checks keep pages wide enough; this is the last line of defence
            raise OutputError.single(
                f"the timeline does not fit in {self.width:.0f} pt",
                key="page.margins",
                hint="use smaller margins or a smaller timeline.label_size",
            )
        return min(self._made, key=lambda p: p.height)


def _attempt(
    timeline: Timeline, width: float, width_of: Measure, size: float, numbered: bool, strict: bool, mode: str
) -> Placement | None:
    names = [lane.label for lane in timeline.lanes]
    name_w = min(max((width_of(n, size) for n in names), default=0.0), width * MAX_LANE_LABEL)
    plot_left = name_w + size * (MARKER + 2 * GAP) if names else 0.0
    axis, plot_right = _axis(timeline, plot_left, width, width_of, size)
    if plot_right - plot_left <= size * 4:
        return None
    out = Placement(width, 0.0, size, plot_left, plot_right, 0.0, numbered, axis.lo, axis.hi)
    compact = mode == "compact"
    request = LaneRequest(out.x, plot_left, plot_right, width_of, size, numbered, strict, mode != "", compact)
    lay = place_compact if compact else place_lane
    y = 0.0
    for lane in timeline.lanes:
        lane_out = lay(lane, timeline.lane_items(lane.index), y, request)
        if lane_out is None:
            return None
        marks, labels, height = lane_out
        out.marks += marks
        out.labels += labels
        out.lanes.append(LaneBox(lane, y, height, _shorten(lane.label, name_w, width_of, size)))
        y += height
    out.axis_y = y
    out.height = y + size * (AXIS_COMPACT if compact else AXIS)
    out.ticks = [(out.x(t.value), t.label) for t in axis.ticks]
    return out


def _axis(timeline: Timeline, plot_left: float, width: float, width_of: Measure, size: float):
    """The axis and the plot's right end: the last tick's label, centred on
    it, must end inside ``width`` (two passes: the labels depend on the axis)."""
    half = lambda t: width_of(t.label, size) / 2 + size * 0.25  # noqa: E731  (a text box's slack)
    plot_right = width
    axis = nice_axis(
        timeline.lo, timeline.hi, plot_right - plot_left, lambda t: width_of(t, size), size * TICK_GAP, timeline.dates
    )
    for _ in range(2):
        plot_right = width - max((half(t) for t in axis.ticks[-1:]), default=0.0)
        axis = nice_axis(
            timeline.lo,
            timeline.hi,
            plot_right - plot_left,
            lambda t: width_of(t, size),
            size * TICK_GAP,
            timeline.dates,
        )
    plot_right = min(plot_right, width - max((half(t) for t in axis.ticks[-1:]), default=0.0))
    return axis, plot_right


def _shorten(text: str, width: float, width_of: Measure, size: float) -> str:
    if width_of(text, size) <= width + 0.01:
        return text
    while text and width_of(text + "…", size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


__all__ = ["Label", "LaneBox", "Mark", "Placement", "Tick", "place", "spread"]


def spread(placement: Placement, target_height: float, most: float = 5.0) -> Placement:
    """Give each lane extra room (at most ``most`` label sizes) so a sparse
    chart fills ``target_height``; contents stay centred in their lane."""
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
