"""Sources that stress the deck (huge tables and cells, many subjects, other
scripts) and readers that check a deck as a user sees it."""

from __future__ import annotations

import io
from pathlib import Path

import yaml

from handouts.layout.resolve import load_layout
from handouts.render.context import RenderContext
from handouts.source.loader import load_source

EMU_PER_PT = 12_700

WORDS = {
    "en": [
        "the",
        "revolution",
        "state",
        "party",
        "workers",
        "land",
        "industry",
        "policy",
        "plan",
        "famine",
        "purge",
        "army",
        "treaty",
        "reform",
        "congress",
        "leader",
        "decree",
        "peasants",
        "factory",
        "newspaper",
        "exile",
        "committee",
        "election",
    ],
    "ru": [
        "революция",
        "государство",
        "партия",
        "рабочие",
        "земля",
        "промышленность",
        "политика",
        "план",
        "голод",
        "армия",
        "договор",
        "реформа",
        "съезд",
        "вождь",
        "декрет",
        "крестьяне",
        "завод",
        "газета",
        "ссылка",
        "комитет",
    ],
    "el": [
        "επανάσταση",
        "κράτος",
        "κόμμα",
        "εργάτες",
        "γη",
        "βιομηχανία",
        "πολιτική",
        "σχέδιο",
        "λιμός",
        "στρατός",
        "συνθήκη",
        "μεταρρύθμιση",
        "συνέδριο",
        "ηγέτης",
        "διάταγμα",
        "αγρότες",
        "εργοστάσιο",
        "εφημερίδα",
        "εξορία",
        "επιτροπή",
    ],
}
NAMES = {
    "en": ["Athens", "Sparta", "Corinth", "Thebes", "Argos", "Megara", "Delphi", "Elis"],
    "ru": ["Ленин", "Сталин", "Троцкий", "Бухарин", "Зиновьев", "Каменев", "Рыков", "Томский"],
    "el": ["Αθήνα", "Σπάρτη", "Κόρινθος", "Θήβα", "Άργος", "Μέγαρα", "Δελφοί", "Ήλιδα"],
}


def prose(words: int, language: str = "en", seed: int = 1) -> str:
    """Deterministic sentences of 6..17 words, ``words`` words in all."""
    vocab = WORDS[language]
    out, sentence, n, k = [], [], 0, seed
    while n < words:
        k = (k * 1103515245 + 12345) % 2**31
        sentence.append(vocab[k % len(vocab)])
        n += 1
        if len(sentence) >= 6 + k % 12 or n == words:
            text = " ".join(sentence)
            out.append(text[0].upper() + text[1:] + ".")
            sentence = []
    return " ".join(out)


def stress_source(
    subjects: int = 3, rows: int = 80, huge_cell_words: int = 3000, language: str = "en", sections: int = 2
) -> dict:
    """A source whose table, one cell and prose cannot fit on one slide each."""
    names = NAMES[language][:subjects]
    table = [
        {
            "label": f"{prose(2, language, r)[:-1]} {r + 1}",
            "values": [prose(4 + (r * 7 + s) % 25, language, r * 10 + s) for s in range(subjects)],
        }
        for r in range(rows)
    ]
    if huge_cell_words:
        table.insert(
            1,
            {
                "label": "Huge",
                "values": [prose(huge_cell_words, language, 99)] + [prose(12, language, s) for s in range(1, subjects)],
            },
        )
        table.append({"label": "Unbreakable", "values": ["x" * 400] + ["y"] * (subjects - 1)})
    return {
        "title": f"{' vs. '.join(names)}: {prose(8, language, 5)}",
        "subtitle": prose(9, language, 6),
        "author": "A. Teacher",
        "course": "History 101",
        "date": "Spring",
        "language": language,
        "subjects": [{"name": n} for n in names],
        "summary": prose(60, language, 7),
        "table": table,
        "similarities": [prose(10 + i * 9, language, 20 + i) for i in range(12)],
        "sections": [
            {
                "heading": f"{prose(3, language, 40 + i)[:-1]}",
                "body": "\n\n".join(prose(70 + 30 * p, language, 50 + i * 5 + p) for p in range(4)),
                "by_subject": {n.lower(): prose(400, language, 60 + j) for j, n in enumerate(names)}
                if i == 0
                else None,
            }
            for i in range(sections)
        ],
        "conclusion": "\n\n".join(prose(50, language, 80 + p) for p in range(3)),
        "sources": [
            {"title": prose(6, language, 90 + i), "url": f"https://example.org/{'a' * 30 * i}/page"} for i in range(4)
        ],
    }


