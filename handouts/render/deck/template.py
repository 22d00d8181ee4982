"""The deck's base presentation: python-pptx's default template at the
layout's aspect, or a teacher's own .pptx/.potx template without its slides.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER as P

from handouts.caches import memoize
from handouts.errors import LayoutError
from handouts.layout.models import Layout
from handouts.render.context import RenderContext
from handouts.render.deck import xml_edits

KEPT_LAYOUTS = ("Title Slide", "Title and Content", "Title Only", "Blank")  # what a teacher adds slides with
SLIDE_SIZES_EMU = {"16:9": (12_192_000, 6_858_000), "4:3": (9_144_000, 6_858_000)}
_TEMPLATE_MAIN = b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
_PRESENTATION_MAIN = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_SECTIONS = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"  # PowerPoint 2010's section list (names slide ids)


def template_path(layout: Layout, context: RenderContext) -> Path | None:
    """The layout's template file (made absolute, relative to the layout file that
    names it, when the layout was resolved)."""
    return Path(layout.deck.template).expanduser() if layout.deck.template else None


def theme_of(layout: Layout) -> xml_edits.Theme:
    """The layout as a theme, so PowerPoint's Design tab and its Variants work
    with it: text and background as dark 1 / light 1, headings and the zebra
    tint as dark 2 / light 2, the accent then the subject palette as accents
    1-6 (repeated when the palette is short), links; headings' and body's fonts."""
    c = layout.colors
    accents = list(dict.fromkeys([c.accent.upper(), *(p.upper() for p in layout.palette)]))
    accents = (accents * 6)[:6]
    return xml_edits.Theme(
        name=f"handouts {layout.name}",
        colors=(c.text, c.background, c.heading, c.zebra, *accents, c.link, c.muted),
        major=layout.deck.fonts.heading,
        minor=layout.deck.fonts.body,
    )


def default_presentation(aspect: str, theme: xml_edits.Theme | None = None) -> Presentation:
    """python-pptx's default template at the ``aspect``'s size, with ``theme``
    (opened per deck from bytes made once: a presentation is mutated as it is
    built, so none is shared)."""
    return Presentation(io.BytesIO(_default_bytes(aspect, theme)))


@memoize("deck default bases", maxsize=16)  # one per aspect and layout theme
def _default_bytes(aspect: str, theme: xml_edits.Theme | None) -> bytes:
    """The default template trimmed once: the slide layouts a lecture deck has
    no use for removed (fewer parts to carry, look up and save in every deck),
    the rest stretched to the slide's width, and a notes master without
    header, date, footer and number (each notes slide clones less); the
    layout's theme written in. The template's printer settings and its
    thumbnail (a picture of an empty white slide, not of this deck) go."""
    prs = Presentation()
    _drop_foreign_parts(prs)
    if theme is not None:
        xml_edits.set_theme(prs, theme)
    old_width = prs.slide_width
    prs.slide_width, prs.slide_height = SLIDE_SIZES_EMU[aspect]
    for slide_layout in [sl for sl in prs.slide_layouts if sl.name not in KEPT_LAYOUTS]:
        prs.slide_layouts.remove(slide_layout)
    scale = prs.slide_width / old_width
    for shape in [*prs.slide_master.placeholders, *(ph for sl in prs.slide_layouts for ph in sl.placeholders)]:
        if shape.width:
            shape.left, shape.width = round(shape.left * scale), round(shape.width * scale)
    for shape in list(prs.notes_master.placeholders):
        if shape.placeholder_format.type not in (P.SLIDE_IMAGE, P.BODY):
            xml_edits.remove_shape(shape)
    raw = io.BytesIO()
    prs.save(raw)
    return raw.getvalue()


def _drop_foreign_parts(prs: Presentation) -> None:
    """Unrelate python-pptx's default template's printer settings and thumbnail
    (public ``drop_rel``): an unrelated part is neither walked nor saved."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    package = prs.part.package
    for r_id, rel in list(prs.part.rels.items()):
        if rel.reltype == RT.PRINTER_SETTINGS:
            prs.part.drop_rel(r_id)
    for rel in [rel for rel in package.iter_rels() if rel.reltype == RT.THUMBNAIL]:
        package.drop_rel(rel.rId)


def open_base(layout: Layout, context: RenderContext) -> tuple[Presentation, bool]:
    """The presentation to build on and whether it came from a template.

    Without a template, the default template is resized to the layout's
    aspect and given the layout's theme. A template keeps its own size and
    theme (the school's design) and loses any slides it had."""
    path = template_path(layout, context)
    if path is None:
        return default_presentation(layout.deck.aspect, theme_of(layout)), False
    hint = "deck.template is a .pptx or .potx file, relative to the layout file's folder"
    if path.suffix.lower() not in (".pptx", ".potx"):
        raise LayoutError.single(
            f"the deck template {path.name!r} is not a .pptx or .potx file", key="deck.template", hint=hint
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LayoutError.single(
            f"cannot read the deck template: {exc.strerror}", file=path, key="deck.template", hint=hint
        ) from None
    try:
        return Presentation(io.BytesIO(blank_presentation(data))), True
    except Exception as exc:  # python-pptx, zipfile and lxml raise many kinds for damaged files
        raise LayoutError.single(
            f"the deck template cannot be opened ({type(exc).__name__})",
            file=path,
            key="deck.template",
            hint="open and re-save it in PowerPoint or LibreOffice",
        ) from None


def blank_presentation(data: bytes) -> bytes:
    """The template file as a .pptx without slides, before python-pptx opens it.

    A .potx differs from a .pptx only in its main part's content type. The
    slides are dropped from the main part's slide list and relationships
    (python-pptx has no API to delete a slide, and it loads only the parts
    reachable by relationships, so the old slides are then neither read nor
    saved). Returns ``data`` itself when there is nothing to change."""
    source = zipfile.ZipFile(io.BytesIO(data))
    changed: dict[str, bytes] = {}
    types = source.read("[Content_Types].xml")
    if _TEMPLATE_MAIN in types:
        changed["[Content_Types].xml"] = types.replace(_TEMPLATE_MAIN, _PRESENTATION_MAIN)
    main = _main_part(source)
    rels_name = posixpath.join(posixpath.dirname(main), "_rels", posixpath.basename(main) + ".rels")
    rels = etree.fromstring(source.read(rels_name))
    slides = [rel for rel in rels if rel.get("Type") == _RT + "slide"]
    if slides:
        for rel in slides:
            rels.remove(rel)
        presentation = etree.fromstring(source.read(main))
        for element in (
            presentation.findall(f"{_P}sldIdLst")
            + presentation.findall(f"{_P}custShowLst")
            + presentation.findall(f"{_P}extLst/{_P}ext[@uri='{_SECTIONS}']")
        ):
            element.getparent().remove(element)
        changed[rels_name] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True)
        changed[main] = etree.tostring(presentation, xml_declaration=True, encoding="UTF-8", standalone=True)
    if not changed:
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, changed.get(info.filename) or source.read(info))
    return out.getvalue()


def _main_part(source: zipfile.ZipFile) -> str:
    """The member name of the package's main part (``ppt/presentation.xml`` as a rule)."""
    root = etree.fromstring(source.read("_rels/.rels"))
    for rel in root:
        if rel.get("Type") == _RT + "officeDocument":
            return posixpath.normpath(rel.get("Target").lstrip("/"))
    raise ValueError("the package has no main part")
