"""What a placed timeline is made of, in abstract units (origin top-left, y down).

Shared by :mod:`handouts.timeline.placement` (which makes them) and every
renderer (which draws them); plain data, so the tests can check the geometry
the reader will see without drawing anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from handouts.timeline.model import Lane


@dataclass(frozen=True)
class Mark:
    """A drawn marker (one event, or events less than a marker width apart) or bar (span)."""

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
    """Everything a renderer draws, positioned. ``lo``..``hi`` is the drawn
    axis (out to round ticks), mapped onto ``plot_left``..``plot_right``."""

    width: float
    height: float
    size: float
    plot_left: float
    plot_right: float
    axis_y: float
    numbered: bool
    lo: float = 0.0
    hi: float = 1.0
    lanes: list[LaneBox] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    ticks: list[tuple[float, str]] = field(default_factory=list)
    zoom: tuple[float, float] | None = None  # a stretch shown again, larger, in an inset (bracketed)

    def x(self, value: float) -> float:
        """Where an axis value (astronomical years) is drawn."""
        return self.plot_left + (value - self.lo) / (self.hi - self.lo) * (self.plot_right - self.plot_left)
