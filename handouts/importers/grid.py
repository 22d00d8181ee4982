"""A sheet of cells (from CSV or XLSX) read as a comparison, a timeline or sections.

Both spreadsheet readers hand over the same :class:`Grid`, so the rules (first
row = subjects, first column = labels, every problem at ``file:row:column``)
are written once. Columns are reported as letters, as the spreadsheet shows them.
"""

from __future__ import annotations

from dataclasses import dataclass

from handouts.importers.cells import Value, cell_date, cell_text
from handouts.importers.draft import DraftEvent, DraftSection, Problems
from handouts.source.dates import DATE_FORMS
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


def _text(cell: Cell) -> str:
    return cell_text(cell.value) or ""


def _width(header: list[Cell]) -> int:
    """Columns up to the last named one."""
    named = [c.column for c in header if _text(c)]
    return max(named, default=0)


def _check_width(grid: Grid, row: list[Cell], width: int, problems: Problems) -> None:
    extra = [c for c in row if c.column > width and _text(c)]
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
        name = _text(cell)
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


_EVENT_COLUMNS = {"date": "date", "start": "date", "label": "label", "event": "label", "subject": "subject"}
_EVENT_COLUMNS |= {"end": "end", "note": "detail", "detail": "detail"}


def _columns(header: list[Cell], known: dict[str, str], problems: Problems, needed: tuple[str, ...]) -> dict[str, int]:
    """Which column holds each field, from the header row's names."""
    columns: dict[str, int] = {}
    for cell in header:
        name = _text(cell).casefold()
        if not name:
            continue
        if name not in known:
            problems.add(
                f"unknown column {_text(cell)!r}",
                cell.row,
                cell.column,
                f"the columns are: {', '.join(dict.fromkeys(known))}",
            )
            continue
        columns[known[name]] = cell.column
    for field in needed:
        if field not in columns:
            problems.add(
                f"no {field!r} column in the first row",
                header[0].row if header else None,
                None,
                f"the columns are: {', '.join(dict.fromkeys(known))}",
            )
    return columns


def read_events(grid: Grid, subjects: list[str], problems: Problems) -> list[DraftEvent]:
    """Timeline rows: ``date, label, subject, end, note``; dates as numbers, real dates or text."""
    if not grid.rows:
        return []
    header, *body = grid.rows
    columns = _columns(header, _EVENT_COLUMNS, problems, ("date", "label"))
    ids = {slugify(name): slugify(name) for name in subjects} | {name.casefold(): slugify(name) for name in subjects}
    events: list[DraftEvent] = []
    for row in body:
        cells = {c.column: c for c in row}
        get = {field: cells.get(col) for field, col in columns.items()}
        label = cell_text(get["label"].value) if get.get("label") else None
        if not label:
            first = row[0]
            problems.add("this timeline row has no label", first.row, columns.get("label"), "say what happened")
            continue
        event = DraftEvent(label, detail=cell_text(get["detail"].value) if get.get("detail") else None)
        dates: dict[str, str | None] = {}
        refused = False
        for field in ("date", "end"):
            cell = get.get(field)
            if cell is None or cell.value is None or cell_text(cell.value) is None:
                dates[field] = None
                continue
            try:
                dates[field] = cell_date(cell.value)
            except ValueError as exc:
                problems.add(str(exc).split("; accepted")[0], cell.row, cell.column, f"write a date as {DATE_FORMS}")
                dates[field] = None
                refused = True
        if dates["date"] is None and not refused:
            problems.add("this timeline row has no date", row[0].row, columns.get("date"), f"write {DATE_FORMS}")
        if dates["end"]:
            event.start, event.end = dates["date"], dates["end"]
        else:
            event.date = dates["date"]
        who = get.get("subject")
        name = cell_text(who.value) if who else None
        if name:
            event.subject = ids.get(name.casefold()) or ids.get(slugify(name))
            if event.subject is None:
                problems.add(
                    f"{name!r} is not one of the subjects",
                    who.row,
                    who.column,
                    f"use one of: {', '.join(subjects)}; leave it empty for an event shared by all",
                )
        events.append(event)
    return events


_SECTION_COLUMNS = {"heading": "heading", "section": "heading", "body": "body", "text": "body"}


def read_sections(grid: Grid, problems: Problems) -> list[DraftSection]:
    """Section rows: ``heading, body``."""
    if not grid.rows:
        return []
    header, *body = grid.rows
    columns = _columns(header, _SECTION_COLUMNS, problems, ("heading",))
    sections = []
    for row in body:
        cells = {c.column: cell_text(c.value) for c in row}
        heading = cells.get(columns.get("heading", 0))
        if not heading:
            problems.add("this section row has no heading", row[0].row, columns.get("heading"))
            continue
        sections.append(DraftSection(heading, cells.get(columns.get("body", 0)) or ""))
    return sections


def read_list(grid: Grid) -> list[str]:
    """The first column's texts (a "Similarities" sheet); a header named like the sheet is skipped."""
    texts = [cell_text(row[0].value) for row in grid.rows if row and row[0].column == 1]
    items = [t for t in texts if t]
    if items and items[0].casefold() == grid.name.casefold():
        items = items[1:]
    return items
