"""The comparison source: typed models, the date model, and the loader."""

from handouts.source.loader import load_source
from handouts.source.models import Comparison, Event, Section, Subject, TableRow

__all__ = ["Comparison", "Event", "Section", "Subject", "TableRow", "load_source"]
