"""Campaign fixtures: a campaign of Alice's Clinic, one of Charlie's practice, and a viewer."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from accounts.models import Role
from campaigns.models import Campaign
from tests.fixtures import signed_in_client


def make_campaign(organization, **fields) -> Campaign:
    values = {
        "name": "Flu season",
        "slug": "flu-season",
        "starts_on": date(2026, 10, 1),
        "ends_on": date(2026, 11, 30),
        "hashtags": ["FluSeason", "GetVaccinated"],
        "landing_url": "https://clinic.example/flu?lang=en",
        **fields,
    }
    return Campaign.objects.create(organization=organization, **values)


@pytest.fixture
def campaign(org, alice):
    return make_campaign(org, owner=alice)


@pytest.fixture
def charlies_campaign(charlies_org):
    return make_campaign(charlies_org, name="Charlie's flu season")


@pytest.fixture
def viewer_client(member, org):
    return signed_in_client(Client(), member(Role.VIEWER), org)
