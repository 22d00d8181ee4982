"""A layout must leave room to print on: margins that swallow the page or the
slide are refused at load time, located, instead of failing in a renderer."""

from __future__ import annotations

import pytest

from handouts.cli import app
from tests.conftest import CONTENT


@pytest.mark.parametrize(
    "setting, message",
    [
        ("page.margins.left=400mm", "the page margins leave 0 pt of text width; at least 216 pt"),
        ("page.margins.top=-5mm", "'-5mm' is out of range: it must be at least 0"),
        ("deck.margin=400", "leave 0 pt for a slide's content"),
        ("deck.gap=300", "gap (300 pt)"),
        ("deck.sizes.heading=200", "title size (200 pt)"),
    ],
)
def test_layout_without_room_is_refused(runner, tmp_path, setting: str, message: str) -> None:
    result = runner.invoke(app, ["build", str(CONTENT[0]), "--out", str(tmp_path), "-j", "1", "--set", setting])
    assert result.exit_code == 1, result.output
    assert f"--set {setting}: " in result.output and message in result.output
    assert "internal error" not in result.output and not list(tmp_path.iterdir())


def test_oversized_timeline_labels_are_a_clean_error(runner, tmp_path) -> None:
    result = runner.invoke(
        app,
        [
            "build",
            str(CONTENT[0]),
            "--out",
            str(tmp_path),
            "-j",
            "1",
            "--to",
            "timeline",
            "--set",
            "timeline.label_size=60",
        ],
    )
    assert result.exit_code == 1
    assert "could not be laid out" in result.output or "does not fit" in result.output
    assert "internal error" not in result.output
