"""Media services: take uploads in, make per-network renditions, serve them to networks.

* ``ingest_upload`` decides what a file is from its bytes (never its name),
  refuses what no network could use, applies the EXIF orientation and strips
  every piece of metadata (GPS, camera serials, owner names, XMP, IPTC,
  comments; the ICC colour profile stays) before anything is stored.
* ``rendition_for`` makes, once per asset, network and variant, a copy that
  fits the network's ``Limits`` (pixels, bytes, formats, Instagram's aspect
  ratios); ``aspect_ratio_problem`` explains a ratio a network refuses and
  the fixes on offer.
* ``signed_media_url`` and ``load_signed_media`` give networks that fetch
  media themselves (Instagram) an unguessable URL that stops working.
* ``media_item_for`` is what the engine hands an adapter.

Files are only ever reached through Django's storage API, so a bucket works
as well as a disk; a local path appears only where a library needs one
(PyAV writing an MP4, an adapter reading bytes to upload).
"""

from __future__ import annotations

import hashlib
import io
import logging
import math
import os
import secrets
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import IO

import av
import pillow_heif
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models.deletion import ProtectedError, RestrictedError
from django.db.models.fields.files import FieldFile
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from PIL import Image, ImageFilter, ImageOps

import platforms
from accounts.models import Organization, User
from physsocial import images, input_rules
from physsocial.images import IMAGE_FORMATS as _IMAGE_FORMATS
from physsocial.images import Sniffed, sniff
from physsocial.images import encode as _encode
from physsocial.images import flatten as _flatten
from physsocial.images import pixels_only as _pixels_only
from physsocial.networks import network_label
from platforms.base import Limits, MediaItem
from posts.models import MediaAsset, MediaRendition

logger = logging.getLogger(__name__)

pillow_heif.register_heif_opener()

MB = 1024 * 1024

# Defaults for the settings below (the lead wires them into settings.py from the environment).
DEFAULT_MAX_IMAGE_BYTES = 30 * MB
DEFAULT_MAX_VIDEO_BYTES = 1024 * MB
# A 48-megapixel phone photo is 8064 x 6048 = 48.8 million pixels.
DEFAULT_MAX_IMAGE_PIXELS = 60_000_000
# An animation decodes every frame: allow this many times the still-image bound in total.
ANIMATION_PIXEL_FACTOR = 5

ACCEPTED_TYPES = "JPEG, PNG, GIF, WebP and HEIC images, and MP4 and MOV videos"
LIBRARY = "library"  # the "network" of the media library's own thumbnails
THUMBNAIL = "thumbnail"
THUMBNAIL_EDGE = 480
VARIANTS = ("default", "crop", "pad", "pad_blur")
# Networks that download media from a URL we give them, rather than receiving the bytes.
FETCHES_BY_URL = frozenset({"instagram"})
DEFAULT_URL_LIFETIME = timedelta(hours=6)
# However long a caller asks for, a signed URL never outlives this.
MAX_URL_LIFETIME = timedelta(days=7)
SIGNED_URL_SALT = "posts.media.signed-url"


def max_image_bytes() -> int:
    return int(getattr(settings, "MEDIA_MAX_IMAGE_BYTES", DEFAULT_MAX_IMAGE_BYTES))


def max_video_bytes() -> int:
    return int(getattr(settings, "MEDIA_MAX_VIDEO_BYTES", DEFAULT_MAX_VIDEO_BYTES))


def max_image_pixels() -> int:
    return int(getattr(settings, "MEDIA_MAX_IMAGE_PIXELS", DEFAULT_MAX_IMAGE_PIXELS))


# --- what each network accepts ------------------------------------------------------------


def network_limits(network: str) -> Limits:
    """What ``network`` accepts, from its adapter (``ValueError`` for an unknown network)."""
    return platforms.adapter_class(network).limits


def _all_networks() -> list[tuple[str, str, Limits]]:
    """(network, label, limits) of every network whose adapter imports.

    Adapters import lazily so that one broken SDK does not take every network
    down; a network that cannot load here is left out of "any network accepts".
    """
    found = []
    for network in platforms.NETWORKS:
        try:
            adapter = platforms.adapter_class(network)
        except ImportError:
            logger.exception("media: the %s adapter does not import", network)
            continue
        found.append((network, network_label(network), adapter.limits))
    return found


def alt_text_max_length() -> int:
    """The longest alt text every network takes (X's 1,000 characters today)."""
    lengths = [limits.alt_text_max_length for _, _, limits in _all_networks() if limits.alt_text_max_length]
    return min(lengths, default=1000)


# --- describing things to people ------------------------------------------------------------


def describe_size(size_bytes: int) -> str:
    return filesizeformat(size_bytes).replace("\xa0", " ")


def describe_duration(seconds: float) -> str:
    """ "45 seconds", "2 min 20 s", "1 h 5 min"."""
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes} min" if minutes else f"{hours} hour{'s' if hours != 1 else ''}"
    return f"{minutes} min {secs} s" if secs else f"{minutes} minute{'s' if minutes != 1 else ''}"


