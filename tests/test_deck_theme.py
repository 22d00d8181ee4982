"""The deck as a PowerPoint user finds it: a theme made of the layout's
colours and fonts, prose in the slide layouts' body placeholders, and the
course and slide number in every content slide's footer."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pptx.enum.shapes import PP_PLACEHOLDER as P

from handouts.layout.resolve import load_layout
from tests.conftest import CONTENT, LAYOUTS, ROOT
from tests.deck_helpers import EMU_PER_PT, open_deck, render, stress_source, write_source

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
THEME_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"


def _slide_theme(data: bytes) -> etree._Element:
    """The theme the slide master relates to, read from the saved file itself."""
    package = zipfile.ZipFile(io.BytesIO(data))
    rels = etree.fromstring(package.read("ppt/slideMasters/_rels/slideMaster1.xml.rels"))
    (target,) = [r.get("Target") for r in rels.iter(RELS + "Relationship") if r.get("Type") == THEME_REL]
    main = etree.fromstring(package.read("ppt/_rels/presentation.xml.rels"))
    (same,) = [r.get("Target") for r in main.iter(RELS + "Relationship") if r.get("Type") == THEME_REL]
    assert target == "../" + same  # the presentation names the master's theme
    return etree.fromstring(package.read("ppt/" + target.removeprefix("../")))


def _scheme(theme) -> dict[str, str]:
    scheme = theme.find(f"{A}themeElements/{A}clrScheme")
    return {child.tag.removeprefix(A): child[0].get("val") for child in scheme}


@pytest.mark.parametrize("layout_name", LAYOUTS)
def test_the_theme_is_the_layouts_colours_and_fonts(layout_name: str) -> None:
    layout = load_layout(layout_name)
    theme = _slide_theme(render(CONTENT[0], layout))
    colors = _scheme(theme)
    hex_ = lambda c: c.lstrip("#").upper()  # noqa: E731
    c = layout.colors
    assert colors["dk1"] == hex_(c.text) and colors["lt1"] == hex_(c.background)
    assert colors["dk2"] == hex_(c.heading) and colors["lt2"] == hex_(c.zebra)
    assert colors["accent1"] == hex_(c.accent) and colors["hlink"] == hex_(c.link)
    accents = [colors[f"accent{n}"] for n in range(1, 7)]
    assert set(accents) <= {hex_(c.accent), *map(hex_, layout.palette)}
    assert len(set(accents)) == min(6, len({hex_(c.accent), *map(hex_, layout.palette)}))
    fonts = theme.find(f"{A}themeElements/{A}fontScheme")
    assert fonts.find(f"{A}majorFont/{A}latin").get("typeface") == layout.deck.fonts.heading
    assert fonts.find(f"{A}minorFont/{A}latin").get("typeface") == layout.deck.fonts.body
    assert layout_name in theme.get("name")


def test_layouts_differ_in_their_themes() -> None:
    schemes = {name: _scheme(_slide_theme(render(CONTENT[0], load_layout(name)))) for name in LAYOUTS}
    assert len({tuple(s.values()) for s in schemes.values()}) == len(LAYOUTS)


@pytest.fixture(scope="module")
def course_deck(tmp_path_factory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("course")
    data = stress_source(subjects=3, rows=12, huge_cell_words=400)
    data["course"] = "World History 10 — Unit 4: The Soviet Union, 1917–1953 " * 3  # longer than a line
    source = write_source(folder, data)
    return {name: render(source, load_layout(name)) for name in LAYOUTS}


def _footers(slide) -> dict:
    return {
        ph.placeholder_format.type: ph
        for ph in slide.placeholders
        if ph.placeholder_format.type in (P.FOOTER, P.SLIDE_NUMBER)
    }


def _field(shape):
    fields = list(shape._element.iter(A + "fld"))
    assert len(fields) == 1 and fields[0].get("type") == "slidenum"
    return fields[0]


@pytest.mark.parametrize("layout_name", LAYOUTS)
def test_every_content_slide_has_its_number_and_the_course_in_its_footer(course_deck, layout_name: str) -> None:
    layout = load_layout(layout_name)
    smallest = layout.deck.sizes.min
    prs = open_deck(course_deck[layout_name])
    slides = list(prs.slides)
    assert not _footers(slides[0])  # the title slide shows course and author itself
    for number, slide in enumerate(slides[1:], start=2):
        found = _footers(slide)
        assert set(found) == {P.FOOTER, P.SLIDE_NUMBER}, f"slide {number}"
        field = _field(found[P.SLIDE_NUMBER])
        assert field.findtext(A + "t") == str(number)
        assert int(field.find(A + "rPr").get("sz")) / 100 >= smallest
        course = found[P.FOOTER].text_frame.text
        assert course.endswith("…") and "World History 10" in course  # cut to one line, never shrunk
        sizes = [int(d.get("sz")) / 100 for d in found[P.FOOTER]._element.iter(A + "defRPr") if d.get("sz")]
        assert sizes and min(sizes) >= smallest
        footer_top = min(ph.top for ph in found.values())
        assert max(ph.top + ph.height for ph in found.values()) <= prs.slide_height
        footer_ids = {ph.shape_id for ph in found.values()}
        for shape in slide.shapes:  # nothing else reaches into the footer
            if shape.shape_id not in footer_ids:
                assert shape.top + shape.height <= footer_top, f"slide {number}: {shape.name}"


def test_without_a_course_the_footer_is_the_number(tmp_path: Path) -> None:
    data = stress_source(subjects=2, rows=3, huge_cell_words=0)
    data.pop("course", None)
    prs = open_deck(render(write_source(tmp_path, data)))
    for number, slide in enumerate(list(prs.slides)[1:], start=2):
        found = _footers(slide)
        assert set(found) == {P.SLIDE_NUMBER} and _field(found[P.SLIDE_NUMBER]).findtext(A + "t") == str(number)


@pytest.mark.parametrize("layout_name", LAYOUTS)
def test_prose_is_in_the_body_placeholder_of_a_title_and_content_layout(course_deck, layout_name: str) -> None:
    smallest = load_layout(layout_name).deck.sizes.min
    prs = open_deck(course_deck[layout_name])
    prose = [s for s in prs.slides if s.slide_layout.name == "Title and Content"]
    assert len(prose) >= 3  # sections, similarities, sources
    for slide in prose:
        bodies = [ph for ph in slide.placeholders if ph.placeholder_format.type in (P.BODY, P.OBJECT)]
        assert len(bodies) == 1 and bodies[0].text_frame.text.strip()
        assert "Body" not in [shape.name for shape in slide.shapes]  # not a text box beside it
        sizes = [int(d.get("sz")) / 100 for d in bodies[0]._element.iter(A + "defRPr") if d.get("sz")]
        assert sizes and min(sizes) >= smallest
        assert bodies[0].top + bodies[0].height <= prs.slide_height - 0.5 * smallest * EMU_PER_PT


@pytest.mark.parametrize("layout_name", LAYOUTS)
def test_no_shape_takes_the_themes_shadow(layout_name: str) -> None:
    # an auto shape's style points at the theme's effect styles; LibreOffice draws
    # effectRef idx="2" as a soft shadow under lane bands even with an empty effectLst
    prs = open_deck(render(ROOT / "content" / "lenin-vs-stalin.yaml", load_layout(layout_name)))
    refs = [ref for slide in prs.slides for ref in slide.element.iter(A + "effectRef")]
    assert refs, "the deck has auto shapes with a style"
    assert {ref.get("idx") for ref in refs} == {"0"}
