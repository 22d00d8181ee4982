"""The deck's XML edits: settings python-pptx has no public API for.

Every edit here touches only an element python-pptx created (a shape's
``_element``, a paragraph's ``_p``, a run's ``_r``, a table's ``_tbl``), or a
copy of one, and this package is the one place where the deck steps outside
python-pptx's API; alt text and the decorative mark are in
:mod:`handouts.render.deck.a11y`. By part: :mod:`.text` (frames, paragraphs,
runs, the slide-number field), :mod:`.shapes` (boxes, fills, copies),
:mod:`.stamps` (a chart's shapes as copies of one per look),
:mod:`.theme` (the theme part, and the slides naming its colours and fonts).
"""

from handouts.render.deck.xml_edits.shapes import (
    append_copies,
    no_shadow,
    remove_shape,
    send_to_back,
    set_box,
    solid_fill,
    table_style,
)
from handouts.render.deck.xml_edits.stamps import Stamp, stamp_group, stampable
from handouts.render.deck.xml_edits.text import (
    FrameDefaults,
    body_properties,
    frame_defaults,
    left_to_right,
    no_space_before,
    plain_paragraphs,
    right_to_left,
    run_language,
    runs_language,
    set_slide_number,
    slide_number,
)
from handouts.render.deck.xml_edits.theme import Theme, ThemeRefs, set_theme, theme_references, theme_refs, themed_xml

__all__ = [
    "FrameDefaults",
    "Stamp",
    "Theme",
    "ThemeRefs",
    "append_copies",
    "body_properties",
    "frame_defaults",
    "left_to_right",
    "no_shadow",
    "no_space_before",
    "plain_paragraphs",
    "remove_shape",
    "right_to_left",
    "run_language",
    "runs_language",
    "send_to_back",
    "set_box",
    "set_slide_number",
    "set_theme",
    "slide_number",
    "solid_fill",
    "stamp_group",
    "stampable",
    "table_style",
    "theme_references",
    "theme_refs",
    "themed_xml",
]
