"""Dense periods, read back from the timeline PDF: one long span and ten
events of 1928-30 in each lane get an inset where every event has its own
marker and number, bracketed on the main axis, on the chart's page."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pdfplumber
import pytest

from handouts.layout.resolve import load_layout
from handouts.render.context import RenderContext
from handouts.render.timeline.document import render_timeline
from handouts.source.loader import load_source
from handouts.timeline.model import build_timeline
from tests.sources import NAMES, write_source
from tests.test_timeline_done import PAINTERS


def dense(lanes: int = 3) -> dict:
    """A 1900-1990 span, ten events of 1928-30 and one earlier event per lane."""
    events = [{"start": "1900", "end": "1990", "label": "The long century"}]
    for i in range(lanes):
        for k in range(10):
            year, month = 1928 + (k * 3 + i) % 3, 1 + (k * 7 + i * 3) % 12
            events.append({"date": f"{year}-{month:02d}", "label": f"{NAMES[i]} step {k + 1}", "subject": f"s{i}"})
        events.append({"date": str(1905 + 20 * i), "label": f"{NAMES[i]} founded", "subject": f"s{i}"})
    return {
        "title": "Dense 1928-30",
        "subjects": [{"id": f"s{i}", "name": NAMES[i]} for i in range(lanes)],
        "timeline": events,
    }


def _render(tmp_path: Path, data: dict, layout: str):
    path = write_source(tmp_path / "s.yaml", data)
    model = load_source(path)
    return render_timeline(model, load_layout(layout), RenderContext(source_path=path)), build_timeline(
        model, load_layout(layout)
    )


@pytest.mark.parametrize("layout", ["classic", "large-print", "ink-saver", "letter", "landscape"])
def test_a_crowded_stretch_gets_an_inset_on_the_charts_page(tmp_path: Path, layout: str) -> None:
    data, timeline = _render(tmp_path, dense(), layout)
    crowded = [i for i in timeline.items if not i.is_span and 1928 <= i.value < 1931]
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        text = page.extract_text()
        heading = next(w for w in page.extract_words() if w["text"] == "detail:")
        words = page.extract_words()
        below = {w["text"] for w in words if w["top"] > heading["bottom"]}
        markers = [w for w in words if re.fullmatch(r"\d{1,2}(–\d{1,2})?,?", w["text"])]
        bracket = [ln for ln in page.lines if ln["linewidth"] == 2.2]
    assert f"{load_layout(layout).timeline.labels.zoom}: " in text
    if layout == "large-print":  # 16 pt markers a month apart still share one in the inset; fewer do
        inset = sum(w["top"] > heading["bottom"] for w in markers)
        merged = sum(w["top"] < heading["top"] and "–" in w["text"] for w in markers)
        assert inset >= 2 * merged, [w["text"] for w in markers]
    else:
        assert "In detail: Jan 1928 – Nov 1930" in text
        for item in crowded:  # each crowded event has its own number in the inset
            assert str(item.number) in below, item
    assert len(bracket) == 1, "the zoomed stretch is bracketed on the main axis"
    assert bracket[0]["x1"] - bracket[0]["x0"] < page.width * 0.15, "a short stretch of the long axis"


def test_no_inset_when_nothing_is_crowded(tmp_path: Path) -> None:
    data, _ = _render(tmp_path, PAINTERS, "classic")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert "In detail" not in pdf.pages[0].extract_text()
        assert not [ln for ln in pdf.pages[0].lines if ln["linewidth"] == 2.2]


def test_the_deck_shows_the_crowded_stretch_on_a_detail_slide(tmp_path: Path) -> None:
    from pptx import Presentation
    from pptx.util import Pt

    from handouts.render.deck.writer import render_deck

    path = write_source(tmp_path / "s.yaml", dense())
    layout = load_layout("classic")
    prs = Presentation(io.BytesIO(render_deck(load_source(path), layout, RenderContext(source_path=path))))
    charts = [
        (slide.shapes.title.text_frame.text, shape)
        for slide in prs.slides
        for shape in slide.shapes
        if shape.name == "Timeline"
    ]
    assert [t for t, _ in charts] == ["Timeline", "In detail: Jan 1928 – Nov 1930"]
    (_, main), (_, detail) = charts

    def markers(group) -> list[str]:  # noqa: ANN001
        return [
            s.text_frame.text
            for s in group.shapes
            if s.has_text_frame and re.fullmatch(r"\d{1,2}(–\d{1,2})?", s.text_frame.text)
        ]

    merged = [t for t in markers(main) if "–" in t]
    assert merged and len(markers(detail)) >= 2 * len(merged), (markers(main), markers(detail))
    wide = [
        s
        for s in main.shapes
        if s.shape_type is not None and s.name.startswith("Connector") and s.line.width == Pt(2.5)
    ]
    assert len(wide) == 1, "the stretch is bracketed on the main axis"
    for slide_chart in (main, detail):
        assert slide_chart.top + slide_chart.height <= prs.slide_height


def test_the_handout_strip_gets_the_inset_too(tmp_path: Path) -> None:
    from handouts.render.timeline.strip import strip_flowables

    layout = load_layout("classic")
    timeline = build_timeline(load_source(write_source(tmp_path / "s.yaml", dense())), layout)
    width = layout.page.dimensions()[0] - layout.page.margins.left - layout.page.margins.right
    main, heading, detail, *_ = strip_flowables(timeline, layout, width)
    assert main.placement.zoom is not None and heading.text.startswith("In detail: Jan 1928")
    crowded = {i.number for i in timeline.items if not i.is_span and 1928 <= i.value < 1931}
    shown = {n for m in detail.placement.marks for n in m.numbers}
    assert crowded <= shown
    value = {i.number: i.value for i in timeline.items}
    for mark in detail.placement.marks:  # distinct dates share a marker only within one marker width there
        xs = [detail.placement.x(value[n]) for n in mark.numbers]
        assert max(xs) - min(xs) <= mark.h + 0.01
