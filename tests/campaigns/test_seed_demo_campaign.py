"""make run seeds the demo organization's flu-season campaign with its demo posts about flu and vaccines."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from accounts.models import ConnectedAccount
from campaigns.models import Campaign

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded_posts(org):
    ConnectedAccount.objects.create(
        organization=org, network="twitter", kind="x_user", external_id="x-1", display_name="Clinic on X"
    )
    call_command("seed_demo_content", org=org.slug, stdout=StringIO())


def test_the_demo_campaign_runs_today_and_holds_the_flu_and_vaccine_posts(org, seeded_posts):
    call_command("seed_demo_campaigns", org=org.slug, stdout=StringIO())

    campaign = Campaign.objects.get(organization=org)
    assert campaign.is_running_on(timezone.localdate())
    texts = list(campaign.posts.values_list("text", flat=True))
    assert len(texts) >= 3
    assert all("flu" in text.lower() or "vaccine" in text.lower() for text in texts)


def test_seeding_twice_leaves_one_campaign(org, seeded_posts):
    call_command("seed_demo_campaigns", org=org.slug, stdout=StringIO())
    call_command("seed_demo_campaigns", org=org.slug, stdout=StringIO())

    assert Campaign.objects.filter(organization=org).count() == 1


def test_seeding_an_unknown_organization_says_to_run_seed_demo_first():
    with pytest.raises(CommandError, match="run seed_demo first"):
        call_command("seed_demo_campaigns", org="nowhere")
