"""Graphic organizers read back: every word of the Venn diagram lies inside the
region it belongs to (circles taken from the drawing), never across a circle;
a filled and a blank copy of each organizer; tagged with a described Figure."""

from __future__ import annotations

import io
import math
import re
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handouts.layout.resolve import load_layout
from tests.conftest import CONTENT, LAYOUTS
from tests.sources import make_source, words_overlap, write_source
from tests.tagged_pdf import marking_problems, parent_tree_problems, reading
from tests.worksheet_helpers import render

TOKEN = re.compile(r"R(\d+)C(\d+)")


def circles(page) -> list[tuple[float, float, float]]:  # noqa: ANN001 - a pdfplumber page
    """The diagram's circles (centre x, centre top, radius), from their stroked outlines."""
    found = []
    for c in page.curves:
        w, h = c["x1"] - c["x0"], c["bottom"] - c["top"]
        if c.get("stroke") and w > 60 and abs(w - h) < 1:
            found.append(((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2, w / 2))
    return found


def membership(word: dict, rings: list[tuple[float, float, float]]) -> tuple[int, ...]:
    """The circles a word lies in; it must lie wholly in or wholly out of each."""
    corners = [(word[x], word[y]) for x in ("x0", "x1") for y in ("top", "bottom")]
    out = []
    for i, (cx, cy, r) in enumerate(rings):
        inside = [math.hypot(x - cx, y - cy) <= r for x, y in corners]
        assert all(inside) or not any(inside), f"{word['text']!r} crosses circle {i}"
        if all(inside):
            out.append(i)
    return tuple(out)


def venn_pages(data: bytes) -> tuple[list[dict], list, list[dict], list]:
    """(words, circles) of the filled Venn page and of the blank one."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = [(p.extract_words(extra_attrs=["size"]), circles(p)) for p in pdf.pages]
    with_circles = [p for p in pages if p[1]]
    assert len(with_circles) == 2, "a filled and a blank Venn"
    (filled, rings), (blank, blank_rings) = with_circles
    return filled, rings, blank, blank_rings


def check_venn(path: Path, layout_name: str, fits: bool = False) -> None:
    """Every word in or out of each circle, values in their subject's region (or the
    key), the shared heading in the middle; ``fits``: some values fit their regions."""
    data, model, _ = render("organizer", path, layout_name)
    layout = load_layout(layout_name)
    filled, rings, blank, blank_rings = venn_pages(data)
    n = len(model.subjects)
    assert len(rings) == n and [round(r[2]) for r in rings] == [round(r[2]) for r in blank_rings]
    both = layout.worksheet.labels.both if n == 2 else layout.worksheet.labels.all
    for word in filled:
        members = membership(word, rings)
        assert word["size"] >= layout.sizes.min - 0.01, f"{word['text']!r} below the layout's smallest size"
        token = TOKEN.search(word["text"])
        if token and members:
            assert members == (int(token[2]),), f"{word['text']} drawn in region {members}"
        if word["text"] == both and members:
            assert members == tuple(range(n)), "the shared heading is in the middle"
    assert any(w["text"] == both and membership(w, rings) for w in filled), "the middle says so"
    tokens_inside = {TOKEN.search(w["text"])[0] for w in filled if TOKEN.search(w["text"]) and membership(w, rings)}
    if fits:  # usable in every layout: large print shows fewer items in a region, never none
        shown = {int(TOKEN.search(t)[2]) for t in tokens_inside}
        assert shown == set(range(n)), f"every subject's region shows some of its values (only {shown})"
    assert all(not TOKEN.search(w["text"]) for w in blank), "the blank copy has no answers"
    every = {f"R{r}C{c}" for r, row in enumerate(model.table) for c, v in enumerate(row.cells()) if v}
    with pdfplumber.open(io.BytesIO(data)) as pdf:  # what is not in its region is in the key
        texts = [(p.extract_text(), bool(circles(p))) for p in pdf.pages]
    first, second = [i for i, (_, ringed) in enumerate(texts) if ringed]
    below = texts[first][0].split(layout.worksheet.labels.key, 1)[1:]  # a key under the diagram, if any
    keyed = set(re.findall(r"R\d+C\d+", " ".join(below + [t for t, _ in texts[first + 1 : second]])))
    assert every <= tokens_inside | keyed, "every value is in its region or in the key"
    assert not tokens_inside & keyed, "the key lists only what its region could not show"
    assert words_overlap(data) == []


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("n", [2, 3])
def test_venn_words_lie_in_their_regions(tmp_path: Path, n: int, layout: str) -> None:
    path = write_source(tmp_path / "s.yaml", make_source(n, 5, 5))
    check_venn(path, layout, fits=True)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("path", CONTENT, ids=lambda p: p.stem)
def test_bundled_organizers(path: Path, layout: str) -> None:
    data, model, _ = render("organizer", path, layout)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        texts = [p.extract_text() for p in pdf.pages]
        for page in pdf.pages:
            for word in page.extract_words():
                assert word["x0"] >= 0 and word["x1"] <= page.width and word["bottom"] <= page.height
    labels = load_layout(layout).worksheet.labels
    assert sum(labels.tchart in t for t in texts) == 2, "a filled and a blank T-chart"
    assert sum(f"{labels.venn} {labels.blank_page}" in t for t in texts) == 1
    assert words_overlap(data) == []


def test_three_subjects_get_a_matrix_and_six_only_a_matrix(tmp_path: Path) -> None:
    for n, venns in ((3, 2), (6, 0)):
        path = write_source(tmp_path / f"s{n}.yaml", make_source(n, 3, 4))
        data, model, _ = render("organizer", path)
        labels = load_layout("classic").worksheet.labels
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            texts = [p.extract_text() for p in pdf.pages]
            assert sum(bool(circles(p)) for p in pdf.pages) == venns
        assert sum(labels.matrix in t for t in texts) == 2 and not any(labels.tchart in t for t in texts)
        blank_matrix = next(t for t in texts if f"{labels.matrix} {labels.blank_page}" in t)
        assert not TOKEN.search(blank_matrix) and "Attribute 2" in blank_matrix


def test_venn_is_a_figure_described_in_words(tmp_path: Path) -> None:
    data_in = make_source(2, 3, 3, similarities=["Both were cities."])
    path = write_source(tmp_path / "s.yaml", data_in)
    data, model, _ = render("organizer", path)
    pdf = pikepdf.open(io.BytesIO(data))
    assert marking_problems(pdf) == [] and parent_tree_problems(pdf) == []
    nodes = reading(data)
    figures = [n for n in nodes if n.kind == "Figure"]
    assert len(figures) == 2
    alt = figures[0].alt
    assert "Athens" in alt and "Sparta" in alt and "Both were cities." in alt and "R1C0" in alt
    assert {"Table", "TH", "TD"} <= {n.kind for n in nodes}
    assert render("organizer", path)[0] == data, "the same bytes twice"


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    n=st.integers(2, 3),
    rows=st.integers(1, 9),
    size=st.sampled_from([1, 4, 12, 40]),
    layout=st.sampled_from(LAYOUTS),
    similarities=st.integers(0, 6),
)
def test_any_venn_fits(tmp_path_factory, n: int, rows: int, size: int, layout: str, similarities: int) -> None:  # noqa: ANN001
    from tests.sources import words

    data = make_source(n, rows, size, similarities=[words(8 + 3 * k, seed=k) for k in range(similarities)])
    check_venn(write_source(tmp_path_factory.mktemp("venn") / "s.yaml", data), layout)


def test_long_values_in_large_print_give_a_t_chart_with_notes_space_not_pages(tmp_path: Path) -> None:
    """Nine 40-word values a subject: the blank T-chart's cells are ruled for notes, at most
    about a third of a page each (a row taller than a page cannot split inside a T)."""
    path = write_source(tmp_path / "s.yaml", make_source(2, 9, 40))
    data, _, _ = render("organizer", path, "large-print")
    labels = load_layout("large-print").worksheet.labels
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        blank = [p for p in pdf.pages if f"{labels.tchart} {labels.blank_page}" in (p.extract_text() or "")]
        assert len(blank) == 1
        page = blank[0]
        rules = sorted({round(line["top"]) for line in page.lines if line["x1"] - line["x0"] > 40})
        assert len(rules) > 9, "ruled writing space under the prompts"
        for label in ("Attribute 0", "Attribute 1"):
            assert label in page.extract_text()
