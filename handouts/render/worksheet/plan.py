"""What a worksheet leaves blank, decided once for the worksheet and its answer key.

Pure data (no reportlab): the worksheet draws a ruled space where the plan
says "blank", the answer key draws the answer at the same place, so both
must read the same plan. Every choice is seeded from the source's own text,
so the same source always gives the same blanks and the same word bank
order, and a changed source may give new ones.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass

from handouts.markup import plain
from handouts.source.models import Comparison, WorksheetOptions

DEFAULT_SHARE = 0.5  # of each row's cells the default mix leaves blank
MAX_ANSWER = 300  # characters: a longer cell stays filled (no one writes a page into a box)


@dataclass(frozen=True)
class Plan:
    """Which comparison cells are blank, what the timeline hides, the word bank."""

    cells: frozenset[tuple[int, int]]  # (row index, subject index)
    timeline: str  # "labels" | "dates" | "none"
    word_bank: tuple[str, ...]  # the blanked answers, shuffled (empty: no word bank)
    events: str = "in_order"  # "in_order" | "to_place": the timeline's answers also as a lettered list
    seed: int = 0  # for the timeline's shuffles (the same source, the same order)

    def is_blank(self, row: int, column: int) -> bool:
        return (row, column) in self.cells

    def shuffled(self, count: int, salt: int) -> list[int]:
        """``range(count)`` in a seeded order that is never the given one (from 2 items):
        a list to place in date order would give the answers away."""
        order = list(range(count))
        random.Random(self.seed + salt).shuffle(order)
        if count > 1 and order == sorted(order):
            order = order[1:] + order[:1]
        return order


def seed_of(model: Comparison) -> int:
    """A seed from the source's text: the same source, the same worksheet."""
    digest = hashlib.sha256()
    for text in (model.title, *(s.name for s in model.subjects)):
        digest.update(text.encode() + b"\0")
    for row in model.table:
        digest.update(row.label.encode() + b"\0" + "\0".join(v or "" for v in row.cells()).encode())
    for event in model.timeline:
        digest.update(event.label.encode() + b"\0")
    return int.from_bytes(digest.digest()[:8], "big")


def blank_cells(model: Comparison, options: WorksheetOptions) -> frozenset[tuple[int, int]]:
    """The cells to leave blank. Named rows: every filled cell of those rows;
    "all": every filled cell; the default: about half of each row's filled
    cells, chosen by the seeded shuffle, with the first row that has any
    text kept whole as the worked example. Cells longer than
    :data:`MAX_ANSWER` always stay filled."""
    filled = [[c for c, v in enumerate(row.cells()) if v and len(plain(v)) <= MAX_ANSWER] for row in model.table]
    if options.blank == "all":
        return frozenset((r, c) for r, cols in enumerate(filled) for c in cols)
    if options.blank is not None:
        named = set(options.blank)
        return frozenset((r, c) for r, cols in enumerate(filled) for c in cols if model.table[r].label in named)
    rng = random.Random(seed_of(model))
    example = next((r for r, cols in enumerate(filled) if cols), None)
    chosen: set[tuple[int, int]] = set()
    for r, cols in enumerate(filled):
        if r == example or not cols:
            continue
        count = max(1, round(len(cols) * DEFAULT_SHARE))
        chosen |= {(r, c) for c in rng.sample(cols, count)}
    return frozenset(chosen)


def plan_for(model: Comparison) -> Plan:
    """The worksheet plan of ``model`` (its ``worksheet:`` options or the defaults)."""
    options = model.worksheet or WorksheetOptions()
    cells = blank_cells(model, options)
    bank: list[str] = []
    if options.word_bank:
        bank = [plain(model.table[r].cells()[c] or "") for r, c in sorted(cells)]
        if options.timeline == "labels" and options.events == "in_order":  # to place: their own list
            bank += [plain(event.label) for event in model.timeline]
        bank = sorted(dict.fromkeys(bank))  # each answer once, then shuffled from a fixed start
        random.Random(seed_of(model) + 1).shuffle(bank)
    timeline = options.timeline if model.timeline else "none"
    return Plan(cells, timeline, tuple(bank), options.events, seed_of(model))
