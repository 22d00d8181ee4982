"""The XML the deck writes as text equals what python-pptx's own API writes.

Several deck modules build shapes as XML strings parsed at once, for speed,
instead of calling python-pptx's API property by property. Each test here
makes the same shape both ways and compares the elements, so a python-pptx
release that changes what its API writes (or the internals we lean on) shows
up here first.
"""

from __future__ import annotations

import pytest
from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_PATTERN
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.util import Pt

from handouts.colors import tint
from handouts.layout.resolve import load_layout
from handouts.render.deck import timeline as deck_timeline
from handouts.units import pt_to_emu

LAYOUT = load_layout("classic")


def _canonical(element) -> bytes:
    return etree.tostring(element, method="c14n")


def _blank_slide():
    prs = Presentation()
    return prs.slides.add_slide(prs.slide_layouts[6])


def _painted(draw) -> list[bytes]:
    """The shapes a timeline painter writes, as canonical XML."""
    painter = deck_timeline._Painter(LAYOUT, 1000, 2000, "en", deck_timeline.deck_measure(LAYOUT), first_id=2)
    draw(painter)
    tree = etree.fromstring(f'<p:spTree {deck_timeline._NS}>{"".join(painter.xml)}</p:spTree>')
    return [_canonical(element) for element in tree]


def _rgb(color: str) -> RGBColor:
    return RGBColor.from_string(color.lstrip("#").upper())


# -- python-pptx's API, shape by shape: the reference --------------------------
_API_PATTERNS = {"hatch": "WIDE_UPWARD_DIAGONAL", "crosshatch": "DIAGONAL_CROSS", "dots": "PERCENT_20",
                 "stripes": "NARROW_HORIZONTAL", "checker": "SMALL_CHECKER_BOARD"}
_API_MARKERS = {"circle": "OVAL", "square": "RECTANGLE", "triangle": "ISOSCELES_TRIANGLE", "diamond": "DIAMOND",
                "star": "STAR_5_POINT", "cross": "CROSS", "ring": "DONUT", "bar": "RECTANGLE"}


def _api_rect(shapes, x, y, w, h, color, pattern, name, outline):
    shape = shapes.add_shape(MSO_SHAPE.RECTANGLE, 1000 + pt_to_emu(x), 2000 + pt_to_emu(y), pt_to_emu(w), pt_to_emu(h))
    shape.name = name or shape.name
    shape.shadow.inherit = False
    if pattern in _API_PATTERNS:
        shape.fill.patterned()
        shape.fill.pattern = getattr(MSO_PATTERN, _API_PATTERNS[pattern])
        shape.fill.fore_color.rgb = _rgb(color)
        shape.fill.back_color.rgb = _rgb(tint(color, 0.8))
    elif pattern == "none":
        shape.fill.background()
    else:
        shape.fill.solid()
        shape.fill.fore_color.rgb = _rgb(color)
    shape.line.fill.background()
    if outline:
        shape.line.color.rgb = _rgb(outline)
        shape.line.width = pt_to_emu(0.75)


def _api_marker(shapes, kind, cx, cy, d, color, name, light):
    w = d * 0.45 if kind == "bar" else d
    h = d * 1.15 if kind == "bar" else d
    shape = shapes.add_shape(getattr(MSO_SHAPE, _API_MARKERS[kind]), 1000 + pt_to_emu(cx - w / 2),
                             2000 + pt_to_emu(cy - h / 2), pt_to_emu(w), pt_to_emu(h))
    shape.name = name
    shape.shadow.inherit = False
    shape.fill.solid()
    shape.fill.fore_color.rgb = _rgb(tint(color, 0.5) if light else color)
    shape.line.color.rgb = _rgb(color)
    shape.line.width = pt_to_emu(0.75)


def _api_line(shapes, x0, y0, x1, y1, color, width):
    line = shapes.add_connector(MSO_CONNECTOR.STRAIGHT, 1000 + pt_to_emu(x0), 2000 + pt_to_emu(y0),
                                1000 + pt_to_emu(x1), 2000 + pt_to_emu(y1))
    line.line.color.rgb = _rgb(color)
    line.line.width = pt_to_emu(width)


