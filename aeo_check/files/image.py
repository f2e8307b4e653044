"""A logo checked before a report draws it: a PNG or JPEG within size and pixel limits.

A brand file names its logo; the renderer decodes it. A vector image (SVG) is a document of
its own, which can reference other files and take the renderer minutes; a raster header can
claim billions of pixels in a few bytes. So the logo must be a PNG or a JPEG, at most
:data:`MAX_BYTES` on disk and :data:`MAX_PIXELS` in all, checked from its header by Pillow
(which reads the header only, not the pixels) before the renderer sees it.
"""

from __future__ import annotations

import io

#: bytes of a logo file
MAX_BYTES = 2 * 2**20
#: width × height of a logo (4,000 × 4,000 is far beyond what a page shows)
MAX_PIXELS = 16_000_000
#: the formats drawn, by Pillow's name, with the media type the report gives them
FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg"}


def raster_problem(data: bytes) -> str | None:
    """Why ``data`` cannot be a logo, or None for a PNG or JPEG within the limits (the words are
    those of ``check.logo_*`` in the lexicon, which gives them in Chinese)."""
    if len(data) > MAX_BYTES:
        return f"is {len(data):,} bytes; the limit is {MAX_BYTES:,}"
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data), formats=tuple(FORMATS)) as im:
            width, height = im.size
    except Image.DecompressionBombError:  # Pillow's own refusal, far past ours
        return f"claims more than {MAX_PIXELS:,} pixels, the limit"
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return "is not a PNG or JPEG image (SVG and other formats are not drawn)"
    if width * height > MAX_PIXELS:
        return f"is {width:,} × {height:,} pixels; the limit is {MAX_PIXELS:,} pixels"
    return None
