"""Writes the test sources' pictures (run once; the PNGs are committed).

Pictures of different aspect ratios, in colour, so the tests can see that
cards draw them at one size and that ink-saver greys and lightens them."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent


def painting(name: str, size: tuple[int, int], colors: list[tuple[int, int, int]]) -> None:
    """Bands and discs of colour: a stand-in for a reproduction of a painting."""
    image = Image.new("RGB", size, colors[0])
    draw = ImageDraw.Draw(image)
    w, h = size
    for i, color in enumerate(colors[1:], start=1):
        draw.rectangle([0, h * i // len(colors), w, h], fill=color)
        draw.ellipse([w * i // 6, h // 5, w * i // 6 + w // 3, h // 5 + h // 3], fill=colors[-i])
    image.save(HERE / name, optimize=True)


if __name__ == "__main__":
    painting("impressionism.png", (160, 120), [(120, 170, 220), (240, 200, 90), (90, 150, 80), (200, 90, 60)])
    painting("post-impressionism.png", (100, 140), [(30, 50, 120), (240, 210, 40), (20, 90, 60), (180, 40, 30)])
    painting("cubism.png", (140, 140), [(120, 100, 80), (60, 50, 40), (170, 150, 120), (90, 80, 70)])
