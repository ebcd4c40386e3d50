"""The calendar by campaign: a filter, and each campaign's post in the campaign's colour."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.urls import reverse

from campaigns.models import Campaign
from tests.calendar.conftest import TORONTO, place

pytestmark = pytest.mark.django_db

MARCH = {"start": "2027-03-01T00:00:00-05:00", "end": "2027-04-01T00:00:00-04:00", "timeZone": "America/Toronto"}


def events(client, **params):
    response = client.get(reverse("calendar-events"), {**MARCH, **params})
    assert response.status_code == 200, response.content
    return response.json()


def campaign_of(organization, **fields):
    values = {"name": "Heart month", "slug": "heart", "starts_on": date(2027, 3, 1), "ends_on": date(2027, 3, 31)}
    return Campaign.objects.create(organization=organization, colour="#aa3344", **{**values, **fields})


def test_a_campaigns_post_wears_its_colour_and_names_it(alice_client, alice, org, x_account):
    campaign = campaign_of(org)
    target = place(x_account, at=datetime(2027, 3, 9, 9, tzinfo=TORONTO), author=alice)
    target.post.campaign = campaign
    target.post.save()

    [event] = events(alice_client)

    assert event["backgroundColor"] == event["borderColor"] == "#aa3344"
    assert f"campaign-{campaign.pk}" in event["className"]
    assert event["title"].endswith("(Heart month)")


def test_a_post_of_no_campaign_keeps_the_usual_colours(alice_client, alice, x_account):
    place(x_account, at=datetime(2027, 3, 9, 9, tzinfo=TORONTO), author=alice)

    [event] = events(alice_client)

    assert "backgroundColor" not in event and "campaign-" not in event["className"]


def test_the_calendar_filters_by_campaign(alice_client, alice, org, x_account):
    campaign = campaign_of(org)
    inside = place(x_account, at=datetime(2027, 3, 9, 9, tzinfo=TORONTO), author=alice, text="In the campaign")
    inside.post.campaign = campaign
    inside.post.save()
    place(x_account, at=datetime(2027, 3, 10, 9, tzinfo=TORONTO), author=alice, text="Not in it")

    assert [event["id"] for event in events(alice_client, campaign=campaign.pk)] == [str(inside.pk)]


def test_another_organizations_campaign_is_no_filter(alice_client, charlies_org):
    theirs = campaign_of(charlies_org)

    response = alice_client.get(reverse("calendar-events"), {**MARCH, "campaign": theirs.pk})

    assert response.status_code == 400
    assert "That is not one of this organization's campaigns." in response.content.decode()


def test_the_page_offers_the_campaign_filter(alice_client, org):
    campaign = campaign_of(org)

    page = alice_client.get(reverse("calendar")).content.decode()

    assert f'<option value="{campaign.pk}">Heart month</option>' in page
