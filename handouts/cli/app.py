"""The command line: parse options, call the library, print, map errors to exit codes.

Heavy libraries (reportlab, python-pptx, pydantic models) are imported inside
commands so ``handouts --help`` stays instant.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from handouts.errors import HandoutsError
from handouts.pipeline.outputs import DEFAULT_KINDS

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn one comparison source into printable PDF handouts, PDF timelines and PowerPoint decks.",
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain click help: rich's help renderer costs ~100 ms of imports
)

EXIT_INVALID = 1


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


ToOption = Annotated[
    str,
    typer.Option(
        "--to",
        metavar="KINDS",
        help="Outputs, comma-separated: handout, timeline, deck, html, worksheet, answers, organizer, cards.",
    ),
]
LayoutOption = Annotated[str, typer.Option("--layout", metavar="NAME", help="Layout name or path to a layout .yaml.")]
LayoutsDir = Annotated[
    Path | None,
    typer.Option("--layouts-dir", metavar="DIR", help="Extra folder to look for layouts in (searched first)."),
]
SetOption = Annotated[
    list[str] | None,
    typer.Option(
        "--set",
        metavar="KEY.PATH=VALUE",
        help="Override one layout value, e.g. --set page.size=letter --set sizes.body=12 "
        "--set handout.blocks=[title,table] (repeatable; YAML flow values).",
    ),
]


@contextmanager
def _user_errors() -> Iterator[None]:
    """A :class:`HandoutsError` becomes its located messages and exit code 1, never a traceback."""
    try:
        yield
    except HandoutsError as exc:
        _report(exc)
        raise typer.Exit(EXIT_INVALID) from None


@contextmanager
def stop_on_terminate() -> Iterator[None]:
    """SIGTERM (a closed terminal, ``kill``, a CI timeout) stops a build like Ctrl-C does:
    the pool's workers are stopped, the manifest saved, the summary printed."""
    import signal

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread (e.g. an embedding app): leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _report(error: HandoutsError) -> None:
    for problem in error.problems:
        typer.echo(f"error: {problem.format()}", err=True)


def _warn(problems) -> None:  # noqa: ANN001 - list[Problem]
    for problem in problems:
        typer.echo(f"warning: {problem.format()}", err=True)


@app.command(short_help="Validate sources: every problem, with file:line and a hint.")
def check(
    sources: Annotated[
        list[str], typer.Argument(metavar="SOURCE", help="Source files (.yaml, .yml or .json), folders or globs.")
    ],
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

    with _user_errors():  # the layout whose fonts must draw every character
        chosen = resolve_layout(layout, layouts_dir, ())
    _warn(chosen.warnings)
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
    sources: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="SOURCE",
            help="Source files, folders (searched recursively) or globs; none builds the bundled example.",
            show_default=False,
        ),
    ] = None,
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

    with _user_errors():
        kinds = parse_kinds(to)
        chosen = resolve_layout(layout, layouts_dir, set_ or ())
        found = discover(sources or [])
    _warn(chosen.warnings)
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
        _report(exc)
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

    with _user_errors():
        kinds = parse_kinds(to)
        current_layout = LayoutSource(layout, layouts_dir, set_ or ())
    import_renderers(kinds)  # now, so the first save rebuilds at full speed

    def show(result: Result) -> None:
        if result.problems:
            _report(HandoutsError(result.problems))
            if result.written:  # e.g. the disk filled up after the PDFs were written
                typer.echo(
                    f"wrote {', '.join(str(out / p) for p in result.written)}; the others are unchanged", err=True
                )
            else:
                typer.echo("kept the last good outputs", err=True)
            return
        _warn(result.warnings)
        typer.echo(f"rebuilt {', '.join(str(out / p) for p in result.written)} in {result.seconds * 1000:.0f} ms")

    typer.echo(f"watching {source} (Ctrl-C to stop)")
    try:
        watch_loop(source, out, kinds, current_layout, lambda: current_layout.files, show)
    except KeyboardInterrupt:
        typer.echo("stopped")


