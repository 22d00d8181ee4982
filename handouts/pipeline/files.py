"""Writing outputs so that nothing is ever lost: every file goes to a
temporary file beside its target and is renamed into place."""

from __future__ import annotations

import errno
import os
import re
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from handouts.errors import OutputError
from handouts.pipeline.outputs import OUTPUTS


def write_atomically(target: Path, data: bytes) -> None:
    """Write to a temporary file beside ``target`` and rename it into place,
    so a reader (or a crash) never sees a half-written file."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}-", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError.single(
            f"cannot write to the folder: {exc.strerror}", file=target.parent, hint="choose another folder with --out"
        ) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError.single(
            f"cannot write the file: {exc.strerror}", file=target, hint=_write_hint(exc, target)
        ) from None
    except BaseException:  # Ctrl-C mid-write: leave the previous output, not a partial file
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_hint(exc: OSError, target: Path) -> str:
    """The hint that fits the failure (a folder in the way is not a full disk)."""
    if isinstance(exc, IsADirectoryError) or target.is_dir():
        return "a folder has the output's name: rename or remove it, or choose another --out"
    if exc.errno == errno.ENOSPC:
        return "the disk is full: free some disk space, or choose another folder with --out"
    return "check the disk space and the folder's permissions"


# A temporary file is ``.<name>.<pid>-<random>.tmp``: the pid says whose it is.
_TEMPORARY = re.compile(r"^\..+\.(\d+)-[^.]+\.tmp$")
STALE_TEMPORARY_SECONDS = 24 * 3600  # where a process cannot be asked whether it is alive


def remove_stale_temporaries(folder: Path) -> None:
    """Delete temporary files that killed builds left behind, never one that another
    build still running into the same folder is writing."""
    if not folder.is_dir():
        return
    suffixes = tuple(kind.suffix + "." for kind in OUTPUTS.values()) + (".json.",)
    for leftover in folder.rglob(".*.tmp"):
        match = _TEMPORARY.match(leftover.name)
        if match and any(suffix in leftover.name for suffix in suffixes) and _abandoned(leftover, int(match[1])):
            leftover.unlink(missing_ok=True)


def _abandoned(path: Path, pid: int) -> bool:
    """Its writer is gone: no such process (POSIX), or the file is a day old."""
    if pid == os.getpid():
        return False
    if os.name == "posix":
        return not process_alive(pid)
    try:
        return time.time() - path.stat().st_mtime > STALE_TEMPORARY_SECONDS
    except OSError:
        return False


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` runs; where that cannot be asked safely, assume it does."""
    if os.name != "posix":  # on Windows os.kill(pid, 0) would terminate the process
        return True
    try:
        os.kill(pid, 0)  # signal 0 only asks
    except ProcessLookupError:
        return False
    except OSError:  # alive, someone else's
        return True
    return True


@contextmanager
def uninterrupted() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM while one output is written and recorded, so an
    interrupted build never leaves a file on disk that its manifest does not
    list; the held signal is delivered as soon as the block ends. Outside the
    main thread (where signals cannot be set) it holds nothing."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held: list[int] = []
    stops = (signal.SIGINT, signal.SIGTERM)
    previous = {stop: signal.signal(stop, lambda number, _frame: held.append(number)) for stop in stops}
    try:
        yield
    finally:
        for stop, handler in previous.items():
            signal.signal(stop, handler)
        if held:
            handler = previous[held[0]]
            if callable(handler):
                handler(held[0], None)  # Python's own Ctrl-C handler, or the CLI's SIGTERM one: both raise
            raise KeyboardInterrupt
