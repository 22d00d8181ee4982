"""The benchmark scripts still run and print their figures (their timings are
not checked here: performance is measured by running them, never by tests).
One of them broke silently once when an internal signature changed."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT

CASES = [
    (["cli.py", "--runs", "1"], ["handouts check", "watch rebuild", "10x rows and events"]),
    (
        ["batch.py", "4"],
        ["--jobs 1:", "--jobs 2:", "speed-up", "batch overhead", "live memory", "second (incremental) run"],
    ),
    (["batch.py", "3", "--mixed"], ["3 mixed sources", "speed-up"]),
    (["watch.py", "--saves", "1"], ["watch: save -> 3 outputs written"]),
    (["handout.py", "--runs", "1"], ["ms"]),
    (["deck.py", "1"], ["ms", "unseen median"]),
    (["deck_floor.py", "2"], ["2 slides:", "notes pages", "floor:"]),
]


@pytest.mark.parametrize("args, expected", CASES, ids=[" ".join(c[0]) for c in CASES])
def test_benchmark_script_runs(args: list[str], expected: list[str]) -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / args[0]), *args[1:]],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    for line in expected:
        assert line in proc.stdout, f"{line!r} missing from:\n{proc.stdout}"
