"""One written timeline line, "1917-11-07 — October Revolution (Lenin)", as an event.

The date comes before the first dash that has spaces around it (or an em
dash), so "c. 500–490 BC" stays one span; a span's start borrows the end's
era ("500–490 BC" is 500 BC to 490 BC). This reads the text of a list item
that markdown-it-py already parsed; it never parses Markdown itself.
"""

from __future__ import annotations

from handouts.importers.draft import DraftEvent
from handouts.source.dates import DATE_FORMS, HistDate
from handouts.source.models import slugify

SEPARATORS = (" — ", "—", " – ", " - ", ": ")
RANGE_MARKS = ("–", " to ", "—")


def _date(text: str) -> str:
    HistDate.parse(text)
    return text


def _span(text: str) -> tuple[str, str] | None:
    """``"1928–1932"`` -> ("1928", "1932"); ``"500–490 BC"`` -> ("500 BC", "490 BC")."""
    for mark in RANGE_MARKS:
        start, found, end = text.partition(mark)
        if not found:
            continue
        start, end = start.strip(), end.strip()
        era = next((e for e in ("BCE", "BC") if end.upper().endswith(e)), None)
        if era and not start.upper().endswith(era):
            start = f"{start} {era}"
        return _date(start), _date(end)
    return None


def split_event(line: str, subjects: list[str]) -> DraftEvent:
    """The event a line describes; ``ValueError`` says what is wrong with it."""
    for separator in SEPARATORS:
        when, found, label = line.partition(separator)
        if found and when.strip() and label.strip():
            break
    else:
        raise ValueError(f"{line!r} is not 'date — label'")
    when, label = " ".join(when.split()), label.strip()
    event = DraftEvent(label)
    try:
        event.date = _date(when)
    except ValueError:
        try:
            span = _span(when)
        except ValueError:
            span = None
        if span is None:
            raise ValueError(f"{when!r} is not a date; accepted forms: {DATE_FORMS}") from None
        event.start, event.end = span
    if label.endswith(")") and "(" in label:
        head, _, who = label[:-1].rpartition("(")
        ids = {slugify(name) for name in subjects}
        if slugify(who) in ids and head.strip():
            event.label, event.subject = head.strip(), slugify(who)
    return event
