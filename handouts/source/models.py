"""The comparison source, v1: the typed model every renderer receives.

Field names are a contract with teachers' files; add, never rename. After
loading, ``Subject.id`` is always set and every ``TableRow.values`` is a list
with one entry per subject (``None`` where a mapping left a subject out).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, field_validator

from handouts.markup import clean
from handouts.source.dates import HistDate

MAX_SUBJECTS = 8
MAX_ROWS = 2_000
MAX_EVENTS = 2_000
MAX_SECTIONS = 500
MAX_ITEMS = 200  # similarities, sources: each becomes a line of a handout and of a slide
MAX_LINE = 300  # characters of a text repeated on every page or slide (title, subtitle, names, ...)

_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
COLOR_FORMS = 'a hex colour such as "#B03A2E" or "#B3A"'


def _text(value: Any) -> Any:
    """Strip surrounding blank space and control characters (pasted text brings
    them; no renderer can draw them and XML forbids them); refuse containers."""
    if isinstance(value, (dict, list)):
        raise ValueError("expected text, not a " + ("mapping" if isinstance(value, dict) else "list"))
    return clean(value).strip() if isinstance(value, str) else value


def _nonempty(value: str) -> str:
    if not value:
        raise ValueError("must not be empty")
    if not any(unicodedata.category(ch)[0] not in "CZ" for ch in value):  # only zero-width or blank
        raise ValueError("has no visible characters (only spaces or invisible ones such as zero-width spaces)")
    return value


def _line(value: str | None) -> str | None:
    """One-line texts are bounded: a title is drawn in every page's footer and
    shortened to fit, which on a 20,000-character title costs minutes."""
    if value is not None and len(value) > MAX_LINE:
        raise ValueError(
            f"is {len(value):,} characters long; at most {MAX_LINE} are allowed here "
            "(put longer text in `summary:` or a section's `body:`)"
        )
    return value


Text = Annotated[str, BeforeValidator(_text)]
RequiredText = Annotated[str, BeforeValidator(_text), AfterValidator(_nonempty)]
Line = Annotated[str, BeforeValidator(_text), AfterValidator(_line)]
RequiredLine = Annotated[str, BeforeValidator(_text), AfterValidator(_nonempty), AfterValidator(_line)]


def _color(value: str) -> str:
    if not _COLOR.match(value):
        raise ValueError(f"{value!r} is not a colour; use {COLOR_FORMS}")
    if len(value) == 4:
        value = "#" + "".join(ch * 2 for ch in value[1:])
    return value.upper()


Color = Annotated[str, BeforeValidator(_text), AfterValidator(_color)]


def _date(value: Any) -> HistDate:
    if isinstance(value, HistDate):
        return value
    return HistDate.parse(_text(value))


Date = Annotated[
    HistDate,
    BeforeValidator(_date),
    WithJsonSchema(
        {
            "type": ["string", "integer"],
            "description": "1917, 1917-11, 1917-11-07, '490 BC', 'AD 33', 'c. 1928'",
            "examples": ["1917-11-07", "490 BC", "c. 1928"],
        }
    ),
]


def slugify(name: str) -> str:
    """A stable id from a name: "Joseph Stalin" -> "joseph-stalin" (accents folded).

    A name with no Latin letters keeps its own letters ("Ленин" -> "ленин"), so two
    Cyrillic or Greek names do not both become "subject" and clash."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    if not slug:
        slug = re.sub(r"[\W_]+", "-", unicodedata.normalize("NFKC", name).casefold()).strip("-")
    return slug or "subject"


class SourceModel(BaseModel):
    """Unknown keys are errors (typos must not vanish silently)."""

    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True, str_strip_whitespace=True)


class Subject(SourceModel):
    """One column of the comparison: a person, a state, an idea."""

    id: Text | None = Field(
        None, description="Short id used by table mappings and timeline lanes; default: a slug of name."
    )
    name: RequiredLine = Field(description="Column heading, e.g. 'Lenin'.")
    full_name: Line | None = None
    color: Color | None = Field(None, description="Subject colour; default: the layout's palette.")
    image: Text | None = Field(None, description="Picture path, relative to the source file.")
    image_credit: Text | None = None
    image_alt: Text | None = Field(None, description="Text alternative for the picture (screen readers).")

    @field_validator("id")
    @classmethod
    def _id_form(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"\w[\w.-]*", value):  # any script's letters, as slugify makes
            raise ValueError(f"{value!r} is not a valid id; use letters, digits, '-', '_' (e.g. 'lenin')")
        return value


class TableRow(SourceModel):
    """One attribute compared across subjects."""

    label: RequiredText
    values: (
        list[Annotated[str | None, BeforeValidator(_text)]]
        | dict[str, Annotated[str | None, BeforeValidator(_text)]]
        | Text
    ) = Field(description="A list in subject order, a mapping by subject id, or one text shared by all.")

    def cells(self) -> list[str | None]:
        """The per-subject values (normalised by the loader)."""
        assert isinstance(self.values, list), "rows are normalised by the loader"
        return self.values


class Section(SourceModel):
    """A prose section: a heading, paragraphs, optional paragraphs per subject."""

    heading: RequiredText
    body: Text = ""
    by_subject: dict[str, Text] | None = None


