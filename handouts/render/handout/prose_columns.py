"""Prose in two balanced columns where one line would be too long to read.

A landscape page holds two lines of a readable measure side by side; set in one
column the prose either runs to ~150 characters a line or leaves half the page
empty. :class:`ProseColumns` sets a run of prose flowables (paragraphs, list
items, subject labels) in columns of equal height, the shortest that holds
them, splitting across pages like a paragraph. reportlab's own
``BalancedColumns`` draws through frames of its own, which the tagging cannot
see; this flowable draws each piece itself, inside its element's marked content.

A column never ends with a piece marked ``keepWithNext`` (a subject's label
goes over with its text), paragraphs split by their own widow and orphan rules
(no single line alone at a column's top or foot), and content too short to
share (under four lines) stays in the first column.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from handouts.render.pdf.tagging.tags import artifact, marked

MIN_SHARED = 4  # lines: less than this is not worth a second column


class ProseColumns(Flowable):
    """``items`` set in ``count`` balanced columns ``gap`` apart (each drawn in its
    own element's marked content, so the frame leaves this flowable's to it)."""

    tags_itself = True

    def __init__(
        self,
        items: list[Flowable],
        count: int = 2,
        gap: float = 18.0,
        line: float = 12.0,
        fixed: list[list[Flowable]] | None = None,
    ) -> None:
        super().__init__()
        self.items, self.count, self.gap, self.line = items, count, gap, line
        self.fixed = fixed  # the columns as a page split filled them: drawn so, not balanced again
        self._layout: tuple[float, float, list[list[Flowable]], list[Flowable]] | None = None

    # -- filling ------------------------------------------------------------
    def _column_width(self, aw: float) -> float:
        return (aw - self.gap * (self.count - 1)) / self.count

    def _fill(self, items: list[Flowable], width: float, height: float) -> tuple[list[Flowable], list[Flowable], float]:
        """Pieces of ``items`` for one column ``height`` tall: (taken, rest, used height)."""
        taken: list[Flowable] = []
        used = 0.0
        rest = list(items)
        while rest:
            item = rest[0]
            if not taken and isinstance(item, Spacer):  # no gap at a column's head
                rest.pop(0)
                continue
            before = item.getSpaceBefore() if taken else 0.0
            _, h = item.wrap(width, height)
            if used + before + h <= height + 1e-6:
                taken.append(rest.pop(0))
                used += before + h + item.getSpaceAfter()
                continue
            room = height - used - before
            parts = item.split(width, room) if room > 0 else []
            if len(parts) >= 2:
                _, first = parts[0].wrap(width, room)
                for part in parts:
                    part.tag = getattr(item, "tag", None)
                taken.append(parts[0])
                used += before + first
                rest[0:1] = parts[1:]
            break
        while taken and taken[-1].getKeepWithNext() and (rest or len(taken) > 1):
            rest.insert(0, taken.pop())  # a label never ends a column
        return taken, rest, self._height(taken, width)

    @staticmethod
    def _height(column: list[Flowable], width: float) -> float:
        """A column's drawn height: no space before its first piece nor after its last."""
        total = 0.0
        for i, item in enumerate(column):
            total += (item.getSpaceBefore() if i else 0.0) + item.wrap(width, 1e6)[1]
            total += item.getSpaceAfter() if i < len(column) - 1 else 0.0
        return total

    def _balance(self, aw: float, ah: float) -> tuple[float, list[list[Flowable]], list[Flowable]]:
        """The columns at the least height holding everything (or ``ah``, with a rest)."""
        width = self._column_width(aw)
        total = sum(i.wrap(width, 1e6)[1] + i.getSpaceBefore() + i.getSpaceAfter() for i in self.items)

        def attempt(height: float) -> tuple[list[list[Flowable]], list[Flowable], float]:
            columns, rest, tallest = [], list(self.items), 0.0
            for _ in range(self.count):
                taken, rest, used = self._fill(rest, width, height)
                columns.append(taken)
                tallest = max(tallest, used)
            return columns, rest, tallest

        if total <= self.line * MIN_SHARED:  # too little to share
            taken, rest, used = self._fill(list(self.items), width, ah)
            return used, [taken] + [[] for _ in range(self.count - 1)], rest
        columns, rest, tallest = attempt(ah)
        if rest:
            return tallest, columns, rest
        low, high = total / self.count, ah
        for _ in range(14):  # the least height that leaves nothing over
            if high - low < 1:
                break
            middle = (low + high) / 2
            trial, left, _ = attempt(middle)
            if left:
                low = middle
            else:
                high = middle
        columns, rest, tallest = attempt(high)
        return tallest, columns, rest

    # -- the platypus protocol ----------------------------------------------
    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        if self.fixed is not None:
            width = self._column_width(aw)
            height, columns, rest = max(self._height(c, width) for c in self.fixed), self.fixed, []
        else:
            height, columns, rest = self._balance(aw, ah)
        self._layout = (aw, ah, columns, rest)
        self.width, self.height = aw, height
        if rest:  # more than fits: taller than the room, so the frame splits it
            return aw, max(ah, height) + self.line
        return aw, height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        height, columns, rest = self._balance(aw, ah)
        if not rest:
            return [self]
        if not any(columns):
            return []
        first = ProseColumns([i for c in columns for i in c], self.count, self.gap, self.line, fixed=columns)
        return [first, ProseColumns(rest, self.count, self.gap, self.line)]

    def start_height(self, aw: float) -> float:
        """What must fit under a heading: the first two lines (see ``breaks``)."""
        first = self.items[0] if self.items else None
        if first is None:
            return 0.0
        _, h = first.wrap(self._column_width(aw), 1e6)
        return min(h, self.line * 2) + first.getSpaceBefore()

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab's name
        return self.items[0].getSpaceBefore() if self.items else 0.0

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab's name
        return self.items[-1].getSpaceAfter() if self.items else 0.0

    def draw(self) -> None:
        columns = self._layout[2] if self._layout else []
        width = self._column_width(self.width)
        for n, column in enumerate(columns):
            x, y = n * (width + self.gap), self.height
            for i, item in enumerate(column):
                y -= item.getSpaceBefore() if i else 0.0
                _, h = item.wrap(width, 1e6)
                element = getattr(item, "tag", None)
                with marked(self.canv, element) if element is not None else artifact(self.canv):
                    item.drawOn(self.canv, x, y - h)
                y -= h + item.getSpaceAfter()


def in_columns(flowables: list[Flowable], count: int, gap: float, line: float) -> list[Flowable]:
    """``flowables`` with each run between headings (outline entries, which stay
    full width above their text) and page-flow actions set in columns."""
    out: list[Flowable] = []
    run: list[Flowable] = []

    def close() -> None:
        if run:
            out.append(ProseColumns(list(run), count, gap, line))
            run.clear()

    for flowable in flowables:
        if getattr(flowable, "outline", None) or getattr(flowable, "frameAction", None) or flowable.isIndexing():
            close()
            out.append(flowable)
        else:
            run.append(flowable)
    close()
    return out
