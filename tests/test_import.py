"""`handouts import`: a teacher's spreadsheet or notes become a source that checks and builds
unchanged; broken files get located messages and a non-zero exit, never a traceback."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handouts.cli import app
from handouts.errors import HandoutsError
from handouts.importers import import_source
from handouts.layout.resolve import load_layout
from handouts.source.loader import load_source
from tests.conftest import build_one
from tests.html_checks import parse, structure_problems, text_of

ALL = ["handout", "timeline", "deck", "html"]


def _import(runner, *args: str):  # noqa: ANN202 - a click Result
    result = runner.invoke(app, ["import", *args])
    assert "Traceback" not in result.output
    return result


def _checks_and_builds(runner, source: Path, tmp_path: Path) -> None:
    """What the teacher does next: `handouts check`, then build every output."""
    result = runner.invoke(app, ["check", str(source)])
    assert result.exit_code == 0, result.output
    built = build_one(source, tmp_path / "out", ALL, load_layout("classic"))
    assert built.problems == [], built.problems
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith(".")) == sorted(
        f"{source.stem}{s}" for s in (".deck.pptx", ".handout.pdf", ".html", ".timeline.pdf")
    )
    assert structure_problems(parse((tmp_path / "out" / f"{source.stem}.html").read_bytes())) == []


def test_csv_with_a_timeline_file(runner, tmp_path: Path) -> None:
    table = tmp_path / "greece.csv"
    table.write_text(
        "\ufeffAttribute;Athens;Sparta\nGovernment;Democracy;Oligarchy, two kings\nArmy;Navy;\nMotto: yes;no;3.10\n",
        encoding="utf-8",
    )  # a byte-order mark and semicolons, as a European Excel saves it
    events = tmp_path / "events.csv"
    events.write_text(
        "Date,Label,Subject,End,Note\n490 BC,Marathon,athens,,The Persians are beaten\n"
        "431 BC,Peloponnesian War,,404 BC,\nc. 480 BC,Thermopylae,Sparta,,\n",
        encoding="utf-8",
    )
    result = _import(runner, str(table), "--timeline", str(events), "--title", "Athens vs. Sparta")
    assert result.exit_code == 0, result.output
    source = tmp_path / "greece.yaml"
    assert result.output.strip() == f"wrote {source}"
    text = source.read_text(encoding="utf-8")
    assert text.startswith("# Imported from greece.csv by `handouts import`.")
    model = load_source(source)
    assert model.title == "Athens vs. Sparta"
    assert [s.name for s in model.subjects] == ["Athens", "Sparta"]
    assert [(r.label, r.cells()) for r in model.table] == [
        ("Government", ["Democracy", "Oligarchy, two kings"]),
        ("Army", ["Navy", None]),
        ("Motto: yes", ["no", "3.10"]),  # text stays text
    ]
    assert [(e.label, str(e.date or e.start), e.subject) for e in model.timeline] == [
        ("Marathon", "490 BC", "athens"),
        ("Peloponnesian War", "431 BC", None),
        ("Thermopylae", "c. 480 BC", "sparta"),
    ]
    assert str(model.timeline[1].end) == "404 BC" and model.timeline[0].detail == "The Persians are beaten"
    _checks_and_builds(runner, source, tmp_path)


def _workbook(path: Path) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Lenin and Stalin"
    for row in (
        [None, "Lenin", "Stalin"],
        ["Born", dt.datetime(1870, 4, 22), dt.date(1878, 12, 18)],  # real dates
        ["Years in power", 7, 29.0],  # numbers
        ["Was General Secretary", False, True],
        [],  # a blank row is skipped
        ["Party", "Bolshevik", "Bolshevik"],
    ):
        sheet.append(row)
    timeline = book.create_sheet("Timeline")
    for row in (
        ["date", "label", "subject", "end", "note"],
        [dt.datetime(1917, 11, 7), "October Revolution", "Lenin", None, "Petrograd"],
        [1928, "First Five-Year Plan", "Stalin", 1932.0, None],  # years as numbers
        ["c. 1924", "Lenin dies", "lenin", None, None],
        ["44 BC", "Caesar is killed (for scale)", None, None, None],  # a BC date can only be text
    ):
        timeline.append(row)
    book.create_sheet("Similarities").append(["Both led the Communist Party."])
    sections = book.create_sheet("Sections")
    sections.append(["heading", "body"])
    sections.append(["Leadership", "Lenin argued.\n\nStalin ruled."])
    book.save(path)
    return path


def test_xlsx_dates_as_numbers_real_dates_and_bc_text(runner, tmp_path: Path) -> None:
    workbook = _workbook(tmp_path / "soviet.xlsx")
    result = _import(runner, str(workbook), "-o", str(tmp_path / "leaders.yaml"))
    assert result.exit_code == 0, result.output
    source = tmp_path / "leaders.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    assert data["title"] == "Lenin and Stalin"  # from the sheet's name
    assert [row["values"] for row in data["table"]] == [
        ["22 Apr 1870", "18 Dec 1878"],
        ["7", "29"],
        ["no", "yes"],
        ["Bolshevik", "Bolshevik"],
    ]
    assert [e.get("date") or e.get("start") for e in data["timeline"]] == ["1917-11-07", "1928", "c. 1924", "44 BC"]
    assert data["timeline"][1]["end"] == "1932"
    assert data["similarities"] == ["Both led the Communist Party."]
    assert data["sections"] == [{"heading": "Leadership", "body": "Lenin argued.\n\nStalin ruled.\n"}]
    model = load_source(source)
    assert model.timeline[3].date.year == -44
    _checks_and_builds(runner, source, tmp_path)


NOTES = """\
# Athens and Sparta

