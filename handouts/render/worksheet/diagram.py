"""The Venn diagram flowable: circles, subject names, and text fitted into each region.

A region's text is laid into the box :mod:`venn` found inside it, shrinking
from the table size down to the layout's smallest size; when it still does
not fit, the region shows the numbers of its items ("4–9") and the
organizer lists them after the diagram, as the timeline does with crowded
markers. Nothing is ever drawn across a circle.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from handouts.colors import tint
from handouts.layout.models import Layout
from handouts.markup import escape
from handouts.render.pdf.marks import draw_marker
from handouts.render.pdf.tags import artifact
from handouts.render.worksheet.venn import Box, Circle, circles_for, regions

STEP = 0.5  # points between the sizes tried when fitting a region's text
LABEL_SHARE = 1.9  # of the subject-name size: the band kept above/below the circles for names


@dataclass
class Zone:
    """A region with what it says: a heading ("Both"), item texts (reportlab markup),
    and, when they do not fit, the number of its first item in the organizer's key."""

    members: tuple[int, ...]
    heading: str
    items: list[str]
    first_number: int = 0  # 0: the items are shown as text


class Venn(Flowable):
    """Circles for 2 or 3 subjects in a ``width`` x ``height`` box.

    ``zones`` (in :func:`venn.regions` order) give each region's words;
    ``filled`` False draws the same diagram with only the headings, for
    students to fill in. Fitting is decided here, once: the zones whose items
    did not fit carry their key numbers afterwards."""

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
        band = self.size * LABEL_SHARE * 1.25
        self.circles = [
            Circle(c.x, c.y + band, c.r) for c in circles_for(len(names), self.width, self.height - 2 * band)
        ]
        self.regions = regions(self.circles)
        number = 1
        self.texts: list[list[Paragraph]] = []
        for zone, region in zip(zones, self.regions):
            paras = self.fitted(zone, region.box)
            if paras is None:
                zone.first_number, number = number, number + len(zone.items)
                paras = self.numbered(zone, region.box)
            self.texts.append(paras)

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    # -- fitting -------------------------------------------------------------
    def fitted(self, zone: Zone, box: Box) -> list[Paragraph] | None:
        """The zone's paragraphs at the largest size that fits ``box`` (None: none does)."""
        size, low = self.size, self.layout.sizes.min
        texts = zone.items if self.filled else []
        while size >= low:
            paras = self._paragraphs(zone.heading, texts, size)
            if _fits(paras, box):
                return paras
            size -= STEP
        return None if texts else self._paragraphs(zone.heading, [], low)

    def numbered(self, zone: Zone, box: Box) -> list[Paragraph]:
        """The heading and "see key 4–9" at the smallest size (numbers are short: they fit)."""
        last = zone.first_number + len(zone.items) - 1
        numbers = f"{zone.first_number}\u2013{last}" if last > zone.first_number else str(last)
        paras = self._paragraphs(zone.heading, [], self.layout.sizes.min)
        style = ParagraphStyle("w-venn-numbers", parent=paras[0].style if paras else None, fontName=self.font)
        text = self.layout.worksheet.labels.see_key.replace("{numbers}", numbers)
        return paras + [Paragraph(escape(text), style)]

    def _paragraphs(self, heading: str, texts: list[str], size: float) -> list[Paragraph]:
        base = ParagraphStyle(
            "w-venn",
            fontName=self.font,
            fontSize=size,
            leading=size * 1.2,
            spaceAfter=size * 0.35,
            textColor=HexColor(self.layout.colors.text),
            splitLongWords=1,
        )
        head = ParagraphStyle("w-venn-head", parent=base, fontName=self.bold, alignment=1)
        bullet = ParagraphStyle("w-venn-item", parent=base, leftIndent=size * 0.9, bulletIndent=0)
        out = [Paragraph(escape(heading), head)] if heading else []
        return out + [Paragraph(t, bullet, bulletText="\u2022") for t in texts]

    # -- drawing -------------------------------------------------------------
    def draw(self) -> None:
        canvas, layout = self.canv, self.layout
        colors = self.colors
        fills = layout.colors.zebra.upper() != layout.colors.background.upper()  # ink saver: no fills
        with artifact(canvas):
            canvas.saveState()
            for circle, color in zip(self.circles, colors):
                if fills:
                    canvas.setFillColor(HexColor(tint(color, 0.9)))
                    canvas.setFillAlpha(0.55)
                    canvas.circle(circle.x, circle.y, circle.r, stroke=0, fill=1)
            canvas.setFillAlpha(1)
            for i, (circle, color) in enumerate(zip(self.circles, colors)):
                canvas.setStrokeColor(HexColor(color))
                canvas.setLineWidth(1.6)
                canvas.setDash(*((), (6, 2.5), (1.5, 2))[i % 3])
                canvas.circle(circle.x, circle.y, circle.r, stroke=1, fill=0)
            canvas.restoreState()
        for i, (circle, color) in enumerate(zip(self.circles, colors)):
            self._name(i, circle, color)
        for paras, region in zip(self.texts, self.regions):
            box = region.box
            height = _height(paras, box)
            y = box.y + box.h - (box.h - height) / 2  # centred in the box
            for para in paras:
                _, h = para.wrap(box.w, box.h)
                para.drawOn(canvas, box.x, y - h)
                y -= h + para.getSpaceAfter()

    def _name(self, i: int, circle: Circle, color: str) -> None:
        """The subject's marker and name outside its circle (above, or below for a low circle)."""
        canvas, size = self.canv, self.size * 1.25
        centre = sum(c.y for c in self.circles) / len(self.circles)
        above = circle.y >= centre - 1
        y = circle.y + circle.r + size * 0.6 if above else circle.y - circle.r - size * 1.4
        width = canvas.stringWidth(self.names[i], self.bold, size) + size * 1.4
        x = circle.x - width / 2
        with artifact(canvas):
            draw_marker(canvas, self.layout.subject_marker(i), x + size * 0.45, y + size * 0.35, size * 0.9, color)
        canvas.setFont(self.bold, size)
        canvas.setFillColor(HexColor(self.layout.colors.heading))
        canvas.drawString(x + size * 1.4, y, self.names[i])


def _height(paras: list[Paragraph], box: Box) -> float:
    return sum(p.wrap(box.w, box.h)[1] + p.getSpaceAfter() for p in paras) - (paras[-1].getSpaceAfter() if paras else 0)


def _fits(paras: list[Paragraph], box: Box) -> bool:
    """Every line within the box's width (no word wider than it) and the whole within its height."""
    if _height(paras, box) > box.h:
        return False
    for p in paras:
        indent = p.style.leftIndent
        if any(w > box.w - indent + 0.01 for w in p.getActualLineWidths0()):
            return False
    return True
