"""Slide builders, one per name in ``layout.deck.slides``.

Each takes the :class:`DeckWriter` and adds zero or more slides; a builder
whose content is missing from the source adds nothing (no empty slides).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from handouts.markup import plain
from handouts.render.deck.a11y import set_alt_text
from handouts.render.deck.cover import build_title
from handouts.render.deck.deck_writer import DeckWriter
from handouts.render.deck.grid import subject_grid
from handouts.render.deck.rows import build_rows
from handouts.render.deck.table import build_overview
from handouts.render.deck.timeline import deck_measure, draw_timeline
from handouts.source.models import split_paragraphs
from handouts.timeline.model import build_timeline
from handouts.timeline.placement import place
from handouts.units import pt_to_emu

_SENTENCE_BREAK = re.compile(r"(?<=[.!?…。！？])[\"'”’»)\]]*\s+")
_LINK = re.compile(r"^(https?://|mailto:)\S+$")


def sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph; a break before a lower-case word is not one
    (abbreviations such as "e.g. the")."""
    out: list[str] = []
    pos = 0
    for match in _SENTENCE_BREAK.finditer(paragraph):
        rest = paragraph[match.end() :]
        if rest[:1].islower():
            continue
        out.append(paragraph[pos : match.end()].strip())
        pos = match.end()
    tail = paragraph[pos:].strip()
    return [s for s in out + [tail] if s]


def key_sentences(text: str | None, count: int) -> list[str]:
    """About ``count`` key sentences: each paragraph's lead sentence first,
    then second sentences, and so on, kept in reading order."""
    per_paragraph = [sentences(p) for p in split_paragraphs(text)]
    chosen: list[tuple[int, int]] = []
    depth = 0
    while len(chosen) < count and any(depth < len(s) for s in per_paragraph):
        for i, found in enumerate(per_paragraph):
            if depth < len(found) and len(chosen) < count:
                chosen.append((i, depth))
        depth += 1
    return [per_paragraph[i][j] for i, j in sorted(chosen)]


def build_sections(w: DeckWriter) -> None:
    """Key sentences on the slide, the full prose in the speaker notes."""
    count = w.deck.key_sentences
    for section in w.model.sections:
        by_subject = section.by_subject or {}
        notes = split_paragraphs(section.body) + [
            f"{w.model.subject(sid).name}: {text}" for sid, text in by_subject.items() if text
        ]
        w.flow(section.heading, key_sentences(section.body, count), notes)
        # Only the subjects this section says something about: an empty panel would only take room.
        said = [(i, key_sentences(by_subject.get(sid), count)) for i, sid in enumerate(w.model.subject_ids())]
        said = [(i, text) for i, text in said if text]
        if said:
            heading = f"{section.heading} — {w.deck.labels.by_subject}" if section.body else section.heading
            texts = [text for _, text in said]
            subject_grid(w, heading, texts, notes, bullet=True, subjects=[i for i, _ in said])


def build_similarities(w: DeckWriter) -> None:
    w.flow(w.deck.labels.similarities, list(w.model.similarities), list(w.model.similarities))


def build_conclusion(w: DeckWriter) -> None:
    text = w.model.conclusion
    w.flow(w.deck.labels.conclusion, key_sentences(text, w.deck.key_sentences), split_paragraphs(text))


def build_sources(w: DeckWriter) -> None:
    items = []
    for ref in w.model.sources:
        parts = [ref.title]
        if ref.url:
            href = ref.url.replace("(", "%28").replace(")", "%29")  # a ")" would end the link early
            parts.append(f"[{ref.url}]({href})" if _LINK.match(ref.url) else ref.url)
        if ref.note:
            parts.append(ref.note)
        items.append(" — ".join(parts))
    w.flow(w.deck.labels.sources, items, [plain(i) for i in items])


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
