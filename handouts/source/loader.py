"""Load a comparison source: read the file, validate, cross-check, normalise.

Every problem in a file is reported at once, each located in the file. The
same loader serves ``check`` and ``build``.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from handouts.errors import Problem, SourceError
from handouts.render.pictures import PICTURE_HINT, picture_problem
from handouts.source.models import Comparison, slugify
from handouts.source.validation import dotted, validate
from handouts.source.yamlread import Document, ReadError, read_document

SOURCE_SUFFIXES = (".yaml", ".yml", ".json")


def load_source(path: Path | str) -> Comparison:
    """Load and validate one source file; raise :class:`SourceError` with every problem."""
    path = Path(path)
    try:
        doc = read_document(path, "source")
    except ReadError as exc:
        raise SourceError([exc.problem]) from None
    return source_from_document(doc)


def source_from_document(doc: Document) -> Comparison:
    """Validate an already-read document (batch workers receive the bytes, not the file)."""
    model, problems = source_problems(doc)
    if model is None:
        raise SourceError(problems)
    return model


def source_problems(doc: Document) -> tuple[Comparison | None, list[Problem]]:
    """The model (if valid) and every independent problem, in line order.

    When some entries are invalid, the cross checks (ids, value counts, dates,
    pictures) still run on the others, so one ``check`` shows everything instead
    of the next problem only after the first is fixed."""
    model, problems = validate(Comparison, doc)
    if model is None:
        salvaged = _salvage(doc, problems)
        if salvaged is not None:
            problems += [p for p in cross_check(salvaged, doc) if p not in problems]
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        return None, problems
    problems = cross_check(model, doc)
    if problems:
        return None, problems
    return normalise(model), []


# A valid stand-in for an invalid entry: it keeps every other entry at its index (and so at
# its line) and gives no problem of its own. Subjects are never stood in for: every cross
# check is about them.
_STAND_INS: dict[str, object] = {
    "table": {"label": "-", "values": "-"},
    "sections": {"heading": "-"},
    "timeline": {"label": "-", "date": "2000"},
    "similarities": "-",
    "sources": "-",
}


def _salvage(doc: Document, problems: list[Problem]) -> Comparison | None:
    """The document's valid part as a model (invalid entries stood in for), or None."""
    data = doc.data
    if not isinstance(data, dict):
        return None
    data = dict(data)
    for path in _problem_paths(doc, problems):
        field = path[0] if path else None
        if field in _STAND_INS and len(path) >= 2 and isinstance(data.get(field), list):
            data[field] = list(data[field])
            data[field][path[1]] = _STAND_INS[field]
        elif field in ("subjects", None):
            return None
        elif field == "title":
            data["title"] = "-"
        else:
            data.pop(field, None)
    try:
        return Comparison.model_validate(data)
    except ValueError:  # pydantic's ValidationError: not salvageable after all
        return None


def _problem_paths(doc: Document, problems: list[Problem]) -> list[tuple]:
    """The data paths the problems are about (from their keys: ``table[3].values`` -> ("table", 2, ...))."""
    import re

    paths = []
    for problem in problems:
        if not problem.key:
            paths.append(())
            continue
        parts: list[str | int] = []
        for name, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", problem.key):
            parts.append(int(index) - 1 if index else name)
        paths.append(tuple(parts))
    return paths