def _api_text(shapes, x, y, w, h, text, size, color, center):
    from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN

    box = shapes.add_textbox(1000 + pt_to_emu(x), 2000 + pt_to_emu(y), pt_to_emu(w), pt_to_emu(h))
    frame = box.text_frame
    frame.word_wrap = False
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
    frame.vertical_anchor = MSO_ANCHOR.TOP
    paragraph = frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.CENTER if center else PP_ALIGN.LEFT
    run = paragraph.add_run()
    run.text = text
    run.font.size = Pt(size)
    run.font.color.rgb = _rgb(color)
    run.font.name = LAYOUT.deck.fonts.body
    run._r.get_or_add_rPr().set("lang", "en")


def _api(draw) -> list[bytes]:
    slide = _blank_slide()
    draw(slide.shapes)
    return [_canonical(element) for element in slide.shapes._spTree.iter_shape_elms()]


@pytest.mark.parametrize("pattern", ["solid", "none", *_API_PATTERNS])
@pytest.mark.parametrize("outline", [None, "#336699"])
def test_timeline_rectangles(pattern: str, outline: str | None) -> None:
    args = (3.5, 7.25, 120.4, 9.9, "#B03A2E")
    assert _painted(lambda p: p.rect(*args, pattern=pattern, name="", outline=outline)) == \
        _api(lambda s: _api_rect(s, *args, pattern, "", outline))
    assert _painted(lambda p: p.rect(*args, pattern=pattern, name="Span 1", outline=outline)) == \
        _api(lambda s: _api_rect(s, *args, pattern, "Span 1", outline))


@pytest.mark.parametrize("kind", list(_API_MARKERS))
@pytest.mark.parametrize("light", [False, True])
def test_timeline_markers(kind: str, light: bool) -> None:
    args = (kind, 40.3, 20.7, 11.0, "#1F3A5F", "Event <1> & \"2\"")
    assert _painted(lambda p: p.marker(*args, light=light)) == _api(lambda s: _api_marker(s, *args, light))


@pytest.mark.parametrize("ends", [(0, 0, 0, 100.5), (10, 50, 200, 50), (200, 80, 10, 5)])
def test_timeline_lines(ends: tuple[float, float, float, float]) -> None:
    assert _painted(lambda p: p.line(*ends, "#D2D6DC", 0.6)) == _api(lambda s: _api_line(s, *ends, "#D2D6DC", 0.6))


@pytest.mark.parametrize("center", [False, True])
def test_timeline_texts(center: bool) -> None:
    args = (5.0, 6.5, 80.25, 18.2, "1917 <Oct> & more", 13.7, "#1A1A1A")
    assert _painted(lambda p: p.text(*args, center=center)) == _api(lambda s: _api_text(s, *args, center))


def test_timeline_group_extents_are_python_pptx_s() -> None:
    """The group python-pptx would make (add_group_shape, extents recalculated)."""
    from handouts.source.loader import load_source
    from handouts.timeline.model import build_timeline
    from tests.conftest import CONTENT

    slide = _blank_slide()
    timeline = build_timeline(load_source(CONTENT[0]), LAYOUT)
    deck_timeline.draw_timeline(slide, 457200, 1524000, 11277600, 4800600, timeline, LAYOUT)
    group = slide.shapes[0]
    ours = _canonical(group._element.grpSpPr)
    group._element.recalculate_extents()
    assert _canonical(group._element.grpSpPr) == ours
    assert group.name == "Timeline" and group.shape_id == 2
    assert [s.shape_id for s in group.shapes] == list(range(3, 3 + len(group.shapes)))


# -- slides and notes slides copied from prototypes (deck_copies) ----------------
def _members(prs) -> dict[str, bytes]:
    import io
    import zipfile

    from handouts.render.deck.package import write_package

    with zipfile.ZipFile(io.BytesIO(write_package(prs))) as deck:
        return {name: deck.read(name) for name in deck.namelist()}


def test_copied_slides_and_notes_are_python_pptx_s() -> None:
    """Slides and notes slides made by deck_copies: the same parts, part names,
    relationships and bytes as python-pptx's add_slide and notes_slide."""
    from handouts.render.deck.copies import NotesSlides, SlideCopies

    notes = [["First line", "", "Third & <last>"], ["Only one"], [], ["Bell \x07 rings"]]
    api, ours = Presentation(), Presentation()
    copies, notes_slides = SlideCopies(ours), NotesSlides()
    for i, lines in enumerate(notes * 2):
        kind = (0, 5, 5, 1)[i % 4]
        slide = api.slides.add_slide(api.slide_layouts[kind])
        frame = slide.notes_slide.notes_text_frame
        frame.text = "\n".join(lines)
        for paragraph in frame.paragraphs:
            for run in paragraph.runs:
                run._r.get_or_add_rPr().set("lang", "de")
        notes_slides.add(copies.add(ours.slide_layouts[kind]), lines, "de")
    assert _members(ours) == _members(api)


