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
from pathlib import Path
from typing import Any

from handouts.errors import HandoutsError, Problem
from handouts.layout.models import Layout
from handouts.pipeline.discover import Job
from handouts.pipeline.files import remove_stale_temporaries, uninterrupted, write_atomically
from handouts.pipeline.ledger import Ledger
from handouts.pipeline.manifest import entry, up_to_date
from handouts.pipeline.outputs import output_path
from handouts.pipeline.pool import execute, render_split
from handouts.pipeline.render import Result, Task, merge, split_by_library


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
    ledger = Ledger(out)
    tasks, results = make_tasks(jobs, out, kinds, layout, force, ledger.entries)
    for result in results:
        on_result(result)
    workers = workers or os.cpu_count() or 1
    if len(tasks) == 1 and workers > 1 and not scheduler:  # a lone source: its deck beside its PDFs
        stream = iter([merge(render_split(split_by_library(tasks[0]), mp_context))])
    else:
        stream = execute(tasks, workers, scheduler, warm=kinds, mp_context=mp_context)
    try:
        for result in stream:
            write_result(result, out, ledger)
            results.append(result)
            on_result(result)
    finally:  # also on Ctrl-C: what was written is recorded, the next run redoes only the rest
        try:
            ledger.save()
        except HandoutsError as exc:
            unsaved = exc
        else:
            unsaved = None
    if unsaved is not None:
        raise unsaved
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
        recorded = {k: up_to_date(out, t, manifest.get(t)) for k, t in targets.items()}
        previous = {k: fingerprint for k, fingerprint in recorded.items() if fingerprint}
        tasks.append(Task(job.source, raw, layout, targets, previous, force))
    return tasks, failed


def write_result(result: Result, out: Path, ledger: Ledger | None = None) -> None:
    """Write a result's outputs atomically under ``out``; a write error fails
    that source only. The ledger (if given) records what is now on disk."""
    for target, data in result.outputs.items():
        with uninterrupted():  # a file on disk is a file in the manifest, even under Ctrl-C
            try:
                write_atomically(out / target, data)
            except HandoutsError as exc:
                result.problems += exc.problems
                continue
            result.written.append(target)
            if ledger is not None:
                ledger.record(target, entry(result.fingerprints[target], data))
    result.outputs = {}
    for target in result.omitted:  # an old file would show what the source no longer says
        (out / target).unlink(missing_ok=True)
