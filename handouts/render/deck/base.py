"""Slide layouts and placeholders of the base presentation, found by *type*,
never by index (templates order them freely).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pptx.enum.shapes import PP_PLACEHOLDER as P
from pptx.presentation import Presentation

from handouts.caches import memoize
from handouts.errors import LayoutError
from handouts.render.deck import xml_edits

_SKIPPED = {P.DATE, P.FOOTER, P.SLIDE_NUMBER}


def _types(slide_layout) -> list:
    return [
        ph.placeholder_format.type for ph in slide_layout.placeholders if ph.placeholder_format.type not in _SKIPPED
    ]


def _score(slide_layout, kind: str) -> int:
    """How well a slide layout suits ``kind`` (lower is better; 99: no title)."""
    types = _types(slide_layout)
    titles = sum(t in (P.TITLE, P.CENTER_TITLE) for t in types)
    if not titles:
        return 99
    others = len(types) - titles
    if kind == "title":
        return 0 if P.CENTER_TITLE in types and P.SUBTITLE in types else 2 if P.SUBTITLE in types else 5 + others
    return 0 if not others and P.TITLE in types else 1 + others


def _best_index(prs: Presentation, kind: str) -> int:
    layouts = list(prs.slide_layouts)
    best = min(range(len(layouts)), key=lambda i: (_score(layouts[i], kind), i))
    if _score(layouts[best], kind) == 99:
        raise LayoutError.single(
            "the deck template has no slide layout with a title placeholder",
            key="deck.template",
            hint="add a 'Title Only' layout to the template's master",
        )
    return best


@memoize("deck default layout picks", maxsize=2)  # "title", "title_only"
def _default_index(kind: str) -> int:
    """The pick in the (trimmed) default template, which never changes (reading
    every layout's placeholders costs a few ms a deck)."""
    from handouts.render.deck.template import default_presentation

    return _best_index(default_presentation("16:9"), kind)


def pick_layout(prs: Presentation, kind: str, default_template: bool = False):
    """A slide layout by what its placeholders are: ``"title"`` (centre title +
    subtitle) or ``"title_only"`` (a title and room for our own shapes)."""
    index = _default_index(kind) if default_template else _best_index(prs, kind)
    return prs.slide_layouts[index]


def content_layout(prs: Presentation, default_template: bool = False):
    """A title-and-content slide layout (a title and one body placeholder) for
    slides of flowing text, so a teacher's edits reflow in the body; ``None``
    when the base has none."""
    index = _default_content_index() if default_template else _content_index(prs)
    return None if index is None else prs.slide_layouts[index]


def _content_index(prs: Presentation) -> int | None:
    for index, slide_layout in enumerate(prs.slide_layouts):
        types = _types(slide_layout)
        if P.TITLE in types and len(types) == 2 and any(t in (P.BODY, P.OBJECT) for t in types):
            return index
    return None


@memoize("deck default content layout", maxsize=1)
def _default_content_index() -> int | None:
    from handouts.render.deck.template import default_presentation

    return _content_index(default_presentation("16:9"))


def layout_box(slide_layout, *types) -> tuple[int, int, int, int] | None:
    """(left, top, width, height) in EMU of a layout placeholder of ``types``."""
    for shape in slide_layout.placeholders:
        if shape.placeholder_format.type in types and shape.width:
            return shape.left, shape.top, shape.width, shape.height
    return None


def remove_empty_placeholders(placeholders, keep=None) -> None:
    """Empty placeholders show "Click to add text" in editors: remove them
    (every placeholder but ``keep`` and text ones with visible text)."""
    for shape in list(placeholders):
        if shape is not keep and not (shape.has_text_frame and shape.text_frame.text.strip()):
            xml_edits.remove_shape(shape)


@dataclass
class SlideRecord:
    """A slide and the shapes the deck-wide passes need, kept when it was made."""

    slide: object
    title: object  # its title placeholder
    placeholders: dict  # placeholder type -> shape, as cloned from its layout
    figure: bool = False  # drawn on by another module: check its pictures and groups for alt text
    title_text: str = ""
    footer: bool = True  # a content slide (the title slide has no footer)
    layout: object = None  # the slide layout it was made from
    title_args: dict = field(default_factory=dict)  # how its title was set (to refit it when retitled)


def title_of(found: dict):
    title = found.get(P.TITLE) or found.get(P.CENTER_TITLE)
    if title is None:
        raise ValueError("a slide layout picked for its title placeholder has none")
    return title
