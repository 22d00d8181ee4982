"""The edit loop: rebuild a source's outputs the moment it (or its pictures or
layout) is saved, keeping the last good outputs when the new version is broken.

Changes arrive as the operating system's file notifications (``watchfiles``).
The folders holding the watched files are watched, not the files, since many
editors save by writing a new file and renaming it over the old one. A change
is acted on once the folder has been quiet for :data:`SETTLE_MS`, so a file
still being written is never read half-way.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from handouts.errors import HandoutsError
from handouts.layout.models import Layout
from handouts.pipeline.batch import write_result
from handouts.pipeline.files import remove_stale_temporaries
from handouts.pipeline.outputs import output_name
from handouts.pipeline.pool import beside_pool, render_beside
from handouts.pipeline.render import Result, Task, merge, split_by_library

if TYPE_CHECKING:
    from concurrent.futures import Executor

SETTLE_MS = 40  # quiet time after the last change before reading the files


class StopEvent(Protocol):
    """Anything with ``is_set()``, e.g. a :class:`threading.Event`."""

    def is_set(self) -> bool: ...


class LayoutSource:
    """The layout, read again on every change (it may be edited too), and the files it
    was read from: a file that a later ``extends:`` adds is watched from then on."""

    def __init__(self, name: str, layouts_dir: Path | None = None, sets: tuple[str, ...] | list[str] = ()) -> None:
        from handouts.layout.resolve import resolve_layout

        self._resolve = lambda: resolve_layout(name, layouts_dir, sets)
        self.files: list[Path] = list(self._resolve().chain)  # a broken layout fails here, before watching

    def __call__(self) -> Layout:
        resolved = self._resolve()
        self.files = list(resolved.chain)
        return resolved.layout


def rebuild(
    source: Path, out: Path, kinds: list[str], load_layout: Callable[[], Layout], pool: Executor | None = None
) -> Result:
    """Render every output in memory (with a ``pool``, the deck beside the
    PDFs); write them only if all succeeded, so a broken save leaves the last
    good outputs in place."""
    from handouts.source.yamlread import read_bytes

    try:
        layout = load_layout()
        raw = read_bytes(source)
    except HandoutsError as exc:
        return Result(source, problems=list(exc.problems))
    task = Task(source, raw, layout, {k: output_name(source, k) for k in kinds}, force=True)
    result = merge(render_beside(split_by_library(task) if pool else [task], pool))
    if result.problems:
        result.outputs = {}
    write_result(result, out)
    return result


def watch(
    source: Path,
    out: Path,
    kinds: list[str],
    load_layout: Callable[[], Layout],
    layout_files: list[Path] | Callable[[], list[Path]],
    on_rebuild: Callable[[Result], None],
    stop: StopEvent | None = None,
) -> None:
    """Build once, then rebuild on every change until ``stop`` is set (or
    Ctrl-C). The files watched are the source, the layout's files and the
    pictures the last loadable version of the source named."""
    remove_stale_temporaries(out)  # a killed watch's or build's leftovers, never a running one's
    with beside_pool(kinds) as pool:
        _changes_until_stopped(
            source, layout_files, stop, lambda: rebuild(source, out, kinds, load_layout, pool), on_rebuild
        )


def _changes_until_stopped(
    source: Path,
    layout_files: list[Path] | Callable[[], list[Path]],
    stop: StopEvent | None,
    build: Callable[[], Result],
    on_rebuild: Callable[[Result], None],
) -> None:
    """Run ``build`` once, then after every settled change to the files it depends on."""
    import watchfiles

    images: list[Path] = []

    def run() -> set[Path]:
        nonlocal images
        result = build()
        on_rebuild(result)
        images = images if result.images is None else result.images
        layouts = layout_files() if callable(layout_files) else layout_files
        return {p.resolve() for p in (source, *layouts, *images)}

    files = run()
    while stop is None or not stop.is_set():
        folders = sorted({str(p.parent) for p in files if p.parent.is_dir()})
        watched = {str(p) for p in files}
        changes = watchfiles.watch(
            *folders,
            watch_filter=lambda _, path, watched=watched: str(Path(path).resolve()) in watched,
            step=SETTLE_MS,
            stop_event=stop,
            recursive=False,
            rust_timeout=500,
            yield_on_timeout=False,
        )
        for _ in changes:
            now = run()
            if now != files:  # new pictures (or folders) to watch: watch again with them
                files = now
                break
        else:
            return  # stopped
