"""A layout's deck template, checked when the layout loads: before python-pptx
unpacks it whole into memory (a 1.5 MB "zip bomb" can unpack to gigabytes).

Only the ZIP's directory is read here; ``zipfile`` never unpacks a member past
the size its directory declares, so the limits below bound the real cost.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

MAX_TEMPLATE_MB = 50  # the file itself
MAX_UNPACKED_MB = 100  # all its parts, unpacked (a real template: a few MB)
MAX_PARTS = 2_000


def template_problem(path: Path) -> tuple[str, str] | None:
    """(message, hint) when ``path`` cannot be a deck template, else None."""
    hint = "save the template again from PowerPoint (File > Save As > .potx), without embedded videos"
    try:
        if path.stat().st_size > MAX_TEMPLATE_MB * 2**20:
            return f"the template is over {MAX_TEMPLATE_MB} MB; the limit is {MAX_TEMPLATE_MB} MB", hint
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        return "the template is not a PowerPoint file (it is not a valid .pptx/.potx archive)", hint
    except OSError as exc:
        return f"cannot read the template: {exc.strerror}", hint
    if len(parts) > MAX_PARTS:
        return f"the template has {len(parts):,} parts; the limit is {MAX_PARTS:,}", hint
    unpacked = sum(part.file_size for part in parts)
    if unpacked > MAX_UNPACKED_MB * 2**20:
        return (
            f"the template unpacks to {unpacked / 2**20:,.0f} MB; the limit is {MAX_UNPACKED_MB} MB",
            hint,
        )
    return None
