"""The source's ``questions`` outside the worksheet: numbered on the handout (a tagged
list under its heading), in the HTML page (an ordered list) and on the deck (a
"Questions" slide, continued when long), in the same order everywhere."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest
import yaml

from handouts.layout.resolve import load_layout
from handouts.render.context import RenderContext
from handouts.render.deck.writer import render_deck
from handouts.render.handout.document import render_handout
from handouts.render.html.document import render_html
from handouts.source.loader import load_source
from tests.conftest import LAYOUTS
from tests.deck_helpers import open_deck, slide_title
from tests.html_checks import parse, structure_problems, text_of
from tests.tagged_pdf import reading

QUESTIONS = [
    "Why did Athens build a navy?",
    "Which city gave its citizens more say? Give *two* reasons.",
    "Ответьте по-русски: кто победил?",
]


def _source(tmp_path: Path, questions: list[str], **extra: object) -> Path:
    data = {
        "title": "Athens vs. Sparta",
        "subjects": [{"name": "Athens"}, {"name": "Sparta"}],
        "table": [{"label": "Army", "values": ["Navy", "Hoplites"]}],
        "conclusion": "Both were Greek.",
        "sources": [{"title": "Herodotus"}],
        "questions": questions,
        **extra,
    }
    path = tmp_path / "s.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("layout", LAYOUTS)
def test_handout_numbers_the_questions_after_the_conclusion(tmp_path: Path, layout: str) -> None:
    path = _source(tmp_path, QUESTIONS)
    resolved = load_layout(layout)
    data = render_handout(load_source(path), resolved, RenderContext(path))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = " ".join((p.extract_text() or "").replace("\n", " ") for p in pdf.pages)
    label = resolved.handout.labels.questions
    order = [text.index(t) for t in ("Both were Greek.", label, "1. Why did Athens", "Herodotus")]
    assert order == sorted(order)
    assert "2. Which city" in text and "3. Ответьте" in text and "*two*" not in text
    nodes = reading(data)
    heading = next(i for i, n in enumerate(nodes) if n.kind == "H2" and n.text == label)
    lists = [n for n in nodes[heading:] if n.kind == "L"]
    assert lists[0].attrs.get("ListNumbering") == "Decimal"
    bodies = [n.text for n in nodes[heading:] if n.kind == "LBody"][: len(QUESTIONS)]
    for number, (body, question) in enumerate(zip(bodies, ("Why did Athens", "Which city", "Ответьте")), start=1):
        assert body.startswith(f"{number}.") and question in body


def test_no_questions_no_heading(tmp_path: Path) -> None:
    path = _source(tmp_path, [])
    data = render_handout(load_source(path), load_layout("classic"), RenderContext(path))
    assert not any(n.text == "Questions" for n in reading(data))
    page = parse(render_html(load_source(path), load_layout("classic"), RenderContext(path)))
    assert page.find(".//section[@aria-labelledby='questions-h']") is None
    deck = open_deck(render_deck(load_source(path), load_layout("classic"), RenderContext(path)))
    assert "Questions" not in [slide_title(s) for s in deck.slides]


def test_html_lists_the_questions_in_order(tmp_path: Path) -> None:
    path = _source(tmp_path, QUESTIONS)
    root = parse(render_html(load_source(path), load_layout("classic"), RenderContext(path)))
    assert structure_problems(root) == []
    section = root.find(".//section[@aria-labelledby='questions-h']")
    assert text_of(section.find("h2")) == "Questions"
    items = [text_of(li) for li in section.findall("ol/li")]
    assert items == [q.replace("*two*", "two") for q in QUESTIONS]
    assert section.find("ol/li/em") is not None


def _body(slide):  # noqa: ANN001, ANN202 - python-pptx objects
    """The slide's prose: its layout's body placeholder (or the text box named Body without one)."""
    from pptx.enum.shapes import PP_PLACEHOLDER

    kinds = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)
    bodies = [ph for ph in slide.placeholders if ph.placeholder_format.type in kinds]
    return bodies[0] if bodies else next(s for s in slide.shapes if s.name == "Body")


def test_deck_has_a_numbered_questions_slide_with_notes(tmp_path: Path) -> None:
    path = _source(tmp_path, QUESTIONS)
    deck = open_deck(render_deck(load_source(path), load_layout("classic"), RenderContext(path)))
    titles = [slide_title(s) for s in deck.slides]
    assert titles.index("Conclusion") < titles.index("Questions") < titles.index("Sources")
    slide = deck.slides[titles.index("Questions")]
    body = _body(slide).text_frame
    assert [p.text for p in body.paragraphs] == [
        f"{n}. {q.replace('*two*', 'two')}" for n, q in enumerate(QUESTIONS, start=1)
    ]
    assert "1. Why did Athens build a navy?" in slide.notes_slide.notes_text_frame.text


def test_many_questions_continue_on_more_slides_numbered_on(tmp_path: Path) -> None:
    many = [f"Question number {n} asks about the navy, the assembly and the hoplites at length?" for n in range(40)]
    path = _source(tmp_path, many)
    deck = open_deck(render_deck(load_source(path), load_layout("classic"), RenderContext(path)))
    slides = [s for s in deck.slides if slide_title(s).startswith("Questions")]
    assert len(slides) > 1 and "(cont.)" in slide_title(slides[1])
    texts = [p.text for s in slides for p in _body(s).text_frame.paragraphs]
    assert [t.split(".")[0] for t in texts] == [str(n) for n in range(1, 41)]
