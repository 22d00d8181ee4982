"""Draw a timeline on a slide with native, editable PowerPoint shapes.

Same model and placement as the PDFs; text is measured with the deck body
font's metric twin (Calibri -> Carlito) so the labels PowerPoint and
LibreOffice lay out land where placement planned them. Everything goes in
one group named "Timeline" so the deck can give it alt text.
"""

from __future__ import annotations

from collections.abc import Callable

from pptx.enum.dml import MSO_PATTERN
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Pt

from handouts.colors import tint
from handouts.fontfiles import DECK_METRIC_TWINS
from handouts.i18n.words import language_of
from handouts.layout.models import Layout
from handouts.markup import plain
from handouts.render.deck import xml_edits
from handouts.render.deck.text import rgb
from handouts.render.fonts import measurer
from handouts.timeline.model import Timeline
from handouts.timeline.parts import split_to_fit
from handouts.timeline.placement import Placement, place, spread
from handouts.units import emu_to_pt, pt_to_emu

# The layout's fill patterns and marker kinds as python-pptx's members.
_PATTERNS = {
    "hatch": MSO_PATTERN.WIDE_UPWARD_DIAGONAL,
    "crosshatch": MSO_PATTERN.DIAGONAL_CROSS,
    "dots": MSO_PATTERN.PERCENT_20,
    "stripes": MSO_PATTERN.NARROW_HORIZONTAL,
    "checker": MSO_PATTERN.SMALL_CHECKER_BOARD,
}
_MARKERS = {
    "circle": MSO_SHAPE.OVAL,
    "square": MSO_SHAPE.RECTANGLE,
    "triangle": MSO_SHAPE.ISOSCELES_TRIANGLE,
    "diamond": MSO_SHAPE.DIAMOND,
    "star": MSO_SHAPE.STAR_5_POINT,
    "cross": MSO_SHAPE.CROSS,
    "ring": MSO_SHAPE.DONUT,
    "bar": MSO_SHAPE.RECTANGLE,
}


SPREAD_MOST = 3.0  # a sparse slide chart's lanes open up by at most this many label sizes


def deck_measure(layout: Layout):
    """``width_of(text, size)`` in points with the deck body font's metric twin."""
    return measurer(DECK_METRIC_TWINS[layout.deck.fonts.body])


def plan_slides(
    timeline: Timeline, layout: Layout, box_w: float, box_h: float, fill: bool = True
) -> list[tuple[Timeline, Placement]]:
    """The timeline on as few slides as fit the body box (points): all lanes
    on one when they fit, else consecutive lanes per slide, each with its own
    axis over the same range and the same event numbers; a lane too tall even
    alone is cut by period (see :mod:`handouts.timeline.parts`). With
    ``fill``, sparse lanes open up to fill the box (else: natural height)."""
    parts = split_to_fit(timeline, lambda part: fit_chart(part, layout, box_w, box_h), box_h)
    return [(part, spread(placed, box_h, most=SPREAD_MOST) if fill else placed) for part, placed in parts]


def fit_chart(part: Timeline, layout: Layout, box_w: float, box_h: float) -> Placement:
    """``part`` placed at the deck's minimum size in a box (points)."""
    size = layout.deck.sizes.min
    return place(part, box_w, deck_measure(layout), size, size, box_h)


def draw_timeline(
    slide,
    left: int,
    top: int,
    width: int,
    height: int,
    timeline: Timeline,
    layout: Layout,
    language: str = "en",
    placement: Placement | None = None,
) -> Placement:
    """Draw into the box (EMU) and return the placement (``.numbered`` tells the
    caller the labels went to a numbered key it should show: see
    :mod:`handouts.render.deck.builders.timeline`). ``placement`` is one :func:`plan_slides` made; without it the
    timeline is placed here, as one part."""
    box_w, box_h = emu_to_pt(width), emu_to_pt(height)
    width_of = deck_measure(layout)
    if placement is None:
        placement = plan_slides(timeline, layout, box_w, box_h)[0][1]
    painter = Painter(slide.shapes, layout, left, top, language, width_of)
    painter.paint(placement, timeline)
    # Grouped once drawn: python-pptx measures a group again after every shape added to it.
    group = slide.shapes.add_group_shape(painter.drawn)
    group.name = "Timeline"
    return placement


