"""Where each value of a resolved layout was written (a file and line, or a
``--set``), so a problem found after merging still names its file:line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from handouts.errors import Problem
from handouts.source.yamlread import Path_


@dataclass(frozen=True)
class Origin:
    """Where a value was written: a file and line, or a ``--set``; ``rank`` grows child-wards."""

    file: Path | None = None
    line: int | None = None
    column: int | None = None
    via: str | None = None
    rank: int = 0

    def problem(self, key: str, message: str, hint: str | None = None) -> Problem:
        return Problem(message, self.file, self.line, self.column, self.via or key, hint)


@dataclass
class Origins:
    """Key path -> :class:`Origin`; looking up a path falls back to its closest ancestor."""

    entries: dict[Path_, Origin] = field(default_factory=dict)

    def locate(self, path: Path_) -> Origin:
        path = tuple(path)
        while path:
            if path in self.entries:
                return self.entries[path]
            path = path[:-1]
        return self.entries.get((), Origin())

    def replace_under(self, prefix: Path_, new: dict[Path_, Origin]) -> None:
        """A value at ``prefix`` was replaced: forget the old positions beneath it."""
        n = len(prefix)
        for key in [k for k in self.entries if k[:n] == prefix and len(k) > n]:
            del self.entries[key]
        self.entries.update(new)
