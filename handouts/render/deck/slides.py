"""Slide builders, one per name in ``layout.deck.slides`` (the builders
live in :mod:`handouts.render.deck.builders`; the timeline slide is here,
beside the timeline drawing).

Each takes the :class:`DeckWriter` and adds zero or more slides; a builder
whose content is missing from the source adds nothing (no empty slides).
"""

from __future__ import annotations

from collections.abc import Callable

from handouts.i18n.words import join
from handouts.markup import plain
from handouts.render.deck.a11y import set_alt_text
from handouts.render.deck.builders.cover import build_title
from handouts.render.deck.builders.prose import build_conclusion, build_sections, build_similarities, build_sources
from handouts.render.deck.builders.questions import build_questions
from handouts.render.deck.builders.rows import build_rows
from handouts.render.deck.builders.table import build_overview
from handouts.render.deck.deck_writer import DeckWriter
from handouts.render.deck.timeline import draw_timeline
from handouts.timeline.model import build_timeline
from handouts.units import pt_to_emu


def timeline_slide(w: DeckWriter) -> None:
    """The shared timeline drawn with native shapes, on as many slides as it
    needs to fit (lanes, else periods, continue on the next; each with its own
    axis); every event (date, label, detail) in the notes and the group's alt
    text; a numbered key slide when the labels had to give way to numbers.
    Fewer than two dated events: no slide (the build warns once)."""
    from handouts.render.deck.timeline import plan_slides
    from handouts.timeline.model import warn_no_timeline

    timeline = build_timeline(w.model, w.layout)
    if timeline.empty:
        warn_no_timeline(w.context, timeline)
        return
    body = w.body
    parts = plan_slides(timeline, w.layout, body.width, body.height)
    numbered = False
    for n, (part, placement) in enumerate(parts):
        lines = [
            f"{item.date_text}: {item.label}" + (f" — {item.detail}" if item.detail else "")
            for item in part.chronological()
        ]
        labels = w.deck.labels
        title = join(labels.timeline, labels.continued, f"{n + 1}/{len(parts)}") if n else labels.timeline
        slide = w.new_slide(title, [plain(line) for line in lines], figure=True)
        box = (pt_to_emu(body.left), pt_to_emu(body.top), pt_to_emu(body.width), pt_to_emu(body.height))
        draw_timeline(slide, *box, part, w.layout, w.language, placement)
        group = next(shape for shape in slide.shapes if shape.name == "Timeline")
        set_alt_text(group, f"{w.deck.labels.timeline}: " + "; ".join(plain(line) for line in lines))
        numbered = numbered or placement.numbered
    if numbered:
        key = [f"{item.number}. {item.date_text}: {item.label}" for item in timeline.chronological()]
        w.flow(w.deck.labels.timeline_key, key, [plain(k) for k in key], bullet=False)


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
