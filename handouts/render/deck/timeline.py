"""Draw a timeline on a slide with native, editable PowerPoint shapes.

Same model and placement as the PDFs; text is measured with the deck body
font's metric twin (Calibri -> Carlito) so the labels PowerPoint and
LibreOffice lay out land where placement planned them. Everything goes in
one group named "Timeline" so the deck can give it alt text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pptx import Presentation
from pptx.enum.dml import MSO_PATTERN
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Pt

from handouts.caches import memoize
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
from handouts.timeline.placement import Attempts, Placement, spread
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
    timeline: Timeline, layout: Layout, box_w: float, box_h: float, fill: bool = True, fits: ChartFits | None = None
) -> list[tuple[Timeline, Placement]]:
    """The timeline on as few slides as fit the body box (points): all lanes
    on one when they fit, else consecutive lanes per slide, each with its own
    axis over the same range and the same event numbers; a lane too tall even
    alone is cut by period (see :mod:`handouts.timeline.parts`). With
    ``fill``, sparse lanes open up to fill the box (else: natural height)."""
    fits = fits or ChartFits(layout)
    parts = split_to_fit(timeline, lambda part: fits(part, box_w, box_h), box_h)
    return [(part, spread(placed, box_h, most=SPREAD_MOST) if fill else placed) for part, placed in parts]


def fit_chart(part: Timeline, layout: Layout, box_w: float, box_h: float) -> Placement:
    """``part`` placed at the deck's minimum size in a box (points)."""
    return ChartFits(layout)(part, box_w, box_h)


