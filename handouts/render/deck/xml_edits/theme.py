"""The deck's theme: the layout's colours and fonts in the theme part, and the
slides naming them by reference."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from handouts.caches import memoize
from handouts.render.deck.xml_edits.names import A as _A

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


# -- the slides' colours and fonts as references to the theme -------------------------------------------------------
# Slides name the theme's colours through the master's colour map (tx1 = dk1, bg1 = lt1, ...).
_SLIDE_NAMES = {"dk1": "tx1", "lt1": "bg1", "dk2": "tx2", "lt2": "bg2", "hlink": "hlink"}
_ACCENTS = tuple(f"accent{n}" for n in range(1, 7))
# Which slot a colour found in several is taken for: text reads as text or heading first,
# fills, lines and bullets as an accent first.
_TEXT_ORDER = ("tx1", "tx2", "hlink", "bg1", "bg2", *_ACCENTS)
_SHAPE_ORDER = (*_ACCENTS, "bg1", "bg2", "tx2", "tx1", "hlink")
_TEXT_PARENTS = frozenset(_A + tag for tag in ("rPr", "defRPr", "endParaRPr"))


@dataclass(frozen=True)
class ThemeRefs:
    """What a slide written for ``theme`` may name by reference: each slot's colour
    ("RRGGBB" -> scheme name), for text and for shapes, and the heading and body fonts."""

    text: dict[str, str]
    shape: dict[str, str]
    major: str
    minor: str


@memoize("deck theme references", maxsize=16)
def theme_refs(theme: Theme) -> ThemeRefs:
    """The references a slide can use for ``theme``'s colours and Latin fonts."""
    names = {**_SLIDE_NAMES, **{a: a for a in _ACCENTS}}
    by_name = {
        names[slot]: color.lstrip("#").upper() for slot, color in zip(THEME_SLOTS, theme.colors) if slot in names
    }

    def first(order: tuple[str, ...]) -> dict[str, str]:
        found: dict[str, str] = {}
        for name in order:
            found.setdefault(by_name[name], name)
        return found

    return ThemeRefs(first(_TEXT_ORDER), first(_SHAPE_ORDER), theme.major, theme.minor)


def theme_references(slide, refs: ThemeRefs, title=None) -> None:  # noqa: ANN001 - python-pptx objects
    """Name the theme wherever a slide uses one of its colours or fonts, so that
    PowerPoint's Design > Variants and Fonts recolour and reset the slides: an
    ``a:srgbClr`` that is exactly a slot becomes that ``a:schemeClr`` (tx1, tx2, bg1,
    accent1...; a text's colour read as text first, a fill's or a line's as an accent
    first), and a Latin typeface that is the theme's heading or body font ``+mj-lt`` or
    ``+mn-lt`` (the heading font in ``title``, the slide's title shape, first). Tints and
    other colours stay as they are. One pass over the slide's finished XML; renamed in
    place (the colour's transforms, if any, kept)."""
    tree = slide.element
    text, shape = refs.text, refs.shape
    for color in tree.iter(_A + "srgbClr"):
        value = color.get("val")
        name = text.get(value)
        if name is not None and name != shape[value]:  # a colour in two slots: which one is the use's
            name = name if color.getparent().getparent().tag in _TEXT_PARENTS else shape[value]
        if name is not None:
            color.tag = _A + "schemeClr"
            color.set("val", name)
    if title is not None:
        for latin in title._element.iter(_A + "latin"):
            if latin.get("typeface") == refs.major:
                latin.set("typeface", "+mj-lt")
    for latin in tree.iter(_A + "latin"):
        face = latin.get("typeface")
        if face == refs.minor:
            latin.set("typeface", "+mn-lt")
        elif face == refs.major:
            latin.set("typeface", "+mj-lt")
