"""The deck as a class sees it from the back of the room, read back with
python-pptx: projection sizes, the title above its content, contrast of every
run on its fill, few and full slides, shared values once, pictures with alt
text, plain-text notes. Properties run over generated sources in every
built-in layout, not only the bundled examples."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from handouts.colors import contrast_ratio
from handouts.errors import HandoutsError
from handouts.layout.resolve import load_layout
from tests.conftest import CONTENT, LAYOUTS
from tests.deck_helpers import open_deck, render, slide_title, stress_source, styled_runs, text_fill
from tests.deck_helpers import write_source as write_stress
from tests.sources import make_source, write_png, write_source
from tests.sources_fuzz import sources

MARKUP = re.compile(r"\*\*|\]\(|(?<!\w)_\w|`")


def floor(layout) -> float:
    """The smallest run a layout's deck may have: its minimum, and 18 pt (24 in large print) whatever it says."""
    return max(layout.deck.sizes.min, 24.0 if layout.name == "large-print" else 18.0)


def design_problems(data: bytes, layout) -> list[str]:
    """Every run under the floor, every title smaller than its slide's content,
    every run below 4.5:1 on its fill (3:1 when 24 pt bold or more)."""
    problems = []
    for number, slide in enumerate(open_deck(data).slides, 1):
        runs = styled_runs(slide)
        title_id = slide.shapes.title.shape_id if slide.shapes.title is not None else None
        title_name = slide.shapes.title.name if title_id is not None else None
        title_sizes = [r["size"] for r in runs if r["shape"] == title_name]
        content = [r["size"] for r in runs if r["shape"] != title_name and r["shape"] != "Timeline"]
        for r in runs:
            where = f"slide {number} {r['shape']!r} {r['text'][:30]!r}"
            if r["size"] is None or r["color"] is None:
                problems.append(f"{where}: size or colour not set")
                continue
            if r["size"] < floor(layout) - 0.01:
                problems.append(f"{where}: {r['size']} pt")
            need = 3.0 if r["bold"] and r["size"] >= 24 else 4.5
            ratio = contrast_ratio("#" + r["color"], "#" + r["fill"])
            if ratio < need:
                problems.append(f"{where}: #{r['color']} on #{r['fill']} is {ratio:.2f}:1")
        if title_sizes and content and min(title_sizes) < max(content) - 0.01:
            problems.append(f"slide {number}: title {min(title_sizes)} pt under content {max(content)} pt")
    return problems


@pytest.mark.parametrize("layout_name", LAYOUTS)
@pytest.mark.parametrize("source", CONTENT, ids=lambda p: p.stem)
def test_bundled_decks_read_from_the_back_row(source: Path, layout_name: str) -> None:
    layout = load_layout(layout_name)
    assert design_problems(render(source, layout), layout) == []


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=sources(max_rows=10))
def test_generated_decks_keep_sizes_hierarchy_and_contrast_in_every_layout(tmp_path_factory, data) -> None:
    import yaml

    folder = tmp_path_factory.mktemp("design")
    path = folder / "s.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for name in LAYOUTS:
        layout = load_layout(name)
        try:
            deck = render(path, layout)
        except HandoutsError:  # a source the loader refuses (told with file:line) is not a deck problem
            return
        assert design_problems(deck, layout) == [], name


def test_layout_scales_are_projection_sizes() -> None:
    for name in LAYOUTS:
        sizes = load_layout(name).deck.sizes
        assert 36 <= sizes.heading <= 40 and sizes.heading >= max(sizes.display, sizes.body, sizes.table), name
        assert sizes.body >= 24 and sizes.table >= 18 and sizes.min >= 18, name
    large = load_layout("large-print").deck.sizes
    assert large.body >= 32 and large.min >= 24


# The bar: a 6-subject, 20-row source in at most 40 slides (large print's 32 pt body: 60), none
# under a third full. The varied source keeps 5 of the stress source's 12 similarities (~440 characters
# each): all 12 are a 5,000-character list, prose never set under the body size, 9 slides on their own.
def _five_similarities(data: dict) -> dict:
    return dict(data, similarities=data["similarities"][:5])


