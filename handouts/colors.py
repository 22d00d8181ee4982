"""Colour arithmetic (WCAG contrast, readable text on a fill, tints), in one place."""

from __future__ import annotations


def rgb(hex_color: str) -> tuple[float, float, float]:
    """ "#B03A2E" -> (0.69, 0.23, 0.18)."""
    value = hex_color.lstrip("#")
    return tuple(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def relative_luminance(hex_color: str) -> float:
    """WCAG 2.1 relative luminance (0 = black, 1 = white)."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb(hex_color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio between two colours (1 to 21)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def readable_on(background: str, dark: str = "#1A1A1A", light: str = "#FFFFFF") -> str:
    """Whichever of ``dark``/``light`` reads better on ``background``."""
    return dark if contrast_ratio(background, dark) >= contrast_ratio(background, light) else light


def tint(hex_color: str, amount: float) -> str:
    """Mix a colour with white: ``amount`` 0 = the colour, 1 = white."""
    r, g, b = rgb(hex_color)
    mix = [round((c + (1 - c) * amount) * 255) for c in (r, g, b)]
    return "#" + "".join(f"{c:02X}" for c in mix)
