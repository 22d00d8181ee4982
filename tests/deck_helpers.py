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
