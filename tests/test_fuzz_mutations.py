"""Property-based (issue 21): random edits of the bundled sources and layouts -- a deleted
or doubled line, a stray character, a tab, an alias, broken quoting -- never give a traceback
or a hang, only a located message (or a valid file). What ``check`` and a layout load run."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handouts.cli.checking import check_one
from handouts.errors import HandoutsError
from handouts.layout.loader import builtin_dir
from handouts.layout.resolve import resolve_layout
from tests.conftest import CONTENT

SOURCES = [p.read_text(encoding="utf-8") for p in CONTENT]
LAYOUTS = [p.read_text(encoding="utf-8") for p in sorted(builtin_dir().glob("*.yaml"))]
EXAMPLES = int(os.environ.get("HANDOUTS_FUZZ_EXAMPLES", "60"))  # CI: modest; e.g. 2000 for a local hunt
DEBRIS = [
    ":",
    ": ",
    "- ",
    "\t",
    "  ",
    "&a ",
    "*a",
    "[",
    "]",
    "{",
    "}",
    '"',
    "'",
    "#",
    ",",
    "!!",
    "|",
    ">",
    "\x00",
    "\x85",
    "\u2066",
    "\u200b",
    "😀",
    "Ж",
    "%",
    "@",
    "`",
    "\\",
    "~",
    "null",
    "1917-13-45",
    "-1e999",
]


@st.composite
def mutated(draw, texts: list[str]) -> str:
    lines = draw(st.sampled_from(texts)).splitlines()
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "double", "insert", "indent", "dedent", "cut"]))
        if action == "delete":
            del lines[i]
        elif action == "double":
            lines.insert(i, lines[i])
        elif action == "insert":
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + draw(st.sampled_from(DEBRIS)) + lines[i][at:]
        elif action == "indent":
            lines[i] = "  " + lines[i]
        elif action == "dedent":
            lines[i] = lines[i].lstrip()
        else:
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
    return "\n".join(lines) + "\n"


def _problems_are_located(problems) -> None:  # noqa: ANN001 - list[Problem]
    for problem in problems:
        assert problem.message and problem.file is not None, problem


@settings(max_examples=EXAMPLES, deadline=10_000, suppress_health_check=[HealthCheck.too_slow])
@given(mutated(SOURCES))
def test_mutated_sources_give_located_messages(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "topic.yaml"
        path.write_text(text, encoding="utf-8")
        checked = check_one(path)  # raises nothing: a traceback fails the test
        _problems_are_located(checked.errors + checked.warnings)
        assert checked.errors or checked.summary


@settings(max_examples=max(EXAMPLES * 2 // 3, 1), deadline=10_000, suppress_health_check=[HealthCheck.too_slow])
@given(mutated(LAYOUTS))
def test_mutated_layouts_give_located_messages(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mine.yaml"
        path.write_text(text, encoding="utf-8")
        try:
            resolve_layout(str(path))
        except HandoutsError as exc:
            assert exc.problems and all(p.message for p in exc.problems)
