"""Slide builders, one per name in ``layout.deck.slides`` (the builders
live in :mod:`handouts.render.deck.builders`, the timeline's in
:mod:`handouts.render.deck.builders.timeline`).

Each takes the :class:`DeckWriter` and adds zero or more slides; a builder
whose content is missing from the source adds nothing (no empty slides).
"""

from __future__ import annotations

from collections.abc import Callable

from handouts.render.deck.builders.cover import build_title
from handouts.render.deck.builders.prose import build_conclusion, build_sections, build_similarities, build_sources
from handouts.render.deck.builders.questions import build_questions
from handouts.render.deck.builders.rows import build_rows
from handouts.render.deck.builders.table import build_overview
from handouts.render.deck.builders.timeline import timeline_slide
from handouts.render.deck.deck_writer import DeckWriter

# Slide name -> builder.
BUILDERS: dict[str, Callable[[DeckWriter], None]] = {
    "title": build_title,
    "overview": build_overview,
    "rows": build_rows,
    "sections": build_sections,
    "similarities": build_similarities,
    "timeline": timeline_slide,
    "conclusion": build_conclusion,
    "questions": build_questions,
    "sources": build_sources,
}
