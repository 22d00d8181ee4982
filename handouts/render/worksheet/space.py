"""Writing space: ruled lines sized to the answer they wait for, and the name line.

The worksheet and its answer key draw the same :class:`AnswerSpace`: its
height comes from the answer's text (how long it would be handwritten at
this width), never from whether the answer is shown, so the key lays out
exactly like the student copy and an answer sits where it was left out.
"""

from __future__ import annotations

import copy
import math

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from handouts.layout.models import Layout
from handouts.markup import plain, to_reportlab
from handouts.render.fonts import text_width
from handouts.render.pdf.canvas_text import draw_text
from handouts.render.pdf.paragraph import Paragraph
from handouts.render.pdf.tagging.tags import artifact

HAND = 1.8  # handwriting takes about this many times the printed width
MIN_PITCH = 20.0  # points between writing lines (college ruled, 7 mm) at the least
TICK_SHARE = 1.1  # the answer marker's width, in font sizes


def line_pitch(layout: Layout) -> float:
    """Spacing of the writing lines: the layout's, else twice the table text (large print gets more)."""
    return layout.worksheet.line_pitch or max(MIN_PITCH, layout.sizes.table * 2.0)


def answer_style(base: ParagraphStyle, layout: Layout, pitch: float) -> ParagraphStyle:
    """Answers print on the writing lines (leading = the pitch), italic in the accent colour."""
    return ParagraphStyle(
        "w-answer",
        parent=base,
        fontName=base.fontName,
        leading=pitch,
        textColor=HexColor(layout.colors.accent),
        spaceBefore=0,
        spaceAfter=0,
    )


def draw_tick(canvas, x: float, y: float, size: float, color: str) -> None:  # noqa: ANN001 - a Canvas
    """A check mark (drawn, not a glyph: every font can show it): the answer key's marker."""
    canvas.saveState()
    canvas.setStrokeColor(HexColor(color))
    canvas.setLineWidth(max(0.9, size * 0.14))
    canvas.setLineCap(1)
    canvas.setLineJoin(1)
    path = canvas.beginPath()
    path.moveTo(x, y + size * 0.45)
    path.lineTo(x + size * 0.32, y + size * 0.1)
    path.lineTo(x + size * 0.85, y + size * 0.85)
    canvas.drawPath(path, stroke=1, fill=0)
    canvas.restoreState()


class AnswerSpace(Flowable):
    """Ruled lines for an answer (``show``: with the answer written on them, marked).

    ``answer`` may be empty (a question's open answer): then ``lines`` rules."""

    def __init__(
        self,
        answer: str,
        style: ParagraphStyle,
        layout: Layout,
        show: bool,
        lines: int = 1,
        pitch: float = 0.0,
        most: int = 0,
    ) -> None:
        super().__init__()
        self.answer, self.show, self.min_lines = answer, show, lines
        self.most = most  # at most this many lines when the answer is not shown (0: no limit)
        self.pitch = pitch or line_pitch(layout)
        self.style = answer_style(style, layout, self.pitch)
        self.rule, self.mark = layout.colors.rule, layout.colors.accent
        self.indent = self.style.fontSize * TICK_SHARE
        self.fixed: int | None = None  # a piece split off at a page end has its own line count
        self.part: Paragraph | None = None  # ...and its own piece of the answer
        self.tick = True  # the marker goes on the first piece only

    def _paragraph(self) -> Paragraph:
        return self.part or Paragraph(f"<i>{to_reportlab(self.answer)}</i>", self.style)

    def split(self, aw: float, ah: float) -> list[Flowable]:
        """Two pieces at a page end (a long answer in a narrow column may outgrow a page)."""
        total, first = self.lines_for(aw), int(ah // self.pitch)
        if first < 1 or first >= total:
            return []
        head, tail = self._piece(first), self._piece(total - first)
        tail.tick = False
        if self.show and self.answer:
            para = self._paragraph()
            parts = para.split(self.room(aw), first * self.pitch)
            if len(parts) == 2:
                head.part, tail.part = parts
            elif para.wrap(self.room(aw), 1e6)[1] <= first * self.pitch:
                head.part, tail.answer = para, ""  # it all fits the first piece
            else:
                head.answer, tail.part = "", para  # not one line fits here: all of it goes on
        return [head, tail]

    def room(self, width: float) -> float:
        """The width the answer is written in (the same when measuring, splitting and drawing)."""
        return max(width - self.indent, 1.0)

    def _piece(self, lines: int) -> "AnswerSpace":
        piece = copy.copy(self)
        piece.fixed = lines
        return piece

    def lines_for(self, width: float) -> int:
        """Writing lines this answer needs at ``width``: its handwritten length, and
        never fewer than the printed answer takes (so the key's text fits too)."""
        if self.fixed is not None:
            return self.fixed
        room = self.room(width)
        if not self.answer:
            return self.min_lines
        written = text_width(plain(self.answer), self.style.fontName, self.style.fontSize) * HAND
        _, printed = self._paragraph().wrap(room, 1e6)
        lines = max(self.min_lines, math.ceil(written / room), round(printed / self.pitch))
        return min(lines, max(self.most, self.min_lines)) if self.most and not self.show else lines

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width, self.height = aw, self.lines_for(aw) * self.pitch
        return self.width, self.height

    def baseline(self, line: int) -> float:
        """Where line ``line`` (0 = top) is written: just above its rule."""
        return self.height - (line + 1) * self.pitch + self.pitch * 0.22

    def draw(self) -> None:
        canvas = self.canv
        with artifact(canvas):
            canvas.saveState()
            canvas.setStrokeColor(HexColor(self.rule))
            canvas.setLineWidth(0.6)
            canvas.setDash(1, 1.6)
            for line in range(round(self.height / self.pitch)):
                y = self.baseline(line) - self.pitch * 0.08
                canvas.line(0, y, self.width, y)
            canvas.restoreState()
            if self.show and self.answer and self.tick:
                size = self.style.fontSize
                draw_tick(canvas, 0, self.baseline(0), size * 0.85, self.mark)
        if self.show and self.answer:
            para = self._paragraph()
            _, h = para.wrap(self.room(self.width), 1e6)
            # a paragraph's first baseline sits one font size below its top
            top = self.baseline(0) + self.style.fontSize
            para.drawOn(canvas, self.indent, top - h)


class NameLine(Flowable):
    """ "Name ______  Class ____  Date ____": labels as text, the lines as decoration."""

    SHARES = (0.5, 0.25, 0.25)  # of the width: name, class, date

    def __init__(self, labels: tuple[str, str, str], style: ParagraphStyle, rule: str, pitch: float) -> None:
        super().__init__()
        self.labels, self.style, self.rule, self.pitch = labels, style, rule, pitch

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width, self.height = aw, self.pitch * 1.2
        return self.width, self.height

    def draw(self) -> None:
        canvas, style = self.canv, self.style
        gap = style.fontSize * 0.6
        x, y = 0.0, self.pitch * 0.3
        for label, share in zip(self.labels, self.SHARES):
            room = self.width * share - gap * 2
            canvas.setFont(style.fontName, style.fontSize)
            canvas.setFillColor(style.textColor)
            draw_text(canvas, x, y, label, (style.fontName, style.fontSize, style.textColor))  # any script
            start = x + text_width(label, style.fontName, style.fontSize) + gap
            with artifact(canvas):
                canvas.saveState()
                canvas.setStrokeColor(HexColor(self.rule))
                canvas.setLineWidth(0.7)
                canvas.line(start, y - 2, x + room, y - 2)
                canvas.restoreState()
            x += self.width * share
