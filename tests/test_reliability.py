"""Reliability: the whole pipeline on wild input, determinism, careful writing."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handouts.errors import OutputError
from handouts.layout.resolve import load_layout
from handouts.pipeline import files as build_module
from handouts.pipeline.outputs import OUTPUTS, output_path
from handouts.source.loader import load_source
from tests.conftest import CONTENT, LAYOUTS, ROOT, build_one
from tests.html_checks import parse, structure_problems
from tests.sources_fuzz import sources

FUZZ_EXAMPLES = int(os.environ.get("HANDOUTS_FUZZ_EXAMPLES", "12"))


# A deadline turns a hang into a failure: no build may take a minute (normal: well under a second).
@settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=timedelta(seconds=60),
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
@given(data=sources(max_rows=60), layout=st.sampled_from(LAYOUTS))
def test_whole_pipeline_on_wild_sources(tmp_path_factory, data: dict, layout: str) -> None:
    """Every build writes valid files or reports a clean error; never anything else."""
    folder = tmp_path_factory.mktemp("fuzz")
    source = folder / "wild.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = build_one(source, folder / "out", list(OUTPUTS), load_layout(layout))
    if result.problems:
        assert not result.written and all(p.message and p.file for p in result.problems)
        return
    assert len(result.written) + len(result.omitted) == len(OUTPUTS)
    assert all(".timeline." in target for target in result.omitted), "only a timeline can have nothing to draw"
    for path in result.written:
        data = (folder / "out" / path).read_bytes()
        if str(path).endswith(".html"):  # the page parses without a single error and keeps its structure
            assert structure_problems(parse(data)) == []
            continue
        assert data[:4] in (b"%PDF", b"PK\x03\x04")


def test_builds_are_deterministic_across_processes(tmp_path: Path) -> None:
    outs = []
    for run in ("a", "b"):
        out = tmp_path / run
        subprocess.run(
            [sys.executable, "-m", "handouts", "build", *map(str, CONTENT), "--out", str(out), "-j", "1"],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        outs.append({p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")})
    assert len(outs[0]) == sum(3 if len(load_source(p).timeline) >= 2 else 2 for p in CONTENT)  # no timeline: one date
    assert outs[0] == outs[1]


def test_failure_mid_write_keeps_previous_output(tmp_path: Path, monkeypatch) -> None:
    layout = load_layout("classic")
    assert not build_one(CONTENT[0], tmp_path, ["handout"], layout).problems
    target = output_path(CONTENT[0], tmp_path, "handout")
    before = target.read_bytes()
    source = CONTENT[0].read_text().replace("Lenin vs. Stalin", "Changed title", 1)
    changed = tmp_path / CONTENT[0].name
    changed.write_text(source)

    real_replace = os.replace

    def failing_replace(src: str, dst: str) -> None:  # the new PDF is fully written, then the rename fails
        if str(dst).endswith(".pdf"):
            raise OSError(5, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing_replace)
    result = build_one(changed, tmp_path, ["handout"], layout)
    assert result.status == "failed" and "cannot write the file" in result.problems[0].message
    assert target.read_bytes() == before
    assert not list(tmp_path.glob(".*.tmp"))


def test_interrupted_write_leaves_no_partial_file(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "x.handout.pdf"
    target.write_bytes(b"%PDF-old")

    class Boom(Exception):
        pass

    real_fsync = os.fsync

    def failing_fsync(fd: int) -> None:
        raise Boom()

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(Boom):
        build_module.write_atomically(target, b"%PDF-new" * 1000)
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert target.read_bytes() == b"%PDF-old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.handout.pdf"]


def test_unwritable_folder_is_a_clean_error(runner, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    from handouts.cli import app

    result = runner.invoke(app, ["build", str(CONTENT[0]), "--out", str(blocker / "out"), "--to", "handout", "-j", "1"])
    assert result.exit_code == 1, result.output
    assert "cannot write" in result.output and "Traceback" not in result.output


def test_full_disk_is_a_clean_error(tmp_path: Path, monkeypatch) -> None:
    import errno

    def no_space(*args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(OutputError) as info:
        build_module.write_atomically(tmp_path / "x.pdf", b"x" * 1000)
    assert "No space left on device" in str(info.value) and "disk space" in str(info.value)
    assert not list(tmp_path.iterdir())


def test_sources_are_never_modified(tmp_path: Path) -> None:
    before = {p: p.read_bytes() for p in CONTENT}
    for path in CONTENT:
        assert not build_one(path, tmp_path, list(OUTPUTS), load_layout("classic")).problems
    assert {p: p.read_bytes() for p in CONTENT} == before
