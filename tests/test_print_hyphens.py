"""A hyphen a line break added is read as the whole word (issue 17): the page
shows "revo-" / "lutionary", the hyphen's ActualText is the tail and the
tail's is empty, so a screen reader or pdftotext gets "revolutionary", and a
word's own hyphen ("Post-Impressionism") stays a hyphen."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
import yaml

from handouts.markup import plain
from handouts.render.handout.document import model_texts
from handouts.source.loader import load_source
from tests.conftest import LAYOUTS, needs
from tests.print_metrics import TEST_SOURCES, render
from tests.tagged_pdf import marking_problems, parent_tree_problems

LONG = next(p for p in TEST_SOURCES if p.stem == "athens-sparta-long")
LETTERS = re.compile(r"[^\W\d_]+")


def actual_texts(data: bytes) -> list[tuple[str, bool]]:
    """Each /ActualText in the content streams, and whether its sequence has an MCID."""
    out = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            for operands, _operator in pikepdf.parse_content_stream(page, "BDC"):
                props = operands[1]
                if isinstance(props, pikepdf.Dictionary) and "/ActualText" in props:
                    out.append((str(props.ActualText), "/MCID" in props))
    return out


def printed_heads(data: bytes) -> list[str]:
    """Words printed at a line's end with a hyphen, as pdfplumber (which ignores ActualText) reads them."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        words = [w["text"] for page in pdf.pages for w in page.extract_words()]
    return [w for w in words if re.search(r"[^\W\d_]-$", w)]


def own_hyphen(head: str, text: str) -> bool:
    """Whether a printed "re-" is a word's own hyphen ("re-elected" in the source)."""
    run = LETTERS.findall(head)[-1]
    return re.search(r"(?<![^\W\d_])" + re.escape(run) + "-", text) is not None


def source_runs(path: Path) -> set[str]:
    return {w for text in model_texts(load_source(path)) for w in LETTERS.findall(plain(text))}


@pytest.mark.parametrize("layout", ["large-print", "classic"])
def test_added_hyphens_carry_the_whole_word_as_actual_text(layout: str) -> None:
    data = render(LONG, layout)
    words = source_runs(LONG)
    found = actual_texts(data)
    text = " ".join(plain(t) for t in model_texts(load_source(LONG)))
    heads = [h for h in printed_heads(data) if not own_hyphen(h, text)]
    assert heads, "the long source should hyphenate somewhere"
    assert found, "no ActualText for the hyphenated words"
    assert all(has_mcid for _, has_mcid in found), "each piece must stay content of its element (its own MCID)"
    tails = [t for t, _ in found if t == ""]  # the tail on the next line reads as nothing
    found = [(t, m) for t, m in found if t]
    assert len(tails) == len(found)
    runs = [LETTERS.findall(h)[-1] for h in heads]
    for text, _ in found:  # the hyphen reads as the rest of the word: head + it is a source word
        assert not re.search(r"\s", text), text
        assert any(r + LETTERS.match(text).group() in words for r in runs), text
    for run in runs:  # and every added hyphen reads so
        assert any(run + LETTERS.match(t).group() in words for t, _ in found), run


def test_the_split_word_sequences_keep_the_pdf_tagged() -> None:
    data = render(LONG, "large-print")
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert marking_problems(pdf) == []
        assert parent_tree_problems(pdf) == []


@needs("pdftotext")
@pytest.mark.parametrize("layout", LAYOUTS)
def test_pdftotext_reads_whole_words(layout: str, tmp_path: Path) -> None:
    """poppler honours ActualText: in prose every word it reads is a source word,
    never a hyphenated piece such as "Pelo" or "ponnesian". (Its layout analysis
    may still misplace a tail beside another table cell's text, such as a
    "(cont.)" label, so the prose is read without the table.)"""
    data = yaml.safe_load(LONG.read_text(encoding="utf-8"))
    data.pop("table")
    path = tmp_path / LONG.name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    data = render(path, layout)
    text = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True, timeout=60).stdout
    read = set(LETTERS.findall(text.decode()))
    pieces = {LETTERS.findall(h)[-1] for h in printed_heads(data)} - source_runs(LONG)
    assert not read & pieces, sorted(read & pieces)


def test_a_words_own_hyphen_is_not_read_away() -> None:
    """'Post-Impressionism' split after its own hyphen gets no ActualText: the hyphen is the word's."""
    path = next(p for p in TEST_SOURCES if p.stem == "art-movements")
    for layout in ("large-print", "classic"):
        for text, _ in actual_texts(render(path, layout)):
            assert "PostImpressionism" not in text
