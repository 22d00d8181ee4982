"""Paragraph styles for the PDF handout, all derived from the layout.

One place turns layout fonts/sizes/colours into reportlab styles, so the
block builders never carry a font name, a size or a colour of their own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from handouts.colors import contrast_ratio, readable_on
from handouts.layout.models import Layout
from handouts.render.fonts import register_family
from handouts.render.pdf.text import MIN_WORD, Setter, hyphenator


@dataclass(frozen=True)
class Styles:
    """Every paragraph style a handout block may use, plus a few derived measures."""

    title: ParagraphStyle
    subtitle: ParagraphStyle
    meta: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    bullet: ParagraphStyle
    cell: ParagraphStyle
    label: ParagraphStyle
    header: ParagraphStyle
    small: ParagraphStyle
    credit: ParagraphStyle
    fonts: dict[str, dict[str, str]]
    header_text: str  # label-column header text colour, readable on header_fill
    gap: float  # the vertical rhythm unit (one body line)
    cell_pad: float  # table cell padding
    text: Setter  # source text -> reportlab markup, set for this layout and language

    def on(self, style: ParagraphStyle, background: str, name: str) -> ParagraphStyle:
        """A copy of ``style`` whose text colour reads on ``background``."""
        return ParagraphStyle(name, parent=style, textColor=HexColor(readable_on(background)))


def _style(name: str, font: str, size: float, leading: float, color: str, **kw: object) -> ParagraphStyle:
    """A left-aligned style that hyphenates (by the language set in ``_HYPHENATE``)
    and never leaves a widow or orphan line; its bullet is as large as its text."""
    return ParagraphStyle(
        name,
        fontName=font,
        fontSize=size,
        leading=size * leading,
        textColor=HexColor(color),
        alignment=TA_LEFT,
        bulletFontSize=size,
        **(_HYPHENATE | kw),
    )


# Paragraph options every style shares (the hyphenator is added per language by build_styles).
# splitLongWords stays on only as a last resort: hyphenator() offers a visible-hyphen break
# anywhere in a word of letters, and columns are never narrower than an unbreakable token.
_HYPHENATE: dict[str, object] = {
    "splitLongWords": 1,
    "embeddedHyphenation": 2,  # break after a word's own hyphen; 2: also retry a word on the next line
    "uriWasteReduce": 0.3,  # a long URL breaks rather than leaving most of a line empty
    "allowWidows": 0,
    "allowOrphans": 0,
}


_SAMPLE = "The Impressionists wanted to catch a moment, so they painted outdoors and quickly."


def _measure_width(layout: Layout, font: str) -> float:
    """The width of ``handout.measure`` characters of the body face."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return layout.handout.measure * stringWidth(_SAMPLE, font, layout.sizes.body) / len(_SAMPLE)


SHORTEST_COLUMN = 0.75  # of the measure: a column shorter than ~60 characters reads choppily


def column_gap(layout: Layout) -> float:
    """The space between two columns of prose: two body sizes."""
    return layout.sizes.body * 2


def prose_columns(layout: Layout, font: str) -> int:
    """Two columns of prose when each holds at least three quarters of the measure
    (landscape pages: ~75 characters a column), else one: lines stay readable
    without wasting half a page."""
    page = layout.page
    frame = page.dimensions()[0] - page.margins.left - page.margins.right
    if not layout.handout.measure:
        return 1
    column = (frame - column_gap(layout)) / 2
    return 2 if column >= SHORTEST_COLUMN * _measure_width(layout, font) else 1


def prose_indent(layout: Layout, font: str) -> float:
    """Right indent that holds prose lines to ``handout.measure`` characters of the
    body face (tables, headings and rules keep the full width); in two columns, of
    a column."""
    page = layout.page
    frame = page.dimensions()[0] - page.margins.left - page.margins.right
    if not layout.handout.measure:
        return 0.0
    count = prose_columns(layout, font)
    column = (frame - column_gap(layout) * (count - 1)) / count
    return max(0.0, column - _measure_width(layout, font))


NEEDED = {"body": {"regular"}, "heading": {"regular", "bold"}, "table": {"regular", "bold"}}


def build_styles(
    layout: Layout, markup_styles: Iterable[str] = ("bold", "italic", "bold_italic"), language: str = "en"
) -> Styles:
    """The handout's styles: heading family for titles, body for prose, table for cells.

    Only the font styles the handout uses are loaded: the fixed ones in
    :data:`NEEDED` plus ``markup_styles`` (what the text's **bold**/*italic* asks for).
    """
    extra = set(markup_styles)
    if layout.handout.emphasis == "bold":
        extra = {"bold"} if extra else set()
    make = partial(_style, hyphenationLang=hyphenator(language), hyphenationMinWordLength=MIN_WORD)
    whole = partial(_style, hyphenationLang="")  # headings, labels, headers: sized to keep words whole
    fonts = {role: register_family(getattr(layout.fonts, role), NEEDED[role] | extra) for role in NEEDED}
    s, c, lead = layout.sizes, layout.colors, layout.sizes.leading
    body_font, head_font, table_font = fonts["body"]["regular"], fonts["heading"]["bold"], fonts["table"]["regular"]
    gap = s.body * lead
    header_text = c.header_text if contrast_ratio(c.header_text, c.header_fill) >= 4.5 else readable_on(c.header_fill)
    small = max(s.small, s.min)
    prose = {"rightIndent": prose_indent(layout, body_font)}
    return Styles(
        title=whole("h-title", head_font, s.title, max(1.15, lead - 0.2), c.heading, spaceAfter=s.title * 0.2),
        subtitle=whole(
            "h-subtitle", fonts["heading"]["regular"], s.subtitle, 1.25, c.muted, spaceAfter=s.subtitle * 0.3
        ),
        meta=make("h-meta", fonts["heading"]["regular"], small, lead, c.muted),
        heading=whole(
            "h-heading",
            head_font,
            s.heading,
            max(1.2, lead - 0.2),
            c.heading,
            spaceBefore=gap * 1.1,
            spaceAfter=gap * 0.45,
            keepWithNext=1,
        ),
        subheading=whole(
            "h-subheading",
            head_font,
            s.subheading,
            1.25,
            c.heading,
            spaceBefore=gap * 0.5,
            spaceAfter=gap * 0.2,
            keepWithNext=1,
        ),
        body=make("h-body", body_font, s.body, lead, c.text, spaceAfter=gap * 0.5, **prose),
        bullet=make(
            "h-bullet",
            body_font,
            s.body,
            lead,
            c.text,
            spaceAfter=gap * 0.25,
            leftIndent=s.body * 1.4,
            bulletIndent=s.body * 0.3,
            bulletFontName=body_font,
            **prose,
        ),
        cell=make("h-cell", table_font, s.table, lead, c.text, spaceAfter=s.table * 0.4),
        label=whole("h-label", fonts["table"]["bold"], s.table, lead, c.heading),
        header=whole("h-header", fonts["table"]["bold"], s.table * 1.08, max(1.2, lead - 0.2), header_text),
        small=make("h-small", body_font, small, lead, c.muted, **prose),
        credit=make("h-credit", fonts["heading"]["regular"], max(s.min, small * 0.95), max(1.2, lead - 0.2), c.muted),
        fonts=fonts,
        header_text=header_text,
        gap=gap,
        cell_pad=max(2.5, s.table * 0.45),
        text=Setter(language, c.link, layout.handout.emphasis),
    )
