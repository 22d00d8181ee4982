"""What python-pptx's public API alone costs for a deck the size of the bundled one
(python benchmarks/deck_floor.py [SLIDES]): the deck's own base opened, that
many slides added, each with its title and a one-line note, saved and given
fixed ZIP times, as :func:`handouts.render.deck.writer.render_deck` does; no
content. The figure is the floor under ``benchmarks/deck.py``'s."""

from __future__ import annotations

import io
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from handouts.layout.resolve import load_layout  # noqa: E402
from handouts.render.deck.base import pick_layout  # noqa: E402
from handouts.render.deck.template import default_presentation, theme_of  # noqa: E402
from handouts.render.deck.writer import fixed_zip_times  # noqa: E402


def one_deck(slides: int, theme) -> tuple[float, float, float, float, float]:  # noqa: ANN001
    """Seconds to open the base, add the slides, their notes pages, save, and fix the ZIP."""
    marks = [time.perf_counter()]
    prs = default_presentation("16:9", theme)
    marks.append(time.perf_counter())
    layout = pick_layout(prs, "title_only", default_template=True)
    added = []
    for number in range(slides):
        slide = prs.slides.add_slide(layout)
        slide.shapes.title.text = f"Slide {number + 1}"
        added.append(slide)
    marks.append(time.perf_counter())
    for slide in added:
        slide.notes_slide.notes_text_frame.text = "A note."
    marks.append(time.perf_counter())
    raw = io.BytesIO()
    prs.save(raw)
    marks.append(time.perf_counter())
    fixed_zip_times(raw.getvalue())
    marks.append(time.perf_counter())
    return tuple(b - a for a, b in zip(marks, marks[1:]))


def main(slides: int = 14, runs: int = 15) -> None:
    theme = theme_of(load_layout())
    one_deck(slides, theme)  # warm-up: the base is trimmed once per process
    parts = list(zip(*(one_deck(slides, theme) for _ in range(runs))))
    medians = [statistics.median(p) * 1000 for p in parts]
    names = ("open", "add slides", "notes pages", "save", "fixed ZIP times")
    print(f"{slides} slides: " + ", ".join(f"{n} {m:.1f} ms" for n, m in zip(names, medians)))
    print(f"floor: {sum(medians):.1f} ms (medians of {runs} runs)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 14)
