"""Taking an upload in: decide what it is from its bytes, refuse what no network could use,
strip every piece of metadata, store it as a new ``MediaAsset``."""

from __future__ import annotations

import hashlib
import io
import logging
import os
import secrets
import shutil
import tempfile
from dataclasses import dataclass
from typing import IO

import av
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.utils.translation import gettext
from PIL import Image, ImageOps

from accounts.models import Organization, User
from physsocial.images import IMAGE_FORMATS as _IMAGE_FORMATS
from physsocial.images import Sniffed, sniff
from physsocial.images import encode as _encode
from physsocial.images import pixels_only as _pixels_only
from posts.media.decoding import damaged_image, guarded_pillow, too_many_pixels
from posts.media.describe import describe_duration, describe_size, invalid
from posts.media.library import clean_alt_text
from posts.media.limits import (
    ACCEPTED_TYPES,
    ANIMATION_PIXEL_FACTOR,
    MB,
    all_networks,
    max_image_bytes,
    max_image_pixels,
    max_video_bytes,
)
from posts.media.reading import start_reading
from posts.models import MediaAsset

logger = logging.getLogger(__name__)


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
        raise invalid(gettext("This file is empty. Choose the photo or video again."), "empty")
    if size > max(max_image_bytes(), max_video_bytes()):
        raise invalid(
            gettext(
                "This file is %(size)s; PhysSocial accepts images up to %(image_limit)s "
                "and videos up to %(video_limit)s."
            )
            % {
                "size": describe_size(size),
                "image_limit": describe_size(max_image_bytes()),
                "video_limit": describe_size(max_video_bytes()),
            },
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
        asset = _store(organization, uploaded_by, uploaded_file, _prepare_image(uploaded_file, sniffed, size), alt_text)
        start_reading(asset)  # for the privacy guard: its text and faces, read by a worker
        return asset
    what = (
        gettext("This file is %(description)s.") % {"description": gettext(sniffed.description)}
        if sniffed.description
        else gettext("This file is not an image or a video.")
    )
    raise invalid(
        gettext("%(what)s PhysSocial accepts %(types)s.") % {"what": what, "types": ACCEPTED_TYPES},
        "unsupported",
    )


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


# --- images ---------------------------------------------------------------------------------


def _prepare_image(uploaded_file, sniffed: Sniffed, size: int) -> _Prepared:
    if size > max_image_bytes():
        raise invalid(
            gettext("This image is %(size)s; the largest image PhysSocial accepts is %(limit)s.")
            % {"size": describe_size(size), "limit": describe_size(max_image_bytes())},
            "too_large",
        )
    raw = uploaded_file.read()
    with guarded_pillow():
        image = Image.open(io.BytesIO(raw), formats=[_IMAGE_FORMATS[sniffed.format]])
        width, height = image.size
        if width * height > max_image_pixels():
            raise too_many_pixels(width, height)
        frames = getattr(image, "n_frames", 1)
        # A JPEG's or HEIC's further pictures are depth maps, previews or a burst: the image
        # opened on its main picture, which is the one kept. PNG and WebP ones are animations.
        if frames > 1 and sniffed.format in ("png", "webp"):
            raise invalid(
                gettext(
                    "Animated WebP and PNG files are not supported. Upload the animation as a GIF or an MP4 video."
                ),
                "animated_unsupported",
            )
        if sniffed.format == "gif":
            if frames * width * height > ANIMATION_PIXEL_FACTOR * max_image_pixels():
                raise invalid(
                    gettext(
                        "This animation has %(frames)s frames of %(width)s × %(height)s pixels, too many to process. "
                        "Shorten it, make it smaller, or upload it as an MP4 video."
                    )
                    % {"frames": frames, "width": width, "height": height},
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
                raise damaged_image()
    except IndexError:
        raise damaged_image() from None


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
    return invalid(
        gettext("This video could not be read: the file looks damaged or incomplete. Try exporting it again as MP4."),
        "corrupt",
    )


def _prepare_video(uploaded_file, *, size: int) -> _Prepared:
    if size > max_video_bytes():
        raise invalid(
            gettext("This video is %(size)s; the largest video PhysSocial accepts is %(limit)s.")
            % {"size": describe_size(size), "limit": describe_size(max_video_bytes())},
            "too_large",
        )
    accepting = [(label, limits) for _, label, limits in all_networks() if limits.max_videos > 0]
    largest_label, largest = max(accepting, key=lambda item: item[1].video_max_bytes)
    if size > largest.video_max_bytes:
        raise invalid(
            gettext("This video is %(size)s; the largest any network accepts is %(limit)s (%(largest_label)s).")
            % {
                "size": describe_size(size),
                "limit": describe_size(largest.video_max_bytes),
                "largest_label": largest_label,
            },
            "video_too_large",
        )
    uploaded_file.seek(0)
    try:
        source = av.open(uploaded_file, mode="r", metadata_errors="ignore")
    except (av.FFmpegError, ValueError, OSError):
        raise _damaged_video() from None
    with source:
        if not source.streams.video:
            raise invalid(gettext("This file has no picture: PhysSocial accepts videos, not sound alone."), "no_video")
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
            raise invalid(
                gettext("This video is %(duration)s long; the longest any network accepts is %(limit)s (%(network)s).")
                % {
                    "duration": describe_duration(duration),
                    "limit": describe_duration(longest.video_max_duration_s),
                    "network": longest_label,
                },
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
        raise invalid(
            gettext("This video could not be prepared for posting. Try exporting it again as MP4 (H.264)."),
            "corrupt",
        ) from None
    return path, content_type, extension
