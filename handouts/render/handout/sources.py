"""The numbered sources list at the end of the handout (see
:mod:`handouts.render.handout.references` for how entries are numbered)."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from handouts.markup import escape, escape_attr
from handouts.render.fonts import text_width
from handouts.render.handout.parts import Parts
from handouts.render.handout.references import url_lines
from handouts.render.pdf.styles import column_gap, prose_columns
from handouts.render.pdf.text import anchor


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
    frame = page.dimensions()[0] - page.margins.left - page.margins.right
    count = prose_columns(p.layout, s.body.fontName)  # the list may share the prose's columns
    room = (frame - column_gap(p.layout) * (count - 1)) / count - style.leftIndent - style.rightIndent

    def measure(text: str) -> float:
        return text_width(text, style.fontName, style.fontSize)

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
