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
from dataclasses import replace

from handouts.i18n.words import language_of
from handouts.layout.models import Layout
from handouts.markup import escape, plain
from handouts.render.context import RenderContext
from handouts.render.fonts import register_family, warn_missing
from handouts.render.pdf.canvas_text import draw_text
from handouts.render.pdf.overflow import about
from handouts.render.pdf.page import build_or_explain
from handouts.render.pdf.tagging.structure import DocInfo, tagged_canvas
from handouts.render.pdf.tagging.tags import TaggingFrame, TagRecorder, artifact, tag
from handouts.render.timeline.draw import label_family, measure
from handouts.render.timeline.flow import TimelineFlowable, key_table, styles
from handouts.scripts import is_rtl_language
from handouts.source.models import Comparison
from handouts.timeline.model import Timeline, build_timeline, warn_no_timeline
from handouts.timeline.parts import split_to_fit
from handouts.timeline.placement import place, spread
from handouts.timeline.zoom import plan_zoom

FRAME_PADDING = 6.0  # reportlab's default Frame padding (SimpleDocTemplate)
CHART_SHARE = 0.86  # the chart may use this share of the frame below the title
SPREAD_SHARE = 0.5  # a sparse chart's lanes open up to fill this share
ZOOM_SHARES = (None, 0.5, 0.35)  # the chart as placed, then in these shares of the page, to hold an inset


