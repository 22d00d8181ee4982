"""Accessible output: tagged handout PDFs (PDF/UA-1 in spirit) and decks a screen
reader can navigate. Everything is read back from the files."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pikepdf
import pytest

from handouts.layout.resolve import load_layout
from handouts.render.context import RenderContext
from handouts.render.handout.document import render_handout
from handouts.source.loader import load_source
from tests.conftest import CONTENT, LAYOUTS, needs
from tests.deck_helpers import run_languages
from tests.sources import make_source, write_png, write_source
from tests.tagged_pdf import Node, marking_problems, parent_tree_problems, reading

_TYPOGRAPHY = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"'})


def squash(text: str) -> str:
    """Text without whitespace or hyphens (lines wrap and hyphenate anywhere), quotes straight."""
    return re.sub(r"[\s\u00a0\u202f\-\u2013]+", "", text.translate(_TYPOGRAPHY))


def render(path: Path, layout: str = "classic") -> tuple[bytes, RenderContext]:
    context = RenderContext(source_path=path)
    return render_handout(load_source(path), load_layout(layout), context), context


def kinds(nodes: list[Node]) -> list[str]:
    return [n.kind for n in nodes]


def check_tagged(data: bytes, language: str, title: str) -> list[Node]:
    """What every tagged handout must satisfy; returns the reading order."""
    pdf = pikepdf.open(io.BytesIO(data))
    assert marking_problems(pdf) == []
    assert parent_tree_problems(pdf) == []
    root = pdf.Root
    assert root.MarkInfo.Marked is True
    assert str(root.Lang) == language
    assert root.ViewerPreferences.DisplayDocTitle is True
    xmp = root.Metadata.read_bytes().decode("utf-8")
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        assert meta["dc:title"] == title
        assert meta["pdfuaid:part"] == "1"
    for page in pdf.pages:
        assert page.obj.Tabs == pikepdf.Name.S
        for annot in page.obj.get("/Annots", []):
            assert "/StructParent" in annot and str(annot.Contents)
    nodes = reading(data)
    assert nodes[0].kind == "Document" and nodes[1].kind == "H1" and squash(nodes[1].text) == squash(title)
    return nodes


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("path", CONTENT, ids=lambda p: p.stem)
def test_bundled_handouts_are_tagged(path: Path, layout: str) -> None:
    data, _ = render(path, layout)
    model = load_source(path)
    nodes = check_tagged(data, model.language, model.title)
    found = kinds(nodes)
    for kind in ("H2", "P", "Table", "TR", "TH", "TD", "L", "LI", "LBody"):
        assert kind in found, kind
    headers = [n for n in nodes if n.kind == "TH"]
    column = [squash(n.all_text()) for n in headers if n.attrs.get("Scope") == "Column"]
    rows = [squash(n.all_text()) for n in headers if n.attrs.get("Scope") == "Row"]
    assert column == [squash(s.name) for s in model.subjects]
    assert rows == [squash(r.label) for r in model.table]
    # every row: a label then one cell per subject, in the source's order
    table_rows = [n for n in nodes if n.kind == "TR"]
    assert len(table_rows) == len(model.table) + 1
    for tr, row in zip(table_rows[1:], model.table):
        assert [squash(c.all_text()) for c in tr.children] == [squash(row.label)] + [
            squash(v) if v else "\u2014" for v in row.cells()
        ]
    # headings in order: title, block headings and section headings
    h2 = [squash(n.text) for n in nodes if n.kind == "H2"]
    assert [squash(s.heading) for s in model.sections] == [
        h for h in h2 if h in {squash(s.heading) for s in model.sections}
    ]
    # page furniture is an artifact, never read: "page 1 of N" is nowhere in the tree
    assert not [n for n in nodes if re.search(r"page\d+of\d+", squash(n.text))]


def test_reading_order_follows_the_document(tmp_path: Path) -> None:
    """Title, subtitle, subjects, summary, table row by row (a row split over
    pages read whole, its header once), similarities, sections, sources."""
    write_png(tmp_path / "a.png")
    write_png(tmp_path / "b.png")
    source = make_source(3, 4, 6, long_cell=(1, 2), long_words=900)
    source["subjects"][0].update(image="a.png", image_alt="A red square")
    source["subjects"][1].update(image="b.png")
    source["sources"] = [{"title": "A book", "url": "https://example.org/book"}, "A plain source"]
    path = write_source(tmp_path / "s.yaml", source)
    data, context = render(path)
    model = load_source(path)
    nodes = check_tagged(data, "en", model.title)

    text = [squash(n.text).lstrip("\u2022") for n in nodes if n.text]
    order = [model.title, model.subtitle] + [s.name for s in model.subjects] + [model.summary.split()[0]]
    for row in model.table:
        order += [row.label] + [v.split()[0] for v in row.cells()]
    order += ["Similarities"] + list(model.similarities)
    for section in model.sections:
        order += [section.heading]
    order += ["Conclusion", "Sources"]
    position = 0
    for expected in order:
        hits = [i for i, t in enumerate(text) if i >= position and t.startswith(squash(expected))]
        assert hits, f"{expected!r} not found after position {position}: {text[position : position + 5]}"
        position = hits[0]

    # the long cell runs over pages: one TD, content on several pages, read in full and in order
    long_td = next(n for n in nodes if n.kind == "TD" and n.text.startswith("R1C2"))
    assert len(set(long_td.pages)) >= 2
    assert squash(long_td.text) == squash(model.table[1].cells()[2])
    # the header is drawn on every table page but read once; "(cont.)" labels are not read
    assert sum(squash(n.all_text()) == "Corinth" for n in nodes if n.kind == "TH") == 1
    assert not [n for n in nodes if "(cont.)" in n.text]

    figures = [n for n in nodes if n.kind == "Figure"]
    assert [f.alt for f in figures] == ["A red square", "Picture of Sparta"]
    assert [w for w in context.warnings if "image_alt" in w.message and "Sparta" in w.message]

    links = [n for n in nodes if n.kind == "Link"]
    # the source's title is its link's text, and its address is written out (and linked) under it
    assert len(links) == 2 and all(len(link.annots) == 1 for link in links)
    for link in links:
        annot = link.annots[0]
        assert annot["uri"] == "https://example.org/book" and "example.org/book" in annot["contents"]
    lists = [n for n in nodes if n.kind == "L"]
    assert [n.attrs["ListNumbering"] for n in lists] == ["Disc", "Decimal"]
    assert all(li.children and li.children[0].kind == "LBody" for n in lists for li in n.children)


@needs("qpdf")
def test_tagged_output_is_deterministic_and_qpdf_clean(tmp_path: Path) -> None:
    import subprocess

    write_png(tmp_path / "a.png")
    source = make_source(2, 3, 6)
    source["subjects"][0].update(image="a.png")
    path = write_source(tmp_path / "s.yaml", source)
    first, _ = render(path)
    assert first == render(path)[0]
    out = tmp_path / "s.pdf"
    out.write_bytes(first)
    check = subprocess.run(["qpdf", "--check", str(out)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def test_other_languages_set_lang(tmp_path: Path) -> None:
    path = write_source(tmp_path / "de.yaml", make_source(2, 2, 4, language="de", title="Athen und Sparta"))
    data, _ = render(path)
    check_tagged(data, "de", "Athen und Sparta")


# -- decks --------------------------------------------------------------------

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def render_deck_file(path: Path, layout: str = "classic"):
    from pptx import Presentation

    from handouts.render.deck.writer import render_deck

    context = RenderContext(source_path=path)
    data = render_deck(load_source(path), load_layout(layout), context)
    return Presentation(io.BytesIO(data)), context


def check_deck(prs, language: str) -> list[str]:
    """What every deck must satisfy; returns the slide titles."""
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    from handouts.render.deck.a11y import alt_text, is_decorative

    titles = []
    for number, slide in enumerate(prs.slides, start=1):
        title = slide.shapes.title
        assert title is not None and title.is_placeholder, f"slide {number} has no title placeholder"
        titles.append(title.text_frame.text.strip())
        readable = [s for s in slide.shapes if not is_decorative(s)]
        assert readable[0].shape_id == title.shape_id, f"slide {number}: {readable[0].name} is read before the title"
        for shape in slide.shapes:
            if is_decorative(shape):
                assert not (shape.has_text_frame and shape.text_frame.text.strip())
            if shape.shape_type in (MSO_SHAPE_TYPE.PICTURE, MSO_SHAPE_TYPE.GROUP):
                assert alt_text(shape).strip(), f"slide {number}: {shape.name} has no alt text"
            if shape.has_table:
                assert shape.table.first_row
        assert set(run_languages(slide)) <= {language}, f"slide {number}: a run in another or no language"
    assert all(titles)
    assert len({t.casefold() for t in titles}) == len(titles), [t for t in titles if titles.count(t) > 1]
    return titles


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("path", CONTENT, ids=lambda p: p.stem)
def test_bundled_decks_are_accessible(path: Path, layout: str) -> None:
    prs, _ = render_deck_file(path, layout)
    check_deck(prs, load_source(path).language)


def test_deck_titles_made_unique_and_pictures_described(tmp_path: Path) -> None:
    write_png(tmp_path / "a.png", (300, 300))
    write_png(tmp_path / "b.png", (300, 300))
    source = make_source(2, 3, 6, language="fr")
    source["table"] = [dict(source["table"][1], label="Section 0")]  # a row's slide and a section's would share a title
    source["sections"].append(dict(source["sections"][0]))  # two sections with the same heading
    source["subjects"][0].update(image="a.png", image_alt="A red square")
    source["subjects"][1].update(image="b.png")
    source.pop("subtitle")  # the title slide shows pictures when it has room
    prs, context = render_deck_file(write_source(tmp_path / "s.yaml", source))
    titles = check_deck(prs, "fr")
    assert "Section 0 \u2014 comparison" in titles and "Section 0" in titles and "Section 0 (2)" in titles
    from handouts.render.deck.a11y import alt_text

    pictures = [s for s in prs.slides[0].shapes if s.shape_type == 13]
    assert sorted(alt_text(p) for p in pictures) == ["A red square", "Picture of Sparta"]
    assert [w for w in context.warnings if "image_alt" in w.message and "Sparta" in w.message]


def test_group_alt_text_and_decorative_helpers(tmp_path: Path) -> None:
    """The helper the timeline slide uses: alt text on a group named "Timeline"."""
    from pptx import Presentation
    from pptx.util import Pt

    from handouts.render.deck.a11y import alt_text, is_decorative, mark_decorative, set_alt_text, title_first

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    band = slide.shapes.add_shape(1, 0, 0, Pt(100), Pt(20))
    group = slide.shapes.add_group_shape()
    group.name = "Timeline"
    group.shapes.add_shape(1, 0, 0, Pt(10), Pt(10))
    mark_decorative(band)
    mark_decorative(band)  # once is enough
    set_alt_text(group, "Timeline: 1917 Revolution;\n 1924 Lenin dies")
    slide.shapes.title.text = "Timeline"
    slide.shapes._spTree.append(slide.shapes.title._element)  # title drawn last...
    title_first(slide)  # ...but read first
    out = tmp_path / "g.pptx"
    prs.save(out)
    again = Presentation(out).slides[0]
    group = next(s for s in again.shapes if s.name == "Timeline")
    assert alt_text(group) == "Timeline: 1917 Revolution; 1924 Lenin dies"
    shapes = list(again.shapes)
    assert is_decorative(shapes[0]) and shapes[1].shape_id == again.shapes.title.shape_id
    assert len(shapes[0]._element.findall(f".//{A}ext[@uri]")) == 1


def test_unique_titles_numbers_repeats() -> None:
    from handouts.render.deck.a11y import qualified, unique_titles

    assert unique_titles(["A", "B", "a", "A", "A (2)"]) == ["A", "B", "a (3)", "A (4)", "A (2)"]
    assert qualified("Economic Policies", ["economic policies"], "comparison") == "Economic Policies \u2014 comparison"
    assert qualified("Economic Policies", ["Other"], "comparison") == "Economic Policies"


@needs("pdftoppm")
def test_tagging_does_not_change_the_pages(tmp_path: Path, monkeypatch) -> None:
    """The same handout drawn without tags renders to the same pixels."""
    import subprocess

    from handouts.render.handout import document as handout_pdf
    from handouts.render.pdf import page as pdf_page

    write_png(tmp_path / "a.png")
    source = make_source(3, 4, 6, long_cell=(1, 2), long_words=700)
    source["subjects"][0].update(image="a.png")
    path = write_source(tmp_path / "s.yaml", source)
    tagged, _ = render(path)
    plain_canvas = pdf_page.canvas_class
    monkeypatch.setattr(handout_pdf, "canvas_class", lambda running, tags, info: plain_canvas(running))
    untagged, _ = render(path)
    assert b"/StructTreeRoot" in tagged and b"/StructTreeRoot" not in untagged
    pages = {}
    for name, data in (("tagged", tagged), ("untagged", untagged)):
        (tmp_path / f"{name}.pdf").write_bytes(data)
        subprocess.run(
            ["pdftoppm", "-r", "40", "-png", str(tmp_path / f"{name}.pdf"), str(tmp_path / name)], check=True
        )
        pages[name] = [p.read_bytes() for p in sorted(tmp_path.glob(f"{name}-*.png"))]
    assert len(pages["tagged"]) >= 2 and pages["tagged"] == pages["untagged"]
