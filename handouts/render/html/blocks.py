"""The page's blocks, in ``layout.handout.blocks`` order, each a function to HTML.

Same block names and labels as the PDF handout, so a layout that drops or
reorders blocks (or renames "Timeline") changes the page the same way. Each
block that has a heading is a ``<section>`` labelled by it, so a screen
reader's landmarks and headings lists both show the page's outline.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from handouts.errors import key_path
from handouts.i18n.dates import DateWords
from handouts.i18n.words import language_of
from handouts.layout.models import Layout
from handouts.render.context import RenderContext
from handouts.render.html.chart import timeline_svg
from handouts.render.html.inline import escape, inline, paragraphs, text, title_html
from handouts.render.html.pictures import picture_uri
from handouts.source.dates import HistDate
from handouts.source.models import Comparison, Event


@dataclass
class Page:
    """What every block reads."""

    model: Comparison
    layout: Layout
    context: RenderContext

    def section(self, ident: str, heading: str, body: str) -> str:
        """``body`` under an ``<h2>`` (or bare when the layout's label is empty)."""
        shown = inline(heading)
        if not shown:  # no label (or one of characters HTML cannot carry): no empty heading
            return f'<section id="{ident}">\n{body}</section>\n'
        lang = f' lang="{escape(language_of(heading))}"' if language_of(heading) else ""  # an English stand-in word
        return f'<section aria-labelledby="{ident}-h">\n<h2 id="{ident}-h"{lang}>{shown}</h2>\n{body}</section>\n'


def title_block(p: Page) -> str:
    m = p.model
    out = f"<header>\n<h1>{title_html(m.title, p.layout.handout.labels.table)}</h1>\n"
    if m.subtitle:
        out += f'<p class="subtitle">{inline(m.subtitle)}</p>\n'
    meta = [inline(v) for v in (m.author, m.course, m.date) if v]
    if meta:
        out += f'<p class="meta">{" · ".join(meta)}</p>\n'
    return out + "</header>\n"


def subjects_block(p: Page) -> str:
    items = []
    for i, subject in enumerate(p.model.subjects):
        body = f"<strong>{inline(subject.name)}</strong>"
        if subject.full_name:
            body += f"<br>{inline(subject.full_name)}"
        if subject.image and p.layout.handout.subject_images:
            uri = picture_uri(p.context, subject.image, key_path("subjects", i, "image"))
            alt = escape(p.context.picture_alt(subject, i, p.layout.handout.labels.picture_alt))
            credit = ""
            if subject.image_credit:
                words = p.layout.handout.labels.image_credit.format(credit=subject.image_credit)
                credit = f"<br><small>{inline(words)}</small>"
            body = f'<figure>\n<img src="{uri}" alt="{alt}">\n<figcaption>{body}{credit}</figcaption>\n</figure>'
        items.append(f'<li class="s{i}">{body}</li>\n')
    return f'<ul class="subjects">\n{"".join(items)}</ul>\n'


def _prose(field: str) -> Callable[[Page], str]:
    def block(p: Page) -> str:
        value = getattr(p.model, field)
        if not value:
            return ""
        return p.section(field, getattr(p.layout.handout.labels, field), paragraphs(value))

    return block


def table_block(p: Page) -> str:
    m = p.model
    if not m.table:
        return ""
    empty = escape(p.layout.deck.labels.empty_cell)
    corner = p.layout.deck.labels.attribute
    head = f'<th scope="col">{inline(corner)}</th>' if corner else "<td></td>"
    head += "".join(f'<th scope="col" class="s{i}">{inline(s.name)}</th>' for i, s in enumerate(m.subjects))
    rows = []
    for row in m.table:
        cells = "".join(f"<td>{inline(v) if v else empty}</td>" for v in row.cells())
        rows.append(f'<tr><th scope="row">{inline(row.label)}</th>{cells}</tr>\n')
    table = (
        # a narrow screen scrolls the table sideways: a labelled region a keyboard can reach and scroll
        '<div class="scroll" role="region" aria-labelledby="table-caption" tabindex="0">\n'
        f'<table>\n<caption id="table-caption">{title_html(m.title, p.layout.handout.labels.table)}</caption>\n'
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n{''.join(rows)}</tbody>\n</table>\n</div>\n"
    )
    return p.section("table", p.layout.handout.labels.table, table)


def _list(texts: list[str]) -> str:
    return "<ul>\n" + "".join(f"<li>{inline(t)}</li>\n" for t in texts) + "</ul>\n"


def similarities_block(p: Page) -> str:
    if not p.model.similarities:
        return ""
    return p.section("similarities", p.layout.handout.labels.similarities, _list(p.model.similarities))


def questions_block(p: Page) -> str:
    """Discussion or review questions, numbered as on the handout."""
    if not p.model.questions:
        return ""
    items = "".join(f"<li>{inline(t)}</li>\n" for t in p.model.questions)
    return p.section("questions", p.layout.handout.labels.questions, f"<ol>\n{items}</ol>\n")


def sections_block(p: Page) -> str:
    out = []
    ids = p.model.subject_ids()
    for n, section in enumerate(p.model.sections):
        body = paragraphs(section.body)
        for i, sid in enumerate(ids):
            words = (section.by_subject or {}).get(sid)
            if words:
                body += f'<h3 class="s{i}">{inline(p.model.subjects[i].name)}</h3>\n{paragraphs(words)}'
        out.append(p.section(f"section-{n + 1}", section.heading, body))
    return "".join(out)


def _datetime(date: HistDate) -> str | None:
    """A machine-readable date for ``<time>``; HTML has none for BC or approximate dates."""
    if date.year < 1 or date.approximate:
        return None
    parts = [f"{date.year:04d}"] + [f"{v:02d}" for v in (date.month, date.day) if v]
    return "-".join(parts)


def _when(event: Event, dates: DateWords) -> str:
    if event.is_span:
        return f'<span class="date">{escape(dates.span(event.start, event.end))}</span>'  # type: ignore[arg-type]
    date = event.date
    assert date is not None, "the loader checks that every event has a date"
    machine = _datetime(date)
    shown = escape(dates.date(date))
    return (
        f'<time class="date" datetime="{machine}">{shown}</time>' if machine else f'<span class="date">{shown}</span>'
    )


def timeline_block(p: Page) -> str:
    from handouts.timeline.model import build_timeline

    m = p.model
    if not m.timeline:
        return ""
    label = p.layout.handout.labels.timeline
    timeline = build_timeline(m, p.layout)
    chart = timeline_svg(timeline, text(f"{label or p.layout.timeline.labels.subtitle}: {m.title}"), "chart")
    index = {sid: i for i, sid in enumerate(m.subject_ids())}
    ordered = sorted(enumerate(m.timeline), key=lambda pair: (pair[1].first.start_value(), pair[0]))
    items = []
    for _, event in ordered:
        who = index.get(event.subject) if event.subject else None
        line = f"{_when(event, timeline.dates)} — {inline(event.label)}"
        if who is not None:
            line += f" ({inline(m.subjects[who].name)})"
        if event.detail:
            line += f'<br><span class="detail">{inline(event.detail)}</span>'
        items.append(f"<li{f' class=s{who}' if who is not None else ''}>{line}</li>\n")
    body = f'<figure>\n{chart}</figure>\n<ol class="events">\n{"".join(items)}</ol>\n'
    return p.section("timeline", label, body)


def sources_block(p: Page) -> str:
    if not p.model.sources:
        return ""
    items = []
    for ref in p.model.sources:
        line = inline(ref.title)
        if ref.url:
            line = f'<a href="{escape(ref.url)}">{line}</a>'
        if ref.note:
            line += f" ({inline(ref.note)})"
        items.append(f"<li>{line}</li>\n")
    return p.section("sources", p.layout.handout.labels.sources, f"<ol>\n{''.join(items)}</ol>\n")


def note_block(p: Page) -> str:
    return f'<footer class="note">\n{paragraphs(p.model.note)}</footer>\n' if p.model.note else ""


BLOCKS: dict[str, Callable[[Page], str]] = {
    "title": title_block,
    "subjects": subjects_block,
    "summary": _prose("summary"),
    "table": table_block,
    "similarities": similarities_block,
    "sections": sections_block,
    "timeline": timeline_block,
    "conclusion": _prose("conclusion"),
    "questions": questions_block,
    "sources": sources_block,
    "note": note_block,
}
