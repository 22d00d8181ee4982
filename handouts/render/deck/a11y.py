"""Deck accessibility: what a screen reader (and PowerPoint's accessibility
checker) needs from each slide.

- every slide has a unique, non-empty title in its title placeholder;
- pictures and groups (the timeline figure) carry alt text (``descr``);
- decoration (title band, accent bar) is marked decorative, so it is skipped;
- the title is the first shape read (first non-decorative shape in the tree);
  decoration must stay earlier in the tree, because tree order is z-order.
Table header rows (``firstRow``) and run languages are set where the deck
writes them (:mod:`handouts.render.deck.table`, :mod:`handouts.render.deck.text`).
Alt text and the decorative mark have no python-pptx API: they are set on
the shape's XML here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator

from lxml import etree

from handouts.i18n.words import join

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


def title_first(slide, title=None) -> None:
    """Move the title placeholder before every non-decorative shape (reading
    order; python-pptx has no z-order API, so the shape tree is reordered).
    Only the shapes before the title are looked at (on a new slide, none or
    the decoration sent to the back)."""
    title = title if title is not None else slide.shapes.title
    if title is None:
        return
    element = title._element
    before = [e for e in element.itersiblings(preceding=True) if e.find(f"./*/{_P}cNvPr") is not None]
    readable = [e for e in before if not is_decorative(e)]
    if readable:
        readable[-1].addprevious(element)  # siblings come nearest first: the last is the earliest


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
    return join(title, qualifier, sep=" \u2014 ") if clash and qualifier else title


def _described(slide) -> Iterator:
    """The elements of the slide's pictures and groups, inside groups too, in
    tree order (read from the XML: a proxy per shape costs more than the pass)."""
    return slide.shapes.element.iter(f"{_P}grpSp", f"{_P}pic")


def title_text(slide) -> str:
    """The text of the slide's title placeholder ("" without one)."""
    title = slide.shapes.title
    return "" if title is None else title.text_frame.text


def finish_slides(records, retitle: Callable[[object, str], None], describe: Callable[[str], str]) -> None:
    """The deck-wide pass over the slides' records (slide, title placeholder,
    title text, figure flag): unique titles (``retitle`` refits a changed
    one), alt text on every picture and group of a figure slide lacking it
    (``describe`` names it from the shape's name; the deck's own pictures
    have theirs), title first."""
    current = [record.title_text for record in records]
    for record, old, new in zip(records, current, unique_titles(current)):
        if new != old:
            retitle(record.slide, new)
    for record in records:
        if record.figure:
            for element in _described(record.slide):
                if not alt_text(element).strip():
                    set_alt_text(element, describe(_c_nv_pr(element).get("name", "")))
        title_first(record.slide, record.title)
