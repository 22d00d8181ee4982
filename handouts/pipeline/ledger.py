"""Keeping the manifest up to date while a batch runs, safely beside other builds.

A batch killed at 30 of 120 sources must not rebuild all 120, so the manifest is
saved as outputs land (at most every :data:`FLUSH_SECONDS`). Two builds into one
folder must not erase each other's entries, so each save takes a lock file, reads
the manifest on disk, applies only this build's changes and writes it back
atomically. The lock is a file created exclusively (``O_EXCL``): portable, no
``fcntl``; one left by a killed build is taken over once it is stale.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from handouts.errors import HandoutsError, Problem
from handouts.pipeline.files import process_alive
from handouts.pipeline.manifest import MANIFEST_NAME, read_manifest, write_manifest

LOCK_NAME = ".handouts-manifest.lock"
FLUSH_SECONDS = 0.5
LOCK_WAIT_SECONDS = 10.0
STALE_LOCK_SECONDS = 5.0  # a save takes milliseconds; a lock this old was left by a killed build


class Ledger:
    """The manifest as this build sees it, plus the changes it has to save."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.entries = read_manifest(out_dir)
        self._changes: dict[str, str] = {}
        self._saved_at = time.monotonic()

    def record(self, target: str, entry: str) -> None:
        """Remember that ``target`` now holds the output described by ``entry``."""
        self.entries[target] = entry
        self._changes[target] = entry
        if time.monotonic() - self._saved_at >= FLUSH_SECONDS:
            try:
                self.save()
            except HandoutsError:  # the batch goes on; the final save tries again and reports
                self._saved_at = time.monotonic()

    def save(self) -> None:
        """Merge this build's changes into the manifest on disk (under the lock)."""
        self._saved_at = time.monotonic()
        if not self._changes:
            return
        with _Lock(self.out_dir / LOCK_NAME):
            merged = read_manifest(self.out_dir)
            merged.update(self._changes)
            write_manifest(self.out_dir, merged)
        self._changes.clear()


class _Lock:
    """An exclusive lock file; waits a bounded time, never forever."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> _Lock:
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
                with os.fdopen(fd, "w") as handle:
                    handle.write(str(os.getpid()))  # whose it is: a killed build's lock is taken over at once
                return self
            except FileExistsError:
                if _abandoned(self.path):
                    self.path.unlink(missing_ok=True)
                    continue
                if time.monotonic() > deadline:
                    raise HandoutsError(
                        [
                            Problem(
                                f"another build has held {LOCK_NAME} for over {LOCK_WAIT_SECONDS:.0f} s; "
                                f"{MANIFEST_NAME} was not updated",
                                file=self.path.parent,
                                hint="the outputs are written; run the build again once the other one ends",
                            )
                        ]
                    ) from None
                time.sleep(0.02)
            except OSError as exc:
                raise HandoutsError.single(
                    f"cannot update {MANIFEST_NAME}: {exc.strerror}",
                    file=self.path.parent,
                    hint="the outputs are written; check the folder's permissions and free space",
                ) from None

    def __exit__(self, *exc: object) -> None:
        self.path.unlink(missing_ok=True)


def _abandoned(path: Path) -> bool:
    """The lock's owner has ended (POSIX asks the process), or it is too old to be a save."""
    try:
        age = time.time() - path.stat().st_mtime
        owner = int(path.read_text(encoding="ascii") or "0")
    except (OSError, ValueError):
        return False  # gone already, or being written this instant
    if age > STALE_LOCK_SECONDS:
        return True
    return owner > 0 and owner != os.getpid() and not process_alive(owner)
