"""The deck's base presentation: python-pptx's default or a teacher's own
.pptx/.potx template; slide layouts and placeholders found by *type*, never by
index (templates order them freely); deterministic saving.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from handouts.errors import LayoutError
from handouts.layout.models import Layout
from handouts.render.context import RenderContext
from handouts.render.deck.package import ZIP_TIME, write_package

if TYPE_CHECKING:
    from pptx.presentation import Presentation

SLIDE_SIZES_EMU = {"16:9": (12_192_000, 6_858_000), "4:3": (9_144_000, 6_858_000)}
FIXED_TIME = datetime(2000, 1, 1, 0, 0, 0)
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_PLACEHOLDERS = etree.XPath("./*[*/p:nvPr/p:ph]", namespaces={"p": _P[1:-1]})  # top-level shapes with a p:ph
_TEMPLATE_MAIN = b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
_PRESENTATION_MAIN = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"


def template_path(layout: Layout, context: RenderContext) -> Path | None:
    """The layout's template file (made absolute, relative to the layout file that
    names it, when the layout was resolved)."""
    return Path(layout.deck.template).expanduser() if layout.deck.template else None


def open_base(layout: Layout, context: RenderContext) -> tuple["Presentation", bool]:
    """The presentation to build on and whether it came from a template.

    Without a template, the default template is resized to the layout's
    aspect. A template keeps its own size and loses any slides it had."""
    from pptx import Presentation

    path = template_path(layout, context)
    if path is None:
        return default_presentation(layout.deck.aspect), False
    hint = "deck.template is a .pptx or .potx file, relative to the layout file's folder"
    if path.suffix.lower() not in (".pptx", ".potx"):
        raise LayoutError.single(f"the deck template {path.name!r} is not a .pptx or .potx file",
                                 key="deck.template", hint=hint)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LayoutError.single(f"cannot read the deck template: {exc.strerror}", file=path,
                                 key="deck.template", hint=hint) from None
    try:
        prs = Presentation(io.BytesIO(as_presentation(data)))
    except Exception as exc:  # python-pptx raises many kinds for damaged files
        raise LayoutError.single(f"the deck template cannot be opened ({type(exc).__name__})", file=path,
                                 key="deck.template", hint="open and re-save it in PowerPoint or LibreOffice") from None
    drop_slides(prs)
    return prs, True


_PRISTINE: dict[str, "Presentation"] = {}  # aspect -> python-pptx's default template at that size


def default_presentation(aspect: str) -> "Presentation":
    """python-pptx's default template at the ``aspect``'s size: a deep copy of
    one opened once per process (opening reads and parses ~30 parts, 2.5 ms;
    the copy takes a third of that). The kept one is never built on, and a
    freshly opened presentation holds no python-pptx object that points into
    the middle of a part's XML (a deep copy would detach such a reference);
    tests/test_deck_xml.py checks both."""
    import copy

    from pptx import Presentation

    pristine = _PRISTINE.get(aspect)
    if pristine is None:
        pristine = Presentation()
        pristine.slide_width, pristine.slide_height = SLIDE_SIZES_EMU[aspect]
        _PRISTINE[aspect] = pristine
    return copy.deepcopy(pristine)


def as_presentation(data: bytes) -> bytes:
    """A .potx differs from a .pptx only in its main part's content type;
    rewrite that in memory so python-pptx opens it."""
    source = zipfile.ZipFile(io.BytesIO(data))
    types = source.read("[Content_Types].xml")
    if _TEMPLATE_MAIN not in types:
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            blob = source.read(info)
            if info.filename == "[Content_Types].xml":
                blob = types.replace(_TEMPLATE_MAIN, _PRESENTATION_MAIN)
            target.writestr(info, blob)
    return out.getvalue()


def drop_slides(prs: "Presentation") -> None:
    """Remove a template's own slides (their parts are then not saved)."""
    id_list = prs.slides._sldIdLst
    for sld_id in list(id_list):
        prs.part.drop_rel(sld_id.rId)
        id_list.remove(sld_id)