Two city-states, two ways of life.

| | Athens | Sparta |
|---|---|---|
| Government | Democracy | **Oligarchy** |
| Army | Navy | |

## Daily life

Citizens met in the *agora*.

### Athens

The Assembly met on the Pnyx.

### Sparta

Boys trained in the agoge.

## Timeline

- 490 BC — Marathon (Athens)
  The Persians are beaten.
- 431–404 BC — Peloponnesian War
- c. 480 BC — Thermopylae (Sparta)

## Similarities

- Both were Greek.
- Both fought Persia.

## Sources

- [Herodotus, Histories](https://example.org/herodotus)
- Thucydides
"""


def test_markdown_notes(runner, tmp_path: Path) -> None:
    notes = tmp_path / "greece.md"
    notes.write_text(NOTES, encoding="utf-8")
    result = _import(runner, str(notes))
    assert result.exit_code == 0, result.output
    model = load_source(tmp_path / "greece.yaml")
    assert model.title == "Athens and Sparta"
    assert model.summary == "Two city-states, two ways of life."
    assert [(r.label, r.cells()) for r in model.table] == [
        ("Government", ["Democracy", "**Oligarchy**"]),
        ("Army", ["Navy", None]),
    ]
    [section] = model.sections
    assert (section.heading, section.body) == ("Daily life", "Citizens met in the *agora*.")
    assert section.by_subject == {"athens": "The Assembly met on the Pnyx.", "sparta": "Boys trained in the agoge."}
    assert [(e.label, e.subject, e.detail) for e in model.timeline] == [
        ("Marathon", "athens", "The Persians are beaten."),
        ("Peloponnesian War", None, None),
        ("Thermopylae", "sparta", None),
    ]
    span = model.timeline[1]
    assert (str(span.start), str(span.end)) == ("431 BC", "404 BC")
    assert model.similarities == ["Both were Greek.", "Both fought Persia."]
    assert [(s.title, s.url) for s in model.sources] == [
        ("Herodotus, Histories", "https://example.org/herodotus"),
        ("Thucydides", None),
    ]
    _checks_and_builds(runner, tmp_path / "greece.yaml", tmp_path)
    page = parse((tmp_path / "out" / "greece.html").read_bytes())
    assert text_of(page.find(".//h1")) == "Athens and Sparta"


BROKEN = [
    # (file name, content, extra files, where the message points, what it says)
    ("ragged.csv", ",A,B\nx,1,2,3\n", {}, "ragged.csv:2:4:", "names only 3 columns"),
    ("short.csv", ",A,B\nx,1\n", {}, "short.csv:2:3:", "this row has 2 cells; the first row has 3"),
    ("empty-header.csv", ",A,,C\nx,1,2,3\n", {}, "empty-header.csv:1:3:", "column C has no subject name"),
    ("twice.csv", ",Lenin,Stalin,lenin\nx,1,2,3\n", {}, "twice.csv:1:4:", "'lenin' is named twice (columns B and D)"),
    ("one.csv", ",Lenin\nx,1\n", {}, "one.csv:1:", "needs 2 to 8"),
    ("nolabel.csv", ",A,B\n,1,2\n", {}, "nolabel.csv:2:1:", "no label in column A"),
    ("binary.csv", "\x00\x01\x02PK", {}, "binary.csv:", "this is a binary file"),
    ("empty.csv", "\n\n", {}, "empty.csv:", "the sheet is empty"),
    (
        "dates.csv",
        ",A,B\nx,1,2\n",
        {"--timeline": ("tl.csv", "date,label\n1917,Fine\n7/11/1917,Bad\nyear 0,Worse\n")},
        "tl.csv:3:1:",
        "'7/11/1917' is not a date",
    ),
    (
        "who.csv",
        ",A,B\nx,1,2\n",
        {"--timeline": ("tl.csv", "date,label,subject\n1917,Fine,C\n")},
        "tl.csv:2:3:",
        "'C' is not one of the subjects",
    ),
    (
        "columns.csv",
        ",A,B\nx,1,2\n",
        {"--timeline": ("tl.csv", "when,label\n1917,Fine\n")},
        "tl.csv:1:1:",
        "unknown column 'when'",
    ),
    ("notable.md", "# Title\n\nJust prose.\n", {}, "notable.md:1:", "no comparison table"),
    ("twice.md", "# T\n\n| | A | a |\n|---|---|---|\n| x | 1 | 2 |\n", {}, "twice.md:3:", "'a' is named twice"),
    (
        "baddate.md",
        "| | A | B |\n|---|---|---|\n| x | 1 | 2 |\n\n## Timeline\n\n- 1917 — Fine\n- soon — Bad\n",
        {},
        "baddate.md:8:",
        "'soon' is not a date",
    ),
    ("notes.txt", "hello", {}, "notes.txt:", "cannot import .txt"),
    ("extra.md", NOTES, {"--timeline": ("tl.csv", "date,label\n")}, "extra.md:", "--timeline goes with a spreadsheet"),
    ("fake.xlsx", "not a zip", {}, "fake.xlsx:", "cannot read this workbook"),
]


@pytest.mark.parametrize(("name", "content", "extra", "where", "says"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_files_get_located_messages(runner, tmp_path: Path, name, content, extra, where, says) -> None:  # noqa: ANN001
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8"))
    args = [str(path)]
    for option, (other, text) in extra.items():
        (tmp_path / other).write_text(text, encoding="utf-8")
        args += [option, str(tmp_path / other)]
    result = _import(runner, *args)
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"error: {tmp_path}/{where}" in result.output and says in result.output, result.output
    assert "hint:" in result.output
    assert not path.with_suffix(".yaml").exists()


def test_never_overwrites(runner, tmp_path: Path) -> None:
    table = tmp_path / "greece.csv"
    table.write_text(",Athens,Sparta\nArmy,Navy,Hoplites\n", encoding="utf-8")
    target = tmp_path / "greece.yaml"
    target.write_text("mine", encoding="utf-8")
    result = _import(runner, str(table))
    assert result.exit_code == 1 and "already exists; not overwriting it" in result.output
    assert target.read_text(encoding="utf-8") == "mine"


cells = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(cells, min_size=1, max_size=5), min_size=1, max_size=6))
def test_any_csv_imports_or_is_refused_with_a_location(tmp_path: Path, grid: list[list[str]]) -> None:
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer).writerows(grid)
    path = tmp_path / "random.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    target = tmp_path / "random.yaml"
    try:
        text = import_source(path, target)
    except HandoutsError as exc:
        assert all(p.file is not None and p.message for p in exc.problems)
        return
    target.write_text(text, encoding="utf-8")
    load_source(target)  # what import accepts, check accepts unchanged
    target.unlink()


def test_broken_workbook_cells_are_located(runner, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in ([None, "Lenin", None, "lenin"], ["Born", 1870, 1, 1878]):
        sheet.append(row)
    timeline = book.create_sheet("Timeline")
    for row in (["date", "label"], [dt.time(9, 30), "A time, not a date"], [1917.5, "Half a year"]):
        timeline.append(row)
    path = tmp_path / "broken.xlsx"
    book.save(path)
    result = _import(runner, str(path))
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert lines == [
        f"error: {path}:1:3: column C has no subject name in the first row",
        f"error: {path}:1:4: the subject 'lenin' is named twice (columns B and D)",
        f"error: {path}:2:1: 09:30 is a time of day, not a date",
        f"error: {path}:3:1: 1917.5 is not a whole year",
    ]
