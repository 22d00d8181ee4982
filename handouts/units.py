"""The one place that converts lengths, so PDF and PPTX agree on sizes.

Layout files write lengths as numbers (points) or strings with a unit:
``"18mm"``, ``"1.5cm"``, ``"0.75in"``, ``"12pt"``. Internally everything is points.
"""

from __future__ import annotations

import re

EMU_PER_INCH = 914_400
EMU_PER_POINT = EMU_PER_INCH // 72  # 12,700

_FACTORS = {"pt": 1.0, "in": 72.0, "mm": 72.0 / 25.4, "cm": 72.0 / 2.54, "px": 0.75}
_LENGTH = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(pt|in|mm|cm|px)?\s*$")

LENGTH_FORMS = "a number of points or a number with a unit: 12pt, 18mm, 1.5cm, 0.75in"


def parse_length(value: object) -> float:
    """Return ``value`` in points; raise ``ValueError`` naming the accepted forms."""
    if isinstance(value, bool):
        raise ValueError(f"expected a length ({LENGTH_FORMS})")
    if isinstance(value, (int, float)):
        return float(value)
    match = _LENGTH.match(str(value))
    if not match:
        raise ValueError(f"{value!r} is not a length; use {LENGTH_FORMS}")
    number, unit = match.groups()
    return float(number) * _FACTORS[unit or "pt"]


def pt_to_emu(points: float) -> int:
    """Points to PowerPoint's English Metric Units (integer, as OOXML wants)."""
    return int(round(points * EMU_PER_POINT))


def emu_to_pt(emu: int) -> float:
    """English Metric Units back to points."""
    return emu / EMU_PER_POINT
