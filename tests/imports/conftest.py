"""Import fixtures: Alice's clinic in Toronto with an X and a LinkedIn account, a campaign, a
library photo, and helpers that build files of either layout."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from campaigns.models import Campaign
from posts.media.ingest import ingest_upload
from tests.api.conftest import (  # noqa: F401 (fixtures)
    alice_api,
    api_as,
    api_settings,
    bob_api,
    charlie_api,
    charlies_account,
    connect,
    linkedin_account,
    token_for,
    x_account,
)
from tests.image_reading import read_now

TORONTO = ZoneInfo("America/Toronto")


def next_year(month: int, day: int, hour: int = 9, minute: int = 30) -> datetime:
    """A local wall time in Toronto next year: always in the future, never near now."""
    return datetime(date.today().year + 1, month, day, hour, minute)


def physsocial_csv(rows: list[dict[str, str]], *, delimiter: str = ",", bom: bool = False) -> bytes:
    columns = ["scheduled_at", "accounts", "text", "link", "media", "alt_text", "campaign", "x_text", "linkedin_text"]
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=columns, delimiter=delimiter, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return ("\ufeff" if bom else "").encode() + buffer.getvalue().encode()


def hootsuite_csv(rows: list[list[str]], *, delimiter: str = ",") -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode()


def local_iso(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M}"


@pytest.fixture
def campaign(org):
    today = date.today()
    return Campaign.objects.create(
        organization=org, name="Flu season", slug="flu-season", starts_on=today, ends_on=today + timedelta(days=800)
    )


@pytest.fixture
def photo(org, alice):
    buffer = BytesIO()
    Image.new("RGB", (800, 600), (30, 120, 200)).save(buffer, format="JPEG")
    asset = ingest_upload(
        organization=org,
        uploaded_by=alice,
        uploaded_file=SimpleUploadedFile("waiting-room.jpg", buffer.getvalue(), content_type="image/jpeg"),
        alt_text="Our waiting room.",
    )
    read_now(asset.pk)  # a library file was read by the worker long before anyone imports a CSV naming it
    return asset
