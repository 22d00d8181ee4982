"""The one place that puts a wrapped line of mixed-direction words in visual order.

reportlab orders right-to-left lines only with ``rlbidi``, which the package
registries do not carry. Lines are therefore wrapped in logical order first and
each line's *words* are then put in display order here: every word is one unit
(HarfBuzz orders the letters inside it, since it shapes each word in its own
direction), its embedding level comes from the Unicode bidi classes of its
letters (rules W1–W7 and N1–N2 of UAX #9 at word granularity), and rule L2
reverses the runs. A Latin name or a year inside Arabic prose keeps its own
left-to-right order.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")

_RTL = ("R", "AL")
_NUMBER = ("EN", "AN")


def word_class(word: str) -> str:
    """ "R" or "L" (the first strong letter), "N" for a number, "" for punctuation only."""
    number = False
    for ch in word:
        kind = unicodedata.bidirectional(ch)
        if kind in _RTL:
            return "R"
        if kind == "L":
            return "L"
        number = number or kind in _NUMBER
    return "N" if number else ""


def levels(classes: Sequence[str], rtl: bool) -> list[int]:
    """The embedding level of each word of a line whose paragraph is ``rtl`` (or not)."""
    base = 1 if rtl else 0
    resolved: list[str] = []
    strong = "R" if rtl else "L"
    for kind in classes:  # W7: a number after a left-to-right letter is left to right
        if kind in ("R", "L"):
            strong = kind
        resolved.append(("L" if strong == "L" else "N") if kind == "N" else kind)
    for i, kind in enumerate(resolved):  # N1/N2: punctuation takes its neighbours' side, or the paragraph's
        if kind:
            continue
        before = next((_side(k) for k in reversed(resolved[:i]) if k), "R" if rtl else "L")
        after = next((_side(k) for k in resolved[i + 1 :] if k), "R" if rtl else "L")
        resolved[i] = before if before == after else ("R" if rtl else "L")
    out = []
    for kind in resolved:  # I1/I2
        if kind == "R":
            out.append(1)
        elif kind == "L":
            out.append(0 if base == 0 else 2)
        else:  # a number: one level above the text around it
            out.append(2)
    return out


def _side(kind: str) -> str:
    return "R" if kind in ("R", "N") else "L"


def visual_order(words: Sequence[T], texts: Sequence[str], rtl: bool) -> list[T]:
    """``words`` (with their ``texts``) of one line in display order, left to right (rule L2)."""
    order = list(range(len(words)))
    level = levels([word_class(t) for t in texts], rtl)
    if not level:
        return []
    lowest_odd = min((v for v in level if v % 2), default=max(level) + 1)
    for k in range(max(level), lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if level[order[i]] >= k:
                j = i
                while j < len(order) and level[order[j]] >= k:
                    j += 1
                order[i:j] = reversed(order[i:j])
                i = j
            else:
                i += 1
    return [words[i] for i in order]
