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
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from handouts.layout.resolve import load_layout
from tests.conftest import LAYOUTS, needs
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


# -- right to left -------------------------------------------------------------------------------------------
P_NS = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


def _paragraph_directions(slide) -> list[tuple[str, str | None, str | None]]:
    """(text, rtl, algn) of each non-empty paragraph of the slide's text shapes and
    tables, as a viewer resolves them: the paragraph's own, else its frame's list style."""
    out = []
    for body in [*slide.shapes._spTree.iter(P_NS + "txBody"), *slide.shapes._spTree.iter(A_NS + "txBody")]:
        level = body.find(f"{A_NS}lstStyle/{A_NS}lvl1pPr")
        for p in body.iter(A_NS + "p"):
            text = "".join(t.text or "" for t in p.iter(A_NS + "t"))
            if not text.strip():
                continue
            own = p.find(A_NS + "pPr")

            def resolved(key: str, own=own, level=level) -> str | None:
                if own is not None and own.get(key) is not None:
                    return own.get(key)
                return level.get(key) if level is not None else None

            out.append((text, resolved("rtl"), resolved("algn")))
    return out


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_right_to_left_deck_runs_its_own_paragraphs_right_to_left(tmp_path, layout: str) -> None:
    """Arabic text, digits-only cells and mixed text run right to left and sit at the
    start (right) or the centre; a Latin-only paragraph keeps left to right, aligned with
    its neighbours. Timeline slides (a drawn chart) are left out."""
    from handouts.scripts import first_strong_rtl, profile

    prs = open_deck(render(write_source(tmp_path, dict(ARABIC)), load_layout(layout)))
    seen = {"digits": 0, "latin": 0, "arabic": 0}
    for number, slide in enumerate(prs.slides, 1):
        if any(shape.shape_type == 6 for shape in slide.shapes):  # a group: the timeline's chart
            continue
        for text, rtl, algn in _paragraph_directions(slide):
            latin_only = first_strong_rtl(text) is False and not profile(text).rtl
            kind = "latin" if latin_only else "arabic" if profile(text).rtl else "digits"
            seen[kind] += 1
            assert rtl == ("0" if latin_only else "1"), f"slide {number}: {text!r} rtl={rtl}"
            assert algn in ("r", "ctr"), f"slide {number}: {text!r} algn={algn}"
    assert all(seen.values()), seen  # the source has each kind on its slides


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_accent_bar_sits_under_the_title_s_start(tmp_path, layout: str) -> None:
    for data, right in ((ARABIC, True), ({**ARABIC, "language": "en", "title": "Avicenna and Averroes"}, False)):
        prs = open_deck(render(write_source(tmp_path, dict(data)), load_layout(layout)))
        bars = [(s, sh) for s in prs.slides for sh in s.shapes if sh.name == "Accent bar"]
        if not bars:
            assert not load_layout(layout).deck.accent_bar
            continue
        for slide, bar in bars:
            title = slide.shapes.title
            if right:
                assert bar.left + bar.width > title.left + title.width * 0.9
                assert bar.left > title.left + title.width / 2
            else:
                assert bar.left < title.left + title.width * 0.1


# -- slides that follow the theme ------------------------------------------------------------------------------
ENGLISH = {
    "title": "Athens and Sparta",
    "language": "en",
    "course": "Ancient History",
    "subjects": [{"name": "Athens"}, {"name": "Sparta"}],
    "summary": "Two city states, two ways of life. See [the notes](https://example.org/notes).",
    "table": [
        {"label": "Government", "values": ["Democracy", "Oligarchy with two kings"]},
        {"label": "Army", "values": ["Navy first", "Hoplites"]},
    ],
    "timeline": [{"date": "490 BC", "label": "Marathon"}, {"date": "480 BC", "label": "Thermopylae"}],
    "sections": [{"heading": "Daily life", "body": "Athenian boys went to school.\n\nSpartan boys went to the agoge."}],
}
SLOTS = ("dk1", "lt1", "dk2", "lt2", *(f"accent{n}" for n in range(1, 7)), "hlink")


