#!/usr/bin/env python3
"""Batch throughput: generate N varied sources, build them with --jobs 1 and
--jobs 2 (all three outputs), print documents per second, the speed-up, peak
memory per worker and how it grew from the first documents to the last, the
batch's overhead above rendering alone, and the time of a second, fully
incremental run.

    python benchmarks/batch.py [N] [--mixed]      (default 200)

By default every source has the size of the reference content the targets
were set on (the bundled Lenin vs. Stalin source: 2 subjects, 10 rows, 8
sections of ~120 words, 10 events), with different words in each. ``--mixed``
makes bigger, uneven ones instead (2-5 subjects, 5-14 rows, 3-8 sections of
two paragraphs: decks of 20-40 slides).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORDS = [
    "state",
    "party",
    "reform",
    "army",
    "trade",
    "empire",
    "council",
    "revolution",
    "treaty",
    "famine",
    "industry",
    "land",
    "peasant",
    "worker",
    "church",
    "law",
    "tax",
    "navy",
    "border",
    "plan",
    "war",
    "peace",
    "union",
]


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def reference_source(rng: random.Random, i: int) -> dict:
    """The reference content's shape with fresh words: 2 subjects, 10 rows,
    8 sections of ~120 words, 10 events."""
    names = [f"Subject {i}-{j}" for j in range(2)]
    return {
        "title": f"Topic {i}",
        "subtitle": "A generated comparison",
        "course": "Benchmark 101",
        "subjects": [{"name": n} for n in names],
        "summary": " ".join(sentence(rng, 14) for _ in range(3)),
        "table": [
            {"label": f"Attribute {r}", "values": [sentence(rng, rng.randint(4, 14)) for _ in names]} for r in range(10)
        ],
        "similarities": [sentence(rng, 8) for _ in range(3)],
        "sections": [
            {"heading": f"Section {s}", "body": " ".join(sentence(rng, 15) for _ in range(8))} for s in range(8)
        ],
        "timeline": [{"date": str(1850 + rng.randint(0, 80)), "label": sentence(rng, 3)[:-1]} for _ in range(10)],
        "conclusion": sentence(rng, 20),
    }


def mixed_source(rng: random.Random, i: int) -> dict:
    """Bigger and uneven: 2-5 subjects, 5-14 rows, 3-8 two-paragraph sections."""
    k = rng.randint(2, 5)
    names = [f"Subject {i}-{j}" for j in range(k)]
    return {
        "title": f"Topic {i}",
        "subtitle": "A generated comparison",
        "course": "Benchmark 101",
        "subjects": [{"name": n} for n in names],
        "summary": " ".join(sentence(rng, 14) for _ in range(4)),
        "table": [
            {"label": f"Attribute {r}", "values": [sentence(rng, rng.randint(2, 18)) for _ in names]}
            for r in range(rng.randint(5, 14))
        ],
        "similarities": [sentence(rng, 8) for _ in range(3)],
        "sections": [
            {
                "heading": f"Section {s}",
                "body": "\n\n".join(" ".join(sentence(rng, 15) for _ in range(4)) for _ in range(2)),
            }
            for s in range(rng.randint(3, 8))
        ],
        "timeline": [
            {"date": str(1800 + rng.randint(0, 150)), "label": sentence(rng, 3)[:-1]} for _ in range(rng.randint(4, 12))
        ],
        "conclusion": sentence(rng, 20),
    }


def run(args: list[str]) -> tuple[float, dict]:
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "handouts", "build", *args, "--json"], cwd=ROOT, capture_output=True, text=True
    )
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"build failed:\n{proc.stderr[-2000:]}")
    return elapsed, json.loads(proc.stdout)


def render_floor(folder: Path, sample: int = 20) -> float:
    """Seconds per source for :func:`render_source` (validate and render the
    three outputs) in a warm process: the floor the batch machinery (reading,
    workers, writing, manifest) adds its overhead to."""
    import statistics

    paths = sorted(folder.glob("*.yaml"))[:sample]
    render = renderer()
    for path in paths[:2]:  # warm: imports, fonts
        render(path)
    times = []
    for _ in range(3):
        start = time.perf_counter()
        for path in paths:
            render(path)
        times.append((time.perf_counter() - start) / len(paths))
    return statistics.median(times)


def renderer():  # noqa: ANN201 - returns render(path)
    """``render(path)``: the build's own render function, all three outputs, nothing written."""
    sys.path.insert(0, str(ROOT))
    from handouts.layout.resolve import load_layout
    from handouts.pipeline.outputs import DEFAULT_KINDS
    from handouts.pipeline.render import Task, render_source

    layout = load_layout("classic")

    def render(path: Path) -> None:
        result = render_source(Task(path, path.read_bytes(), layout, {k: k for k in DEFAULT_KINDS}, force=True))
        if result.problems:
            sys.exit(f"render failed: {result.problems[0].format()}")

    return render