def describe_ratio(ratio: float) -> str:
    """A ratio as people know it: "4:5", "16:9", else "0.56:1"."""
    for name, value in _NAMED_RATIOS:
        if abs(ratio - value) < 0.005:
            return name
    return f"{ratio:.2f}:1"


_NAMED_RATIOS = (
    ("1:1", 1.0),
    ("4:5", 0.8),
    ("5:4", 1.25),
    ("4:3", 4 / 3),
    ("3:4", 0.75),
    ("3:2", 1.5),
    ("2:3", 2 / 3),
    ("16:9", 16 / 9),
    ("9:16", 9 / 16),
    ("1.91:1", 1.91),
)


def _invalid(message: str, code: str, field: str = "file") -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


# --- ingest --------------------------------------------------------------------------------


@dataclass
class _Prepared:
    """A cleaned file ready to store: bytes for images, a temporary file for videos."""

    kind: str
    content_type: str
    extension: str
    width: int
    height: int
    data: bytes = b""
    path: str = ""
    duration_s: float | None = None
    codec: str = ""


def ingest_upload(
    *, organization: Organization, uploaded_by: User, uploaded_file: File, alt_text: str = ""
) -> MediaAsset:
    """Check, clean and store an uploaded image or video for ``organization``'s library.

    The type is decided by the file's content. Images are re-encoded from their
    pixels after the EXIF orientation is applied, which leaves every piece of
    metadata behind (the ICC colour profile is kept); HEIC becomes JPEG; GIFs keep
    their frames and lose their comment and application blocks. Videos are remuxed
    (not re-encoded) into a fresh MP4 or MOV without container or stream metadata,
    timed-metadata tracks (an iPhone's moving GPS position) or subtitles.

    Raises ValidationError ({"file": ...} or {"alt_text": ...}) with a sentence for
    the uploader when the file is empty, too large, not a supported type, has too
    many pixels, is damaged, or is a video no network accepts. Each call stores a
    new asset; nothing is written when it raises.
    """
    alt_text = clean_alt_text(alt_text)
    size = uploaded_file.size or 0
    if size == 0:
        raise _invalid("This file is empty. Choose the photo or video again.", "empty")
    if size > max(max_image_bytes(), max_video_bytes()):
        raise _invalid(
            f"This file is {describe_size(size)}; PhysSocial accepts images up to "
            f"{describe_size(max_image_bytes())} and videos up to {describe_size(max_video_bytes())}.",
            "too_large",
        )
    uploaded_file.seek(0)
    head = uploaded_file.read(64)
    uploaded_file.seek(0)
    sniffed = sniff(head)
    if sniffed.kind == "video":
        prepared_video = _prepare_video(uploaded_file, size=size)
        try:
            return _store(organization, uploaded_by, uploaded_file, prepared_video, alt_text)
        finally:
            shutil.rmtree(os.path.dirname(prepared_video.path), ignore_errors=True)
    if sniffed.kind == "image":
        return _store(organization, uploaded_by, uploaded_file, _prepare_image(uploaded_file, sniffed, size), alt_text)
    what = f"This file is {sniffed.description}." if sniffed.description else "This file is not an image or a video."
    raise _invalid(f"{what} PhysSocial accepts {ACCEPTED_TYPES}.", "unsupported")


def clean_alt_text(alt_text: str) -> str:
    """Alt text trimmed; raises ValidationError({"alt_text": ...}) when a network would refuse it."""
    alt_text = (alt_text or "").strip()
    try:
        input_rules.check_text(alt_text, field=gettext("The alt text"))
    except ValidationError as error:
        raise ValidationError({"alt_text": error.messages}) from None
    limit = alt_text_max_length()
    if len(alt_text) > limit:
        raise _invalid(
            f"Alt text can be at most {limit:,} characters, the most every network accepts; "
            f"this has {len(alt_text):,}.",
            "alt_text_too_long",
            field="alt_text",
        )
    return alt_text


def _store(organization, uploaded_by, uploaded_file, prepared: _Prepared, alt_text: str) -> MediaAsset:
    asset = MediaAsset(
        organization=organization,
        uploaded_by=uploaded_by,
        original_name=os.path.basename(getattr(uploaded_file, "name", "") or "")[:255],
        kind=prepared.kind,
        content_type=prepared.content_type,
        width=prepared.width,
        height=prepared.height,
        duration_s=prepared.duration_s,
        codec=prepared.codec,
        alt_text=alt_text,
    )
    name = f"{secrets.token_urlsafe(18)}.{prepared.extension}"
    if prepared.path:
        with open(prepared.path, "rb") as handle:
            asset.sha256, asset.size_bytes = _digest(handle)
            handle.seek(0)
            asset.file.save(name, File(handle), save=False)
    else:
        asset.sha256 = hashlib.sha256(prepared.data).hexdigest()
        asset.size_bytes = len(prepared.data)
        asset.file.save(name, ContentFile(prepared.data), save=False)
    try:
        asset.save()
    except BaseException:
        asset.file.storage.delete(asset.file.name)
        raise
    return asset