@pytest.mark.parametrize("layout_name, most", [("classic", 40), ("large-print", 60)])
def test_six_subjects_twenty_rows_make_few_full_slides(tmp_path: Path, layout_name: str, most: int) -> None:
    layout = load_layout(layout_name)
    paths = [
        write_source(tmp_path / "even.yaml", make_source(6, 20, cell_words=8)),
        write_stress(tmp_path, _five_similarities(stress_source(6, 20, huge_cell_words=0)), "varied.yaml"),
    ]
    for path in paths:
        prs = open_deck(render(path, layout))
        titles = [slide_title(s) for s in prs.slides]
        assert len(prs.slides) <= most, titles
        for slide in prs.slides:
            comparison = any(sh.name.startswith("Row: ") for sh in slide.shapes)
            if comparison or "(cont.)" in slide_title(slide):
                assert text_fill(slide) >= 1 / 3, (slide_title(slide), round(text_fill(slide), 2))


def test_shared_value_spans_the_columns_once(tmp_path: Path) -> None:
    data = make_source(4, 3, 6)
    data["table"][1]["values"] = "The same for every subject"
    prs = open_deck(render(write_source(tmp_path / "s.yaml", data)))
    cards = [
        sh
        for s in prs.slides
        for sh in s.shapes
        if sh.has_text_frame and sh.text_frame.text == "The same for every subject" and sh.name.startswith("Attribute")
    ]
    assert len(cards) == 1, "a shared value is one card"
    row = next(s for s in prs.slides if cards[0] in list(s.shapes))
    columns = [sh for sh in row.shapes if sh.name.startswith("Attribute 0: ")]
    assert cards[0].left == columns[0].left and cards[0].width >= sum(c.width for c in columns)


def test_ink_saver_overview_header_is_readable(tmp_path: Path) -> None:
    layout = load_layout("ink-saver")
    prs = open_deck(render(write_source(tmp_path / "s.yaml", make_source(4, 4, 3)), layout))
    tables = [sh for s in prs.slides for sh in s.shapes if getattr(sh, "has_table", False)]
    assert tables
    header = [r for s in prs.slides for r in styled_runs(s) if r["shape"] == tables[0].name][:5]
    assert header and all(contrast_ratio("#" + r["color"], "#" + r["fill"]) >= 4.5 for r in header)


def test_pictures_shown_with_a_subtitle_and_course(tmp_path: Path) -> None:
    from handouts.render.deck.a11y import alt_text

    write_png(tmp_path / "a.png", (400, 300))
    write_png(tmp_path / "b.png", (300, 400))
    data = make_source(2, 3, 6)  # it has a subtitle, course, author and date
    data["subjects"][0].update(image="a.png", image_alt="The Acropolis", image_credit="J. Doe")
    data["subjects"][1].update(image="b.png", image_alt="A hoplite")
    prs = open_deck(render(write_source(tmp_path / "s.yaml", data)))
    pictures = [sh for sh in prs.slides[0].shapes if sh.shape_type == 13]
    assert sorted(alt_text(p) for p in pictures) == ["A hoplite", "The Acropolis (Image: J. Doe)"]
    assert "Image: J. Doe" in [sh.text_frame.text for sh in prs.slides[0].shapes if sh.has_text_frame]


def test_picture_that_cannot_be_shown_is_a_warning(tmp_path: Path) -> None:
    from handouts.render.context import RenderContext
    from handouts.render.deck.writer import render_deck
    from handouts.source.loader import load_source

    write_png(tmp_path / "a.png")
    data = make_source(2, 2, 3, title="A title " * 30, subtitle="A long subtitle " * 18)
    data["subjects"][0].update(image="a.png", image_alt="A picture")
    path = write_source(tmp_path / "s.yaml", data)
    layout = load_layout("large-print")
    context = RenderContext(path)
    prs = open_deck(render_deck(load_source(path), layout, context))
    shown = [sh for sh in prs.slides[0].shapes if sh.shape_type == 13]
    warned = [w for w in context.warnings if "picture" in w.message and "not on the deck" in w.message]
    assert shown or warned, "a picture is shown or its absence is told"


def test_notes_are_plain_text_and_every_content_slide_has_them(tmp_path: Path) -> None:
    data = make_source(3, 4, 6)
    data["sections"][0]["body"] = "In **490 BC** the [Athenians](https://example.org/marathon) won. *Really*."
    prs = open_deck(render(write_source(tmp_path / "s.yaml", data)))
    for slide in list(prs.slides)[1:]:
        assert slide.has_notes_slide, slide_title(slide)
        notes = slide.notes_slide.notes_text_frame.text
        assert notes.strip() and not MARKUP.search(notes), (slide_title(slide), notes)
    everything = "\n".join(s.notes_slide.notes_text_frame.text for s in prs.slides if s.has_notes_slide)
    assert "In 490 BC the Athenians (https://example.org/marathon) won." in everything