class ChartFits:
    """Charts placed at the deck's minimum size for one deck's timeline
    slides: ``fits(part, width, height)``. Each part's attempts at one width
    are made once (:class:`~handouts.timeline.placement.Attempts`), however
    many heights a slide's plan asks of it."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self._attempts: dict[tuple[int, float], tuple[Timeline, Attempts]] = {}

    def __call__(self, part: Timeline, box_w: float, box_h: float) -> Placement:
        key = (id(part), box_w)
        found = self._attempts.get(key)
        if found is None or found[0] is not part:  # the part is kept, so its id is not reused meanwhile
            size = self.layout.deck.sizes.min
            found = self._attempts[key] = (part, Attempts(part, box_w, deck_measure(self.layout), size, size))
        return found[1].fit(box_h)


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
    painter = Painter(layout, left, top, language, width_of)
    painter.paint(placement, timeline)
    painter.group(slide, "Timeline")
    return placement


@dataclass(frozen=True)
class Look:
    """What a chart's shape looks like, apart from where it is and what it
    says: one look is drawn once with python-pptx's API (:func:`look_element`)
    and stamped wherever a shape of it goes (:mod:`handouts.render.deck.xml_edits.stamps`)."""

    kind: str  # "rect", "line", "text", or a marker kind ("circle", "square", ...)
    color: str
    pattern: str = "solid"  # a rectangle's fill: "solid", "none" or a pattern of _PATTERNS
    outline: str | None = None  # a rectangle's 0.75 pt outline
    fill: str | None = None  # a marker's fill, when not its colour (an approximate date's is lighter)
    width: float = 0.0  # a line's width, points
    flips: tuple[bool, bool] = (False, False)  # a line drawn right to left, bottom to top
    size: float = 0.0  # a text's size
    center: bool = False
    font: str = ""
    text: str = "x"  # a text with characters python-pptx escapes is its own look


@memoize("deck chart looks", maxsize=512)
def look_element(look: Look):
    """The look's shape, drawn with python-pptx's API on a scratch slide (then
    taken off it): the element every shape of this look is a copy of."""
    shapes = _scratch_slide().shapes
    if look.kind == "rect":
        shape = shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, 1, 1)
        xml_edits.no_shadow(shape)
        fill = shape.fill
        if look.pattern in _PATTERNS:
            fill.patterned()
            fill.pattern = _PATTERNS[look.pattern]
            fill.fore_color.rgb = rgb(look.color)
            fill.back_color.rgb = rgb(tint(look.color, 0.8))
        elif look.pattern == "none":
            fill.background()
        else:
            fill.solid()
            fill.fore_color.rgb = rgb(look.color)
        shape.line.fill.background()
        if look.outline:
            shape.line.color.rgb = rgb(look.outline)
            shape.line.width = pt_to_emu(0.75)
    elif look.kind == "line":
        flip_h, flip_v = look.flips
        shape = shapes.add_connector(MSO_CONNECTOR.STRAIGHT, int(flip_h), int(flip_v), int(not flip_h), int(not flip_v))
        xml_edits.no_shadow(shape)
        shape.line.color.rgb = rgb(look.color)
        shape.line.width = pt_to_emu(look.width)
    elif look.kind == "text":
        shape = shapes.add_textbox(0, 0, 1, 1)
        frame = shape.text_frame
        frame.word_wrap = False
        frame.auto_size = MSO_AUTO_SIZE.NONE
        frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
        frame.vertical_anchor = MSO_ANCHOR.TOP
        paragraph = frame.paragraphs[0]
        paragraph.alignment = PP_ALIGN.CENTER if look.center else PP_ALIGN.LEFT
        run = paragraph.add_run()
        xml_edits.run_language(run, "en")  # each copy's own
        run.text = look.text
        run.font.size = Pt(look.size)
        run.font.color.rgb = rgb(look.color)
        run.font.name = look.font
    else:  # a marker, filled with its colour (tinted for an approximate date), outlined in it
        shape = shapes.add_shape(_MARKERS.get(look.kind, MSO_SHAPE.DIAMOND), 0, 0, 1, 1)
        xml_edits.no_shadow(shape)
        shape.fill.solid()
        shape.fill.fore_color.rgb = rgb(look.fill or look.color)
        shape.line.color.rgb = rgb(look.color)
        shape.line.width = pt_to_emu(0.75)
    xml_edits.remove_shape(shape)
    return shape.element


@memoize("deck chart scratch slide", maxsize=1)
def _scratch_slide():
    """A slide of a presentation of its own, where looks are drawn."""
    prs = Presentation()
    return prs.slides.add_slide(prs.slide_layouts[6])


class Painter:
    """Maps placement points to EMU and collects each shape as a stamp of its
    look, in drawing order (the chart's, or the key's: the key's markers are
    the chart's shapes); :meth:`group` draws them as one group."""

    def __init__(
        self, layout: Layout, left: int, top: int, language: str, width_of: Callable[[str, float], float]
    ) -> None:
        self.layout, self.left, self.top = layout, left, top
        self.language, self.width_of = language, width_of
        self.drawn: list[xml_edits.Stamp] = []

    def x(self, value: float) -> int:
        return self.left + pt_to_emu(value)

    def y(self, value: float) -> int:
        return self.top + pt_to_emu(value)

    def group(self, slide, name: str):
        """Everything painted, as one group named ``name`` on ``slide``."""
        return xml_edits.stamp_group(slide, self.drawn, name)

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
    def _stamp(self, look: Look, x: float, y: float, w: float, h: float, **fields) -> None:
        box = (self.x(x), self.y(y), pt_to_emu(w), pt_to_emu(h))
        self.drawn.append(xml_edits.Stamp(look_element(look), box, **fields))

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
        self._stamp(Look("rect", color, pattern, outline), x, y, w, h, name=name or None)

    def marker(self, kind: str, cx: float, cy: float, d: float, color: str, name: str, light: bool = False) -> None:
        w = d * 0.45 if kind == "bar" else d
        h = d * 1.15 if kind == "bar" else d
        look = Look(kind, color, fill=tint(color, 0.5) if light else None)
        self._stamp(look, cx - w / 2, cy - h / 2, w, h, name=name)

    def line(self, x0: float, y0: float, x1: float, y1: float, color: str, width: float) -> None:
        """A straight connector from (x0, y0) to (x1, y1)."""
        left, top = self.x(x0), self.y(y0)
        right, bottom = self.x(x1), self.y(y1)
        look = Look("line", color, width=width, flips=(left > right, top > bottom))
        box = (min(left, right), min(top, bottom), abs(right - left), abs(bottom - top))
        self.drawn.append(xml_edits.Stamp(look_element(look), box))

    def text(
        self, x: float, y: float, w: float, h: float, text: str, size: float, color: str, center: bool = False
    ) -> None:
        """One unwrapped line at ``size``, no insets."""
        font = self.layout.deck.fonts.body
        plain_text = xml_edits.stampable(text)
        look = Look("text", color, size=size, center=center, font=font, text="x" if plain_text else text)
        language = language_of(text) or self.language
        self._stamp(look, x, y, w, h, text=text if plain_text else None, language=language)
