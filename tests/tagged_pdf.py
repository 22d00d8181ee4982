"""Reading a tagged PDF back as assistive technology does (for handout and timeline tests).

- :func:`marking_problems`: every text-showing operator must sit in a marked-content
  sequence with an MCID or in an /Artifact; tagged content never nests in an artifact.
- :func:`parent_tree_problems`: every MCID on a page maps back (ParentTree) to the
  element whose /K holds it.
- :func:`reading`: the structure tree depth first, each element with the text of
  its own marked content (pdfplumber gives each char its ``mcid``).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import pdfplumber
import pikepdf

TEXT_OPERATORS = {"Tj", "TJ", "'", '"'}


def marking_problems(pdf: pikepdf.Pdf) -> list[str]:
    problems: list[str] = []
    for n, page in enumerate(pdf.pages):
        stack: list[str] = []  # "mcid", "artifact" or "other", innermost last
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op in ("BDC", "BMC"):
                tag = str(operands[0])
                props = operands[1] if op == "BDC" else None
                kind = (
                    "artifact"
                    if tag == "/Artifact"
                    else "mcid"
                    if isinstance(props, pikepdf.Dictionary) and "/MCID" in props
                    else "other"
                )
                if kind == "mcid" and "artifact" in stack or kind == "artifact" and "mcid" in stack:
                    problems.append(f"page {n + 1}: {kind} nested in {stack}")
                stack.append(kind)
            elif op == "EMC":
                if not stack:
                    problems.append(f"page {n + 1}: EMC without BDC/BMC")
                else:
                    stack.pop()
            elif op in TEXT_OPERATORS and not ({"mcid", "artifact"} & set(stack)):
                problems.append(f"page {n + 1}: untagged text {operands!r}")
        if stack:
            problems.append(f"page {n + 1}: unclosed marked content {stack}")
    return problems


def page_mcids(pdf: pikepdf.Pdf) -> list[list[int]]:
    """The MCIDs used in each page's content stream, in stream order."""
    out = []
    for page in pdf.pages:
        out.append(
            [
                int(operands[1].MCID)
                for operands, op in pikepdf.parse_content_stream(page, "BDC")
                if isinstance(operands[1], pikepdf.Dictionary) and "/MCID" in operands[1]
            ]
        )
    return out


def _kids(element: pikepdf.Dictionary) -> list:
    k = element.get("/K")
    if k is None:
        return []
    return list(k) if isinstance(k, pikepdf.Array) else [k]


def _content_refs(element: pikepdf.Dictionary) -> list[tuple[tuple[int, int], int]]:
    """(page objgen, mcid) of an element's own marked content."""
    refs = []
    for kid in _kids(element):
        if isinstance(kid, int):
            refs.append((element.Pg.objgen, int(kid)))
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
            refs.append((kid.Pg.objgen, int(kid.MCID)))
    return refs


def parent_tree_problems(pdf: pikepdf.Pdf) -> list[str]:
    root = pdf.Root.StructTreeRoot
    nums = list(root.ParentTree.Nums)
    tree = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    problems = []
    for n, (page, mcids) in enumerate(zip(pdf.pages, page_mcids(pdf))):
        if not mcids:
            continue
        if "/StructParents" not in page.obj:
            problems.append(f"page {n + 1} has MCIDs but no /StructParents")
            continue
        owners = tree.get(int(page.obj.StructParents))
        for mcid in mcids:
            if owners is None or mcid >= len(owners) or owners[mcid] is None:
                problems.append(f"page {n + 1}: MCID {mcid} not in the parent tree")
            elif (page.obj.objgen, mcid) not in _content_refs(owners[mcid]):
                problems.append(f"page {n + 1}: MCID {mcid}'s parent does not hold it")
    return problems


@dataclass
class Node:
    """A structure element read back: its type, attributes and own text."""

    kind: str
    depth: int
    text: str = ""
    alt: str | None = None
    attrs: dict = field(default_factory=dict)
    annots: list[dict] = field(default_factory=list)  # uri, contents, subtype of each OBJR annotation
    pages: list = field(default_factory=list)  # page index of each content piece
    children: list = field(default_factory=list)

    def all_text(self) -> str:
        return self.text + "".join(c.all_text() for c in self.children)


def marked_texts(data: bytes) -> dict[tuple[int, int], str]:
    """(page index, MCID) -> the characters drawn in that marked content."""
    texts: dict[tuple[int, int], str] = {}
    with pdfplumber.open(io.BytesIO(data)) as plumber:
        for i, page in enumerate(plumber.pages):
            for char in page.chars:
                if char.get("mcid") is not None:
                    key = (i, char["mcid"])
                    texts[key] = texts.get(key, "") + char["text"]
    return texts


def reading(data: bytes) -> list[Node]:
    """Structure elements depth first (the reading order), with their text."""
    pdf = pikepdf.open(io.BytesIO(data))
    index = {page.obj.objgen: i for i, page in enumerate(pdf.pages)}
    texts = marked_texts(data)
    out: list[Node] = []

    def walk(element: pikepdf.Dictionary, depth: int, parent: Node | None) -> None:
        attrs = {str(k)[1:]: str(v)[1:] for k, v in element.get("/A", {}).items()} if "/A" in element else {}
        node = Node(str(element.S)[1:], depth, alt=str(element.Alt) if "/Alt" in element else None, attrs=attrs)
        out.append(node)
        if parent is not None:
            parent.children.append(node)
        for kid in _kids(element):
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
                walk(kid, depth + 1, node)
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                annot = kid.Obj
                uri = annot.A.get("/URI") if "/A" in annot else None
                node.annots.append(
                    {
                        "uri": None if uri is None else str(uri),
                        "contents": str(annot.get("/Contents", "")),
                        "subtype": str(annot.Subtype),
                    }
                )
        for page, mcid in _content_refs(element):
            node.pages.append(index[page])
            node.text += texts.get((index[page], mcid), "")

    walk(pdf.Root.StructTreeRoot.K, 0, None)
    return out


def read_aloud(data: bytes) -> str:
    """The document's text in structure order, an element's content and its child
    elements interleaved as they come in its /K (a Link's text inside a sentence),
    pieces joined by spaces: what a screen reader reads, in order."""
    pdf = pikepdf.open(io.BytesIO(data))
    index = {page.obj.objgen: i for i, page in enumerate(pdf.pages)}
    texts = marked_texts(data)
    out: list[str] = []

    def walk(element: pikepdf.Dictionary) -> None:
        page = element.Pg.objgen if "/Pg" in element else None
        for kid in _kids(element):
            if isinstance(kid, int) and page is not None:
                out.append(texts.get((index[page], int(kid)), ""))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                out.append(texts.get((index[kid.Pg.objgen], int(kid.MCID)), ""))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
                walk(kid)

    walk(pdf.Root.StructTreeRoot.K)
    return " ".join(" ".join(piece.split()) for piece in out if piece.strip())
