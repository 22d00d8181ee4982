"""Draw a timeline on a slide with native, editable PowerPoint shapes.

Same model and placement as the PDFs; text is measured with the deck body
font's metric twin (Calibri -> Carlito) so the labels PowerPoint and
LibreOffice lay out land where placement planned them. Everything goes in
one group named "Timeline" so the deck can give it alt text.

The group is written as XML text and parsed once: the elements python-pptx's
``add_group_shape``/``add_shape``/``add_connector``/``add_textbox`` and the
fill, line and shadow properties would leave, attribute for attribute (same
ids and names too), without python-pptx re-measuring the group after every
shape and searching the tree for every property (~8 ms of a deck).
``tests/test_deck_xml.py`` draws the same shapes through python-pptx's API
and compares, so a python-pptx change shows up there.
"""

from __future__ import annotations

from typing import Callable

from handouts.colors import tint
from handouts.fontfiles import DECK_METRIC_TWINS
from handouts.layout.models import Layout
from handouts.markup import escape, escape_attr, plain
from handouts.timeline.model import Timeline
from handouts.timeline.placement import Placement, place, spread
from handouts.units import emu_to_pt, pt_to_emu
from handouts.render.fonts import measurer

# python-pptx's MSO_PATTERN / MSO_SHAPE members and the OOXML presets they write.
_PATTERNS = {"hatch": "wdUpDiag", "crosshatch": "diagCross", "dots": "pct20",  # WIDE_UPWARD_DIAGONAL,
             "stripes": "narHorz", "checker": "smCheck"}  # DIAGONAL_CROSS, PERCENT_20, ...
_MARKERS = {"circle": "ellipse", "square": "rect", "triangle": "triangle", "diamond": "diamond",  # OVAL, ...
            "star": "star5", "cross": "plus", "ring": "donut", "bar": "rect"}
