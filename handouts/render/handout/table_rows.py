"""Rows and cells of the comparison table: what a row holds, how tall a cell
is (as reportlab's Table measures it), where a cell's content is cut when a
row runs over a page, and how a drawn piece is styled. :class:`~handouts.render.handout.table.ComparisonTable`
lays them out."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable

from handouts.layout.models import Layout
from handouts.render.pdf.styles import Styles

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


def spans(row: Row, widths: list[float]) -> list[float]:
    """Each cell's drawn width: a spanning cell takes every column from ``row.span`` on."""
    if row.span is None:
        return widths
    return widths[: row.span] + [sum(widths[row.span :])] + [0.0] * (len(widths) - row.span - 1)


def cell_height(flowables: tuple[Flowable, ...], width: float) -> float:
    """Height of a cell's content, as reportlab's Table measures it."""
    total, first_before, last_after = 0.0, None, 0.0
    for f in flowables:
        _, h = f.wrap(width, 1e6)
        before, last_after = f.getSpaceBefore(), f.getSpaceAfter()
        first_before = before if first_before is None else first_before
        total += h + before + last_after
    return total - (first_before or 0.0) - last_after if flowables else 0.0


def split_cell(flowables: tuple[Flowable, ...], width: float, height: float) -> tuple[tuple, tuple]:
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


def table_commands(
    rows: list[Row], layout: Layout, styles: Styles, header_fills: list[str], header: bool
) -> list[tuple]:
    """The reportlab style of one drawn piece: padding, header fills (or a rule
    in the ink saver), the layout's grid, rules or zebra, spans and heading rows."""
    c, pad, kind = layout.colors, styles.cell_pad, layout.handout.table.style
    rule = HexColor(c.rule)
    cmds: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONT", (0, 0), (-1, -1), styles.cell.fontName),
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
    ]
    top, fills = (1 if header else 0), layout.handout.fills
    if top:
        cmds.append(("VALIGN", (0, 0), (-1, 0), "MIDDLE"))
    if not top:
        pass
    elif fills:
        for col, fill in enumerate(header_fills):
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
