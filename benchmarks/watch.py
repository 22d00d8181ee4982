#!/usr/bin/env python3
"""The edit loop: save -> all three outputs rewritten, on a warm `handouts watch`.

    python benchmarks/watch.py [--saves N]

Runs the watch loop in a thread on a copy of the bundled source, appends a
comment to the source (a save), and waits until every output file has a
newer modification time. Prints the median, best and worst latency.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "content" / "lenin-vs-stalin.yaml"
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--saves", type=int, default=15)
    saves = parser.parse_args().saves

    from handouts.layout.resolve import resolve_layout
    from handouts.pipeline.outputs import DEFAULT_KINDS, OUTPUTS, output_path
    from handouts.pipeline.watch import watch

    kinds = list(DEFAULT_KINDS)
    for kind in kinds:  # as `handouts watch` does before it starts
        OUTPUTS[kind].renderer()
    resolved = resolve_layout("classic", None, ())
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / SOURCE.name
        shutil.copy(SOURCE, source)
        out = Path(tmp) / "out"
        targets = [output_path(source, out, kind) for kind in kinds]
        stop = threading.Event()
        rebuilt = threading.Event()
        problems: list = []
        inner: list = []
        done: list[float] = []

        def on_rebuild(result) -> None:  # noqa: ANN001 - called once the files are written
            done.append(time.perf_counter())
            problems.extend(result.problems)
            inner.append(result.seconds)
            rebuilt.set()

        thread = threading.Thread(
            target=watch,
            daemon=True,
            args=(source, out, kinds, lambda: resolved.layout, resolved.chain, on_rebuild, stop),
        )
        thread.start()
        if not rebuilt.wait(30) or problems:
            sys.exit(f"the first build failed: {problems}")
        latencies = []
        for i in range(saves):
            time.sleep(0.25)  # a pause between saves, as when editing
            before = [t.stat().st_mtime_ns for t in targets]
            rebuilt.clear()
            start = time.perf_counter()
            with source.open("a", encoding="utf-8") as handle:
                handle.write(f"# save {i}\n")
            if not rebuilt.wait(10):  # blocks without the GIL: the loop runs undisturbed
                sys.exit("no rebuild within 10 s")
            latencies.append(done[-1] - start)
            if any(t.stat().st_mtime_ns == b for t, b in zip(targets, before)):
                sys.exit("a rebuild did not rewrite every output")
        stop.set()
        thread.join(5)
    if problems:
        sys.exit(f"rebuild problems: {problems}")
    ms = [s * 1000 for s in latencies]
    print(
        f"watch: save -> 3 outputs written: median {statistics.median(ms):.0f} ms, best {min(ms):.0f} ms, "
        f"worst {max(ms):.0f} ms over {saves} saves (budget: median <= 150 ms); "
        f"the rebuild itself: median {statistics.median(inner[1:]) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
