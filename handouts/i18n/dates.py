"""Dates as the document's language writes them, from CLDR (Babel).

The source keeps one language-neutral syntax (:mod:`handouts.source.dates`);
only the display changes: month names and the order of day, month and year
from the locale's date skeletons, era words ("до н. э.", "av. J.-C.",
"v. Chr.") from its eras, the approximate form ("c. {date}", "ок. {date}")
from the layout's labels (the translation table by default). Babel's own
``format_date`` refuses BC years and years below 1, so the skeleton patterns
are filled in here from the locale's data. Year-only dates stay plain
("1917"); English (and a language without a table, whose words are English
too) keeps the source's own forms: "7 Nov 1917", "c. 430 BC", "4 BC – AD 30".
Babel is imported on first use only (``handouts --help`` never loads it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from handouts.caches import memoize
from handouts.i18n.table import ENGLISH, table_language
from handouts.source.dates import MONTHS, HistDate

DEFAULT_APPROXIMATE = "c. {date}"


@dataclass(frozen=True)
class DateWords:
    """Date display for one language (``locale`` None: the English forms)."""

    locale: Any  # a babel.Locale, or None
    approximate: str = DEFAULT_APPROXIMATE
    era_width: str = "abbreviated"

    # -- dates and spans ----------------------------------------------------
    def date(self, date: HistDate, era: bool = False) -> str:
        """One date at its precision; ``era``: name the era even after Christ (a span crossing it)."""
        text = self.plain(date, era)
        return self.approximate.format(date=text) if date.approximate else text

    def span(self, start: HistDate, end: HistDate) -> str:
        """ "1928–1932", "c. 500–490 BC", "Nov 1917 – Mar 1918", "4 BC – AD 30"."""
        if start.month is None and end.month is None and (start.year < 0) == (end.year < 0):
            years = f"{abs(start.year)}–{abs(end.year)}"
            text = self._fill("Gy", years, None, None, 0) if start.year < 0 else years
            return self.approximate.format(date=text) if start.approximate or end.approximate else text
        return f"{self.date(start)} – {self.date(end, era=start.year < 0 < end.year)}"

    def plain(self, date: HistDate, era: bool = False) -> str:
        """A date without the approximate form ("7 Nov 1917", "430 BC", "AD 33" with ``era``)."""
        skeleton = "yMMMd" if date.day else "yMMM" if date.month else "y"
        if date.year < 0 or era:
            return self._fill("G" + skeleton, str(abs(date.year)), date.month, date.day, 0 if date.year < 0 else 1)
        if skeleton == "y":
            return str(date.year)
        return self._fill(skeleton, str(date.year), date.month, date.day, None)

    # -- axis ticks ----------------------------------------------------------
    def year(self, historical: int, era: bool) -> str:
        """A year tick: "1917", "500 BC", or "AD 1917" when the axis crosses the era."""
        return self.plain(HistDate(historical), era)

    def month(self, month: int, day: int | None = None) -> str:
        """A tick inside a year that does not repeat it: "Nov", "7 Nov"."""
        if self.locale is None:
            return f"{day} {MONTHS[month - 1]}" if day else MONTHS[month - 1]
        if day is None:
            return self.locale.months["stand-alone"]["abbreviated"][month]
        return self._fill("MMMd", "", month, day, None)

    # -- filling a CLDR skeleton ---------------------------------------------
    def _fill(self, skeleton: str, year: str, month: int | None, day: int | None, era: int | None) -> str:
        if self.locale is None:
            return _english(skeleton, year, month, day, era)
        from babel.dates import tokenize_pattern

        pattern = self.locale.datetime_skeletons.get(skeleton)
        text = getattr(pattern, "pattern", pattern) or ("y G" if "G" in skeleton else "y")
        out = []
        for kind, value in tokenize_pattern(text):
            if kind == "chars":
                out.append(value)
                continue
            letter, count = value
            if letter in "yYu":
                out.append(year)
            elif letter in "ML" and month:
                context = "stand-alone" if letter == "L" else "format"
                names = self.locale.months[context]["abbreviated" if count == 3 else "wide"]
                out.append(names[month] if count >= 3 else f"{month:0{count}d}")
            elif letter == "d" and day:
                out.append(f"{day:0{count}d}")
            elif letter == "G" and era is not None:
                out.append(self.locale.eras[self.era_width][era])
        return " ".join("".join(out).split())


def _english(skeleton: str, year: str, month: int | None, day: int | None, era: int | None) -> str:
    """The source's own forms: "7 Nov 1917", "430 BC", "Nov AD 1917"."""
    parts = [str(day)] if day and "d" in skeleton else []
    if month and "M" in skeleton:
        parts.append(MONTHS[month - 1])
    parts.append(f"{year} BC" if era == 0 else f"AD {year}" if era == 1 else year)
    return " ".join(parts)


@memoize("date words by language", maxsize=64)
def date_words(language: str, approximate: str = DEFAULT_APPROXIMATE) -> DateWords:
    """The date display for a BCP 47 tag (the locale's data is loaded once)."""
    table = table_language(language)
    if table is None or table == ENGLISH:
        return DateWords(None, approximate)
    from babel import Locale, UnknownLocaleError

    from handouts.i18n.table import load_table

    for tag in (language.replace("_", "-"), table):
        try:
            locale = Locale.parse(tag, sep="-")
        except (UnknownLocaleError, ValueError):
            continue
        return DateWords(locale, approximate, load_table(table)["dates"]["era"])
    return DateWords(None, approximate)
