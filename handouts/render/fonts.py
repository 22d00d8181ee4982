"""Register the bundled TrueType families with reportlab, once per process,
and find characters they cannot draw (so we warn instead of printing boxes).

reportlab embeds TrueType fonts as subsets, so only the glyphs used ship.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from handouts.caches import memoize
from handouts.fontfiles import PDF_FAMILIES, STYLES, face_of, font_file, font_name, font_path
from handouts.scripts import FALLBACKS, GENERAL_FALLBACKS, profile, script_of


@memoize("registered fonts", maxsize=64)  # bundled families x 4 styles
def _register_style(family: str, style: str) -> str:
    """Parse and register one TrueType file (the slow part: ~20 ms each)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    name = font_name(family, style)
    pdfmetrics.registerFont(TTFont(name, str(font_path(family, style))))
    return name


_FALLBACKS = {
    "regular": ("regular",),
    "bold": ("bold", "regular"),
    "italic": ("italic", "regular"),
    "bold_italic": ("bold_italic", "bold", "italic", "regular"),
}
_FLAGS = {"regular": (0, 0), "bold": (1, 0), "italic": (0, 1), "bold_italic": (1, 1)}


def register_family(family: str, styles: Iterable[str] = STYLES) -> dict[str, str]:
    """Register ``styles`` of ``family`` (all four by default); return style -> font name.

    Only the styles asked for are parsed, so a caller that knows it needs just
    regular and bold saves the time of the others. Paragraph markup (<b>, <i>)
    maps to the nearest registered style.
    """
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics

    for style in set(styles) | {"regular"}:
        if font_file(family, style) is not None:
            _register_style(family, style)
    names = {style: font_name(family, style) for style in STYLES}
    registered = set(pdfmetrics.getRegisteredFontNames())
    loaded = {style for style in STYLES if names[style] in registered}
    # Fallbacks first: addMapping also records the reverse (font -> flags), which
    # the real styles must win.
    for style in sorted(STYLES, key=lambda s: s in loaded):
        use = next(s for s in _FALLBACKS[style] if s in loaded)
        addMapping(names["regular"], *_FLAGS[style], names[use])
    return names


@memoize("font coverage", maxsize=16)  # one per bundled family
def _coverage(family: str) -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    font = pdfmetrics.getFont(_register_style(family, "regular"))
    return frozenset(font.face.charToGlyph)


def family_of(name: str) -> str | None:
    """The bundled family of a reportlab font name (None: not one of ours)."""
    found = face_of(name)
    return found[0] if found else None


def _drawable(ch: str) -> bool:
    return not ch.isspace() and unicodedata.category(ch) not in ("Cc", "Cf", "Zs")


@memoize("fallback fonts", maxsize=4096)
def fallback_for(ch: str, family: str) -> str | None:
    """The family that draws ``ch`` in text set in ``family``: ``family`` itself if it
    can, else the first of the script's chain (then the general chain) that can;
    None if no bundled font has it (it would print as an empty box)."""
    code = ord(ch)
    if code in _coverage(family) or not _drawable(ch):
        return family
    for candidate in (*FALLBACKS.get(script_of(ch), ()), *GENERAL_FALLBACKS):
        if code in _coverage(candidate):
            return candidate
    return None


@memoize("word fonts", maxsize=4096)
def word_family(word: str, family: str) -> str | None:
    """The one family that draws all of ``word`` (no spaces) in text set in ``family``:
    ``family`` if it can, else the first of the chain of the word's first missing
    character that has every character of it; None if none has them all. reportlab
    shapes a word with the font of its first piece, so a word must not change font."""
    covered = _coverage(family)
    need = [ch for ch in word if ord(ch) not in covered and _drawable(ch)]
    if not need:
        return family
    for candidate in (*FALLBACKS.get(script_of(need[0]), ()), *GENERAL_FALLBACKS):
        has = _coverage(candidate)
        if all(ord(ch) in has or not _drawable(ch) for ch in word):
            return candidate
    return None


def font_runs(text: str, family: str) -> list[tuple[str, str]]:
    """``text`` as (run, family) pieces: each word in one family when one has all of it
    (:func:`word_family`), else character by character (:func:`fallback_for`); spaces
    stay with the run before them. What the paragraphs draw and :func:`text_width` measures."""
    runs: list[tuple[str, str]] = []
    for token in re.split(r"(\s+)", text):
        if not token:
            continue
        if token.isspace():
            pieces = [(token, runs[-1][1] if runs else family)]
        else:
            whole = word_family(token, family)
            pieces = [(token, whole)] if whole else [(ch, fallback_for(ch, family) or family) for ch in token]
        for piece, use in pieces:
            if runs and runs[-1][1] == use:
                runs[-1] = (runs[-1][0] + piece, use)
            else:
                runs.append((piece, use))
    return runs


def missing_glyphs(text: str, family: str) -> list[str]:
    """Characters of ``text`` that neither the family nor its script fallbacks
    have a glyph for (spaces and marks ignored)."""
    if text.isascii() and family in PDF_FAMILIES:
        return []
    return sorted(ch for ch in set(text) if fallback_for(ch, family) is None)


def describe(chars: list[str]) -> str:
    """ "'😀' (U+1F600 GRINNING FACE), ..." for a warning."""
    return ", ".join(f"'{c}' (U+{ord(c):04X} {unicodedata.name(c, 'unnamed')})" for c in chars[:10]) + (
        f" and {len(chars) - 10} more" if len(chars) > 10 else ""
    )


def text_width(text: str, font: str, size: float) -> float:
    """The width ``text`` prints at in ``font``: runs the font lacks in their fallback
    family, shaped runs as HarfBuzz sets them (what the paragraphs draw)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    found = face_of(font) if not text.isascii() else None
    if found is None:
        return stringWidth(text, font, size)
    from handouts.render.scripts.shaping import shaped_width

    family, style = found
    total = 0.0
    for run, use in font_runs(text, family):
        face = font
        if use != family:
            face = font_name(use, style if font_file(use, style) else "regular")
            register_family(use, ("regular", "bold"))
        total += (shaped_width if profile(run).shaped else stringWidth)(run, face, size)
    return total


def measurer(family: str):  # noqa: ANN201 - returns width_of(text, size) -> points
    """``width_of(text, size)`` in points with ``family``'s regular face (timeline placement)."""
    font = register_family(family, ("regular",))["regular"]
    return lambda text, size: text_width(text, font, size)


def warn_missing(context, texts, families: list[str], what: str) -> None:  # noqa: ANN001
    """One warning naming every character of ``texts`` that one of ``families`` cannot
    draw (it would print as an empty box): shared by the handout and the timeline."""
    from handouts.markup import plain

    text = "".join(plain(t) for t in texts if t)
    families = list(dict.fromkeys(families))
    missing = sorted({ch for family in families for ch in missing_glyphs(text, family)})
    if missing:
        context.warn(
            f"the {what}'s fonts ({', '.join(families)}) cannot draw {describe(missing)}; "
            "they will print as empty boxes",
            key="fonts",
            hint="replace those characters; no bundled font (nor the script fallbacks) has them",
        )
