"""The one render path: a source's bytes in, its outputs' bytes out.

:func:`render_source` is what every build runs, wherever it runs: in this
process, in a pool worker, on a Dask worker, in the watch loop, in tests and
in the benchmarks. It never raises for a user's mistake or a renderer bug:
both come back as located problems in the :class:`Result`, so one bad file
never stops a batch or a watch loop.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from handouts.errors import HandoutsError, Problem, key_path
from handouts.layout.models import Layout
from handouts.pipeline.outputs import OUTPUTS


@dataclass(frozen=True)
class Task:
    """Everything needed to render one source (picklable: it travels to workers).

    ``targets`` maps each kind to its output path relative to the output
    folder; ``previous`` holds the manifest's fingerprints of outputs that
    exist, so unchanged ones are not rendered again unless ``force``."""

    source: Path
    raw: bytes
    layout: Layout
    targets: dict[str, str]
    previous: dict[str, str] = field(default_factory=dict)
    force: bool = False


@dataclass
class Result:
    """What became of one source: rendered, written, unchanged or failed.

    ``outputs`` holds rendered bytes until they are written (then it is
    emptied); ``written`` and ``unchanged`` are paths relative to the output
    folder; ``omitted`` the outputs a renderer had nothing to make of (it
    returned ``None`` and said why in ``warnings``, e.g. a timeline of a source
    without two dates); ``problems`` are the errors (empty unless it failed)."""

    source: Path
    outputs: dict[str, bytes] = field(default_factory=dict)
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    omitted: list[str] = field(default_factory=list)
    fingerprints: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    images: list[Path] | None = None  # the pictures the source names; None if it did not load
    seconds: float = 0.0
    peak_mb: float = 0.0  # the process's peak resident memory so far (0 where unknown)
    rss_mb: float = 0.0  # its resident memory after this source (flat over a long batch)

    @property
    def status(self) -> str:
        """``failed``, ``built`` (something written or rendered) or ``unchanged``."""
        if self.problems:
            return "failed"
        return "built" if self.written or self.outputs or self.omitted else "unchanged"


def render_source(task: Task) -> Result:
    """Validate the source and render every kind in ``task.targets`` whose
    output is not already up to date. Outputs rendered before a failure are
    kept in the result, so they are still written."""
    from handouts.i18n.labels import localize
    from handouts.pipeline.manifest import fingerprints
    from handouts.render.context import RenderContext
    from handouts.source.lint import source_warnings
    from handouts.source.loader import source_from_document
    from handouts.source.yamlread import parse_document

    start = time.perf_counter()
    result = Result(task.source)
    doc = None
    try:
        doc = parse_document(task.raw, task.source)
        model = source_from_document(doc)
        result.warnings += source_warnings(model, doc)
        layout = localize(task.layout, model.language)  # the layout's words in the source's language, once
        color_problems = subject_color_problems(model, doc, task.layout)
        if color_problems:
            raise HandoutsError(color_problems)
        result.images = [task.source.parent / s.image for s in model.subjects if s.image]
        context = RenderContext(source_path=task.source, warnings=result.warnings)
        digests = fingerprints(list(task.targets), task.raw, model, task.source, layout)  # its words included
        for kind, target in task.targets.items():
            result.fingerprints[target] = digests[kind]
            if not task.force and task.previous.get(kind) == digests[kind]:
                result.unchanged.append(target)
                continue
            data = OUTPUTS[kind].renderer()(model, layout, context)
            if data is None:  # nothing to draw: no file (the renderer warned)
                result.omitted.append(target)
            else:
                result.outputs[target] = data
    except HandoutsError as exc:
        result.problems = [located(p, doc) for p in exc.problems]
    except Exception as exc:  # noqa: BLE001 - a renderer bug must not stop the batch
        result.problems = [internal_problem(exc, task.source)]
    result.warnings = _once(result.warnings)
    result.seconds = time.perf_counter() - start
    result.peak_mb, result.rss_mb = peak_memory_mb(), current_memory_mb()
    return result


def split_by_library(task: Task) -> list[Task]:
    """One task per rendering library (the PDFs with reportlab, the deck with
    python-pptx), so a lone source's outputs render side by side."""
    groups: dict[str, dict[str, str]] = {}
    for kind, target in task.targets.items():
        groups.setdefault(OUTPUTS[kind].library, {})[kind] = target
    return [replace(task, targets=targets) for targets in groups.values()]


