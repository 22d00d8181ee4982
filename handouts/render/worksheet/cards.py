"""The card sort: every attribute value and every event on a card to cut out, and a key.

Cards have one fixed size that fits a grid on A4 and on Letter alike, so a
set printed in two schools cuts the same. They come in a seeded shuffle
(the same source, the same order), numbered so the one-page key can say
which cards are whose and in what order the events happened.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Spacer, TableStyle

from handouts.i18n.words import language_of
from handouts.layout.models import Layout
from handouts.markup import escape, plain, to_reportlab
from handouts.render.context import RenderContext
from handouts.render.fonts import text_width
from handouts.render.pdf.paragraph import Paragraph
from handouts.render.pdf.tagging.tags import Element, artifact, cell_tag, marked, table_callback, tag, tagging_table
from handouts.render.worksheet.page import Sheet
from handouts.render.worksheet.plan import seed_of
from handouts.render.worksheet.sheet import sheet_texts
from handouts.source.models import Comparison
from handouts.timeline.model import build_timeline

# Card sizes by the layout's smallest text size: 3 x 4 cards of 57 mm fit inside A4
# and Letter with every built-in layout's margins; large print gets 2 x 3 larger ones.
CARD_SIZES = ((0.0, (57 * mm, 57 * mm)), (12.0, (85 * mm, 74 * mm)))
PAD = 4 * mm
STEP = 0.5


@dataclass(frozen=True)
class Card:
    """One card: what it says, the small word above it, and whose it is (for the key)."""

    text: str  # source text (inline markup allowed)
    kicker: str  # the attribute's label, or the layout's word for an event
    subject: int | None  # the subject's index; None for an event
    order: int = 0  # an event's place in time (1 = first)
    date: str = ""


def cards_of(model: Comparison, layout: Layout) -> list[Card]:
    """Every filled cell and every event, shuffled from the source's seed."""
    cards = [
        Card(value, row.label, i) for row in model.table for i, value in enumerate(row.cells()) if value is not None
    ]
    events = build_timeline(model, layout).chronological()
    cards += [
        Card(item.label, layout.worksheet.labels.event, None, order, item.date_text)
        for order, item in enumerate(events, start=1)
    ]
    random.Random(seed_of(model) + 2).shuffle(cards)
    return cards


def card_size(layout: Layout) -> tuple[float, float]:
    """The card size for this layout's text sizes (the same on every paper)."""
    return [size for least, size in CARD_SIZES if layout.sizes.min >= least][-1]


