"""Drawing primitives for deck slides, with python-pptx's API: text frames
set exactly as measured (fixed insets, exact line spacing, no autofit,
wrapping on), rectangles, pictures with alt text. Positions are in points;
python-pptx gets EMU.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE

from handouts.i18n.words import Phrase, language_of
from handouts.markup import parse_inline
from handouts.render.deck import xml_edits
from handouts.render.deck.a11y import mark_decorative, set_alt_text
from handouts.render.deck.fit import Insets, TextStyle, slide_text
from handouts.render.deck.xml_edits import FrameDefaults
from handouts.render.pictures import decode_picture
from handouts.scripts import DECK_COMPLEX, east_asian_font, first_strong_rtl, is_rtl_language, primary, profile
from handouts.units import pt_to_emu

ALIGN = {"left": "l", "center": "ctr", "right": "r"}  # a:pPr/@algn


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
        return (
            Box(self.left, self.top, self.width, height),
            Box(self.left, self.top + height + gap, self.width, self.height - height - gap),
        )


def box_emu(box: Box) -> tuple[int, int, int, int]:
    """A box in points as EMU (left, top, width, height)."""
    return pt_to_emu(box.left), pt_to_emu(box.top), pt_to_emu(box.width), pt_to_emu(box.height)


def position(shape, box: Box) -> None:
    """Move and size a shape (a placeholder, say) to ``box``."""
    xml_edits.set_box(shape, *box_emu(box))


def rgb(color: str) -> RGBColor:
    """A layout colour ("#RRGGBB") as python-pptx's colour."""
    return RGBColor.from_string(color.lstrip("#").upper())


def format_frame(text_frame, insets: Insets, anchor: str = "top") -> None:
    """No autofit, wrapping on, explicit insets: the renderer draws what we measured."""
    xml_edits.body_properties(
        text_frame,
        (pt_to_emu(insets.left), pt_to_emu(insets.top), pt_to_emu(insets.right), pt_to_emu(insets.bottom)),
        anchor,
    )


def defaults(style: TextStyle, color: str, language: str, align: str, bullet_color: str | None) -> FrameDefaults:
    """The frame-wide properties of text set in ``style`` (see :func:`write`). In a
    right-to-left deck paragraphs run right to left and "left" means their start
    (the right), so digits, dates and text a teacher types line up with the rest."""
    rtl = is_rtl_language(language)
    return FrameDefaults(
        size=round(style.size * 100),
        bold=style.bold,
        font=style.font,
        color=color.lstrip("#").upper(),
        language=language,
        line=round(style.line_height * 100),
        gap=round(style.gap * 100),
        indent=pt_to_emu(style.indent),
        align="r" if rtl and align == "left" else ALIGN[align],
        bullet=(bullet_color or color).lstrip("#").upper() if style.bullet else None,
        east_asian=east_asian_font(language),
        complex_script=DECK_COMPLEX.get(primary(language), ""),
        rtl=rtl,
    )


def _unmarked(spans) -> bool:
    """A paragraph without markup (one plain span, or none)."""
    return not spans or (len(spans) == 1 and not (spans[0].bold or spans[0].italic or spans[0].href))


def write(
    text_frame,
    paragraphs: list[str],
    style: TextStyle,
    color: str,
    language: str,
    align: str = "left",
    bullet_color: str | None = None,
    link_color: str | None = None,
) -> None:
    """Replace the frame's text with ``paragraphs`` (inline markup honoured; at
    least one, perhaps empty), spaced exactly as :mod:`handouts.render.deck.fit`
    measures them; links become hyperlinks of the slide.

    What the paragraphs share (size, font, colour, spacing, bullet, language)
    is written once for the frame; plain paragraphs are set in one call, and
    a run of marked-up text carries only its language and what its markup
    changes (bold, italic, a link)."""
    xml_edits.frame_defaults(text_frame, defaults(style, color, language, align, bullet_color))
    spans = [parse_inline(text) for text in paragraphs or [""]]
    if all(_unmarked(s) for s in spans):  # plain text: every paragraph and run in one pass
        lines = [slide_text(s[0].text) if s else "" for s in spans]
        if not xml_edits.plain_paragraphs(text_frame, lines):
            text_frame.text = "\n".join(lines)
            xml_edits.no_space_before(text_frame.paragraphs[0])
        for text, paragraph in zip(paragraphs, text_frame.paragraphs):
            if isinstance(text, Phrase):  # the deck's words and foreign ones: a run each
                paragraph.clear()
                for piece, lang in text.pieces:
                    run = paragraph.add_run()
                    run.text = slide_text(piece)
                    if lang:
                        xml_edits.run_language(run, lang)
            elif language_of(text):  # a fixed word in another language than the deck's
                for run in paragraph.runs:
                    xml_edits.run_language(run, language_of(text))
        _directions(text_frame, spans, align, language)
        return
    text_frame.text = ""
    link = rgb(link_color or color)
    for i, (text, paragraph_spans) in enumerate(zip(paragraphs or [""], spans)):
        paragraph = text_frame.paragraphs[0] if i == 0 else text_frame.add_paragraph()
        if i == 0:
            xml_edits.no_space_before(paragraph)
        for span in paragraph_spans:
            run = paragraph.add_run()
            run.text = slide_text(span.text)
            xml_edits.run_language(run, language_of(text) or language)
            if span.bold and not style.bold:
                run.font.bold = True
            if span.italic:
                run.font.italic = True
            if span.href:
                run.font.underline = True
                run.font.color.rgb = link
                run.hyperlink.address = span.href
    _directions(text_frame, spans, align, language)


