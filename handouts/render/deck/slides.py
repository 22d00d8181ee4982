"""Slide builders, one per name in ``layout.deck.slides``.

Each takes the :class:`DeckWriter` and adds zero or more slides; a builder
whose content is missing from the source adds nothing (no empty slides).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from pptx.enum.shapes import PP_PLACEHOLDER as P

from handouts.colors import readable_on, tint
from handouts.markup import plain
from handouts.render.deck.a11y import qualified, set_alt_text
from handouts.render.deck.base import placeholder
from handouts.render.deck.deck_writer import DeckWriter
from handouts.render.deck.fit import block_height, fit_size, take
from handouts.render.deck.table import build_overview
from handouts.render.deck.text import Box, picture, position, rectangle, text_box
from handouts.render.deck.timeline import draw_timeline
from handouts.render.deck.xml_edits import send_to_back
from handouts.source.models import split_paragraphs
from handouts.timeline.model import build_timeline
from handouts.units import emu_to_pt, pt_to_emu

_SENTENCE_BREAK = re.compile(r"(?<=[.!?…。！？])[\"'”’»)\]]*\s+")
_LINK = re.compile(r"^(https?://|mailto:)\S+$")


def sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph; a break before a lower-case word is not one
    (abbreviations such as "e.g. the")."""
    out: list[str] = []
    pos = 0
    for match in _SENTENCE_BREAK.finditer(paragraph):
        rest = paragraph[match.end() :]
        if rest[:1].islower():
            continue
        out.append(paragraph[pos : match.end()].strip())
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
    band = Box(0, 0, w.width, w.height * 0.5)
    send_to_back(rectangle(slide, band, colors.accent, name="Title band"))
    w.set_title(
        slide,
        model.title,
        box=Box(m, m, w.width - 2 * m, band.height - m - gap),
        size=max(deck.sizes.cover, deck.sizes.title),
        color=readable_on(colors.accent),
    )
    small = w.style("body", deck.sizes.table)
    line_box = small.line_height + w.insets.top + w.insets.bottom
    sub_box = Box(
        m, band.bottom + gap, w.width - 2 * m, 2 * w.style("body").line_height + w.insets.top + w.insets.bottom
    )
    if subtitle is not None and model.subtitle:
        position(subtitle, sub_box)
        w.fill(subtitle.text_frame, [model.subtitle], sub_box, w.style("body"), colors.muted)
    meta_box = Box(m, w.height - m - line_box, w.width - 2 * m, line_box)
    if meta:
        w.fitted_box(slide, meta_box, [meta], small, colors.muted, name="Course and author")
    chip_style = w.style("body", deck.sizes.body, bold=True)
    chip_h = chip_style.line_height + w.insets.top + w.insets.bottom
    count = len(model.subjects)
    chip_w = min((w.width - 2 * m - gap * (count - 1)) / count, w.width / 4)
    chips_top = meta_box.top - gap - chip_h if meta else w.height - m - chip_h
    picture_top = (sub_box.bottom if model.subtitle else band.bottom) + gap
    for i, subject in enumerate(model.subjects):
        color = w.layout.subject_color(i, subject.color)
        chip = Box(m + i * (chip_w + gap), chips_top, chip_w, chip_h)
        w.fitted_box(
            slide,
            chip,
            [subject.name],
            chip_style,
            readable_on(color),
            anchor="middle",
            align="center",
            fill=color,
            name=f"Subject {subject.name}",
        )
        image = Box(chip.left, picture_top, chip.width, chips_top - gap * 0.5 - picture_top)
        if subject.image and image.height >= 2 * chip_h:
            _subject_picture(w, slide, subject, image, f"subjects[{i}].image")


def _subject_picture(w: DeckWriter, slide, subject, box: Box, key: str) -> None:
    alt = w.context.picture_alt(subject, w.model.subjects.index(subject))
    # A broken picture is an OutputError naming the file, as in the handout.
    picture(slide, w.context.resolve(subject.image), box, alt, key)


def _box(shape) -> Box:
    return Box(emu_to_pt(shape.left), emu_to_pt(shape.top), emu_to_pt(shape.width), emu_to_pt(shape.height))


def _grid(w: DeckWriter, count: int, panel: float | None = None) -> list[tuple[Box, Box]]:
    """(name band, text panel) boxes for ``count`` subjects: one row of columns
    up to four, else two rows; panels ``panel`` high, or as high as the body allows."""
    gap = w.deck.gap * 0.6
    per_row = count if count <= 4 else math.ceil(count / 2)
    rows = math.ceil(count / per_row)
    band_h = w.style("body", w.deck.sizes.body, bold=True).line_height + w.insets.top + w.insets.bottom
    row_h = (w.body.height - gap * (rows - 1)) / rows
    if panel is not None:
        row_h = min(row_h, band_h + panel)
    cells: list[tuple[Box, Box]] = []
    for r in range(rows):
        line = Box(w.body.left, w.body.top + r * (row_h + gap), w.body.width, row_h)
        for col in line.columns(per_row, gap)[: count - r * per_row]:
            cells.append(col.split_top(band_h))
    return cells