def write_source(folder: Path, data: dict, name: str = "source.yaml") -> Path:
    """Write ``data`` as YAML, giving subjects ids the loader accepts."""
    for subject in data["subjects"]:
        subject.setdefault("id", f"s{data['subjects'].index(subject)}")
    for section in data.get("sections", []):
        if section.get("by_subject"):
            section["by_subject"] = dict(zip((s["id"] for s in data["subjects"]), section["by_subject"].values()))
        else:
            section.pop("by_subject", None)
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def render(source: Path, layout=None) -> bytes:
    from handouts.render.deck.writer import render_deck

    return render_deck(load_source(source), layout or load_layout(), RenderContext(source))


def open_deck(data: bytes):
    from pptx import Presentation

    return Presentation(io.BytesIO(data))


def _flat(shapes):
    """Shapes with groups opened (our groups keep child coordinates = slide coordinates)."""
    for shape in shapes:
        if shape.shape_type == 6:  # MSO_SHAPE_TYPE.GROUP
            yield from _flat(shape.shapes)
        else:
            yield shape


def shape_boxes(slide) -> list[tuple[float, float, float, float]]:
    """(x0, top, x1, bottom) in points of every shape that carries text (inside groups too)."""
    boxes = []
    for shape in _flat(slide.shapes):
        carries = (shape.has_text_frame and shape.text_frame.text.strip()) or getattr(shape, "has_table", False)
        if carries:
            left, top = shape.left / EMU_PER_PT, shape.top / EMU_PER_PT
            boxes.append((left, top, left + shape.width / EMU_PER_PT, top + shape.height / EMU_PER_PT))
    return boxes


def slide_title(slide) -> str:
    return slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""


def convert(pptx_paths: list[Path], out_dir: Path) -> list[Path]:
    """Convert decks to PDF with LibreOffice in ONE call (each start costs seconds)."""
    import os
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as home:
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out_dir), *map(str, pptx_paths)],
            check=True,
            capture_output=True,
            timeout=600,
            env={**os.environ, "HOME": home},
        )
    return [out_dir / (p.stem + ".pdf") for p in pptx_paths]


def overflow_problems(deck_bytes: bytes, pdf_path: Path, tolerance: float = 2.0) -> list[str]:
    """Words LibreOffice drew outside every text-bearing shape of their slide,
    or outside the slide; also a page count or page size that differs."""
    import pdfplumber

    prs = open_deck(deck_bytes)
    width, height = prs.slide_width / EMU_PER_PT, prs.slide_height / EMU_PER_PT
    problems = []
    with pdfplumber.open(pdf_path) as pdf:
        if len(pdf.pages) != len(prs.slides):
            return [f"{len(prs.slides)} slides but {len(pdf.pages)} PDF pages"]
        for number, (slide, page) in enumerate(zip(prs.slides, pdf.pages), 1):
            if abs(page.width - width) > 1 or abs(page.height - height) > 1:
                problems.append(f"page {number} is {page.width}x{page.height}, slide {width}x{height}")
            boxes = shape_boxes(slide)
            for word in page.extract_words(use_text_flow=True):
                x0, top, x1, bottom = word["x0"], word["top"], word["x1"], word["bottom"]
                inside_slide = (
                    x0 >= -tolerance and top >= -tolerance and x1 <= width + tolerance and bottom <= height + tolerance
                )
                inside_shape = any(
                    x0 >= b[0] - tolerance
                    and top >= b[1] - tolerance
                    and x1 <= b[2] + tolerance
                    and bottom <= b[3] + tolerance
                    for b in boxes
                )
                if not (inside_slide and inside_shape):
                    problems.append(
                        f"slide {number} ({slide_title(slide)!r}): {word['text']!r} at "
                        f"({x0:.1f}, {top:.1f}, {x1:.1f}, {bottom:.1f}) outside its boxes"
                    )
    return problems


# -- reading text back as a viewer shows it ---------------------------------------------------------------------------
A_NS = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P_NS = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
SHAPE_TAGS = {P_NS + t for t in ("sp", "grpSp", "graphicFrame", "pic", "cxnSp")}
WHITE = "FFFFFF"  # the default theme's slide background


