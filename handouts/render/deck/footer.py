"""The footer of every content slide: the course at the left, the slide
number at the right, at the deck's minimum size (no footer text is smaller
than the rest of the deck's). They go in the slide layout's footer and
slide-number placeholders where it has them, so PowerPoint's Header & Footer
dialog and the master's styles know them, else in text boxes; the number is
a slide-number field, so it follows the slide when a teacher reorders.
"""

from __future__ import annotations

from dataclasses import dataclass

from pptx.enum.shapes import PP_PLACEHOLDER as P

from handouts.markup import plain
from handouts.render.deck import xml_edits
from handouts.render.deck.base import layout_box
from handouts.render.deck.contrast import ink_on
from handouts.render.deck.fit import TextStyle, unit_width
from handouts.render.deck.text import Box, defaults, format_frame, position, write
from handouts.units import emu_to_pt

NUMBER_EMS = 3.2  # the number's box: room for "999" and the insets


@dataclass(frozen=True)
class Footer:
    """Where the footer goes on every content slide, and what it says."""

    number: Box
    course: Box | None  # None: the source names no course
    text: list[str]  # the course, fitted to its box once for the whole deck
    style: TextStyle
    color: str
    align: str = "left"  # the course's: centred in a template's (centred) footer placeholder

    @property
    def top(self) -> float:
        return min(b.top for b in (self.number, self.course) if b is not None)


def _layout_placeholder(slide_layout, kind):
    return next((ph for ph in slide_layout.placeholders if ph.placeholder_format.type == kind), None)


def plan_footer(w) -> Footer:  # noqa: ANN001 - the DeckWriter (imported by it)
    """The footer's boxes: the template's footer and number placeholders (made
    tall enough for a line at the minimum size, bottom edge kept), else a
    strip along the slide's bottom margin."""
    deck, insets = w.deck, w.insets
    style = w.style("body", deck.sizes.min)
    line = style.line_height + insets.top + insets.bottom
    top = w.height - deck.margin * 0.35 - line
    number_w = (
        max(NUMBER_EMS * style.size, unit_width("999", style.font, False) * style.size) + insets.left + insets.right
    )
    number = Box(w.width - deck.margin - number_w, top, number_w, line)
    course = Box(deck.margin, top, number.left - deck.gap - deck.margin, line) if w.model.course else None
    align = "left"
    if w.templated:
        number = _grown(w, layout_box(w.content_layout, P.SLIDE_NUMBER), line) or number
        found = _grown(w, layout_box(w.content_layout, P.FOOTER), line)
        if course is not None and found is not None:
            course, align = found, "center"
    color = ink_on(w.colors.background, w.colors.muted, w.colors.text)
    # Plain text: the footer is copied from slide to slide, so it may hold no link (a relationship of one slide).
    text = w.fit([plain(w.model.course)], course, style)[0] if course is not None else []
    return Footer(number, course, text, style, color, align)


def _grown(w, found, line: float) -> Box | None:  # noqa: ANN001
    """A template placeholder's box, at least ``line`` high (growing upwards)."""
    if not found:
        return None
    left, top, width, height = (emu_to_pt(v) for v in found)
    bottom = min(top + height, w.height)
    height = max(height, line)
    return Box(left, bottom - height, width, height)


def add_footer(w, slide, layout, number: int) -> None:  # noqa: ANN001
    """The course and the slide's number on ``slide`` (its ``number`` is the
    field's cached text; viewers compute their own). Built on the first slide
    of each slide ``layout`` (the one the slide was made from), copied onto the others."""
    key = layout.part.partname
    made = w.footers.get(key)
    if made is not None:
        for element in xml_edits.append_copies(slide, made):
            xml_edits.set_slide_number(element, number)
        return
    plan: Footer = w.footer
    # Re-enabling turbo-add takes the next id from the slide's tree again: a drawing may have
    # added shapes through a group's own collection, which the slide's counter did not see.
    slide.shapes.turbo_add_enabled = True
    made = []
    if plan.course is not None:
        shape = _placeholder_or_box(slide, layout, P.FOOTER, plan.course, "Footer")
        format_frame(shape.text_frame, w.insets, "middle")
        write(shape.text_frame, plan.text, plan.style, plan.color, w.language, align=plan.align)
        made.append(shape)
    shape = _placeholder_or_box(slide, layout, P.SLIDE_NUMBER, plan.number, "Slide number")
    format_frame(shape.text_frame, w.insets, "middle")
    write(shape.text_frame, [""], plan.style, plan.color, w.language, align="right")
    d = defaults(plan.style, plan.color, w.language, "right", None)
    xml_edits.slide_number(shape.text_frame.paragraphs[0], number, d)
    made.append(shape)
    w.footers[key] = made


def _placeholder_or_box(slide, slide_layout, kind, box: Box, name: str):  # noqa: ANN001
    """The layout's placeholder of ``kind`` cloned onto the slide (python-pptx
    leaves footers out of a new slide, as PowerPoint does), else a text box."""
    source = _layout_placeholder(slide_layout, kind)
    if source is None:
        shape = slide.shapes.add_textbox(0, 0, 1, 1)
        shape.name = name
    else:
        slide.shapes.clone_placeholder(source)
        shape = slide.placeholders[source.placeholder_format.idx]
    position(shape, box)
    return shape
