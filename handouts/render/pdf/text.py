"""Text as a printer would set it: typographic quotes and dashes by language,
no-break spaces where a line must not break, real hyphenation, and emphasis
the layout can read (large print asks for bold, not italics).

Teachers type straight quotes and hyphens; a handout that prints “…” next to
"…" looks unfinished. Hyphenation is handed to reportlab's paragraph as a
callable (its public ``hyphenationLang`` style attribute accepts one), so every
line break inside a word prints a visible hyphen.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from handouts.caches import memoize
from handouts.markup import to_reportlab

# Opening and closing double quotes, and the single quote pair, by primary language subtag.
_QUOTES: dict[str, tuple[str, str, str, str]] = {
    "en": ("\u201c", "\u201d", "\u2018", "\u2019"),
    "de": ("\u201e", "\u201c", "\u201a", "\u2018"),
    "fr": ("\u00ab\u202f", "\u202f\u00bb", "\u2039\u202f", "\u202f\u203a"),
    "ru": ("\u00ab", "\u00bb", "\u201e", "\u201c"),
    "uk": ("\u00ab", "\u00bb", "\u201e", "\u201c"),
    "es": ("\u00ab", "\u00bb", "\u201c", "\u201d"),
    "it": ("\u00ab", "\u00bb", "\u201c", "\u201d"),
    "el": ("\u00ab", "\u00bb", "\u201c", "\u201d"),
    "pl": ("\u201e", "\u201d", "\u00ab", "\u00bb"),
    "cs": ("\u201e", "\u201c", "\u201a", "\u2018"),
    "nl": ("\u201c", "\u201d", "\u2018", "\u2019"),
    "sv": ("\u201d", "\u201d", "\u2019", "\u2019"),
}
_URL = re.compile(r"(\]\((?:https?://|mailto:)[^)\s]+\)|(?:https?://|mailto:)\S+)")
_RANGE = re.compile(r"(?<=\d)-(?=\d)")  # 1917-1924 -> 1917–1924
_SPACED_DASH = re.compile(r"(?<=\S) -{1,2} (?=\S)")  # "a - b" -> "a – b"
_NO_BREAK = re.compile(r"\b(c\.|ca\.|p\.|pp\.|No\.|St\.|\d+)\s+(?=(?:\d+|BC|AD|BCE|CE|km|kg|%)\b)")
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")


def _quotes(language: str) -> tuple[str, str, str, str]:
    return _QUOTES.get(language.split("-")[0].lower(), _QUOTES["en"])


def _pair(text: str, straight: str, opening: str, closing: str) -> str:
    """Straight quotes as opening/closing by position: after a space or an
    opening bracket or dash a quote opens, otherwise it closes."""
    out, prev = [], " "
    for ch in text:
        out.append((opening if prev.isspace() or prev in _OPENERS else closing) if ch == straight else ch)
        prev = out[-1][-1]
    return "".join(out)


_OPENERS = "([{/\u2014\u2013-\u201c\u201e\u00ab\u2018\u201a"


@memoize("typeset text", maxsize=4096)
def typeset(text: str, language: str = "en") -> str:
    """``text`` with typographic quotes and dashes for ``language`` and no-break
    spaces inside "c. 1928" and "490 BC"; links and URLs are left exactly as typed."""
    dq_open, dq_close, sq_open, sq_close = _quotes(language)
    pieces = _URL.split(text)
    for i in range(0, len(pieces), 2):  # even pieces are prose; odd ones URLs
        piece = _RANGE.sub("\u2013", pieces[i])
        piece = _SPACED_DASH.sub(" \u2013 ", piece)
        piece = _NO_BREAK.sub(lambda m: m.group(1) + "\u00a0", piece)
        piece = _pair(_APOSTROPHE.sub("\u2019", piece), "'", sq_open, sq_close)
        piece = _pair(piece, '"', dq_open, dq_close)
        pieces[i] = piece
    return "".join(pieces)


@dataclass(frozen=True)
class Setter:
    """Turns a source text into reportlab markup the way this handout sets text."""

    language: str = "en"
    link: str | None = None
    emphasis: str = "italic"  # "bold": large print asks for bold instead of italics
    citations: tuple[tuple[str, int], ...] = ()  # link URL -> its number in the sources list

    def __call__(self, text: str, link: bool = True) -> str:
        numbers = dict(self.citations)
        cite = (lambda href: citation(numbers[href]) if href in numbers else "") if numbers and link else None
        markup = to_reportlab(typeset(text, self.language), self.link if link else None, cite)
        if self.emphasis == "bold":
            # User text is escaped, so <i> can only be the markup's own tag.
            markup = markup.replace("<i>", "<b>").replace("</i>", "</b>")
        return markup


def citation(number: int) -> str:
    """A link's reference number after it, "[3]" at full size (large print has no
    small superscripts), joined by a no-break space and linked to its entry."""
    return f'\u00a0<a href="#{anchor(number)}">[{number}]</a>'


def anchor(number: int) -> str:
    """The destination name of the sources list's entry ``number``."""
    return f"source-{number}"


