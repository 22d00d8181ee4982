"""Drawing primitives for deck slides: text frames set exactly as measured
(fixed insets, exact line spacing, no autofit, wrapping on), rectangles,
pictures with alt text. Positions are in points; python-pptx gets EMU.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from handouts.markup import escape, escape_attr, parse_inline
from handouts.units import pt_to_emu
from handouts.render.deck.fit import Insets, TextStyle

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


@dataclass(frozen=True)
class Box:
    """A rectangle on the slide, in points."""

    left: float
    top: float
    width: float
    height: float

    @property
    def bottom(self) -> float:
        return self.top + self.height

    def columns(self, count: int, gap: float) -> list["Box"]:
        width = (self.width - gap * (count - 1)) / count
        return [Box(self.left + i * (width + gap), self.top, width, self.height) for i in range(count)]

    def split_top(self, height: float, gap: float = 0.0) -> tuple["Box", "Box"]:
        """The top ``height`` and what remains below it (after ``gap``)."""
        return (Box(self.left, self.top, self.width, height),
                Box(self.left, self.top + height + gap, self.width, self.height - height - gap))


def place(shape, box: Box) -> None:
    """Move and size a ``p:sp`` (or its python-pptx shape) to ``box``: the
    ``a:xfrm`` python-pptx's left/top/width/height setters leave, set directly
    (each setter searches the tree for the transform and its children)."""
    sp = getattr(shape, "_element", shape)
    sp_pr = sp.find(_P + "spPr")
    xfrm = sp_pr.find(_A + "xfrm")
    if xfrm is None:
        xfrm = sp_pr.makeelement(_A + "xfrm", {})
        sp_pr.insert(0, xfrm)  # the first child of p:spPr
    off, ext = xfrm.find(_A + "off"), xfrm.find(_A + "ext")
    if off is None:
        off = xfrm.makeelement(_A + "off", {})
        xfrm.insert(0, off)
    if ext is None:
        ext = xfrm.makeelement(_A + "ext", {})
        off.addnext(ext)
    left, top, width, height = box_emu(box)
    off.set("x", str(left))
    off.set("y", str(top))
    ext.set("cx", str(width))
    ext.set("cy", str(height))


# What python-pptx's text-frame setters write into a:bodyPr (an inset equal to
# the schema default is dropped, as its OptionalAttribute does).
_DEFAULT_INSETS = {"lIns": 91440, "rIns": 91440, "tIns": 45720, "bIns": 45720}
_AUTOFIT = (_A + "noAutofit", _A + "normAutofit", _A + "spAutoFit")
_AFTER_AUTOFIT = (_A + "scene3d", _A + "sp3d", _A + "flatTx", _A + "extLst")


def format_frame(text_frame, insets: Insets, anchor: str = "top") -> None:
    """No autofit, wrapping on, explicit insets: the renderer draws what we measured.

    Sets ``a:bodyPr`` as python-pptx's ``word_wrap``, ``auto_size``, margin and
    ``vertical_anchor`` setters would, attribute for attribute, without their
    per-property tree searches."""
    body_pr = text_frame._txBody.find(_A + "bodyPr")
    body_pr.set("wrap", "square")
    for old in [child for child in body_pr if child.tag in _AUTOFIT]:
        body_pr.remove(old)
    no_autofit = body_pr.makeelement(_A + "noAutofit", {})
    after = next((child for child in body_pr if child.tag in _AFTER_AUTOFIT), None)
    if after is None:
        body_pr.append(no_autofit)
    else:
        after.addprevious(no_autofit)
    for name, points in (("lIns", insets.left), ("rIns", insets.right), ("tIns", insets.top),
                         ("bIns", insets.bottom)):
        emu = int(points * 12700)  # python-pptx's Pt(): truncated, not rounded
        if emu == _DEFAULT_INSETS[name]:
            body_pr.attrib.pop(name, None)
        else:
            body_pr.set(name, str(emu))
    body_pr.set("anchor", _ANCHOR[anchor])


_NS = ('xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
_ALIGN = {"left": "l", "center": "ctr"}
_ANCHOR = {"top": "t", "middle": "ctr", "bottom": "b"}
_SP_NS = ('xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
          'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')


def _quoted(value: str) -> str:
    return f'"{escape_attr(value)}"'


def add_shape_xml(shapes, name: str | None, body: str, xfrm: tuple[int, int, int, int], text_box: bool = False,
                  decorative: bool = False):
    """Add one ``<p:sp>`` parsed at once: what python-pptx's add_shape/add_textbox
    and a dozen property calls would leave, without their per-call tree searches.
    Unnamed shapes get python-pptx's names ("TextBox 3"); ``body`` follows ``a:xfrm``;
    ``decorative`` marks it as deck_a11y.mark_decorative does."""
    from pptx.oxml import parse_xml
    from pptx.shapes.autoshape import Shape

    from handouts.render.deck.a11y import DECORATIVE_NS, DECORATIVE_URI

    shape_id = shapes._next_shape_id
    name = name or f"{'TextBox' if text_box else 'Rectangle'} {shape_id - 1}"
    flag = ' txBox="1"' if text_box else ""
    left, top, width, height = xfrm
    mark = (f'><a:extLst><a:ext uri="{DECORATIVE_URI}"><adec:decorative xmlns:adec="{DECORATIVE_NS}" val="1"/>'
            f'</a:ext></a:extLst></p:cNvPr>' if decorative else "/>")
    sp = parse_xml(
        f'<p:sp {_SP_NS}><p:nvSpPr><p:cNvPr id="{shape_id}" name={_quoted(name)}{mark}'
        f'<p:cNvSpPr{flag}/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm>'
        f'<a:off x="{left}" y="{top}"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>{body}</p:sp>')
    shapes._spTree.insert_element_before(sp, "p:extLst")
    return Shape(sp, shapes)  # what shapes._shape_factory returns for it, without its placeholder search


def box_emu(box: "Box") -> tuple[int, int, int, int]:
    """A box in points as EMU (left, top, width, height)."""
    return pt_to_emu(box.left), pt_to_emu(box.top), pt_to_emu(box.width), pt_to_emu(box.height)


def _paragraph_xml(text: str, first: bool, style: TextStyle, color: str, language: str, align: str,
                   bullet_color: str, link_color: str | None, link_id) -> str:
    """One ``<a:p>``: exact line spacing, explicit bullets (or none), styled runs."""
    size = int(round(style.size * 100))
    indent = pt_to_emu(style.indent)
    bullet = (f'<a:buClr><a:srgbClr val="{bullet_color.lstrip("#")}"/></a:buClr>'
              f'<a:buFont typeface={_quoted(style.font)}/><a:buChar char="•"/>') if style.bullet else "<a:buNone/>"
    out = [f'<a:p><a:pPr marL="{indent}" indent="{-indent}" algn="{_ALIGN[align]}">'
           f'<a:lnSpc><a:spcPts val="{int(round(style.line_height * 100))}"/></a:lnSpc>'
           f'<a:spcBef><a:spcPts val="{0 if first else int(round(style.gap * 100))}"/></a:spcBef>'
           f'<a:spcAft><a:spcPts val="0"/></a:spcAft>{bullet}</a:pPr>']
    lang = _quoted(language)
    font = _quoted(style.font)
    for span in parse_inline(text):
        fill = (link_color if span.href and link_color else color).lstrip("#")
        link = f'<a:hlinkClick r:id="{link_id(span.href)}"/>' if span.href else ""
        underline = ' u="sng"' if span.href else ""
        content = escape(span.text.replace("\n", " "))
        out.append(f'<a:r><a:rPr lang={lang} sz="{size}" b="{int(style.bold or span.bold)}" i="{int(span.italic)}"'
                   f'{underline} dirty="0"><a:solidFill><a:srgbClr val="{fill}"/></a:solidFill>'
                   f'<a:latin typeface={font}/><a:cs typeface={font}/>{link}</a:rPr>'
                   f'<a:t>{content}</a:t></a:r>')
    out.append(f'<a:endParaRPr lang={lang} sz="{size}" dirty="0"/></a:p>')
    return "".join(out)


def paragraphs_xml(part, paragraphs: list[str], style: TextStyle, color: str, language: str,
                   align: str = "left", bullet_color: str | None = None, link_color: str | None = None) -> str:
    """The ``<a:p>`` elements for ``paragraphs`` (inline markup honoured; at
    least one, perhaps empty), spaced exactly as :mod:`deck_fit` measures them;
    links become hyperlink relationships of ``part`` (the slide part)."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    def link_id(url: str) -> str:
        return part.relate_to(url, RT.HYPERLINK, is_external=True)

    return "".join(_paragraph_xml(text, i == 0, style, color, language, align, bullet_color or color,
                                  link_color, link_id) for i, text in enumerate(paragraphs or [""]))


