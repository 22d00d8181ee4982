"""The overview slide and the speaker notes, read back with python-pptx in
every built-in layout: the overview shows every value whole (never "…"),
only where the rows take several comparison slides, a shared value as one
merged cell, the table filling the body; every content slide has notes that
add to it (full names, the prose behind a row) rather than copy it, and a
section split over slides gives each slide the paragraphs it shows."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from pptx.enum.shapes import PP_PLACEHOLDER as P

from handouts.errors import HandoutsError
from handouts.layout.resolve import load_layout
from handouts.markup import plain
from handouts.render.deck.builders.plan import who
from handouts.render.deck.fit import words_of
from handouts.source.loader import load_source
from tests.conftest import LAYOUTS
from tests.deck_helpers import open_deck, render, slide_title
from tests.sources import make_source, words, write_source
from tests.sources_fuzz import sources

EMU_PER_PT = 12_700
NOT_CONTENT = {P.TITLE, P.CENTER_TITLE, P.FOOTER, P.SLIDE_NUMBER, P.DATE}
SHARED = "Every subject has this same value, spanning the columns."


def _source(kind: str) -> dict:
    if kind == "short":  # six short rows: two comparison slides, an overview that fits
        data = make_source(3, 6, 1)
        data["table"][2]["values"] = SHARED
        return data
    if kind == "one_row":
        return make_source(3, 1, 4)
    if kind == "two_rows":  # one comparison slide holds both rows
        return make_source(2, 2, 2)
    if kind == "long":  # long values: an overview only if legible whole
        return make_source(4, 8, 40)
    if kind == "eight":  # eight narrow columns
        return make_source(8, 6, 3)
    if kind == "behind":  # a section headed like a row (other case)
        data = make_source(2, 4, 5, sections=0)
        data["sections"] = [
            {
                "heading": "ATTRIBUTE 1",
                "body": "The prose behind the first row. It says more than the table.",
                "by_subject": {"s1": "Sparta's own story of this row."},
            }
        ]
        return data
    if kind == "split":  # a section whose key sentences need several slides
        data = make_source(2, 2, 4, sections=0)
        paragraphs = [f"Paragraph {k} " + words(260, seed=k).replace(".", "") + "." for k in range(6)]
        own = {
            sid: "\n\n".join(f"{sid} own {k} " + words(200, seed=k + 9).replace(".", "") + "." for k in range(3))
            for sid in ("s0", "s1")
        }
        data["sections"] = [{"heading": "Long section", "body": "\n\n".join(paragraphs), "by_subject": own}]
        return data
    raise ValueError(kind)


KINDS = ["short", "one_row", "two_rows", "long", "eight", "behind", "split"]


@cache
def _deck(kind: str, layout_name: str, folder: Path):
    path = write_source(folder / f"{kind}.yaml", _source(kind))
    return load_source(path), open_deck(render(path, load_layout(layout_name)))


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("overview")


def _tables(prs):
    return [(slide, shape) for slide in prs.slides for shape in slide.shapes if shape.has_table]


def _flat(text: str) -> str:
    return " ".join(words_of(plain(text)))


def _body_text(slide) -> str:
    """The slide's own words: every text but its title, footer and number."""
    parts = []
    for shape in slide.shapes:
        if shape.is_placeholder and shape.placeholder_format.type in NOT_CONTENT:
            continue
        if shape.has_table:
            parts += [c.text_frame.text for row in shape.table.rows for c in row.cells if not c.is_spanned]
        elif shape.has_text_frame:
            parts.append(shape.text_frame.text)
    return " ".join(" ".join(parts).split())


def _notes(slide) -> str:
    return slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""


def _overview_rows(model, shape):
    """(label, values as drawn, merged?) per body row, in the source's column order."""
    table = shape.table
    n = len(table.columns)
    rtl = model.language in ("ar", "he", "fa")
    out = []
    for r in range(1, len(table.rows)):
        cells = [table.cell(r, n - 1 - c if rtl else c) for c in range(n)]
        merged = any(c.is_merge_origin for c in cells)
        shown = [c.text_frame.text for c in cells if not c.is_spanned]
        out.append((shown[0], shown[1:], merged))
    return out


