"""Median time to render one deck in-process (python -m benchmarks.deck or python benchmarks/deck.py).

Fonts are registered and modules imported by a warm-up render first, as in a
batch build; the median over the runs is the per-deck cost. CPU time is
printed too: on a shared machine it varies less than the wall clock. "unseen"
empties every cache and renders the other bundled source first (untimed), so
the fonts and the template are ready but this source's words are measured
and wrapped afresh: the deck of a source a batch has not met before.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pptx import Presentation  # noqa: E402

from handouts.caches import clear_caches  # noqa: E402
from handouts.layout.resolve import load_layout  # noqa: E402
from handouts.render.context import RenderContext  # noqa: E402
from handouts.render.deck.writer import render_deck  # noqa: E402
from handouts.source.loader import load_source  # noqa: E402


def main(runs: int = 15) -> None:
    layout = load_layout()
    sources = sorted((ROOT / "content").glob("*.yaml"))
    for source in sources:
        model = load_source(source)
        render_deck(model, layout, RenderContext(source))  # warm-up
        times, cpu = _runs(runs, model, layout, source)
        other = next((s for s in sources if s != source), source)
        unseen, _ = _runs(runs, model, layout, source, first=(load_source(other), other))
        data = render_deck(model, layout, RenderContext(source))
        slides = len(Presentation(io.BytesIO(data)).slides)
        print(
            f"{source.name}: median {statistics.median(times) * 1000:.1f} ms per deck "
            f"(min {min(times) * 1000:.1f}, CPU median {statistics.median(cpu) * 1000:.1f}, "
            f"unseen median {statistics.median(unseen) * 1000:.1f}, {runs} runs, {slides} slides)"
        )


def _runs(runs: int, model, layout, source: Path, first=None) -> tuple[list[float], list[float]]:  # noqa: ANN001
    """Wall and CPU seconds of ``runs`` renders; with ``first`` = (model, path), each
    after emptying every cache and rendering that other source (not timed)."""
    times, cpu = [], []
    for _ in range(runs):
        if first is not None:
            clear_caches()
            render_deck(first[0], layout, RenderContext(first[1]))
        start, start_cpu = time.perf_counter(), time.process_time()
        render_deck(model, layout, RenderContext(source))
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return times, cpu


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 15)
