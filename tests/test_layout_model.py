"""The layout model loads and validates like a source: located messages."""

from __future__ import annotations

import pytest

from handouts.errors import LayoutError
from handouts.layout.resolve import load_layout


def test_classic_resolves() -> None:
    layout = load_layout("classic")
    assert layout.page.size == "a4"
    width, height = layout.page.dimensions()
    assert (round(width), round(height)) == (595, 842)
    assert layout.page.margins.left == pytest.approx(16 * 72 / 25.4)


def test_layout_errors_are_located(write) -> None:
    path = write("page:\n  sise: a4\n  margins: {top: 2 furlongs}\ncolors:\n  text: blackish\n", "mine.yaml")
    with pytest.raises(LayoutError) as info:
        load_layout(str(path))
    text = str(info.value)
    assert f"{path}:2:3: page.sise: unknown key 'sise'" in text and "did you mean 'size'?" in text
    assert "page.margins.top" in text and "is not a length" in text
    assert f"{path}:5:3: colors.text: 'blackish' is not a colour" in text
