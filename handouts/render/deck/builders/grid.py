"""Subjects side by side, each under its name band in its colour: the slide
for one long row and for a section's per-subject prose, at the largest size
that fits one slide (panels placed by :mod:`.panels`). Text that does not
fit one slide continues on "(cont.)" slides that show only the subjects with
text left, spread evenly over them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from handouts.colors import tint
from handouts.render.deck.builders.panels import arrange, even_cells
from handouts.render.deck.contrast import ink_on
from handouts.render.deck.deck_writer import DeckWriter
from handouts.render.deck.fit import WHOLE_WORDS_SHRINK, TextStyle, candidate_sizes, largest_passing
from handouts.render.deck.paging import BISECT_STEPS, KEEP_WHOLE, paginate, take
from handouts.render.deck.text import Box, text_box


@dataclass(frozen=True)
class GridPage:
    """One slide of a grid: the subjects shown (positions in the grid's texts),
    their text on this slide, and each one's (name band, text panel)."""

    shown: list[int]
    texts: list[list[str]]
    cells: list[tuple[Box, Box]]


def _fits(w: DeckWriter, texts: list[list[str]], style: TextStyle, whole_words: bool, stacks: bool = True) -> bool:
    return arrange(w, texts, style, whole_words=whole_words, stacks=stacks) is not None


def slides_needed(w: DeckWriter, texts: list[list[str]], smallest: float) -> int:
    """How many slides the grid of these texts takes at ``smallest`` (1 if it fits one)."""
    style = w.style("body", smallest)
    return 1 if _fits(w, texts, style, False) else len(_shown_sets(w, texts, style))


def _shown_sets(w: DeckWriter, texts: list[list[str]], style: TextStyle) -> list[list[int]]:
    """The subjects on each slide of a grid too full for one: every panel
    filled in turn; a slide after the first shows only the subjects with text
    left, in the wider panels fewer subjects get. Empty if a panel is lower
    than a line at this size."""
    remaining, shown, sets = list(texts), list(range(len(texts))), []
    while shown:
        for i, (_, panel) in zip(shown, even_cells(w, len(shown), style)):
            try:
                _, remaining[i] = take(remaining[i], style, panel.width, panel.height, w.insets)
            except ValueError:  # a band this size leaves the panel lower than a line
                return []
        sets.append(shown)
        shown = [i for i in shown if remaining[i]]
    return sets


def _one_slide_size(
    w: DeckWriter, style: TextStyle, texts: list[list[str]], smallest: float
) -> tuple[float, bool] | None:
    """The largest size from ``style.size`` down to ``smallest`` at which the
    texts fit one slide, keeping words whole down to :data:`WHOLE_WORDS_SHRINK`
    (as :func:`~handouts.render.deck.fit.fit_size` does), and whether they
    need the stacked columns: the grid wherever it fits at all (the subjects
    where they are on the other grid slides), else the stacks; ``None`` if neither does."""
    sizes = candidate_sizes(style.size, smallest)
    whole = [size for size in sizes if size >= style.size * WHOLE_WORDS_SHRINK]
    for stacks in (False, True):

        def fits(size: float, whole_words: bool, stacks: bool = stacks) -> bool:
            return _fits(w, texts, style.at(size), whole_words, stacks)

        if not fits(smallest, False):
            continue
        if whole and fits(whole[-1], True):
            return largest_passing(whole, lambda size: fits(size, True)), stacks
        return largest_passing(sizes, lambda size: fits(size, False)), stacks
    return None


def plan_grid(
    w: DeckWriter, texts: list[list[str]], smallest: float, bullet: bool = False, largest: float | None = None
) -> tuple[TextStyle, list[GridPage]]:
    """The style and the slides of a grid of ``texts``: one slide at the
    largest size from ``largest`` (default ``display`` or ``body``) down to
    ``smallest`` that fits,
    else as few slides as ``smallest`` needs, at the largest size that needs
    no more, with the text spread evenly (:func:`_spread`)."""
    start = largest or max(w.deck.sizes.display, w.deck.sizes.body)
    style = w.style("body", max(start, smallest), bullet=bullet)
    found = _one_slide_size(w, style, texts, smallest)
    everyone = list(range(len(texts)))
    if found is not None:
        size, stacks = found
        style = style.at(size)
        least = 3 * style.line_height + w.insets.top + w.insets.bottom
        cells = arrange(w, texts, style, least, stacks=stacks)
        assert cells is not None  # the size was chosen so that they fit
        return style, [GridPage(everyone, texts, cells)]
    fewest = len(_shown_sets(w, texts, style.at(smallest)))  # continued: the largest size needing no more slides
    size = largest_passing(
        candidate_sizes(style.size, smallest), lambda s: 0 < len(_shown_sets(w, texts, style.at(s))) <= fewest
    )
    return style.at(size), _spread(w, texts, style.at(size))


def _spread(w: DeckWriter, texts: list[list[str]], style: TextStyle) -> list[GridPage]:
    """The slides of a grid too full for one (:func:`_shown_sets`), each
    subject's text spread evenly over the panels it has on them."""
    sets = _shown_sets(w, texts, style)
    cells = [even_cells(w, len(shown), style) for shown in sets]
    parts: list[list[list[str]]] = [[] for _ in sets]
    for i, text in enumerate(texts):
        slides = [k for k, shown in enumerate(sets) if i in shown]
        panels = [cells[k][sets[k].index(i)][1] for k in slides]
        for k, part in zip(slides, _even_parts(w, text, panels, style)):
            parts[k].append(part)
    return [GridPage(shown, parts[k], cells[k]) for k, shown in enumerate(sets)]


def _even_parts(w: DeckWriter, text: list[str], panels: list[Box], style: TextStyle) -> list[list[str]]:
    """``text`` over ``panels`` in order, each filled to the lowest share of its
    height that still holds all of it with text in every panel (bisected),
    breaking between paragraphs where a panel is mostly full."""
    least = 2 * style.line_height + w.insets.top + w.insets.bottom

    def parts(share: float) -> list[list[str]] | None:
        rest, out = list(text), []
        for panel in panels:
            if not rest:
                return None
            height = min(panel.height, max(panel.height * share, least))
            page, rest = take(rest, style, panel.width, height, w.insets, KEEP_WHOLE if share < 1 else 1.0)
            out.append(page)
        return None if rest else out

    best = parts(1.0) or paginate(text, style, panels[0].width, panels[0].height, w.insets)
    low, high = 0.0, 1.0
    for _ in range(BISECT_STEPS):
        mid = (low + high) / 2
        found = parts(mid)
        if found is not None:
            best, high = found, mid
        else:
            low = mid
    return best


def draw_grid(
    w: DeckWriter,
    title: str,
    page: GridPage,
    style: TextStyle,
    notes: list[str],
    shared: bool = False,
    subjects: list[int] | None = None,
) -> None:
    """One grid slide: each shown subject's name band (bold, at the text's
    size) in its colour over its text on a tint of it. ``subjects``: the deck's subject index of each text."""
    slide = w.new_slide(title, notes)
    name_style = w.style("body", style.size, bold=True)
    for i, paragraphs, (band, body) in zip(page.shown, page.texts, page.cells):
        name, color = _band(w, subjects[i] if subjects else i, shared)
        w.fitted_box(
            slide,
            band,
            [name],
            name_style,
            ink_on(color, w.colors.header_text, w.colors.text),
            anchor="middle",
            fill=color,
            name=f"{name} label",
        )
        fill = tint(color, 0.9)
        text_box(
            slide,
            body,
            paragraphs,
            style,
            ink_on(fill, w.colors.text),
            w.language,
            w.insets,
            fill=fill,
            name=f"{name} text",
            bullet_color=color,
            link_color=w.colors.link,
        )


def subject_grid(
    w: DeckWriter,
    title: str,
    texts: list[list[str]],
    notes: list[str],
    bullet: bool = False,
    shared: bool = False,
    subjects: list[int] | None = None,
    smallest: float | None = None,
    notes_per_page: Callable[[list[tuple[list[int], list[list[str]]]]], list[list[str]]] | None = None,
) -> None:
    """Subjects side by side in their colours on one slide, or on "(cont.)"
    slides when the text needs them; never below ``smallest`` (default: the
    layout's body size, as for all prose). ``notes_per_page``: each slide's own
    notes from its (texts shown, their paragraphs), instead of ``notes`` on every slide."""
    style, pages = plan_grid(w, texts, smallest or w.deck.sizes.body, bullet)
    per_page = notes_per_page([(page.shown, page.texts) for page in pages]) if notes_per_page else [notes] * len(pages)
    for index, page in enumerate(pages):
        draw_grid(w, w.page_title(title, index, len(pages)), page, style, per_page[index], shared, subjects)


def _band(w: DeckWriter, index: int, shared: bool) -> tuple[str, str]:
    """A panel's name and colour: the subject's, or all the subjects' in the accent."""
    if shared:
        return " · ".join(s.name for s in w.model.subjects), w.colors.accent
    subject = w.model.subjects[index]
    return subject.name, w.layout.subject_color(index, subject.color)
