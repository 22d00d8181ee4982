"""The reportlab internals the PDF tagging cannot do without, all in one place.

reportlab draws marked content but has no API for a tagged PDF: nothing to look
at or edit the current page's operators, nothing to reach the document model the
canvas writes, and nothing to add page or annotation keys it does not know. Its
public pieces are used wherever they suffice (``Canvas.addLiteral``,
``setCatalogEntry``, ``setViewerPreference``, ``getCurrentPageContent``,
``PDFDocument.Reference`` and the ``pdfdoc`` object classes); what is left is
below, one small function each, and nothing else in ``handouts`` touches a
reportlab private. ``tests/test_reportlab_internals.py`` checks every entry on
the installed reportlab, so an upgrade that changes one fails there, by name,
rather than as a quietly broken PDF. Checked with reportlab 4.1 to 5.1.

Internals used, and why:

- ``Canvas._code`` (the current page's content-stream operators, a list of
  str): a marked-content span remembers where it opened, so that closing it can
  tell whether anything was painted inside and drop the opening operator of an
  empty span (``addLiteral`` can only append). :func:`page_operators`.
- ``Canvas._annotationrefs`` (the current page's annotation references): a link
  drawn inside a span becomes a Link element of that span. :func:`annotation_count`.
- ``Canvas._doc`` (the ``PDFDocument`` being written): the structure tree, parent
  tree and their objects are added to it before it is serialized. :func:`pdf_document`.
- ``PDFDocument.Pages.pages`` (the pages shown so far, in order): the structure
  refers to pages and sets keys on them. :func:`document_pages`.
- ``PDFPage.Annots``, ``PDFObjectReference.name`` and ``PDFDocument.idToObject``
  (a page's annotation references, and the table resolving a reference to its
  object): each link annotation gets /StructParent (and /Contents if it lacks
  one). :func:`page_annotation`.
- ``PDFPage.__NoDefault__`` (the page keys reportlab writes): /StructParents and
  /Tabs are not among them, so a page lists them on itself. :func:`set_page_keys`.
- ``Annotation.permitted`` and ``Annotation.otherkw`` (reportlab's annotation
  classes, e.g. ``LinkAnnotation`` for internal links, write only the keys they
  permit, from ``otherkw``): how /StructParent reaches them. :func:`add_annotation_key`.
- ``PDFDictionary.dict`` is not needed (``in`` and ``[]`` are public), but
  ``PDFString.s`` is: the text of a link's URI, for its /Contents. :func:`string_text`.
- ``Canvas.__dict__`` and ``Canvas._startPage()``: "page X of Y" needs the page
  count before any footer is drawn, so each finished page's canvas state is kept
  (reportlab's own "numbered canvas" recipe) and restored at ``save()`` to draw
  its footer, laying the document out once. :func:`page_state`,
  :func:`restore_page_state`, :func:`start_page`.
- ``PDFDocument.pageCounter`` (the number in the name, "PageN", that a bookmark
  or link destination drawn now refers to; ``addPage`` advances it): with pages
  shown only at ``save()``, the deferred canvas sets it as each page begins, so
  outline entries and "[n]" links lead to their own page, not the first.
  :func:`set_page_counter`.
- ``PDFTextObject._textOut`` and ``PDFTextObject._code`` (how a Paragraph writes
  each line's text, and the text object's operators): a hyphen a line break
  added is wrapped, with the word it cuts, in a marked-content span whose
  /ActualText is the whole word; the hook sees each line's text as reportlab
  writes it and can insert operators around it. :class:`LineTextHook`.
- ``PDFTextObject._linkRecord`` (an optional hook a Paragraph calls on its text
  object when a link's text starts, just after writing that text, and ends): the
  link's text goes in marked content of its own, the Link element's.
  :class:`LineTextHook`.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfdoc import PDFDocument, PDFObjectReference, PDFPage, PDFString
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject


def page_operators(canvas: Canvas) -> list[str]:
    """The current page's content-stream operators so far: the live list (``Canvas._code``)."""
    return canvas._code


def annotation_count(canvas: Canvas) -> int:
    """How many annotations (links) the current page has so far (``Canvas._annotationrefs``)."""
    return len(canvas._annotationrefs)


