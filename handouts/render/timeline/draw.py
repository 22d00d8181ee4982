"""Draw a placed timeline on a reportlab canvas (shared by the page and the strip).

Placement coordinates run top-down from the box's top-left; the canvas runs
bottom-up, so every y is flipped once here. Colours, fonts and sizes come
from the layout; patterns and marker shapes make lanes differ in grayscale.
"""

from __future__ import annotations

from typing import Any

from handouts.colors import tint
from handouts.layout.models import Layout
from handouts.render.fonts import measurer, register_family
from handouts.render.pdf.canvas_text import draw_text
from handouts.render.pdf.marks import draw_marker
from handouts.timeline.placement import Mark, Placement

PATTERN_STEP = 2.6  # pattern line spacing, points
APPROX_DASH = (2, 1.5)


def label_family(layout: Layout) -> str:
    """Timeline labels use the table family (condensed: more labels fit)."""
    return layout.fonts.table


def measure(layout: Layout):
    """``width_of(text, size)`` in points with the label font (what placement needs)."""
    return measurer(label_family(layout))


def draw_placement(canvas: Any, placement: Placement, layout: Layout, x: float, top: float) -> None:
    """Draw ``placement`` with its top-left corner at canvas point (x, top)."""
    colors = layout.colors
    font = register_family(label_family(layout), ("regular",))["regular"]
    size = placement.size
    Y = lambda y: top - y  # noqa: E731
    canvas.saveState()
    # lane bands, separators and names
    for i, lane in enumerate(placement.lanes):
        if i % 2:
            canvas.setFillColor(colors.zebra)
            canvas.rect(x, Y(lane.y + lane.h), placement.width, lane.h, stroke=0, fill=1)
        mid = lane.y + lane.h / 2
        draw_marker(canvas, lane.lane.marker, x + size * 0.6, Y(mid), size * 0.95, lane.lane.color)
        canvas.setFillColor(colors.text)
        canvas.setFont(font, size)
        draw_text(canvas, x + size * 1.4, Y(mid) - size * 0.33, lane.title, (font, size, colors.text))
    # grid, lane rules (which lane a bar belongs to reads even on white bands) and axis
    canvas.setStrokeColor(tint(colors.rule, 0.55))
    canvas.setLineWidth(0.4)
    for lane in placement.lanes[1:]:
        canvas.line(x, Y(lane.y), x + placement.width, Y(lane.y))
    for tx, _ in placement.ticks:
        canvas.line(x + tx, Y(0), x + tx, Y(placement.axis_y))
    canvas.setStrokeColor(colors.rule)
    canvas.setLineWidth(0.8)
    canvas.line(x + placement.plot_left, Y(placement.axis_y), x + placement.plot_right, Y(placement.axis_y))
    canvas.setFillColor(colors.muted)
    canvas.setFont(font, size)
    for tx, text in placement.ticks:
        canvas.line(x + tx, Y(placement.axis_y), x + tx, Y(placement.axis_y + size * 0.5))
        draw_text(canvas, x + tx, Y(placement.axis_y + size * 1.55), text, (font, size, colors.muted), "middle")
    if placement.zoom:  # the stretch the inset shows again, bracketed on the axis
        x0, x1 = (x + placement.x(v) for v in placement.zoom)
        half = max(0.0, size * 0.5 - (x1 - x0) / 2)
        x0, x1 = x0 - half, x1 + half
        canvas.setStrokeColor(colors.accent)
        canvas.setLineWidth(2.2)
        canvas.line(x0, Y(placement.axis_y), x1, Y(placement.axis_y))
        canvas.setLineWidth(1.2)
        canvas.line(x0, Y(placement.axis_y), x0, Y(placement.axis_y + size * 0.45))
        canvas.line(x1, Y(placement.axis_y), x1, Y(placement.axis_y + size * 0.45))
    # leaders, marks, labels
    canvas.setLineWidth(0.5)
    canvas.setStrokeColor(colors.muted)
    for label in placement.labels:
        if label.has_leader:
            canvas.line(x + label.leader_x, Y(label.leader_top), x + label.leader_x, Y(label.leader_bottom))
    for mark in placement.marks:
        if mark.is_span:
            bar(canvas, mark, x, Y, colors.background)
        else:
            draw_marker(canvas, mark.marker, x + mark.x0, Y(mark.y), mark.h, mark.color, dashed=mark.approximate)
    canvas.setFillColor(colors.text)
    canvas.setFont(font, size)
    for label in placement.labels:
        draw_text(canvas, x + label.x, Y(label.y) - size * 0.98, label.text, (font, size, colors.text))
    canvas.restoreState()


def bar(canvas: Any, mark: Mark, x: float, Y, background: str) -> None:
    """A span: a light tint with the lane's pattern, outlined in its colour."""
    left, bottom, w, h = x + mark.x0, Y(mark.y + mark.h / 2), mark.x1 - mark.x0, mark.h
    canvas.saveState()
    solid = mark.pattern == "solid"
    canvas.setFillColor(mark.color if solid else tint(mark.color, 0.78))
    canvas.rect(left, bottom, w, h, stroke=0, fill=1)
    if not solid and mark.pattern != "none":
        path = canvas.beginPath()
        path.rect(left, bottom, w, h)
        canvas.clipPath(path, stroke=0, fill=0)
        _pattern(canvas, mark.pattern, left, bottom, w, h, mark.color)
    canvas.restoreState()
    canvas.saveState()
    canvas.setStrokeColor(mark.color)
    canvas.setLineWidth(0.7)
    if mark.approximate:
        canvas.setDash(*APPROX_DASH)
    canvas.rect(left, bottom, w, h, stroke=1, fill=0)
    canvas.restoreState()


def _pattern(canvas: Any, pattern: str, left: float, bottom: float, w: float, h: float, color: str) -> None:
    """The pattern as one path (one paint operation, however long the bar)."""
    step = PATTERN_STEP
    canvas.setStrokeColor(color)
    canvas.setFillColor(color)
    canvas.setLineWidth(0.6)
    path = canvas.beginPath()
    n = int((w + h) / step) + 2
    if pattern in ("hatch", "crosshatch"):
        for i in range(n):
            path.moveTo(left + i * step - h, bottom)
            path.lineTo(left + i * step, bottom + h)
    if pattern == "crosshatch":
        for i in range(n):
            path.moveTo(left + i * step - h, bottom + h)
            path.lineTo(left + i * step, bottom)
    if pattern == "stripes":
        for i in range(int(h / step) + 1):
            path.moveTo(left, bottom + i * step + step / 2)
            path.lineTo(left + w, bottom + i * step + step / 2)
    if pattern in ("hatch", "crosshatch", "stripes"):
        canvas.drawPath(path, stroke=1, fill=0)
        return
    for i in range(int(w / step) + 1):
        for j in range(int(h / step) + 1):
            if pattern == "dots":
                path.rect(left + i * step + step / 2 - 0.5, bottom + j * step + step / 2 - 0.5, 1.0, 1.0)
            elif pattern == "checker" and (i + j) % 2 == 0:
                path.rect(left + i * step, bottom + j * step, step, step)
    canvas.drawPath(path, stroke=0, fill=1)
