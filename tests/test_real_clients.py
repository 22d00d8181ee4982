"""Every bundled source x built-in layout, opened by the programs teachers use:
qpdf checks each PDF, poppler renders it and lists its fonts, LibreOffice
converts each deck to one page per slide with no word outside its box."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation

from handouts.layout.resolve import load_layout
from handouts.pipeline.outputs import OUTPUTS
from handouts.source.loader import load_source
from tests.conftest import CONTENT, LAYOUTS, build_one, needs
from tests.deck_helpers import convert, overflow_problems

TOOLS = ("qpdf", "pdffonts", "pdftoppm", "soffice")
pytestmark = needs(*TOOLS)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("clients")
    for layout_name in LAYOUTS:
        layout = load_layout(layout_name)
        for source in CONTENT:
            folder = out / layout_name
            assert not build_one(source, folder, list(OUTPUTS), layout).problems
    return out


def _pdfs(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.pdf") if "converted" not in p.parts)


def test_every_pdf_passes_qpdf_check(built: Path) -> None:
    pdfs = _pdfs(built)
    dated = [p for p in CONTENT if len(load_source(p).timeline) >= 2]  # the others get no timeline
    per_source = sum(kind.suffix.endswith(".pdf") and kind.name != "timeline" for kind in OUTPUTS.values())
    assert len(pdfs) == (per_source * len(CONTENT) + len(dated)) * len(LAYOUTS)
    for pdf in pdfs:
        result = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
        assert result.returncode == 0, f"{pdf}: {result.stdout}{result.stderr}"


def test_every_font_is_embedded(built: Path) -> None:
    for pdf in _pdfs(built):
        rows = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[
            2:
        ]
        assert rows, f"{pdf}: no fonts"
        for row in rows:
            # name type encoding emb sub uni object ID: 'emb' and 'sub' are yes/no columns
            flags = re.findall(r"\b(yes|no)\b", row)
            assert flags[:2] == ["yes", "yes"], f"{pdf}: font not embedded as a subset: {row}"


def test_every_pdf_renders(built: Path, tmp_path: Path) -> None:
    for i, pdf in enumerate(_pdfs(built)):
        pages = int(
            re.search(
                r"Pages:\s+(\d+)",
                subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout,
            ).group(1)
        )
        subprocess.run(
            ["pdftoppm", "-r", "15", "-png", str(pdf), str(tmp_path / f"p{i}")], check=True, capture_output=True
        )
        assert len(list(tmp_path.glob(f"p{i}-*.png"))) == pages


def test_every_deck_converts_to_one_page_per_slide_without_overflow(built: Path) -> None:
    decks = sorted(built.rglob("*.deck.pptx"))
    assert len(decks) == len(CONTENT) * len(LAYOUTS)
    problems: list[str] = []
    for layout_name in LAYOUTS:  # one LibreOffice start per layout folder (names repeat across folders)
        group = [d for d in decks if d.parent.name == layout_name]
        target = built / "converted" / layout_name
        target.mkdir(parents=True)
        for deck, pdf in zip(group, convert(group, target)):
            from pypdf import PdfReader

            assert len(PdfReader(pdf).pages) == len(Presentation(deck).slides), deck
            problems += [f"{layout_name}: {p}" for p in overflow_problems(deck.read_bytes(), pdf)]
    assert not problems, "\n".join(problems[:20])
