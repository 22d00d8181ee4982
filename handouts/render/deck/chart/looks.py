"""A chart shape's look (kind, colours, line, text style), drawn once with
python-pptx's API on a scratch slide: the element every shape of that look
is stamped from (:mod:`handouts.render.deck.xml_edits.stamps`)."""

from __future__ import annotations

from dataclasses import dataclass

from pptx import Presentation
from pptx.enum.dml import MSO_PATTERN
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Pt

from handouts.caches import memoize
from handouts.colors import tint
from handouts.render.deck import xml_edits
from handouts.render.deck.text import rgb
from handouts.units import pt_to_emu

# The layout's fill patterns and marker kinds as python-pptx's members.
PATTERNS = {
    "hatch": MSO_PATTERN.WIDE_UPWARD_DIAGONAL,
    "crosshatch": MSO_PATTERN.DIAGONAL_CROSS,
    "dots": MSO_PATTERN.PERCENT_20,
    "stripes": MSO_PATTERN.NARROW_HORIZONTAL,
    "checker": MSO_PATTERN.SMALL_CHECKER_BOARD,
}
MARKERS = {
    "circle": MSO_SHAPE.OVAL,
    "square": MSO_SHAPE.RECTANGLE,
    "triangle": MSO_SHAPE.ISOSCELES_TRIANGLE,
    "diamond": MSO_SHAPE.DIAMOND,
    "star": MSO_SHAPE.STAR_5_POINT,
    "cross": MSO_SHAPE.CROSS,
    "ring": MSO_SHAPE.DONUT,
    "bar": MSO_SHAPE.RECTANGLE,
}


@dataclass(frozen=True)
class Look:
    """What a chart's shape looks like, apart from where it is and what it
    says: one look is drawn once with python-pptx's API (:func:`look_element`)
    and stamped wherever a shape of it goes (:mod:`handouts.render.deck.xml_edits.stamps`)."""

    kind: str  # "rect", "line", "text", or a marker kind ("circle", "square", ...)
    color: str
    pattern: str = "solid"  # a rectangle's fill: "solid", "none" or a pattern of PATTERNS
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
        if look.pattern in PATTERNS:
            fill.patterned()
            fill.pattern = PATTERNS[look.pattern]
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
        shape = shapes.add_shape(MARKERS.get(look.kind, MSO_SHAPE.DIAMOND), 0, 0, 1, 1)
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
