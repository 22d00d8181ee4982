"""Every file in tests/bad/ fails with its expected message and exit code 1,
never a traceback. A file states its expectation in a first-line comment
`# expect: ...` or, where it cannot hold one, in a `.expect` file beside it."""

from __future__ import annotations

from pathlib import Path

import pytest

from handouts.cli import app

BAD = Path(__file__).parent / "bad"


def _expected(path: Path) -> str:
    sidecar = path.with_name(path.name + ".expect")
    if sidecar.exists():
        return sidecar.read_text().strip()
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# expect: "), f"{path.name} states no expectation"
    return first.removeprefix("# expect: ")


SOURCES = sorted(p for p in (BAD / "sources").iterdir() if p.suffix != ".expect")


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_bad_source(runner, path: Path, tmp_path: Path) -> None:
    for args in (["check", str(path)], ["build", str(path), "--out", str(tmp_path), "--to", "handout", "-j", "1"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 1, result.output
        assert _expected(path) in result.output
        assert str(path) in result.output
        assert "Traceback" not in result.output
        assert not list(tmp_path.glob("*.pdf"))


LAYOUTS = sorted(p for p in (BAD / "layouts").iterdir() if p.suffix != ".expect")


@pytest.mark.parametrize("path", LAYOUTS, ids=lambda p: p.name)
def test_bad_layout(runner, path: Path, tmp_path: Path) -> None:
    source = Path(__file__).parent.parent / "content" / "lenin-vs-stalin.yaml"
    for args in (
        ["layouts", "show", str(path)],
        ["build", str(source), "--layout", str(path), "--out", str(tmp_path), "-j", "1"],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 1, result.output
        assert _expected(path) in result.output
        assert "Traceback" not in result.output
        assert not list(tmp_path.iterdir())
