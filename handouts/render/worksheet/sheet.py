"""The student worksheet and its answer key: one story, drawn twice.

Both PDFs are built by :func:`sheet_story` from the same :class:`Plan`; the
only difference is whether an :class:`AnswerSpace` shows its answer. So the
key has the same pages, and every answer lies where the student wrote it.
"""

from __future__ import annotations

from dataclasses import replace

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Spacer,
)

from handouts.i18n.words import language_of
from handouts.layout.models import Layout
from handouts.markup import escape, to_reportlab
from handouts.render.context import RenderContext
from handouts.render.handout.comparison import build_table
from handouts.render.pdf.paragraph import Paragraph
from handouts.render.pdf.tagging.tags import tag
from handouts.render.worksheet.chronology import timeline
from handouts.render.worksheet.page import Sheet
from handouts.render.worksheet.plan import Plan, plan_for
from handouts.render.worksheet.space import AnswerSpace, NameLine, line_pitch
from handouts.source.models import Comparison

QUESTION_LINES = 3  # writing lines under each question


def render_worksheet(model: Comparison, layout: Layout, context: RenderContext) -> bytes:
    """The student copy: blanks to fill, ruled to the length of each answer."""
    sheet = Sheet(model, layout, context, layout.worksheet.labels.worksheet, orientation(model, layout))
    return sheet.build(sheet_story(sheet, plan_for(model), show=False), sheet_texts(model))


def render_answers(model: Comparison, layout: Layout, context: RenderContext) -> bytes:
    """The answer key: the worksheet's pages with every blank filled and marked."""
    sheet = Sheet(model, layout, context, layout.worksheet.labels.answers, orientation(model, layout))
    return sheet.build(sheet_story(sheet, plan_for(model), show=True), sheet_texts(model))


def sheet_texts(model: Comparison) -> list[str]:
    """The user text a worksheet may draw (for the missing-glyph warning)."""
    texts = [model.title, model.subtitle or "", model.course or "", *model.questions]
    texts += [s.name for s in model.subjects] + [r.label for r in model.table]
    texts += [v for r in model.table for v in r.cells() if v] + [e.label for e in model.timeline]
    return texts


def sheet_story(sheet: Sheet, plan: Plan, show: bool) -> list[Flowable]:
    """Title, name line, word bank, the grid, the timeline, the questions."""
    s, labels = sheet.styles, sheet.labels
    story = sheet.title() + qr_code(sheet)
    fields = (labels.name, labels.group, labels.date)
    name = NameLine(fields, s.body, sheet.layout.colors.rule, line_pitch(sheet.layout))
    story += [tag(name, sheet.tags.element("P", lang=language_of(labels.name))), Spacer(0, s.gap * 0.6)]
    story += word_bank(sheet, plan)
    story += grid(sheet, plan, show)
    story += timeline(sheet, plan, show)
    story += questions(sheet, show)
    return story


def qr_code(sheet: Sheet) -> list[Flowable]:
    """The source's ``url:`` as a QR code with its address beside it (as on the
    handout): a student scans the sheet to reach the digital copy."""
    url = sheet.model.url
    if not url:
        return []
    from handouts.render.qr import qr_flowable

    alt = sheet.layout.handout.labels.qr_alt.format(url=url)  # in the document's language, as on the handout
    code = qr_flowable(url, sheet.layout.sizes.title * 2.4, sheet.styles.meta, alt)
    return [tag(code, sheet.tags.element("Figure", alt=alt)), Spacer(0, sheet.styles.gap * 0.4)]


def grid_table(sheet: Sheet, plan: Plan, show: bool) -> list[Flowable]:
    """The comparison table (the handout's, tagged the same) with the planned cells as writing space."""
    model = sheet.model
    table = build_table(model, sheet.layout, sheet.styles, sheet.tags)
    rows = []
    for row in table.rows:
        cells = list(row.cells)
        values = model.table[row.index].cells()
        shown = values[:1] if row.span == 1 else values  # a shared value is one cell across the subjects
        for c, value in enumerate(shown):
            if plan.is_blank(row.index, c):
                cells[c + 1] = (AnswerSpace(value or "", sheet.styles.cell, sheet.layout, show),)
        rows.append(replace(row, cells=tuple(cells)))
    table.rows = rows
    return [table]


NARROW = 8  # a subject column narrower than this many table-size ems turns the pages


def orientation(model: Comparison, layout: Layout) -> str | None:
    """Landscape pages throughout when the layout turns the handout's table at this
    many subjects, or when portrait columns would be too narrow to write in (large
    print); a worksheet is one sheet of work: it does not switch midway."""
    turn = layout.handout.table.landscape_from_subjects
    page = layout.page
    width = page.dimensions()[0] - page.margins.left - page.margins.right
    column = width * (1 - layout.handout.table.label_width) / len(model.subjects)
    narrow = column < layout.sizes.table * NARROW
    return "landscape" if (turn is not None and len(model.subjects) >= turn) or narrow else None


def grid(sheet: Sheet, plan: Plan, show: bool) -> list[Flowable]:
    """The grid under its heading and the instruction (the example row is the first filled one)."""
    model, s = sheet.model, sheet.styles
    if not model.table:
        return []
    named = model.worksheet is not None and model.worksheet.blank is not None
    hint = sheet.labels.grid_hint_named if named else sheet.labels.grid_hint
    head = [CondPageBreak(s.gap * 8), sheet.heading(sheet.labels.grid), sheet.words(hint, s.meta)]
    return head + [Spacer(0, s.gap * 0.3)] + grid_table(sheet, plan, show)


def word_bank(sheet: Sheet, plan: Plan) -> list[Flowable]:
    """The blanked answers, shuffled, in a ruled box: a list a screen reader reads as one."""
    if not plan.word_bank:
        return []
    style = ParagraphStyle("w-bank", parent=sheet.styles.cell, spaceAfter=0)
    items = [Paragraph(escape(text), style) for text in plan.word_bank]
    return [sheet.heading(sheet.labels.word_bank), sheet.boxed_list(items), Spacer(0, sheet.styles.gap * 0.5)]


def questions(sheet: Sheet, show: bool) -> list[Flowable]:
    """Each question, numbered, with writing lines under it (L > LI > Lbl, LBody)."""
    model, s = sheet.model, sheet.styles
    if not model.questions:
        return []
    out: list[Flowable] = [CondPageBreak(s.gap * 6), sheet.heading(sheet.labels.questions)]
    lst = sheet.tags.element("L", O="List", ListNumbering="Decimal")
    style = ParagraphStyle("w-question", parent=s.bullet, spaceBefore=s.gap * 0.4, keepWithNext=1)
    for number, text in enumerate(model.questions, start=1):
        li = sheet.tags.element("LI", lst)
        para = Paragraph(to_reportlab(text, sheet.layout.colors.link), style, bulletText=f"{number}.")
        out.append(tag(para, sheet.tags.element("LBody", li)))
        out.append(AnswerSpace("", s.cell, sheet.layout, show, lines=QUESTION_LINES))
    return out
