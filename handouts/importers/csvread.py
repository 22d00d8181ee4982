"""CSV files into a :class:`Grid`, with the standard ``csv`` module.

Spreadsheet programs export UTF-8 (often with a byte-order mark) or, on older
Windows machines, cp1252, and use ``,`` or ``;`` (``;`` where ``,`` is the
decimal mark) or tabs. A file that is not text at all is refused with its name.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from handouts.errors import SourceError
from handouts.importers.grid import Cell, Grid

MAX_BYTES = 5 * 1024 * 1024
DELIMITERS = ",;\t"


def _refuse(path: Path, message: str, hint: str) -> SourceError:
    return SourceError.single(message, file=path, hint=hint)


def read_text(path: Path) -> str:
    """The file's text, or a located error for a folder, a binary or a huge file."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise _refuse(path, "no such file", "check the path and the file name") from None
    except IsADirectoryError:
        raise _refuse(path, "expected a file but this is a folder", "give the file itself") from None
    except OSError as exc:
        raise _refuse(path, f"cannot read the file: {exc.strerror}", "check that you may read it") from None
    if len(raw) > MAX_BYTES:
        raise _refuse(path, f"the file is over {MAX_BYTES // 1_048_576} MB", "split it into several files")
    if b"\x00" in raw[:8192] or raw.startswith(b"PK\x03\x04"):
        raise _refuse(
            path,
            "this is a binary file, not comma-separated text",
            "in your spreadsheet program choose File > Save as > CSV (or import the .xlsx file itself)",
        )
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _refuse(path, "the file is neither UTF-8 nor Windows text", "save it again as CSV (UTF-8)")


def _delimiter(text: str) -> str:
    """The separator the first line uses most (csv.Sniffer guesses wrong on short files)."""
    first = text.split("\n", 1)[0]
    return max(DELIMITERS, key=first.count) if any(d in first for d in DELIMITERS) else ","


def read_csv(path: Path) -> Grid:
    """Every non-blank line of the file, each cell located by row and column."""
    text = read_text(path)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    rows: list[list[Cell]] = []
    ended = 0  # the line the previous record ended on: a quoted newline makes a record span lines
    try:
        for record in reader:
            line, ended = ended + 1, reader.line_num
            if not any(value.strip() for value in record):
                continue
            rows.append([Cell(value, line, col) for col, value in enumerate(record, start=1)])
    except csv.Error as exc:
        raise SourceError.single(
            f"cannot read this CSV line: {exc}", file=path, line=reader.line_num, hint="check its quotes"
        ) from None
    return Grid(path.stem, rows, fixed_width=True)
