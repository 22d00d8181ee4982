"""A read YAML/JSON document: plain data plus where every key path sits in
the file, and the one error that stops reading a file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from handouts.errors import HandoutsError, Problem

Path_ = tuple[str | int, ...]


@dataclass
class Document:
    """Parsed data and where each key path sits in the file (1-based line, column)."""

    data: Any
    file: Path
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: Path_) -> tuple[int | None, int | None]:
        """Line and column of ``path``, or of its closest located ancestor."""
        path = tuple(path)
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (None, None))


class ReadError(HandoutsError):
    """The one problem that stopped reading a file (syntax, size, tags...).

    A :class:`HandoutsError` like every user-facing error; the source and
    layout loaders re-raise it as theirs."""

    def __init__(self, problem: Problem) -> None:
        super().__init__([problem])

    @property
    def problem(self) -> Problem:
        return self.problems[0]
