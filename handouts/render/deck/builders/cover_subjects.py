"""The title slide's subjects: one cell each, in the subject's colour: its
picture, the picture's credit (licence text: never cut, given the lines it
needs), the name chip and the full name under it.

The cells go in as few rows as let every name show whole, words unbroken, in
at most :data:`NAME_LINES` lines at the layout's minimum size; what still
does not fit is shortened by :meth:`DeckWriter.fit` with a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from math import ceil

from handouts.errors import key_path
from handouts.markup import plain
from handouts.render.deck.contrast import ink_on
from handouts.render.deck.deck_writer import DeckWriter
from handouts.render.deck.fit import block_height, candidate_sizes, has_broken_words, paragraph_lines
from handouts.render.deck.text import Box, picture
from handouts.scripts import is_rtl_language
from handouts.source.models import Subject

NAME_LINES = 2  # a name chip grows to this many lines before its name is shrunk past the body size
FULL_NAME_LINES = 3  # a full name longer than this is shortened (it is whole in the notes)
WIDEST = 2  # cells are never wider than those of this many in a row
PICTURE_LEAST = 2.0  # a picture lower than this many body sizes is left off (with a warning)


@dataclass(frozen=True)
class Rows:
    """How the cells are set: rows of ``columns`` cells ``width`` wide and the
    lines of each part (the same in every cell, so the parts line up)."""

    count: int
    columns: int
    width: float
    name_lines: int
    full_name_lines: int
    credit_lines: int


def full_name(subject: Subject) -> str:
    """The subject's full name, when it says more than its name."""
    return subject.full_name if subject.full_name and plain(subject.full_name) != plain(subject.name) else ""


def deck_credit(w: DeckWriter, credit: str) -> str:
    return w.layout.handout.labels.image_credit.format(credit=plain(credit))


def _lines(w: DeckWriter, text: str, size: float, width: float) -> int:
    return len(paragraph_lines(text, w.style("body", size), width - w.insets.left - w.insets.right))


def _name_lines(w: DeckWriter, width: float) -> tuple[int, int]:
    """Lines (1 or :data:`NAME_LINES`) for the names and how many names do not
    fit them whole, words unbroken, at the minimum size or larger."""
    style = w.style("body", w.deck.sizes.min, bold=True)
    misses = 0
    for lines in range(1, NAME_LINES + 1):
        height = lines * w.style("body", bold=True).line_height + w.insets.top + w.insets.bottom
        misses = sum(
            block_height([s.name], style, width, w.insets) > height + 0.01
            or has_broken_words([s.name], style, width, w.insets)
            for s in w.model.subjects
        )
        if not misses:
            return lines, 0
    return NAME_LINES, misses


def _rows(w: DeckWriter, count: int) -> tuple[Rows, int]:
    """Cells in ``count`` rows, and how many names they cannot show whole."""
    deck, subjects = w.deck, w.model.subjects
    columns = ceil(len(subjects) / count)
    widest = (w.width - 2 * deck.margin - deck.gap * (WIDEST - 1)) / WIDEST
    width = min((w.width - 2 * deck.margin - deck.gap * (columns - 1)) / columns, widest)
    name_lines, misses = _name_lines(w, width)
    full = max((_lines(w, full_name(s), deck.sizes.min, width) for s in subjects if full_name(s)), default=0)
    credited = [deck_credit(w, s.image_credit) for s in subjects if s.image and s.image_credit]
    credits = max((_lines(w, text, deck.sizes.min, width) for text in credited), default=0)
    return Rows(count, columns, width, name_lines, min(full, FULL_NAME_LINES), credits), misses


def one_row(w: DeckWriter) -> bool:
    """Whether every name shows whole with all the cells in one row."""
    return _rows(w, 1)[1] == 0


def plan_rows(w: DeckWriter, room: float) -> Rows:
    """The rows of cells that fit ``room`` (the height between the subtitle
    and the foot) showing the most names whole, then the most lines of the
    full names, in as few rows as that allows."""
    least = PICTURE_LEAST * w.deck.sizes.body + w.deck.gap if any(s.image for s in w.model.subjects) else 0.0
    best: tuple[tuple[int, int], Rows] | None = None
    for count in range(1, len(w.model.subjects) + 1):
        rows, misses = _rows(w, count)
        for full in range(rows.full_name_lines, 0 if rows.full_name_lines else -1, -1):
            tried = replace(rows, full_name_lines=full)
            if count == 1 or count * (_fixed(w, tried) + least) + (count - 1) * w.deck.gap <= room:
                score = (misses, rows.full_name_lines - full)
                if best is None or score < best[0]:
                    best = (score, tried)
                break
        if best[0] == (0, 0):
            break
    return best[1]


def _whole_size(w: DeckWriter, name: str, width: float, height: float) -> float | None:
    """The largest size, down to the minimum, at which ``name`` fits the chip with its words whole."""
    style = w.style("body", bold=True)
    for size in candidate_sizes(style.size, w.deck.sizes.min):
        at = style.at(size)
        fits = block_height([name], at, width, w.insets) <= height + 0.01
        if fits and not has_broken_words([name], at, width, w.insets):
            return size
    return None


