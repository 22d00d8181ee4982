"""Measure deck text with real font metrics before it is placed.

Deck fonts are *named* in the PPTX (Calibri, Arial) and measured here with
their metric twins bundled in ``handouts/fonts`` (Carlito, Liberation Sans),
so LibreOffice and PowerPoint wrap lines where we did. Lines are spaced
exactly (``line_height``), text frames have fixed insets and no autofit, so a
height computed here is the height drawn. Text that does not fit at the
layout's minimum size is split (paragraphs, then sentences, then lines) for
continuation slides; words wider than a line are broken.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from handouts.caches import memoize
from handouts.fontfiles import DECK_METRIC_TWINS
from handouts.markup import parse_inline, plain
from handouts.render.fonts import register_family

# Wrap against a slightly narrower line than the renderer's, so kerning or
# rounding differences can only make a line shorter, never push a word down.
WIDTH_SAFETY = 0.97
WHOLE_WORDS_SHRINK = 0.8  # shrink at most this far to keep every word whole
PARAGRAPH_GAP = 0.35  # space before a paragraph, in ems (not before the first)
BULLET_INDENT = 0.9  # hanging indent of a bulleted paragraph, in ems
_BREAKING_SPACE = re.compile(r"[ \t\n\r\f\v\u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u00ad]")
_BREAK_AFTER = frozenset("/-?")


@dataclass(frozen=True)
class Insets:
    """A text frame's margins in points (set explicitly on every frame)."""

    left: float = 6.0
    top: float = 4.0
    right: float = 6.0
    bottom: float = 4.0


@dataclass(frozen=True)
class TextStyle:
    """How a block of paragraphs is set: font named in the deck, size, weight, bullets."""

    font: str
    size: float
    bold: bool = False
    bullet: bool = False

    def at(self, size: float) -> "TextStyle":
        return TextStyle(self.font, size, self.bold, self.bullet)

    @property
    def line_height(self) -> float:
        return self.size * line_factor(self.font)

    @property
    def gap(self) -> float:
        return self.size * PARAGRAPH_GAP

    @property
    def indent(self) -> float:
        return self.size * BULLET_INDENT if self.bullet else 0.0


@memoize("deck font faces", maxsize=16)  # deck fonts x bold
def _face(font: str, bold: bool):
    from reportlab.pdfbase import pdfmetrics

    names = register_family(DECK_METRIC_TWINS[font], ("regular", "bold"))  # measured: no italics
    return pdfmetrics.getFont(names["bold" if bold else "regular"]).face


@memoize("deck line factors", maxsize=16)
def line_factor(font: str) -> float:
    """Line height in ems: the twin's ascent + descent, at least 1.2."""
    face = _face(font, False)
    return max(1.2, (face.ascent - face.descent) / 1000.0)


@memoize("deck word widths", maxsize=50_000)  # a few MB: the words of many decks
def unit_width(text: str, font: str, bold: bool) -> float:
    """Advance width of ``text`` at 1 pt. Characters the twin lacks count a full
    em: the renderer will take them from a fallback font of unknown width."""
    widths = _face(font, bold).charWidths
    return sum(widths.get(ord(ch), 1000.0) for ch in text) / 1000.0


def slide_text(text: str) -> str:
    """Text as it is written to a slide and measured: tabs and other breaking
    spaces become plain spaces (a tab would jump to a tab stop we do not
    measure); zero-width spaces, word joiners, byte-order marks and soft hyphens
    go (renderers break or hyphenate at them in ways we cannot predict).
    No-break spaces stay inside their word."""
    return _INVISIBLE.sub("", _BREAKING_SPACE.sub(" ", text))


def words_of(text: str) -> list[str]:
    """The words of a paragraph, split where a renderer may break a line."""
    return [word for word in _BREAKING_SPACE.split(slide_text(text)) if word]


