"""The subject cards under the title: a colour rule, picture, marker and name,
full name and credit, up to four a row (fewer when a name would not fit)."""

from __future__ import annotations

import re

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Spacer, TableStyle

from handouts.errors import key_path
from handouts.markup import plain
from handouts.render.fonts import text_width
from handouts.render.handout.parts import Parts
from handouts.render.pdf.images import load_picture, picture_flowable
from handouts.render.pdf.marks import MarkedText
from handouts.render.pdf.paragraph import Paragraph
from handouts.render.pdf.tagging.tags import cell_tag, table_callback, tag, tagging_table

CARDS_PER_ROW = 4


def _subject_card(p: Parts, i: int) -> tuple[list[Flowable], list[Flowable]]:
    """A subject's picture (if any) and its name/full name/credit, as two cell
    contents: a Div holding a Figure (with the picture's alt text) and a P."""
    subject, layout, s = p.model.subjects[i], p.layout, p.styles
    card = p.tags.element("Div")
    picture: list[Flowable] = []
    show = bool(subject.image and layout.handout.subject_images)
    if show:
        alt = p.context.picture_alt(subject, i, p.layout.handout.labels.picture_alt)
        path = p.context.resolve(subject.image)
        image = load_picture(path, key_path("subjects", i, "image"), layout.handout.pictures)
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
    need = size * 0.95 * 3.5 + max(text_width(w, style.fontName, size) for w in words) + pad * 2
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
