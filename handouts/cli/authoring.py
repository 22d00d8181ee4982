"""Commands that write a source for the teacher to fill in or check: ``new``
(a commented starter), ``import`` (from a spreadsheet or notes), ``schema``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from handouts.cli.output import fail, user_errors
from handouts.cli.params import SubjectNames


def new(
    names: SubjectNames,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", metavar="FILE", help="File to write (default: <a>-vs-<b>.yaml).")
    ] = None,
) -> None:
    """Write a commented starter source that a teacher can fill in."""
    from handouts.source.models import MAX_SUBJECTS, slugify
    from handouts.source.starter import starter_source

    if not 2 <= len(names) <= MAX_SUBJECTS:
        fail(f"give 2 to {MAX_SUBJECTS} subject names, got {len(names)}")
    names = [" ".join(n.split()) for n in names]
    if any(not n for n in names) or len({n.casefold() for n in names}) < len(names):
        fail("subject names must be non-empty and different from each other")
    target = output or Path("-vs-".join(slugify(n) for n in names) + ".yaml")
    if target.exists():
        fail(f"{target}: already exists; not overwriting it\n  hint: choose another name with -o")
    try:
        with target.open("x", encoding="utf-8") as handle:
            handle.write(starter_source(names, target.name))
    except OSError as exc:
        fail(f"{target}: cannot write: {exc.strerror}")
    typer.echo(f"wrote {target}")


def import_(
    file: Annotated[
        Path,
        typer.Argument(metavar="FILE", help="A spreadsheet (.csv, .xlsx) or Markdown notes (.md) to import."),
    ],
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", metavar="FILE", help="Source to write (default: the file's name with .yaml)."),
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", metavar="TEXT", help="The title (default: the sheet's or file's name).")
    ] = None,
    timeline: Annotated[
        Path | None,
        typer.Option("--timeline", metavar="CSV", help="A CSV of events: date, label, subject, end, note."),
    ] = None,
    sections: Annotated[
        Path | None, typer.Option("--sections", metavar="CSV", help="A CSV of sections: heading, body.")
    ] = None,
) -> None:
    """Write a commented source from a spreadsheet or Markdown notes (never overwrites)."""
    from handouts.importers import import_source, write_new

    target = output or file.with_suffix(".yaml")
    with user_errors():
        write_new(target, import_source(file, target, title, timeline, sections))
    typer.echo(f"wrote {target}")


def schema() -> None:
    """Print the JSON Schema of the source format (for editor autocompletion)."""
    import json

    from handouts.source.models import Comparison

    document = Comparison.model_json_schema()
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    document["title"] = "handouts comparison source"
    typer.echo(json.dumps(document, indent=2, ensure_ascii=False))
