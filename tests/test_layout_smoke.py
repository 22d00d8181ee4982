"""Every bundled source x every built-in layout x every output builds to a non-empty file."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from handouts.layout import load_layout
from handouts.layout.loader import builtin_dir
from handouts.pipeline.outputs import OUTPUTS, output_name
from handouts.source.loader import load_source
from tests.conftest import CONTENT, build_one

BUILTIN_LAYOUTS = sorted(p.stem for p in builtin_dir().glob("*.yaml"))


@cache
def _layout(name: str):
    return load_layout(name)


def test_there_is_something_to_smoke() -> None:
    assert len(CONTENT) >= 2 and len(BUILTIN_LAYOUTS) >= 5


@pytest.mark.parametrize("kind", sorted(OUTPUTS))
@pytest.mark.parametrize("layout_name", BUILTIN_LAYOUTS)
@pytest.mark.parametrize("source", CONTENT, ids=lambda p: p.stem)
def test_build_every_source_layout_and_kind(source: Path, layout_name: str, kind: str, tmp_path: Path) -> None:
    result = build_one(source, tmp_path, [kind], _layout(layout_name))
    if kind == "timeline" and len(load_source(source).timeline) < 2:  # nothing to draw: no file, one warning
        assert not result.problems and result.written == [] and result.omitted == [output_name(source, kind)]
        assert [w.key for w in result.warnings] == ["timeline"]
        return
    assert not result.problems and len(result.written) == 1
    written = tmp_path / result.written[0]
    assert written.name == f"{source.stem}{OUTPUTS[kind].suffix}"
    assert written.is_file() and written.stat().st_size > 0
