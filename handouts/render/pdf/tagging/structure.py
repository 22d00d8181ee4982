"""Tagged PDF, part 2: writing the recorded structure into the PDF.

reportlab draws the marked content (see :mod:`handouts.render.pdf.tagging.tags`) but writes no
structure tree. Its document model takes any object we add before it
serializes, though, so the canvas's ``save()`` adds: the StructTreeRoot
(elements in reading order, content referenced by MCID, links by OBJR), the
ParentTree (page MCIDs and annotations back to their elements), /MarkInfo,
/Lang, /ViewerPreferences, page /Tabs, link descriptions and XMP metadata
declaring PDF/UA-1. The PDF comes out of reportlab already tagged: no second
PDF library, no parse and save. Nothing in it varies between runs.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFDocument,
    PDFName,
    PDFnull,
    PDFObjectReference,
    PDFPage,
    PDFStream,
    PDFString,
    PDFtrue,
)
from reportlab.pdfgen.canvas import Canvas

from handouts.markup import escape
from handouts.render.pdf.reportlab_internals import (
    add_annotation_key,
    document_pages,
    page_annotation,
    pdf_document,
    set_page_keys,
    string_text,
)
from handouts.render.pdf.tagging.hyphens import WholeWordText
from handouts.render.pdf.tagging.tags import Element, TagRecorder

ALWAYS_KEPT = {"TD", "TH"}  # empty cells keep a table's rows regular


@dataclass(frozen=True)
class DocInfo:
    """What the XMP packet says about the document."""

    title: str
    lang: str
    author: str = ""
    subject: str = ""
    keywords: str = ""
    link: str = "Link: {url}"  # what a link annotation says it leads to (the layout's handout.labels.link)


def xmp_packet(info: DocInfo) -> bytes:
    """A fixed XMP packet (no dates, no ids: same input, same bytes)."""

    def alt(text: str) -> str:
        return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(text)}</rdf:li></rdf:Alt>'

    parts = [f"<dc:title>{alt(info.title)}</dc:title>", "<dc:format>application/pdf</dc:format>"]
    if info.author:
        parts.append(f"<dc:creator><rdf:Seq><rdf:li>{escape(info.author)}</rdf:li></rdf:Seq></dc:creator>")
    if info.subject:
        parts.append(f"<dc:description>{alt(info.subject)}</dc:description>")
    if info.lang:
        parts.append(f"<dc:language><rdf:Bag><rdf:li>{escape(info.lang)}</rdf:li></rdf:Bag></dc:language>")
    if info.keywords:
        parts.append(f"<pdf:Keywords>{escape(info.keywords)}</pdf:Keywords>")
    parts += [
        "<pdf:Producer>handouts</pdf:Producer>",
        "<xmp:CreatorTool>handouts</xmp:CreatorTool>",
        "<pdfuaid:part>1</pdfuaid:part>",
    ]
    body = "\n   ".join(parts)
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"'
        ' xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">\n'
        f"   {body}\n"
        "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    ).encode()


def _kept(element: Element) -> bool:
    return element.kind in ALWAYS_KEPT or element.has_content()


class _Writer:
    """Builds the structure objects of one PDF into reportlab's document."""

    def __init__(self, doc: PDFDocument, tags: TagRecorder, link: str = "Link: {url}") -> None:
        self.doc, self.tags, self.link_words = doc, tags, link
        self.pages: list[PDFPage] = document_pages(doc)
        self.page_refs = [doc.Reference(page) for page in self.pages]  # pages are registered already
        self.objects: dict[int, PDFObjectReference] = {}  # id(Element) -> its StructElem
        self.annots: list[PDFObjectReference] = []  # StructElem of each annotation key, in order

    def element(self, element: Element, parent: PDFObjectReference) -> PDFObjectReference:
        obj = PDFDictionary({"Type": PDFName("StructElem"), "S": PDFName(element.kind), "P": parent})
        ref = self.objects[id(element)] = self.doc.Reference(obj)
        if element.alt:
            obj["Alt"] = PDFString(element.alt)
        if element.lang:
            obj["Lang"] = PDFString(element.lang)
        if element.attrs:
            obj["A"] = PDFDictionary({k: v if isinstance(v, int) else PDFName(v) for k, v in element.attrs.items()})
        kids: list = []
        first_page = None
        for kid in element.kids:
            if isinstance(kid, Element):
                if _kept(kid):
                    kids.append(self.element(kid, ref))
            elif kid[0] == "annot":
                kids.append(self.link(kid[1], kid[2], ref))
            else:
                page, mcid = kid
                if first_page is None:  # /Pg: the page of bare MCIDs; others name theirs
                    first_page = page
                    obj["Pg"] = self.page_refs[page]
                kids.append(
                    mcid
                    if page == first_page
                    else PDFDictionary({"Type": PDFName("MCR"), "Pg": self.page_refs[page], "MCID": mcid})
                )
        if kids:
            obj["K"] = PDFArray(kids)
        return ref

    def link(self, page: int, index: int, parent: PDFObjectReference) -> PDFDictionary:
        ref, annot = page_annotation(self.doc, self.pages[page], index)
        key = len(self.pages) + len(self.annots)
        self.annots.append(parent)
        if isinstance(annot, PDFDictionary):  # canvas.linkURL (paragraph links)
            annot["StructParent"] = key
            if "Contents" not in annot:
                action = annot["A"] if "A" in annot else None  # noqa: SIM401 - a PDFDictionary has no .get
                uri = action["URI"] if isinstance(action, PDFDictionary) and "URI" in action else None
                target = string_text(uri) if uri is not None else ""
                annot["Contents"] = PDFString(self.link_words.format(url=target).strip(" :\uff1a\u00a0"))
        else:  # reportlab's Annotation classes check their keys and always carry /Contents
            add_annotation_key(annot, "StructParent", key)
        return PDFDictionary({"Type": PDFName("OBJR"), "Obj": ref, "Pg": self.page_refs[page]})

    def parent_tree(self) -> PDFObjectReference:
        nums: list = []
        for index, page in enumerate(self.pages):
            elements = self.tags.pages.get(index)
            if not elements:
                continue
            set_page_keys(page, StructParents=index)
            nums.append(index)
            nums.append(self.doc.Reference(PDFArray([self.objects.get(id(e), PDFnull) for e in elements])))
        for key, owner in enumerate(self.annots, start=len(self.pages)):
            nums.append(key)
            nums.append(owner)
        return self.doc.Reference(PDFDictionary({"Nums": PDFArray(nums)}))


