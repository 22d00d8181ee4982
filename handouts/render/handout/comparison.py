"""Builds the comparison table flowable from the source, in the shape measured
for the page (:func:`handouts.render.handout.columns.table_shape`).

"columns": a column per subject (a shared value is one cell spanning them).
"rows": the same table turned for pages too narrow for every subject's
column: each attribute is a spanning row, followed by one row per subject
(its name, then its value), so 6 subjects stay readable in large print.
"""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from handouts.colors import readable_on
from handouts.layout.models import Layout
from handouts.markup import plain
from handouts.render.fonts import text_width
from handouts.render.handout.columns import MARKER_EMS, Shape, column_weights, least_column, measure, widths
from handouts.render.handout.table import ComparisonTable
from handouts.render.handout.table_rows import DASH, Row
from handouts.render.pdf.marks import MarkedText
from handouts.render.pdf.paragraph import Paragraph
from handouts.render.pdf.styles import Styles
from handouts.render.pdf.tagging.tags import Element, TagRecorder
from handouts.render.pdf.text import hyphenate_only, too_wide
from handouts.source.models import Comparison, TableRow, split_paragraphs


def is_shared(row: TableRow, subjects: int) -> bool:
    """One text for every subject (written once in the source, or the same in every column)."""
    values = row.cells()
    return subjects > 1 and bool(values[0]) and all(v == values[0] for v in values)


def table_elements(model: Comparison, tags: TagRecorder, parent: Element | None = None) -> list[list[Element]]:
    """Table > TR > TH/TD: the header row's subject cells are column headers,
    each row's label is a row header; a shared value is one TD spanning the columns."""
    n = len(model.subjects)
    table = tags.element("Table", parent)
    header = tags.element("TR", table)
    cells = [[tags.element("TD", header)] + [tags.element("TH", header, O="Table", Scope="Column") for _ in range(n)]]
    for row in model.table:
        tr = tags.element("TR", table)
        th = tags.element("TH", tr, O="Table", Scope="Row")
        if is_shared(row, n):
            cells.append([th, tags.element("TD", tr, O="Table", ColSpan=n)])
        else:
            cells.append([th] + [tags.element("TD", tr) for _ in range(n)])
    return cells


def _cell(styles: Styles, layout: Layout, text: str | None) -> tuple[Flowable, ...]:
    dash = ParagraphStyle("h-dash", parent=styles.cell, textColor=HexColor(layout.colors.muted))
    paras = tuple(Paragraph(styles.text(p), styles.cell) for p in split_paragraphs(text or ""))
    return paras or (Paragraph(DASH, dash),)


def _header_name(
    styles: Styles, layout: Layout, i: int, name: str, fill: str | None, style: ParagraphStyle, color: str
) -> MarkedText:
    """A subject's name with its marker: on its colour fill (``fill``) in white or
    black, else (no fills, or a row label) in the heading colour with a marker in ``color``."""
    filled = fill is not None and layout.handout.fills
    text = readable_on(fill) if filled else layout.colors.heading
    return MarkedText(
        Paragraph(styles.text(name, link=False), ParagraphStyle(f"h-head-{i}", parent=style, textColor=text)),
        layout.subject_marker(i),
        readable_on(fill) if filled else color,
    )


def build_table(
    model: Comparison, layout: Layout, styles: Styles, tags: TagRecorder | None = None, shape: Shape = "columns"
) -> ComparisonTable:
    """The comparison table flowable for ``model`` (tagged into ``tags``)."""
    if shape == "rows":
        return _rows_table(model, layout, styles, tags)
    n, m, weights = len(model.subjects), measure(model, styles), column_weights(model)
    cols = widths(m, weights, layout, _frame(layout), least_column(layout, styles))
    fills = [layout.colors.header_fill] + [layout.subject_color(i, s.color) for i, s in enumerate(model.subjects)]
    header: list[Flowable] = [Paragraph("", styles.header)]
    for i, subject in enumerate(model.subjects):
        room = cols[i + 1] - 2 * styles.cell_pad - styles.header.fontSize * 0.95 * MARKER_EMS
        style = _fitted([subject.name], room, styles.header, model.language, f"h-header-{i}")
        header.append(_header_name(styles, layout, i, subject.name, fills[i + 1], style, fills[i + 1]))
    label_style = _fitted(
        [r.label for r in model.table] + [layout.handout.labels.continued],
        cols[0] - 2 * styles.cell_pad,
        styles.label,
        model.language,
        "h-label-fit",
    )
    rows = []
    for i, row in enumerate(model.table):
        label = (Paragraph(styles.text(row.label), label_style),)
        if is_shared(row, n):
            cells = (label, _cell(styles, layout, row.cells()[0])) + ((),) * (n - 1)
            rows.append(Row(i, cells, span=1, source=i))
        else:
            rows.append(Row(i, (label,) + tuple(_cell(styles, layout, v) for v in row.cells()), source=i))
    labels = [row.label for row in model.table]
    cells = table_elements(model, tags) if tags is not None else None
    return ComparisonTable(
        header,
        rows,
        weights,
        layout,
        styles,
        fills,
        _continued(styles, layout, labels, label_style),
        cells=cells,
        measure=m,
    )


