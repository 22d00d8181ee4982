"""The edit loop: a save rebuilds; a broken save keeps the last good outputs."""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from handouts.layout.resolve import load_layout
from handouts.pipeline.render import Result
from handouts.pipeline.watch import watch
from tests.conftest import CONTENT


def _wait(predicate, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_watch_rebuilds_and_keeps_last_good(tmp_path: Path) -> None:
    source = tmp_path / "topic.yaml"
    shutil.copy(CONTENT[0], source)
    out = tmp_path / "out"
    events: list[Result] = []
    stop = threading.Event()
    layout = load_layout("classic")
    thread = threading.Thread(
        target=watch, args=(source, out, ["handout"], lambda: layout, [], events.append, stop), daemon=True
    )
    thread.start()
    try:
        _wait(lambda: len(events) == 1)
        target = out / "topic.handout.pdf"
        first = target.read_bytes()
        time.sleep(0.05)
        source.write_text(source.read_text().replace("Lenin vs. Stalin", "Lenin versus Stalin", 1))
        _wait(lambda: len(events) == 2)
        assert not events[1].problems and target.read_bytes() != first
        good = target.read_bytes()
        source.write_text("title: [broken\n")
        _wait(lambda: len(events) == 3)
        assert events[2].problems and "YAML syntax error" in events[2].problems[0].message
        assert target.read_bytes() == good  # nothing overwritten
    finally:
        stop.set()
        thread.join(5)


def test_a_renderer_bug_is_reported_not_raised(tmp_path: Path, monkeypatch) -> None:
    import handouts.render.handout.document as handout_pdf
    from handouts.pipeline.watch import rebuild

    def broken(*args: object) -> bytes:
        raise RuntimeError("boom")

    monkeypatch.setattr(handout_pdf, "render_handout", broken)
    result = rebuild(CONTENT[0], tmp_path, ["handout"], lambda: load_layout("classic"))
    assert not result.written and "internal error while rendering: RuntimeError: boom" in result.problems[0].message


def test_a_slow_save_is_read_once_it_settles(tmp_path: Path) -> None:
    """An editor that truncates, then writes in pieces: the watch loop waits for
    the file to be quiet, so it never reports a half-written source as broken."""
    source = tmp_path / "topic.yaml"
    shutil.copy(CONTENT[0], source)
    rest = source.read_text().split("\n", 1)[1]
    pieces = ['title: "Lenin, ', 'Stalin"\n', rest]  # every prefix but the whole is broken YAML
    events: list[Result] = []
    stop = threading.Event()
    layout = load_layout("classic")
    args = (source, tmp_path / "out", ["handout"], lambda: layout, [], events.append, stop)
    thread = threading.Thread(target=watch, args=args, daemon=True)
    thread.start()
    try:
        _wait(lambda: len(events) == 1)
        with source.open("w", encoding="utf-8") as handle:  # truncated now
            for piece in pieces:
                handle.write(piece)
                handle.flush()
                time.sleep(0.005)
        _wait(lambda: len(events) >= 2)
        time.sleep(0.3)  # any further rebuild would have happened by now
        assert all(not event.problems for event in events), [p.message for e in events for p in e.problems]
    finally:
        stop.set()
        thread.join(5)


def test_a_warm_worker_renders_the_deck_beside_and_gives_the_same_bytes(tmp_path: Path) -> None:
    import os

    from handouts.pipeline.pool import beside_pool
    from handouts.pipeline.watch import rebuild

    kinds, layout = ["handout", "timeline", "deck"], load_layout("classic")
    here = rebuild(CONTENT[0], tmp_path / "here", kinds, lambda: layout)
    with beside_pool(kinds) as pool:
        assert (pool is None) == ((os.cpu_count() or 1) < 2)
        beside = rebuild(CONTENT[0], tmp_path / "beside", kinds, lambda: layout, pool)
    assert not here.problems and not beside.problems and sorted(here.written) == sorted(beside.written)
    for name in here.written:
        assert (tmp_path / "here" / name).read_bytes() == (tmp_path / "beside" / name).read_bytes()
    assert here.warnings == beside.warnings


def _same_mtime_in_place(source: Path, text: str) -> None:
    """What ``cp -p new source`` does: rewrite the file, then set the old times back."""
    old = source.stat()
    source.write_text(text)
    os.utime(source, ns=(old.st_atime_ns, old.st_mtime_ns))


def _same_mtime_renamed(source: Path, text: str) -> None:
    """What an editor that keeps the mtime does: write a new file, rename it over."""
    old = source.stat()
    fresh = source.with_name("fresh.tmp")
    fresh.write_text(text)
    os.utime(fresh, ns=(old.st_atime_ns, old.st_mtime_ns))
    os.replace(fresh, source)


@pytest.mark.parametrize("replace", [_same_mtime_in_place, _same_mtime_renamed])
def test_a_replacement_with_the_same_mtime_and_size_rebuilds_under_polling(
    tmp_path: Path, monkeypatch, replace
) -> None:
    monkeypatch.setenv("WATCHFILES_FORCE_POLLING", "1")  # network drives, containers: no notifications
    source = tmp_path / "topic.yaml"
    text = shutil.copy(CONTENT[0], source) and source.read_text()
    assert "Lenin vs. Stalin" in text
    out = tmp_path / "out"
    events: list[Result] = []
    stop = threading.Event()
    layout = load_layout("classic")
    thread = threading.Thread(
        target=watch, args=(source, out, ["html"], lambda: layout, [], events.append, stop), daemon=True
    )
    thread.start()
    try:
        _wait(lambda: len(events) == 1)
        time.sleep(0.3)
        changed = text.replace("Lenin vs. Stalin", "Lenin et. Stalin", 1)  # the same size
        assert len(changed) == len(text)
        replace(source, changed)
        _wait(lambda: len(events) == 2, seconds=10)
        assert not events[1].problems
        assert "Lenin et. Stalin" in (out / "topic.html").read_text()
        time.sleep(1.2)
        assert len(events) == 2  # one rebuild per change, not one per check
    finally:
        stop.set()
        thread.join(5)
