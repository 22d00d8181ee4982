"""Spreadsheet cells to source text: numbers, real dates and text dates.

A spreadsheet stores 1917 as a number and 7 Nov 1917 as a date (a serial
number with a date format, which openpyxl gives as ``datetime``); a BC date can
only be text. Timeline dates become the source's forms ("1917", "1917-11-07",
"490 BC"); table values become readable text ("7 Nov 1917", "3.5", "yes").
"""

from __future__ import annotations

import datetime as dt

from handouts.source.dates import DATE_FORMS, HistDate

Value = str | int | float | bool | dt.date | dt.datetime | dt.time | None


def cell_text(value: Value) -> str | None:
    """A table cell as the text a teacher sees in the spreadsheet; blank is ``None``."""
    if value is None:
        return None
    if isinstance(value, bool):  # before int: bool is an int
        return "yes" if value else "no"
    if isinstance(value, (dt.datetime, dt.date)):
        return HistDate(value.year, value.month, value.day).display()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    return text or None


def cell_date(value: Value) -> str:
    """A timeline cell as a source date; raises ``ValueError`` naming the accepted forms."""
    if isinstance(value, dt.time):
        raise ValueError(f"{value:%H:%M} is a time of day, not a date; accepted forms: {DATE_FORMS}")
    if isinstance(value, bool):
        raise ValueError(f"{'TRUE' if value else 'FALSE'} is not a date; accepted forms: {DATE_FORMS}")
    if isinstance(value, (dt.datetime, dt.date)):
        return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError(f"{value:g} is not a whole year; accepted forms: {DATE_FORMS}")
        value = int(value)
    if isinstance(value, int):
        year = HistDate(-value if value < 0 else value)  # a negative number is a year BC
        return f"{-year.year} BC" if year.year < 0 else str(year.year)
    text = " ".join(str(value).split())
    HistDate.parse(text)  # refuses what the source would refuse, with the forms it accepts
    return text
