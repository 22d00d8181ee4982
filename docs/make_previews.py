#!/usr/bin/env python3
"""Refresh the README's preview images from the bundled example.

    python docs/make_previews.py

Needs pdftoppm (poppler-utils), soffice (libreoffice-impress) and chromium. Writes
docs/preview-handout.png, docs/preview-timeline.png, docs/preview-slide.png,
docs/preview-html.png (the web page at a phone's width) and the worksheet, answers and
organizer previews.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
EXAMPLE = ROOT / "content" / "lenin-vs-stalin.yaml"
SLIDE = 5  # a per-row slide: subjects side by side in their colours


def png(pdf: Path, page: int, target: Path, width: int = 640) -> None:
    """Render one page of a PDF to a PNG ``width`` pixels wide."""
    stem = target.with_suffix("")
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-f",
            str(page),
            "-l",
            str(page),
            "-scale-to-x",
            str(width),
            "-scale-to-y",
            "-1",
            "-singlefile",
            str(pdf),
            str(stem),
        ],
        check=True,
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "handouts",
                "build",
                str(EXAMPLE),
                "--out",
                str(out),
                "-j",
                "1",
                "-q",
                "--to",
                "handout,timeline,deck,html",
            ],  # fmt: skip
            cwd=ROOT,
            check=True,
        )
        png(out / "lenin-vs-stalin.handout.pdf", 1, DOCS / "preview-handout.png")
        png(out / "lenin-vs-stalin.timeline.pdf", 1, DOCS / "preview-timeline.png", 800)
        subprocess.run(
            [sys.executable, "-m", "handouts", "build", str(EXAMPLE), "--out", str(out), "-j", "1", "-q"]
            + ["--to", "worksheet,answers,organizer"],
            cwd=ROOT,
            check=True,
        )
        for kind in ("worksheet", "answers", "organizer"):
            png(out / f"lenin-vs-stalin.{kind}.pdf", 1, DOCS / f"preview-{kind}.png", 480)
        env = dict(os.environ, HOME=tmp)
        subprocess.run(
            [
                "soffice",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out / "deck"),
                str(out / "lenin-vs-stalin.deck.pptx"),
            ],
            check=True,
            env=env,
            capture_output=True,
        )
        png(out / "deck" / "lenin-vs-stalin.deck.pdf", SLIDE, DOCS / "preview-slide.png")
        subprocess.run(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp}/chromium", "--hide-scrollbars", "--window-size=390,1100",
             f"--screenshot={DOCS / 'preview-html.png'}", (out / "lenin-vs-stalin.html").as_uri()],
            check=True, capture_output=True,
        )  # fmt: skip
    print("wrote", ", ".join(str(p.relative_to(ROOT)) for p in sorted(DOCS.glob("preview-*.png"))))


if __name__ == "__main__":
    main()
