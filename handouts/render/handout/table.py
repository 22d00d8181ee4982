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
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from handouts.colors import readable_on
from handouts.layout.models import Layout
from handouts.markup import plain, to_reportlab
from handouts.render.pdf.marks import MarkedText
from handouts.render.pdf.styles import Styles
from handouts.render.pdf.tags import Element, TagRecorder, table_callback, tagging_table
from handouts.source.models import Comparison, split_paragraphs

DASH = "\u2014"


@dataclass(frozen=True)
class Row:
    """One table row (or the continuation of one): its index keeps zebra stripes."""

    index: int
    cells: tuple[tuple[Flowable, ...], ...]  # label cell first, then one per subject
    label_repeat: bool = False  # the label cell only repeats the label ("Label (cont.)"): an artifact


def _cell_height(flowables: tuple[Flowable, ...], width: float) -> float:
    """Height of a cell's content, as reportlab's Table measures it."""
    total, first_before, last_after = 0.0, None, 0.0
    for f in flowables:
        _, h = f.wrap(width, 1e6)
        before, last_after = f.getSpaceBefore(), f.getSpaceAfter()
        first_before = before if first_before is None else first_before
        total += h + before + last_after
    return total - (first_before or 0.0) - last_after if flowables else 0.0


def _natural_width(f: Flowable) -> float:
    """Width a header cell needs to keep its longest word whole."""
    if isinstance(f, MarkedText):
        para = f.paragraph
        longest = max(para.getPlainText().split() or [""], key=len)
        return f.indent + stringWidth(longest, para.style.fontName, para.style.fontSize)
    return 0.0


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
    ) -> None:
        super().__init__()
        self.cells, self.first = cells, first
        # (id(row), width) -> (row, height), shared with the pieces split from this
        # table so each row is measured once, not once per page.
        self._heights: dict[tuple[int, float], tuple[Row, float]] = {} if heights is None else heights
        self.header, self.rows, self.weights = header, rows, weights
        self.layout, self.styles, self.fills, self.continued = layout, styles, fills, continued
        self._measured: tuple[float, list[float], float, list[float]] | None = None

    # -- measuring ---------------------------------------------------------
    def _widths(self, aw: float) -> list[float]:
        """Label column from the layout; subject columns by weight, but never so
        narrow that a subject's name must break (while the page allows)."""
        label = aw * self.layout.handout.table.label_width
        room = aw - label
        floors = [
            min(_natural_width(h) + 2 * self.styles.cell_pad + 1, room / len(self.weights)) for h in self.header[1:]
        ]
        widths = [room * w for w in self.weights]
        for _ in range(len(widths)):
            short = sum(f - w for f, w in zip(floors, widths) if w < f)
            if short <= 0.01:
                break
            spare = sum(w - f for f, w in zip(floors, widths) if w > f)
            widths = [f if w <= f else w - short * (w - f) / spare for f, w in zip(floors, widths)]
        return [label] + widths

    def _measure(self, aw: float) -> tuple[list[float], float, list[float]]:
        if self._measured is None or self._measured[0] != aw:
            widths = self._widths(aw)
            pad = 2 * self.styles.cell_pad
            header_h = max(_cell_height((c,), w - pad) for c, w in zip(self.header, widths)) + pad
            heights = [self._row_height(r, widths) for r in self.rows]
            self._measured = (aw, widths, header_h, heights)
        return self._measured[1:]

    def _row_height(self, row: Row, widths: list[float]) -> float:
        key = (id(row), widths[0])
        known = self._heights.get(key)
        if known is None or known[0] is not row:
            pad = 2 * self.styles.cell_pad
            known = self._heights[key] = (row, max(_cell_height(c, w - pad) for c, w in zip(row.cells, widths)) + pad)
        return known[1]

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        _, header_h, heights = self._measure(aw)
        self.width, self.height = aw, header_h + sum(heights)
        return self.width, self.height

    # -- splitting ---------------------------------------------------------
    def _split_row(self, row: Row, widths: list[float], height: float) -> tuple[Row, Row] | None:
        pad = 2 * self.styles.cell_pad
        content = height - pad - 1.0
        if content < self.styles.cell.leading * 2:
            return None
        pieces = [_split_cell(cell, w - pad, content) for cell, w in zip(row.cells, widths)]
        if not any(first for first, _ in pieces) or not any(rest for _, rest in pieces):
            return None
        label_rest = pieces[0][1]  # a label too long for the page continues as itself
        head = Row(row.index, tuple(first for first, _ in pieces), row.label_repeat)
        tail = Row(
            row.index,
            (label_rest or self.continued(row.index),) + tuple(rest for _, rest in pieces[1:]),
            row.label_repeat or not label_rest,
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
        if rest:
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
                )
            )
        return parts

    # -- drawing -----------------------------------------------------------
    def _table(self, rows: list[Row], widths: list[float]) -> Table:
        data = [list(self.header)] + [[list(c) for c in r.cells] for r in rows]
        callback = table_callback(self._cell_element(rows)) if self.cells else None
        table = tagging_table(data, callback, colWidths=widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle(self._commands(rows)))
        return table

    def _cell_element(self, rows: list[Row]) -> Callable[[int, int, object], Element | None]:
        """Which element each drawn cell belongs to (None: an artifact)."""
        cells = self.cells or []

        def element(r: int, c: int, value: object) -> Element | None:
            if r == 0:
                return cells[0][c] if self.first else None
            row = rows[r - 1]
            return None if c == 0 and row.label_repeat else cells[row.index + 1][c]

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
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ]
        for col, fill in enumerate(self.fills):
            cmds.append(("BACKGROUND", (col, 0), (col, 0), HexColor(fill)))
        if kind == "grid":
            cmds.append(("GRID", (0, 0), (-1, -1), 0.5, rule))
        else:
            cmds.append(("LINEBELOW", (0, -1), (-1, -1), 0.8, HexColor(c.accent)))
        for n, row in enumerate(rows, start=1):
            if kind == "zebra" and row.index % 2 == 1:
                cmds.append(("BACKGROUND", (0, n), (-1, n), HexColor(c.zebra)))
            if kind == "rules" and n < len(rows):
                cmds.append(("LINEBELOW", (0, n), (-1, n), 0.5, rule))
        return cmds

    def draw(self) -> None:
        widths, _, _ = self._measure(self.width)
        table = self._table(self.rows, widths)
        table.wrapOn(self.canv, self.width, self.height)
        table.drawOn(self.canv, 0, 0)


