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


@needs("pdftoppm")
@pytest.mark.parametrize("layout", LAYOUTS)
def test_worksheet_and_answer_key_qr_scan_back_to_the_url(write, tmp_path: Path, layout: str) -> None:
    import pikepdf

    source = write(SOURCE)
    result = build_one(source, tmp_path / "out", ["worksheet", "answers"], load_layout(layout))
    assert result.problems == []
    for kind in ("worksheet", "answers"):
        pdf = tmp_path / "out" / f"source.{kind}.pdf"
        prefix = tmp_path / kind
        subprocess.run(["pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", str(pdf), str(prefix)], check=True)
        [png] = tmp_path.glob(f"{kind}*.png")
        assert _scan(Image.open(png)) == [URL]
        data = pdf.read_bytes()
        assert URL in pdf_text(data).replace("\n", "")
        figures = [node for node in reading(data) if node.kind == "Figure"]
        assert [f.alt for f in figures] == [f"QR code to the digital copy: {URL}"]
        assert marking_problems(pikepdf.open(io.BytesIO(data))) == []


def _template_layout(folder: Path, cover_corners: bool = False) -> Path:
    """A teacher's template (4:3, python-pptx's masters) with a logo on the master;
    ``cover_corners``: the title layout also has a shape in every corner."""
    import copy

    from pptx import Presentation
    from pptx.util import Pt

    prs = Presentation()
    scratch = prs.slides.add_slide(prs.slide_layouts[6])  # shapes made on a slide, moved to the masters
    width, height = prs.slide_width.pt, prs.slide_height.pt
    places = [(Pt(10), Pt(10), Pt(90), Pt(24), prs.slide_master)]  # the logo, top left
    if cover_corners:
        places += [
            (Pt(x), Pt(y), Pt(width / 2), Pt(height / 2), prs.slide_layouts[0])
            for x in (0, width / 2)
            for y in (0, height / 2)
        ]
    for n, (left, top, w, h, owner) in enumerate(places):
        box = scratch.shapes.add_textbox(left, top, w, h)
        box.text_frame.text = "School" if n == 0 else ""
        element = copy.deepcopy(box._element)
        element.nvSpPr.cNvPr.set("id", str(1000 + n))
        owner.shapes._spTree.append(element)
    path = folder / "school.pptx"
    buffer = io.BytesIO()
    prs.save(buffer)
    path.write_bytes(buffer.getvalue())
    layout = folder / "school.yaml"
    layout.write_text("extends: classic\ndeck:\n  template: school.pptx\n", encoding="utf-8")
    return layout


@needs("soffice", "pdftoppm")
def test_templated_title_slide_qr_is_in_a_free_corner_and_scans(write, tmp_path: Path) -> None:
    from pptx import Presentation

    from tests.deck_helpers import convert, shape_boxes

    layout = load_layout(_template_layout(tmp_path))
    source = write(SOURCE)
    assert build_one(source, tmp_path / "out", ["deck"], layout).problems == []
    deck = tmp_path / "out" / "source.deck.pptx"
    slide = Presentation(str(deck)).slides[0]
    [code] = [shape for shape in slide.shapes if shape.name == "QR code"]
    assert code._element.xpath("./p:nvPicPr/p:cNvPr/@descr") == [f"QR code to the digital copy: {URL}"]
    assert _scan(Image.open(io.BytesIO(code.image.blob))) == [URL]
    x0, top = code.left.pt, code.top.pt
    x1, bottom = x0 + code.width.pt, top + code.height.pt
    assert code.width.pt >= 72 * 0.9 and x1 <= slide.part.package.presentation_part.presentation.slide_width.pt
    for bx0, btop, bx1, bbottom in shape_boxes(slide):  # no text of the slide under the code
        assert bx1 <= x0 or bx0 >= x1 or bbottom <= top or btop >= bottom
    [pdf] = convert([deck], tmp_path)
    subprocess.run(
        ["pdftoppm", "-r", "100", "-f", "1", "-l", "1", "-png", str(pdf), str(tmp_path / "slide")], check=True
    )
    [png] = tmp_path.glob("slide*.png")
    assert _scan(Image.open(png)) == [URL]


def test_a_template_without_a_free_corner_warns_and_keeps_the_address(write, tmp_path: Path) -> None:
    from pptx import Presentation

    layout = load_layout(_template_layout(tmp_path, cover_corners=True))
    source = write(SOURCE)
    result = build_one(source, tmp_path / "out", ["deck"], layout)
    [warning] = [p for p in result.warnings if p.key == "url"]
    assert result.problems == [] and "no free corner" in warning.message
    slide = Presentation(str(tmp_path / "out" / "source.deck.pptx")).slides[0]
    assert not [shape for shape in slide.shapes if shape.name == "QR code"]
    assert any(URL in shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
