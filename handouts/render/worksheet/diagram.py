"""The Venn diagram flowable: circles, subject names, and text fitted into each region.

A region's text follows its shape (:mod:`regionflow`), shrinking from the
table size down to the layout's smallest size; when it still does not fit,
the region keeps as many of its items as fit and shows the numbers of the
rest ("see key 4–9"), which the organizer lists after the diagram, as the
timeline does with crowded markers. Large print fills a region with fewer
items rather than none; a region too small even for that keeps its heading
("All") and the bare numbers. Nothing is ever drawn across a circle.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable

from handouts.colors import tint
from handouts.layout.models import Layout
from handouts.render.fonts import text_width
from handouts.render.pdf.canvas_text import draw_text
from handouts.render.pdf.marks import draw_marker
from handouts.render.pdf.tagging.tags import artifact
from handouts.render.scripts.bidi import visual_order
from handouts.render.worksheet.regionflow import Line, Run, fit
from handouts.render.worksheet.venn import Circle, circles_for, groups
from handouts.scripts import first_strong_rtl

STEP = 0.5  # points between the sizes tried when fitting a region's text
NAME_SCALE = 1.25  # subject names outside the circles, relative to the table size
DASHES = ((), (6, 2.5), (1.5, 2))  # circle outlines differ in grayscale too


@dataclass
class Zone:
    """A region with what it says: a heading ("Both"), its items (runs of text),
    how many of them are drawn in it, and the key number of the first one that is not."""

    members: tuple[int, ...]
    heading: str
    items: list[list[Run]]
    first_number: int = 0  # 0: every item is shown as text
    shown: int = 0  # items drawn in the region (the first ones); the rest are in the key

    @property
    def keyed(self) -> list[list[Run]]:
        """The items listed in the organizer's key (numbered from ``first_number``)."""
        return self.items[self.shown :] if self.first_number else []


