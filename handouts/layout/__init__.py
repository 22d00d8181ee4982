"""Layouts: the model every renderer draws from, and how layouts are found."""

from handouts.layout.loader import available_layouts
from handouts.layout.models import Layout
from handouts.layout.resolve import Resolved, load_layout, resolve_layout

__all__ = ["Layout", "Resolved", "available_layouts", "load_layout", "resolve_layout"]