def write_structure(canvas: Canvas, tags: TagRecorder, info: DocInfo) -> None:
    """Add ``tags`` (recorded while drawing on ``canvas``) as the document's
    structure, with its metadata. Call once every page is shown, just before
    ``Canvas.save``."""
    doc = pdf_document(canvas)
    writer = _Writer(doc, tags, info.link)
    root = PDFDictionary({"Type": PDFName("StructTreeRoot")})
    root["K"] = writer.element(tags.root, doc.Reference(root))
    root["ParentTree"] = writer.parent_tree()
    root["ParentTreeNextKey"] = len(writer.pages) + len(writer.annots)
    canvas.setCatalogEntry("StructTreeRoot", root)
    canvas.setCatalogEntry("MarkInfo", PDFDictionary({"Marked": PDFtrue}))
    if info.lang:
        canvas.setCatalogEntry("Lang", PDFString(info.lang))
    canvas.setViewerPreference("DisplayDocTitle", PDFtrue)
    # A plain stream, as reportlab's XMP class (absent from 4.1) makes it; the
    # document sets no default filter, so it stays uncompressed, as metadata should.
    metadata = PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")})
    canvas.setCatalogEntry("Metadata", PDFStream(metadata, xmp_packet(info)))
    for page in writer.pages:
        set_page_keys(page, Tabs=PDFName("S"))


def tagged_canvas(tags: TagRecorder, info: DocInfo) -> type[Canvas]:
    """A canvas class (a doc template's ``canvasmaker``) that records into
    ``tags`` and saves them as the structure tree."""

    class TaggedCanvas(Canvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            tags.attach(self)

        def beginText(self, x: float = 0, y: float = 0, direction: object = None) -> WholeWordText:  # noqa: N802
            """Paragraphs draw through this: added hyphens are read as their whole word."""
            return WholeWordText(self, x, y, direction=direction)

        def save(self) -> None:
            if self.getCurrentPageContent():  # the last page, as Canvas.save would show it: it needs its keys too
                Canvas.showPage(self)
            write_structure(self, tags, info)
            Canvas.save(self)

    return TaggedCanvas
