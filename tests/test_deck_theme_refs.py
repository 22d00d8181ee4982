"""Decks in other scripts and directions, drawn as a viewer draws them, and
slides that follow the deck's theme.

- Chinese: LibreOffice draws every Chinese character the slides hold (a bare
  ``zh`` tag once made it set them in a Korean font that lacks "时", "义", "礼").
- Right to left: every paragraph in the deck's language runs right to left,
  digits-only ones too, and the accent bar sits under the title's start.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from handouts.layout.resolve import load_layout
from tests.conftest import needs
from tests.deck_helpers import A_NS, convert, open_deck, render, write_source

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

SIMPLIFIED = {
    "title": "孔子与老子：时代与思想",
    "subtitle": "儒家与道家的比较",
    "language": "zh",
    "author": "王老师",
    "course": "中国思想史",
    "subjects": [{"name": "孔子", "full_name": "孔丘"}, {"name": "老子", "full_name": "李耳"}],
    "summary": "孔子重视礼与仁；老子主张无为而治。",
    "table": [
        {"label": "时代", "values": ["春秋时期", "春秋时期"]},
        {"label": "核心概念", "values": ["仁、义、礼、智、信", "道、德、无为、自然"]},
        {"label": "代表作", "values": ["《论语》", "《道德经》"]},
        {"label": "出生", "values": ["551", "571"]},
    ],
    "timeline": [{"date": "551 BC", "label": "孔子出生"}, {"date": "479 BC", "label": "孔子去世"}],
    "sections": [{"heading": "影响", "body": "儒家思想成为汉代以后的官方意识形态。"}],
}
TRADITIONAL = {
    **SIMPLIFIED,
    "language": "zh-Hant",
    "title": "孔子與老子：時代與思想",
    "table": [
        {"label": "時代", "values": ["春秋時期", "春秋時期"]},
        {"label": "核心概念", "values": ["仁、義、禮、智、信", "道、德、無為、自然"]},
    ],
    "sections": [{"heading": "影響", "body": "儒家思想成為漢代以後的官方意識形態。"}],
}
ARABIC = {
    "title": "ابن سينا وابن رشد",
    "language": "ar",
    "course": "تاريخ العلوم",
    "subjects": [{"name": "ابن سينا"}, {"name": "ابن رشد"}],
    "summary": "كلاهما من أعظم فلاسفة الإسلام.",
    "table": [
        {"label": "الميلاد", "values": ["980", "1126"]},
        {"label": "المدينة", "values": ["بخارى", "قرطبة"]},
        {"label": "الكتاب", "values": ["القانون في الطب", "Tahafut al-Tahafut"]},
    ],
    "sections": [{"heading": "الفلسفة", "body": "تأثر ابن سينا بأرسطو والفارابي.\n\n1198"}],
}
CASES = {
    "zh-classic": (SIMPLIFIED, "classic"),
    "zh-large-print": (SIMPLIFIED, "large-print"),
    "zh-Hant-letter": (TRADITIONAL, "letter"),
}


def _slide_texts(slide) -> list[str]:
    """Each paragraph's text on the slide (tables and groups included)."""
    texts = []
    for p in slide.shapes._spTree.iter(A_NS + "p"):
        text = "".join(t.text or "" for t in p.iter(A_NS + "t"))
        if text.strip():
            texts.append(text)
    return texts


@pytest.fixture(scope="module")
def chinese(tmp_path_factory) -> dict[str, tuple[bytes, Path]]:
    folder = tmp_path_factory.mktemp("cjk")
    decks = {
        name: render(write_source(folder, dict(data), f"{name}.yaml"), load_layout(layout))
        for name, (data, layout) in CASES.items()
    }
    paths = []
    for name, data in decks.items():
        path = folder / f"{name}.pptx"
        path.write_bytes(data)
        paths.append(path)
    return dict(zip(decks, zip(decks.values(), convert(paths, folder))))


@needs("soffice")
@pytest.mark.parametrize("name", CASES)
def test_libreoffice_draws_every_chinese_character_of_the_slides(chinese, name: str) -> None:
    import pdfplumber

    data, pdf = chinese[name]
    prs = open_deck(data)
    with pdfplumber.open(pdf) as doc:
        assert len(doc.pages) == len(prs.slides)
        for number, (slide, page) in enumerate(zip(prs.slides, doc.pages), 1):
            drawn = "".join((page.extract_text() or "").split())
            for text in _slide_texts(slide):
                if HAN.search(text):
                    wanted = "".join(text.split())
                    assert wanted in drawn, f"{name} slide {number}: {text!r} drawn as {drawn!r}"


@needs("soffice")
def test_the_source_s_chinese_table_reaches_the_page(chinese) -> None:
    """Not only what the slides hold: the very strings of the source, the ones that vanished."""
    import pdfplumber

    _, pdf = chinese["zh-classic"]
    with pdfplumber.open(pdf) as doc:
        drawn = "".join("".join((page.extract_text() or "").split()) for page in doc.pages)
    for row in SIMPLIFIED["table"]:
        for text in [row["label"], *row["values"]]:
            assert text in drawn, text


@pytest.mark.parametrize(
    ("language", "tag", "font"),
    [("zh", "zh-CN", "Microsoft YaHei"), ("zh-Hant", "zh-TW", "Microsoft JhengHei"), ("ja", "ja-JP", "Yu Gothic")],
)
def test_east_asian_decks_name_their_region_and_its_font(tmp_path, language: str, tag: str, font: str) -> None:
    data = render(write_source(tmp_path, {**SIMPLIFIED, "language": language}))
    xml = "".join(etree.tostring(slide.element, encoding="unicode") for slide in open_deck(data).slides)
    assert f'lang="{tag}"' in xml and f'lang="{language}"' not in xml
    assert f'<a:ea typeface="{font}"/>' in xml