def write(text_frame, paragraphs: list[str], style: TextStyle, color: str, language: str,
          align: str = "left", bullet_color: str | None = None, link_color: str | None = None) -> None:
    """Replace the frame's text with ``paragraphs`` (see :func:`paragraphs_xml`).
    Built as XML text in one parse: python-pptx's per-property API is the
    deck's slowest part."""
    from pptx.oxml import parse_xml

    body = text_frame._txBody
    for old in body.findall(_A + "p"):
        body.remove(old)
    xml = paragraphs_xml(text_frame.part, paragraphs, style, color, language, align, bullet_color, link_color)
    body.extend(parse_xml(f"<a:txBody {_NS}>{xml}</a:txBody>"))


def text_box(slide, box: Box, paragraphs: list[str], style: TextStyle, color: str, language: str,
             insets: Insets = Insets(), anchor: str = "top", fill: str | None = None, name: str | None = None,
             **options) -> object:
    """A text box exactly ``box``, holding ``paragraphs`` set in ``style``.

    The shape and its text are parsed from one string (the XML python-pptx's
    add_textbox, place, fill and :func:`format_frame` would leave, attribute
    for attribute) instead of a dozen property calls each searching the XML tree."""
    from pptx.util import Pt

    paint = f'<a:solidFill><a:srgbClr val="{fill.lstrip("#").upper()}"/></a:solidFill>' if fill else "<a:noFill/>"
    text = paragraphs_xml(slide.part, paragraphs, style, color, language, **options)
    return add_shape_xml(slide.shapes, name, (
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{paint}</p:spPr><p:txBody>'
        f'<a:bodyPr wrap="square" lIns="{Pt(insets.left)}" rIns="{Pt(insets.right)}" tIns="{Pt(insets.top)}" '
        f'bIns="{Pt(insets.bottom)}" anchor="{_ANCHOR[anchor]}"><a:noAutofit/></a:bodyPr><a:lstStyle/>{text}'
        f'</p:txBody>'), box_emu(box), text_box=True)


