"""The chart painted: placement points mapped to EMU, each band, marker,
rule and label a stamp of its look, all in one group ("Timeline", or the
key's "Timeline key") that the deck gives alt text."""

from __future__ import annotations

from collections.abc import Callable

from handouts.colors import tint
from handouts.i18n.words import language_of
from handouts.layout.models import Layout
from handouts.markup import plain
from handouts.render.deck import xml_edits
from handouts.render.deck.chart.looks import Look, look_element
from handouts.render.deck.chart.plan import deck_measure, plan_slides
from handouts.timeline.model import Timeline
from handouts.timeline.placement import Placement
from handouts.units import emu_to_pt, pt_to_emu


def draw_timeline(
    slide,
    left: int,
    top: int,
    width: int,
    height: int,
    timeline: Timeline,
    layout: Layout,
    language: str = "en",
    placement: Placement | None = None,
) -> Placement:
    """Draw into the box (EMU) and return the placement (``.numbered`` tells the
    caller the labels went to a numbered key it should show: see
    :mod:`handouts.render.deck.builders.timeline`). ``placement`` is one :func:`plan_slides` made; without it the
    timeline is placed here, as one part."""
    box_w, box_h = emu_to_pt(width), emu_to_pt(height)
    width_of = deck_measure(layout)
    if placement is None:
        placement = plan_slides(timeline, layout, box_w, box_h)[0][1]
    painter = Painter(layout, left, top, language, width_of)
    painter.paint(placement, timeline)
    painter.group(slide, "Timeline")
    return placement


class Painter:
    """Maps placement points to EMU and collects each shape as a stamp of its
    look, in drawing order (the chart's, or the key's: the key's markers are
    the chart's shapes); :meth:`group` draws them as one group."""

    def __init__(
        self, layout: Layout, left: int, top: int, language: str, width_of: Callable[[str, float], float]
    ) -> None:
        self.layout, self.left, self.top = layout, left, top
        self.language, self.width_of = language, width_of
        self.drawn: list[xml_edits.Stamp] = []

    def x(self, value: float) -> int:
        return self.left + pt_to_emu(value)

    def y(self, value: float) -> int:
        return self.top + pt_to_emu(value)

    def group(self, slide, name: str):
        """Everything painted, as one group named ``name`` on ``slide``."""
        return xml_edits.stamp_group(slide, self.drawn, name)

    def paint(self, p: Placement, timeline: Timeline) -> None:
        colors, size = self.layout.colors, p.size
        for i, lane in enumerate(p.lanes):
            if i % 2:
                self.rect(0, lane.y, p.width, lane.h, colors.zebra, name=f"Lane band {i + 1}")
            mid = lane.y + lane.h / 2
            self.marker(lane.lane.marker, size * 0.6, mid, size * 0.9, lane.lane.color, f"Lane {lane.title}")
            self.text(
                size * 1.4, mid - size * 0.65, p.plot_left - size * 1.4, size * 1.3, lane.title, size, colors.text
            )
        for lane in p.lanes[1:]:  # lanes ruled apart: a bar's lane reads even on white bands
            self.line(0, lane.y, p.width, lane.y, tint(colors.rule, 0.55), 0.5)
        for tx, _ in p.ticks:
            self.line(tx, 0, tx, p.axis_y, tint(colors.rule, 0.55), 0.5)
        self.line(p.plot_left, p.axis_y, p.plot_right, p.axis_y, colors.rule, 1.0)
        if p.zoom:  # the stretch the next slide shows in detail, bracketed on the axis
            x0, x1 = (p.x(v) for v in p.zoom)
            half = max(0.0, size * 0.5 - (x1 - x0) / 2)
            x0, x1 = x0 - half, x1 + half
            self.line(x0, p.axis_y, x1, p.axis_y, colors.accent, 2.5)
            self.line(x0, p.axis_y, x0, p.axis_y + size * 0.45, colors.accent, 1.5)
            self.line(x1, p.axis_y, x1, p.axis_y + size * 0.45, colors.accent, 1.5)
        for tx, label in p.ticks:
            self.line(tx, p.axis_y, tx, p.axis_y + size * 0.4, colors.rule, 1.0)
            w = self.width_of(label, size) + size
            self.text(tx - w / 2, p.axis_y + size * 0.45, w, size * 1.3, label, size, colors.muted, center=True)
        for label in p.labels:
            if label.has_leader:
                self.line(label.leader_x, label.leader_top, label.leader_x, label.leader_bottom, colors.muted, 0.6)
        for mark in p.marks:
            if mark.is_span:
                self.rect(
                    mark.x0,
                    mark.y - mark.h / 2,
                    mark.x1 - mark.x0,
                    mark.h,
                    mark.color,
                    pattern=mark.pattern,
                    name=f"Span {mark.numbers[0]}",
                    outline=mark.color,
                )
            else:
                self.marker(
                    mark.marker, mark.x0, mark.y, mark.h, mark.color, f"Event {mark.numbers[0]}", light=mark.approximate
                )
        for label in p.labels:
            self.text(
                label.x,
                label.y + (label.h - size * 1.22) / 2,
                label.w + size * 0.3,
                size * 1.25,
                plain(label.text),
                size,
                colors.text,
            )

    # -- shapes ---------------------------------------------------------------
    def _stamp(self, look: Look, x: float, y: float, w: float, h: float, **fields) -> None:
        box = (self.x(x), self.y(y), pt_to_emu(w), pt_to_emu(h))
        self.drawn.append(xml_edits.Stamp(look_element(look), box, **fields))

    def rect(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        color: str,
        pattern: str = "solid",
        name: str = "",
        outline: str | None = None,
    ) -> None:
        """A rectangle filled solid, with a hatch pattern, or not at all; no
        shadow; a 0.75 pt ``outline`` or none."""
        self._stamp(Look("rect", color, pattern, outline), x, y, w, h, name=name or None)

    def marker(self, kind: str, cx: float, cy: float, d: float, color: str, name: str, light: bool = False) -> None:
        w = d * 0.45 if kind == "bar" else d
        h = d * 1.15 if kind == "bar" else d
        look = Look(kind, color, fill=tint(color, 0.5) if light else None)
        self._stamp(look, cx - w / 2, cy - h / 2, w, h, name=name)

    def line(self, x0: float, y0: float, x1: float, y1: float, color: str, width: float) -> None:
        """A straight connector from (x0, y0) to (x1, y1)."""
        left, top = self.x(x0), self.y(y0)
        right, bottom = self.x(x1), self.y(y1)
        look = Look("line", color, width=width, flips=(left > right, top > bottom))
        box = (min(left, right), min(top, bottom), abs(right - left), abs(bottom - top))
        self.drawn.append(xml_edits.Stamp(look_element(look), box))

    def text(
        self, x: float, y: float, w: float, h: float, text: str, size: float, color: str, center: bool = False
    ) -> None:
        """One unwrapped line at ``size``, no insets."""
        font = self.layout.deck.fonts.body
        plain_text = xml_edits.stampable(text)
        look = Look("text", color, size=size, center=center, font=font, text="x" if plain_text else text)
        language = language_of(text) or self.language
        self._stamp(look, x, y, w, h, text=text if plain_text else None, language=language)
