"""The built-in translation tables: one JSON file per language, shipped as
package data (``handouts/i18n/tables/<tag>.json``).

Each table has exactly the English table's keys (``tests/test_i18n.py``
checks it, with the same ``{placeholders}`` in every template): the layout's
label groups (``handout``, ``timeline``, ``deck``, ``worksheet``) and the
Markdown importer's section names (``import``). A tag is looked up whole
(``pt-BR``), then by its primary subtag (``pt``).
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from handouts.caches import memoize

ENGLISH = "en"
LABEL_GROUPS = ("handout", "timeline", "deck", "worksheet")


@memoize("translation table languages", maxsize=1)
def languages() -> tuple[str, ...]:
    """Every language with a built-in table, as file names give them."""
    folder = resources.files("handouts.i18n") / "tables"
    return tuple(sorted(item.name.removesuffix(".json") for item in folder.iterdir() if item.name.endswith(".json")))


@memoize("translation tables", maxsize=64)
def load_table(tag: str) -> dict[str, Any]:
    """One language's table, read once per process."""
    text = (resources.files("handouts.i18n") / "tables" / f"{tag}.json").read_text(encoding="utf-8")
    return json.loads(text)


def table_language(language: str) -> str | None:
    """The table for a BCP 47 tag: ``pt-BR`` if there is one, else ``pt``; ``None`` if neither."""
    known = {tag.casefold(): tag for tag in languages()}
    tag = language.strip().replace("_", "-").casefold()
    for candidate in (tag, tag.split("-")[0]):
        if candidate in known:
            return known[candidate]
    return None


def words_for(language: str) -> tuple[dict[str, Any], str | None]:
    """The table for ``language`` and the language to mark its words with:
    ``None`` when the table is the document's own language, ``"en"`` when
    the language has no table and the English one stands in."""
    found = table_language(language)
    if found is None:
        return load_table(ENGLISH), ENGLISH
    return load_table(found), None


@memoize("section names", maxsize=1)
def section_names() -> dict[str, tuple[str, str]]:
    """Every table's Markdown section names (case-folded) -> (part, language);
    a name two languages share (French "Sources") counts as the first's, English first."""
    names: dict[str, tuple[str, str]] = {}
    for tag in (ENGLISH, *(t for t in languages() if t != ENGLISH)):
        for part, words in load_table(tag)["import"].items():
            for word in words:
                names.setdefault(word.casefold(), (part, tag))
    return names
