"""handouts: one comparison source -> PDF handouts, PDF timelines and PPTX decks."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
