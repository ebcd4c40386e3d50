"""A time stored at the far edge of the calendar (before the API refused them) never breaks a page."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from accounts.api_auth import create_api_token
from accounts.models import ConnectedAccount
from posts.models import Post, PostTarget, TargetState
from tests.api.conftest import client_with

EDGES = [datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC), datetime(1, 1, 1, 0, 0, tzinfo=UTC)]


@pytest.fixture(autouse=True)
def composer_settings(media_settings):
    return media_settings


@pytest.fixture(params=EDGES, ids=["year-9999", "year-1"])
def far_post(request, org, alice):
    account = ConnectedAccount.objects.create(
        organization=org, network="twitter", kind="x_user", external_id="x-1", display_name="Clinic X"
    )
    post = Post.objects.create(organization=org, author=alice, text="Far away")
    PostTarget.objects.create(
        post=post, account=account, state=TargetState.SCHEDULED, scheduled_at=request.param, due_at=request.param
    )
    return post


@pytest.mark.parametrize("zone", ["Asia/Tokyo", "America/Los_Angeles", "Pacific/Kiritimati", "Etc/GMT+12"])
def test_the_posts_pages_show_a_far_time_in_every_zone(alice, alice_client, far_post, zone):
    alice.time_zone = zone
    alice.save()
    assert alice_client.get(reverse("posts")).status_code == 200
    assert alice_client.get(reverse("post-edit", args=[far_post.pk])).status_code == 200


def test_the_api_reads_a_far_time(alice, org, far_post):
    client = client_with(create_api_token(user=alice, organization=org, name="t")[1])
    assert client.get("/api/v1/posts/").status_code == 200
    assert client.get(f"/api/v1/posts/{far_post.pk}/").status_code == 200
