"""The Calendar page itself, and the composer opened from an empty time of it."""

from __future__ import annotations

import json
import re

import pytest
from django.urls import reverse

from accounts.models import Role
from tests.fixtures import signed_in_client

pytestmark = pytest.mark.django_db


def config_of(page: str) -> dict:
    found = re.search(r'<script id="calendar-config" type="application/json">(.*?)</script>', page, re.S)
    return json.loads(found.group(1))


def test_the_calendar_is_no_longer_coming_soon(alice_client, x_account):
    page = alice_client.get(reverse("calendar")).content.decode()

    assert "Coming soon" not in page
    assert 'id="calendar"' in page
    assert "vendor/fullcalendar-7.1.0/all/global.js" in page
    assert "Clinic on X (X)" in page  # the account filter


def test_the_calendar_shows_the_organizations_zone_unless_asked_for_ones_own(alice_client, alice, org):
    alice.time_zone = "Europe/Paris"
    alice.save(update_fields=["time_zone"])

    assert config_of(alice_client.get(reverse("calendar")).content.decode())["zone"] == "America/Toronto"
    mine = alice_client.get(reverse("calendar"), {"zone": "mine"}).content.decode()
    assert config_of(mine)["zone"] == "Europe/Paris"
    assert "Mine (Europe/Paris)" in mine


def test_only_people_who_may_draft_open_the_composer_from_it(client, org, member):
    viewer_page = signed_in_client(client, member(Role.VIEWER), org).get(reverse("calendar")).content.decode()

    assert config_of(viewer_page)["mayDraft"] is False


def test_the_composer_opens_at_the_time_clicked_in_the_authors_zone(alice_client):
    page = alice_client.get(reverse("compose"), {"at": "2027-03-09T14:30:00.000Z"}).content.decode()

    assert 'name="scheduled_local" value="2027-03-09T09:30"' in page


@pytest.mark.parametrize("at", ["soon", "2027-03-09T14:30", "9999-12-31T23:59:59+14:00", ""])
def test_a_time_the_composer_cannot_read_leaves_the_field_empty(alice_client, at):
    response = alice_client.get(reverse("compose"), {"at": at})

    assert response.status_code == 200
    assert 'name="scheduled_local" value=""' in response.content.decode()
