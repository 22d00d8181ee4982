"""The truth rule, as properties: every event at its own date, nothing
overlapping, everything inside its page or slide, the chart in one piece.

Random event sets (points and spans, 1-80 events, BC and AD, days to
millennia, clusters, 1-8 lanes plus shared) are placed for every built-in
layout at the geometry each renderer uses: the timeline page, the handout's
strip and the deck's slide body.
"""

from __future__ import annotations

import itertools
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from handouts.layout.resolve import load_layout
from handouts.render.deck.chart.plan import fit_chart, plan_slides
from handouts.render.timeline.document import FRAME_PADDING, _choose_page, _zoom
from handouts.render.timeline.draw import measure
from handouts.render.timeline.flow import styles
from handouts.source.loader import load_source
from handouts.source.models import Comparison
from handouts.timeline.model import Timeline, build_timeline
from handouts.timeline.placement import Placement, place
from handouts.timeline.ticks import MIN_TICKS
from handouts.timeline.zoom import plan_zoom
from tests.conftest import LAYOUTS
from tests.sources import NAMES, write_source

SLIDE_BODY = (12.3 * 72, 5.6 * 72)  # the 16:9 deck's body box, points


def _date(year: int, month: int | None, day: int | None, approximate: bool) -> str:
    text = f"{-year} BC" if year < 0 else str(year)
    if year > 0 and month:
        text += f"-{month:02d}" + (f"-{day:02d}" if day else "")
    return ("c. " if approximate else "") + text


@st.composite
def event_sets(draw) -> dict:
    """A source: 1-8 subjects, 1-80 events clustered around a few centres."""
    n_subjects = draw(st.integers(2, 8))
    scale = draw(st.sampled_from([0.05, 1, 10, 100, 1000]))  # weeks .. millennia
    centre = draw(st.integers(-2500, 1990))
    centres = draw(st.lists(st.integers(-20, 20), min_size=1, max_size=3))
    events = []
    for i in range(draw(st.integers(1, 80))):
        base = centre + int(draw(st.sampled_from(centres)) * scale) + draw(st.integers(0, max(0, int(scale))))
        year = base if base != 0 else 1
        month = draw(st.one_of(st.none(), st.integers(1, 12))) if scale < 10 and year > 0 else None
        day = draw(st.one_of(st.none(), st.integers(1, 28))) if month else None
        lane = draw(st.integers(-1, n_subjects - 1))
        event = {"label": f"{draw(st.sampled_from(['Treaty', 'Battle of the Bridge', 'Reform', 'Famine']))} {i}"}
        if draw(st.integers(0, 4)) == 0:
            length = draw(st.integers(1, max(1, int(scale * 5))))
            end = year + length
            end = end + 1 if end == 0 else end
            event.update(start=_date(year, None, None, False), end=_date(end, None, None, draw(st.booleans())))
        else:
            event["date"] = _date(year, month, day, draw(st.booleans()))
        if lane >= 0:
            event["subject"] = f"s{lane}"
        events.append(event)
    subjects = [{"id": f"s{i}", "name": NAMES[i]} for i in range(n_subjects)]
    return {"title": "Generated", "subjects": subjects, "timeline": events}


