"""Issue 20, items 1 and 2: the document's own words follow its ``language``
(built-in tables; a layout's own label wins; an unknown language gets English
words marked as English) and dates are written by locale (Babel's CLDR data).

Every output kind is built from small sources in six languages and read back:
PDF text (pdfplumber), the PDF's structure tree (pikepdf), the deck's runs
(python-pptx) and the HTML page."""

from __future__ import annotations

import io
import json
import re
import shutil
import string
import subprocess
import unicodedata
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pptx import Presentation
from typer.testing import CliRunner

from handouts.cli import app
from handouts.i18n import date_words, languages, localize, table_language
from handouts.i18n.table import LABEL_GROUPS, load_table
from handouts.layout.models import DeckLabels, HandoutLabels, TimelineLabels, WorksheetLabels
from handouts.layout.resolve import load_layout
from handouts.source.dates import HistDate, days_in_month
from handouts.source.loader import load_source
from tests.conftest import build_one
from tests.deck_helpers import run_languages
from tests.i18n_sources import TEXTS, write_source

KINDS = ["handout", "timeline", "deck", "html", "worksheet", "answers", "organizer", "cards"]
PDF_KINDS = [k for k in KINDS if k not in ("deck", "html")]
REQUIRED = {"en", "es", "fr", "de", "it", "pt", "ru", "uk", "pl", "ar", "he", "fa", "zh", "ja", "ko", "vi", "hi"}
ENGLISH = load_table("en")
MODELS = {"handout": HandoutLabels, "timeline": TimelineLabels, "deck": DeckLabels, "worksheet": WorksheetLabels}


def _slots(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


# -- the tables -----------------------------------------------------------------
def test_every_required_language_has_a_table() -> None:
    assert set(languages()) >= REQUIRED


@pytest.mark.parametrize("language", sorted(REQUIRED))
def test_table_has_the_english_keys_and_placeholders(language: str) -> None:
    table = load_table(language)
    assert set(table) == set(ENGLISH)
    for group in (*LABEL_GROUPS, "import"):
        assert set(table[group]) == set(ENGLISH[group]), group
    for group in LABEL_GROUPS:
        for key, english in ENGLISH[group].items():
            words = table[group][key]
            assert isinstance(words, str)
            assert _slots(words) == _slots(english), f"{language}: {group}.{key} = {words!r}"
            assert bool(words) == bool(english), f"{language}: {group}.{key} must be empty exactly when English is"
            MODELS[group].model_validate({key: words})  # the layout's own template checks accept it
    for part, names in table["import"].items():
        assert names and all(isinstance(n, str) and n == n.casefold() for n in names), part
    assert table["dates"]["era"] in ("abbreviated", "wide")


def test_english_table_is_the_layout_defaults() -> None:
    for group, model in MODELS.items():
        assert ENGLISH[group] == model().model_dump(), group


def test_tags_find_their_table() -> None:
    assert table_language("pt-BR") == "pt"
    assert table_language("zh-Hant-TW") == "zh"
    assert table_language("RU") == "ru"
    assert table_language("tlh") is None and table_language("xx") is None


# -- dates ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("language", "date", "shown"),
    [
        ("ru", "1917-11-07", "7 нояб. 1917 г."),
        ("ru", "490 BC", "490 г. до н. э."),
        ("ru", "c. 430 BC", "ок. 430 г. до н. э."),
        ("fr", "490 BC", "490 av. J.-C."),
        ("fr", "1917-11-07", "7 nov. 1917"),
        ("de", "490 BC", "490 v. Chr."),
        ("de", "c. 1928", "ca. 1928"),
        ("de", "1917-11-07", "7. Nov. 1917"),
        ("es", "1921-03", "mar 1921"),
        ("zh", "1917-11-07", "1917年11月7日"),
        ("zh", "490 BC", "公元前490年"),
        ("ja", "c. 430 BC", "紀元前430年頃"),
        ("ko", "490 BC", "기원전 490년"),
        ("en", "1917-11-07", "7 Nov 1917"),
        ("en", "c. 430 BC", "c. 430 BC"),
        ("tlh", "1917-11", "Nov 1917"),
        ("ru", "1917", "1917"),  # a year alone stays plain
    ],
)
def test_dates_by_locale(language: str, date: str, shown: str) -> None:
    approximate = localize(load_layout(), language).timeline.labels.approximate
    assert date_words(language, approximate).date(HistDate.parse(date)) == shown