@app.command(short_help="Write a commented starter source to fill in.")
def new(
    names: Annotated[list[str], typer.Argument(metavar="NAME", help="The subjects to compare, e.g. Athens Sparta.")],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File to write (default: <a>-vs-<b>.yaml).")
    ] = None,
) -> None:
    """Write a commented starter source that a teacher can fill in."""
    from handouts.source.models import MAX_SUBJECTS, slugify
    from handouts.source.starter import starter_source

    if not 2 <= len(names) <= MAX_SUBJECTS:
        typer.echo(f"error: give 2 to {MAX_SUBJECTS} subject names, got {len(names)}", err=True)
        raise typer.Exit(EXIT_INVALID)
    names = [" ".join(n.split()) for n in names]
    if any(not n for n in names) or len({n.casefold() for n in names}) < len(names):
        typer.echo("error: subject names must be non-empty and different from each other", err=True)
        raise typer.Exit(EXIT_INVALID)
    target = output or Path("-vs-".join(slugify(n) for n in names) + ".yaml")
    if target.exists():
        typer.echo(
            f"error: {target}: already exists; not overwriting it\n  hint: choose another name with -o", err=True
        )
        raise typer.Exit(EXIT_INVALID)
    try:
        with target.open("x", encoding="utf-8") as handle:
            handle.write(starter_source(names, target.name))
    except OSError as exc:
        typer.echo(f"error: {target}: cannot write: {exc.strerror}", err=True)
        raise typer.Exit(EXIT_INVALID) from None
    typer.echo(f"wrote {target}")


@app.command("import", short_help="Write a source from a spreadsheet (.csv, .xlsx) or Markdown notes.")
def import_(
    file: Annotated[Path, typer.Argument(help="A spreadsheet (.csv, .xlsx) or Markdown notes (.md) to import.")],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Source to write (default: the file's name with .yaml).")
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help="The title (default: the sheet's or file's name).")] = (
        None
    ),
    timeline: Annotated[
        Path | None, typer.Option("--timeline", help="A CSV of events: date, label, subject, end, note.")
    ] = None,
    sections: Annotated[Path | None, typer.Option("--sections", help="A CSV of sections: heading, body.")] = None,
) -> None:
    """Write a commented source from a spreadsheet or Markdown notes (never overwrites)."""
    from handouts.importers import import_source, write_new

    target = output or file.with_suffix(".yaml")
    with _user_errors():
        write_new(target, import_source(file, target, title, timeline, sections))
    typer.echo(f"wrote {target}")


@app.command(short_help="Print the source format's JSON Schema (for editors).")
def schema() -> None:
    """Print the JSON Schema of the source format (for editor autocompletion)."""
    import json

    from handouts.source.models import Comparison

    document = Comparison.model_json_schema()
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    document["title"] = "handouts comparison source"
    typer.echo(json.dumps(document, indent=2, ensure_ascii=False))


layouts_app = typer.Typer(help="List the available layouts, or show one fully resolved.")
app.add_typer(layouts_app, name="layouts")


@layouts_app.callback(invoke_without_command=True)
def layouts_main(ctx: typer.Context, layouts_dir: LayoutsDir = None) -> None:
    """List the available layouts (the default), or show one fully resolved."""
    ctx.obj = layouts_dir
    if ctx.invoked_subcommand is None:
        _list_layouts(layouts_dir)


@layouts_app.command("list")
def layouts_list(ctx: typer.Context, layouts_dir: LayoutsDir = None) -> None:
    """List every layout on the search path, with its description and where it comes from."""
    _list_layouts(layouts_dir or ctx.obj)


@layouts_app.command("show")
def layouts_show(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAME", help="Layout name or path to a layout .yaml.")] = "classic",
    layouts_dir: LayoutsDir = None,
    set_: SetOption = None,
) -> None:
    """Print a layout fully resolved (extends and --set applied) as YAML."""
    from handouts.layout.resolve import resolve_layout
    from handouts.layout.show import render_resolved

    layouts_dir = layouts_dir or ctx.obj
    with _user_errors():
        resolved = resolve_layout(name, layouts_dir, set_ or ())
    typer.echo(render_resolved(resolved, layouts_dir), nl=False)


def _list_layouts(layouts_dir: Path | None) -> None:
    from handouts.layout.show import list_layouts

    for line in list_layouts(layouts_dir):
        typer.echo(line)


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
        _report(exc)
        code = EXIT_INVALID
    _exit_now(code)


def _exit_now(code: object) -> None:
    """``sys.exit(code)`` without the interpreter's teardown."""
    import os

    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # sys.exit("message") prints the message and fails
        print(code, file=sys.stderr)
        status = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (e.g. `| head`): nothing more to say
            pass
    os._exit(status)


if __name__ == "__main__":
    main()
