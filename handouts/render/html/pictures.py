"""Subject pictures as data URIs: the page carries them, so it needs no network."""

from __future__ import annotations

import base64
import io

from handouts.render.context import RenderContext
from handouts.render.pictures import decode_picture

MAX_WEB_PIXELS = 800  # a column of a 48rem page at 2x density


def picture_uri(context: RenderContext, relative: str, key: str) -> str:
    """The picture decoded (checked, flattened, shrunk) and saved as a JPEG data URI;
    the same picture gives the same bytes, so the page is deterministic too."""
    picture = decode_picture(context.resolve(relative), key)
    picture.thumbnail((MAX_WEB_PIXELS, MAX_WEB_PIXELS))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85, optimize=True)
    return "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
