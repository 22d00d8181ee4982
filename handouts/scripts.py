"""Writing systems: which script a character belongs to, which scripts need
shaping, right-to-left order or CJK line breaking, and which bundled fonts
draw each script (the fallback chain), all as data.

Renderers ask :func:`profile` about a text once; Latin-only text answers from
the ``isascii`` fast path, so it costs nothing.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from handouts.caches import memoize

# (first code point, last code point, script), sorted; anything else is "Common" or "Latin".
_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0590, 0x05FF, "Hebrew"),
    (0x0600, 0x06FF, "Arabic"),
    (0x0700, 0x074F, "Syriac"),
    (0x0750, 0x077F, "Arabic"),
    (0x0780, 0x07BF, "Thaana"),
    (0x0870, 0x08FF, "Arabic"),
    (0x0900, 0x097F, "Devanagari"),
    (0x0980, 0x09FF, "Bengali"),
    (0x0A00, 0x0A7F, "Gurmukhi"),
    (0x0A80, 0x0AFF, "Gujarati"),
    (0x0B80, 0x0BFF, "Tamil"),
    (0x0E00, 0x0E7F, "Thai"),
    (0x1100, 0x11FF, "Hangul"),
    (0x2E80, 0x2FDF, "Han"),
    (0x3000, 0x303F, "CJK Symbols"),
    (0x3040, 0x309F, "Hiragana"),
    (0x30A0, 0x30FF, "Katakana"),
    (0x3130, 0x318F, "Hangul"),
    (0x31F0, 0x31FF, "Katakana"),
    (0x3400, 0x4DBF, "Han"),
    (0x4E00, 0x9FFF, "Han"),
    (0xA960, 0xA97F, "Hangul"),
    (0xA8E0, 0xA8FF, "Devanagari"),
    (0xAC00, 0xD7AF, "Hangul"),
    (0xF900, 0xFAFF, "Han"),
    (0xFB1D, 0xFB4F, "Hebrew"),
    (0xFB50, 0xFDFF, "Arabic"),
    (0xFE30, 0xFE4F, "CJK Symbols"),
    (0xFE70, 0xFEFF, "Arabic"),
    (0xFF00, 0xFFEF, "CJK Symbols"),
    (0x20000, 0x3FFFF, "Han"),
)
_STARTS = [r[0] for r in _RANGES]

RTL_SCRIPTS = frozenset({"Hebrew", "Arabic", "Syriac", "Thaana"})
# Scripts whose letters change shape or order with their neighbours: HarfBuzz shapes them.
SHAPED_SCRIPTS = frozenset(
    {"Arabic", "Hebrew", "Syriac", "Thaana", "Devanagari", "Bengali", "Gurmukhi", "Gujarati", "Tamil", "Thai"}
)
# Scripts written without spaces between words: lines may break between any two characters.
CJK_SCRIPTS = frozenset({"Han", "Hiragana", "Katakana", "Hangul", "CJK Symbols"})

# Bundled families that draw a script, tried in order after the layout's own family.
FALLBACKS: dict[str, tuple[str, ...]] = {
    "Arabic": ("DejaVu Sans", "Noto Sans Arabic"),
    "Hebrew": ("DejaVu Sans",),
    "Devanagari": ("Noto Sans Devanagari",),
    "Han": ("Droid Sans Fallback", "NanumGothic"),
    "Hiragana": ("Droid Sans Fallback", "NanumGothic"),
    "Katakana": ("Droid Sans Fallback", "NanumGothic"),
    "CJK Symbols": ("Droid Sans Fallback", "NanumGothic"),
    "Hangul": ("NanumGothic",),
}
# Tried for any character its script's chain does not draw (symbols, Latin letters in a CJK font...).
GENERAL_FALLBACKS: tuple[str, ...] = ("DejaVu Sans", "Droid Sans Fallback")

# Fonts a deck names for a language's east-Asian (``a:ea``) and complex-script (``a:cs``)
# text: fonts PowerPoint ships (Windows, and Office for Mac), which LibreOffice replaces with
# an installed font that covers the language (see :func:`office_language`). Keyed by the
# deck's language tag, then by its primary subtag; other languages name the layout's font.
DECK_EAST_ASIAN: dict[str, str] = {
    "zh-TW": "Microsoft JhengHei",  # traditional characters
    "zh-HK": "Microsoft JhengHei",
    "zh-MO": "Microsoft JhengHei",
    "zh": "Microsoft YaHei",  # simplified
    "ja": "Yu Gothic",
    "ko": "Malgun Gothic",
}
DECK_COMPLEX: dict[str, str] = {"ar": "Arial", "fa": "Arial", "ur": "Arial", "he": "Arial", "hi": "Nirmala UI"}

# Languages written right to left (primary subtag): the document's direction.
RTL_LANGUAGES = frozenset({"ar", "he", "iw", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb"})


def script_of(ch: str) -> str:
    """The script of one character ("Latin" for ASCII, "Common" for what the table lacks)."""
    code = ord(ch)
    if code < 0x80:
        return "Latin"
    i = bisect.bisect_right(_STARTS, code) - 1
    if i >= 0 and code <= _RANGES[i][1]:
        return _RANGES[i][2]
    return "Common"


@dataclass(frozen=True)
class Profile:
    """What a text needs from the typesetter."""

    scripts: frozenset[str] = frozenset()

    @property
    def rtl(self) -> bool:
        """It has right-to-left letters (its lines need bidi ordering)."""
        return bool(self.scripts & RTL_SCRIPTS)

    @property
    def shaped(self) -> bool:
        """It has letters HarfBuzz must shape (joining, conjuncts, reordering)."""
        return bool(self.scripts & SHAPED_SCRIPTS)

    @property
    def cjk(self) -> bool:
        """It has characters written without spaces (lines break between characters)."""
        return bool(self.scripts & CJK_SCRIPTS)

    @property
    def complex(self) -> bool:
        return self.rtl or self.shaped or self.cjk


PLAIN = Profile()


@memoize("script profiles", maxsize=4096)
def profile(text: str) -> Profile:
    """The scripts of ``text`` that matter for typesetting (Latin-only text: :data:`PLAIN`)."""
    if text.isascii():
        return PLAIN
    return Profile(frozenset(script_of(ch) for ch in set(text) if ord(ch) >= 0x590))


def first_strong_rtl(text: str) -> bool | None:
    """True if the first strongly directional letter of ``text`` is right to left,
    False if left to right, None if it has none (digits and punctuation only)."""
    import unicodedata

    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return None


def primary(language: str) -> str:
    """The primary subtag of a BCP 47 tag, lower case ("zh-Hant" -> "zh")."""
    return language.replace("_", "-").split("-")[0].lower()


def is_rtl_language(language: str) -> bool:
    """Whether a BCP 47 tag names a language written right to left."""
    return primary(language) in RTL_LANGUAGES


# A region for the languages whose text a font is chosen by (Office names languages by
# culture, "zh-CN", and so do the decks it writes).
_OFFICE_REGIONS = {"zh": "CN", "ja": "JP", "ko": "KR"}
_CHINESE_SCRIPTS = {"hans": "CN", "hant": "TW"}


@memoize("office language tags", maxsize=64)
def office_language(language: str) -> str:
    """The tag a deck writes for ``language`` (``lang``): Chinese, Japanese and Korean
    with a region ("zh" -> "zh-CN", "zh-Hant" -> "zh-TW", "ja" -> "ja-JP"), others as
    given. LibreOffice picks the font for east-Asian text by the region: given a bare
    "zh" it set Chinese in a Korean font and dropped the simplified characters that
    font lacks ("时", "义", "礼")."""
    parts = language.replace("_", "-").split("-")
    first = parts[0].lower()
    if first not in _OFFICE_REGIONS:
        return language
    regions = [p.upper() for p in parts[1:] if len(p) == 2 and p.isalpha()]
    scripts = [p.lower() for p in parts[1:] if len(p) == 4]
    region = regions[0] if regions else _CHINESE_SCRIPTS.get(scripts[0] if scripts else "", _OFFICE_REGIONS[first])
    return f"{first}-{region}"


def east_asian_font(language: str) -> str:
    """The font a deck names for ``language``'s east-Asian text ("" when it names none)."""
    return DECK_EAST_ASIAN.get(office_language(language)) or DECK_EAST_ASIAN.get(primary(language), "")
