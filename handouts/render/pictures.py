"""Subject pictures: opened with Pillow, checked, downscaled, never a traceback.

A teacher's folder holds whatever they found online or shot with a phone: huge
photos, CMYK JPEGs, 16-bit scans, sideways EXIF, broken downloads. The size is
checked from the file's header before anything is decoded (a 1.5 MB PNG can
declare 400 megapixels), each picture is decoded once, turned upright, shrunk to
what print needs, and any failure becomes an :class:`OutputError` naming the file.
"""

from __future__ import annotations

from pathlib import Path

from handouts.errors import OutputError

MAX_PIXELS = 1400  # longest side kept; ~300 dpi for a picture 12 cm wide
# Pixels a picture may declare. A JPEG is decoded at up to 1/8 scale (``draft``), so even a
# 200-megapixel phone photo costs little; other formats decode whole (4 bytes a pixel, twice).
MAX_JPEG_MEGAPIXELS = 200
MAX_OTHER_MEGAPIXELS = 40
_SIXTEEN_BIT = ("I;16", "I;16L", "I;16B", "I;16N", "I")


def picture_problem(path: Path) -> str | None:
    """Why ``path`` cannot be used as a picture (read from its header only), or None."""
    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = None  # Pillow's own bomb check warns below 2x its limit: ours is per format, here
    try:
        with Image.open(path) as img:  # reads the header only
            width, height, kind = img.width, img.height, img.format
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        return f"cannot read the picture: {exc.__class__.__name__}: {exc}"
    limit = MAX_JPEG_MEGAPIXELS if kind == "JPEG" else MAX_OTHER_MEGAPIXELS
    if width * height > limit * 1_000_000:
        return (
            f"the picture is {width:,} × {height:,} pixels ({width * height / 1e6:,.0f} megapixels); "
            f"the limit for a {kind or 'picture'} is {limit} megapixels"
        )
    return None


def decode_picture(path: Path, key: str):  # noqa: ANN201 - returns a PIL image
    """Decode ``path`` into an upright RGB PIL image at most MAX_PIXELS a side (the PDF and the deck both embed it)."""
    from PIL import Image, ImageOps

    if not path.is_file():
        raise OutputError.single(
            "the picture file does not exist", file=path, key=key, hint="the path is relative to the source file"
        )
    problem = picture_problem(path)
    if problem is not None:
        raise OutputError.single(problem, file=path, key=key, hint=PICTURE_HINT)
    try:
        with Image.open(path) as img:
            img.draft("RGB", (MAX_PIXELS, MAX_PIXELS))  # JPEG: decode at reduced size (fast)
            img.load()
            picture = _to_eight_bit(ImageOps.exif_transpose(img))  # phone photos: upright
    except (OSError, ValueError, SyntaxError) as exc:
        raise OutputError.single(
            f"cannot read the picture: {exc.__class__.__name__}: {exc}", file=path, key=key, hint=PICTURE_HINT
        ) from None
    if picture.mode == "RGBA":  # flatten onto white: print has no transparency
        flat = Image.new("RGB", picture.size, (255, 255, 255))
        flat.paste(picture, mask=picture.getchannel("A"))
        picture = flat
    picture.thumbnail((MAX_PIXELS, MAX_PIXELS), Image.Resampling.LANCZOS)
    return picture


PICTURE_HINT = "save it again as PNG or JPEG, at most 1,400 pixels on its longest side is plenty for print"


def _to_eight_bit(img):  # noqa: ANN001, ANN202 - PIL images
    """RGB or RGBA. 16-bit greyscale is scaled down to 8 bits first: converted
    directly, every value above 255 clips and the picture comes out white."""
    if img.mode in _SIXTEEN_BIT:
        img = img.convert("I").point(lambda v: v / 256).convert("L")
    return img.convert("RGBA" if "A" in img.getbands() or "transparency" in img.info else "RGB")
