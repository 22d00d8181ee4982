"""New slides and speaker-notes slides, copied from prototypes.

python-pptx builds every slide from scratch: ``add_slide`` parses a blank
slide and clones the layout's placeholders, searching the XML for every
property it copies; every notes slide parses a template, clones the notes
master's placeholders the same way and walks the whole package for a free
part name. All slides made from one slide layout start out identical, and so
do all notes slides; so the first of each is made the python-pptx way and
kept as a prototype, and the rest are deep copies of it, related exactly as
python-pptx relates them (same part names, relationship ids and bytes).

This leans on python-pptx internals (the part classes' constructors,
``relate_to``, the presentation's ``sldIdLst``), kept to this module;
``tests/test_deck_xml.py`` builds a deck both ways and compares every part,
so a python-pptx release that changes them shows up there.
"""

from __future__ import annotations

import re
from copy import deepcopy
from typing import Any

from lxml import etree

from handouts.markup import escape, escape_attr

_NOTES_PREFIX = "/ppt/notesSlides/notesSlide"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_A_NS = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
_BODY_PLACEHOLDER = etree.XPath("./p:cSld/p:spTree/p:sp[p:nvSpPr/p:nvPr/p:ph[@type='body']]",
                                namespaces={"p": _P[1:-1]})
# python-pptx writes control characters other than tab and line feed as "_xHHHH_".
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")


class Prototypes:
    """Blank slides (per slide layout, by part name) and a blank notes slide.

    Each :class:`SlideCopies`/:class:`NotesSlides` keeps its own, unless given
    one to share: every deck built on python-pptx's default template has the
    same slide layouts and gets python-pptx's default notes master, so those
    decks share :data:`DEFAULT_TEMPLATE` and only the first deck of a process
    makes its prototypes the python-pptx way. (A blank slide holds no
    geometry: its placeholders inherit position and size from the layout.)"""

    def __init__(self) -> None:
        self.slides: dict[str, tuple[Any, int]] = {}  # layout part name -> (blank <p:sld>, its highest id)
        self.notes: Any = None  # a blank <p:notes>


DEFAULT_TEMPLATE = Prototypes()


class SlideCopies:
    """Adds slides to one presentation, each a copy of the first slide made
    from the same slide layout (with the layout's placeholders cloned)."""

    def __init__(self, prs: Any, prototypes: Prototypes | None = None) -> None:
        self.prs = prs
        self._prototypes = (prototypes or Prototypes()).slides

    def add(self, slide_layout: Any) -> Any:
        """A new slide at the end of the deck, as ``prs.slides.add_slide(slide_layout)``
        makes it, with python-pptx's "turbo add" on: shape ids come from a counter,
        not an XPath over the slide for every shape added through ``slide.shapes``."""
        layout_part = slide_layout.part
        key = str(layout_part.partname)
        if key not in self._prototypes:
            slide = self.prs.slides.add_slide(slide_layout)
            slide.shapes.turbo_add_enabled = True
            self._prototypes[key] = (deepcopy(slide._element), _highest_id(slide._element))
            return slide
        from pptx.opc.constants import CONTENT_TYPE as CT, RELATIONSHIP_TYPE as RT
        from pptx.opc.packuri import PackURI
        from pptx.parts.slide import SlidePart

        prototype, highest = self._prototypes[key]
        # What python-pptx's PresentationPart.add_slide and Slides.add_slide do.
        prs_part = self.prs.part
        id_list = prs_part._element.get_or_add_sldIdLst()
        part = SlidePart(PackURI(f"/ppt/slides/slide{len(id_list) + 1}.xml"), CT.PML_SLIDE, prs_part.package,
                         deepcopy(prototype))
        part.relate_to(layout_part, RT.SLIDE_LAYOUT)
        _add_slide_id(id_list, prs_part.relate_to(part, RT.SLIDE))
        slide = part.slide
        # turbo_add_enabled = True, without its XPath: the counter starts at the copy's highest id.
        slide.shapes._cached_max_shape_id = highest
        return slide


_FIRST_SLIDE_ID, _LAST_SLIDE_ID = 256, 2147483647


