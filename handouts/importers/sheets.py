"""The other sheets of a workbook (or extra CSV files): timeline, sections, similarities.

Columns are found by their names in the first row, in any order, so a teacher
can add or reorder columns; an unknown name is an error (a typo must not lose
a column silently). Each problem is located at its cell.
"""

from __future__ import annotations

from handouts.importers.cells import cell_date, cell_text
from handouts.importers.draft import DraftEvent, DraftSection, Problems
from handouts.importers.grid import Cell, Grid, cell_str
from handouts.source.dates import DATE_FORMS
from handouts.source.models import slugify

_EVENT_COLUMNS = {"date": "date", "start": "date", "label": "label", "event": "label", "subject": "subject"}
_EVENT_COLUMNS |= {"end": "end", "note": "detail", "detail": "detail"}


def _columns(header: list[Cell], known: dict[str, str], problems: Problems, needed: tuple[str, ...]) -> dict[str, int]:
    """Which column holds each field, from the header row's names."""
    columns: dict[str, int] = {}
    for cell in header:
        name = cell_str(cell).casefold()
        if not name:
            continue
        if name not in known:
            problems.add(
                f"unknown column {cell_str(cell)!r}",
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
