"""``--set key.path=value``: one layout value from the command line.

The value is read as YAML flow (``[title, table]``, ``{top: 10mm}``, ``12``),
with the same safe reader as files, so scalars stay text and pydantic coerces
them. Each override is validated alone so an error names the ``--set`` that
caused it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from handouts.errors import LayoutError, Problem
from handouts.layout.models import Layout
from handouts.source.validation import validate
from handouts.source.yamlread import Document, ReadError, parse_document

_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")
EXAMPLE = "e.g. --set page.size=letter, --set sizes.body=12, --set handout.blocks=[title,table]"


@dataclass(frozen=True)
class Override:
    """A parsed ``--set``: the key path, the value, and the text to name it by."""

    path: tuple[str, ...]
    value: Any
    label: str

    def as_data(self) -> dict[str, Any]:
        """``("page", "size"), "a4"`` -> ``{"page": {"size": "a4"}}``."""
        data: Any = self.value
        for part in reversed(self.path):
            data = {part: data}
        return data


def parse_override(text: str) -> Override:
    """Parse and validate one ``key.path=value``; raise :class:`LayoutError` naming it."""
    label = f"--set {text}"
    key, sep, raw = text.partition("=")
    key = key.strip()
    if not sep or not key:
        raise LayoutError.single("expected key.path=value", key=label, hint=EXAMPLE)
    if not _KEY.match(key):
        hint = "lists are set whole, e.g. --set palette=[black,'#555555']" if re.search(r"\.\d|\[", key) else EXAMPLE
        raise LayoutError.single(f"{key!r} is not a key path (names joined by dots)", key=label, hint=hint)
    value = _parse_value(raw, label)
    override = Override(tuple(key.split(".")), value, label)
    problems = check_override(override)
    if problems:
        raise LayoutError(problems)
    return override


def _parse_value(raw: str, label: str) -> Any:
    """The value as YAML flow; a bare ``#`` colour is text, not a comment."""
    raw = raw.strip()
    if not raw:
        return None
    if raw.startswith("#"):  # "#FFFFFF" would read as a YAML comment
        raw = '"' + raw.replace("\\", "\\\\").replace('"', '\\"') + '"'
    try:
        doc = parse_document(f"value: {raw}\n".encode(), Path("--set"), "layout")
    except ReadError as exc:
        raise LayoutError.single(
            f"cannot read the value: {exc.problem.message}",
            key=label,
            hint="quote text with special characters; lists are written [a, b]",
        ) from None
    return doc.data.get("value")


def check_override(override: Override) -> list[Problem]:
    """Validate the override on its own against the layout model."""
    doc = Document(override.as_data(), Path(override.label))
    _, problems = validate(Layout, doc)
    return [Problem(p.message, key=override.label, hint=_hint(p)) for p in problems]


def _hint(problem: Problem) -> str | None:
    """A value in braces is YAML flow for a mapping: a template like {page} must be quoted."""
    if problem.message == "expected text, found a mapping":
        return "quote text with braces, e.g. --set 'handout.labels.page=\"page {page} of {pages}\"'"
    return problem.hint


def parse_overrides(texts: list[str] | tuple[str, ...]) -> list[Override]:
    """Parse every ``--set``, reporting all bad ones at once."""
    overrides: list[Override] = []
    problems: list[Problem] = []
    for text in texts:
        try:
            overrides.append(parse_override(text))
        except LayoutError as exc:
            problems += exc.problems
    if problems:
        raise LayoutError(problems)
    return overrides
