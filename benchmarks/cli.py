#!/usr/bin/env python3
"""Whole-process and in-process figures for the performance targets.

    python benchmarks/cli.py [--runs N]

Prints medians for: `handouts --help`, `handouts check`, `handouts build` (all
three outputs) with peak memory; in-process render time per output; the watch
rebuild time; cost growth for a source with 10x rows and events; and, when
pandoc is installed, pandoc on equivalent Markdown in the same run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "content" / "lenin-vs-stalin.yaml"
sys.path.insert(0, str(ROOT))


def timed_process(args: list[str]) -> tuple[float, float]:
    """Wall time (s) and peak memory (MB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(args)}\n{proc.stderr.read().decode()[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024


def median_process(args: list[str], runs: int) -> tuple[float, float]:
    samples = [timed_process(args) for _ in range(runs)]
    return statistics.median(s[0] for s in samples), max(s[1] for s in samples)


def median_call(fn, runs: int) -> float:  # noqa: ANN001
    fn()  # warm
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def scaled_source(folder: Path, factor: int) -> Path:
    import yaml

    data = yaml.safe_load(SOURCE.read_text())
    data["table"] = [dict(row, label=f"{row['label']} {i}") for i in range(factor) for row in data["table"]]
    data["timeline"] = [dict(ev, label=f"{ev['label']} {i}") for i in range(factor) for ev in data["timeline"]]
    path = folder / f"scaled{factor}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    exe = [sys.executable, "-m", "handouts"]
    with tempfile.TemporaryDirectory() as tmp:
        help_s, _ = median_process(exe + ["--help"], runs)
        check_s, _ = median_process(exe + ["check", str(SOURCE)], runs)
        build_s, build_mb = median_process(exe + ["build", str(SOURCE), "--out", tmp, "--force"], runs)
        serial_s, serial_mb = median_process(exe + ["build", str(SOURCE), "--out", tmp, "--force", "-j", "1"], runs)
        print(f"handouts --help            {help_s * 1000:7.0f} ms   (budget <= 80 ms)")
        print(f"handouts check             {check_s * 1000:7.0f} ms   (target < 150 ms)")
        print(
            f"handouts build (3 outputs) {build_s * 1000:7.0f} ms   (budget <= 400 ms), peak {build_mb:.0f} MB "
            "(budget <= 100 MB)"
        )
        print(f"  ... with --jobs 1        {serial_s * 1000:7.0f} ms   (all in one process), peak {serial_mb:.0f} MB")

        from handouts.layout.resolve import load_layout
        from handouts.pipeline.outputs import DEFAULT_KINDS, OUTPUTS
        from handouts.pipeline.render import Task, render_source
        from handouts.pipeline.watch import rebuild
        from handouts.source.loader import load_source

        layout = load_layout("classic")
        model = load_source(SOURCE)

        def render(path: Path, kinds: list[str]) -> None:
            result = render_source(Task(path, path.read_bytes(), layout, {k: k for k in kinds}, force=True))
            if result.problems:
                sys.exit(f"render failed: {result.problems[0].format()}")

        load_s = median_call(lambda: load_source(SOURCE), runs)
        print(f"in process: load + validate {load_s * 1000:6.1f} ms")
        for kind in OUTPUTS:
            seconds = median_call(lambda kind=kind: render(SOURCE, [kind]), runs)
            print(f"in process: {kind:<16}{(seconds - load_s) * 1000:6.1f} ms (render_source less loading)")
        watch_s = median_call(lambda: rebuild(SOURCE, Path(tmp), list(DEFAULT_KINDS), lambda: layout), runs)
        print(f"watch rebuild (3 outputs)   {watch_s * 1000:6.1f} ms   (budget: median save -> written <= 150 ms)")

        big = scaled_source(Path(tmp), 10)
        small = scaled_source(Path(tmp), 1)
        times = {}
        for path in (small, big):
            times[path] = median_call(lambda path=path: render(path, list(DEFAULT_KINDS)), max(3, runs // 3))
        print(f"10x rows and events: {times[big] / times[small]:.1f}x the time (target <= ~12x)")

        if shutil.which("pandoc"):
            md = Path(tmp) / "equivalent.md"
            lines = [f"# {model.title}", ""]
            for section in model.sections:
                lines += [f"## {section.heading}", "", section.body, ""]
            md.write_text("\n".join(lines))
            pandoc_s, _ = median_process(["pandoc", str(md), "-o", str(Path(tmp) / "p.pptx")], runs)
            print(
                f"pandoc slides.md -> pptx   {pandoc_s * 1000:7.0f} ms   (handouts build of all three is "
                f"{build_s / pandoc_s:.2f}x that)"
            )
        else:
            print("pandoc not installed: skipping the side-by-side figure")


if __name__ == "__main__":
    main()