def slide_scheme(slide) -> dict[str, str]:
    """The colours a slide may name by reference ("tx1", "bg1", "accent1", ... and the
    slots "dk1", "lt1", ...: "RRGGBB"), read from its master's theme part through the
    master's colour map, as PowerPoint and LibreOffice resolve an ``a:schemeClr``."""
    from lxml import etree
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    master = slide.slide_layout.slide_master
    theme = etree.fromstring(master.part.part_related_by(RT.THEME).blob)
    scheme = {}
    for slot in theme.find(f"{A_NS}themeElements/{A_NS}clrScheme"):
        color = slot[0]  # an srgbClr, or a system colour with its last value
        scheme[slot.tag.removeprefix(A_NS)] = (
            color.get("val") if color.tag == A_NS + "srgbClr" else color.get("lastClr")
        ).upper()
    clr_map = master.element.find(P_NS + "clrMap")
    return {**scheme, **{name: scheme[slot] for name, slot in clr_map.attrib.items() if slot in scheme}}


def _solid(parent, scheme: dict[str, str] | None = None) -> str | None:
    """The colour ("RRGGBB") of a ``solidFill`` directly under ``parent`` (or None): an
    ``srgbClr``'s own, a ``schemeClr``'s through ``scheme`` (:func:`slide_scheme`)."""
    fill = None if parent is None else parent.find(A_NS + "solidFill")
    if fill is None or not len(fill):
        return None
    color = fill[0]
    if color.tag == A_NS + "schemeClr":
        assert scheme is not None, "a theme colour needs the slide's scheme to be read"
        return scheme[color.get("val")]
    return color.get("val").upper() if color.tag == A_NS + "srgbClr" else None


def shape_color(shape, line: bool = False) -> str | None:
    """A shape's fill colour, or its outline's (``line``), as a viewer resolves it
    ("RRGGBB", a theme reference through its slide's theme; None for none)."""
    sp_pr = shape._element.find(P_NS + "spPr")
    parent = sp_pr.find(A_NS + "ln") if line else sp_pr
    return _solid(parent, slide_scheme(shape.part.slide))


def _defaults(tx_body, scheme: dict[str, str] | None = None) -> dict:
    """A text body's own list-style defaults (size in pt, bold, colour)."""
    d_r_pr = tx_body.find(f"{A_NS}lstStyle/{A_NS}lvl1pPr/{A_NS}defRPr")
    if d_r_pr is None:
        return {}
    sz = d_r_pr.get("sz")
    return {"size": int(sz) / 100 if sz else None, "bold": d_r_pr.get("b") == "1", "color": _solid(d_r_pr, scheme)}


def _box(element) -> tuple[float, float, float, float] | None:
    off = element.find(f".//{A_NS}off")
    ext = element.find(f".//{A_NS}ext[@cx]")
    if off is None or ext is None:
        return None
    x, y = int(off.get("x")) / EMU_PER_PT, int(off.get("y")) / EMU_PER_PT
    return x, y, x + int(ext.get("cx")) / EMU_PER_PT, y + int(ext.get("cy")) / EMU_PER_PT


def _leaves(tree):
    """Shape elements in drawing order (groups opened; our groups keep slide coordinates)."""
    for element in tree:
        if element.tag == P_NS + "grpSp":
            yield from _leaves(element)
        elif element.tag in SHAPE_TAGS:
            yield element


def styled_runs(slide) -> list[dict]:
    """Every non-empty run of the slide: text, size (pt), bold, colour and the
    fill it is read on (its shape's or table cell's fill, else the nearest
    filled shape beneath it that holds its centre, else the white background),
    and the shape's name."""
    out = []
    scheme = slide_scheme(slide)
    drawn: list[tuple[tuple, str]] = []  # (box, fill) of filled shapes so far, bottom to top
    for element in _leaves(slide.shapes._spTree):
        box = _box(element)
        name = element.find(f"./*/{P_NS}cNvPr").get("name")
        own = _solid(element.find(f"{P_NS}spPr"), scheme)

        def beneath(box=box) -> str:
            if box is not None:
                cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
                for other, fill in reversed(drawn):
                    if other[0] <= cx <= other[2] and other[1] <= cy <= other[3]:
                        return fill
            return WHITE

        bodies = []
        if element.tag == P_NS + "graphicFrame":
            for tc in element.iter(A_NS + "tc"):
                bodies.append((tc.find(A_NS + "txBody"), _solid(tc.find(A_NS + "tcPr"), scheme) or beneath()))
        else:
            tx = element.find(P_NS + "txBody")
            if tx is not None:
                bodies.append((tx, own or beneath()))
        for tx, fill in bodies:
            if tx is None:
                continue
            base = _defaults(tx, scheme)
            for r in tx.iter(A_NS + "r", A_NS + "fld"):  # runs and fields (the slide number)
                text = "".join(t.text or "" for t in r.iter(A_NS + "t"))
                if not text.strip():
                    continue
                r_pr = r.find(A_NS + "rPr")
                sz = r_pr.get("sz") if r_pr is not None else None
                bold = r_pr.get("b") if r_pr is not None else None
                out.append(
                    {
                        "text": text,
                        "size": int(sz) / 100 if sz else base.get("size"),
                        "bold": bold == "1" if bold is not None else base.get("bold", False),
                        "color": _solid(r_pr, scheme) or base.get("color"),
                        "fill": fill,
                        "shape": name,
                    }
                )
        if own and box is not None:
            drawn.append((box, own))
    return out


