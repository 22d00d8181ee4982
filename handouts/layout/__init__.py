"""Layouts: the model every renderer draws from, and how layouts are found."""

from .loader import available_layouts, load_layout
from .models import Layout

__all__ = ["Layout", "available_layouts", "load_layout"]