def test_place_and_format_frame_are_python_pptx_s() -> None:
    """deck_text's place and format_frame write what python-pptx's setters do,
    on a fresh placeholder and again on one already set."""
    from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE

    from handouts.render.deck.fit import Insets
    from handouts.render.deck.text import Box, format_frame, place

    prs = Presentation()
    api, ours = (prs.slides.add_slide(prs.slide_layouts[5]).shapes.title for _ in range(2))
    for box, insets, anchor in ((Box(10.5, 20, 300.25, 40), Insets(), "bottom"),
                                (Box(1, 2, 3, 4), Insets(7.2, 3.6, 7.2, 3.6), "middle")):
        api.left, api.top, api.width, api.height = (pt_to_emu(v) for v in (box.left, box.top, box.width, box.height))
        frame = api.text_frame
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        frame.margin_left, frame.margin_right = Pt(insets.left), Pt(insets.right)
        frame.margin_top, frame.margin_bottom = Pt(insets.top), Pt(insets.bottom)
        frame.vertical_anchor = {"bottom": MSO_ANCHOR.BOTTOM, "middle": MSO_ANCHOR.MIDDLE}[anchor]
        place(ours, box)
        format_frame(ours.text_frame, insets, anchor)
        assert etree.tostring(ours._element.spPr) == etree.tostring(api._element.spPr)
        assert etree.tostring(ours._element.txBody) == etree.tostring(api._element.txBody)


# -- the overview table (deck_table) ------------------------------------------------
def _api_table(w, slide, rows, widths, style) -> None:
    """The overview table through python-pptx's API: the reference for deck_table._draw."""
    from pptx.enum.text import MSO_ANCHOR

    from handouts.render.deck.fit import TextStyle
    from handouts.render.deck.table import CELL, NO_STYLE, _height, cell_colors
    from handouts.render.deck.text import write

    colors = w.colors
    heights = [_height(rows[0], widths, TextStyle(style.font, style.size, True))] + \
              [_height(r, widths, style) for r in rows[1:]]
    area = w.body
    frame = slide.shapes.add_table(len(rows), len(widths), pt_to_emu(area.left), pt_to_emu(area.top),
                                   pt_to_emu(sum(widths)), pt_to_emu(sum(heights)))
    frame.name = "Comparison table"
    table = frame.table
    table.first_row, table.horz_banding, table.first_col = True, False, False
    table._tbl.tblPr.find("{http://schemas.openxmlformats.org/drawingml/2006/main}tableStyleId").text = NO_STYLE
    for i, width in enumerate(widths):
        table.columns[i].width = pt_to_emu(width)
    for r, height in enumerate(heights):
        table.rows[r].height = pt_to_emu(height)
    for r, row in enumerate(rows):
        for c, paragraphs in enumerate(row):
            cell = table.cell(r, c)
            fill, color = cell_colors(w, r, c)
            cell.fill.solid()
            cell.fill.fore_color.rgb = _rgb(fill)
            cell.margin_left, cell.margin_right = Pt(CELL.left), Pt(CELL.right)
            cell.margin_top, cell.margin_bottom = Pt(CELL.top), Pt(CELL.bottom)
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE if r == 0 else MSO_ANCHOR.TOP
            write(cell.text_frame, paragraphs, TextStyle(style.font, style.size, r == 0 or c == 0), color,
                  w.language, link_color=colors.link)


def test_overview_table_is_python_pptx_s() -> None:
    from handouts.render.context import RenderContext
    from handouts.render.deck.writer import DeckWriter
    from handouts.render.deck.table import _draw
    from handouts.source.loader import load_source
    from tests.conftest import CONTENT

    rows = [[[""], ["Lenin"], ["Stalin"]],
            [["Born"], ["1870, see [Simbirsk](https://example.org/s)"], ["1878", "Gori & <Tiflis>"]],
            [["Died"], ["1924"], ["1953 [a](https://example.org/a) [b](https://example.org/b)"]]]
    widths = [100.0, 250.5, 250.5]
    slides = []
    for draw in (_api_table, _draw):
        w = DeckWriter(load_source(CONTENT[0]), LAYOUT, RenderContext(CONTENT[0]))
        slide = w.new_slide("Overview")
        draw(w, slide, rows, widths, w.style("body", 15))
        slides.append(slide)
    api, ours = slides
    assert _canonical(ours._element) == _canonical(api._element)
    assert ours.part.rels.xml == api.part.rels.xml