def _digest(handle: IO[bytes]) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    for chunk in iter(lambda: handle.read(MB), b""):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def _damaged_image() -> ValidationError:
    return _invalid(
        "This image could not be read: the file looks damaged or incomplete. Try exporting or downloading it again.",
        "corrupt",
    )


def _too_many_pixels(width: int | None = None, height: int | None = None) -> ValidationError:
    bound = max_image_pixels()
    limit = f"{bound / 1_000_000:,.0f} megapixels" if bound >= 1_000_000 else f"{bound:,} pixels"
    if width and height:
        return _invalid(
            f"This image is {width:,} × {height:,} pixels, more than the {limit} PhysSocial accepts. "
            "Resize it and upload it again.",
            "too_many_pixels",
        )
    return _invalid(
        f"This image has more pixels than the {limit} PhysSocial accepts. Resize it and upload it again.",
        "too_many_pixels",
    )


@contextmanager
def _guarded_pillow() -> Iterator[None]:
    """Pillow's decompression-bomb guard as our message, damaged files as theirs (see images.guarded_pillow)."""
    try:
        with images.guarded_pillow():
            yield
    except images.TooManyPixels:
        raise _too_many_pixels() from None
    except images.DamagedImage:
        raise _damaged_image() from None


def _prepare_image(uploaded_file, sniffed: Sniffed, size: int) -> _Prepared:
    if size > max_image_bytes():
        raise _invalid(
            f"This image is {describe_size(size)}; the largest image PhysSocial accepts is "
            f"{describe_size(max_image_bytes())}.",
            "too_large",
        )
    raw = uploaded_file.read()
    with _guarded_pillow():
        image = Image.open(io.BytesIO(raw), formats=[_IMAGE_FORMATS[sniffed.format]])
        width, height = image.size
        if width * height > max_image_pixels():
            raise _too_many_pixels(width, height)
        frames = getattr(image, "n_frames", 1)
        # A JPEG's or HEIC's further pictures are depth maps, previews or a burst: the image
        # opened on its main picture, which is the one kept. PNG and WebP ones are animations.
        if frames > 1 and sniffed.format in ("png", "webp"):
            raise _invalid(
                "Animated WebP and PNG files are not supported. Upload the animation as a GIF or an MP4 video.",
                "animated_unsupported",
            )
        if sniffed.format == "gif":
            if frames * width * height > ANIMATION_PIXEL_FACTOR * max_image_pixels():
                raise _invalid(
                    f"This animation has {frames:,} frames of {width:,} × {height:,} pixels, too many to process. "
                    "Shorten it, make it smaller, or upload it as an MP4 video.",
                    "too_many_pixels",
                )
            for index in range(frames):  # decode every frame: a damaged one fails here, not on a network
                image.seek(index)
                image.load()
            return _Prepared(
                kind=MediaAsset.Kind.GIF if frames > 1 else MediaAsset.Kind.IMAGE,
                content_type="image/gif",
                extension="gif",
                width=width,
                height=height,
                data=strip_gif(raw),
            )
        image.load()
        return _reencode_still(image, sniffed.format)


_OUTPUT = {
    # sniffed format -> (Pillow format, content type, extension)
    "jpeg": ("JPEG", "image/jpeg", "jpg"),
    "heif": ("JPEG", "image/jpeg", "jpg"),  # phones' HEIC: most networks refuse it
    "png": ("PNG", "image/png", "png"),
    "webp": ("WEBP", "image/webp", "webp"),
}


def _reencode_still(image: Image.Image, source_format: str) -> _Prepared:
    pil_format, content_type, extension = _OUTPUT[source_format]
    icc_profile = image.info.get("icc_profile")
    upright = ImageOps.exif_transpose(image)
    data = _encode(_pixels_only(upright), pil_format, icc_profile=icc_profile)
    return _Prepared(
        kind=MediaAsset.Kind.IMAGE,
        content_type=content_type,
        extension=extension,
        width=upright.width,
        height=upright.height,
        data=data,
    )


