"""The deck's timeline key read back with python-pptx: on the chart's slide
when it fits (inside the slide, clear of the chart, at the deck's minimum
size or more, in date order with each lane's marker), on key slides only
when it cannot fit; and large print keeping six lanes and the shared one on
one slide."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Emu

from handouts.layout.resolve import load_layout
from handouts.render.context import RenderContext
from handouts.render.deck.chart.looks import MARKERS
from handouts.render.deck.writer import render_deck
from handouts.source.loader import load_source
from handouts.timeline.model import build_timeline
from tests.deck_helpers import shape_color
from tests.sources import write_source
from tests.test_timeline_done import PAINTERS, many

KEY_ENTRY = re.compile(r"(\d+)\. ")


def _deck(tmp_path: Path, data: dict, layout: str):
    path = write_source(tmp_path / "source.yaml", data)
    model = load_source(path)
    chosen = load_layout(layout)
    prs = Presentation(io.BytesIO(render_deck(model, chosen, RenderContext(source_path=path))))
    return prs, build_timeline(model, chosen), chosen


def _title(slide) -> str:  # noqa: ANN001
    return slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""


def _box(shape) -> tuple[int, int, int, int]:  # noqa: ANN001
    return shape.left, shape.top, shape.left + shape.width, shape.top + shape.height


def _sizes(group) -> list[float]:  # noqa: ANN001
    return [r.font.size.pt for s in group.shapes if s.has_text_frame for p in s.text_frame.paragraphs for r in p.runs]


@pytest.mark.parametrize("layout", ["classic", "large-print", "ink-saver", "letter", "landscape"])
def test_the_key_sits_beside_its_chart_when_it_fits(tmp_path: Path, layout: str) -> None:
    # large print's 24 pt key of many(3)'s 14 events takes more than the slide (above its footer): 7 painters' fit
    seven = dict(PAINTERS, timeline=PAINTERS["timeline"][:7])
    prs, timeline, chosen = _deck(tmp_path, seven if layout == "large-print" else many(3), layout)
    slides = [s for s in prs.slides if any(shape.name == "Timeline" for shape in s.shapes)]
    assert len(slides) == 1
    slide = slides[0]
    chart = next(s for s in slide.shapes if s.name == "Timeline")
    key = next(s for s in slide.shapes if s.name == "Timeline key")
    assert not any(_title(s).startswith(chosen.deck.labels.timeline_key) for s in prs.slides), "no key slide"
    for shape in key.shapes:  # inside the slide, clear of the chart
        x0, y0, x1, y1 = _box(shape)
        assert x0 >= 0 and x1 <= prs.slide_width and y0 >= 0 and y1 <= prs.slide_height, shape.name
        cx0, cy0, cx1, cy1 = _box(chart)
        assert x1 <= cx0 or x0 >= cx1 or y1 <= cy0 or y0 >= cy1, f"{shape.name} overlaps the chart"
    assert min(_sizes(key)) >= chosen.deck.sizes.min
    # every event once, in date order down the columns, each with its own lane's marker
    lines = sorted(
        (s for s in key.shapes if s.has_text_frame and s.text_frame.text), key=lambda s: (s.left // Emu(20000), s.top)
    )
    numbers = [int(m.group(1)) for s in lines if (m := KEY_ENTRY.match(s.text_frame.text))]
    assert numbers == [item.number for item in timeline.chronological()]
    markers = {int(s.name.split()[-1]): s for s in key.shapes if s.name.startswith("Key marker")}
    for item in timeline.items:
        marker = markers[item.number]
        assert marker.auto_shape_type == MARKERS[timeline.lanes[item.lane].marker]
        assert shape_color(marker, line=True) == item.color.lstrip("#").upper()


def test_a_key_too_long_for_the_slide_continues_on_key_slides(tmp_path: Path) -> None:
    prs, timeline, chosen = _deck(tmp_path, many(6), "classic")
    assert not any(shape.name == "Timeline key" for s in prs.slides for shape in s.shapes)
    keys = [s for s in prs.slides if _title(s).startswith(chosen.deck.labels.timeline_key)]
    assert keys
    text = " ".join(shape.text_frame.text for s in keys for shape in s.shapes if shape.has_text_frame)
    for item in timeline.items:
        assert f"{item.number}. {item.date_text}: {item.label}" in text


@pytest.mark.parametrize("subjects", [3, 6])
def test_large_print_keeps_every_lane_and_four_ticks_on_one_slide(tmp_path: Path, subjects: int) -> None:
    prs, timeline, chosen = _deck(tmp_path, many(subjects), "large-print")
    charts = [shape for slide in prs.slides for shape in slide.shapes if shape.name == "Timeline"]
    assert len(charts) == 1, "one timeline slide"
    (chart,) = charts
    texts = [s.text_frame.text for s in chart.shapes if s.has_text_frame and s.text_frame.text]
    assert {lane.label for lane in timeline.lanes} <= set(texts), "every lane on it"
    assert sum(bool(re.fullmatch(r"\d{4}", t)) for t in texts) >= 4, texts
    assert min(_sizes(chart)) >= chosen.deck.sizes.min
    assert chart.top >= 0 and chart.top + chart.height <= prs.slide_height
    assert {int(t) for t in texts if t.isdigit() and len(t) < 3} == {i.number for i in timeline.items}


def test_over_long_words_and_addresses_keep_the_key_on_the_charts_slide(tmp_path: Path) -> None:
    # a word and an address wider than any key column used to send the whole key to a slide of its own
    word = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 4
    url = "https://example.org/" + "/".join(f"averyveryverylongpathsegment{i:02d}" for i in range(9))
    data = {
        "title": "Long labels",
        "subjects": [{"name": "Alpha"}, {"name": "Beta"}],
        "timeline": [
            {"date": "2001", "label": word},
            {"date": "2002", "label": url},
            {"date": "2003", "label": "Tab\tlabel"},
        ],
    }
    for layout in (
        "classic",
        "ink-saver",
        "landscape",
        "letter",
    ):  # large print's 24 pt key of these needs its own slide
        prs, timeline, chosen = _deck(tmp_path, data, layout)
        assert not any(_title(s).startswith(chosen.deck.labels.timeline_key) for s in prs.slides), layout
        (slide,) = [s for s in prs.slides if any(shape.name == "Timeline" for shape in s.shapes)]
        key = next(s for s in slide.shapes if s.name == "Timeline key")
        text = "".join(s.text_frame.text for s in key.shapes if s.has_text_frame)
        assert word in text and url in text, "every character of each label, broken across lines"
        for shape in key.shapes:
            x0, y0, x1, y1 = _box(shape)
            assert x0 >= 0 and x1 <= prs.slide_width and y1 <= prs.slide_height, shape.name
        assert min(_sizes(key)) >= chosen.deck.sizes.min