def _part_heights(w: DeckWriter, rows: Rows) -> tuple[float, float, float]:
    """Heights of the chip, the full name and the credit blocks (insets included)."""
    pad = w.insets.top + w.insets.bottom
    body, small = w.style("body", bold=True).line_height, w.style("body", w.deck.sizes.min).line_height
    return (
        rows.name_lines * body + pad,
        rows.full_name_lines * small + pad if rows.full_name_lines else 0.0,
        rows.credit_lines * small + pad if rows.credit_lines else 0.0,
    )


def _fixed(w: DeckWriter, rows: Rows) -> float:
    chip, full, credit = _part_heights(w, rows)
    return chip + full + credit + w.deck.gap * 0.3


def draw_subjects(w: DeckWriter, slide, top: float, bottom: float) -> None:
    """Every subject's cell between ``top`` and ``bottom``, rows stacked up from the bottom."""
    deck, colors = w.deck, w.colors
    rows = plan_rows(w, bottom - top)
    chip_h, full_h, credit_h = _part_heights(w, rows)
    pictured = any(s.image for s in w.model.subjects)
    row_h = (bottom - top - deck.gap * (rows.count - 1)) / rows.count if pictured else _fixed(w, rows)
    small, rtl = w.style("body", deck.sizes.min), is_rtl_language(w.language)
    # One size for every chip: the largest at which every name that can be whole is (the others fit alone).
    sizes = [_whole_size(w, s.name, rows.width, chip_h) for s in w.model.subjects]
    size = min((x for x in sizes if x is not None), default=None)
    chip_style = w.style("body", size or deck.sizes.body, bold=True)
    for i, subject in enumerate(w.model.subjects):
        row, column = divmod(i, rows.columns)
        if rtl:  # read from the right, as the overview table is
            column = rows.columns - 1 - column
        cell_bottom = bottom - (rows.count - 1 - row) * (row_h + deck.gap)
        left = deck.margin + column * (rows.width + deck.gap)
        color = w.layout.subject_color(i, subject.color)
        chip = Box(left, cell_bottom - full_h - chip_h, rows.width, chip_h)
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
            what="subject name",
            key=key_path("subjects", i, "name"),
        )
        if full_name(subject):
            w.fitted_box(
                slide,
                Box(left, chip.bottom, rows.width, full_h),
                [full_name(subject)],
                small,
                ink_on(colors.background, colors.text),
                align="center",
                name=f"Full name {subject.name}",
                what="full name",
                key=key_path("subjects", i, "full_name"),
            )
        if subject.image:
            area_top = cell_bottom - row_h + deck.gap * 0.5
            _pictured(w, slide, i, Box(left, area_top, rows.width, chip.top - deck.gap * 0.3 - area_top), credit_h)


def _pictured(w: DeckWriter, slide, index: int, area: Box, credit_h: float) -> None:
    """The picture in ``area`` above its credit: the credit whole in the lines
    it needs (``credit_h``), or, when that leaves the picture no room, left to
    the speaker notes (which always have it) with a warning."""
    subject, colors = w.model.subjects[index], w.colors
    least = PICTURE_LEAST * w.deck.sizes.body
    if not subject.image_credit:
        _picture(w, slide, index, area)
        return
    if area.height - credit_h < least <= area.height:
        w.context.warn(
            f"the picture credit of {subject.name} is in the speaker notes, not under the picture: "
            "the title slide has no room for all its lines",
            key=key_path("subjects", index, "image_credit"),
            hint="shorten the credit, the title or the subtitle",
        )
        _picture(w, slide, index, area)
        return
    if _picture(w, slide, index, Box(area.left, area.top, area.width, area.height - credit_h)):
        credit = Box(area.left, area.bottom - credit_h, area.width, credit_h)
        text = deck_credit(w, subject.image_credit)
        w.fitted_box(
            slide,
            credit,
            [text],
            w.style("body", w.deck.sizes.min),
            ink_on(colors.background, colors.muted),
            align="center",
            name=f"Credit {subject.name}",
        )


def _picture(w: DeckWriter, slide, index: int, box: Box) -> bool:
    """A subject's picture in ``box``, or a warning when it is too low to show
    it (``False``)."""
    subject = w.model.subjects[index]
    key = key_path("subjects", index, "image")
    if box.height < PICTURE_LEAST * w.deck.sizes.body:
        w.context.warn(
            f"the picture of {subject.name} is not on the deck: the title slide has no room left for it",
            key=key,
            hint="shorten the title or subtitle",
        )
        return False
    alt = w.context.picture_alt(subject, index, w.layout.handout.labels.picture_alt)
    if subject.image_credit:
        alt = f"{alt} ({deck_credit(w, subject.image_credit)})"
    # A broken picture is an OutputError naming the file, as in the handout.
    picture(slide, w.context.resolve(subject.image), box, alt, key)
    return True
