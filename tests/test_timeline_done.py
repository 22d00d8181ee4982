"""Issue 15's "done when", read back from what a teacher gets: the PDF's
drawn leaders at their dates on the printed axis, the large-print page with
every lane and at least four ticks, the 8-subject deck inside its slides."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pdfplumber
import pytest
from pptx import Presentation

from handouts.layout.resolve import load_layout
from handouts.render.context import RenderContext
from handouts.render.deck.writer import render_deck
from handouts.render.timeline.document import render_timeline
from handouts.source.loader import load_source
from handouts.timeline.lane import MARKER
from handouts.timeline.model import build_timeline
from tests.sources import NAMES, write_source

PAINTERS = {
    "title": "Monet, Cézanne, Picasso",
    "subjects": [{"name": "Monet"}, {"name": "Cézanne", "id": "cezanne"}, {"name": "Picasso"}],
    "timeline": [
        {"date": "1840-11-14", "label": "Monet born", "subject": "monet"},
        {"date": "1874", "label": "First Impressionist exhibition", "subject": "monet"},
        {"start": "1883", "end": "1926", "label": "Giverny years", "subject": "monet"},
        {"date": "1839", "label": "Cézanne born", "subject": "cezanne"},
        {"date": "1895", "label": "Vollard show", "subject": "cezanne"},
        {"date": "1906", "label": "Cézanne dies", "subject": "cezanne"},
        {"date": "1881", "label": "Picasso born", "subject": "picasso"},
        {"date": "1907", "label": "Les Demoiselles d'Avignon", "subject": "picasso"},
        {"date": "1937", "label": "Guernica", "subject": "picasso"},
    ],
}


def many(n: int) -> dict:
    """``n`` subjects, each with three points and an era, plus two shared wars."""
    events = []
    for i in range(n):
        for k, year in enumerate((1902 + 7 * i, 1921 + 5 * i, 1950 + 2 * i)):
            events.append({"date": str(year), "label": f"{NAMES[i]} event {k + 1}", "subject": f"s{i}"})
        events.append(
            {"start": str(1905 + 3 * i), "end": str(1940 + 3 * i), "label": f"{NAMES[i]} era", "subject": f"s{i}"}
        )
    events += [
        {"start": "1914", "end": "1918", "label": "World War I"},
        {"start": "1939", "end": "1945", "label": "WWII"},
    ]
    return {
        "title": f"{n} cities",
        "subjects": [{"id": f"s{i}", "name": NAMES[i]} for i in range(n)],
        "timeline": events,
    }


def _pdf(tmp_path: Path, data: dict, layout: str) -> tuple[bytes, object]:
    path = write_source(tmp_path / "source.yaml", data)
    model = load_source(path)
    return render_timeline(model, load_layout(layout), RenderContext(source_path=path)), model


def _axis(page) -> tuple[float, float, list[str]]:  # noqa: ANN001 - a pdfplumber page
    """The printed axis as (scale, offset, labels): x = scale * year + offset,
    from the tick marks (0.8 pt lines hanging from the axis) and the year printed under each."""
    axis_y = max(line["top"] for line in page.lines if line["linewidth"] == 0.8 and line["top"] == line["bottom"])
    marks = sorted(
        line["x0"]
        for line in page.lines
        if line["linewidth"] == 0.8 and abs(line["top"] - axis_y) < 0.1 and line["bottom"] > axis_y
    )
    words = [w for w in page.extract_words() if axis_y < w["top"] < axis_y + 30 and re.fullmatch(r"\d{3,4}", w["text"])]
    ticks = []
    for word in words:
        centre = (word["x0"] + word["x1"]) / 2
        x = min(marks, key=lambda m: abs(m - centre))
        assert abs(x - centre) < 1.0, "each year is printed centred on its tick"
        ticks.append((float(word["text"]), x))
    (y0, x0), (y1, x1) = ticks[0], ticks[-1]
    scale = (x1 - x0) / (y1 - y0)
    for year, x in ticks:  # the printed axis is linear
        assert abs(scale * (year - y0) + x0 - x) < 0.5
    return scale, x0 - scale * y0, [w["text"] for w in words]


@pytest.mark.parametrize("layout", ["classic", "large-print", "ink-saver", "letter", "landscape"])
def test_every_leader_points_at_its_date_on_the_printed_axis(tmp_path: Path, layout: str) -> None:
    data, model = _pdf(tmp_path, PAINTERS, layout)
    size = load_layout(layout).timeline.label_size
    timeline = build_timeline(model, load_layout(layout))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        scale, offset, labels = _axis(page)
        assert len(labels) >= 4, labels
        leaders = [line["x0"] for line in page.lines if line["linewidth"] == 0.5 and line["bottom"] > line["top"]]
    assert leaders, "labels on the chart, with leaders"
    points = [item for item in timeline.items if not item.is_span]
    for x in leaders:  # every leader hangs over the date of an event, within half a marker
        assert min(abs(scale * item.value + offset - x) for item in points) <= size * MARKER / 2 + 0.5, x
    for item in points:  # and every labelled point has its leader there
        assert min(abs(scale * item.value + offset - x) for x in leaders) <= size * MARKER / 2 + 0.5, item.label


@pytest.mark.parametrize("subjects", [3, 6])
def test_large_print_keeps_every_lane_and_four_ticks_on_one_page(tmp_path: Path, subjects: int) -> None:
    data, model = _pdf(tmp_path, many(subjects), "large-print")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        words = {w["text"] for w in page.extract_words()}
        _, _, labels = _axis(page)
        sizes = {round(c["size"], 1) for p in pdf.pages for c in p.chars}
    assert {s.name for s in model.subjects} | {"Shared"} <= words, "every lane on the chart's page"
    assert len(labels) >= 4, labels
    assert min(sizes) >= load_layout("large-print").timeline.min_size - 0.05


@pytest.mark.parametrize("layout", ["classic", "large-print"])
def test_eight_subjects_on_slides_that_hold_them(tmp_path: Path, layout: str) -> None:
    path = write_source(tmp_path / "eight.yaml", many(8))
    model = load_source(path)
    prs = Presentation(io.BytesIO(render_deck(model, load_layout(layout), RenderContext(source_path=path))))
    charts = [shape for slide in prs.slides for shape in slide.shapes if shape.name == "Timeline"]
    assert charts
    shown: list[str] = []
    for chart in charts:
        assert chart.left >= 0 and chart.left + chart.width <= prs.slide_width
        assert chart.top >= 0 and chart.top + chart.height <= prs.slide_height, "never off the slide"
        texts = [s.text_frame.text for s in chart.shapes if s.has_text_frame and s.text_frame.text]
        assert sum(bool(re.fullmatch(r"\d{4}", t)) for t in texts) >= 4, texts
        sizes = [
            r.font.size.pt for s in chart.shapes if s.has_text_frame for p in s.text_frame.paragraphs for r in p.runs
        ]
        assert min(sizes) >= load_layout(layout).deck.sizes.min
        shown += [t for t in texts if t in {s.name for s in model.subjects} | {"Shared"}]
    assert sorted(shown) == sorted([s.name for s in model.subjects] + ["Shared"]), "each lane once"
