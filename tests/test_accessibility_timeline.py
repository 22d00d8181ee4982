"""Accessible timelines: the timeline PDF and the handout's strip are tagged (the
chart a Figure described in words), the deck's timeline group has alt text.
Everything is read back from the files."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pdfplumber
import pikepdf
import pytest

from handouts.layout.resolve import load_layout
from handouts.markup import plain
from handouts.render.context import RenderContext
from handouts.render.handout.document import render_handout
from handouts.render.timeline.document import render_timeline
from handouts.source.loader import load_source
from handouts.source.models import Comparison
from tests.conftest import CONTENT, LAYOUTS, needs
from tests.sources import ATHENS, dense_source
from tests.tagged_pdf import Node, marking_problems, parent_tree_problems, reading

DATED = [p for p in CONTENT if len(load_source(p).timeline) >= 2]  # the bundled sources with a timeline


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def timeline_pdf(path: Path, layout: str = "classic") -> bytes:
    return render_timeline(load_source(path), load_layout(layout), RenderContext(source_path=path))


def handout_pdf(path: Path, layout: str = "classic") -> bytes:
    return render_handout(load_source(path), load_layout(layout), RenderContext(source_path=path))


def check_structure(data: bytes, language: str, title: str) -> list[Node]:
    """What every tagged PDF must satisfy; returns the reading order."""
    pdf = pikepdf.open(io.BytesIO(data))
    assert marking_problems(pdf) == []  # no text outside tagged content or an artifact
    assert parent_tree_problems(pdf) == []
    root = pdf.Root
    assert root.MarkInfo.Marked is True
    assert str(root.Lang) == language
    assert root.ViewerPreferences.DisplayDocTitle is True
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        assert meta["dc:title"] == title
        assert meta["pdfuaid:part"] == "1"
    assert all(page.obj.Tabs == pikepdf.Name.S for page in pdf.pages)
    nodes = reading(data)
    assert nodes[0].kind == "Document"
    return nodes


def check_alt_is_chronological(alt: str, model: Comparison) -> None:
    """Every event's label is in ``alt``, in date order (ties in any order)."""
    found = []
    for event in model.timeline:
        match = re.search(": " + re.escape(plain(event.label)) + r"(?= \(|;| \u2014|$)", alt)
        assert match, f"{event.label!r} missing from the alt text"
        found.append((match.start(), event.first.start_value(), event.label))
    found.sort()
    starts = [start for _, start, _ in found]
    assert starts == sorted(starts), [label for _, _, label in found]


def check_subjects_named(alt: str, model: Comparison) -> None:
    names = {s.id: s.name for s in model.subjects}
    for event in model.timeline:
        if event.subject:
            assert f"{plain(event.label)} ({plain(names[event.subject])})" in alt


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("path", DATED, ids=lambda p: p.stem)
def test_bundled_timeline_pdfs_are_tagged(path: Path, layout: str) -> None:
    data = timeline_pdf(path, layout)
    model = load_source(path)
    nodes = check_structure(data, model.language, f"{plain(model.title)}: timeline")
    assert [n.kind for n in nodes[1:3]] == ["H1", "P"]
    assert squash(nodes[1].text) == squash(plain(model.title))
    subtitle = " \u00b7 ".join(plain(p) for p in (model.subtitle, model.course, model.date) if p) or "Timeline"
    assert squash(nodes[2].text) == squash(subtitle)
    figures = [n for n in nodes if n.kind == "Figure"]
    assert len(figures) == 1 and figures[0].depth == 1 and nodes[3] is figures[0]
    alt = figures[0].alt or ""
    check_alt_is_chronological(alt, model)
    check_subjects_named(alt, model)
    assert alt.count("; ") == len(model.timeline) - 1
    assert figures[0].text, "the chart's drawing is the Figure's content"
    # the key: a heading, then one list of the events in date order, each naming its lane
    if load_layout(layout).timeline.key:
        assert [n.kind for n in nodes[4:6]] == ["H2", "L"]
        bodies = [squash(n.all_text()) for n in nodes if n.kind == "LBody"]
        assert len(bodies) == len(model.timeline) == sum(n.kind == "LI" for n in nodes)
        events = sorted(model.timeline, key=lambda e: e.first.start_value())
        found = [next(i for i, body in enumerate(bodies) if squash(plain(e.label)) in body) for e in events]
        assert found == sorted(found), "the key reads in date order"
        names = {s.id: squash(s.name) for s in model.subjects}
        for event in events:
            body = next(b for b in bodies if squash(plain(event.label)) in b)
            assert names.get(event.subject, "Shared") in body
    # the running footer (page number, title) is an artifact: no MCID, read by nobody
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        bottom = load_layout(layout).page.margins.bottom
        for page in pdf.pages:
            footer = [c.get("mcid") for c in page.chars if c["top"] > page.height - bottom]
            body = [c.get("mcid") for c in page.chars if c["top"] <= page.height - bottom]
            assert footer and set(footer) == {None} and None not in body


