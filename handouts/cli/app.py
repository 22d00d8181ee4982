"""The command line: parse options, call the library, print, map errors to exit codes.

Heavy libraries (reportlab, python-pptx, pydantic models) are imported inside
commands so ``handouts --help`` stays instant.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from handouts.cli.authoring import import_, new, schema
from handouts.cli.layouts import layouts_app
from handouts.cli.output import EXIT_INVALID, exit_now, report, stop_on_terminate, user_errors, warn
from handouts.cli.params import BuildSources, LayoutOption, LayoutsDir, SetOption, SourcesArgument, ToOption
from handouts.errors import HandoutsError
from handouts.pipeline.outputs import DEFAULT_KINDS

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn one comparison source into printable PDF handouts, PDF timelines and PowerPoint decks.",
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain click help: rich's help renderer costs ~100 ms of imports
)


def _version(value: bool) -> None:
    if value:
        from handouts import __version__

        typer.echo(f"handouts {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Turn one comparison source into printable PDF handouts, PDF timelines and PowerPoint decks."""


@app.command(short_help="Validate sources: every problem, with file:line and a hint.")
def check(
    sources: SourcesArgument,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print every problem as JSON (for editors and scripts).")
    ] = False,
    layout: LayoutOption = "classic",
    layouts_dir: LayoutsDir = None,
) -> None:
    """Validate sources; report every problem and warning with file, line and key.

    \b
    Examples:
      handouts check athens-vs-sparta.yaml
      handouts check units/ --json
    """
    from handouts.cli.checking import check_sources
    from handouts.layout.resolve import resolve_layout

    with user_errors():  # the layout whose fonts must draw every character
        chosen = resolve_layout(layout, layouts_dir, ())
    warn(chosen.warnings)
    report = check_sources(sources, chosen.layout)
    if as_json:
        typer.echo(json.dumps(report.as_json(), indent=1, ensure_ascii=False))
    else:
        for line, err in report.lines():
            typer.echo(line, err=err)
    if report.failed:
        raise typer.Exit(EXIT_INVALID)


@app.command(short_help="Build handouts, timelines and decks from sources.")
def build(
    sources: BuildSources = None,
    to: ToOption = ",".join(DEFAULT_KINDS),
    out: Annotated[
        Path, typer.Option("--out", metavar="DIR", help="Folder for the outputs (mirrors the input tree).")
    ] = Path("out"),
    layout: LayoutOption = "classic",
    layouts_dir: LayoutsDir = None,
    set_: SetOption = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs", "-j", min=0, metavar="N", help="Parallel worker processes (0 = one per CPU; 1 = in process)."
        ),
    ] = 0,
    force: Annotated[bool, typer.Option("--force", help="Rebuild even unchanged outputs.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only problems.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print a machine-readable summary.")] = False,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", metavar="ADDRESS", help="Dask scheduler address (needs handouts[dask])."),
    ] = None,
) -> None:
    """Build handouts, timelines and decks from sources (in parallel, incrementally).

    \b
    Examples:
      handouts build athens-vs-sparta.yaml
      handouts build units/ --to handout,deck --out printouts
      handouts build --layout large-print --set page.size=letter units/
    """
    from handouts.cli.report import Reporter
    from handouts.layout.resolve import resolve_layout
    from handouts.pipeline.batch import build as build_all
    from handouts.pipeline.discover import discover
    from handouts.pipeline.outputs import parse_kinds

    with user_errors():
        kinds = parse_kinds(to)
        chosen = resolve_layout(layout, layouts_dir, set_ or ())
        found = discover(sources or [])
    warn(chosen.warnings)
    if not sources and not quiet and not as_json:
        what = "the sources in ./content" if Path("content").is_dir() else f"the bundled example {found[0].source}"
        typer.echo(f"no sources given: building {what}")
    reporter = Reporter(len(found), quiet=quiet, as_json=as_json)
    interrupted, unfinished = False, False
    try:
        with stop_on_terminate():
            build_all(
                found, out, kinds, chosen.layout, workers=jobs, force=force, scheduler=scheduler, on_result=reporter
            )
    except KeyboardInterrupt:
        interrupted = True
    except HandoutsError as exc:  # e.g. the manifest could not be saved: still say what was built
        report(exc)
        unfinished = True
    if not reporter.finish(str(out), interrupted) or unfinished:
        raise typer.Exit(130 if interrupted else EXIT_INVALID)


@app.command(short_help="Rebuild on every save of a source, its pictures or its layout.")
def watch(
    source: Annotated[Path, typer.Argument(metavar="SOURCE", help="The source to watch.")],
    to: ToOption = ",".join(DEFAULT_KINDS),
    out: Annotated[Path, typer.Option("--out", metavar="DIR", help="Folder for the outputs.")] = Path("out"),
    layout: LayoutOption = "classic",
    layouts_dir: LayoutsDir = None,
    set_: SetOption = None,
) -> None:
    """Rebuild whenever the source, its images or its layout change (Ctrl-C stops)."""
    from handouts.pipeline.outputs import import_renderers, parse_kinds
    from handouts.pipeline.render import Result
    from handouts.pipeline.watch import LayoutSource
    from handouts.pipeline.watch import watch as watch_loop

    with user_errors():
        kinds = parse_kinds(to)
        current_layout = LayoutSource(layout, layouts_dir, set_ or ())
    import_renderers(kinds)  # now, so the first save rebuilds at full speed

    def show(result: Result) -> None:
        if result.problems:
            report(HandoutsError(result.problems))
            if result.written:  # e.g. the disk filled up after the PDFs were written
                typer.echo(
                    f"wrote {', '.join(str(out / p) for p in result.written)}; the others are unchanged", err=True
                )
            else:
                typer.echo("kept the last good outputs", err=True)
            return
        warn(result.warnings)
        typer.echo(f"rebuilt {', '.join(str(out / p) for p in result.written)} in {result.seconds * 1000:.0f} ms")

    typer.echo(f"watching {source} (Ctrl-C to stop)")
    try:
        watch_loop(source, out, kinds, current_layout, lambda: current_layout.files, show)
    except KeyboardInterrupt:
        typer.echo("stopped")


app.command(short_help="Write a commented starter source to fill in.")(new)
app.command("import", short_help="Write a source from a spreadsheet (.csv, .xlsx) or Markdown notes.")(import_)
app.command(short_help="Print the source format's JSON Schema (for editors).")(schema)
app.add_typer(layouts_app, name="layouts")


def main() -> None:
    """Console-script entry point.

    Leaves with ``os._exit`` once the output streams are flushed: every file
    is written (atomically, synced) by then, and tearing down reportlab,
    python-pptx and pydantic module by module would add ~60 ms to each run."""
    try:
        app()
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    except HandoutsError as exc:  # a library error that escaped a command
        report(exc)
        code = EXIT_INVALID
    exit_now(code)


if __name__ == "__main__":
    main()
