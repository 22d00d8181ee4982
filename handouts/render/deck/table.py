"""The overview slide: the whole comparison as a native PPTX table.

Every cell is measured at the candidate size; the table is shown whole at
the largest size that fits, else split by rows over "(cont.)" slides at the
minimum size, and a row taller than a slide is itself split by sentences
or lines ("Label (cont.)"). The header row is marked (``first_row``).
"""

from __future__ import annotations

from pptx.enum.text import MSO_ANCHOR
from pptx.util import Pt

from handouts.colors import readable_on
from handouts.render.deck import xml_edits
from handouts.render.deck.deck_writer import DeckWriter
from handouts.render.deck.fit import Insets, TextStyle, block_height, candidate_sizes, fit_lines, take
from handouts.render.deck.text import rgb, write
from handouts.source.models import split_paragraphs
from handouts.units import pt_to_emu

CELL = Insets(left=6.0, top=3.0, right=6.0, bottom=3.0)
NO_STYLE = "{2D5ABB26-0587-4C30-8999-92F81FD0307C}"  # built-in "No Style, No Grid"

Row = list[list[str]]  # one list of paragraphs per column


def _height(row: Row, widths: list[float], style: TextStyle) -> float:
    label_style = TextStyle(style.font, style.size, True)
    return max(
        block_height(cell, label_style if i == 0 else style, width, CELL)
        for i, (cell, width) in enumerate(zip(row, widths))
    )


def _split(row: Row, widths: list[float], style: TextStyle, room: float, continued: str) -> tuple[Row, Row]:
    """Cut a row so its first part is at most ``room`` high."""
    head, tail = [], []
    for i, (cell, width) in enumerate(zip(row, widths)):
        cell_style = TextStyle(style.font, style.size, i == 0)
        first, rest = take(cell, cell_style, width, room, CELL) if cell else ([], [])
        head.append(first)
        tail.append(rest)
    label = " ".join(row[0])
    tail[0] = [label if label.endswith(continued) else f"{label} {continued}".strip()]
    return head, tail


def _capped(row: Row, widths: list[float], style: TextStyle, height: float, bold_first: bool = True) -> Row:
    """An overview row no taller than ``height``: a longer value (or label, or
    subject name) is cut with an ellipsis (its row slide shows it whole), so
    the overview stays short and every row fits on a slide of its own."""
    lines = max(1, int((height - CELL.top - CELL.bottom) // style.line_height))
    out = []
    for i, (cell, width) in enumerate(zip(row, widths)):
        cell_style = TextStyle(style.font, style.size, bold_first and i == 0 or style.bold)
        if block_height(cell, cell_style, width, CELL) > height:
            cell = [fit_lines(" ".join(cell), cell_style, width - CELL.left - CELL.right, lines)]
        out.append(cell)
    return out


def paginate_rows(
    rows: list[Row], header: Row, widths: list[float], style: TextStyle, height: float, continued: str
) -> list[list[Row]]:
    """Rows per slide so that header + rows fit ``height``."""
    header_h = _height(header, widths, TextStyle(style.font, style.size, True))
    one_line = style.line_height + CELL.top + CELL.bottom
    pages: list[list[Row]] = [[]]
    used = header_h
    queue = list(rows)
    while queue:
        row = queue.pop(0)
        h = _height(row, widths, style)
        if used + h <= height + 0.01:
            pages[-1].append(row)
            used += h
            continue
        room = height - used
        fresh = not pages[-1]
        if room >= 2 * one_line or (fresh and room >= one_line):
            head, tail = _split(row, widths, style, room, continued)
            if any(any(cell) for cell in head[1:]):  # some value moved on: progress
                pages[-1].append(head)
                queue.insert(0, tail)
            elif fresh:  # nothing can be cut to fit: show it as it is rather than loop
                pages[-1].append(row)
            else:
                queue.insert(0, row)
        elif fresh:  # the header leaves no room at all: same, never loop
            pages[-1].append(row)
        else:
            queue.insert(0, row)
        pages.append([])
        used = header_h
    return [p for p in pages if p]


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
    pages = None
    for size in candidate_sizes(deck.sizes.table, deck.sizes.min):
        style = base.at(size)
        total = _height(header, widths, bold.at(size)) + sum(_height(r, widths, style) for r in rows)
        if total <= area.height + 0.01:
            pages = [rows]
            break
    if pages is None:
        style = base.at(deck.sizes.min)
        header = _capped(header, widths, TextStyle(style.font, style.size, True), area.height / 4)
        rows = [_capped(row, widths, style, area.height / 2) for row in rows]
        pages = paginate_rows(rows, header, widths, style, area.height, deck.labels.continued)
    for index, page in enumerate(pages):
        slide = w.new_slide(w.page_title(deck.labels.overview, index, len(pages)))
        _draw(w, slide, [header] + page, widths, style)


def cell_colors(w: DeckWriter, r: int, c: int) -> tuple[str, str]:
    """(fill, text colour) of the overview table's cell at row ``r``, column
    ``c``: subject colours across the header, zebra rows below."""
    colors = w.colors
    if r == 0:
        fill = colors.header_fill if c == 0 else w.layout.subject_color(c - 1, w.model.subjects[c - 1].color)
        return fill, (readable_on(fill, colors.text, colors.header_text) if c else colors.header_text)
    return (colors.zebra if r % 2 == 0 else colors.background), (colors.heading if c == 0 else colors.text)


def _draw(w: DeckWriter, slide, rows: list[Row], widths: list[float], style: TextStyle) -> None:
    """The table: exact column widths and measured row heights, header row
    marked (``first_row``), no banding, cells filled and set as measured."""
    heights = [_height(rows[0], widths, TextStyle(style.font, style.size, True))] + [
        _height(r, widths, style) for r in rows[1:]
    ]
    col_emu = [pt_to_emu(width) for width in widths]
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
            cell = table.cell(r, c)
            fill, color = cell_colors(w, r, c)
            cell.fill.solid()
            cell.fill.fore_color.rgb = rgb(fill)
            cell.margin_left, cell.margin_right = Pt(CELL.left), Pt(CELL.right)
            cell.margin_top, cell.margin_bottom = Pt(CELL.top), Pt(CELL.bottom)
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE if r == 0 else MSO_ANCHOR.TOP
            write(
                cell.text_frame,
                paragraphs,
                TextStyle(style.font, style.size, r == 0 or c == 0),
                color,
                w.language,
                link_color=w.colors.link,
            )
