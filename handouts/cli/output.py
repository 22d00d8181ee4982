"""How the command line reports: located problems on stderr, exit codes,
signals that stop a build cleanly, and a fast exit once files are written."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

import typer

from handouts.errors import HandoutsError, Problem

EXIT_INVALID = 1


@contextmanager
def user_errors() -> Iterator[None]:
    """A :class:`HandoutsError` becomes its located messages and exit code 1, never a traceback."""
    try:
        yield
    except HandoutsError as exc:
        report(exc)
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


def report(error: HandoutsError) -> None:
    """Every problem of ``error`` as ``error: file:line:column: key: message``."""
    for problem in error.problems:
        typer.echo(f"error: {problem.format()}", err=True)


def warn(problems: list[Problem]) -> None:
    """Every warning as ``warning: file:line:column: key: message``."""
    for problem in problems:
        typer.echo(f"warning: {problem.format()}", err=True)


def fail(message: str) -> NoReturn:
    """Print ``error: message`` and leave with the invalid-input exit code."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(EXIT_INVALID)


def exit_now(code: object) -> None:
    """``sys.exit(code)`` without the interpreter's teardown (every file is
    written and synced by then; tearing down reportlab, python-pptx and
    pydantic module by module would add ~60 ms to each run)."""
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
