"""Times are inside a sane range: the API refuses a far date instead of storing what no page can show."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from posts.models import Post


def create(client, **body):
    return client.post("/api/v1/posts/", {"text": "Flu", **body}, format="json")


@pytest.mark.parametrize(
    "at",
    ["9999-12-31T23:59:59Z", "9999-12-31T23:59:59-05:00", "9999-12-31T20:00:00+14:00", "0001-01-01T00:00:00+05:00"],
)
def test_a_time_at_the_edge_of_the_calendar_is_refused(alice_api, x_account, at):
    response = create(alice_api, accounts=[x_account.pk], scheduled_at=at)
    assert response.status_code == 400, response.content
    assert "scheduled_at" in response.json()
    assert not Post.objects.exists()


def test_a_time_beyond_the_horizon_is_refused(alice_api, x_account, settings):
    settings.SCHEDULE_HORIZON_DAYS = 30
    at = (timezone.now() + timedelta(days=31)).isoformat()
    response = create(alice_api, accounts=[x_account.pk], scheduled_at=at)
    assert response.status_code == 400, response.content
    assert "30 days" in response.json()["scheduled_at"][0]


def test_a_time_inside_the_horizon_is_accepted(alice_api, x_account, settings):
    settings.SCHEDULE_HORIZON_DAYS = 30
    at = (timezone.now() + timedelta(days=29)).isoformat()
    assert create(alice_api, accounts=[x_account.pk], scheduled_at=at).status_code == 201


def test_the_default_horizon_is_two_years(alice_api, x_account):
    inside = (timezone.now() + timedelta(days=700)).isoformat()
    outside = (timezone.now() + timedelta(days=740)).isoformat()
    assert create(alice_api, accounts=[x_account.pk], scheduled_at=inside).status_code == 201
    assert create(alice_api, accounts=[x_account.pk], scheduled_at=outside).status_code == 400


def test_editing_to_a_time_beyond_the_horizon_is_refused(alice_api, x_account):
    created = create(alice_api, accounts=[x_account.pk], draft=True).json()
    response = alice_api.patch(
        f"/api/v1/posts/{created['id']}/", {"scheduled_at": "9999-12-31T23:59:59Z"}, format="json"
    )
    assert response.status_code == 400, response.content
    assert "scheduled_at" in response.json()


@pytest.mark.parametrize("name", ["from", "to"])
@pytest.mark.parametrize("at", ["9999-12-31T23:59:59-05:00", "0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59Z"])
def test_a_filter_at_the_edge_of_the_calendar_is_refused(alice_api, name, at):
    response = alice_api.get("/api/v1/posts/", {name: at})
    assert response.status_code == 400, response.content
    assert name in response.json()


def test_validate_refuses_a_time_at_the_edge_of_the_calendar(alice_api, x_account):
    response = alice_api.post(
        "/api/v1/posts/validate/",
        {"accounts": [x_account.pk], "scheduled_at": "0001-01-01T00:00:00+05:00"},
        format="json",
    )
    assert response.status_code == 400, response.content
    assert "scheduled_at" in response.json()
