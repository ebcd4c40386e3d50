"""Targets read before engagement and reach were stored as numbers get them from their figures,
by the same definitions the collector applies (migration posts 0008)."""

import importlib
from datetime import UTC, datetime

import pytest
from django.apps import apps

from accounts.models import ConnectedAccount
from posts import services
from posts.models import PostTarget, TargetState

READ_AT = datetime(2026, 12, 3, 9, 30, tzinfo=UTC)
backfill = importlib.import_module("posts.migrations.0008_fill_target_engagement_and_reach")


@pytest.fixture
def read_before_the_columns(org, alice):
    """Three targets whose figures were read, their engagement and reach still the columns' defaults."""
    networks = [("twitter", "x_user"), ("linkedin", "linkedin_member"), ("youtube", "youtube_channel")]
    accounts = [
        ConnectedAccount.objects.create(
            organization=org, network=network, kind=kind, external_id=f"{network}-1", display_name=network
        )
        for network, kind in networks
    ]
    post = services.create_post(organization=org, author=alice, text="Flu shots", account_ids=[a.pk for a in accounts])
    post.targets.update(
        state=TargetState.PUBLISHED, published_at=READ_AT, external_id="1", metrics_collected_at=READ_AT
    )
    figures = {
        "twitter": {"views": 812, "likes": 31, "shares": 4, "comments": 2, "quotes": 1, "bookmarks": 9},
        "linkedin": {"likes": 4, "comments": 2},
        "youtube": {"views": 50, "likes": 7, "comments": 3, "shares": 5},
    }
    for network, values in figures.items():
        PostTarget.objects.filter(post=post, account__network=network).update(metrics=values, engagement=0, reach=None)
    return post


def test_the_backfill_sums_each_networks_interactions_and_keeps_its_views_as_reach(read_before_the_columns):
    backfill.fill(apps, None)

    filled = {t.account.network: (t.engagement, t.reach) for t in read_before_the_columns.targets.all()}
    assert filled == {
        "twitter": (31 + 4 + 2 + 1, 812),  # bookmarks are not engagement
        "linkedin": (4 + 2, None),  # a member's post gives no views: absent, not zero
        "youtube": (7 + 3, 50),  # YouTube's engagement is likes and comments
    }


def test_a_target_never_read_keeps_no_engagement_and_no_reach(org, alice):
    account = ConnectedAccount.objects.create(
        organization=org, network="twitter", kind="x_user", external_id="x-1", display_name="X"
    )
    post = services.create_post(organization=org, author=alice, text="Flu shots", account_ids=[account.pk])

    backfill.fill(apps, None)

    assert list(post.targets.values_list("engagement", "reach")) == [(0, None)]
