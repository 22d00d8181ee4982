"""Warnings about a valid source: things that build but print wrong.

Each warning is located like an error (``file:line:column: key``) so ``check``
can show it beside the errors, in line order, before anything is rendered.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from handouts.errors import Problem
from handouts.source.models import Comparison
from handouts.source.validation import dotted
from handouts.source.yamlread import Document, Path_

# U+0080-U+009F: what cp1252 text read as Latin-1 leaves behind ("smart quotes" become U+0093).
_C1 = re.compile(r"[\x80-\x9f]")
# Embeddings, overrides and isolates: invisible, and no bundled font draws them.
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def source_warnings(model: Comparison, doc: Document) -> list[Problem]:
    """Every warning about ``doc``, in line order."""
    found: list[Problem] = []

    def add(path: Path_, message: str, hint: str) -> None:
        line, column = doc.locate(path)
        found.append(Problem(message, doc.file, line, column, dotted(path) or None, hint))

    for path, text in texts(doc.data):
        if c1 := sorted(set(_C1.findall(text))):
            add(
                path,
                f"contains control characters {_names(c1)}, which print as empty boxes",
                "this text was probably copied from a file in the Windows-1252 encoding; "
                "retype the quotes or dashes, or save the original as UTF-8 first",
            )
        if marks := sorted(set(_BIDI.findall(text))):
            add(
                path,
                f"contains invisible direction marks {_names(marks)}, which print as empty boxes",
                "delete them: right-to-left text (Arabic, Hebrew) is laid out without them",
            )
    for i, subject in enumerate(model.subjects):
        if subject.image and not subject.image_alt:
            add(("subjects", i, "image_alt"), *missing_alt(subject.name))
    found.sort(key=lambda p: (p.line or 0, p.column or 0))
    return found


def missing_alt(name: str) -> tuple[str, str]:
    """The warning for a picture without ``image_alt`` (the renderers give the same one)."""
    return (
        f"the picture of {name} has no image_alt (a text alternative for screen readers)",
        "describe the picture in a short sentence",
    )


def _names(chars: list[str]) -> str:
    return ", ".join(f"U+{ord(c):04X} ({unicodedata.name(c, 'control')})" for c in chars[:5]) + (
        f" and {len(chars) - 5} more" if len(chars) > 5 else ""
    )


def texts(data: Any, path: Path_ = ()) -> list[tuple[Path_, str]]:
    """Every text in the document with its key path (iterative: documents may be wide)."""
    found: list[tuple[Path_, str]] = []
    stack: list[tuple[Path_, Any]] = [(path, data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, str):
            found.append((where, value))
        elif isinstance(value, dict):
            stack += [(where + (k,), v) for k, v in value.items()]
        elif isinstance(value, list):
            stack += [(where + (i,), v) for i, v in enumerate(value)]
    return found