class CardPage(Flowable):
    """One page of cards in a grid, with dashed cut lines and crop marks (artifacts)."""

    def __init__(self, cards: list[tuple[int, Card, Element]], sheet: Sheet, columns: int) -> None:
        super().__init__()
        self.cards, self.sheet, self.columns = cards, sheet, columns
        self.w, self.h = card_size(sheet.layout)
        rows = -(-len(cards) // columns)
        self.width, self.height = columns * self.w, rows * self.h

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas, layout = self.canv, self.sheet.layout
        rows = -(-len(self.cards) // self.columns)
        with artifact(canvas):
            canvas.saveState()
            canvas.setStrokeColor(HexColor(layout.colors.muted))
            canvas.setLineWidth(0.5)
            canvas.setDash(3, 2)
            in_row = [min(self.columns, len(self.cards) - r * self.columns) for r in range(rows)]
            w, h = self.w, self.h
            for r, count in enumerate(in_row):  # cut lines round the cards there are, no more
                top = self.height - r * h
                for c in range(count + 1):
                    canvas.line(c * w, top, c * w, top - h)
                canvas.line(0, top, max(count, in_row[r - 1] if r else 0) * w, top)
            canvas.line(0, self.height - rows * h, in_row[-1] * w, self.height - rows * h)
            canvas.restoreState()
        for k, (number, card, element) in enumerate(self.cards):
            x, y = (k % self.columns) * self.w, self.height - (k // self.columns + 1) * self.h
            self._card(number, card, element, x, y)

    def _card(self, number: int, card: Card, element: Element, x: float, y: float) -> None:
        canvas, s, layout = self.canv, self.sheet.styles, self.sheet.layout
        small = ParagraphStyle("w-card-kicker", parent=s.small, alignment=1, rightIndent=0)  # a card, not prose
        kicker = Paragraph(escape(plain(card.kicker)).upper(), small)
        width, height = self.w - 2 * PAD, self.h - 2 * PAD
        _, kh = kicker.wrap(width, height)
        room = height - kh - small.fontSize * 1.6  # between the kicker and the card's number
        body, size = fitted(card.text, s.cell, layout, width, room)
        with marked(canvas, element):
            kicker.drawOn(canvas, x + PAD, y + self.h - PAD - kh)
            _, bh = body.wrap(width, room)
            body.drawOn(canvas, x + PAD, y + PAD + small.fontSize * 1.6 + (room - bh) / 2)
        with artifact(canvas):
            canvas.setFont(s.small.fontName, small.fontSize)
            canvas.setFillColor(HexColor(layout.colors.muted))
            canvas.drawRightString(x + self.w - PAD, y + PAD, str(number))


def fitted(text: str, base: ParagraphStyle, layout: Layout, width: float, height: float) -> tuple[Paragraph, float]:
    """``text`` centred at the largest size (subheading down to the layout's smallest)
    that fits; cut short with an ellipsis only when even that does not."""
    size = max(layout.sizes.subheading, base.fontSize)
    words = to_reportlab(text, layout.colors.link)
    while True:
        style = ParagraphStyle("w-card", parent=base, fontSize=size, leading=size * 1.25, alignment=1, spaceAfter=0)
        para = Paragraph(words, style)
        longest = max((text_width(w, style.fontName, size) for w in plain(text).split()), default=0)
        if (para.wrap(width, height)[1] <= height and longest <= width) or size - STEP < layout.sizes.min:
            break
        size -= STEP
    if para.wrap(width, height)[1] > height:  # still too long at the smallest size: shorten it
        cut = plain(text).split()
        while cut and Paragraph(escape(" ".join(cut)) + "\u2026", style).wrap(width, height)[1] > height:
            cut = cut[: max(0, len(cut) - max(1, len(cut) // 8))]
        para = Paragraph(escape(" ".join(cut)) + "\u2026", style)
    return para, size


def render_cards(model: Comparison, layout: Layout, context: RenderContext) -> bytes:
    """Pages of cards (as many a page as fit the layout's frame), then the key."""
    labels = layout.worksheet.labels
    sheet = Sheet(model, layout, context, labels.cards)
    cards = cards_of(model, layout)
    w, h = card_size(layout)
    columns = max(1, int(sheet.width() // w))
    head = sheet.title() + [sheet.words(labels.cards_hint, sheet.styles.meta), Spacer(0, sheet.styles.gap * 0.5)]
    taken = sum(f.wrap(sheet.width(), sheet.height())[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in head)
    story = list(head)
    first, later = max(1, int((sheet.height() - taken) // h)), max(1, int(sheet.height() // h))
    start, page = 0, 0
    for card in cards:
        if not card_fits(card, sheet):
            context.warn(
                f"a card's text is too long for a card and is shortened: {plain(card.text)[:40]}\u2026",
                key="cards",
                hint="shorten that value, or use the worksheet or organizer for long texts",
            )
    while start < len(cards):
        count = columns * (first if page == 0 else later)
        chunk = cards[start : start + count]
        items = [(start + i + 1, card, sheet.tags.element("P")) for i, card in enumerate(chunk)]
        story += ([PageBreak()] if page else []) + [CardPage(items, sheet, columns)]
        start, page = start + count, page + 1
    story += [CondPageBreak(sheet.height() * 0.3)] + key(sheet, cards)
    return sheet.build(story, sheet_texts(model))


def card_fits(card: Card, sheet: Sheet) -> bool:
    """Whether the card's text fits at the layout's smallest size (else it is shortened)."""
    s, layout = sheet.styles, sheet.layout
    style = ParagraphStyle("w-card-min", parent=s.cell, fontSize=layout.sizes.min, leading=layout.sizes.min * 1.25)
    w, h = card_size(layout)
    room = h - 2 * PAD - s.small.leading * 2 - s.small.fontSize * 1.6  # a kicker of up to two lines
    return Paragraph(to_reportlab(card.text), style).wrap(w - 2 * PAD, h)[1] <= room


def key(sheet: Sheet, cards: list[Card]) -> list[Flowable]:
    """The one-page key: each subject's card numbers, and the events' numbers in date order."""
    model, s, labels = sheet.model, sheet.styles, sheet.labels
    out: list[Flowable] = [sheet.heading(labels.cards_key)]
    tags = sheet.tags
    table_el = tags.element("Table")
    rows: list[list] = []
    for i, subject in enumerate(model.subjects):
        numbers = [str(k) for k, card in enumerate(cards, start=1) if card.subject == i]
        tr = tags.element("TR", table_el)
        rows.append(
            [
                tag(Paragraph(to_reportlab(subject.name), s.label), tags.element("TH", tr, O="Table", Scope="Row")),
                tag(Paragraph(", ".join(numbers) or "\u2014", s.cell), tags.element("TD", tr)),
            ]
        )
    events = sorted((card.order, k, card) for k, card in enumerate(cards, start=1) if card.subject is None)
    if events:
        tr = tags.element("TR", table_el)
        chain = " \u2192 ".join(f"{k} ({escape(card.date)})" for _, k, card in events)
        rows.append(
            [
                tag(
                    Paragraph(escape(labels.chronology), s.label),
                    tags.element("TH", tr, lang=language_of(labels.chronology), O="Table", Scope="Row"),
                ),
                tag(Paragraph(chain, s.cell), tags.element("TD", tr)),
            ]
        )
    width = sheet.width()
    table = tagging_table(rows, table_callback(cell_tag), colWidths=[width * 0.25, width * 0.75], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), s.cell.fontName),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, HexColor(sheet.layout.colors.rule)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), s.cell_pad),
                ("BOTTOMPADDING", (0, 0), (-1, -1), s.cell_pad),
            ]
        )
    )
    return out + [table]
