"""The layout's words for one document: the layout's own, else the table's.

Precedence, per word: a label the layout files (or ``--set``) wrote > the
translation table of the source's ``language`` > English. pydantic's
``model_fields_set`` tells a written label from a default. Resolved once per
source (:func:`handouts.pipeline.render.render_source`), so renderers keep
reading ``layout.handout.labels.table`` and never look a word up themselves.
"""

from __future__ import annotations

from pydantic import BaseModel

from handouts.i18n.table import words_for
from handouts.i18n.words import Word
from handouts.layout.models import Layout


def _labels(labels: BaseModel, words: dict[str, str], mark: str | None) -> BaseModel:
    written = labels.model_fields_set
    update = {
        key: Word(text, mark) if mark and text else text
        for key, text in words.items()
        if key in type(labels).model_fields and key not in written
    }
    return labels.model_copy(update=update)


def localize(layout: Layout, language: str) -> Layout:
    """``layout`` with every label it does not set in ``language`` (English,
    marked as English, for a language without a table)."""
    table, mark = words_for(language)
    parts = {
        "handout": layout.handout,
        "timeline": layout.timeline,
        "deck": layout.deck,
        "worksheet": layout.worksheet,
    }
    update = {
        group: part.model_copy(update={"labels": _labels(part.labels, table[group], mark)})
        for group, part in parts.items()
    }
    return layout.model_copy(update=update)
