"""Every script in every output: Arabic, Hebrew, Persian, Chinese, Japanese,
Korean and Hindi sources build handouts, timelines, worksheets, decks and web
pages that draw real glyphs, embed subsets, copy back in logical order, shape
Arabic, wrap CJK and put an RTL table's labels on the right."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata
from functools import cache
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from pptx import Presentation

from handouts.layout.resolve import load_layout
from handouts.pipeline.render import Task, render_source
from handouts.render.scripts.bidi import visual_order
from handouts.scripts import first_strong_rtl, profile
from tests.script_sources import SCRIPTS, script_source
from tests.sources import write_source

KINDS = ("handout", "timeline", "worksheet", "deck", "html")
LANGUAGES = tuple(SCRIPTS)


@cache
def _built(language: str) -> tuple[dict[str, bytes], list[str]]:
    import tempfile

    folder = Path(tempfile.mkdtemp())
    path = write_source(folder / f"{language}.yaml", script_source(language))
    task = Task(path, path.read_bytes(), load_layout("classic"), {k: f"{language}.{k}" for k in KINDS}, force=True)
    result = render_source(task)
    assert not result.problems, result.problems
    outputs = {k: result.outputs[f"{language}.{k}"] for k in KINDS}
    return outputs, [p.message for p in result.warnings]


def _normal(text: str) -> str:
    """NFKC (Arabic presentation forms -> letters), no bidi marks, one space."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", text)
    return " ".join(text.split())


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_missing_glyph_warning(language: str) -> None:
    _, warnings = _built(language)
    assert not [w for w in warnings if "empty boxes" in w], warnings


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["handout", "timeline", "worksheet"])
def test_fonts_embedded_as_subsets(language: str, kind: str) -> None:
    pdf = pikepdf.open(io.BytesIO(_built(language)[0][kind]))
    fonts = {}
    for page in pdf.pages:
        for _, font in page.Resources.get("/Font", {}).items():
            fonts[str(font.BaseFont)] = font
    assert fonts
    for name, font in fonts.items():
        assert re.match(r"^/[A-Z]{6}\+", name), name
        assert "/FontFile2" in font.FontDescriptor, name


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
@pytest.mark.parametrize("language", LANGUAGES)
def test_copied_text_is_the_source_in_logical_order(language: str) -> None:
    pdf = _built(language)[0]["handout"]
    text = _normal(subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode())
    spec = SCRIPTS[language]
    for sentence in [spec["prose"][0], spec["title"], *spec["names"]]:
        wanted = _normal(sentence)
        if profile(wanted).cjk:  # lines break between characters: compare without spaces
            assert wanted.replace(" ", "") in text.replace(" ", ""), wanted
        else:
            assert wanted in text, (wanted, text[:600])


def test_arabic_is_shaped() -> None:
    """Joined letters are presentation forms (or unnamed glyphs), never the isolated letters."""
    with pdfplumber.open(io.BytesIO(_built("ar")[0]["handout"])) as pdf:
        chars = [c["text"] for c in pdf.pages[0].chars]
    arabic = [c for c in chars if "\u0600" <= c <= "\u06ff" or "\ufb50" <= c <= "\ufeff"]
    forms = [c for c in arabic if "\ufb50" <= c <= "\ufeff"]
    assert arabic and len(forms) > 0.6 * len(arabic)


def test_arabic_table_labels_on_the_right() -> None:
    spec = SCRIPTS["ar"]
    with pdfplumber.open(io.BytesIO(_built("ar")[0]["handout"])) as pdf:
        page = pdf.pages[0]
        words = page.extract_words()
        label = _normal(spec["rows"][1][0])
        value = _normal(spec["rows"][1][1])
        xs = {_normal(w["text"]): w["x0"] for w in words}
        label_x = next(x for t, x in xs.items() if t == label or t == label[::-1])
        value_x = min(x for t, x in xs.items() if t in value.split() or t[::-1] in value.split())
        assert label_x > value_x
        assert label_x > page.width / 2


@pytest.mark.parametrize("language", ["zh", "ja"])
def test_cjk_paragraphs_wrap_inside_the_frame(language: str) -> None:
    with pdfplumber.open(io.BytesIO(_built(language)[0]["handout"])) as pdf:
        page = pdf.pages[0]
        cjk = [c for c in page.chars if profile(c["text"]).cjk]
        lines = {round(c["top"]) for c in cjk if c["size"] < 14}
        assert len(lines) > 4  # the prose wraps: it has no spaces to wrap at
        assert max(c["x1"] for c in cjk) <= page.width - load_layout("classic").page.margins.right + 0.5


