"""Tagged PDF, part 1: recording the structure while reportlab draws.

A screen reader reads a PDF through its structure tree: elements (H1, P,
Table, TD, Figure...) whose content is the page content wrapped in
marked-content sequences (``/P <</MCID 3>> BDC ... EMC``). Everything else
(rules, fills, markers, running footers) must be marked ``/Artifact``.

:class:`TagRecorder` is created per render call and attached to the canvas.
Elements are created in *reading order* while the story is built; drawing
code then says which element it is drawing (:meth:`TagRecorder.marked`) or
that it draws decoration (:func:`artifact`). Spans are a stack: opening a
nested one closes the outer span and reopens it afterwards (with a new MCID),
because tagged content must never sit inside an artifact or vice versa.
:mod:`handouts.render.pdf.tagging.structure` turns the recording into the PDF's structure tree
when the canvas is saved.

Use from any reportlab drawing (platypus or a bare canvas)::

    tags = TagRecorder(model.language)
    canvas = tagged_canvas(tags, DocInfo(title, lang))(buffer)  # or a doc template's canvasmaker
    figure = tags.element("Figure", alt="1917: October Revolution; 1924: Lenin dies")
    with marked(canvas, figure): ...         # draw the timeline
    with artifact(canvas): ...               # grid lines, bands
    canvas.save()                            # writes the structure tree too

Platypus documents use :class:`TaggingFrame` (each flowable's ``.tag``) and
:func:`table_callback` (each table cell's element) instead of ``marked``.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, Table
from reportlab.platypus.flowables import Flowable

from handouts.render.pdf.overflow import keep_about
from handouts.render.pdf.reportlab_internals import annotation_count, page_operators


@dataclass(eq=False)
class Element:
    """A structure element; ``kids`` are child elements, (page, mcid) content
    pieces and ("annot", page, index) link annotations, in reading order."""

    kind: str
    parent: "Element | None" = None
    alt: str | None = None
    attrs: dict[str, str] = field(default_factory=dict)  # e.g. {"O": "Table", "Scope": "Column"}
    lang: str | None = None  # its own language, when not the document's (an English fixed word in a 'tlh' source)
    kids: list = field(default_factory=list)

    def has_content(self) -> bool:
        return any(not isinstance(k, Element) or k.has_content() for k in self.kids)


# Operators that put marks on the page; a span without any holds only state
# changes (q, cm, colours) and needs no marking.
PAINTING = frozenset(["Tj", "TJ", "'", '"', "Do", "f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "sh", "BI"])


def _paints(lines: list) -> bool:
    return any(token in PAINTING for line in lines if isinstance(line, str) for token in line.split())


@dataclass
class _Span:
    element: Element | None  # None: an artifact
    kind: str  # artifact type (Pagination, Layout...) for artifacts
    page: int = -1
    start: int = -1  # index of the opening operator in the page's operators
    annots: int = 0  # the page's annotation count when the span opened
    mcid: int = -1


class TagRecorder:
    """The structure of one document, recorded while it is drawn."""

    def __init__(self, lang: str = "", words: frozenset[str] = frozenset()) -> None:
        self.root = Element("Document")
        self.lang = lang
        self.words = words  # the source's words: a hyphen a line break added is read as the whole word
        self.pages: dict[int, list[Element]] = {}  # page -> element of each MCID, by MCID
        self._stack: list[_Span] = []
        self._contexts: list = []  # open push() spans
        self._links: list[Element] = []  # Link elements holding text, waiting for their annotation

    # -- structure (built in reading order, before drawing) --------------
    def element(
        self,
        kind: str,
        parent: Element | None = None,
        alt: str | None = None,
        lang: str | None = None,
        **attrs: str | int,
    ) -> Element:
        """A new element under ``parent`` (the document), in reading order; ``lang``: see :class:`Element`."""
        parent = parent or self.root
        made = Element(kind, parent, alt, dict(attrs), lang)
        parent.kids.append(made)
        return made

    # -- content (while drawing) -----------------------------------------
    def attach(self, canvas: Canvas) -> None:
        canvas.tags = self

    @contextmanager
    def marked(self, canvas: Canvas, element: Element | None, kind: str = "Layout") -> Iterator[None]:
        """Everything drawn inside belongs to ``element`` (``None``: an artifact)."""
        if self._stack:
            self._close(canvas, self._stack[-1])
        self._stack.append(self._open(canvas, _Span(element, kind)))
        try:
            yield
        finally:
            self._close(canvas, self._stack.pop())
            if self._stack:
                self._stack[-1] = self._open(canvas, self._stack[-1])

    def push(self, canvas: Canvas, element: Element | None, kind: str = "Layout") -> None:
        """:meth:`marked` for callback-style drawing (reportlab's table callbacks)."""
        context = self.marked(canvas, element, kind)
        context.__enter__()
        self._contexts.append(context)

    def pop(self) -> None:
        self._contexts.pop().__exit__(None, None, None)

    def next_sequence(self, canvas: Canvas, element: Element | None = None) -> tuple[str, int] | None:
        """The tag and a new MCID for ``element`` (by default the element being drawn),
        so that a text object can end its marked-content sequence and go on in a new
        one (``EMC /P <</MCID 5 /ActualText ...>> BDC``); ``None`` when no element is
        being drawn."""
        if not self._stack or self._stack[-1].element is None:
            return None
        element = element or self._stack[-1].element
        page = canvas.getPageNumber() - 1
        mcids = self.pages.setdefault(page, [])
        mcids.append(element)
        element.kids.append((page, len(mcids) - 1))
        return element.kind, len(mcids) - 1

    def link(self) -> Element | None:
        """A Link element for a link's text about to be drawn inside the element being
        drawn: the next link annotation of that element becomes its OBJR."""
        if not self._stack or self._stack[-1].element is None:
            return None
        made = self.element("Link", self._stack[-1].element)
        self._links.append(made)
        return made

    def _open(self, canvas: Canvas, span: _Span) -> _Span:
        page = canvas.getPageNumber() - 1
        span = _Span(span.element, span.kind, page, len(page_operators(canvas)), annotation_count(canvas))
        if span.element is None:
            canvas.addLiteral(f"/Artifact <</Type /{span.kind}>> BDC" if span.kind != "Layout" else "/Artifact BMC")
        else:
            mcids = self.pages.setdefault(page, [])
            canvas.addLiteral(f"/{span.element.kind} <</MCID {len(mcids)}>> BDC")
            span.mcid = len(mcids)
            mcids.append(span.element)
            span.element.kids.append((page, span.mcid))
        return span

    def _close(self, canvas: Canvas, span: _Span) -> None:
        code = page_operators(canvas)
        links = annotation_count(canvas) - span.annots
        if not links and not _paints(code[span.start + 1 :]):  # nothing drawn: drop the span
            del code[span.start]
            if span.element is not None:
                self.pages[span.page].pop()  # the last MCID: spans open one at a time
                span.element.kids.remove((span.page, span.mcid))
            return
        canvas.addLiteral("EMC")
        if span.element is not None:
            waiting = [link for link in self._links if link.parent is span.element]
            for index in range(span.annots, span.annots + links):
                link = waiting.pop(0) if waiting else self.element("Link", span.element)
                if link in self._links:
                    self._links.remove(link)
                link.kids.append(("annot", span.page, index))


def recorder(canvas: Canvas) -> TagRecorder | None:
    """The canvas's recorder, if the document is being tagged."""
    return getattr(canvas, "tags", None)


@contextmanager
def artifact(canvas: Canvas, kind: str = "Layout") -> Iterator[None]:
    """Decoration (rules, fills, markers, page furniture): not read aloud."""
    tags = recorder(canvas)
    if tags is None:
        yield
        return
    with tags.marked(canvas, None, kind):
        yield


@contextmanager
def marked(canvas: Canvas, element: Element | None) -> Iterator[None]:
    """Content of ``element`` (nothing happens on an untagged canvas)."""
    tags = recorder(canvas)
    if tags is None or element is None:
        yield
        return
    with tags.marked(canvas, element):
        yield


def tag(flowable: Flowable, element: Element | None) -> Flowable:
    """Say which element a flowable's drawing belongs to (read by :class:`TaggingFrame`)."""
    flowable.tag = element
    return flowable


class TaggingFrame(Frame):
    """A frame that wraps each flowable it draws in its element's span;
    untagged flowables (rules, spacers) become artifacts. Flowables with
    ``tags_itself`` (tables) mark their own parts."""

    def add(self, flowable: Flowable, canv: Canvas, trySplit: int = 0) -> int:  # noqa: N803 - reportlab's name
        self.last_flowable = weakref.ref(flowable)  # if reportlab gives up on it, render/pdf/overflow names it
        tags = recorder(canv)
        if tags is None or getattr(flowable, "frameAction", None) or _tags_itself(flowable):
            return super().add(flowable, canv, trySplit)
        with tags.marked(canv, getattr(flowable, "tag", None)):
            return super().add(flowable, canv, trySplit)

    def split(self, flowable: Flowable, canv: Canvas) -> list[Flowable]:
        parts = super().split(flowable, canv)
        keep_about(flowable, parts)
        element = getattr(flowable, "tag", None)
        for part in parts:  # a paragraph continued on the next page is the same element
            if element is not None and getattr(part, "tag", None) is None and not _tags_itself(part):
                part.tag = element
        return parts


def _tags_itself(flowable: Flowable) -> bool:
    """Tables with a tagging callback (and their split pieces) mark their own cells."""
    return getattr(flowable, "tags_itself", False)


class TaggedTable(Table):
    """A Table whose ``renderCB`` tags its cells (:func:`table_callback`); reportlab
    makes its split pieces with ``self.__class__``, so they say so too."""

    tags_itself = True


def tagging_table(data: list, callback: Callable | None, **kwargs: object) -> Table:
    """A reportlab Table drawn with ``callback`` as its ``renderCB``: a :class:`TaggedTable`
    when there is one (the cells are tagged), a plain Table otherwise."""
    return (TaggedTable if callback is not None else Table)(data, renderCB=callback, **kwargs)


CellTagger = Callable[[int, int, object], "Element | None"]


def table_callback(cell_element: CellTagger) -> Callable:
    """A reportlab Table ``renderCB``: backgrounds and lines are artifacts,
    each cell belongs to ``cell_element(row, col, cell_value)`` (None: artifact)."""

    def callback(table, event: str, *args: object) -> None:
        tags = recorder(table.canv)
        if tags is None:
            return
        if event in ("startBG", "startLines"):
            tags.push(table.canv, None)
        elif event == "startCell":
            row, col, value = args[0], args[1], args[2]
            tags.push(table.canv, cell_element(row, col, value))
        elif event in ("endBG", "endLines", "endCell"):
            tags.pop()

    return callback


def cell_tag(row: int, col: int, value: object) -> Element | None:
    """The element of a cell whose flowables carry ``.tag`` (the first one's)."""
    items = value if isinstance(value, (list, tuple)) else [value]
    for item in items:
        element = getattr(item, "tag", None)
        if element is not None:
            return element
    return None
