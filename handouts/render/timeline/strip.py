"""The compact timeline strip a handout includes as a block.

The same model and placement as the timeline page, drawn about
``layout.timeline.strip_height`` tall across the text width. When the events
are too dense for legible labels, markers carry numbers and a numbered key
follows the strip.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from handouts.layout.models import Layout
from handouts.markup import escape, plain
from handouts.scripts import is_rtl_language
from handouts.timeline.model import Timeline
from handouts.timeline.placement import place, spread
from handouts.timeline.zoom import plan_zoom

if TYPE_CHECKING:
    from handouts.render.pdf.tagging.tags import TagRecorder

# A labelled strip may grow this much past strip_height before markers get
# numbers: labels in place read far better than a key below.
LABELLED_ALLOWANCE = 1.5


def strip_flowables(timeline: Timeline, layout: Layout, width: float, tags: TagRecorder | None = None) -> list:
    """The strip for ``timeline``; tagged (into ``tags``, after whatever was
    recorded before it) as a Figure whose alt text lists the events in date
    order, its numbered key as lists (see :func:`handouts.render.timeline.flow.key_table`)."""
    from handouts.render.pdf.paragraph import Paragraph
    from handouts.render.pdf.tagging.tags import tag
    from handouts.render.timeline.draw import measure
    from handouts.render.timeline.flow import TimelineFlowable, key_table, styles

    if timeline.empty:
        return []
    settings = layout.timeline
    placement = place(
        timeline,
        width,
        measure(layout),
        settings.label_size,
        settings.min_size,
        available_height=settings.strip_height * LABELLED_ALLOWANCE,
    )
    size, least, tall = settings.label_size, settings.min_size, settings.strip_height
    zoom = plan_zoom(timeline, placement, lambda part: place(part, width, measure(layout), size, least, tall))
    if zoom is not None:  # the crowded stretch again, larger, right under the strip; bracketed on it
        placement = replace(placement, zoom=zoom[0])
    else:
        placement = spread(placement, settings.strip_height, most=2.0)
    strip = TimelineFlowable(placement, layout)
    out: list = [tag(strip, tags.element("Figure", alt=timeline.alt_text())) if tags is not None else strip]
    if zoom is not None:
        _, part, placed = zoom
        events = part.chronological()
        words = f"{settings.labels.zoom}: {plain(events[0].date_text)} – {plain(events[-1].date_text)}"
        heading = Paragraph(escape(words), styles(layout, timeline)["lane"])
        detail = TimelineFlowable(placed, layout)
        out.append(tag(heading, tags.element("P")) if tags is not None else heading)
        out.append(tag(detail, tags.element("Figure", alt=part.alt_text())) if tags is not None else detail)
    if placement.numbered:
        rtl = tags is not None and is_rtl_language(tags.lang)  # the handout's language
        out += key_table(timeline, layout, width, numbered=True, heading=None, tags=tags, rtl=rtl)
    return out