@pytest.mark.parametrize("layout_name", LAYOUTS)
@pytest.mark.parametrize("kind", KINDS)
def test_overview_values_are_whole_and_shared_ones_merged(kind: str, layout_name: str, folder: Path) -> None:
    model, prs = _deck(kind, layout_name, folder)
    for _, shape in _tables(prs):
        rows = _overview_rows(model, shape)
        assert len(rows) == len(model.table)
        for (label, shown, merged), row in zip(rows, model.table):
            cells = [c or "—" for c in row.cells()]
            shared = len(set(cells)) == 1
            assert label == row.label
            assert merged == shared, (row.label, shown)
            expected = cells[:1] if shared else cells
            assert [_flat(s) for s in shown] == [_flat(c) for c in expected]  # whole: nothing cut
            assert not any(s.endswith("…") for s in shown)


@pytest.mark.parametrize("layout_name", LAYOUTS)
def test_overview_spans_a_shared_value_and_fills_the_body(layout_name: str, folder: Path) -> None:
    model, prs = _deck("short", layout_name, folder)
    found = _tables(prs)
    assert len(found) == 1, "six short rows on two comparison slides get an overview"
    slide, shape = found[0]
    assert slide_title(slide) == "Overview" and slide is prs.slides[1]
    origin = shape.table.cell(3, 1)
    assert origin.is_merge_origin and origin.span_width == len(model.subjects)
    assert origin.text_frame.text == SHARED
    assert all(shape.table.cell(3, c).is_spanned for c in range(2, len(model.subjects) + 1))
    assert shape.height >= 0.6 * prs.slide_height, "the table stretches to fill the body"
    assert shape.top + shape.height <= prs.slide_height


@pytest.mark.parametrize("layout_name", LAYOUTS)
@pytest.mark.parametrize("kind", ["one_row", "two_rows"])
def test_no_overview_where_one_comparison_slide_shows_the_table(kind: str, layout_name: str, folder: Path) -> None:
    _, prs = _deck(kind, layout_name, folder)
    assert not _tables(prs)
    assert "Overview" not in [slide_title(s) for s in prs.slides]
    rows = [s for s in prs.slides if any(sh.name.startswith("Row: ") for sh in s.shapes)]
    assert len(rows) == 1, "the one comparison slide is there instead"


@pytest.mark.parametrize("layout_name", LAYOUTS)
@pytest.mark.parametrize("kind", KINDS)
def test_every_content_slide_has_notes_that_are_not_its_own_text(kind: str, layout_name: str, folder: Path) -> None:
    model, prs = _deck(kind, layout_name, folder)
    copies_allowed = {"Sources", "Questions"}  # lists with nothing behind them in the source
    for slide in list(prs.slides)[1:]:
        title, notes = slide_title(slide), _notes(slide)
        assert notes.strip(), title
        if title.split(" (cont.)")[0] not in copies_allowed:
            assert " ".join(notes.split()) != _body_text(slide), title


@pytest.mark.parametrize("layout_name", LAYOUTS)
def test_row_notes_name_the_subjects_in_full_and_hold_the_prose_behind(layout_name: str, folder: Path) -> None:
    model, prs = _deck("behind", layout_name, folder)
    rows = [s for s in prs.slides if any(sh.name.startswith("Row: ") for sh in s.shapes)]
    assert rows
    for slide in rows:
        notes = _notes(slide)
        assert "The city of Athens" in notes and "The city of Sparta" in notes
    first = next(s for s in rows if any(sh.name == "Row: Attribute 1" for sh in s.shapes))
    assert "The prose behind the first row. It says more than the table." in _notes(first)
    assert "The city of Sparta: Sparta's own story of this row." in _notes(first)
    others = [s for s in rows if s is not first]
    assert not any("prose behind the first row" in _notes(s) for s in others)


def test_notes_add_the_short_name_only_when_the_full_name_lacks_it() -> None:
    assert who(SimpleNamespace(name="Koba", full_name="Joseph Stalin")) == "Joseph Stalin (Koba)"
    assert who(SimpleNamespace(name="Lenin", full_name="Vladimir **Lenin**")) == "Vladimir Lenin"
    assert who(SimpleNamespace(name="Athens", full_name=None)) == "Athens"


@pytest.mark.parametrize("layout_name", LAYOUTS)
def test_overview_notes_read_the_table_by_subject_with_full_names(layout_name: str, folder: Path) -> None:
    model, prs = _deck("short", layout_name, folder)
    slide, _ = _tables(prs)[0]
    notes = _notes(slide)
    for subject in model.subjects:
        assert f"{subject.full_name} — Attribute 0: " in notes
    assert "Attribute 2 (The city of Athens, The city of Sparta, " in notes and SHARED in notes
    assert _flat(model.summary) not in _flat(notes), "the title slide's notes already hold the summary"
    assert _flat(model.summary) in _flat(_notes(prs.slides[0]))


