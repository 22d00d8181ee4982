"""Markdown notes into a draft, parsed with markdown-it-py (CommonMark plus tables).

The shape a teacher writes: ``# Title``, an intro paragraph, one pipe table
(first row = subjects, first column = labels), ``## Headings`` for sections
(``### Subject`` inside one = that subject's paragraph), and three headings
with a meaning: a "Timeline" list of ``date — label`` lines (a further line is
the detail; a trailing "(Subject)" puts it in that subject's lane), a
"Similarities" list and a "Sources" list. Inline **bold**, *italic* and links
are the source's own markup, so cell and paragraph text is kept as written.
"""

from __future__ import annotations

from pathlib import Path

from handouts.importers.draft import Draft, DraftSection, DraftSource, Problems
from handouts.importers.timeline_text import split_event
from handouts.source.models import MAX_SUBJECTS, slugify

MAX_BYTES = 5 * 1024 * 1024


def _part(heading: str, draft: Draft) -> str:
    """The part of the source a ``##`` heading names ("Timeline", "Хронология",
    "Points communs": every built-in language's names, :mod:`handouts.i18n`),
    else "section". The first name in another language than English sets the
    draft's language, so the written source's words follow it."""
    from handouts.i18n.table import ENGLISH, section_names

    part, language = section_names().get(heading.casefold().rstrip(":： ").strip(), ("section", ENGLISH))
    if language != ENGLISH and draft.language == ENGLISH:
        draft.language = language
    return part


def _line(node) -> int | None:  # noqa: ANN001 - a SyntaxTreeNode
    return node.map[0] + 1 if node.map else None


def _inline(node) -> str:  # noqa: ANN001
    """The raw Markdown of a block's inline content, lines folded into one."""
    parts = [child.content for child in node.children if child.type == "inline"]
    return " ".join(" ".join(part.split()) for part in parts).strip()


def _items(node) -> list:  # noqa: ANN001 - list items of a bullet or ordered list
    return [item for item in node.children if item.type == "list_item"]


def _item_lines(item) -> list[str]:  # noqa: ANN001
    """A list item's text, line by line (the first line and what follows it)."""
    lines: list[str] = []
    for block in item.children:
        for inline in block.children:
            if inline.type == "inline":
                lines += [line.strip() for line in inline.content.splitlines() if line.strip()]
    return lines


def read_markdown(path: Path, text: str, title: str | None, problems: Problems) -> Draft:
    """A draft from Markdown ``text``; every problem located at ``file:line``."""
    from markdown_it import MarkdownIt
    from markdown_it.tree import SyntaxTreeNode

    root = SyntaxTreeNode(MarkdownIt("commonmark", {"html": False}).enable("table").parse(text))
    draft = Draft(path.name, title or "")
    part = "summary"  # where loose paragraphs go
    section: DraftSection | None = None
    subject: str | None = None  # a ### subject heading inside a section
    table_seen = False
    for node in root.children:
        if node.type == "heading":
            heading = _inline(node)
            if node.tag == "h1":
                if not draft.title:
                    draft.title = heading
                continue
            if node.tag == "h2":
                part = _part(heading, draft)
                section, subject = None, None
                if part == "section":
                    section = DraftSection(heading)
                    draft.sections.append(section)
                continue
            if section is not None and slugify(heading) in {slugify(s) for s in draft.subjects}:
                subject = slugify(heading)
                continue
            if section is not None:  # any other small heading: a paragraph of its own, in bold
                _add_paragraph(section, None, f"**{heading}**")
            continue
        if node.type == "table":
            if table_seen:
                problems.add(
                    "a second table; only the first is the comparison",
                    _line(node),
                    hint="merge the tables, or make this one a list",
                )
                continue
            table_seen = True
            _read_table(node, draft, problems)
            continue
        if node.type in ("bullet_list", "ordered_list"):
            _read_list(node, part, section, subject, draft, problems)
            continue
        if node.type == "paragraph":
            _read_paragraph(_inline(node), part, section, subject, draft)
    if not table_seen:
        problems.add(
            "no comparison table in this file",
            1,
            hint="add a pipe table: the first row names the subjects, e.g. "
            "'| | Athens | Sparta |' then '|---|---|---|' and one row per attribute",
        )
    if not draft.title:
        words = path.stem.replace("-", " ").replace("_", " ").strip() or "comparison"
        draft.title = words[0].upper() + words[1:]
    return draft


