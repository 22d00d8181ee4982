"""reportlab flowables for timelines: the chart itself and its key.

Shared by the timeline page (:mod:`handouts.render.timeline.document`) and the handout strip
(:mod:`handouts.render.timeline.strip`). Imported only while rendering (reportlab inside).
"""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, Spacer, TableStyle

from handouts.fontfiles import STYLES
from handouts.i18n.words import language_of
from handouts.layout.models import Layout
from handouts.markup import escape, parse_inline, plain, to_reportlab
from handouts.render.fonts import register_family
from handouts.render.pdf.marks import draw_marker
from handouts.render.pdf.paragraph import Paragraph
from handouts.render.pdf.tagging.tags import TagRecorder, artifact, cell_tag, table_callback, tag, tagging_table
from handouts.render.scripts.mirror import mirror
from handouts.render.timeline.draw import bar, draw_placement, label_family
from handouts.timeline.model import Item, Timeline
from handouts.timeline.placement import Placement

LANE_CHARS = 24  # a lane's name in the key's date column, at most


class TimelineFlowable(Flowable):
    """A placed timeline, drawn at its natural size and never split: a chart
    in two halves loses its axis. Only a chart taller than a whole page
    (``max_height``; the layout checks make that a misconfigured page) is
    scaled to fit rather than fail."""

    def __init__(self, placement: Placement, layout: Layout, max_height: float | None = None) -> None:
        super().__init__()
        self.placement, self.layout, self.max_height = placement, layout, max_height
        self.width, self.height = placement.width, placement.height
        self._scale = 1.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        page = self.max_height
        self._scale = min(1.0, page / self.height) if page else 1.0
        return self.width * self._scale, self.height * self._scale

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.scale(self._scale, self._scale)
        draw_placement(self.canv, self.placement, self.layout, 0, self.height)
        self.canv.restoreState()


class KeyMarker(Flowable):
    """The event's marker (or a short bar for a span) and its number, for the key."""

    def __init__(self, item: Item, layout: Layout, numbered: bool, size: float) -> None:
        super().__init__()
        self.item, self.layout, self.numbered, self.size = item, layout, numbered, size
        self.width, self.height = size * 4.2, size * 1.2

    def draw(self) -> None:
        with artifact(self.canv):  # the shape is decoration; the number (if any) is the list label
            self._shape()
        if self.numbered:
            s = self.size
            self.canv.setFont(register_family(label_family(self.layout), ("bold",))["bold"], s)
            self.canv.setFillColor(self.layout.colors.text)
            self.canv.drawRightString(self.width, s * 0.28, str(self.item.number))

    def _shape(self) -> None:
        s, item, c = self.size, self.item, self.canv
        if item.is_span:
            from handouts.timeline.placement import Mark

            mark = Mark(
                (item.number,),
                0,
                True,
                0,
                s * 1.6,
                s * 0.6,
                s * 0.9,
                item.color,
                item.pattern,
                item.marker,
                item.approximate,
            )
            bar(c, mark, 0, lambda y: self.height - y, self.layout.colors.background)
        else:
            draw_marker(c, item.marker, s * 0.8, s * 0.6, s * 0.95, item.color, dashed=item.approximate)


def font_styles(timeline: Timeline | None) -> tuple[str, ...]:
    """The font styles the timeline's text needs: regular and bold always, the
    italics only when a label, detail or lane name has *italic* markup (each
    style costs ~10 ms to parse the first time)."""
    if timeline is None or any(span.italic for text in _texts(timeline) for span in parse_inline(text)):
        return STYLES
    return ("regular", "bold")


def _texts(timeline: Timeline):
    for item in timeline.items:
        yield item.label
        yield item.detail or ""
    for lane in timeline.lanes:
        yield lane.label


def styles(layout: Layout, timeline: Timeline | None = None) -> dict[str, ParagraphStyle]:
    """Paragraph styles for titles and the key, from the layout (fonts
    registered for what ``timeline`` needs; all styles without one)."""
    needed = font_styles(timeline)
    head = register_family(layout.fonts.heading, needed)
    table = register_family(label_family(layout), needed)
    sz, c = layout.sizes, layout.colors
    key_size = max(layout.timeline.label_size, layout.timeline.min_size)
    return {
        "title": ParagraphStyle(
            "title",
            fontName=head["bold"],
            fontSize=sz.title,
            leading=sz.title * 1.15,
            textColor=c.heading,
            spaceAfter=sz.title * 0.15,
        ),
        "subtitle": ParagraphStyle(
            "subtitle",
            fontName=head["regular"],
            fontSize=sz.subtitle,
            leading=sz.subtitle * 1.3,
            textColor=c.muted,
            spaceAfter=sz.subtitle * 0.9,
        ),
        "heading": ParagraphStyle(
            "heading",
            fontName=head["bold"],
            fontSize=sz.subheading,
            leading=sz.subheading * 1.3,
            textColor=c.heading,
            spaceBefore=sz.subheading,
            spaceAfter=sz.subheading * 0.4,
        ),
        "key": ParagraphStyle(
            "key", fontName=table["regular"], fontSize=key_size, leading=key_size * sz.leading, textColor=c.text
        ),
        "lane": ParagraphStyle(
            "lane", fontName=head["bold"], fontSize=key_size, leading=key_size * sz.leading, textColor=c.heading
        ),
        "date": ParagraphStyle(
            "date", fontName=table["regular"], fontSize=key_size, leading=key_size * sz.leading, textColor=c.muted
        ),
        "empty": ParagraphStyle(
            "empty",
            fontName=head["regular"],
            fontSize=sz.heading,
            leading=sz.heading * 1.3,
            textColor=c.muted,
            alignment=TA_CENTER,
        ),
    }


