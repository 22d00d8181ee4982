"""The overview slide: the whole comparison as a native PPTX table.

Shown only where it adds something and can be read: the rows take more than
one comparison slide (else that slide is the overview), and the table fits
one slide at the layout's minimum size or more with every value whole (it is
never cut: the comparison slides have every value anyway, so leaving the
overview out loses nothing). A value every subject shares is one cell merged
across the subject columns. Rows stretch so the table fills the body. The
header row is marked (``first_row``).
"""

from __future__ import annotations

from pptx.enum.text import MSO_ANCHOR
from pptx.util import Pt

from handouts.markup import plain
from handouts.render.deck import xml_edits
from handouts.render.deck.builders.plan import Geometry, Row, pack, rows_of, who
from handouts.render.deck.contrast import ink_on
from handouts.render.deck.deck_writer import DeckWriter
from handouts.render.deck.fit import Insets, TextStyle, block_height, candidate_sizes, has_broken_words
from handouts.render.deck.text import rgb, write
from handouts.scripts import is_rtl_language
from handouts.source.models import split_paragraphs
from handouts.units import pt_to_emu

CELL = Insets(left=6.0, top=3.0, right=6.0, bottom=3.0)
NO_STYLE = "{2D5ABB26-0587-4C30-8999-92F81FD0307C}"  # built-in "No Style, No Grid"

Cells = list[tuple[list[str], float]]  # one table row: (paragraphs, width) per drawn cell


def comparison_slides(w: DeckWriter, rows: list[Row]) -> int:
    """How many comparison slides the rows take at least, counted as
    :func:`~handouts.render.deck.builders.plan.plan` counts them (the table
    size, else the minimum size); 2 when a row needs slides of its own."""
    for size in (w.deck.sizes.table, w.deck.sizes.min):
        geo = Geometry(w, size)
        heights = [geo.height(r) for r in rows]
        if max(heights) <= geo.room + 0.01:
            return len(pack(heights, geo.room))
    return 2


def _cells(w: DeckWriter, rows: list[Row], widths: list[float]) -> list[Cells]:
    """The header and one line per row; a shared value is one cell as wide as the subject columns."""
    header = [([w.deck.labels.attribute], widths[0])] + [([s.name], x) for s, x in zip(w.model.subjects, widths[1:])]
    out = [header]
    for row in rows:
        values = [(row.values[0], sum(widths[1:]))] if row.shared else list(zip(row.values, widths[1:]))
        out.append([([row.label], widths[0])] + values)
    return out


def _height(cells: Cells, style: TextStyle, label: TextStyle) -> float:
    return max(block_height(p, label if i == 0 else style, x, CELL) for i, (p, x) in enumerate(cells))


def _clean(table: list[Cells], style: TextStyle, label: TextStyle) -> bool:
    """No word of a row broken across lines at this size (the header row has its own size)."""
    return not any(
        has_broken_words(p, label if i == 0 else style, x, CELL)
        for cells in table[1:]
        for i, (p, x) in enumerate(cells)
    )


def header_style(w: DeckWriter, header: Cells, style: TextStyle) -> TextStyle:
    """The header row's (bold) style: ``style``'s size, or the largest smaller
    one, down to the minimum, at which no subject's name is broken inside a
    word (a name wider than its column even at the minimum is broken, never cut)."""
    bold = TextStyle(style.font, style.size, True)
    smallest = bold.at(w.deck.sizes.min)
    cells = [(p, x) for p, x in header if not has_broken_words(p, smallest, x, CELL)]
    for size in candidate_sizes(style.size, w.deck.sizes.min):
        if not any(has_broken_words(p, bold.at(size), x, CELL) for p, x in cells):
            return bold.at(size)
    return bold


def _size(w: DeckWriter, table: list[Cells]) -> tuple[float, list[float]] | None:
    """The largest size at which the whole table fits the body (one that breaks
    no word preferred), with its rows' heights; ``None`` if the minimum overflows."""
    base = w.style("body", w.deck.sizes.table)
    fitting = []
    for size in candidate_sizes(w.deck.sizes.table, w.deck.sizes.min):
        style, label = base.at(size), TextStyle(base.font, size, True)
        head = header_style(w, table[0], style)
        heights = [_height(table[0], head, head)] + [_height(c, style, label) for c in table[1:]]
        if sum(heights) <= w.body.height + 0.01:
            if _clean(table, style, label):
                return size, heights
            fitting.append((size, heights))
    return fitting[0] if fitting else None


