"""Timelines: dates on the axis, ticks, the neutral model and the PDF as read back."""

from __future__ import annotations

import io
import itertools
import re
from pathlib import Path

import pdfplumber
import pikepdf
import pytest

from handouts.layout.resolve import load_layout
from handouts.render.context import RenderContext
from handouts.render.timeline.document import render_timeline
from handouts.source.dates import HistDate, format_span
from handouts.source.loader import load_source
from handouts.timeline.model import build_timeline
from handouts.timeline.placement import place
from handouts.timeline.ticks import nice_ticks
from tests.conftest import ROOT
from tests.sources import ATHENS, dense_source, pdf_text, words_overlap

LAYOUT = load_layout("classic")
WIDTH_OF = lambda text, size: len(text) * size * 0.55  # noqa: E731  (a plain measure for the model tests)


def render(path: Path) -> bytes:
    return render_timeline(load_source(path), LAYOUT, RenderContext(source_path=path))


# --- dates ---------------------------------------------------------------


def test_bce_ordering_and_display() -> None:
    dates = [HistDate.parse(t) for t in ["AD 1", "1 BC", "c. 490 BC", "44 BC", "1917-11-07"]]
    assert [d.display() for d in sorted(dates)] == ["c. 490 BC", "44 BC", "1 BC", "1", "7 Nov 1917"]
    assert (
        HistDate.parse("490 BC").mid_value() < HistDate.parse("44 BC").mid_value() < HistDate.parse("AD 1").mid_value()
    )


def test_span_across_the_era_measures_without_year_zero() -> None:
    start, end = HistDate.parse("1 BC"), HistDate.parse("AD 1")
    assert end.end_value() - start.start_value() == pytest.approx(2.0)  # two whole years, no year 0
    assert format_span(start, end) == "1 BC – AD 1"
    assert format_span(HistDate.parse("c. 4 BC"), HistDate.parse("30")) == "c. 4 BC – AD 30"


def test_days_fill_their_year_exactly() -> None:
    assert HistDate.parse("1917-12-31").end_value() == pytest.approx(1918.0)
    assert HistDate.parse("1916-12").end_value() == pytest.approx(1917.0)  # leap year
    assert HistDate.parse("-1-02-29").display() == "29 Feb 1 BC"  # 1 BC is a leap year (proleptic)
    with pytest.raises(ValueError):
        HistDate.parse("-2-02-29")


def test_approximate_dates_are_marked() -> None:
    timeline = build_timeline(_load(ATHENS), LAYOUT)
    plague = next(i for i in timeline.items if i.label == "Plague of Athens")
    pericles = next(i for i in timeline.items if i.label == "Age of Pericles")
    assert plague.approximate and plague.date_text == "c. 430 BC"
    assert pericles.approximate and pericles.date_text == "c. 461–429 BC"


# --- ticks ---------------------------------------------------------------


@pytest.mark.parametrize(
    "lo,hi,expect",
    [
        (1917.80, 1917.86, "Nov"),  # three weeks: day ticks
        (1917.5, 1918.3, "Jan 1918"),  # months
        (1910.0, 1925.0, "1920"),  # years
        (1900.0, 1990.0, "1950"),  # decades
        (-500.5, -399.0, "450 BC"),  # BC decades
        (-1200.0, 1300.0, "AD 1"),  # centuries across the era
        (-10000.0, -3000.0, "5000 BC"),  # millennia
    ],
)
def test_ticks_from_days_to_millennia(lo: float, hi: float, expect: str) -> None:
    ticks = nice_ticks(lo, hi, 700, lambda t: len(t) * 4.4, 8, max_count=14)
    labels = [t.label for t in ticks]
    assert 2 <= len(ticks) <= 14, labels
    assert any(expect in label for label in labels), labels
    assert [t.value for t in ticks] == sorted(t.value for t in ticks)
    assert all(lo <= t.value <= hi for t in ticks)
    for label in labels:  # never a year 0
        assert not re.search(r"(^|\s)0( BC)?$", label) and label not in ("AD 0", "0 BC"), labels


def test_era_ticks_are_placed_at_the_start_of_their_year() -> None:
    ticks = {t.label: t.value for t in nice_ticks(-3.0, 3.0, 700, lambda t: len(t) * 4.4, 8)}
    assert ticks["1 BC"] == 0.0 and ticks["AD 1"] == 1.0 and ticks["2 BC"] == -1.0


