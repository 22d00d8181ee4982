"""Every reportlab internal the tagging uses (listed in handouts.render.pdf.reportlab_internals)
still exists and behaves as the tagging expects, on the installed reportlab.

A failure names the internal and the reportlab version: fix the one function in
``reportlab_internals`` (or the pin in pyproject.toml), not the tagging.
"""

from __future__ import annotations

import io
import re

import pytest
import reportlab
from reportlab.pdfbase.pdfdoc import LinkAnnotation, PDFDictionary, PDFDocument, PDFObjectReference, PDFPage, PDFString
from reportlab.pdfgen.canvas import Canvas

from handouts.render.pdf import reportlab_internals as rl

MODULE = "handouts/render/pdf/reportlab_internals.py"


def require(ok: object, internal: str, detail: str = "") -> None:
    """Fail loudly, naming the internal and the reportlab version."""
    if not ok:
        pytest.fail(
            f"reportlab {reportlab.Version}: the internal {internal} is gone or behaves differently"
            f"{': ' + detail if detail else ''}. The PDF tagging depends on it; see {MODULE}.",
            pytrace=False,
        )


def call(internal: str, fn, *args: object, **kwargs: object) -> object:  # noqa: ANN001
    """``fn(*args, **kwargs)``, an AttributeError/KeyError/TypeError reported as the internal having gone."""
    try:
        return fn(*args, **kwargs)
    except (AttributeError, KeyError, TypeError, IndexError) as exc:
        require(False, internal, f"{type(exc).__name__}: {exc}")


def canvas() -> Canvas:
    return Canvas(io.BytesIO(), invariant=1)


def test_the_module_docstring_lists_every_internal_tested_here() -> None:
    doc = rl.__doc__ or ""
    for name in (
        "Canvas._code",
        "Canvas._annotationrefs",
        "Canvas._doc",
        "PDFDocument.Pages.pages",
        "PDFPage.Annots",
        "PDFObjectReference.name",
        "PDFDocument.idToObject",
        "PDFPage.__NoDefault__",
        "Annotation.permitted",
        "Annotation.otherkw",
        "PDFString.s",
        "Canvas.__dict__",
        "Canvas._startPage()",
        "PDFTextObject._textOut",
        "PDFTextObject._code",
        "PDFTextObject._linkRecord",
        "PDFDocument.pageCounter",
    ):
        assert f"``{name}``" in doc, name


def test_canvas_code_is_the_live_list_of_page_operators() -> None:
    c = canvas()
    ops = call("Canvas._code", rl.page_operators, c)
    require(isinstance(ops, list), "Canvas._code", f"a {type(ops).__name__}, not a list")
    c.addLiteral("/P <</MCID 0>> BDC")
    require(ops and ops[-1] == "/P <</MCID 0>> BDC", "Canvas._code", "addLiteral did not append to it")
    start = len(ops)
    c.rect(10, 10, 20, 20, fill=1)
    painted = " ".join(o for o in ops[start:] if isinstance(o, str)).split()
    require({"f", "B", "re"} & set(painted), "Canvas._code", f"drawing a rect appended {ops[start:]!r}")
    del ops[start - 1]
    require("MCID" not in c.getCurrentPageContent(), "Canvas._code", "deleting from it did not change the page")
    c.showPage()
    require(rl.page_operators(c) == [], "Canvas._code", "not emptied by showPage")


def test_canvas_annotationrefs_counts_the_page_links() -> None:
    c = canvas()
    require(call("Canvas._annotationrefs", rl.annotation_count, c) == 0, "Canvas._annotationrefs")
    c.linkURL("https://example.org", (10, 10, 50, 20))
    c.linkRect("", "dest", (10, 30, 50, 40))
    require(rl.annotation_count(c) == 2, "Canvas._annotationrefs", "linkURL and linkRect did not add to it")
    c.showPage()
    require(rl.annotation_count(c) == 0, "Canvas._annotationrefs", "not emptied by showPage")


def test_canvas_doc_and_its_pages_and_annotations() -> None:
    c = canvas()
    doc = call("Canvas._doc", rl.pdf_document, c)
    require(isinstance(doc, PDFDocument), "Canvas._doc", f"a {type(doc).__name__}")
    c.bookmarkPage("dest")
    c.linkURL("https://example.org", (10, 10, 50, 20))
    c.linkRect("", "dest", (10, 30, 50, 40))
    c.showPage()
    c.showPage()
    pages = call("PDFDocument.Pages.pages", rl.document_pages, doc)
    require(
        isinstance(pages, list) and len(pages) == 2 and all(isinstance(p, PDFPage) for p in pages),
        "PDFDocument.Pages.pages",
        repr(pages),
    )
    require(
        isinstance(doc.Reference(pages[0]), PDFObjectReference),
        "PDFDocument.Pages.pages",
        "its pages are not registered with the document",
    )
    ref, url = call("PDFPage.Annots / PDFDocument.idToObject", rl.page_annotation, doc, pages[0], 0)
    require(isinstance(ref, PDFObjectReference), "PDFPage.Annots", repr(ref))
    require(
        isinstance(url, PDFDictionary) and "A" in url,
        "PDFDocument.idToObject",
        f"linkURL's annotation resolved to {url!r}",
    )
    uri = url["A"]["URI"]
    require(call("PDFString.s", rl.string_text, uri) == "https://example.org", "PDFString.s", repr(uri))
    _, internal = rl.page_annotation(doc, pages[0], 1)
    require(
        isinstance(internal, LinkAnnotation),
        "PDFDocument.idToObject",
        f"linkRect's annotation resolved to {internal!r}",
    )


