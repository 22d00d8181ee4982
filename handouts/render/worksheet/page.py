"""What every worksheet-family PDF shares: styles, the tagged document, the title.

The worksheet, answer key, organizer and cards are drawn like the handout
(the same page templates, running footer, fonts and structure tagging from
:mod:`handouts.render.pdf`), each with its own word in the running header so
a loose page still says what it is.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, TableStyle

from handouts.i18n.words import join, language_of
from handouts.layout.models import Layout
from handouts.markup import escape, plain, to_reportlab
from handouts.render.context import RenderContext
from handouts.render.fonts import warn_missing
from handouts.render.pdf.page import Running, build_or_explain, canvas_class, document_for, fill_template
from handouts.render.pdf.paragraph import Paragraph
from handouts.render.pdf.styles import Styles, build_styles
from handouts.render.pdf.tagging.structure import DocInfo
from handouts.render.pdf.tagging.tags import Element, TagRecorder, cell_tag, table_callback, tag, tagging_table
from handouts.scripts import is_rtl_language
from handouts.source.models import Comparison

BANK_COLUMNS = 3  # a boxed list's columns on a page wide enough (else two)
MARKUP = ("bold", "italic", "bold_italic")  # answers are italic; user text may be bold or italic inside


@dataclass
class Sheet:
    """One PDF being built: the source, the layout, its styles and its structure."""

    model: Comparison
    layout: Layout
    context: RenderContext
    what: str  # the running header's word: "Worksheet", "Answer key"...
    orientation: str | None = None  # every page landscape when the grid is too wide for portrait
    styles: Styles = field(init=False)
    tags: TagRecorder = field(init=False)

    def __post_init__(self) -> None:
        self.styles = build_styles(self.layout, MARKUP, self.model.language)  # quotes, hyphenation, direction
        self.tags = TagRecorder(self.model.language)

    @property
    def labels(self):  # noqa: ANN201 - the layout's WorksheetLabels
        return self.layout.worksheet.labels

    def width(self) -> float:
        """The frame's width on this sheet's pages."""
        page = self.layout.page
        return page.dimensions(self.orientation)[0] - page.margins.left - page.margins.right

    def height(self) -> float:
        page = self.layout.page
        return page.dimensions(self.orientation)[1] - page.margins.top - page.margins.bottom

    def para(self, text: str, style: ParagraphStyle, kind: str = "P", parent: Element | None = None) -> Paragraph:
        """User text (escaped, inline markup kept) as one ``kind`` element."""
        return tag(Paragraph(to_reportlab(text, self.layout.colors.link), style), self.tags.element(kind, parent))

    def words(self, text: str, style: ParagraphStyle, kind: str = "P", parent: Element | None = None) -> Paragraph:
        """The layout's own words (no markup) as one ``kind`` element, marked with
        their language when it is not the document's."""
        return tag(Paragraph(escape(text), style), self.tags.element(kind, parent, lang=language_of(text)))

    def heading(self, text: str, top: bool = False) -> Paragraph:
        """An H1 (the title) or H2 that is also a bookmark."""
        style = self.styles.title if top else self.styles.heading
        p = self.words(text if language_of(text) else plain(text), style, "H1" if top else "H2")
        p.outline = (plain(text), top)
        return p

    def title(self) -> list[Flowable]:
        """The title and the sheet's kind ("Lenin vs. Stalin" / "Worksheet")."""
        m = self.model
        sub = join(*(x if language_of(x) else plain(x) for x in (self.what, m.subtitle, m.course) if x), sep=" \u00b7 ")
        return [self.heading(m.title, top=True), self.words(sub, self.styles.subtitle)]

    def boxed_list(self, items: list[Flowable], numbering: str = "None") -> Flowable:
        """Short items in columns inside a ruled box (a word bank, events to place),
        tagged as one list (L > LI > LBody) in reading order, row by row."""
        s = self.styles
        lst = self.tags.element("L", O="List", ListNumbering=numbering)
        for item in items:
            tag(item, self.tags.element("LBody", self.tags.element("LI", lst)))
        columns = min(BANK_COLUMNS if self.width() > s.cell.fontSize * 55 else 2, len(items))
        cells: list = items + [""] * (-len(items) % columns)
        data = [cells[i : i + columns] for i in range(0, len(cells), columns)]
        box = tagging_table(data, table_callback(cell_tag), colWidths=[self.width() / columns] * columns)
        box.setStyle(
            TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 0.8, HexColor(self.layout.colors.rule)),
                    ("FONT", (0, 0), (-1, -1), s.cell.fontName),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), s.cell_pad),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), s.cell_pad),
                    ("LEFTPADDING", (0, 0), (-1, -1), s.cell_pad * 2),
                    ("RIGHTPADDING", (0, 0), (-1, -1), s.cell_pad * 2),
                ]
            )
        )
        return box

    def build(self, story: list[Flowable], texts: list[str]) -> bytes:
        """Lay ``story`` out on the layout's pages, tagged; warn about glyphs the fonts lack."""
        m, layout = self.model, self.layout
        fonts = layout.fonts
        warn_missing(self.context, texts, [fonts.body, fonts.heading, fonts.table], self.what.lower())
        info = DocInfo(
            title=f"{plain(m.title)}: {self.what}",
            lang=m.language,
            author=m.author or "",
            subject=self.what,
            keywords=", ".join(plain(s.name) for s in m.subjects),
            link=layout.handout.labels.link,
        )
        buffer = io.BytesIO()
        doc = document_for(buffer, layout, info)
        if self.orientation == "landscape":  # the handout's "wide" template first: every page landscape
            doc.pageTemplates.sort(key=lambda template: template.id != "wide")
        running = Running(
            header=self.what,
            footer=fill_template(layout.handout.footer, m),
            page=layout.handout.labels.page,
            font=self.styles.fonts["heading"]["bold"],
            size=max(layout.sizes.min, layout.sizes.small),
            color=layout.colors.muted,
            rule=layout.colors.rule,
            rtl=is_rtl_language(m.language),
        )
        canvasmaker = canvas_class(running, self.tags, info)
        build_or_explain(doc, story, canvasmaker, self.what.lower(), self.context.source_path)
        return buffer.getvalue()