def growth(summary: dict) -> str:
    """Workers' resident memory after the first and after the last tenth of the documents."""
    import statistics

    rss = [r["rss_mb"] for r in summary["results"]]
    tenth = max(1, len(rss) // 10)
    first, last = statistics.median(rss[:tenth]), statistics.median(rss[-tenth:])
    return (
        f"resident {first:.0f} MB after the first {tenth} documents, {last:.0f} MB after the last {tenth} "
        f"({last - first:+.0f} MB)"
    )


def live_memory(folder: Path) -> str:
    """Resident memory of one process rendering every source in turn, taken
    after glibc has returned its free pages (malloc_trim): the memory still in
    use, without the allocator's high-water mark that the workers' figures carry."""
    import ctypes

    try:
        trim = ctypes.CDLL("libc.so.6").malloc_trim
    except OSError:
        return "live memory: needs glibc (skipped)"
    render = renderer()
    paths = sorted(folder.glob("*.yaml"))
    tenth = max(1, len(paths) // 10)
    marks = []
    for index, path in enumerate(paths, start=1):
        render(path)
        if index in (tenth, len(paths)):
            trim(0)
            with open("/proc/self/statm", "rb") as handle:
                marks.append(int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20)
    return (
        f"live memory of one process: {marks[0]:.0f} MB after {tenth} sources, {marks[-1]:.0f} MB "
        f"after {len(paths)} ({marks[-1] - marks[0]:+.0f} MB)"
    )


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args else 200
    make_source = mixed_source if "--mixed" in sys.argv else reference_source
    print(f"{n} {'mixed' if make_source is mixed_source else 'reference-sized'} sources")
    rng = random.Random(42)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "sources"
        src.mkdir()
        for i in range(n):
            (src / f"topic{i:04}.yaml").write_text(yaml.safe_dump(make_source(rng, i), allow_unicode=True))
        rates = {}
        for jobs in (1, 2):
            seconds, summary = run([str(src), "--out", f"{tmp}/out{jobs}", "--jobs", str(jobs)])
            rates[jobs] = n / seconds
            peak = max(r["max_rss_mb"] for r in summary["results"])
            print(
                f"--jobs {jobs}: {n} sources x 3 outputs in {seconds:.2f} s = {rates[jobs]:.1f} sources/s; "
                f"peak memory per worker {peak:.0f} MB"
            )
            print(f"  memory: {growth(summary)}")
        print(f"speed-up 1 -> 2 jobs: {rates[2] / rates[1]:.2f}x")
        floor = render_floor(src)
        per_doc = 1 / rates[1]
        print(
            f"per source with --jobs 1: {per_doc * 1000:.1f} ms; render_source alone (warm, in process): "
            f"{floor * 1000:.1f} ms; batch overhead above that: {(per_doc / floor - 1) * 100:.0f}%"
        )
        print(live_memory(src))
        seconds, summary = run([str(src), "--out", f"{tmp}/out2", "--jobs", "2"])
        print(
            f"second (incremental) run: {seconds:.2f} s, {summary['skipped']} outputs unchanged, "
            f"{summary['written']} written"
        )


if __name__ == "__main__":
    main()