def test_extra_page_and_annotation_keys_are_written() -> None:
    buffer = io.BytesIO()
    c = Canvas(buffer, invariant=1, pageCompression=0)
    c.bookmarkPage("dest")
    c.linkRect("", "dest", (10, 30, 50, 40))
    c.showPage()
    doc = rl.pdf_document(c)
    page = rl.document_pages(doc)[0]
    call("PDFPage.__NoDefault__", rl.set_page_keys, page, StructParents=7)
    _, annotation = rl.page_annotation(doc, page, 0)
    call("Annotation.permitted / Annotation.otherkw", rl.add_annotation_key, annotation, "StructParent", 9)
    c.save()
    data = buffer.getvalue()
    require(re.search(rb"/StructParents 7\b", data), "PDFPage.__NoDefault__", "the page key was not written")
    require(
        re.search(rb"/StructParent 9\b", data),
        "Annotation.permitted / Annotation.otherkw",
        "the annotation key was not written",
    )


def test_page_state_keeps_a_finished_page_for_later() -> None:
    c = canvas()
    c.drawString(10, 10, "page one")
    state = call("Canvas.__dict__", rl.page_state, c)
    call("Canvas._startPage()", rl.start_page, c)
    require(
        c.getPageNumber() == 2 and rl.page_operators(c) == [], "Canvas._startPage()", "it did not begin a fresh page"
    )
    c.drawString(10, 10, "page two")
    second = rl.page_state(c)
    rl.start_page(c)
    rl.restore_page_state(c, state)
    require(
        c.getPageNumber() == 1 and "page one" in c.getCurrentPageContent(),
        "Canvas.__dict__",
        "restoring it did not return to the first page",
    )
    c.drawString(10, 30, "footer one")
    c.showPage()
    rl.restore_page_state(c, second)
    require(
        c.getPageNumber() == 2
        and "page two" in c.getCurrentPageContent()
        and "footer one" not in c.getCurrentPageContent(),
        "Canvas.__dict__",
        "the second page's state was not its own",
    )
    c.showPage()
    require(len(rl.document_pages(rl.pdf_document(c))) == 2, "Canvas.__dict__", "pages were lost")


def test_pdfstring_and_pdfdictionary_public_parts() -> None:
    """Public pieces the tagging relies on alongside the internals."""
    d = PDFDictionary({"A": PDFString("x")})
    assert "A" in d and "B" not in d and rl.string_text(d["A"]) == "x"
    c = canvas()
    c.setCatalogEntry("MarkInfo", PDFDictionary({"Marked": "true"}))
    assert isinstance(c.getCatalogEntry("MarkInfo"), PDFDictionary)


def test_paragraphs_write_each_line_through_textout_into_code() -> None:
    """A Paragraph's lines reach ``PDFTextObject._textOut`` (with T* at each line's
    end), and operators added to ``_code`` land in the text object, in order."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    seen: list[tuple[str, bool]] = []

    class Hook(rl.LineTextHook):
        def line_text(self, text: str, line_end: bool) -> None:
            seen.append((text, line_end))
            if line_end:
                self.add_operator("%marker")
            self.emit(text, line_end)

    class HookCanvas(Canvas):
        def beginText(self, x: float = 0, y: float = 0, direction: object = None) -> Hook:  # noqa: N802
            return Hook(self, x, y, direction=direction)

    for markup in ("one two three four five six seven", "one <b>two</b> three four five six seven"):
        seen.clear()
        c = HookCanvas(io.BytesIO(), invariant=1)
        p = Paragraph(markup, ParagraphStyle("p", fontSize=10, leading=12))
        p.wrapOn(c, 60, 500)
        p.drawOn(c, 10, 10)
        ends = [t for t, end in seen if end]
        require(len(ends) == len(p.blPara.lines) > 1, "PDFTextObject._textOut", f"lines seen: {seen!r}")
        content = c.getCurrentPageContent()
        require(content.count("%marker") == len(ends), "PDFTextObject._code", "added operators are missing")
        require(content.index("%marker") > content.index("BT"), "PDFTextObject._code", "operators not in the text")


def test_paragraphs_report_link_text_to_the_link_record_hook() -> None:
    """``_linkRecord`` hears a link start just after its first text and end before
    the text that follows it; a link over two lines starts and ends on each."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    events: list[tuple[bool, str]] = []

    class Hook(rl.LineTextHook):
        def link_text(self, start: bool) -> None:
            events.append((start, self.written[-1] if self.written else ""))

        def line_text(self, text: str, line_end: bool) -> None:
            self.written = [*getattr(self, "written", []), text]
            self.emit(text, line_end)

    class HookCanvas(Canvas):
        def beginText(self, x: float = 0, y: float = 0, direction: object = None) -> Hook:  # noqa: N802
            return Hook(self, x, y, direction=direction)

    c = HookCanvas(io.BytesIO(), invariant=1)
    p = Paragraph('before <link href="https://example.org">linked words here</link> after', ParagraphStyle("p"))
    p.wrapOn(c, 70, 500)
    p.drawOn(c, 10, 10)
    starts = [text for start, text in events if start]
    require(starts and starts[0].startswith("linked"), "PDFTextObject._linkRecord", f"events: {events!r}")
    require(len(starts) == sum(1 for s, _ in events if not s) >= 2, "PDFTextObject._linkRecord", f"{events!r}")


def test_page_counter_names_the_page_destinations_refer_to() -> None:
    c = canvas()
    doc = rl.pdf_document(c)
    rl.set_page_counter(doc, 3)
    require(doc.thisPageName() == "Page3", "PDFDocument.pageCounter", doc.thisPageName())