def strip_gif(data: bytes) -> bytes:
    """The GIF with only the blocks that draw it: header, palettes, frames, frame timing
    and the loop count. Comments, XMP and every other application block are dropped.

    Done on the bytes rather than by re-encoding, because Pillow re-quantizes every
    frame of an animation it saves, which costs colours and often grows the file.
    """
    try:
        out = bytearray(data[:13])
        flags = data[10]
        position = 13
        if flags & 0x80:
            table = 3 * 2 ** ((flags & 0x07) + 1)
            out += data[13 : 13 + table]
            position += table
        while True:
            block = data[position]
            if block == 0x3B:  # trailer; anything after it is not part of the image
                out.append(0x3B)
                return bytes(out)
            if block == 0x21:  # extension
                label = data[position + 1]
                end = _after_sub_blocks(data, position + 2)
                identifier = data[position + 3 : position + 14] if label == 0xFF else b""
                # 0xF9 graphic control (timing, transparency), 0x01 plain text (drawn),
                # NETSCAPE2.0 / ANIMEXTS1.0 (loop count).
                if label in (0xF9, 0x01) or identifier in (b"NETSCAPE2.0", b"ANIMEXTS1.0"):
                    out += data[position:end]
                position = end
            elif block == 0x2C:  # image descriptor, local palette, LZW data
                local = data[position + 9]
                start = position
                position += 10
                if local & 0x80:
                    position += 3 * 2 ** ((local & 0x07) + 1)
                end = _after_sub_blocks(data, position + 1)
                out += data[start:end]
                position = end
            else:
                raise _damaged_image()
    except IndexError:
        raise _damaged_image() from None


def _after_sub_blocks(data: bytes, position: int) -> int:
    while True:
        length = data[position]
        position += 1 + length
        if length == 0:
            return position


# --- videos ---------------------------------------------------------------------------------

# Codecs the MP4 muxer takes as they are; anything else stays in a MOV.
_MP4_CODECS = {"h264", "hevc", "av1", "mpeg4", "vp9", "aac", "mp3", "alac", "opus", "ac3", "eac3", "flac"}


def _damaged_video() -> ValidationError:
    return _invalid(
        "This video could not be read: the file looks damaged or incomplete. Try exporting it again as MP4.",
        "corrupt",
    )


def _prepare_video(uploaded_file, *, size: int) -> _Prepared:
    if size > max_video_bytes():
        raise _invalid(
            f"This video is {describe_size(size)}; the largest video PhysSocial accepts is "
            f"{describe_size(max_video_bytes())}.",
            "too_large",
        )
    accepting = [(label, limits) for _, label, limits in _all_networks() if limits.max_videos > 0]
    largest_label, largest = max(accepting, key=lambda item: item[1].video_max_bytes)
    if size > largest.video_max_bytes:
        raise _invalid(
            f"This video is {describe_size(size)}; the largest any network accepts is "
            f"{describe_size(largest.video_max_bytes)} ({largest_label}).",
            "video_too_large",
        )
    uploaded_file.seek(0)
    try:
        source = av.open(uploaded_file, mode="r", metadata_errors="ignore")
    except (av.FFmpegError, ValueError, OSError):
        raise _damaged_video() from None
    with source:
        if not source.streams.video:
            raise _invalid("This file has no picture: PhysSocial accepts videos, not sound alone.", "no_video")
        stream = source.streams.video[0]
        try:
            first = next(source.decode(stream))
        except (av.FFmpegError, StopIteration, ValueError, OSError):
            raise _damaged_video() from None
        duration = _duration_s(source, stream)
        width, height = stream.codec_context.width, stream.codec_context.height
        if abs(first.rotation) % 180 == 90:  # a phone held upright stores a rotation, not rotated pixels
            width, height = height, width
        codec = stream.codec_context.name or ""
        longest_label, longest = max(accepting, key=lambda item: item[1].video_max_duration_s)
        if duration > longest.video_max_duration_s:
            raise _invalid(
                f"This video is {describe_duration(duration)} long; the longest any network accepts is "
                f"{describe_duration(longest.video_max_duration_s)} ({longest_label}).",
                "video_too_long",
            )
        path, content_type, extension = _remux_without_metadata(source)
    return _Prepared(
        kind=MediaAsset.Kind.VIDEO,
        content_type=content_type,
        extension=extension,
        width=width,
        height=height,
        path=path,
        duration_s=round(duration, 3),
        codec=codec,
    )


def _duration_s(container, stream) -> float:
    if container.duration:
        return container.duration / av.time_base
    if stream.duration and stream.time_base:
        return float(stream.duration * stream.time_base)
    return 0.0


def _remux_without_metadata(source) -> tuple[str, str, str]:
    """Copy the picture and sound packets, unchanged, into a new file written with no
    metadata, and ``faststart`` so a network fetching it can begin before the end.

    Returns (path in a new temporary directory the caller removes, content type, extension).
    """
    streams = [s for s in source.streams if s.type in ("video", "audio")]
    is_mp4 = all((s.codec_context.name or "") in _MP4_CODECS for s in streams)
    muxer, content_type, extension = ("mp4", "video/mp4", "mp4") if is_mp4 else ("mov", "video/quicktime", "mov")
    directory = tempfile.mkdtemp(prefix="physsocial-video-")
    path = os.path.join(directory, f"video.{extension}")
    try:
        source.seek(0)
        # faststart moves the index to the front by reopening the file: it needs a real path.
        with av.open(path, mode="w", format=muxer, options={"movflags": "+faststart"}) as target:
            mapping = {s.index: target.add_stream_from_template(s) for s in streams}
            for original, copy in ((s, mapping[s.index]) for s in streams):
                if is_mp4 and original.codec_context.name == "hevc":
                    # An iPhone's HEVC is tagged hvc1; FFmpeg would write hev1, which Apple devices
                    # and Instagram do not play.
                    copy.codec_context.codec_tag = "hvc1"
            for packet in source.demux(*streams):
                if packet.dts is None:  # demuxer flush packets carry no data
                    continue
                packet.stream = mapping[packet.stream.index]
                target.mux(packet)
    except (av.FFmpegError, ValueError, OSError):
        shutil.rmtree(directory, ignore_errors=True)
        logger.warning("media: could not remux a video", exc_info=True)
        raise _invalid(
            "This video could not be prepared for posting. Try exporting it again as MP4 (H.264).",
            "corrupt",
        ) from None
    return path, content_type, extension


