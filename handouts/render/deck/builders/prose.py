"""Prose slides: a section's key sentences (its full prose in the notes),
the subjects' own take on it side by side, similarities, the conclusion and
the sources, each continuing on "(cont.)" slides when it must."""

from __future__ import annotations

import re

from handouts.i18n.words import join
from handouts.markup import plain
from handouts.render.deck.builders.grid import subject_grid
from handouts.render.deck.builders.page_notes import notes_by_page
from handouts.render.deck.builders.plan import heading_key, values_line, who
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


def key_sentences_at(text: str | None, count: int) -> list[tuple[int, str]]:
    """About ``count`` key sentences with their paragraph's index: each
    paragraph's lead sentence first, then second sentences, and so on, kept in
    reading order."""
    per_paragraph = [sentences(p) for p in split_paragraphs(text)]
    chosen: list[tuple[int, int]] = []
    depth = 0
    while len(chosen) < count and any(depth < len(s) for s in per_paragraph):
        for i, found in enumerate(per_paragraph):
            if depth < len(found) and len(chosen) < count:
                chosen.append((i, depth))
        depth += 1
    return [(i, per_paragraph[i][j]) for i, j in sorted(chosen)]


def key_sentences(text: str | None, count: int) -> list[str]:
    """About ``count`` key sentences (:func:`key_sentences_at`)."""
    return [sentence for _, sentence in key_sentences_at(text, count)]


def prose_slides(w: DeckWriter, title: str, text: str | None, more: list[str] | None = None) -> None:
    """Key sentences on the slide; each slide's notes the paragraphs it draws
    from, in full (the first slide's also ``more``)."""
    shown = key_sentences_at(text, w.deck.key_sentences)
    paragraphs = split_paragraphs(text)

    def per_page(pages: list[list[str]]) -> list[list[str]]:
        notes = notes_by_page(pages, shown, paragraphs)
        return [notes[0] + (more or [])] + notes[1:]

    w.flow(title, [sentence for _, sentence in shown], paragraphs, notes_per_page=per_page)


def build_sections(w: DeckWriter) -> None:
    """Key sentences on the slide, the full prose (and the values of a row
    labelled like the section) in the speaker notes; the subjects' own take
    side by side, their full text (full names) in its notes."""
    count = w.deck.key_sentences
    empty = w.deck.labels.empty_cell
    rows: dict[str, list[str]] = {}  # a row labelled like a section: its values are behind the section too
    for row in w.model.table:
        line = values_line(row.label, w.model.subjects, [c or empty for c in row.cells()])
        rows.setdefault(heading_key(row.label), []).append(line)
    for section in w.model.sections:
        by_subject = section.by_subject or {}
        prose_slides(w, section.heading, section.body, rows.get(heading_key(section.heading)))
        # Only the subjects this section says something about: an empty panel would only take room.
        said = [(i, key_sentences_at(by_subject.get(sid), count)) for i, sid in enumerate(w.model.subject_ids())]
        said = [(i, shown) for i, shown in said if shown]
        if said:
            heading = join(section.heading, w.deck.labels.by_subject, sep=" — ") if section.body else section.heading
            texts = [[sentence for _, sentence in shown] for _, shown in said]
            per_page = _by_subject_notes(w, [(i, shown, by_subject) for i, shown in said])
            subject_grid(w, heading, texts, [], bullet=True, subjects=[i for i, _ in said], notes_per_page=per_page)


def _by_subject_notes(w: DeckWriter, said: list[tuple[int, list[tuple[int, str]], dict]]):
    """Each by-subject slide's notes: every subject on it (full name) with the
    paragraphs of its own text that slide shows, in full."""
    subjects = w.model.subjects

    def per_page(pages: list[tuple[list[int], list[list[str]]]]) -> list[list[str]]:
        out: list[list[str]] = [[] for _ in pages]
        for k, (i, shown, by_subject) in enumerate(said):
            paragraphs = split_paragraphs(by_subject[w.model.subject_ids()[i]])
            pieces = [shown_text[active.index(k)] if k in active else [] for active, shown_text in pages]
            # Named on every slide, a subject's notes are never only the slide's text: no need to widen them.
            for page, notes in zip(out, notes_by_page(pieces, shown, paragraphs, whole_over_copy=False)):
                if notes:
                    page.append(f"{who(subjects[i])}: " + " ".join(notes))
        return out

    return per_page


def build_similarities(w: DeckWriter) -> None:
    """The similarities; the notes say whom they are shared by (full names)."""
    items = list(w.model.similarities)
    w.flow(w.deck.labels.similarities, items, [", ".join(who(s) for s in w.model.subjects) + ":"] + items)


def build_conclusion(w: DeckWriter) -> None:
    prose_slides(w, w.deck.labels.conclusion, w.model.conclusion)


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