def _types(layout) -> list:
    from pptx.enum.shapes import PP_PLACEHOLDER

    skip = {PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER}
    return [ph.placeholder_format.type for ph in layout.placeholders if ph.placeholder_format.type not in skip]


_DEFAULT_PICKS: dict[str, int] = {}  # python-pptx's default template never changes


def pick_layout(prs: "Presentation", kind: str, default_template: bool = False):
    """A slide layout by what its placeholders are: ``"title"`` (centre title +
    subtitle) or ``"title_only"`` (a title and room for our own shapes).

    For python-pptx's own default template the choice is remembered (reading
    every layout's placeholders costs ~4 ms a deck)."""
    from pptx.enum.shapes import PP_PLACEHOLDER as P

    if default_template and kind in _DEFAULT_PICKS:
        return prs.slide_layouts[_DEFAULT_PICKS[kind]]

    def score(layout) -> tuple[int, int]:
        types = _types(layout)
        titles = sum(t in (P.TITLE, P.CENTER_TITLE) for t in types)
        if not titles:
            return (99, 0)
        others = len(types) - titles
        if kind == "title":
            return (0 if P.CENTER_TITLE in types and P.SUBTITLE in types else 2 if P.SUBTITLE in types else 5 + others, 0)
        return (0 if not others and P.TITLE in types else 1 + others, 0)

    layouts = list(prs.slide_layouts)
    best = min(range(len(layouts)), key=lambda i: (score(layouts[i]), i))
    if score(layouts[best])[0] == 99:
        raise LayoutError.single("the deck template has no slide layout with a title placeholder",
                                 key="deck.template", hint="add a 'Title Only' layout to the template's master")
    if default_template:
        _DEFAULT_PICKS[kind] = best
    return layouts[best]


def placeholder(slide, *types):
    """The slide's first placeholder of one of ``types`` (or ``None``)."""
    for shape in slide.placeholders:
        if shape.placeholder_format.type in types:
            return shape
    return None


def layout_box(slide_layout, *types) -> tuple[int, int, int, int] | None:
    """(left, top, width, height) in EMU of a layout placeholder of ``types``."""
    for shape in slide_layout.placeholders:
        if shape.placeholder_format.type in types and shape.width:
            return shape.left, shape.top, shape.width, shape.height
    return None


def remove_empty_placeholders(slide) -> None:
    """Empty placeholders show "Click to add text" in editors: remove them.

    Works on the XML (python-pptx's ``slide.placeholders`` searches every
    shape's XML, then its text frame's): a placeholder is a top-level shape
    with a ``p:ph``; it stays only when it is a ``p:sp`` with visible text."""
    from handouts.render.deck.a11y import element_text

    tree = slide.shapes._spTree
    for element in _PLACEHOLDERS(tree):
        body = element.find(f"{_P}txBody") if element.tag == f"{_P}sp" else None
        if body is None or not element_text(body).strip():
            tree.remove(element)


def save(prs: "Presentation", title: str, author: str | None, language: str, subject: str = "") -> bytes:
    """Save with fixed metadata and fixed zip timestamps: same input, same bytes."""
    props = prs.core_properties
    props.title = title[:250]
    props.author = (author or "")[:250]
    props.subject = subject[:250]
    props.language = language
    props.created = props.modified = FIXED_TIME
    props.last_printed = FIXED_TIME
    props.last_modified_by = "handouts"
    props.revision = 1
    try:
        return write_package(prs)
    except (AttributeError, OverflowError):  # python-pptx internals moved, or a huge deck: save, then restamp
        raw = io.BytesIO()
        prs.save(raw)
        return fix_zip_times(raw.getvalue())


def fix_zip_times(data: bytes) -> bytes:
    """python-pptx stamps zip members with the current time; restamp them."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info))
    return out.getvalue()