def test_spans_across_the_era_name_both_eras() -> None:
    ru = date_words("ru", "ок. {date}")
    assert ru.span(HistDate.parse("4 BC"), HistDate.parse("30")) == "4 г. до н. э. – 30 г. н. э."
    assert ru.span(HistDate.parse("500 BC"), HistDate.parse("490 BC")) == "500–490 г. до н. э."
    assert date_words("en").span(HistDate.parse("4 BC"), HistDate.parse("30")) == "4 BC – AD 30"


# -- every output in six languages ------------------------------------------------------
def _pdf_text(path: Path) -> str:
    """What a reader copies out of the PDF: poppler gives right-to-left lines in
    logical order; NFKC turns shaped Arabic (presentation forms) back into letters."""
    if shutil.which("pdftotext") is None:  # without poppler, RTL words come out reversed
        with pdfplumber.open(io.BytesIO(path.read_bytes())) as pdf:
            text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    else:
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True).stdout.decode()
    return unicodedata.normalize("NFKC", re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", text))


def _deck_text(path: Path) -> str:
    """Every text of every slide (inside groups too) and its speaker notes."""
    prs = Presentation(str(path))
    parts: list[str] = []

    def visit(shapes) -> None:  # noqa: ANN001 - python-pptx shapes
        for shape in shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if shape.shape_type == 6:  # a group (the timeline)
                visit(shape.shapes)

    for slide in prs.slides:
        visit(slide.shapes)
        if slide.has_notes_slide:
            parts.append(slide.notes_slide.notes_text_frame.text)
    return "\n".join(parts)


def _html_text(path: Path) -> str:
    return re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8"))


def _english_pieces(language: str) -> set[str]:
    """Every English fixed word (template literals split at their slots) that the
    language's table says differently: none of them may show."""
    own = load_table(language)
    theirs = {w for group in LABEL_GROUPS for w in own[group].values()}
    pieces = set()
    for group in LABEL_GROUPS:
        for key, english in ENGLISH[group].items():
            if english in theirs or english == own[group][key]:
                continue
            for literal, *_ in string.Formatter().parse(english):
                literal = literal.strip(" :()")
                if len(literal) >= 3 and literal not in " ".join(theirs):
                    pieces.add(literal)
    return pieces


def _shows(piece: str, text: str) -> bool:
    return re.search(rf"(?<![\w]){re.escape(piece)}(?![\w])", text) is not None


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    """language -> output kind -> its text as a reader gets it."""
    folder = tmp_path_factory.mktemp("i18n")
    texts: dict[str, dict[str, str]] = {}
    for language in TEXTS:
        result = build_one(write_source(folder, language), folder / "out", KINDS, load_layout())
        assert result.status == "built", result.problems
        out = folder / "out"
        texts[language] = {
            kind: _deck_text(out / f"{language}.deck.pptx")
            if kind == "deck"
            else _html_text(out / f"{language}.html")
            if kind == "html"
            else _pdf_text(out / f"{language}.{kind}.pdf")
            for kind in KINDS
        }
    return texts


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_no_english_fixed_word_in_any_output(built, language: str) -> None:
    pieces = _english_pieces(language)
    assert {"Comparison", "Timeline", "Events", "Worksheet", "Overview"} & pieces  # the check has teeth
    for kind, text in built[language].items():
        shown = sorted(p for p in pieces if _shows(p, text))
        assert not shown, f"{language} {kind}: English words {shown}"


# Words each output must show in its language (read back as a reader copies them).
SHOWN = {
    "handout": [("handout", "table"), ("handout", "similarities"), ("handout", "timeline"), ("handout", "sources")],
    "timeline": [("timeline", "events"), ("timeline", "subtitle")],
    # (a three-row table fits one comparison slide, so these decks have no overview)
    "deck": [("deck", "timeline"), ("deck", "similarities"), ("deck", "conclusion"), ("deck", "sources")],
    "html": [("handout", "table"), ("handout", "similarities"), ("handout", "conclusion")],
    "worksheet": [("worksheet", "worksheet"), ("worksheet", "questions"), ("worksheet", "word_bank")],
    "answers": [("worksheet", "answers")],
    "organizer": [("worksheet", "organizer"), ("worksheet", "venn")],
    "cards": [("worksheet", "cards"), ("worksheet", "cards_key")],
}


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_translated_words_show(built, language: str) -> None:
    table = load_table(language)
    for kind, keys in SHOWN.items():
        # compared without spaces: extractors space a neutral (':') between right-to-left words
        # by their own rules, and join or split wrapped CJK lines
        text = "".join(built[language][kind].split())
        for group, key in keys:
            words = "".join(unicodedata.normalize("NFKC", table[group][key]).split())  # as _pdf_text
            assert words in text, f"{language} {kind}: {group}.{key} = {table[group][key]!r}"
    page = table["handout"]["page"].format(page=1, pages=1)
    assert page.split()[0] in built[language]["handout"]


def test_dates_show_in_the_documents_language(built) -> None:
    ru = built["ru"]
    for kind in ("timeline", "worksheet", "deck", "html"):
        text = " ".join(ru[kind].split())
        assert "7 нояб. 1917" in text, kind
        assert "490 г. до н. э." in text, kind
        assert "ок. 430 г. до н. э." in text, kind
    assert "до н. э." in ru["handout"]  # the strip's axis
    assert "av. J.-C." in built["fr"]["timeline"] and "v. Chr." in built["de"]["timeline"]
    assert "a. C." in built["es"]["timeline"] and "公元前" in built["zh"]["deck"]
    for language in TEXTS:
        everything = " ".join(built[language].values())
        assert not re.search(r"\d BC\b|\bAD \d|\b7 Nov 1917", everything), language  # German writes "7. Nov. 1917"
        if not load_table(language)["timeline"]["approximate"].startswith("c. "):  # Spanish writes "c." too
            assert not re.search(r"\bc\. \d", everything), language


# -- precedence and the unknown language -------------------------------------------------------
def test_a_layout_label_wins_over_the_table(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text(
        "extends: classic\nhandout: {labels: {table: Unsere Tabelle}}\ndeck: {labels: {conclusion: Zum Schluss}}\n",
        encoding="utf-8",
    )
    layout = load_layout(tmp_path / "mine.yaml")
    result = build_one(write_source(tmp_path, "ru"), tmp_path / "out", ["handout", "deck"], layout)
    assert result.status == "built", result.problems
    handout, deck = _pdf_text(tmp_path / "out/ru.handout.pdf"), _deck_text(tmp_path / "out/ru.deck.pptx")
    assert "Unsere Tabelle" in handout and "Сравнение" not in handout
    assert "Сходства" in handout  # the labels it does not set still follow the language
    assert "Zum Schluss" in deck and "Заключение" not in deck
    over = localize(load_layout(tmp_path / "mine.yaml", overrides=["handout.labels.sources=Quellen"]), "ru")
    assert (over.handout.labels.sources, over.handout.labels.conclusion) == ("Quellen", "Заключение")


def _struct_langs(path: Path) -> dict[str, set[str]]:
    """Structure element type -> the /Lang values set on elements of that type."""
    found: dict[str, set[str]] = {}
    with pikepdf.open(path) as pdf:
        stack = [pdf.Root.StructTreeRoot.K]
        while stack:
            element = stack.pop()
            if isinstance(element, pikepdf.Array):
                stack += list(element)
                continue
            if not isinstance(element, pikepdf.Dictionary) or "/S" not in element:
                continue
            if "/Lang" in element:
                found.setdefault(str(element.S), set()).add(str(element.Lang))
            kids = element.get("/K")
            if kids is not None:
                stack.append(kids)
        return found


@pytest.mark.parametrize("language", ["tlh", "xx"])
def test_unknown_language_gets_english_words_marked_english(tmp_path: Path, language: str) -> None:
    result = build_one(write_source(tmp_path, language), tmp_path / "out", KINDS, load_layout())
    assert result.status == "built", result.problems
    out = tmp_path / "out"
    handout = _pdf_text(out / f"{language}.handout.pdf")
    assert "Comparison" in handout and "Similarities" in handout and "page 1 of 1" in handout
    for kind in PDF_KINDS:
        with pikepdf.open(out / f"{language}.{kind}.pdf") as pdf:
            assert str(pdf.Root.Lang) == language
        assert "en" in _struct_langs(out / f"{language}.{kind}.pdf").get("/H2", set()) | _struct_langs(
            out / f"{language}.{kind}.pdf"
        ).get("/P", set()), kind
    assert _struct_langs(out / f"{language}.handout.pdf")["/H2"] == {"en"}
    prs = Presentation(str(out / f"{language}.deck.pptx"))
    titles = {slide.shapes.title.text_frame.text: set(run_languages(slide)) for slide in prs.slides}
    conclusion = next(s for s in prs.slides if s.shapes.title.text_frame.text == "Conclusion")
    title_runs = [r for p in conclusion.shapes.title.text_frame.paragraphs for r in p.runs]
    assert title_runs and all(r._r.rPr.get("lang") == "en" for r in title_runs)
    assert language in titles["Conclusion"]  # the slide's own text keeps the document's language
    assert "en" not in titles[TEXTS["es"]["title"]]  # the title slide has no fixed word
    english = set(ENGLISH["deck"].values())
    for slide in prs.slides:  # every fixed word of every title says it is English, and only those
        for paragraph in slide.shapes.title.text_frame.paragraphs:
            for run in paragraph.runs:
                lang = run._r.rPr.get("lang") if run._r.rPr is not None else None
                assert (lang == "en") == (run.text in english or run.text.startswith("Timeline")), run.text
    mixed = next(s for s in prs.slides if s.shapes.title.text_frame.text.endswith("by subject"))
    runs = [r for p in mixed.shapes.title.text_frame.paragraphs for r in p.runs]
    assert [r.text for r in runs] == [TEXTS["es"]["heading"], " — ", "by subject"]
    page = (out / f"{language}.html").read_text(encoding="utf-8")
    assert f'<html lang="{language}">' in page and '<h2 id="table-h" lang="en">Comparison</h2>' in page


def test_known_language_marks_nothing_extra(tmp_path: Path) -> None:
    result = build_one(write_source(tmp_path, "ru"), tmp_path / "out", ["handout", "deck"], load_layout())
    assert result.status == "built"
    assert _struct_langs(tmp_path / "out/ru.handout.pdf") == {}
    prs = Presentation(str(tmp_path / "out/ru.deck.pptx"))
    assert {lang for slide in prs.slides for lang in run_languages(slide)} == {"ru"}


# -- Markdown import in another language (issue 19's leftover) ----------------------------------
NOTES_RU = """\
# Афины и Спарта

| | Афины | Спарта |
|---|---|---|
| Власть | Демократия | Олигархия |

## Хронология

- 490 BC — Марафон

## Сходства

- Оба греческие полисы.

## Вывод

Два пути.
"""


def test_markdown_import_reads_section_names_of_the_language(tmp_path: Path) -> None:
    notes = tmp_path / "greece.md"
    notes.write_text(NOTES_RU, encoding="utf-8")
    result = CliRunner().invoke(app, ["import", str(notes)])
    assert result.exit_code == 0, result.output
    model = load_source(tmp_path / "greece.yaml")
    assert model.language == "ru"
    assert [e.label for e in model.timeline] == ["Марафон"]
    assert model.similarities == ["Оба греческие полисы."]
    assert model.conclusion == "Два пути."
    assert model.sections == []


def test_tables_are_package_data() -> None:
    from importlib import resources

    files = {f.name for f in (resources.files("handouts.i18n") / "tables").iterdir()}
    assert {f"{tag}.json" for tag in REQUIRED} <= files
    for name in files:
        json.loads((resources.files("handouts.i18n") / "tables" / name).read_text(encoding="utf-8"))


# -- properties -------------------------------------------------------------------------------


@st.composite
def hist_dates(draw) -> HistDate:  # noqa: ANN001 - hypothesis' draw
    year = draw(st.integers(-5000, 2100).filter(lambda y: y != 0))
    month = draw(st.none() | st.integers(1, 12))
    day = None
    if month is not None and draw(st.booleans()):
        day = draw(st.integers(1, days_in_month(year + 1 if year < 0 else year, month)))
    return HistDate(year, month, day, draw(st.booleans()))


@settings(max_examples=60, deadline=None)
@given(date=hist_dates(), end=hist_dates(), language=st.sampled_from(sorted(REQUIRED | {"pt-BR", "tlh"})))
def test_any_date_in_any_language(date: HistDate, end: HistDate, language: str) -> None:
    """Every date, BC or AD, at any precision, is written with its year, its
    era word exactly when it is BC, and the language's approximate form."""
    approximate = localize(load_layout(), language).timeline.labels.approximate
    words = date_words(language, approximate)
    shown = words.date(date)
    assert str(abs(date.year)) in shown
    locale = words.locale
    bc = locale.eras[words.era_width][0] if locale is not None else "BC"
    assert (bc in shown) == (date.year < 0)
    if date.approximate:
        assert approximate.replace("{date}", "").strip() in shown
    first, last = sorted([date, end])
    assert words.span(first, last)  # never raises, never empty


def test_pdf_metadata_and_link_descriptions_follow_the_language(tmp_path: Path) -> None:
    source = write_source(tmp_path, "ru", sources=[{"title": "Архив", "url": "https://example.org/archive"}])
    result = build_one(source, tmp_path / "out", ["handout", "timeline"], load_layout())
    assert result.status == "built", result.problems
    with pikepdf.open(tmp_path / "out/ru.timeline.pdf") as pdf:
        assert str(pdf.docinfo["/Title"]) == "Ленин и Сталин: хронология"
    with pikepdf.open(tmp_path / "out/ru.handout.pdf") as pdf:
        described = [str(a.Contents) for page in pdf.pages for a in page.get("/Annots", []) if "/Contents" in a]
    assert "Ссылка: https://example.org/archive" in described
    assert not any(text.startswith("Link") for text in described)


def test_words_keep_their_language_when_put_together() -> None:
    from handouts.i18n import Word, join, language_of
    from handouts.i18n.words import like

    sources, cont = Word("Sources", "en"), Word("(cont.)", "en")
    assert language_of(join(sources, cont, "2/3")) == "en" and join(sources, cont, "2/3") == "Sources (cont.) 2/3"
    assert language_of(join("Руководство", Word("by subject", "en"), sep=" — ")) is None  # mixed: the document's
    assert language_of(like("Sourc…", sources)) == "en"
    assert language_of("Обзор") is None
    import pickle

    assert language_of(pickle.loads(pickle.dumps(sources))) == "en"


def test_qr_codes_are_described_in_the_documents_language(tmp_path: Path) -> None:
    # the worksheet and the deck once wrote their own English alt text beside the label
    url = "https://example.org/ru"
    result = build_one(write_source(tmp_path, "ru", url=url), tmp_path / "out", ["worksheet", "deck"], load_layout())
    assert result.status == "built", result.problems
    alt = load_table("ru")["handout"]["qr_alt"].format(url=url)
    pdf = pikepdf.open(tmp_path / "out" / "ru.worksheet.pdf")
    figures = [str(e.get("/Alt")) for e in _struct_elements(pdf.Root.StructTreeRoot) if e.get("/S") == "/Figure"]
    assert alt in figures
    prs = Presentation(str(tmp_path / "out" / "ru.deck.pptx"))
    [code] = [s for s in prs.slides[0].shapes if s.name == "QR code"]
    assert code._element.nvPicPr.cNvPr.get("descr") == alt


def _struct_elements(node):  # noqa: ANN001, ANN202 - pikepdf objects
    """Every structure element under ``node``, depth first."""
    kids = node.get("/K")
    if kids is None:
        return
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid
            yield from _struct_elements(kid)
