"""Import a teacher's spreadsheet or notes as a commented comparison source.

``import_source`` reads CSV, XLSX or Markdown into a draft, writes it as YAML
and loads that text back through the source loader before anything is saved,
so what `handouts import` writes always passes `handouts check` unchanged.
"""

from __future__ import annotations

from handouts.importers.convert import import_source, write_new

__all__ = ["import_source", "write_new"]
