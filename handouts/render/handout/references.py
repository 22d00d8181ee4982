"""Sources as numbered references: the list a printed handout can be followed from.

A link in the prose ("[the decree](https://…)") is clickable on screen and lost
on paper. Every linked address gets a number: a source's own number when it
cites the same address, else a new entry after the sources, titled by the
link's text. The prose prints "the decree [5]" and the list prints entry 5 with
its title as the link text and the address written out, so a reader of the
paper copy can type it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from handouts.markup import parse_inline, plain
from handouts.source.models import Comparison


@dataclass(frozen=True)
class Reference:
    """One entry of the numbered sources list."""

    number: int
    title: str  # source text (inline markup allowed)
    url: str | None = None
    note: str | None = None


def references(model: Comparison, texts: Iterable[str]) -> list[Reference]:
    """The sources, numbered, then each address linked in ``texts`` (the prose)
    that no source names, in the order the reader meets them."""
    out = [Reference(n, s.title, s.url, s.note) for n, s in enumerate(model.sources, start=1)]
    known = {r.url for r in out if r.url}
    for text in texts:
        for span in parse_inline(text):
            if span.href and span.href not in known:
                known.add(span.href)
                title = plain(span.text).strip() or span.href
                out.append(Reference(len(out) + 1, title[:1].upper() + title[1:], span.href))
    return out


def citations(refs: list[Reference]) -> tuple[tuple[str, int], ...]:
    """Address -> number (the first entry naming it), for the text setter."""
    numbers: dict[str, int] = {}
    for ref in refs:
        if ref.url and ref.url not in numbers:
            numbers[ref.url] = ref.number
    return tuple(numbers.items())


_URL_BREAK = re.compile(r"(?<=[/?&=#_.\-])")  # an address may break after these


def url_lines(url: str, room: float, width: Callable[[str], float]) -> list[str]:
    """``url`` in lines no wider than ``room``, broken after "/", ".", "-"... (a
    printed address is read and typed, never hyphenated); a piece wider than a
    line is cut where it must. reportlab breaks an address only once."""
    lines: list[str] = []
    line = ""
    for piece in (p for p in _URL_BREAK.split(url) if p):
        if line and width(line + piece) > room:
            lines.append(line)
            line = ""
        while width(line + piece) > room and len(piece) > 1:
            cut = max(1, max((n for n in range(1, len(piece)) if width(line + piece[:n]) <= room), default=1))
            lines.append(line + piece[:cut])
            line, piece = "", piece[cut:]
        line += piece
    return [*lines, line] if line else lines