# --- model and placement -------------------------------------------------


def test_lanes_follow_subjects_with_events_plus_shared() -> None:
    timeline = build_timeline(_load(ATHENS), LAYOUT)
    assert [lane.label for lane in timeline.lanes] == ["Athens", "Sparta", "Shared"]
    assert timeline.lanes[0].color == LAYOUT.palette[0] and timeline.lanes[1].marker == LAYOUT.markers[1]
    athens = timeline.lane_items(0)
    assert [i.label for i in athens] == ["Battle of Marathon", "Salamis", "Age of Pericles", "Plague of Athens"]
    assert [i.number for i in timeline.chronological()] == list(range(1, len(timeline.items) + 1))  # date order
    starts = [i.start for i in timeline.chronological()]
    assert starts == sorted(starts)
    assert timeline.lo < min(i.start for i in timeline.items) and timeline.hi > max(i.end for i in timeline.items)


def test_same_day_events_do_not_pile_up() -> None:
    source = ATHENS + "  - {date: 480 BC, label: Another 480, subject: athens}\n"
    for width in (700, 260):
        placement = place(build_timeline(_load(source), LAYOUT), width, WIDTH_OF, 8, 7)
        points = [m for m in placement.marks if not m.is_span]
        for a, b in itertools.combinations(points, 2):
            apart = abs(a.x0 - b.x0) >= a.h * 0.99 or abs(a.y - b.y) >= a.h * 0.99
            assert apart, (a, b)
        _assert_labels_clear(placement)


def test_dense_switches_to_numbers_not_smaller_text(write) -> None:
    timeline = build_timeline(load_source(write(dense_source())), LAYOUT)
    placement = place(timeline, 740, WIDTH_OF, 8, 7, available_height=400)
    assert placement.numbered and placement.size >= 7
    assert placement.height <= 400
    shown = {n for label in placement.labels for n in label.numbers}
    assert shown == {item.number for item in timeline.items}
    _assert_labels_clear(placement)


def _assert_labels_clear(placement) -> None:
    for a, b in itertools.combinations(placement.labels, 2):
        assert (
            a.x + a.w <= b.x + 0.01 or b.x + b.w <= a.x + 0.01 or a.y + a.h <= b.y + 0.01 or b.y + b.h <= a.y + 0.01
        ), (a, b)
    for label in placement.labels:
        for mark in placement.marks:
            top, bottom = mark.y - mark.h / 2, mark.y + mark.h / 2
            x0, x1 = (mark.x0, mark.x1) if mark.is_span else (mark.x0 - mark.h / 2, mark.x0 + mark.h / 2)
            assert (
                label.y + label.h <= top + 0.01 or label.y >= bottom - 0.01 or label.x + label.w <= x0 or label.x >= x1
            ), (label, mark)


# --- the PDF -------------------------------------------------------------


def test_a_single_event_is_no_timeline() -> None:
    path = ROOT / "content" / "leninism-vs-stalinism.yaml"  # one dated event
    context = RenderContext(source_path=path)
    assert render_timeline(load_source(path), LAYOUT, context) is None
    assert len(context.warnings) == 1 and "1 dated event" in context.warnings[0].message


@pytest.mark.parametrize("name", ["lenin-vs-stalin"])
def test_bundled_timelines(name: str) -> None:
    path = ROOT / "content" / f"{name}.yaml"
    data = render(path)
    assert data == render(path), "same input, same bytes"
    model = load_source(path)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        width, height = float(page.MediaBox[2]), float(page.MediaBox[3])
        assert width > height and (round(width), round(height)) == (842, 595)
        assert str(pdf.docinfo["/Title"]).startswith(model.title)
        for font in _fonts(pdf):
            assert "/FontFile2" in font.FontDescriptor, font.BaseFont
    text = pdf_text(data)
    for event in model.timeline:
        assert event.label in text.replace("\n", " ")
    assert words_overlap(data) == []


def test_bce_timeline_pdf(write) -> None:
    data = render(write(ATHENS))
    text = pdf_text(data)
    assert "450 BC" in text and "Battle of Marathon" in text and "c. 461–429 BC" in text
    assert not re.search(r"\b0 BC\b|AD 0\b", text)
    assert words_overlap(data) == []


