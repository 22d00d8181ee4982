"""The command line's shared parameters, each with a readable placeholder.

Typer prints an argument's type in ``--help`` (``SOURCE <list[str]>``); the
element types below exist so that placeholder says what to type instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


class SourcePath(str):
    """One source argument as typed: a file, a folder or a glob (kept as text:
    globs are expanded by discovery, not by the shell)."""


class SubjectName(str):
    """One subject's name, as typed."""


SourcePath.__name__ = "path|glob"  # what --help prints for the type
SubjectName.__name__ = "name"

SourcesArgument = Annotated[
    list[SourcePath],
    typer.Argument(metavar="SOURCE", parser=SourcePath, help="Source files (.yaml, .yml or .json), folders or globs."),
]
BuildSources = Annotated[
    list[SourcePath] | None,
    typer.Argument(
        metavar="SOURCE",
        parser=SourcePath,
        help="Source files, folders (searched recursively) or globs; none builds the bundled example.",
        show_default=False,
    ),
]
SubjectNames = Annotated[
    list[SubjectName],
    typer.Argument(metavar="NAME", parser=SubjectName, help="The subjects to compare, e.g. Athens Sparta."),
]
ToOption = Annotated[
    str,
    typer.Option(
        "--to",
        metavar="KINDS",
        help="Outputs, comma-separated: handout, timeline, deck, html, worksheet, answers, organizer, cards.",
    ),
]
LayoutOption = Annotated[str, typer.Option("--layout", metavar="NAME", help="Layout name or path to a layout .yaml.")]
LayoutsDir = Annotated[
    Path | None,
    typer.Option("--layouts-dir", metavar="DIR", help="Extra folder to look for layouts in (searched first)."),
]
SetOption = Annotated[
    list[str] | None,
    typer.Option(
        "--set",
        metavar="KEY.PATH=VALUE",
        help="Override one layout value, e.g. --set page.size=letter --set sizes.body=12 "
        "--set handout.blocks=[title,table] (repeatable; YAML flow values).",
    ),
]