class Painter:
    """Maps placement points to EMU and adds each shape to the group (the
    chart's, or the key's: the key's markers are the chart's shapes)."""

    def __init__(
        self, shapes, layout: Layout, left: int, top: int, language: str, width_of: Callable[[str, float], float]
    ) -> None:
        self.shapes, self.layout, self.left, self.top = shapes, layout, left, top
        self.language, self.width_of = language, width_of
        self.drawn: list = []  # the shapes, in drawing order

    def x(self, value: float) -> int:
        return self.left + pt_to_emu(value)

    def y(self, value: float) -> int:
        return self.top + pt_to_emu(value)

    def paint(self, p: Placement, timeline: Timeline) -> None:
        colors, size = self.layout.colors, p.size
        for i, lane in enumerate(p.lanes):
            if i % 2:
                self.rect(0, lane.y, p.width, lane.h, colors.zebra, name=f"Lane band {i + 1}")
            mid = lane.y + lane.h / 2
            self.marker(lane.lane.marker, size * 0.6, mid, size * 0.9, lane.lane.color, f"Lane {lane.title}")
            self.text(
                size * 1.4, mid - size * 0.65, p.plot_left - size * 1.4, size * 1.3, lane.title, size, colors.text
            )
        for lane in p.lanes[1:]:  # lanes ruled apart: a bar's lane reads even on white bands
            self.line(0, lane.y, p.width, lane.y, tint(colors.rule, 0.55), 0.5)
        for tx, _ in p.ticks:
            self.line(tx, 0, tx, p.axis_y, tint(colors.rule, 0.55), 0.5)
        self.line(p.plot_left, p.axis_y, p.plot_right, p.axis_y, colors.rule, 1.0)
        if p.zoom:  # the stretch the next slide shows in detail, bracketed on the axis
            x0, x1 = (p.x(v) for v in p.zoom)
            half = max(0.0, size * 0.5 - (x1 - x0) / 2)
            x0, x1 = x0 - half, x1 + half
            self.line(x0, p.axis_y, x1, p.axis_y, colors.accent, 2.5)
            self.line(x0, p.axis_y, x0, p.axis_y + size * 0.45, colors.accent, 1.5)
            self.line(x1, p.axis_y, x1, p.axis_y + size * 0.45, colors.accent, 1.5)
        for tx, label in p.ticks:
            self.line(tx, p.axis_y, tx, p.axis_y + size * 0.4, colors.rule, 1.0)
            w = self.width_of(label, size) + size
            self.text(tx - w / 2, p.axis_y + size * 0.45, w, size * 1.3, label, size, colors.muted, center=True)
        for label in p.labels:
            if label.has_leader:
                self.line(label.leader_x, label.leader_top, label.leader_x, label.leader_bottom, colors.muted, 0.6)
        for mark in p.marks:
            if mark.is_span:
                self.rect(
                    mark.x0,
                    mark.y - mark.h / 2,
                    mark.x1 - mark.x0,
                    mark.h,
                    mark.color,
                    pattern=mark.pattern,
                    name=f"Span {mark.numbers[0]}",
                    outline=mark.color,
                )
            else:
                self.marker(
                    mark.marker, mark.x0, mark.y, mark.h, mark.color, f"Event {mark.numbers[0]}", light=mark.approximate
                )
        for label in p.labels:
            self.text(
                label.x,
                label.y + (label.h - size * 1.22) / 2,
                label.w + size * 0.3,
                size * 1.25,
                plain(label.text),
                size,
                colors.text,
            )

    # -- shapes ---------------------------------------------------------------
    def rect(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        color: str,
        pattern: str = "solid",
        name: str = "",
        outline: str | None = None,
    ) -> None:
        """A rectangle filled solid, with a hatch pattern, or not at all; no
        shadow; a 0.75 pt ``outline`` or none."""
        shape = self.shapes.add_shape(MSO_SHAPE.RECTANGLE, self.x(x), self.y(y), pt_to_emu(w), pt_to_emu(h))
        self.drawn.append(shape)
        if name:
            shape.name = name
        xml_edits.no_shadow(shape)
        fill = shape.fill
        if pattern in _PATTERNS:
            fill.patterned()
            fill.pattern = _PATTERNS[pattern]
            fill.fore_color.rgb = rgb(color)
            fill.back_color.rgb = rgb(tint(color, 0.8))
        elif pattern == "none":
            fill.background()
        else:
            fill.solid()
            fill.fore_color.rgb = rgb(color)
        shape.line.fill.background()
        if outline:
            shape.line.color.rgb = rgb(outline)
            shape.line.width = pt_to_emu(0.75)

    def marker(self, kind: str, cx: float, cy: float, d: float, color: str, name: str, light: bool = False) -> None:
        w = d * 0.45 if kind == "bar" else d
        h = d * 1.15 if kind == "bar" else d
        shape = self.shapes.add_shape(
            _MARKERS.get(kind, MSO_SHAPE.DIAMOND), self.x(cx - w / 2), self.y(cy - h / 2), pt_to_emu(w), pt_to_emu(h)
        )
        self.drawn.append(shape)
        shape.name = name
        xml_edits.no_shadow(shape)
        shape.fill.solid()
        shape.fill.fore_color.rgb = rgb(tint(color, 0.5) if light else color)
        shape.line.color.rgb = rgb(color)
        shape.line.width = pt_to_emu(0.75)

    def line(self, x0: float, y0: float, x1: float, y1: float, color: str, width: float) -> None:
        """A straight connector from (x0, y0) to (x1, y1)."""
        line = self.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, self.x(x0), self.y(y0), self.x(x1), self.y(y1))
        xml_edits.no_shadow(line)
        self.drawn.append(line)
        line.line.color.rgb = rgb(color)
        line.line.width = pt_to_emu(width)

    def text(
        self, x: float, y: float, w: float, h: float, text: str, size: float, color: str, center: bool = False
    ) -> None:
        """One unwrapped line at ``size``, no insets."""
        box = self.shapes.add_textbox(self.x(x), self.y(y), pt_to_emu(w), pt_to_emu(h))
        self.drawn.append(box)
        frame = box.text_frame
        frame.word_wrap = False
        frame.auto_size = MSO_AUTO_SIZE.NONE
        frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
        frame.vertical_anchor = MSO_ANCHOR.TOP
        paragraph = frame.paragraphs[0]
        paragraph.alignment = PP_ALIGN.CENTER if center else PP_ALIGN.LEFT
        run = paragraph.add_run()
        xml_edits.run_language(run, language_of(text) or self.language)
        run.text = text
        run.font.size = Pt(size)
        run.font.color.rgb = rgb(color)
        run.font.name = self.layout.deck.fonts.body
