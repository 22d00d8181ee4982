"""A history-grade date: BCE years, partial precision, approximation.

There is no year 0: 1 BC is followed by AD 1. Internally we also keep the
astronomical year (1 BC = 0, 2 BC = -1) so that arithmetic and sorting work
across the boundary. Display matches the precision the source gave:
"7 Nov 1917", "Nov 1917", "1921", "c. 430 BC".
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import total_ordering

DATE_FORMS = '1917, 1917-11, 1917-11-07, "490 BC" (or BCE), "AD 33" (or 33 CE), and "c. 1928" for an approximate date'

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_PATTERN = re.compile(
    r"""^\s*
    (?P<approx>(?:c\.|ca\.|circa|c|~)\s*)?
    (?P<pre_era>AD\s+)?
    (?P<minus>-)?(?P<year>\d{1,6})
    (?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?)?
    (?:\s*(?P<era>BCE|BC|CE|AD|B\.C\.E\.|B\.C\.|C\.E\.|A\.D\.))?
    \s*$""",
    re.IGNORECASE | re.VERBOSE,
)


@total_ordering
@dataclass(frozen=True)
class HistDate:
    """A date with year precision or finer. ``year`` is historical (never 0; negative = BC)."""

    year: int
    month: int | None = None
    day: int | None = None
    approximate: bool = False

    def __post_init__(self) -> None:
        if self.year == 0:
            raise ValueError("there is no year 0: 1 BC is followed by AD 1")
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} is not between 1 and 12")
        if self.day is not None:
            last = days_in_month(self.astronomical_year, self.month)  # type: ignore[arg-type]
            if not 1 <= self.day <= last:
                raise ValueError(f"day {self.day} does not exist in {MONTHS[self.month - 1]}")  # type: ignore[index]

    @classmethod
    def parse(cls, text: str) -> "HistDate":
        """Parse the accepted forms; raise ``ValueError`` listing them otherwise."""
        match = _PATTERN.match(str(text))
        if not match:
            raise ValueError(f"{text!r} is not a date; accepted forms: {DATE_FORMS}")
        era = (match["era"] or "").upper().replace(".", "")
        bc = era in ("BC", "BCE") or bool(match["minus"])
        if match["pre_era"] and bc:
            raise ValueError(f"{text!r} mixes AD and BC")
        year = int(match["year"])
        if year == 0:
            raise ValueError(f"{text!r}: there is no year 0; 1 BC is followed by AD 1")
        month = int(match["month"]) if match["month"] else None
        day = int(match["day"]) if match["day"] else None
        try:
            return cls(-year if bc else year, month, day, bool(match["approx"]))
        except ValueError as exc:
            raise ValueError(f"{text!r}: {exc}") from None

    @property
    def astronomical_year(self) -> int:
        """1 BC = 0, 2 BC = -1: the year numbering arithmetic needs."""
        return self.year + 1 if self.year < 0 else self.year

    def start_value(self) -> float:
        """Position on a continuous axis, in years, at the start of the period given.

        Each year spans exactly 1.0 (its own 365 or 366 days, proleptic
        Gregorian), so 31 Dec ends where the next 1 Jan starts."""
        year = self.astronomical_year
        if self.month is None:
            return float(year)
        return day_value(year, self.month, self.day or 1)

    def end_value(self) -> float:
        """Position at the end of the period given (end of the year, month or day)."""
        year = self.astronomical_year
        if self.month is None:
            return year + 1.0
        if self.day is None:
            return day_value(year, self.month, days_in_month(year, self.month)) + 1 / days_in_year(year)
        return day_value(year, self.month, self.day) + 1 / days_in_year(year)

    def mid_value(self) -> float:
        """Centre of the period given: where a point event sits on an axis."""
        return (self.start_value() + self.end_value()) / 2

    def _key(self) -> tuple[int, int, int]:
        return (self.astronomical_year, self.month or 0, self.day or 0)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, HistDate):
            return NotImplemented
        return self._key() < other._key()

    def display(self) -> str:
        """Human form at the precision given: "7 Nov 1917", "Nov 1917", "c. 430 BC"."""
        year = f"{-self.year} BC" if self.year < 0 else str(self.year)
        parts = [str(self.day)] if self.day else []
        if self.month:
            parts.append(MONTHS[self.month - 1])
        parts.append(year)
        return ("c. " if self.approximate else "") + " ".join(parts)

    def __str__(self) -> str:
        return self.display()


def format_span(start: HistDate, end: HistDate) -> str:
    """ "1928–1932", "c. 500–490 BC", "Nov 1917 – Mar 1918", "4 BC – AD 30"."""
    if start.month is None and end.month is None and (start.year < 0) == (end.year < 0):
        prefix = "c. " if start.approximate or end.approximate else ""
        suffix = " BC" if start.year < 0 else ""
        return f"{prefix}{abs(start.year)}–{abs(end.year)}{suffix}"
    if start.year < 0 < end.year:  # crossing the era: say "AD" so "1" is not misread
        before, _, year = end.display().rpartition(" ")
        return f"{start.display()} – {before + ' ' if before else ''}AD {year}"
    return f"{start.display()} – {end.display()}"


def days_in_year(astronomical_year: int) -> int:
    """365 or 366 (proleptic Gregorian; astronomical numbering, so 1 BC = 0 is leap)."""
    return 366 if calendar.isleap(astronomical_year) else 365


def days_in_month(astronomical_year: int, month: int) -> int:
    """Days in a month; works for BC years too (``calendar.monthrange`` refuses year 0)."""
    if month == 2:
        return 29 if calendar.isleap(astronomical_year) else 28
    return (31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]


def day_value(astronomical_year: int, month: int, day: int) -> float:
    """Axis position of the start of a day: the year plus the fraction elapsed."""
    elapsed = sum(days_in_month(astronomical_year, m) for m in range(1, month)) + day - 1
    return astronomical_year + elapsed / days_in_year(astronomical_year)
