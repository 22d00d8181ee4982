"""Names, full names, titles and picture credits on slides are shown whole,
or shortened with an ellipsis and a warning that names them; credits are
never cut; a shortened title keeps its "(cont.) 2/3" or "— by subject".

Read back with python-pptx over every built-in layout, on sources nobody
tuned for: very long names, 200-character words, eight subjects, pictures
with long credits.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from handouts.layout.resolve import load_layout
from handouts.render.context import RenderContext
from handouts.render.deck.fit import TextStyle, fit_lines, slide_text, wrap
from handouts.render.deck.writer import render_deck
from handouts.source.loader import load_source
from tests.conftest import LAYOUTS, needs
from tests.deck_helpers import EMU_PER_PT, convert, open_deck, overflow_problems, prose, styled_runs, write_source

LONG_WORD = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 4 + "ultramicroscopic"  # 200 characters
NAMES = [
    "Mesopotamia",
    "Indus Valley Civilisation of the Bronze Age",
    LONG_WORD,
    "Zero\u200bWidth\u200bName\u200bWith\u200bParts",
    "Tab\tSeparated\tName",
    "Shang China",
    "Κωνσταντινούπολη",
    "Inca",
]
CREDIT = "Photograph by A. Very-Long-Named Photographer for the Museum of Everything, CC BY-SA 4.0 International"


def _picture(folder, name: str, color: str) -> str:
    Image.new("RGB", (120, 90), color).save(folder / name)
    return name


def _source(tmp_path, count: int, pictures: bool = True, heading: str = "Daily life", words: int = 40) -> dict:
    subjects = []
    for i, name in enumerate(NAMES[:count]):
        subject = {"name": name, "full_name": f"The {slide_text(name)} of the long ago, as historians call it"}
        if pictures and i < 3:
            subject |= {"image": _picture(tmp_path, f"p{i}.png", "#2a6"), "image_alt": f"Picture {i}"}
            subject["image_credit"] = CREDIT
        subjects.append(subject)
    body = "\n\n".join(prose(words // 3, seed=k).replace(".", "") + "." for k in range(3))  # few sentences
    return {
        "title": "A comparison of civilisations",
        "subtitle": "Names nobody tuned the deck for",
        "course": "World History",
        "subjects": subjects,
        "table": [{"label": "Rivers", "values": [prose(12, seed=i) for i in range(count)]}],
        "sections": [{"heading": heading, "body": body, "by_subject": {f"s{i}": body for i in range(count)}}],
    }


def _render(tmp_path, data: dict, layout: str, name: str = "names.yaml"):
    path = write_source(tmp_path, data, name)
    context = RenderContext(path)
    deck = render_deck(load_source(path), load_layout(layout), context)
    return open_deck(deck), [p.message for p in context.warnings]


def _texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def _warned(messages: list[str], text: str) -> bool:
    return any(f"“{slide_text(text)}”" in m and "shortened" in m for m in messages)


@pytest.mark.parametrize("pictures", [True, False])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_name_and_full_name_is_on_the_title_slide_whole_or_warned_about(tmp_path, layout, pictures) -> None:
    data = _source(tmp_path, 8, pictures=pictures)
    prs, messages = _render(tmp_path, data, layout)
    shown = [slide_text(t) for t in _texts(prs.slides[0])]
    for subject in data["subjects"]:
        for text in (subject["name"], subject["full_name"]):
            assert slide_text(text) in shown or _warned(messages, text), (layout, text, shown)
    if not pictures:  # rows of cells make room: names of a word or two, up to 22 letters, show whole
        for name in NAMES:
            if len(slide_text(name)) <= 22 and len(slide_text(name).split()) <= 2:
                assert slide_text(name) in shown, (layout, name)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_shortened_name_ends_in_an_ellipsis_and_is_named_once_in_the_warnings(tmp_path, layout: str) -> None:
    prs, messages = _render(tmp_path, _source(tmp_path, 3, pictures=False), layout)
    chips = [t for t in _texts(prs.slides[0]) if t.startswith(LONG_WORD[:10])]
    assert chips, "the long name's chip is missing"
    for chip in chips:
        assert chip == LONG_WORD or (chip.endswith("…") and LONG_WORD.startswith(chip[:-1]))
    if LONG_WORD not in chips:
        assert sum(f"“{LONG_WORD}”" in m for m in messages) == 1, messages


@pytest.mark.parametrize("layout", LAYOUTS)
def test_picture_credits_are_whole_under_the_picture_or_whole_in_the_notes_with_a_warning(tmp_path, layout) -> None:
    prs, messages = _render(tmp_path, _source(tmp_path, 3), layout)
    slide = prs.slides[0]
    credit = load_layout(layout).handout.labels.image_credit.format(credit=CREDIT)
    on_slide = sum(t == credit for t in _texts(slide))
    noted = sum("picture credit" in m and "speaker notes" in m for m in messages)
    assert on_slide + noted == 3, (on_slide, noted, messages)
    assert CREDIT in slide.notes_slide.notes_text_frame.text
    assert not any(t.startswith(credit[:12]) and t != credit for t in _texts(slide)), "a credit was cut"


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_title_slide_cells_stay_on_the_slide_apart_and_above_the_minimum_size(tmp_path, layout: str) -> None:
    prs, _ = _render(tmp_path, _source(tmp_path, 8), layout)
    slide, smallest = prs.slides[0], load_layout(layout).deck.sizes.min
    boxes = []
    for shape in slide.shapes:
        if shape.name.startswith(("Subject ", "Full name ", "Credit ", "Picture")):
            box = tuple(
                v / EMU_PER_PT for v in (shape.left, shape.top, shape.left + shape.width, shape.top + shape.height)
            )
            assert box[0] >= -0.5 and box[1] >= -0.5, shape.name
            assert box[2] <= prs.slide_width.pt + 0.5 and box[3] <= prs.slide_height.pt + 0.5, shape.name
            boxes.append((shape.name, box))
    assert len([n for n, _ in boxes if n.startswith("Subject ")]) == 8
    for i, (a, p) in enumerate(boxes):
        for b, q in boxes[i + 1 :]:
            overlap = min(p[2], q[2]) - max(p[0], q[0]), min(p[3], q[3]) - max(p[1], q[1])
            assert min(overlap) <= 0.5, f"{a} overlaps {b}"
    assert all(run["size"] >= smallest - 0.01 for run in styled_runs(slide))


SUFFIX = re.compile(r"(?: — by subject)?(?: \(cont\.\)(?: \d+/\d+)?)?$")


@pytest.mark.parametrize("layout", LAYOUTS)
def test_continuation_titles_keep_their_suffix_when_the_heading_is_shortened(tmp_path, layout: str) -> None:
    heading = "A very long section heading that goes on and on about " + " ".join(["the debate"] * 12)
    prs, messages = _render(tmp_path, _source(tmp_path, 2, pictures=False, heading=heading, words=900), layout)
    titles = [s.shapes.title.text_frame.text for s in prs.slides if s.shapes.title is not None]
    ours = [t for t in titles if t.startswith("A very long section heading")]
    continued = [t for t in ours if "(cont.)" in t]
    assert continued, ours
    for title in continued:
        assert re.search(r"\(cont\.\)(?: \d+/\d+)?$", title), title
    numbered = [t for t in continued if re.search(r"\d+/\d+$", t)]
    for series in ("— by subject" in t for t in numbered), ("— by subject" not in t for t in numbered):
        pages = [t.rsplit(" ", 1)[1] for t, ours in zip(numbered, series) if ours]
        if pages:  # a series of pages is numbered 2/n .. n/n, every one of them
            n = int(pages[0].split("/")[1])
            assert sorted(pages, key=lambda p: int(p.split("/")[0])) == [f"{k}/{n}" for k in range(2, n + 1)]
    shortened = [t for t in ours if "…" in t]
    assert all(re.search(r"… ?(— by subject)?( \(cont\.\)( \d+/\d+)?)?$", t) for t in shortened), shortened
    if shortened:
        warned = [m for m in messages if "slide title" in m and "A very long section heading" in m]
        assert len(warned) == 1, messages
        number = int(re.search(r"on slide (\d+)", warned[0]).group(1))  # the first slide that shows it shortened
        assert "…" in titles[number - 1] and titles[number - 1].startswith("A very long section heading")


def test_fit_lines_keeps_the_suffix_whole_and_always_shows_its_ellipsis() -> None:
    style = TextStyle("Calibri", 30, bold=True)
    head = "A very long section heading that goes on and on about the economists of the twentieth century"
    short = fit_lines(head, style, 400, 1, keep=" (cont.) 2/3")
    assert short.endswith("… (cont.) 2/3") and len(wrap(short, style, 400)) == 1
    # a single word too wide for the lines: cut inside it, never without the ellipsis
    word = fit_lines(LONG_WORD, style, 300, 2)
    assert word.endswith("…") and LONG_WORD.startswith(word[:-1]) and len(wrap(word, style, 300)) <= 2
    word = fit_lines(LONG_WORD, style, 300, 1, keep=" — by subject")
    assert word.endswith("… — by subject") and len(wrap(word, style, 300)) == 1
    assert fit_lines("Short", style, 300, 1, keep=" (cont.)") == "Short (cont.)"


name_text = st.lists(
    st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzÆøΩЖ"), min_size=1, max_size=40), min_size=1, max_size=5
).map(" ".join)
separators = st.sampled_from([" ", "\t", "\u200b", " \u200b"])


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    names=st.lists(st.tuples(name_text, separators), min_size=2, max_size=8, unique_by=lambda t: t[0]),
    layout=st.sampled_from(LAYOUTS),
    data=st.data(),
)
def test_generated_names_are_whole_or_warned_about_in_every_layout(tmp_path, names, layout, data) -> None:
    subjects = [{"name": n.replace(" ", sep).strip() or "x", "full_name": data.draw(name_text)} for n, sep in names]
    source = {"title": "Generated", "subjects": subjects, "table": [{"label": "A", "values": ["x"] * len(subjects)}]}
    prs, messages = _render(tmp_path, source, layout, "generated.yaml")
    shown = [slide_text(t) for t in _texts(prs.slides[0])]
    for subject in subjects:
        name = slide_text(subject["name"])
        assert name in shown or _warned(messages, subject["name"]), (name, shown, messages)
        if slide_text(subject["full_name"]) != name:
            full = subject["full_name"]
            assert slide_text(full) in shown or _warned(messages, full), (full, shown)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_overview_header_shrinks_before_it_breaks_a_name(tmp_path, layout: str) -> None:
    from handouts.render.deck.builders.table import CELL
    from handouts.render.deck.fit import has_broken_words

    names = ["Κωνσταντινούπολη", "Mesopotamia", "Shang", "Inca", "Maya", "Olmec", "Egypt", "Hittites"]
    source = {
        "title": "Overview",
        "subjects": [{"name": n} for n in names],
        # rows enough to take two comparison slides, short enough for the whole overview: it is shown
        "table": [{"label": f"Feature {r + 1}", "values": ["Yes", "No"] * (len(names) // 2)} for r in range(5)],
    }
    prs, _ = _render(tmp_path, source, layout, "overview.yaml")
    deck = load_layout(layout).deck
    tables = [(slide, shape) for slide in prs.slides for shape in slide.shapes if shape.has_table]
    assert tables, "the short table has an overview"
    slide, frame = tables[0]
    sizes = {run["text"]: run["size"] for run in styled_runs(slide)}
    widths = [column.width / EMU_PER_PT for column in frame.table.columns]
    for c, column_width in enumerate(widths):
        name = frame.table.cell(0, c).text_frame.text
        if name in names:
            size = sizes[name]
            assert deck.sizes.min - 0.01 <= size <= deck.sizes.table + 0.01
            style = TextStyle(deck.fonts.body, size, bold=True)
            fits_whole = not has_broken_words([name], style.at(deck.sizes.min), column_width, CELL)
            assert not fits_whole or not has_broken_words([name], style, column_width, CELL), (name, size)


@needs("soffice")
def test_libreoffice_draws_every_title_slide_word_inside_its_box_and_the_credits_whole(tmp_path) -> None:
    import pdfplumber

    decks = {}
    for layout in LAYOUTS:
        for pictures, count in ((True, 3), (False, 8)):
            folder = tmp_path / f"{layout}-{count}"
            folder.mkdir()
            path = write_source(folder, _source(folder, count, pictures=pictures), "names.yaml")
            data = render_deck(load_source(path), load_layout(layout), RenderContext(path))
            decks[folder.name] = (data, folder / f"{folder.name}.pptx", load_layout(layout))
            (folder / f"{folder.name}.pptx").write_bytes(data)  # named apart: the PDFs share one folder
    pdfs = convert([path for _, path, _ in decks.values()], tmp_path)
    for (name, (data, _, layout)), pdf in zip(decks.items(), pdfs):
        problems = [p for p in overflow_problems(data, pdf) if p.startswith("slide 1 (")]
        assert not problems, (name, problems[:5])
        credit = layout.handout.labels.image_credit.format(credit=CREDIT)
        slide = open_deck(data).slides[0]
        boxes = [shape for shape in slide.shapes if shape.name.startswith("Credit ")]
        assert all(shape.text_frame.text == credit for shape in boxes)
        with pdfplumber.open(pdf) as document:
            words = document.pages[0].extract_words()
        for shape in boxes:  # the words LibreOffice drew inside the credit's box, in reading order, are the credit
            x0, top = shape.left / EMU_PER_PT, shape.top / EMU_PER_PT
            x1, bottom = x0 + shape.width / EMU_PER_PT, top + shape.height / EMU_PER_PT
            inside = [w for w in words if w["x0"] >= x0 - 2 and w["x1"] <= x1 + 2 and top - 2 <= w["top"] <= bottom]
            inside.sort(key=lambda w: (round(w["top"]), w["x0"]))
            drawn = ""
            for word in inside:
                drawn += word["text"] if not drawn or drawn.endswith("-") else " " + word["text"]
            assert drawn == credit, (name, drawn)


def test_a_teachers_template_lists_the_full_names_on_its_title_slide(tmp_path) -> None:
    from pptx import Presentation

    Presentation().save(tmp_path / "school.pptx")
    (tmp_path / "school.yaml").write_text("deck:\n  template: school.pptx\n", encoding="utf-8")
    data = _source(tmp_path, 2, pictures=False)
    path = write_source(tmp_path, data, "names.yaml")
    context = RenderContext(path)
    prs = open_deck(render_deck(load_source(path), load_layout(tmp_path / "school.yaml"), context))
    text = slide_text(" ".join(_texts(prs.slides[0])))
    for subject in data["subjects"]:
        assert f"{slide_text(subject['name'])}: {subject['full_name']}" in text, text


def test_a_right_to_left_title_slide_reads_its_subjects_from_the_right(tmp_path) -> None:
    source = {
        "title": "ابن سينا وابن رشد",
        "language": "ar",
        "subjects": [{"name": "ابن سينا", "full_name": "أبو علي الحسين بن عبد الله بن سينا"}, {"name": "ابن رشد"}],
    }
    prs, _ = _render(tmp_path, source, "classic", "ar.yaml")
    chips = {shape.text_frame.text: shape.left for shape in prs.slides[0].shapes if shape.name.startswith("Subject ")}
    assert chips["ابن سينا"] > chips["ابن رشد"]
    assert "أبو علي الحسين بن عبد الله بن سينا" in _texts(prs.slides[0])
