"""Dense periods: a zoomed strip for events that crowd a small part of a long axis.

When one marker on the main chart stands for events of different dates (they
lie within one marker width there: allowed, and true to that axis) and all
such events fall in a short stretch of the range, the chart gets an inset:
that stretch on its own axis, where they stand apart. The main axis marks
the stretch with a bracket; each strip keeps the truth rule on its own axis.
"""

from __future__ import annotations

from collections.abc import Callable

from handouts.timeline.geometry import Placement
from handouts.timeline.model import Timeline

MAX_SHARE = 0.25  # zoom only a stretch of at most this share of the drawn axis
MIN_GAIN = 3.0  # and only when the inset's scale is at least this many times the main one


def crowded(timeline: Timeline, placement: Placement) -> list[float]:
    """Dates of events that share a marker with an event of another date."""
    value = {item.number: item.value for item in timeline.items}
    out = []
    for mark in placement.marks:
        dates = {value[n] for n in mark.numbers}
        if not mark.is_span and len(dates) > 1:
            out += sorted(dates)
    return out


def dense_range(timeline: Timeline, placement: Placement) -> tuple[float, float] | None:
    """The stretch to zoom (axis values), or ``None`` when nothing is merged
    or the merged events are spread over too much of the axis for one inset."""
    dates = crowded(timeline, placement)
    if not dates:
        return None
    lo, hi = min(dates), max(dates)
    if hi - lo > (placement.hi - placement.lo) * MAX_SHARE:
        return None
    return lo, hi


def inset(timeline: Timeline, lo: float, hi: float) -> Timeline:
    """The events inside ``lo``..``hi`` (points, and spans wholly inside), on
    an axis fitted to them, in only the lanes that have some (same numbers)."""
    numbers = {
        i.number for i in timeline.items if ((lo <= i.start and i.end <= hi) if i.is_span else lo <= i.value <= hi)
    }
    part = timeline.period(numbers)
    return part.subset(sorted({i.lane for i in part.items}))


def plan_zoom(
    timeline: Timeline, placement: Placement, fit: Callable[[Timeline], Placement], height: float = float("inf")
) -> tuple[tuple[float, float], Timeline, Placement] | None:
    """``((lo, hi), inset part, its placement)`` for ``placement``'s crowded
    stretch, or ``None`` when it has none, zooming would not separate it or
    the inset is taller than ``height``."""
    found = dense_range(timeline, placement)
    if found is None:
        return None
    part = inset(timeline, *found)
    if len(part.items) < 2:
        return None
    placed = fit(part)
    if placed.height > height:
        return None
    main_scale = (placement.plot_right - placement.plot_left) / (placement.hi - placement.lo)
    scale = (placed.plot_right - placed.plot_left) / (placed.hi - placed.lo)
    if scale < main_scale * MIN_GAIN:
        return None
    return found, part, placed
