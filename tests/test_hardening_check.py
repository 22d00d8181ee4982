"""Issue 21, messages that teach: `check` shows everything in one run, in line order, with
warnings; `--json` gives the same problems structured; `--version`."""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image

from handouts import __version__
from handouts.cli import app
from tests.conftest import CONTENT

SEVERAL = """\
title: Athens vs. Sparta
subjects:
  - name: Athens
  - name: Sparta
tabel: []
table:
  - label: Army
    values: [a, b, c]
  - label: Navy
    values: [Both: big, b]
timeline:
  - label: War
    date: 1917-13-45
  - label: Peace
    subject: rome
    date: 1920
"""


def test_check_reports_every_problem_in_one_run_in_line_order(runner, write) -> None:
    path = write(SEVERAL)
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert lines == [
        f"error: {path}:5:1: tabel: unknown key 'tabel'",
        f"error: {path}:8:5: table[1].values: row 'Army' has 3 values; expected 2, one per subject (athens, sparta)",
        f"error: {path}:10:14: table[2].values[1]: expected text, not a mapping",
        f"error: {path}:13:5: timeline[1].date: '1917-13-45': month 13 is not between 1 and 12",
        f"error: {path}:15:5: timeline[2].subject: unknown subject id 'rome'",
    ]


def test_check_shows_located_warnings(runner, write, tmp_path: Path) -> None:
    Image.new("RGB", (20, 10)).save(tmp_path / "a.png")
    path = write(
        'title: "Caf\\x93e \\u2066x\\u2069"\nsubjects:\n  - name: Athens\n    image: a.png\n  - name: Sparta\n'
    )
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 0, result.output
    assert f"warning: {path}:1:1: title: contains control characters U+0093" in result.output
    assert "Windows-1252" in result.output
    assert f"warning: {path}:1:1: title: contains invisible direction marks U+2066" in result.output
    assert f"warning: {path}:3:5: subjects[1].image_alt: the picture of Athens has no image_alt" in result.output
    assert f"ok: {path}" in result.output


def test_check_json_gives_structured_problems(runner, write) -> None:
    path = write(SEVERAL)
    result = runner.invoke(app, ["check", "--json", str(path)])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["ok"] is False
    [source] = report["sources"]
    first = source["problems"][0]
    assert first == {
        "file": str(path),
        "line": 5,
        "column": 1,
        "key": "tabel",
        "message": "unknown key 'tabel'",
        "hint": first["hint"],
        "severity": "error",
    }
    assert "did you mean 'table'?" in first["hint"]
    assert [p["line"] for p in source["problems"]] == [5, 8, 10, 13, 15]


def test_build_json_gives_structured_problems(runner, write, tmp_path: Path) -> None:
    path = write("title: x\nsubjects:\n  - name: A\n")
    result = runner.invoke(app, ["build", str(path), "--json", "--to", "handout", "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    [problem] = json.loads(result.stdout)["results"][0]["problems"]
    assert problem["line"] == 2 and problem["key"] == "subjects" and problem["severity"] == "error"


def test_version(runner) -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output == f"handouts {__version__}\n"


def test_success_line_names_the_output_folder(runner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(CONTENT[0]), "--to", "handout", "-j", "1", "--out", str(out)])
    assert result.exit_code == 0 and f"1 source: 1 file written, 0 unchanged, in {out}" in result.output


def test_help_is_readable(runner) -> None:
    top = runner.invoke(app, ["--help"]).output
    commands = top.split("Commands:")[1].splitlines()
    assert all(not line.rstrip().endswith("...") for line in commands), top  # whole summaries
    build = runner.invoke(app, ["build", "--help"]).output
    assert "Usage: root build [OPTIONS] [SOURCE]..." in build or "build [OPTIONS] [SOURCE]..." in build
    assert "{sources}" not in build and "--to KINDS" in build and "--out DIR" in build
    assert "handouts build units/ --to handout,deck --out printouts" in build  # an example
    check = runner.invoke(app, ["check", "--help"]).output
    assert "check [OPTIONS] {SOURCE}..." in check and "{sources}" not in check  # typer braces what is required
    assert "SOURCE <list[path|glob]>" in check and "list[str]" not in check
    new = runner.invoke(app, ["new", "--help"]).output
    assert "NAME <list[name]>" in new and "list[str]" not in new and "-o, --output FILE" in new
    imported = runner.invoke(app, ["import", "--help"]).output
    assert "{FILE}" in imported and "--title TEXT" in imported and "--timeline CSV" in imported
    assert "<str>" not in imported and "{file}" not in imported


def test_check_warns_about_characters_the_layouts_fonts_lack_with_their_line(runner, write) -> None:
    path = write('title: "Athens \\u0f00"\nsubjects:\n  - name: Athens\n  - name: "Sparta \\U0001F9E0"\n')
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 0, result.output
    assert f"warning: {path}:1:1: title: the layout's fonts (DejaVu Serif" in result.output
    assert "cannot draw 'ༀ' (U+0F00 TIBETAN SYLLABLE OM)" in result.output
    assert f"warning: {path}:4:5: subjects[2].name: " in result.output and "U+1F9E0" in result.output
