"""Pictures: a huge photo is shrunk in both outputs; a broken file is refused
with a message naming it, never a traceback."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from PIL import Image

from handouts.cli import app

SOURCE = """\
title: Athens vs. Sparta
subjects:
  - name: Athens
    image: athens.jpg
    image_alt: The Acropolis seen from the west
  - name: Sparta
table:
  - {label: Army, values: [Navy, Hoplites]}
"""


def _project(tmp_path: Path, image_bytes: bytes) -> Path:
    (tmp_path / "athens.jpg").write_bytes(image_bytes)
    source = tmp_path / "greece.yaml"
    source.write_text(SOURCE)
    return source


def test_huge_picture_is_downscaled_everywhere(runner, tmp_path: Path) -> None:
    buffer = io.BytesIO()
    Image.effect_noise((5000, 3500), 60).convert("RGB").save(buffer, "JPEG", quality=95)
    source = _project(tmp_path, buffer.getvalue())
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(source), "--out", str(out), "-j", "1"])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out / "greece.deck.pptx") as deck:
        media = [n for n in deck.namelist() if n.startswith("ppt/media/")]
        assert media
        for name in media:
            with Image.open(io.BytesIO(deck.read(name))) as embedded:
                assert max(embedded.size) <= 1400
    assert (out / "greece.handout.pdf").stat().st_size < len(buffer.getvalue())


def test_broken_picture_is_refused_with_its_name(runner, tmp_path: Path) -> None:
    source = _project(tmp_path, b"\xff\xd8\xff\xe0 this is not really a jpeg")
    result = runner.invoke(app, ["build", str(source), "--out", str(tmp_path / "out"), "-j", "1", "--to", "deck"])
    assert result.exit_code == 1
    assert "athens.jpg" in result.output and "cannot read the picture" in result.output
    assert "Traceback" not in result.output
    result = runner.invoke(app, ["build", str(source), "--out", str(tmp_path / "out"), "-j", "1", "--to", "handout"])
    assert result.exit_code == 1 and "cannot read the picture" in result.output
