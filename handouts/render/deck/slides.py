"""Slide builders, one per name in ``layout.deck.slides`` (the builders
live in :mod:`handouts.render.deck.builders`; the timeline slide is here,
beside the timeline drawing).

Each takes the :class:`DeckWriter` and adds zero or more slides; a builder
whose content is missing from the source adds nothing (no empty slides).
"""

from __future__ import annotations

from collections.abc import Callable

from handouts.markup import plain
from handouts.render.deck.a11y import set_alt_text
from handouts.render.deck.builders.cover import build_title
from handouts.render.deck.builders.prose import build_conclusion, build_sections, build_similarities, build_sources
from handouts.render.deck.builders.rows import build_rows
from handouts.render.deck.builders.table import build_overview
from handouts.render.deck.deck_writer import DeckWriter
from handouts.render.deck.timeline import deck_measure, draw_timeline
from handouts.timeline.model import build_timeline
from handouts.timeline.placement import place
from handouts.units import pt_to_emu


def timeline_slide(w: DeckWriter) -> None:
    """The shared timeline drawn with native shapes; every event (date, label,
    detail) in the notes and the group's alt text; a numbered key slide when
    the labels had to give way to numbers."""
    timeline = build_timeline(w.model, w.layout)
    if timeline.empty:
        return
    size = w.deck.sizes.min
    needed = place(timeline, w.body.width, deck_measure(w.layout), size, size, available_height=w.body.height).height
    if needed > w.body.height + 0.5:  # it would run off the slide: say so rather than draw it cut
        w.context.warn(
            f"the timeline needs {needed:.0f} pt at the deck's {size:g} pt minimum and a slide has "
            f"{w.body.height:.0f} pt: it is not in the deck",
            key="timeline",
            hint="the PDF timeline shows it; or use a layout with a smaller deck.sizes.min",
        )
        return
    lines = [
        f"{item.date_text}: {item.label}" + (f" — {item.detail}" if item.detail else "")
        for item in sorted(timeline.items, key=lambda i: (i.start, i.number))
    ]
    slide = w.new_slide(w.deck.labels.timeline, [plain(line) for line in lines], figure=True)
    body = w.body
    placement = draw_timeline(
        slide,
        pt_to_emu(body.left),
        pt_to_emu(body.top),
        pt_to_emu(body.width),
        pt_to_emu(body.height),
        timeline,
        w.layout,
        w.language,
    )
    group = next(shape for shape in slide.shapes if shape.name == "Timeline")
    set_alt_text(group, f"{w.deck.labels.timeline}: " + "; ".join(plain(line) for line in lines))
    if placement.numbered:
        key = [f"{item.number}. {item.date_text}: {item.label}" for item in timeline.items]
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
    "sources": build_sources,
}
