"""Text frames, paragraphs and runs: frame-wide defaults, body properties,
languages and directions, plain paragraphs in one pass, the slide-number field."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from xml.sax.saxutils import quoteattr

from lxml import etree
from pptx.oxml import parse_xml

from handouts.caches import memoize
from handouts.render.deck.xml_edits.names import UNSAFE_TEXT
from handouts.render.deck.xml_edits.names import A as _A
from handouts.scripts import office_language


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
    rtl: bool = False  # paragraphs run right to left (a right-to-left deck's own text)


@memoize("deck frame defaults", maxsize=256)
def _level(d: FrameDefaults):
    """The parsed list-style level, copied into each frame (parsing it again costs more)."""
    return parse_xml(_level_xml(d))


_RTL = ' rtl="1"'


def _level_xml(d: FrameDefaults) -> str:
    bullet = (
        f'<a:buClr><a:srgbClr val="{d.bullet}"/></a:buClr><a:buFont typeface={quoteattr(d.font)}/><a:buChar char="•"/>'
        if d.bullet
        else "<a:buNone/>"
    )
    return (
        f'<a:lvl1pPr xmlns:a="{_A[1:-1]}" marL="{d.indent}" indent="{-d.indent}" algn="{d.align}"'
        f"{_RTL if d.rtl else ''}>"
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


def left_to_right(paragraph) -> None:
    """Mark a paragraph left to right (``a:pPr rtl="0"``) in a right-to-left frame: a
    Latin name or title keeps its word order and its brackets; it stays aligned with
    the frame's other paragraphs."""
    paragraph._p.get_or_add_pPr().set("rtl", "0")


def right_to_left(paragraph, align_right: bool) -> None:
    """Mark a paragraph right to left (``a:pPr rtl="1"``): PowerPoint and LibreOffice
    then order its words and put its start on the right; ``align_right`` also aligns
    it right (a left-aligned frame's paragraph; centred ones stay centred)."""
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.set("rtl", "1")
    if align_right:
        p_pr.set("algn", "r")


def run_language(run, language: str) -> None:
    """The run's language (``lang``), for spelling, screen-reader voices and the
    east-Asian font LibreOffice picks (:func:`handouts.scripts.office_language`)."""
    run._r.get_or_add_rPr().set("lang", office_language(language))


def runs_language(text_frame, language: str) -> None:
    """Every run of a text frame in ``language``, in one pass over its XML
    (python-pptx would make a proxy object per paragraph and run)."""
    for r in text_frame._txBody.iter(_A + "r"):
        r_pr = r.find(_A + "rPr")
        if r_pr is None:
            r_pr = r.makeelement(_A + "rPr", {})
            r.insert(0, r_pr)
        r_pr.set("lang", language)


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


def set_slide_number(element, number: int) -> None:
    """The cached text of the slide-number field in a copied footer shape."""
    for field in element.iter(_A + "fld"):
        field.find(_A + "t").text = str(number)


# -- the fast path for what every text box does ------------------------------------------------------------
_UNSAFE = re.compile(UNSAFE_TEXT)


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
