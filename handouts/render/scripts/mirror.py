"""Tables read from the right in a right-to-left document: one function that
mirrors a reportlab table's rows, column widths and style commands.

Used by every PDF table whose columns have an order (the comparison, the
worksheet's timeline, the timeline key); reportlab has no right-to-left table.
"""

from __future__ import annotations

from collections.abc import Sequence


def mirror(data: list[list], widths: Sequence[float], commands: list[tuple]) -> tuple[list[list], list, list, dict]:
    """(rows, widths, commands, spans) drawn right to left: columns reversed, each
    command's cell range mirrored, a span's content moved to its new first cell.
    ``spans`` maps a row to the last physical column of its mirrored span (where the
    logical first cell went), so callers can map a drawn cell back to its logical one."""
    n = len(widths)

    def flip(col: int) -> int:
        return n - 1 - (col % n)

    spans: dict[int, int] = {}
    out: list[tuple] = []
    for cmd in commands:
        (c0, r0), (c1, r1) = cmd[1], cmd[2]
        a, b = sorted((flip(c0), flip(c1)))
        out.append((cmd[0], (a, r0), (b, r1), *cmd[3:]))
        if cmd[0] == "SPAN" and a != b and data:
            spans[r0 % len(data)] = b
    rows = [list(reversed(row)) for row in data]
    for r, last in spans.items():
        rows[r][0], rows[r][last] = rows[r][last], rows[r][0]
    return rows, list(reversed(widths)), out, spans


def logical_column(n: int, spans: dict[int, int], row: int, col: int) -> int:
    """The logical column of a cell drawn at ``col`` of a table :func:`mirror` made."""
    last = spans.get(row)
    return n - 1 - (last if last is not None and col == 0 else col)
