"""The image-sanitising core that media uploads and organization logos share.

Plain Python on Pillow, with no app imports, so ``posts`` (media) and
``accounts`` (logos) can both use it while the dependencies keep pointing
one way (scheduler → posts → accounts). It decides what a file is from its
first bytes, guards Pillow against decompression bombs and damaged files,
and re-encodes pixels so that no metadata of the original travels on.
Callers turn its exceptions into messages for their own field.
"""

from __future__ import annotations

import io
import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_noop
from PIL import Image, UnidentifiedImageError

logger = logging.getLogger(__name__)


# --- what a file is, from its first bytes ---------------------------------------------------

_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"heif"}
_MP4_BRANDS = (b"iso", b"mp4", b"avc1", b"M4V", b"MSNV", b"dash", b"f4v", b"3gp", b"3g2", b"mmp4")
# Atoms an old QuickTime movie can open with, before "ftyp" existed.
_QUICKTIME_ATOMS = {b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot"}

# Formats people upload that we refuse, named so the refusal can say what the file is.
_KNOWN_OTHERS = (
    (b"%PDF", gettext_noop("a PDF document")),
    (b"PK\x03\x04", gettext_noop("a ZIP archive or an Office document")),
    (b"BM", gettext_noop("a BMP image")),
    (b"II*\x00", gettext_noop("a TIFF image")),
    (b"MM\x00*", gettext_noop("a TIFF image")),
    (b"\x1aE\xdf\xa3", gettext_noop("a WebM or MKV video")),
    (b"ID3", gettext_noop("an MP3 audio file")),
    (b"OggS", gettext_noop("an Ogg audio or video file")),
    (b"8BPS", gettext_noop("a Photoshop document")),
    (b"\xd0\xcf\x11\xe0", gettext_noop("an old Office document")),
)


@dataclass(frozen=True)
class Sniffed:
    format: str  # "jpeg", "png", "gif", "webp", "heif", "mp4", "mov"; "" when refused
    kind: str  # "image", "video" or "" when refused
    description: str = ""  # what a refused file is, for the message (translated there)


IMAGE_FORMATS = {"jpeg": "JPEG", "png": "PNG", "gif": "GIF", "webp": "WEBP", "heif": "HEIF"}


def sniff(head: bytes) -> Sniffed:
    """What the first bytes of a file say it is. Its name and the browser's type are ignored."""
    if head.startswith(b"\xff\xd8\xff"):
        return Sniffed("jpeg", "image")
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Sniffed("png", "image")
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return Sniffed("gif", "image")
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return Sniffed("webp", "image")
    if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
        return Sniffed("", "", gettext_noop("an AVI video"))
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in _HEIF_BRANDS:
            return Sniffed("heif", "image")
        if brand in (b"avif", b"avis"):
            return Sniffed("", "", gettext_noop("an AVIF image"))
        if brand == b"qt  ":
            return Sniffed("mov", "video")
        if brand.startswith((b"M4A", b"M4B")):
            return Sniffed("", "", gettext_noop("an audio file"))
        if brand.startswith(_MP4_BRANDS):
            return Sniffed("mp4", "video")
        return Sniffed("", "", "")
    if head[4:8] in _QUICKTIME_ATOMS:
        return Sniffed("mov", "video")
    for magic, description in _KNOWN_OTHERS:
        if head.startswith(magic):
            return Sniffed("", "", description)
    if head.lstrip().startswith((b"<svg", b"<?xml")):
        return Sniffed("", "", gettext_noop("an SVG drawing or XML file"))
    if _looks_like_text(head):
        return Sniffed("", "", gettext_noop("a text file"))
    return Sniffed("", "", "")


def _looks_like_text(head: bytes) -> bool:
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return bool(text) and all(ch.isprintable() or ch in "\r\n\t" for ch in text)


# --- opening images safely ------------------------------------------------------------------

# Exceptions Pillow and its plugins raise for a damaged or truncated file.
DAMAGED = (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError, IndexError, KeyError)


class TooManyPixels(Exception):
    """Pillow's decompression-bomb guard fired: the image would decode to too many pixels."""


class DamagedImage(Exception):
    """Pillow could not read the image: damaged, truncated or not what its first bytes claim."""


@contextmanager
def guarded_pillow() -> Iterator[None]:
    """Run Pillow with its decompression-bomb warning made an error: TooManyPixels or DamagedImage.

    Callers check their own (lower) pixel bound first; this catches what
    Pillow finds while opening, above its own 89-megapixel default.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            yield
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise TooManyPixels() from None
    except DAMAGED:
        logger.info("images: unreadable image", exc_info=True)
        raise DamagedImage() from None


# --- re-encoding ------------------------------------------------------------------------------


def pixels_only(image: Image.Image) -> Image.Image:
    """A copy carrying pixels (and transparency) but none of the source's ``info``.

    Savers read some metadata from ``info`` unasked (the JPEG saver writes its
    comment back), so nothing of it may travel; EXIF, XMP and IPTC are only written
    when passed explicitly, which ``encode`` never does.
    """
    clean = image.copy()
    clean.info = {key: image.info[key] for key in ("transparency",) if key in image.info}
    return clean


def encode(image: Image.Image, pil_format: str, *, quality: int = 90, icc_profile: bytes | None = None) -> bytes:
    buffer = io.BytesIO()
    options: dict[str, Any] = {}
    if icc_profile:
        options["icc_profile"] = icc_profile
    if image.mode == "CMYK":  # its ICC profile describes ink, not the RGB we turn it into
        options.pop("icc_profile", None)
    if pil_format == "JPEG":
        image = flatten(image) if image.mode not in ("RGB", "L") else image
        options.update(quality=quality, optimize=True)
    elif pil_format == "WEBP":
        options.update(quality=quality, method=4)
    elif pil_format == "PNG":
        if image.mode not in ("1", "L", "LA", "I", "I;16", "P", "RGB", "RGBA"):
            image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
        options.update(optimize=False, compress_level=6)
    image.save(buffer, format=pil_format, **options)
    return buffer.getvalue()


def flatten(image: Image.Image) -> Image.Image:
    """RGB for formats without transparency: transparent areas become white, not black."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")