def _add_paragraph(section: DraftSection, subject: str | None, text: str) -> None:
    if subject:
        old = section.by_subject.get(subject)
        section.by_subject[subject] = f"{old}\n\n{text}" if old else text
    else:
        section.body = f"{section.body}\n\n{text}" if section.body else text


def _read_paragraph(text: str, part: str, section: DraftSection | None, subject: str | None, draft: Draft) -> None:
    if section is not None:
        _add_paragraph(section, subject, text)
    elif part in ("summary", "conclusion"):
        old = getattr(draft, part)
        setattr(draft, part, f"{old}\n\n{text}" if old else text)
    elif part == "similarities":
        draft.similarities.append(text)
    elif part == "sources":
        draft.sources.append(DraftSource(text))


def _read_table(node, draft: Draft, problems: Problems) -> None:  # noqa: ANN001
    head = [row for part in node.children if part.type == "thead" for row in part.children]
    body = [row for part in node.children if part.type == "tbody" for row in part.children]
    header = [_inline(cell) for cell in head[0].children] if head else []
    line = _line(node)
    names = header[1:]
    seen: set[str] = set()
    for index, name in enumerate(names, start=2):
        if not name:
            problems.add(f"column {index} of the table has no subject name", line, hint="name every subject")
        elif slugify(name) in seen:
            problems.add(f"the subject {name!r} is named twice", line, hint="give each subject a different name")
        seen.add(slugify(name))
    if not 2 <= len(names) <= MAX_SUBJECTS:
        problems.add(
            f"the table names {len(names)} subject{'s' * (len(names) != 1)}; a comparison needs 2 to {MAX_SUBJECTS}",
            line,
            hint="the first row holds the subject names after an empty first cell: | | Athens | Sparta |",
        )
    draft.subjects = names
    for row in body:
        cells = [_inline(cell) for cell in row.children]
        if not cells[0]:
            if any(cells[1:]):
                problems.add("this table row has no label in its first cell", _line(row), hint="say what it compares")
            continue
        draft.rows.append((cells[0], [cell or None for cell in cells[1:]]))


def _read_list(node, part: str, section, subject, draft: Draft, problems: Problems) -> None:  # noqa: ANN001
    for item in _items(node):
        lines = _item_lines(item)
        if not lines:
            continue
        if part == "timeline":
            try:
                event = split_event(lines[0], draft.subjects)
            except ValueError as exc:
                problems.add(str(exc), _line(item), hint="write each event as '1917-11-07 — What happened'")
                continue
            event.detail = " ".join(lines[1:]) or None
            draft.events.append(event)
        elif part == "similarities":
            draft.similarities.append(" ".join(lines))
        elif part == "sources":
            draft.sources.append(_source(item, " ".join(lines)))
        elif section is not None:
            _add_paragraph(section, subject, "• " + " ".join(lines))  # a bullet point: a paragraph of its own
        else:
            _read_paragraph(" ".join(lines), part, section, subject, draft)


def _source(item, text: str) -> DraftSource:  # noqa: ANN001
    """A list item that is one link becomes a title and a URL; anything else stays text."""
    inlines = [c for block in item.children for c in block.children if c.type == "inline"]
    nodes = [n for inline in inlines for n in inline.children if n.type != "text" or n.content.strip()]
    if len(nodes) == 1 and nodes[0].type == "link":
        link = nodes[0]
        title = "".join(n.content for n in link.children if n.type == "text").strip()
        href = str(link.attrs.get("href", ""))
        if title and href.startswith(("http://", "https://")):
            return DraftSource(title, href)
    return DraftSource(text)
