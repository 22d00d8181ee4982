"""Time the handout: median per handout in-process (load + render + write) and
for a whole CLI process (``python -m handouts build SOURCE --to handout``).

Usage: python benchmarks/handout.py [SOURCE] [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def in_process(source: Path, out: Path, runs: int) -> tuple[float, float]:
    """(first build incl. imports and font registration, median of the rest), in seconds."""
    from handouts.layout.resolve import load_layout
    from handouts.pipeline.batch import build
    from handouts.pipeline.discover import Job

    layout = load_layout("classic")
    times = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        build([Job(source)], out, ["handout"], layout, workers=1, force=True)
        times.append(time.perf_counter() - start)
    return times[0], statistics.median(times[1:])


def whole_process(source: Path, out: Path, runs: int) -> float:
    """Median wall time of the CLI building the handout, in seconds."""
    command = [sys.executable, "-m", "handouts", "build", str(source), "--to", "handout", "--out", str(out)]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=ROOT / "content" / "lenin-vs-stalin.yaml")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        first, median = in_process(args.source, Path(tmp), args.runs)
        cli = whole_process(args.source, Path(tmp), max(3, args.runs // 4))
    print(f"source: {args.source.name}")
    print(
        f"in-process: first build {first * 1000:.1f} ms, then median {median * 1000:.1f} ms per handout "
        f"({args.runs} runs)"
    )
    print(
        f"CLI process (python -m handouts build --to handout): median {cli * 1000:.0f} ms "
        f"({max(3, args.runs // 4)} runs)"
    )


if __name__ == "__main__":
    main()
