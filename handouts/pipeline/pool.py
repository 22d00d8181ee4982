"""Where tasks run: in this process, in a local process pool, or on Dask.

The pool is ``concurrent.futures.ProcessPoolExecutor`` with the platform's
default start method (``spawn`` on macOS and Windows); an initializer imports
the renderers once per worker. Workers receive :class:`Task` and return
:class:`Result`: bytes travel, files are written by the coordinating process.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from handouts.errors import HandoutsError
from handouts.pipeline.outputs import OUTPUTS, import_renderers
from handouts.pipeline.render import Result, Task, render_source

if TYPE_CHECKING:  # concurrent.futures is imported only where a pool is made (~10 ms)
    from concurrent.futures import Executor


def execute(
    tasks: list[Task], workers: int, scheduler: str | None = None, warm: Iterable[str] = (), mp_context: Any = None
) -> Iterator[Result]:
    """Yield one result per task, in completion order. ``warm``: output kinds
    whose renderers each pool worker imports before its first task."""
    if scheduler:
        yield from _on_dask(tasks, scheduler)
    elif workers <= 1 or len(tasks) <= 1:
        for task in tasks:
            yield render_source(task)
    else:
        yield from _in_pool(tasks, min(workers, len(tasks)), tuple(warm), mp_context)


def _in_pool(tasks: list[Task], workers: int, warm: tuple[str, ...], mp_context: Any) -> Iterator[Result]:
    from concurrent.futures import ProcessPoolExecutor, as_completed

    pool = ProcessPoolExecutor(max_workers=workers, mp_context=mp_context, initializer=start_worker, initargs=(warm,))
    finished = False
    try:
        futures = [pool.submit(render_source, task) for task in tasks]
        for future in as_completed(futures):
            yield future.result()
        finished = True
    finally:  # on Ctrl-C (or a closed generator), do not wait for queued work
        pool.shutdown(wait=finished, cancel_futures=not finished)


def start_worker(warm: tuple[str, ...]) -> None:
    """A pool worker's first act: leave Ctrl-C to the coordinating process (which
    stops the pool and saves the manifest), end the moment that process ends, for
    whatever reason (Ctrl-C, SIGTERM, kill -9), so no worker is left running under
    PID 1, then import the renderers of ``warm``."""
    import multiprocessing
    import os
    import signal
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()  # public API; its join() returns when the parent is gone
    if parent is not None:
        threading.Thread(target=lambda: (parent.join(), os._exit(1)), name="parent-watch", daemon=True).start()
    if warm:
        import_renderers(warm)


def _on_dask(tasks: list[Task], address: str) -> Iterator[Result]:
    """Send the same tasks to an existing Dask distributed scheduler."""
    try:
        from distributed import Client
        from distributed import as_completed as dask_completed
    except ImportError:
        raise HandoutsError.single(
            "--scheduler needs the Dask extra", key="--scheduler", hint="pip install 'handouts[dask]'"
        ) from None
    try:
        client = Client(address, timeout="10s", set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise HandoutsError.single(
            f"cannot reach the Dask scheduler at {address}: {exc}",
            key="--scheduler",
            hint="check the address (e.g. tcp://10.0.0.5:8786) and that the scheduler runs",
        ) from None
    with client:
        futures = client.map(render_source, tasks, pure=False)
        for future in dask_completed(futures, loop=client.loop):
            yield future.result()


@contextmanager
def beside_pool(kinds: list[str]) -> Iterator[Executor | None]:
    """A one-worker pool, kept warm for a long-lived loop (``watch``), that
    renders the kinds of every library but the first beside this process;
    ``None`` where that cannot pay (one CPU, or one library)."""
    libraries = list(dict.fromkeys(OUTPUTS[kind].library for kind in kinds))
    if (os.cpu_count() or 1) < 2 or len(libraries) < 2:
        yield None
        return
    from concurrent.futures import ProcessPoolExecutor

    beside = tuple(kind for kind in kinds if OUTPUTS[kind].library != libraries[0])
    # start_worker: it ends with the watch loop, even one killed with kill -9
    pool = ProcessPoolExecutor(max_workers=1, initializer=start_worker, initargs=(beside,))
    try:
        pool.submit(import_renderers, ()).result()  # start the worker now, not on the first save
        yield pool
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def render_split(parts: list[Task], mp_context: Any = None) -> list[Result]:
    """One source's parts at once: the first here, the others in fresh worker
    processes that import only the library their part needs."""
    if len(parts) == 1:
        return [render_source(parts[0])]
    from concurrent.futures import ProcessPoolExecutor

    workers = len(parts) - 1
    with ProcessPoolExecutor(workers, mp_context=mp_context, initializer=start_worker, initargs=((),)) as pool:
        return render_beside(parts, pool)


def render_beside(parts: list[Task], pool: Executor | None) -> list[Result]:
    """Render ``parts[0]`` here and the others in ``pool`` at the same time
    (all here without a pool, or if its worker died); results in order."""
    from concurrent.futures.process import BrokenProcessPool

    futures = [pool.submit(render_source, part) for part in parts[1:]] if pool else []
    results = [render_source(parts[0])]
    for part, future in zip(parts[1:], futures or [None] * (len(parts) - 1)):
        try:
            results.append(future.result() if future else render_source(part))
        except BrokenProcessPool:
            results.append(render_source(part))
    return results