def test_rtl_line_order() -> None:
    """Words of an Arabic line are shown right to left; a Latin name and a year keep their order."""
    words = ["استولى", "Vladimir", "Lenin", "عام", "1917"]
    assert visual_order(words, words, rtl=True) == ["1917", "عام", "Vladimir", "Lenin", "استولى"]
    latin = ["in", "محمد", "علي", "street"]
    assert visual_order(latin, latin, rtl=False) == ["in", "علي", "محمد", "street"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_deck_and_html_build(language: str) -> None:
    outputs = _built(language)[0]
    deck = Presentation(io.BytesIO(outputs["deck"]))
    text = " ".join(s.text_frame.text for slide in deck.slides for s in slide.shapes if s.has_text_frame)
    assert _normal(SCRIPTS[language]["names"][0]) in _normal(text)
    assert _normal(SCRIPTS[language]["title"]) in _normal(outputs["html"].decode())


A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _deck_paragraphs(language: str) -> list:
    deck = Presentation(io.BytesIO(_built(language)[0]["deck"]))
    return [p for slide in deck.slides for s in slide.shapes if s.has_text_frame for p in s.text_frame.paragraphs]


@pytest.mark.parametrize("language", ["ar", "he", "fa"])
def test_deck_rtl_paragraphs_are_marked(language: str) -> None:
    paragraphs = [p for p in _deck_paragraphs(language) if p.text.strip() and first_strong_rtl(p.text)]
    assert paragraphs
    for paragraph in paragraphs:  # marked itself, or by its frame's list style (a right-to-left deck's frames)
        own = paragraph._p.pPr.get("rtl") if paragraph._p.pPr is not None else None
        level = paragraph._p.getparent().find(f"{A}lstStyle/{A}lvl1pPr")
        assert (own or (level.get("rtl") if level is not None else None)) == "1", paragraph.text
    latin = [p for p in _deck_paragraphs("zh") if p.text.strip()]
    assert all(p._p.pPr is None or p._p.pPr.get("rtl") != "1" for p in latin)


@pytest.mark.parametrize(("language", "slot", "font"), [("zh", "ea", "Microsoft YaHei"), ("ar", "cs", "Arial")])
def test_deck_names_a_covering_font(language: str, slot: str, font: str) -> None:
    deck = Presentation(io.BytesIO(_built(language)[0]["deck"]))
    named = {
        e.get("typeface")
        for slide in deck.slides
        for s in slide.shapes
        if s.has_text_frame
        for e in s.text_frame._txBody.iter(A + slot)
    }
    assert font in named


@pytest.mark.parametrize(("language", "rtl"), [("ar", True), ("he", True), ("fa", True), ("zh", False), ("hi", False)])
def test_html_direction_and_language(language: str, rtl: bool) -> None:
    import html5lib

    page = html5lib.parse(_built(language)[0]["html"].decode(), namespaceHTMLElements=False)
    assert page.get("lang") == language
    assert (page.get("dir") == "rtl") is rtl
    chart = page.find(".//svg")
    assert chart is None or chart.get("dir") == "ltr"  # the time axis runs left to right


def test_arabic_deck_table_labels_on_the_right(tmp_path: Path) -> None:
    """The overview (drawn when the rows take several comparison slides) reads from the right."""
    data = script_source("ar")
    data["table"] = [{"label": f"{r['label']} {k}", "values": r["values"]} for k in range(1, 3) for r in data["table"]]
    path = write_source(tmp_path / "ar.yaml", data)
    task = Task(path, path.read_bytes(), load_layout("classic"), {"deck": "ar.deck"}, force=True)
    deck = Presentation(io.BytesIO(render_source(task).outputs["ar.deck"]))
    tables = [s.table for slide in deck.slides for s in slide.shapes if s.has_table]
    assert tables
    table = tables[0]
    last = len(table.columns) - 1
    labels = [_normal(r["label"]) for r in data["table"]]
    assert [_normal(table.cell(r, last).text) for r in range(1, len(table.rows))] == labels
    assert _normal(table.cell(0, last - 1).text) == _normal(SCRIPTS["ar"]["names"][0])


@pytest.mark.parametrize("kind", ["worksheet", "timeline"])
def test_arabic_worksheet_and_timeline_key_read_from_the_right(kind: str) -> None:
    """The date column of the worksheet's timeline table (right of the "who" column)
    and of the timeline's key (right of the event labels) is on the right; the chart's
    axis still runs from 1790 (left) to 1920 (right)."""
    spec = SCRIPTS["ar"]
    with pdfplumber.open(io.BytesIO(_built("ar")[0][kind])) as pdf:
        page = pdf.pages[-1] if kind == "worksheet" else pdf.pages[0]
        words = page.extract_words()
    ticks = sorted((w for w in words if re.fullmatch(r"1[789]\d0", w["text"])), key=lambda w: w["x0"])
    below = max((t["bottom"] for t in ticks), default=0.0)  # the key and tables are under the chart
    words = [w for w in words if w["top"] > below]
    wanted = _normal(spec["names"][0] if kind == "worksheet" else spec["events"][0]).split()

    def wanted_word(w: dict) -> bool:
        return _normal(w["text"]) in wanted or _normal(w["text"])[::-1] in wanted

    rows = [  # each 1789 with the wanted words on its row (the timeline table's or the key's)
        (date, [w for w in words if wanted_word(w) and abs(w["top"] - date["top"]) < 6])
        for date in words
        if date["text"] == "1789"
    ]
    rows = [(date, others) for date, others in rows if others]
    assert rows
    for date, others in rows:
        assert date["x0"] > max(o["x1"] for o in others)
    if kind == "timeline":
        assert [int(t["text"]) for t in ticks] == sorted(int(t["text"]) for t in ticks) and len(ticks) > 3


@pytest.mark.parametrize(("language", "right"), [("ar", True), ("he", True), ("hi", False)])
def test_list_bullets_sit_where_lines_start(language: str, right: bool) -> None:
    with pdfplumber.open(io.BytesIO(_built(language)[0]["handout"])) as pdf:
        chars = pdf.pages[0].chars
    bullets = [c for c in chars if c["text"] == "\u2022"]
    assert bullets
    for bullet in bullets:
        line = [c for c in chars if abs(c["top"] - bullet["top"]) < 4 and c is not bullet and c["text"].strip()]
        assert line
        if right:
            assert bullet["x0"] > max(c["x1"] for c in line)
        else:
            assert bullet["x1"] < min(c["x0"] for c in line)
