"""Prose slides: a section's key sentences (its full prose in the notes),
the subjects' own take on it side by side, similarities, the conclusion and
the sources, each continuing on "(cont.)" slides when it must."""

from __future__ import annotations

import re

from handouts.i18n.words import join
from handouts.markup import plain
from handouts.render.deck.builders.grid import subject_grid
from handouts.render.deck.deck_writer import DeckWriter
from handouts.source.models import split_paragraphs

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
            heading = join(section.heading, w.deck.labels.by_subject, sep=" — ") if section.body else section.heading
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
    w.flow(w.deck.labels.sources, items, [plain(i) for i in items], listing=True)
