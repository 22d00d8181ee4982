"""The handout's blocks: each turns one part of the source into flowables.

Every builder has the same signature, so :mod:`handout_pdf` can dispatch on
``layout.handout.blocks`` from a plain dict. Headings carry ``.outline`` so the
document template bookmarks them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    NextPageTemplate,
    PageBreakIfNotEmpty,
    Paragraph,
    Spacer,
    TableStyle,
)

from handouts.layout.models import Layout
from handouts.markup import escape, escape_attr, plain
from handouts.render.context import RenderContext
from handouts.render.handout.columns import Shape
from handouts.render.handout.comparison import build_table
from handouts.render.handout.references import Reference, url_lines
from handouts.render.pdf.images import load_picture, picture_flowable
from handouts.render.pdf.marks import MarkedText
from handouts.render.pdf.styles import Styles
from handouts.render.pdf.tags import Element, TagRecorder, cell_tag, table_callback, tag, tagging_table
from handouts.render.pdf.text import anchor
from handouts.source.models import Comparison, split_paragraphs

CARDS_PER_ROW = 4


@dataclass
class Parts:
    """What every block builder reads; ``tags`` records the structure in reading order."""

    model: Comparison
    layout: Layout
    styles: Styles
    context: RenderContext
    tags: TagRecorder = field(default_factory=TagRecorder)
    shape: Shape = "columns"  # the comparison table's shape, measured for the page
    references: list[Reference] = field(default_factory=list)  # the numbered sources list

    def para(self, text: str, style: ParagraphStyle, kind: str = "P", parent: Element | None = None) -> Paragraph:
        """A paragraph that is one ``kind`` element (P, H2, LBody...) under ``parent``."""
        return self.tagged(Paragraph(self.styles.text(text), style), kind, parent)

    def tagged(self, flowable: Flowable, kind: str, parent: Element | None = None, **attrs: str) -> Flowable:
        return tag(flowable, self.tags.element(kind, parent, **attrs))

    def paras(
        self, text: str | None, style: ParagraphStyle | None = None, parent: Element | None = None
    ) -> list[Flowable]:
        return [self.para(p, style or self.styles.body, parent=parent) for p in split_paragraphs(text)]

    def heading(
        self, text: str, style: ParagraphStyle | None = None, top: bool = False, parent: Element | None = None
    ) -> Paragraph:
        """A heading that becomes an outline entry (top = the document's H1, else an H2)."""
        p = self.para(text, style or self.styles.heading, "H1" if top else "H2", parent)
        p.outline = (plain(text), top)
        return p

    def items(self, texts: list[str], style: ParagraphStyle, bullets: list[str], numbering: str) -> list[Flowable]:
        """A list: L > LI > LBody, one paragraph per item (``texts`` are reportlab markup)."""
        lst = self.tags.element("L", O="List", ListNumbering=numbering)
        out: list[Flowable] = []
        for text, bullet in zip(texts, bullets):
            item = self.tags.element("LI", lst)
            out.append(tag(Paragraph(text, style, bulletText=bullet), self.tags.element("LBody", item)))
        return out


def title_block(p: Parts) -> list[Flowable]:
    m, s = p.model, p.styles
    out: list[Flowable] = [p.heading(m.title, s.title, top=True)]
    if m.subtitle:
        out.append(p.para(m.subtitle, s.subtitle))
    meta = " \u00b7 ".join(escape(x) for x in (m.course, m.author, m.date) if x)
    if meta:
        out.append(p.tagged(Paragraph(meta, s.meta), "P"))
    if m.url:  # the digital copy: a QR code with its address beside it (issue 19)
        from handouts.render.qr import qr_flowable

        code = qr_flowable(m.url, p.layout.sizes.title * 2.4, s.meta, f"QR code to the digital copy: {m.url}")
        out.append(p.tagged(code, "Figure", alt=code.alt))
    out.append(
        HRFlowable(
            width="100%",
            thickness=max(1.5, p.layout.sizes.body * 0.22) if p.layout.handout.fills else 0.75,
            color=HexColor(p.layout.colors.accent),
            spaceBefore=s.gap * 0.5,
            spaceAfter=s.gap * 1.4,
        )
    )
    return out


def _subject_card(p: Parts, i: int) -> tuple[list[Flowable], list[Flowable]]:
    """A subject's picture (if any) and its name/full name/credit, as two cell
    contents: a Div holding a Figure (with the picture's alt text) and a P."""
    subject, layout, s = p.model.subjects[i], p.layout, p.styles
    card = p.tags.element("Div")
    picture: list[Flowable] = []
    show = bool(subject.image and layout.handout.subject_images)
    if show:
        alt = p.context.picture_alt(subject, i)
        path = p.context.resolve(subject.image)
        image = load_picture(path, f"subjects[{i}].image", layout.handout.pictures)
        picture.append(picture_flowable(image, layout.sizes.title * layout.handout.picture_height, alt))
        tag(picture[0], p.tags.element("Figure", card, alt=alt))
        if subject.image_credit:  # the credit sits under its picture
            credit = layout.handout.labels.image_credit.format(credit=subject.image_credit)
            picture.append(tag(Paragraph(p.styles.text(credit), s.credit), p.tags.element("P", card)))
    name = ParagraphStyle("h-card", parent=s.subheading, spaceBefore=0, spaceAfter=s.gap * 0.15)
    text: list[Flowable] = [
        MarkedText(
            Paragraph(p.styles.text(subject.name), name),
            layout.subject_marker(i),
            layout.subject_color(i, subject.color),
            pattern=layout.subject_pattern(i),
        )
    ]
    if subject.full_name:
        text.append(Paragraph(p.styles.text(subject.full_name), s.meta))
    element = p.tags.element("P", card)  # one cell, one element: name and full name
    for flowable in text:
        tag(flowable, element)
    return picture, text


def _cards_per_row(p: Parts, pad: float) -> int:
    """Up to four cards a row, fewer when a name's longest word (after the marker
    and swatch) would not fit its card: large print must not break "Athens"."""

    style = p.styles.subheading
    size = style.fontSize
    words = [w for s in p.model.subjects for w in re.split(r"[\s]|(?<=-)", plain(s.name)) if w] or [""]
    need = size * 0.95 * 3.5 + max(stringWidth(w, style.fontName, size) for w in words) + pad * 2
    page = p.layout.page
    width = page.dimensions()[0] - page.margins.left - page.margins.right
    return max(1, min(len(p.model.subjects), CARDS_PER_ROW, int(width // need)))


def subjects_block(p: Parts) -> list[Flowable]:
    """Subject cards, up to four a row: a colour rule, picture, marker + name, full name, credit.

    Pictures sit in their own table row (bottom-aligned) so names line up."""
    n = len(p.model.subjects)
    pad = p.styles.gap * 0.35
    per_row = _cards_per_row(p, pad)
    cards = [_subject_card(p, i) for i in range(n)]
    rows: list[list] = []
    cmds: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONT", (0, 0), (-1, -1), p.styles.body.fontName),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad * 2),
        ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad * 1.5),
    ]
    for first in range(0, n, per_row):
        group = list(range(first, min(first + per_row, n)))
        blank = [[] for _ in range(per_row - len(group))]
        top = len(rows)
        if any(cards[i][0] for i in group):
            rows.append([cards[i][0] for i in group] + blank)
            cmds += [("VALIGN", (0, top), (-1, top), "BOTTOM"), ("BOTTOMPADDING", (0, top), (-1, top), pad * 0.6)]
        rows.append([cards[i][1] for i in group] + blank)
        cmds.append(("NOSPLIT", (0, top), (-1, len(rows) - 1)))  # a picture stays with its name
        for col, i in enumerate(group):
            color = HexColor(p.layout.subject_color(i, p.model.subjects[i].color))
            cmds.append(("LINEABOVE", (col, top), (col, top), 2.5 if p.layout.handout.fills else 0.8, color))
    table = tagging_table(rows, table_callback(cell_tag), colWidths=[f"{100 / per_row:.4f}%"] * per_row, hAlign="LEFT")
    table.setStyle(TableStyle(cmds))
    return [table, Spacer(0, p.styles.gap * 0.6)]


def _prose(field: str) -> Callable[[Parts], list[Flowable]]:
    """A builder for a prose field (summary, conclusion) under its layout label."""

    def block(p: Parts) -> list[Flowable]:
        text = getattr(p.model, field)
        if not text:
            return []
        heading = getattr(p.layout.handout.labels, field)
        return ([p.heading(heading)] if heading else []) + p.paras(text)

    return block


def table_block(p: Parts) -> list[Flowable]:
    """The comparison table under its heading, in the shape measured for the page;
    landscape table pages only when the layout asks for them at this many subjects."""
    if not p.model.table:
        return []
    wide = p.shape == "landscape"
    out: list[Flowable] = [NextPageTemplate("wide"), PageBreakIfNotEmpty()] if wide else []
    label = p.layout.handout.labels.table
    if label:
        out.append(p.heading(label))  # keepWithNext: travels with the header and first row
    out.append(build_table(p.model, p.layout, p.styles, p.tags, "rows" if p.shape == "rows" else "columns"))
    if wide:
        out += [NextPageTemplate("main"), PageBreakIfNotEmpty()]
    return out


def similarities_block(p: Parts) -> list[Flowable]:
    if not p.model.similarities:
        return []
    label = p.layout.handout.labels.similarities
    bullet = ParagraphStyle("h-bullet-accent", parent=p.styles.bullet, bulletColor=HexColor(p.layout.colors.accent))
    head = [p.heading(label)] if label else []
    texts = [p.styles.text(t) for t in p.model.similarities]
    return head + p.items(texts, bullet, ["\u2022"] * len(texts), "Disc")


def sections_block(p: Parts) -> list[Flowable]:
    out: list[Flowable] = []
    ids = p.model.subject_ids()
    for section in p.model.sections:
        sect = p.tags.element("Sect")
        out += [p.heading(section.heading, parent=sect)] + p.paras(section.body, parent=sect)
        for i, sid in enumerate(ids):
            text = (section.by_subject or {}).get(sid)
            if not text:
                continue
            subject = p.model.subjects[i]
            label = MarkedText(
                Paragraph(p.styles.text(subject.name), p.styles.subheading),
                p.layout.subject_marker(i),
                p.layout.subject_color(i, subject.color),
            )
            label.keepWithNext = 1
            p.tagged(label, "H3", sect)
            out += [Spacer(0, p.styles.subheading.spaceBefore), label] + p.paras(text, parent=sect)
    return out


def sources_block(p: Parts) -> list[Flowable]:
    """The numbered sources list: each title is its link's text, the address is
    written out under it for paper, and entry n is where a "[n]" in the prose leads."""
    if not p.references:
        return []
    s, colors = p.styles, p.layout.colors
    style = ParagraphStyle(
        "h-source",
        parent=s.bullet,
        leftIndent=s.body.fontSize * 2.2,
        bulletIndent=0,
        fontSize=max(s.small.fontSize, s.body.fontSize * 0.92),
    )
    out: list[Flowable] = [p.heading(p.layout.handout.labels.sources)] if p.layout.handout.labels.sources else []
    page = p.layout.page
    room = page.dimensions()[0] - page.margins.left - page.margins.right - style.leftIndent - style.rightIndent

    def measure(text: str) -> float:
        return stringWidth(text, style.fontName, style.fontSize)

    texts = []
    for ref in p.references:
        title = s.text(ref.title, link=False)
        text = f'<a name="{anchor(ref.number)}"/>'
        if ref.url:
            url = escape_attr(ref.url)
            text += f'<link href="{url}" color="{colors.link}"><u>{title}</u></link>'
        else:
            text += title
        if ref.note:
            text += f' <font color="{colors.muted}">({s.text(ref.note)})</font>'
        if ref.url:  # a printed page cannot be clicked: the address, written out
            written = "<br/>".join(escape(line) for line in url_lines(ref.url, room, measure))
            text += f'<br/><link href="{url}" color="{colors.muted}">{written}</link>'
        texts.append(text)
    return out + p.items(texts, style, [f"{ref.number}." for ref in p.references], "Decimal")


def note_block(p: Parts) -> list[Flowable]:
    if not p.model.note:
        return []
    rule = HRFlowable(
        width="100%",
        thickness=0.5,
        color=HexColor(p.layout.colors.rule),
        spaceBefore=p.styles.gap,
        spaceAfter=p.styles.gap * 0.4,
    )
    return [rule] + p.paras(p.model.note, p.styles.small)


def timeline_block(p: Parts) -> list[Flowable]:
    """The compact timeline strip (and its numbered key when dense): a Figure
    described in words, after its heading in reading order."""
    from handouts.render.timeline.strip import strip_flowables
    from handouts.timeline.model import build_timeline, warn_no_timeline

    timeline = build_timeline(p.model, p.layout)
    if timeline.empty:  # fewer than two dates: no strip, no heading, one warning
        warn_no_timeline(p.context, timeline)
        return []
    page = p.layout.page
    width = page.dimensions()[0] - page.margins.left - page.margins.right
    label = p.layout.handout.labels.timeline
    head = [p.heading(label)] if label else []
    return head + strip_flowables(timeline, p.layout, width, p.tags)


BLOCKS = {
    "title": title_block,
    "subjects": subjects_block,
    "summary": _prose("summary"),
    "table": table_block,
    "similarities": similarities_block,
    "sections": sections_block,
    "timeline": timeline_block,
    "conclusion": _prose("conclusion"),
    "sources": sources_block,
    "note": note_block,
}
