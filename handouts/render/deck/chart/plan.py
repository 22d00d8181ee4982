"""Where a slide's timeline chart goes: its parts over slides, each placed
at the deck's minimum size, every placement attempt made once per width."""

from __future__ import annotations

from handouts.fontfiles import DECK_METRIC_TWINS
from handouts.layout.models import Layout
from handouts.render.fonts import measurer
from handouts.timeline.model import Timeline
from handouts.timeline.parts import split_to_fit
from handouts.timeline.placement import Attempts, Placement, spread

SPREAD_MOST = 3.0  # a sparse slide chart's lanes open up by at most this many label sizes


def deck_measure(layout: Layout):
    """``width_of(text, size)`` in points with the deck body font's metric twin."""
    return measurer(DECK_METRIC_TWINS[layout.deck.fonts.body])


def plan_slides(
    timeline: Timeline, layout: Layout, box_w: float, box_h: float, fill: bool = True, fits: ChartFits | None = None
) -> list[tuple[Timeline, Placement]]:
    """The timeline on as few slides as fit the body box (points): all lanes
    on one when they fit, else consecutive lanes per slide, each with its own
    axis over the same range and the same event numbers; a lane too tall even
    alone is cut by period (see :mod:`handouts.timeline.parts`). With
    ``fill``, sparse lanes open up to fill the box (else: natural height)."""
    fits = fits or ChartFits(layout)
    parts = split_to_fit(timeline, lambda part: fits(part, box_w, box_h), box_h)
    return [(part, spread(placed, box_h, most=SPREAD_MOST) if fill else placed) for part, placed in parts]


def fit_chart(part: Timeline, layout: Layout, box_w: float, box_h: float) -> Placement:
    """``part`` placed at the deck's minimum size in a box (points)."""
    return ChartFits(layout)(part, box_w, box_h)


class ChartFits:
    """Charts placed at the deck's minimum size for one deck's timeline
    slides: ``fits(part, width, height)``. Each part's attempts at one width
    are made once (:class:`~handouts.timeline.placement.Attempts`), however
    many heights a slide's plan asks of it."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self._attempts: dict[tuple[int, float], tuple[Timeline, Attempts]] = {}

    def __call__(self, part: Timeline, box_w: float, box_h: float) -> Placement:
        key = (id(part), box_w)
        found = self._attempts.get(key)
        if found is None or found[0] is not part:  # the part is kept, so its id is not reused meanwhile
            size = self.layout.deck.sizes.min
            found = self._attempts[key] = (part, Attempts(part, box_w, deck_measure(self.layout), size, size))
        return found[1].fit(box_h)
