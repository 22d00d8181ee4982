"""Issue 21, lost state: what a killed, interrupted, concurrent or hand-disturbed build leaves."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from handouts.cli import app
from handouts.pipeline.manifest import MANIFEST_NAME
from tests.conftest import CONTENT, ROOT


def _sources(tmp_path: Path, count: int) -> Path:
    src = tmp_path / "many"
    src.mkdir()
    text = CONTENT[0].read_text()
    for i in range(count):
        (src / f"topic{i:02}.yaml").write_text(text.replace("Lenin vs. Stalin", f"Topic {i}", 1))
    return src


def _build(runner, *args: str):  # noqa: ANN202 - a click Result
    result = runner.invoke(app, ["build", *args, "--to", "handout", "-j", "1"])
    assert "Traceback" not in result.output
    return result


@pytest.mark.parametrize("outputs", ["[]", "null", '"a string"', "{}", "7"])
def test_a_hand_edited_manifest_of_any_shape_only_costs_a_rebuild(runner, tmp_path: Path, outputs: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / MANIFEST_NAME).write_text('{"tool": "handouts", "outputs": ' + outputs + "}")
    result = _build(runner, str(CONTENT[0]), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert (out / f"{CONTENT[0].stem}.handout.pdf").read_bytes().startswith(b"%PDF")


def test_a_corrupted_output_is_rebuilt_not_skipped(runner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _build(runner, str(CONTENT[0]), "--out", str(out)).exit_code == 0
    target = out / f"{CONTENT[0].stem}.handout.pdf"
    good = target.read_bytes()
    target.write_bytes(good[: len(good) // 2])  # a truncated copy, a bad sync, an editor's save
    again = _build(runner, str(CONTENT[0]), "--out", str(out))
    assert again.exit_code == 0 and "built" in again.output and "unchanged" not in again.output.split("written")[0]
    assert target.read_bytes() == good


def test_an_interrupted_batch_keeps_what_it_finished(tmp_path: Path) -> None:
    from handouts.layout.resolve import resolve_layout
    from handouts.pipeline.batch import build
    from handouts.pipeline.discover import discover

    src, out = _sources(tmp_path, 4), tmp_path / "out"
    layout = resolve_layout("classic", None, ()).layout
    seen: list[Path] = []

    def stop_after_two(result) -> None:  # noqa: ANN001 - a Result
        seen.append(result.source)
        if len(seen) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build(discover([str(src)]), out, ["handout"], layout, workers=1, on_result=stop_after_two)
    again = build(discover([str(src)]), out, ["handout"], layout, workers=1)
    assert [r.status for r in again] == ["unchanged", "unchanged", "built", "built"]


def test_concurrent_builds_into_one_folder_keep_each_others_entries(tmp_path: Path) -> None:
    from handouts.pipeline.ledger import Ledger

    out = tmp_path / "out"
    out.mkdir()
    first, second = Ledger(out), Ledger(out)  # both started before either saved
    for i in range(60):
        first.record(f"a{i}.handout.pdf", "fingerprint digest")
        second.record(f"b{i}.handout.pdf", "fingerprint digest")
    first.save()
    second.save()
    entries = json.loads((out / MANIFEST_NAME).read_text())["outputs"]
    assert len(entries) == 120
    assert not (out / ".handouts-manifest.lock").exists()


def test_a_build_removes_only_the_temporaries_of_dead_processes(runner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    try:
        busy = out / f".x.handout.pdf.{other.pid}-abc123.tmp"  # another build, still writing
        left = out / f".x.handout.pdf.{int(dead.stdout)}-def456.tmp"  # a killed build's leftover
        busy.write_bytes(b"half")
        left.write_bytes(b"half")
        assert _build(runner, str(CONTENT[0]), "--out", str(out)).exit_code == 0
        assert busy.exists() and not left.exists()
    finally:
        other.kill()
        other.wait()


def test_an_unwritable_manifest_is_reported_after_the_summary(runner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / MANIFEST_NAME).mkdir(parents=True)  # something in the way of the manifest
    result = _build(runner, str(CONTENT[0]), "--out", str(out))
    assert result.exit_code == 1
    assert "1 source: 1 file written, 0 unchanged" in result.output
    assert f"error: {out / MANIFEST_NAME}: cannot write the file" in result.output
    assert "hint: a folder has the output's name" in result.output


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found |= {int(p) for p in (task / "children").read_text().split()}
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")  # a zombie has ended; only reaping is left


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads the process tree from Linux's /proc")
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL], ids=lambda s: s.name)
def test_stopping_a_parallel_batch_stops_its_workers(tmp_path: Path, stop: signal.Signals) -> None:
    src, out = _sources(tmp_path, 30), tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "handouts", "build", str(src), "--out", str(out), "-j", "2", "--to", "handout"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and (len(list(out.glob("*.pdf"))) < 2 or not (out / MANIFEST_NAME).exists()):
            time.sleep(0.05)  # the manifest is saved as outputs land, not only at the end
        workers = _children(proc.pid)
        assert len(workers) >= 2, "the pool should be running"
        proc.send_signal(stop)
        _, stderr = proc.communicate(timeout=60)
        deadline = time.monotonic() + 30  # a bound on a hang, not a timing
        while time.monotonic() < deadline and any(_running(pid) for pid in workers):
            time.sleep(0.05)
        assert not [pid for pid in workers if _running(pid)], "workers outlived their batch"
        if stop != signal.SIGKILL:
            assert proc.returncode == 130 and "Traceback" not in stderr
            assert "interrupted: finished files are complete" in stderr
            manifest = json.loads((out / MANIFEST_NAME).read_text())["outputs"]
            assert len(manifest) == len(list(out.glob("*.pdf")))  # what finished is recorded
        else:  # nothing ran after the kill: what is recorded was saved as it landed
            again = subprocess.run(
                [sys.executable, "-m", "handouts", "build", str(src), "--out", str(out), "-j", "2", "--to", "handout"],
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=300,
            )
            assert again.returncode == 0, again.stderr
            assert "skipped" in again.stdout and " 0 unchanged" not in again.stdout
    finally:
        proc.kill()
        proc.wait()


def test_a_folder_build_skips_the_schema_and_layouts_the_readme_suggests(runner, tmp_path: Path) -> None:
    src, out = tmp_path / "unit", tmp_path / "out"
    (src / "layouts").mkdir(parents=True)
    shutil.copy(CONTENT[0], src / "topic.yaml")
    (src / "handouts.schema.json").write_text(runner.invoke(app, ["schema"]).output)
    (src / "layouts" / "our-school.yaml").write_text("description: ours\nextends: classic\n")
    result = _build(runner, str(src), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.rglob("*.pdf")) == ["topic.handout.pdf"]


def test_no_argument_builds_content_when_it_exists(runner, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    shutil.copy(CONTENT[0], tmp_path / "content" / "mine.yaml")
    result = runner.invoke(app, ["build", "--to", "handout", "-j", "1"])
    assert result.exit_code == 0, result.output
    assert "no sources given: building the sources in ./content" in result.output
    assert sorted(p.name for p in (tmp_path / "out").rglob("*.pdf")) == ["mine.handout.pdf"]


def test_no_argument_and_no_content_says_which_example_it_built(runner, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["build", "--to", "handout", "-j", "1"])
    assert result.exit_code == 0, result.output
    assert "no sources given: building the bundled example " in result.output
    assert "lenin-vs-stalin.yaml" in result.output


def test_watch_follows_a_layout_file_that_a_later_extends_adds(tmp_path: Path) -> None:
    import threading

    from handouts.pipeline.watch import LayoutSource, watch

    source, out = tmp_path / "topic.yaml", tmp_path / "out"
    shutil.copy(CONTENT[0], source)
    mine, base = tmp_path / "mine.yaml", tmp_path / "base.yaml"
    mine.write_text("description: mine\nextends: classic\n")
    base.write_text("description: base\nextends: classic\nsizes: {body: 10}\n")
    layout = LayoutSource(str(mine))
    events: list = []
    stop = threading.Event()
    thread = threading.Thread(
        target=watch, args=(source, out, ["handout"], layout, lambda: layout.files, events.append, stop), daemon=True
    )
    thread.start()

    def wait_for(count: int) -> None:
        deadline = time.monotonic() + 30  # a bound on a hang
        while len(events) < count:
            assert time.monotonic() < deadline, f"no rebuild {count}"
            time.sleep(0.02)

    try:
        wait_for(1)
        mine.write_text("description: mine\nextends: base.yaml\n")  # base.yaml joins the chain
        wait_for(2)
        assert not events[1].problems
        base.write_text("description: base\nextends: classic\nsizes: {body: 10.5}\n")  # only the new file changes
        wait_for(3)
        assert not events[2].problems
    finally:
        stop.set()
        thread.join(5)


def _watch(source: Path, out: Path, **pipes) -> subprocess.Popen:
    """``handouts watch`` of ``source`` (handout and deck, so a warm worker renders the deck)."""
    command = [sys.executable, "-m", "handouts", "watch", str(source), "--out", str(out), "--to", "handout,deck"]
    return subprocess.Popen(command, cwd=ROOT, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"}, **pipes)


def test_watch_says_what_it_wrote_when_a_later_write_fails_and_clears_dead_temporaries(tmp_path: Path) -> None:
    source, out = tmp_path / "topic.yaml", tmp_path / "out"
    shutil.copy(CONTENT[0], source)
    (out / "topic.deck.pptx").mkdir(parents=True)  # the deck cannot be written; the PDF can
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    leftover = out / f".topic.handout.pdf.{int(dead.stdout)}-abc123.tmp"  # from a killed watch
    leftover.write_bytes(b"half")
    proc = _watch(source, out, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        lines: list[str] = []
        deadline = time.monotonic() + 120  # a bound on a hang
        while time.monotonic() < deadline and not any("unchanged" in ln or "kept" in ln for ln in lines):
            line = proc.stderr.readline()
            if not line:
                break
            lines.append(line)
        text = "".join(lines)
        assert f"wrote {out / 'topic.handout.pdf'}; the others are unchanged" in text, text
        assert "kept the last good outputs" not in text
        assert "hint: a folder has the output's name" in text
        assert not leftover.exists()
    finally:
        proc.kill()
        proc.wait()


def test_a_lock_left_by_a_killed_build_is_taken_over(runner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    (out / ".handouts-manifest.lock").write_text(dead.stdout.strip())  # kill -9 in the middle of a save
    result = _build(runner, str(CONTENT[0]), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert json.loads((out / MANIFEST_NAME).read_text())["outputs"]
    assert not (out / ".handouts-manifest.lock").exists()


def test_a_broken_template_is_reported_once_not_once_per_source(runner, tmp_path: Path) -> None:
    import zipfile

    src, out = _sources(tmp_path, 3), tmp_path / "out"
    with zipfile.ZipFile(tmp_path / "school.pptx", "w") as archive:  # a ZIP, but no presentation in it
        archive.writestr("hello.txt", "not a deck")
    (tmp_path / "mine.yaml").write_text("description: x\nextends: classic\ndeck:\n  template: school.pptx\n")
    result = runner.invoke(
        app, ["build", str(src), "--layout", str(tmp_path / "mine.yaml"), "--to", "deck", "-j", "1", "--out", str(out)]
    )
    assert result.exit_code == 1 and "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and "template" in errors[0], result.output
    assert result.output.count("failed  ") == 3
    both = runner.invoke(
        app,
        ["build", str(src / "topic00.yaml"), "--layout", str(tmp_path / "mine.yaml"), "--to", "handout,deck"]
        + ["-j", "1", "--out", str(out)],
    )
    assert both.exit_code == 1
    assert f"failed  {src / 'topic00.yaml'} (its other outputs were written: topic00.handout.pdf)" in both.output


def test_ctrl_c_while_an_output_is_written_waits_for_its_manifest_entry() -> None:
    # the race the stopping test found: a file renamed into place, then Ctrl-C before the ledger
    from handouts.pipeline.files import uninterrupted

    done = []
    with pytest.raises(KeyboardInterrupt), uninterrupted():
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.05)  # the signal arrives here, inside the block
        done.append("written and recorded")
    assert done == ["written and recorded"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # and the handler is back


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (read from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads parent ids from /proc")
def test_a_killed_watch_leaves_no_worker_running(tmp_path: Path) -> None:
    # watch keeps one warm worker for the deck; kill -9 on the loop used to leave it running under PID 1
    source, out = tmp_path / "topic.yaml", tmp_path / "out"
    shutil.copy(CONTENT[0], source)
    proc = _watch(source, out, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    lines: list[str] = []
    threading.Thread(target=lambda: lines.extend(iter(proc.stdout.readline, "")), daemon=True).start()
    try:
        deadline = time.monotonic() + 120  # a bound on a hang
        while time.monotonic() < deadline and not any("rebuilt" in line for line in lines):
            time.sleep(0.05)
        assert any("rebuilt" in line for line in lines), lines
        workers = _children(proc.pid)
        assert workers, "the watch loop keeps a worker for the deck"
    finally:
        proc.kill()
        proc.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(Path(f"/proc/{pid}").exists() for pid in workers):
        time.sleep(0.1)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()], "a worker outlived its watch"
