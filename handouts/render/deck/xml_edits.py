"""The deck's XML edits: settings python-pptx has no public API for.

Every edit here touches only an element python-pptx created (a shape's
``_element``, a paragraph's ``_p``, a run's ``_r``, a table's ``_tbl``) and
is the one place where the deck steps outside python-pptx's API; alt text
and the decorative mark are in :mod:`handouts.render.deck.a11y`.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from xml.sax.saxutils import quoteattr

from lxml import etree
from pptx.oxml import parse_xml

from handouts.caches import memoize

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_BULLETS = tuple(
    _A + tag
    for tag in (
        "buClrTx",
        "buClr",
        "buSzTx",
        "buSzPct",
        "buSzPts",
        "buFontTx",
        "buFont",
        "buNone",
        "buAutoNum",
        "buChar",
        "buBlip",
    )
)
_AFTER_BULLETS = tuple(_A + tag for tag in ("tabLst", "defRPr", "extLst"))


def indent_and_bullet(paragraph, indent: int, bullet: tuple[str, str] | None) -> None:
    """A hanging indent of ``indent`` EMU and a "•" bullet in ``bullet`` =
    (colour "RRGGBB", font), or explicitly none (python-pptx has neither)."""
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.set("marL", str(indent))
    p_pr.set("indent", str(-indent))
    for old in [child for child in p_pr if child.tag in _BULLETS]:
        p_pr.remove(old)
    if bullet is None:
        added = [p_pr.makeelement(_A + "buNone", {})]
    else:
        color, font = bullet
        bu_clr = p_pr.makeelement(_A + "buClr", {})
        etree.SubElement(bu_clr, _A + "srgbClr", val=color.upper())
        added = [
            bu_clr,
            p_pr.makeelement(_A + "buFont", {"typeface": font}),
            p_pr.makeelement(_A + "buChar", {"char": "•"}),
        ]
    after = next((child for child in p_pr if child.tag in _AFTER_BULLETS), None)
    for element in added:
        if after is None:
            p_pr.append(element)
        else:
            after.addprevious(element)


@dataclass(frozen=True)
class FrameDefaults:
    """What every paragraph and run of one text frame shares (sizes in
    centipoints, lengths in EMU, colours "RRGGBB")."""

    size: int
    bold: bool
    font: str
    color: str
    language: str
    line: int
    gap: int
    indent: int
    align: str  # "l" or "ctr"
    bullet: str | None  # the bullet's colour, or None for no bullet
    east_asian: str = ""  # the font for Chinese, Japanese, Korean (a:ea); "" for the frame's font
    complex_script: str = ""  # the font for Arabic, Hebrew, Indic scripts (a:cs); "" for the frame's font


@memoize("deck frame defaults", maxsize=256)
def _level(d: FrameDefaults):
    """The parsed list-style level, copied into each frame (parsing it again costs more)."""
    return parse_xml(_level_xml(d))


def _level_xml(d: FrameDefaults) -> str:
    bullet = (
        f'<a:buClr><a:srgbClr val="{d.bullet}"/></a:buClr><a:buFont typeface={quoteattr(d.font)}/><a:buChar char="•"/>'
        if d.bullet
        else "<a:buNone/>"
    )
    return (
        f'<a:lvl1pPr xmlns:a="{_A[1:-1]}" marL="{d.indent}" indent="{-d.indent}" algn="{d.align}">'
        f'<a:lnSpc><a:spcPts val="{d.line}"/></a:lnSpc><a:spcBef><a:spcPts val="{d.gap}"/></a:spcBef>'
        f'<a:spcAft><a:spcPts val="0"/></a:spcAft>{bullet}'
        f'<a:defRPr lang={quoteattr(d.language)} sz="{d.size}" b="{int(d.bold)}" i="0" dirty="0">'
        f'<a:solidFill><a:srgbClr val="{d.color}"/></a:solidFill>'
        f"<a:latin typeface={quoteattr(d.font)}/><a:ea typeface={quoteattr(d.east_asian or d.font)}/>"
        f"<a:cs typeface={quoteattr(d.complex_script or d.font)}/></a:defRPr></a:lvl1pPr>"
    )


def frame_defaults(text_frame, defaults: FrameDefaults) -> None:
    """Paragraph and character properties shared by the whole frame, written
    once in its list style (``a:lstStyle/a:lvl1pPr``) instead of on every
    paragraph and run: PowerPoint and LibreOffice inherit them, and text a
    teacher types into the box gets them too."""
    tx_body = text_frame._txBody
    lst = tx_body.find(_A + "lstStyle")
    if lst is None:
        lst = tx_body.makeelement(_A + "lstStyle", {})
        tx_body.find(_A + "bodyPr").addnext(lst)
    for old in list(lst):
        lst.remove(old)
    lst.append(copy.deepcopy(_level(defaults)))


_AUTOFITS = (_A + "noAutofit", _A + "normAutofit", _A + "spAutoFit")
ANCHORS = {"top": "t", "middle": "ctr", "bottom": "b"}


def body_properties(text_frame, insets: tuple[int, int, int, int], anchor: str) -> None:
    """Wrapping on, no autofit, insets (left, top, right, bottom in EMU) and the
    vertical anchor, in one visit of the frame's ``a:bodyPr`` (what python-pptx's
    six setters would write, each looking the element up again)."""
    body_pr = text_frame._txBody.bodyPr
    left, top, right, bottom = insets
    body_pr.set("wrap", "square")
    body_pr.set("lIns", str(left))
    body_pr.set("tIns", str(top))
    body_pr.set("rIns", str(right))
    body_pr.set("bIns", str(bottom))
    body_pr.set("anchor", ANCHORS[anchor])
    fits = [child for child in body_pr if child.tag in _AUTOFITS]
    no_fit = body_pr.makeelement(_A + "noAutofit", {})
    if fits:
        fits[0].addprevious(no_fit)
        for old in fits:
            body_pr.remove(old)
    else:
        prst = body_pr.find(_A + "prstTxWarp")
        if prst is not None:
            prst.addnext(no_fit)
        else:
            body_pr.insert(0, no_fit)


def no_space_before(paragraph) -> None:
    """The first paragraph of a frame starts at its top (``spcBef`` 0)."""
    p_pr = paragraph._p.get_or_add_pPr()
    spc = p_pr.makeelement(_A + "spcBef", {})
    etree.SubElement(spc, _A + "spcPts", val="0")
    p_pr.insert(0, spc)


def right_to_left(paragraph, align_right: bool) -> None:
    """Mark a paragraph right to left (``a:pPr rtl="1"``): PowerPoint and LibreOffice
    then order its words and put its start on the right; ``align_right`` also aligns
    it right (a left-aligned frame's paragraph; centred ones stay centred)."""
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.set("rtl", "1")
    if align_right:
        p_pr.set("algn", "r")


def run_language(run, language: str) -> None:
    """The run's language (``lang``), for spelling and for screen-reader voices."""
    run._r.get_or_add_rPr().set("lang", language)


def runs_language(text_frame, language: str) -> None:
    """Every run of a text frame in ``language``, in one pass over its XML
    (python-pptx would make a proxy object per paragraph and run)."""
    for r in text_frame._txBody.iter(_A + "r"):
        r_pr = r.find(_A + "rPr")
        if r_pr is None:
            r_pr = r.makeelement(_A + "rPr", {})
            r.insert(0, r_pr)
        r_pr.set("lang", language)


def complex_script_font(run, font: str) -> None:
    """Name ``font`` for complex scripts too (``a:cs``), after the run's ``a:latin``
    (set with ``run.font.name`` first), and mark the run as not needing a
    re-check by PowerPoint (``dirty="0"``)."""
    r_pr = run._r.get_or_add_rPr()
    r_pr.set("dirty", "0")
    latin = r_pr.find(_A + "latin")
    cs = r_pr.makeelement(_A + "cs", {"typeface": font})
    if latin is None:
        r_pr.append(cs)
    else:
        latin.addnext(cs)


def end_of_paragraph(paragraph, language: str, size: int) -> None:
    """The properties of the paragraph mark (``a:endParaRPr``): language and
    size (centipoints), so an empty paragraph has the height that was measured."""
    end = paragraph._p.get_or_add_endParaRPr()
    end.set("lang", language)
    end.set("sz", str(size))
    end.set("dirty", "0")


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


# -- the deck's theme ---------------------------------------------------------------------------------------
THEME_SLOTS = ("dk1", "lt1", "dk2", "lt2", *(f"accent{n}" for n in range(1, 7)), "hlink", "folHlink")


@dataclass(frozen=True)
class Theme:
    """A theme's colour scheme (slot -> "RRGGBB", in :data:`THEME_SLOTS` order)
    and its heading (major) and body (minor) Latin fonts."""

    name: str
    colors: tuple[str, ...]
    major: str
    minor: str


def themed_xml(blob: bytes, theme: Theme) -> bytes:
    """A theme part's XML with ``theme``'s colours and Latin fonts (the
    scheme's other script fonts kept, as fallbacks for those scripts)."""
    root = etree.fromstring(blob)
    root.set("name", theme.name)
    elements = root.find(_A + "themeElements")
    scheme = elements.find(_A + "clrScheme")
    scheme.set("name", theme.name)
    for slot, color in zip(THEME_SLOTS, theme.colors, strict=True):
        holder = scheme.find(_A + slot)
        for old in list(holder):
            holder.remove(old)
        etree.SubElement(holder, _A + "srgbClr", val=color.lstrip("#").upper())
    fonts = elements.find(_A + "fontScheme")
    fonts.set("name", theme.name)
    for tag, face in (("majorFont", theme.major), ("minorFont", theme.minor)):
        fonts.find(f"{_A}{tag}/{_A}latin").set("typeface", face)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def set_theme(prs, theme: Theme) -> None:
    """Give the slide master (and the presentation, which names the same part)
    ``theme``. python-pptx loads a theme as an opaque part with no API to
    change it: a new part is made from the edited XML with the public
    ``Part.load`` and takes the old one's relationships (the old part, then
    unreachable, is not saved)."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT
    from pptx.opc.package import Part

    master = prs.slide_master.part
    old = master.part_related_by(RT.THEME)
    new = Part.load(old.partname, old.content_type, old.package, themed_xml(old.blob, theme))
    for part in (prs.part, master):
        for r_id, rel in list(part.rels.items()):
            if rel.reltype == RT.THEME and not rel.is_external and rel.target_part is old:
                part.rels.pop(r_id)
                part.relate_to(new, RT.THEME)


# -- the slide number field ---------------------------------------------------------------------------------
SLIDE_NUMBER_FIELD = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"  # one fixed id: the same bytes for the same deck


def slide_number(paragraph, number: int, d: FrameDefaults) -> None:
    """Make ``paragraph`` hold only a slide-number field (``a:fld type="slidenum"``),
    its cached text ``number``: PowerPoint and LibreOffice show each slide's own
    number, and renumber when slides move (python-pptx has no field API). The
    field carries its size, colour and font itself: LibreOffice sets a field
    in a placeholder in the master's style otherwise."""
    p = paragraph._p
    for old in [child for child in p if child.tag in (_A + "r", _A + "br", _A + "fld")]:
        p.remove(old)
    field = p.makeelement(_A + "fld", {"id": SLIDE_NUMBER_FIELD, "type": "slidenum"})
    r_pr = etree.SubElement(field, _A + "rPr", lang=d.language, sz=str(d.size), b=str(int(d.bold)), dirty="0")
    etree.SubElement(etree.SubElement(r_pr, _A + "solidFill"), _A + "srgbClr", val=d.color)
    etree.SubElement(r_pr, _A + "latin", typeface=d.font)
    etree.SubElement(r_pr, _A + "cs", typeface=d.font)
    etree.SubElement(field, _A + "t").text = str(number)
    end = p.find(_A + "endParaRPr")
    if end is None:
        p.append(field)
    else:
        end.addprevious(field)


# -- shapes repeated on every slide -------------------------------------------------------------------------
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


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


def set_slide_number(element, number: int) -> None:
    """The cached text of the slide-number field in a copied footer shape."""
    for field in element.iter(_A + "fld"):
        field.find(_A + "t").text = str(number)


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


# -- fast paths for what every text box does ----------------------------------------------------------------
_UNSAFE = re.compile("[\x00-\x1f\ufffe\uffff]")  # characters python-pptx's text setter escapes or rejects
_FILLS = tuple(_A + tag for tag in ("noFill", "solidFill", "gradFill", "blipFill", "pattFill", "grpFill"))
_BEFORE_FILL = (_A + "xfrm", _A + "custGeom", _A + "prstGeom")


def plain_paragraphs(text_frame, lines: list[str]) -> bool:
    """Replace the frame's paragraphs with one plain run each (none for an
    empty line), the first starting at the frame's top (``spcBef`` 0): what
    ``text_frame.text`` and :func:`no_space_before` write, built in one pass.
    Returns False, changing nothing, for a line with a control character
    (python-pptx's setter escapes those)."""
    if any(_UNSAFE.search(line) for line in lines):
        return False
    tx_body = text_frame._txBody
    for old in tx_body.findall(_A + "p"):
        tx_body.remove(old)
    for index, line in enumerate(lines or [""]):
        p = etree.SubElement(tx_body, _A + "p")
        if index == 0:
            spc = etree.SubElement(etree.SubElement(p, _A + "pPr"), _A + "spcBef")
            etree.SubElement(spc, _A + "spcPts", val="0")
        if line:
            etree.SubElement(etree.SubElement(p, _A + "r"), _A + "t").text = line
    return True


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
