"""The card sort read back: cut lines drawn at one fixed card size on A4 and Letter,
every card's words inside its cut lines, every value and event on a card, a key."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handouts.layout.resolve import load_layout
from handouts.render.worksheet.cards import card_size
from tests.conftest import CONTENT, LAYOUTS
from tests.sources import make_source, words, words_overlap, write_source
from tests.tagged_pdf import marking_problems, parent_tree_problems
from tests.worksheet_helpers import inside, render


def card_boxes(page) -> list[tuple[float, float, float, float]]:  # noqa: ANN001 - a pdfplumber page
    """The cards on a page, from the dashed cut lines: (x0, top, x1, bottom) of each cell."""
    cuts = [ln for ln in page.lines if ln.get("dash") and ln["dash"][0]]
    xs = sorted({round(ln["x0"], 1) for ln in cuts if abs(ln["x0"] - ln["x1"]) < 0.1})
    ys = sorted({round(ln["top"], 1) for ln in cuts if abs(ln["top"] - ln["bottom"]) < 0.1})
    boxes = []
    for top, bottom in zip(ys, ys[1:]):
        for x0, x1 in zip(xs, xs[1:]):
            left = [
                ln
                for ln in cuts
                if abs(ln["x0"] - x0) < 0.2 and ln["top"] <= top + 0.2 and ln["bottom"] >= bottom - 0.2
            ]
            if left:
                boxes.append((x0, top, x1, bottom))
    return boxes


def check_cards(path: Path, layout_name: str) -> None:
    data, model, context = render("cards", path, layout_name)
    layout = load_layout(layout_name)
    w, h = card_size(layout)
    count = sum(v is not None for row in model.table for v in row.cells()) + len(model.timeline)
    numbers: list[int] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = pdf.pages
        for page in pages:
            boxes = card_boxes(page)
            for x0, top, x1, bottom in boxes:
                assert abs((x1 - x0) - w) < 0.5 and abs((bottom - top) - h) < 0.5, "one card size"
            for word in page.extract_words():
                holder = [b for b in boxes if inside(word, b, slack=-0.5)]
                if word["top"] > (boxes[0][1] if boxes else page.height) and word["bottom"] < boxes[-1][3]:
                    assert holder, f"{word['text']!r} is not inside a card's cut lines"
                corner = holder and word["x1"] > holder[0][2] - w * 0.3 and word["bottom"] > holder[0][3] - 15
                if corner and re.fullmatch(r"\d+", word["text"]):
                    numbers.append(int(word["text"]))
        key = pages[-1].extract_text()
    assert sorted(numbers) == list(range(1, count + 1)), "every value and event is on a numbered card"
    for subject in model.subjects:
        assert subject.name in key
    listed = {int(n) for n in re.findall(r"\d+", key.split(layout.worksheet.labels.cards_key)[1])}
    assert set(range(1, count + 1)) <= listed, "the one-page key names every card"
    assert words_overlap(data) == []


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("path", CONTENT, ids=lambda p: p.stem)
def test_bundled_card_sorts(path: Path, layout: str) -> None:
    check_cards(path, layout)


def test_cards_are_the_same_size_on_a4_and_letter(tmp_path: Path) -> None:
    path = write_source(tmp_path / "s.yaml", make_source(3, 5, 4))
    sizes = set()
    for layout in ("classic", "letter"):
        data, _, _ = render("cards", path, layout)
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            boxes = card_boxes(pdf.pages[0])
            sizes |= {(round(b[2] - b[0]), round(b[3] - b[1])) for b in boxes}
            assert len(boxes) >= 6
    assert len(sizes) == 1


def test_card_sort_is_tagged_and_the_same_twice(tmp_path: Path) -> None:
    events = [{"date": f"19{k}0", "label": f"Happening {k}"} for k in range(1, 4)]
    path = write_source(tmp_path / "s.yaml", make_source(2, 3, 3, timeline=events))
    data, model, _ = render("cards", path)
    pdf = pikepdf.open(io.BytesIO(data))
    assert marking_problems(pdf) == [] and parent_tree_problems(pdf) == []
    assert render("cards", path)[0] == data


def test_a_text_too_long_for_a_card_is_shortened_with_a_warning(tmp_path: Path) -> None:
    data = make_source(2, 2, 3)
    data["table"][0]["values"][0] = words(400)
    path = write_source(tmp_path / "s.yaml", data)
    _, _, context = render("cards", path)
    assert [w for w in context.warnings if "too long for a card" in w.message]
    check_cards(path, "classic")


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    n=st.integers(2, 8), rows=st.integers(1, 5), size=st.sampled_from([1, 5, 20, 80]), layout=st.sampled_from(LAYOUTS)
)
def test_any_card_sort(tmp_path_factory, n: int, rows: int, size: int, layout: str) -> None:  # noqa: ANN001
    events = [{"date": f"{1900 + k}", "label": words(1 + k, seed=k)} for k in range(3)]
    path = write_source(tmp_path_factory.mktemp("cards") / "s.yaml", make_source(n, rows, size, timeline=events))
    check_cards(path, layout)
