"""The source's ``url:`` becomes a QR code on the handout: it scans back to the URL
(from the page as pdftoppm renders it), the URL is printed beside it, and a screen
reader hears it as a Figure whose alt text is the URL."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from handouts.cli import app
from handouts.errors import SourceError
from handouts.layout.resolve import load_layout
from handouts.render.qr import qr_matrix, qr_png
from handouts.source.loader import load_source
from tests.conftest import LAYOUTS, build_one, needs
from tests.sources import pdf_text
from tests.tagged_pdf import marking_problems, reading

URL = "https://classroom.example.org/c/athens-sparta?unit=3&lang=en"
SOURCE = f"""\
title: Athens vs. Sparta
url: "{URL}"
subjects: [{{name: Athens}}, {{name: Sparta}}]
table: [{{label: Army, values: [Navy, Hoplites]}}]
"""


def _scan(image: Image.Image) -> list[str]:
    import zxingcpp

    return [result.text for result in zxingcpp.read_barcodes(image)]


def test_the_encoder_matrix_scans_back() -> None:
    assert _scan(Image.open(io.BytesIO(qr_png(URL)))) == [URL]
    assert qr_matrix(URL) == qr_matrix(URL) and len(qr_matrix(URL)) >= 21


@needs("pdftoppm")
@pytest.mark.parametrize("layout", LAYOUTS)
def test_handout_qr_scans_back_to_the_url(write, tmp_path: Path, layout: str) -> None:
    import pikepdf

    source = write(SOURCE)
    result = build_one(source, tmp_path / "out", ["handout"], load_layout(layout))
    assert result.problems == []
    pdf = tmp_path / "out" / "source.handout.pdf"
    subprocess.run(
        ["pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", str(pdf), str(tmp_path / "page")], check=True
    )
    [png] = tmp_path.glob("page*.png")
    assert _scan(Image.open(png)) == [URL]
    data = pdf.read_bytes()
    assert URL in pdf_text(data).replace("\n", "")  # the address as text beside the code
    figures = [node for node in reading(data) if node.kind == "Figure"]
    assert [f.alt for f in figures] == [f"QR code to the digital copy: {URL}"]
    assert marking_problems(pikepdf.open(io.BytesIO(data))) == []


def test_no_url_no_code(write, tmp_path: Path) -> None:
    source = write(SOURCE.replace(f'url: "{URL}"\n', ""))
    build_one(source, tmp_path / "out", ["handout"], load_layout("classic"))
    assert [n for n in reading((tmp_path / "out" / "source.handout.pdf").read_bytes()) if n.kind == "Figure"] == []


def test_a_url_must_be_a_web_address(write, runner) -> None:
    source = write(SOURCE.replace(URL, "classroom unit 3"))
    with pytest.raises(SourceError) as caught:
        load_source(source)
    assert caught.value.first.key == "url" and caught.value.first.line == 2
    result = runner.invoke(app, ["check", str(source)])
    assert result.exit_code == 1 and "is not a web address" in result.output


@needs("soffice", "pdftoppm")
def test_title_slide_qr_scans_back_to_the_url(write, tmp_path: Path) -> None:
    from pptx import Presentation

    from tests.deck_helpers import convert, overflow_problems

    source = write(SOURCE.replace("title: Athens vs. Sparta\n", "title: Athens vs. Sparta\ncourse: World History 10\n"))
    assert build_one(source, tmp_path / "out", ["deck"], load_layout("classic")).problems == []
    deck = tmp_path / "out" / "source.deck.pptx"
    slide = Presentation(str(deck)).slides[0]
    [code] = [shape for shape in slide.shapes if shape.name == "QR code"]
    assert code._element.xpath("./p:nvPicPr/p:cNvPr/@descr") == [f"QR code to the digital copy: {URL}"]
    assert any(URL in shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
    assert _scan(Image.open(io.BytesIO(code.image.blob))) == [URL]
    [pdf] = convert([deck], tmp_path)
    assert overflow_problems(deck.read_bytes(), pdf) == []  # the shorter title box still holds the title
    subprocess.run(
        ["pdftoppm", "-r", "100", "-f", "1", "-l", "1", "-png", str(pdf), str(tmp_path / "slide")], check=True
    )
    [png] = tmp_path.glob("slide*.png")
    assert _scan(Image.open(png)) == [URL]
