"""Writing outputs so that nothing is ever lost: every file goes to a
temporary file beside its target and is renamed into place."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from handouts.errors import OutputError
from handouts.pipeline.outputs import OUTPUTS


def write_atomically(target: Path, data: bytes) -> None:
    """Write to a temporary file beside ``target`` and rename it into place,
    so a reader (or a crash) never sees a half-written file."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
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
            f"cannot write the file: {exc.strerror}",
            file=target,
            hint="check the disk space and the folder's permissions",
        ) from None
    except BaseException:  # Ctrl-C mid-write: leave the previous output, not a partial file
        Path(tmp).unlink(missing_ok=True)
        raise


def remove_stale_temporaries(folder: Path) -> None:
    """Delete temporary files a killed build left behind (``.<name>.<random>.tmp``)."""
    if folder.is_dir():
        suffixes = tuple(kind.suffix + "." for kind in OUTPUTS.values()) + (".json.",)
        for leftover in folder.rglob(".*.tmp"):
            if any(suffix in leftover.name for suffix in suffixes):
                leftover.unlink(missing_ok=True)
