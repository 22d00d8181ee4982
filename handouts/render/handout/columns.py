"""Column widths of the comparison table, measured from its content.

A column narrower than its widest unbreakable piece forces reportlab to cut a
word silently ("Impressionis/m"), so every width here starts from a measure:
the label column fits its longest word (up to ``label_max`` of the width), a
subject column fits its name and the widest piece of its cells, and when the
page cannot give each subject ``min_column`` ems the table changes shape
(:func:`table_shape`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from handouts.layout.models import Layout
from handouts.markup import plain
from handouts.render.fonts import text_width
from handouts.render.pdf.styles import Styles
from handouts.render.pdf.text import pieces, typeset
from handouts.source.models import Comparison

MARKER_EMS = 1.6  # the subject marker before a header name (MarkedText.indent / size)
Shape = Literal["columns", "landscape", "rows"]


@dataclass(frozen=True)
class Measure:
    """What the widths are computed from, measured once per table."""

    label_word: float  # the longest word of any label
    label_full: float  # the longest label on one line
    floors: tuple[float, ...]  # per subject: its name and the widest piece of its cells


def _width(text: str, font: str, size: float) -> float:
    return text_width(text, font, size)


def measure(model: Comparison, styles: Styles, transposed: bool = False) -> Measure:
    """Widths (padding included) the table's content needs to keep its words whole;
    ``transposed``: subject names label the rows and one column holds every value."""
    lang, pad = model.language, 2 * styles.cell_pad + 1
    label, cell, head = styles.label, styles.cell, styles.header
    labels = [typeset(plain(r.label), lang) for r in model.table] or [""]
    words = [w for t in labels for w in t.split()] or [""]
    floors = []
    for i, subject in enumerate(model.subjects):
        name = typeset(plain(subject.name), lang)
        need = max(_width(p, head.fontName, head.fontSize) for p in pieces(name, lang) or [""])
        need += head.fontSize * 0.95 * MARKER_EMS
        for row in model.table:
            value = row.cells()[i]
            for piece in pieces(typeset(plain(value or ""), lang), lang):
                need = max(need, _width(piece, cell.fontName, cell.fontSize))
        floors.append(need + pad)
    if transposed:
        names = [typeset(plain(s.name), lang) for s in model.subjects]
        mark = label.fontSize * 0.95 * MARKER_EMS
        word = max(_width(p, label.fontName, label.fontSize) for t in names for p in t.split())
        full = max(_width(t, label.fontName, label.fontSize) for t in names)
        return Measure(word + mark + pad, full + mark + pad, (max(floors),))
    return Measure(
        label_word=max(_width(w, label.fontName, label.fontSize) for w in words) + pad,
        label_full=max(_width(t, label.fontName, label.fontSize) for t in labels) + pad,
        floors=tuple(floors),
    )


def label_width(m: Measure, layout: Layout, aw: float) -> float:
    """The layout's share, shrunk when every label is short, grown (to
    ``label_max``) so the longest label word never breaks."""
    table = layout.handout.table
    return min(max(m.label_word, min(m.label_full, aw * table.label_width)), aw * table.label_max)


def widths(m: Measure, weights: list[float], layout: Layout, aw: float, least: float = 0.0) -> list[float]:
    """Label column then subject columns: shares by weight, each raised to its
    floor (its widest piece, and ``least``) taken from the others' spare, while the page allows."""
    label = label_width(m, layout, aw)
    room = aw - label
    floors = [min(max(f, least), room / len(weights)) for f in m.floors]
    cols = [room * w for w in weights]
    for _ in range(len(cols)):
        short = sum(f - w for f, w in zip(floors, cols) if w < f)
        if short <= 0.01:
            break
        spare = sum(w - f for f, w in zip(floors, cols) if w > f)
        cols = [f if w <= f else w - short * (w - f) / spare for f, w in zip(floors, cols)]
    return [label, *cols]


def least_column(layout: Layout, styles: Styles) -> float:
    """The narrowest readable subject column, in points."""
    return layout.handout.table.min_column * styles.cell.fontSize


def readable(m: Measure, weights: list[float], layout: Layout, styles: Styles, aw: float) -> bool:
    """Every subject column can be at least ``min_column`` ems and hold its widest piece."""
    least = least_column(layout, styles)
    cols = widths(m, weights, layout, aw, least)[1:]
    return all(c >= max(least, f) - 0.01 for c, f in zip(cols, m.floors))


def table_shape(model: Comparison, layout: Layout, styles: Styles, weights: list[float]) -> Shape:
    """Subjects as columns on the page's orientation when that is readable,
    else on landscape pages when those are, else subjects as rows (one
    attribute after another, each subject on its own row)."""
    page, m = layout.page, measure(model, styles)
    frame = page.dimensions()[0] - page.margins.left - page.margins.right
    fits = readable(m, weights, layout, styles, frame)
    if page.orientation == "landscape":
        return "columns" if fits else "rows"
    forced = layout.handout.table.landscape_from_subjects
    if fits and (forced is None or len(model.subjects) < forced):
        return "columns"
    wide = page.dimensions("landscape")[0] - page.margins.left - page.margins.right
    if readable(m, weights, layout, styles, wide):
        return "landscape"
    return "columns" if fits else "rows"


def column_weights(model: Comparison, low: float = 0.7, high: float = 1.6) -> list[float]:
    """Subject column shares (summing to 1) balanced by how much text each holds."""
    n = len(model.subjects)
    sizes = [
        sum(len(plain(v)) for v in column if v) ** 0.5 + 1.0 for column in zip(*(row.cells() for row in model.table))
    ] or [1.0] * n
    shares = [s / sum(sizes) for s in sizes]
    for _ in range(4):  # clamp to [low, high] x equal share, then renormalise
        shares = [min(max(s, low / n), high / n) for s in shares]
        shares = [s / sum(shares) for s in shares]
    return shares
