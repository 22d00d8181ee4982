"""Building sources into an output folder: one source or a thousand, in
parallel, incrementally, and isolated (one bad file never stops the others).

Every build goes through :func:`build`: the CLI's ``build``, the tests and
the benchmarks. Workers render to bytes; this process writes every file
atomically and keeps the manifest, so an interrupted batch leaves only whole
files and the next run redoes only what is missing or changed.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from handouts.errors import HandoutsError, Problem
from handouts.layout.models import Layout
from handouts.pipeline.discover import Job
from handouts.pipeline.files import remove_stale_temporaries, write_atomically
from handouts.pipeline.manifest import read_manifest, write_manifest
from handouts.pipeline.outputs import OUTPUTS, output_path
from handouts.pipeline.pool import execute
from handouts.pipeline.render import Result, Task


def build(
    jobs: list[Job],
    out: Path,
    kinds: list[str],
    layout: Layout,
    workers: int = 0,
    force: bool = False,
    scheduler: str | None = None,
    on_result: Callable[[Result], None] = lambda r: None,
    mp_context: Any = None,
) -> list[Result]:
    """Build every job into ``out``; write outputs and the manifest as results arrive.

    ``workers``: processes to render in (0 = one per CPU, 1 = this process).
    A lone source with several CPUs renders its deck beside its PDFs."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise HandoutsError.single(
            f"cannot write to the output folder: {exc.strerror}", file=out, hint="choose another folder with --out"
        ) from None
    remove_stale_temporaries(out)
    manifest = read_manifest(out)
    tasks, results = make_tasks(jobs, out, kinds, layout, force, manifest)
    for result in results:
        on_result(result)
    workers = workers or os.cpu_count() or 1
    units = split_by_library(tasks[0]) if len(tasks) == 1 and workers > 1 else tasks
    pending = {task.source: len([u for u in units if u.source == task.source]) for task in tasks}
    parts: dict[Path, list[Result]] = {}
    split = len(units) > len(tasks)  # then each worker imports only the library its part needs
    try:
        for part in execute(units, workers, scheduler, warm=() if split else kinds, mp_context=mp_context):
            parts.setdefault(part.source, []).append(part)
            if len(parts[part.source]) < pending[part.source]:
                continue
            result = merge(parts.pop(part.source))
            write_result(result, out, manifest)
            results.append(result)
            on_result(result)
    finally:
        write_manifest(out, manifest)
    return results


def make_tasks(
    jobs: list[Job], out: Path, kinds: list[str], layout: Layout, force: bool, manifest: dict[str, str]
) -> tuple[list[Task], list[Result]]:
    """Read every source once; unreadable ones become failed results straight away."""
    from handouts.source.yamlread import ReadError, read_bytes

    tasks: list[Task] = []
    failed: list[Result] = []
    owner: dict[str, Path] = {}  # output -> the source that writes it
    for job in jobs:
        targets = {k: output_path(job.source, job.subdir, k).as_posix() for k in kinds}
        clash = next((owner[t] for t in targets.values() if t in owner), None)
        if clash is not None:  # a.yaml and a.json in one folder: never let one overwrite the other
            failed.append(
                Result(
                    job.source,
                    problems=[
                        Problem(
                            f"writes the same outputs as {clash}", file=job.source, hint="rename one of the two sources"
                        )
                    ],
                )
            )
            continue
        owner.update((t, job.source) for t in targets.values())
        try:
            raw = read_bytes(job.source)
        except ReadError as exc:
            failed.append(Result(job.source, problems=exc.problems))
            continue
        previous = {k: manifest[t] for k, t in targets.items() if t in manifest and (out / t).is_file()}
        tasks.append(Task(job.source, raw, layout, targets, previous, force))
    return tasks, failed


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


def write_result(result: Result, out: Path, manifest: dict[str, str] | None = None) -> None:
    """Write a result's outputs atomically under ``out``; a write error fails
    that source only. The manifest (if given) records what is now on disk."""
    for target, data in result.outputs.items():
        try:
            write_atomically(out / target, data)
        except HandoutsError as exc:
            result.problems += exc.problems
            continue
        result.written.append(target)
        if manifest is not None:
            manifest[target] = result.fingerprints[target]
    result.outputs = {}
    for target in result.omitted:  # an old file would show what the source no longer says
        stale = out / target
        if stale.is_file():
            stale.unlink(missing_ok=True)
        if manifest is not None:
            manifest.pop(target, None)
    if manifest is not None:
        manifest.update((target, result.fingerprints[target]) for target in result.unchanged)
