"""Pages of the handout: templates (portrait and landscape), the running
header and footer with "page X of Y", document metadata and the outline.

"Page X of Y" needs the page count before any footer is drawn; the canvas
keeps each finished page's state and draws all footers at ``save()``, so the
document is laid out once (fast and deterministic).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, PageTemplate
from reportlab.platypus.doctemplate import LayoutError as RLLayoutError

from handouts.layout.models import Layout
from handouts.markup import plain
from handouts.render.fonts import font_name
from handouts.render.pdf.canvas_text import draw_text
from handouts.render.pdf.fitting import ellipsize, footer_lines
from handouts.render.pdf.overflow import explain
from handouts.render.pdf.reportlab_internals import (
    page_state,
    pdf_document,
    restore_page_state,
    set_page_counter,
    start_page,
)
from handouts.render.pdf.styles import Styles
from handouts.render.pdf.tagging.structure import DocInfo, tagged_canvas
from handouts.render.pdf.tagging.tags import TaggingFrame, TagRecorder, artifact
from handouts.render.pdf.text import typeset
from handouts.scripts import is_rtl_language
from handouts.source.models import Comparison

SEP = " \u00b7 "
_GAP = "\x00"  # stands for {sep} until we know which sides are non-empty


def fill_template(template: str, model: Comparison) -> str:
    """Fill a header/footer template (checked when the layout loaded); ``{sep}``
    appears only between non-empty parts."""

    def text(value: str | None) -> str:  # typographic quotes and dashes, as in the body
        return typeset(plain(value or ""), model.language)

    values = {
        "title": text(model.title),
        "course": text(model.course),
        "author": text(model.author),
        "date": text(model.date),
        "subtitle": text(model.subtitle),
        "sep": _GAP,
    }
    text = template.format(**values)
    return SEP.join(part.strip() for part in text.split(_GAP) if part.strip())


@dataclass(frozen=True)
class Running:
    """What every page carries: header text, footer text, the page-number template."""

    header: str
    footer: str
    page: str
    font: str
    size: float
    color: str
    rule: str
    rtl: bool = False  # a right-to-left document: footer text on the right, page numbers on the left


def canvas_class(running: Running, tags: TagRecorder | None = None, info: DocInfo | None = None) -> type[Canvas]:
    """A canvas that draws the running header/footer once the page count is known
    (as pagination artifacts); given ``tags`` and ``info``, it records tagged
    content into ``tags`` and saves them as the structure tree."""
    base = tagged_canvas(tags, info) if tags is not None and info is not None else Canvas

    class RunningCanvas(base):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(page_state(self))
            start_page(self)
            # a bookmark or link destination on the next page names that page, though it is shown later
            set_page_counter(pdf_document(self), len(self._pages) + 1)

        def save(self) -> None:
            total = len(self._pages)
            set_page_counter(pdf_document(self), 1)  # the pages are shown now, from the first
            for number, state in enumerate(self._pages, start=1):
                restore_page_state(self, state)
                with artifact(self, "Pagination"):
                    self._running(number, total)
                Canvas.showPage(self)
            base.save(self)  # every page is shown: the structure goes in now

        def _running(self, number: int, total: int) -> None:
            r = running
            width, height, left, right, bottom, top = self.running_box
            self.saveState()
            self.setFont(r.font, r.size)
            self.setFillColor(HexColor(r.color))
            page = r.page.format(page=number, pages=total)
            room = width - left - right - self.stringWidth(page, r.font, r.size) - r.size * 2
            lines = footer_lines(r.footer, r.font, r.size, room)
            lead = r.size * 1.2
            y = bottom * 0.45 + (len(lines) - 1) * lead  # the first line's baseline; the rest below
            self.setStrokeColor(HexColor(r.rule))
            self.setLineWidth(0.5)
            self.line(left, y + r.size * 1.5, width - right, y + r.size * 1.5)
            font = (r.font, r.size, HexColor(r.color))
            start, end = (width - right, left) if r.rtl else (left, width - right)
            draw_text(self, end, y, page, font, "start" if r.rtl else "end")
            for n, line in enumerate(lines):
                draw_text(self, start, y - n * lead, line, font, "end" if r.rtl else "start")
            if r.header:
                header = ellipsize(r.header, r.font, r.size, width - left - right)
                draw_text(self, end, height - top * 0.55, header, font, "start" if r.rtl else "end")
            self.restoreState()

    return RunningCanvas


class HandoutDoc(BaseDocTemplate):
    """Two page templates ("main" in the layout's orientation, "wide" landscape)
    and outline entries for flowables that carry an ``outline`` attribute."""

    def __init__(self, buffer: io.BytesIO, layout: Layout, **meta: object) -> None:
        m = layout.page.margins
        super().__init__(
            buffer,
            pagesize=layout.page.dimensions(),
            leftMargin=m.left,
            rightMargin=m.right,
            topMargin=m.top,
            bottomMargin=m.bottom,
            invariant=1,
            creator="handouts",
            producer="handouts",
            initialFontName=font_name(layout.fonts.body),
            **meta,
        )
        templates = []
        for name, orientation in (("main", None), ("wide", "landscape")):
            width, height = layout.page.dimensions(orientation)
            frame = TaggingFrame(
                m.left,
                m.bottom,
                width - m.left - m.right,
                height - m.top - m.bottom,
                leftPadding=0,
                rightPadding=0,
                topPadding=0,
                bottomPadding=0,
                id=name,
            )
            templates.append(PageTemplate(name, [frame], pagesize=(width, height), onPage=self._note_margins))
        self.addPageTemplates(templates)
        self._outline_keys = 0
        self._has_top = False

    def _note_margins(self, canvas: Canvas, doc: "HandoutDoc") -> None:
        """Where this page's running header and footer go (its template's size and the margins),
        kept on the canvas with the page's state until they are drawn."""
        width, height = doc.pageTemplate.pagesize
        canvas.running_box = (width, height, self.leftMargin, self.rightMargin, self.bottomMargin, self.topMargin)

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - reportlab's name
        entry = getattr(flowable, "outline", None)
        if not entry:
            return
        title, top = entry
        level = 0 if top or not self._has_top else 1
        self._has_top = self._has_top or top
        self._outline_keys += 1
        key = f"o{self._outline_keys}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(title, key, level=level, closed=False)