def _add_slide_id(id_list: Any, rid: str) -> None:
    """``sldIdLst.add_sldId(rid)`` (a ``p:sldId`` numbered one past the highest),
    without its XPath; python-pptx's own search when the numbers run out."""
    ids = [int(sld_id.get("id")) for sld_id in id_list.iterchildren(_P + "sldId")]
    number = max(ids, default=_FIRST_SLIDE_ID - 1) + 1
    if number > _LAST_SLIDE_ID:
        id_list.add_sldId(rid)
        return
    sld_id = id_list.makeelement(_P + "sldId", {})
    sld_id.set("id", str(number))
    sld_id.set(_R + "id", rid)
    id_list.append(sld_id)


def _highest_id(element: Any) -> int:
    """The highest ``id`` attribute in the tree: python-pptx's ``max_shape_id``
    (XPath ``//@id``), walked instead."""
    ids = (node.get("id") for node in element.iter())
    return max((int(v) for v in ids if v is not None and v.isdigit()), default=0)


class NotesSlides:
    """Adds notes slides to one presentation's slides."""

    def __init__(self, prototypes: Prototypes | None = None) -> None:
        self._prototypes = prototypes or Prototypes()
        self._names: set[str] | None = None
        self._master: Any = None  # the presentation's notes master part, once looked up

    def add(self, slide: Any, lines: list[str], language: str) -> None:
        """Give ``slide`` a notes slide whose notes are ``lines``, one paragraph
        each, every run in ``language``: what setting ``notes_text_frame.text``
        and each run's language through python-pptx's API leaves."""
        if self._prototypes.notes is None:
            notes = slide.notes_slide  # python-pptx's way once: also makes the notes master
            self._prototypes.notes = deepcopy(notes._element)
            _write_api(notes, lines, language)
            return
        notes = self._copy(slide)
        body = _notes_body(notes._element)
        if body is None:  # a notes master without a body placeholder: let python-pptx find one
            _write_api(notes, lines, language)
            return
        from pptx.oxml import parse_xml

        for old in body.findall(_A + "p"):
            body.remove(old)
        lang = escape_attr(language)
        xml = "".join(f'<a:p><a:r><a:rPr lang="{lang}"/><a:t>{escape(_escaped(line))}</a:t></a:r></a:p>'
                      if line else "<a:p/>" for line in lines or [""])
        body.extend(parse_xml(f"<a:txBody {_A_NS}>{xml}</a:txBody>"))

    def _copy(self, slide: Any) -> Any:
        """A notes slide for ``slide``, copied from the prototype."""
        from pptx.opc.constants import CONTENT_TYPE as CT, RELATIONSHIP_TYPE as RT
        from pptx.parts.slide import NotesSlidePart

        slide_part = slide.part
        package = slide_part.package
        if self._master is None:
            self._master = package.presentation_part.notes_master_part  # made (python-pptx's default) if missing
        master = self._master
        part = NotesSlidePart(self._next_partname(package), CT.PML_NOTES_SLIDE, package,
                              deepcopy(self._prototypes.notes))
        part.relate_to(master, RT.NOTES_MASTER)
        part.relate_to(slide_part, RT.SLIDE)
        slide_part.relate_to(part, RT.NOTES_SLIDE)
        return part.notes_slide

    def _next_partname(self, package: Any) -> Any:
        """python-pptx's ``next_partname`` rule (the highest free number up to
        count + 1), on a set kept here instead of a walk of every part."""
        from pptx.opc.packuri import PackURI

        if self._names is None:
            self._names = {str(p.partname) for p in package.iter_parts() if p.partname.startswith(_NOTES_PREFIX)}
        for n in range(len(self._names) + 1, 0, -1):
            candidate = f"{_NOTES_PREFIX}{n}.xml"
            if candidate not in self._names:
                self._names.add(candidate)
                return PackURI(candidate)
        raise AssertionError("unreachable: count + 1 names cannot all be taken")



def _escaped(text: str) -> str:
    return _CONTROL.sub(lambda m: "_x%04X_" % ord(m.group()), text)


def _notes_body(notes_element: Any) -> Any:
    """The ``p:txBody`` of the notes slide's body placeholder (python-pptx's
    ``notes_placeholder``: the first placeholder of type body), or None."""
    found = _BODY_PLACEHOLDER(notes_element)
    return found[0].find(f"{_P}txBody") if found else None


def _write_api(notes: Any, lines: list[str], language: str) -> None:
    frame = notes.notes_text_frame
    frame.text = "\n".join(lines)
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            run._r.get_or_add_rPr().set("lang", language)
