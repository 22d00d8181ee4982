"""reportlab's Paragraph for every script: the PDF renderers' one paragraph class.

Latin text goes straight to reportlab (the ``isascii`` fast path). Other text is
prepared once: runs the style's font cannot draw are set in the first bundled
family that can (the chains in :mod:`handouts.scripts`); Arabic, Hebrew and
Indic text is shaped by HarfBuzz (reportlab's ``shaping`` style attribute, on
when ``uharfbuzz`` is installed); CJK text breaks between characters
(``wordWrap='CJK'``); a paragraph whose first letter is right to left is
right-aligned, and any paragraph with right-to-left words is wrapped in logical
order and each line put in visual order (:mod:`handouts.render.scripts.bidi`).
Shaped glyphs and reordered words do not copy back as the source's text, so
such a paragraph is drawn inside ``/Span <</ActualText ...>> BDC`` holding its
words in logical order, which PDF viewers copy and read aloud instead.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as ReportlabParagraph

from handouts.render.fonts import family_of, font_name, font_runs, register_family
from handouts.scripts import first_strong_rtl, profile

_TAG = re.compile(r"(<[^>]*>)")
_MIRROR = {TA_LEFT: TA_RIGHT, TA_JUSTIFY: TA_RIGHT, TA_RIGHT: TA_LEFT}


def with_fallback_fonts(markup: str, font: str) -> str:
    """``markup`` with each run its font cannot draw inside ``<font face=...>`` of a
    bundled family that can (tags and their attributes are left alone)."""
    family = family_of(font)
    if family is None:
        return markup
    out: list[str] = []
    for piece in _TAG.split(markup):
        if not piece or piece.startswith("<") or piece.isascii():
            out.append(piece)
            continue
        out += [_in_face(run, use, family) for run, use in font_runs(piece, family)]
    return "".join(out)


def _in_face(run: str, use: str, family: str) -> str:
    if use == family:
        return run
    register_family(use, ("regular", "bold"))
    return f'<font face="{font_name(use)}">{run}</font>'


@dataclass(frozen=True)
class _Word:
    """A word of a right-to-left paragraph: its markup (tags reopened around each
    piece, so words can be reordered), plain text and width."""

    markup: str
    text: str
    width: float


def _words(markup: str, style: ParagraphStyle) -> list[list[_Word]]:
    """The words of ``markup`` in logical order, in hard lines (``<br/>``)."""
    from reportlab.lib.fonts import tt2ps

    from handouts.render.scripts.shaping import shaped_width

    lines: list[list[_Word]] = [[]]
    stack: list[str] = []
    pieces: list[tuple[str, str, float]] = []  # markup, text, width of the word being read

    def end_word() -> None:
        if pieces:
            lines[-1].append(
                _Word("".join(p[0] for p in pieces), "".join(p[1] for p in pieces), sum(p[2] for p in pieces))
            )
            pieces.clear()

    for token in _TAG.split(markup):
        if not token:
            continue
        if token.startswith("<"):
            name = token.strip("</>").split()[0] if token.strip("</>") else ""
            if name == "br":
                end_word()
                lines.append([])
            elif token.startswith("</"):
                stack.pop() if stack else None
            elif not token.endswith("/>"):
                stack.append(token)
            continue
        faces = [re.search(r'face="([^"]+)"', t) for t in stack if t.startswith("<font")]
        face = faces[-1].group(1) if faces and faces[-1] else style.fontName
        font = tt2ps(face, int(any(t.startswith("<b") for t in stack)), int(any(t.startswith("<i") for t in stack)))
        opening = "".join(stack)
        closing = "".join(f"</{t[1:].split()[0].rstrip('>')}>" for t in reversed(stack))
        for i, part in enumerate(token.split(" ")):
            if i:
                end_word()
            if part:
                text = html.unescape(part)
                part = _digits_for_harfbuzz(part)
                pieces.append((opening + part + closing, text, shaped_width(text, font, style.fontSize)))
    end_word()
    return lines


_ARABIC_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9][\u0660-\u0669\u06f0-\u06f9.,\u066b\u066c]*")


def _digits_for_harfbuzz(part: str) -> str:
    """Arabic-Indic digits are in the Arabic script, so reportlab's HarfBuzz call (which
    guesses the direction from the script) lays a number like ۱۲۸۵ out right to left;
    numbers read left to right, so they are handed over reversed."""
    return _ARABIC_DIGITS.sub(lambda m: m.group(0)[::-1], part)


def _fill(words: list[_Word], first: float, rest: float, space: float) -> list[list[_Word]]:
    """Greedy lines of ``words``: the first ``first`` points wide, the others ``rest``."""
    lines: list[list[_Word]] = [[]]
    used = 0.0
    for word in words:
        room = first if len(lines) == 1 else rest
        if lines[-1] and used + space + word.width > room:
            lines.append([])
            used = 0.0
        used += (space if lines[-1] else 0.0) + word.width
        lines[-1].append(word)
    return [line for line in lines if line]


def actual_text_operator(text: str) -> str:
    """The marked-content operator giving a span its text for copying (UTF-16BE)."""
    return f"/Span <</ActualText <FEFF{text.encode('utf-16-be').hex().upper()}>>> BDC"


class Paragraph(ReportlabParagraph):
    """A reportlab Paragraph that draws, orders and copies every script (see the module)."""

    def __init__(self, text, style=None, bulletText=None, frags=None, caseSensitive=1, encoding="utf8"):  # noqa: ANN001, N803 - reportlab's signature
        self.actual_text: str | None = None
        self.bidi: tuple[list[list[_Word]], bool, ParagraphStyle] | None = None
        self.bidi_width: float | None = None
        self.rtl_bullet: str | None = None  # drawn on the right by draw(): reportlab's RTL bullets need rlbidi
        if text is not None and style is not None and not text.isascii():
            text, style = self._prepare(text, style)
            if bulletText and style.alignment == TA_RIGHT and self.bidi is not None and self.bidi[1]:
                self.rtl_bullet, bulletText = bulletText, None
        elif text is None and frags and style is not None and getattr(style, "shaping", 0):
            self.actual_text = "".join(getattr(f, "text", "") for f in frags)  # a split part of a shaped paragraph
        super().__init__(text, style, bulletText, frags, caseSensitive, encoding)

    def _prepare(self, text: str, style: ParagraphStyle) -> tuple[str, ParagraphStyle]:
        found = profile(text)
        text = with_fallback_fonts(text, style.fontName)
        if not found.complex:
            return text, style
        plain = html.unescape(_TAG.sub(lambda m: " " if m.group(1).startswith("<br") else "", text))
        rtl = bool(first_strong_rtl(plain))
        changes: dict[str, object] = {}
        if found.shaped:
            changes["shaping"] = 1
        if found.cjk and not found.rtl:
            changes["wordWrap"] = "CJK"
        if rtl:  # right-aligned, and a measure's indent moves to the left
            changes["alignment"] = _MIRROR.get(style.alignment, style.alignment)
            changes["leftIndent"], changes["rightIndent"] = style.rightIndent, style.leftIndent
        if found.rtl:
            changes["hyphenationLang"] = ""
        style = ParagraphStyle(f"{style.name}-script", parent=style, **changes)
        if found.shaped and not found.rtl:
            # Conjuncts and reordered vowel signs have no code point of their own. Right-to-left
            # lines get none: their glyphs map to letters (or presentation forms) and text
            # extractors (poppler, pdf.js, pdfium) undo visual order themselves, and would
            # reverse a logical ActualText a second time.
            self.actual_text = " ".join(plain.split())
        if found.rtl:
            self.bidi = (_words(text, style), rtl, style)
        return text, style

    def wrap(self, availWidth, availHeight):  # noqa: ANN001, ANN201, N803 - reportlab's names
        if self.bidi is not None and availWidth != self.bidi_width:
            self._order(availWidth)
        return super().wrap(availWidth, availHeight)

    def _order(self, width: float) -> None:
        """Wrap the words for ``width`` in logical order, then set each line in visual order."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        from handouts.render.scripts.bidi import visual_order

        hard_lines, rtl, style = self.bidi
        inner = width - style.leftIndent - style.rightIndent
        space = stringWidth(" ", style.fontName, style.fontSize)
        lines = [
            line for words in hard_lines for line in (_fill(words, inner - style.firstLineIndent, inner, space) or [[]])
        ]
        self.logical_lines = [" ".join(w.text for w in line) for line in lines]
        markup = "<br/>".join(
            " ".join(w.markup for w in visual_order(line, [w.text for w in line], rtl)) for line in lines
        )
        bidi = self.bidi
        super().__init__(markup, style, self.bulletText, None, self.caseSensitive, self.encoding)
        self.bidi, self.bidi_width = bidi, width

    def split(self, availWidth, availHeight):  # noqa: ANN001, ANN201, N803 - reportlab's names
        parts = super().split(availWidth, availHeight)
        lines = getattr(self, "logical_lines", None)
        if parts and self.rtl_bullet:
            parts[0].rtl_bullet = self.rtl_bullet
        if self.bidi is not None and self.actual_text and lines and len(parts) == 2:
            first = max(1, round(parts[0].wrap(availWidth, availHeight)[1] / self.style.leading))
            parts[0].actual_text, parts[1].actual_text = " ".join(lines[:first]), " ".join(lines[first:])
        return parts

    def draw(self) -> None:
        if self.rtl_bullet:
            self._draw_bullet(self.rtl_bullet)
        if not self.actual_text:
            return super().draw()
        self.canv.addLiteral(actual_text_operator(self.actual_text))
        super().draw()
        self.canv.addLiteral("EMC")
        return None

    def _draw_bullet(self, bullet: str) -> None:
        """A right-to-left item's bullet, mirrored: ``bulletIndent`` from the right edge,
        on the first line's baseline (reportlab puts it on the left)."""
        style, canvas = self.style, self.canv
        canvas.saveState()
        canvas.setFont(style.bulletFontName, style.bulletFontSize)
        canvas.setFillColor(getattr(style, "bulletColor", None) or style.textColor)
        canvas.drawRightString(self.width - style.bulletIndent, self.height - style.fontSize, bullet)
        canvas.restoreState()
