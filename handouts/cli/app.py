"""The command line: parse options, call the library, print, map errors to exit codes.

Heavy libraries (reportlab, python-pptx, pydantic models) are imported inside
commands so ``handouts --help`` stays instant.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from handouts.errors import HandoutsError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn one comparison source into printable PDF handouts, PDF timelines and PowerPoint decks.",
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain click help: rich's help renderer costs ~100 ms of imports
)

EXIT_INVALID = 1

ToOption = Annotated[
    str,
    typer.Option(
        "--to", help="Outputs, comma-separated: handout, timeline, deck, worksheet, answers, organizer, cards."
    ),
]
LayoutOption = Annotated[str, typer.Option("--layout", help="Layout name or path to a layout .yaml.")]
LayoutsDir = Annotated[
    Path | None, typer.Option("--layouts-dir", help="Extra folder to look for layouts in (searched first).")
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


def _report(error: HandoutsError) -> None:
    for problem in error.problems:
        typer.echo(f"error: {problem.format()}", err=True)


def _warn(problems) -> None:  # noqa: ANN001 - list[Problem]
    for problem in problems:
        typer.echo(f"warning: {problem.format()}", err=True)


@app.command()
def check(
    sources: Annotated[list[str], typer.Argument(help="Source files (.yaml, .yml or .json), folders or globs.")],
) -> None:
    """Validate sources; report every problem with file, line and key."""
    import glob

    from handouts.pipeline.discover import discover
    from handouts.source.loader import load_source

    empty = 0
    expanded: list[Path] = []
    for text in sources:  # folders and globs expand as in `build`; a plain path goes to the loader as is
        if not (Path(text).is_dir() or glob.has_magic(text)):
            expanded.append(Path(text))
            continue
        try:
            expanded += [job.source for job in discover([text])]
        except HandoutsError as exc:  # a folder or pattern without sources
            empty += 1
            _report(exc)
    failed = empty
    for path in expanded:
        try:
            model = load_source(path)
        except HandoutsError as exc:
            failed += 1
            _report(exc)
            continue
        typer.echo(
            f"ok: {path} ({len(model.subjects)} subjects, {len(model.table)} rows, "
            f"{len(model.sections)} sections, {len(model.timeline)} events)"
        )
    if failed:
        total = len(expanded) + empty
        typer.echo(f"{failed} of {total} source{'s' * (total != 1)} invalid", err=True)
        raise typer.Exit(EXIT_INVALID)


@app.command()
def build(
    sources: Annotated[
        list[str] | None,
        typer.Argument(
            help="Source files, folders (searched recursively) or globs; none builds the bundled example.",
            show_default=False,
        ),
    ] = None,
    to: ToOption = "handout,timeline,deck",
    out: Annotated[Path, typer.Option("--out", help="Folder for the outputs (mirrors the input tree).")] = Path("out"),
    layout: LayoutOption = "classic",
    layouts_dir: LayoutsDir = None,
    set_: SetOption = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=0, help="Parallel worker processes (0 = one per CPU; 1 = in process).")
    ] = 0,
    force: Annotated[bool, typer.Option("--force", help="Rebuild even unchanged outputs.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only problems.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print a machine-readable summary.")] = False,
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Dask scheduler address (needs handouts[dask]).")
    ] = None,
) -> None:
    """Build handouts, timelines and decks from sources (in parallel, incrementally)."""
    from handouts.cli.report import Reporter
    from handouts.layout.resolve import resolve_layout
    from handouts.pipeline.batch import build as build_all
    from handouts.pipeline.discover import discover
    from handouts.pipeline.outputs import parse_kinds

    with _user_errors():
        kinds = parse_kinds(to)
        chosen = resolve_layout(layout, layouts_dir, set_ or ())
        found = discover(sources or [])
    reporter = Reporter(len(found), quiet=quiet, as_json=as_json)
    interrupted = False
    try:
        with _user_errors():
            build_all(
                found, out, kinds, chosen.layout, workers=jobs, force=force, scheduler=scheduler, on_result=reporter
            )
    except KeyboardInterrupt:
        interrupted = True
    if not reporter.finish(str(out), interrupted):
        raise typer.Exit(130 if interrupted else EXIT_INVALID)


@app.command()
def watch(
    source: Annotated[Path, typer.Argument(help="The source to watch.")],
    to: ToOption = "handout,timeline,deck",
    out: Annotated[Path, typer.Option("--out", help="Folder for the outputs.")] = Path("out"),
    layout: LayoutOption = "classic",
    layouts_dir: LayoutsDir = None,
    set_: SetOption = None,
) -> None:
    """Rebuild whenever the source, its images or its layout change (Ctrl-C stops)."""
    from handouts.layout.resolve import resolve_layout
    from handouts.pipeline.outputs import import_renderers, parse_kinds
    from handouts.pipeline.render import Result
    from handouts.pipeline.watch import watch as watch_loop

    with _user_errors():
        kinds = parse_kinds(to)
        chain = resolve_layout(layout, layouts_dir, set_ or ()).chain
    import_renderers(kinds)  # now, so the first save rebuilds at full speed

    def current_layout():  # noqa: ANN202 - re-read on every change: the layout may be edited too
        return resolve_layout(layout, layouts_dir, set_ or ()).layout

    def show(result: Result) -> None:
        if result.problems:
            _report(HandoutsError(result.problems))
            typer.echo("kept the last good outputs", err=True)
            return
        _warn(result.warnings)
        typer.echo(f"rebuilt {', '.join(str(out / p) for p in result.written)} in {result.seconds * 1000:.0f} ms")

    typer.echo(f"watching {source} (Ctrl-C to stop)")
    try:
        watch_loop(source, out, kinds, current_layout, chain, show)
    except KeyboardInterrupt:
        typer.echo("stopped")


@app.command()
def new(
    names: Annotated[list[str], typer.Argument(help="The subjects to compare, e.g. Athens Sparta.")],
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


@app.command()
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
    name: Annotated[str, typer.Argument(help="Layout name or path to a layout .yaml.")] = "classic",
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
