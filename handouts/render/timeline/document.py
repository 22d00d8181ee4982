"""The timeline PDF: a titled, proportional, lane-per-subject chart on a
landscape page, followed by a key of every event (date, label, detail).

Text never shrinks below ``layout.timeline.min_size``: a crowded chart
numbers its markers and the key carries the labels, flowing onto further
pages as needed. The chart itself is one piece, on one page: it may move to
a page of its own, never split. A source with fewer than two dated events
gets no timeline at all (``None``, with one warning).
"""

from __future__ import annotations

import io

from handouts.layout.models import Layout
from handouts.markup import escape, plain
from handouts.render.context import RenderContext
from handouts.render.fonts import register_family, warn_missing
from handouts.render.pdf.page import build_or_explain
from handouts.render.pdf.structure import DocInfo, tagged_canvas
from handouts.render.pdf.tags import TaggingFrame, TagRecorder, artifact, tag
from handouts.render.timeline.draw import label_family, measure
from handouts.render.timeline.flow import TimelineFlowable, key_table, styles
from handouts.source.models import Comparison
from handouts.timeline.model import build_timeline, warn_no_timeline
from handouts.timeline.placement import place, spread

FRAME_PADDING = 6.0  # reportlab's default Frame padding (SimpleDocTemplate)
CHART_SHARE = 0.86  # the chart may use this share of the frame below the title
SPREAD_SHARE = 0.5  # a sparse chart's lanes open up to fill this share


def render_timeline(model: Comparison, layout: Layout, context: RenderContext) -> bytes | None:
    """Build the timeline PDF and return its bytes (deterministic): a tagged PDF
    whose chart is a Figure described in words (every event in date order).
    ``None`` (and one warning) when there is nothing to draw."""
    from reportlab.platypus import BaseDocTemplate, PageTemplate, Paragraph

    timeline = build_timeline(model, layout)
    if timeline.empty:
        warn_no_timeline(context, timeline)
        return None
    warn_missing(
        context,
        [
            model.title,
            model.subtitle,
            *(lane.label for lane in timeline.lanes),
            *(i.label + " " + i.detail for i in timeline.items),
        ],
        [layout.fonts.heading, label_family(layout)],
        "timeline",
    )
    st = styles(layout, timeline)
    orientation, placement, room = _choose_page(model, layout, timeline, st)
    width, height = layout.page.dimensions(orientation)
    m = layout.page.margins
    tags = TagRecorder(model.language)
    info = DocInfo(
        title=f"{plain(model.title)}: timeline",
        lang=model.language,
        author=plain(model.author or ""),
        subject=plain(model.subtitle or model.title),
    )
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=(width, height),
        leftMargin=m.left,
        rightMargin=m.right,
        topMargin=m.top,
        bottomMargin=m.bottom,
        invariant=True,
        title=info.title,
        author=info.author,
        subject=info.subject,
        creator="handouts",
        lang=model.language,
        displayDocTitle=1,
        initialFontName=register_family(label_family(layout), ("regular",))["regular"],
    )
    footer = _footer(layout, model)
    frame = TaggingFrame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        leftPadding=FRAME_PADDING,
        rightPadding=FRAME_PADDING,
        topPadding=FRAME_PADDING,
        bottomPadding=FRAME_PADDING,
    )
    doc.addPageTemplates([PageTemplate("page", [frame], onPage=footer, pagesize=(width, height))])
    frame_w, frame_h = doc.width - 2 * FRAME_PADDING, doc.height - 2 * FRAME_PADDING
    story: list = [tag(Paragraph(escape(plain(model.title)), st["title"]), tags.element("H1"))]
    subtitle = " · ".join(plain(part) for part in (model.subtitle, model.course, model.date) if part)
    story.append(tag(Paragraph(escape(subtitle or layout.timeline.labels.subtitle), st["subtitle"]), tags.element("P")))
    figure = tags.element("Figure", alt=timeline.alt_text())
    key = (
        key_table(timeline, layout, frame_w, placement.numbered, heading=layout.timeline.labels.events, tags=tags)
        if (layout.timeline.key or placement.numbered)
        else []
    )
    key_height = sum(f.wrap(frame_w, frame_h)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in key)
    spare = room - key_height - layout.sizes.body  # open lanes up only if the key still fits
    placement = spread(placement, min(room * SPREAD_SHARE, spare))
    story.append(tag(TimelineFlowable(placement, layout, max_height=room), figure))
    story += key
    build_or_explain(doc, story, tagged_canvas(tags, info), "timeline", context.source_path)
    return buffer.getvalue()


def _choose_page(model: Comparison, layout: Layout, timeline, st) -> tuple[str, object, float]:  # noqa: ANN001
    """The layout's orientation when the chart fits below the title there,
    else the other one (six large-print lanes need a portrait page's height):
    (orientation, placement, room for the chart). Neither fits only on a
    page the layout checks should refuse; the flowable then scales."""
    from reportlab.platypus import Paragraph

    preferred = layout.timeline.orientation
    tried = []
    for orientation in (preferred, "portrait" if preferred == "landscape" else "landscape"):
        width, height = layout.page.dimensions(orientation)
        m = layout.page.margins
        frame_w = width - m.left - m.right - 2 * FRAME_PADDING
        frame_h = height - m.top - m.bottom - 2 * FRAME_PADDING
        subtitle = " · ".join(plain(part) for part in (model.subtitle, model.course, model.date) if part)
        heads = [
            Paragraph(escape(plain(model.title)), st["title"]),
            Paragraph(escape(subtitle or layout.timeline.labels.subtitle), st["subtitle"]),
        ]
        room = frame_h - sum(p.wrap(frame_w, frame_h)[1] + p.getSpaceAfter() for p in heads)
        size, least = layout.timeline.label_size, layout.timeline.min_size
        placement = place(timeline, frame_w, measure(layout), size, least, room * CHART_SHARE)
        if placement.height <= room:
            return orientation, placement, room
        tried.append((placement.height / room, orientation, placement, room))
    _, orientation, placement, room = min(tried, key=lambda t: t[0])
    if len(timeline.lanes) > 1:  # still too tall: one lane, every event with its subject's marker
        width, _ = layout.page.dimensions(orientation)
        frame_w = width - layout.page.margins.left - layout.page.margins.right - 2 * FRAME_PADDING
        one = timeline.merged(layout.timeline.labels.events)
        merged = place(one, frame_w, measure(layout), layout.timeline.label_size, layout.timeline.min_size, room)
        if merged.height < placement.height:
            return orientation, merged, room
    return orientation, placement, room


def _footer(layout: Layout, model: Comparison):
    """Page numbers (and the title on later pages) in the bottom margin: pagination artifacts."""

    def draw(canvas, doc) -> None:
        with artifact(canvas, "Pagination"):
            canvas.saveState()
            canvas.setFont(register_family(label_family(layout), ("regular",))["regular"], layout.sizes.small)
            canvas.setFillColor(layout.colors.muted)
            y = layout.page.margins.bottom * 0.5
            canvas.drawRightString(doc.pagesize[0] - layout.page.margins.right, y, f"{doc.page}")
            if doc.page > 1:
                canvas.drawString(layout.page.margins.left, y, plain(model.title)[:120])
            canvas.restoreState()

    return draw