def subject_grid(w: DeckWriter, title: str, texts: list[list[str]], notes: list[str], bullet: bool = False) -> None:
    """Subjects side by side in their colours, each under its name band. Text
    that does not fit continues on "(cont.)" slides that show only the
    subjects with text left, so a single huge cell gets the slide's width."""
    deck = w.deck
    everyone = list(range(len(texts)))
    style = w.style("body", max(deck.sizes.display, deck.sizes.body), bullet=bullet)
    cells = _grid(w, len(texts))
    size = fit_size(
        [(t, body.width, body.height) for t, (_, body) in zip(texts, cells)], style, deck.sizes.min, w.insets
    )
    pages: list[tuple[list[int], list[list[str]], list[tuple[Box, Box]]]] = []
    if size:  # one slide; panels as tall as the tallest text, not the whole slide
        style = style.at(size)
        needed = max(block_height(t, style, body.width, w.insets) for t, (_, body) in zip(texts, cells))
        panel = max(needed, 3 * style.line_height + w.insets.top + w.insets.bottom, w.body.height * 0.5)
        pages.append((everyone, texts, _grid(w, len(texts), panel)))
    else:
        style = style.at(deck.sizes.min)
        remaining = list(texts)
        active = everyone
        while active:
            cells = _grid(w, len(active))
            shown = []
            for i, (_, body) in zip(active, cells):
                head, remaining[i] = take(remaining[i], style, body.width, body.height, w.insets)
                shown.append(head)
            pages.append((active, shown, cells))
            active = [i for i in everyone if remaining[i]]
    name_style = w.style("body", deck.sizes.body, bold=True)
    for index, (active, shown, cells) in enumerate(pages):
        slide = w.new_slide(w.page_title(title, index, len(pages)), notes)
        for i, page, (band, body) in zip(active, shown, cells):
            subject = w.model.subjects[i]
            color = w.layout.subject_color(i, subject.color)
            w.fitted_box(
                slide,
                band,
                [subject.name],
                name_style,
                readable_on(color),
                anchor="middle",
                fill=color,
                name=f"{subject.name} label",
            )
            text_box(
                slide,
                body,
                page,
                style,
                w.colors.text,
                w.language,
                w.insets,
                fill=tint(color, 0.9),
                name=f"{subject.name} text",
                bullet_color=color,
                link_color=w.colors.link,
            )


def build_rows(w: DeckWriter) -> None:
    """One slide per table row: the subjects' values side by side. A row whose
    label is also a section heading gets "— comparison" (titles must be unique)."""
    labels = w.deck.labels
    others = [s.heading for s in w.model.sections] + [
        w.model.title,
        labels.overview,
        labels.similarities,
        labels.conclusion,
        labels.sources,
    ]
    for row in w.model.table:
        values = [
            split_paragraphs(v) or [w.deck.labels.empty_cell]
            for v in (c or w.deck.labels.empty_cell for c in row.cells())
        ]
        notes = [row.label] + [
            f"{s.name}: {plain(v or w.deck.labels.empty_cell)}" for s, v in zip(w.model.subjects, row.cells())
        ]
        subject_grid(w, qualified(row.label, others, labels.compared), values, notes)


def build_sections(w: DeckWriter) -> None:
    """Key sentences on the slide, the full prose in the speaker notes."""
    count = w.deck.key_sentences
    for section in w.model.sections:
        by_subject = section.by_subject or {}
        notes = split_paragraphs(section.body) + [
            f"{w.model.subject(sid).name}: {text}" for sid, text in by_subject.items() if text
        ]
        w.flow(section.heading, key_sentences(section.body, count), notes)
        if by_subject:
            texts = [
                key_sentences(by_subject.get(sid), count) or [w.deck.labels.empty_cell] for sid in w.model.subject_ids()
            ]
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
            href = ref.url.replace("(", "%28").replace(")", "%29")  # a ")" would end the link early
            parts.append(f"[{ref.url}]({href})" if _LINK.match(ref.url) else ref.url)
        if ref.note:
            parts.append(ref.note)
        items.append(" — ".join(parts))
    w.flow(w.deck.labels.sources, items, [plain(i) for i in items])


def timeline_slide(w: DeckWriter) -> None:
    """The shared timeline drawn with native shapes, on as many slides as it
    needs to fit (lanes, else periods, continue on the next; each with its own
    axis); every event (date, label, detail) in the notes and the group's alt
    text; a numbered key slide when the labels had to give way to numbers.
    Fewer than two dated events: no slide (the build warns once)."""
    from handouts.render.deck.timeline import plan_slides
    from handouts.timeline.model import warn_no_timeline

    timeline = build_timeline(w.model, w.layout)
    if timeline.empty:
        warn_no_timeline(w.context, timeline)
        return
    body = w.body
    parts = plan_slides(timeline, w.layout, body.width, body.height)
    numbered = False
    for n, (part, placement) in enumerate(parts):
        lines = [
            f"{item.date_text}: {item.label}" + (f" — {item.detail}" if item.detail else "")
            for item in part.chronological()
        ]
        title = w.deck.labels.timeline + (f" {w.deck.labels.continued} {n + 1}/{len(parts)}" if n else "")
        slide = w.new_slide(title, [plain(line) for line in lines])
        box = (pt_to_emu(body.left), pt_to_emu(body.top), pt_to_emu(body.width), pt_to_emu(body.height))
        draw_timeline(slide, *box, part, w.layout, w.language, placement)
        group = next(shape for shape in slide.shapes if shape.name == "Timeline")
        set_alt_text(group, f"{w.deck.labels.timeline}: " + "; ".join(plain(line) for line in lines))
        numbered = numbered or placement.numbered
    if numbered:
        key = [f"{item.number}. {item.date_text}: {item.label}" for item in timeline.chronological()]
        w.flow(w.deck.labels.timeline_key, key, [plain(k) for k in key], bullet=False)


# Slide name -> builder.
BUILDERS: dict[str, Callable[[DeckWriter], None]] = {
    "title": build_title,
    "overview": build_overview,
    "rows": build_rows,
    "sections": build_sections,
    "similarities": build_similarities,
    "timeline": timeline_slide,
    "conclusion": build_conclusion,
    "sources": build_sources,
}
