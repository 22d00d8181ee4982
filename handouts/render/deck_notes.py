"""Speaker-notes slides, copied from one prototype.

python-pptx builds every notes slide from scratch: it parses a template,
clones the notes master's placeholders one by one and walks the whole
package for a free part name (~1 ms per slide, a fifth of a deck). Every
notes slide of a deck starts out identical, so the first one is made the
python-pptx way and the rest are copies of it, related exactly as
python-pptx relates them (same part names, same relationship ids, same bytes).
"""

from __future__ import annotations

from copy import deepcopy
from typing import Any

_PREFIX = "/ppt/notesSlides/notesSlide"


class NotesSlides:
    """Adds notes slides to one presentation's slides."""

    def __init__(self) -> None:
        self._prototype: Any = None
        self._names: set[str] | None = None

    def notes_slide(self, slide: Any) -> Any:
        """The slide's notes slide (a new one: slides get notes once)."""
        if self._prototype is None:
            notes = slide.notes_slide  # python-pptx's way once: also makes the notes master
            self._prototype = deepcopy(notes._element)
            return notes
        from pptx.opc.constants import CONTENT_TYPE as CT, RELATIONSHIP_TYPE as RT
        from pptx.parts.slide import NotesSlidePart

        slide_part = slide.part
        package = slide_part.package
        master = package.presentation_part.notes_master_part
        part = NotesSlidePart(self._next_partname(package), CT.PML_NOTES_SLIDE, package,
                              deepcopy(self._prototype))
        part.relate_to(master, RT.NOTES_MASTER)
        part.relate_to(slide_part, RT.SLIDE)
        slide_part.relate_to(part, RT.NOTES_SLIDE)
        return part.notes_slide

    def _next_partname(self, package: Any) -> Any:
        """python-pptx's ``next_partname`` rule (the highest free number up to
        count + 1), on a set kept here instead of a walk of every part."""
        from pptx.opc.packuri import PackURI

        if self._names is None:
            self._names = {str(p.partname) for p in package.iter_parts() if p.partname.startswith(_PREFIX)}
        for n in range(len(self._names) + 1, 0, -1):
            candidate = f"{_PREFIX}{n}.xml"
            if candidate not in self._names:
                self._names.add(candidate)
                return PackURI(candidate)
        raise AssertionError("unreachable: count + 1 names cannot all be taken")
