"""The source's inline markup as HTML, with every piece of user text escaped.

Only links to http(s) and mailto survive as links (the markup parser admits
no other scheme), so a source cannot smuggle ``javascript:`` into the page.
"""

from __future__ import annotations

import re
from html import escape as _escape

from handouts.markup import parse_inline, plain
from handouts.source.models import split_paragraphs

# What HTML calls a parse error even as text: C1 controls and noncharacters (the
# source loader already dropped C0 controls). No font draws them; a validator flags them.
_NONCHARACTERS = "".join(chr(plane * 0x10000 + low) for plane in range(17) for low in (0xFFFE, 0xFFFF))
_NOT_HTML = re.compile(f"[\x80-\x9f\ufdd0-\ufdef{_NONCHARACTERS}]")


def title_html(title: str, fallback: str) -> str:
    """The title as HTML for the ``<h1>`` and the table's caption; never empty
    (``fallback``, the layout's word for the comparison, for a title of only
    characters HTML cannot carry)."""
    return inline(title) or escape(fallback)


def escape(text: str, quote: bool = True) -> str:
    """``html.escape`` of the text without the characters HTML forbids."""
    return _escape(_NOT_HTML.sub("", text), quote=quote)


def inline(text: str | None) -> str:
    """``**a** [b](https://c)`` -> ``<strong>a</strong> <a href="https://c">b</a>``."""
    out: list[str] = []
    for span in parse_inline(text or ""):
        piece = escape(span.text, quote=False).replace("\n", "<br>")
        if span.italic:
            piece = f"<em>{piece}</em>"
        if span.bold:
            piece = f"<strong>{piece}</strong>"
        if span.href:
            piece = f'<a href="{escape(span.href)}">{piece}</a>'
        out.append(piece)
    return "".join(out)


def text(value: str | None) -> str:
    """Plain text (markup removed), escaped: for attributes and the <title>."""
    return escape(plain(value or ""))


def paragraphs(value: str | None, indent: str = "") -> str:
    """Blank-line-separated paragraphs as ``<p>`` elements, one per line."""
    return "".join(f"{indent}<p>{inline(p)}</p>\n" for p in split_paragraphs(value))
