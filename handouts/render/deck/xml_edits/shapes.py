"""Shapes: delete, z-order, one-visit box and fill, no shadow, copies of
shapes repeated on every slide, a table's built-in style."""

from __future__ import annotations

import copy

from lxml import etree

from handouts.render.deck.xml_edits.names import A as _A
from handouts.render.deck.xml_edits.names import P as _P

_FILLS = tuple(_A + tag for tag in ("noFill", "solidFill", "gradFill", "blipFill", "pattFill", "grpFill"))
_BEFORE_FILL = (_A + "xfrm", _A + "custGeom", _A + "prstGeom")


def table_style(table, style_id: str) -> None:
    """Use the built-in table style ``style_id`` (python-pptx always gives Medium Style 2)."""
    table._tbl.tblPr.find(_A + "tableStyleId").text = style_id


def remove_shape(shape) -> None:
    """Delete a shape from its slide (python-pptx has no delete)."""
    element = shape._element
    element.getparent().remove(element)


def send_to_back(shape) -> None:
    """Draw ``shape`` beneath the slide's other shapes (after the tree's group
    properties); python-pptx has no z-order API."""
    element = shape._element
    tree = element.getparent()
    tree.remove(element)
    tree.insert(2, element)


def append_copies(slide, shapes) -> list:
    """Copies of ``shapes`` (made by python-pptx on an earlier slide of the same
    slide layout) at the end of ``slide``'s shape tree, with the slide's next
    free shape ids. A deck repeats its accent bar and footer on every slide:
    copying the finished elements costs a fraction of building each again
    through python-pptx's setters. Call before ``turbo_add_enabled`` is set
    (it then counts on from these ids)."""
    tree = slide.element.cSld.spTree
    next_id = max(int(c_nv_pr.get("id")) for c_nv_pr in tree.iter(_P + "cNvPr")) + 1
    copies = []
    for shape in shapes:
        element = copy.deepcopy(shape._element)
        element.find(f"./*/{_P}cNvPr").set("id", str(next_id))
        next_id += 1
        tree.append(element)
        copies.append(element)
    return copies


def set_box(shape, left: int, top: int, width: int, height: int) -> None:
    """Move and size a shape in one visit of its ``a:xfrm`` (EMU) — what
    python-pptx's four setters do, each looking the transform up again."""
    sp_pr = shape._element.find(_P + "spPr")
    xfrm = sp_pr.find(_A + "xfrm")
    if xfrm is None:
        xfrm = sp_pr.makeelement(_A + "xfrm", {})
        sp_pr.insert(0, xfrm)
    off, ext = xfrm.find(_A + "off"), xfrm.find(_A + "ext")
    if off is None:
        off = xfrm.makeelement(_A + "off", {})
        xfrm.insert(0, off)
    if ext is None:
        ext = xfrm.makeelement(_A + "ext", {})
        off.addnext(ext)
    off.set("x", str(left))
    off.set("y", str(top))
    ext.set("cx", str(width))
    ext.set("cy", str(height))


def solid_fill(shape, color: str) -> None:
    """Fill a shape with ``color`` ("RRGGBB"), as ``fill.solid()`` and
    ``fill.fore_color.rgb`` do, in one edit of its ``p:spPr``."""
    sp_pr = shape._element.spPr
    fill = sp_pr.makeelement(_A + "solidFill", {})
    etree.SubElement(fill, _A + "srgbClr", val=color.lstrip("#").upper())
    old = [child for child in sp_pr if child.tag in _FILLS]
    if old:
        old[0].addprevious(fill)
        for element in old:
            sp_pr.remove(element)
        return
    before = [child for child in sp_pr if child.tag in _BEFORE_FILL]
    if before:
        before[-1].addnext(fill)
    else:
        sp_pr.insert(0, fill)


def no_shadow(shape) -> None:
    """No shadow at all: ``shadow.inherit = False`` (an empty ``a:effectLst``),
    and the shape style's theme effect reference set to none (``effectRef
    idx="0"``), which LibreOffice otherwise still draws as a soft shadow."""
    shape.shadow.inherit = False
    effect = shape._element.find(f"{_P}style/{_A}effectRef")
    if effect is not None:
        effect.set("idx", "0")