def test_dense_timeline_pdf_numbers_are_list_labels(write) -> None:
    path = write(dense_source())
    data = timeline_pdf(path)
    model = load_source(path)
    nodes = check_structure(data, "en", "Dense: timeline")
    assert len(pikepdf.open(io.BytesIO(data)).pages) > 1
    figure = next(n for n in nodes if n.kind == "Figure")
    check_alt_is_chronological(figure.alt or "", model)
    lists = [n for n in nodes if n.kind == "L"]
    assert {n.attrs["ListNumbering"] for n in lists} == {"Decimal"}
    labels = [squash(n.text) for n in nodes if n.kind == "Lbl"]
    assert labels == [str(i) for i in range(1, len(model.timeline) + 1)]
    for item in (li for lst in lists for li in lst.children):
        assert [c.kind for c in item.children] == ["Lbl", "LBody"]


def test_bce_and_other_languages(write) -> None:
    source = ATHENS.replace("title: Athens vs. Sparta", "title: Athen und Sparta\nlanguage: de")
    path = write(source)
    nodes = check_structure(timeline_pdf(path), "de", "Athen und Sparta: timeline")
    figure = next(n for n in nodes if n.kind == "Figure")
    check_alt_is_chronological(figure.alt or "", load_source(path))
    assert (figure.alt or "").startswith("490 v. Chr.: Battle of Marathon (Athens); ")  # German dates (issue 20)


def test_timeline_without_key(write) -> None:
    path = write(ATHENS)
    layout = load_layout("classic")
    layout = layout.model_copy(update={"timeline": layout.timeline.model_copy(update={"key": False})})
    data = render_timeline(load_source(path), layout, RenderContext(source_path=path))
    nodes = check_structure(data, "en", "Athens vs. Sparta: timeline")
    assert [n.kind for n in nodes] == ["Document", "H1", "P", "Figure"]
    check_alt_is_chronological(nodes[3].alt or "", load_source(path))


def test_no_timeline_without_two_dates(write) -> None:
    """No empty page to tag: the timeline is left out, with one warning."""
    path = write("title: Quiet\nsubjects:\n  - name: A\n  - name: B\n")
    context = RenderContext(source_path=path)
    assert render_timeline(load_source(path), load_layout("classic"), context) is None
    assert [w.key for w in context.warnings] == ["timeline"]


