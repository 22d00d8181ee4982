"""A draft written as a commented source, in the style of ``handouts new``.

Every text is written as a JSON string (which YAML reads as a double-quoted
string), or as a literal block when it spans paragraphs, so nothing a teacher
typed can turn into YAML syntax: ``no``, ``3.10``, ``#`` and ``: `` all stay text.
"""

from __future__ import annotations

import json

from handouts.importers.draft import Draft, DraftEvent
from handouts.source.models import slugify


def q(text: str) -> str:
    """One text as a YAML scalar that reads back exactly."""
    return json.dumps(text, ensure_ascii=False)


def block(key: str, text: str, indent: int = 0) -> str:
    """``key: |`` and the text's lines, when they can be written literally; else ``key: "…"``."""
    pad = " " * indent
    lines = text.split("\n")
    literal = "\n" in text and all(line == line.rstrip() and not line.startswith((" ", "\t")) for line in lines)
    if not literal:
        return f"{pad}{key}: {q(text)}\n"
    body = "".join(f"{pad}  {line}\n" if line else "\n" for line in lines)
    return f"{pad}{key}: |\n{body}"


def _event(event: DraftEvent) -> str:
    when = f"date: {q(event.date or '')}" if event.date is not None else f"start: {q(event.start or '')}"
    out = f"  - {when}\n"
    if event.end is not None:
        out += f"    end: {q(event.end)}\n"
    out += f"    label: {q(event.label)}\n"
    if event.subject:
        out += f"    subject: {event.subject}\n"
    if event.detail:
        out += f"    detail: {q(event.detail)}\n"
    return out


def write_source(draft: Draft, filename: str) -> str:
    """The source text for ``draft``, to be saved as ``filename``."""
    ids = [slugify(name) for name in draft.subjects]
    out = [
        f"# Imported from {draft.origin} by `handouts import`. Check it, then build:\n",
        f"#   handouts check {filename}\n",
        f"#   handouts build {filename} --to handout,timeline,deck,html\n",
        "# Text stays text: write yes, no, 3.10 or 1917-11-07 freely.\n",
        "# Markup: **bold**, *italic* and [link text](https://example.org); everything else is literal.\n\n",
        f"title: {q(draft.title)}\n",
        "# subtitle: What's the difference?\n# author: Your name\n# course: Your course\n",
        f"language: {draft.language:<16}# BCP 47 tag: en, de, fr, ru, el, ... (the handout's own words follow it)\n",
        "# url: https://...        # the digital copy: a QR code on the handout and the title slide\n\n",
        "subjects:                 # from the first row, in column order\n",
    ]
    for sid, name in zip(ids, draft.subjects):
        out.append(f"  - id: {sid}\n    name: {q(name)}\n    # image: pictures/{sid}.jpg\n    # image_alt: ...\n")
    if draft.summary:
        out.append("\n" + block("summary", draft.summary))
    out.append("\ntable:                    # a list in subject order, or a mapping by id (gaps show a dash)\n")
    if not draft.rows:
        out[-1] = "\ntable: []                 # no attribute rows were found\n"
    for label, values in draft.rows:
        if all(value is not None for value in values):
            cells = "[" + ", ".join(q(value) for value in values) + "]"
        else:  # a mapping by subject id leaves the empty cells out (the source's way to show a dash)
            cells = "{" + ", ".join(f"{sid}: {q(v)}" for sid, v in zip(ids, values) if v is not None) + "}"
        out.append(f"  - label: {q(label)}\n    values: {cells}\n")
    if draft.similarities:
        out.append("\nsimilarities:\n" + "".join(f"  - {q(text)}\n" for text in draft.similarities))
    if draft.sections:
        out.append("\nsections:                 # prose by topic, in order\n")
        for section in draft.sections:
            out.append(f"  - heading: {q(section.heading)}\n")
            if section.body:
                out.append(block("body", section.body, 4))
            if section.by_subject:
                out.append("    by_subject:\n" + "".join(block(k, v, 6) for k, v in section.by_subject.items()))
    if draft.events:
        out.append('\ntimeline:                 # dates: 1917, 1917-11, 1917-11-07, "490 BC", "c. 1928"\n')
        out += [_event(event) for event in draft.events]
    if draft.conclusion:
        out.append("\n" + block("conclusion", draft.conclusion))
    if draft.sources:
        out.append("\nsources:\n")
        for ref in draft.sources:
            out.append(f"  - {{title: {q(ref.title)}, url: {q(ref.url)}}}\n" if ref.url else f"  - {q(ref.title)}\n")
    return "".join(out)
