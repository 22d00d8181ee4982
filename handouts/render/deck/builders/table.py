"""The overview slide: the whole comparison as a native PPTX table.

Every cell is measured at the candidate size; the table is shown whole, on
one slide, at the largest size that fits. A table not legible on one slide
at the layout's minimum size gets no overview: split over many slides it
would only repeat the comparison slides. The header row is marked
(``first_row``).
"""

from __future__ import annotations

from pptx.enum.text import MSO_ANCHOR
from pptx.util import Pt

from handouts.render.deck import xml_edits
from handouts.render.deck.contrast import ink_on
from handouts.render.deck.deck_writer import DeckWriter
from handouts.render.deck.fit import Insets, TextStyle, block_height, candidate_sizes, fit_lines, has_broken_words
from handouts.render.deck.text import rgb, write
from handouts.scripts import is_rtl_language
from handouts.source.models import split_paragraphs
from handouts.units import pt_to_emu

OVERVIEW_LINES = 2  # a value cut to this many lines when the whole table would not fit
CELL = Insets(left=6.0, top=3.0, right=6.0, bottom=3.0)
NO_STYLE = "{2D5ABB26-0587-4C30-8999-92F81FD0307C}"  # built-in "No Style, No Grid"

Row = list[list[str]]  # one list of paragraphs per column


def _height(row: Row, widths: list[float], style: TextStyle) -> float:
    label_style = TextStyle(style.font, style.size, True)
    return max(
        block_height(cell, label_style if i == 0 else style, width, CELL)
        for i, (cell, width) in enumerate(zip(row, widths))
    )


def _capped(row: Row, widths: list[float], style: TextStyle, lines: int) -> Row:
    """An overview row whose values are at most ``lines`` lines each, cut at a
    word with an ellipsis (the label stays whole)."""
    out = [row[0]]
    for cell, width in zip(row[1:], widths[1:]):
        if block_height(cell, style, width, CELL) > lines * style.line_height + CELL.top + CELL.bottom + 0.01:
            cell = [fit_lines(" ".join(cell), style, width - CELL.left - CELL.right, lines)]
        out.append(cell)
    return out


def build_overview(w: DeckWriter) -> None:
    """The comparison table, header row in the subjects' colours."""
    model, deck = w.model, w.deck
    if not model.table:
        return
    area = w.body
    count = len(model.subjects)
    label_w = area.width * max(w.layout.handout.table.label_width, 1 / (count + 3))
    widths = [label_w] + [(area.width - label_w) / count] * count
    empty = deck.labels.empty_cell
    header: Row = [[deck.labels.attribute]] + [[s.name] for s in model.subjects]
    rows: list[Row] = [
        [[row.label]] + [split_paragraphs(c) or [empty] for c in (v or empty for v in row.cells())]
        for row in model.table
    ]
    base = w.style("body", deck.sizes.table)
    bold = TextStyle(base.font, base.size, True)
    for cap in (None, OVERVIEW_LINES):  # whole cells, else each value cut to a few lines (its slide has it all)
        for size in candidate_sizes(deck.sizes.table, deck.sizes.min):
            style = base.at(size)
            shown = rows if cap is None else [_capped(r, widths, style, cap) for r in rows]
            total = _height(header, widths, bold.at(size)) + sum(_height(r, widths, style) for r in shown)
            if total <= area.height + 0.01:
                slide = w.new_slide(deck.labels.overview, _notes(w))
                _draw(w, slide, [header] + shown, widths, style)
                return
    # Not legible on one slide at the minimum size: the comparison slides show every row instead.


def _notes(w: DeckWriter) -> list[str]:
    """What the table condenses: the subjects' full names and the summary."""
    names = [f"{s.name}: {s.full_name}" for s in w.model.subjects if s.full_name and s.full_name != s.name]
    return names + split_paragraphs(w.model.summary)


def cell_colors(w: DeckWriter, r: int, c: int) -> tuple[str, str]:
    """(fill, text colour) of the overview table's cell at row ``r``, column
    ``c``: subject colours across the header, zebra rows below."""
    colors = w.colors
    if r == 0:
        fill = colors.header_fill if c == 0 else w.layout.subject_color(c - 1, w.model.subjects[c - 1].color)
        return fill, ink_on(fill, colors.header_text, colors.text)
    fill = colors.zebra if r % 2 == 0 else colors.background
    return fill, ink_on(fill, colors.heading if c == 0 else colors.text)


def header_style(w: DeckWriter, header: Row, widths: list[float], style: TextStyle) -> TextStyle:
    """The header row's (bold) style: the table's size, or the largest smaller
    one, down to the minimum, at which no subject's name is broken inside a
    word (a name wider than its column even at the minimum is broken, never cut)."""
    bold = TextStyle(style.font, style.size, True)
    smallest = bold.at(w.deck.sizes.min)
    cells = [(c, width) for c, width in zip(header, widths) if not has_broken_words(c, smallest, width, CELL)]
    for size in candidate_sizes(style.size, w.deck.sizes.min):
        if not any(has_broken_words(cell, bold.at(size), width, CELL) for cell, width in cells):
            return bold.at(size)
    return bold


def _draw(w: DeckWriter, slide, rows: list[Row], widths: list[float], style: TextStyle) -> None:
    """The table: exact column widths and measured row heights, header row
    marked (``first_row``), no banding, cells filled and set as measured."""
    header = header_style(w, rows[0], widths, style)
    heights = [_height(rows[0], widths, header)] + [_height(r, widths, style) for r in rows[1:]]
    # A right-to-left document reads the table from the right: the label column is drawn
    # last (rightmost), each logical column c in physical column n - 1 - c.
    rtl = is_rtl_language(w.language)
    place = (lambda c: len(widths) - 1 - c) if rtl else (lambda c: c)
    col_emu = [pt_to_emu(width) for width in (reversed(widths) if rtl else widths)]
    row_emu = [pt_to_emu(height) for height in heights]
    frame = slide.shapes.add_table(
        len(rows), len(widths), pt_to_emu(w.body.left), pt_to_emu(w.body.top), sum(col_emu), sum(row_emu)
    )
    frame.name = "Comparison table"
    table = frame.table
    table.first_row, table.horz_banding = True, False
    xml_edits.table_style(table, NO_STYLE)
    for column, width in zip(table.columns, col_emu):
        column.width = width
    for row, height in zip(table.rows, row_emu):
        row.height = height
    for r, row in enumerate(rows):
        for c, paragraphs in enumerate(row):
            cell = table.cell(r, place(c))
            fill, color = cell_colors(w, r, c)
            cell.fill.solid()
            cell.fill.fore_color.rgb = rgb(fill)
            cell.margin_left, cell.margin_right = Pt(CELL.left), Pt(CELL.right)
            cell.margin_top, cell.margin_bottom = Pt(CELL.top), Pt(CELL.bottom)
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE if r == 0 else MSO_ANCHOR.TOP
            write(
                cell.text_frame,
                paragraphs,
                header if r == 0 else TextStyle(style.font, style.size, c == 0),
                color,
                w.language,
                link_color=w.colors.link,
            )
