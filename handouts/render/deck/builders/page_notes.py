"""Speaker notes for text split over "(cont.)" slides: each slide's notes
hold the source paragraphs its text comes from, in full (a paragraph the
slides skip goes with the nearest shown paragraph before it), so a split
section does not carry the whole section again on every slide. A slide that
continues a paragraph begun on the one before holds that paragraph from the
sentence the slide starts in (whole, when that would be just the slide's own
text)."""

from __future__ import annotations

import re

from handouts.markup import plain
from handouts.render.deck.fit import words_of

Shown = list[tuple[int, str]]  # (source paragraph, text put on the slides), in reading order
_SENTENCE_START = re.compile(r"(?<=[.!?…。！？])[\"'”’»)\]]*\s+")


def _flat(text: str) -> str:
    return " ".join(words_of(plain(text)))


def owners(pages: list[list[str]], shown: Shown) -> list[list[tuple[int, int]]]:
    """(shown text, how far into it the page starts) for each text a page
    draws from. Pages hold the shown texts in order, a text cut at a page's
    end continuing on the next."""
    texts = [_flat(text) for _, text in shown]
    cursor, rest = 0, texts[0] if texts else ""
    out: list[list[tuple[int, int]]] = []
    for page in pages:
        found: list[tuple[int, int]] = []
        for piece in page:
            if cursor >= len(texts):
                break
            found.append((cursor, len(texts[cursor]) - len(rest)))
            flat = _flat(piece)
            rest = rest[len(flat) :].strip() if rest.startswith(flat) else ""
            if not rest:  # this text is done: the next piece starts the next one
                cursor += 1
                rest = texts[cursor] if cursor < len(texts) else ""
        out.append(found)
    return out


def _from(paragraph: str, shown_text: str, offset: int) -> str:
    """``paragraph`` from the start of the sentence holding ``offset`` of
    ``shown_text``; from ``offset`` itself when that sentence is the
    paragraph's first (the slides before have it from its start, and a
    sentence as long as a slide would otherwise be copied whole onto each)."""
    flat = _flat(paragraph)
    where = flat.find(_flat(shown_text))
    if offset <= 0 or where < 0:
        return paragraph
    at = where + offset
    starts = [m.end() for m in _SENTENCE_START.finditer(flat) if m.end() <= at]
    return flat[starts[-1] if starts else at :]


def notes_by_page(
    pages: list[list[str]], shown: Shown, paragraphs: list[str], whole_over_copy: bool = True
) -> list[list[str]]:
    """Each page's notes, in reading order: its source paragraphs, and after
    each the ones no slide shows, up to the next shown paragraph, on the page
    where that paragraph ends (leading ones on the first page)."""
    per_page: list[dict[int, str]] = []
    last_page: dict[int, int] = {}
    for number, found in enumerate(owners(pages, shown)):
        notes: dict[int, str] = {}
        for text, offset in found:
            index = shown[text][0]
            if index not in notes:  # the first text of a paragraph on the page says where it starts
                notes[index] = _from(paragraphs[index], shown[text][1], offset)
            last_page[index] = number
        per_page.append(notes)
    home = 0
    for index, paragraph in enumerate(paragraphs):
        if index in last_page:
            home = last_page[index]
        elif per_page:
            per_page[home][index] = paragraph
    out = []
    for page, notes in zip(pages, per_page):
        if whole_over_copy and _flat(" ".join(notes.values())) == _flat(" ".join(page)):
            notes = {i: paragraphs[i] for i in notes}
        out.append([notes[i] for i in sorted(notes)])
    return out