# -- the package writer (deck_package) -------------------------------------------------
def test_package_is_python_pptx_s_restamped() -> None:
    """write_package gives exactly the bytes of python-pptx's save re-zipped by
    zipfile with fixed times: same members, order, content, headers; also when
    the deflate cache answers (the second and third time)."""
    import io

    from handouts.render.deck.base import fix_zip_times
    from handouts.render.deck.package import write_package
    from handouts.render.deck.writer import render_deck
    from handouts.render.context import RenderContext
    from handouts.source.loader import load_source
    from tests.conftest import CONTENT

    model = load_source(CONTENT[0])
    deck = render_deck(model, LAYOUT, RenderContext(CONTENT[0]))
    prs = Presentation(io.BytesIO(deck))  # hyperlinks, pictures, notes: everything a deck has
    prs.slides[1].shapes.title.text_frame.paragraphs[0].runs[0].hyperlink.address = "https://example.org/?a=1&b=\"2\""
    saved = io.BytesIO()
    prs.save(saved)
    expected = fix_zip_times(saved.getvalue())
    for _ in range(3):
        assert write_package(prs) == expected


# -- the base presentation, deep-copied (deck_base.default_presentation) -------------
def _inner_references(obj) -> list[str]:
    """Paths of python-pptx objects reachable from ``obj`` that hold an XML element
    which is not the root of its tree (a deep copy would detach it)."""
    seen: set[int] = set()
    found: list[str] = []

    def walk(o, path: str) -> None:
        if id(o) in seen or isinstance(o, (str, bytes, int, float, type(None), type)):
            return
        seen.add(id(o))
        if isinstance(o, etree._Element):
            if o.getparent() is not None:
                found.append(path)
        elif isinstance(o, dict):
            for key, value in o.items():
                walk(value, f"{path}[{key!r}]")
        elif isinstance(o, (list, tuple, set)):
            for i, value in enumerate(o):
                walk(value, f"{path}[{i}]")
        else:
            for key, value in getattr(o, "__dict__", {}).items():
                walk(value, f"{path}.{key}")

    walk(obj, "prs")
    return found


def test_default_presentation_copies_are_safe_and_equal(monkeypatch) -> None:
    from handouts.render.context import RenderContext
    from handouts.render.deck import base as deck_base
    from handouts.render.deck.writer import render_deck
    from handouts.source.loader import load_source
    from tests.conftest import CONTENT

    fresh = Presentation()
    fresh.slide_width, fresh.slide_height = deck_base.SLIDE_SIZES_EMU["16:9"]
    assert _inner_references(fresh) == []
    model = load_source(CONTENT[0])
    copied = [render_deck(model, LAYOUT, RenderContext(CONTENT[0])) for _ in range(2)]

    def opened(aspect: str):
        prs = Presentation()
        prs.slide_width, prs.slide_height = deck_base.SLIDE_SIZES_EMU[aspect]
        return prs

    monkeypatch.setattr(deck_base, "default_presentation", opened)
    assert copied == [render_deck(model, LAYOUT, RenderContext(CONTENT[0]))] * 2


def test_decorative_rectangle_is_marked_as_mark_decorative_does() -> None:
    from handouts.render.deck.a11y import is_decorative, mark_decorative
    from handouts.render.deck.text import Box, rectangle

    slide = _blank_slide()
    slide.shapes.turbo_add_enabled = True
    ours = rectangle(slide, Box(1, 2, 3, 4), "#1F3A5F", name="Accent bar")
    marked = rectangle(slide, Box(1, 2, 3, 4), "#1F3A5F", name="Accent bar")
    for ext_list in marked._element.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}extLst"):
        ext_list.getparent().remove(ext_list)
    mark_decorative(marked)
    marked._element.nvSpPr.cNvPr.set("id", str(ours.shape_id))
    assert is_decorative(ours)
    assert etree.tostring(ours._element) == etree.tostring(marked._element)
