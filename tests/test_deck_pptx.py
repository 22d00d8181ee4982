"""The PPTX deck read back with python-pptx: slides, titles, tables, notes,
continuation slides, languages, templates, determinism."""

from __future__ import annotations

import copy
import io
import zipfile
from pathlib import Path

import pytest
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Emu

from handouts.cli import app
from handouts.layout.resolve import load_layout
from handouts.render.deck.fit import TextStyle, block_height, wrap
from handouts.render.deck.paging import paginate
from tests.conftest import CONTENT, MINIMAL
from tests.deck_helpers import (
    open_deck,
    render,
    run_languages,
    shape_color,
    slide_title,
    stress_source,
    write_source,
)
from tests.sources import make_source

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _texts(slide) -> str:
    parts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            parts.append(shape.text_frame.text)
        if getattr(shape, "has_table", False):
            parts += [cell.text for row in shape.table.rows for cell in row.cells]
    return "\n".join(parts)


@pytest.fixture(scope="module")
def stress(tmp_path_factory) -> tuple[Path, bytes]:
    folder = tmp_path_factory.mktemp("stress")
    source = write_source(folder, stress_source(subjects=3))
    return source, render(source)


@pytest.mark.parametrize("source", CONTENT, ids=lambda p: p.stem)
def test_bundled_decks_have_titled_slides_in_layout_order(source: Path) -> None:
    prs = open_deck(render(source))
    titles = [slide_title(s) for s in prs.slides]
    assert all(t.strip() for t in titles), titles
    cont = [t for t in titles if "(cont.)" in t]
    assert len(set(cont)) == len(cont), "continuation titles are numbered apart"
    assert prs.slide_width == Emu(12_192_000) and prs.slide_height == Emu(6_858_000)
    layout_titles = titles[1:]
    assert "Overview" not in titles or layout_titles[0] == "Overview"  # only when legible on one slide
    assert layout_titles[-1] == "Sources"
    order = [t for t in titles if t in ("Overview", "Similarities", "Conclusion", "Sources")]
    assert order == [t for t in ("Overview", "Similarities", "Conclusion", "Sources") if t in titles]


def test_every_slide_title_is_in_a_title_placeholder_and_no_empty_placeholder_remains(stress) -> None:
    prs = open_deck(stress[1])
    for slide in prs.slides:
        title = slide.shapes.title
        assert title is not None and title.is_placeholder
        assert title.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
        assert title.text_frame.text.strip()
        for shape in slide.placeholders:
            assert shape.text_frame.text.strip(), f"empty placeholder on {slide_title(slide)!r}"


def test_huge_table_and_cell_continue_on_cont_slides(stress) -> None:
    source, data = stress
    prs = open_deck(data)
    titles = [slide_title(s) for s in prs.slides]
    assert not [t for t in titles if t.startswith("Overview")], "an 80-row overview is not legible on one slide"
    # every one of the 80+ row labels appears on a comparison slide (a row label, or the title of its own slide)
    shown = {sh.text_frame.text for s in prs.slides for sh in s.shapes if sh.name.startswith("Row: ")} | set(titles)
    import yaml

    data_src = yaml.safe_load(source.read_text(encoding="utf-8"))
    assert {r["label"] for r in data_src["table"]} <= shown
    # the 3,000-word cell: its row slide continues over many slides and all its words arrive, in order
    huge = [s for s in prs.slides if slide_title(s).startswith("Huge")]
    assert len(huge) > 3 and slide_title(huge[1]).startswith("Huge (cont.)")
    shown = " ".join(
        shape.text_frame.text
        for s in huge
        for shape in s.shapes
        if shape.name == "Athens text" and shape.has_text_frame
    )
    expected = data_src["table"][1]["values"][0]
    assert " ".join(shown.split()) == " ".join(expected.split())


def test_every_table_has_a_marked_header_row_with_subject_names(tmp_path: Path) -> None:
    # Six one-word rows: two comparison slides, legible whole as one table (the overview).
    source = write_source(tmp_path, make_source(3, 6, 1))
    prs = open_deck(render(source))
    tables = [shape.table for s in prs.slides for shape in s.shapes if getattr(shape, "has_table", False)]
    assert tables
    for table in tables:
        assert table.first_row
        assert [c.text for c in table.rows[0].cells][1:] == ["Athens", "Sparta", "Corinth"]


def test_text_frames_do_not_autofit_and_wrap(stress) -> None:
    prs = open_deck(stress[1])
    for slide in list(prs.slides)[:20]:
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text:
                body_pr = shape.text_frame._txBody.bodyPr
                assert body_pr.find(A + "noAutofit") is not None, shape.name
                assert body_pr.get("wrap") == "square"
                assert body_pr.get("lIns") is not None and body_pr.get("tIns") is not None