def test_dense_timeline_pdf_is_legible(write) -> None:
    data = render(write(dense_source()))
    assert words_overlap(data) == []
    text = " ".join(pdf_text(data).split())
    for i in range(60):
        assert f"Happening {i + 1}" in text
    assert "Ninety-year span" in text
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        sizes = {round(c["size"], 1) for page in pdf.pages for c in page.chars}
    assert min(sizes) >= LAYOUT.timeline.min_size - 0.05


def test_tall_lanes_move_to_the_next_page_instead_of_failing(tmp_path: Path) -> None:
    """A lane taller than the room left below the title starts on the next page."""
    import yaml

    data = yaml.safe_load((ROOT / "content" / "lenin-vs-stalin.yaml").read_text(encoding="utf-8"))
    data["timeline"] = [dict(ev, label=f"{ev['label']} {i}") for i in range(10) for ev in data["timeline"]]
    path = tmp_path / "tall.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    pdf = render(path)
    text = " ".join(pdf_text(pdf).split())
    for event in data["timeline"]:
        assert " ".join(event["label"].split()) in text
    assert words_overlap(pdf) == []


def test_italic_markup_in_the_key_is_set_in_italics(write) -> None:
    """Italic fonts are registered only when a timeline's text asks for them,
    even after a timeline without italics was rendered in the same process."""
    render(write(ATHENS))
    data = render(write(ATHENS.replace("detail: Persians defeated.", "detail: Persians *soundly* defeated.")))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        chars = [c for page in pdf.pages for c in page.chars]
    italic = "".join(c["text"] for c in chars if "Oblique" in c["fontname"] or "Italic" in c["fontname"])
    assert "soundly" in italic
    assert "Persians" not in italic


def test_no_dates_no_timeline_file_and_one_warning(write, tmp_path: Path) -> None:
    """Built for every kind: no timeline file, no strip, no slide, one warning."""
    from pptx import Presentation

    from tests.conftest import build_one

    source = write("title: Quiet\nsubjects:\n  - name: A\n  - name: B\ntable:\n  - {label: X, values: [a, b]}\n")
    out = tmp_path / "out"
    result = build_one(source, out, ["handout", "timeline", "deck"], LAYOUT)
    assert not result.problems and result.omitted == ["source.timeline.pdf"]
    assert sorted(result.written) == ["source.deck.pptx", "source.handout.pdf"]
    assert not (out / "source.timeline.pdf").exists()
    assert [w.key for w in result.warnings] == ["timeline"]
    assert "Timeline" not in pdf_text((out / "source.handout.pdf").read_bytes())
    titles = [s.shapes.title.text for s in Presentation(str(out / "source.deck.pptx")).slides if s.shapes.title]
    assert not any("Timeline" in t for t in titles)


def _fonts(pdf: pikepdf.Pdf):
    for page in pdf.pages:
        for font in page.Resources.get("/Font", {}).values():
            yield from font.get("/DescendantFonts", [font])


def _load(text: str):
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "source.yaml"
        path.write_text(text, encoding="utf-8")
        return load_source(path)


def test_the_timeline_words_come_from_the_layout(write) -> None:
    layout = LAYOUT.model_copy(
        update={
            "timeline": LAYOUT.timeline.model_copy(
                update={
                    "labels": LAYOUT.timeline.labels.model_copy(update={"events": "Ereignisse", "shared": "Gemeinsam"})
                }
            )
        }
    )
    path = write(ATHENS)
    text = pdf_text(render_timeline(load_source(path), layout, RenderContext(source_path=path)))
    assert "Ereignisse" in text and "Gemeinsam" in text and "Events" not in text


def test_an_unbreakable_lane_name_never_breaks_the_key(write) -> None:
    """The key names each event's lane under its date; a 400-letter name is cut there
    (the chart and the alt text carry it whole) instead of a row taller than the page."""
    from handouts.layout.resolve import load_layout as layout_named

    source = write(
        "title: Long\nsubjects:\n  - {name: A}\n  - {id: b, name: " + "a" * 300 + "}\ntimeline:\n"
        "  - {date: 13, label: One, subject: b}\n  - {start: 31 BC, end: 896, label: Two}\n"
        "  - {date: 258, label: Three}\n"
    )
    for name in ("classic", "large-print"):
        context = RenderContext(source_path=source)
        data = render_timeline(load_source(source), layout_named(name), context)
        runs = re.findall(r"a{6,}…?", pdf_text(data))  # the lane's name in the key (and on the chart)
        assert data and runs and all(run.endswith("…") for run in runs), runs  # cut, never broken onto a line
