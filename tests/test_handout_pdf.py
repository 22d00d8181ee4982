"""The handout PDF, read back as a reader would: text, pages, fonts, metadata, outline."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from handouts.cli import app
from handouts.errors import HandoutsError, LayoutError
from handouts.layout.models import PAPER_SIZES_PT, Layout
from handouts.layout.resolve import load_layout
from handouts.markup import plain
from handouts.render.context import RenderContext
from handouts.render.handout.document import render_handout
from handouts.render.pdf.page import fill_template
from handouts.source.loader import load_source
from tests.conftest import CONTENT
from tests.sources import make_source, write_png, write_source

_TYPOGRAPHY = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"'})


def squash(text: str) -> str:
    """Text with all whitespace and hyphens removed (words wrap, and hyphenate, anywhere)
    and typographic quotes as straight ones (the handout sets quotes and dashes)."""
    return re.sub(r"[\s\u00a0\u202f\-\u2013]+", "", text.translate(_TYPOGRAPHY))


def render(path: Path, layout: Layout | None = None) -> tuple[bytes, RenderContext]:
    context = RenderContext(source_path=path)
    return render_handout(load_source(path), layout or load_layout("classic"), context), context


def flow_text(data: bytes) -> str:
    """All text in content-stream order: each table cell comes out whole (not interleaved)."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "".join(c["text"] for page in pdf.pages for c in page.chars)


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def column_text(data: bytes, tag: str, next_tag: str | None) -> str:
    """Regular table-font text between the x of ``tag`` and of ``next_tag``, across pages.

    Table columns keep their x on every page, so this is one column's text in order."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        words = [
            (n, w)
            for n, page in enumerate(pdf.pages)
            for w in page.extract_words(extra_attrs=["fontname"], use_text_flow=True)
        ]
        x0 = next(w["x0"] for _, w in words if w["text"] == tag)
        x1 = next((w["x0"] for _, w in words if w["text"] == next_tag), 1e9) if next_tag else 1e9
        return "".join(
            c["text"]
            for page in pdf.pages
            for c in page.chars
            if x0 - 1 <= c["x0"] < x1 - 1 and c["fontname"].endswith("DejaVuSansCondensed")
        )


@pytest.fixture(scope="module")
def bundled() -> dict[Path, bytes]:
    return {path: render(path)[0] for path in CONTENT}


def test_bundled_sources_show_every_value_and_heading(bundled: dict[Path, bytes]) -> None:
    for path, data in bundled.items():
        model = load_source(path)
        text = squash(flow_text(data))
        expected = [model.title, model.subtitle or "", "Comparison", "Similarities", "Sources"]
        expected += [s.name for s in model.subjects] + [row.label for row in model.table]
        expected += [v for row in model.table for v in row.cells() if v]
        expected += [s.heading for s in model.sections] + model.similarities
        for item in expected:
            assert squash(plain(item)) in text, f"{path.name}: {item!r} missing"


def test_bundled_metadata_outline_fonts_and_pages(bundled: dict[Path, bytes]) -> None:
    for path, data in bundled.items():
        model = load_source(path)
        reader = PdfReader(io.BytesIO(data))
        assert reader.metadata.title == model.title
        assert reader.metadata.creator == "handouts"
        assert reader.metadata.subject
        assert reader.trailer["/Root"]["/Lang"] == model.language
        outline = [item.title for item in _flatten(reader.outline)]
        assert outline[0] == model.title
        assert "Comparison" in outline and all(s.heading in outline for s in model.sections)
        assert _fonts_embedded(reader) >= 3
        width, height = PAPER_SIZES_PT["a4"]
        for number, page in enumerate(reader.pages, start=1):
            assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx((width, height), abs=0.5)
            assert f"page {number} of {len(reader.pages)}" in page.extract_text()


def _flatten(outline: list) -> list:
    out = []
    for item in outline:
        out += _flatten(item) if isinstance(item, list) else [item]
    return out


def _fonts_embedded(reader: PdfReader) -> int:
    """Count fonts, asserting each one embeds its TrueType program."""
    seen = {}
    for page in reader.pages:
        for ref in page["/Resources"].get("/Font", {}).values():
            font = ref.get_object()
            desc = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            assert "/FontFile2" in desc["/FontDescriptor"], f"{font['/BaseFont']} is not embedded"
            seen[font["/BaseFont"]] = True
    return len(seen)


def test_author_metadata(tmp_path: Path) -> None:
    data, _ = render(write_source(tmp_path / "s.yaml", make_source(2, 3, 5)))
    assert PdfReader(io.BytesIO(data)).metadata.author == "Test Author"


def test_same_bytes_twice(tmp_path: Path) -> None:
    path = CONTENT[0]
    assert render(path)[0] == render(path)[0]
    generated = write_source(tmp_path / "g.yaml", make_source(4, 10, 30, long_cell=(2, 1), long_words=800))
    assert render(generated)[0] == render(generated)[0]


@pytest.mark.parametrize(
    ("size", "orientation"), [("a4", "portrait"), ("letter", "portrait"), ("a4", "landscape"), ("letter", "landscape")]
)
def test_page_size_follows_layout(tmp_path: Path, size: str, orientation: str) -> None:
    base = load_layout("classic")
    layout = base.model_copy(update={"page": base.page.model_copy(update={"size": size, "orientation": orientation})})
    data, _ = render(write_source(tmp_path / "s.yaml", make_source(3, 20, 25)), layout)
    expected = layout.page.dimensions()
    for page in PdfReader(io.BytesIO(data)).pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(expected, abs=0.5)


def test_six_subjects_keep_one_orientation_when_portrait_is_readable(tmp_path: Path) -> None:
    data, _ = render(write_source(tmp_path / "s.yaml", make_source(6, 8, 10)))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert all(page.width < page.height for page in pdf.pages)


def test_a_layout_may_ask_for_landscape_table_pages(tmp_path: Path) -> None:
    classic = load_layout("classic")
    table = classic.handout.table.model_copy(update={"landscape_from_subjects": 6})
    layout = classic.model_copy(update={"handout": classic.handout.model_copy(update={"table": table})})
    data, _ = render(write_source(tmp_path / "s.yaml", make_source(6, 8, 10)), layout)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        shapes = {page.page_number: page.width > page.height for page in pdf.pages}
        table_pages = [p.page_number for p in pdf.pages if "R0C0" in (p.extract_text() or "")]
    assert shapes[1] is False and all(shapes[n] for n in table_pages)
    assert shapes[max(shapes)] is False  # back to portrait after the table


def test_huge_cells_many_rows_six_subjects(tmp_path: Path) -> None:
    source = make_source(6, 80, 12, long_cell=(3, 2), long_words=3000)
    data, _ = render(write_source(tmp_path / "big.yaml", source))
    text = squash(flow_text(data))
    rows = source["table"]
    columns = [squash(column_text(data, f"R0C{c}", f"R0C{c + 1}" if c < 5 else None)) for c in range(6)]
    for r, row in enumerate(rows):
        assert squash(row["label"]) in text
        for c, value in enumerate(row["values"]):  # whole and in order in its column (a long row may split)
            assert squash(value) in columns[c], f"cell {r},{c} missing"
    column = columns[2]
    assert squash(rows[3]["values"][2]) in column  # the 3,000-word cell, whole and in order
    pages = page_texts(data)
    assert any(re.search(r"Attribute 3\s+\(cont\.\)", page) for page in pages)
    table_pages = [page for page in pages if re.search(r"R\d+C\d", page)]
    assert len(table_pages) > 3
    assert all(all(name in page for name in ("Athens", "Sparta", "Megara")) for page in table_pages)  # header repeats


def test_greek_and_cyrillic_extract(tmp_path: Path) -> None:
    source = make_source(2, 2, 4, language="el", title="Αθήνα και Σπάρτη")
    source["subjects"][0]["name"] = "Αθήνα"
    source["subjects"][1]["name"] = "Москва"
    source["table"][0]["values"] = ["Δημοκρατία των πολιτών", "Великое княжество Московское"]
    data, context = render(write_source(tmp_path / "el.yaml", source))
    text = squash(flow_text(data))
    for item in ("Αθήνακαι Σπάρτη", "Москва", "Δημοκρατία", "Великоекняжество"):
        assert squash(item) in text
    assert not [w for w in context.warnings if "cannot draw" in w.message]
    assert PdfReader(io.BytesIO(data)).trailer["/Root"]["/Lang"] == "el"


def test_markup_like_text_is_literal(tmp_path: Path) -> None:
    source = make_source(2, 2, 4, summary="Tags <b>&amp;</b> stay & so do <i>these</i>.")
    source["table"][1]["values"][0] = "a < b and <font size=40>x</font>"
    data, _ = render(write_source(tmp_path / "m.yaml", source))
    text = squash(flow_text(data))
    assert squash("Tags <b>&amp;</b> stay & so do <i>these</i>.") in text
    assert squash("a < b and <font size=40>x</font>") in text


def test_inline_bold_italic_and_links(tmp_path: Path) -> None:
    source = make_source(2, 2, 4, conclusion="A **bold claim** and *an aside* with [a link](https://example.org/x).")
    data, _ = render(write_source(tmp_path / "b.yaml", source))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        chars = [c for p in pdf.pages for c in p.chars]
        links = [a["uri"] for p in pdf.pages for a in p.hyperlinks]
    bold = "".join(c["text"] for c in chars if "Bold" in c["fontname"])
    italic = "".join(c["text"] for c in chars if "Italic" in c["fontname"] or "Oblique" in c["fontname"])
    assert "boldclaim" in squash(bold) and "anaside" in squash(italic)
    assert "https://example.org/x" in links and "https://example.org/book" in links
    assert "**" not in flow_text(data)


def test_characters_outside_the_fonts_warn_once(tmp_path: Path) -> None:
    # 漢字 is drawn by the CJK fallback font now; a brain emoji and a hieroglyph by no bundled font.
    source = make_source(2, 2, 4, note="Smile \U0001f9e0 and \U00013000 and 漢字 and again \U0001f9e0.")
    _, context = render(write_source(tmp_path / "e.yaml", source))
    glyph = [w for w in context.warnings if "cannot draw" in w.message]
    assert len(glyph) == 1
    assert "U+1F9E0" in glyph[0].message and "U+13000" in glyph[0].message and "漢" not in glyph[0].message


def test_footer_template_drops_dangling_separators() -> None:
    model = load_source(CONTENT[0])
    with_course = model.model_copy(update={"course": "History 101"})
    assert fill_template("{course}{sep}{title}", with_course) == f"History 101 · {model.title}"
    assert fill_template("{course}{sep}{title}", model.model_copy(update={"course": None})) == model.title
    assert (
        fill_template(
            "{author}{sep}{course}{sep}{date}", model.model_copy(update={"author": None, "course": None, "date": None})
        )
        == ""
    )


@pytest.mark.parametrize(
    "key, value, expected",
    [
        ("footer", "{teacher}", "unknown field {teacher}"),
        ("header", "{title", "expected '}'"),
        ("footer", "{title.upper}", "unknown field {title.upper}"),
        ("labels", {"page": "{page:>100000000}"}, "{page} takes no format"),
        ("labels", {"page": "{pages[0]}"}, "unknown field {pages[0]}"),
        ("labels", {"image_credit": "{credit!r}"}, "{credit} takes no format or conversion"),
    ],
)
def test_templates_are_checked_when_the_layout_loads(tmp_path: Path, key: str, value, expected: str) -> None:
    import yaml

    layout = tmp_path / "mine.yaml"
    layout.write_text(yaml.safe_dump({"extends": "classic", "handout": {key: value}}))
    with pytest.raises(LayoutError) as info:
        load_layout(str(layout))
    problem = info.value.problems[0]
    assert expected in problem.message and problem.file == layout and problem.line is not None


def test_footer_and_header_on_every_page(tmp_path: Path) -> None:
    base = load_layout("classic")
    layout = base.model_copy(update={"handout": base.handout.model_copy(update={"header": "{author}{sep}{date}"})})
    data, _ = render(write_source(tmp_path / "s.yaml", make_source(2, 30, 40)), layout)
    pages = page_texts(data)
    assert len(pages) > 1
    for number, page in enumerate(pages, start=1):
        assert f"page {number} of {len(pages)}" in page
        assert "History 101 · Generated comparison" in page and "Test Author · Spring 2026" in page


def test_subject_images_alt_warning_credit_and_downscale(tmp_path: Path) -> None:
    write_png(tmp_path / "a.png", (4000, 3000))
    write_png(tmp_path / "b.png", (60, 80))
    source = make_source(2, 2, 4)
    source["subjects"][0].update(image="a.png", image_credit="Photo by A. Person", image_alt="A red square")
    source["subjects"][1].update(image="b.png")
    data, context = render(write_source(tmp_path / "i.yaml", source))
    assert [w for w in context.warnings if "image_alt" in w.message and "Sparta" in w.message]
    assert not [w for w in context.warnings if "Athens" in w.message]
    assert "Image: Photo by A. Person" in page_texts(data)[0]
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        images = pdf.pages[0].images
    assert len(images) == 2 and max(i["srcsize"][0] for i in images) <= 1400


def test_corrupt_image_is_a_clean_error(tmp_path: Path, runner) -> None:
    (tmp_path / "bad.png").write_bytes(b"\x89PNG\r\n\x1a\nnot really a png")
    source = make_source(2, 2, 4)
    source["subjects"][0]["image"] = "bad.png"
    path = write_source(tmp_path / "c.yaml", source)
    with pytest.raises(HandoutsError) as info:
        render(path)
    assert "bad.png" in str(info.value)
    result = runner.invoke(app, ["build", str(path), "--to", "handout", "--out", str(tmp_path / "out")])
    assert result.exit_code != 0 and "bad.png" in result.output and "Traceback" not in result.output


def test_cli_build_handout(tmp_path: Path, runner) -> None:
    result = runner.invoke(app, ["build", str(CONTENT[0]), "--to", "handout", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    target = tmp_path / f"{CONTENT[0].stem}.handout.pdf"
    assert len(PdfReader(target).pages) >= 1


@pytest.mark.parametrize("case", ["long label", "long word", "no table", "eight long columns"])
def test_extreme_tables_lay_out(tmp_path: Path, case: str) -> None:
    from sources import words

    source = make_source(8 if case == "eight long columns" else 3, 0 if case == "no table" else 4, 6)
    if case == "long label":
        source["table"][1]["label"] = "Label " + words(1500)
    elif case == "long word":
        source["table"][0]["values"][1] = "x" * 3000
    elif case == "eight long columns":
        source["table"][1]["values"] = [f"C{i} " + words(400, seed=i) for i in range(8)]
    data, _ = render(write_source(tmp_path / "x.yaml", source))
    text = squash(flow_text(data))
    if case == "long word":  # split across pages: every x is there, in two or more runs
        assert text.count("x") >= 3000
        source["table"][0]["values"][1] = ""
    for row in source["table"]:
        for value in row["values"]:
            if case != "eight long columns" or len(value) < 400:
                assert squash(value) in text
    if case == "long label":  # continues on the next page below the repeated header
        labels = squash(column_text_label(data)).replace("AthensSpartaCorinth", "")
        assert squash(source["table"][1]["label"]) in labels


def column_text_label(data: bytes) -> str:
    """The label column's (bold table font) text in content order."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "".join(
            c["text"] for page in pdf.pages for c in page.chars if c["fontname"].endswith("DejaVuSansCondensed-Bold")
        )


def test_timeline_text_is_checked_for_glyphs_in_both_pdfs(tmp_path: Path) -> None:
    from handouts.render.timeline.document import render_timeline

    path = tmp_path / "tibet.yaml"
    path.write_text(
        "title: T\nsubjects: [{name: A}, {name: B}]\ntimeline:\n"
        '  - {date: 1959, label: "Event \u0f00 here"}\n  - {date: 1960, label: Later}\n',
        encoding="utf-8",
    )
    model, layout = load_source(path), load_layout("classic")
    for render in (render_handout, render_timeline):
        context = RenderContext(source_path=path)
        render(model, layout, context)
        assert any("U+0F00" in w.message for w in context.warnings), render.__name__


def test_subject_cards_never_break_a_name(tmp_path: Path) -> None:
    names = ["Athens", "Sparta", "Thebes", "Corinth", "Argos", "Persia"]
    path = write_source(tmp_path / "poleis.yaml", {"title": "Poleis", "subjects": [{"name": n} for n in names]})
    data = render_handout(load_source(path), load_layout("large-print"), RenderContext(source_path=path))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        words = {w["text"] for w in pdf.pages[0].extract_words()}
    assert set(names) <= words
