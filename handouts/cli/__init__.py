"""The command line: the Typer app and how results are reported. Only this
package prints or chooses exit codes."""

from handouts.cli.app import app, main

__all__ = ["app", "main"]
