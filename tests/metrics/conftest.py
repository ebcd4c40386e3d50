"""Fixtures for collecting figures: the engine's (networks at the simulator, connected accounts,
posts) and published targets whose posts the simulator knows."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import User
from posts.models import Post, PostTarget, TargetState
from simulator import metrics as sim_metrics
from tests.scheduler.conftest import (  # noqa: F401 - fixtures shared with the engine's tests
    linkedin_account,
    linkedin_member,
    make_post,
    schedule,
    target,
    x_account,
    x_user,
)


@pytest.fixture(autouse=True)
def networks(networks_at_simulator):
    """Every network at the simulator; publishing and read budgets in Redis keys of this test's own."""
    settings = networks_at_simulator
    settings.PUBLISH_BUDGET_KEY_PREFIX = f"test:{uuid.uuid4().hex}"
    settings.PUBLIC_BASE_URL = "https://physsocial.example"
    return settings


@pytest.fixture
def published(simulator):
    """``published(account, hours=2)``: a target published ``hours`` ago that the simulator knows,
    its first read due an hour after publishing, as the engine leaves it."""

    def make(account, *, hours: float = 2, post=None):
        author = User.objects.filter(memberships__organization=account.organization).first()
        external_id = sim_metrics.seed_published(
            simulator,
            {"network": account.network, "account_id": account.external_id, "count": 1, "age_s": hours * 3600},
        )[0]
        published_at = timezone.now() - timedelta(hours=hours)
        return PostTarget.objects.create(
            post=post or Post.objects.create(organization=account.organization, author=author, text="Flu shots."),
            account=account,
            state=TargetState.PUBLISHED,
            external_id=external_id,
            published_at=published_at,
            metrics_due_at=published_at + timedelta(hours=1),
        )

    return make
