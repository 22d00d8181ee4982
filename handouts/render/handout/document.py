"""The printable comparison handout (PDF): the entry point and block dispatch.

Blocks appear in ``layout.handout.blocks`` order; each name maps to a builder
in :data:`handouts.render.handout.blocks.BLOCKS`, so a new block (e.g. the timeline strip) is one entry.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import replace

from reportlab.platypus import Flowable

from handouts.layout.models import Layout
from handouts.markup import parse_inline, plain
from handouts.render.context import RenderContext
from handouts.render.fonts import warn_missing
from handouts.render.handout.blocks import BLOCKS
from handouts.render.handout.columns import Shape, column_weights, table_shape
from handouts.render.handout.parts import Parts
from handouts.render.handout.prose_columns import in_columns
from handouts.render.handout.references import citations, references
from handouts.render.pdf.breaks import keep_headings
from handouts.render.pdf.overflow import about
from handouts.render.pdf.page import build_or_explain, canvas_class, document_for, running_for
from handouts.render.pdf.styles import Styles, build_styles, column_gap, prose_columns
from handouts.render.pdf.tagging.hyphens import words_of
from handouts.render.pdf.tagging.structure import DocInfo
from handouts.render.pdf.tagging.tags import TagRecorder
from handouts.source.models import Comparison

# Block name -> what a message calls its part of the page.
BLOCK_WORDS = {
    "subjects": "the subject cards",
    "table": "the comparison table",
    "sections": "a section",
    "timeline": "the timeline strip",
    "sources": "the list of sources",
}
PROSE_BLOCKS = frozenset({"summary", "similarities", "sections", "conclusion", "sources", "note"})  # may share columns


def render_handout(model: Comparison, layout: Layout, context: RenderContext) -> bytes:
    """The handout PDF for ``model`` drawn with ``layout``: a tagged PDF
    (structure tree in reading order, decoration marked as artifacts)."""
    styles = build_styles(layout, markup_styles(model), model.language)
    warn_missing_glyphs(model, layout, context)
    tags = TagRecorder(model.language, words_of(model_texts(model)))
    oriented, shape = orient(model, layout, styles)
    if oriented is not layout:  # the page turned: prose measure and styles follow
        layout, styles = oriented, build_styles(oriented, markup_styles(model), model.language)
    refs = references(model, prose_texts(model)) if "sources" in layout.handout.blocks else []
    styles = replace(styles, text=replace(styles.text, citations=citations(refs)))
    parts = Parts(model, layout, styles, context, tags, shape, refs)
    story: list[Flowable] = []
    columns = prose_columns(layout, styles.body.fontName)
    for name in layout.handout.blocks:
        builder = BLOCKS.get(name)
        if builder:  # each flowable names its block (= the source's key) if it cannot be laid out
            words = BLOCK_WORDS.get(name, f"the {name}")
            made = [f if hasattr(f, "source_key") else about(f, name, words) for f in builder(parts)]
            if columns > 1 and name in PROSE_BLOCKS:
                made = in_columns(made, columns, column_gap(layout), styles.body.leading)
            story += made
    frame = layout.page.dimensions()[1] - layout.page.margins.top - layout.page.margins.bottom
    story = keep_headings(story, frame * 0.5)
    buffer = io.BytesIO()
    info = DocInfo(
        title=plain(model.title),
        lang=model.language,
        author=model.author or "",
        subject=subject_line(model),
        keywords=", ".join(s.name for s in model.subjects),
        link=layout.handout.labels.link,
    )
    doc = document_for(buffer, layout, info)
    build_or_explain(
        doc, story, canvas_class(running_for(model, layout, styles), tags, info), "handout", context.source_path
    )
    return buffer.getvalue()


def orient(model: Comparison, layout: Layout, styles: Styles) -> tuple[Layout, Shape]:
    """The layout to draw with and the table's shape. A table that is readable
    only on landscape pages turns the whole handout landscape (one orientation
    per document: no portrait page left holding just the title), unless the
    layout itself asks for landscape table pages at this many subjects."""
    if not model.table:
        return layout, "columns"
    shape = table_shape(model, layout, styles, column_weights(model))
    forced = layout.handout.table.landscape_from_subjects
    if shape != "landscape" or (forced is not None and len(model.subjects) >= forced):
        return layout, shape
    page = layout.page.model_copy(update={"orientation": "landscape"})
    return layout.model_copy(update={"page": page}), "columns"


def subject_line(model: Comparison) -> str:
    """PDF Subject: the subtitle, else "Comparison: A, B"."""
    return plain(model.subtitle) if model.subtitle else "Comparison: " + ", ".join(s.name for s in model.subjects)


def model_texts(model: Comparison) -> Iterator[str]:
    """Every piece of user text the handout may draw."""
    yield from prose_texts(model)
    for ref in model.sources:
        yield from (t for t in (ref.title, ref.url, ref.note) if t)


def prose_texts(model: Comparison) -> Iterator[str]:
    """The user text the handout draws outside its sources list, in reading order
    (where a link is met first, for its reference number)."""
    yield from (t for t in (model.title, model.subtitle, model.author, model.course, model.date) if t)
    for s in model.subjects:
        yield from (t for t in (s.name, s.full_name, s.image_credit) if t)
    if model.summary:
        yield model.summary
    for row in model.table:
        yield row.label
        yield from (v for v in row.cells() if v)
    yield from model.similarities
    for section in model.sections:
        yield section.heading
        yield section.body
        yield from (section.by_subject or {}).values()
    for event in model.timeline:  # the timeline strip
        yield from (t for t in (event.label, event.detail) if t)
    yield from (t for t in (model.conclusion, model.note) if t)


def markup_styles(model: Comparison) -> set[str]:
    """Font styles the text's inline markup needs (italic inside a bold heading or
    label needs bold italic), so only those fonts are loaded."""
    needed: set[str] = set()
    for text in model_texts(model):
        if "*" in text:
            for span in parse_inline(text):
                if span.italic:
                    needed |= {"italic", "bold_italic"}
                if span.bold:
                    needed.add("bold_italic" if span.italic else "bold")
    return needed


def warn_missing_glyphs(model: Comparison, layout: Layout, context: RenderContext) -> None:
    """One warning naming every character the layout's fonts cannot draw."""
    warn_missing(context, model_texts(model), [layout.fonts.body, layout.fonts.heading, layout.fonts.table], "handout")
