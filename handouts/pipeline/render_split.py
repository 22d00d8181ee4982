"""Render one source's outputs, the deck beside the PDFs on a second CPU.

A single source is the interactive case (``handouts build``, the watch loop):
its outputs are independent, and the deck (python-pptx) costs about as much
as both PDFs (reportlab) together, imports included. With two or more CPUs
and ``fork``, a child process renders the deck while this process renders
the rest; the child sends back only bytes and warnings. Anything unusual in
the child (an error, a crash) makes this process render the deck itself, so
errors, tracebacks and warnings are exactly those of rendering in order.
"""

from __future__ import annotations

import os
import pickle
from typing import Any, Callable

from handouts.errors import Problem
from handouts.render.context import RenderContext

BESIDE = "deck"  # the output worth a process of its own


def cpus() -> int:
    """CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def can_split(kinds: list[str]) -> bool:
    """Whether rendering ``kinds`` beside each other can pay off here: only
    with the deck last (the default order), so a failure leaves exactly the
    outputs rendering in order would and warnings keep their order; and only
    while a CPU is idle (on a busy machine two processes would just take
    turns on one CPU, and each imports what both need)."""
    return len(kinds) > 1 and kinds[-1] == BESIDE and hasattr(os, "fork") and _idle_cpu()


def _idle_cpu() -> bool:
    try:
        load = os.getloadavg()[0]
    except OSError:
        load = 0.0
    return cpus() - load >= 1.0


# Modules both sides need: imported once before forking, not once in each process.
_SHARED = ("reportlab.pdfbase.ttfonts", "handouts.render.fonts", "handouts.timeline.placement")


def render_kinds(kinds: list[str], render: Callable[[str, RenderContext], bytes], context: RenderContext,
                 into: dict[str, bytes], split: bool = False) -> None:
    """Render every kind into ``into`` (in ``kinds`` order); the first failure
    raises, leaving the outputs of the kinds before it, as rendering in order does.
    ``render(kind, context)`` renders one kind; warnings go to ``context``."""
    child = None
    if split and can_split(kinds):
        import importlib

        for name in _SHARED:
            importlib.import_module(name)
        child = _Child.start(render, context)
    try:
        for kind in kinds:
            if kind == BESIDE and child is not None:
                got = child.result()
                child = None
                if got is not None:
                    data, warnings = got
                    for problem in warnings:
                        if problem not in context.warnings:
                            context.warnings.append(problem)
                    into[kind] = data
                    continue
            into[kind] = render(kind, context)
    finally:
        if child is not None:
            child.stop()


class _Child:
    """A forked process rendering the deck; its result arrives through a pipe."""

    def __init__(self, pid: int, fd: int) -> None:
        self.pid, self.fd = pid, fd

    @classmethod
    def start(cls, render: Callable[[str, RenderContext], bytes], context: RenderContext) -> "_Child | None":
        import gc

        read, write = os.pipe()
        gc.freeze()  # collections on either side would otherwise touch, and so copy, every shared page
        try:
            pid = os.fork()
        except OSError:
            gc.unfreeze()
            os.close(read)
            os.close(write)
            return None
        if pid == 0:  # the child: render, send, and leave without running the parent's cleanup
            status = 1
            gc.disable()  # short-lived: its garbage goes with it
            try:
                os.close(read)
                own = RenderContext(context.source_path)
                payload = pickle.dumps((render(BESIDE, own), own.warnings), protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(write, "wb") as pipe:
                    pipe.write(payload)
                status = 0
            except BaseException:  # noqa: BLE001 - the parent renders again and reports it
                pass
            finally:
                os._exit(status)
        os.close(write)
        return cls(pid, read)

    def result(self) -> tuple[bytes, list[Problem]] | None:
        """The deck and its warnings, or ``None`` if the child did not deliver."""
        chunks = []
        with os.fdopen(self.fd, "rb") as pipe:
            while chunk := pipe.read(1 << 20):
                chunks.append(chunk)
        _, status = os.waitpid(self.pid, 0)
        _unfreeze()
        if os.waitstatus_to_exitcode(status) != 0 or not chunks:
            return None
        try:
            got: Any = pickle.loads(b"".join(chunks))
        except Exception:  # noqa: BLE001 - a torn payload: render in process instead
            return None
        return got

    def stop(self) -> None:
        """Ctrl-C or an error in this process: end the child and reap it."""
        import signal

        try:
            os.kill(self.pid, signal.SIGTERM)
        except OSError:
            pass
        try:
            os.close(self.fd)
        except OSError:
            pass
        os.waitpid(self.pid, 0)
        _unfreeze()


def _unfreeze() -> None:
    import gc

    gc.unfreeze()
