"""Media fixtures: files made on the spot with Pillow, pillow-heif and PyAV, stored in memory.

Every test here stores media in Django's ``InMemoryStorage``, which has no
local paths: code that reached for the disk instead of the storage API fails.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from fractions import Fraction

import av
import pillow_heif
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from accounts.models import ConnectedAccount
from posts.media.ingest import ingest_upload

pillow_heif.register_heif_opener()


ORIENTATION, MAKE, MODEL, BODY_SERIAL, GPS_IFD, EXIF_IFD = 0x0112, 0x010F, 0x0110, 0xA431, 0x8825, 0x8769
GPS = {1: "N", 2: (43.0, 39.0, 11.5), 3: "W", 4: (79.0, 23.0, 2.25)}  # Toronto General Hospital


@pytest.fixture(autouse=True)
def media_settings(settings, tmp_path):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}
    settings.MEDIA_CACHE_DIR = str(tmp_path / "media-cache")
    settings.PUBLIC_BASE_URL = "https://physsocial.example.org"
    return settings


def camera_exif(orientation: int = 1) -> Image.Exif:
    """EXIF as a phone writes it: orientation, maker, serial number and a GPS position."""
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[MAKE] = "Apple"
    exif[MODEL] = "iPhone 15 Pro"
    exif[BODY_SERIAL] = "SERIAL-F2LXK0QJ"
    exif.get_ifd(EXIF_IFD)[BODY_SERIAL] = "SERIAL-F2LXK0QJ"
    exif.get_ifd(GPS_IFD).update(GPS)
    return exif


def two_tone(size: tuple[int, int], mode: str = "RGB") -> Image.Image:
    """Red on the left half, blue on the right: shows which way an image was turned."""
    image = Image.new(mode, size, (0, 0, 255) if mode == "RGB" else (0, 0, 255, 255))
    image.paste((255, 0, 0) if mode == "RGB" else (255, 0, 0, 255), (0, 0, size[0] // 2, size[1]))
    return image


def noise(size: tuple[int, int]) -> Image.Image:
    """An image that does not compress, to test byte limits."""
    bands = [Image.effect_noise(size, 120).convert("L") for _ in range(3)]
    return Image.merge("RGB", bands)


def encode(image: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def upload(data: bytes, name: str = "photo.jpg", content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def make_video(
    *,
    size: tuple[int, int] = (64, 48),
    frames: int = 10,
    rate: int = 10,
    last_frame_at_s: float | None = None,
    rotation: int = 0,
    metadata: dict[str, str] | None = None,
    fmt: str = "mp4",
    codec: str = "libx264",
) -> bytes:
    """A tiny real video (H.264 unless ``codec`` says otherwise).

    ``last_frame_at_s`` stretches its duration without more frames.
    """
    buffer = io.BytesIO()
    with av.open(buffer, mode="w", format=fmt) as container:
        for key, value in (metadata or {}).items():
            container.metadata[key] = value
        options = {"x265-params": "log-level=none"} if codec == "libx265" else {}
        stream = container.add_stream(codec, rate=rate, options=options)
        if codec == "libx265":
            stream.codec_context.codec_tag = "hvc1"  # as an iPhone writes it
        stream.width, stream.height = size
        stream.pix_fmt = "yuv420p"
        stream.codec_context.time_base = Fraction(1, rate)
        if rotation:
            stream.set_display_rotation(rotation)
        for index in range(frames):
            frame = av.VideoFrame.from_image(two_tone(size))
            frame.pts = index
            if last_frame_at_s is not None and index == frames - 1:
                frame.pts = int(last_frame_at_s * rate)
            frame.time_base = Fraction(1, rate)
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return buffer.getvalue()


@pytest.fixture
def ingest(org, alice) -> Callable:
    """``ingest(uploaded_file, alt_text=...)``: Alice uploads into her clinic's library."""

    def run(uploaded_file, **kwargs):
        kwargs.setdefault("alt_text", "A chart of flu vaccination rates by month.")
        return ingest_upload(organization=org, uploaded_by=alice, uploaded_file=uploaded_file, **kwargs)

    return run


def stored_bytes(asset_or_rendition) -> bytes:
    with asset_or_rendition.file.storage.open(asset_or_rendition.file.name, "rb") as handle:
        return handle.read()


def stored_image(asset_or_rendition) -> Image.Image:
    image = Image.open(io.BytesIO(stored_bytes(asset_or_rendition)))
    image.load()
    return image


#: The kind of connected account each network's fixture account is.
KINDS = {
    "twitter": "x_user",
    "facebook": "facebook_page",
    "instagram": "instagram_business",
    "linkedin": "linkedin_member",
    "youtube": "youtube_channel",
}


@pytest.fixture
def accounts(org):
    """One active connected account per network in ``org``, keyed by network."""
    return {
        network: ConnectedAccount.objects.create(
            organization=org, network=network, kind=kind, external_id=f"{network}-1", display_name=f"Clinic {network}"
        )
        for network, kind in KINDS.items()
    }
