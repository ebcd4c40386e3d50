"""Decoding images with Pillow, failures told in the uploader's words."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pillow_heif
from django.core.exceptions import ValidationError

from physsocial import images
from posts.media.describe import invalid
from posts.media.limits import max_image_pixels

pillow_heif.register_heif_opener()


def damaged_image() -> ValidationError:
    return invalid(
        "This image could not be read: the file looks damaged or incomplete. Try exporting or downloading it again.",
        "corrupt",
    )


def too_many_pixels(width: int | None = None, height: int | None = None) -> ValidationError:
    bound = max_image_pixels()
    limit = f"{bound / 1_000_000:,.0f} megapixels" if bound >= 1_000_000 else f"{bound:,} pixels"
    if width and height:
        return invalid(
            f"This image is {width:,} × {height:,} pixels, more than the {limit} PhysSocial accepts. "
            "Resize it and upload it again.",
            "too_many_pixels",
        )
    return invalid(
        f"This image has more pixels than the {limit} PhysSocial accepts. Resize it and upload it again.",
        "too_many_pixels",
    )


@contextmanager
def guarded_pillow() -> Iterator[None]:
    """Pillow's decompression-bomb guard as our message, damaged files as theirs (see images.guarded_pillow)."""
    try:
        with images.guarded_pillow():
            yield
    except images.TooManyPixels:
        raise too_many_pixels() from None
    except images.DamagedImage:
        raise damaged_image() from None
