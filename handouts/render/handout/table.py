"""The comparison table: one column per subject, a header on every page, and
rows that split across pages at any length.

reportlab Tables only break *between* rows, so :class:`ComparisonTable` does
its own splitting: it fills the space it is given with whole rows, then cuts
the next row's cells at the remaining height (``Paragraph.split``) and carries
the rest over as a "Label (cont.)" row. No row can ever be taller than a page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable, Table, TableStyle

from handouts.errors import key_path
from handouts.layout.models import Layout
from handouts.render.handout.columns import Measure, least_column
from handouts.render.handout.columns import widths as column_widths
from handouts.render.pdf.styles import Styles
from handouts.render.pdf.tags import Element, table_callback, tagging_table
from handouts.render.scripts.mirror import logical_column, mirror
from handouts.scripts import is_rtl_language

DASH = "\u2014"
KEEP_LINES = 6  # a row of fewer lines moves to the next page whole rather than split


@dataclass(frozen=True)
class Row:
    """One table row (or the continuation of one): its index keeps zebra stripes."""

    index: int
    cells: tuple[tuple[Flowable, ...], ...]  # label cell first, then one per subject
    label_repeat: bool = False  # the label cell only repeats the label ("Label (cont.)"): an artifact
    span: int | None = None  # one cell from this column to the last (1: a shared value; 0: a heading row)
    source: int | None = None  # the source's table row it shows (0-based), for messages


def _spans(row: Row, widths: list[float]) -> list[float]:
    """Each cell's drawn width: a spanning cell takes every column from ``row.span`` on."""
    if row.span is None:
        return widths
    return widths[: row.span] + [sum(widths[row.span :])] + [0.0] * (len(widths) - row.span - 1)


def _cell_height(flowables: tuple[Flowable, ...], width: float) -> float:
    """Height of a cell's content, as reportlab's Table measures it."""
    total, first_before, last_after = 0.0, None, 0.0
    for f in flowables:
        _, h = f.wrap(width, 1e6)
        before, last_after = f.getSpaceBefore(), f.getSpaceAfter()
        first_before = before if first_before is None else first_before
        total += h + before + last_after
    return total - (first_before or 0.0) - last_after if flowables else 0.0


def _split_cell(flowables: tuple[Flowable, ...], width: float, height: float) -> tuple[tuple, tuple]:
    """Cut a cell's content so the first part fits ``height``."""
    first: list[Flowable] = []
    used = 0.0
    for i, f in enumerate(flowables):
        before = f.getSpaceBefore() if first else 0.0
        _, h = f.wrap(width, height)
        if used + before + h <= height:
            first.append(f)
            used += before + h + f.getSpaceAfter()
            continue
        parts = f.split(width, height - used - before) if height - used - before > 0 else []
        if len(parts) >= 2:
            return tuple(first) + (parts[0],), tuple(parts[1:]) + tuple(flowables[i + 1 :])
        return tuple(first), tuple(flowables[i:])
    return tuple(first), ()


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
            header_h = max((_cell_height((c,), w - pad) + pad for c, w in zip(self.header, widths)), default=0.0)
            heights = [self._row_height(r, widths) for r in self.rows]
            self._measured = (aw, widths, header_h, heights)
        return self._measured[1:]

    def _row_height(self, row: Row, widths: list[float]) -> float:
        key = (id(row), widths[0])
        known = self._heights.get(key)
        if known is None or known[0] is not row:
            pad = 2 * self.styles.cell_pad
            cells = zip(row.cells, _spans(row, widths))
            known = self._heights[key] = (row, max(_cell_height(c, max(w - pad, 1.0)) for c, w in cells) + pad)
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
        pieces = [_split_cell(cell, max(w - pad, 1.0), content) for cell, w in zip(row.cells, _spans(row, widths))]
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
        element, commands = self._cell_element(rows), self._commands(rows)
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

    def _commands(self, rows: list[Row]) -> list[tuple]:
        c, pad, kind = self.layout.colors, self.styles.cell_pad, self.layout.handout.table.style
        rule = HexColor(c.rule)
        cmds: list[tuple] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONT", (0, 0), (-1, -1), self.styles.cell.fontName),
            ("LEFTPADDING", (0, 0), (-1, -1), pad),
            ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            ("TOPPADDING", (0, 0), (-1, -1), pad),
            ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        ]
        top, fills = (1 if self.header else 0), self.layout.handout.fills
        if top:
            cmds.append(("VALIGN", (0, 0), (-1, 0), "MIDDLE"))
        if not top:
            pass
        elif fills:
            for col, fill in enumerate(self.fills):
                cmds.append(("BACKGROUND", (col, 0), (col, 0), HexColor(fill)))
        else:  # no filled areas: a heavy rule under the header instead
            cmds.append(("LINEBELOW", (0, 0), (-1, 0), 1.6, HexColor(c.accent)))
        if kind == "grid":
            cmds.append(("GRID", (0, 0), (-1, -1), 0.5, rule))
        else:
            cmds.append(("LINEBELOW", (0, -1), (-1, -1), 0.8, HexColor(c.accent)))
        for n, row in enumerate(rows, start=top):
            if row.span is not None:
                cmds.append(("SPAN", (row.span, n), (-1, n)))
            if row.span == 0:  # an attribute heading (subjects as rows)
                heading = ("BACKGROUND", (0, n), (-1, n), HexColor(c.header_fill))
                cmds.append(heading if fills else ("LINEABOVE", (0, n), (-1, n), 1.6, HexColor(c.accent)))
                continue
            if kind == "zebra" and fills and row.index % 2 == 1:
                cmds.append(("BACKGROUND", (0, n), (-1, n), HexColor(c.zebra)))
            if kind == "rules" and n < len(rows) - 1 + top:
                cmds.append(("LINEBELOW", (0, n), (-1, n), 0.5, rule))
        return cmds

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
