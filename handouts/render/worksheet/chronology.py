"""The worksheet's timeline to complete: the events as a table with their labels
(or dates) blank, in date order, or with the blanked texts given as a lettered,
shuffled list to place (``worksheet.events: to_place``).

To place labels, the dates stay in order (they are the timeline) and each blank
asks for the letter of its event; to place dates, the rows are shuffled as well,
since rows in date order would give the dates away. A blank then asks for a
letter only (one short line), and the answer key writes the letter, with the
lettered list on the same page to read it by.
"""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, TableStyle

from handouts.i18n.words import language_of
from handouts.markup import escape, plain, to_reportlab
from handouts.render.pdf.paragraph import Paragraph
from handouts.render.pdf.tagging.tags import cell_tag, table_callback, tag, tagging_table
from handouts.render.scripts.mirror import mirror
from handouts.render.worksheet.page import Sheet
from handouts.render.worksheet.plan import Plan
from handouts.render.worksheet.space import AnswerSpace
from handouts.scripts import is_rtl_language
from handouts.timeline.model import Item, build_timeline

ROWS_SALT, LIST_SALT = 2, 3  # seeds apart from the word bank's


def letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: spreadsheet-style letters for any number of events."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


def timeline(sheet: Sheet, plan: Plan, show: bool) -> list[Flowable]:
    """Heading, instruction, the list to place (if asked), the table: Table > TR > TH/TD."""
    if plan.timeline == "none":
        return []
    s, labels = sheet.styles, sheet.labels
    items = build_timeline(sheet.model, sheet.layout).chronological()
    placing = plan.events == "to_place" and len(items) > 1
    rows = [items[i] for i in plan.shuffled(len(items), ROWS_SALT)] if placing and plan.timeline == "dates" else items
    letters: dict[int, str] = {}  # item.number -> its letter in the list to place
    heading = sheet.heading(labels.timeline)
    if not placing:
        hint = labels.timeline_dates if plan.timeline == "dates" else labels.timeline_labels
        head: list[Flowable] = [CondPageBreak(s.gap * 8), heading, sheet.words(hint, s.meta)]
    else:
        hint = labels.timeline_place_dates if plan.timeline == "dates" else labels.timeline_place_labels
        listed = [items[i] for i in plan.shuffled(len(items), LIST_SALT)]
        letters = {item.number: letter(n) for n, item in enumerate(listed)}
        style = ParagraphStyle("w-place", parent=s.cell, spaceAfter=0)
        entries = [
            Paragraph(f"<b>{letter(n)}</b>\u2002{_answer_text(sheet, plan, item)}", style)
            for n, item in enumerate(listed)
        ]
        title = labels.dates_to_place if plan.timeline == "dates" else labels.events_to_place
        listing = [sheet.words(title, s.label), Spacer(0, 2), sheet.boxed_list(entries, "UpperAlpha")]
        # the heading, instruction and list on one page (a list longer than a page still splits)
        head = [CondPageBreak(s.gap * 8), KeepTogether([heading, sheet.words(hint, s.meta), *listing])]
    return head + [Spacer(0, 4), _table(sheet, plan, rows, letters, show)]


def _answer_text(sheet: Sheet, plan: Plan, item: Item) -> str:
    """The blanked text as reportlab markup: a date, or an event's label."""
    return escape(item.date_text) if plan.timeline == "dates" else to_reportlab(item.label, sheet.layout.colors.link)


def _table(sheet: Sheet, plan: Plan, rows: list[Item], letters: dict[int, str], show: bool) -> Flowable:
    layout, s, labels, tags = sheet.layout, sheet.styles, sheet.labels, sheet.tags
    table_el = tags.element("Table")
    head_tr = tags.element("TR", table_el)
    header_style = s.on(s.header, layout.colors.header_fill, "w-tl-header")
    header = [
        tag(
            Paragraph(escape(text), header_style),
            tags.element("TH", head_tr, lang=language_of(text), O="Table", Scope="Column"),
        )
        for text in (labels.when, labels.who, labels.event)
    ]
    data: list[list] = [header]
    for item in rows:
        tr = tags.element("TR", table_el)
        date_el, who_el, event_el = (tags.element(k, tr) for k in ("TH", "TD", "TD"))
        date_el.attrs.update(O="Table", Scope="Row")
        blank = letters.get(item.number) or (item.date_text if plan.timeline == "dates" else plain(item.label))
        if plan.timeline == "dates":
            date: Flowable = AnswerSpace(blank, s.cell, layout, show)
            event: Flowable = Paragraph(to_reportlab(item.label, layout.colors.link), s.cell)
        else:
            date = Paragraph(escape(item.date_text), s.label)
            event = AnswerSpace(blank, s.cell, layout, show)
        who = Paragraph(escape(plain(item.who)) or "\u2014", s.cell)
        data.append([tag(date, date_el), tag(who, who_el), tag(event, event_el)])
    width = sheet.width()
    widths = [width * 0.2, width * 0.18, width * 0.62]
    rule = HexColor(layout.colors.rule)
    commands = [
        ("BACKGROUND", (0, 0), (-1, 0), HexColor(layout.colors.header_fill)),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, rule),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("FONT", (0, 0), (-1, -1), s.cell.fontName),
        *((side, (0, 0), (-1, -1), s.cell_pad) for side in ("TOPPADDING", "BOTTOMPADDING")),
        *((side, (0, 0), (-1, -1), s.cell_pad) for side in ("LEFTPADDING", "RIGHTPADDING")),
    ]
    if is_rtl_language(sheet.model.language):  # read from the right: the date column on the right
        data, widths, commands, _ = mirror(data, widths, commands)
    table = tagging_table(data, table_callback(cell_tag), colWidths=widths, repeatRows=1, hAlign="LEFT", splitInRow=1)
    table.setStyle(TableStyle(commands))
    return table
