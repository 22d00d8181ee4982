"""Checks on a whole resolved layout: readable colours and consistent sizes.

A layout is refused (not warned about) when its text would be hard to read:
WCAG AA contrast of 4.5:1 for text, 3:1 for subject colours drawn as large
text, lines and marks on the page. Each problem points to the key that was
written last of the pair (the one most likely just changed), so a child layout
or a ``--set`` that breaks a parent's pairing is blamed, not the parent.
"""

from __future__ import annotations

from handouts.colors import contrast_ratio, readable_on, relative_luminance, rgb, tint
from handouts.errors import Problem
from handouts.layout.models import Layout
from handouts.layout.origins import Origins
from handouts.source.yamlread import Path_

TEXT = 4.5  # WCAG AA, normal text
LARGE = 3.0  # WCAG AA, large text and graphics

# (foreground, background) colour keys that carry text.
TEXT_PAIRS: list[tuple[str, str]] = [
    ("text", "background"),
    ("muted", "background"),
    ("heading", "background"),
    ("link", "background"),
    ("header_text", "header_fill"),
    ("text", "zebra"),
    ("heading", "zebra"),
    ("link", "zebra"),
    ("muted", "zebra"),  # row labels, links, dashes on striped rows
]

# (size key, its floor) per group: nothing may be drawn smaller than the group's minimum.
SIZE_FLOORS: list[tuple[Path_, Path_]] = [
    *[
        (("sizes", k), ("sizes", "min"))
        for k in ("title", "subtitle", "heading", "subheading", "body", "table", "small")
    ],
    (("timeline", "label_size"), ("timeline", "min_size")),
    *[
        (("deck", "sizes", k), ("deck", "sizes", "min"))
        for k in ("cover", "title", "heading", "display", "body", "table")
    ],
    # a slide's title is never smaller than its content (the hierarchy reads from the back row)
    *[(("deck", "sizes", "heading"), ("deck", "sizes", k)) for k in ("display", "body", "table")],
]


# Smallest text area a page (either orientation) and a slide must keep after margins, in points.
MIN_TEXT_AREA = 216.0  # 3 inches
SLIDE_HEIGHT = 540.0  # both 16:9 and 4:3 decks are 7.5 inches tall


def check_layout(layout: Layout, origins: Origins) -> list[Problem]:
    """Every contrast, size and room problem of a resolved layout."""
    return check_contrast(layout, origins) + check_sizes(layout, origins) + check_room(layout, origins)


def check_room(layout: Layout, origins: Origins) -> list[Problem]:
    """Margins must leave room to print on, in portrait and landscape (timelines turn the
    page), and the deck's margin and title must leave room for a slide's content."""
    problems: list[Problem] = []
    short = min(layout.page.dimensions())
    m = layout.page.margins
    for across, (a, b) in (("width", ("left", "right")), ("height", ("top", "bottom"))):
        room = short - getattr(m, a) - getattr(m, b)
        if room < MIN_TEXT_AREA:
            blamed = _blame(origins, ("page", "margins", a), ("page", "margins", b))
            problems.append(
                origins.locate(blamed).problem(
                    _dotted(blamed),
                    f"the page margins leave {max(room, 0):.0f} pt of text {across}; "
                    f"at least {MIN_TEXT_AREA:.0f} pt (3 in) is needed",
                    "use smaller margins, e.g. 18mm",
                )
            )
    deck = layout.deck
    title = 2 * deck.sizes.heading * 1.2
    room = SLIDE_HEIGHT - 1.6 * deck.margin - title - deck.accent_bar - 2 * deck.gap
    if room < 4 * deck.sizes.min * 1.2:
        blamed = _blame(origins, _blame(origins, ("deck", "margin"), ("deck", "sizes", "heading")), ("deck", "gap"))
        problems.append(
            origins.locate(blamed).problem(
                _dotted(blamed),
                f"the slide margin ({deck.margin:g} pt), gap ({deck.gap:g} pt) "
                f"and title size ({deck.sizes.heading:g} pt) "
                f"leave {max(room, 0):.0f} pt for a slide's content; four lines at deck.sizes.min need "
                f"{4 * deck.sizes.min * 1.2:.0f} pt",
                "use a smaller deck.margin, deck.gap or deck.sizes.heading",
            )
        )
    return problems


