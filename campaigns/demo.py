"""The Demo Clinic's flu-season campaign, holding the demo posts about vaccines.

Runs three weeks either side of the day it is first seeded, as the demo posts do
(``posts.demo``). Safe to run again: the campaign is known by its short name and is
written once; demo posts join it only when they have no campaign yet.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction

from accounts.models import Organization, Role
from campaigns.models import Campaign
from posts.models import Post

DEMO_SLUG = "flu-season"
#: The demo posts (posts.demo.DEMO_POSTS) that belong to the campaign, by a word of their text.
DEMO_WORDS = ("flu", "vaccine")


def seed_demo_campaign(organization: Organization, *, today: date) -> Campaign:
    """The flu-season campaign of ``organization`` with its demo posts; created on the first run."""
    owner = organization.memberships.filter(role=Role.OWNER).select_related("user").first()
    with transaction.atomic():
        campaign, _created = Campaign.objects.get_or_create(
            organization=organization,
            slug=DEMO_SLUG,
            defaults={
                "name": "Flu season",
                "description": "Flu shots and the vaccines that go with them, for the whole season.",
                "starts_on": today - timedelta(days=21),
                "ends_on": today + timedelta(days=21),
                "colour": "#b4442f",
                "hashtags": ["FluSeason", "GetVaccinated"],
                "landing_url": "https://clinic.example/flu-shots?lang=en",
                "owner": owner.user if owner else None,
            },
        )
        words = Post.objects.none()
        for word in DEMO_WORDS:
            words |= Post.objects.filter(organization=organization, text__icontains=word)
        words.filter(campaign__isnull=True).update(campaign=campaign)
    return campaign
