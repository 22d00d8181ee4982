"""How a batch reports itself: a progress bar on a terminal, one line per file
otherwise, a JSON summary for scripts, nothing but failures with --quiet."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer

from handouts.pipeline.render import Result


class Reporter:
    """Receives each result as it arrives and prints the summary at the end."""

    def __init__(self, total: int, quiet: bool = False, as_json: bool = False) -> None:
        self.total, self.quiet, self.as_json = total, quiet, as_json
        self.results: list[Result] = []
        self._shown: set[str] = set()
        self._progress: Any = None
        self._task: Any = None
        if not quiet and not as_json and sys.stdout.isatty() and total > 1:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._progress = Progress(
                TextColumn("building"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                TextColumn("{task.description}"),
                transient=True,
            )
            self._task = self._progress.add_task("", total=total)
            self._progress.start()

    def __call__(self, result: Result) -> None:
        self.results.append(result)
        if self._progress is not None:
            self._progress.update(self._task, advance=1, description=str(result.source))
        for warning in result.warnings:
            self._err(f"warning: {warning.format()}")
        for error in result.problems:
            text = error.format()
            if _shared(error, result) and text in self._shown:
                continue  # one broken layout or template: said once, not once per source
            self._shown.add(text)
            self._err(f"error: {text}")
        if self.quiet or self.as_json:
            return
        if result.status == "failed":
            wrote = f" (its other outputs were written: {', '.join(result.written)})" if result.written else ""
            self._out(f"failed  {result.source}{wrote}")
        elif result.written or result.omitted:
            made = ", ".join(result.written) or "nothing"
            none = f" (nothing to draw for {', '.join(result.omitted)})" if result.omitted else ""
            self._out(f"built   {result.source} -> {made}{none}")
        else:
            self._out(f"skipped {result.source} (unchanged; --force rebuilds)")

    def _out(self, text: str) -> None:
        if self._progress is not None:
            self._progress.console.print(text, markup=False, highlight=False)
        else:
            typer.echo(text)

    def _err(self, text: str) -> None:
        if self._progress is not None:
            self._progress.stop()
            typer.echo(text, err=True)
            self._progress.start()
        else:
            typer.echo(text, err=True)

    def finish(self, out: str, interrupted: bool = False) -> bool:
        """Print the summary; return True when every source succeeded."""
        if self._progress is not None:
            self._progress.stop()
        failed = [r for r in self.results if r.status == "failed"]
        built = sum(len(r.written) for r in self.results)
        skipped = sum(len(r.unchanged) for r in self.results)
        if self.as_json:
            typer.echo(
                json.dumps(
                    {
                        "ok": not failed and not interrupted,
                        "interrupted": interrupted,
                        "out": out,
                        "sources": len(self.results),
                        "written": built,
                        "skipped": skipped,
                        "failed": len(failed),
                        "results": [
                            {
                                "source": str(r.source),
                                "status": r.status,
                                "written": r.written,
                                "skipped": r.unchanged,
                                "omitted": r.omitted,
                                "warnings": [w.format() for w in r.warnings],
                                "errors": [e.format() for e in r.problems],
                                "problems": [w.to_dict("warning") for w in r.warnings]
                                + [e.to_dict("error") for e in r.problems],
                                "seconds": round(r.seconds, 4),
                                "max_rss_mb": round(r.peak_mb, 1),
                                "rss_mb": round(r.rss_mb, 1),
                            }
                            for r in self.results
                        ],
                    },
                    indent=1,
                    ensure_ascii=False,
                )
            )
        elif failed or not self.quiet:
            sources = f"{len(self.results)} source{'s' * (len(self.results) != 1)}"
            summary = f"{sources}: {built} file{'s' * (built != 1)} written, {skipped} unchanged, in {out}"
            if failed:
                summary += f", {len(failed)} failed: " + ", ".join(str(r.source) for r in failed)
            typer.echo(summary, err=bool(failed))
        if interrupted:
            typer.echo("interrupted: finished files are complete; run again to finish the rest", err=True)
        return not failed and not interrupted


def _shared(problem, result: Result) -> bool:  # noqa: ANN001 - a Problem
    """A problem about something every source uses (the layout, its template), not about this source."""
    return problem.file is None or Path(problem.file) != result.source or problem.key == "deck.template"
