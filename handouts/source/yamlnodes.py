"""Composed YAML nodes into dicts, lists and strings, with every key's position.

Only the standard tags are accepted and nothing is constructed from a tag, so
``!!python/...`` is refused, never executed. Alias expansion is bounded by a
node count ("billion laughs"), nesting by a depth, and an alias pointing into
its own list or mapping is refused instead of recursing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from handouts.errors import Problem
from handouts.source.document import Path_, ReadError

MAX_NODES = 200_000
MAX_DEPTH = 100  # lists and mappings inside each other; a real source needs 4
_STD = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_STD + t for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp", "binary", "omap")}


def kind_of(node: yaml.Node) -> str:
    """A node's kind in a message's words: mapping, list or single value."""
    return {yaml.MappingNode: "mapping", yaml.SequenceNode: "list"}.get(type(node), "single value")


class NodeBuilder:
    """Turn composed nodes into dicts, lists and strings, recording positions."""

    def __init__(self, file: Path, keep_null_text: bool) -> None:
        self.file = file
        self.null_words = ("", "~") if keep_null_text else ("", "~", "null", "Null", "NULL")
        self.positions: dict[Path_, tuple[int, int]] = {}
        self.count = 0
        self.open: set[int] = set()  # ids of the lists and mappings being built (an alias may point back)
        self.aliased = False  # a node was reached twice: the document repeats parts by aliases
        self.seen: set[int] = set()

    def _fail(self, node: yaml.Node, message: str, hint: str | None = None) -> ReadError:
        return ReadError(
            Problem(
                message, file=self.file, line=node.start_mark.line + 1, column=node.start_mark.column + 1, hint=hint
            )
        )

    def build(self, node: yaml.Node, path: Path_) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise self._fail(
                node,
                f"the document expands to more than {MAX_NODES:,} values",
                "YAML aliases (*name) that repeat large parts are not supported"
                if self.aliased
                else "split it into several files",
            )
        if node.tag not in _ALLOWED_TAGS:
            raise self._fail(
                node,
                f"the tag {node.tag.replace(_STD, '!!')} is not allowed",
                "remove the '!' tag; only plain text, lists and mappings are read",
            )
        self.positions.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.CollectionNode):
            if id(node) in self.open:
                raise self._fail(
                    node, "an alias (*name) refers to the list or mapping it is inside", "remove the alias"
                )
            if len(self.open) >= MAX_DEPTH:
                raise self._fail(node, f"lists and mappings are nested more than {MAX_DEPTH} deep")
            self.aliased = self.aliased or id(node) in self.seen
            self.seen.add(id(node))
            self.open.add(id(node))
            try:
                return self._collection(node, path)
            finally:
                self.open.discard(id(node))
        # In a source only a bare empty value (``key:``) or ``~`` means "not given": the word
        # ``null`` is a teacher's text there. Layouts are settings, where ``null`` is nothing.
        if node.tag == _STD + "null" and node.value in self.null_words and not node.style:
            return None
        return node.value

    def _collection(self, node: yaml.CollectionNode, path: Path_) -> Any:
        """A mapping (keys plain text, each once) or a list, built item by item."""
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == _STD + "merge":
                    raise self._fail(key_node, "merge keys (<<) are not supported")
                if not isinstance(key_node, yaml.ScalarNode):
                    raise self._fail(key_node, "a key must be plain text")
                key = key_node.value
                if key in result:
                    raise self._fail(
                        key_node, f"the key {key!r} appears twice in this mapping", "remove or rename one of them"
                    )
                self.positions[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                result[key] = self.build(value_node, path + (key,))
            return result
        return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
