"""Batch builds: many sources, in parallel processes or on a Dask cluster,
incremental, and isolated: one bad file never stops the others.

Workers render to bytes; the coordinating process writes every file
atomically and keeps the manifest, so an interrupted batch leaves only whole
files and the next run redoes only what is missing or changed.
"""

from __future__ import annotations

import os
import resource
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from handouts.pipeline.outputs import (OUTPUTS, import_renderers, internal_problem, output_path, remove_stale_temporaries,
                    write_atomically)
from handouts.pipeline.discover import Job
from handouts.errors import HandoutsError, Problem
from handouts.layout.models import Layout
from handouts.pipeline.manifest import fingerprints, read_manifest, write_manifest


@dataclass(frozen=True)
class Task:
    """Everything a worker needs; picklable, and free of shared-filesystem
    assumptions apart from images and templates."""

    source: str
    raw: bytes
    relative: dict[str, str]  # kind -> output path relative to --out
    previous: dict[str, str]  # kind -> fingerprint of the existing output
    layout: Layout
    force: bool = False


@dataclass
class JobResult:
    """What happened to one source."""

    source: str
    status: str = "built"  # built | skipped | failed
    outputs: dict[str, bytes] = field(default_factory=dict)  # relative path -> bytes to write
    written: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    fingerprints: dict[str, str] = field(default_factory=dict)  # relative path -> fingerprint
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    max_rss_mb: float = 0.0
    rss_mb: float = 0.0  # the worker's memory after this source (flat over a long batch)


def build_task(task: Task, split: bool = False) -> JobResult:
    """Render one source to bytes (runs in a worker). Never raises.

    ``split``: render the deck in a second process beside the PDFs (for a
    lone source when CPUs are free; see :mod:`handouts.render_split`)."""
    from handouts.render.context import RenderContext
    from handouts.pipeline.render_split import render_kinds
    from handouts.source.loader import source_from_document
    from handouts.source.yamlread import ReadError, parse_document

    start = time.perf_counter()
    result = JobResult(task.source)
    source = Path(task.source)
    try:
        model = source_from_document(parse_document(task.raw, source))
        context = RenderContext(source_path=source)
        todo = []
        digests = fingerprints(list(task.relative), task.raw, model, source, task.layout)
        for kind, rel in task.relative.items():
            digest = result.fingerprints[rel] = digests[kind]
            if not task.force and task.previous.get(kind) == digest:
                result.skipped.append(rel)
                continue
            todo.append(kind)
        rendered: dict[str, bytes] = {}
        try:
            render_kinds(todo, lambda kind, ctx: OUTPUTS[kind].renderer()(model, task.layout, ctx),
                         context, rendered, split)
        finally:  # what rendered before a failure is still written, as before
            result.outputs.update((task.relative[kind], data) for kind, data in rendered.items())
        result.warnings = [p.format() for p in context.warnings]
        result.status = "built" if result.outputs else "skipped"
    except ReadError as exc:
        result.status, result.errors = "failed", [exc.problem.format()]
    except HandoutsError as exc:
        result.status, result.errors = "failed", [p.format() for p in exc.problems]
    except Exception as exc:  # a renderer bug must not stop the batch
        result.status, result.errors = "failed", [internal_problem(exc, source).format()]
    result.seconds = time.perf_counter() - start
    result.max_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result.rss_mb = _current_rss_mb() or result.max_rss_mb
    return result


def _current_rss_mb() -> float:
    """Resident memory now (Linux); 0 where /proc is not available."""
    try:
        with open("/proc/self/statm", "rb") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


