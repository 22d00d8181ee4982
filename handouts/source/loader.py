"""Load a comparison source: read the file, validate, cross-check, normalise.

Every problem in a file is reported at once, each located in the file. The
same loader serves ``check`` and ``build``.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from handouts.errors import Problem, SourceError
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
    model, problems = validate(Comparison, doc)
    if model is None:
        raise SourceError(problems)
    problems = cross_check(model, doc)
    if problems:
        raise SourceError(problems)
    return normalise(model)


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
                "use a mapping by subject id to leave a subject out, e.g. {" + f"{ids[0]}: ..." + "}",
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
    return problems


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
