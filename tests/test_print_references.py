"""Sources as numbered references (issue 17): a link in the prose prints its
number, "[n]", which leads to entry n of the sources list; each entry's title is
its link's text and its address is written out for paper."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pdfplumber
import pikepdf
import pytest

from tests.conftest import LAYOUTS
from tests.print_metrics import render
from tests.sources import make_source, write_source

DECREE = "https://en.wikipedia.org/wiki/Decree_on_Land"
PLAN = "https://en.wikipedia.org/wiki/First_five-year_plan"
BOOK = "https://example.org/book"  # make_source's first source


def linked_source(tmp_path: Path) -> Path:
    source = make_source(
        3,
        3,
        4,
        summary=f"The [Decree on Land]({DECREE}) gave land away; the [first Five-Year Plan]({PLAN}) "
        f"took it back. A [book]({BOOK}) tells it all, and the [decree again]({DECREE}) too.",
    )
    source["table"][0]["values"][1] = f"See the [plan]({PLAN})."
    return write_source(tmp_path / "linked.yaml", source)


def flat(data: bytes) -> str:
    """The text in reading order, as the structure tree gives it (landscape sets prose in columns)."""
    from tests.tagged_pdf import read_aloud

    return read_aloud(data)


def entries(text: str) -> dict[int, str]:
    """The sources list, number -> the entry's text (up to the next number)."""
    tail = text[text.rindex("Sources") :]
    found = re.split(r"(?:^|\s)(\d+)\.\s*", tail)[1:]
    return {int(n): body for n, body in zip(found[::2], found[1::2])}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_prose_links_print_their_numbers_and_the_list_holds_them(layout: str, tmp_path: Path) -> None:
    data = render(linked_source(tmp_path), layout)
    text = flat(data)
    listed = entries(text)
    assert listed[1].startswith("A book") and BOOK in listed[1].replace(" ", "")  # the source keeps number 1
    assert listed[2].startswith("A plain source")  # no address: nothing written out
    assert "https" not in listed[2]
    numbers = {n for n, body in listed.items() if body.startswith("Decree on Land")}
    assert len(numbers) == 1, listed  # one entry for an address, however often it is linked
    decree = numbers.pop()
    assert DECREE in listed[decree].replace(" ", "")
    plan = next(n for n, body in listed.items() if body.startswith("First Five-Year Plan"))
    squashed = text.replace(" ", "")
    assert f"DecreeonLand[{decree}]" in squashed and f"decreeagain[{decree}]" in squashed
    assert f"firstFive-YearPlan[{plan}]" in squashed and f"plan[{plan}]." in squashed  # in a table cell too
    assert "book[1]" in squashed  # a link to a source's address cites the source


def test_numbers_lead_to_their_entries_and_titles_are_the_links(tmp_path: Path) -> None:
    data = render(linked_source(tmp_path), "classic")
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pages = [p.objgen for p in pdf.pages]
        internal = [  # (page of the [n], its rectangle, page of the destination, its y)
            (n, [float(v) for v in a.Rect], pages.index(a.Dest[0].objgen), float(a.Dest[3]))
            for n, page in enumerate(pdf.pages)
            for a in page.get("/Annots", [])
            if a.get("/Subtype") == "/Link" and "/Dest" in a
        ]
    assert len(internal) == 5  # every link of the prose and the table
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for n, (x0, y0, x1, y1), target, y in internal:
            page = pdf.pages[n]
            cited = page.crop((x0 - 1, page.height - y1 - 1, x1 + 1, page.height - y0 + 1)).extract_text()
            number = re.search(r"\[(\d+)\]", cited)
            assert number, cited
            dest = pdf.pages[target]
            bullets = [w for w in dest.extract_words() if w["text"] == f"{number[1]}."]
            assert any(abs((dest.height - w["top"]) - y) < 20 for w in bullets), (cited, y)
        page = pdf.pages[-1]
        decree = [h for h in page.hyperlinks if h.get("uri") == DECREE]
        words = page.extract_words()
    assert len(decree) == 2  # the title and the written-out address
    title = next(w for w in words if w["text"] == "Decree")
    assert any(h["x0"] - 1 <= title["x0"] and title["x1"] <= h["x1"] + 1 for h in decree)


def test_large_print_numbers_stay_large(tmp_path: Path) -> None:
    data = render(linked_source(tmp_path), "large-print")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        sizes = [c["size"] for p in pdf.pages for c in p.chars if c["text"] in "[]"]
    assert sizes and min(sizes) >= 16 - 0.01


def test_outline_entries_lead_to_the_page_of_their_heading() -> None:
    """Pages are shown only once the page count is known; bookmarks made before
    that must still name their own page (they all led to page 1)."""
    from tests.print_metrics import TEST_SOURCES

    data = render(next(p for p in TEST_SOURCES if p.stem == "athens-sparta-long"), "large-print")
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pages = [p.objgen for p in pdf.pages]
        with pdf.open_outline() as outline:
            targets = {item.title: pages.index(item.destination[0].objgen) for item in outline.root}
            targets |= {c.title: pages.index(c.destination[0].objgen) for i in outline.root for c in i.children}
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        texts = [" ".join((p.extract_text() or "").split()) for p in pdf.pages]
    assert len(set(targets.values())) > 2
    for title, page in targets.items():
        assert title in texts[page], (title, page)


def test_links_are_tagged_with_their_text_inside(tmp_path: Path) -> None:
    """Each Link element holds its annotation and the underlined text it stands for."""
    from tests.tagged_pdf import marking_problems, parent_tree_problems, reading

    data = render(linked_source(tmp_path), "classic")
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert marking_problems(pdf) == [] and parent_tree_problems(pdf) == []
    links = [n for n in reading(data) if n.kind == "Link"]
    texts = [" ".join(n.text.split()) for n in links]
    assert all(len(n.annots) == 1 for n in links), [n.annots for n in links]
    for expected in ("Decree on Land", "first Five-Year Plan", "[1]", "plan", "A book", "First Five-Year Plan"):
        assert expected in texts, (expected, texts)
    uris = {t: n.annots[0].get("uri") for t, n in zip(texts, links)}
    assert uris["Decree on Land"] == DECREE and uris["A book"] == BOOK
    assert uris[DECREE] == DECREE  # the written-out address is a link too


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_long_address_wraps_inside_the_page(layout: str, tmp_path: Path) -> None:
    """reportlab breaks an address once; a long one is written out in lines that
    stay inside the margins, and reads back whole."""
    from handouts.layout.resolve import load_layout

    url = "https://www.example.org/" + "/".join(f"section-{n}_of_the_archive" for n in range(12)) + "/index.html"
    source = make_source(2, 2, 4)
    source["sources"] = [{"title": "An archive", "url": url}]
    data = render(write_source(tmp_path / "long.yaml", source), layout)
    margins = load_layout(layout).page.margins
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            assert max(c["x1"] for c in page.chars) <= page.width - margins.right + 1
    assert url in flat(data).replace(" ", "")  # in reading order (landscape: over two columns)


def test_the_running_footer_sets_quotes_like_the_body(tmp_path: Path) -> None:
    """A title typed with straight quotes prints “…” in the footer as on the page, never both."""
    source = make_source(2, 2, 4, title='The "long road" of 1917-1924')
    data = render(write_source(tmp_path / "q.yaml", source), "classic")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        foot = page.crop((0, page.height - 40, page.width, page.height)).extract_text()
    assert "\u201clong road\u201d of 1917\u20131924" in foot and '"' not in foot
