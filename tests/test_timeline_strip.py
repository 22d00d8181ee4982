"""The handout's timeline strip, built into a real document and read back."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber

from handouts.layout.resolve import load_layout
from handouts.render.timeline.flow import TimelineFlowable
from handouts.render.timeline.strip import strip_flowables
from handouts.source.loader import load_source
from handouts.timeline.model import build_timeline
from tests.conftest import ROOT
from tests.sources import dense_source, pdf_text, words_overlap

LAYOUT = load_layout("classic")


def build(path: Path) -> tuple[bytes, list]:
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    model = load_source(path)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=LAYOUT.page.dimensions(), invariant=True)
    flowables = strip_flowables(build_timeline(model, LAYOUT), LAYOUT, doc.width)
    doc.build([Paragraph("Before the strip", getSampleStyleSheet()["Normal"]), *flowables])
    return buffer.getvalue(), flowables


def test_strip_in_a_document() -> None:
    data, flowables = build(ROOT / "content" / "lenin-vs-stalin.yaml")
    strip = flowables[0]
    assert isinstance(strip, TimelineFlowable) and len(flowables) == 1  # labelled: no key needed
    assert LAYOUT.timeline.strip_height * 0.8 <= strip.height <= LAYOUT.timeline.strip_height * 1.5
    text = " ".join(pdf_text(data).split())
    for label in ("October Revolution", "Stalin in power", "World War II", "1920", "1950"):
        assert label in text
    assert words_overlap(data) == []


def test_dense_strip_numbers_markers_and_adds_a_key(write) -> None:
    data, flowables = build(write(dense_source()))
    assert len(flowables) > 1, "a dense strip needs its numbered key"
    text = " ".join(pdf_text(data).split())
    assert all(f"Happening {i}" in text for i in range(1, 61))
    assert words_overlap(data) == []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert min(c["size"] for p in pdf.pages for c in p.chars) >= LAYOUT.timeline.min_size - 0.05


def test_no_events_no_strip(write) -> None:
    _, flowables = build(write("title: Quiet\nsubjects:\n  - name: A\n  - name: B\n"))
    assert flowables == []
