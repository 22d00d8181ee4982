"""What a reader of a printed handout sees, measured from the PDF itself.

Shared by the print-grade tests and ``benchmarks/print_report.py``: toner
coverage from ``pdftoppm -gray`` renders, every glyph's size (pdfplumber), how
full each page is, and words broken across lines without a hyphen.
"""

from __future__ import annotations

import io
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from PIL import Image, ImageStat

from handouts.layout.resolve import load_layout
from handouts.markup import plain
from handouts.render.context import RenderContext
from handouts.render.handout.document import render_handout
from handouts.source.loader import load_source

HERE = Path(__file__).resolve().parent
TEST_SOURCES = sorted((HERE / "handout_sources").glob("*.yaml"))


def render(path: Path, layout: str = "classic") -> bytes:
    """The handout PDF of ``path`` in ``layout``."""
    return render_handout(load_source(path), load_layout(layout), RenderContext(source_path=path))


def coverage(pdf: bytes, dpi: int = 50) -> list[float]:
    """Mean darkness (0 white .. 1 black) of each page rendered in grayscale: toner used."""
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "in.pdf").write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-gray", "-r", str(dpi), str(Path(tmp) / "in.pdf"), str(Path(tmp) / "p")],
            check=True,
            timeout=120,
        )
        pages = sorted(Path(tmp).glob("p*.pgm"), key=lambda p: int(re.sub(r"\D", "", p.stem)))
        out = []
        for page in pages:
            with Image.open(page) as image:
                out.append(1 - ImageStat.Stat(image.convert("L")).mean[0] / 255)
        return out


@dataclass(frozen=True)
class Page:
    """One page as read back: its size, the sizes of its glyphs, its words and how far down it is filled."""

    width: float
    height: float
    sizes: tuple[float, ...]
    words: tuple[str, ...]
    lines: tuple[str, ...]
    fill: float  # share of the frame's height used by content above the footer


def read_pages(pdf: bytes, layout: str = "classic") -> list[Page]:
    """Every page's glyph sizes, words and text lines, and how full its frame is
    (words and fill count only the frame: the running header and footer are left out)."""
    margins = load_layout(layout).page.margins
    pages = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            chars = [c for c in page.chars if c["text"].strip()]
            top, bottom = margins.top - 1, page.height - margins.bottom + 1
            body = [c for c in chars if top < c["top"] and c["bottom"] < bottom]
            lowest = max((c["bottom"] for c in body), default=top)
            highest = min((c["top"] for c in body), default=top)
            rects = [r for r in page.rects + page.lines + page.images if top < r["top"] and r["bottom"] < bottom]
            lowest = max([lowest] + [r["bottom"] for r in rects])
            highest = min([highest] + [r["top"] for r in rects])
            text = page.extract_text() or ""
            inside = page.crop((0, top, page.width, bottom))
            pages.append(
                Page(
                    float(page.width),
                    float(page.height),
                    tuple(round(c["size"], 2) for c in chars),
                    tuple(w["text"] for w in inside.extract_words()),
                    tuple(text.splitlines()),
                    (lowest - highest) / (bottom - top) if body or rects else 0.0,
                )
            )
    return pages


_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*", re.UNICODE)


def source_words(path: Path, layout: str = "classic") -> set[str]:
    """Every word the source and the layout's labels may print, lower-cased."""
    labels = load_layout(layout).handout.labels.model_dump().values()
    text = plain(path.read_text(encoding="utf-8")) + " " + " ".join(labels)
    return {w.lower() for w in _WORD.findall(text)}


def broken_words(pages: list[Page], known: set[str]) -> list[str]:
    """Printed word pieces that are neither a word of the source nor a hyphenated
    part of one: a word broken across lines with no hyphen ("Impressionis" / "m").

    A piece ending in "-" is a head; a piece is a tail when a head on the same
    page joins it into a source word."""
    known = {_norm(k) for k in known}
    bad: list[str] = []
    carried: set[str] = set()  # a word hyphenated at the foot of the page before
    for page in pages:
        own = {_norm(h) for w in page.words if w.endswith("-") for h in _WORD.findall(w)[-1:]}
        heads, carried = carried | own, own
        for word in page.words:
            if word.endswith("\u2026"):
                continue  # shortened with a visible ellipsis (a timeline lane label), not broken
            pieces = _WORD.findall(word)
            for n, piece in enumerate(pieces):
                low = _norm(piece)
                if low in known:
                    continue
                head = n == len(pieces) - 1 and word.endswith("-")
                if head and any(low in k for k in known):
                    continue  # the head (or a middle part) of a word hyphenated over lines
                if any(k.endswith(h + low) for h in heads for k in known):
                    continue  # the tail: joined to a head on this page (or the last page) it ends a word
                bad.append(piece)
    return bad


def _norm(word: str) -> str:
    return word.lower().replace("\u2019", "'")
