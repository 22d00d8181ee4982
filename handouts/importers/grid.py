"""A sheet of cells (from CSV or XLSX) read as a comparison, a timeline or sections.

Both spreadsheet readers hand over the same :class:`Grid`, so the rules (first
row = subjects, first column = labels, every problem at ``file:row:column``)
are written once. Columns are reported as letters, as the spreadsheet shows them.
"""

from __future__ import annotations

from dataclasses import dataclass

from handouts.importers.cells import Value, cell_text
from handouts.importers.draft import Problems
from handouts.source.models import MAX_SUBJECTS, slugify


@dataclass(frozen=True)
class Cell:
    value: Value
    row: int  # 1-based, as the spreadsheet numbers rows
    column: int  # 1-based


@dataclass
class Grid:
    """The non-blank rows of one sheet; ``fixed_width`` says short rows are a problem
    (a CSV row with too few cells), not just blank trailing cells (XLSX)."""

    name: str
    rows: list[list[Cell]]
    fixed_width: bool


def column_letter(index: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_str(cell: Cell) -> str:
    return cell_text(cell.value) or ""


def _width(header: list[Cell]) -> int:
    """Columns up to the last named one."""
    named = [c.column for c in header if cell_str(c)]
    return max(named, default=0)


def _check_width(grid: Grid, row: list[Cell], width: int, problems: Problems) -> None:
    extra = [c for c in row if c.column > width and cell_str(c)]
    if extra:
        cell = extra[0]
        problems.add(
            f"a value in column {column_letter(cell.column)}, but the first row names only {width} columns",
            cell.row,
            cell.column,
            "give the column a heading in the first row, or move the value into the table",
        )
    elif grid.fixed_width and row and len(row) < width:
        problems.add(
            f"this row has {len(row)} cells; the first row has {width}",
            row[0].row,
            len(row) + 1,
            "every row needs one cell per column (leave a cell empty, but keep its comma)",
        )


def read_comparison(grid: Grid, problems: Problems) -> tuple[list[str], list[tuple[str, list[str | None]]]]:
    """Subjects from the first row, one table row per later row (label in column A)."""
    if not grid.rows:
        problems.add("the sheet is empty", hint="put subject names in the first row, attribute labels in column A")
        return [], []
    header, *body = grid.rows
    width = _width(header)
    names: list[str] = []
    seen: dict[str, int] = {}
    for cell in header[1:width]:
        name = cell_str(cell)
        where = (cell.row, cell.column)
        if not name:
            problems.add(
                f"column {column_letter(cell.column)} has no subject name in the first row",
                *where,
                "name every subject in the first row, or delete the empty column",
            )
        elif slugify(name) in seen:
            problems.add(
                f"the subject {name!r} is named twice (columns {column_letter(seen[slugify(name)])} "
                f"and {column_letter(cell.column)})",
                *where,
                "give each subject a different name",
            )
        else:
            seen[slugify(name)] = cell.column
        names.append(name)
    if len(names) < 2 or len(names) > MAX_SUBJECTS:
        problems.add(
            f"the first row names {len(names)} subject{'s' * (len(names) != 1)}; "
            f"a comparison needs 2 to {MAX_SUBJECTS}",
            header[0].row,
            None,
            "the first row holds the subject names from column B on (column A is the label column)",
        )
    rows: list[tuple[str, list[str | None]]] = []
    for row in body:
        _check_width(grid, row, width, problems)
        by_column = {c.column: cell_text(c.value) for c in row}
        label = by_column.get(1)
        values = [by_column.get(col) for col in range(2, width + 1)]
        if not label:
            problems.add(
                "this row has values but no label in column A",
                row[0].row,
                1,
                "write what the row compares (e.g. 'Born') in column A",
            )
            continue
        rows.append((label, values))
    return names, rows
