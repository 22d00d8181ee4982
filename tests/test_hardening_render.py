"""Hardening on the renderers' side (issue 21): their messages name the
source's key paths the way the loader does (list items counted from 1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from handouts.errors import HandoutsError
from handouts.layout.resolve import load_layout
from handouts.pipeline.outputs import OUTPUTS
from handouts.render.context import RenderContext
from handouts.source.loader import load_source

TWO_PICTURES = """\
title: Athens vs. Sparta
subjects:
  - name: Athens
  - name: Sparta
    image: sparta.jpg
    image_alt: A Spartan helmet
"""


@pytest.mark.parametrize("kind", ["handout", "deck", "html"])
def test_a_broken_picture_is_named_by_its_key_path_from_one(tmp_path: Path, kind: str) -> None:
    from PIL import Image

    Image.new("RGB", (40, 30), "red").save(tmp_path / "sparta.jpg")
    source = tmp_path / "greece.yaml"
    source.write_text(TWO_PICTURES)
    model, layout, context = load_source(source), load_layout("classic"), RenderContext(source_path=source)
    (tmp_path / "sparta.jpg").write_bytes(b"\xff\xd8\xff\xe0 not a jpeg")  # replaced after loading (watch)
    with pytest.raises(HandoutsError) as info:
        OUTPUTS[kind].renderer()(model, layout, context)
    problem = info.value.first
    assert problem.key == "subjects[2].image", problem  # the second subject, as `check` says
    assert "cannot read the picture" in problem.message


def test_a_missing_alt_is_counted_from_one(tmp_path: Path) -> None:
    from PIL import Image

    Image.new("RGB", (40, 30), "red").save(tmp_path / "sparta.jpg")
    source = tmp_path / "greece.yaml"
    source.write_text(TWO_PICTURES.replace("    image_alt: A Spartan helmet\n", ""))
    context = RenderContext(source_path=source)
    OUTPUTS["deck"].renderer()(load_source(source), load_layout("classic"), context)
    assert [w.key for w in context.warnings if w.key.startswith("subjects")] == ["subjects[2].image_alt"]


def test_the_footer_is_shortened_in_a_logarithmic_number_of_measurements(monkeypatch) -> None:
    from reportlab.pdfbase import pdfmetrics

    from handouts.render.fonts import register_family
    from handouts.render.pdf.page import footer_lines

    font = register_family("DejaVu Sans", ("regular",))["regular"]
    calls = []
    measure = pdfmetrics.stringWidth
    monkeypatch.setattr(pdfmetrics, "stringWidth", lambda text, *a: calls.append(text) or measure(text, *a))
    text = "Peloponnesian War " * 1000  # 18,000 characters
    lines = footer_lines(text, font, 9, 300)
    tries = [t for t in calls if t.endswith("\u2026")]  # measuring a shortened candidate
    assert len(tries) <= 20  # was one per character removed: ~17,900
    assert len(lines) == 2 and lines[0] == "Peloponnesian War " * 2 + "Peloponnesian War"
    assert lines[1].endswith("\u2026") and measure(lines[1], font, 9) <= 300
    rest = text[len(lines[0]) + 1 :]
    assert rest.startswith(lines[1][:-1])
    for n in range(len(lines[1]), len(rest)):  # keeping one more character would not fit
        longer = rest[:n].rstrip() + "\u2026"
        if longer != lines[1]:
            assert measure(longer, font, 9) > 300
            break


def test_ellipsize_keeps_what_fits(monkeypatch) -> None:
    from handouts.render.fonts import register_family
    from handouts.render.pdf.fitting import ellipsize

    font = register_family("DejaVu Sans", ("regular",))["regular"]
    assert ellipsize("Athens", font, 9, 300) == "Athens"
    assert ellipsize("Athens and Sparta", font, 9, 1) == "\u2026"  # nothing fits: the ellipsis alone


@pytest.mark.parametrize("layout_name", ["classic", "large-print"])
def test_a_long_title_is_shortened_in_the_footer_within_the_margins(tmp_path: Path, layout_name: str) -> None:
    import io

    import pdfplumber

    from handouts.render.handout.document import render_handout

    title = "Sparta" + "x" * 140 + " and Athens " + "y" * 142  # 300 characters: the limit
    source = tmp_path / "long.yaml"
    source.write_text(f"title: {title}\ncourse: History 9\nsubjects:\n  - name: Athens\n  - name: Sparta\n")
    layout = load_layout(layout_name)
    pdf = render_handout(load_source(source), layout, RenderContext(source_path=source))
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        page = document.pages[0]
        bottom = [w for w in page.extract_words() if w["top"] > page.height - layout.page.margins.bottom]
        assert bottom, "no footer"
        assert all(
            layout.page.margins.left - 1 <= w["x0"] and w["x1"] <= page.width - layout.page.margins.right + 1
            for w in bottom
        )
        text = " ".join(w["text"] for w in bottom)
        assert "History 9" in text and "\u2026" in text and "Sparta" in text


def _build_fails(runner, source: Path, tmp_path: Path, kinds: str, *sets: str) -> str:
    from handouts.cli import app

    args = ["build", str(source), "-j", "1", "--to", kinds, "--out", str(tmp_path / "out")]
    for setting in sets:
        args += ["--set", setting]
    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.output
    output = result.output
    for internal in ("Flowable", "0x", "frame", "template", "Traceback", "internal error"):
        assert internal not in output, output  # reportlab's own words never reach the teacher
    return output


def test_a_table_row_taller_than_a_page_is_named_with_its_line(runner, tmp_path: Path) -> None:
    source = tmp_path / "long.yaml"
    word = "Q" * 2000  # one unbreakable word: broken by characters, a column of them
    source.write_text(
        "title: Long\nsubjects:\n  - name: Athens\n  - name: Sparta\ntable:\n"
        f"  - label: Navy\n    values: [a, b]\n  - label: Army\n    values: [{word}, small]\n"
    )
    output = _build_fails(runner, source, tmp_path, "worksheet", "sizes.table=60")
    assert f"{source}:8:5: table[2]: the worksheet could not be laid out: a page has no room for row 2 of" in output
    assert "pt tall; a page holds" in output
    assert "hint: shorten that row's values or split it into two rows" in output


def test_a_timeline_key_too_large_names_the_timeline_and_what_to_change(runner, tmp_path: Path) -> None:
    from tests.conftest import CONTENT

    output = _build_fails(runner, CONTENT[0], tmp_path, "timeline", "timeline.label_size=60")
    assert "timeline: the timeline could not be laid out: a page has no room for the timeline's key" in output
    assert "timeline.label_size" in output


def test_subject_cards_too_large_name_the_subjects(runner, tmp_path: Path) -> None:
    name = " ".join(["Longname"] * 30)
    source = tmp_path / "names.yaml"
    source.write_text(
        f"title: T\nsubjects:\n  - name: {name}\n    full_name: {name}\n  - name: Sparta\n    full_name: {name}\n"
    )
    output = _build_fails(runner, source, tmp_path, "handout", "sizes.subheading=100")
    assert (
        f"{source}:2:1: subjects: the handout could not be laid out: a page has no room for the subject cards" in output
    )
    assert "hint: shorten the subjects' names and full names" in output
