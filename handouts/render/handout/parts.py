"""What every handout block builder reads: the model, layout, styles and the
structure being recorded, with the helpers that make tagged paragraphs,
headings and lists."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from handouts.i18n.words import language_of
from handouts.layout.models import Layout
from handouts.markup import plain
from handouts.render.context import RenderContext
from handouts.render.handout.columns import Shape
from handouts.render.handout.references import Reference
from handouts.render.pdf.paragraph import Paragraph
from handouts.render.pdf.styles import Styles
from handouts.render.pdf.tagging.tags import Element, TagRecorder, tag
from handouts.source.models import Comparison, split_paragraphs


@dataclass
class Parts:
    """What every block builder reads; ``tags`` records the structure in reading order."""

    model: Comparison
    layout: Layout
    styles: Styles
    context: RenderContext
    tags: TagRecorder = field(default_factory=TagRecorder)
    shape: Shape = "columns"  # the comparison table's shape, measured for the page
    references: list[Reference] = field(default_factory=list)  # the numbered sources list

    def para(self, text: str, style: ParagraphStyle, kind: str = "P", parent: Element | None = None) -> Paragraph:
        """A paragraph that is one ``kind`` element (P, H2, LBody...) under ``parent``."""
        return self.tagged(Paragraph(self.styles.text(text), style), kind, parent, lang=language_of(text))

    def tagged(
        self, flowable: Flowable, kind: str, parent: Element | None = None, lang: str | None = None, **attrs: str
    ) -> Flowable:
        """``flowable`` as one ``kind`` element (``lang``: a fixed word's own language, see :mod:`handouts.i18n`)."""
        return tag(flowable, self.tags.element(kind, parent, lang=lang, **attrs))

    def paras(
        self, text: str | None, style: ParagraphStyle | None = None, parent: Element | None = None
    ) -> list[Flowable]:
        return [self.para(p, style or self.styles.body, parent=parent) for p in split_paragraphs(text)]

    def heading(
        self, text: str, style: ParagraphStyle | None = None, top: bool = False, parent: Element | None = None
    ) -> Paragraph:
        """A heading that becomes an outline entry (top = the document's H1, else an H2)."""
        p = self.para(text, style or self.styles.heading, "H1" if top else "H2", parent)
        p.outline = (plain(text), top)
        return p

    def items(self, texts: list[str], style: ParagraphStyle, bullets: list[str], numbering: str) -> list[Flowable]:
        """A list: L > LI > LBody, one paragraph per item (``texts`` are reportlab markup)."""
        lst = self.tags.element("L", O="List", ListNumbering=numbering)
        out: list[Flowable] = []
        for text, bullet in zip(texts, bullets):
            item = self.tags.element("LI", lst)
            out.append(tag(Paragraph(text, style, bulletText=bullet), self.tags.element("LBody", item)))
        return out
