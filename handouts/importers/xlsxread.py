"""XLSX workbooks into grids, with openpyxl.

The first sheet (or one called "Comparison") is the table; sheets called
"Timeline", "Sections" and "Similarities" fill those parts. Cells keep the
type the spreadsheet stored (numbers, real dates), so :mod:`cells` can turn a
date into the source's form; formulas give the value last computed.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from handouts.errors import SourceError
from handouts.importers.grid import Cell, Grid

MAX_BYTES = 20 * 1024 * 1024
PARTS = ("comparison", "timeline", "sections", "similarities")
_DEFAULT_NAME = re.compile(r"^(sheet|tabelle|feuil|hoja|foglio)\s*\d*$", re.IGNORECASE)


def read_workbook(path: Path) -> tuple[dict[str, Grid], str | None]:
    """The grids by part name, and the table sheet's name if a person chose it (not "Sheet1")."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    if path.is_file() and path.stat().st_size > MAX_BYTES:
        raise SourceError.single(f"the file is over {MAX_BYTES // 1_048_576} MB", file=path)
    try:
        book = load_workbook(path, data_only=True)
    except FileNotFoundError:
        raise SourceError.single("no such file", file=path, hint="check the path and the file name") from None
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise SourceError.single(
            f"cannot read this workbook ({exc.__class__.__name__})",
            file=path,
            hint="open it in your spreadsheet program and save it again as .xlsx",
        ) from None
    sheets = {sheet.title.strip().casefold(): sheet for sheet in book.worksheets}
    table = sheets.get("comparison") or book.worksheets[0]
    grids = {"comparison": _grid(table)}
    for part in PARTS[1:]:
        if part in sheets and sheets[part] is not table:
            grids[part] = _grid(sheets[part])
    name = table.title.strip()
    return grids, None if _DEFAULT_NAME.match(name) or name.casefold() == "comparison" else name


def _grid(sheet) -> Grid:  # noqa: ANN001 - an openpyxl Worksheet
    rows: list[list[Cell]] = []
    for number, values in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1):
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        rows.append([Cell(value, number, col) for col, value in enumerate(values, start=1)])
    return Grid(sheet.title, rows, fixed_width=False)