def build_overview(w: DeckWriter) -> None:
    """The comparison table, header row in the subjects' colours, where it summarises several slides."""
    rows = rows_of(w)
    if len(rows) < 2 or comparison_slides(w, rows) < 2:
        return  # one comparison slide shows it all: an overview would only repeat it
    area = w.body
    count = len(w.model.subjects)
    label_w = area.width * max(w.layout.handout.table.label_width, 1 / (count + 3))
    widths = [label_w] + [(area.width - label_w) / count] * count
    table = _cells(w, rows, widths)
    found = _size(w, table)
    if found is None:
        return  # not legible whole on one slide: the comparison slides show every value
    size, heights = found
    spare = (area.height - sum(heights)) / (len(heights) - 1)
    heights = heights[:1] + [h + spare for h in heights[1:]]
    slide = w.new_slide(w.deck.labels.overview, overview_notes(w, rows))
    style = w.style("body", size)
    _draw(w, slide, table, rows, widths, heights, style, header_style(w, table[0], style))


def overview_notes(w: DeckWriter, rows: list[Row]) -> list[str]:
    """What the table shows, read the other way: each subject (full name) with
    its values, then the shared values; the summary when no title slide has it."""
    model, empty = w.model, [w.deck.labels.empty_cell]
    lines = []
    for i, subject in enumerate(model.subjects):
        said = [
            f"{plain(r.label)}: {plain(' '.join(r.values[i]))}" for r in rows if not r.shared and r.values[i] != empty
        ]
        if said:
            lines.append(f"{who(subject)} — " + "; ".join(said) + ".")
    names = ", ".join(who(s) for s in model.subjects)
    lines += [f"{plain(r.label)} ({names}): {plain(' '.join(r.values[0]))}" for r in rows if r.shared]
    if "title" not in w.deck.slides:
        lines += split_paragraphs(model.summary)
    return lines


def cell_colors(w: DeckWriter, r: int, c: int) -> tuple[str, str]:
    """(fill, text colour) of the overview table's cell at row ``r``, column
    ``c``: subject colours across the header, zebra rows below."""
    colors = w.colors
    if r == 0:
        fill = colors.header_fill if c == 0 else w.layout.subject_color(c - 1, w.model.subjects[c - 1].color)
        return fill, ink_on(fill, colors.header_text, colors.text)
    fill = colors.zebra if r % 2 == 0 else colors.background
    return fill, ink_on(fill, colors.heading if c == 0 else colors.text)


def _draw(
    w: DeckWriter,
    slide,
    table: list[Cells],
    rows: list[Row],
    widths: list[float],
    heights: list[float],
    style: TextStyle,
    header: TextStyle,
) -> None:
    """The table: exact column widths and row heights, header row marked
    (``first_row``, in ``header``), no banding, shared values merged across the subject columns."""
    # A right-to-left document reads the table from the right: the label column is drawn
    # last (rightmost), each logical column c in physical column n - 1 - c.
    n = len(widths)
    rtl = is_rtl_language(w.language)
    place = (lambda c: n - 1 - c) if rtl else (lambda c: c)
    col_emu = [pt_to_emu(width) for width in (reversed(widths) if rtl else widths)]
    row_emu = [pt_to_emu(height) for height in heights]
    frame = slide.shapes.add_table(
        len(table), n, pt_to_emu(w.body.left), pt_to_emu(w.body.top), sum(col_emu), sum(row_emu)
    )
    frame.name = "Comparison table"
    grid = frame.table
    grid.first_row, grid.horz_banding = True, False
    xml_edits.table_style(grid, NO_STYLE)
    for column, width in zip(grid.columns, col_emu):
        column.width = width
    for row, height in zip(grid.rows, row_emu):
        row.height = height
    for r, cells in enumerate(table):
        if r > 0 and rows[r - 1].shared:
            first, last = sorted((place(1), place(n - 1)))
            grid.cell(r, first).merge(grid.cell(r, last))
            spots = [place(0), first]  # the merged cell's text lives in its first (leftmost) cell
        else:
            spots = [place(c) for c in range(n)]
        for c, ((paragraphs, _), spot) in enumerate(zip(cells, spots)):
            cell = grid.cell(r, spot)
            fill, color = cell_colors(w, r, c)
            cell.fill.solid()
            cell.fill.fore_color.rgb = rgb(fill)
            cell.margin_left, cell.margin_right = Pt(CELL.left), Pt(CELL.right)
            cell.margin_top, cell.margin_bottom = Pt(CELL.top), Pt(CELL.bottom)
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            write(
                cell.text_frame,
                paragraphs,
                header if r == 0 else TextStyle(style.font, style.size, c == 0),
                color,
                w.language,
                link_color=w.colors.link,
            )
