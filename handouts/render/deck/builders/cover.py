"""The title slide: the title on a band of the accent colour, the subtitle,
the subjects (``cover_subjects``: pictures with their credits, name chips in
their colours, full names), course, author and date at the foot. With a
teacher's template, its title layout's placeholders instead.
"""

from __future__ import annotations

from pptx.enum.shapes import PP_PLACEHOLDER as P

from handouts.errors import key_path
from handouts.i18n.words import join
from handouts.markup import plain
from handouts.render.deck.builders.cover_subjects import draw_subjects, full_name, one_row
from handouts.render.deck.builders.qr_corner import add_qr_picture, templated_qr
from handouts.render.deck.contrast import ink_on
from handouts.render.deck.deck_writer import DeckWriter
from handouts.render.deck.fit import block_height, paragraph_lines
from handouts.render.deck.text import Box, position, rectangle
from handouts.render.deck.xml_edits import send_to_back
from handouts.source.models import split_paragraphs
from handouts.units import emu_to_pt

BAND = 0.5  # of the slide's height, for the title band
BAND_LOW = 0.34  # a lower band leaves room for pictures or rows of subjects
BAND_LOWEST = 0.22  # without a QR code, as low as the title allows, down to this


def _notes(w: DeckWriter) -> list[str]:
    """The summary, then who the subjects are (full names, picture credits)."""
    lines = split_paragraphs(w.model.summary)
    for s in w.model.subjects:
        who = plain(full_name(s))
        credit = f"picture: {plain(s.image_credit)}" if s.image and s.image_credit else ""
        if who or credit:
            lines.append(f"{plain(s.name)}: " + "; ".join(x for x in (who, credit) if x))
    return lines


def build_title(w: DeckWriter) -> None:
    """Title, subtitle, the subjects (pictures and name chips), course/author/date."""
    model, deck, colors = w.model, w.deck, w.colors
    slide = w.new_slide(model.title, _notes(w), title_slide=True)
    meta = " · ".join(x for x in (model.course, model.author, model.date, model.url) if x)
    subtitle = w.placeholder(slide, P.SUBTITLE, P.BODY)
    pictured = [i for i, s in enumerate(model.subjects) if s.image]
    if w.templated:
        _templated(w, slide, subtitle, meta)
        templated_qr(w, slide)  # in a corner the template leaves free
        for i in pictured:
            w.context.warn(
                f"the picture of {model.subjects[i].name} is not on the deck: the template's title slide has no room",
                key=key_path("subjects", i, "image"),
                hint="use the layout without deck.template to show subject pictures",
            )
        return
    m, gap = deck.margin, deck.gap
    band = Box(0, 0, w.width, _band_height(w, bool(pictured)))
    send_to_back(rectangle(slide, band, colors.accent, name="Title band"))
    code = band.height - m - gap * 0.6 if model.url else 0  # the QR code's side, in the band's right corner
    if model.url:
        add_qr_picture(slide, model.url, Box(w.width - m - code, m * 0.6, code, code), w.layout.handout.labels.qr_alt)
    w.set_title(
        slide,
        model.title,
        box=Box(m, m * 0.6, w.width - 2 * m - (code + gap if code else 0), band.height - m * 0.6 - gap * 0.6),
        size=max(deck.sizes.cover, deck.sizes.title),
        color=ink_on(colors.accent, colors.header_text, colors.background),
    )
    body, pad = w.style("body"), w.insets.left + w.insets.right
    line_box = w.style("body", deck.sizes.min).line_height + w.insets.top + w.insets.bottom
    top = band.bottom + gap * 0.6
    if subtitle is not None and model.subtitle:
        lines = 1 if pictured else min(2, len(paragraph_lines(model.subtitle, body, w.width - 2 * m - pad)))
        sub_box = Box(m, top, w.width - 2 * m, lines * body.line_height + w.insets.top + w.insets.bottom)
        position(subtitle, sub_box)
        muted = ink_on(colors.background, colors.muted)
        w.fill(subtitle.text_frame, [model.subtitle], sub_box, body, muted, what="subtitle", key="subtitle")
        top = sub_box.bottom
    meta_box = Box(m, w.height - m * 0.6 - line_box, w.width - 2 * m, line_box)
    if meta:
        small = w.style("body", deck.sizes.min)
        muted = ink_on(colors.background, colors.muted)
        w.fitted_box(slide, meta_box, [meta], small, muted, name="Course and author", what="course and author line")
    draw_subjects(w, slide, top + gap * 0.5, (meta_box.top if meta else w.height - m * 0.6) - gap * 0.5)


def _band_height(w: DeckWriter, pictured: bool) -> float:
    """The title band's height: half the slide, lower for pictures or rows of
    subjects (without a QR code, as low as the title's fitted lines allow)."""
    if not pictured and one_row(w):
        return w.height * BAND
    if w.model.url:
        return w.height * BAND_LOW
    m, gap, size = w.deck.margin, w.deck.gap, max(w.deck.sizes.cover, w.deck.sizes.title)
    style = w.style("heading", size, bold=True)
    pad = w.insets.top + w.insets.bottom
    title = min(block_height([w.model.title], style, w.width - 2 * m, w.insets), 2 * style.line_height + pad)
    return min(max(title + m * 0.6 + gap * 0.6, w.height * BAND_LOWEST), w.height * BAND_LOW)


def _templated(w: DeckWriter, slide, subtitle, meta: str) -> None:
    """The template's own title and subtitle placeholders."""
    title = w.placeholder(slide, P.CENTER_TITLE, P.TITLE)
    w.set_title(slide, w.model.title, box=_box(title), size=w.deck.sizes.title, anchor="middle", align="center")
    if subtitle is not None:
        names = " · ".join(join(s.name, full_name(s), sep=": ") if full_name(s) else s.name for s in w.model.subjects)
        lines = [x for x in (w.model.subtitle, names, meta) if x]
        w.fill(subtitle.text_frame, lines, _box(subtitle), w.style("body"), w.colors.muted, align="center")


def _box(shape) -> Box:
    return Box(emu_to_pt(shape.left), emu_to_pt(shape.top), emu_to_pt(shape.width), emu_to_pt(shape.height))