# --- alt text and library operations ----------------------------------------------------


def alt_text_required(organization) -> bool:
    """Whether images in ``organization`` need alt text before they are posted (the default)."""
    return bool(getattr(organization, "alt_text_required", True))


def alt_text_missing(asset: MediaAsset) -> bool:
    """True for an image or GIF without alt text in an organization that requires it."""
    return asset.is_visual and not asset.alt_text.strip() and alt_text_required(asset.organization)


def update_alt_text(asset: MediaAsset, *, alt_text: str, by: User) -> MediaAsset:
    """Set the asset's alt text. Raises ValidationError({"alt_text": ...}) when it is too long,
    or is emptied on an image in an organization that requires it. Safe to repeat."""
    alt_text = clean_alt_text(alt_text)
    if not alt_text and asset.is_visual and alt_text_required(asset.organization):
        raise _invalid(
            "Describe the image for people who use a screen reader; "
            f"{asset.organization.name} requires alt text on every image.",
            "alt_text_required",
            field="alt_text",
        )
    asset.alt_text = alt_text
    asset.save(update_fields=["alt_text"])
    return asset


def delete_asset(asset: MediaAsset, *, by: User) -> None:
    """Delete an unused asset, its renditions and their files.

    Raises ValidationError when a post uses it. Files go once the transaction
    commits, so a rollback never leaves a row pointing at nothing.
    """
    uses = asset.attachments.count()
    if uses:
        raise ValidationError(
            f"This file is used by {uses} post{'s' if uses != 1 else ''}. "
            "Remove it from them first, or keep it in the library.",
            code="in_use",
        )
    storage = asset.file.storage
    names = {asset.file.name, *asset.renditions.values_list("file", flat=True)}
    try:
        asset.delete()
    except (ProtectedError, RestrictedError):  # attached by someone else since the count
        raise ValidationError("This file has just been added to a post, so it was kept.", code="in_use") from None
    transaction.on_commit(lambda: [storage.delete(name) for name in names if name])


# --- renditions -------------------------------------------------------------------------


@dataclass(frozen=True)
class RatioFix:
    variant: str  # "crop", "pad" or "pad_blur": pass to rendition_for
    label: str


@dataclass(frozen=True)
class AspectRatioProblem:
    message: str
    ratio: float
    min_ratio: float | None
    max_ratio: float | None
    target_ratio: float  # the nearest ratio the network accepts
    fixes: tuple[RatioFix, ...]


def aspect_ratio_problem(asset: MediaAsset, network: str) -> AspectRatioProblem | None:
    """Why ``network`` would refuse this image's shape, and the fixes on offer; None if it fits.

    Only still images are checked: videos and GIFs are not cropped here.
    """
    limits = network_limits(network)
    ratio = asset.aspect_ratio
    if asset.kind != MediaAsset.Kind.IMAGE or ratio is None:
        return None
    low, high = limits.min_aspect_ratio, limits.max_aspect_ratio
    too_tall = low is not None and ratio < low
    too_wide = high is not None and ratio > high
    if not (too_tall or too_wide):
        return None
    target = low if too_tall else high
    label = network_label(network)
    allowed = _describe_range(low, high)
    shape = "tall" if too_tall else "wide"
    message = (
        f"{label} shows images {allowed}; this image is {describe_ratio(ratio)}, too {shape}. "
        f"Crop it to {describe_ratio(target)} or add bars to fill the frame."
    )
    fixes = (
        RatioFix("crop", f"Crop the {'top and bottom' if too_tall else 'sides'} to {describe_ratio(target)}"),
        RatioFix("pad", f"Add white bars to make it {describe_ratio(target)}"),
        RatioFix("pad_blur", f"Add blurred bars to make it {describe_ratio(target)}"),
    )
    return AspectRatioProblem(message, ratio, low, high, target, fixes)


