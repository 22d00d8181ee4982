"""Draw a timeline on a slide with native, editable python-pptx shapes.

Same model and placement as the PDFs; text is measured with the deck body
font's metric twin (Calibri -> Carlito) so the labels PowerPoint and
LibreOffice lay out land where placement planned them. Everything goes in
one group named "Timeline" so the deck can give it alt text.
"""

from __future__ import annotations

from typing import Any, Callable

from ..colors import tint
from ..fontfiles import DECK_METRIC_TWINS
from ..layout.models import Layout
from ..markup import escape, escape_attr, plain
from ..timeline.model import Timeline
from ..timeline.placement import Placement, place, spread
from ..units import emu_to_pt, pt_to_emu
from .deck_text import rgb
from .pdf_fonts import measurer

_PATTERNS = {"hatch": "WIDE_UPWARD_DIAGONAL", "crosshatch": "DIAGONAL_CROSS", "dots": "PERCENT_20",
             "stripes": "NARROW_HORIZONTAL", "checker": "SMALL_CHECKER_BOARD"}
_MARKERS = {"circle": "OVAL", "square": "RECTANGLE", "triangle": "ISOSCELES_TRIANGLE", "diamond": "DIAMOND",
            "star": "STAR_5_POINT", "cross": "CROSS", "ring": "DONUT", "bar": "RECTANGLE"}


def deck_measure(layout: Layout):
    """``width_of(text, size)`` in points with the deck body font's metric twin."""
    return measurer(DECK_METRIC_TWINS[layout.deck.fonts.body])


def draw_timeline(slide: Any, left: int, top: int, width: int, height: int, timeline: Timeline,
                  layout: Layout, language: str = "en") -> Placement:
    """Draw into the box (EMU) and return the placement (``.numbered`` tells the
    caller the labels went to a numbered key it should show, e.g. on the next slide)."""
    size = layout.deck.sizes.min
    box_w, box_h = emu_to_pt(width), emu_to_pt(height)
    width_of = deck_measure(layout)
    placement = place(timeline, box_w, width_of, size, size, available_height=box_h)
    placement = spread(placement, box_h, most=3.0)
    group = slide.shapes.add_group_shape()
    group.name = "Timeline"
    shapes = group.shapes
    shapes.turbo_add_enabled = True  # ids counted on from the group's (see DeckWriter.new_slide)
    # python-pptx re-measures every child after each added shape (quadratic: ~35 ms for
    # a 50-shape timeline); the extents depend only on the children, so measure once.
    shapes._recalculate_extents = lambda: None
    _Painter(shapes, layout, left, top, language, width_of).paint(placement, timeline)
    if len(shapes):
        group._element.recalculate_extents()
    if slide.shapes.turbo_add_enabled:
        slide.shapes.turbo_add_enabled = True  # count on from the group's children
    return placement