def _frame(layout: Layout) -> float:
    page = layout.page
    return page.dimensions()[0] - page.margins.left - page.margins.right


def _fitted(texts: list[str], room: float, style: ParagraphStyle, language: str, name: str) -> ParagraphStyle:
    """``style`` hyphenating only the words of ``texts`` too wide for ``room``
    (a label never hyphenates a word that fits, nor cuts one without a hyphen)."""
    wide = too_wide([plain(t) for t in texts], room, lambda w: text_width(w, style.fontName, style.fontSize))
    return ParagraphStyle(
        name, parent=style, hyphenationLang=hyphenate_only(wide, language), hyphenationMinWordLength=4
    )


def _continued(styles: Styles, layout: Layout, labels: list[str], style: ParagraphStyle):  # noqa: ANN202
    """index -> the label cell of a row continued on the next page: "Label (cont.)",
    in the label column's own (fitted) style."""
    more = layout.handout.labels.continued

    def continued(index: int) -> tuple[Flowable, ...]:
        text = styles.text(labels[index], link=False)
        return (Paragraph(text + (" " + styles.text(more, link=False) if more else ""), style),)

    return continued


def _rows_table(model: Comparison, layout: Layout, styles: Styles, tags: TagRecorder | None) -> ComparisonTable:
    """Subjects as rows: per attribute a spanning heading row, then name | value
    rows (a shared value: one row under its attribute)."""
    n, m = len(model.subjects), measure(model, styles, transposed=True)
    room = widths(m, [1.0], layout, _frame(layout))[0] - 2 * styles.cell_pad
    room -= styles.label.fontSize * 0.95 * MARKER_EMS
    more = [layout.handout.labels.continued]
    style = _fitted([s.name for s in model.subjects] + more, room, styles.label, model.language, "h-name-fit")
    names = [
        _header_name(styles, layout, i, s.name, None, style, layout.subject_color(i, s.color))
        for i, s in enumerate(model.subjects)
    ]
    rows: list[Row] = []
    labels: list[str] = []
    elements: list[list[Element | None]] = []
    table = tags.element("Table") if tags is not None else None
    for number, row in enumerate(model.table):
        heading = (Paragraph(styles.text(row.label), styles.header),)
        labels.append(row.label)
        rows.append(Row(len(rows), (heading, ()), span=0, source=number))
        if tags is not None:
            tr = tags.element("TR", table)
            elements.append([tags.element("TH", tr, O="Table", Scope="Column", ColSpan=2)])
        if is_shared(row, n):  # one value under its attribute, across both columns
            labels.append("")
            rows.append(Row(len(rows), ((), _cell(styles, layout, row.cells()[0])), span=1, source=number))
            if tags is not None:
                elements.append([None, tags.element("TD", tags.element("TR", table))])
            continue
        for subject, name, value in zip(model.subjects, names, row.cells()):
            labels.append(subject.name)  # continued on the next page: "Name (cont.)"
            rows.append(Row(len(rows), ((name,), _cell(styles, layout, value)), source=number))
            if tags is not None:
                tr = tags.element("TR", table)
                elements.append([tags.element("TH", tr, O="Table", Scope="Row"), tags.element("TD", tr)])
    cells = [[]] + elements if tags is not None else None
    return ComparisonTable(
        [],
        rows,
        [1.0],
        layout,
        styles,
        [],
        _continued(styles, layout, labels, style),
        cells=cells,
        measure=m,
    )
