"""The pieces every build shares (the output registry, output names, atomic
writes, internal-error reports), used by the batch and the watch loop; and
:func:`build_source`, one source loaded, rendered and written in this process,
for tests and benchmarks."""

from __future__ import annotations

import importlib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from handouts.errors import OutputError, Problem
from handouts.layout.models import Layout
from handouts.render.context import RenderContext
from handouts.source.models import Comparison


@dataclass(frozen=True)
class OutputKind:
    """One output: where its renderer lives (imported lazily) and its file suffix."""

    name: str
    module: str
    function: str
    suffix: str

    def renderer(self) -> Callable[[Comparison, Layout, RenderContext], bytes]:
        return getattr(importlib.import_module(self.module), self.function)


OUTPUTS: dict[str, OutputKind] = {
    kind.name: kind
    for kind in (
        OutputKind("handout", "handouts.render.handout.document", "render_handout", ".handout.pdf"),
        OutputKind("timeline", "handouts.render.timeline.document", "render_timeline", ".timeline.pdf"),
        OutputKind("deck", "handouts.render.deck.writer", "render_deck", ".deck.pptx"),
    )
}


@dataclass
class BuildResult:
    """What one source produced: written files and warnings."""

    source: Path
    written: list[Path] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def internal_problem(exc: Exception, source: Path) -> Problem:
    """A renderer bug, reported like any problem (with where it happened) so a
    batch or a watch loop carries on instead of dying with a traceback."""
    import traceback

    last = traceback.extract_tb(exc.__traceback__)[-1]
    return Problem(f"internal error while rendering: {type(exc).__name__}: {exc} "
                   f"(at {Path(last.filename).name}:{last.lineno})", file=source,
                   hint="please report this with the source file")


def parse_kinds(text: str) -> list[str]:
    """``"handout,deck"`` -> ``["handout", "deck"]``, refusing unknown names."""
    kinds = [part.strip() for part in text.split(",") if part.strip()]
    unknown = [k for k in kinds if k not in OUTPUTS]
    if unknown or not kinds:
        raise OutputError.single(f"unknown output {', '.join(unknown) or '(none)'!s}", key="--to",
                                 hint=f"choose from: {', '.join(OUTPUTS)} (comma-separated)")
    return list(dict.fromkeys(kinds))


def import_renderers(kinds: list[str]) -> None:
    """Import the renderers now (before forking workers, or before a watch loop's
    first save), so that cost is paid once."""
    for kind in kinds:
        OUTPUTS[kind].renderer()


def output_path(source: Path, out_dir: Path, kind: str) -> Path:
    """``out/<stem>.handout.pdf`` and friends."""
    return out_dir / f"{source.stem}{OUTPUTS[kind].suffix}"


def build_source(source: Path, out_dir: Path, kinds: list[str], layout: Layout) -> BuildResult:
    """Load one source and write its outputs (raises :class:`HandoutsError`)."""
    from handouts.source.loader import load_source

    model = load_source(source)
    return render_outputs(model, layout, source, out_dir, kinds)


def render_outputs(model: Comparison, layout: Layout, source: Path, out_dir: Path,
                   kinds: list[str]) -> BuildResult:
    """Render each kind and write it atomically; the first failure raises."""
    result = BuildResult(source)
    context = RenderContext(source_path=source, warnings=result.warnings)
    for kind in kinds:
        data = OUTPUTS[kind].renderer()(model, layout, context)
        target = output_path(source, out_dir, kind)
        write_atomically(target, data)
        result.written.append(target)
    return result


def write_atomically(target: Path, data: bytes) -> None:
    """Write to a temporary file beside ``target`` and rename it into place,
    so a reader (or a crash) never sees a half-written file."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError.single(f"cannot write to the folder: {exc.strerror}", file=target.parent,
                                 hint="choose another folder with --out") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError.single(f"cannot write the file: {exc.strerror}", file=target,
                                 hint="check the disk space and the folder's permissions") from None
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
