"""Batch export as a department runs it: folders, failures, incremental runs,
parallel workers, interruption and a Dask cluster."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from handouts.cli import app
from handouts.pipeline.manifest import MANIFEST_NAME
from tests.conftest import CONTENT, ROOT


def _tree(tmp_path: Path, broken: bool = True) -> Path:
    src = tmp_path / "unit"
    (src / "week2").mkdir(parents=True)
    shutil.copy(CONTENT[0], src / "a.yaml")
    shutil.copy(CONTENT[1], src / "week2" / "b.yaml")
    if broken:
        (src / "week2" / "broken.yaml").write_text("title: Broken\nsubjects: [{name: only one}]\n")
    return src


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != MANIFEST_NAME
    }


def test_folder_with_a_broken_source(runner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(_tree(tmp_path)), "--out", str(out), "--to", "handout", "-j", "1"])
    assert result.exit_code == 1
    assert sorted(_files(out)) == ["a.handout.pdf", "week2/b.handout.pdf"]  # mirrors the input tree
    assert "broken.yaml:2:1: subjects: needs at least 2 entries, found 1" in result.output
    assert "1 failed" in result.output


def test_second_run_skips_and_a_change_rebuilds_only_its_outputs(runner, tmp_path: Path) -> None:
    src, out = _tree(tmp_path, broken=False), tmp_path / "out"
    args = ["build", str(src), "--out", str(out), "--to", "handout,timeline", "-j", "1"]
    assert runner.invoke(app, args).exit_code == 0
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.pdf")}
    second = runner.invoke(app, args)
    # b.yaml (leninism-vs-stalinism) has one dated event: no timeline, so 3 files, not 4
    assert second.exit_code == 0 and "3 unchanged" in second.output
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.pdf")} == before
    (src / "a.yaml").write_text((src / "a.yaml").read_text().replace("Lenin vs. Stalin", "Lenin and Stalin", 1))
    third = runner.invoke(app, args + ["--json"])
    assert third.exit_code == 0
    changed = {p.relative_to(out).as_posix() for p in out.rglob("*.pdf") if p.stat().st_mtime_ns != before[p]}
    assert changed == {"a.handout.pdf", "a.timeline.pdf"}
    forced = runner.invoke(app, args + ["--force"])
    assert "3 files written" in forced.output


def test_parallel_output_is_byte_identical(runner, tmp_path: Path) -> None:
    src = _tree(tmp_path, broken=False)
    for jobs in ("1", "2"):
        assert runner.invoke(app, ["build", str(src), "--out", str(tmp_path / jobs), "-j", jobs]).exit_code == 0
    one, two = _files(tmp_path / "1"), _files(tmp_path / "2")
    assert len(one) == 5 and one == two  # b.yaml has no timeline (one dated event)


def test_killing_a_batch_leaves_only_whole_files(tmp_path: Path) -> None:
    src = tmp_path / "many"
    src.mkdir()
    text = CONTENT[0].read_text()
    for i in range(40):
        (src / f"topic{i:02}.yaml").write_text(text.replace("Lenin vs. Stalin", f"Topic {i}", 1))
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "handouts", "build", str(src), "--out", str(out), "-j", "2", "--to", "handout,deck"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(out.glob("*.pdf"))) < 3:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    pdfs = list(out.glob("*.pdf"))
    assert 3 <= len(pdfs) < 40, "the batch should have been killed midway"
    for pdf in pdfs:
        assert len(PdfReader(pdf).pages) >= 1  # whole, readable files only
    assert not [p for p in out.iterdir() if not p.name.startswith(".") and not p.name.endswith((".pdf", ".pptx"))]
    finish = subprocess.run(
        [sys.executable, "-m", "handouts", "build", str(src), "--out", str(out), "-j", "2", "--to", "handout,deck"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert finish.returncode == 0, finish.stderr
    assert len(list(out.glob("*.pdf"))) == 40 and not list(out.glob(".*.tmp"))


def test_dask_cluster_gives_the_same_files(runner, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    src = _tree(tmp_path)
    local = runner.invoke(app, ["build", str(src), "--out", str(tmp_path / "local"), "-j", "1"])
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    ) as cluster:
        remote = runner.invoke(
            app, ["build", str(src), "--out", str(tmp_path / "dask"), "--scheduler", cluster.scheduler_address]
        )
    assert local.exit_code == remote.exit_code == 1  # the broken source fails on both
    assert "broken.yaml" in remote.output
    assert _files(tmp_path / "local") == _files(tmp_path / "dask")


def test_unreachable_scheduler_is_a_clean_error(runner, tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    result = runner.invoke(app, ["build", str(CONTENT[0]), "--out", str(tmp_path), "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1 and "cannot reach the Dask scheduler" in result.output


def test_missing_input_is_reported(runner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", str(tmp_path / "nope.yaml"), "--out", str(tmp_path)])
    assert result.exit_code == 1 and "no such file or folder" in result.output


def test_no_argument_builds_the_bundled_example(runner, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["build", "--to", "handout"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "lenin-vs-stalin.handout.pdf").is_file()


def test_two_sources_with_one_stem_do_not_overwrite_each_other(runner, tmp_path: Path) -> None:
    src = tmp_path / "dup"
    src.mkdir()
    shutil.copy(CONTENT[0], src / "a.yaml")
    (src / "a.json").write_text('{"title": "J", "subjects": [{"name": "X"}, {"name": "Y"}]}')
    result = runner.invoke(app, ["build", str(src), "--out", str(tmp_path / "out"), "--to", "handout", "-j", "1"])
    assert result.exit_code == 1
    assert "writes the same outputs as" in result.output and "rename one" in result.output
    assert len(list((tmp_path / "out").glob("*.pdf"))) == 1


def test_a_batch_under_spawn_gives_the_same_bytes(tmp_path: Path) -> None:
    """``spawn`` is what macOS and Windows use: workers start fresh, import the
    renderers in their initializer, and must make exactly the same files."""
    import multiprocessing

    from handouts.layout.resolve import load_layout
    from handouts.pipeline.batch import build
    from handouts.pipeline.discover import discover

    jobs, layout = discover([str(_tree(tmp_path))]), load_layout("classic")
    kinds = ["handout", "timeline", "deck"]
    here = build(jobs, tmp_path / "here", kinds, layout, workers=1)
    spawned = build(jobs, tmp_path / "spawn", kinds, layout, workers=2, mp_context=multiprocessing.get_context("spawn"))
    assert sorted(r.status for r in spawned) == sorted(r.status for r in here) == ["built", "built", "failed"]
    assert len(_files(tmp_path / "spawn")) == 5 and _files(tmp_path / "spawn") == _files(tmp_path / "here")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_build_starts_without_the_unix_only_resource_module(tmp_path: Path, jobs: str) -> None:
    """``resource`` does not exist on Windows: nothing on the way to a build may need it."""
    code = (
        "import sys\nsys.modules['resource'] = None\nfrom handouts.cli import main\n"
        f"sys.argv = ['handouts', 'build', {str(CONTENT[0])!r}, '--out', {str(tmp_path)!r}, '-j', {jobs!r}]\n"
        "main()\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == [
        f"{CONTENT[0].stem}.deck.pptx",
        f"{CONTENT[0].stem}.handout.pdf",
        f"{CONTENT[0].stem}.timeline.pdf",
    ]