def rectangle(slide, box: Box, fill: str, name: str | None = None) -> object:
    """A filled rectangle without outline or text (bands, accent bars): the XML
    python-pptx's add_shape plus fill, line and shadow settings leave, parsed at
    once; decoration, marked so screen readers skip it."""
    return add_shape_xml(slide.shapes, name, (
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        f'<a:solidFill><a:srgbClr val="{fill.lstrip("#").upper()}"/></a:solidFill><a:ln><a:noFill/></a:ln>'
        f'<a:effectLst/></p:spPr><p:style><a:lnRef idx="1"><a:schemeClr val="accent1"/></a:lnRef>'
        f'<a:fillRef idx="3"><a:schemeClr val="accent1"/></a:fillRef><a:effectRef idx="2">'
        f'<a:schemeClr val="accent1"/></a:effectRef><a:fontRef idx="minor"><a:schemeClr val="lt1"/></a:fontRef>'
        f'</p:style><p:txBody><a:bodyPr rtlCol="0" anchor="ctr"/><a:lstStyle/><a:p><a:pPr algn="ctr"/></a:p>'
        f'</p:txBody>'), box_emu(box), decorative=True)


def send_to_back(shape) -> None:
    """Draw ``shape`` beneath the slide's other shapes (after the group properties)."""
    tree = shape._element.getparent()
    tree.remove(shape._element)
    tree.insert(2, shape._element)


def picture(slide, path: Path, box: Box, alt: str, key: str = "image") -> object:
    """The image scaled to fit ``box`` (aspect kept, centred), with alt text.

    Decoded and shrunk with the handout's picture loader first, so a 40 MB
    photo does not ride along in the deck and a broken file fails cleanly."""
    import io

    from handouts.render.pictures import decode_picture

    image = decode_picture(path, key)
    px_w, px_h = image.size
    stream = io.BytesIO()
    image.save(stream, format="JPEG" if px_w * px_h > 250_000 else "PNG", quality=88)
    scale = min(box.width / px_w, box.height / px_h)
    width, height = px_w * scale, px_h * scale
    fitted = Box(box.left + (box.width - width) / 2, box.top + (box.height - height) / 2, width, height)
    stream.seek(0)
    shape = slide.shapes.add_picture(stream, pt_to_emu(fitted.left), pt_to_emu(fitted.top),
                                     pt_to_emu(fitted.width), pt_to_emu(fitted.height))
    from handouts.render.deck.a11y import set_alt_text

    set_alt_text(shape, alt)
    return shape
