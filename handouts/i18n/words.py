"""A fixed word that knows its language, when it is not the document's.

The document's words come from the translation table of its ``language``; a
language the table does not have gets the English words, and those must be
marked as English for screen readers and spell checkers (``/Lang`` on the
PDF's structure element, ``lang`` on the deck's run). Such a word is a
:class:`Word`: a ``str`` everywhere (renderers read and format it as before)
that also says which language it is in. Words in the document's own
language stay plain strings: nothing to mark.
"""

from __future__ import annotations


class Word(str):
    """A label in ``lang``, another language than the document's."""

    lang: str

    def __new__(cls, text: str, lang: str) -> "Word":
        made = super().__new__(cls, text)
        made.lang = lang
        return made

    def __reduce__(self) -> tuple:  # pickled as itself (layouts travel to pool workers)
        return (Word, (str(self), self.lang))


class Phrase(str):
    """Words of more than one language put together ("Vida cotidiana" + "by subject"
    in a source whose language has no table): each piece keeps its own, so a deck
    run can say which words are English."""

    pieces: tuple[tuple[str, str | None], ...]

    def __new__(cls, pieces: tuple[tuple[str, str | None], ...]) -> "Phrase":
        made = super().__new__(cls, "".join(text for text, _ in pieces))
        made.pieces = pieces
        return made

    def __reduce__(self) -> tuple:
        return (Phrase, (self.pieces,))


def pieces_of(text: str) -> tuple[tuple[str, str | None], ...]:
    """``text`` as (piece, language) pairs: one pair unless it is a :class:`Phrase`."""
    return text.pieces if isinstance(text, Phrase) else ((text, language_of(text)),)


def language_of(text: object) -> str | None:
    """The language to mark ``text`` with: a :class:`Word`'s own, else ``None``
    (the document's language, marked once for the whole document)."""
    return text.lang if isinstance(text, Word) else None


def like(text: str, *parts: str) -> str:
    """``text`` made from ``parts`` (joined, shortened): a :class:`Word` when every
    part with letters is one of the same language, plain otherwise."""
    langs = {language_of(part) for part in parts if any(ch.isalpha() for ch in part)}
    return Word(text, langs.pop()) if len(langs) == 1 and None not in langs else text


def join(*parts: str, sep: str = " ") -> str:
    """Fixed words put together ("Sources" + "(cont.)" + "2/3"), still marked
    (:func:`like`); the document's words with foreign ones make a :class:`Phrase`."""
    kept = [part for part in parts if part]
    joined = like(sep.join(kept), *kept)
    if language_of(joined) or not any(language_of(part) for part in kept):
        return joined
    pieces: list[tuple[str, str | None]] = []
    for i, part in enumerate(kept):
        pieces += ([(sep, None)] if i else []) + list(pieces_of(part))
    return Phrase(tuple(pieces))
