"""The compact timeline strip a handout includes as a block.

The same model and placement as the timeline page, drawn about
``layout.timeline.strip_height`` tall across the text width. When the events
are too dense for legible labels, markers carry numbers and a numbered key
follows the strip.
"""

from __future__ import annotations

from ..layout.models import Layout
from ..source.models import Comparison
from ..timeline.model import build_timeline
from ..timeline.placement import place, spread
from . import RenderContext

# A labelled strip may grow this much past strip_height before markers get
# numbers: labels in place read far better than a key below.
LABELLED_ALLOWANCE = 1.5


def timeline_flowables(model: Comparison, layout: Layout, context: RenderContext, width: float) -> list:
    """Flowables for the handout: the strip, and a numbered key when it is needed.

    Returns an empty list when the source has no dated events."""
    from .timeline_draw import measure
    from .timeline_flow import TimelineFlowable, key_table

    timeline = build_timeline(model, layout)
    if timeline.empty:
        return []
    settings = layout.timeline
    placement = place(timeline, width, measure(layout), settings.label_size, settings.min_size,
                      available_height=settings.strip_height * LABELLED_ALLOWANCE)
    placement = spread(placement, settings.strip_height, most=2.0)
    out: list = [TimelineFlowable(placement, layout)]
    if placement.numbered:
        out += key_table(timeline, layout, width, numbered=True, heading=None)
    return out