def cross_check(model: Comparison, doc: Document) -> list[Problem]:
    """Checks that span several fields: ids, value counts, lanes, spans, images."""
    problems: list[Problem] = []

    def add(path: tuple, message: str, hint: str | None = None) -> None:
        line, column = doc.locate(path)
        problems.append(Problem(message, doc.file, line, column, dotted(path), hint))

    ids: list[str] = []
    for i, subject in enumerate(model.subjects):
        sid = subject.id or slugify(subject.name)
        if sid in ids:
            add(
                ("subjects", i, "id" if subject.id else "name"),
                f"the subject id {sid!r} is used twice",
                "give each subject a unique `id:`",
            )
        ids.append(sid)
    valid = ", ".join(ids)
    count = len(model.subjects)

    for i, row in enumerate(model.table):
        if isinstance(row.values, list) and len(row.values) != count:
            add(
                ("table", i, "values"),
                f"row {row.label!r} has {len(row.values)} value{'s' * (len(row.values) != 1)}; "
                f"expected {count}, one per subject ({valid})",
                _count_hint(len(row.values), count, ids),
            )
        elif isinstance(row.values, dict):
            for key in row.values:
                if key not in ids:
                    add(("table", i, "values", key), f"unknown subject id {key!r}", f"valid ids: {valid}")

    for i, section in enumerate(model.sections):
        for key in section.by_subject or {}:
            if key not in ids:
                add(("sections", i, "by_subject", key), f"unknown subject id {key!r}", f"valid ids: {valid}")

    for i, event in enumerate(model.timeline):
        if event.subject is not None and event.subject not in ids:
            add(
                ("timeline", i, "subject"),
                f"unknown subject id {event.subject!r}",
                f"valid ids: {valid}; leave `subject:` out for an event shared by all",
            )
        if event.date is None and event.start is None:
            add(
                ("timeline", i),
                f"the event {event.label!r} has no date",
                "give `date:` for a point in time, or `start:` and `end:` for a span",
            )
        elif event.date is not None and (event.start or event.end):
            add(("timeline", i), "give either `date:` or `start:`/`end:`, not both")
        elif event.end is not None and event.start is None:
            add(("timeline", i, "end"), "`end:` needs a `start:`")
        elif event.start is not None and event.end is None:
            add(("timeline", i, "start"), "`start:` needs an `end:`", "for a single point in time use `date:`")
        elif event.start and event.end and event.end < event.start:
            add(
                ("timeline", i, "end"),
                f"the span ends ({event.end}) before it starts ({event.start})",
                "swap start and end",
            )

    check_worksheet(model, add)

    base = doc.file.parent
    for i, subject in enumerate(model.subjects):
        if subject.image:
            target = base / subject.image
            if not target.is_file():
                add(
                    ("subjects", i, "image"),
                    f"the image {subject.image!r} was not found (looked for {target})",
                    "image paths are relative to the source file",
                )
            elif (problem := picture_problem(target)) is not None:  # from the header: `check` sees it too
                add(("subjects", i, "image"), f"{subject.image!r}: {problem}", PICTURE_HINT)
    return problems


def _count_hint(found: int, expected: int, ids: list[str]) -> str:
    """Too many values almost always means a comma inside an unquoted value."""
    if found > expected:
        return (
            "a comma inside a value splits it in two: quote values that contain commas, "
            'e.g. ["Moscow, Russia", "Tbilisi, Georgia"]'
        )
    return "use a mapping by subject id to leave a subject out, e.g. {" + f"{ids[0]}: ..." + "}"


def check_worksheet(model: Comparison, add) -> None:  # noqa: ANN001 - cross_check's add
    """``worksheet.blank`` names rows of the table: a label that is not there is
    a typo, reported with the closest label (problems go through ``add``)."""
    blank = model.worksheet.blank if model.worksheet else None
    if not isinstance(blank, list):
        return
    labels = [row.label for row in model.table]
    for i, label in enumerate(blank):
        if label in labels:
            continue
        close = difflib.get_close_matches(label, labels, n=1, cutoff=0.5)
        hint = (f"did you mean {close[0]!r}? " if close else "") + (
            f"the table's rows are: {', '.join(labels)}" if labels else "the source has no `table:` rows to blank"
        )
        add(("worksheet", "blank", i), f"{label!r} is not a row label of the table", hint + '; or write "all"')


def normalise(model: Comparison) -> Comparison:
    """Fill subject ids and turn every row's values into one entry per subject."""
    ids = model.subject_ids()
    for subject, sid in zip(model.subjects, ids):
        subject.id = sid
    for row in model.table:
        if isinstance(row.values, str):
            row.values = [row.values] * len(ids)
        elif isinstance(row.values, dict):
            row.values = [row.values.get(sid) for sid in ids]
        row.values = [v if v else None for v in row.values]
    return model
