"""Subject pictures: opened with Pillow, checked, downscaled, never a traceback.

A teacher's folder holds whatever they found online: huge photos, CMYK JPEGs,
broken downloads. We decode each once, shrink it to what print needs, and turn
any failure into an :class:`OutputError` naming the file.
"""

from __future__ import annotations

from pathlib import Path

from handouts.errors import OutputError

MAX_PIXELS = 1400  # longest side kept; ~300 dpi for a picture 12 cm wide
MAX_INPUT_PIXELS = 200_000_000  # refuse decompression bombs beyond this many pixels


def decode_picture(path: Path, key: str):  # noqa: ANN201 - returns a PIL image
    """Decode ``path`` into an RGB PIL image at most MAX_PIXELS a side (the PDF and the deck both embed it)."""
    from PIL import Image, UnidentifiedImageError

    if not path.is_file():
        raise OutputError.single(
            "the picture file does not exist", file=path, key=key, hint="the path is relative to the source file"
        )
    try:
        Image.MAX_IMAGE_PIXELS = MAX_INPUT_PIXELS
        with Image.open(path) as img:
            img.draft("RGB", (MAX_PIXELS, MAX_PIXELS))  # JPEG: decode at reduced size (fast)
            img.load()
            picture = img.convert("RGBA" if "A" in img.getbands() or "transparency" in img.info else "RGB")
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise OutputError.single(
            f"cannot read the picture: {exc.__class__.__name__}: {exc}",
            file=path,
            key=key,
            hint="save it again as PNG or JPEG",
        ) from None
    if picture.mode == "RGBA":  # flatten onto white: print has no transparency
        flat = Image.new("RGB", picture.size, (255, 255, 255))
        flat.paste(picture, mask=picture.getchannel("A"))
        picture = flat
    picture.thumbnail((MAX_PIXELS, MAX_PIXELS), Image.Resampling.LANCZOS)
    return picture
