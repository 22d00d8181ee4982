"""Slide builders, one per name in ``layout.deck.slides``.

Each takes the :class:`DeckWriter` and adds zero or more slides; a builder
whose content is missing from the source adds nothing (no empty slides).
"""

from __future__ import annotations

import math
import re
from typing import Callable

from ..colors import readable_on, tint
from ..markup import plain
from ..source.models import split_paragraphs
from .deck_base import placeholder
from .deck_fit import block_height, fit_size, paginate
from .deck_pptx import DeckWriter
from .deck_table import build_overview
from .deck_text import Box, picture, place, rectangle, send_to_back, text_box

_SENTENCE_BREAK = re.compile(r"(?<=[.!?…。！？])[\"'”’»)\]]*\s+")
_LINK = re.compile(r"^(https?://|mailto:)\S+$")


def sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph; a break before a lower-case word is not one
    (abbreviations such as "e.g. the")."""
    out: list[str] = []
    pos = 0
    for match in _SENTENCE_BREAK.finditer(paragraph):
        rest = paragraph[match.end():]
        if rest[:1].islower():
            continue
        out.append(paragraph[pos:match.end()].strip())
        pos = match.end()
    tail = paragraph[pos:].strip()
    return [s for s in out + [tail] if s]


def key_sentences(text: str | None, count: int) -> list[str]:
    """About ``count`` key sentences: each paragraph's lead sentence first,
    then second sentences, and so on, kept in reading order."""
    per_paragraph = [sentences(p) for p in split_paragraphs(text)]
    chosen: list[tuple[int, int]] = []
    depth = 0
    while len(chosen) < count and any(depth < len(s) for s in per_paragraph):
        for i, found in enumerate(per_paragraph):
            if depth < len(found) and len(chosen) < count:
                chosen.append((i, depth))
        depth += 1
    return [per_paragraph[i][j] for i, j in sorted(chosen)]


def build_title(w: DeckWriter) -> None:
    """Title, subtitle, the subjects (name chips in their colours), course/author/date."""
    from pptx.enum.shapes import PP_PLACEHOLDER as P

    model, deck, colors = w.model, w.deck, w.colors
    slide = w.new_slide(model.title, split_paragraphs(model.summary), title_slide=True)
    meta = " · ".join(x for x in (model.course, model.author, model.date) if x)
    names = [s.name for s in model.subjects]
    title = placeholder(slide, P.CENTER_TITLE, P.TITLE)
    subtitle = placeholder(slide, P.SUBTITLE, P.BODY)
    if w.templated:
        w.set_title(slide, model.title, box=_box(title), size=deck.sizes.title, anchor="middle", align="center")
        if subtitle is not None:
            lines = [x for x in (model.subtitle, " · ".join(names), meta) if x]
            w.fill(subtitle.text_frame, lines, _box(subtitle), w.style("body"), colors.muted, align="center")
        return
    m, gap = deck.margin, deck.gap
    band = Box(0, 0, w.width, w.height * 0.56)
    send_to_back(rectangle(slide, band, colors.accent, name="Title band"))
    w.set_title(slide, model.title, box=Box(m, m, w.width - 2 * m, band.height - m - gap),
                size=deck.sizes.title, color=readable_on(colors.accent))
    small = w.style("body", deck.sizes.table)
    line_box = small.line_height + w.insets.top + w.insets.bottom
    sub_box = Box(m, band.bottom + gap, w.width - 2 * m, 2 * w.style("body").line_height + w.insets.top + w.insets.bottom)
    if subtitle is not None and model.subtitle:
        place(subtitle, sub_box)
        w.fill(subtitle.text_frame, [model.subtitle], sub_box, w.style("body"), colors.muted)
    meta_box = Box(m, w.height - m - line_box, w.width - 2 * m, line_box)
    if meta:
        shape = text_box(slide, meta_box, [], small, colors.muted, w.language, w.insets, name="Course and author")
        w.fill(shape.text_frame, [meta], meta_box, small, colors.muted)
    chip_h = w.style("body", deck.sizes.table, bold=True).line_height + w.insets.top + w.insets.bottom
    count = len(model.subjects)
    chip_w = min((w.width - 2 * m - gap * (count - 1)) / count, w.width / 4)
    chips_top = meta_box.top - gap - chip_h if meta else w.height - m - chip_h
    picture_top = (sub_box.bottom if model.subtitle else band.bottom) + gap
    for i, subject in enumerate(model.subjects):
        color = w.layout.subject_color(i, subject.color)
        chip = Box(m + i * (chip_w + gap), chips_top, chip_w, chip_h)
        shape = text_box(slide, chip, [], small, colors.text, w.language, w.insets, fill=color, name=f"Subject {subject.name}")
        w.fill(shape.text_frame, [subject.name], chip, w.style("body", deck.sizes.table, bold=True),
               readable_on(color), anchor="middle", align="center")
        image = Box(chip.left, picture_top, chip.width, chips_top - gap * 0.5 - picture_top)
        if subject.image and image.height >= 2 * chip_h:
            _subject_picture(w, slide, subject, image, f"subjects[{i}].image")


def _subject_picture(w: DeckWriter, slide, subject, box: Box, key: str) -> None:
    path = w.context.resolve(subject.image)
    try:
        picture(slide, path, box, subject.image_alt or subject.full_name or subject.name)
    except Exception:  # unreadable or unsupported image: warn, keep building
        w.context.warn(f"the picture {subject.image!r} cannot be read; the deck shows the name only", key=key,
                       hint="use a PNG or JPEG file next to the source")


def _box(shape) -> Box:
    from ..units import emu_to_pt

    return Box(emu_to_pt(shape.left), emu_to_pt(shape.top), emu_to_pt(shape.width), emu_to_pt(shape.height))


def subject_grid(w: DeckWriter, title: str, texts: list[list[str]], notes: list[str], bullet: bool = False) -> None:
    """Subjects side by side in their colours, each under its name band; text
    that does not fit continues, column by column, on "(cont.)" slides."""
    model, deck = w.model, w.deck
    count = len(texts)
    per_row = count if count <= 4 else math.ceil(count / 2)
    rows = math.ceil(count / per_row)
    row_h = (w.body.height - deck.gap * 0.6 * (rows - 1)) / rows
    name_style = w.style("body", deck.sizes.table, bold=True)
    band_h = name_style.line_height + w.insets.top + w.insets.bottom
    cells = _grid(w, count, per_row, rows, row_h, band_h)
    style = w.style("body", deck.sizes.body, bullet=bullet)
    size = fit_size([(t, body.width, body.height) for t, (_, body) in zip(texts, cells)], style, deck.sizes.min, w.insets)
    style = style.at(size or deck.sizes.min)
    if size:  # everything fits: panels as tall as the tallest text, not the whole slide
        needed = max(block_height(t, style, body.width, w.insets) for t, (_, body) in zip(texts, cells))
        panel = max(needed, 3 * style.line_height + w.insets.top + w.insets.bottom)
        cells = _grid(w, count, per_row, rows, min(row_h, band_h + panel), band_h)
    pages = [[t] for t in texts] if size else [paginate(t, style, body.width, body.height, w.insets)
                                               for t, (_, body) in zip(texts, cells)]
    total = max(len(p) for p in pages)
    for index in range(total):
        slide = w.new_slide(w.page_title(title, index, total), notes)
        for i, (subject, (band, body)) in enumerate(zip(model.subjects, cells)):
            color = w.layout.subject_color(i, subject.color)
            label = text_box(slide, band, [], name_style, w.colors.text, w.language, w.insets, fill=color,
                             name=f"{subject.name} label")
            w.fill(label.text_frame, [subject.name], band, name_style, readable_on(color), anchor="middle")
            page = pages[i][index] if index < len(pages[i]) else []
            text_box(slide, body, page, style, w.colors.text, w.language, w.insets, fill=tint(color, 0.9),
                     name=f"{subject.name} text", bullet_color=color, link_color=w.colors.link)


def _grid(w: DeckWriter, count: int, per_row: int, rows: int, row_h: float, band_h: float) -> list[tuple[Box, Box]]:
    """(name band, text panel) boxes for each subject, rows stacked from the body's top."""
    gap = w.deck.gap * 0.6
    cells: list[tuple[Box, Box]] = []
    for r in range(rows):
        line = Box(w.body.left, w.body.top + r * (row_h + gap), w.body.width, row_h)
        for col in line.columns(per_row, gap)[: count - r * per_row]:
            cells.append(col.split_top(band_h))
    return cells


