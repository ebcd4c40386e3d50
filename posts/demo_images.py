"""The demo library's wristband photo: what the privacy guard reads in an image, shown on a made-up patient.

Drawn here with Pillow at seed time (no file shipped), then uploaded like any photo, so the worker
make run starts reads it: the composer then flags the name and the birth date read from it.
The name, date and record number are invented.
"""

from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from accounts.models import Organization
from posts.media.ingest import ingest_upload
from posts.models import MediaAsset

WRISTBAND_NAME = "demo-wristband.jpg"
WRISTBAND_LINES = ("LAVOIE, Julie M", "DOB: 14/06/1958", "MRN 00731846")


def wristband_photo() -> bytes:
    """A hospital wristband on a plain background, as a phone would take it (slightly blurred)."""
    image = Image.new("RGB", (960, 420), (214, 200, 184))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((40, 90, 920, 330), radius=40, fill=(250, 250, 246), outline=(170, 170, 170), width=3)
    font = ImageFont.load_default(size=44)
    for number, line in enumerate(WRISTBAND_LINES):
        draw.text((90, 110 + number * 66), line, fill=(20, 20, 20), font=font)
    buffer = io.BytesIO()
    image.filter(ImageFilter.GaussianBlur(0.6)).save(buffer, "JPEG", quality=88)
    return buffer.getvalue()


def seed_demo_wristband(organization: Organization) -> MediaAsset:
    """The wristband photo in ``organization``'s library, uploaded once (by its first owner)."""
    existing = MediaAsset.objects.filter(organization=organization, original_name=WRISTBAND_NAME).first()
    if existing is not None:
        return existing
    uploader = organization.memberships.select_related("user").order_by("pk").first().user
    upload = SimpleUploadedFile(WRISTBAND_NAME, wristband_photo(), content_type="image/jpeg")
    return ingest_upload(
        organization=organization,
        uploaded_by=uploader,
        uploaded_file=upload,
        alt_text="A patient's wristband with a name, a birth date and a record number (made up for the demo).",
    )
