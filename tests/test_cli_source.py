"""`check`, `new` and `schema` as a teacher runs them: exit codes and messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from handouts.cli import app
from handouts.source.loader import load_source
from tests.conftest import CONTENT, MINIMAL, ROOT


def test_check_bundled_sources(runner) -> None:
    result = runner.invoke(app, ["check", *map(str, CONTENT)])
    assert result.exit_code == 0, result.output
    assert result.output.count("ok: ") == len(CONTENT)


def test_check_reports_every_file(runner, write) -> None:
    good = write(MINIMAL, "good.yaml")
    bad = write(MINIMAL + "tabel: []\n", "bad.yaml")
    result = runner.invoke(app, ["check", str(good), str(bad)])
    assert result.exit_code == 1
    assert f"error: {bad}:5:1: tabel: unknown key 'tabel'" in result.output
    assert "hint: did you mean 'table'?" in result.output
    assert f"ok: {good}" in result.output
    assert "1 of 2 sources invalid" in result.output


def test_check_never_tracebacks_on_garbage(runner, tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(bytes(range(256)) * 4)
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "error:" in result.output


def test_new_writes_a_valid_source_and_refuses_to_overwrite(runner, tmp_path: Path) -> None:
    target = tmp_path / "greece.yaml"
    result = runner.invoke(app, ["new", "Athens", "Sparta", "Thebes", "-o", str(target)])
    assert result.exit_code == 0, result.output
    model = load_source(target)
    assert [s.name for s in model.subjects] == ["Athens", "Sparta", "Thebes"]
    assert "#" in target.read_text()  # commented for the teacher
    before = target.read_bytes()
    again = runner.invoke(app, ["new", "Athens", "Sparta", "-o", str(target)])
    assert again.exit_code == 1 and "already exists" in again.output
    assert target.read_bytes() == before


def test_new_needs_two_names(runner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["new", "Athens", "-o", str(tmp_path / "x.yaml")])
    assert result.exit_code == 1 and "2 to 8 subject names" in result.output


def test_schema_is_json_schema(runner) -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert {"title", "subjects", "table", "timeline"} <= set(schema["properties"])
    assert "title" in schema["required"]


def test_help_does_not_import_renderers() -> None:
    code = (
        "import sys; sys.argv=['handouts','--help']\n"
        "from handouts import cli\n"
        "try:\n    cli.app()\nexcept SystemExit:\n    pass\n"
        "heavy=[m for m in ('reportlab','pptx','pydantic','babel') if m in sys.modules]\n"
        "print('HEAVY', heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT).stdout
    assert "HEAVY []" in out


def test_python_dash_m(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "handouts", "check", str(CONTENT[0])], capture_output=True, text=True, cwd=ROOT
    )
    assert proc.returncode == 0 and "ok:" in proc.stdout


def test_check_a_folder(runner, tmp_path: Path) -> None:
    (tmp_path / "unit" / "week1").mkdir(parents=True)
    (tmp_path / "unit" / "week1" / "a.yaml").write_text(MINIMAL)
    (tmp_path / "unit" / "b.yaml").write_text(MINIMAL + "tabel: []\n")
    (tmp_path / "empty").mkdir()
    result = runner.invoke(app, ["check", str(tmp_path / "unit"), str(tmp_path / "empty")])
    assert result.exit_code == 1
    assert "ok: " in result.output and "a.yaml" in result.output
    assert "unknown key 'tabel'" in result.output
    assert "no .yaml, .yml or .json sources in this folder" in result.output
    assert "2 of 3 sources invalid" in result.output


def test_new_refuses_blank_or_repeated_names(runner, tmp_path: Path) -> None:
    for names in (["", " "], ["Athens", "athens"]):
        target = tmp_path / "x.yaml"
        result = runner.invoke(app, ["new", *names, "-o", str(target)])
        assert result.exit_code == 1 and "non-empty and different" in result.output
        assert not target.exists()


def test_check_a_glob(runner) -> None:
    result = runner.invoke(app, ["check", str(ROOT / "content" / "*.yaml")])
    assert result.exit_code == 0 and result.output.count("ok: ") == len(CONTENT)
