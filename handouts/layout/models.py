"""The layout model: everything a renderer may draw from, as data.

Renderers read sizes, colours, fonts and block orders from here, never from
constants. Lengths are stored in points (see :mod:`handouts.units`).
"""

from __future__ import annotations

import string
from typing import Annotated, Any, Literal, get_args

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from handouts.fontfiles import DECK_METRIC_TWINS, PDF_FAMILIES
from handouts.source.models import Color
from handouts.units import parse_length

Length = Annotated[float, BeforeValidator(parse_length)]
Space = Annotated[float, BeforeValidator(parse_length), Field(ge=0)]  # margins and gaps: never negative
FontSize = Annotated[float, Field(gt=3, le=200)]

PAPER_SIZES_PT: dict[str, tuple[float, float]] = {
    "a4": (595.2756, 841.8898),
    "letter": (612.0, 792.0),
    "legal": (612.0, 1008.0),
    "a3": (841.8898, 1190.5512),
    "a5": (419.5276, 595.2756),
}

HandoutBlock = Literal[
    "title",
    "subjects",
    "summary",
    "table",
    "similarities",
    "sections",
    "timeline",
    "conclusion",
    "questions",
    "sources",
    "note",
]
DeckSlide = Literal[
    "title", "overview", "rows", "sections", "similarities", "timeline", "conclusion", "questions", "sources"
]
Pattern = Literal["solid", "hatch", "crosshatch", "dots", "stripes", "checker", "none"]
Marker = Literal["circle", "square", "triangle", "diamond", "star", "cross", "bar", "ring"]


def _pdf_family(value: str) -> str:
    if value not in PDF_FAMILIES:
        raise ValueError(f"{value!r} is not a bundled font; choose one of: {', '.join(PDF_FAMILIES)}")
    return value


def _deck_font(value: str) -> str:
    if value not in DECK_METRIC_TWINS:
        raise ValueError(f"{value!r} cannot be measured; choose one of: {', '.join(DECK_METRIC_TWINS)}")
    return value


def _template(*fields: str) -> Any:
    """A text with ``{field}`` slots: only the named fields, no format specs,
    attributes or indexes, so a layout error is found (with its file:line)
    when the layout loads, never half-way through drawing a page."""
    allowed = ", ".join(f"{{{name}}}" for name in fields)

    def check(text: str) -> str:
        try:
            slots = [(name, spec, conv) for _, name, spec, conv in string.Formatter().parse(text) if name is not None]
        except ValueError as exc:
            raise ValueError(f"{exc} (write {{{{ and }}}} for literal braces)") from None
        for name, spec, conversion in slots:
            if name not in fields:
                raise ValueError(f"unknown field {{{name}}} in {text!r}; the fields are {allowed}")
            if spec or conversion:
                raise ValueError(f"{{{name}}} takes no format or conversion here; write just {{{name}}}")
        return text

    return Annotated[str, AfterValidator(check)]


RunningText = _template("title", "subtitle", "course", "author", "date", "sep")
PageTemplate = _template("page", "pages")
CreditTemplate = _template("credit")
PictureTemplate = _template("name")
QrTemplate = _template("url")
ApproximateTemplate = _template("date")
TitleTemplate = _template("title")
LinkTemplate = _template("url")
PdfFamily = Annotated[str, AfterValidator(_pdf_family)]
DeckFont = Annotated[str, AfterValidator(_deck_font)]


# Keys a layout may still write but nothing reads any more: key path -> why (the warning's text).
RETIRED: dict[tuple[str, ...], str] = {
    ("timeline", "labels", "empty"): "a source with fewer than two dated events gets no timeline, so no page shows"
    " these words any more",
}


class LayoutModel(BaseModel):
    """Unknown keys are errors, with "did you mean" from the validator."""

    model_config = ConfigDict(extra="forbid")


class Margins(LayoutModel):
    top: Space = 50.0
    right: Space = 50.0
    bottom: Space = 50.0
    left: Space = 50.0


