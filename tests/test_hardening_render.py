"""Hardening on the renderers' side (issue 21): their messages name the
source's key paths the way the loader does (list items counted from 1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from handouts.errors import HandoutsError
from handouts.layout.resolve import load_layout
from handouts.pipeline.outputs import OUTPUTS
from handouts.render.context import RenderContext
from handouts.source.loader import load_source

TWO_PICTURES = """\
title: Athens vs. Sparta
subjects:
  - name: Athens
  - name: Sparta
    image: sparta.jpg
    image_alt: A Spartan helmet
"""


@pytest.mark.parametrize("kind", ["handout", "deck", "html"])
def test_a_broken_picture_is_named_by_its_key_path_from_one(tmp_path: Path, kind: str) -> None:
    from PIL import Image

    Image.new("RGB", (40, 30), "red").save(tmp_path / "sparta.jpg")
    source = tmp_path / "greece.yaml"
    source.write_text(TWO_PICTURES)
    model, layout, context = load_source(source), load_layout("classic"), RenderContext(source_path=source)
    (tmp_path / "sparta.jpg").write_bytes(b"\xff\xd8\xff\xe0 not a jpeg")  # replaced after loading (watch)
    with pytest.raises(HandoutsError) as info:
        OUTPUTS[kind].renderer()(model, layout, context)
    problem = info.value.first
    assert problem.key == "subjects[2].image", problem  # the second subject, as `check` says
    assert "cannot read the picture" in problem.message


def test_a_missing_alt_is_counted_from_one(tmp_path: Path) -> None:
    from PIL import Image

    Image.new("RGB", (40, 30), "red").save(tmp_path / "sparta.jpg")
    source = tmp_path / "greece.yaml"
    source.write_text(TWO_PICTURES.replace("    image_alt: A Spartan helmet\n", ""))
    context = RenderContext(source_path=source)
    OUTPUTS["deck"].renderer()(load_source(source), load_layout("classic"), context)
    assert [w.key for w in context.warnings if w.key.startswith("subjects")] == ["subjects[2].image_alt"]
