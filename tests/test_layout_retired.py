"""Retired layout keys: an old layout that still writes one stays valid, the
value is ignored, and the build says so once, at the file and line."""

from __future__ import annotations

from pathlib import Path

from handouts.cli import app
from handouts.layout.models import RETIRED, TimelineLabels
from handouts.layout.resolve import resolve_layout
from tests.sources import ATHENS

OLD = """\
extends: classic
timeline:
  labels:
    shared: Common
    empty: Keine Daten
"""


def test_timeline_labels_empty_is_gone_from_the_model_and_the_builtins() -> None:
    assert "empty" not in TimelineLabels.model_fields
    assert ("timeline", "labels", "empty") in RETIRED
    assert resolve_layout("classic").warnings == []


def test_an_old_layout_with_the_retired_key_stays_valid_and_is_warned_about(tmp_path: Path) -> None:
    path = tmp_path / "old.yaml"
    path.write_text(OLD, encoding="utf-8")
    resolved = resolve_layout(str(path))
    assert resolved.layout.timeline.labels.shared == "Common", "the rest of the layout is read"
    (warning,) = resolved.warnings
    assert warning.key == "timeline.labels.empty" and warning.line == 5 and Path(warning.file) == path
    assert "ignored" in warning.message and "delete" in (warning.hint or "")


def test_a_set_of_the_retired_key_is_warned_about_too() -> None:
    (warning,) = resolve_layout("classic", overrides=["timeline.labels.empty=x"]).warnings
    assert warning.key == "timeline.labels.empty"


def test_build_prints_the_warning_once_and_succeeds(tmp_path: Path, runner, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "old.yaml").write_text(OLD, encoding="utf-8")
    (tmp_path / "athens.yaml").write_text(ATHENS, encoding="utf-8")
    result = runner.invoke(app, ["build", "athens.yaml", "--to", "timeline", "--layout", "old.yaml", "-j", "1"])
    assert result.exit_code == 0, result.output
    assert result.output.count("timeline.labels.empty is no longer used") == 1, result.output
    assert (tmp_path / "out" / "athens.timeline.pdf").is_file()
