"""Graphic organizers: a Venn diagram (2–3 subjects), a T-chart (2) or a matrix (more).

Each organizer comes twice, filled from the source and blank for students;
the blank copy keeps the filled one's shape (same circles, same rows, ruled
space sized to the answers) so a teacher can project one over the other.
"""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, PageBreak, Spacer, TableStyle

from handouts.i18n.words import join, language_of
from handouts.layout.models import Layout
from handouts.markup import escape, plain, to_reportlab
from handouts.render.context import RenderContext
from handouts.render.pdf.marks import MarkedText
from handouts.render.pdf.paragraph import Paragraph
from handouts.render.pdf.tagging.tags import TagRecorder, cell_tag, table_callback, tag, tagging_table
from handouts.render.worksheet.diagram import Venn, Zone
from handouts.render.worksheet.page import Sheet
from handouts.render.worksheet.plan import Plan
from handouts.render.worksheet.regionflow import Run
from handouts.render.worksheet.sheet import grid_table, orientation, sheet_texts
from handouts.render.worksheet.space import AnswerSpace, NameLine, line_pitch
from handouts.render.worksheet.venn import groups
from handouts.source.models import Comparison

KEY_TRIES = 4  # diagram sizes tried to fit the key of crowded regions on the same page
MIN_SHARE = 0.55  # the diagram keeps at least this share of its page
NOTES_SHARE = 0.3  # of a page: the most writing space one blank T-chart cell gets


def render_organizer(model: Comparison, layout: Layout, context: RenderContext) -> bytes:
    """Venn (2–3 subjects), then a T-chart (2) or a matrix (3+), each filled then blank."""
    sheet = Sheet(model, layout, context, layout.worksheet.labels.organizer, orientation(model, layout))
    n = len(model.subjects)
    pages: list[list[Flowable]] = []
    if n <= 3:
        pages += venn_pages(sheet)
    chart = tchart if n == 2 else matrix
    pages += [chart(sheet, filled=True), chart(sheet, filled=False)]
    story = sheet.title()
    for number, page in enumerate(pages):
        story += ([PageBreak()] if number else []) + page
    return sheet.build(story, sheet_texts(model) + model.similarities)


def zones(model: Comparison, layout: Layout) -> list[Zone]:
    """What each Venn region says: a row whose value some subjects share goes in
    their shared region, the rest in each subject's own; similarities go in the middle."""
    n, labels = len(model.subjects), layout.worksheet.labels
    found = {g: Zone(g, "", []) for g in groups(n)}
    found[tuple(range(n))].heading = labels.both if n == 2 else labels.all
    found[tuple(range(n))].items += [[Run(plain(t))] for t in model.similarities]
    for row in model.table:
        shared: dict[str, list[int]] = {}
        for i, value in enumerate(row.cells()):
            if value:
                shared.setdefault(" ".join(plain(value).lower().split()), []).append(i)
        for members in shared.values():
            value = row.cells()[members[0]] or ""
            found[tuple(members)].items.append([Run(plain(row.label) + ":", True), Run(plain(value))])
    return [found[g] for g in groups(n)]


def alt_text(model: Comparison, zones_: list[Zone], layout: Layout) -> str:
    """The diagram in words: each region's subjects and what it holds."""
    names = [plain(s.name) for s in model.subjects]
    parts = [f"{layout.worksheet.labels.venn}: {', '.join(names)}"]
    for zone in zones_:
        who = " + ".join(names[i] for i in zone.members)
        items = "; ".join(" ".join(run.text for run in item) for item in zone.items)
        parts.append(f"{who}: {items or '(empty)'}")
    return ". ".join(parts) + "."


def venn_pages(sheet: Sheet) -> list[list[Flowable]]:
    """The filled Venn (with, below it, the key of items too long for their region),
    then the blank one with the same circles."""
    model, layout, s, labels = sheet.model, sheet.layout, sheet.styles, sheet.labels
    names = [plain(x.name) for x in model.subjects]
    colors = [layout.subject_color(i, x.color) for i, x in enumerate(model.subjects)]
    fonts = (s.fonts["table"]["regular"], s.fonts["table"]["bold"])
    head = [sheet.heading(labels.venn)]
    blank_head = [sheet.heading(join(labels.venn, labels.blank_page)), _name_line(sheet)]
    room = sheet.height() - max(_height(sheet, sheet.title() + head), _height(sheet, blank_head)) - s.gap
    height = room
    filled = zones(model, layout)
    venn = Venn(names, colors, filled, layout, fonts, (sheet.width(), room), filled=True)
    crowded = sum(len(z.keyed) for z in filled)
    for _ in range(KEY_TRIES):  # make room for the key on the page, unless that crowds more regions
        below = _height(sheet, key(sheet, venn.zones, TagRecorder()))
        if not below or height + below <= room or room - below < room * MIN_SHARE:
            break
        height = room - below
        smaller = zones(model, layout)
        candidate = Venn(names, colors, smaller, layout, fonts, (sheet.width(), height), filled=True)
        if sum(len(z.keyed) for z in smaller) > crowded:
            height = room  # the key goes on the next page instead
            break
        venn, filled = candidate, smaller
    figure = sheet.tags.element("Figure", alt=alt_text(model, filled, layout))
    pages = [head + [tag(venn, figure)] + key(sheet, filled)]
    blank = Venn(names, colors, zones(model, layout), layout, fonts, (sheet.width(), height), filled=False)
    blank_alt = f"{labels.venn} {labels.blank_page}: " + ", ".join(names)
    pages.append(blank_head + [tag(blank, sheet.tags.element("Figure", alt=blank_alt))])
    return pages


