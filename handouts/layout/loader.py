"""Find layouts: by name along a search path, or by path; and load them.

The search path is ``--layouts-dir``, then ``./layouts``, then the built-ins
(the repository's ``layouts/`` folder, packaged into the wheel as
``handouts/builtin_layouts``). Resolving ``extends:``, merging and ``--set``
live in :mod:`.resolve`; colour and size checks in :mod:`.checks`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from handouts.errors import LayoutError

DEFAULT_LAYOUT = "classic"
SUFFIXES = (".yaml", ".yml")


def builtin_dir() -> Path:
    """Where the built-in layouts live (installed wheel, or the source checkout)."""
    packaged = Path(__file__).resolve().parent.parent / "builtin_layouts"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent.parent / "layouts"


def search_path(layouts_dir: Path | None = None) -> list[Path]:
    """``--layouts-dir``, then ``./layouts``, then the built-ins (no duplicates)."""
    paths = [Path(layouts_dir)] if layouts_dir else []
    paths += [Path.cwd() / "layouts", builtin_dir()]
    unique: list[Path] = []
    for path in paths:
        if path.resolve() not in [p.resolve() for p in unique]:
            unique.append(path)
    return unique


def origin_label(folder: Path, layouts_dir: Path | None = None) -> str:
    """How ``handouts layouts`` names a folder of the search path."""
    folder = folder.resolve()
    if folder == builtin_dir().resolve():
        return "built-in"
    if layouts_dir and folder == Path(layouts_dir).resolve():
        return f"--layouts-dir {layouts_dir}"
    if folder == (Path.cwd() / "layouts").resolve():
        return "./layouts"
    return str(folder)


def is_path(name: str) -> bool:
    """A layout written as a file path rather than a name."""
    return Path(name).suffix in SUFFIXES or "/" in name or "\\" in name


def find_layout(
    name: str, layouts_dir: Path | None = None, *, relative_to: Path | None = None, skip: Iterable[Path] = ()
) -> Path:
    """The file for a layout name or path; raise naming what is available and where it looked.

    A path is taken relative to ``relative_to`` (the folder of the layout that names it) or the
    current folder. ``skip`` lets ``layouts/classic.yaml`` say ``extends: classic`` and get the
    built-in it shadows instead of itself.
    """
    if is_path(name):
        candidate = Path(name).expanduser()
        if relative_to is not None and not candidate.is_absolute():
            candidate = relative_to / candidate
        if candidate.is_file():
            return candidate
        raise LayoutError.single(
            f"the layout file {str(candidate)!r} does not exist",
            key="layout",
            hint="give a layout name (see `handouts layouts`) or a path to a .yaml file",
        )
    skipped = {p.resolve() for p in skip}
    looked = search_path(layouts_dir)
    for folder in looked:
        for suffix in SUFFIXES:
            path = folder / f"{name}{suffix}"
            if path.is_file() and path.resolve() not in skipped:
                return path
    available = sorted(available_layouts(layouts_dir))
    raise LayoutError.single(
        f"unknown layout {name!r}; available: {', '.join(available) or 'none'}",
        key="layout",
        hint="looked in: " + ", ".join(str(p) for p in looked),
    )


def available_layouts(layouts_dir: Path | None = None) -> dict[str, Path]:
    """Every layout name found on the search path (earlier folders win)."""
    found: dict[str, Path] = {}
    for folder in search_path(layouts_dir):
        if folder.is_dir():
            for path in sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.is_file()):
                found.setdefault(path.stem, path)
    return found
