"""Generated comparison sources for tests (any subject count, row count, cell size).

Sources are written as YAML via ``yaml.safe_dump`` so any text (quotes, colons,
markup-like characters) survives exactly. Reusable by every renderer's tests.
"""

from __future__ import annotations

import io
import itertools
import random
from pathlib import Path
from typing import Any

import pdfplumber
import yaml

WORDS = [
    "reform",
    "revolution",
    "party",
    "state",
    "economy",
    "policy",
    "peasants",
    "workers",
    "industry",
    "army",
    "famine",
    "purge",
    "treaty",
    "congress",
    "decree",
    "plan",
    "grain",
    "factory",
    "railway",
    "border",
    "alliance",
    "war",
    "peace",
    "press",
    "church",
    "school",
]

NAMES = ["Athens", "Sparta", "Corinth", "Thebes", "Argos", "Megara", "Delphi", "Olympia"]


def words(n: int, seed: int = 0) -> str:
    """``n`` deterministic words in sentences of 12 (so text can split at sentences)."""
    out = []
    for i in range(n):
        word = WORDS[(i * 7 + seed * 13) % len(WORDS)]
        out.append(word.capitalize() if i % 12 == 0 else word)
        if i % 12 == 11 or i == n - 1:
            out[-1] += "."
    return " ".join(out)


def make_source(
    n_subjects: int = 2,
    n_rows: int = 5,
    cell_words: int = 6,
    *,
    long_cell: tuple[int, int] | None = None,
    long_words: int = 3000,
    sections: int = 2,
    title: str = "Generated comparison",
    language: str = "en",
    **extra: Any,
) -> dict[str, Any]:
    """A source as data: ``n_subjects`` subjects, ``n_rows`` rows of ``cell_words``-word cells.

    ``long_cell=(row, subject)`` makes that cell ``long_words`` words long.
    Keyword ``extra`` entries override top-level fields (e.g. ``note=...``).
    """
    subjects = [
        {"id": f"s{i}", "name": NAMES[i % len(NAMES)], "full_name": f"The city of {NAMES[i % len(NAMES)]}"}
        for i in range(n_subjects)
    ]
    table = []
    for r in range(n_rows):
        values = [f"R{r}C{c} " + words(cell_words, seed=r + c) for c in range(n_subjects)]
        if long_cell and long_cell[0] == r:
            values[long_cell[1]] = f"R{r}C{long_cell[1]} " + words(long_words, seed=r)
        table.append({"label": f"Attribute {r}", "values": values})
    data: dict[str, Any] = {
        "title": title,
        "subtitle": "A generated test source",
        "author": "Test Author",
        "course": "History 101",
        "date": "Spring 2026",
        "language": language,
        "subjects": subjects,
        "summary": words(60, seed=1),
        "table": table,
        "similarities": [words(10, seed=s) for s in range(3)],
        "sections": [
            {
                "heading": f"Section {k}",
                "body": words(80, seed=k) + "\n\n" + words(40, seed=k + 1),
                "by_subject": {"s0": words(30, seed=k)},
            }
            for k in range(sections)
        ],
        "conclusion": words(50, seed=3),
        "sources": [{"title": "A book", "url": "https://example.org/book"}, "A plain source"],
        "note": "Generated for tests.",
    }
    data.update(extra)
    return data


def write_source(path: Path, data: dict[str, Any]) -> Path:
    """Write ``data`` as a YAML source file and return its path."""
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1_000_000), encoding="utf-8")
    return path


ATHENS = """\
title: Athens vs. Sparta
author: A. Teacher
subjects:
  - name: Athens
  - name: Sparta
timeline:
  - {date: 490 BC, label: Battle of Marathon, subject: athens, detail: Persians defeated.}
  - {date: 480 BC, label: Thermopylae, subject: sparta}
  - {date: 480 BC, label: Salamis, subject: athens}
  - {start: 431 BC, end: 404 BC, label: Peloponnesian War}
  - {date: c. 430 BC, label: Plague of Athens, subject: athens}
  - {start: c. 461 BC, end: 429 BC, label: Age of Pericles, subject: athens}
"""


def dense_source(seed: int = 7) -> str:
    """60 dated events inside two years (some on the same day) plus one 90-year span."""
    rng = random.Random(seed)
    lines = ["title: Dense", "subjects:", "  - name: Alpha", "  - name: Beta", "timeline:"]
    for i in range(60):
        date = f"{1917 + rng.randint(0, 1)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        if i % 10 == 0:
            date = "1917-11-07"
        lines.append(
            f"  - {{date: {date}, label: Happening {i + 1}{' with a long name' * (i % 3)},"
            f" subject: {'alpha' if i % 2 else 'beta'}}}"
        )
    lines.append("  - {start: 1900, end: 1989, label: Ninety-year span, detail: The long one.}")
    return "\n".join(lines) + "\n"


def words_overlap(pdf_bytes: bytes, tolerance: float = 0.5) -> list[tuple[str, str, int]]:
    """Pairs of words whose boxes intersect (more than ``tolerance`` each way)."""
    clashes = []
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            words = page.extract_words(use_text_flow=False, keep_blank_chars=False)
            for a, b in itertools.combinations(words, 2):
                if (
                    min(a["x1"], b["x1"]) - max(a["x0"], b["x0"]) > tolerance
                    and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > tolerance
                ):
                    clashes.append((a["text"], b["text"], number))
    return clashes


def pdf_text(pdf_bytes: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def write_png(path: Path, size: tuple[int, int] = (80, 60)) -> Path:
    """A plain picture file for sources that name an image."""
    from PIL import Image

    Image.new("RGB", size, (120, 40, 40)).save(path)
    return path
