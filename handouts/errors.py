"""One error type for everything a user can get wrong.

Library code raises :class:`HandoutsError` (or a list of problems inside one);
only the CLI turns it into a message and an exit code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


def key_path(*parts: str | int) -> str:
    """("subjects", 0, "image") -> "subjects[1].image": the one way a key path is
    written in messages; list positions count from 1, as people (and the loader) do."""
    text = ""
    for part in parts:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


@dataclass(frozen=True)
class Problem:
    """One located problem: where it is, what is wrong, how to fix it."""

    message: str
    file: Path | str | None = None
    line: int | None = None
    column: int | None = None
    key: str | None = None
    hint: str | None = None

    def to_dict(self, severity: str = "error") -> dict[str, object]:
        """The problem for ``--json``: every field, ``file`` as text, and its severity."""
        return {
            "file": None if self.file is None else str(self.file),
            "line": self.line,
            "column": self.column,
            "key": self.key,
            "message": self.message,
            "hint": self.hint,
            "severity": severity,
        }

    def format(self) -> str:
        """Render as ``file:line:column: key.path: message`` plus an indented hint."""
        where = ""
        if self.file is not None:
            where = str(self.file)
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        key = f"{self.key}: " if self.key else ""
        text = f"{where}{key}{self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


@dataclass
class HandoutsError(Exception):
    """A user-facing error: one or more problems, each with file/line/key/hint."""

    problems: list[Problem] = field(default_factory=list)

    @classmethod
    def single(
        cls,
        message: str,
        *,
        file: Path | str | None = None,
        line: int | None = None,
        column: int | None = None,
        key: str | None = None,
        hint: str | None = None,
    ) -> "HandoutsError":
        """Build an error holding exactly one problem."""
        return cls([Problem(message, file, line, column, key, hint)])

    @property
    def first(self) -> Problem:
        return self.problems[0]

    def __str__(self) -> str:
        return "\n".join(p.format() for p in self.problems)


class SourceError(HandoutsError):
    """A comparison source is unreadable or invalid."""


class LayoutError(HandoutsError):
    """A layout is missing, unreadable or invalid."""


class OutputError(HandoutsError):
    """An output could not be rendered or written."""
