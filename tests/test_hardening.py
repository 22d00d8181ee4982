"""Issue 21: each reproduction of a hang, a traceback or a wrong result, as a teacher meets it.

Every test runs what the user runs (``check``, ``build``) and asserts what they see: the exit
code, the located message and its hint, the files on disk.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from PIL import Image

from handouts.cli import app
from handouts.source.loader import load_source

PAIR = "subjects:\n  - name: Athens\n  - name: Sparta\n"


def _check(runner, path: Path) -> tuple[int, str]:
    result = runner.invoke(app, ["check", str(path)])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


@pytest.mark.parametrize(
    "text,expected",
    [
        ("title: &a [*a]\n" + PAIR, ":1:8: an alias (*name) refers to the list or mapping it is inside"),
        ("title: x\n" + PAIR + "note: " + "[" * 600 + "]" * 600 + "\n", "nested"),
        ("title: " + "x" * 20_000 + "\n" + PAIR, ":1:1: title: is 20,000 characters long; at most 300"),
        ('title: "\\u200b\\u200d\\u2060"\n' + PAIR, ":1:1: title: has no visible characters"),
        ("title: x\n" + PAIR + "similarities:\n" + "  - same\n" * 201, "similarities: allows at most 200 entries"),
        ("title: x\n" + PAIR + "sources:\n" + "  - a book\n" * 201, "sources: allows at most 200 entries"),
        ("title: x\nsubjects:\n\t- name: A\n", "hint: indent with spaces, not tabs"),
        (
            "title: x\n" + PAIR + "table:\n  - label: Capital\n    values: [Athens, Greece, Sparta]\n",
            'hint: a comma inside a value splits it in two: quote values that contain commas, e.g. ["Moscow, Russia"',
        ),
        (
            "title: x\n" + PAIR + "similarities:\n  - Both: said no\n",
            ":6:5: similarities[1]: expected text, not a mapping\n"
            "  hint: a ': ' inside text starts a mapping: put the whole text in quotes, e.g. - \"Both: said no\"",
        ),
    ],
    ids=[
        "recursive alias",
        "deep nesting",
        "long title",
        "zero-width title",
        "similarities",
        "sources",
        "tab",
        "comma",
        "colon",
    ],
)
def test_bad_sources_give_a_located_message(runner, write, text: str, expected: str) -> None:
    code, output = _check(runner, write(text))
    assert code == 1
    assert expected in output


def test_json_with_surrogate_pair_escapes_loads(tmp_path: Path) -> None:
    """What Python's json.dump writes by default (ensure_ascii) for an emoji."""
    path = tmp_path / "emoji.json"
    path.write_text(
        json.dumps({"title": "Athens 😀 \\ud83d", "subjects": [{"name": "Ἀθῆναι"}, {"name": "Sparta 🛡"}]}),
        encoding="utf-8",
    )
    assert "\\ud83d" in path.read_text()  # the escapes really are there
    model = load_source(path)
    assert model.title == "Athens 😀 \\ud83d"  # an escaped backslash stays literal text
    assert model.subjects[1].name == "Sparta 🛡"


def test_non_latin_names_get_distinct_ids(runner, write) -> None:
    path = write(
        "title: Ленин и Сталин\nsubjects:\n  - name: Ленин\n  - name: Сталин\n"
        "table:\n  - label: Born\n    values: {ленин: 1870, сталин: 1878}\n"
    )
    code, output = _check(runner, path)
    assert code == 0, output
    assert [s.id for s in load_source(path).subjects] == ["ленин", "сталин"]


def _run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The real command in a child process; a hang fails the test at ``timeout`` instead of stalling CI."""
    return subprocess.run(
        [sys.executable, "-m", "handouts", *args], capture_output=True, text=True, timeout=timeout, check=False
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_check_refuses_a_fifo_instead_of_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    done = _run("check", str(fifo))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"{fifo}: expected a source file but this is a device or a pipe" in done.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_build_refuses_a_fifo_with_what_it_is(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    done = _run("build", str(fifo), "--out", str(tmp_path / "out"))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"{fifo}: expected a source file but this is a device or a pipe" in done.stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_check_refuses_dev_zero() -> None:
    done = _run("check", "/dev/zero")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "/dev/zero: expected a source file but this is a device or a pipe" in done.stderr


def _png_header(width: int, height: int) -> bytes:
    """A PNG that declares a size (Pillow reads it from the header) with no pixel data."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize("side", [19_970, 40_000])
def test_huge_picture_is_refused_from_its_header(runner, write, tmp_path: Path, side: int) -> None:
    (tmp_path / "big.png").write_bytes(_png_header(side, side))
    path = write("title: x\nsubjects:\n  - name: Athens\n    image: big.png\n  - name: Sparta\n")
    code, output = _check(runner, path)
    assert code == 1
    assert f":4:5: subjects[1].image: 'big.png': the picture is {side:,} × {side:,} pixels" in output
    assert "the limit for a PNG is 40 megapixels" in output


