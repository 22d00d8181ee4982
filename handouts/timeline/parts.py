"""Cut a timeline that cannot fit one page or slide into parts that each do.

Each part is a whole chart with its own axis: consecutive lanes (same axis
range, so parts compare), or a period (earlier events, then later ones).
Nothing is ever shrunk below the layout's minimum or moved off its date to
make it fit; a part is only ever a smaller set of events.
"""

from __future__ import annotations

from collections.abc import Callable

from handouts.timeline.geometry import Placement
from handouts.timeline.model import Timeline

Fit = Callable[[Timeline], Placement]
MAX_DEPTH = 5  # at most 2**5 periods: beyond that a chart is a list, and the key is one


def split_to_fit(
    timeline: Timeline, fit: Fit, height: float, by_lanes: bool = True
) -> list[tuple[Timeline, Placement]]:
    """``[(part, placement)]``: one part when it fits ``height``; else lanes
    per part (when ``by_lanes``), each cut by period if still too tall."""
    whole = fit(timeline)
    if whole.height <= height:
        return [(timeline, whole)]
    if not by_lanes or len(timeline.lanes) < 2:
        return by_period(timeline, fit, height)
    n = len(timeline.lanes)
    for k in range(2, n + 1):  # the fewest parts, lanes shared out evenly (never 7 + 1)
        groups = [list(range(n))[i * n // k : (i + 1) * n // k] for i in range(k)]
        placed = [(timeline.subset(g), fit(timeline.subset(g))) for g in groups]
        if all(p.height <= height for _, p in placed):
            return placed
    return [part for lane in range(n) for part in by_period(timeline.subset([lane]), fit, height)]


def by_period(part: Timeline, fit: Fit, height: float, depth: int = 0) -> list[tuple[Timeline, Placement]]:
    """``part`` whole, or cut at its middle event into earlier and later
    halves (each on its own axis) until every half fits."""
    placed = fit(part)
    if placed.height <= height or len(part.items) < 4 or depth >= MAX_DEPTH:
        return [(part, placed)]
    ordered = part.chronological()
    half = len(ordered) // 2
    early, late = {i.number for i in ordered[:half]}, {i.number for i in ordered[half:]}
    return by_period(part.period(early), fit, height, depth + 1) + by_period(part.period(late), fit, height, depth + 1)
