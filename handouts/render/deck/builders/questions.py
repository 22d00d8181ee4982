"""The questions slide: the source's discussion or review questions, numbered
as on the handout and the worksheet, so a class can discuss "question 2"
whichever copy it holds; continued on "(cont.)" slides when they are many."""

from __future__ import annotations

from handouts.markup import plain
from handouts.render.deck.deck_writer import DeckWriter


def build_questions(w: DeckWriter) -> None:
    """One numbered paragraph per question (the numbers are text: a screen reader says them)."""
    items = [f"{n}. {text}" for n, text in enumerate(w.model.questions, start=1)]
    w.flow(w.deck.labels.questions, items, [plain(i) for i in items], bullet=False)
