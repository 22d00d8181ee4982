"""The timeline as an SVG chart: one band per lane, spans as bars, points as dots.

The chart is ``role="img"`` with a title and the timeline model's own alt text
(every event in date order), so a screen reader hears it as one picture; the
ordered list that follows the chart carries the same events as text.
"""

from __future__ import annotations

from handouts.render.html.inline import escape
from handouts.timeline.model import Timeline

WIDTH = 1000
LABEL = 150  # room for lane names on the left
BAND = 34
AXIS = 30


def _x(timeline: Timeline, value: float) -> float:
    return LABEL + timeline.fraction(value) * (WIDTH - LABEL - 10)


def _year(timeline: Timeline, value: float) -> str:
    """The axis end's year in the timeline's language ("430 BC", "430 г. до н. э."); an
    axis that crosses the era names it at both ends ("490 BC" ... "AD 30")."""
    year = int(value // 1)
    return timeline.dates.year(year if year > 0 else year - 1, era=timeline.lo < 1.0 <= timeline.hi)


def timeline_svg(timeline: Timeline, title: str, ident: str) -> str:
    """The chart's markup; ``ident`` keeps its ids unique on the page."""
    height = len(timeline.lanes) * BAND + AXIS
    out = [
        f'<svg class="chart" dir="ltr" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc">\n'
        f'<title id="{ident}-title">{escape(title)}</title>\n'
        f'<desc id="{ident}-desc">{escape(timeline.alt_text())}</desc>\n'
    ]
    for lane in timeline.lanes:
        top = lane.index * BAND
        out.append(
            f'<text x="4" y="{top + BAND / 2 + 5:.0f}" font-size="15" fill="currentColor">{escape(lane.label)}</text>\n'
            f'<line x1="{LABEL}" y1="{top + BAND / 2:.0f}" x2="{WIDTH - 10}" y2="{top + BAND / 2:.0f}" '
            'stroke="currentColor" stroke-opacity="0.3"/>\n'
        )
        for item in timeline.lane_items(lane.index):
            middle = top + BAND / 2
            if item.is_span:
                x1, x2 = _x(timeline, item.start), _x(timeline, item.end)
                out.append(
                    f'<rect x="{x1:.1f}" y="{middle - 7:.1f}" width="{max(x2 - x1, 3):.1f}" height="14" '
                    f'rx="3" fill="{item.color}"/>\n'
                )
            else:
                out.append(
                    f'<circle cx="{_x(timeline, item.value):.1f}" cy="{middle:.1f}" r="7" fill="{item.color}"/>\n'
                )
    axis = len(timeline.lanes) * BAND + 4
    out.append(f'<line x1="{LABEL}" y1="{axis}" x2="{WIDTH - 10}" y2="{axis}" stroke="currentColor"/>\n')
    for value, anchor in ((timeline.lo, "start"), (timeline.hi, "end")):
        x = LABEL if anchor == "start" else WIDTH - 10
        out.append(
            f'<text x="{x}" y="{axis + 20}" font-size="15" text-anchor="{anchor}" fill="currentColor">'
            f"{escape(_year(timeline, value))}</text>\n"
        )
    out.append("</svg>\n")
    return "".join(out)
