"""Tagged PDF, part 2: writing the recorded structure into the finished PDF.

reportlab draws the marked content (see :mod:`pdf_tags`) but cannot write a
structure tree, so after the build we add, with pikepdf: the StructTreeRoot
(elements in reading order, content referenced by MCID, links by OBJR), the
ParentTree (page MCIDs and annotations back to their elements), /MarkInfo,
/Lang, /ViewerPreferences, page /Tabs, link descriptions and XMP metadata
declaring PDF/UA-1. Opened and saved in memory, deterministically.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from ..markup import escape
from .pdf_tags import Element, TagRecorder

ALWAYS_KEPT = {"TD", "TH"}  # empty cells keep a table's rows regular


@dataclass(frozen=True)
class DocInfo:
    """What the XMP packet says about the document."""

    title: str
    lang: str
    author: str = ""
    subject: str = ""
    keywords: str = ""


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
    parts += ["<pdf:Producer>handouts</pdf:Producer>", "<xmp:CreatorTool>handouts</xmp:CreatorTool>",
              "<pdfuaid:part>1</pdfuaid:part>"]
    body = "\n   ".join(parts)
    return ('<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
            '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
            ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
            '  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"'
            ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"'
            ' xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">\n'
            f"   {body}\n"
            "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n"
            '<?xpacket end="w"?>').encode("utf-8")


def _kept(element: Element) -> bool:
    return element.kind in ALWAYS_KEPT or element.has_content()


class _Writer:
    """Builds the structure objects of one PDF."""

    def __init__(self, pdf, tags: TagRecorder) -> None:
        import pikepdf

        self.pk, self.pdf, self.tags = pikepdf, pdf, tags
        self.pages = [page.obj for page in pdf.pages]
        self.objects: dict[int, object] = {}  # id(Element) -> its StructElem
        self.annots: list[object] = []  # StructElem of each annotation key, in order

    def element(self, element: Element, parent) -> object:
        pk = self.pk
        obj = self.pdf.make_indirect(pk.Dictionary(Type=pk.Name.StructElem, S=pk.Name("/" + element.kind), P=parent))
        self.objects[id(element)] = obj
        if element.alt:
            obj.Alt = pk.String(element.alt)
        if element.attrs:
            obj.A = pk.Dictionary({"/" + k: pk.Name("/" + v) for k, v in element.attrs.items()})
        kids = pk.Array()
        for kid in element.kids:
            if isinstance(kid, Element):
                if _kept(kid):
                    kids.append(self.element(kid, obj))
            elif kid[0] == "annot":
                kids.append(self.link(kid[1], kid[2], obj))
            else:
                page, mcid = kid
                if "/Pg" not in obj:
                    obj.Pg = self.pages[page]
                same = obj.Pg.objgen == self.pages[page].objgen
                kids.append(mcid if same else pk.Dictionary(Type=pk.Name.MCR, Pg=self.pages[page], MCID=mcid))
        if len(kids):
            obj.K = kids
        return obj

    def link(self, page: int, index: int, parent) -> object:
        pk = self.pk
        annot = self.pages[page].Annots[index]
        annot.StructParent = len(self.pages) + len(self.annots)
        self.annots.append(parent)
        if "/Contents" not in annot:
            uri = annot.get("/A", {}).get("/URI") if "/A" in annot else None
            annot.Contents = pk.String(f"Link: {uri}" if uri is not None else "Link")
        return pk.Dictionary(Type=pk.Name.OBJR, Obj=annot, Pg=self.pages[page])

    def parent_tree(self) -> object:
        pk = self.pk
        nums = pk.Array()
        for index, page in enumerate(self.pages):
            elements = self.tags.pages.get(index)
            if not elements:
                continue
            page.StructParents = index
            nums.append(index)
            nums.append(self.pdf.make_indirect(pk.Array([self.objects.get(id(e)) for e in elements])))
        for key, owner in enumerate(self.annots, start=len(self.pages)):
            nums.append(key)
            nums.append(owner)
        return self.pdf.make_indirect(pk.Dictionary(Nums=nums))


def write_structure(data: bytes, tags: TagRecorder, info: DocInfo) -> bytes:
    """``data`` (a reportlab PDF drawn with ``tags``) as a tagged PDF."""
    import pikepdf

    pdf = pikepdf.open(io.BytesIO(data))
    writer = _Writer(pdf, tags)
    root = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
    root.K = writer.element(tags.root, root)
    root.ParentTree = writer.parent_tree()
    root.ParentTreeNextKey = len(writer.pages) + len(writer.annots)
    catalog = pdf.Root
    catalog.StructTreeRoot = root
    catalog.MarkInfo = pikepdf.Dictionary(Marked=True)
    if info.lang:
        catalog.Lang = pikepdf.String(info.lang)
    prefs = catalog.get("/ViewerPreferences", pikepdf.Dictionary())
    prefs.DisplayDocTitle = True
    catalog.ViewerPreferences = prefs
    metadata = pikepdf.Stream(pdf, xmp_packet(info))
    metadata.Type, metadata.Subtype = pikepdf.Name.Metadata, pikepdf.Name.XML
    catalog.Metadata = pdf.make_indirect(metadata)
    for page in writer.pages:
        page.Tabs = pikepdf.Name.S
    out = io.BytesIO()
    # reportlab's streams are already compressed: copy them as they are (5x faster);
    # the XMP stays uncompressed, as metadata should.
    pdf.save(out, deterministic_id=True, compress_streams=False, fix_metadata_version=False,
             stream_decode_level=pikepdf.StreamDecodeLevel.none)
    return out.getvalue()
