"""The demo: the Demo Medical Association's kit, adopted by the demo physician into her queue,
published to the sandbox network, and shown with its link on the association's adoption page."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import Organization, User
from campaigns import kits
from campaigns.models import Campaign
from posts.models import ImageReading, PostTarget, TargetState
from scheduler.services import publish_target
from tests.fixtures import signed_in_client
from tests.image_reading import read_now


@pytest.fixture
def seeded(settings, networks_at_simulator, db):
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    out = StringIO()
    call_command("seed_demo_kits", stdout=out, stderr=out)
    call_command("seed_demo_kits", stdout=StringIO())  # safe to run again
    # make run's worker reads the kit's picture a second after the seed uploads it.
    read_now(*ImageReading.objects.filter(state=ImageReading.State.PENDING).values_list("asset_id", flat=True))
    return out.getvalue()


def test_the_demo_physician_adopts_into_her_queue_and_the_association_sees_the_link(seeded):
    assert "LinkedIn:" in seeded
    association = Organization.objects.get(slug="demo-medical-association", kind=Organization.Kind.ASSOCIATION)
    campaign = Campaign.objects.get(organization=association)
    assert campaign.suggestions.count() == 3
    physician = User.objects.get(email="physician@demo-clinic.example")
    personal = Organization.objects.get(kind=Organization.Kind.PERSONAL, memberships__user=physician)
    [first] = [kit for kit in kits.kit_campaigns(physician)]
    suggestion = first.suggestions.all()[0]

    adopted = kits.adopt_suggestion(suggestion, member=physician, organization=personal, when="queue", schedule="at")
    [target] = adopted.post.targets.all()
    assert target.state == TargetState.SCHEDULED and target.is_queued
    # Her demo schedule has a slot every hour from 08:00 to 20:00: the next one is within the day.
    assert adopted.at - timezone.now() <= timedelta(hours=24) and adopted.at.minute == 0
    # The slot arrives: the worker publishes it to the simulator.
    PostTarget.objects.filter(pk=target.pk).update(scheduled_at=timezone.now(), due_at=timezone.now())
    publish_target(target.pk)
    target.refresh_from_db()
    assert target.state == TargetState.PUBLISHED and target.external_url

    owner = User.objects.get(email="owner@demo-clinic.example")
    page = signed_in_client(Client(), owner, association).get(reverse("campaign-adoption", args=[campaign.pk]))
    assert f'href="{target.external_url}"' in page.content.decode()
    assert "Dr. Priya Patel" in page.content.decode()
