"""Subject markers and pattern swatches, drawn with vector paths.

Subjects must stay distinguishable on a grayscale photocopy, so each gets a
shape (``layout.subject_marker``) and a fill pattern (``layout.subject_pattern``)
on top of its colour. Shared by the handout and (later) the timeline.
"""

from __future__ import annotations

import math

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from .pdf_tags import artifact


def _polygon(canvas: Canvas, points: list[tuple[float, float]], fill: bool, stroke: bool) -> None:
    path = canvas.beginPath()
    path.moveTo(*points[0])
    for point in points[1:]:
        path.lineTo(*point)
    path.close()
    canvas.drawPath(path, fill=int(fill), stroke=int(stroke))


def draw_marker(canvas: Canvas, shape: str, cx: float, cy: float, size: float, fill: str,
                outline: str | None = None) -> None:
    """Draw ``shape`` centred on (cx, cy), ``size`` points across."""
    r = size / 2
    canvas.saveState()
    canvas.setFillColor(HexColor(fill))
    canvas.setStrokeColor(HexColor(outline or fill))
    canvas.setLineWidth(max(0.5, size * 0.08))
    stroke = outline is not None
    if shape == "circle":
        canvas.circle(cx, cy, r, fill=1, stroke=int(stroke))
    elif shape == "square":
        canvas.rect(cx - r * 0.9, cy - r * 0.9, r * 1.8, r * 1.8, fill=1, stroke=int(stroke))
    elif shape == "triangle":
        _polygon(canvas, [(cx - r, cy - r * 0.85), (cx + r, cy - r * 0.85), (cx, cy + r)], True, stroke)
    elif shape == "diamond":
        _polygon(canvas, [(cx, cy + r), (cx + r, cy), (cx, cy - r), (cx - r, cy)], True, stroke)
    elif shape == "star":
        points = [(cx + (r if i % 2 == 0 else r * 0.45) * math.sin(i * math.pi / 5),
                   cy + (r if i % 2 == 0 else r * 0.45) * math.cos(i * math.pi / 5)) for i in range(10)]
        _polygon(canvas, points, True, stroke)
    elif shape == "cross":
        t = r * 0.36
        _polygon(canvas, [(cx - t, cy + r), (cx + t, cy + r), (cx + t, cy + t), (cx + r, cy + t), (cx + r, cy - t),
                          (cx + t, cy - t), (cx + t, cy - r), (cx - t, cy - r), (cx - t, cy - t), (cx - r, cy - t),
                          (cx - r, cy + t), (cx - t, cy + t)], True, stroke)
    elif shape == "ring":
        canvas.setStrokeColor(HexColor(fill))
        canvas.setLineWidth(r * 0.45)
        canvas.circle(cx, cy, r * 0.75, fill=0, stroke=1)
    else:  # bar
        canvas.rect(cx - r, cy - r * 0.4, r * 2, r * 0.8, fill=1, stroke=int(stroke))
    canvas.restoreState()


def draw_pattern(canvas: Canvas, pattern: str, x: float, y: float, w: float, h: float, color: str,
                 background: str = "#FFFFFF") -> None:
    """Fill the rectangle with ``pattern`` in ``color`` and outline it."""
    canvas.saveState()
    canvas.setFillColor(HexColor(background if pattern != "solid" else color))
    canvas.setStrokeColor(HexColor(color))
    canvas.rect(x, y, w, h, fill=1, stroke=0)
    path = canvas.beginPath()
    path.rect(x, y, w, h)
    canvas.clipPath(path, stroke=0, fill=0)
    canvas.setFillColor(HexColor(color))
    step = max(2.5, min(w, h) / 3.2)
    canvas.setLineWidth(max(0.6, step * 0.3))
    span = int((w + h) / step) + 2
    if pattern in ("hatch", "crosshatch"):
        for i in range(-span, span):
            canvas.line(x + i * step, y, x + i * step + h, y + h)
            if pattern == "crosshatch":
                canvas.line(x + i * step, y + h, x + i * step + h, y)
    elif pattern == "stripes":
        for i in range(int(h / step) + 2):
            canvas.rect(x, y + i * step, w, step * 0.45, fill=1, stroke=0)
    elif pattern == "dots":
        for i in range(int(w / step) + 2):
            for j in range(int(h / step) + 2):
                canvas.circle(x + (i + 0.5) * step, y + (j + 0.5) * step, step * 0.24, fill=1, stroke=0)
    elif pattern == "checker":
        for i in range(int(w / step) + 1):
            for j in range(int(h / step) + 1):
                if (i + j) % 2 == 0:
                    canvas.rect(x + i * step, y + j * step, step, step, fill=1, stroke=0)
    canvas.restoreState()
    canvas.saveState()
    canvas.setStrokeColor(HexColor(color))
    canvas.setLineWidth(0.8)
    canvas.rect(x, y, w, h, fill=0, stroke=1)
    canvas.restoreState()


class MarkedText(Flowable):
    """A marker (and optionally a pattern swatch) followed by a paragraph.

    Used where a subject is named: table headers, per-subject paragraphs,
    the subjects block. The marker sits on the paragraph's first line.
    """

    def __init__(self, paragraph: Paragraph, shape: str, fill: str, outline: str | None = None,
                 pattern: str | None = None, pattern_color: str | None = None, size: float | None = None) -> None:
        super().__init__()
        self.paragraph = paragraph
        self.shape, self.fill, self.outline = shape, fill, outline
        self.pattern, self.pattern_color = pattern, pattern_color
        self.size = size or paragraph.style.fontSize * 0.95
        self.indent = self.size * 1.6 + (self.size * 1.9 if pattern else 0)

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self._pw, self._ph = self.paragraph.wrap(max(aw - self.indent, self.size * 3), ah)
        self.width, self.height = aw, max(self._ph, self.size * 1.2)
        return self.width, self.height

    def draw(self) -> None:
        style = self.paragraph.style
        first_line_mid = self.height - style.leading / 2 - (style.fontSize * 0.05)
        x = 0.0
        with artifact(self.canv):  # the name says who it is; the marker is decoration
            if self.pattern:
                draw_pattern(self.canv, self.pattern, 0, first_line_mid - self.size * 0.6, self.size * 1.5,
                             self.size * 1.2, self.pattern_color or self.fill)
                x = self.size * 1.9
            draw_marker(self.canv, self.shape, x + self.size / 2, first_line_mid, self.size, self.fill, self.outline)
        self.paragraph.drawOn(self.canv, self.indent, self.height - self._ph)
