"""Turn pydantic's errors into located, friendly problems.

Shared by sources and layouts so both report ``file:line:column: key.path:
message`` with a hint (unknown keys get "did you mean").
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from handouts.errors import Problem, key_path
from handouts.source.yamlread import Document, Path_

M = TypeVar("M", bound=BaseModel)


def validate(model: type[M], doc: Document) -> tuple[M | None, list[Problem]]:
    """Validate ``doc.data`` against ``model``; return the model or the problems."""
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        problems: list[Problem] = []
        seen: set[Path_] = set()
        located = [(data_path(doc.data, error["loc"]), error) for error in exc.errors(include_url=False)]
        for path, error in located:
            if path in seen:  # a union reports every branch; the first is enough
                continue
            mismatch = error["type"] in _BRANCH_MISMATCHES or "expected text, not a" in str(error["msg"])
            if mismatch and any(len(p) > len(path) and p[: len(path)] == path for p, _ in located):
                continue  # "not a mapping" from one branch of a union, when another branch says what is wrong inside
            seen.add(path)
            problems.append(to_problem(model, doc, path, error))
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        return None, problems


_BRANCH_MISMATCHES = ("string_type", "list_type", "dict_type", "model_type", "model_attributes_type")


def data_path(data: Any, loc: tuple[Any, ...]) -> Path_:
    """Keep the parts of a pydantic ``loc`` that exist in the data (drop union tags)."""
    path: list[str | int] = []
    current = data
    for i, part in enumerate(loc):
        if (
            isinstance(current, dict)
            and part in current
            or isinstance(current, list)
            and isinstance(part, int)
            and 0 <= part < len(current)
        ):
            current = current[part]
            path.append(part)
        elif (
            i == len(loc) - 1
            and isinstance(part, str)
            and not part.startswith(("list[", "dict[", "function-"))
            and isinstance(current, dict)
        ):
            path.append(part)  # a missing key: report it at its parent's position
    return tuple(path)


def dotted(path: Path_) -> str:
    """("table", 2, "values") -> "table[3].values": list positions count from 1, as people do."""
    return key_path(*path)


def to_problem(model: type[BaseModel], doc: Document, path: Path_, error: dict[str, Any]) -> Problem:
    """One pydantic error as a located problem with a hint."""
    kind = error["type"]
    message = str(error["msg"]).removeprefix("Value error, ")
    hint = None
    key = dotted(path)
    if kind == "extra_forbidden":
        allowed = fields_at(model, path[:-1])
        message = f"unknown key {path[-1]!r}"
        close = difflib.get_close_matches(str(path[-1]), allowed, n=1, cutoff=0.6)
        hint = (f"did you mean {close[0]!r}? " if close else "") + f"valid keys here: {', '.join(allowed)}"
    elif kind == "literal_error":
        choices = choices_at(model, path)
        close = difflib.get_close_matches(str(error.get("input")), choices, n=1, cutoff=0.6)
        hint = f"did you mean {close[0]!r}?" if close else None
    elif kind == "missing":
        message = f"the required key {path[-1]!r} is missing"
        hint = f"add `{path[-1]}:` here"
    elif kind in ("too_short", "too_long"):
        ctx = error.get("ctx", {})
        found = ctx.get("actual_length")
        if kind == "too_short":
            message = f"needs at least {ctx.get('min_length')} entries, found {found}"
        else:
            message = f"allows at most {ctx.get('max_length')} entries, found {found}"
    elif kind in ("string_type", "list_type", "dict_type", "model_type", "model_attributes_type"):
        expected = {"string_type": "text", "list_type": "a list", "dict_type": "a mapping"}.get(
            kind, "a mapping of keys"
        )
        message = f"expected {expected}, found {_describe(error.get('input'))}"
        if kind == "list_type":
            hint = "write one item per line, each starting with '- '"
    elif kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        ctx = error.get("ctx", {})
        bound = next(iter(ctx.values()), "")
        relation = {
            "greater_than_equal": "at least",
            "greater_than": "more than",
            "less_than_equal": "at most",
            "less_than": "less than",
        }[kind]
        message = f"{error.get('input')!r} is out of range: it must be {relation} {bound}"
    elif message == "expected text, not a mapping":
        hint = "a ': ' inside text starts a mapping: put the whole text in quotes, e.g. - \"Both: said no\""
    elif kind in ("float_parsing", "int_parsing", "bool_parsing", "float_type", "int_type"):
        message = f"expected a number, found {error.get('input')!r}"
    line, column = doc.locate(path)
    return Problem(message, file=doc.file, line=line, column=column, key=key or None, hint=hint)


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def fields_at(model: type[BaseModel], path: Path_) -> list[str]:
    """The field names of the model found by following ``path`` from ``model``."""
    inner = _model_in(type_at(model, path))
    return list(inner.model_fields) if inner else []


def choices_at(model: type[BaseModel], path: Path_) -> list[str]:
    """The text choices of the ``Literal`` found at ``path`` (for "did you mean")."""
    return [
        str(arg)
        for t in _unwrap(type_at(model, path))
        if typing.get_origin(t) is typing.Literal
        for arg in typing.get_args(t)
    ]


def type_at(model: type[BaseModel], path: Path_) -> Any:
    """The annotation found by following ``path`` (keys and list positions) from ``model``."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            current = _item_type(current)
        else:
            inner = _model_in(current)
            if inner is None or part not in inner.model_fields:
                current = _value_type(current)
                continue
            current = inner.model_fields[part].annotation
    return current


def _unwrap(tp: Any) -> list[Any]:
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(tp) for t in _unwrap(arg)]
    return [tp]


def _model_in(tp: Any) -> type[BaseModel] | None:
    for t in _unwrap(tp):
        if isinstance(t, type) and issubclass(t, BaseModel):
            return t
    return None


def _item_type(tp: Any) -> Any:
    for t in _unwrap(tp):
        if typing.get_origin(t) is list:
            return typing.get_args(t)[0]
    return tp


def _value_type(tp: Any) -> Any:
    for t in _unwrap(tp):
        if typing.get_origin(t) is dict:
            return typing.get_args(t)[1]
    return tp
