"""Subject markers and pattern swatches, drawn with vector paths.

Subjects must stay distinguishable on a grayscale photocopy, so each gets a
shape (``layout.subject_marker``) and a fill pattern (``layout.subject_pattern``)
on top of its colour. Shared by the handout and the timeline, so a subject's
marker looks the same in its card, the table header and its timeline lane.
"""

from __future__ import annotations

import math

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from handouts.colors import tint
from handouts.render.pdf.paragraph import Paragraph
from handouts.render.pdf.tagging.tags import artifact


def draw_marker(
    canvas: Canvas, shape: str, cx: float, cy: float, size: float, color: str, dashed: bool = False
) -> None:
    """One marker shape centred at (cx, cy), ``size`` across: the same drawing in
    subject cards, table headers and timelines. ``dashed``: an approximate date."""
    r = size / 2
    canvas.saveState()
    canvas.setFillColor(color)
    canvas.setStrokeColor(color)
    canvas.setLineWidth(0.6)
    fill = 1
    if dashed:  # approximate date: a lighter marker with a dashed outline
        canvas.setFillColor(tint(color, 0.55))
        canvas.setDash(1.2, 0.9)
    path = canvas.beginPath()
    if shape == "circle":
        path.circle(cx, cy, r)
    elif shape == "ring":
        canvas.setLineWidth(size * 0.28)
        path.circle(cx, cy, r * 0.78)
        fill = 0
    elif shape == "square":
        path.rect(cx - r * 0.88, cy - r * 0.88, r * 1.76, r * 1.76)
    elif shape == "bar":
        path.rect(cx - r * 0.4, cy - r * 1.1, r * 0.8, r * 2.2)
    else:
        _polygon(path, _POLYGONS.get(shape, _POLYGONS["diamond"]), cx, cy, r)
    canvas.drawPath(path, stroke=1, fill=fill)
    canvas.restoreState()


def _polygon(path, points: tuple[tuple[float, float], ...], cx: float, cy: float, r: float) -> None:
    path.moveTo(cx + points[0][0] * r, cy + points[0][1] * r)
    for px, py in points[1:]:
        path.lineTo(cx + px * r, cy + py * r)
    path.close()


_POLYGONS: dict[str, tuple[tuple[float, float], ...]] = {
    "triangle": ((0, 1.1), (1.05, -0.8), (-1.05, -0.8)),
    "diamond": ((0, 1.15), (1.0, 0), (0, -1.15), (-1.0, 0)),
    "cross": (
        (-0.33, 1),
        (0.33, 1),
        (0.33, 0.33),
        (1, 0.33),
        (1, -0.33),
        (0.33, -0.33),
        (0.33, -1),
        (-0.33, -1),
        (-0.33, -0.33),
        (-1, -0.33),
        (-1, 0.33),
        (-0.33, 0.33),
    ),
    "star": tuple(
        (
            math.sin(k * math.pi / 5) * (1.2 if k % 2 == 0 else 0.5),
            math.cos(k * math.pi / 5) * (1.2 if k % 2 == 0 else 0.5) - 0.1,
        )
        for k in range(10)
    ),
}


def draw_pattern(
    canvas: Canvas, pattern: str, x: float, y: float, w: float, h: float, color: str, background: str = "#FFFFFF"
) -> None:
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

    def __init__(self, paragraph: Paragraph, shape: str, fill: str, pattern: str | None = None) -> None:
        super().__init__()
        self.paragraph = paragraph
        self.shape, self.fill, self.pattern = shape, fill, pattern
        self.size = paragraph.style.fontSize * 0.95
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
                draw_pattern(
                    self.canv,
                    self.pattern,
                    0,
                    first_line_mid - self.size * 0.6,
                    self.size * 1.5,
                    self.size * 1.2,
                    self.fill,
                )
                x = self.size * 1.9
            draw_marker(self.canv, self.shape, x + self.size / 2, first_line_mid, self.size, self.fill)
        self.paragraph.drawOn(self.canv, self.indent, self.height - self._ph)
