"""The deck being built: the presentation, its geometry and the layout's
styles, and the ways every slide builder adds slides, titles and text.

Every slide's title is in its layout's title placeholder (screen readers read
it); every text is measured before it is placed and continues on "(cont.)"
slides when it does not fit (prose at the layout's body size, tables and
labels at its minimum).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pptx.enum.shapes import PP_PLACEHOLDER as P

from handouts.i18n.words import join, like
from handouts.layout.models import Layout
from handouts.markup import plain
from handouts.render.context import RenderContext
from handouts.render.deck import xml_edits
from handouts.render.deck.base import SlideRecord, content_layout, layout_box, pick_layout, title_of
from handouts.render.deck.fit import (
    Insets,
    TextStyle,
    candidate_sizes,
    fit_lines,
    fit_size,
    largest_passing,
    line_factor,
    slide_text,
)
from handouts.render.deck.footer import plan_footer
from handouts.render.deck.paging import balanced_pages, even, paginate
from handouts.render.deck.template import open_base
from handouts.render.deck.text import Box, format_frame, notes_text, position, rectangle, text_box, write
from handouts.scripts import is_rtl_language, office_language
from handouts.source.models import Comparison
from handouts.units import emu_to_pt


class DeckWriter:
    """The presentation being built, its geometry and the layout's styles."""

    def __init__(self, model: Comparison, layout: Layout, context: RenderContext) -> None:
        self.model, self.layout, self.context = model, layout, context
        self.deck = layout.deck
        self.colors = layout.colors
        self.language = office_language(model.language)  # "zh" -> "zh-CN": what fonts are picked by
        self.prs, self.templated = open_base(layout, context)
        self.width, self.height = emu_to_pt(self.prs.slide_width), emu_to_pt(self.prs.slide_height)
        self.title_layout = pick_layout(self.prs, "title", default_template=not self.templated)
        self.content_layout = pick_layout(self.prs, "title_only", default_template=not self.templated)
        self.body_layout = content_layout(self.prs, default_template=not self.templated)
        self.insets = Insets()
        self._shortened: set[str] = set()  # texts shortened with an ellipsis (each warned about once)
        labels = self.deck.labels
        qualifiers = "|".join(re.escape(q) for q in (labels.compared, labels.by_subject) if q)
        # The fixed words a title may end with (" — by subject", "(cont.) 2/3", " (2)"): kept whole.
        self._suffix = re.compile(
            (rf"(?: \u2014 (?:{qualifiers}))?" if qualifiers else "")
            + rf"(?: {re.escape(labels.continued)}(?: \d+/\d+)?)?(?: \(\d+\))?$"
        )
        self.records: list[SlideRecord] = []  # every slide, in order, with references kept (no searching)
        margin, gap = self.deck.margin, self.deck.gap
        heading = self.style("heading", self.deck.sizes.heading)
        own_title = Box(
            margin,
            margin * 0.6,
            self.width - 2 * margin,
            2 * heading.line_height + self.insets.top + self.insets.bottom,
        )
        found = layout_box(self.content_layout, P.TITLE, P.CENTER_TITLE) if self.templated else None
        self.title_box = Box(*(emu_to_pt(v) for v in found)) if found else own_title
        self.bar = None
        self._bar = None  # the first slide's accent bar, copied onto the others
        if not self.templated and self.deck.accent_bar > 0:
            bar_width = heading.size * 2.4
            left = margin + self.insets.left  # under the title's start: its right in a right-to-left deck
            if is_rtl_language(self.language):
                left = self.width - margin - self.insets.right - bar_width
            self.bar = Box(left, self.title_box.bottom + gap * 0.3, bar_width, self.deck.accent_bar)
        top = (self.bar.bottom if self.bar else self.title_box.bottom) + gap
        self.body = Box(margin, top, self.width - 2 * margin, self.height - margin - top)
        if self.templated:
            self.body = self._template_body() or self.body
            if self.body_layout is not None and layout_box(self.body_layout, P.TITLE) != found:
                self.body_layout = None  # its title is elsewhere than the one titles are fitted to
        self.footer = plan_footer(self)
        self.footers: dict = {}  # slide layout part name -> its footer shapes (copied onto later slides)
        bottom = min(self.body.bottom, self.footer.top - gap * 0.5)
        self.body = Box(self.body.left, self.body.top, self.body.width, bottom - self.body.top)

    def _template_body(self) -> Box | None:
        """The body area of the template's title-and-content layout, if usable."""
        for slide_layout in self.prs.slide_layouts:
            box = layout_box(slide_layout, P.BODY, P.OBJECT)
            if box and layout_box(slide_layout, P.TITLE):
                body = Box(*(emu_to_pt(v) for v in box))
                if (
                    body.height >= 4 * self.deck.sizes.min * line_factor(self.deck.fonts.body)
                    and body.top >= self.title_box.bottom - 1
                ):
                    return body
        return None

    # -- styles -------------------------------------------------------------
    def style(self, role: str, size: float | None = None, bold: bool = False, bullet: bool = False) -> TextStyle:
        font = self.deck.fonts.heading if role == "heading" else self.deck.fonts.body
        return TextStyle(font, size or self.deck.sizes.body, bold, bullet)

    # -- slides -------------------------------------------------------------
    def new_slide(
        self,
        title: str,
        notes: list[str] | None = None,
        title_slide: bool = False,
        figure: bool = False,
        body: bool = False,
    ):
        """A slide with its (fitted) title in the title placeholder. ``figure``:
        another module draws on it (its pictures and groups get alt text from
        their names if they have none); ``body``: on the title-and-content
        layout, its body placeholder to be filled (:meth:`body_frame`)."""
        if title_slide:
            slide_layout = self.title_layout
        else:
            slide_layout = self.body_layout if body and self.body_layout is not None else self.content_layout
        slide = self.prs.slides.add_slide(slide_layout)
        if self.bar and not title_slide:
            self._accent_bar(slide)
        # python-pptx's documented "turbo add": ids for new shapes from a counter instead of a search of
        # the slide per shape. Safe here: every shape is added through this one slide.shapes.
        slide.shapes.turbo_add_enabled = True
        # The slide's placeholders, looked up once: its title and the others (removed at the end if unused).
        found = {shape.placeholder_format.type: shape for shape in slide.placeholders}
        self.records.append(
            SlideRecord(slide, title_of(found), found, figure, footer=not title_slide, layout=slide_layout)
        )
        if not title_slide:
            self.set_title(slide, title)
        if notes:
            self.notes(slide, notes)
        return slide

    def _accent_bar(self, slide) -> None:
        """The accent bar under the title: drawn once, then copied (:func:`xml_edits.append_copies`)."""
        if self._bar is None:
            self._bar = rectangle(slide, self.bar, self.colors.accent, name="Accent bar")
        else:
            xml_edits.append_copies(slide, [self._bar])

    def page_title(self, title: str, index: int, count: int) -> str:
        """``Title``, then ``Title (cont.)`` (numbered when there are several:
        ``Title (cont.) 2/3``). A title too long for its box is shortened by
        :meth:`set_title`, which keeps that ending (and " — by subject") whole
        and warns."""
        suffix = "" if index == 0 else join(self.deck.labels.continued, f"{index + 1}/{count}" if count > 2 else "")
        return join(title, suffix) if suffix else title  # a title alone keeps its words as they are (a Phrase)

    def set_title(
        self,
        slide,
        text: str,
        box: Box | None = None,
        size: float | None = None,
        color: str | None = None,
        anchor: str = "bottom",
        align: str = "left",
    ) -> None:
        """Fit ``text`` into the slide's title placeholder (moved to ``box`` when
        given); shortened, its fixed ending ("(cont.) 2/3", "— by subject") stays whole."""
        record = self.record(slide)
        record.title_args = dict(box=box, size=size, color=color, anchor=anchor, align=align)
        record.title_text = text
        title = record.title
        box = box or self.title_box
        if not self.templated or box is not self.title_box:
            position(title, box)
        self.fill(
            title.text_frame,
            [text],
            box,
            self.style("heading", size or self.deck.sizes.heading, bold=True),
            color or self.colors.heading,
            anchor=anchor,
            align=align,
            smallest=min(size or self.deck.sizes.heading, self.content_size),
            keep=len(text) - self._suffix.search(text).start(),
            what="slide title",
            number=self.records.index(record) + 1,  # retitled at the end, it is not the last slide
        )

    @property
    def content_size(self) -> float:
        """The largest size content may have: titles never shrink below it (a
        title too long for it is shortened with an ellipsis and a warning)."""
        sizes = self.deck.sizes
        return max(sizes.display, sizes.body, sizes.table, sizes.min)

    def record(self, slide) -> SlideRecord:
        """What was kept about ``slide`` (usually the last one added)."""
        for record in reversed(self.records):
            if record.slide is slide:
                return record
        raise KeyError(slide)

    def placeholder(self, slide, *types):
        """The slide's first placeholder of one of ``types`` (or ``None``), from the record."""
        found = self.record(slide).placeholders
        return next((found[t] for t in types if t in found), None)

    def retitle(self, slide, text: str) -> None:
        """Set a slide's title again, as it was first set (the deck-wide pass makes titles unique)."""
        self.set_title(slide, text, **self.record(slide).title_args)

    def fit(
        self,
        paragraphs: list[str],
        box: Box,
        style: TextStyle,
        smallest: float | None = None,
        keep: int = 0,
        what: str = "text",
        key: str | None = None,
        number: int | None = None,
    ) -> tuple[list[str], TextStyle]:
        """The paragraphs at the largest size that fits ``box``, words whole down
        to ``smallest`` before any is broken; if even that overflows, cut with an
        ellipsis at ``smallest`` (the last ``keep`` characters kept whole) and one
        warning per text shortened, naming it (``what``, the source ``key``, the
        slide ``number``: the last slide's unless given)."""
        smallest = smallest or self.deck.sizes.min
        size = fit_size([(paragraphs, box.width, box.height)], style, smallest, self.insets, whole_words=0.0)
        if size is not None:
            return paragraphs, style.at(size)
        style = style.at(smallest)
        inner_w = box.width - self.insets.left - self.insets.right
        lines = max(1, int((box.height - self.insets.top - self.insets.bottom + 0.01) // style.line_height))
        text = " ".join(paragraphs)
        head, tail = text[: len(text) - keep], text[len(text) - keep :]
        short = fit_lines(head, style, inner_w, lines, keep=tail)
        self._warn_shortened(slide_text(plain(head)), slide_text(short), what, key, number or len(self.records))
        return [like(short, *paragraphs)], style

    def _warn_shortened(self, text: str, short: str, what: str, key: str | None, number: int) -> None:
        if text in self._shortened:
            return
        self._shortened.add(text)
        self.context.warn(
            f"{what} “{text}” is shortened to “{short}” on slide {number}: "
            f"it does not fit at the layout's smallest size",
            key=key,
            hint="shorten it in the source, or use a layout with more room (fewer subjects, smaller deck.sizes.min)",
        )

    def fill(
        self,
        text_frame,
        paragraphs: list[str],
        box: Box,
        style: TextStyle,
        color: str,
        anchor: str = "top",
        align: str = "left",
        smallest: float | None = None,
        keep: int = 0,
        what: str = "text",
        key: str | None = None,
        number: int | None = None,
    ) -> TextStyle:
        """Write paragraphs into a frame, fitted to ``box`` (:meth:`fit`)."""
        paragraphs, style = self.fit(paragraphs, box, style, smallest, keep, what, key, number)
        format_frame(text_frame, self.insets, anchor)
        write(
            text_frame,
            paragraphs,
            style,
            color,
            self.language,
            align=align,
            bullet_color=self.colors.accent,
            link_color=self.colors.link,
        )
        return style

    def fitted_box(
        self,
        slide,
        box: Box,
        paragraphs: list[str],
        style: TextStyle,
        color: str,
        anchor: str = "top",
        align: str = "left",
        fill: str | None = None,
        name: str | None = None,
        what: str = "text",
        key: str | None = None,
    ):
        """A text box exactly ``box`` holding ``paragraphs`` fitted to it (:meth:`fit`)."""
        paragraphs, style = self.fit(paragraphs, box, style, what=what, key=key)
        return text_box(
            slide,
            box,
            paragraphs,
            style,
            color,
            self.language,
            self.insets,
            anchor=anchor,
            fill=fill,
            name=name,
            align=align,
            bullet_color=self.colors.accent,
            link_color=self.colors.link,
        )

    def notes(self, slide, paragraphs: list[str]) -> None:
        """Speaker notes: the full prose, paragraph by paragraph, in the source's language."""
        frame = slide.notes_slide.notes_text_frame
        lines = [" ".join(notes_text(p).split()) for p in paragraphs if p]
        if not xml_edits.plain_paragraphs(frame, lines):
            frame.text = "\n".join(lines)
        xml_edits.runs_language(frame, self.language)

    def flow(
        self,
        title: str,
        paragraphs: list[str],
        notes: list[str] | None = None,
        bullet: bool = True,
        listing: bool = False,
        notes_per_page: Callable[[list[list[str]]], list[list[str]]] | None = None,
    ) -> None:
        """Paragraphs in the body area: one slide at the largest size from
        ``display`` down to ``body`` that fits, else as few "(cont.)" slides as
        ``body`` needs, at the largest size that needs no more, the text spread
        evenly over them. Prose is never set
        below the layout's body size; a ``listing`` of short entries (sources,
        the timeline's key) goes down to its ``table`` size, as tables do.
        ``notes_per_page``: each slide's own notes from the pages' paragraphs
        (instead of ``notes`` on every slide)."""
        if not paragraphs:
            return
        smallest = min(self.deck.sizes.table, self.deck.sizes.body) if listing else self.deck.sizes.body
        style = self.style("body", max(self.deck.sizes.display, smallest), bullet=bullet)
        box = self.body
        size = fit_size([(paragraphs, box.width, box.height)], style, smallest, self.insets)
        if size is None:  # continued: the largest size that needs no more slides than the smallest does

            def slides(size: float) -> int:
                return len(paginate(paragraphs, style.at(size), box.width, box.height, self.insets))

            fewest = slides(smallest)
            sizes = candidate_sizes(style.size, smallest)
            largest = largest_passing(sizes, lambda s: slides(s) <= fewest)
            # the largest such size may leave no room to even the slides out: a size smaller, until it does
            for size in sizes[sizes.index(largest) :]:
                pages = balanced_pages(paragraphs, style.at(size), box.width, box.height, self.insets)
                if even(pages):
                    break
        else:
            pages = [paragraphs]
        style = style.at(size)
        per_page = notes_per_page(pages) if notes_per_page else [notes] * len(pages)
        for index, (page, page_notes) in enumerate(zip(pages, per_page)):
            slide = self.new_slide(self.page_title(title, index, len(pages)), page_notes, body=True)
            placeholder = self.placeholder(slide, P.BODY, P.OBJECT)
            options = dict(bullet_color=self.colors.accent, link_color=self.colors.link)
            if placeholder is None:
                text_box(slide, box, page, style, self.colors.text, self.language, self.insets, **options)
            else:
                position(placeholder, box)
                format_frame(placeholder.text_frame, self.insets)
                write(placeholder.text_frame, page, style, self.colors.text, self.language, **options)
