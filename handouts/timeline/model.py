"""The renderer-neutral timeline: lanes, items and an axis range.

The PDF page, the handout strip and the deck slide all draw this same model;
positions are fractions of the axis (0 = left edge, 1 = right edge), so each
renderer maps them to its own box. Pure Python: no reportlab, no python-pptx.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from handouts.i18n.dates import DateWords, date_words
from handouts.layout.models import Layout
from handouts.markup import plain
from handouts.source.models import Comparison, Event

MIN_EVENTS = 2  # one dated event is not a timeline: nothing is drawn
PADDING = 0.04  # share of the range added on each side of the axis
MIN_RANGE = 1 / 12  # a timeline of one day still spans a month of axis


@dataclass(frozen=True)
class Lane:
    """One horizontal band: a subject's events, or the shared ones (``subject`` None)."""

    index: int
    subject: str | None
    label: str
    color: str
    pattern: str
    marker: str


@dataclass(frozen=True)
class Item:
    """One event on the axis: a point (``start == end``) or a span."""

    number: int  # 1-based, in date order across every lane (the key's order)
    lane: int  # index into Timeline.lanes
    label: str
    date_text: str  # "7 Nov 1917", "1917–1924", "c. 430 BC"
    detail: str
    is_span: bool
    start: float  # axis values (astronomical years)
    end: float
    color: str  # the event's own subject's look (also when lanes are merged)
    pattern: str
    marker: str
    approximate: bool
    who: str = ""  # the event's subject's name ("" for a shared event)

    @property
    def value(self) -> float:
        """Where a point sits (the middle of its period); a span's start."""
        return self.start if self.is_span else (self.start + self.end) / 2


@dataclass(frozen=True)
class Timeline:
    """Lanes, items (lane by lane, chronological within each), the padded axis range."""

    title: str
    lanes: tuple[Lane, ...]
    items: tuple[Item, ...]
    lo: float
    hi: float
    language: str = "en"  # the source's: dates and axis ticks are written in it
    approximate: str = "c. {date}"  # the layout's form of an approximate date

    @property
    def dates(self) -> DateWords:
        """How this timeline writes dates (the locale's data is loaded once per process)."""
        return date_words(self.language, self.approximate)

    @property
    def empty(self) -> bool:
        """Nothing worth drawing: fewer than :data:`MIN_EVENTS` dated events
        (a chart of one event says nothing a sentence would not)."""
        return len(self.items) < MIN_EVENTS

    def subset(self, lanes: list[int]) -> Timeline:
        """Only these lanes (renumbered from 0) on the same axis range and with
        the same event numbers: a continuation slide reads like the first."""
        keep = {old: new for new, old in enumerate(lanes)}
        return replace(
            self,
            lanes=tuple(replace(self.lanes[old], index=new) for old, new in keep.items()),
            items=tuple(replace(item, lane=keep[item.lane]) for item in self.items if item.lane in keep),
        )

    def merged(self, label: str) -> Timeline:
        """Every event in one lane called ``label`` (each keeps its subject's
        colour, pattern and marker): the last resort that keeps a very full
        chart on one page at a legible size."""
        first = self.lanes[0]
        lane = Lane(0, None, label, first.color, first.pattern, first.marker)
        return replace(self, lanes=(lane,), items=tuple(replace(item, lane=0) for item in self.items))

    def period(self, numbers: set[int]) -> Timeline:
        """Only the events numbered ``numbers`` (the same lanes and numbers),
        on an axis fitted to them: one part of a timeline cut by period."""
        items = tuple(item for item in self.items if item.number in numbers)
        lo, hi = _axis_range(list(items))
        return replace(self, items=items, lo=lo, hi=hi)

    def fraction(self, value: float) -> float:
        """Axis value -> 0..1 across the drawing."""
        return (value - self.lo) / (self.hi - self.lo)

    def lane_items(self, lane: int) -> list[Item]:
        return [item for item in self.items if item.lane == lane]

    def chronological(self) -> list[Item]:
        """Every item by date (items are stored lane by lane)."""
        return sorted(self.items, key=lambda item: item.number)

    def alt_text(self) -> str:
        """The chart as words, for screen readers: every event in date order with
        its subject (or lane, when the chart shows lanes), e.g.
        "1917–1924: Lenin in power (Lenin); 1917: October Revolution (Lenin)"."""
        parts = []
        for item in self.chronological():
            name = item.who or (self.lanes[item.lane].label if len(self.lanes) > 1 else "")
            parts.append(f"{item.date_text}: {plain(item.label)}" + (f" ({plain(name)})" if name else ""))
        return "; ".join(parts)


