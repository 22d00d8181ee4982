"""What to tell a teacher when something cannot be laid out on a page.

reportlab says ``Flowable <Table@0x7F…> too large on page 3 in frame 'main'``;
a teacher needs the part of the source that did not fit, how big it came out
against the room a page has, and what to change. The frames of every PDF here
(:class:`~handouts.render.pdf.tagging.tags.TaggingFrame`) remember the last flowable
they were asked to place: when reportlab gives up, that is the one.

A flowable names its part of the source with :func:`about` (the handout marks
each block's flowables with the block's name), or by an ``overflow(width)``
method returning ``(what, key, height)`` (the comparison table names its row).
"""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable, Paragraph, Table

from handouts.errors import OutputError

# Top-level source key -> what the teacher can change when it does not fit.
HINTS = {
    "table": "shorten that row's values or split it into two rows, or use a smaller sizes.table or smaller margins",
    "timeline": "shorten the events' labels, or use a smaller timeline.label_size, sizes or margins",
    "title": "shorten the title, or use a smaller sizes.title",
    "subjects": "shorten the subjects' names and full names, or use a smaller sizes.subheading or sizes.small",
}
HINT = "shorten that text or break its long words, or use smaller sizes or margins in the layout"


def about(flowable: Flowable, key: str, what: str) -> Flowable:
    """Mark ``flowable`` as drawing the source's ``key`` (``what``: the words for a message)."""
    flowable.source_key, flowable.source_what = key, what
    return flowable


def keep_about(original: Flowable, parts: list[Flowable]) -> None:
    """The pieces a flowable splits into draw the same part of the source."""
    key = getattr(original, "source_key", None)
    for part in parts:
        if key is not None and getattr(part, "source_key", None) is None:
            about(part, key, original.source_what)


def explain(doc, output: str, source: Path | None) -> OutputError:  # noqa: ANN001 - a reportlab doc template
    """The located error for the flowable ``doc`` could not place."""
    frame = getattr(doc, "frame", None)
    last = getattr(frame, "last_flowable", None)  # a weak reference: frames get deep-copied
    flowable = last() if last is not None else None
    if frame is None or flowable is None:
        return OutputError.single(
            f"the {output} could not be laid out: something is larger than a page", file=source, hint=HINT
        )
    width = frame.width - frame.leftPadding - frame.rightPadding
    height = frame.height - frame.topPadding - frame.bottomPadding
    what, key, needed = _describe(flowable, width, height)
    if isinstance(flowable, Table):  # a table that cannot split: one row is too tall
        size = f"one of its rows is taller than the {height:,.0f} pt a page holds"
    elif needed is not None and needed > height:
        size = f"it is {needed:,.0f} pt tall; a page holds {height:,.0f} pt"
    else:
        size = f"a page holds {width:,.0f} × {height:,.0f} pt"
    top = (key or "").split("[")[0].split(".")[0]
    return OutputError.single(
        f"the {output} could not be laid out: a page has no room for {what} ({size})",
        file=source,
        key=key,
        hint=HINTS.get(top, HINT),
    )


def _describe(flowable: Flowable, width: float, height: float) -> tuple[str, str | None, float | None]:
    """(what, key, height needed) for the flowable that did not fit."""
    if hasattr(flowable, "overflow"):
        return flowable.overflow(width)
    needed = flowable.wrap(width, height)[1]
    what = getattr(flowable, "source_what", None)
    if isinstance(flowable, Paragraph):
        text = " ".join(flowable.getPlainText().split())
        quoted = f"“{text[:40]}…”" if len(text) > 40 else f"“{text}”"
        what = f"{what}: the text {quoted}" if what else f"the text {quoted}"
    return what or "a part of the page", getattr(flowable, "source_key", None), needed