class Event(SourceModel):
    """A dated event (``date``) or a span (``start``/``end``) on the timeline."""

    label: RequiredText
    date: Date | None = None
    start: Date | None = None
    end: Date | None = None
    subject: Text | None = Field(None, description="Subject id of the lane; omitted = shared by all.")
    detail: Text | None = None

    @property
    def is_span(self) -> bool:
        return self.start is not None

    @property
    def first(self) -> HistDate:
        """The date the event starts at (for sorting)."""
        return self.start or self.date  # type: ignore[return-value]


class SourceRef(SourceModel):
    """A cited source: a title and an optional URL."""

    title: RequiredText
    url: Text | None = None
    note: Text | None = None


def _blank(value: Any) -> Any:
    """``blank: Legacy`` (one label) is a list of one; any other lone word must be "all"."""
    if isinstance(value, str) and value.strip().lower() != "all":
        return [value]
    return value.strip().lower() if isinstance(value, str) else value


class WorksheetOptions(SourceModel):
    """What the student worksheet leaves blank (every key optional): a teacher
    chooses the rows, or gets a deterministic mix that keeps one row as an example."""

    blank: Annotated[list[RequiredText] | Literal["all"] | None, BeforeValidator(_blank)] = Field(
        None,
        description='Row labels of the comparison table to leave blank, or "all"; '
        "default: a deterministic mix of cells, the first row kept filled as an example.",
    )
    timeline: Literal["labels", "dates", "none"] = Field(
        "labels",
        description="What the timeline to complete leaves blank: the events' labels, their dates, or no timeline.",
    )
    events: Literal["in_order", "to_place"] = Field(
        "in_order",
        description="in_order: the timeline's rows in date order, a blank to write in each; to_place: the "
        "blanked labels (or dates) are also given as a lettered, shuffled list, and each blank asks for a letter "
        "(with dates blank, the rows are shuffled too: their order would give the dates away).",
    )
    word_bank: bool = Field(False, description="List the blanked answers, shuffled, in a word bank.")


def _source_ref(value: Any) -> Any:
    return {"title": value} if isinstance(value, str) else value


class Comparison(SourceModel):
    """A whole comparison source."""

    title: RequiredLine
    subtitle: Line | None = None
    author: Line | None = None
    course: Line | None = None
    date: Line | None = Field(None, description="Free text shown on the handout, e.g. 'Spring 2026'.")
    language: Text = Field("en", description="BCP 47 language tag, e.g. 'en', 'de', 'ru'.")
    url: Text | None = Field(
        None, description="Where the digital copy lives (https://...); the handout shows it as a QR code."
    )
    subjects: list[Subject] = Field(min_length=2, max_length=MAX_SUBJECTS)
    summary: Text | None = None
    table: list[TableRow] = Field(default_factory=list, max_length=MAX_ROWS)
    similarities: list[Text] = Field(default_factory=list, max_length=MAX_ITEMS)
    sections: list[Section] = Field(default_factory=list, max_length=MAX_SECTIONS)
    timeline: list[Event] = Field(default_factory=list, max_length=MAX_EVENTS)
    conclusion: Text | None = None
    sources: list[
        Annotated[
            SourceRef,
            BeforeValidator(_source_ref),
            WithJsonSchema(
                {
                    "anyOf": [
                        {"type": "string"},
                        {
                            "type": "object",
                            "required": ["title"],
                            "additionalProperties": False,
                            "properties": {
                                "title": {"type": "string"},
                                "url": {"type": "string"},
                                "note": {"type": "string"},
                            },
                        },
                    ]
                }
            ),
        ]
    ] = Field(default_factory=list, max_length=MAX_ITEMS)
    note: Text | None = None
    questions: list[RequiredText] = Field(
        default_factory=list,
        description="Discussion or review questions: numbered on the handout, the web page and a "
        "deck slide; the worksheet gives each answer space.",
    )
    worksheet: WorksheetOptions | None = Field(None, description="What the student worksheet leaves blank.")

    @field_validator("language")
    @classmethod
    def _bcp47(cls, value: str) -> str:
        if not re.fullmatch(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*", value):
            raise ValueError(f"{value!r} is not a BCP 47 language tag; use e.g. 'en', 'en-US', 'ru', 'el'")
        return value

    @field_validator("url")
    @classmethod
    def _web_address(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"https?://\S+", value):
            raise ValueError(f"{value!r} is not a web address; write it in full, e.g. 'https://example.org/unit-3'")
        return value

    def subject_ids(self) -> list[str]:
        """Ids in column order (set by the loader)."""
        return [s.id or slugify(s.name) for s in self.subjects]

    def subject(self, subject_id: str) -> Subject:
        """The subject with this id."""
        return next(s for s in self.subjects if s.id == subject_id)


def split_paragraphs(text: str | None) -> list[str]:
    """Paragraphs separated by blank lines, inner line breaks folded to spaces."""
    if not text:
        return []
    blocks = re.split(r"\n\s*\n", text.strip())
    return [" ".join(line.strip() for line in block.splitlines()).strip() for block in blocks if block.strip()]