def build_timeline(model: Comparison, layout: Layout) -> Timeline:
    """Sort the source's events into lanes (one per subject with events, then
    a shared lane) and compute the padded axis range."""
    ids = model.subject_ids()
    looks = {
        sid: (subject.name, layout.subject_color(i, subject.color), layout.subject_pattern(i), layout.subject_marker(i))
        for i, (sid, subject) in enumerate(zip(ids, model.subjects))
    }
    words = layout.timeline.labels
    shared = (
        words.shared if layout.timeline.lanes else words.events,
        layout.colors.muted,
        layout.subject_pattern(len(ids)),
        layout.subject_marker(len(ids)),
    )
    events = sorted(enumerate(model.timeline), key=lambda pair: _sort_key(pair[1], pair[0]))
    dates = date_words(model.language, words.approximate)

    lanes: list[Lane] = []
    lane_of: dict[str | None, int] = {}
    if layout.timeline.lanes:
        used = {event.subject for event in model.timeline}
        for sid in [*ids, None]:
            if sid in used:
                name, color, pattern, marker = looks[sid] if sid is not None else shared
                lane_of[sid] = len(lanes)
                lanes.append(Lane(len(lanes), sid, name, color, pattern, marker))
    elif model.timeline:
        name, color, pattern, marker = shared
        lanes.append(Lane(0, None, name, color, pattern, marker))

    numbered = list(enumerate(events, start=1))  # numbers in date order
    numbered.sort(key=lambda entry: lane_of.get(entry[1][1].subject, 0))  # stable: by date within each lane
    items = []
    for number, (_, event) in numbered:
        lane = lane_of.get(event.subject, 0)
        name, color, pattern, marker = looks.get(event.subject, shared)
        items.append(
            replace(
                _item(number, lane, event, color, pattern, marker, dates), who=name if event.subject in looks else ""
            )
        )
    lo, hi = _axis_range(items)
    return Timeline(model.title, tuple(lanes), tuple(items), lo, hi, model.language, words.approximate)


def _item(number: int, lane: int, event: Event, color: str, pattern: str, marker: str, dates: DateWords) -> Item:
    if event.is_span:
        start, end = event.start, event.end
        assert start is not None and end is not None, "the loader checks spans"
        return Item(
            number,
            lane,
            event.label,
            dates.span(start, end),
            event.detail or "",
            True,
            start.start_value(),
            end.end_value(),
            color,
            pattern,
            marker,
            start.approximate or end.approximate,
        )
    date = event.date
    assert date is not None, "the loader checks that every event has a date"
    return Item(
        number,
        lane,
        event.label,
        dates.date(date),
        event.detail or "",
        False,
        date.start_value(),
        date.end_value(),
        color,
        pattern,
        marker,
        date.approximate,
    )


def _sort_key(event: Event, index: int) -> tuple:
    first = event.first
    last = event.end or event.date
    return (first.start_value(), -(last.end_value() if last else 0), index)  # type: ignore[union-attr]


def _axis_range(items: list[Item]) -> tuple[float, float]:
    if not items:
        return 0.0, 1.0
    lo = min(item.start if item.is_span else item.value for item in items)
    hi = max(item.end if item.is_span else item.value for item in items)
    if hi - lo < MIN_RANGE:
        centre = (lo + hi) / 2
        lo, hi = centre - MIN_RANGE / 2, centre + MIN_RANGE / 2
    pad = (hi - lo) * PADDING
    return lo - pad, hi + pad


def warn_no_timeline(context, timeline: Timeline) -> None:  # noqa: ANN001 - a RenderContext
    """The one warning for a source with too few dates: the same words from
    every renderer that leaves its timeline out, so a build shows it once."""
    count = len(timeline.items)
    context.warn(
        f"the timeline has {count or 'no'} dated event{'s' * (count != 1)}: no timeline is drawn",
        key="timeline",
        hint=f"add at least {MIN_EVENTS} events with dates to get a timeline",
    )
