"""The timeline PDF: a titled, proportional, lane-per-subject chart on a
landscape page, followed by a key of every event (date, label, detail).

Text never shrinks below ``layout.timeline.min_size``: a crowded chart
numbers its markers and the key carries the labels, flowing onto further
pages as needed.
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
from handouts.timeline.model import build_timeline
from handouts.timeline.placement import place, spread

FRAME_PADDING = 6.0  # reportlab's default Frame padding (SimpleDocTemplate)
CHART_SHARE = 0.86  # the chart may use this share of the frame below the title
SPREAD_SHARE = 0.5  # a sparse chart's lanes open up to fill this share


def render_timeline(model: Comparison, layout: Layout, context: RenderContext) -> bytes:
    """Build the timeline PDF and return its bytes (deterministic): a tagged PDF
    whose chart is a Figure described in words (every event in date order)."""
    from reportlab.platypus import BaseDocTemplate, PageTemplate, Paragraph, Spacer

    timeline = build_timeline(model, layout)
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
    width, height = layout.page.dimensions(layout.timeline.orientation)
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
    st = styles(layout, timeline)
    story: list = [tag(Paragraph(escape(plain(model.title)), st["title"]), tags.element("H1"))]
    subtitle = " · ".join(plain(part) for part in (model.subtitle, model.course, model.date) if part)
    story.append(tag(Paragraph(escape(subtitle or layout.timeline.labels.subtitle), st["subtitle"]), tags.element("P")))
    used = sum(p.wrap(frame_w, frame_h)[1] + p.getSpaceAfter() for p in story)
    if timeline.empty:
        story += [
            Spacer(1, frame_h * 0.3),
            tag(Paragraph(escape(layout.timeline.labels.empty), st["empty"]), tags.element("P")),
        ]
    else:
        placement = place(
            timeline,
            frame_w,
            measure(layout),
            layout.timeline.label_size,
            layout.timeline.min_size,
            (frame_h - used) * CHART_SHARE,
        )
        figure = tags.element("Figure", alt=timeline.alt_text())
        key = (
            key_table(timeline, layout, frame_w, placement.numbered, heading=layout.timeline.labels.events, tags=tags)
            if (layout.timeline.key or placement.numbered)
            else []
        )
        key_height = sum(f.wrap(frame_w, frame_h)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in key)
        room = frame_h - used - key_height - layout.sizes.body  # open lanes up only if the key still fits
        placement = spread(placement, min((frame_h - used) * SPREAD_SHARE, room))
        story.append(tag(TimelineFlowable(placement, layout, split_height=frame_h - used), figure))
        story += key
    build_or_explain(doc, story, tagged_canvas(tags, info), "timeline", context.source_path)
    return buffer.getvalue()


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