def key_table(
    timeline: Timeline,
    layout: Layout,
    width: float,
    numbered: bool,
    heading: str | None = None,
    tags: TagRecorder | None = None,
    rtl: bool = False,
) -> list[Flowable]:
    """The key, in date order (the numbers' order): the event's marker (and
    number), its date (and lane, when there are lanes), label in bold and detail.

    Tagged (when ``tags`` is given) as what it is to a listener: an H2 heading,
    then a list of the events (Lbl: the marker's number, LBody: date, lane,
    label and detail); markers are artifacts. ``rtl``: its columns read from the right."""
    st = styles(layout, timeline)
    size = st["key"].fontSize
    link = layout.colors.link
    rows: list = []
    grouped = len(timeline.lanes) > 1
    out: list[Flowable] = [Spacer(1, size * 0.5)]
    if heading:  # never leave the heading alone at the foot of a page
        out.append(CondPageBreak(st["heading"].leading * 2 + size * 6))
        out.append(_tagged(Paragraph(escape(heading), st["heading"]), tags, "H2", language_of(heading)))
    date_w, marker_w = size * 9.5, size * 5
    squeeze = min(1.0, width * 0.5 / (date_w + marker_w))  # huge label sizes: the text column keeps half
    date_w, marker_w = date_w * squeeze, marker_w * squeeze
    lane_room = date_w - size * 0.9  # the column less its left and right padding
    numbering = "Decimal" if numbered else "None"
    events = tags.element("L", O="List", ListNumbering=numbering) if tags is not None else None
    for item in timeline.chronological():
        text = f"<b>{to_reportlab(item.label, link)}</b>"
        if item.detail:
            text += f" — {to_reportlab(item.detail, link)}"
        when = to_reportlab(item.date_text)
        if grouped:  # the lane under the date (a long name cut: the chart and alt text carry it whole)
            name = fitted(plain(timeline.lanes[item.lane].label), st["date"].fontName, size, lane_room)
            when += "<br/>" + escape(name)
        entry = tags.element("LI", events) if tags is not None else None
        label = tags.element("Lbl", entry) if tags is not None and numbered else None
        body = tags.element("LBody", entry) if tags is not None else None
        rows.append(
            [
                tag(KeyMarker(item, layout, numbered, size), label),
                tag(Paragraph(when, st["date"]), body),
                tag(Paragraph(text, st["key"]), body),
            ]
        )
    widths = [marker_w, date_w, width - marker_w - date_w]
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONT", (0, 0), (-1, -1), st["key"].fontName, size),  # else reportlab names Helvetica
        ("LEFTPADDING", (0, 0), (-1, -1), size * 0.3),
        ("RIGHTPADDING", (0, 0), (-1, -1), size * 0.6),
        ("TOPPADDING", (0, 0), (-1, -1), size * 0.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), size * 0.25),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, layout.colors.rule),
    ]
    if rtl:  # read from the right: marker, date and event from right to left
        rows, widths, commands, _ = mirror(rows, widths, commands)
    table = tagging_table(
        rows, table_callback(cell_tag) if tags is not None else None, colWidths=widths, repeatRows=0, hAlign="LEFT"
    )
    table.setStyle(TableStyle(commands))
    return out + [table]


def fitted(name: str, font: str, size: float, room: float) -> str:
    """``name`` as it fits on one line of ``room`` points, cut with "…" (never
    broken mid-word onto a second line); at most :data:`LANE_CHARS` characters."""
    from handouts.render.fonts import text_width

    if len(name) <= LANE_CHARS and text_width(name, font, size) <= room:
        return name
    cut = name[: LANE_CHARS - 1]
    while len(cut) > 1 and text_width(cut.rstrip() + "…", font, size) > room:
        cut = cut[:-1]
    return cut.rstrip() + "…"


def _tagged(flowable: Flowable, tags: TagRecorder | None, kind: str, lang: str | None = None) -> Flowable:
    return tag(flowable, tags.element(kind, lang=lang)) if tags is not None else flowable
