"""What every importer produces: a draft source, before it is written as YAML.

CSV, XLSX and Markdown each fill one :class:`Draft`; one writer turns it into a
commented source, so the three formats cannot drift apart in what they emit.
Values are the source's own text forms (dates already "1917-11-07" or "490 BC").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from handouts.errors import Problem, SourceError


@dataclass
class DraftEvent:
    """One timeline entry: a ``date``, or a ``start`` and ``end``."""

    label: str
    date: str | None = None
    start: str | None = None
    end: str | None = None
    subject: str | None = None  # a subject id
    detail: str | None = None


@dataclass
class DraftSection:
    heading: str
    body: str = ""
    by_subject: dict[str, str] = field(default_factory=dict)


@dataclass
class DraftSource:
    """A cited source: a title and maybe a URL."""

    title: str
    url: str | None = None


@dataclass
class Draft:
    """A comparison read from a teacher's file; ``origin`` names it in comments."""

    origin: str
    title: str
    subjects: list[str] = field(default_factory=list)
    rows: list[tuple[str, list[str | None]]] = field(default_factory=list)
    summary: str = ""
    similarities: list[str] = field(default_factory=list)
    sections: list[DraftSection] = field(default_factory=list)
    events: list[DraftEvent] = field(default_factory=list)
    conclusion: str = ""
    sources: list[DraftSource] = field(default_factory=list)
    language: str = "en"  # BCP 47; the Markdown reader sets it from section names in another language


class Problems:
    """Collects located problems so a file reports all of them at once, not the first."""

    def __init__(self, file: Path) -> None:
        self.file = file
        self.items: list[Problem] = []

    def add(self, message: str, line: int | None = None, column: int | None = None, hint: str | None = None) -> None:
        self.items.append(Problem(message, self.file, line, column, None, hint))

    def raise_any(self) -> None:
        if self.items:
            raise SourceError(self.items)
