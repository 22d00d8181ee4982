"""The worksheet and its answer key, read back as a student and a teacher see them:
the worksheet lacks exactly the blanked texts, the key has them at the same places."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handouts.layout.resolve import load_layout
from handouts.markup import plain
from handouts.render.worksheet.chronology import letter
from handouts.render.worksheet.plan import MAX_ANSWER, plan_for
from handouts.render.worksheet.space import AnswerSpace
from handouts.source.models import Comparison
from handouts.timeline.model import build_timeline
from tests.conftest import CONTENT, LAYOUTS
from tests.sources import make_source, words, words_overlap, write_source
from tests.tagged_pdf import marking_problems, parent_tree_problems, reading
from tests.worksheet_helpers import chars, page_words, render, same_labels


def blanked(model: Comparison, layout) -> list[str]:  # noqa: ANN001 - a Layout
    """Every text the worksheet should leave out: planned cells and the timeline's labels or dates."""
    plan = plan_for(model)
    texts = [plain(model.table[r].cells()[c] or "") for r, c in sorted(plan.cells)]
    items = build_timeline(model, layout).items
    if plan.events == "to_place" and len(items) > 1 and plan.timeline != "none":
        texts += [letter(n) for n in range(len(items))]  # each blank asks for a letter of the list
    elif plan.timeline == "labels":
        texts += [plain(i.label) for i in items]
    elif plan.timeline == "dates":
        texts += [i.date_text for i in items]
    return texts


def check_pair(path: Path, layout_name: str) -> tuple[bytes, bytes]:
    """The worksheet's words all sit in the key at the same place; the key's extra
    words are exactly the blanked texts, in the answer style (italic)."""
    layout = same_labels(load_layout(layout_name))
    sheet, model, _ = render("worksheet", path, layout)
    key, _, _ = render("answers", path, layout)
    student, teacher = page_words(sheet), page_words(key)
    assert len(student) == len(teacher), "the key has the worksheet's pages"
    extra = []
    for page, (ws, an) in enumerate(zip(student, teacher)):
        placed = {(w["text"], round(w["x0"], 1), round(w["top"], 1)) for w in an}
        missing = [w["text"] for w in ws if (w["text"], round(w["x0"], 1), round(w["top"], 1)) not in placed]
        assert not missing, f"page {page + 1}: worksheet words not in the key at the same place: {missing[:5]}"
        seen = {(w["text"], round(w["x0"], 1), round(w["top"], 1)) for w in ws}
        extra += [w for w in an if (w["text"], round(w["x0"], 1), round(w["top"], 1)) not in seen]
    assert chars(w["text"] for w in extra) == chars(blanked(model, layout))
    assert all("Oblique" in w["fontname"] or "Italic" in w["fontname"] for w in extra), "answers are set off"
    return sheet, key


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("path", CONTENT, ids=lambda p: p.stem)
def test_bundled_worksheets_leave_out_exactly_the_blanks(path: Path, layout: str) -> None:
    sheet, key = check_pair(path, layout)
    assert words_overlap(sheet) == [] and words_overlap(key) == []


def test_default_blanks_keep_an_example_row_and_leave_something_in_every_other_row(tmp_path: Path) -> None:
    path = write_source(tmp_path / "s.yaml", make_source(5, 7, 6))
    model = render("worksheet", path)[1]
    plan = plan_for(model)
    rows = {r for r, _ in plan.cells}
    assert 0 not in rows, "the first row is the worked example"
    assert rows == set(range(1, 7))
    for r in rows:  # about half of each row: some left to read, some to write
        assert 1 <= sum(1 for row, _ in plan.cells if row == r) < 5
    assert plan_for(render("worksheet", path)[1]) == plan, "deterministic"


def test_named_rows_and_all(tmp_path: Path) -> None:
    data = make_source(3, 4, 5, worksheet={"blank": ["Attribute 2"], "timeline": "none"})
    model = render("worksheet", write_source(tmp_path / "a.yaml", data))[1]
    assert plan_for(model).cells == {(2, 0), (2, 1), (2, 2)}
    data["worksheet"] = {"blank": "all"}
    model = render("worksheet", write_source(tmp_path / "b.yaml", data))[1]
    assert len(plan_for(model).cells) == 12