@pytest.mark.parametrize("layout_name", LAYOUTS)
def test_a_split_section_gives_each_slide_its_own_paragraphs(layout_name: str, folder: Path) -> None:
    model, prs = _deck("split", layout_name, folder)
    paragraphs = [_flat(p) for p in model.sections[0].body.split("\n\n")]
    slides = [s for s in prs.slides if slide_title(s).startswith("Long section") and "by subject" not in slide_title(s)]
    assert len(slides) >= 2, "the key sentences need more than one slide"
    notes = [_flat(_notes(s)) for s in slides]
    assert len(set(notes)) == len(notes), "each slide's notes are its own"
    whole = " ".join(paragraphs)
    for text in notes:
        assert text != whole and len(text) < len(whole)
    everything = " ".join(notes)
    assert all(p in everything for p in paragraphs), "every paragraph is in some slide's notes"
    for slide, text in zip(slides, notes):  # what a slide shows is in its own notes
        shown = _flat(_body_text(slide))
        assert shown[:60] in text, slide_title(slide)


@pytest.mark.parametrize("layout_name", LAYOUTS)
def test_a_split_by_subject_slide_gives_each_slide_its_own_paragraphs(layout_name: str, folder: Path) -> None:
    model, prs = _deck("split", layout_name, folder)
    slides = [s for s in prs.slides if slide_title(s).startswith("Long section — by subject")]
    assert len(slides) >= 2, "the subjects' own text needs more than one slide"
    notes = [_flat(_notes(s)) for s in slides]
    # slides that show parts of one long paragraph share it whole; the set is not one note repeated
    assert len(set(notes)) > 1
    assert all(text.startswith("The city of ") for text in notes)
    for text in model.sections[0].by_subject.values():
        for paragraph in text.split("\n\n"):
            assert _flat(paragraph) in " ".join(notes)
        assert not any(_flat(text) in n for n in notes[1:]), "no later slide repeats a subject's whole text"


@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=sources(max_rows=12))
def test_generated_sources_overview_is_whole_in_every_layout(data: dict, tmp_path_factory) -> None:
    path = write_source(tmp_path_factory.mktemp("gen") / "source.yaml", data)
    try:
        model = load_source(path)
    except HandoutsError:
        return
    for name in LAYOUTS:
        prs = open_deck(render(path, load_layout(name)))
        tables = _tables(prs)
        if len(model.table) < 2:
            assert not tables
        for _, shape in tables:
            for (_, shown, _), row in zip(_overview_rows(model, shape), model.table):
                for text, value in zip(shown, [c or "—" for c in row.cells()]):
                    assert len(words_of(text)) >= len(words_of(plain(value))), (text, value)
                    assert not text.endswith("…") or plain(value).endswith("…")
        for slide in list(prs.slides)[1:]:
            assert _notes(slide).strip(), slide_title(slide)


def test_page_notes_follow_the_paragraphs_each_page_shows() -> None:
    from handouts.render.deck.builders.page_notes import notes_by_page

    paragraphs = ["Alpha one two three four. Alpha five six.", "Beta unshown.", "Gamma lead. Gamma more."]
    shown = [(0, "Alpha one two three four."), (2, "Gamma lead.")]
    pages = [["Alpha one two"], ["three four.", "Gamma lead."]]
    first, second = notes_by_page(pages, shown, paragraphs)
    assert first == [paragraphs[0]]
    # The second page continues Alpha's first sentence (from its start: a one-sentence lead has no
    # earlier break, so from where the page starts), then Beta (no slide shows it), then Gamma.
    assert second == ["three four. Alpha five six.", "Beta unshown.", "Gamma lead. Gamma more."]
    one = notes_by_page([["Alpha one two three four."]], shown[:1], paragraphs[:1])
    assert one == [paragraphs[:1]]
    tail = notes_by_page(
        [["Long words here"], ["and more words."]],
        [(0, "Long words here and more words.")],
        ["Long words here and more words."],
    )
    assert tail == [["Long words here and more words."], ["Long words here and more words."]], "never only its own text"


def test_overview_notes_carry_the_summary_when_no_title_slide_does(folder: Path) -> None:
    layout = load_layout("classic")
    slides = [name for name in layout.deck.slides if name != "title"]
    layout = layout.model_copy(update={"deck": layout.deck.model_copy(update={"slides": slides})})
    path = write_source(folder / "untitled.yaml", _source("short"))
    prs = open_deck(render(path, layout))
    assert slide_title(prs.slides[0]) == "Overview"
    assert _flat(load_source(path).summary) in _flat(_notes(prs.slides[0]))