def test_speaker_notes_hold_the_full_prose(stress) -> None:
    import yaml

    source, data = stress
    prs = open_deck(data)
    doc = yaml.safe_load(source.read_text(encoding="utf-8"))
    notes = "\n".join(s.notes_slide.notes_text_frame.text for s in prs.slides if s.has_notes_slide)
    for section in doc["sections"]:
        for paragraph in section["body"].split("\n\n"):
            assert " ".join(paragraph.split()) in notes
    for paragraph in doc["conclusion"].split("\n\n"):
        assert paragraph in notes
    on_slides = "\n".join(_texts(s) for s in prs.slides)
    first_section = doc["sections"][0]["body"].split("\n\n")
    assert first_section[0].split(". ")[0] in on_slides  # a key sentence is on the slide...
    assert first_section[0] not in on_slides.replace("\n", " ")  # ...not the whole paragraph


@pytest.mark.parametrize("count", [2, 3, 6])
def test_subjects_side_by_side_with_name_labels_in_their_colours(tmp_path: Path, count: int) -> None:
    source = write_source(tmp_path, stress_source(subjects=count, rows=3, huge_cell_words=0, sections=1))
    prs = open_deck(render(source))
    layout = load_layout()
    first = stress_source(subjects=count)["subjects"][0]["name"]
    row_slide = next(s for s in list(prs.slides)[1:] if any(sh.name == f"{first} label" for sh in s.shapes))
    labels = [sh for sh in row_slide.shapes if sh.name.endswith(" label")]
    packed = any(sh.name.startswith("Row: ") for sh in row_slide.shapes)
    assert [sh.text_frame.text for sh in labels] == [s["name"] for s in stress_source(subjects=count)["subjects"]]
    for i, shape in enumerate(labels):
        assert shape_color(shape) == layout.palette[i].lstrip("#")
    lefts = sorted({sh.left for sh in labels})
    # rows packed on a slide: one column per subject; a row alone with over four subjects: two rows of columns
    assert len(lefts) == (count if packed or count <= 4 else (count + 1) // 2)
    for shape in row_slide.shapes:  # everything on the slide
        assert shape.left >= 0 and shape.left + shape.width <= prs.slide_width
        assert shape.top >= 0 and shape.top + shape.height <= prs.slide_height


@pytest.mark.parametrize("language", ["ru", "el"])
def test_cyrillic_and_greek_text_is_tagged_with_the_language(tmp_path: Path, language: str) -> None:
    source = write_source(tmp_path, stress_source(subjects=3, rows=4, huge_cell_words=300, language=language))
    prs = open_deck(render(source))
    text = "\n".join(_texts(s) for s in prs.slides)
    assert "революция" in text if language == "ru" else "επανάσταση" in text
    langs = {lang for s in prs.slides for lang in run_languages(s)}
    assert langs == {language}
    assert prs.core_properties.language == language


def test_same_input_same_bytes_with_fixed_metadata(stress) -> None:
    source, data = stress
    assert render(source) == data
    zf = zipfile.ZipFile(io.BytesIO(data))
    assert {info.date_time for info in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    props = open_deck(data).core_properties
    assert props.revision == 1 and props.last_modified_by == "handouts"
    assert props.created.year == 2000 and props.modified.year == 2000


def test_layout_chooses_slides_order_and_aspect(tmp_path: Path, write) -> None:
    (tmp_path / "four.yaml").write_text("deck:\n  aspect: '4:3'\n  slides: [similarities, title]\n", encoding="utf-8")
    layout = load_layout(tmp_path / "four.yaml")
    prs = open_deck(render(CONTENT[0], layout))
    assert prs.slide_width == Emu(9_144_000)
    titles = [slide_title(s) for s in prs.slides]
    assert titles[0] == "Similarities" and titles[-1] == "Lenin vs. Stalin" and len(titles) == 2


def test_minimal_source_builds_only_what_it_has(write) -> None:
    prs = open_deck(render(write(MINIMAL)))
    assert [slide_title(s) for s in prs.slides] == ["Athens vs. Sparta"]


def _template(folder: Path, potx: bool) -> Path:
    from pptx import Presentation
    from pptx.util import Pt

    prs = Presentation()
    master = prs.slide_master
    scratch = prs.slides.add_slide(prs.slide_layouts[6])  # masters cannot add shapes: move one there
    logo = scratch.shapes.add_textbox(Pt(10), Pt(10), Pt(80), Pt(20))
    logo.text_frame.text = "School"
    logo.name = "Teacher logo"
    element = copy.deepcopy(logo._element)
    element.nvSpPr.cNvPr.set("id", "1000")
    master.shapes._spTree.append(element)
    for slide_layout in prs.slide_layouts:
        slide_layout.name = "Teacher " + slide_layout.name
    prs.slides.add_slide(prs.slide_layouts[0]).shapes.title.text = "Old slide of the template"
    path = folder / ("school.potx" if potx else "school.pptx")
    buffer = io.BytesIO()
    prs.save(buffer)
    data = buffer.getvalue()
    if potx:
        source = zipfile.ZipFile(io.BytesIO(data))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as target:
            for info in source.infolist():
                blob = source.read(info)
                if info.filename == "[Content_Types].xml":
                    blob = blob.replace(b"presentationml.presentation.main+xml", b"presentationml.template.main+xml")
                target.writestr(info, blob)
        data = out.getvalue()
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("potx", [False, True], ids=["pptx", "potx"])
def test_custom_template_masters_are_used(tmp_path: Path, potx: bool) -> None:
    template = _template(tmp_path, potx)
    (tmp_path / "school.yaml").write_text(f"deck:\n  template: {template.name}\n", encoding="utf-8")
    layout = load_layout(tmp_path / "school.yaml")
    prs = open_deck(render(CONTENT[0], layout))
    assert "Teacher logo" in [shape.name for shape in prs.slide_master.shapes]
    used = {s.slide_layout.name for s in prs.slides}
    assert used == {"Teacher Title Slide", "Teacher Title Only", "Teacher Title and Content"}
    for slide in prs.slides:  # prose is in the template's body placeholder, so it reflows with the master
        if slide.slide_layout.name == "Teacher Title and Content":
            bodies = [ph for ph in slide.placeholders if ph.placeholder_format.type == PP_PLACEHOLDER.OBJECT]
            assert len(bodies) == 1 and bodies[0].text_frame.text.strip()
    for number, slide in enumerate(list(prs.slides)[1:], start=2):  # numbered in the template's own placeholder
        numbers = [ph for ph in slide.placeholders if ph.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER]
        assert len(numbers) == 1 and numbers[0].text_frame.text == str(number)
    theme = zipfile.ZipFile(io.BytesIO(render(CONTENT[0], layout))).read("ppt/theme/theme1.xml")
    assert b'name="Office Theme"' in theme  # the template's own theme (the school's design) is kept
    titles = [slide_title(s) for s in prs.slides]
    assert "Old slide of the template" not in titles and titles[0] == "Lenin vs. Stalin"
    assert prs.slide_width == Emu(9_144_000)  # the template's own size


def test_missing_or_broken_template_is_a_layout_error(tmp_path: Path, runner) -> None:
    (tmp_path / "bad.pptx").write_bytes(b"not a zip")
    for name in ("missing.pptx", "bad.pptx"):
        (tmp_path / "lay.yaml").write_text(f"deck:\n  template: {name}\n", encoding="utf-8")
        result = runner.invoke(
            app,
            [
                "build",
                str(CONTENT[0]),
                "--to",
                "deck",
                "--out",
                str(tmp_path / "o"),
                "--layout",
                str(tmp_path / "lay.yaml"),
            ],
        )
        assert result.exit_code != 0
        assert "deck.template" in result.output and "Traceback" not in result.output


def test_cli_writes_the_deck(runner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", str(CONTENT[0]), "--to", "deck", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert open_deck((tmp_path / f"{CONTENT[0].stem}.deck.pptx").read_bytes()).slides


# -- the measuring module itself ------------------------------------------------


def test_wrap_breaks_words_wider_than_the_line() -> None:
    style = TextStyle("Calibri", 20)
    lines = wrap("short " + "x" * 300 + " tail", style, 200)
    assert lines[0] == ("short", False)
    assert all(broken for _, broken in lines[1:-2])
    assert "".join(line for line, _ in lines[1:]).replace("tail", "").strip() == "x" * 300


def test_paginated_pages_each_fit_and_keep_every_word() -> None:
    style = TextStyle("Arial", 14, bullet=True)
    from tests.deck_helpers import prose

    paragraphs = [prose(n, seed=n) for n in (40, 900, 15, 300)]
    pages = paginate(paragraphs, style, 400, 300)
    assert len(pages) > 3
    assert all(block_height(page, style, 400) <= 300 for page in pages)
    assert " ".join(" ".join(p) for p in pages).split() == " ".join(paragraphs).split()


def test_every_slide_has_its_own_notes_slide_related_both_ways(stress) -> None:
    """Notes slides are copies of one prototype: each is its own part, tied to
    its slide and the notes master, holding only its slide's notes."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    _, data = stress
    prs = open_deck(data)
    slides = [s for s in prs.slides if s.has_notes_slide]
    assert len(slides) > 10
    names = [s.notes_slide.part.partname for s in slides]
    assert len(set(names)) == len(names)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        stored = [n for n in package.namelist() if n.startswith("ppt/notesSlides/notesSlide")]
    assert len([n for n in stored if n.endswith(".xml")]) == len(slides)
    for slide in slides:
        notes = slide.notes_slide
        assert notes.part.part_related_by(RT.SLIDE) is slide.part
        assert notes.part.part_related_by(RT.NOTES_MASTER) is prs.part.part_related_by(RT.NOTES_MASTER)
        assert notes.notes_placeholder is not None
        assert notes.notes_text_frame.text.strip()
    texts = [s.notes_slide.notes_text_frame.text for s in slides]
    assert len(set(texts)) > len(texts) // 2  # each holds its own slide's notes