def test_timeline_dates_mode_and_the_same_bytes_twice(tmp_path: Path) -> None:
    events = [{"date": f"19{k}0", "label": f"Happening {k}", "subject": "s0"} for k in range(1, 5)]
    data = make_source(2, 3, 4, timeline=events, worksheet={"timeline": "dates", "blank": ["Attribute 1"]})
    path = write_source(tmp_path / "s.yaml", data)
    sheet, key = check_pair(path, "classic")
    text = " ".join(w["text"] for page in page_words(sheet) for w in page)
    assert "Happening" in text and "1910" not in text
    layout = same_labels(load_layout("classic"))
    assert render("worksheet", path, layout)[0] == sheet and render("answers", path, layout)[0] == key


def _lines(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [line for page in pdf.pages for line in (page.extract_text() or "").splitlines()]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("hide", ["labels", "dates"])
def test_events_to_place_are_a_lettered_shuffled_list_and_the_key_gives_each_letter(
    tmp_path: Path, hide: str, layout: str
) -> None:
    events = [{"date": f"{k * 100} BC", "label": f"Happening {k}", "subject": "s0"} for k in range(9, 0, -1)]
    data = make_source(2, 2, 3, timeline=events, worksheet={"timeline": hide, "events": "to_place", "word_bank": True})
    path = write_source(tmp_path / "s.yaml", data)
    sheet, key = check_pair(path, layout)  # the key adds exactly one letter per event
    labels = load_layout(layout).worksheet.labels
    lines = _lines(sheet)
    assert (labels.dates_to_place if hide == "dates" else labels.events_to_place) in lines
    entry = re.compile(r"\b([A-I]) (\d00 BC|Happening \d)")
    listed = {m[1]: m[2] for line in lines for m in entry.finditer(line)}
    assert sorted(listed) == list("ABCDEFGHI"), "every event once, lettered"
    chronological = (
        [f"{k * 100} BC" for k in range(9, 0, -1)] if hide == "dates" else [f"Happening {k}" for k in range(9, 0, -1)]
    )
    assert [listed[c] for c in "ABCDEFGHI"] != chronological, "the list is not in date order"
    assert sorted(listed.values()) == sorted(chronological)
    model = render("worksheet", path)[1]
    assert not any("Happening" in text for text in plan_for(model).word_bank), "the events have their own list"
    # the key: each row's letter names that row's own event or date in the list
    who = re.escape(model.subjects[0].name)  # every event is the first subject's; the tick is drawn, not text
    shown = re.compile(rf"^(?:(\d00 BC) {who} ([A-I])|([A-I]) {who} (Happening \d))$")
    pairs = [m.groups() for line in _lines(key) if (m := shown.match(line.strip()))]
    assert len(pairs) == 9
    for date, l1, l2, happening in pairs:
        if hide == "labels":
            assert listed[l1] == f"Happening {date[0]}"
        else:
            assert listed[l2] == f"{happening[-1]}00 BC"
    rows = [m[0] for line in lines if (m := re.search(r"Happening \d", line)) and not entry.search(line)]
    if hide == "dates":  # the rows are shuffled too, or their order would give the dates away
        in_order = [f"Happening {k}" for k in range(9, 0, -1)]
        assert rows != in_order and sorted(rows) == sorted(in_order)


def test_letters_go_on_past_z() -> None:
    assert [letter(i) for i in (0, 25, 26, 27, 51, 52, 701, 702)] == ["A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]


def test_questions_get_ruled_lines_and_the_word_bank_lists_the_blanks(tmp_path: Path) -> None:
    import pdfplumber

    questions = ["Why did the first change?", "What did both share?"]
    data = make_source(2, 4, 3, questions=questions, worksheet={"word_bank": True})
    path = write_source(tmp_path / "s.yaml", data)
    sheet, model, _ = render("worksheet", path)
    nodes = reading(sheet)
    bank = next(n for n in nodes if n.kind == "L" and n.attrs.get("ListNumbering") == "None")
    items = [c.all_text() for c in bank.children]
    expected = [plain(model.table[r].cells()[c]) for r, c in plan_for(model).cells]
    assert sorted(items) == sorted(expected) and len(items) >= 3
    assert items != sorted(items), "shuffled (seeded: this source always gives this order)"
    with pdfplumber.open(io.BytesIO(sheet)) as pdf:
        page = pdf.pages[-1]
        found = page.search(questions[1])
        assert found, "the last question is on the last page"
        below = [ln for ln in page.lines if ln["top"] > found[0]["bottom"] and abs(ln["top"] - ln["bottom"]) < 0.1]
        assert len(below) >= 3, "three writing lines under the question"


def test_answer_space_grows_with_the_answer_and_holds_it() -> None:
    layout = load_layout("classic")
    from handouts.render.pdf.styles import build_styles

    style = build_styles(layout).cell
    short, long = AnswerSpace("Stalinism", style, layout, True), AnswerSpace(words(40), style, layout, True)
    assert short.lines_for(150) == 1 < long.lines_for(150)
    assert long.lines_for(150) > long.lines_for(300)
    para = long._paragraph()
    _, printed = para.wrap(150 - long.indent, 1e6)
    assert printed <= long.wrap(150, 1e6)[1]


def test_a_blank_row_that_does_not_exist_is_located_with_a_suggestion(tmp_path: Path, runner) -> None:
    from handouts.cli.app import app

    data = make_source(2, 3, 3, worksheet={"blank": ["Atribute 1"]})
    path = write_source(tmp_path / "s.yaml", data)
    result = runner.invoke(app, ["build", str(path), "--to", "worksheet", "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "worksheet.blank[1]" in result.output and "did you mean 'Attribute 1'?" in result.output
    assert "Traceback" not in result.output and f"{path.name}:" in result.output


def test_worksheet_is_tagged_like_the_handout(tmp_path: Path) -> None:
    path = write_source(tmp_path / "s.yaml", make_source(3, 4, 4, questions=["Why?"]))
    for kind in ("worksheet", "answers"):
        data, model, _ = render(kind, path)
        pdf = pikepdf.open(io.BytesIO(data))
        assert marking_problems(pdf) == [] and parent_tree_problems(pdf) == []
        nodes = reading(data)
        assert nodes[1].kind == "H1" and nodes[1].text == model.title
        found = {n.kind for n in nodes}
        assert {"Table", "TR", "TH", "TD", "L", "LI", "LBody", "H2"} <= found
        column = [n.all_text() for n in nodes if n.kind == "TH" and n.attrs.get("Scope") == "Column"]
        assert [s.name for s in model.subjects] == [c.strip() for c in column[: len(model.subjects)]]


cell_sizes = st.sampled_from([1, 3, 8, 25, 60])


SLOW = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]


@settings(max_examples=12, deadline=None, suppress_health_check=SLOW)
@given(
    n=st.integers(2, 8),
    rows=st.integers(1, 6),
    size=cell_sizes,
    long=st.booleans(),
    layout=st.sampled_from(LAYOUTS),
    blank=st.sampled_from([None, "all", ["Attribute 0"]]),
    events=st.sampled_from(["in_order", "to_place"]),
    hide=st.sampled_from(["labels", "dates"]),
)
def test_any_source_any_layout(
    tmp_path_factory,  # noqa: ANN001
    n: int,
    rows: int,
    size: int,
    long: bool,
    layout: str,
    blank,  # noqa: ANN001
    events: str,
    hide: str,
) -> None:
    timeline = [{"date": f"{1900 + k}", "label": words(1 + k % 5, seed=k), "subject": f"s{k % n}"} for k in range(4)]
    options = {"word_bank": False} if blank is None else {"blank": blank}
    options |= {"events": events, "timeline": hide}
    data = make_source(n, rows, size, timeline=timeline, questions=["Why?"], worksheet=options)
    if long:  # a cell too long to ask for stays filled (and splits across pages)
        data["table"][0]["values"][-1] = words(MAX_ANSWER // 2)
    path = write_source(tmp_path_factory.mktemp("ws") / "s.yaml", data)
    sheet, key = check_pair(path, layout)
    assert words_overlap(key) == []