class Page(LayoutModel):
    """Paper for the handout (the timeline has its own orientation)."""

    size: str = "a4"
    orientation: Literal["portrait", "landscape"] = "portrait"
    margins: Margins = Margins()

    @field_validator("size")
    @classmethod
    def _size(cls, value: str) -> str:
        value = value.lower()
        if value not in PAPER_SIZES_PT:
            raise ValueError(f"{value!r} is not a paper size; choose one of: {', '.join(PAPER_SIZES_PT)}")
        return value

    def dimensions(self, orientation: str | None = None) -> tuple[float, float]:
        """Width and height in points for the given (or the page's) orientation."""
        width, height = PAPER_SIZES_PT[self.size]
        if (orientation or self.orientation) == "landscape":
            return height, width
        return width, height


class Fonts(LayoutModel):
    """Bundled font families for the PDFs (embedded as subsets)."""

    body: PdfFamily = "DejaVu Serif"
    heading: PdfFamily = "DejaVu Sans"
    table: PdfFamily = "DejaVu Sans Condensed"


class Sizes(LayoutModel):
    """Font sizes in points; ``min`` is the smallest text the layout allows."""

    title: FontSize = 24
    subtitle: FontSize = 13
    heading: FontSize = 14
    subheading: FontSize = 11
    body: FontSize = 10
    table: FontSize = 9
    small: FontSize = 7.5
    min: FontSize = 7
    leading: Annotated[float, Field(ge=1.0, le=3.0)] = 1.3


class Colors(LayoutModel):
    """Named colours; renderers never hard-code one."""

    text: Color = "#1A1A1A"
    muted: Color = "#555555"
    heading: Color = "#1F3A5F"
    accent: Color = "#1F3A5F"
    rule: Color = "#9AA5B1"
    background: Color = "#FFFFFF"
    zebra: Color = "#F1F4F8"
    header_fill: Color = "#1F3A5F"
    header_text: Color = "#FFFFFF"
    link: Color = "#1A4F8B"


class TableStyle(LayoutModel):
    style: Literal["zebra", "rules", "grid"] = "zebra"
    label_width: Annotated[float, Field(gt=0.05, lt=0.6)] = 0.2
    label_max: Annotated[float, Field(gt=0.05, le=0.5)] = Field(
        0.3, description="The widest the label column may grow (share of the width) to keep its longest word whole."
    )
    min_column: Annotated[float, Field(ge=2, le=40)] = Field(
        7.0,
        description="Narrowest readable subject column, in ems of the table size: below it the table turns "
        "landscape (if that is enough) or is set with subjects as rows.",
    )
    landscape_from_subjects: int | None = Field(
        None, ge=2, le=8, description="Use landscape table pages at this many subjects (even if portrait fits)."
    )


class HandoutLabels(LayoutModel):
    """Words the handout adds around the teacher's text. Every label follows the
    source's ``language`` (the built-in tables, :mod:`handouts.i18n`); one a
    layout sets wins. An empty heading hides that heading (and its bookmark)."""

    summary: str = ""
    table: str = "Comparison"
    similarities: str = "Similarities"
    timeline: str = "Timeline"
    conclusion: str = "Conclusion"
    questions: str = "Questions"
    sources: str = "Sources"
    continued: str = "(cont.)"
    page: PageTemplate = "page {page} of {pages}"
    image_credit: CreditTemplate = "Image: {credit}"
    picture_alt: PictureTemplate = Field(
        "Picture of {name}", description="A subject picture's text alternative when the source gives no image_alt."
    )
    qr_alt: QrTemplate = Field("QR code to the digital copy: {url}", description="The QR code's text alternative.")
    link: LinkTemplate = Field("Link: {url}", description="What a link in the PDFs says it leads to (screen readers).")


