"""The title slide: the title on a band of the accent colour, the subtitle,
the subjects as name chips in their colours with their pictures above them
(alt text and credit kept), course, author and date at the foot. With a
teacher's template, its title layout's placeholders instead.
"""

from __future__ import annotations

from pptx.enum.shapes import PP_PLACEHOLDER as P

from handouts.errors import key_path
from handouts.markup import plain
from handouts.render.deck.builders.qr_corner import add_qr_picture, templated_qr
from handouts.render.deck.contrast import ink_on
from handouts.render.deck.deck_writer import DeckWriter
from handouts.render.deck.text import Box, picture, position, rectangle
from handouts.render.deck.xml_edits import send_to_back
from handouts.source.models import split_paragraphs
from handouts.units import emu_to_pt

BAND = 0.5  # of the slide's height, for the title band
BAND_WITH_PICTURES = 0.34  # a lower band leaves the pictures room


def _notes(w: DeckWriter) -> list[str]:
    """The summary, then who the subjects are (full names, picture credits)."""
    lines = split_paragraphs(w.model.summary)
    for s in w.model.subjects:
        who = plain(s.full_name) if s.full_name and s.full_name != s.name else ""
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
    band = Box(0, 0, w.width, w.height * (BAND_WITH_PICTURES if pictured else BAND))
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
    body = w.style("body")
    small = w.style("body", deck.sizes.min)
    line_box = small.line_height + w.insets.top + w.insets.bottom
    top = band.bottom + gap * 0.6
    if subtitle is not None and model.subtitle:
        lines = 1 if pictured else 2
        sub_box = Box(m, top, w.width - 2 * m, lines * body.line_height + w.insets.top + w.insets.bottom)
        position(subtitle, sub_box)
        w.fill(subtitle.text_frame, [model.subtitle], sub_box, body, ink_on(colors.background, colors.muted))
        top = sub_box.bottom
    meta_box = Box(m, w.height - m * 0.6 - line_box, w.width - 2 * m, line_box)
    if meta:
        w.fitted_box(slide, meta_box, [meta], small, ink_on(colors.background, colors.muted), name="Course and author")
    chip_style = w.style("body", deck.sizes.body, bold=True)
    chip_h = chip_style.line_height + w.insets.top + w.insets.bottom
    count = len(model.subjects)
    chip_w = min((w.width - 2 * m - gap * (count - 1)) / count, w.width / 4)
    chips_top = (meta_box.top if meta else w.height - m * 0.6) - gap * 0.5 - chip_h
    credited = any(model.subjects[i].image_credit for i in pictured)
    picture_bottom = chips_top - gap * 0.3 - (line_box if credited else 0)
    for i, subject in enumerate(model.subjects):
        color = w.layout.subject_color(i, subject.color)
        chip = Box(m + i * (chip_w + gap), chips_top, chip_w, chip_h)
        w.fitted_box(
            slide,
            chip,
            [subject.name],
            chip_style,
            ink_on(color, colors.header_text, colors.text),
            anchor="middle",
            align="center",
            fill=color,
            name=f"Subject {subject.name}",
        )
        if subject.image:
            _picture(w, slide, i, Box(chip.left, top + gap * 0.5, chip.width, picture_bottom - top - gap * 0.5))
            if subject.image_credit:
                credit = Box(chip.left, picture_bottom, chip.width, line_box)
                text = deck_credit(w, subject.image_credit)
                w.fitted_box(slide, credit, [text], small, ink_on(colors.background, colors.muted), align="center")


def deck_credit(w: DeckWriter, credit: str) -> str:
    return w.layout.handout.labels.image_credit.format(credit=plain(credit))


def _picture(w: DeckWriter, slide, index: int, box: Box) -> None:
    """A subject's picture in ``box``, or a warning when the box is too small to show it."""
    subject = w.model.subjects[index]
    key = key_path("subjects", index, "image")
    if box.height < 2 * w.deck.sizes.body:
        w.context.warn(
            f"the picture of {subject.name} is not on the deck: the title slide has no room left for it",
            key=key,
            hint="shorten the title or subtitle",
        )
        return
    alt = w.context.picture_alt(subject, index, w.layout.handout.labels.picture_alt)
    if subject.image_credit:
        alt = f"{alt} ({deck_credit(w, subject.image_credit)})"
    # A broken picture is an OutputError naming the file, as in the handout.
    picture(slide, w.context.resolve(subject.image), box, alt, key)


def _templated(w: DeckWriter, slide, subtitle, meta: str) -> None:
    """The template's own title and subtitle placeholders."""
    title = w.placeholder(slide, P.CENTER_TITLE, P.TITLE)
    w.set_title(slide, w.model.title, box=_box(title), size=w.deck.sizes.title, anchor="middle", align="center")
    if subtitle is not None:
        names = " · ".join(s.name for s in w.model.subjects)
        lines = [x for x in (w.model.subtitle, names, meta) if x]
        w.fill(subtitle.text_frame, lines, _box(subtitle), w.style("body"), w.colors.muted, align="center")


def _box(shape) -> Box:
    return Box(emu_to_pt(shape.left), emu_to_pt(shape.top), emu_to_pt(shape.width), emu_to_pt(shape.height))