def build_rows(w: DeckWriter) -> None:
    """One slide per table row: the subjects' values side by side."""
    for row in w.model.table:
        values = [split_paragraphs(v) or [w.deck.labels.empty_cell] for v in
                  (c or w.deck.labels.empty_cell for c in row.cells())]
        notes = [row.label] + [f"{s.name}: {plain(v or w.deck.labels.empty_cell)}"
                               for s, v in zip(w.model.subjects, row.cells())]
        subject_grid(w, row.label, values, notes)


def build_sections(w: DeckWriter) -> None:
    """Key sentences on the slide, the full prose in the speaker notes."""
    count = w.deck.key_sentences
    for section in w.model.sections:
        by_subject = section.by_subject or {}
        notes = split_paragraphs(section.body) + [
            f"{w.model.subject(sid).name}: {text}" for sid, text in by_subject.items() if text]
        w.flow(section.heading, key_sentences(section.body, count), notes)
        if by_subject:
            texts = [key_sentences(by_subject.get(sid), count) or [w.deck.labels.empty_cell]
                     for sid in w.model.subject_ids()]
            heading = f"{section.heading} — {w.deck.labels.by_subject}" if section.body else section.heading
            subject_grid(w, heading, texts, notes, bullet=True)


def build_similarities(w: DeckWriter) -> None:
    w.flow(w.deck.labels.similarities, list(w.model.similarities), list(w.model.similarities))


def build_conclusion(w: DeckWriter) -> None:
    text = w.model.conclusion
    w.flow(w.deck.labels.conclusion, key_sentences(text, w.deck.key_sentences), split_paragraphs(text))


def build_sources(w: DeckWriter) -> None:
    items = []
    for ref in w.model.sources:
        parts = [ref.title]
        if ref.url:
            parts.append(f"[{ref.url}]({ref.url})" if _LINK.match(ref.url) else ref.url)
        if ref.note:
            parts.append(ref.note)
        items.append(" — ".join(parts))
    w.flow(w.deck.labels.sources, items, [plain(i) for i in items])


# Slide name -> builder. "timeline" is drawn by deck_timeline.draw_timeline; add it here when it lands.
BUILDERS: dict[str, Callable[[DeckWriter], None]] = {
    "title": build_title,
    "overview": build_overview,
    "rows": build_rows,
    "sections": build_sections,
    "similarities": build_similarities,
    "conclusion": build_conclusion,
    "sources": build_sources,
}