class Handout(LayoutModel):
    blocks: list[HandoutBlock] = list(get_args(HandoutBlock))  # every block, in the Literal's order
    table: TableStyle = TableStyle()
    header: RunningText = ""
    footer: RunningText = "{course}{sep}{title}"
    subject_images: bool = True
    pictures: Literal["color", "gray", "light"] = Field(
        "color", description="How subject pictures print: as they are, grayscale, or light grayscale (ink saver)."
    )
    picture_height: Annotated[float, Field(gt=0.5, le=20)] = Field(
        4.0, description="Subject pictures' height, in multiples of the title size (every picture the same)."
    )
    measure: int = Field(
        80,
        ge=0,
        le=400,
        description="Longest prose line, in characters (typographic guidance: 60-80); 0: the full width.",
    )
    emphasis: Literal["italic", "bold"] = Field(
        "italic", description="How *emphasis* prints; large-print guidance asks for bold, not italics."
    )
    fills: bool = Field(True, description="False: no filled areas at all (header fills, stripes, solid markers).")
    labels: HandoutLabels = HandoutLabels()


class TimelineLabels(LayoutModel):
    """Words the timeline adds itself (they follow the source's ``language``)."""

    shared: str = "Shared"  # the lane of events without a subject
    events: str = "Events"  # the key's heading (and the one lane when lanes are off)
    subtitle: str = "Timeline"  # under the title when the source has no subtitle
    approximate: ApproximateTemplate = Field("c. {date}", description="An approximate date: 'c. {date}', 'ca. {date}'.")
    document: TitleTemplate = Field("{title}: timeline", description="The timeline PDF's document (window) title.")
    zoom: str = "In detail"  # heads the inset that shows a crowded stretch larger

    @model_validator(mode="before")
    @classmethod
    def _retired(cls, data: Any) -> Any:
        """Keys of :data:`RETIRED` are accepted and ignored (resolving warns once)."""
        if isinstance(data, dict):
            return {k: v for k, v in data.items() if ("timeline", "labels", k) not in RETIRED}
        return data


class TimelineOptions(LayoutModel):
    orientation: Literal["portrait", "landscape"] = "landscape"
    label_size: FontSize = 8
    min_size: FontSize = 7
    lanes: bool = True
    strip_height: Length = 110.0
    key: bool = True
    labels: TimelineLabels = TimelineLabels()


class DeckFonts(LayoutModel):
    heading: DeckFont = "Calibri"
    body: DeckFont = "Calibri"


class DeckSizes(LayoutModel):
    """Slide text sizes for projection; ``display`` is the largest a short
    comparison cell may grow to, ``heading`` (slide titles) is never below any
    content size, ``min`` is the floor text may shrink to."""

    cover: FontSize = 40
    title: FontSize = 40
    heading: FontSize = 36
    display: FontSize = 32
    body: FontSize = 26
    table: FontSize = 22
    min: FontSize = 18


class DeckLabels(LayoutModel):
    """Words the deck adds itself (they follow the source's ``language``)."""

    overview: str = "Overview"
    similarities: str = "Similarities"
    timeline: str = "Timeline"
    timeline_key: str = "Timeline key"
    conclusion: str = "Conclusion"
    questions: str = "Questions"
    sources: str = "Sources"
    continued: str = "(cont.)"
    by_subject: str = "by subject"
    compared: str = Field(
        "comparison",
        description="Added to a row slide's title when a section has the same "
        "heading (slide titles must be unique for screen readers).",
    )
    attribute: str = ""
    empty_cell: str = "—"


class Deck(LayoutModel):
    aspect: Literal["16:9", "4:3"] = "16:9"
    template: str | None = Field(None, description="A .pptx/.potx beside the layout used as the base (masters).")
    fonts: DeckFonts = DeckFonts()
    sizes: DeckSizes = DeckSizes()
    slides: list[DeckSlide] = [
        "title",
        "overview",
        "rows",
        "sections",
        "similarities",
        "timeline",
        "conclusion",
        "questions",
        "sources",
    ]
    key_sentences: int = Field(3, ge=1, le=10)
    margin: Space = Field(36.0, description="Space between the slide edges and the content.")
    gap: Space = Field(14.0, description="Space between columns and blocks on a slide.")
    accent_bar: Space = Field(5.0, description="Thickness of the accent bar under slide titles (0 = none).")
    labels: DeckLabels = DeckLabels()


