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

_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
DECORATIVE_NS = "http://schemas.microsoft.com/office/drawing/2017/decorative"


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
    for sp in tree.iterchildren(f"{_P}sp"):
        ph = sp.find(f"{_P}nvSpPr/{_P}nvPr/{_P}ph")
        if ph is not None and ph.get("type") in ("title", "ctrTitle"):
            return sp
    return None


def title_first(slide) -> None:
    """Move the title placeholder before every non-decorative shape (reading order)."""
    tree = slide.shapes._spTree
    title = title_element(tree)
    if title is None:
        return
    for element in tree.iterchildren():
        if element is title:
            return
        if element.find(f"./*/{_P}cNvPr") is not None and not is_decorative(element):
            element.addprevious(title)
            return


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
        current.append("" if title is None else "".join(t.text or "" for t in title.iter(f"{_A}t")))
    for slide, old, new in zip(slides, current, unique_titles(current)):
        if new != old:
            retitle(slide, new)
    for slide in slides:
        tree = slide.shapes._spTree
        for c_nv_pr in tree.iterfind(f".//{_P}pic/{_P}nvPicPr/{_P}cNvPr"):
            if not c_nv_pr.get("descr", "").strip():
                c_nv_pr.set("descr", describe(c_nv_pr.get("name", "")))
        for c_nv_pr in tree.iterfind(f".//{_P}grpSp/{_P}nvGrpSpPr/{_P}cNvPr"):
            if not c_nv_pr.get("descr", "").strip():
                c_nv_pr.set("descr", describe(c_nv_pr.get("name", "")))
        title_first(slide)
