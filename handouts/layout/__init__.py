"""Layouts: the model every renderer draws from, and how layouts are found."""

from .loader import available_layouts, load_layout
from .models import Layout
from .resolve import Resolved, resolve_layout

__all__ = ["Layout", "Resolved", "available_layouts", "load_layout", "resolve_layout"]
