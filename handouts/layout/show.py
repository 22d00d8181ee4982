"""Text for ``handouts layouts`` (the list) and ``handouts layouts show`` (resolved YAML)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from handouts.errors import HandoutsError
from handouts.layout.loader import available_layouts, builtin_dir, origin_label
from handouts.layout.models import dump
from handouts.layout.resolve import Resolved, resolve_layout


def list_layouts(layouts_dir: Path | None = None) -> list[str]:
    """One line per layout: name, description, where it comes from (and what it shadows)."""
    found = available_layouts(layouts_dir)
    builtins = {p.stem for p in builtin_dir().glob("*.y*ml")}
    rows: list[tuple[str, str, str]] = []
    for name, path in found.items():
        where = origin_label(path.parent, layouts_dir)
        if where != "built-in" and name in builtins:
            where += ", shadows the built-in"
        try:
            layout = resolve_layout(str(path), layouts_dir).layout
            text = layout.description or (f"(extends {layout.extends})" if layout.extends else "(no description)")
        except HandoutsError as exc:
            text = f"INVALID: {exc.first.message} (see `handouts layouts show {name}`)"
        rows.append((name, text, where))
    if not rows:
        return ["no layouts found"]
    width = max(len(r[0]) for r in rows)
    return [f"{name:<{width}}  {text}  [{where}]" for name, text, where in rows]


def render_resolved(resolved: Resolved, layouts_dir: Path | None = None) -> str:
    """The resolved layout as YAML, headed by the chain of files it came from."""
    lines = []
    for i, path in enumerate(resolved.chain):
        label = "layout" if i == 0 else "extends"
        lines.append(f"# {label}: {path.stem} ({origin_label(path.parent, layouts_dir)}: {path})")
    body = yaml.safe_dump(
        _tidy(dump(resolved.layout)), sort_keys=False, allow_unicode=True, default_flow_style=None, width=100
    )
    return "\n".join(lines) + "\n" + body


def _tidy(value: Any) -> Any:
    """Round lengths converted to points (56.69291338582678 -> 56.69) and print 16.0 as 16."""
    if isinstance(value, dict):
        return {k: _tidy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_tidy(v) for v in value]
    if isinstance(value, float):
        value = round(value, 2)
        return int(value) if value.is_integer() else value
    return value
