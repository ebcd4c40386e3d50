"""The private iCalendar feed: a secret address per member and organization, read without signing in."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from accounts.models import Membership
from posts.models import PostMedia, TargetState
from scheduler import calendar
from tests.calendar.conftest import place
from tests.fixtures import signed_in_client

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def public_address(settings):
    settings.PUBLIC_BASE_URL = "https://physsocial.example"


def read_feed(client, url: str) -> Calendar:
    response = client.get(url.removeprefix("https://physsocial.example"))
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def test_the_feed_lists_each_post_with_network_account_state_and_first_words(client, alice, org, x_account):
    at = timezone.now().replace(microsecond=0) + timedelta(days=2)
    target = place(x_account, at=at, author=alice, text="Flu shots are in this week at the clinic, walk in any day.")
    feed = calendar.feed_for(alice, org)

    [event] = read_feed(client, calendar.feed_url(feed)).events  # no one is signed in

    assert event["summary"] == "X · Clinic on X · Scheduled: Flu shots are in this week at the…"
    assert event.decoded("dtstart") == at
    assert "Network: X" in event["description"]
    assert "Account: Clinic on X" in event["description"]
    assert "State: Scheduled" in event["description"]
    assert event["uid"] == f"target-{target.pk}@physsocial.example"
    assert str(event["url"]) == f"https://physsocial.example/targets/{target.pk}/"


def test_the_feed_never_carries_media(client, alice, org, x_account, settings, tmp_path):
    from io import BytesIO

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from posts.media.ingest import ingest_upload

    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.MEDIA_CACHE_DIR = str(tmp_path / "cache")
    buffer = BytesIO()
    Image.new("RGB", (640, 480), (30, 120, 200)).save(buffer, format="JPEG")
    photo = ingest_upload(
        organization=org,
        uploaded_by=alice,
        uploaded_file=SimpleUploadedFile("waiting-room.jpg", buffer.getvalue(), content_type="image/jpeg"),
        alt_text="Our waiting room.",
    )
    target = place(x_account, at=timezone.now() + timedelta(days=2), author=alice)
    PostMedia.objects.create(post=target.post, asset=photo)

    body = client.get(calendar.feed_url(calendar.feed_for(alice, org)).removeprefix("https://physsocial.example"))

    [event] = Calendar.from_ical(body.content).events
    assert "ATTACH" not in event
    assert b"waiting-room" not in body.content and b"/media/" not in body.content


def test_the_feed_shows_only_its_own_organization(
    client, alice, charlie, org, charlies_org, x_account, charlies_account
):
    soon = timezone.now() + timedelta(days=2)
    place(x_account, at=soon, author=alice, text="Alice's clinic post")
    place(charlies_account, at=soon, author=charlie, text="Charlie's practice post")

    alices = read_feed(client, calendar.feed_url(calendar.feed_for(alice, org)))
    charlies = read_feed(client, calendar.feed_url(calendar.feed_for(charlie, charlies_org)))

    assert [str(event["summary"]) for event in alices.events] == ["X · Clinic on X · Scheduled: Alice's clinic post"]
    assert [str(event["summary"]) for event in charlies.events] == [
        "X · Charlie's X · Scheduled: Charlie's practice post"
    ]


def test_each_member_has_their_own_secret_address(alice, bob, org):
    assert calendar.feed_for(alice, org).token != calendar.feed_for(bob, org).token
    assert calendar.feed_for(alice, org) == calendar.feed_for(alice, org)  # asked twice, one feed


def test_an_unknown_or_revoked_address_is_a_404(client, alice_client, alice, org):
    old_url = calendar.feed_url(calendar.feed_for(alice, org))

    response = alice_client.post(reverse("calendar-feed-revoke"))

    assert response.status_code == 302
    new_url = calendar.feed_url(calendar.feed_for(alice, org))
    assert new_url != old_url
    assert client.get(old_url.removeprefix("https://physsocial.example")).status_code == 404
    assert client.get(new_url.removeprefix("https://physsocial.example")).status_code == 200
    assert client.get(reverse("calendar-feed", args=["not-a-token"])).status_code == 404


def test_leaving_the_organization_closes_the_feed(client, bob, org):
    url = calendar.feed_url(calendar.feed_for(bob, org))

    Membership.objects.filter(user=bob, organization=org).delete()

    assert client.get(url.removeprefix("https://physsocial.example")).status_code == 404


def test_old_posts_and_cancelled_ones_are_left_out(client, alice, org, x_account):
    place(x_account, at=timezone.now() - timedelta(days=90), author=alice, state=TargetState.PUBLISHED)
    place(x_account, at=timezone.now() + timedelta(days=3), author=alice, state=TargetState.CANCELLED)
    recent = place(x_account, at=timezone.now() - timedelta(days=3), author=alice, state=TargetState.PUBLISHED)

    events = read_feed(client, calendar.feed_url(calendar.feed_for(alice, org))).events

    assert [str(event["uid"]) for event in events] == [f"target-{recent.pk}@physsocial.example"]


def test_settings_shows_the_address_and_a_way_to_get_a_new_one(alice_client, alice, org):
    page = alice_client.get(reverse("settings")).content.decode()

    assert calendar.feed_url(calendar.feed_for(alice, org)) in page
    assert reverse("calendar-feed-revoke") in page


def test_settings_without_an_organization_shows_no_feed(client, db):
    from tests.fixtures import make_person

    loner = make_person("loner@example.org", "Lonely Doctor")
    Membership.objects.filter(user=loner).delete()

    page = signed_in_client(client, loner, None).get(reverse("settings")).content.decode()

    assert "Calendar feed" not in page
