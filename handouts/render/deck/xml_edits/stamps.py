"""Stamped shapes: a chart's dozens of bands, markers, rules and labels as
copies of shapes python-pptx made, grouped.

Made one by one through python-pptx's setters, each shape costs about half a
millisecond (every setter looks its element up again); a timeline slide has
sixty. So each *look* (kind, colours, line, text style) is drawn once with
python-pptx's API, and every shape of that look is a copy of its element
with its own id, name, box and text: the same XML python-pptx would have
written for it. The copies go into a group python-pptx makes, whose extents
are set from them as python-pptx's own ``add_group_shape`` would.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from handouts.render.deck.xml_edits.names import UNSAFE_TEXT
from handouts.render.deck.xml_edits.names import A as _A
from handouts.render.deck.xml_edits.names import P as _P

_UNSAFE = re.compile(UNSAFE_TEXT)
_DEFAULT_NUMBER = re.compile(r" \d+$")


@dataclass(frozen=True)
class Stamp:
    """One shape to draw: a copy of ``element`` (a shape python-pptx made, never
    changed) at ``box`` (left, top, width, height in EMU), named ``name`` (else
    as python-pptx names a shape: its kind and its id less one), with its first
    run's text and language replaced when given."""

    element: object
    box: tuple[int, int, int, int]
    name: str | None = None
    text: str | None = None
    language: str | None = None


def stampable(text: str) -> bool:
    """Whether ``text`` can be written into a copy as it is (python-pptx's
    setter escapes control characters: a look made for that text is used)."""
    return not _UNSAFE.search(text)


def stamp_group(slide, stamps: list[Stamp], name: str):
    """The stamps drawn, in order, inside a new group named ``name`` on
    ``slide`` (its shape, from python-pptx); ids follow the slide's highest."""
    tree = slide.shapes.element
    next_id = max(int(c_nv_pr.get("id")) for c_nv_pr in tree.iter(_P + "cNvPr")) + 1
    copies = []
    for number, stamp in enumerate(stamps, start=next_id):
        element = copy.deepcopy(stamp.element)
        c_nv_pr = element.find(f"./*/{_P}cNvPr")
        c_nv_pr.set("id", str(number))
        c_nv_pr.set("name", stamp.name or _DEFAULT_NUMBER.sub(f" {number - 1}", c_nv_pr.get("name")))
        off = element.find(f"./{_P}spPr/{_A}xfrm/{_A}off")
        ext = off.getnext()
        left, top, width, height = stamp.box
        off.set("x", str(left))
        off.set("y", str(top))
        ext.set("cx", str(width))
        ext.set("cy", str(height))
        if stamp.text is not None:
            element.find(f".//{_A}r/{_A}t").text = stamp.text
        if stamp.language is not None:
            element.find(f".//{_A}r/{_A}rPr").set("lang", stamp.language)
        tree.append(element)  # in the tree first, so the group's id follows theirs
        copies.append(element)
    group = slide.shapes.add_group_shape()
    # python-pptx's turbo id counter has not seen these ids: switched off and on (public API), it counts afresh
    if slide.shapes.turbo_add_enabled:
        slide.shapes.turbo_add_enabled = False
        slide.shapes.turbo_add_enabled = True
    group_element = group.element
    for element in copies:
        group_element.append(element)
    _fit_group(group_element, [stamp.box for stamp in stamps])
    group.name = name
    return group


def _fit_group(group_element, boxes: list[tuple[int, int, int, int]]) -> None:
    """The group's offset and extent, and its children's, as the union of
    ``boxes`` (what python-pptx's ``add_group_shape`` computes from its shapes)."""
    if not boxes:
        return
    left = min(box[0] for box in boxes)
    top = min(box[1] for box in boxes)
    width = max(box[0] + box[2] for box in boxes) - left
    height = max(box[1] + box[3] for box in boxes) - top
    xfrm = group_element.find(f"./{_P}grpSpPr/{_A}xfrm")
    for tag in ("off", "chOff"):
        xfrm.find(_A + tag).attrib.update({"x": str(left), "y": str(top)})
    for tag in ("ext", "chExt"):
        xfrm.find(_A + tag).attrib.update({"cx": str(width), "cy": str(height)})