def test_sixteen_bit_grey_picture_keeps_its_tones(tmp_path: Path) -> None:
    from handouts.render.pictures import decode_picture

    Image.new("I;16", (40, 30), 0x8000).save(tmp_path / "grey.png")
    assert decode_picture(tmp_path / "grey.png", "subjects[1].image").getpixel((0, 0)) == (128, 128, 128)


def test_exif_orientation_is_applied(tmp_path: Path) -> None:
    from handouts.render.pictures import decode_picture

    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to display": how phones store portrait photos
    Image.new("RGB", (40, 20), (200, 0, 0)).save(tmp_path / "phone.jpg", exif=exif)
    assert decode_picture(tmp_path / "phone.jpg", "subjects[1].image").size == (20, 40)


def test_zip_bomb_template_is_refused_when_the_layout_loads(runner, tmp_path: Path) -> None:
    import zipfile

    bomb = tmp_path / "school.potx"
    with (
        zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
        archive.open("ppt/media/filler.bin", "w") as member,
    ):
        for _ in range(120):  # 120 MB of zeros: ~120 KB packed
            member.write(bytes(2**20))
    assert bomb.stat().st_size < 2**20
    (tmp_path / "mine.yaml").write_text("description: x\nextends: classic\ndeck:\n  template: school.potx\n")
    result = runner.invoke(app, ["layouts", "show", str(tmp_path / "mine.yaml")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"{tmp_path / 'mine.yaml'}:4:3: deck.template: the template unpacks to 120 MB; the limit is 100 MB" in (
        result.output
    )


def test_a_template_that_is_not_a_zip_is_refused_with_its_line(runner, tmp_path: Path) -> None:
    (tmp_path / "school.pptx").write_text("not a deck")
    (tmp_path / "mine.yaml").write_text("description: x\ndeck:\n  template: school.pptx\n")
    result = runner.invoke(app, ["layouts", "show", str(tmp_path / "mine.yaml")])
    assert result.exit_code == 1
    assert ":3:3: deck.template: the template is not a PowerPoint file" in result.output


def test_a_braced_set_value_gets_a_quoting_hint(runner) -> None:
    result = runner.invoke(app, ["layouts", "show", "--set", "handout.labels.page={page:>100000000}"])
    assert result.exit_code == 1
    assert "hint: quote text with braces" in result.output


def test_a_format_spec_in_a_layout_template_is_refused(runner, tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text('description: x\nhandout:\n  labels:\n    page: "{page:>100000000}"\n')
    result = runner.invoke(app, ["layouts", "show", str(tmp_path / "mine.yaml")])
    assert result.exit_code == 1
    assert ":4:5: handout.labels.page: {page} takes no format or conversion here" in result.output


@pytest.mark.parametrize(
    "color,expected",
    [
        ("#FFFFFF", "#FFFFFF on the layout's background #FFFFFF has a contrast of 1.00:1"),
        ("#FFFF00", "#FFFF00 on the layout's background #FFFFFF has a contrast of 1.07:1"),
    ],
)
def test_a_sources_own_colour_is_contrast_checked(runner, write, tmp_path: Path, color: str, expected: str) -> None:
    path = write(f'title: x\nsubjects:\n  - name: Athens\n    color: "{color}"\n  - name: Sparta\n')
    result = runner.invoke(app, ["build", str(path), "--to", "handout", "-j", "1", "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"{path}:4:5: subjects[1].color: {expected}" in result.output
    assert "hint: use a darker colour, e.g. #" in result.output


def test_a_readable_own_colour_builds(runner, write, tmp_path: Path) -> None:
    path = write('title: x\nsubjects:\n  - name: Athens\n    color: "#1F4E79"\n  - name: Sparta\n')
    result = runner.invoke(app, ["build", str(path), "--to", "handout", "-j", "1", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output


def test_huge_picture_fails_the_build_with_the_same_message(runner, write, tmp_path: Path) -> None:
    (tmp_path / "big.png").write_bytes(_png_header(19_970, 19_970))
    path = write("title: x\nsubjects:\n  - name: Athens\n    image: big.png\n  - name: Sparta\n")
    result = runner.invoke(app, ["build", str(path), "--to", "handout", "-j", "1", "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and "Traceback" not in result.output and "DecompressionBomb" not in result.output
    assert "subjects[1].image: 'big.png': the picture is 19,970 × 19,970 pixels" in result.output


def test_many_rows_without_aliases_get_a_hint_about_size_not_aliases(write) -> None:
    from handouts.errors import SourceError

    path = write("title: x\n" + PAIR + "similarities:\n" + "  - [a, b, c, d, e, f, g, h, i, j]\n" * 20_000)
    with pytest.raises(SourceError) as info:
        load_source(path)
    assert "expands to more than 200,000 values" in str(info.value)
    [problem] = info.value.problems
    assert problem.hint == "split it into several files"
