"""A link's text inside its Link element.

A screen reader announces a link by its Link structure element: the element
must hold the link annotation (an OBJR) *and* the text the reader sees
underlined. reportlab writes a paragraph's link text in the middle of its text
object, so :class:`LinkText` (the base of every tagged canvas's text object)
hears when a link's text starts and ends (reportlab's link-record hook) and
switches the marked content there: ``EMC /Link <</MCID 7>> BDC`` before the
link's text, ``EMC /P <</MCID 8>> BDC`` after it. The recorder then gives that
Link element the element's next link annotation (one per link per line, in
the order they are drawn).
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from handouts.render.pdf.reportlab_internals import LineTextHook
from handouts.render.pdf.tagging.tags import Element, recorder


class LinkText(LineTextHook):
    """A text object that puts each link's text in marked content of its Link element."""

    def __init__(self, canvas: Canvas, *args: object, **kwargs: object) -> None:
        super().__init__(canvas, *args, **kwargs)
        self.page_canvas = canvas
        self.link: Element | None = None  # the Link element whose text is being written

    def sequence(self) -> tuple[str, int] | None:
        """The tag and a new MCID of the element whose text is being written (the
        link's, inside one); ``None`` on an untagged canvas or in an artifact."""
        tags = recorder(self.page_canvas)
        return tags.next_sequence(self.page_canvas, self.link) if tags is not None else None

    def link_text(self, start: bool) -> None:
        tags = recorder(self.page_canvas)
        if tags is None:
            return
        if start:
            self.link = tags.link()
            sequence = self.sequence() if self.link is not None else None
            if sequence is not None:
                self.insert_operator(self.text_start, f"EMC /{sequence[0]} <</MCID {sequence[1]}>> BDC")
        elif self.link is not None:
            self.link = None
            sequence = self.sequence()
            if sequence is not None:
                self.add_operator(f"EMC /{sequence[0]} <</MCID {sequence[1]}>> BDC")