def document_for(buffer: io.BytesIO, layout: Layout, info: DocInfo) -> HandoutDoc:
    """A document whose PDF metadata says what ``info`` says (the XMP packet
    and the document info dictionary must agree for a PDF/UA checker)."""
    return HandoutDoc(
        buffer,
        layout,
        title=info.title,
        author=info.author,
        subject=info.subject,
        keywords=info.keywords,
        lang=info.lang,
        displayDocTitle=1,
    )


def running_for(model: Comparison, layout: Layout, styles: Styles) -> Running:
    """The running header/footer texts and their look, from the layout."""
    h = layout.handout
    return Running(
        header=fill_template(h.header, model),
        footer=fill_template(h.footer, model),
        page=h.labels.page,
        font=styles.fonts["heading"]["regular"],
        size=max(layout.sizes.min, layout.sizes.small),
        color=layout.colors.muted,
        rule=layout.colors.rule,
        rtl=is_rtl_language(model.language),
    )


def build_or_explain(doc, story: list, canvasmaker, what: str, source) -> None:  # noqa: ANN001
    """``doc.build`` with reportlab's layout failures (something larger than
    the page, however it came about) turned into an :class:`OutputError` that
    names the part of the source that did not fit (:mod:`render.pdf.overflow`)."""
    try:
        doc.build(story, canvasmaker=canvasmaker)
    except RLLayoutError:
        raise explain(doc, what, source) from None