def render_timeline(model: Comparison, layout: Layout, context: RenderContext) -> bytes | None:
    """Build the timeline PDF and return its bytes (deterministic): a tagged PDF
    whose chart is a Figure described in words (every event in date order).
    ``None`` (and one warning) when there is nothing to draw."""
    from reportlab.platypus import BaseDocTemplate, PageBreak, PageTemplate

    from handouts.render.pdf.paragraph import Paragraph

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
    orientation, parts, room = _choose_page(model, layout, timeline, st)
    numbered = any(placement.numbered for _, placement in parts)
    width, height = layout.page.dimensions(orientation)
    m = layout.page.margins
    tags = TagRecorder(model.language)
    info = DocInfo(
        title=layout.timeline.labels.document.format(title=plain(model.title)),
        lang=model.language,
        author=plain(model.author or ""),
        subject=plain(model.subtitle or model.title),
        link=layout.handout.labels.link,
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
    words = subtitle or layout.timeline.labels.subtitle
    story.append(tag(Paragraph(escape(words), st["subtitle"]), tags.element("P", lang=language_of(words))))
    figures = [tags.element("Figure", alt=part.alt_text()) for part, _ in parts]  # read before the key
    key = (
        key_table(
            timeline,
            layout,
            frame_w,
            numbered,
            heading=layout.timeline.labels.events,
            tags=tags,
            rtl=is_rtl_language(model.language),
        )
        if (layout.timeline.key or numbered)
        else []
    )
    zoom = _zoom(parts, layout, st, frame_w, room) if len(parts) == 1 else None
    if zoom is not None:
        parts = [(parts[0][0], replace(zoom[4], zoom=zoom[0]))]
    elif len(parts) == 1:
        key_height = sum(f.wrap(frame_w, frame_h)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in key)
        spare = room - key_height - layout.sizes.body  # open lanes up only if the key still fits
        parts = [(parts[0][0], spread(parts[0][1], min(room * SPREAD_SHARE, spare)))]
    for n, (_, placement) in enumerate(parts):
        if n:
            story.append(PageBreak())  # each period a whole chart with its own axis
        chart = tag(TimelineFlowable(placement, layout, max_height=room), figures[n])
        story.append(about(chart, "timeline", "the timeline chart"))
    if zoom is not None:  # the crowded stretch again, on its own axis, right under the chart
        _, heading, part, placed, _ = zoom
        story.append(tag(heading, tags.element("P")))
        inset = tag(TimelineFlowable(placed, layout, max_height=room), tags.element("Figure", alt=part.alt_text()))
        story.append(about(inset, "timeline", "the timeline's detail strip"))
    if len(parts) > 1:
        story.append(PageBreak())
    story += [about(f, "timeline", "the timeline's key of events") for f in key]
    build_or_explain(doc, story, tagged_canvas(tags, info), "timeline", context.source_path)
    return buffer.getvalue()


def _zoom(parts: list, layout: Layout, st, width: float, room: float):  # noqa: ANN001 - styles
    """``(range, heading, inset part, its placement, the chart's placement)``
    when the one chart has a crowded stretch (see :mod:`handouts.timeline.zoom`)
    and the inset fits under it on the same page (the chart placed again more
    compactly if it must); else ``None``."""
    from handouts.render.pdf.paragraph import Paragraph  # dates in any script

    timeline, first = parts[0]
    size, least = layout.timeline.label_size, layout.timeline.min_size
    for share in ZOOM_SHARES:
        main = first if share is None else place(timeline, width, measure(layout), size, least, room * share)
        left = room - main.height
        found = plan_zoom(timeline, main, lambda part: place(part, width, measure(layout), size, least, left))  # noqa: B023
        if found is None:
            continue
        span, part, placed = found
        events = part.chronological()
        words = f"{layout.timeline.labels.zoom}: {plain(events[0].date_text)} – {plain(events[-1].date_text)}"
        heading = Paragraph(escape(words), st["heading"])
        head_h = heading.wrap(width, room)[1] + heading.getSpaceBefore() + heading.getSpaceAfter()
        if main.height + head_h + placed.height <= room:
            return span, heading, part, placed, main
    return None


def _choose_page(model: Comparison, layout: Layout, timeline: Timeline, st) -> tuple[str, list, float]:  # noqa: ANN001
    """(orientation, [(part, placement)], room for a chart below the title).

    One part in the layout's orientation when the chart fits below the title
    there, else in the other one (six large-print lanes need a portrait
    page's height; or a crowded stretch's inset, see :func:`_zoom`), else with every event in one lane (each keeps its
    subject's marker); only a chart too full for all of these is cut by
    period, each part a whole chart on its own page with its own axis."""
    from handouts.render.pdf.paragraph import Paragraph

    preferred = layout.timeline.orientation
    size, least = layout.timeline.label_size, layout.timeline.min_size
    tried, fits = [], []
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
        fit = lambda part, w=frame_w, r=room: place(part, w, measure(layout), size, least, r * CHART_SHARE)  # noqa: E731
        placement = fit(timeline)
        whole = (orientation, [(timeline, placement)], room)
        if placement.height <= room and (
            plan_zoom(timeline, placement, fit) is None or _zoom(whole[1], layout, st, frame_w, room) is not None
        ):
            return whole
        if placement.height <= room:  # fits, but its crowded stretch's inset does not: the other may hold both
            fits.append(whole)
            continue
        tried.append((placement.height / room, orientation, fit, room))
    if fits:
        return fits[0]
    _, orientation, fit, room = min(tried, key=lambda t: t[0])
    if len(timeline.lanes) > 1:
        merged = fit(timeline.merged(layout.timeline.labels.events))
        if merged.height <= room:
            return orientation, [(timeline, merged)], room
    return orientation, split_to_fit(timeline, fit, room, by_lanes=False), room


def _footer(layout: Layout, model: Comparison):
    """Page numbers (and the title on later pages) in the bottom margin: pagination artifacts."""

    def draw(canvas, doc) -> None:
        with artifact(canvas, "Pagination"):
            canvas.saveState()
            font = register_family(label_family(layout), ("regular",))["regular"]
            canvas.setFont(font, layout.sizes.small)
            canvas.setFillColor(layout.colors.muted)
            y = layout.page.margins.bottom * 0.5
            canvas.drawRightString(doc.pagesize[0] - layout.page.margins.right, y, f"{doc.page}")
            if doc.page > 1:
                title = plain(model.title)[:120]
                draw_text(canvas, layout.page.margins.left, y, title, (font, layout.sizes.small, layout.colors.muted))
            canvas.restoreState()

    return draw
