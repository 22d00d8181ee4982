"""Subject pictures on a PDF page: a decoded picture as a reportlab image,
toned as the layout asks, and a flowable that fits it into a fixed box.

Every subject's picture gets the same box (centred, aspect kept), so a row of
cards lines up whatever shapes the teacher's pictures have. The ink saver
prints them as light grayscale: a picture is the largest dark area on a page.
"""

from __future__ import annotations

from pathlib import Path

from handouts.render.pictures import decode_picture

LIGHT_INK = 0.45  # "light": a grayscale picture keeps this share of its darkness


def load_picture(path: Path, key: str, tone: str = "color"):  # noqa: ANN201 - returns a PIL image
    """Decode ``path`` (RGB/L, at most MAX_PIXELS a side); ``tone`` "gray" or
    "light" (light grayscale) for layouts that save toner."""
    picture = decode_picture(path, key)
    if tone in ("gray", "light"):
        picture = picture.convert("L")
        if tone == "light":
            picture = picture.point(lambda v: round(255 - (255 - v) * LIGHT_INK))
    return picture


def picture_flowable(picture, height: float, alt: str | None, width: float | None = None):  # noqa: ANN001, ANN201
    """A flowable ``width`` x ``height`` (width: the column's, at most 4:3)
    filled by ``picture`` (a PIL image), cropped about its centre (aspect kept),
    so every subject's picture prints at the same size.

    ``alt`` stays on the flowable (``.alt``) for accessibility tagging."""
    from PIL import ImageOps
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Flowable

    class Picture(Flowable):
        def __init__(self) -> None:
            super().__init__()
            self.alt = alt

        def wrap(self, aw: float, ah: float) -> tuple[float, float]:
            self.width = min(aw, width or aw, height * 4 / 3)
            self.height = height
            return self.width, self.height

        def draw(self) -> None:
            aspect = self.width / self.height
            w, h = picture.size
            size = (w, max(1, round(w / aspect))) if w / h < aspect else (max(1, round(h * aspect)), h)
            cropped = ImageOps.fit(picture, size, centering=(0.5, 0.5))
            self.canv.drawImage(ImageReader(cropped), 0, 0, self.width, self.height)

    return Picture()
