"""The HTML page (``--to html``): one self-contained file, no scripts, no network.

Semantic structure first (``lang``, one ``h1``, labelled sections, a real
table with header scopes and a caption, events as an ordered list), so a
screen reader and a phone read it well; the layout gives it colours, fonts and
a print stylesheet. The same source gives the same bytes.
"""

from __future__ import annotations

from handouts.layout.models import Layout
from handouts.render.context import RenderContext
from handouts.render.html.blocks import BLOCKS, Page
from handouts.render.html.inline import escape, text
from handouts.render.html.style import stylesheet
from handouts.scripts import is_rtl_language
from handouts.source.models import Comparison


def render_html(model: Comparison, layout: Layout, context: RenderContext) -> bytes:
    """The page for ``model`` drawn with ``layout``, as UTF-8 bytes."""
    page = Page(model, layout, context)
    blocks = [BLOCKS[name](page) for name in layout.handout.blocks if name in BLOCKS]
    if "title" not in layout.handout.blocks:  # a page always has its one h1
        blocks.insert(0, BLOCKS["title"](page))
    header = blocks.pop(0) if blocks and blocks[0].startswith("<header>") else ""
    footer = blocks.pop() if blocks and blocks[-1].startswith("<footer") else ""
    meta = "".join(
        f'<meta name="{name}" content="{text(value)}">\n'
        for name, value in (("author", model.author), ("description", model.subtitle))
        if value
    )
    # Right-to-left languages: the page reads from the right (the stylesheet uses logical
    # sides: start/end). The SVG timeline keeps its own left-to-right time axis.
    direction = ' dir="rtl"' if is_rtl_language(model.language) else ""
    document = (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(model.language)}"{direction}>\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{text(model.title) or escape(layout.handout.labels.table)}</title>\n{meta}"
        f"<style>\n{stylesheet(model, layout)}</style>\n</head>\n<body>\n"
        f"{header}<main>\n{''.join(blocks)}</main>\n{footer}</body>\n</html>\n"
    )
    return document.encode("utf-8")
