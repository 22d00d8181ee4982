"""Resolve a layout: follow ``extends:``, merge, apply ``--set``, validate, check.

Every file in the chain is validated on its own first, so an unknown key or a
bad value in an inherited file is reported at that file's line. Merging keeps
an :class:`Origins` map (key path -> file and line, or the ``--set``), so later
checks (contrast, sizes, assets) point to where a value was written.
Mappings merge key by key; any other value (lists included) replaces.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from handouts.errors import LayoutError, Problem
from handouts.layout.checks import check_layout
from handouts.layout.loader import DEFAULT_LAYOUT, find_layout, is_path
from handouts.layout.models import RETIRED, Layout
from handouts.layout.origins import Origin, Origins
from handouts.layout.overrides import Override, parse_overrides
from handouts.layout.templates import template_problem
from handouts.source.validation import data_path, to_problem, validate
from handouts.source.yamlread import Document, Path_, ReadError, read_document

# Keys that name files; a relative path is relative to the layout file that wrote it.
ASSET_KEYS: dict[Path_, tuple[str, ...]] = {("deck", "template"): (".pptx", ".potx")}
# Keys that describe one file and are not inherited.
OWN_KEYS = ("name", "description", "extends")


@dataclass
class Resolved:
    """A loaded layout plus how it was made (for ``layouts show`` and error locations)."""

    layout: Layout
    chain: list[Path]  # the named file first, then what it extends
    origins: Origins
    warnings: list[Problem] = field(default_factory=list)  # retired keys: accepted, ignored, named here

    @property
    def path(self) -> Path:
        return self.chain[0]


def resolve_layout(
    name: str = DEFAULT_LAYOUT, layouts_dir: Path | None = None, overrides: Iterable[str] = ()
) -> Resolved:
    """Find ``name``, follow its ``extends`` chain, merge, apply overrides, validate and check."""
    sets = parse_overrides(list(overrides))
    docs = read_chain(name, layouts_dir)
    problems: list[Problem] = []
    for doc in reversed(docs):  # parents first, as a reader would fix them
        problems += validate(Layout, doc)[1]
    if problems:
        raise LayoutError(problems)
    data, origins = merge(docs, sets)
    problems = resolve_assets(data, origins)
    if problems:
        raise LayoutError(problems)
    layout = validate_merged(data, origins)
    problems = check_layout(layout, origins)
    if problems:
        raise LayoutError(problems)
    return Resolved(layout, [doc.file for doc in docs], origins, retired_keys(docs, sets))


def retired_keys(docs: list[Document], sets: list[Override]) -> list[Problem]:
    """A warning for each key of :data:`RETIRED` a file or ``--set`` still
    writes: the layout stays valid, the value is ignored, the user is told."""
    found = []
    for path, why in RETIRED.items():
        key = ".".join(path)
        hint = f"delete `{path[-1]}:` from this layout; {why}"
        for doc in docs:
            value: Any = doc.data
            for part in path:
                value = value.get(part) if isinstance(value, dict) else None
            if value is not None:
                line, column = doc.locate(path)
                found.append(Problem(f"{key} is no longer used and is ignored", doc.file, line, column, key, hint))
        for override in sets:
            if override.path == path:
                found.append(Problem(f"{key} is no longer used and is ignored", override.label, None, None, key, why))
    return found


def read_chain(name: str, layouts_dir: Path | None = None) -> list[Document]:
    """The named layout's document, then its parent's, and so on; a cycle is an error."""
    docs = [_read(find_layout(name, layouts_dir))]
    while True:
        doc = docs[-1]
        parent = doc.data.get("extends")
        if parent is None:
            return docs
        line, column = doc.locate(("extends",))
        if not isinstance(parent, str) or not parent.strip():
            raise LayoutError.single(
                "expected the name of a layout or a path to one", file=doc.file, line=line, column=column, key="extends"
            )
        try:
            path = find_layout(
                parent.strip(), layouts_dir, relative_to=doc.file.parent, skip=[doc.file] if not is_path(parent) else []
            )
        except LayoutError as exc:
            beside = next(
                (
                    doc.file.parent / f"{parent.strip()}{s}"
                    for s in (".yaml", ".yml")
                    if (doc.file.parent / f"{parent.strip()}{s}").is_file()
                ),
                None,
            )
            raise LayoutError(
                [
                    replace(
                        p,
                        file=doc.file,
                        line=line,
                        column=column,
                        key="extends",
                        hint=f"for the file beside this one write `extends: ./{beside.name}`"
                        if beside and not is_path(parent)
                        else p.hint,
                    )
                    for p in exc.problems
                ]
            ) from None
        seen = [d.file.resolve() for d in docs]
        if path.resolve() in seen:
            loop = [d.file.stem for d in docs[seen.index(path.resolve()) :]] + [path.stem]
            raise LayoutError.single(
                f"extends cycle: {' -> '.join(loop)}",
                file=doc.file,
                line=line,
                column=column,
                key="extends",
                hint="a layout cannot inherit from itself; remove one of these `extends:`",
            )
        docs.append(_read(path))


def _read(path: Path) -> Document:
    try:
        return read_document(path, "layout")
    except ReadError as exc:
        raise LayoutError([exc.problem]) from None


def merge(docs: list[Document], overrides: list[Override]) -> tuple[dict[str, Any], Origins]:
    """Deep-merge the chain (parent first) and the overrides; track where each value came from."""
    data: dict[str, Any] = {}
    origins = Origins()
    leaf = docs[0]
    for rank, doc in enumerate(reversed(docs)):
        own = {k: v for k, v in doc.data.items() if k not in OWN_KEYS or doc is leaf}
        positions = {p: Origin(doc.file, line, column, rank=rank) for p, (line, column) in doc.positions.items()}
        _merge_into(data, own, (), origins, positions)
    origins.entries[()] = Origin(leaf.file, 1, 1, rank=len(docs) - 1)
    data.setdefault("name", leaf.file.stem)
    for rank, override in enumerate(overrides, start=len(docs)):
        _merge_into(data, override.as_data(), (), origins, {})
        _mark_all(override.path, override.value, origins, Origin(via=override.label, rank=rank))
    return data, origins


def _merge_into(
    target: dict[str, Any], source: dict[str, Any], prefix: Path_, origins: Origins, positions: dict[Path_, Origin]
) -> None:
    for key, value in source.items():
        path = prefix + (key,)
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            if path in positions:
                origins.entries.setdefault(path, positions[path])
            _merge_into(target[key], value, path, origins, positions)
            continue
        target[key] = copy.deepcopy(value)
        below = {p: o for p, o in positions.items() if p[: len(path)] == path}
        origins.replace_under(path, below)


def _mark_all(path: Path_, value: Any, origins: Origins, origin: Origin) -> None:
    """Every key an override wrote is located at that override."""
    origins.entries[path] = origin
    if isinstance(value, dict):
        for key, inner in value.items():
            _mark_all(path + (key,), inner, origins, origin)
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            _mark_all(path + (i,), inner, origins, origin)


def resolve_assets(data: dict[str, Any], origins: Origins) -> list[Problem]:
    """Make asset paths absolute, relative to the file that wrote them; they must exist."""
    problems: list[Problem] = []
    for path, suffixes in ASSET_KEYS.items():
        parent: Any = data
        for part in path[:-1]:
            parent = parent.get(part) if isinstance(parent, dict) else None
        if not isinstance(parent, dict) or not isinstance(parent.get(path[-1]), str):
            continue
        origin = origins.locate(path)
        base = origin.file.parent if origin.file else Path.cwd()
        target = (base / Path(parent[path[-1]]).expanduser()).resolve()
        key = ".".join(map(str, path))
        if target.suffix.lower() not in suffixes:
            problems.append(origin.problem(key, f"{parent[path[-1]]!r} is not a {' or '.join(suffixes)} file"))
        elif not target.is_file():
            problems.append(
                origin.problem(
                    key,
                    f"the file {parent[path[-1]]!r} was not found (looked for {target})",
                    "paths in a layout are relative to the layout file that names them",
                )
            )
        elif (problem := template_problem(target)) is not None:
            problems.append(origin.problem(key, *problem))
        parent[path[-1]] = str(target)
    return problems


def validate_merged(data: dict[str, Any], origins: Origins) -> Layout:
    """Validate the merged data; problems point to where each value was written."""
    try:
        return Layout.model_validate(data)
    except ValidationError as exc:
        doc = Document(data, Path("layout"))
        problems = []
        for error in exc.errors(include_url=False):
            path = data_path(data, error["loc"])
            origin = origins.locate(path)
            problem = to_problem(Layout, doc, path, error)
            problems.append(
                replace(
                    problem, file=origin.file, line=origin.line, column=origin.column, key=origin.via or problem.key
                )
            )
        raise LayoutError(problems) from None


def load_layout(
    name: str | Path = DEFAULT_LAYOUT, layouts_dir: Path | None = None, overrides: Iterable[str] = ()
) -> Layout:
    """Resolve a layout name or path (with ``extends`` and ``--set`` overrides) into a
    validated :class:`Layout`; raise :class:`LayoutError` with every located problem."""
    return resolve_layout(str(name), layouts_dir, overrides).layout