@st.composite
def dense_sets(draw) -> dict:
    """A long span and, in each lane, up to a dozen events crowded into a few
    percent of it (the "1900-1990 and ten events of 1928-30" shape), any era."""
    n_subjects = draw(st.integers(1, 6))
    length = draw(st.sampled_from([30, 90, 400, 3000]))
    start = draw(st.integers(-3000, 1900))
    start = start if start not in (0, -length) else 1
    end = start + length if start + length != 0 else start + length + 1
    crowd = start + draw(st.integers(1, length - max(2, length // 30)))
    events = [{"start": _date(start, None, None, False), "end": _date(end, None, None, False), "label": "Long"}]
    for lane in range(n_subjects):
        for k in range(draw(st.integers(2, 12))):
            year = crowd + draw(st.integers(0, max(1, length // 30)))
            year = year if year != 0 else 1
            month = draw(st.integers(1, 12)) if year > 0 else None
            events.append({"date": _date(year, month, None, False), "label": f"Step {lane}.{k}", "subject": f"s{lane}"})
    subjects = [{"id": f"s{i}", "name": NAMES[i]} for i in range(max(n_subjects, 2))]
    return {"title": "Dense", "subjects": subjects, "timeline": events}


def _timeline(data: dict, layout) -> Timeline:  # noqa: ANN001
    with tempfile.TemporaryDirectory() as folder:
        return build_timeline(load_source(write_source(Path(folder) / "s.yaml", data)), layout)


def check_truth(timeline: Timeline, p: Placement) -> None:
    """Each event's mark within half a marker width of its date, on this placement's axis."""
    marks = {n: m for m in p.marks for n in m.numbers}
    assert set(marks) == {i.number for i in timeline.items}, "every event is drawn"
    for item in timeline.items:
        mark = marks[item.number]
        half = mark.h / 2 + 0.01
        if item.is_span:
            assert mark.is_span and abs(mark.x0 - p.x(item.start)) <= half
            assert abs(mark.x1 - p.x(item.end)) <= max(half, mark.x1 - mark.x0)  # a very short bar is half a marker
        else:
            assert abs(mark.x0 - p.x(item.value)) <= half, (item, mark)


def check_shared(timeline: Timeline, p: Placement) -> None:
    """Events of different dates share a marker only within one marker width on this strip's axis."""
    value = {i.number: i.value for i in timeline.items}
    for mark in p.marks:
        if not mark.is_span and len(mark.numbers) > 1:
            xs = [p.x(value[n]) for n in mark.numbers]
            assert max(xs) - min(xs) <= mark.h + 0.01, (mark, xs)


def check_zoom(timeline: Timeline, main: Placement, layout, orientation: str, room: float) -> None:  # noqa: ANN001
    """The timeline page's inset, when it has one: true and clear on its own
    axis, on the page under the chart, separating what the main chart merged."""
    width = layout.page.dimensions(orientation)[0] - layout.page.margins.left - layout.page.margins.right
    zoom = _zoom([(timeline, main)], layout, styles(layout, timeline), width - 2 * FRAME_PADDING, room)
    if zoom is None:
        return
    (lo, hi), _, part, placed, main = zoom
    check_truth(timeline, main)
    check_clear_and_inside(main, layout.timeline.min_size, room)
    check_truth(part, placed)
    check_shared(part, placed)
    check_clear_and_inside(placed, layout.timeline.min_size, room - main.height)
    assert main.height + placed.height <= room + 0.01, "chart and inset on one page"
    shown = {i.number for i in part.items}
    value = {i.number: i.value for i in timeline.items}
    for mark in main.marks:  # each merged event is in the inset
        if not mark.is_span and len({value[n] for n in mark.numbers}) > 1:
            assert set(mark.numbers) <= shown, (mark.numbers, lo, hi)


def check_inset(found, min_size: float, height: float) -> None:  # noqa: ANN001 - plan_zoom's answer
    """A strip's or slide's inset (if any) keeps the rules on its own axis."""
    if found is not None:
        _, part, placed = found
        check_truth(part, placed)
        check_shared(part, placed)
        check_clear_and_inside(placed, min_size, height)


def check_clear_and_inside(p: Placement, min_size: float, height: float) -> None:
    """No two labels overlap, no label covers a mark, all inside the box, an axis that reads."""
    eps = 0.01
    for a, b in itertools.combinations(p.labels, 2):
        apart = a.x + a.w <= b.x + eps or b.x + b.w <= a.x + eps or a.y + a.h <= b.y + eps or b.y + b.h <= a.y + eps
        assert apart, (a, b)
    for label in p.labels:
        for mark in p.marks:
            x0, x1 = (mark.x0, mark.x1) if mark.is_span else (mark.x0 - mark.h / 2, mark.x0 + mark.h / 2)
            top, bottom = mark.y - mark.h / 2, mark.y + mark.h / 2
            clear = label.y + label.h <= top + eps or label.y >= bottom - eps or label.x + label.w <= x0 + eps
            assert clear or label.x >= x1 - eps, (label, mark)
        assert -eps <= label.x and label.x + label.w <= p.width + eps and label.y >= -eps
    for mark in p.marks:
        left = mark.x0 - (0 if mark.is_span else mark.h / 2)
        right = mark.x1 + (0 if mark.is_span else mark.h / 2)
        assert -eps <= left and right <= p.width + eps and mark.y + mark.h / 2 <= p.axis_y + eps
    assert p.size >= min_size - eps
    assert p.height <= height + eps, "the chart fits its page or slide"
    assert len(p.ticks) >= MIN_TICKS, p.ticks
    for x, label in p.ticks:
        assert p.plot_left - eps <= x <= p.plot_right + eps
        assert not re.search(r"(^|\s)0( BC)?$", label) and "AD 0" not in label


LAYOUT_OBJECTS = {name: load_layout(name) for name in LAYOUTS}


@settings(
    max_examples=15,  # each example is 5 layouts x page, strip and slide (~3 s)
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # shrinking 80-event sets takes minutes
)
@given(data=st.one_of(event_sets(), dense_sets()))
def test_every_event_at_its_date_on_page_strip_and_slide(data: dict) -> None:
    for layout in LAYOUT_OBJECTS.values():
        timeline = _timeline(data, layout)
        if timeline.empty:
            continue
        settings_ = layout.timeline
        # the timeline page: the whole chart on one page, in the orientation that holds it (else in
        # one lane, else whole charts of periods, each on a page of its own)
        model = Comparison.model_validate({"title": "Generated", "subjects": data["subjects"]})
        orientation, pages, room = _choose_page(model, layout, timeline, styles(layout, timeline))
        assert sorted(i.number for part, _ in pages for i in part.items) == [i.number for i in timeline.chronological()]
        for part, page in pages:
            check_truth(part, page)
            check_shared(part, page)
            check_clear_and_inside(page, settings_.min_size, room)
        if len(pages) == 1:
            check_zoom(timeline, pages[0][1], layout, orientation, room)
        # the handout's strip across a portrait text width
        width = layout.page.dimensions()[0] - layout.page.margins.left - layout.page.margins.right
        strip = place(timeline, width, measure(layout), settings_.label_size, settings_.min_size)
        check_truth(timeline, strip)
        check_shared(timeline, strip)
        fit = lambda part: place(part, width, measure(layout), settings_.label_size, settings_.min_size)  # noqa: E731, B023
        check_inset(plan_zoom(timeline, strip, fit), settings_.min_size, float("inf"))
        check_clear_and_inside(strip, settings_.min_size, strip.height)
        # the deck: every part on a slide of its own, each inside the body box
        box_w, box_h = SLIDE_BODY
        parts = plan_slides(timeline, layout, box_w, box_h)
        assert sorted(n for part, _ in parts for n in (i.number for i in part.items)) == sorted(
            i.number for i in timeline.items
        )
        for part, placed in parts:
            check_truth(part, placed)
            check_shared(part, placed)
            check_clear_and_inside(placed, layout.deck.sizes.min, box_h)
            detail = plan_zoom(part, placed, lambda p: fit_chart(p, layout, box_w, box_h), box_h)  # noqa: B023
            check_inset(detail, layout.deck.sizes.min, box_h)
