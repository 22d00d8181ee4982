"""Read a YAML (or JSON) file into plain data plus the position of every key.

Scalars stay strings: YAML 1.1 would turn ``no`` into ``False``, ``3.10`` into
``3.1`` and ``1917-11-07`` into a date, which is wrong for a teacher's text.
Pydantic coerces the few numeric fields later. This module reads the bytes
safely (regular files only, size, encoding, syntax with a hint);
:mod:`handouts.source.yamlnodes` turns the composed nodes into data (standard
tags only, bounded aliases and nesting).
"""

from __future__ import annotations

import re
import stat
from pathlib import Path

import yaml

from handouts.errors import Problem
from handouts.source.document import Document, Path_, ReadError
from handouts.source.yamlnodes import NodeBuilder, kind_of

__all__ = ["MAX_BYTES", "Document", "Path_", "ReadError", "parse_document", "read_bytes", "read_document"]

try:  # libyaml is ~15x faster; fall back to pure Python where it is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 5 * 1024 * 1024


def read_document(path: Path, what: str = "source") -> Document:
    """Read ``path`` safely; raise :class:`ReadError` with a located message."""
    return parse_document(read_bytes(path, what), path, what)


def read_bytes(path: Path, what: str = "source") -> bytes:
    """The file's bytes, or a :class:`ReadError` saying why it cannot be read."""
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError
        if not stat.S_ISREG(mode):  # a FIFO would block forever, /dev/zero never ends
            raise ReadError(
                Problem(
                    f"expected a {what} file but this is a device or a pipe, not a regular file",
                    file=path,
                    hint="save the text to a .yaml file and pass that",
                )
            )
        with path.open("rb") as handle:
            return handle.read(MAX_BYTES + 1)  # never more than enough to report the limit
    except FileNotFoundError:
        raise ReadError(Problem(f"no such {what} file", file=path, hint="check the path and the file name")) from None
    except IsADirectoryError:
        raise ReadError(Problem(f"expected a {what} file but this is a folder", file=path)) from None
    except OSError as exc:
        raise ReadError(Problem(f"cannot read the file: {exc.strerror}", file=path)) from None


def parse_document(raw: bytes, path: Path, what: str = "source") -> Document:
    """Parse bytes already read; the same checks as :func:`read_document`."""
    if len(raw) > MAX_BYTES:
        raise ReadError(
            Problem(
                f"the file is over {MAX_BYTES // 1_048_576} MB; the limit is {MAX_BYTES // 1_048_576} MB",
                file=path,
                hint=f"split it into several {what}s",
            )
        )
    if b"\x00" in raw[:8192]:
        raise ReadError(
            Problem(
                "this looks like a binary file, not YAML or JSON text",
                file=path,
                hint=f"a {what} is a text file ending in .yaml, .yml or .json",
            )
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadError(
            Problem(
                f"the file is not valid UTF-8 (byte {exc.start})",
                file=path,
                hint="save the file as UTF-8 in your editor",
            )
        ) from None
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        raise ReadError(
            Problem(
                "the file is empty",
                file=path,
                hint="run `handouts new` to get a starter source" if what == "source" else None,
            )
        )
    if path.suffix.lower() == ".json":
        text = join_surrogate_escapes(text)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        message = f"YAML syntax error: {exc.problem or exc.context}"
        if exc.context and exc.problem:
            message += f" ({exc.context})"
        raise ReadError(Problem(message, file=path, line=line, column=col, hint=_syntax_hint(text, mark))) from None
    except yaml.YAMLError as exc:
        raise ReadError(Problem(f"YAML error: {exc}", file=path)) from None
    if node is None:
        raise ReadError(Problem("the file is empty", file=path))
    builder = NodeBuilder(path, keep_null_text=(what == "source"))
    data = builder.build(node, ())
    if not isinstance(data, dict):
        example = "title:, subjects:" if what == "source" else "page:, fonts:"
        raise ReadError(
            Problem(
                f"the top level must be a mapping of keys ({example}, ...), not a {kind_of(node)}",
                file=path,
                line=node.start_mark.line + 1,
                column=node.start_mark.column + 1,
            )
        )
    return Document(data, path, builder.positions)


# A UTF-16 surrogate pair written as two JSON escapes (json.dump's default for emoji), not
# preceded by an escaping backslash. JSON allows it; YAML's double-quoted strings do not.
_SURROGATE_PAIR = re.compile(r"(?<!\\)((?:\\\\)*)\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})")


def join_surrogate_escapes(text: str) -> str:
    """``\\ud83d\\ude00`` -> ``\\U0001f600``: the same character, in the escape YAML reads.

    Valid JSON is valid YAML except for this: Python's ``json.dump`` writes every
    character beyond U+FFFF as a surrogate pair of escapes, which YAML refuses."""

    def joined(match: re.Match[str]) -> str:
        high, low = int(match.group(2), 16), int(match.group(3), 16)
        code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
        return f"{match.group(1)}\\U{code:08x}"

    return _SURROGATE_PAIR.sub(joined, text)


def _syntax_hint(text: str, mark: yaml.Mark | None) -> str:
    """The likely cause of a syntax error: a tab in the indentation, or unquoted text."""
    lines = text.splitlines()
    if mark is not None and mark.line < len(lines):
        line = lines[mark.line]
        if "\t" in line[: len(line) - len(line.lstrip())] or line[mark.column : mark.column + 1] == "\t":
            return "indent with spaces, not tabs (YAML does not allow tabs for indentation)"
    return "check indentation, and quote text that contains ': ' or starts with * & ! [ { > | @ `"
