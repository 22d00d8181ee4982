"""Subject pictures on a PDF page: a decoded picture as a reportlab image and
a flowable that keeps its aspect."""

from __future__ import annotations

from pathlib import Path

from handouts.render.pictures import decode_picture


def load_picture(path: Path, key: str):  # noqa: ANN201 - returns a reportlab ImageReader
    """Decode ``path`` into an ImageReader (RGB/L, at most MAX_PIXELS a side)."""
    from reportlab.lib.utils import ImageReader

    return ImageReader(decode_picture(path, key))


def picture_flowable(reader, height: float, alt: str | None):  # noqa: ANN001, ANN201
    """A flowable drawing ``reader`` at most ``height`` tall, keeping its aspect.

    ``alt`` stays on the flowable (``.alt``) for accessibility tagging."""
    from reportlab.platypus import Flowable

    class Picture(Flowable):
        def __init__(self) -> None:
            super().__init__()
            self.alt = alt
            px_w, px_h = reader.getSize()
            self.aspect = px_w / px_h

        def wrap(self, aw: float, ah: float) -> tuple[float, float]:
            self.height = min(height, aw / self.aspect)
            self.width = self.height * self.aspect
            return self.width, self.height

        def draw(self) -> None:
            self.canv.drawImage(reader, 0, 0, self.width, self.height)

    return Picture()
