"""The handout's blocks: each turns one part of the source into flowables.

Every builder takes the :class:`~handouts.render.handout.parts.Parts`, so the
document can dispatch on ``layout.handout.blocks`` from a plain dict (the
subject cards and the sources list have modules of their own). Headings carry ``.outline`` so the
document template bookmarks them.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    NextPageTemplate,
    PageBreakIfNotEmpty,
    Spacer,
)

from handouts.markup import escape
from handouts.render.handout.comparison import build_table
from handouts.render.handout.parts import Parts
from handouts.render.handout.sources import sources_block
from handouts.render.handout.subjects import subjects_block
from handouts.render.pdf.marks import MarkedText
from handouts.render.pdf.paragraph import Paragraph


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

        code = qr_flowable(m.url, p.layout.sizes.title * 2.4, s.meta, p.layout.handout.labels.qr_alt.format(url=m.url))
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


def questions_block(p: Parts) -> list[Flowable]:
    """The source's discussion or review questions, numbered (the worksheet gives them lines to write on)."""
    if not p.model.questions:
        return []
    label = p.layout.handout.labels.questions
    head = [p.heading(label)] if label else []
    texts = [p.styles.text(t) for t in p.model.questions]
    return head + p.items(texts, p.styles.bullet, [f"{n}." for n in range(1, len(texts) + 1)], "Decimal")


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
    "questions": questions_block,
    "sources": sources_block,
    "note": note_block,
}
