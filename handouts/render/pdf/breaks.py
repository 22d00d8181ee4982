"""Page breaks a typesetter would make: a heading never ends a page.

reportlab's ``keepWithNext`` keeps a heading with the *whole* next flowable,
so a heading before a long paragraph or a table moves both to the next page
and leaves the page before half empty. :class:`NeedRoom` asks for less: the
heading and the start of what follows (two lines of a paragraph, a table's
header and first row); if that fits, the heading stays and the rest splits.
"""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

LINES = 2  # lines of a paragraph that must follow its heading on the same page


def _start(flowable: Flowable, aw: float, lines: int) -> tuple[float, int]:
    """Height of the least part of ``flowable`` that may end a page under a
    heading still owed ``lines`` lines, and how many lines that part holds."""
    start = getattr(flowable, "start_height", None)
    if start is not None:
        return start(aw), lines
    _, height = flowable.wrap(aw, 1e6)
    if not isinstance(flowable, Paragraph):
        return height + flowable.getSpaceBefore(), lines
    leading = flowable.style.leading
    count = max(1, round(height / leading))
    if count >= 2 * LINES:  # widows and orphans are forbidden: shorter paragraphs move whole
        height, count = leading * lines, lines
    return height + flowable.getSpaceBefore() + flowable.getSpaceAfter(), count


class NeedRoom(CondPageBreak):
    """A page break before ``heading`` unless it and the start of ``following`` fit."""

    def __init__(self, heading: Flowable, following: list[Flowable], limit: float) -> None:
        super().__init__(0)
        self.heading, self.following, self.limit = heading, following, limit

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        need = self.heading.wrap(aw, 1e6)[1] + self.heading.getSpaceBefore() + self.heading.getSpaceAfter()
        owed = LINES
        for f in self.following:  # a subheading after a heading: both, then its start
            height, got = _start(f, aw, owed)
            need += height
            owed = owed if _keeps(f) else owed - got
            if owed <= 0:
                break
        self.height = min(need, self.limit)
        return super().wrap(aw, ah)


def keep_headings(story: list[Flowable], limit: float) -> list[Flowable]:
    """``story`` with a :class:`NeedRoom` before every flowable marked ``keepWithNext``
    (which is then cleared, so reportlab does not also keep it with all of the next)."""
    out: list[Flowable] = []
    for i, flowable in enumerate(story):
        if _keeps(flowable):
            following = [f for f in story[i + 1 : i + 4] if not isinstance(f, Spacer)]
            if following:
                out.append(NeedRoom(flowable, following, limit))
                flowable.keepWithNext = 0
        out.append(flowable)
    return out


def _keeps(flowable: Flowable) -> bool:
    """Marked keepWithNext (on the flowable or its paragraph style)."""
    return bool(flowable.getKeepWithNext()) and not isinstance(flowable, Spacer)
