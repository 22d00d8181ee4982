"""Renderers: one package per output (handout, timeline, deck) over a shared
reportlab kit (``pdf``) and shared fonts and pictures. Each takes a validated
model and a resolved layout and returns the file's bytes; none reads YAML or
the command line."""

from handouts.render.context import RenderContext

__all__ = ["RenderContext"]