class Venn(Flowable):
    """Circles for 2 or 3 subjects in a ``size`` = (width, height) box.

    ``zones`` (in :func:`venn.groups` order) give each region's words; with
    ``filled`` False the same circles carry only the headings, for students.
    Fitting is decided here, once, so the organizer can list what did not fit."""

    def __init__(
        self,
        names: list[str],
        colors: list[str],
        zones: list[Zone],
        layout: Layout,
        fonts: tuple[str, str],
        size: tuple[float, float],
        filled: bool,
    ) -> None:
        super().__init__()
        self.names, self.colors, self.zones, self.layout, self.filled = names, colors, zones, layout, filled
        self.font, self.bold = fonts
        self.width, self.height = size
        self.size = layout.sizes.table
        band = self.size * NAME_SCALE * 2.6  # room for the names above and below
        self.circles = [
            Circle(c.x, c.y + band, c.r) for c in circles_for(len(names), self.width, self.height - 2 * band)
        ]
        assert [z.members for z in zones] == groups(len(names)), "zones come in groups() order"
        number = 1
        self.texts: list[tuple[list[Line], float]] = []
        for zone in zones:
            placed = self._fitted(zone, zone.items if filled else [])
            zone.shown = len(zone.items) if filled else 0
            if placed is None:
                zone.first_number = number
                placed = self._partly(zone)
                number += len(zone.items) - zone.shown
            self.texts.append(placed)

    def _numbers(self, zone: Zone, shown: int) -> tuple[list[list[Run]], ...]:
        """What stands for the items after the first ``shown``: "see key 4–9", else "4–9"."""
        label, count = self.layout.worksheet.labels.see_key, len(zone.items) - shown
        end = zone.first_number + count - 1
        numbers = f"{zone.first_number}\u2013{end}" if end > zone.first_number else str(end)
        return [[Run(label.replace("{numbers}", numbers))]], [[Run(numbers)]]

    def _partly(self, zone: Zone) -> tuple[list[Line], float]:
        """The most leading items that fit with the numbers of the rest (found by
        bisection: one more item never fits better); else the numbers alone, then
        the heading alone, so a region always says what it is."""
        low, high = 0, len(zone.items) - 1  # the items shown: 0 always "fits" (below, if not)
        best = None
        while low <= high:
            middle = (low + high) // 2
            placed = self._fitted(zone, zone.items[:middle] + self._numbers(zone, middle)[0])
            if placed is not None:
                best, low = (middle, placed), middle + 1
            else:
                high = middle - 1
        if best is not None:
            zone.shown = best[0]
            return best[1]
        zone.shown = 0
        for tail in (*self._numbers(zone, 0)[1:], []):
            placed = self._fitted(zone, tail)
            if placed is not None:
                return placed
        return [], self.size

    def measure(self, text: str, bold: bool, size: float) -> float:
        return text_width(text, self.bold if bold else self.font, size)

    def _fitted(self, zone: Zone, items: list[list[Run]]) -> tuple[list[Line], float] | None:
        """The zone's lines at the largest size that fits (None: none does)."""
        paragraphs = ([[Run(zone.heading, True)]] if zone.heading else []) + items
        size, low = self.size, self.layout.sizes.min
        while size >= low - 1e-9:
            lines = fit(self.circles, zone.members, paragraphs, size, self.measure)
            if lines is not None:
                return lines, size
            size -= STEP
        return None

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        fills = self.layout.colors.zebra.upper() != self.layout.colors.background.upper()  # ink saver: none
        with artifact(canvas):
            canvas.saveState()
            if fills:
                canvas.setFillAlpha(0.55)
                for circle, color in zip(self.circles, self.colors):
                    canvas.setFillColor(HexColor(tint(color, 0.9)))
                    canvas.circle(circle.x, circle.y, circle.r, stroke=0, fill=1)
                canvas.setFillAlpha(1)
            canvas.setLineWidth(1.6)
            for i, (circle, color) in enumerate(zip(self.circles, self.colors)):
                canvas.setStrokeColor(HexColor(color))
                canvas.setDash(*DASHES[i % len(DASHES)])
                canvas.circle(circle.x, circle.y, circle.r, stroke=1, fill=0)
            canvas.restoreState()
        for i, circle in enumerate(self.circles):
            self._name(i, circle)
        ink = HexColor(self.layout.colors.text)
        canvas.setFillColor(ink)
        for lines, size in self.texts:
            for line in lines:
                for x, word, bold in self._in_visual_order(line.words, size):
                    font = self.bold if bold else self.font
                    canvas.setFont(font, size)
                    draw_text(canvas, x, line.baseline, word, (font, size, ink))

    def _in_visual_order(self, words: list, size: float) -> list:
        """A line's (x, word, bold) placed in display order: a line with right-to-left
        words shows them from the right (the same start, gaps and total width)."""
        texts = [w[1] for w in words]
        if len(words) < 2 or all(t.isascii() for t in texts):
            return words
        widths = [self.measure(t, b, size) for _, t, b in words]
        gap = words[1][0] - words[0][0] - widths[0]
        x, out = words[0][0], []
        for (_, text, bold), width in visual_order(
            list(zip(words, widths)), texts, bool(first_strong_rtl(" ".join(texts)))
        ):
            out.append((x, text, bold))
            x += width + gap
        return out

    def _name(self, i: int, circle: Circle) -> None:
        """The subject's marker and name outside its circle (above, or below a low circle)."""
        canvas, size, color = self.canv, self.size * NAME_SCALE, self.colors[i]
        centre = sum(c.y for c in self.circles) / len(self.circles)
        above = circle.y >= centre - 1
        y = circle.y + circle.r + size * 0.7 if above else circle.y - circle.r - size * 1.5
        width = text_width(self.names[i], self.bold, size) + size * 1.4
        x = circle.x - width / 2
        with artifact(canvas):
            draw_marker(canvas, self.layout.subject_marker(i), x + size * 0.45, y + size * 0.35, size * 0.9, color)
        canvas.setFont(self.bold, size)
        canvas.setFillColor(HexColor(self.layout.colors.heading))
        draw_text(canvas, x + size * 1.4, y, self.names[i], (self.bold, size, HexColor(self.layout.colors.heading)))
