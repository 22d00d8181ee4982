"""The deck timeline: native shapes in one group, read back and rendered by LibreOffice."""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Emu, Inches

from handouts.layout.resolve import load_layout
from handouts.render.deck.chart.painter import draw_timeline
from handouts.source.loader import load_source
from handouts.timeline.model import build_timeline
from tests.conftest import ROOT, needs
from tests.sources import ATHENS, dense_source, pdf_text, words_overlap

LAYOUT = load_layout("classic")
BOX = (Inches(0.5), Inches(1.4), Inches(12.3), Inches(5.6))


def deck(path: Path):
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    timeline = build_timeline(load_source(path), LAYOUT)
    placement = draw_timeline(slide, *BOX, timeline, LAYOUT)
    return prs, slide, timeline, placement


def texts(group) -> list[str]:
    return [s.text_frame.text for s in group.shapes if s.has_text_frame and s.text_frame.text]


def test_one_group_of_native_shapes_inside_the_box() -> None:
    prs, slide, timeline, placement = deck(ROOT / "content" / "lenin-vs-stalin.yaml")
    groups = [s for s in slide.shapes if s.name == "Timeline"]
    assert len(groups) == 1 and len(slide.shapes) == 1
    group = groups[0]
    shown = texts(group)
    assert not placement.numbered
    for item in timeline.items:
        assert item.label in shown
    assert {"Lenin", "Stalin", "Shared", "1920", "1950"} <= set(shown)
    left, top, width, height = BOX
    for shape in group.shapes:
        assert left - Emu(1) <= shape.left and shape.left + shape.width <= left + width + Inches(0.1), shape.name
        assert top - Emu(1) <= shape.top and shape.top + shape.height <= top + height + Emu(2), shape.name
    for shape in group.shapes:
        if shape.has_text_frame and shape.text_frame.text:
            run = shape.text_frame.paragraphs[0].runs[0]
            assert run.font.size.pt >= LAYOUT.deck.sizes.min and run.font.name == LAYOUT.deck.fonts.body
    spans = [s for s in group.shapes if s.name.startswith("Span")]
    assert len(spans) == sum(i.is_span for i in timeline.items)


def test_dense_deck_timeline_numbers_its_markers(write) -> None:
    _, slide, timeline, placement = deck(write(dense_source()))
    assert placement.numbered
    numbers = {n for label in placement.labels for n in label.numbers}
    assert numbers == {item.number for item in timeline.items}


@needs("soffice")
@pytest.mark.parametrize("source", ["lenin", "athens", "dense"])
def test_rendered_by_libreoffice_words_do_not_overlap(source: str, write) -> None:
    path = {
        "lenin": ROOT / "content" / "lenin-vs-stalin.yaml",
        "athens": write(ATHENS),
        "dense": write(dense_source(), "dense.yaml"),
    }[source]
    prs, _, timeline, placement = deck(path)
    with tempfile.TemporaryDirectory() as folder:
        pptx = Path(folder) / "t.pptx"
        prs.save(pptx)
        env = dict(os.environ, HOME=folder)
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", folder, str(pptx)],
            check=True,
            env=env,
            capture_output=True,
            timeout=120,
        )
        data = (Path(folder) / "t.pdf").read_bytes()
    assert words_overlap(data) == []
    text = " ".join(pdf_text(data).split())
    for label in placement.labels:
        assert label.text in text
