"""A lone source's deck rendered in a forked process beside the PDFs: the
same bytes, warnings and failures as rendering everything in order."""

from __future__ import annotations

import os

import pytest

from handouts.pipeline import render_split
from handouts.pipeline.outputs import OUTPUTS
from handouts.errors import HandoutsError
from handouts.layout.loader import load_layout
from handouts.render.context import RenderContext
from handouts.source.loader import load_source
from tests.conftest import CONTENT

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
KINDS = ["handout", "timeline", "deck"]


@pytest.fixture
def idle(monkeypatch) -> None:
    monkeypatch.setattr(render_split, "_idle_cpu", lambda: True)


def _render(model, layout):
    return lambda kind, ctx: OUTPUTS[kind].renderer()(model, layout, ctx)


def test_split_gives_the_same_bytes_and_warnings(idle, write, monkeypatch) -> None:
    delivered = []
    result = render_split._Child.result
    monkeypatch.setattr(render_split._Child, "result", lambda self: delivered.append(result(self)) or delivered[-1])
    text = CONTENT[0].read_text(encoding="utf-8").replace("title:", "title: Zeichen ✠ 𓂀", 1)
    path = write(text)
    model, layout = load_source(path), load_layout("classic")
    in_order, split = RenderContext(path), RenderContext(path)
    expected = {kind: OUTPUTS[kind].renderer()(model, layout, in_order) for kind in KINDS}
    got: dict[str, bytes] = {}
    assert render_split.can_split(KINDS)
    render_split.render_kinds(KINDS, _render(model, layout), split, got, split=True)
    assert list(got) == KINDS
    assert delivered and delivered[0] is not None  # the child rendered the deck
    assert got == expected
    assert split.warnings == in_order.warnings and split.warnings  # the glyph warnings, in order, once


def test_a_deck_failing_in_the_child_fails_as_in_order(idle, monkeypatch) -> None:
    model, layout = load_source(CONTENT[0]), load_layout("classic")
    parent = os.getpid()

    def render(kind, ctx):
        if kind == "deck":
            raise HandoutsError.single(f"deck broke in {'parent' if os.getpid() == parent else 'child'}")
        return OUTPUTS[kind].renderer()(model, layout, ctx)

    got: dict[str, bytes] = {}
    with pytest.raises(HandoutsError) as caught:
        render_split.render_kinds(KINDS, render, RenderContext(CONTENT[0]), got, split=True)
    assert caught.value.problems[0].message == "deck broke in parent"  # re-rendered here for the real error
    assert list(got) == ["handout", "timeline"]


def test_no_split_unless_the_deck_comes_last(idle) -> None:
    assert not render_split.can_split(["deck", "handout"])
    assert not render_split.can_split(["deck"])
    assert render_split.can_split(["timeline", "deck"])


def test_a_failure_here_stops_and_reaps_the_deck_process(idle) -> None:
    model, layout = load_source(CONTENT[0]), load_layout("classic")

    def render(kind, ctx):
        if kind == "timeline":
            raise HandoutsError.single("timeline broke")
        return OUTPUTS[kind].renderer()(model, layout, ctx)

    got: dict[str, bytes] = {}
    with pytest.raises(HandoutsError):
        render_split.render_kinds(KINDS, render, RenderContext(CONTENT[0]), got, split=True)
    assert list(got) == ["handout"]
    with pytest.raises(ChildProcessError):  # no child left behind, not even a zombie
        os.waitpid(-1, os.WNOHANG)
