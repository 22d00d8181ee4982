"""What ``check`` finds in each source: errors and warnings, in line order, as text or JSON.

Kept apart from the command so the command only prints and picks the exit code.
"""

from __future__ import annotations

import glob
from dataclasses import dataclass, field
from pathlib import Path

from handouts.errors import HandoutsError, Problem


@dataclass
class Checked:
    """One source (or a folder or pattern that held none) and what was found in it."""

    source: str
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    summary: str | None = None  # "3 subjects, 12 rows, ..." when it is valid

    def in_line_order(self) -> list[tuple[str, Problem]]:
        both = [("error", p) for p in self.errors] + [("warning", p) for p in self.warnings]
        return sorted(both, key=lambda item: (item[1].line or 0, item[1].column or 0))


@dataclass
class Report:
    """Every source checked by one run."""

    checked: list[Checked] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return sum(1 for c in self.checked if c.errors)

    def lines(self) -> list[tuple[str, bool]]:
        """The text to print: (line, to stderr?)."""
        out: list[tuple[str, bool]] = []
        for c in self.checked:
            out += [(f"{severity}: {p.format()}", True) for severity, p in c.in_line_order()]
            if c.summary is not None:
                out.append((f"ok: {c.source} ({c.summary})", False))
        if self.failed:
            total = len(self.checked)
            out.append((f"{self.failed} of {total} source{'s' * (total != 1)} invalid", True))
        return out

    def as_json(self) -> dict[str, object]:
        return {
            "ok": not self.failed,
            "sources": [
                {
                    "source": c.source,
                    "ok": not c.errors,
                    "problems": [p.to_dict(severity) for severity, p in c.in_line_order()],
                }
                for c in self.checked
            ],
        }


def check_sources(inputs: list[str], layout=None) -> Report:  # noqa: ANN001 - a Layout, or None
    """Check each input; folders and globs expand as in ``build``, a plain path is checked as is.
    With a ``layout``, characters its fonts cannot draw are warned about too, each located."""
    from handouts.pipeline.discover import discover

    report = Report()
    for text in inputs:
        if not (Path(text).is_dir() or glob.has_magic(text)):
            report.checked.append(check_one(Path(text), layout))
            continue
        try:
            report.checked += [check_one(job.source, layout) for job in discover([text])]
        except HandoutsError as exc:  # a folder or pattern without sources
            report.checked.append(Checked(text, errors=exc.problems))
    return report


def check_one(path: Path, layout=None) -> Checked:  # noqa: ANN001 - a Layout, or None
    """Read, validate and lint one source."""
    from handouts.source.lint import source_warnings
    from handouts.source.loader import source_problems
    from handouts.source.yamlread import ReadError, read_document

    try:
        doc = read_document(path, "source")
    except ReadError as exc:
        return Checked(str(path), errors=exc.problems)
    model, errors = source_problems(doc)
    if model is None:
        return Checked(str(path), errors=errors)
    summary = (
        f"{len(model.subjects)} subjects, {len(model.table)} rows, "
        f"{len(model.sections)} sections, {len(model.timeline)} events"
    )
    warnings = source_warnings(model, doc) + (glyph_warnings(doc, layout) if layout is not None else [])
    warnings.sort(key=lambda p: (p.line or 0, p.column or 0))
    return Checked(str(path), warnings=warnings, summary=summary)


MAX_GLYPH_WARNINGS = 10  # then one line saying how many more texts have such characters


def glyph_warnings(doc, layout) -> list[Problem]:  # noqa: ANN001 - a Document and a Layout
    """Each text with characters the layout's handout fonts cannot draw, located."""
    from handouts.markup import plain
    from handouts.render.fonts import describe, missing_glyphs
    from handouts.source.lint import texts
    from handouts.source.validation import dotted

    families = list(dict.fromkeys([layout.fonts.body, layout.fonts.heading, layout.fonts.table]))
    found: list[Problem] = []
    more = 0
    for path, text in sorted(texts(doc.data), key=lambda item: doc.locate(item[0])):
        if not path or path[-1] in ("image", "color", "id", "url", "language"):
            continue
        missing = sorted({ch for family in families for ch in missing_glyphs(plain(text), family)})
        if not missing:
            continue
        if len(found) == MAX_GLYPH_WARNINGS:
            more += 1
            continue
        line, column = doc.locate(path)
        found.append(
            Problem(
                f"the layout's fonts ({', '.join(families)}) cannot draw {describe(missing)}; "
                "they will print as empty boxes",
                doc.file,
                line,
                column,
                dotted(path),
                "replace those characters; no bundled font (nor the script fallbacks) has them",
            )
        )
    if more:
        found.append(Problem(f"... and {more} more texts with such characters", doc.file))
    return found
