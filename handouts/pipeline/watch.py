"""The edit loop: rebuild a source's outputs the moment it (or its pictures or
layout) is saved, keeping the last good outputs when the new version is broken.

Changes arrive as the operating system's file notifications (``watchfiles``).
The folders holding the watched files are watched, not the files, since many
editors save by writing a new file and renaming it over the old one. A change
is acted on once the folder has been quiet for :data:`SETTLE_MS`, so a file
still being written is never read half-way.

Where notifications are not available (network drives, some containers:
``WATCHFILES_FORCE_POLLING``) watchfiles polls modification times, and a file
replaced with the same mtime (``cp -p``, editors that keep it) sends no event.
So every :data:`CHECK_MS` without an event the watched files' signatures
(inode, size, mtime and ctime in ns: ctime changes on every write and cannot
be set back) are compared with those of the last build as well.
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
CHECK_MS = 500  # without an event, compare the files' signatures this often

Signature = tuple[int, int, int, int] | None  # inode, size, mtime_ns, ctime_ns; None: no such file


def signatures(files: set[Path]) -> dict[Path, Signature]:
    """What identifies each file's current version without reading it."""
    found: dict[Path, Signature] = {}
    for path in files:
        try:
            st = path.stat()
        except OSError:
            found[path] = None
        else:
            found[path] = (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
    return found


def settled(files: set[Path], seen: dict[Path, Signature]) -> bool:
    """Whether a file differs from ``seen``, waiting until it stops changing
    (the same settle time as for events: a copy in progress is not read)."""
    import time

    now = signatures(files)
    if now == seen:
        return False
    while True:
        time.sleep(SETTLE_MS / 1000)
        later = signatures(files)
        if later == now:
            return True
        now = later


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
    seen: dict[Path, Signature] = {}

    def run() -> set[Path]:
        nonlocal images, seen
        before = {p.resolve() for p in (source, *images, *(layout_files() if callable(layout_files) else layout_files))}
        seen = signatures(before)  # taken before reading: a save during the build rebuilds again
        result = build()
        on_rebuild(result)
        images = images if result.images is None else result.images
        layouts = layout_files() if callable(layout_files) else layout_files
        files = {p.resolve() for p in (source, *layouts, *images)}
        seen = {p: seen.get(p) or signatures({p})[p] for p in files}
        return files

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
            rust_timeout=CHECK_MS,
            yield_on_timeout=True,  # an empty set every CHECK_MS: compare signatures then
        )
        for change in changes:
            if not change and not settled(files, seen):
                continue
            now = run()
            if now != files:  # new pictures (or folders) to watch: watch again with them
                files = now
                break
        else:
            return  # stopped
