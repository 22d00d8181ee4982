"""Every cache in handouts, in one place: each has a name and a stated bound,
and :func:`clear_caches` empties them all (tests, long-lived processes).

A cache here only saves repeated work inside one process (parsing a text's
markup, parsing a font file, measuring a word); a hit never changes a byte
of output. Caches are declared with :func:`memoize` where the function lives,
so the function stays readable, but they are registered, bounded and cleared
here, never with an eviction rule of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar

F = TypeVar("F", bound=Callable)

_REGISTRY: dict[str, Callable] = {}


def memoize(name: str, maxsize: int) -> Callable[[F], F]:
    """``functools.lru_cache(maxsize)`` registered under ``name``; a bound is required."""
    if maxsize <= 0:
        raise ValueError("every cache needs a positive bound")

    def wrap(function: F) -> F:
        if name in _REGISTRY:
            raise ValueError(f"two caches named {name!r}")
        cached = lru_cache(maxsize=maxsize)(function)
        _REGISTRY[name] = cached
        return cached  # type: ignore[return-value]

    return wrap


def cache_info() -> dict[str, tuple[int, int]]:
    """Name -> (entries held, bound), for benchmarks and tests."""
    return {name: (fn.cache_info().currsize, fn.cache_info().maxsize) for name, fn in _REGISTRY.items()}


def clear_caches() -> None:
    """Empty every cache (the next call recomputes; output is unchanged)."""
    for cached in _REGISTRY.values():
        cached.cache_clear()