def _height(sheet: Sheet, flowables: list[Flowable]) -> float:
    """Space ``flowables`` take at the top of a page (measured; nothing drawn)."""
    width, height = sheet.width(), sheet.height()
    return sum(f.wrap(width, height)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in flowables)


def _name_line(sheet: Sheet) -> Flowable:
    labels = sheet.labels
    line = NameLine((labels.name, labels.group, labels.date), sheet.styles.body, sheet.layout.colors.rule, 20)
    return tag(line, sheet.tags.element("P", lang=language_of(labels.name)))


def key(sheet: Sheet, zones_: list[Zone], tags: TagRecorder | None = None) -> list[Flowable]:
    """Items of crowded regions, by number, after the diagram (H2, then L > LI > LBody
    per region); with a scratch ``tags`` it is only measured."""
    crowded = [z for z in zones_ if z.first_number]
    if not crowded:
        return []
    tags = tags or sheet.tags
    s = sheet.styles
    names = [plain(x.name) for x in sheet.model.subjects]
    heading = tag(
        Paragraph(escape(sheet.labels.key), s.heading), tags.element("H2", lang=language_of(sheet.labels.key))
    )
    heading.outline = (sheet.labels.key, False)
    out: list[Flowable] = [heading]
    style = ParagraphStyle("w-key", parent=s.bullet, leftIndent=s.body.fontSize * 2.2)
    for zone in crowded:
        title = zone.heading or " + ".join(names[i] for i in zone.members)
        out.append(tag(Paragraph(escape(title), s.subheading), tags.element("H3", lang=language_of(title))))
        lst = tags.element("L", O="List", ListNumbering="Decimal")
        for k, item in enumerate(zone.keyed, start=zone.first_number):
            li = tags.element("LI", lst)
            text = " ".join(f"<b>{escape(r.text)}</b>" if r.bold else escape(r.text) for r in item)
            out.append(tag(Paragraph(text, style, bulletText=f"{k}."), tags.element("LBody", li)))
    return out


def tchart(sheet: Sheet, filled: bool) -> list[Flowable]:
    """Two columns under the subjects' names, split by a bold T; each attribute a prompt."""
    model, layout, s, labels = sheet.model, sheet.layout, sheet.styles, sheet.labels
    title = labels.tchart if filled else join(labels.tchart, labels.blank_page)
    out: list[Flowable] = [sheet.heading(title)] + ([] if filled else [_name_line(sheet)])
    tags = sheet.tags
    table_el = tags.element("Table")
    tr = tags.element("TR", table_el)
    header = []
    for i, subject in enumerate(model.subjects):
        color = layout.subject_color(i, subject.color)
        style = ParagraphStyle(f"w-t-{i}", parent=s.subheading, spaceBefore=0, textColor=HexColor(color))
        mark = MarkedText(Paragraph(to_reportlab(subject.name), style), layout.subject_marker(i), color)
        header.append(tag(mark, tags.element("TH", tr, O="Table", Scope="Column")))
    data: list[list] = [header]
    prompt = ParagraphStyle("w-t-label", parent=s.label, textColor=HexColor(layout.colors.muted), spaceAfter=1)
    for row in model.table:
        tr = tags.element("TR", table_el)
        cells = []
        for value in row.cells():
            label = tag(Paragraph(to_reportlab(row.label), prompt), tags.element("TD", tr))
            if filled:
                body: Flowable = Paragraph(to_reportlab(value or "\u2014", layout.colors.link), s.cell)
            else:  # room for notes, never a page: a row taller than a page cannot be split in a T
                most = int(sheet.height() * NOTES_SHARE / line_pitch(layout))
                body = AnswerSpace(value or "", s.cell, layout, show=False, most=most)
            cells.append([label, body])
        data.append(cells)
    half = sheet.width() / 2
    table = tagging_table(data, table_callback(cell_tag), colWidths=[half, half], repeatRows=1, splitInRow=1)
    ink = HexColor(layout.colors.heading)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), s.cell.fontName),
                ("LINEBELOW", (0, 0), (-1, 0), 2.5, ink),
                ("LINEAFTER", (0, 0), (0, -1), 2.5, ink),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), s.cell_pad * 1.2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), s.cell_pad * 1.2),
                ("LEFTPADDING", (0, 0), (-1, -1), s.cell_pad * 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), s.cell_pad * 3),
            ]
        )
    )
    return out + [Spacer(0, s.gap * 0.3), table]


def matrix(sheet: Sheet, filled: bool) -> list[Flowable]:
    """The comparison grid, whole (filled) or every cell ruled for writing (blank)."""
    model, labels = sheet.model, sheet.labels
    every = frozenset((r, c) for r in range(len(model.table)) for c in range(len(model.subjects)))
    title = labels.matrix if filled else join(labels.matrix, labels.blank_page)
    body = [sheet.heading(title)] + ([] if filled else [_name_line(sheet)])
    return body + grid_table(sheet, Plan(frozenset() if filled else every, "none", ()), False)
