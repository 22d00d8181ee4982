"""Find and load layouts: by name along a search path, or by path.

Layouts are validated like sources (same located messages). The built-ins
are the repository's ``layouts/`` folder, packaged into the wheel as
``handouts/builtin_layouts``.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import LayoutError
from ..validation import validate
from ..yamlread import ReadError, read_document
from .models import Layout

DEFAULT_LAYOUT = "classic"


def builtin_dir() -> Path:
    """Where the built-in layouts live (installed wheel, or the source checkout)."""
    packaged = Path(__file__).resolve().parent.parent / "builtin_layouts"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent.parent / "layouts"


def search_path(layouts_dir: Path | None = None) -> list[Path]:
    """``--layouts-dir``, then ``./layouts``, then the built-ins."""
    paths = [layouts_dir] if layouts_dir else []
    paths += [Path.cwd() / "layouts", builtin_dir()]
    unique: list[Path] = []
    for path in paths:
        if path.resolve() not in [p.resolve() for p in unique]:
            unique.append(path)
    return unique


def find_layout(name: str, layouts_dir: Path | None = None) -> Path:
    """The file for a layout name or path; raise naming what is available."""
    candidate = Path(name)
    if candidate.suffix in (".yaml", ".yml") or "/" in name or "\\" in name:
        if candidate.is_file():
            return candidate
        raise LayoutError.single(f"the layout file {name!r} does not exist", key="layout",
                                 hint="give a layout name (see `handouts layouts`) or a path to a .yaml file")
    looked = search_path(layouts_dir)
    for folder in looked:
        for suffix in (".yaml", ".yml"):
            path = folder / f"{name}{suffix}"
            if path.is_file():
                return path
    available = sorted(available_layouts(layouts_dir))
    raise LayoutError.single(
        f"unknown layout {name!r}; available: {', '.join(available) or 'none'}",
        key="layout", hint="looked in: " + ", ".join(str(p) for p in looked))


def available_layouts(layouts_dir: Path | None = None) -> dict[str, Path]:
    """Every layout name found on the search path (earlier folders win)."""
    found: dict[str, Path] = {}
    for folder in search_path(layouts_dir):
        if folder.is_dir():
            for path in sorted(folder.glob("*.y*ml")):
                found.setdefault(path.stem, path)
    return found


def load_layout(name: str | Path = DEFAULT_LAYOUT, layouts_dir: Path | None = None) -> Layout:
    """Resolve a layout name or path into a validated :class:`Layout`."""
    path = find_layout(str(name), layouts_dir)
    try:
        doc = read_document(path, "layout")
    except ReadError as exc:
        raise LayoutError([exc.problem]) from None
    doc.data.setdefault("name", path.stem)
    layout, problems = validate(Layout, doc)
    if layout is None:
        raise LayoutError(problems)
    return layout