def make_tasks(jobs: list[Job], out: Path, kinds: list[str], layout: Layout,
               force: bool, manifest: dict[str, str]) -> tuple[list[Task], list[JobResult]]:
    """Read every source once; unreadable ones become failed results straight away."""
    from handouts.source.yamlread import ReadError, read_bytes

    tasks: list[Task] = []
    failed: list[JobResult] = []
    owner: dict[str, Path] = {}  # output -> the source that writes it
    for job in jobs:
        relative = {k: output_path(job.source, job.subdir, k).as_posix() for k in kinds}
        clash = next((owner[rel] for rel in relative.values() if rel in owner), None)
        if clash is not None:  # a.yaml and a.json in one folder: never let one overwrite the other
            failed.append(JobResult(str(job.source), "failed", errors=[Problem(
                f"writes the same outputs as {clash}", file=job.source,
                hint="rename one of the two sources").format()]))
            continue
        owner.update((rel, job.source) for rel in relative.values())
        try:
            raw = read_bytes(job.source)
        except ReadError as exc:
            failed.append(JobResult(str(job.source), "failed", errors=[exc.problem.format()]))
            continue
        previous = {k: manifest[rel] for k, rel in relative.items() if rel in manifest and (out / rel).is_file()}
        tasks.append(Task(str(job.source), raw, relative, previous, layout, force))
    return tasks, failed


def run_batch(jobs: list[Job], out: Path, kinds: list[str], layout: Layout,
              workers: int = 0, force: bool = False, scheduler: str | None = None,
              on_result: Callable[[JobResult], None] = lambda r: None) -> list[JobResult]:
    """Build every job; write outputs and the manifest as results arrive."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise HandoutsError.single(f"cannot write to the output folder: {exc.strerror}", file=out,
                                   hint="choose another folder with --out") from None
    remove_stale_temporaries(out)
    manifest = read_manifest(out)
    tasks, results = make_tasks(jobs, out, kinds, layout, force, manifest)
    for result in results:
        on_result(result)
    try:
        for result in _execute(tasks, workers or os.cpu_count() or 1, scheduler, kinds):
            _write(result, out, manifest)
            results.append(result)
            on_result(result)
    finally:
        write_manifest(out, manifest)
    return results


def _write(result: JobResult, out: Path, manifest: dict[str, str]) -> None:
    """Write a result's files atomically; a write error fails that source only."""
    for rel, data in result.outputs.items():
        try:
            write_atomically(out / rel, data)
        except HandoutsError as exc:
            result.status = "failed"
            result.errors.extend(p.format() for p in exc.problems)
            continue
        result.written.append(rel)
        manifest[rel] = result.fingerprints[rel]
    result.outputs = {}
    for rel in result.skipped:
        manifest[rel] = result.fingerprints[rel]


def _execute(tasks: list[Task], workers: int, scheduler: str | None, kinds: list[str]) -> Iterator[JobResult]:
    """Yield results in completion order: in process, in local processes, or on Dask."""
    if scheduler:
        yield from _on_dask(tasks, scheduler)
        return
    if len(tasks) == 1:  # a lone source: its deck beside its PDFs when a second CPU is free
        yield build_task(tasks[0], split=workers >= 2)
        return
    workers = max(1, min(workers, len(tasks)))
    if workers == 1:
        for task in tasks:
            yield build_task(task)
        return
    from concurrent.futures import ProcessPoolExecutor, as_completed  # only for a pool: ~10 ms of imports
    from multiprocessing import get_context

    import_renderers(kinds)  # once, before forking, so workers inherit them
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=get_context("fork"))
    finished = False
    try:
        futures = [pool.submit(build_task, task) for task in tasks]
        for future in as_completed(futures):
            yield future.result()
        finished = True
    finally:  # on Ctrl-C, do not wait for queued work
        pool.shutdown(wait=finished, cancel_futures=not finished)


def _on_dask(tasks: list[Task], address: str) -> Iterator[JobResult]:
    """Send the same tasks to an existing Dask distributed scheduler."""
    try:
        from distributed import Client, as_completed as dask_completed
    except ImportError:
        raise HandoutsError.single("--scheduler needs the Dask extra", key="--scheduler",
                                   hint="pip install 'handouts[dask]'") from None
    try:
        client = Client(address, timeout="10s", set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise HandoutsError.single(f"cannot reach the Dask scheduler at {address}: {exc}", key="--scheduler",
                                   hint="check the address (e.g. tcp://10.0.0.5:8786) and that the scheduler runs") from None
    with client:
        futures = client.map(build_task, tasks, pure=False)
        for future in dask_completed(futures, loop=client.loop):
            yield future.result()