def column_weights(model: Comparison, low: float = 0.7, high: float = 1.6) -> list[float]:
    """Subject column shares (summing to 1) balanced by how much text each holds."""
    n = len(model.subjects)
    sizes = [
        sum(len(plain(v)) for v in column if v) ** 0.5 + 1.0 for column in zip(*(row.cells() for row in model.table))
    ] or [1.0] * n
    shares = [s / sum(sizes) for s in sizes]
    for _ in range(4):  # clamp to [low, high] x equal share, then renormalise
        shares = [min(max(s, low / n), high / n) for s in shares]
        shares = [s / sum(shares) for s in shares]
    return shares


def table_elements(model: Comparison, tags: TagRecorder, parent: Element | None = None) -> list[list[Element]]:
    """Table > TR > TH/TD: the header row's subject cells are column headers,
    each row's label is a row header."""
    table = tags.element("Table", parent)
    header = tags.element("TR", table)
    cells = [
        [tags.element("TD", header)] + [tags.element("TH", header, O="Table", Scope="Column") for _ in model.subjects]
    ]
    for _ in model.table:
        tr = tags.element("TR", table)
        cells.append(
            [tags.element("TH", tr, O="Table", Scope="Row")] + [tags.element("TD", tr) for _ in model.subjects]
        )
    return cells


def build_table(model: Comparison, layout: Layout, styles: Styles, tags: TagRecorder | None = None) -> ComparisonTable:
    """The comparison table flowable for ``model`` (tagged into ``tags``)."""
    link = layout.colors.link
    labels = layout.handout.labels
    fills = [layout.colors.header_fill] + [layout.subject_color(i, s.color) for i, s in enumerate(model.subjects)]
    header: list[Flowable] = [Paragraph("", styles.header)]
    for i, subject in enumerate(model.subjects):
        style = styles.on(styles.header, fills[i + 1], f"h-header-{i}")
        header.append(
            MarkedText(
                Paragraph(to_reportlab(subject.name), style), layout.subject_marker(i), readable_on(fills[i + 1])
            )
        )
    dash = ParagraphStyle("h-dash", parent=styles.cell, textColor=HexColor(layout.colors.muted))

    def cell(text: str | None) -> tuple[Flowable, ...]:
        if not text:
            return (Paragraph(DASH, dash),)
        return tuple(Paragraph(to_reportlab(p, link), styles.cell) for p in split_paragraphs(text)) or (
            Paragraph(DASH, dash),
        )

    label_texts = [row.label for row in model.table]

    def continued(index: int) -> tuple[Flowable, ...]:
        text = (
            to_reportlab(label_texts[index]) + " " + to_reportlab(labels.continued)
            if labels.continued
            else to_reportlab(label_texts[index])
        )
        return (Paragraph(text, styles.label),)

    rows = [
        Row(i, ((Paragraph(to_reportlab(row.label, link), styles.label),),) + tuple(cell(v) for v in row.cells()))
        for i, row in enumerate(model.table)
    ]
    cells = table_elements(model, tags) if tags is not None else None
    return ComparisonTable(header, rows, column_weights(model), layout, styles, fills, continued, cells=cells)
