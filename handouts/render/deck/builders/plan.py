"""Which table rows share a comparison slide, at which size: every row
measured at every candidate size; the fewest slides the table size needs,
then the largest size that needs no more, rows spread evenly."""

from __future__ import annotations

from dataclasses import dataclass

from handouts.markup import plain
from handouts.render.deck.deck_writer import DeckWriter
from handouts.render.deck.fit import TextStyle, block_height, candidate_sizes, has_broken_words
from handouts.source.models import split_paragraphs


@dataclass(frozen=True)
class Row:
    label: str
    values: list[list[str]]  # paragraphs per subject
    shared: bool  # one value for every subject: drawn once, across the columns
    notes: list[str]


def who(subject) -> str:
    """A subject as the notes name it: its full name, with the slide's short
    name after it unless the full name holds it ("Vladimir Lenin")."""
    name = plain(subject.name)
    full = plain(subject.full_name or "")
    if not full or name.casefold() in full.casefold():
        return full or name
    return f"{full} ({name})"


def values_line(label: str, subjects: list, cells: list[str]) -> str:
    """One row in a sentence: the label, then each value after the subjects
    that have it (subjects with the same value named together)."""
    groups: dict[str, list[str]] = {}
    for subject, cell in zip(subjects, cells):
        groups.setdefault(plain(cell), []).append(who(subject))
    return f"{plain(label)} — " + "; ".join(f"{', '.join(names)}: {value}" for value, names in groups.items())


def heading_key(text: str) -> str:
    """A heading or row label as compared: plain, case-folded, spaces collapsed."""
    return " ".join(plain(text).casefold().split())


def _prose_by_heading(w: DeckWriter) -> dict[str, list[str]]:
    """Each section's prose (body, then by subject), under its heading compared case-insensitively."""
    out: dict[str, list[str]] = {}
    for section in w.model.sections:
        by_subject = [
            f"{who(w.model.subject(sid))}: {plain(text)}" for sid, text in (section.by_subject or {}).items() if text
        ]
        out.setdefault(heading_key(section.heading), []).extend(split_paragraphs(section.body) + by_subject)
    return out


def rows_of(w: DeckWriter) -> list[Row]:
    """The table's rows with empty cells shown as the layout's dash; their
    notes read each row as a sentence with the subjects' full names, then the
    prose of a section headed like the row."""
    empty = w.deck.labels.empty_cell
    prose = _prose_by_heading(w)
    out = []
    for row in w.model.table:
        cells = [c or empty for c in row.cells()]
        shared = len(cells) > 1 and len(set(cells)) == 1 and cells[0] != empty
        values = [split_paragraphs(c) or [empty] for c in cells]
        notes = [values_line(row.label, w.model.subjects, cells)] + prose.get(heading_key(row.label), [])
        out.append(Row(row.label, values, shared, notes))
    return out


class Geometry:
    """Column boxes and measured heights of rows at one size."""

    def __init__(self, w: DeckWriter, size: float) -> None:
        self.w = w
        self.style = w.style("body", size)
        self.label = TextStyle(self.style.font, size, True)
        gap = w.deck.gap * 0.6
        self.gap = gap
        count = len(w.model.subjects)
        self.columns = w.body.columns(count, gap)
        self.header_h = w.style("body", w.deck.sizes.body, bold=True).line_height + w.insets.top + w.insets.bottom
        self.room = w.body.height - self.header_h - gap

    def label_height(self, row: Row) -> float:
        return block_height([row.label], self.label, self.w.body.width, self.w.insets)

    def cells_height(self, row: Row) -> float:
        if row.shared:
            return block_height(row.values[0], self.style, self.w.body.width, self.w.insets)
        return max(block_height(v, self.style, c.width, self.w.insets) for v, c in zip(row.values, self.columns))

    def height(self, row: Row) -> float:
        return self.label_height(row) + self.cells_height(row) + self.gap

    def clean(self, row: Row) -> bool:
        """No word of the row broken across lines at this size."""
        insets = self.w.insets
        if row.shared:
            return not has_broken_words(row.values[0], self.style, self.w.body.width, insets)
        return not any(has_broken_words(v, self.style, c.width, insets) for v, c in zip(row.values, self.columns))


def pack(heights: list[float], capacity: float) -> list[list[int]]:
    """Greedy runs of consecutive rows whose heights sum to at most ``capacity``."""
    pages: list[list[int]] = []
    used = capacity + 1
    for i, h in enumerate(heights):
        if used + h > capacity + 0.01:
            pages.append([])
            used = 0.0
        pages[-1].append(i)
        used += h
    return pages


def balanced(heights: list[float], capacity: float) -> list[list[int]]:
    """As few pages as :func:`pack` makes, with the rows spread evenly: the
    smallest capacity that needs no more pages (bisected)."""
    count = len(pack(heights, capacity))
    low, high = max(heights), capacity
    for _ in range(20):
        mid = (low + high) / 2
        if len(pack(heights, mid)) <= count:
            high = mid
        else:
            low = mid
    return pack(heights, high)


def plan(w: DeckWriter, rows: list[Row]) -> tuple[float, list[list[int]]]:
    """The size and the pages (row indexes) for rows that each fit a slide:
    as few slides as the table size needs (the minimum size, if a row needs
    it), at the largest size that needs no more, spread evenly."""
    sizes = candidate_sizes(max(w.deck.sizes.display, w.deck.sizes.table), w.deck.sizes.min)
    fewest = None
    for size in (w.deck.sizes.table, w.deck.sizes.min):
        geo = Geometry(w, size)
        heights = [geo.height(r) for r in rows]
        if max(heights) <= geo.room + 0.01:
            fewest = len(pack(heights, geo.room))
            break
    for size in sizes:
        geo = Geometry(w, size)
        heights = [geo.height(r) for r in rows]
        fits = max(heights) <= geo.room + 0.01 and len(pack(heights, geo.room)) <= (fewest or 0)
        if fits and (size == sizes[-1] or all(geo.clean(r) for r in rows)):
            return size, balanced(heights, geo.room)
    geo = Geometry(w, sizes[-1])
    return sizes[-1], balanced([geo.height(r) for r in rows], geo.room)
