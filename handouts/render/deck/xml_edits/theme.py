"""The deck's theme: the layout's colours and fonts in the theme part."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

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
