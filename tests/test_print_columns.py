"""Two balanced columns of prose on landscape pages (issue 17): lines of a
readable measure instead of ~150 characters or half a page left empty; one
column where a page holds only one such line; read back in order; a label
never ends a column; columns of equal height."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handouts.layout.resolve import load_layout
from handouts.render.pdf.styles import build_styles, prose_columns
from tests.conftest import LAYOUTS
from tests.print_metrics import render
from tests.sources import make_source, words, write_source
from tests.tagged_pdf import marking_problems, parent_tree_problems, read_aloud


def long_prose(tmp_path: Path, summary: int = 260, section: int = 300, label: int = 80) -> Path:
    source = make_source(3, 3, 4, summary=words(summary, 1), conclusion=words(60, 2))
    first = source["subjects"][0]["id"]
    source["sections"] = [{"heading": "Economy", "body": words(section, 3), "by_subject": {first: words(label, 5)}}]
    return write_source(tmp_path / "prose.yaml", source)


def column_lines(data: bytes, start: str, stop: str, columns: bool = True) -> tuple[list[str], list[str], list[float]]:
    """The first page's lines between the word ``start`` and the heading ``stop``,
    left and right of the middle, and the left and right columns' first tops."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        found = page.extract_words()
        top = next(w for w in found if w["text"] == start)["top"]
        bottom = next(w for w in found if w["text"] == stop)["top"]
        middle = page.width / 2
        sides: list[dict[int, list]] = [{}, {}]
        for char in page.chars:
            if top - 1 <= char["top"] < bottom - 1:
                if columns and char["x0"] < middle < char["x1"]:
                    raise AssertionError("a line crosses the middle")
                sides[char["x0"] > middle].setdefault(round(char["top"]), []).append(char)
    lines = [
        ["".join(c["text"] for c in sorted(v, key=lambda c: c["x0"])) for _, v in sorted(side.items())]
        for side in sides
    ]
    tops = [min(side) if side else -1.0 for side in sides]
    return lines[0], lines[1], tops


def test_only_landscape_sets_prose_in_two_columns() -> None:
    for name in LAYOUTS:
        layout = load_layout(name)
        expected = 2 if layout.page.orientation == "landscape" else 1
        assert prose_columns(layout, build_styles(layout).body.fontName) == expected, name


def test_landscape_prose_is_two_balanced_columns_of_a_readable_measure(tmp_path: Path) -> None:
    data = render(long_prose(tmp_path), "landscape")
    left, right, tops = column_lines(data, "Congress", "Comparison")
    assert len(left) >= 2 and len(right) >= 2
    assert abs(len(left) - len(right)) <= 1, (len(left), len(right))  # balanced
    assert max(len(line) for line in left + right) <= 85  # about the measure, not ~150
    assert tops[0] == pytest.approx(tops[1], abs=1)


def test_portrait_prose_stays_one_column(tmp_path: Path) -> None:
    data = render(long_prose(tmp_path), "classic")
    left, right, _ = column_lines(data, "Congress", "Comparison", columns=False)
    assert len(left) > 4 and len(right) == len(left)  # each line runs past the middle: no second column


def test_columns_read_in_order_and_stay_tagged(tmp_path: Path) -> None:
    data = render(long_prose(tmp_path), "landscape")
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert marking_problems(pdf) == [] and parent_tree_problems(pdf) == []
    text = read_aloud(data).replace(" ", "").replace("-", "")
    for part in (words(260, 1), words(300, 3), words(80, 5), words(60, 2)):
        assert part.replace(" ", "").replace("-", "") in text


def test_a_subject_label_never_ends_a_column(tmp_path: Path) -> None:
    """The section body fills the first column to its foot: the label goes over with its text."""
    for body in range(150, 420, 30):
        data = render(long_prose(tmp_path, summary=40, section=body), "landscape")
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                lines = page.extract_text_lines()
                for label in (line for line in lines if line["text"].endswith("Athens") and len(line["text"]) < 12):
                    below = [
                        line
                        for line in lines
                        if line["top"] > label["top"] and abs(line["x0"] - label["x0"]) < 20 and line is not label
                    ]
                    assert below, f"label alone at a column's foot (body of {body} words)"


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(summary=st.integers(1, 700), section=st.integers(1, 900), label=st.integers(0, 200))
def test_any_amount_of_prose_lays_out_without_losing_words(
    tmp_path: Path, summary: int, section: int, label: int
) -> None:
    data = render(long_prose(tmp_path, summary, section, max(1, label)), "landscape")
    text = read_aloud(data).replace(" ", "").replace("-", "")
    assert words(summary, 1).replace(" ", "").replace("-", "") in text
    assert words(section, 3).replace(" ", "").replace("-", "") in text
