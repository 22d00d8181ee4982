"""Shared fixtures: the repository root, the bundled sources, a CLI runner."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from handouts.layout.loader import available_layouts

ROOT = Path(__file__).resolve().parent.parent
CONTENT = sorted((ROOT / "content").glob("*.yaml"))
LAYOUTS = sorted(available_layouts())  # every layout on the search path: the built-ins


def needs(*tools: str) -> pytest.MarkDecorator:
    """Skip a test when an outside program it runs is missing, with the reason;
    under CI (``CI`` set, where .ci/run installs them) a missing one fails instead."""
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if missing and os.environ.get("CI"):
        raise RuntimeError(f"CI must install {', '.join(missing)} (see .ci/run)")
    return pytest.mark.skipif(bool(missing), reason=f"needs {', '.join(missing)} (installed by .ci/run)")


def build_one(source: Path, out: Path, kinds: list[str], layout):  # noqa: ANN001, ANN201 - a Layout; a Result
    """Build one source into ``out`` in this process, by the path `handouts build` takes."""
    from handouts.pipeline.batch import build
    from handouts.pipeline.discover import Job

    [result] = build([Job(Path(source))], out, kinds, layout, workers=1, force=True)
    return result


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def write(tmp_path: Path):
    """Write text to a file in a temporary folder and return its path."""

    def _write(text: str, name: str = "source.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return _write


MINIMAL = """\
title: Athens vs. Sparta
subjects:
  - name: Athens
  - name: Sparta
"""