def _retheme(data: bytes, colors: dict[str, str]) -> bytes:
    """The deck with its theme parts' colour slots set to ``colors`` (what PowerPoint's
    Design > Variants does), everything else byte for byte."""
    import io
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            blob = source.read(info)
            if re.fullmatch(r"ppt/theme/theme\d+\.xml", info.filename):
                root = etree.fromstring(blob)
                scheme = root.find(f"{A_NS}themeElements/{A_NS}clrScheme")
                for slot, value in colors.items():
                    holder = scheme.find(A_NS + slot)
                    for old in list(holder):
                        holder.remove(old)
                    etree.SubElement(holder, A_NS + "srgbClr", val=value)
                blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(info, blob)
    return out.getvalue()


def _roles(prs) -> dict[str, set[str]]:
    """Resolved colours of the content slides' titles, body placeholders' text and accent bars."""
    from pptx.enum.shapes import PP_PLACEHOLDER as PH

    from tests.deck_helpers import shape_color, styled_runs

    found: dict[str, set[str]] = {"title": set(), "body": set(), "bar": set()}
    for slide in list(prs.slides)[1:]:
        title = slide.shapes.title
        bodies = {ph.name for ph in slide.placeholders if ph.placeholder_format.type in (PH.BODY, PH.OBJECT)}
        for run in styled_runs(slide):
            if title is not None and run["shape"] == title.name:
                found["title"].add(run["color"])
            elif run["shape"] in bodies:
                found["body"].add(run["color"])
        found["bar"] |= {shape_color(s) for s in slide.shapes if s.name == "Accent bar"}
    return found


