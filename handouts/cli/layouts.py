"""``handouts layouts``: list the layouts on the search path, or show one
fully resolved (``extends:`` and ``--set`` applied)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from handouts.cli.output import user_errors
from handouts.cli.params import LayoutsDir, SetOption

layouts_app = typer.Typer(help="List the available layouts, or show one fully resolved.")


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
    with user_errors():
        resolved = resolve_layout(name, layouts_dir, set_ or ())
    typer.echo(render_resolved(resolved, layouts_dir), nl=False)


def _list_layouts(layouts_dir: Path | None) -> None:
    from handouts.layout.show import list_layouts

    for line in list_layouts(layouts_dir):
        typer.echo(line)
