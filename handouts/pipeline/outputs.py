"""The output kinds: which renderer makes each one and what its file is called."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from handouts.errors import OutputError

if TYPE_CHECKING:  # the registry stays light: `handouts --help` imports it, not pydantic's models
    from handouts.layout.models import Layout
    from handouts.render.context import RenderContext
    from handouts.source.models import Comparison

# A renderer returns the file's bytes, or None (after a warning) when the source has
# nothing for it: e.g. no timeline for fewer than two dated events.
Renderer = Callable[["Comparison", "Layout", "RenderContext"], "bytes | None"]


@dataclass(frozen=True)
class OutputKind:
    """One output: where its renderer lives (imported on first use, so a build
    that asks only for PDFs never imports python-pptx) and its file suffix."""

    name: str
    module: str
    function: str
    suffix: str
    library: str  # what it renders with: kinds of one library share a process when a source is split

    def renderer(self) -> Renderer:
        return getattr(importlib.import_module(self.module), self.function)


ORGANIZER = "handouts.render.worksheet.organizer"
OUTPUTS: dict[str, OutputKind] = {
    kind.name: kind
    for kind in (
        OutputKind("handout", "handouts.render.handout.document", "render_handout", ".handout.pdf", "reportlab"),
        OutputKind("timeline", "handouts.render.timeline.document", "render_timeline", ".timeline.pdf", "reportlab"),
        OutputKind("deck", "handouts.render.deck.writer", "render_deck", ".deck.pptx", "python-pptx"),
        # Pure Python and a few ms: it shares the PDFs' process (a worker of its own costs more than the page).
        OutputKind("html", "handouts.render.html.document", "render_html", ".html", "reportlab"),
        OutputKind("worksheet", "handouts.render.worksheet.sheet", "render_worksheet", ".worksheet.pdf", "reportlab"),
        OutputKind("answers", "handouts.render.worksheet.sheet", "render_answers", ".answers.pdf", "reportlab"),
        OutputKind("organizer", ORGANIZER, "render_organizer", ".organizer.pdf", "reportlab"),
        OutputKind("cards", "handouts.render.worksheet.cards", "render_cards", ".cards.pdf", "reportlab"),
    )
}


DEFAULT_KINDS = ("handout", "timeline", "deck")  # what `build` and `watch` make unless --to says otherwise


def parse_kinds(text: str) -> list[str]:
    """``"handout,deck"`` -> ``["handout", "deck"]``, refusing unknown names."""
    kinds = [part.strip() for part in text.split(",") if part.strip()]
    unknown = [k for k in kinds if k not in OUTPUTS]
    if unknown or not kinds:
        raise OutputError.single(
            f"unknown output {', '.join(unknown) or '(none)'!s}",
            key="--to",
            hint=f"choose from: {', '.join(OUTPUTS)} (comma-separated)",
        )
    return list(dict.fromkeys(kinds))


def import_renderers(kinds: list[str] | tuple[str, ...]) -> None:
    """Import the renderers of ``kinds`` now (a pool worker's initializer, or a
    watch loop before the first save), so that cost is not paid mid-build."""
    for kind in kinds:
        OUTPUTS[kind].renderer()


def output_name(source: Path, kind: str) -> str:
    """``<stem>.handout.pdf`` and friends."""
    return f"{source.stem}{OUTPUTS[kind].suffix}"


def output_path(source: Path, out_dir: Path, kind: str) -> Path:
    """``out/<stem>.handout.pdf`` and friends."""
    return out_dir / output_name(source, kind)