class _Painter:
    """Maps placement points to EMU inside the group and adds the shapes."""

    def __init__(self, shapes: Any, layout: Layout, left: int, top: int, language: str,
                 width_of: Callable[[str, float], float]) -> None:
        self.shapes, self.layout, self.left, self.top = shapes, layout, left, top
        self.language, self.width_of = language, width_of

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
            self.text(size * 1.4, mid - size * 0.65, p.plot_left - size * 1.4, size * 1.3, lane.title, size,
                      colors.text)
        for tx, _ in p.ticks:
            self.line(tx, 0, tx, p.axis_y, tint(colors.rule, 0.55), 0.5)
        self.line(p.plot_left, p.axis_y, p.plot_right, p.axis_y, colors.rule, 1.0)
        for tx, label in p.ticks:
            self.line(tx, p.axis_y, tx, p.axis_y + size * 0.4, colors.rule, 1.0)
            w = self.width_of(label, size) + size
            self.text(tx - w / 2, p.axis_y + size * 0.45, w, size * 1.3, label, size, colors.muted, center=True)
        for label in p.labels:
            if label.has_leader:
                self.line(label.leader_x, label.leader_top, label.leader_x, label.leader_bottom, colors.muted, 0.6)
        for mark in p.marks:
            if mark.is_span:
                shape = self.rect(mark.x0, mark.y - mark.h / 2, mark.x1 - mark.x0, mark.h, mark.color,
                                  pattern=mark.pattern, name=f"Span {mark.numbers[0]}")
                shape.line.color.rgb = rgb(mark.color)
                shape.line.width = pt_to_emu(0.75)
            else:
                self.marker(mark.marker, mark.x0, mark.y, mark.h, mark.color, f"Event {mark.numbers[0]}",
                            light=mark.approximate)
        for label in p.labels:
            self.text(label.x, label.y + (label.h - size * 1.22) / 2, label.w + size * 0.3, size * 1.25,
                      plain(label.text), size, colors.text)

    def rect(self, x: float, y: float, w: float, h: float, color: str, pattern: str = "solid",
             name: str = "") -> Any:
        from pptx.enum.dml import MSO_PATTERN
        from pptx.enum.shapes import MSO_SHAPE

        shape = self.shapes.add_shape(MSO_SHAPE.RECTANGLE, self.x(x), self.y(y), pt_to_emu(w), pt_to_emu(h))
        shape.name = name or shape.name
        shape.shadow.inherit = False
        if pattern in _PATTERNS:
            shape.fill.patterned()
            shape.fill.pattern = getattr(MSO_PATTERN, _PATTERNS[pattern])
            shape.fill.fore_color.rgb = rgb(color)
            shape.fill.back_color.rgb = rgb(tint(color, 0.8))
        elif pattern == "none":
            shape.fill.background()
        else:
            shape.fill.solid()
            shape.fill.fore_color.rgb = rgb(color)
        shape.line.fill.background()
        return shape

    def marker(self, kind: str, cx: float, cy: float, d: float, color: str, name: str, light: bool = False) -> None:
        from pptx.enum.shapes import MSO_SHAPE

        w = d * 0.45 if kind == "bar" else d
        h = d * 1.15 if kind == "bar" else d
        shape = self.shapes.add_shape(getattr(MSO_SHAPE, _MARKERS.get(kind, "DIAMOND")), self.x(cx - w / 2),
                                      self.y(cy - h / 2), pt_to_emu(w), pt_to_emu(h))
        shape.name = name
        shape.shadow.inherit = False
        shape.fill.solid()
        shape.fill.fore_color.rgb = rgb(tint(color, 0.5) if light else color)
        shape.line.color.rgb = rgb(color)
        shape.line.width = pt_to_emu(0.75)

    def line(self, x0: float, y0: float, x1: float, y1: float, color: str, width: float) -> None:
        from pptx.enum.shapes import MSO_CONNECTOR

        line = self.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, self.x(x0), self.y(y0), self.x(x1), self.y(y1))
        line.line.color.rgb = rgb(color)
        line.line.width = pt_to_emu(width)

    def text(self, x: float, y: float, w: float, h: float, text: str, size: float, color: str,
             center: bool = False) -> None:
        """One unwrapped line: parsed from the XML python-pptx's add_textbox and
        text-frame properties would leave (one parse instead of a dozen calls)."""
        from pptx.util import Pt

        from .deck_text import add_shape_xml

        run_text = escape(text)  # source text arrives without control characters (cleaned on load)
        add_shape_xml(self.shapes, None, (
            f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr><p:txBody>'
            f'<a:bodyPr wrap="none" lIns="0" rIns="0" tIns="0" bIns="0" anchor="t"><a:noAutofit/></a:bodyPr>'
            f'<a:lstStyle/><a:p><a:pPr algn="{"ctr" if center else "l"}"/><a:r>'
            f'<a:rPr lang="{escape_attr(self.language)}" sz="{Pt(size).centipoints}">'
            f'<a:solidFill><a:srgbClr val="{color.lstrip("#").upper()}"/></a:solidFill>'
            f'<a:latin typeface="{escape_attr(self.layout.deck.fonts.body)}"/></a:rPr><a:t>{run_text}</a:t></a:r>'
            f'</a:p></p:txBody>'), (self.x(x), self.y(y), pt_to_emu(w), pt_to_emu(h)), text_box=True)
