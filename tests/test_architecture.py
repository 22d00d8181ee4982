"""The package keeps the shape the README's Architecture section describes:
no import cycles (not even through imports inside functions), small folders,
no library internals outside their one module, every cache registered."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from handouts.caches import cache_info, clear_caches
from tests.conftest import CONTENT, ROOT

PACKAGE = ROOT / "handouts"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _import_graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                continue
            graph[name] |= {t for t in targets if t in modules and t != name}
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle, if any (depth-first search)."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return stack[stack.index(target) :] + [target]
            if target not in state and (found := visit(target)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_cycles() -> None:
    assert _cycle(_import_graph()) is None


def test_the_cycle_finder_finds_cycles() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_no_folder_holds_more_than_twelve_modules() -> None:
    for folder in [PACKAGE, *(p for p in PACKAGE.rglob("*") if p.is_dir() and (p / "__init__.py").exists())]:
        modules = [p for p in folder.glob("*.py") if p.name != "__init__.py"]
        assert len(modules) <= 12, f"{folder.relative_to(ROOT)} holds {len(modules)} modules"


FORBIDDEN = re.compile(
    r"_next_shape_id|_cached_max_shape_id|SlidePart\(|NotesSlidePart\(|struct\.pack|"
    r"get_context\(\"fork\"\)|getloadavg|_sldIdLst|^import resource|^from resource"
)


def test_no_private_library_internals_or_unix_only_imports() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in PACKAGE.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if FORBIDDEN.search(line)
    ]
    assert not found, "\n".join(found)


def test_reportlab_privates_live_in_one_module() -> None:
    """``canvas._code``-style access to reportlab objects appears only in reportlab_internals."""
    pattern = re.compile(r"\b(canv|canvas|doc|page|pdfmetrics|annot)\._[a-zA-Z]")
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in (PACKAGE / "render").rglob("*.py")
        if path.name != "reportlab_internals.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if pattern.search(line)
    ]
    assert not found, found


def test_every_cache_is_bounded_and_cleared(tmp_path: Path) -> None:
    from handouts.layout.resolve import load_layout
    from tests.conftest import build_one

    first = build_one(CONTENT[0], tmp_path / "a", ["handout", "timeline", "deck"], load_layout("classic"))
    info = cache_info()
    assert info and all(bound > 0 and held <= bound for held, bound in info.values())
    assert any(held for held, _ in info.values()), "a build should have used some cache"
    clear_caches()
    assert all(held == 0 for held, _ in cache_info().values())
    second = build_one(CONTENT[0], tmp_path / "b", ["handout", "timeline", "deck"], load_layout("classic"))
    assert sorted(second.written) == sorted(first.written) == sorted(set(first.written))
    for name in first.written:  # a cold cache gives the same bytes
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