@pytest.fixture(scope="module")
def own_theme_decks(tmp_path_factory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("theme")
    source = write_source(folder, dict(ENGLISH))
    return {layout: render(source, load_layout(layout)) for layout in LAYOUTS}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_titles_body_text_and_bars_name_the_theme(own_theme_decks, layout: str) -> None:
    """Written as references (tx2, tx1, accent1; the heading and body fonts), and
    resolved through the theme they are the layout's own colours."""
    chosen = load_layout(layout)
    prs = open_deck(own_theme_decks[layout])
    hex_ = lambda c: c.lstrip("#").upper()  # noqa: E731
    roles = _roles(prs)
    assert roles["title"] == {hex_(chosen.colors.heading)}
    assert roles["body"] == {hex_(chosen.colors.text)}
    assert roles["bar"] <= {hex_(chosen.colors.accent)}
    for slide in list(prs.slides)[1:]:
        title = slide.shapes.title._element
        level = title.find(f".//{A_NS}lstStyle/{A_NS}lvl1pPr/{A_NS}defRPr")
        assert level.find(f"{A_NS}solidFill/{A_NS}schemeClr").get("val") == "tx2"
        assert level.find(A_NS + "latin").get("typeface") == "+mj-lt"
    faces = {e.get("typeface") for s in prs.slides for e in s.element.iter(A_NS + "latin")}
    assert faces <= {"+mj-lt", "+mn-lt"}  # the layout's deck fonts are the theme's: no name written out


@pytest.mark.parametrize("layout", LAYOUTS)
def test_another_variant_recolours_titles_text_and_bars(own_theme_decks, layout: str) -> None:
    new = {"dk1": "202020", "dk2": "7A1F1F", "accent1": "0F5A2A", "lt1": "FFFFFF"}
    prs = open_deck(_retheme(own_theme_decks[layout], new))
    roles = _roles(prs)
    assert roles["title"] == {"7A1F1F"}
    assert roles["body"] == {"202020"}
    assert roles["bar"] <= {"0F5A2A"}


@needs("soffice")
def test_libreoffice_draws_the_variant_s_colours(own_theme_decks, tmp_path) -> None:
    """As a viewer draws it: the same deck under another colour scheme has its titles
    in the new dark 2 and its body text in the new dark 1."""
    import pdfplumber

    path = tmp_path / "variant.pptx"
    path.write_bytes(_retheme(own_theme_decks["classic"], {"dk1": "1A6B1A", "dk2": "B00000"}))
    (pdf,) = convert([path], tmp_path)
    prs = open_deck(path.read_bytes())
    titled = 0
    with pdfplumber.open(pdf) as doc:
        for slide, page in list(zip(prs.slides, doc.pages))[1:]:
            title = slide.shapes.title
            if title is None or not title.text_frame.text.strip():
                continue
            bottom = (title.top + title.height) / 12_700
            heading = {
                tuple(round(v, 2) for v in c["non_stroking_color"])
                for c in page.chars
                if c["bottom"] <= bottom + 2 and c["text"].strip()
            }
            assert heading == {(0.69, 0.0, 0.0)}, heading  # B00000
            titled += 1
    assert titled >= 3


def test_a_teacher_s_template_keeps_plain_colours_and_names(tmp_path) -> None:
    """The template's theme is the school's, not the layout's: slides name the layout's
    colours and fonts themselves, and never as the template's slots."""
    import io

    from pptx import Presentation

    template = tmp_path / "school.pptx"
    buffer = io.BytesIO()
    Presentation().save(buffer)
    template.write_bytes(buffer.getvalue())
    (tmp_path / "school.yaml").write_text("deck:\n  template: school.pptx\n", encoding="utf-8")
    prs = open_deck(render(write_source(tmp_path, dict(ENGLISH)), load_layout(tmp_path / "school.yaml")))
    for slide in prs.slides:
        for fill in slide.element.iter(A_NS + "solidFill"):
            if fill.getparent().tag != A_NS + "fontRef":  # python-pptx's shape style is the template's own
                assert fill[0].tag == A_NS + "srgbClr"
        assert all(not (e.get("typeface") or "").startswith("+") for e in slide.element.iter(A_NS + "latin"))


def _seen(prs) -> list:
    """Per slide: every run as a viewer reads it (text, size, colour, fill) and every
    shape's fill and outline colour, theme references resolved."""
    from tests.deck_helpers import P_NS as P
    from tests.deck_helpers import _leaves, _solid, slide_scheme, styled_runs

    out = []
    for slide in prs.slides:
        scheme = slide_scheme(slide)
        shapes = []
        for element in _leaves(slide.shapes._spTree):
            sp_pr = element.find(P + "spPr")
            if sp_pr is not None:
                shapes.append((_solid(sp_pr, scheme), _solid(sp_pr.find(A_NS + "ln"), scheme)))
        out.append((styled_runs(slide), shapes))
    return out


@settings(max_examples=6, deadline=None)
@given(
    layout=st.sampled_from(LAYOUTS),
    subjects=st.integers(2, 8),
    language=st.sampled_from(["en", "ru", "el", "adversarial"]),
    seed=st.integers(0, 3),
)
def test_naming_the_theme_changes_no_colour_a_viewer_sees(layout: str, subjects: int, language: str, seed: int) -> None:
    """The same deck built with and without the theme references: every run's colour and
    fill and every shape's fill and outline resolve to the same colour; only the themed
    one names the theme (its titles always)."""
    import tempfile
    from unittest import mock

    from handouts.render.deck import xml_edits
    from tests.deck_helpers import adversarial_source, stress_source

    if language == "adversarial":
        data = adversarial_source(seed % 2, subjects=subjects)
    else:
        data = stress_source(subjects, rows=3 + seed, huge_cell_words=60 * seed, language=language, sections=1)
    with tempfile.TemporaryDirectory() as folder:
        source = write_source(Path(folder), data)
        themed = open_deck(render(source, load_layout(layout)))
        with mock.patch.object(xml_edits, "theme_references", lambda *args: None):
            plain = open_deck(render(source, load_layout(layout)))
    assert _seen(themed) == _seen(plain)
    assert not any(s.element.find(f".//{A_NS}txBody//{A_NS}schemeClr") is not None for s in plain.slides)
    for slide in list(themed.slides)[1:]:
        level = slide.shapes.title._element.find(f".//{A_NS}lstStyle/{A_NS}lvl1pPr/{A_NS}defRPr")
        assert level.find(f"{A_NS}solidFill/{A_NS}schemeClr") is not None, slide.shapes.title.text_frame.text
