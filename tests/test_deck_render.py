"""Decks rendered for real by LibreOffice: every word it draws lies inside a
text-bearing shape of its slide and inside the slide; one PDF page per slide.

All decks are converted in ONE soffice call (each start costs seconds).
Skipped when soffice is missing; CI installs it.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from handouts.layout.resolve import load_layout
from tests.conftest import CONTENT, LAYOUTS, needs
from tests.deck_helpers import (
    adversarial_source,
    convert,
    open_deck,
    overflow_problems,
    render,
    stress_source,
    write_source,
)

pytestmark = needs("soffice")

CASES = {
    "en-3-subjects-80-rows-3000-word-cell": dict(subjects=3, rows=80, huge_cell_words=3000),
    "ru-6-subjects": dict(subjects=6, rows=8, huge_cell_words=800, language="ru"),
    "el-2-subjects": dict(subjects=2, rows=12, huge_cell_words=1200, language="el"),
    "en-6-subjects-60-rows": dict(subjects=6, rows=60, huge_cell_words=0),
}
# Adversarial sources (long URLs and words, tabs, zero-width spaces; 3 to 8 subjects) in every built-in layout.
ADVERSARIAL = {f"adversarial-{seed}-{layout}": (seed, layout) for seed in range(2) for layout in LAYOUTS}


def _overflowing_control(deck: bytes) -> bytes:
    """A deck with one text box too small for its text: the check must catch it."""
    from pptx.enum.text import MSO_AUTO_SIZE
    from pptx.util import Pt

    prs = open_deck(deck)
    box = prs.slides[1].shapes.add_textbox(Pt(40), Pt(300), Pt(200), Pt(30))
    box.text_frame.word_wrap = True
    box.text_frame.auto_size = MSO_AUTO_SIZE.NONE
    box.text_frame.text = "This sentence is far too long for a box of one line and must spill below it. " * 3
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, tuple[bytes, Path]]:
    folder = tmp_path_factory.mktemp("decks")
    decks: dict[str, bytes] = {}
    for name, options in CASES.items():
        decks[name] = render(write_source(folder, stress_source(**options), f"{name}.yaml"))
    for name, (seed, layout) in ADVERSARIAL.items():
        source = write_source(folder, adversarial_source(seed, subjects=8 - 5 * seed), f"{name}.yaml")
        decks[name] = render(source, load_layout(layout))
    for source in CONTENT:
        decks[source.stem] = render(source)
    decks["control-overflow"] = _overflowing_control(decks[CONTENT[0].stem])
    paths = []
    for name, data in decks.items():
        path = folder / f"{name}.pptx"
        path.write_bytes(data)
        paths.append(path)
    pdfs = convert(paths, folder)
    return {name: (data, pdf) for (name, data), pdf in zip(decks.items(), pdfs)}


@pytest.mark.parametrize("name", [*CASES, *ADVERSARIAL, *(p.stem for p in CONTENT)])
def test_no_word_leaves_its_shape_or_the_slide(rendered, name: str) -> None:
    data, pdf = rendered[name]
    assert pdf.exists(), f"LibreOffice did not convert {name}"
    problems = overflow_problems(data, pdf)
    assert not problems, "\n".join(problems[:20])


def test_huge_sources_really_needed_continuation_slides(rendered) -> None:
    import pdfplumber

    data, pdf = rendered["en-3-subjects-80-rows-3000-word-cell"]
    prs = open_deck(data)
    with pdfplumber.open(pdf) as doc:
        assert len(doc.pages) == len(prs.slides) > 60
        text = "\n".join(page.extract_text() or "" for page in doc.pages[:5])
    assert "(cont.)" in text


def test_the_check_catches_an_overflowing_box(rendered) -> None:
    data, pdf = rendered["control-overflow"]
    problems = overflow_problems(data, pdf)
    assert problems and all("slide 2 " in p for p in problems)


@pytest.mark.parametrize("name", [*ADVERSARIAL, *(p.stem for p in CONTENT)])
def test_libreoffice_draws_each_slide_number_and_the_course_at_the_minimum_size(rendered, name: str) -> None:
    """The footer as a viewer draws it: the slide's own number at the bottom right and the course
    at the bottom, never under the deck's minimum (a field in a placeholder is set in the master's
    style unless it carries its own size: caught here, not by reading the XML)."""
    import pdfplumber

    data, pdf = rendered[name]
    layout = load_layout(ADVERSARIAL[name][1]) if name in ADVERSARIAL else load_layout()
    smallest = layout.deck.sizes.min
    prs = open_deck(data)
    height = prs.slide_height / 12_700
    course = None
    with pdfplumber.open(pdf) as doc:
        for number, page in enumerate(doc.pages[1:], start=2):
            low = [w for w in page.extract_words(extra_attrs=["size"]) if w["top"] > height - 3 * smallest]
            assert [w["text"] for w in low if w["x0"] > page.width * 0.85] == [str(number)], f"page {number}"
            assert min(w["size"] for w in low) >= smallest - 0.1, f"page {number}"
            texts = " ".join(w["text"] for w in low if w["x0"] <= page.width * 0.85)
            course = texts if course is None else course
            assert texts == course, f"page {number}: the footer differs"  # the same course on every slide
