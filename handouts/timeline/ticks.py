"""Nice axis ticks for any range, from days to millennia, on the astronomical
year axis of :mod:`handouts.source.dates` (1 BC = 0.0 .. 1.0, AD 1 = 1.0 ..).

A tick marks the *start* of the period it names ("1917" sits where 1917
begins). Year ticks are round *historical* years, so a BC axis reads
"500 BC, 400 BC" and an axis crossing the era reads "100 BC, AD 1, AD 100":
there is never a year-0 label.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from handouts.caches import memoize
from handouts.i18n.dates import DateWords, date_words
from handouts.source.dates import HistDate, day_value, days_in_month

ENGLISH = date_words("en")  # the source's own forms: the default where no language is given

# Candidate steps, finest first: (unit, count). Years go up 1-2-5 per decade.
_DAY_STEPS = (1, 2, 5, 10)
_MONTH_STEPS = (1, 2, 3, 6)
_YEAR_STEPS = tuple(m * 10**e for e in range(0, 7) for m in (1, 2, 5))
STEPS: tuple[tuple[str, int], ...] = (
    tuple(("day", n) for n in _DAY_STEPS)
    + tuple(("month", n) for n in _MONTH_STEPS)
    + tuple(sorted((("year", n) for n in _YEAR_STEPS), key=lambda s: s[1]))
)
_STEP_YEARS = {"day": 1 / 365.25, "month": 1 / 12, "year": 1.0}
# Longest range (years) a unit is used for: years read better than "Jan/Jul" beyond 3.
_FINEST_FOR = {"day": 0.4, "month": 3.0, "year": float("inf")}


@dataclass(frozen=True)
class Tick:
    """One tick: its axis value (float years) and its label."""

    value: float
    label: str


def year_label(historical: int, era: bool, dates: DateWords = ENGLISH) -> str:
    """ "500 BC", "1917"; with ``era`` (axis crosses AD 1): "AD 1917" (in ``dates``' language)."""
    return dates.year(historical, era)


def historical(astronomical: int) -> int:
    """Astronomical year -> historical year (0 -> -1 = 1 BC)."""
    return astronomical if astronomical > 0 else astronomical - 1


def ticks_for(lo: float, hi: float, unit: str, step: int, dates: DateWords = ENGLISH) -> list[Tick]:
    """All ticks of ``step`` ``unit``s inside [lo, hi], labelled in ``dates``' language."""
    return list(_ticks(lo, hi, unit, step, dates))


@memoize("axis ticks", maxsize=4096)  # fitting a chart tries the same ranges and steps many times
def _ticks(lo: float, hi: float, unit: str, step: int, dates: DateWords) -> tuple[Tick, ...]:
    if unit == "year":
        return tuple(_year_ticks(lo, hi, step, dates))
    return tuple(_sub_year_ticks(lo, hi, unit, step, dates))


def _year_ticks(lo: float, hi: float, step: int, dates: DateWords) -> Iterator[Tick]:
    """The round years in [lo, hi], visited by ``step`` (a wide step's range may span
    millions of years: never year by year)."""
    era = lo < 1.0 <= hi or (lo < 0 and hi >= 1)
    first, last = math.ceil(lo - 1e-9), math.floor(hi + 1e-9)  # astronomical years inside
    if first > last:
        return
    low, high = historical(first), historical(last)
    years = set(range(-(-low // step) * step, high + 1, step)) - {0}  # there is no year 0
    if (step == 1 or step >= 5) and low <= 1 <= high:
        years.add(1)  # AD 1 stands in for the missing year 0
    for year in sorted(years):
        yield Tick(float(year if year > 0 else year + 1), year_label(year, era, dates))


def _sub_year_ticks(lo: float, hi: float, unit: str, step: int, dates: DateWords) -> Iterator[Tick]:
    era = lo < 1.0 and hi >= 1.0
    shown_year: int | None = None
    for astro in range(int(lo) - 1, int(hi) + 1):
        if astro > hi + 1:
            break
        for month in range(1, 13):
            if unit == "month":
                if (month - 1) % step:
                    continue
                days = [1]
            else:
                last = days_in_month(astro, month) if step == 1 else 28
                days = [d for d in range(1, last + 1) if (d - 1) % step == 0 and d + step <= 31]
            for day in days:
                value = day_value(astro, month, day)
                if not lo - 1e-9 <= value <= hi + 1e-9:
                    continue
                year = historical(astro)
                head = dates.month(month, day if unit == "day" else None)
                if shown_year != year and (shown_year is None or month == 1 and day == 1):
                    head = dates.plain(HistDate(year, month, day if unit == "day" else None), era)
                    shown_year = year
                yield Tick(value, head)


MIN_TICKS = 4  # fewer labelled ticks than this and a reader cannot judge a date


@dataclass(frozen=True)
class Axis:
    """The drawn axis: its range (which may be wider than the data's, out to
    round ticks) and its labelled ticks."""

    lo: float
    hi: float
    ticks: tuple[Tick, ...]


def nice_axis(
    lo: float, hi: float, width: float, width_of: Callable[[str], float], gap: float, dates: DateWords = ENGLISH
) -> Axis:
    """The finest nice ticks (1-2-5 steps of days, months, years) whose labels
    fit ``width`` without touching, and at least :data:`MIN_TICKS` of them.

    Inside the data's range when that gives enough ticks; otherwise the range
    is widened to the nearest ticks of a step that does (so a 65-year range on
    a narrow chart reads "1860 1880 1900 1920 1940", never just "1900").
    Labels are centred on their ticks and may reach half their width past the
    ends of ``width``: the caller leaves that room."""
    span = max(hi - lo, 1e-9)
    candidates = [(u, n) for u, n in STEPS if span <= _FINEST_FOR[u] and span / (_STEP_YEARS[u] * n) <= 400]
    for unit, step in candidates:  # 1. ticks inside the data's range
        ticks = ticks_for(lo, hi, unit, step, dates)
        if len(ticks) >= MIN_TICKS and _fits(ticks, lo, span, width, width_of, gap):
            return Axis(lo, hi, tuple(ticks))
    for unit, step in candidates:  # 2. the range widened out to a step's ticks
        wide = _widen(lo, hi, unit, step, dates)
        if wide is None:
            continue
        ticks = ticks_for(wide[0], wide[1], unit, step, dates)
        if len(ticks) >= MIN_TICKS and _fits(ticks, wide[0], wide[1] - wide[0], width, width_of, gap):
            return Axis(wide[0], wide[1], tuple(ticks))
    # 3. labels too wide for four ticks at any step (a very narrow chart): the coarsest step with four
    for unit, step in reversed(candidates):
        wide = _widen(lo, hi, unit, step, dates)
        if wide is not None:
            ticks = ticks_for(wide[0], wide[1], unit, step, dates)
            if len(ticks) >= MIN_TICKS:
                return Axis(wide[0], wide[1], tuple(ticks))
    return Axis(lo, hi, tuple(ticks_for(lo, hi, "year", 1, dates)[:1]))


def _widen(lo: float, hi: float, unit: str, step: int, dates: DateWords) -> tuple[float, float] | None:
    """[lo, hi] widened to the ticks of this step just outside it (None when
    that would more than double the range: a step too coarse to be honest)."""
    reach = _STEP_YEARS[unit] * step * 1.05 + 1e-6
    ticks = ticks_for(lo - reach, hi + reach, unit, step, dates)
    below = [t.value for t in ticks if t.value <= lo + 1e-9]
    above = [t.value for t in ticks if t.value >= hi - 1e-9]
    if not below or not above:
        return None
    new_lo, new_hi = max(below), min(above)
    if new_hi - new_lo > 2 * (hi - lo) + _STEP_YEARS[unit] * step * 1.01:
        return None
    return new_lo, new_hi


def nice_ticks(
    lo: float,
    hi: float,
    width: float,
    width_of: Callable[[str], float],
    gap: float,
    max_count: int = 24,
    dates: DateWords = ENGLISH,
) -> list[Tick]:
    """The finest ticks inside [lo, hi] whose labels fit ``width`` without
    touching (``gap`` apart), at most ``max_count``; see :func:`nice_axis` for
    the axis the charts draw (which guarantees four)."""
    span = max(hi - lo, 1e-9)
    for unit, step in STEPS:
        if span / (_STEP_YEARS[unit] * step) > max_count * 1.6 or span > _FINEST_FOR[unit]:
            continue
        ticks = ticks_for(lo, hi, unit, step, dates)
        if len(ticks) > max_count:
            continue
        if len(ticks) < 2:  # labels too wide even for two ticks: keep one
            return ticks[:1]
        if _fits(ticks, lo, span, width, width_of, gap):
            return ticks
    return []


def _fits(
    ticks: list[Tick], lo: float, span: float, width: float, width_of: Callable[[str], float], gap: float
) -> bool:
    right_edge = -1e9
    for tick in ticks:
        x = (tick.value - lo) / span * width
        half = width_of(tick.label) / 2
        if x - half < right_edge + gap:
            return False
        right_edge = x + half
    return True
