"""The ``url:`` QR code on a teacher's template's title slide.

The template decides where its title, subtitle and logo go, so the code cannot
have a fixed place: it takes the first slide corner (bottom right first, where
a reader looks last) that no placeholder or drawn shape of the slide, its
layout or its master covers, at the largest of a few sizes that still scans
from a desk. With no free corner the deck has no code, and the build says so
(the address is still in the subtitle).
"""

from __future__ import annotations

import io

from handouts.render.deck.a11y import set_alt_text
from handouts.render.deck.deck_writer import DeckWriter
from handouts.render.deck.text import Box, box_emu
from handouts.units import emu_to_pt

SIDES = (0.24, 0.19, 0.15)  # of the slide's shorter side; 0.15 of a 4:3 slide is about 1.1 inch
NAME = "QR code"


def add_qr_picture(slide, url: str, box: Box, alt: str) -> None:  # noqa: ANN001 - a python-pptx slide
    """The code (the handout's own encoder) as a picture; ``alt`` (the layout's
    ``handout.labels.qr_alt``, in the document's language) names the URL."""
    from handouts.render.qr import qr_png

    shape = slide.shapes.add_picture(io.BytesIO(qr_png(url)), *box_emu(box))
    shape.name = NAME
    set_alt_text(shape, alt.format(url=url))


def _box(shape) -> Box | None:  # noqa: ANN001 - any python-pptx shape
    if shape.left is None or shape.top is None or not shape.width or not shape.height:
        return None
    return Box(emu_to_pt(shape.left), emu_to_pt(shape.top), emu_to_pt(shape.width), emu_to_pt(shape.height))


def _taken(slide) -> list[Box]:  # noqa: ANN001 - a python-pptx slide
    """What is drawn on the slide: its own shapes, and the layout's and master's
    shapes that are not placeholders (a placeholder there shows only when the slide
    has one; the slide's own placeholders are among its shapes)."""
    boxes = [_box(shape) for shape in slide.shapes]
    for inherited in (slide.slide_layout.shapes, slide.slide_layout.slide_master.shapes):
        boxes += [_box(shape) for shape in inherited if not shape.is_placeholder]
    return [b for b in boxes if b is not None]


def _overlaps(a: Box, b: Box) -> bool:
    return a.left < b.left + b.width and b.left < a.left + a.width and a.top < b.bottom and b.top < a.bottom


def free_corner(w: DeckWriter, slide) -> Box | None:  # noqa: ANN001 - a python-pptx slide
    """The largest code box in the first free corner, or None."""
    taken = _taken(slide)
    m = w.deck.margin * 0.6
    for share in SIDES:
        side = min(w.width, w.height) * share
        right, bottom = w.width - m - side, w.height - m - side
        for left, top in ((right, bottom), (right, m), (m, bottom), (m, m)):
            box = Box(left, top, side, side)
            if not any(_overlaps(box, other) for other in taken):
                return box
    return None


def templated_qr(w: DeckWriter, slide) -> None:  # noqa: ANN001 - a python-pptx slide
    """Put the code in a free corner of the template's title slide, or warn."""
    url = w.model.url
    if not url:
        return
    box = free_corner(w, slide)
    if box is None:
        w.context.warn(
            "the QR code of the url is not on the deck: the template's title slide has no free corner",
            key="url",
            hint="the address is in the title slide's subtitle; a template with room in a corner shows the code",
        )
        return
    add_qr_picture(slide, url, box, w.layout.handout.labels.qr_alt)