def check_contrast(layout: Layout, origins: Origins) -> list[Problem]:
    colors = layout.colors
    problems: list[Problem] = []
    for fg_key, bg_key in TEXT_PAIRS:
        fg, bg = getattr(colors, fg_key), getattr(colors, bg_key)
        ratio = contrast_ratio(fg, bg)
        if ratio < TEXT:
            fg_path, bg_path = ("colors", fg_key), ("colors", bg_key)
            blamed = _blame(origins, fg_path, bg_path)
            problems.append(
                origins.locate(blamed).problem(
                    _dotted(blamed),
                    f"colors.{fg_key} {fg} on colors.{bg_key} {bg} has a contrast of {ratio:.2f}:1; "
                    f"text needs at least {TEXT}:1",
                    _suggest(fg, bg, TEXT, f"colors.{fg_key}"),
                )
            )
    bg = colors.background
    dark, light = colors.text, colors.background
    for i, color in enumerate(layout.palette):
        path = ("palette", i)
        ratio = contrast_ratio(color, bg)
        if ratio < LARGE:
            blamed = _blame(origins, path, ("colors", "background"))
            problems.append(
                origins.locate(blamed).problem(
                    _dotted(blamed),
                    f"palette[{i + 1}] {color} on colors.background {bg} has a contrast of {ratio:.2f}:1; "
                    f"subject colours need at least {LARGE}:1",
                    _suggest(color, bg, LARGE, f"palette[{i + 1}]"),
                )
            )
            continue
        label = readable_on(color, dark, light)
        ratio = contrast_ratio(label, color)
        if ratio < TEXT:
            problems.append(
                origins.locate(path).problem(
                    _dotted(path),
                    f"palette[{i + 1}] {color} as a fill: the best text on it ({label}) has a contrast of "
                    f"{ratio:.2f}:1; text needs at least {TEXT}:1",
                    "make the colour darker (for light text) or lighter (for dark text)",
                )
            )
    return problems


def subject_color_problem(color: str, layout: Layout) -> tuple[str, str] | None:
    """(message, hint) when a source's own subject colour would be hard to see on this
    layout: the same rule as the palette's (3:1 on the page, readable text on it)."""
    bg = layout.colors.background
    ratio = contrast_ratio(color, bg)
    if ratio < LARGE:
        return (
            f"{color} on the layout's background {bg} has a contrast of {ratio:.2f}:1; "
            f"subject colours need at least {LARGE}:1 (markers and lines would be hard to see)",
            _suggest(color, bg, LARGE, "colour"),
        )
    label = readable_on(color, layout.colors.text, bg)
    ratio = contrast_ratio(label, color)
    if ratio < TEXT:
        return (
            f"{color} as a fill: the best text on it ({label}) has a contrast of {ratio:.2f}:1; "
            f"text needs at least {TEXT}:1",
            "make the colour darker (for light text) or lighter (for dark text)",
        )
    return None


def check_sizes(layout: Layout, origins: Origins) -> list[Problem]:
    problems: list[Problem] = []
    for size_path, floor_path in SIZE_FLOORS:
        size, floor = _get(layout, size_path), _get(layout, floor_path)
        if size < floor:
            blamed = _blame(origins, size_path, floor_path)
            problems.append(
                origins.locate(blamed).problem(
                    _dotted(blamed),
                    f"{_dotted(size_path)} ({size:g} pt) is smaller than the minimum "
                    f"{_dotted(floor_path)} ({floor:g} pt)",
                    f"raise {_dotted(size_path)} or lower {_dotted(floor_path)}",
                )
            )
    return problems


def _blame(origins: Origins, first: Path_, second: Path_) -> Path_:
    """The key of the pair written by the most derived layout (ties: the first)."""
    return second if origins.locate(second).rank > origins.locate(first).rank else first


def _get(layout: Layout, path: Path_) -> float:
    value: object = layout
    for part in path:
        value = getattr(value, str(part))
    return float(value)  # type: ignore[arg-type]


def _dotted(path: Path_) -> str:
    return ".".join(f"[{p + 1}]" if isinstance(p, int) else p for p in path).replace(".[", "[")


def _suggest(fg: str, bg: str, target: float, key: str) -> str:
    """A nearby colour that passes: the foreground pushed away from the background."""
    toward = "#000000" if relative_luminance(bg) > 0.18 else "#FFFFFF"
    for step in range(1, 51):
        amount = step / 50
        candidate = _mix(fg, toward, amount)
        if contrast_ratio(candidate, bg) >= target:
            return f"use a {'darker' if toward == '#000000' else 'lighter'} {key}, e.g. {candidate}"
    return f"choose a {key} further from {bg}"


def _mix(a: str, b: str, amount: float) -> str:
    if b == "#FFFFFF":
        return tint(a, amount)
    mixed = [round(c * (1 - amount) * 255) for c in rgb(a)]
    return "#" + "".join(f"{c:02X}" for c in mixed)