def merge(parts: list[Result]) -> Result:
    """One source's result from the results of its split tasks (warnings in
    the order the kinds were asked for, each once)."""
    if len(parts) == 1:
        return parts[0]
    merged = Result(parts[0].source)
    for part in parts:
        merged.outputs.update(part.outputs)
        merged.unchanged += part.unchanged
        merged.omitted += part.omitted
        merged.fingerprints.update(part.fingerprints)
        merged.problems += [p for p in part.problems if p not in merged.problems]
        merged.warnings += [w for w in part.warnings if w not in merged.warnings]
        merged.images = merged.images if part.images is None else part.images
        merged.seconds = max(merged.seconds, part.seconds)
        merged.peak_mb, merged.rss_mb = max(merged.peak_mb, part.peak_mb), max(merged.rss_mb, part.rss_mb)
    return merged


def subject_color_problems(model, doc, layout: Layout) -> list[Problem]:  # noqa: ANN001 - Comparison, Document
    """A source's own ``color:`` must be as readable on this layout as the palette is."""
    from handouts.layout.checks import subject_color_problem

    if layout.subject_colors != "source":
        return []
    problems = []
    for i, subject in enumerate(model.subjects):
        found = subject.color and subject_color_problem(subject.color, layout)
        if found:
            line, column = doc.locate(("subjects", i, "color"))
            problems.append(Problem(found[0], doc.file, line, column, key_path("subjects", i, "color"), found[1]))
    return problems


def located(problem: Problem, doc) -> Problem:  # noqa: ANN001 - a Document, or None
    """A renderer's problem about the source (a key, no line) with the key's line and
    column in the source file, as the loader's problems have."""
    import re

    if doc is None or problem.key is None or problem.line is not None or problem.file != doc.file:
        return problem
    parts: list[str | int] = []
    for name, number in re.findall(r"([^.\[\]]+)|\[(\d+)\]", problem.key):
        parts.append(int(number) - 1 if number else name)
    line, column = doc.locate(tuple(parts))
    return replace(problem, line=line, column=column) if line is not None else problem


def _once(warnings: list[Problem]) -> list[Problem]:
    """Each warning once: a renderer's repeat of a located source warning (same
    message and key, no line) is dropped."""
    located = {(w.message, w.key) for w in warnings if w.line is not None}
    kept: list[Problem] = []
    for warning in warnings:
        if (warning.line is None and (warning.message, warning.key) in located) or warning in kept:
            continue
        kept.append(warning)
    return kept


def internal_problem(exc: Exception, source: Path) -> Problem:
    """A renderer bug, reported like any problem (with where it happened) so a
    batch or a watch loop carries on instead of dying with a traceback."""
    import traceback

    last = traceback.extract_tb(exc.__traceback__)[-1]
    return Problem(
        f"internal error while rendering: {type(exc).__name__}: {exc} (at {Path(last.filename).name}:{last.lineno})",
        file=source,
        hint="please report this with the source file",
    )


def peak_memory_mb() -> float:
    """This process's peak resident memory in MB, where the platform tells it
    (``resource`` is Unix-only: imported here, never on the way to a build)."""
    try:
        import resource
    except ImportError:
        return 0.0
    import sys

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KB elsewhere


def current_memory_mb() -> float:
    """Resident memory now, in MB (Linux's /proc; 0 where it is not available)."""
    import os

    try:
        with open("/proc/self/statm", "rb") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError, AttributeError):
        return 0.0
