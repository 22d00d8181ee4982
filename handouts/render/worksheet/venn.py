"""Venn geometry for two or three subjects: circles, regions, and a text box in each.

Pure arithmetic (no reportlab), so tests can check it on its own and the
organizer can trust it: a region is "inside these circles, outside those"
(:func:`groups` names them), and :func:`interval` is the room it has at one
height, which :mod:`regionflow` lays text into.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import combinations

INSET = 0.04  # of the radius: the gap kept between text and a circle


@dataclass(frozen=True)
class Circle:
    x: float
    y: float
    r: float


def circles_for(n: int, width: float, height: float) -> list[Circle]:
    """Two circles (side by side on a wide box, one above the other on a tall
    one, so the shared part is as wide as it can be), or three in a triangle,
    as large as the box allows."""
    cx, cy = width / 2, height / 2
    if n == 2:
        long, short = max(width, height), min(width, height)
        r = min(long / 3.05, short / 2.05)
        d = r * 1.05  # a wide shared part: similarities are often the longest texts
        if width >= height:
            return [Circle(cx - d / 2, cy, r), Circle(cx + d / 2, cy, r)]
        return [Circle(cx, cy + d / 2, r), Circle(cx, cy - d / 2, r)]
    r = min(width / 3.4, height / 3.15)
    d = r * 1.25  # distance between centres
    top = cy + d * math.sqrt(3) / 6 + r * 0.02
    bottom = top - d * math.sqrt(3) / 2
    return [Circle(cx - d / 2, top, r), Circle(cx + d / 2, top, r), Circle(cx, bottom, r)]


def anchor(circles: list[Circle], members: tuple[int, ...]) -> tuple[float, float]:
    """A point well inside the region: the members' centre, pushed away from the others."""
    mx = sum(circles[i].x for i in members) / len(members)
    my = sum(circles[i].y for i in members) / len(members)
    others = [c for i, c in enumerate(circles) if i not in members]
    if not others:
        return mx, my
    ox, oy = sum(c.x for c in others) / len(others), sum(c.y for c in others) / len(others)
    dx, dy = mx - ox, my - oy
    length = math.hypot(dx, dy) or 1.0
    push = circles[0].r * (0.45 if len(members) == 1 else 0.12)
    return mx + dx / length * push, my + dy / length * push


def interval(circles: list[Circle], members: tuple[int, ...], y: float, ax: float, inset: float):
    """The x-range at height ``y`` inside the members and outside the rest, on the anchor's side."""
    lo, hi = -math.inf, math.inf
    for i, c in enumerate(circles):
        if i not in members:
            continue
        r = c.r - inset
        if abs(y - c.y) >= r:
            return None
        half = math.sqrt(r * r - (y - c.y) ** 2)
        lo, hi = max(lo, c.x - half), min(hi, c.x + half)
    for i, c in enumerate(circles):
        r = c.r + inset
        if i in members or abs(y - c.y) >= r:
            continue
        half = math.sqrt(r * r - (y - c.y) ** 2)
        if c.x - half < ax < c.x + half:
            return None  # the other circle cuts the region off here (text would wrap round it)
        if ax <= c.x - half:
            hi = min(hi, c.x - half)
        else:
            lo = max(lo, c.x + half)
    return (lo, hi) if hi > lo else None


def groups(n: int) -> list[tuple[int, ...]]:
    """The regions of ``n`` circles by their members: all first, then pairs, then each alone."""
    return [tuple(range(n))] + [g for k in range(n - 1, 0, -1) for g in combinations(range(n), k)]