def pdf_document(canvas: Canvas) -> PDFDocument:
    """The document model ``canvas`` writes at ``save()`` (``Canvas._doc``)."""
    return canvas._doc


def document_pages(doc: PDFDocument) -> list[PDFPage]:
    """The pages shown so far, in order (``PDFDocument.Pages.pages``)."""
    return doc.Pages.pages


def page_annotation(doc: PDFDocument, page: PDFPage, index: int) -> tuple[PDFObjectReference, object]:
    """The reference and the object of ``page``'s ``index``-th annotation
    (``PDFPage.Annots``, ``PDFObjectReference.name``, ``PDFDocument.idToObject``):
    a ``PDFDictionary`` (``Canvas.linkURL``) or an ``Annotation`` (``linkRect``)."""
    ref = page.Annots[index]
    return ref, doc.idToObject[ref.name]


def set_page_keys(page: PDFPage, **keys: object) -> None:
    """Set page dictionary keys reportlab does not write by itself: it writes only
    the keys listed in ``PDFPage.__NoDefault__``, so list ours on this page too."""
    page.__NoDefault__ = [*page.__NoDefault__, *(k for k in keys if k not in page.__NoDefault__)]
    for key, value in keys.items():
        setattr(page, key, value)


def set_page_counter(doc: PDFDocument, number: int) -> None:
    """Name the page being drawn "Page<number>" for destinations (``PDFDocument.pageCounter``)."""
    doc.pageCounter = number


def add_annotation_key(annotation: object, key: str, value: object) -> None:
    """Add ``key`` to one of reportlab's ``Annotation`` objects, which write only
    their ``permitted`` keys, taken from ``otherkw``."""
    annotation.permitted = (*annotation.permitted, key)
    annotation.otherkw[key] = value


def string_text(value: PDFString) -> str:
    """The text a ``PDFString`` was made from (``PDFString.s``)."""
    return value.s


def page_state(canvas: Canvas) -> dict:
    """A copy of the canvas's state (``Canvas.__dict__``): the finished page, kept
    to be completed later by :func:`restore_page_state`."""
    return dict(canvas.__dict__)


def restore_page_state(canvas: Canvas, state: dict) -> None:
    """Put back a state from :func:`page_state`: drawing continues on that page."""
    canvas.__dict__.update(state)


def start_page(canvas: Canvas) -> None:
    """Begin the next page without showing this one (``Canvas._startPage``)."""
    canvas._startPage()


class LineTextHook(PDFTextObject):
    """A text object whose line text goes through :meth:`line_text`: reportlab's
    Paragraph writes every line (or, with mixed styles, every word) with
    ``PDFTextObject._textOut``; subclasses write it back with :meth:`emit` and
    may add operators (:meth:`add_operator`, :meth:`set_operator`) around it."""

    text_start = 0  # where the operators of the text being written begin

    def _textOut(self, text: str, TStar: int = 0) -> None:  # noqa: N803 - reportlab's name
        self.text_start = len(self._code)
        self.line_text(text, bool(TStar))

    def _linkRecord(self, link: object, event: str) -> None:  # noqa: N802 - reportlab's name
        self.link_text(event == "start")

    def link_text(self, start: bool) -> None:
        """A link's text starts (its first piece was just written, from
        ``text_start`` on) or ends (nothing of what follows is written yet)."""

    def line_text(self, text: str, line_end: bool) -> None:
        """Write ``text`` (``line_end``: then move to the next line)."""
        self.emit(text, line_end)

    def emit(self, text: str, line_end: bool) -> None:
        """The text operators reportlab would write for ``text``."""
        PDFTextObject._textOut(self, text, 1 if line_end else 0)

    def add_operator(self, operator: str) -> int:
        """Append a raw operator to the text object; its index, for :meth:`set_operator`."""
        self._code.append(operator)
        return len(self._code) - 1

    def insert_operator(self, index: int, operator: str) -> None:
        """Insert a raw operator before the one at ``index``."""
        self._code.insert(index, operator)

    def set_operator(self, index: int, operator: str) -> None:
        """Replace the operator added at ``index`` (a span opened before its text was known)."""
        self._code[index] = operator