@needs("qpdf")
def test_timeline_pdf_is_deterministic_and_qpdf_clean(tmp_path: Path, write) -> None:
    for path in (CONTENT[0], write(dense_source())):
        first = timeline_pdf(path, "large-print")
        assert first == timeline_pdf(path, "large-print")
        out = tmp_path / "t.pdf"
        out.write_bytes(first)
        check = subprocess.run(["qpdf", "--check", str(out)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr


# -- the handout's strip -------------------------------------------------------


@pytest.mark.parametrize("path", DATED, ids=lambda p: p.stem)
def test_handout_strip_is_a_figure_after_its_heading(path: Path) -> None:
    model = load_source(path)
    nodes = reading(handout_pdf(path))
    figures = [n for n in nodes if n.kind == "Figure"]
    strip = [
        i for i, n in enumerate(nodes) if n.kind == "Figure" and ": " + plain(model.timeline[0].label) in (n.alt or "")
    ]
    assert len(strip) == 1, [n.alt for n in figures]
    index = strip[0]
    assert nodes[index - 1].kind == "H2" and squash(nodes[index - 1].text) == "Timeline"
    check_alt_is_chronological(nodes[index].alt or "", model)
    check_subjects_named(nodes[index].alt or "", model)


def test_dense_handout_strip_key_is_tagged(write) -> None:
    path = write(dense_source())
    model = load_source(path)
    nodes = check_structure(handout_pdf(path), "en", "Dense")
    index = next(i for i, n in enumerate(nodes) if n.kind == "Figure")
    assert nodes[index - 1].kind == "H2"
    check_alt_is_chronological(nodes[index].alt or "", model)
    after = nodes[index + 1 :]
    if after[0].kind == "P":  # the crowded 1917-18 stretch drawn again: its heading, then its own Figure
        assert squash(after[0].text).startswith("Indetail:") and after[1].kind == "Figure" and after[1].alt
        after = after[2:]
    assert [n.kind for n in after[:1]] == ["L"]
    labels = [squash(n.text) for n in after if n.kind == "Lbl"]
    assert labels == [str(i) for i in range(1, len(model.timeline) + 1)]
    bodies = [squash(n.all_text()) for n in after if n.kind == "LBody"]
    assert all(any(squash(e.label) in b for b in bodies) for e in model.timeline)


# -- tagging changes nothing on the page ----------------------------------------


def _pages(data: bytes, folder: Path, name: str) -> list[bytes]:
    (folder / f"{name}.pdf").write_bytes(data)
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(folder / f"{name}.pdf"), str(folder / name)], check=True)
    return [p.read_bytes() for p in sorted(folder.glob(f"{name}-*.png"))]


@needs("pdftoppm")
def test_tagging_does_not_change_the_timeline_pages(tmp_path: Path, write, monkeypatch) -> None:
    """The timeline PDF and a handout with a dense strip and its key, drawn
    without tags, render to the same pixels."""
    from reportlab.pdfgen.canvas import Canvas

    from handouts.render.handout import document as handout_module
    from handouts.render.pdf import page as pdf_page
    from handouts.render.timeline import document as timeline_module

    path = write(dense_source())
    tagged = [timeline_pdf(path), timeline_pdf(CONTENT[0], "large-print"), handout_pdf(path)]
    plain_canvas = pdf_page.canvas_class
    monkeypatch.setattr(timeline_module, "tagged_canvas", lambda tags, info: Canvas)
    monkeypatch.setattr(handout_module, "canvas_class", lambda running, tags, info: plain_canvas(running))
    untagged = [timeline_pdf(path), timeline_pdf(CONTENT[0], "large-print"), handout_pdf(path)]
    for n, (a, b) in enumerate(zip(tagged, untagged)):
        assert b"/StructTreeRoot" in a and b"/StructTreeRoot" not in b
        pages = _pages(a, tmp_path, f"tagged{n}")
        assert len(pages) >= 2 and pages == _pages(b, tmp_path, f"untagged{n}")


# -- the deck's timeline slide --------------------------------------------------


@pytest.mark.parametrize("path", DATED, ids=lambda p: p.stem)
def test_deck_timeline_group_has_the_events_as_alt_text(path: Path) -> None:
    from pptx import Presentation

    from handouts.render.deck.a11y import alt_text
    from handouts.render.deck.writer import render_deck

    model = load_source(path)
    prs = Presentation(io.BytesIO(render_deck(model, load_layout("classic"), RenderContext(source_path=path))))
    groups = [shape for slide in prs.slides for shape in slide.shapes if shape.name == "Timeline"]
    assert len(groups) == 1
    alt = alt_text(groups[0])
    assert alt.startswith("Timeline: ")
    check_alt_is_chronological(alt, model)
