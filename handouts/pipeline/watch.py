"""The edit loop: rebuild a source's outputs the moment it (or its images or
layout) is saved, keeping the last good outputs when the new version is broken."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from handouts.pipeline.outputs import OUTPUTS, internal_problem, output_path, write_atomically
from handouts.errors import HandoutsError, Problem
from handouts.layout.models import Layout
from handouts.render.context import RenderContext

POLL_SECONDS = 0.01  # stat() of a few files 100 times a second costs next to nothing


@dataclass
class Rebuild:
    """The outcome of one rebuild: files written, or the problems that stopped it."""

    written: list[Path]
    problems: list[Problem]
    warnings: list[Problem]
    seconds: float
    images: list[Path] | None = None  # the pictures the source names (None: it did not load)


def rebuild(source: Path, out: Path, kinds: list[str], load_layout: Callable[[], Layout],
            split: bool = True) -> Rebuild:
    """Render every output in memory first (the deck beside the PDFs when a
    second CPU is free); write only if all succeeded."""
    from handouts.pipeline.render_split import render_kinds
    from handouts.source.loader import load_source

    start = time.perf_counter()
    images = None
    try:
        layout = load_layout()
        model = load_source(source)
        images = [source.parent / s.image for s in model.subjects if s.image]
        context = RenderContext(source_path=source)
        rendered: dict[str, bytes] = {}
        render_kinds(kinds, lambda kind, ctx: OUTPUTS[kind].renderer()(model, layout, ctx), context, rendered, split)
    except HandoutsError as exc:
        return Rebuild([], exc.problems, [], time.perf_counter() - start, images)
    except Exception as exc:  # a renderer bug: say so and keep watching, like a batch does
        return Rebuild([], [internal_problem(exc, source)], [], time.perf_counter() - start, images)
    written = []
    try:
        for kind, data in rendered.items():
            target = output_path(source, out, kind)
            write_atomically(target, data)
            written.append(target)
    except HandoutsError as exc:
        return Rebuild(written, exc.problems, context.warnings, time.perf_counter() - start, images)
    return Rebuild(written, [], context.warnings, time.perf_counter() - start, images)


def snapshot(files: list[Path]) -> tuple:
    """Modification stamps; a missing file (mid-save) counts as a change later."""
    stamps = []
    for path in files:
        try:
            stat = path.stat()
            stamps.append((str(path), stat.st_mtime_ns, stat.st_size))
        except OSError:
            stamps.append((str(path), None, None))
    return tuple(stamps)


def watch(source: Path, out: Path, kinds: list[str], load_layout: Callable[[], Layout],
          layout_files: list[Path], on_rebuild: Callable[[Rebuild], None],
          stop: Callable[[], bool] = lambda: False) -> None:
    """Build once, then poll and rebuild on every change until ``stop()``. The
    files watched are the source, the layout's files and the pictures the last
    loadable version of the source named (each rebuild reports them)."""
    images: list[Path] = []

    def run(stamps: tuple, **options: bool) -> tuple[list[Path], tuple]:
        nonlocal images
        result = rebuild(source, out, kinds, load_layout, **options)
        on_rebuild(result)
        images = images if result.images is None else result.images
        files = [source, *layout_files, *images]
        return files, _restamp(stamps, files)

    # The first build in this process, so fonts and caches are warm here; later
    # rebuilds fork the deck's process from it and inherit them.
    files, last = run(snapshot([source, *layout_files]), split=False)
    while not stop():
        time.sleep(POLL_SECONDS)
        current = snapshot(files)
        if current != last:
            files, last = run(current)


def _restamp(stamps: tuple, files: list[Path]) -> tuple:
    """The stamps taken before a rebuild (so a save during it is not missed);
    files watched for the first time are stamped now."""
    known = {stamp[0]: stamp for stamp in stamps}
    return tuple(known.get(str(path)) or snapshot([path])[0] for path in files)
