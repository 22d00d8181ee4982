"""Properties of mixed-script text: any mix of Arabic, Hebrew, Chinese, Devanagari,
Latin words, numbers and markup sets without error, keeps every word, orders
lines as bidi says, and never needs a missing-glyph warning."""

from __future__ import annotations

import io
from collections import Counter

import pdfplumber
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle

from handouts.layout.resolve import load_layout
from handouts.markup import to_reportlab
from handouts.pipeline.render import Task, render_source
from handouts.render.fonts import missing_glyphs, register_family
from handouts.render.pdf.paragraph import Paragraph
from handouts.render.scripts.bidi import visual_order, word_class
from tests.conftest import LAYOUTS
from tests.script_sources import script_source
from tests.sources import write_source

WORDS = {
    "ar": ["الثورة", "الفرنسية", "عام", "لينين", "مجلس", "(باريس)", "حقوق،"],
    "he": ["המהפכה", "הצרפתית", "בשנת", "פריז.", "וושינגטון"],
    "zh": ["辛亥革命", "推翻了清朝的统治，", "中华民国"],
    "hi": ["महात्मा", "गांधी", "स्वतंत्रता,", "क्रांति"],
    "en": ["Lenin", "Vladimir", "1917", "c.", "Paris,", "(1789)", "۱۳۵۷"],
}
word = st.sampled_from([w for ws in WORDS.values() for w in ws])
marked = st.tuples(word, st.sampled_from(["{}", "**{}**", "*{}*", "[{}](https://example.org/x)"])).map(
    lambda pair: pair[1].format(pair[0])
)


@settings(max_examples=40, deadline=None)
@given(st.lists(marked, min_size=1, max_size=40), st.floats(60, 400))
def test_any_mix_sets_every_word_inside_the_width(parts: list[str], width: float) -> None:
    register_family("Carlito")
    text = " ".join(parts)
    para = Paragraph(to_reportlab(text), ParagraphStyle("p", fontName="Carlito-regular", fontSize=10, leading=13))
    w, h = para.wrap(width, 10_000)
    assert h > 0 and w <= width + 0.01
    if para.bidi is not None:  # every source word once, in logical order line by line
        from handouts.markup import plain

        assert Counter(" ".join(para.logical_lines).split()) == Counter(plain(text).split())


@settings(max_examples=60, deadline=None)
@given(st.lists(word, min_size=1, max_size=12), st.booleans())
def test_visual_order_is_a_permutation_that_reverses_rtl_runs(words: list[str], rtl: bool) -> None:
    shown = visual_order(words, words, rtl)
    assert Counter(shown) == Counter(words)
    classes = [word_class(w) for w in words]
    if all(c == "R" for c in classes):
        assert shown == list(reversed(words))
    if all(c == "L" for c in classes):  # a left-to-right run keeps its order in either paragraph
        assert shown == words


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["ar", "he", "fa", "zh", "ja", "ko", "hi"]), st.sampled_from(LAYOUTS))
def test_every_layout_draws_every_script(tmp_path_factory, language: str, layout: str) -> None:
    """No missing-glyph warning, and the handout's text has the subjects' names' letters."""
    folder = tmp_path_factory.mktemp("scripts")
    path = write_source(folder / f"{language}.yaml", script_source(language))
    task = Task(path, path.read_bytes(), load_layout(layout), {"handout": "h.pdf", "timeline": "t.pdf"}, force=True)
    result = render_source(task)
    assert not result.problems, result.problems
    assert not [w for w in result.warnings if "empty boxes" in w.message]
    assert missing_glyphs(script_source(language)["title"], load_layout(layout).fonts.body) == []
    with pdfplumber.open(io.BytesIO(result.outputs["h.pdf"])) as pdf:
        assert pdf.pages[0].chars