def _describe_range(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f"between {describe_ratio(low)} (portrait) and {describe_ratio(high)} (landscape)"
    if low is not None:
        return f"no taller than {describe_ratio(low)}"
    return f"no wider than {describe_ratio(high or 0)}"


def rendition_for(asset: MediaAsset, *, network: str, variant: str = "default") -> MediaRendition:
    """The asset as ``network`` accepts it, made on first use and kept.

    "default" only resizes and converts; "crop" (centre) and "pad" / "pad_blur"
    (white or blurred bars) also bring an image into the network's aspect ratios.
    A kept rendition is made again when it no longer fits the network's limits.
    Videos are posted as uploaded: their rendition is the asset itself.

    Raises ValidationError when the network takes no such media (Instagram and
    animated GIFs) or the image cannot be brought under its byte limit. Safe to
    call twice, also at once: one rendition wins, the other's file is removed.
    """
    if variant not in VARIANTS:
        raise ValueError(f"Unknown variant {variant!r}; expected one of {', '.join(VARIANTS)}.")
    limits = network_limits(network)
    existing = MediaRendition.objects.filter(asset=asset, network=network, variant=variant).first()
    if existing is not None and _still_fits(existing, limits, variant) and _file_exists(existing.file):
        return existing
    made = _make_rendition(asset, network, variant, limits)
    return _keep(asset, network, variant, made, existing)


def _file_exists(field_file: FieldFile) -> bool:
    return bool(field_file.name) and field_file.storage.exists(field_file.name)


@dataclass
class _Made:
    content_type: str
    width: int | None
    height: int | None
    data: bytes = b""  # empty: reuse the asset's file
    extension: str = ""


def _still_fits(rendition: MediaRendition, limits: Limits, variant: str) -> bool:
    asset = rendition.asset
    if asset.kind == MediaAsset.Kind.VIDEO:
        return True
    max_bytes = (limits.gif_max_bytes or limits.image_max_bytes) if asset.kind == MediaAsset.Kind.GIF else 0
    max_bytes = max_bytes or limits.image_max_bytes
    if rendition.size_bytes > max_bytes or rendition.content_type not in limits.image_types:
        return False
    if limits.image_max_pixels and (rendition.width or 0) * (rendition.height or 0) > limits.image_max_pixels:
        return False
    if variant != "default" and rendition.width and rendition.height:
        return _ratio_ok(rendition.width / rendition.height, limits)
    return True


def _ratio_ok(ratio: float, limits: Limits) -> bool:
    low, high = limits.min_aspect_ratio, limits.max_aspect_ratio
    return (low is None or ratio >= low) and (high is None or ratio <= high)


def _make_rendition(asset: MediaAsset, network: str, variant: str, limits: Limits) -> _Made:
    label = network_label(network)
    if asset.kind == MediaAsset.Kind.VIDEO:
        return _Made(asset.content_type, asset.width, asset.height)
    if asset.kind == MediaAsset.Kind.GIF:
        if "image/gif" not in limits.image_types:
            raise ValidationError(
                f"{label} does not take animated GIFs. Upload the animation as an MP4 video instead.",
                code="gif_unsupported",
            )
        max_bytes = limits.gif_max_bytes or limits.image_max_bytes
        if asset.size_bytes > max_bytes:
            raise ValidationError(
                f"This GIF is {describe_size(asset.size_bytes)}; {label} takes GIFs up to "
                f"{describe_size(max_bytes)}. Upload it as an MP4 video instead.",
                code="too_large",
            )
        return _Made(asset.content_type, asset.width, asset.height)
    if not limits.image_types:
        raise ValidationError(f"{label} does not take images.", code="images_unsupported")

    needs_shape = variant != "default" and not _ratio_ok(asset.aspect_ratio or 1.0, limits)
    fits_as_is = (
        asset.content_type in limits.image_types
        and asset.size_bytes <= limits.image_max_bytes
        and not (limits.image_max_pixels and (asset.width or 0) * (asset.height or 0) > limits.image_max_pixels)
        and not needs_shape
    )
    if fits_as_is:
        return _Made(asset.content_type, asset.width, asset.height)

    image = _open_stored_image(asset)
    icc_profile = image.info.get("icc_profile")
    pil_format, content_type, extension = _target_format(asset.content_type, limits.image_types, image)
    if limits.image_max_pixels and image.width * image.height > limits.image_max_pixels:
        image = _resize(image, math.sqrt(limits.image_max_pixels / (image.width * image.height)), limits)
    if needs_shape:
        image = _reshape(image, variant, limits)
    data, image = _encode_within(image, pil_format, limits.image_max_bytes, limits, icc_profile, label)
    return _Made(content_type, image.width, image.height, data=data, extension=extension)


def _open_stored_image(asset: MediaAsset) -> Image.Image:
    """The stored image, decoded. A storage failure propagates as it is; only decoding is guarded."""
    with asset.file.storage.open(asset.file.name, "rb") as handle:
        raw = handle.read()
    with _guarded_pillow():
        image = Image.open(io.BytesIO(raw))
        image.load()
    return image


def _target_format(content_type: str, accepted: tuple[str, ...], image: Image.Image) -> tuple[str, str, str]:
    """Keep the format where the network takes it; else JPEG, or PNG for transparency where it can."""
    by_type = {
        "image/jpeg": ("JPEG", "image/jpeg", "jpg"),
        "image/png": ("PNG", "image/png", "png"),
        "image/webp": ("WEBP", "image/webp", "webp"),
    }
    if content_type in accepted and content_type in by_type:
        return by_type[content_type]
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    if has_alpha and "image/png" in accepted:
        return by_type["image/png"]
    if "image/jpeg" in accepted:
        return by_type["image/jpeg"]
    if "image/png" in accepted:
        return by_type["image/png"]
    raise ValidationError("This network takes no image format PhysSocial can produce.", code="images_unsupported")


def _resize(image: Image.Image, factor: float, limits: Limits) -> Image.Image:
    """Scale by ``factor``; a shape inside the network's ratios stays inside despite rounding."""
    width = max(1, math.floor(image.width * factor))
    height = max(1, math.floor(image.height * factor))
    if _ratio_ok(image.width / image.height, limits):
        if limits.min_aspect_ratio is not None and width / height < limits.min_aspect_ratio:
            height = max(1, math.floor(width / limits.min_aspect_ratio))
        if limits.max_aspect_ratio is not None and width / height > limits.max_aspect_ratio:
            width = max(1, math.floor(height * limits.max_aspect_ratio))
    return image.resize((width, height), Image.Resampling.LANCZOS)


def _reshape(image: Image.Image, variant: str, limits: Limits) -> Image.Image:
    ratio = image.width / image.height
    low, high = limits.min_aspect_ratio, limits.max_aspect_ratio
    too_tall = low is not None and ratio < low
    if variant == "crop":
        if too_tall:
            height = math.floor(image.width / low)
            top = (image.height - height) // 2
            return image.crop((0, top, image.width, top + height))
        width = math.floor(image.height * high)
        left = (image.width - width) // 2
        return image.crop((left, 0, left + width, image.height))
    if too_tall:
        size = (math.ceil(image.height * low), image.height)
    else:
        size = (image.width, math.ceil(image.width / high))
    rgb = _flatten(image)
    if variant == "pad_blur":
        background = ImageOps.fit(rgb, size).filter(ImageFilter.GaussianBlur(radius=max(size) / 40))
    else:
        background = Image.new("RGB", size, (255, 255, 255))
    background.paste(rgb, ((size[0] - rgb.width) // 2, (size[1] - rgb.height) // 2))
    return background


def _encode_within(
    image: Image.Image, pil_format: str, max_bytes: int, limits: Limits, icc_profile: bytes | None, label: str
) -> tuple[bytes, Image.Image]:
    qualities = (90, 82, 72) if pil_format in ("JPEG", "WEBP") else (90,)
    for _ in range(12):
        for quality in qualities:
            data = _encode(image, pil_format, quality=quality, icc_profile=icc_profile)
            if len(data) <= max_bytes:
                return data, image
        if image.width <= 64 or image.height <= 64:
            break
        image = _resize(image, 0.8, limits)
    raise ValidationError(
        f"This image could not be made small enough for {label} ({describe_size(max_bytes)}).",
        code="too_large",
    )


def _keep(
    asset: MediaAsset, network: str, variant: str, made: _Made, existing: MediaRendition | None
) -> MediaRendition:
    """Store ``made`` as the rendition, replacing ``existing``; when another process made
    the same rendition at the same moment, keep theirs and remove our file."""
    storage = asset.file.storage
    if made.data:
        upload_to = MediaRendition._meta.get_field("file").generate_filename(
            None, f"{secrets.token_urlsafe(18)}.{made.extension}"
        )
        name, size = storage.save(upload_to, ContentFile(made.data)), len(made.data)
    else:
        name, size = asset.file.name, asset.size_bytes
    values = {
        "file": name,
        "size_bytes": size,
        "content_type": made.content_type,
        "width": made.width,
        "height": made.height,
    }
    if existing is None:
        try:
            with transaction.atomic():
                return MediaRendition.objects.create(asset=asset, network=network, variant=variant, **values)
        except IntegrityError:
            if made.data:
                storage.delete(name)
            return MediaRendition.objects.get(asset=asset, network=network, variant=variant)
    old_name = existing.file.name
    for field, value in values.items():
        setattr(existing, field, value)
    existing.save(update_fields=list(values))
    if old_name and old_name not in (asset.file.name, name):
        transaction.on_commit(lambda: storage.delete(old_name))
    return existing


def thumbnail_for(asset: MediaAsset) -> MediaRendition:
    """A small JPEG preview for the media library (a video's first frame), made once."""
    existing = MediaRendition.objects.filter(asset=asset, network=LIBRARY, variant=THUMBNAIL).first()
    if existing is not None and _file_exists(existing.file):
        return existing
    if asset.kind == MediaAsset.Kind.VIDEO:
        with asset.file.storage.open(asset.file.name, "rb") as handle:  # streamed: videos are large
            with av.open(handle, mode="r", metadata_errors="ignore") as container:
                frame = next(container.decode(video=0))
                image = frame.to_image()
                if frame.rotation:
                    # PyAV reports the counter-clockwise turn the picture needs to stand upright.
                    image = image.rotate(frame.rotation, expand=True)
    else:
        image = _open_stored_image(asset)
    image = _flatten(image)
    image.thumbnail((THUMBNAIL_EDGE, THUMBNAIL_EDGE), Image.Resampling.LANCZOS)
    made = _Made("image/jpeg", image.width, image.height, data=_encode(image, "JPEG", quality=82), extension="jpg")
    return _keep(asset, LIBRARY, THUMBNAIL, made, existing)


# --- what adapters receive --------------------------------------------------------------


def media_item_for(asset: MediaAsset, *, network: str, variant: str = "default") -> MediaItem:
    """The asset, rendered for ``network``, as the adapter consumes it.

    ``path`` is a local file to upload (on remote storage, a cached copy: see
    ``local_path``); ``url`` is a signed URL for networks that fetch media
    themselves. Raises ValidationError as ``rendition_for`` does.
    """
    rendition = rendition_for(asset, network=network, variant=variant)
    return MediaItem(
        kind=asset.kind,
        content_type=rendition.content_type,
        path=local_path(rendition.file),
        url=signed_media_url(rendition) if network in FETCHES_BY_URL else "",
        alt_text=asset.alt_text if asset.is_visual else "",
        width=rendition.width or 0,
        height=rendition.height or 0,
        duration_s=asset.duration_s or 0.0,
        size_bytes=rendition.size_bytes,
    )


def media_cache_dir() -> Path:
    default = Path(tempfile.gettempdir()) / "physsocial-media-cache"
    return Path(getattr(settings, "MEDIA_CACHE_DIR", default))


def local_path(field_file: FieldFile) -> str:
    """A path on this machine holding the file's bytes, for libraries that need one.

    On local storage, the stored file itself; otherwise a copy in the media cache
    (``MEDIA_CACHE_DIR``), reused while it lasts: stored names are random and never
    overwritten, so a cached copy cannot go stale. ``prune_media_cache`` empties it.
    """
    storage = field_file.storage
    try:
        path = storage.path(field_file.name)
    except NotImplementedError:  # remote storage
        path = ""
    if path and os.path.isfile(path):  # InMemoryStorage answers path() with a path that does not exist
        return path
    suffix = Path(field_file.name).suffix
    target = media_cache_dir() / f"{hashlib.sha256(field_file.name.encode()).hexdigest()}{suffix}"
    if target.exists():
        os.utime(target)
        return str(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(dir=target.parent, suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out, storage.open(field_file.name, "rb") as source:
            shutil.copyfileobj(source, out, MB)
        os.replace(partial, target)  # atomic: a reader never sees half a file
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    return str(target)


def prune_media_cache(*, older_than: timedelta = timedelta(days=1)) -> int:
    """Remove cached copies not used for ``older_than``; returns how many went. Safe to repeat."""
    directory = media_cache_dir()
    if not directory.is_dir():
        return 0
    cutoff = time.time() - older_than.total_seconds()
    removed = 0
    for entry in directory.iterdir():
        if entry.is_file() and entry.stat().st_mtime < cutoff:
            entry.unlink(missing_ok=True)
            removed += 1
    return removed


# --- signed URLs --------------------------------------------------------------------------


def signed_media_url(
    rendition_or_asset: MediaRendition | MediaAsset, *, expires_in: timedelta = DEFAULT_URL_LIFETIME
) -> str:
    """A public URL on PUBLIC_BASE_URL serving this file until ``expires_in`` from now.

    The token is signed with SECRET_KEY (unguessable, cannot be altered) and
    carries its own expiry; after it, or with any change, the URL answers 404.
    """
    expires_in = min(expires_in, MAX_URL_LIFETIME)
    kind = "r" if isinstance(rendition_or_asset, MediaRendition) else "a"
    expires_at = int((timezone.now() + expires_in).timestamp())
    token = signing.dumps({kind: rendition_or_asset.pk, "x": expires_at}, salt=SIGNED_URL_SALT, compress=True)
    extension = Path(rendition_or_asset.file.name).suffix or ""
    path = reverse("media-signed", kwargs={"token": token, "filename": f"media{extension}"})
    return f"{settings.PUBLIC_BASE_URL.rstrip('/')}{path}"


def load_signed_media(token: str) -> MediaRendition | MediaAsset | None:
    """The rendition or asset a signed token names, or None when it is forged, altered or expired."""
    try:
        payload = signing.loads(token, salt=SIGNED_URL_SALT, max_age=MAX_URL_LIFETIME)
    except signing.BadSignature:  # also SignatureExpired
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("x"), int):
        return None
    if payload["x"] <= timezone.now().timestamp():
        return None
    if isinstance(payload.get("r"), int):
        return MediaRendition.objects.select_related("asset").filter(pk=payload["r"]).first()
    if isinstance(payload.get("a"), int):
        return MediaAsset.objects.filter(pk=payload["a"]).first()
    return None
