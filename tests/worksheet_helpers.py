"""Reading worksheets, answer keys, organizers and card sorts back (pdfplumber).

Shared by the worksheet, organizer and cards tests: what a student sees is
words at positions on pages, so that is what these helpers return.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

import pdfplumber

from handouts.layout.models import Layout
from handouts.layout.resolve import load_layout
from handouts.pipeline.outputs import OUTPUTS
from handouts.render.context import RenderContext
from handouts.source.loader import load_source
from handouts.source.models import Comparison


def render(kind: str, path: Path, layout: Layout | str = "classic") -> tuple[bytes, Comparison, RenderContext]:
    """One output of the source at ``path`` (through the registry, as a build does)."""
    model = load_source(path)
    layout = load_layout(layout) if isinstance(layout, str) else layout
    context = RenderContext(source_path=path)
    return OUTPUTS[kind].renderer()(model, layout, context), model, context


def page_words(data: bytes) -> list[list[dict]]:
    """Each page's words (text, x0, x1, top, bottom, fontname, size)."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [page.extract_words(extra_attrs=["fontname", "size"]) for page in pdf.pages]


def chars(texts) -> Counter:  # noqa: ANN001 - an iterable of str
    """The characters of ``texts`` without spaces and hyphens (a line break inside a
    word prints a hyphen): what a comparison of words can rely on."""
    return Counter(re.sub(r"[\s\-\u00ad\u2010]+", "", "".join(texts)))


def same_labels(layout: Layout) -> Layout:
    """The layout with the answer key called what the worksheet is called, so the
    two PDFs differ only by the answers."""
    copy = layout.model_copy(deep=True)
    copy.worksheet.labels.answers = copy.worksheet.labels.worksheet
    return copy


def inside(word: dict, box: tuple[float, float, float, float], slack: float = 0.6) -> bool:
    """Whether a word's box lies within ``box`` = (x0, top, x1, bottom)."""
    x0, top, x1, bottom = box
    across = word["x0"] >= x0 - slack and word["x1"] <= x1 + slack
    return across and word["top"] >= top - slack and word["bottom"] <= bottom + slack
