"""Print-grade handouts (issue 17), read back from the PDFs as a reader sees them:
glyph sizes in large print, words never broken without a hyphen, toner used by
the ink saver, how full the pages are, where rows and headings fall, shared
values, pictures and footers."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handouts.layout.resolve import load_layout
from handouts.render.pdf.text import typeset
from tests.conftest import CONTENT, LAYOUTS, needs
from tests.print_metrics import TEST_SOURCES, broken_words, coverage, read_pages, render, source_words
from tests.sources import make_source, write_png, write_source

SOURCES = CONTENT + TEST_SOURCES
SIX = next(p for p in TEST_SOURCES if p.stem == "revolutions")


@pytest.fixture(scope="module")
def pdfs() -> dict[tuple[str, str], bytes]:
    """Every bundled and test source in every built-in layout, rendered once."""
    return {(path.stem, layout): render(path, layout) for path in SOURCES for layout in LAYOUTS}


def _pdf(pdfs: dict, path: Path, layout: str) -> bytes:
    return pdfs[(path.stem, layout)]


# -- large print ----------------------------------------------------------------
@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_large_print_has_no_glyph_under_16_pt(pdfs: dict, path: Path) -> None:
    pages = read_pages(_pdf(pdfs, path, "large-print"), "large-print")
    sizes = [size for page in pages for size in page.sizes]
    assert sizes and min(sizes) >= 16 - 0.01, f"smallest glyph {min(sizes)} pt"


def test_large_print_footer_wraps_instead_of_clipping(pdfs: dict) -> None:
    data = _pdf(pdfs, TEST_SOURCES[0], "large-print")  # a long title and course: two footer lines
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        foot = page.crop((0, page.height - load_layout("large-print").page.margins.bottom, page.width, page.height))
        text = " ".join((foot.extract_text() or "").split())
    assert "\u2026" not in text and "Post-Impressionism vs. Cubism" in text


def test_large_print_emphasis_is_bold_not_italic(tmp_path: Path) -> None:
    source = make_source(2, 2, 4, summary="This is *important* to know.")
    data = render(write_source(tmp_path / "s.yaml", source), "large-print")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        fonts = {c["fontname"] for page in pdf.pages for c in page.chars}
    assert not [f for f in fonts if "Oblique" in f or "Italic" in f]
    assert [f for f in fonts if "Bold" in f]


# -- words ----------------------------------------------------------------------
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_no_word_is_broken_without_a_hyphen(pdfs: dict, path: Path, layout: str) -> None:
    pages = read_pages(_pdf(pdfs, path, layout), layout)
    assert broken_words(pages, source_words(path, layout)) == []


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    subjects=st.integers(2, 6),
    rows=st.integers(1, 6),
    cell_words=st.integers(1, 40),
    layout=st.sampled_from(LAYOUTS),
    long_label=st.booleans(),
)
def test_generated_sources_print_whole_words_at_the_layout_sizes(
    tmp_path: Path, subjects: int, rows: int, cell_words: int, layout: str, long_label: bool
) -> None:
    source = make_source(subjects, rows, cell_words)
    source["subjects"][0]["name"] = "Post-Impressionism"
    if long_label:
        source["table"][0]["label"] = "Representation of space and perspective"
    path = write_source(tmp_path / f"g{subjects}{rows}{cell_words}{layout}.yaml", source)
    pages = read_pages(render(path, layout), layout)
    assert broken_words(pages, source_words(path, layout)) == []
    smallest = load_layout(layout).sizes.min
    assert min(s for p in pages for s in p.sizes) >= min(smallest, load_layout(layout).timeline.min_size) - 0.01


# -- ink ------------------------------------------------------------------------
@needs("pdftoppm")
@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_ink_saver_uses_at_most_70_percent_of_classics_toner(pdfs: dict, path: Path) -> None:
    ink, classic = coverage(_pdf(pdfs, path, "ink-saver")), coverage(_pdf(pdfs, path, "classic"))
    assert sum(ink) <= 0.70 * sum(classic), f"total {sum(ink) / sum(classic):.2f} of classic's"
    assert max(ink) <= 0.70 * max(classic), f"darkest page {max(ink) / max(classic):.2f} of classic's"


def test_ink_saver_has_no_filled_areas(pdfs: dict) -> None:
    for path in SOURCES:
        with pdfplumber.open(io.BytesIO(_pdf(pdfs, path, "ink-saver"))) as pdf:
            for page in pdf.pages:
                big = [r for r in page.rects if r["fill"] and r["width"] > 20 and r["height"] > 8 and _inked(r)]
                assert not big, (
                    f"{path.stem} page {page.page_number}: filled {big[0]['width']:.0f}x{big[0]['height']:.0f}"
                )


# -- pages ----------------------------------------------------------------------
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("path", [*CONTENT, SIX], ids=lambda p: p.stem)
def test_no_page_but_the_last_is_under_half_full(pdfs: dict, path: Path, layout: str) -> None:
    pages = read_pages(_pdf(pdfs, path, layout), layout)
    assert [round(p.fill, 2) for p in pages[:-1] if p.fill < 0.5] == []


def test_short_rows_never_split_and_headings_keep_two_lines(tmp_path: Path) -> None:
    source = make_source(3, 60, 5, sections=6)
    data = render(write_source(tmp_path / "rows.yaml", source), "classic")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        where: dict[str, set[int]] = {}
        for page in pdf.pages:
            for word in page.extract_words():
                if word["text"].startswith("R") and "C" in word["text"]:
                    where.setdefault(word["text"].split("C")[0], set()).add(page.page_number)
            heading_size = load_layout("classic").sizes.heading
            lines = sorted({round(c["top"]) for c in page.chars if c["size"] < heading_size - 0.5})
            heads = [c["bottom"] for c in page.chars if abs(c["size"] - heading_size) < 0.01]
            if heads:
                below = [t for t in lines if t > max(heads) and t < page.height - 60]
                assert len(below) >= 2, f"a heading with {len(below)} lines under it on page {page.page_number}"
        text = "".join(p.extract_text() or "" for p in pdf.pages)
    assert all(len(pages) == 1 for pages in where.values()), "a short row split across pages"
    assert "(cont.)" not in text


# -- table ----------------------------------------------------------------------
def test_a_shared_value_is_one_cell_spanning_the_subjects(pdfs: dict) -> None:
    path = next(p for p in TEST_SOURCES if p.stem == "athens-sparta-long")
    data = _pdf(pdfs, path, "classic")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = "".join((p.extract_text() or "") for p in pdf.pages)
        words = [w for p in pdf.pages for w in p.extract_words()]
    assert text.count("Shared gods of Olympus") == 1
    line = [w for w in words if w["text"] in ("Shared", "Artemis")]
    sparta = next(w for w in words if w["text"] == "Sparta" and w["top"] < 400)
    assert max(w["x1"] for w in line) > sparta["x0"]  # runs on past the second column's start
    with pikepdf.open(io.BytesIO(data)) as pdf:
        spans = [
            e
            for e in _elements(pdf.Root.StructTreeRoot)
            if e.get("/S") == "/TD" and "/A" in e and e.A.get("/ColSpan") == 2
        ]
    assert len(spans) == 1


def _inked(rect: dict) -> bool:
    """A fill that puts toner down (white or near-white fills do not)."""
    color = rect.get("non_stroking_color")
    values = [color] if isinstance(color, int | float) else list(color or [0])
    return min(values) < 0.95 if len(values) != 4 else max(values) > 0.05


def _elements(node):  # noqa: ANN001, ANN202 - pikepdf objects
    kids = node.get("/K")
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid
            yield from _elements(kid)


def test_six_subjects_in_large_print_turn_to_rows(pdfs: dict) -> None:
    data = _pdf(pdfs, SIX, "large-print")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert all(page.width < page.height for page in pdf.pages)
        words = [w["text"] for p in pdf.pages for w in p.extract_words()]
    assert words.count("Haitian") >= 7  # the card and one row per attribute that is not shared


def test_label_column_fits_its_longest_word_within_30_percent(tmp_path: Path) -> None:
    source = make_source(3, 3, 8)
    source["table"][0]["label"] = "Representation of space"
    data = render(write_source(tmp_path / "l.yaml", source), "classic")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = next(p for p in pdf.pages if "Representation" in (p.extract_text() or ""))
        words = page.extract_words()
        label = next(w for w in words if w["text"] == "Representation")
        first = next(w for w in words if w["text"] == "R0C0")
    frame = page.width - 2 * load_layout("classic").page.margins.left
    assert first["x0"] - label["x0"] <= 0.3 * frame + 1  # the label column, with the word whole


# -- finish ---------------------------------------------------------------------
def test_typographic_quotes_dashes_and_no_break_spaces() -> None:
    assert typeset('He said "yes" in 1917-1924, c. 1928 and 490 BC') == (
        "He said \u201cyes\u201d in 1917\u20131924, c.\u00a01928 and 490\u00a0BC"
    )
    assert typeset('"ja"', "de") == "\u201eja\u201c" and typeset('"да"', "ru") == "\u00abда\u00bb"
    assert typeset("it's") == "it\u2019s"
    assert typeset("[a-b](https://x.org/1-2 'q')").count("1-2") == 1  # links untouched


def test_pictures_print_at_one_size_with_the_credit_underneath(pdfs: dict) -> None:
    path = next(p for p in TEST_SOURCES if p.stem == "art-movements")
    with pdfplumber.open(io.BytesIO(_pdf(pdfs, path, "classic"))) as pdf:
        page = pdf.pages[0]
        images = page.images
        credits = [w for w in page.extract_words() if w["text"] == "Image:"]
    assert len(images) == 3 and len({(round(i["width"]), round(i["height"])) for i in images}) == 1
    for image in images:
        under = [c for c in credits if abs(c["x0"] - image["x0"]) < 2 and 0 <= c["top"] - image["bottom"] < 12]
        assert under, "the credit sits right under its picture"


def test_ink_saver_pictures_are_light_gray(tmp_path: Path) -> None:
    source = make_source(2, 1, 3)
    source["subjects"][0]["image"] = write_png(tmp_path / "p.png").name
    data = render(write_source(tmp_path / "s.yaml", source), "ink-saver")
    with pikepdf.open(io.BytesIO(data)) as pdf:
        images = [pikepdf.PdfImage(x) for p in pdf.pages for x in p.get_images().values()]
        assert images and all(i.colorspace == "/DeviceGray" for i in images)
        darkest = min(i.as_pil_image().getextrema()[0] for i in images)
    assert darkest >= 255 * 0.5  # (120, 40, 40) would print at ~62: now light
