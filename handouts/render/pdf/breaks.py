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


def _start(flowable: Flowable, aw: float) -> float:
    """Height of the least part of ``flowable`` that may start a page foot."""
    start = getattr(flowable, "start_height", None)
    if start is not None:
        return start(aw)
    _, height = flowable.wrap(aw, 1e6)
    if isinstance(flowable, Paragraph):
        leading = flowable.style.leading
        # Widows and orphans are forbidden, so a paragraph of up to three lines moves whole.
        height = height if height <= leading * (2 * LINES - 0.5) else leading * LINES
    return height + flowable.getSpaceBefore()


class NeedRoom(CondPageBreak):
    """A page break before ``heading`` unless it and the start of ``following`` fit."""

    def __init__(self, heading: Flowable, following: list[Flowable], limit: float) -> None:
        super().__init__(0)
        self.heading, self.following, self.limit = heading, following, limit

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        need = self.heading.wrap(aw, 1e6)[1] + self.heading.getSpaceBefore() + self.heading.getSpaceAfter()
        for f in self.following:  # a heading followed by a subheading: both, then its start
            need += _start(f, aw)
            if not _keeps(f):
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
