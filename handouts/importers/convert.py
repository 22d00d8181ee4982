"""From a file's suffix to a checked source text, and saving it without overwriting."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from handouts.errors import HandoutsError, SourceError
from handouts.importers.csvread import read_csv, read_text
from handouts.importers.draft import Draft, Problems
from handouts.importers.grid import Grid, read_comparison
from handouts.importers.markdown import read_markdown
from handouts.importers.sheets import read_events, read_list, read_sections
from handouts.importers.writer import write_source


def _fill(draft: Draft, grids: dict[str, Grid], problems: Problems) -> Draft:
    """The comparison sheet first (it names the subjects the timeline refers to), then the rest."""
    draft.subjects, draft.rows = read_comparison(grids["comparison"], problems)
    if "timeline" in grids:
        draft.events = read_events(grids["timeline"], draft.subjects, problems)
    if "sections" in grids:
        draft.sections = read_sections(grids["sections"], problems)
    if "similarities" in grids:
        draft.similarities = read_list(grids["similarities"])
    return draft


def _title(path: Path) -> str:
    """ "lenin-vs-stalin" -> "Lenin vs stalin": a start the teacher edits (or sets with --title)."""
    words = path.stem.replace("-", " ").replace("_", " ").strip() or "comparison"
    return words[0].upper() + words[1:]


def _from_csv(path: Path, title: str | None, extra: dict[str, Path]) -> Draft:
    grids = {"comparison": read_csv(path)}
    problems = Problems(path)
    draft = Draft(path.name, title or _title(path))
    _fill(draft, grids, problems)
    problems.raise_any()
    for part, other in extra.items():  # each extra file reports its own problems at its own rows
        more = Problems(other)
        _fill_part(draft, part, read_csv(other), more)
        more.raise_any()
    return draft


def _fill_part(draft: Draft, part: str, grid: Grid, problems: Problems) -> None:
    if part == "timeline":
        draft.events = read_events(grid, draft.subjects, problems)
    elif part == "sections":
        draft.sections = read_sections(grid, problems)


def _from_xlsx(path: Path, title: str | None, extra: dict[str, Path]) -> Draft:
    from handouts.importers.xlsxread import read_workbook

    grids, sheet_title = read_workbook(path)
    problems = Problems(path)
    draft = _fill(Draft(path.name, title or sheet_title or _title(path)), grids, problems)
    problems.raise_any()
    for part, other in extra.items():
        more = Problems(other)
        _fill_part(draft, part, read_csv(other), more)
        more.raise_any()
    return draft


def _from_markdown(path: Path, title: str | None, extra: dict[str, Path]) -> Draft:
    if extra:
        raise SourceError.single(
            f"--{next(iter(extra))} goes with a spreadsheet import",
            file=path,
            hint="in Markdown, write the timeline as a list under '## Timeline' and sections as '## Headings'",
        )
    problems = Problems(path)
    draft = read_markdown(path, read_text(path), title, problems)
    problems.raise_any()
    return draft


READERS: dict[str, Callable[[Path, str | None, dict[str, Path]], Draft]] = {
    ".csv": _from_csv,
    ".tsv": _from_csv,
    ".xlsx": _from_xlsx,
    ".xlsm": _from_xlsx,
    ".md": _from_markdown,
    ".markdown": _from_markdown,
}


def import_source(
    path: Path, target: Path, title: str | None = None, timeline: Path | None = None, sections: Path | None = None
) -> str:
    """The checked source text for ``path``; raises :class:`SourceError` with located problems."""
    from handouts.source.loader import source_from_document
    from handouts.source.yamlread import parse_document

    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise SourceError.single(
            f"cannot import {path.suffix or 'a file without a suffix'}",
            file=path,
            hint=f"import one of: {', '.join(READERS)}",
        )
    extra = {part: p for part, p in (("timeline", timeline), ("sections", sections)) if p is not None}
    draft = reader(path, title, extra)
    text = write_source(draft, target.name)
    try:  # what we write must load; if not, say so rather than save a broken file
        source_from_document(parse_document(text.encode("utf-8"), target))
    except HandoutsError as exc:
        raise SourceError(exc.problems) from None
    return text


def write_new(target: Path, text: str) -> None:
    """Save ``text`` as a new file; never replace one that exists."""
    try:
        with target.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise SourceError.single(
            "already exists; not overwriting it", file=target, hint="choose another name with -o"
        ) from None
    except OSError as exc:
        raise SourceError.single(f"cannot write: {exc.strerror}", file=target) from None
