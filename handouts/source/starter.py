"""The commented starter source written by ``handouts new``."""

from __future__ import annotations

import json

from handouts.source.models import slugify

_TEMPLATE = """\
# A comparison source for `handouts`. Fill in the blanks, then run:
#   handouts check {filename}
#   handouts build {filename}
# Text stays text: write yes, no, 3.10 or 1917-11-07 freely.
# Markup: **bold**, *italic* and [link text](https://example.org); everything else is literal.

title: {title}
subtitle: What's the difference?
# author: Your name
# course: Your course
language: en              # BCP 47 tag: en, de, fr, ru, el, ... (the handout's own words and dates follow it)

subjects:                 # 2 to 8, in column order
{subjects}
summary: |
  One or two paragraphs that introduce the comparison.

  Separate paragraphs with a blank line.

table:                    # one row per attribute
  - label: Key idea
    values: {list_example}     # a list in subject order...
  - label: Time period
    values: {{{mapping_example}}}    # ...or a mapping by subject id (leave one out for a dash)
  - label: Shared goal
    values: The same text for every subject.   # ...or one text shared by all

similarities:
  - Something both have in common.

sections:                 # prose by topic, in order
  - heading: First topic
    body: |
      A paragraph about this topic.
    # by_subject: {{{by_subject_example}}}

timeline:                 # dates: 1917, 1917-11, 1917-11-07, "490 BC", "c. 1928"
  - date: "{year}"
    label: An event shared by all
    detail: One sentence about it.
  - start: "{year}"                # a span instead of a point
    end: "{end_year}"
    label: A period
    subject: {first_id}

conclusion: |
  What students should take away.

questions:                # numbered on the handout and a slide; the worksheet gives each lines to write on
  - What is the biggest difference between them?

# worksheet:              # what `--to worksheet,answers` leaves blank; every key optional
#   blank: [Key idea]     # row labels, or "all"; default: a mix, the first row kept as an example
#   timeline: labels      # labels | dates | none
#   events: in_order      # in_order | to_place (the blanked labels or dates as a lettered list)
#   word_bank: true       # list the blanked answers, shuffled

sources:
  - A book or article, as plain text
  # - {{title: A web page, url: "https://example.org"}}

note: Check facts before sharing.
"""


def starter_source(names: list[str], filename: str = "comparison.yaml") -> str:
    """A valid, commented source comparing ``names`` (at least two)."""
    ids = [slugify(n) for n in names]
    seen: set[str] = set()
    for i, sid in enumerate(ids):  # keep ids unique even if two names slug alike
        base, n = sid, 2
        while sid in seen:
            sid, n = f"{base}-{n}", n + 1
        ids[i] = sid
        seen.add(sid)
    subjects = "".join(
        f"  - id: {sid}\n    name: {json.dumps(name, ensure_ascii=False)}\n"
        f'    # full_name: ...\n    # color: "#B03A2E"\n'
        for sid, name in zip(ids, names)
    )
    title = json.dumps(" vs. ".join(names), ensure_ascii=False)
    return _TEMPLATE.format(
        filename=filename,
        title=title,
        subjects=subjects,
        list_example="[" + ", ".join(json.dumps(f"About {n}", ensure_ascii=False) for n in names) + "]",
        mapping_example=", ".join(f"{sid}: ..." for sid in ids[:1]),
        by_subject_example=", ".join(f"{sid}: ..." for sid in ids),
        first_id=ids[0],
        year=1900,
        end_year=1910,
    )