MIN_WORD = 7  # shorter words never hyphenate ("Le-nin", "sta-te" read badly)
_LETTERS = re.compile(r"[^\W\d_]+")


@memoize("hyphenation languages", maxsize=32)
def _pyphen_language(language: str) -> str | None:
    """pyphen's name for ``language``'s dictionary, or None (a listing: no dictionary is read)."""
    import pyphen

    return pyphen.language_fallback(language.replace("-", "_"))


@memoize("hyphenation dictionaries", maxsize=32)
def _dictionary(language: str):  # noqa: ANN202 - a pyphen.Pyphen, or None without one for the language
    """The language's dictionary, read on first use (~100 ms: a document whose
    words all fit never pays it)."""
    import pyphen

    found = _pyphen_language(language)
    return pyphen.Pyphen(lang=found, left=2, right=3) if found else None


def _breakable(part: str) -> bool:
    """Whether the dictionary may break ``part``: a word of at least :data:`MIN_WORD` letters."""
    return len(part) >= MIN_WORD and bool(_LETTERS.fullmatch(part.strip(_PUNCT)))


def hyphenator(language: str) -> Callable[[str], Iterator[tuple[str, str]]] | str:
    """reportlab's ``hyphenationLang``: (head, tail) pairs from the language's
    dictionary (pyphen), longest head first, so a break inside a word always
    prints a hyphen; "" (no hyphenation) for a language pyphen does not know.
    The dictionary is read when reportlab first asks to break a word."""
    if _pyphen_language(language) is None:
        return ""

    def pairs(word: str) -> Iterator[tuple[str, str]]:
        return _dictionary(language).iterate(word)

    return pairs


def pieces(text: str, language: str) -> list[str]:
    """The parts of ``text`` no line break may cut: whole words below
    :data:`MIN_WORD` letters or without a dictionary, tokens with digits,
    and the syllable groups between a long word's break points (each with
    the hyphen it would print). A column at least as wide as the widest
    piece never needs reportlab's silent mid-word split."""
    out: list[str] = []
    for token in re.split(r"[ \t\n]+", text):  # no-break spaces join ("c. 1928" is one piece)
        for part in re.split(r"(?<=-)", token):  # reportlab breaks inside a word only after "-"
            dictionary = _dictionary(language) if _breakable(part) else None  # read only when needed
            if dictionary is None:
                out.append(part)
                continue
            cuts = [0, *dictionary.positions(part), len(part)]
            out += [part[a:b] + ("-" if b < len(part) else "") for a, b in zip(cuts, cuts[1:])]
    return out


_PUNCT = "\"'()[]{}.,;:!?\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e"


def hyphenate_only(words: set[str], language: str) -> Callable[[str], Iterator[tuple[str, str]]]:
    """A hyphenator for headings, labels and headers: it breaks only ``words``
    (those too wide for their cell), at the dictionary's points first and, failing
    those, anywhere leaving two letters a side: always with a visible hyphen."""

    def pairs(word: str) -> Iterator[tuple[str, str]]:
        if not any(w.endswith(word) for w in words):  # a too-wide word, or the rest of one after a break
            return
        dictionary = _dictionary(language)
        if dictionary is not None:
            yield from dictionary.iterate(word)
        for cut in range(len(word) - 2, 1, -1):
            yield word[:cut], word[cut:]

    return pairs


def too_wide(texts: list[str], room: float, width: Callable[[str], float]) -> set[str]:
    """The letter runs of ``texts`` (split at hyphens, dashes, slashes and
    punctuation, as reportlab hands them to a hyphenator) wider than ``room``."""
    return {w for t in texts for w in _LETTERS.findall(t) if width(w) > room}