def _directions(text_frame, spans: list, align: str, language: str) -> None:  # noqa: ANN001 - a TextFrame
    """Each paragraph's direction where it differs from its frame's. In a right-to-left
    deck (its frames run right to left, :func:`defaults`) a paragraph of left-to-right
    letters only (a Latin name, a URL) runs left to right; digits, punctuation and mixed
    text keep the deck's direction. Elsewhere a paragraph whose first letter is right to
    left runs so (its words then order and align the right way in PowerPoint and
    LibreOffice)."""
    rtl_deck = is_rtl_language(language)
    for paragraph, paragraph_spans in zip(text_frame.paragraphs, spans):
        text = "".join(span.text for span in paragraph_spans)
        if rtl_deck:
            if first_strong_rtl(text) is False and not profile(text).rtl:
                xml_edits.left_to_right(paragraph)
        elif not text.isascii() and first_strong_rtl(text):
            xml_edits.right_to_left(paragraph, align_right=align == "left")


def text_box(
    slide,
    box: Box,
    paragraphs: list[str],
    style: TextStyle,
    color: str,
    language: str,
    insets: Insets = Insets(),
    anchor: str = "top",
    fill: str | None = None,
    name: str | None = None,
    **options,
) -> object:
    """A text box exactly ``box``, holding ``paragraphs`` set in ``style`` (see :func:`write`)."""
    shape = slide.shapes.add_textbox(*box_emu(box))
    if name:
        shape.name = name
    if fill:
        xml_edits.solid_fill(shape, fill)
    format_frame(shape.text_frame, insets, anchor)
    write(shape.text_frame, paragraphs, style, color, language, **options)
    return shape


def rectangle(slide, box: Box, fill: str, name: str | None = None) -> object:
    """A filled rectangle without outline, shadow or text (bands, accent bars):
    decoration, marked so screen readers skip it."""
    shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, *box_emu(box))
    if name:
        shape.name = name
    xml_edits.solid_fill(shape, fill)
    shape.line.fill.background()
    xml_edits.no_shadow(shape)
    mark_decorative(shape)
    return shape


def picture(slide, path: Path, box: Box, alt: str, key: str = "image") -> object:
    """The image scaled to fit ``box`` (aspect kept, centred), with alt text.

    Decoded and shrunk with the handout's picture loader first, so a 40 MB
    photo does not ride along in the deck and a broken file fails cleanly."""
    image = decode_picture(path, key)
    px_w, px_h = image.size
    stream = io.BytesIO()
    image.save(stream, format="JPEG" if px_w * px_h > 250_000 else "PNG", quality=88)
    scale = min(box.width / px_w, box.height / px_h)
    width, height = px_w * scale, px_h * scale
    fitted = Box(box.left + (box.width - width) / 2, box.top + (box.height - height) / 2, width, height)
    stream.seek(0)
    shape = slide.shapes.add_picture(stream, *box_emu(fitted))
    set_alt_text(shape, alt)
    return shape


def notes_text(paragraph: str) -> str:
    """A paragraph as plain text for the notes: markup gone, a link's target
    kept after its text."""
    parts = []
    for span in parse_inline(paragraph):
        parts.append(span.text)
        if span.href and span.href not in span.text:
            parts.append(f" ({span.href})")
    return "".join(parts)
