"""Share-kit fixtures: an association, its campaign and kit, and members with their own organizations.

* ``alice`` owns ``association`` ("Ontario Medical Association", Toronto time): its staff;
* ``dana`` is a *viewer* there, and owns her personal organization ``danas_org`` with an X and
  a LinkedIn account connected;
* ``charlie`` belongs to no association.

Campaigns are made with the ORM: the campaign pages are another part of the app.
"""

from __future__ import annotations

import io
from datetime import date, time, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from PIL import Image

from accounts.models import ConnectedAccount, Organization, Role
from campaigns.models import Campaign, Suggestion
from posts.media.ingest import ingest_upload
from tests.factories import MembershipFactory, OrganizationFactory
from tests.fixtures import make_person, signed_in_client
from tests.image_reading import read_now


@pytest.fixture(autouse=True)
def media_in_memory(settings, tmp_path):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}
    settings.MEDIA_CACHE_DIR = str(tmp_path / "media-cache")
    settings.PUBLIC_BASE_URL = "https://physsocial.example.org"
    return settings


@pytest.fixture
def association(alice) -> Organization:
    org = OrganizationFactory(
        name="Ontario Medical Association", slug="oma", kind=Organization.Kind.ASSOCIATION, time_zone="America/Toronto"
    )
    MembershipFactory(organization=org, user=alice, role=Role.OWNER)
    return org


@pytest.fixture
def dana(db, association):
    person = make_person("dana@example.org", "Dr. Dana Diaz")
    MembershipFactory(organization=association, user=person, role=Role.VIEWER)
    return person


def personal_organization(user) -> Organization:
    return Organization.objects.get(kind=Organization.Kind.PERSONAL, memberships__user=user)


@pytest.fixture
def danas_org(dana) -> Organization:
    org = personal_organization(dana)
    ConnectedAccount.objects.create(
        organization=org, network="twitter", kind="x_user", external_id="x-dana", display_name="Dana on X"
    )
    ConnectedAccount.objects.create(
        organization=org,
        network="linkedin",
        kind="linkedin_member",
        external_id="li-dana",
        display_name="Dana on LinkedIn",
    )
    return org


@pytest.fixture
def dana_client(dana, danas_org) -> Client:
    return signed_in_client(Client(), dana, danas_org)


@pytest.fixture
def staff_client(alice, association) -> Client:
    return signed_in_client(Client(), alice, association)


def jpeg(colour=(30, 120, 200)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), colour).save(buffer, format="JPEG")
    return SimpleUploadedFile("poster.jpg", buffer.getvalue(), content_type="image/jpeg")


@pytest.fixture
def poster(association, alice):
    asset = ingest_upload(
        organization=association, uploaded_by=alice, uploaded_file=jpeg(), alt_text="A nurse giving a flu shot."
    )
    read_now(asset.pk)  # as the worker does a second after the upload
    return asset


@pytest.fixture
def campaign(association, alice) -> Campaign:
    today = timezone.localdate()
    return Campaign.objects.create(
        organization=association,
        name="Flu season",
        slug="flu-season",
        starts_on=today - timedelta(days=1),
        ends_on=today + timedelta(days=60),
        hashtags=["FluSeason"],
        landing_url="https://oma.example.org/flu",
        owner=alice,
    )


@pytest.fixture
def suggestion(campaign, alice, poster) -> Suggestion:
    suggestion = Suggestion.objects.create(
        campaign=campaign,
        title="Get your flu shot",
        text="Flu shots are here: book yours today.",
        network_texts={"linkedin": "Colleagues: flu shots protect our patients and us."},
        link="https://oma.example.org/flu/book",
        hashtags=["GetVaccinated"],
        window_weekdays=[],
        window_starts_at=time(8, 0),
        window_ends_at=time(20, 0),
        note_to_members="Thank you for sharing!",
        created_by=alice,
    )
    suggestion.media.set([poster])
    return suggestion


def campaign_between(association, first: date, last: date, **fields) -> Campaign:
    return Campaign.objects.create(
        organization=association, name="Spring", slug=f"spring-{first:%Y%m%d}", starts_on=first, ends_on=last, **fields
    )
