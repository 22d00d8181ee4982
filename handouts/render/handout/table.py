"""The comparison table: one column per subject, a header on every page, and
rows that split across pages at any length.

reportlab Tables only break *between* rows, so :class:`ComparisonTable` does
its own splitting: it fills the space it is given with whole rows, then cuts
the next row's cells at the remaining height (``Paragraph.split``) and carries
the rest over as a "Label (cont.)" row. No row can ever be taller than a page.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import Flowable, Table, TableStyle

from handouts.errors import key_path
from handouts.layout.models import Layout
from handouts.render.handout.columns import Measure, least_column
from handouts.render.handout.columns import widths as column_widths
from handouts.render.handout.table_rows import KEEP_LINES, Row, cell_height, spans, split_cell, table_commands
from handouts.render.pdf.styles import Styles
from handouts.render.pdf.tagging.tags import Element, table_callback, tagging_table
from handouts.render.scripts.mirror import logical_column, mirror
from handouts.scripts import is_rtl_language


class ComparisonTable(Flowable):
    """A splittable comparison table; draws itself as reportlab Tables.

    ``cells`` are the structure elements (header row first, then one row per
    source row); a piece continued on a later page draws its repeated header
    as an artifact, so a screen reader meets each header once."""

    tags_itself = True

    def __init__(
        self,
        header: list[Flowable],
        rows: list[Row],
        weights: list[float],
        layout: Layout,
        styles: Styles,
        fills: list[str],
        continued: Callable[[int], tuple[Flowable, ...]],
        heights: dict | None = None,
        cells: list[list[Element]] | None = None,
        first: bool = True,
        *,
        measure: Measure,
    ) -> None:
        super().__init__()
        self.cells, self.first, self.measure = cells, first, measure
        # (id(row), width) -> (row, height), shared with the pieces split from this
        # table so each row is measured once, not once per page.
        self._heights: dict[tuple[int, float], tuple[Row, float]] = {} if heights is None else heights
        self.header, self.rows, self.weights = header, rows, weights
        self.layout, self.styles, self.fills, self.continued = layout, styles, fills, continued
        self._measured: tuple[float, list[float], float, list[float]] | None = None

    # -- measuring ---------------------------------------------------------
    def _widths(self, aw: float) -> list[float]:
        least = least_column(self.layout, self.styles) if len(self.weights) > 1 else 0.0
        return column_widths(self.measure, self.weights, self.layout, aw, least)

    def _measure(self, aw: float) -> tuple[list[float], float, list[float]]:
        if self._measured is None or self._measured[0] != aw:
            widths = self._widths(aw)
            pad = 2 * self.styles.cell_pad
            header_h = max((cell_height((c,), w - pad) + pad for c, w in zip(self.header, widths)), default=0.0)
            heights = [self._row_height(r, widths) for r in self.rows]
            self._measured = (aw, widths, header_h, heights)
        return self._measured[1:]

    def _row_height(self, row: Row, widths: list[float]) -> float:
        key = (id(row), widths[0])
        known = self._heights.get(key)
        if known is None or known[0] is not row:
            pad = 2 * self.styles.cell_pad
            cells = zip(row.cells, spans(row, widths))
            known = self._heights[key] = (row, max(cell_height(c, max(w - pad, 1.0)) for c, w in cells) + pad)
        return known[1]

    def start_height(self, aw: float) -> float:
        """The least that may start a page: the header and the first row (two
        lines of it when it is long enough to split)."""
        _, header_h, heights = self._measure(aw)
        first = heights[0] if heights else 0.0
        if first - 2 * self.styles.cell_pad > self.styles.cell.leading * KEEP_LINES:
            first = self.styles.cell.leading * 2 + 2 * self.styles.cell_pad
        return header_h + first

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        _, header_h, heights = self._measure(aw)
        self.width, self.height = aw, header_h + sum(heights)
        return self.width, self.height

    def overflow(self, aw: float) -> tuple[str, str, float]:
        """(what, key, height) of the row that must start a page, for a message
        when it does not fit on one (:mod:`handouts.render.pdf.overflow`)."""
        _, header_h, heights = self._measure(aw)
        if not self.rows:
            return "the comparison table's header row", "table", header_h
        row = self.rows[0]
        if row.source is None:
            return "a row of the comparison table", "table", header_h + heights[0]
        return f"row {row.source + 1} of the comparison table", key_path("table", row.source), header_h + heights[0]

    # -- splitting ---------------------------------------------------------
    def _split_row(self, row: Row, widths: list[float], height: float) -> tuple[Row, Row] | None:
        pad = 2 * self.styles.cell_pad
        content = height - pad - 1.0
        if content < self.styles.cell.leading * 2:
            return None
        pieces = [split_cell(cell, max(w - pad, 1.0), content) for cell, w in zip(row.cells, spans(row, widths))]
        if not any(first for first, _ in pieces) or not any(rest for _, rest in pieces):
            return None
        label_rest = pieces[0][1]  # a label too long for the page continues as itself
        head = Row(row.index, tuple(first for first, _ in pieces), row.label_repeat, row.span, row.source)
        tail = Row(
            row.index,
            (label_rest or self.continued(row.index),) + tuple(rest for _, rest in pieces[1:]),
            row.label_repeat or not label_rest,
            row.span,
            row.source,
        )
        return head, tail

    def split(self, aw: float, ah: float) -> list[Flowable]:
        widths, header_h, heights = self._measure(aw)
        room = ah - header_h
        taken: list[Row] = []
        i = 0
        while i < len(self.rows) and heights[i] <= room:
            taken.append(self.rows[i])
            room -= heights[i]
            i += 1
        rest = list(self.rows[i:])
        if rest and heights[i] - 2 * self.styles.cell_pad > self.styles.cell.leading * KEEP_LINES:
            cut = self._split_row(rest[0], widths, room)
            if cut:
                taken.append(cut[0])
                rest[0] = cut[1]
        if not taken:
            return []
        parts: list[Flowable] = [self._table(taken, widths)]
        if rest:
            parts.append(
                ComparisonTable(
                    self.header,
                    rest,
                    self.weights,
                    self.layout,
                    self.styles,
                    self.fills,
                    self.continued,
                    self._heights,
                    self.cells,
                    first=False,
                    measure=self.measure,
                )
            )
        return parts

    # -- drawing -----------------------------------------------------------
    def _table(self, rows: list[Row], widths: list[float]) -> Table:
        top = 1 if self.header else 0
        data = [list(self.header)] * top + [[list(c) for c in r.cells] for r in rows]
        element = self._cell_element(rows)
        commands = table_commands(rows, self.layout, self.styles, self.fills, bool(self.header))
        if is_rtl_language(self.styles.text.language):  # label column on the right, read right to left
            data, widths, element, commands = mirrored(data, widths, element, commands)
        callback = table_callback(element) if self.cells else None
        table = tagging_table(data, callback, colWidths=widths, repeatRows=top, hAlign="LEFT")
        table.setStyle(TableStyle(commands))
        return table

    def _cell_element(self, rows: list[Row]) -> Callable[[int, int, object], Element | None]:
        """Which element each drawn cell belongs to (None: an artifact)."""
        cells = self.cells or []

        top = 1 if self.header else 0

        def element(r: int, c: int, value: object) -> Element | None:
            if r < top:
                return cells[0][c] if self.first else None
            row = rows[r - top]
            own = cells[row.index + 1]
            if (c == 0 and row.label_repeat) or c >= len(own) or (row.span is not None and c > row.span):
                return None  # a repeated label, or a cell covered by a span
            return own[c]

        return element

    def draw(self) -> None:
        widths, _, _ = self._measure(self.width)
        table = self._table(self.rows, widths)
        table.wrapOn(self.canv, self.width, self.height)
        table.drawOn(self.canv, 0, 0)


def mirrored(data: list[list], widths: list[float], element: Callable, commands: list[tuple]) -> tuple:
    """The table drawn right to left (:func:`mirror`), its structure elements still
    looked up by logical column."""
    rows, flipped, out, spans = mirror(data, widths, commands)

    def logical(r: int, c: int, value: object) -> Element | None:
        return element(r, logical_column(len(widths), spans, r, c), value)

    return rows, flipped, logical, out