_NS = ('xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
       'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
# The theme references python-pptx gives an autoshape and a connector.
_SHAPE_STYLE = ('<p:style><a:lnRef idx="1"><a:schemeClr val="accent1"/></a:lnRef><a:fillRef idx="3">'
                '<a:schemeClr val="accent1"/></a:fillRef><a:effectRef idx="2"><a:schemeClr val="accent1"/>'
                '</a:effectRef><a:fontRef idx="minor"><a:schemeClr val="lt1"/></a:fontRef></p:style>'
                '<p:txBody><a:bodyPr rtlCol="0" anchor="ctr"/><a:lstStyle/><a:p><a:pPr algn="ctr"/></a:p>'
                '</p:txBody>')
_LINE_STYLE = ('<p:style><a:lnRef idx="2"><a:schemeClr val="accent1"/></a:lnRef><a:fillRef idx="0">'
               '<a:schemeClr val="accent1"/></a:fillRef><a:effectRef idx="1"><a:schemeClr val="accent1"/>'
               '</a:effectRef><a:fontRef idx="minor"><a:schemeClr val="tx1"/></a:fontRef></p:style>')


def deck_measure(layout: Layout):
    """``width_of(text, size)`` in points with the deck body font's metric twin."""
    return measurer(DECK_METRIC_TWINS[layout.deck.fonts.body])


def draw_timeline(slide, left: int, top: int, width: int, height: int, timeline: Timeline,
                  layout: Layout, language: str = "en") -> Placement:
    """Draw into the box (EMU) and return the placement (``.numbered`` tells the
    caller the labels went to a numbered key it should show, e.g. on the next slide)."""
    from pptx.oxml import parse_xml

    size = layout.deck.sizes.min
    box_w, box_h = emu_to_pt(width), emu_to_pt(height)
    width_of = deck_measure(layout)
    placement = place(timeline, box_w, width_of, size, size, available_height=box_h)
    placement = spread(placement, box_h, most=3.0)
    shapes = slide.shapes
    group_id = shapes._next_shape_id  # python-pptx's own rule: the slide's highest id + 1
    painter = _Painter(layout, left, top, language, width_of, group_id + 1)
    painter.paint(placement, timeline)
    # The group's extents are its children's (python-pptx's recalculate_extents).
    x0, y0, x1, y1 = painter.extents()
    group = parse_xml(
        f'<p:grpSp {_NS}><p:nvGrpSpPr><p:cNvPr id="{group_id}" name="Timeline"/><p:cNvGrpSpPr/><p:nvPr/>'
        f'</p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="{x0}" y="{y0}"/><a:ext cx="{x1 - x0}" cy="{y1 - y0}"/>'
        f'<a:chOff x="{x0}" y="{y0}"/><a:chExt cx="{x1 - x0}" cy="{y1 - y0}"/></a:xfrm></p:grpSpPr>'
        f'{"".join(painter.xml)}</p:grpSp>')
    shapes._spTree.insert_element_before(group, "p:extLst")
    if shapes.turbo_add_enabled:  # python-pptx's id counter (see deck_copies) counts on after the children
        shapes._cached_max_shape_id = painter.next_id - 1
    return placement


class _Painter:
    """Maps placement points to EMU inside the group and writes each shape's XML."""

    def __init__(self, layout: Layout, left: int, top: int, language: str,
                 width_of: Callable[[str, float], float], first_id: int) -> None:
        self.layout, self.left, self.top = layout, left, top
        self.language, self.width_of = language, width_of
        self.next_id = first_id
        self.xml: list[str] = []
        self.boxes: list[tuple[int, int, int, int]] = []

    def x(self, value: float) -> int:
        return self.left + pt_to_emu(value)

    def y(self, value: float) -> int:
        return self.top + pt_to_emu(value)

    def extents(self) -> tuple[int, int, int, int]:
        """(left, top, right, bottom) of all shapes drawn; zeros when none."""
        if not self.boxes:
            return 0, 0, 0, 0
        return (min(b[0] for b in self.boxes), min(b[1] for b in self.boxes),
                max(b[0] + b[2] for b in self.boxes), max(b[1] + b[3] for b in self.boxes))

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
                self.rect(mark.x0, mark.y - mark.h / 2, mark.x1 - mark.x0, mark.h, mark.color,
                          pattern=mark.pattern, name=f"Span {mark.numbers[0]}", outline=mark.color)
            else:
                self.marker(mark.marker, mark.x0, mark.y, mark.h, mark.color, f"Event {mark.numbers[0]}",
                            light=mark.approximate)
        for label in p.labels:
            self.text(label.x, label.y + (label.h - size * 1.22) / 2, label.w + size * 0.3, size * 1.25,
                      plain(label.text), size, colors.text)

    # -- shapes ---------------------------------------------------------------
    def _shape(self, kind: str, name: str | None, box: tuple[int, int, int, int], body: str,
               flip: str = "") -> None:
        """One ``p:sp`` (``kind`` "sp", "tb" for a text box) or ``p:cxnSp`` ("cxn")
        with python-pptx's default name when ``name`` is None."""
        shape_id = self.next_id
        self.next_id += 1
        left, top, width, height = box
        self.boxes.append(box)
        xfrm = f'<a:xfrm{flip}><a:off x="{left}" y="{top}"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>'
        if kind == "cxn":
            name = name or f"Connector {shape_id - 1}"
            self.xml.append(f'<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="{shape_id}" name="{escape_attr(name)}"/>'
                            f'<p:cNvCxnSpPr/><p:nvPr/></p:nvCxnSpPr><p:spPr>{xfrm}{body}</p:cxnSp>')
            return
        flag = ' txBox="1"' if kind == "tb" else ""
        name = name or f"{'TextBox' if kind == 'tb' else 'Rectangle'} {shape_id - 1}"
        self.xml.append(f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{escape_attr(name)}"/>'
                        f'<p:cNvSpPr{flag}/><p:nvPr/></p:nvSpPr><p:spPr>{xfrm}{body}</p:sp>')

    def rect(self, x: float, y: float, w: float, h: float, color: str, pattern: str = "solid",
             name: str = "", outline: str | None = None) -> None:
        """A rectangle filled solid, with a hatch pattern, or not at all; no
        shadow; a 0.75 pt ``outline`` or none."""
        if pattern in _PATTERNS:
            fill = (f'<a:pattFill prst="{_PATTERNS[pattern]}"><a:fgClr>{_rgb(color)}</a:fgClr>'
                    f'<a:bgClr>{_rgb(tint(color, 0.8))}</a:bgClr></a:pattFill>')
        elif pattern == "none":
            fill = "<a:noFill/>"
        else:
            fill = f"<a:solidFill>{_rgb(color)}</a:solidFill>"
        line = (f'<a:ln w="{pt_to_emu(0.75)}"><a:solidFill>{_rgb(outline)}</a:solidFill></a:ln>' if outline
                else "<a:ln><a:noFill/></a:ln>")
        self._shape("sp", name or None, (self.x(x), self.y(y), pt_to_emu(w), pt_to_emu(h)),
                    f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{fill}{line}<a:effectLst/></p:spPr>'
                    f'{_SHAPE_STYLE}')

    def marker(self, kind: str, cx: float, cy: float, d: float, color: str, name: str, light: bool = False) -> None:
        w = d * 0.45 if kind == "bar" else d
        h = d * 1.15 if kind == "bar" else d
        fill = tint(color, 0.5) if light else color
        self._shape("sp", name, (self.x(cx - w / 2), self.y(cy - h / 2), pt_to_emu(w), pt_to_emu(h)),
                    f'<a:prstGeom prst="{_MARKERS.get(kind, "diamond")}"><a:avLst/></a:prstGeom>'
                    f'<a:solidFill>{_rgb(fill)}</a:solidFill><a:ln w="{pt_to_emu(0.75)}"><a:solidFill>'
                    f'{_rgb(color)}</a:solidFill></a:ln><a:effectLst/></p:spPr>{_SHAPE_STYLE}')

    def line(self, x0: float, y0: float, x1: float, y1: float, color: str, width: float) -> None:
        """A straight connector from (x0, y0) to (x1, y1), flipped as python-pptx does."""
        bx, by, ex, ey = self.x(x0), self.y(y0), self.x(x1), self.y(y1)
        flip = (' flipH="1"' if bx > ex else "") + (' flipV="1"' if by > ey else "")
        self._shape("cxn", None, (min(bx, ex), min(by, ey), abs(ex - bx), abs(ey - by)),
                    f'<a:prstGeom prst="line"><a:avLst/></a:prstGeom><a:ln w="{pt_to_emu(width)}"><a:solidFill>'
                    f'{_rgb(color)}</a:solidFill></a:ln></p:spPr>{_LINE_STYLE}', flip)

    def text(self, x: float, y: float, w: float, h: float, text: str, size: float, color: str,
             center: bool = False) -> None:
        """One unwrapped line at ``size``, no insets."""
        from pptx.util import Pt

        run_text = escape(text)  # source text arrives without control characters (cleaned on load)
        self._shape("tb", None, (self.x(x), self.y(y), pt_to_emu(w), pt_to_emu(h)), (
            f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr><p:txBody>'
            f'<a:bodyPr wrap="none" lIns="0" rIns="0" tIns="0" bIns="0" anchor="t"><a:noAutofit/></a:bodyPr>'
            f'<a:lstStyle/><a:p><a:pPr algn="{"ctr" if center else "l"}"/><a:r>'
            f'<a:rPr lang="{escape_attr(self.language)}" sz="{Pt(size).centipoints}">'
            f'<a:solidFill>{_rgb(color)}</a:solidFill>'
            f'<a:latin typeface="{escape_attr(self.layout.deck.fonts.body)}"/></a:rPr><a:t>{run_text}</a:t></a:r>'
            f'</a:p></p:txBody>'))


def _rgb(color: str) -> str:
    return f'<a:srgbClr val="{color.lstrip("#").upper()}"/>'
