"""Deck accessibility: what a screen reader (and PowerPoint's accessibility
checker) needs from each slide.

- every slide has a unique, non-empty title in its title placeholder;
- pictures and groups (the timeline figure) carry alt text (``descr``);
- decoration (title band, accent bar) is marked decorative, so it is skipped;
- the title is the first shape read (first non-decorative shape in the tree);
  decoration must stay earlier in the tree, because tree order is z-order.
Table header rows (``firstRow``) and run languages are set where the deck
writes them (:mod:`deck_table`, :mod:`deck_text`).
"""

from __future__ import annotations

from collections import Counter
from typing import Callable, Iterable

from lxml import etree

_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_NS = {"p": _P[1:-1], "a": _A[1:-1]}
DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
DECORATIVE_NS = "http://schemas.microsoft.com/office/drawing/2017/decorative"
# Compiled once: a compiled XPath runs in libxml2, where walking python-pptx's
# elements from Python builds a proxy object per element (~1 us each).
_TITLE = etree.XPath("./p:sp[p:nvSpPr/p:nvPr/p:ph[@type='title' or @type='ctrTitle']]", namespaces=_NS)
_TEXTS = etree.XPath(".//a:t/text()", namespaces=_NS, smart_strings=False)
# The first shape a reader reaches: one with non-visual properties not marked decorative.
_FIRST_READ = etree.XPath(f"./*[*/p:cNvPr[not(a:extLst/a:ext[@uri='{DECORATIVE_URI}'])]][1]", namespaces=_NS)
_DESCRIBED = etree.XPath(".//p:pic/p:nvPicPr/p:cNvPr | .//p:grpSp/p:nvGrpSpPr/p:cNvPr", namespaces=_NS)


def _c_nv_pr(shape):
    """The shape's non-visual properties (``p:cNvPr``): id, name, descr, extensions."""
    element = getattr(shape, "_element", shape)
    found = element.find(f"./*/{_P}cNvPr")
    if found is None:
        raise ValueError(f"{element.tag} has no cNvPr")
    return found


def set_alt_text(shape, text: str) -> None:
    """Alt text for a picture, group, graphic frame or shape (``p:cNvPr/@descr``)."""
    _c_nv_pr(shape).set("descr", " ".join(text.split()))


def alt_text(shape) -> str:
    return _c_nv_pr(shape).get("descr", "")


def mark_decorative(shape) -> None:
    """Office's "Mark as decorative": readers skip the shape."""
    from lxml import etree

    c_nv_pr = _c_nv_pr(shape)
    if is_decorative(shape):
        return
    ext_list = c_nv_pr.find(f"{_A}extLst")
    if ext_list is None:
        ext_list = etree.SubElement(c_nv_pr, f"{_A}extLst")
    ext = etree.SubElement(ext_list, f"{_A}ext", uri=DECORATIVE_URI)
    etree.SubElement(ext, f"{{{DECORATIVE_NS}}}decorative", nsmap={"adec": DECORATIVE_NS}, val="1")


def is_decorative(shape) -> bool:
    ext_list = _c_nv_pr(shape).find(f"{_A}extLst")
    return ext_list is not None and any(e.get("uri") == DECORATIVE_URI for e in ext_list)


def title_element(tree):
    """The title placeholder's ``p:sp`` in a shape tree (or None)."""
    found = _TITLE(tree)
    return found[0] if found else None


def element_text(element) -> str:
    """The text of every run and field in ``element`` (a shape, a text body), run into one."""
    return "".join(_TEXTS(element))


def title_first(slide) -> None:
    """Move the title placeholder before every non-decorative shape (reading order)."""
    tree = slide.shapes._spTree
    title = title_element(tree)
    if title is None:
        return
    first = _FIRST_READ(tree)
    if first and first[0] is not title:
        first[0].addprevious(title)


def unique_titles(titles: list[str]) -> list[str]:
    """The titles with repeats numbered ("Title (2)"), case-insensitively."""
    seen: Counter[str] = Counter()
    taken = {t.casefold() for t in titles}
    out = []
    for title in titles:
        key = title.casefold()
        seen[key] += 1
        if seen[key] > 1:
            n = seen[key]
            while f"{title} ({n})".casefold() in taken:
                n += 1
            title = f"{title} ({n})"
            taken.add(title.casefold())
        out.append(title)
    return out


def qualified(title: str, others: Iterable[str], qualifier: str) -> str:
    """``title — qualifier`` when another slide is titled the same."""
    clash = title.casefold() in {o.casefold() for o in others}
    return f"{title} \u2014 {qualifier}" if clash and qualifier else title


def finish_slides(slides, retitle: Callable[[object, str], None], describe: Callable[[object], str]) -> None:
    """The deck-wide pass: unique titles (``retitle`` refits a changed one),
    alt text on every picture and group lacking it, title first. Works on
    the XML directly: python-pptx's shape objects are slow to build."""
    slides = list(slides)
    current = []
    for slide in slides:
        title = title_element(slide.shapes._spTree)
        current.append("" if title is None else element_text(title))
    for slide, old, new in zip(slides, current, unique_titles(current)):
        if new != old:
            retitle(slide, new)
    for slide in slides:
        for c_nv_pr in _DESCRIBED(slide.shapes._spTree):  # pictures and groups, at any depth
            if not c_nv_pr.get("descr", "").strip():
                c_nv_pr.set("descr", describe(c_nv_pr.get("name", "")))
        title_first(slide)