def text_fill(slide, margin: float = 36.0) -> float:
    """How full a content slide is: the area its text, tables, pictures and
    figures cover below the title (text measured with the deck's own metrics
    at its size in its shape's width), over the area below the title."""
    from handouts.render.deck.fit import Insets, TextStyle, block_height

    prs_w, prs_h = 960.0, 540.0
    title = slide.shapes.title
    title_bottom = (title.top + title.height) / EMU_PER_PT if title is not None else 0.0
    area = (prs_w - 2 * margin) * (prs_h - margin - title_bottom)
    covered = 0.0
    scheme = slide_scheme(slide)
    for shape in _flat(slide.shapes):
        if title is not None and shape.shape_id == title.shape_id:
            continue
        width, height = shape.width / EMU_PER_PT, shape.height / EMU_PER_PT
        if getattr(shape, "has_table", False) or shape.shape_type in (13,):  # table, picture
            covered += width * height
        elif shape.has_text_frame and shape.text_frame.text.strip():
            base = _defaults(shape.text_frame._txBody, scheme)
            size = base.get("size") or 18.0
            paragraphs = [p.text for p in shape.text_frame.paragraphs]
            style = TextStyle("Calibri", size, base.get("bold", False))
            covered += width * min(height, block_height(paragraphs, style, width, Insets()))
    return covered / area


def adversarial_source(seed: int = 0, subjects: int = 8) -> dict:
    """Text nobody tuned for: long URLs, 200-character words, tabs, runs of
    zero-width spaces and soft hyphens, no-break spaces, in names, labels,
    values and prose, over up to eight subjects."""
    url = f"https://example.org/{'path/' * (8 + seed)}{'segment-' * 6}end?query={'x' * 40}&b=2"
    long_word = ("Donaudampfschifffahrt" * 10)[: 200 - seed]
    odd = [
        "tab\tinside\tthe\ttext",
        "zero\u200b\u200b\u200b\u200bwidth" * 3,
        "soft\u00adhyphen\u00adword",
        "no\u00a0break\u00a0space",
    ]
    names = [f"{NAMES['en'][i]}\t{i}" if i % 3 == 0 else NAMES["en"][i] for i in range(subjects)]
    names[1] = "\u200b".join("Sparta")
    table = [
        {"label": "Link", "values": [f"See {url}" if i % 2 == 0 else url for i in range(subjects)]},
        {
            "label": long_word[:60],
            "values": [long_word if i == seed % subjects else odd[i % 4] for i in range(subjects)],
        },
        {"label": "Mixed\tlabel", "values": [" ".join(odd) + " " + prose(8, "en", i) for i in range(subjects)]},
        {"label": "Shared", "values": f"One value for all: {url}"},
    ]
    return {
        "title": f"Edge cases {seed}: {long_word[:80]}\t{url[:40]}",
        "subtitle": "\u200b".join("subtitle") + " " + url,
        "course": "Course\twith tab",
        "language": "en",
        "subjects": [{"name": n} for n in names],
        "summary": f"{prose(30, 'en', seed)} {url}",
        "table": table,
        "similarities": [f"{long_word} {prose(6, 'en', 3)}", url, odd[0]],
        "sections": [{"heading": f"Prose {long_word[:50]}", "body": f"{prose(40, 'en', seed)} {url} {long_word}."}],
        "conclusion": f"{odd[1]} {prose(20, 'en', 9)}",
        "sources": [{"title": long_word, "url": url}],
    }


def run_languages(slide) -> list[str | None]:
    """Each run's language as a reader resolves it: the run's own ``lang``, else
    its text body's list style (``a:lstStyle/a:lvl1pPr/a:defRPr``)."""
    out = []
    for tx in [*slide.shapes._spTree.iter(P_NS + "txBody"), *slide.shapes._spTree.iter(A_NS + "txBody")]:
        d_r_pr = tx.find(f"{A_NS}lstStyle/{A_NS}lvl1pPr/{A_NS}defRPr")
        inherited = d_r_pr.get("lang") if d_r_pr is not None else None
        for r in tx.iter(A_NS + "r"):
            r_pr = r.find(A_NS + "rPr")
            out.append((r_pr.get("lang") if r_pr is not None else None) or inherited)
    return out
