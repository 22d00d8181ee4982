"""The deck's package as PowerPoint and LibreOffice read it: unique shape ids,
every shape on the slide, the timeline group measured around its shapes,
decoration marked, and a template's old slides gone without a trace.

(These replace tests that compared the deck's hand-written XML with
python-pptx's API output: the deck is now made with that API.)
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from handouts.layout.resolve import load_layout
from tests.conftest import CONTENT, LAYOUTS
from tests.deck_helpers import open_deck, render, stress_source, write_source

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


def _all_shapes(shapes):
    for shape in shapes:
        yield shape
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from _all_shapes(shape.shapes)


@pytest.fixture(scope="module")
def decks(tmp_path_factory) -> list[bytes]:
    """The bundled sources in every layout, and a deck that needs many continuation slides."""
    folder = tmp_path_factory.mktemp("structure")
    out = [render(path, load_layout(layout)) for path in CONTENT for layout in LAYOUTS]
    return out + [render(write_source(folder, stress_source(subjects=5, rows=30, huge_cell_words=800)))]


def test_shape_ids_are_unique_on_every_slide(decks) -> None:
    """A repeated id makes PowerPoint offer to "repair" the file."""
    for data in decks:
        for number, slide in enumerate(open_deck(data).slides, 1):
            ids = [shape.shape_id for shape in _all_shapes(slide.shapes)]
            assert len(ids) == len(set(ids)), f"slide {number} repeats a shape id"
            assert min(ids) >= 1


def test_every_shape_lies_on_its_slide(decks) -> None:
    for data in decks:
        prs = open_deck(data)
        width, height = prs.slide_width, prs.slide_height
        for number, slide in enumerate(prs.slides, 1):
            for shape in _all_shapes(slide.shapes):
                assert shape.left >= 0 and shape.top >= 0, (number, shape.name)
                assert shape.left + shape.width <= width + 1 and shape.top + shape.height <= height + 1, (
                    number,
                    shape.name,
                )


def test_timeline_group_encloses_its_shapes_and_is_described(decks) -> None:
    """The group's box is its shapes' box (what an editor selects and moves)."""
    from handouts.render.deck.a11y import alt_text

    groups = [
        shape
        for data in decks
        for slide in open_deck(data).slides
        for shape in slide.shapes
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP
    ]
    assert groups
    for group in groups:
        children = list(group.shapes)
        assert group.name in ("Timeline", "Timeline key")  # the chart, and its key on the same slide
        assert len(children) > (10 if group.name == "Timeline" else 1)
        assert alt_text(group).startswith("Timeline")
        assert group.left == min(c.left for c in children) and group.top == min(c.top for c in children)
        assert group.left + group.width == max(c.left + c.width for c in children)
        assert group.top + group.height == max(c.top + c.height for c in children)


def test_decoration_is_marked_and_holds_no_text(decks) -> None:
    from handouts.render.deck.a11y import is_decorative

    prs = open_deck(decks[0])
    marked = [shape for slide in prs.slides for shape in slide.shapes if is_decorative(shape)]
    assert {shape.name for shape in marked} == {"Title band", "Accent bar"}
    for shape in marked:
        assert not shape.text_frame.text and shape.line.fill.type == 5  # MSO_FILL.BACKGROUND: no outline


def test_every_slide_has_its_own_notes(decks) -> None:
    for data in decks:
        prs = open_deck(data)
        noted = [slide for slide in prs.slides if slide.has_notes_slide]
        names = [slide.notes_slide.part.partname for slide in noted]
        assert len(names) == len(set(names)) and len(names) > len(prs.slides) // 2
        assert all(slide.notes_slide.notes_text_frame.text.strip() for slide in noted)


def _template_with_slides(path: Path) -> None:
    """A template with two slides, a custom show and PowerPoint sections naming them."""
    prs = Presentation()
    for text in ("Old slide one", "Old slide two"):
        prs.slides.add_slide(prs.slide_layouts[5]).shapes.title.text = text
    buffer = io.BytesIO()
    prs.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            blob = source.read(info)
            if info.filename == "ppt/presentation.xml":
                root = etree.fromstring(blob)
                ids = [s.get(f"{{{root.nsmap['r']}}}id") for s in root.find(f"{P}sldIdLst")]
                show = etree.fromstring(
                    f'<p:custShowLst xmlns:p="{P[1:-1]}" xmlns:r="{root.nsmap["r"]}"><p:custShow name="Short" '
                    f'id="0"><p:sldLst><p:sld r:id="{ids[0]}"/></p:sldLst></p:custShow></p:custShowLst>'
                )
                root.find(f"{P}notesSz").addnext(show)
                blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(info, blob)
    path.write_bytes(out.getvalue())


def test_template_slides_leave_no_parts_or_references(tmp_path: Path) -> None:
    _template_with_slides(tmp_path / "school.pptx")
    (tmp_path / "school.yaml").write_text("deck:\n  template: school.pptx\n", encoding="utf-8")
    data = render(CONTENT[0], load_layout(tmp_path / "school.yaml"))
    prs = open_deck(data)
    titles = [slide.shapes.title.text_frame.text for slide in prs.slides]
    assert "Old slide one" not in titles and "Old slide two" not in titles
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        slides = [n for n in package.namelist() if n.startswith("ppt/slides/slide")]
        presentation = package.read("ppt/presentation.xml")
    assert len(slides) == len(prs.slides)
    assert b"custShowLst" not in presentation
