"""A hyphen that a line break added is read as the word it cuts.

A printed "revo-" / "lutionary" reads well; spoken or copied it is "revo dash
lutionary". :class:`WholeWordText`, the text object of every tagged canvas,
writes the last word of a line ending in a hyphen as its own text operator;
when the next line starts with the rest of a word of the source ("revo-" then
"lutionary": "revolutionary" is a source word, "Post-" then "Impressionism" is
not one), the hyphen goes in a marked-content sequence whose ``/ActualText`` is
the tail, right after the head, and the tail in one whose ActualText is empty
(one sequence a line, each at the place its text is read: poppler places a
sequence crossing lines, or a long text squeezed into a short one, badly). What honours ActualText
(screen readers, poppler's pdftotext) reads "revolutionary"; the page shows the
hyphen. reportlab's own
line breaking is untouched: the text is never marked, so a paragraph re-wrapped
for another frame breaks as before.

Inside an element being tagged, the sequence is the element's next MCID (``EMC
/P <</MCID 5 /ActualText (...)>> BDC``), not a nested one, so every glyph keeps
an MCID of its element for tools that read one level only; elsewhere it is a
``/Span``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reportlab.pdfgen.canvas import Canvas

from handouts.markup import plain
from handouts.render.pdf.tagging.link_text import LinkText
from handouts.render.pdf.tagging.tags import recorder

_LETTERS = re.compile(r"[^\W\d_]+")
_HEAD = re.compile(r"(?<=[^\W\d_])-$")  # a line ending in a letter and a hyphen
_SPACE = re.compile(r"\s")


def words_of(texts: Iterable[str]) -> frozenset[str]:
    """The letter runs of ``texts`` (split at hyphens and punctuation): the words a
    line break may have hyphenated."""
    return frozenset(w for text in texts for w in _LETTERS.findall(plain(text)))


def _text_string(word: str) -> str:
    """``word`` as a PDF text string (UTF-16BE with its byte-order mark, in hex; ``()`` when empty)."""
    return f"<FEFF{word.encode('utf-16-be').hex().upper()}>" if word else "()"


class WholeWordText(LinkText):
    """A text object that gives each added hyphen, with its word, an ActualText sequence."""

    def __init__(self, canvas: Canvas, *args: object, **kwargs: object) -> None:
        super().__init__(canvas, *args, **kwargs)
        tags = recorder(canvas)
        self.words: frozenset[str] = tags.words if tags is not None else frozenset()
        self._head: tuple[int, int, str] | None = None  # placeholders before and after a line's last word; the word

    def line_text(self, text: str, line_end: bool) -> None:
        if not self.words:
            self.emit(text, line_end)
            return
        if self._head is not None and text:
            text = self._after_head(text)
        if line_end and self.link is None and _HEAD.search(text):  # (a link's words are left whole)
            start = max((m.end() for m in _SPACE.finditer(text)), default=0)
            if start:
                self.emit(text[:start], False)
            self.emit(text[start:-1], False)
            before = self.add_operator("")  # filled in once the next line shows whether the hyphen was added
            self.emit("-", False)
            self._head = (before, self.add_operator(""), text[start:])
            self.add_operator("T*")
            return
        if text or line_end:
            self.emit(text, line_end)

    def _after_head(self, text: str) -> str:
        """Write the next line's first word; when it completes the head to a source
        word, the hyphen is read as the tail and the tail as nothing (one sequence
        a line, as extraction expects). The rest of ``text``."""
        before, after, head = self._head  # type: ignore[misc]
        self._head = None
        match = _SPACE.search(text)
        cut = match.start() if match else len(text)
        tail = text[:cut]
        tail_run = _LETTERS.match(tail)
        if tail_run is None or _LETTERS.findall(head)[-1] + tail_run.group() not in self.words:
            return text  # a word's own hyphen ("Post-" / "Impressionism"): nothing to add
        self.set_operator(before, self._sequence(tail, first=True))
        self.set_operator(after, self._sequence("", first=False))
        self.emit(tail, False)
        self.add_operator(self._sequence(None, first=False))
        return text[cut:]

    def link_text(self, start: bool) -> None:
        if start and self._head is not None and self._head[0] >= self.text_start:
            self._head = None  # the head just written is a link's: left as drawn
        super().link_text(start)

    def insert_operator(self, index: int, operator: str) -> None:
        super().insert_operator(index, operator)
        if self._head is not None:
            before, after, head = self._head
            self._head = (before + (before >= index), after + (after >= index), head)

    def _sequence(self, actual: str | None, first: bool) -> str:
        """Operators starting the next piece: read as ``actual`` (None: as drawn).
        Inside an element each piece is its next MCID; elsewhere a /Span (nested)."""
        sequence = self.sequence()
        props = "" if actual is None else f" /ActualText {_text_string(actual)}"
        if sequence is None:
            opening = f"/Span <<{props.strip()}>> BDC" if actual is not None else ""
            return opening if first else f"EMC {opening}".strip()
        return f"EMC /{sequence[0]} <</MCID {sequence[1]}{props}>> BDC"
