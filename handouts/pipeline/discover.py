"""Turn command-line inputs (files, folders, globs) into build jobs whose
outputs mirror the input tree under ``--out``."""

from __future__ import annotations

import glob
from dataclasses import dataclass
from pathlib import Path

from handouts.errors import HandoutsError, Problem
from handouts.source.loader import SOURCE_SUFFIXES

EXAMPLE_NAME = "lenin-vs-stalin.yaml"
DEFAULT_FOLDER = "content"  # what `handouts build` with no argument builds, when it exists
LAYOUTS_FOLDER = "layouts"  # searched for layouts by name (see handouts.layout.loader)


@dataclass(frozen=True)
class Job:
    """One source and the folder (relative to ``--out``) its outputs go to."""

    source: Path
    subdir: Path = Path()


def bundled_example() -> Path:
    """The example source: packaged in the wheel, or the checkout's ``content/``."""
    here = Path(__file__).resolve().parents[1]  # the handouts package
    for folder in (here / "examples", here.parent / "content"):
        if (folder / EXAMPLE_NAME).is_file():
            return folder / EXAMPLE_NAME
    raise HandoutsError.single(
        "the bundled example is missing from this installation", hint="pass a source file: handouts build my-topic.yaml"
    )


def discover(inputs: list[str]) -> list[Job]:
    """Expand inputs in order, without duplicates; a missing input is an error."""
    if not inputs:
        if Path(DEFAULT_FOLDER).is_dir():  # the folder the README's quick start makes
            return discover([DEFAULT_FOLDER])
        return [Job(bundled_example())]
    jobs: dict[Path, Job] = {}
    problems: list[Problem] = []
    for text in inputs:
        path = Path(text)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if _is_source(p, path))
            for source in found:
                jobs.setdefault(source.resolve(), Job(source, source.parent.relative_to(path)))
            if not found:
                problems.append(Problem("no .yaml, .yml or .json sources in this folder", file=path))
        elif path.is_file():
            jobs.setdefault(path.resolve(), Job(path))
        elif glob.has_magic(text):
            base = _glob_base(text)
            matches = sorted(
                Path(p)
                for p in glob.glob(text, recursive=True)
                if Path(p).is_file() and Path(p).suffix.lower() in SOURCE_SUFFIXES
            )
            for source in matches:
                jobs.setdefault(source.resolve(), Job(source, source.parent.relative_to(base)))
            if not matches:
                problems.append(Problem(f"the pattern {text!r} matches no source files"))
        elif path.exists():  # a pipe or a device: reading it could block or never end
            problems.append(
                Problem(
                    "expected a source file but this is a device or a pipe, not a regular file",
                    file=path,
                    hint="save the text to a .yaml file and pass that",
                )
            )
        else:
            problems.append(Problem("no such file or folder", file=path, hint="check the path"))
    if problems:
        raise HandoutsError(problems)
    return list(jobs.values())


def _is_source(path: Path, folder: Path) -> bool:
    """Whether a file found in ``folder`` is a source: not hidden, and not one of the
    files the README has teachers keep beside their sources (``handouts.schema.json``
    for their editor, layouts in a ``layouts/`` folder)."""
    parts = path.relative_to(folder).parts
    return (
        path.suffix.lower() in SOURCE_SUFFIXES
        and not path.name.lower().endswith(".schema.json")
        and not any(part.startswith(".") for part in parts)
        and LAYOUTS_FOLDER not in parts[:-1]
        and path.is_file()
    )


def _glob_base(pattern: str) -> Path:
    """The folder part of a glob before its first wildcard."""
    parts = Path(pattern).parts
    base: list[str] = []
    for part in parts:
        if glob.has_magic(part):
            break
        base.append(part)
    return Path(*base) if base else Path()
