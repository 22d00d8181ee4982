"""The loader turns files into models, and every bad input into a located message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from handouts.errors import SourceError
from handouts.source.loader import load_source
from tests.conftest import CONTENT, MINIMAL


@pytest.mark.parametrize("path", CONTENT, ids=lambda p: p.name)
def test_bundled_sources_load(path: Path) -> None:
    model = load_source(path)
    assert len(model.subjects) >= 2
    assert model.table and model.sections and model.timeline
    for row in model.table:
        assert len(row.cells()) == len(model.subjects)


def test_text_stays_text(write) -> None:
    path = write(
        MINIMAL
        + """\
subtitle: no
table:
  - label: yes
    values: [3.10, 1917-11-07]
  - label: "null"
    values: null
similarities: [<b>&amp;</b>]
"""
    )
    model = load_source(path)
    assert model.subtitle == "no"
    assert model.table[0].label == "yes"
    assert model.table[0].cells() == ["3.10", "1917-11-07"]
    assert model.table[1].cells() == ["null", "null"]
    assert model.similarities == ["<b>&amp;</b>"]


def test_value_forms_normalise(write) -> None:
    model = load_source(
        write(
            MINIMAL
            + """\
table:
  - {label: list, values: [a, b]}
  - {label: map, values: {sparta: s}}
  - {label: shared, values: both}
"""
        )
    )
    assert [r.cells() for r in model.table] == [["a", "b"], [None, "s"], ["both", "both"]]
    assert [s.id for s in model.subjects] == ["athens", "sparta"]


def test_json_source(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text(
        json.dumps(
            {
                "title": "T",
                "subjects": [{"name": "A"}, {"name": "B"}],
                "timeline": [{"date": "490 BC", "label": "Marathon"}],
            }
        )
    )
    model = load_source(path)
    assert model.timeline[0].date.display() == "490 BC"


def _error(path: Path) -> SourceError:
    with pytest.raises(SourceError) as info:
        load_source(path)
    return info.value


CASES = [
    # (name, text, expected message part, expected line, expected key, expected hint part)
    ("unknown key", MINIMAL + "tabel: []\n", "unknown key 'tabel'", 5, "tabel", "did you mean 'table'?"),
    (
        "unknown nested key",
        MINIMAL + "table:\n  - label: x\n    valeus: [a, b]\n",
        "unknown key 'valeus'",
        7,
        "table[1].valeus",
        "did you mean 'values'?",
    ),
    (
        "count mismatch",
        MINIMAL + "table:\n  - label: Army\n    values: [a, b, c]\n",
        "row 'Army' has 3 values; expected 2",
        7,
        "table[1].values",
        'quote values that contain commas, e.g. ["Moscow, Russia"',
    ),
    (
        "too few values",
        MINIMAL + "table:\n  - label: Army\n    values: [a]\n",
        "row 'Army' has 1 value; expected 2",
        7,
        "table[1].values",
        "use a mapping by subject id to leave a subject out",
    ),
    (
        "unknown id in mapping",
        MINIMAL + "table:\n  - label: x\n    values: {athens: a, rome: r}\n",
        "unknown subject id 'rome'",
        7,
        "table[1].values.rome",
        "valid ids: athens, sparta",
    ),
    (
        "unknown lane",
        MINIMAL + "timeline:\n  - date: 1900\n    label: e\n    subject: rome\n",
        "unknown subject id 'rome'",
        8,
        "timeline[1].subject",
        "valid ids",
    ),
    (
        "bad date",
        MINIMAL + "timeline:\n  - date: last tuesday\n    label: e\n",
        "'last tuesday' is not a date",
        6,
        "timeline[1].date",
        None,
    ),
    (
        "end before start",
        MINIMAL + "timeline:\n  - start: 1930\n    end: 1920\n    label: e\n",
        "ends (1920) before it starts (1930)",
        7,
        "timeline[1].end",
        "swap",
    ),
    (
        "a choice misspelled",
        MINIMAL + "worksheet:\n  timeline: label\n",
        "Input should be 'labels', 'dates' or 'none'",
        6,
        "worksheet.timeline",
        "did you mean 'labels'?",
    ),
    ("one subject", "title: T\nsubjects:\n  - name: A\n", "at least 2 entries, found 1", 2, "subjects", None),
    ("missing title", "subjects:\n  - name: A\n  - name: B\n", "required key 'title' is missing", 1, "title", None),
    (
        "bad colour",
        MINIMAL + "  - name: Rome\n    color: reddish\n",
        "'reddish' is not a colour",
        6,
        "subjects[3].color",
        None,
    ),
    (
        "missing image",
        MINIMAL.replace("  - name: Sparta\n", "  - name: Sparta\n    image: pics/sparta.png\n"),
        "the image 'pics/sparta.png' was not found",
        5,
        "subjects[2].image",
        "relative to the source",
    ),
    (
        "duplicate ids",
        "title: T\nsubjects:\n  - name: A\n  - name: a\n",
        "the subject id 'a' is used twice",
        4,
        "subjects[2].name",
        None,
    ),
    ("syntax error", "title: [unclosed\nsubjects: x\n", "YAML syntax error", 2, None, "indentation"),
    ("top level list", "- a\n- b\n", "top level must be a mapping", 1, None, None),
    (
        "python tag",
        "title: !!python/object/apply:os.system [echo hi]\n",
        "tag !!python/object/apply:os.system is not allowed",
        1,
        None,
        None,
    ),
    ("duplicate key", MINIMAL + "title: again\n", "the key 'title' appears twice", 5, None, None),
    ("text expected", MINIMAL + "summary: [a, b]\n", "expected text", 5, "summary", None),
]


@pytest.mark.parametrize("name,text,message,line,key,hint", CASES, ids=[c[0] for c in CASES])
def test_error_messages(write, name, text, message, line, key, hint) -> None:
    error = _error(write(text))
    problem = next((p for p in error.problems if message in p.message), None)
    assert problem is not None, f"{message!r} not in {error}"
    assert problem.line == line
    assert problem.file is not None and Path(problem.file).name == "source.yaml"
    if key:
        assert problem.key == key
    if hint:
        assert hint in (problem.hint or "")
    assert str(error).startswith(f"{problem.file}:")


def test_every_problem_reported_at_once(write) -> None:
    error = _error(write(MINIMAL + "tabel: []\nsumary: x\n"))
    assert [p.key for p in error.problems] == ["tabel", "sumary"]


@pytest.mark.parametrize(
    "raw,message",
    [
        (b"", "empty"),
        (b"# only a comment\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", "binary"),
        (b"title: caf\xe9\n", "not valid UTF-8"),
    ],
)
def test_unreadable_files(tmp_path: Path, raw: bytes, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(raw)
    assert message in str(_error(path))


def test_missing_file(tmp_path: Path) -> None:
    assert "no such source file" in str(_error(tmp_path / "nope.yaml"))


def test_oversized_file(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"title: x\nsummary: " + b"a" * (5 * 1024 * 1024 + 10) + b"\n")
    assert "the limit is 5 MB" in str(_error(path))


def test_billion_laughs_is_bounded(write) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    error = _error(write("\n".join(lines) + "\n"))
    assert "expands to more than" in str(error)