class WorksheetLabels(LayoutModel):
    """Words the worksheet, answer key, organizer and cards add (they follow the source's ``language``)."""

    worksheet: str = "Worksheet"
    answers: str = "Answer key"
    name: str = "Name"
    group: str = "Class"
    date: str = "Date"
    grid: str = "Complete the comparison"
    grid_hint: str = "Write in the ruled boxes. The first row is done for you."
    grid_hint_named: str = "Write in the ruled boxes."
    word_bank: str = "Word bank"
    timeline: str = "Complete the timeline"
    timeline_labels: str = "Write what happened on each date."
    timeline_dates: str = "Write the date of each event."
    timeline_place_labels: str = "Write the letter of each event from the list beside its date."
    timeline_place_dates: str = "Write the letter of each date from the list beside its event."
    events_to_place: str = "Events to place"
    dates_to_place: str = "Dates to place"
    when: str = "Date"
    event: str = "Event"
    who: str = "Who"
    questions: str = "Questions"
    organizer: str = "Graphic organizer"
    organizer_blank: str = "Fill in the organizer."
    see_key: str = Field("see key {numbers}", description="In a crowded Venn region; {numbers}: e.g. 4–9.")
    venn: str = "Venn diagram"
    tchart: str = "T-chart"
    matrix: str = "Comparison matrix"
    key: str = "Key"
    blank_page: str = "(to fill in)"
    both: str = "Both"
    all: str = "All"
    attribute: str = "Attribute"
    cards: str = "Card sort"
    cards_hint: str = "Cut along the dashed lines, then sort the cards by subject, or the events by date."
    cards_key: str = "Card sort: key"
    chronology: str = "Events in date order"


class Worksheets(LayoutModel):
    """How the worksheet family looks beyond the shared sizes and colours."""

    line_pitch: Length = Field(0.0, ge=0, description="Spacing of the writing lines; 0: from the table size.")
    labels: WorksheetLabels = WorksheetLabels()


class Layout(LayoutModel):
    """A resolved layout."""

    name: str = "classic"
    description: str = ""
    extends: str | None = None
    page: Page = Page()
    fonts: Fonts = Fonts()
    sizes: Sizes = Sizes()
    colors: Colors = Colors()
    palette: list[Color] = Field(
        ["#B03A2E", "#1F618D", "#1E8449", "#7D3C98", "#B9770E", "#117A65", "#6E2C00", "#34495E"], min_length=1
    )
    patterns: list[Pattern] = Field(
        ["solid", "hatch", "dots", "crosshatch", "stripes", "checker", "solid", "hatch"], min_length=1
    )
    subject_colors: Literal["source", "palette"] = Field(
        "source", description="'palette' ignores colours set in sources (e.g. a grayscale layout)."
    )
    markers: list[Marker] = Field(
        ["circle", "square", "triangle", "diamond", "star", "cross", "ring", "bar"], min_length=1
    )
    handout: Handout = Handout()
    timeline: TimelineOptions = TimelineOptions()
    deck: Deck = Deck()
    worksheet: Worksheets = Worksheets()

    def subject_color(self, index: int, own: str | None = None) -> str:
        """A subject's colour: its own (unless the layout insists on its palette), else the palette's."""
        if own and self.subject_colors == "source":
            return own
        return self.palette[index % len(self.palette)]

    def subject_pattern(self, index: int) -> str:
        """A subject's fill pattern, so subjects differ in grayscale too."""
        return self.patterns[index % len(self.patterns)]

    def subject_marker(self, index: int) -> str:
        """A subject's marker shape (timelines, legends)."""
        return self.markers[index % len(self.markers)]


def dump(layout: Layout) -> dict[str, Any]:
    """The layout as plain data (``layouts show``)."""
    return layout.model_dump(mode="json")
