"""The source's inline markup: **bold**, *italic* and [text](url); all else literal.

Parsed once into spans that each renderer formats its own way, so user text
never reaches reportlab's markup parser unescaped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from handouts.caches import memoize

_TOKEN = re.compile(
    r"(?P<bold>\*\*(?=\S)(?P<bold_text>.+?)(?<=\S)\*\*)"
    r"|(?P<italic>(?<![\w*])\*(?=[^\s*])(?P<italic_text>.+?)(?<=[^\s*])\*(?![\w*]))"
    r"|(?P<link>\[(?P<link_text>[^\]\n]+)\]\((?P<href>(?:https?://|mailto:)[^)\s]+)\))",
    re.DOTALL,
)
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTR_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as XML entities (xml.sax.saxutils' escape, which
    would import urllib.request: ~12 ms of every start)."""
    return text.translate(_ESCAPES)


def escape_attr(text: str) -> str:
    """:func:`escape` plus ``"``, for a double-quoted XML attribute."""
    return text.translate(_ATTR_ESCAPES)


# Control characters (other than tab/newline) cannot be drawn and break PDF/XML.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


@dataclass(frozen=True)
class Span:
    """A run of text with its inline style."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None


def clean(text: str) -> str:
    """Drop characters no renderer can draw (control characters)."""
    return _CONTROL.sub("", text)


@memoize("inline markup", maxsize=4096)  # a batch of many sources stays flat
def parse_inline(text: str) -> tuple[Span, ...]:
    """Split ``text`` into styled spans. Cached: a source's texts are parsed
    by several renderers (and measured more than once by each)."""
    return tuple(_spans(clean(text), False, False))


def _spans(text: str, bold: bool, italic: bool) -> list[Span]:
    """The spans of ``text``; nesting bold inside italic (and back) works."""
    spans: list[Span] = []
    pos = 0
    for match in _TOKEN.finditer(text):
        if match.start() > pos:
            spans.append(Span(text[pos : match.start()], bold, italic))
        if match["bold"]:
            spans.extend(_spans(match["bold_text"], True, italic))
        elif match["italic"]:
            spans.extend(_spans(match["italic_text"], bold, True))
        else:
            spans.append(Span(match["link_text"], bold, italic, match["href"]))
        pos = match.end()
    if pos < len(text):
        spans.append(Span(text[pos:], bold, italic))
    return [s for s in spans if s.text]


@memoize("plain text", maxsize=4096)
def plain(text: str) -> str:
    """The text without markup (for metadata, notes, measuring)."""
    return "".join(span.text for span in parse_inline(text))


def to_reportlab(text: str, link_color: str | None = None, cite: Callable[[str], str] | None = None) -> str:
    """Markup for a reportlab Paragraph, with every piece of user text escaped;
    ``cite(href)`` (markup) follows each link: its reference number, for paper."""
    out: list[str] = []
    for span in parse_inline(text):
        piece = escape(span.text).replace("\n", "<br/>")
        if span.italic:
            piece = f"<i>{piece}</i>"
        if span.bold:
            piece = f"<b>{piece}</b>"
        if span.href:
            color = f' color="{link_color}"' if link_color else ""
            piece = f'<link href="{escape_attr(span.href)}"{color}><u>{piece}</u></link>'
            if cite is not None:
                piece += cite(span.href)
        out.append(piece)
    return "".join(out)
