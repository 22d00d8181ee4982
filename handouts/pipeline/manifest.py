"""Incremental builds: a fingerprint of everything that determines an output,
kept in a manifest in the output folder so unchanged outputs are skipped."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from handouts import __version__
from handouts.caches import memoize
from handouts.fontfiles import FONT_DIR
from handouts.layout.models import Layout
from handouts.pipeline.files import write_atomically
from handouts.source.models import Comparison

MANIFEST_NAME = ".handouts-manifest.json"


def fingerprints(
    kinds: list[str], source_bytes: bytes, model: Comparison, source: Path, layout: Layout
) -> dict[str, str]:
    """Per output kind, a hash of everything that determines it: the shared part
    (source, layout, images, template, fonts, version) is read and hashed once."""
    shared = _inputs_digest(source_bytes, model, source, layout)
    return {kind: hashlib.sha256(f"{kind}:{shared}".encode()).hexdigest() for kind in kinds}


def _inputs_digest(source_bytes: bytes, model: Comparison, source: Path, layout: Layout) -> str:
    """Hash of source bytes, resolved layout, referenced images/template, fonts and version."""
    digest = hashlib.sha256()
    for part in (__version__.encode(), source_bytes, layout.model_dump_json().encode()):
        digest.update(len(part).to_bytes(8, "big") + part)
    extra = [source.parent / s.image for s in model.subjects if s.image]
    if layout.deck.template:  # absolute once the layout is resolved
        extra.append(Path(layout.deck.template))
    for path in extra:
        digest.update(str(path.name).encode())
        digest.update(path.read_bytes() if path.is_file() else b"missing")
    digest.update(_fonts_stamp().encode())
    return digest.hexdigest()


@memoize("bundled fonts stamp", maxsize=1)
def _fonts_stamp() -> str:
    """Names and sizes of the bundled fonts (computed once per process)."""
    return ";".join(f"{p.name}:{p.stat().st_size}" for p in sorted(FONT_DIR.glob("*.ttf")))


def read_manifest(out_dir: Path) -> dict[str, str]:
    """Output path (relative to ``out_dir``) -> entry; empty if absent, unreadable or
    of another shape (a hand-edited manifest only costs a rebuild, never a traceback)."""
    try:
        data = json.loads((out_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    entries = data.get("outputs") if isinstance(data, dict) else None
    if not isinstance(entries, dict):
        return {}
    return {k: v for k, v in entries.items() if isinstance(k, str) and isinstance(v, str)}


def entry(fingerprint: str, data: bytes) -> str:
    """A manifest entry: the inputs' fingerprint and the digest of the bytes written,
    so an output changed or corrupted by hand is rebuilt, not trusted."""
    return f"{fingerprint} {hashlib.sha256(data).hexdigest()}"


def up_to_date(out_dir: Path, target: str, recorded: str | None) -> str | None:
    """The fingerprint ``recorded`` for ``target`` if the file on disk is still the
    one that was written (same digest), else None (missing, changed, old entry)."""
    if not recorded or " " not in recorded:
        return None
    fingerprint, digest = recorded.split(" ", 1)
    try:
        on_disk = hashlib.sha256((out_dir / target).read_bytes()).hexdigest()
    except OSError:
        return None
    return fingerprint if on_disk == digest else None


def write_manifest(out_dir: Path, entries: dict[str, str]) -> None:
    """Write the manifest atomically (sorted, so it is deterministic too)."""
    payload = {"tool": "handouts", "version": __version__, "outputs": dict(sorted(entries.items()))}
    write_atomically(out_dir / MANIFEST_NAME, (json.dumps(payload, indent=1) + "\n").encode())