def _break_point(piece: str) -> int:
    """Where to cut a word too wide for a line: after its last "/", "-" or "?"
    (not before a digit), as LibreOffice and PowerPoint do in URLs and
    compounds, when that keeps at least a third of the line; else the whole piece."""
    for i in range(len(piece) - 2, len(piece) // 3 - 1, -1):
        if piece[i] in _BREAK_AFTER and not piece[i + 1].isdigit():
            return i + 1
    return len(piece) - 1


def _needs_bold(text: str, style: TextStyle) -> bool:
    return style.bold or any(span.bold for span in parse_inline(text))


@memoize("deck wrapped paragraphs", maxsize=20_000)  # planning measures each text at many sizes, often twice
def wrap(text: str, style: TextStyle, width: float) -> tuple[tuple[str, bool], ...]:
    """Greedy word wrap of one paragraph (plain text) into ``(line, broken)``
    pairs; ``broken`` marks a line that ends inside a word too wide to fit."""
    bold = style.bold
    limit = max(width * WIDTH_SAFETY, 1.0) / style.size
    space = unit_width(" ", style.font, bold)
    lines: list[tuple[str, bool]] = []
    current, used = "", 0.0
    for word in words_of(text):
        w = unit_width(word, style.font, bold)
        if current and used + space + w <= limit:
            current, used = f"{current} {word}", used + space + w
            continue
        if current:
            lines.append((current, False))
        if w <= limit:
            current, used = word, w
            continue
        piece, piece_w = "", 0.0
        for ch in word:
            cw = unit_width(ch, style.font, bold)
            if piece and piece_w + cw > limit:
                cut = _break_point(piece + ch)
                lines.append((piece[:cut], True))
                piece = piece[cut:]
                piece_w = unit_width(piece, style.font, bold)
            piece, piece_w = piece + ch, piece_w + cw
        current, used = piece, piece_w
    if current or not lines:
        lines.append((current, False))
    return tuple(lines)


@memoize("deck paragraph lines", maxsize=20_000)  # one look-up instead of markup, plain text and wrap
def paragraph_lines(text: str, style: TextStyle, width: float) -> tuple[tuple[str, bool], ...]:
    """Lines of one paragraph that may carry inline markup."""
    measured = style if not _needs_bold(text, style) else TextStyle(style.font, style.size, True, style.bullet)
    return wrap(plain(text), measured, width - style.indent)


def block_height(paragraphs: list[str], style: TextStyle, width: float, insets: Insets = Insets()) -> float:
    """Height of a text frame holding ``paragraphs`` (insets included)."""
    inner = width - insets.left - insets.right
    lines = sum(len(paragraph_lines(p, style, inner)) for p in paragraphs)
    gaps = max(len(paragraphs) - 1, 0) * style.gap
    return insets.top + insets.bottom + lines * style.line_height + gaps


def has_broken_words(paragraphs: list[str], style: TextStyle, width: float, insets: Insets = Insets()) -> bool:
    inner = width - insets.left - insets.right
    return any(broken for p in paragraphs for _, broken in paragraph_lines(p, style, inner))


def candidate_sizes(largest: float, smallest: float) -> list[float]:
    """Sizes to try, largest first, in whole points, ending at ``smallest``."""
    sizes, size = [], float(largest)
    while size > smallest:
        sizes.append(size)
        size -= 1.0
    return sizes + [float(smallest)]


def largest_passing(sizes: list[float], passes: Callable[[float], bool]) -> float:
    """The largest of ``sizes`` (largest first) that ``passes``, found by
    bisection (a few measurements, not one per size): ``passes`` is taken to
    hold at every size under one where it holds, and at the smallest."""
    low, high = 0, len(sizes) - 1  # sizes[high] passes
    while low < high:
        mid = (low + high) // 2
        if passes(sizes[mid]):
            high = mid
        else:
            low = mid + 1
    return sizes[high]


def fit_size(
    blocks: list[tuple[list[str], float, float]],
    style: TextStyle,
    smallest: float,
    insets: Insets = Insets(),
    whole_words: float = WHOLE_WORDS_SHRINK,
) -> float | None:
    """The largest size from ``style.size`` down to ``smallest`` at which every
    block ``(paragraphs, width, height)`` fits, preferring sizes that break no
    word down to ``whole_words`` of the largest (body text: a URL is broken
    rather than the text shrunk for it; a name or title passes 0, so a word is
    broken only when it fits no line at ``smallest``); ``None`` if even
    ``smallest`` overflows."""
    sizes = candidate_sizes(style.size, smallest)
    for allow_broken in (False, True):
        for size in sizes:
            if not allow_broken and size < style.size * whole_words:
                break
            s = style.at(size)
            if all(
                block_height(p, s, w, insets) <= h + 0.01 and (allow_broken or not has_broken_words(p, s, w, insets))
                for p, w, h in blocks
            ):
                return size
    return None


def fit_lines(text: str, style: TextStyle, width: float, max_lines: int, ellipsis: str = "…", keep: str = "") -> str:
    """``text`` + ``keep`` if it wraps into ``max_lines``, else ``text`` cut with an
    ellipsis, after the words that fit (inside the next one only when it is
    wider than a line, as the first word may be), then ``keep``
    whole (a title's "(cont.) 2/3"). ``keep`` is dropped only when it alone
    leaves no room for a character of ``text``."""
    if len(paragraph_lines(text + keep, style, width)) <= max_lines:
        return text + keep
    flat = plain(text)

    def fits(head: str) -> bool:
        return len(wrap(head + ellipsis + keep, style, width - style.indent)) <= max_lines

    words = words_of(flat)
    low, high = 0, len(words)
    while low < high:
        mid = (low + high + 1) // 2
        if fits(" ".join(words[:mid])):
            low = mid
        else:
            high = mid - 1
    kept = " ".join(words[:low])
    if low == len(words) or not (low == 0 or any(broken for _, broken in wrap(words[low], style, width))):
        return kept + ellipsis + keep
    word, lead = words[low], kept + " " if kept else ""
    low, high = 0, len(word)  # the next word is wider than a line: cut inside it
    while low < high:
        mid = (low + high + 1) // 2
        if fits(lead + word[:mid]):
            low = mid
        else:
            high = mid - 1
    if low or lead or not keep:
        return (lead + word[:low]).rstrip() + ellipsis + keep
    return fit_lines(text + keep, style, width, max_lines, ellipsis)
