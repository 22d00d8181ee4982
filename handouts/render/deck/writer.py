"""The PPTX lecture deck: ``render_deck(model, layout, context) -> bytes``.

Which slides appear, and in which order, is the layout's ``deck.slides``;
each name maps to a builder in :mod:`handouts.render.deck.slides`. The deck
is saved with python-pptx's own ``Presentation.save``, then made
deterministic (:func:`fixed_zip_times`).
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from pptx.presentation import Presentation

from handouts.layout.models import Layout
from handouts.render.context import RenderContext
from handouts.render.deck import xml_edits
from handouts.render.deck.a11y import finish_slides
from handouts.render.deck.base import remove_empty_placeholders
from handouts.render.deck.deck_writer import DeckWriter
from handouts.render.deck.footer import add_footer
from handouts.render.deck.slides import BUILDERS
from handouts.render.deck.template import theme_of
from handouts.source.models import Comparison

FIXED_TIME = datetime(2000, 1, 1, 0, 0, 0)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a ZIP can hold


def render_deck(model: Comparison, layout: Layout, context: RenderContext) -> bytes:
    """Build the deck's slides in the layout's order and return the .pptx bytes."""
    writer = DeckWriter(model, layout, context)
    for name in layout.deck.slides:
        builder = BUILDERS.get(name)
        if builder is not None:
            builder(writer)
    for number, record in enumerate(writer.records, start=1):
        remove_empty_placeholders(record.placeholders.values(), keep=record.title)
        if record.footer:
            add_footer(writer, record.slide, record.layout, number)
    finish_slides(writer.records, writer.retitle, lambda name: name)
    if not writer.templated:  # the slides name the deck's own theme (a teacher's template is the school's)
        refs = xml_edits.theme_refs(theme_of(layout))
        for record in writer.records:
            xml_edits.theme_references(record.slide, refs, record.title)
    subject = " · ".join(s.name for s in model.subjects)
    return save(writer.prs, model.title, model.author, writer.language, subject)


def save(prs: Presentation, title: str, author: str | None, language: str, subject: str = "") -> bytes:
    """Save with fixed metadata and fixed ZIP times: same input, same bytes."""
    props = prs.core_properties
    props.title = title[:250]
    props.author = (author or "")[:250]
    props.subject = subject[:250]
    props.language = language
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.last_modified_by = "handouts"
    props.revision = 1
    raw = io.BytesIO()
    prs.save(raw)
    return fixed_zip_times(raw.getvalue())


def fixed_zip_times(data: bytes) -> bytes:
    """The same ZIP with every member stamped :data:`ZIP_TIME`.

    ``Presentation.save`` stamps each member with the current time, so two
    builds of one source would differ in their bytes (and a rebuild that
    changed nothing would rewrite the file). Members keep their order and
    content, deflated, with fixed permissions."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info))
    return out.getvalue()


__all__ = ["render_deck", "save", "fixed_zip_times"]
