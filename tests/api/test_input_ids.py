"""Ids are whole numbers a database can hold: beyond 2^63 - 1 is "no such thing", not a crash."""

from __future__ import annotations

import pytest

from posts.models import Post
from tests.api.conftest import connect

HUGE = 2**63
HUGER = 10**30


def create(client, **body):
    return client.post("/api/v1/posts/", {"draft": True, "text": "Flu", **body}, format="json")


@pytest.mark.parametrize("huge", [HUGE, HUGER])
@pytest.mark.parametrize("field", ["accounts", "media"])
def test_an_id_too_large_for_the_database_is_refused_with_the_field_named(alice_api, field, huge):
    response = create(alice_api, **{field: [huge]})
    assert response.status_code == 400, response.content
    assert field in response.json()
    assert not Post.objects.exists()


@pytest.mark.parametrize("field", ["accounts", "media"])
def test_a_negative_id_is_refused(alice_api, field):
    response = create(alice_api, **{field: [-1]})
    assert response.status_code == 400, response.content
    assert field in response.json()


@pytest.mark.parametrize("huge", [HUGE, HUGER])
def test_a_youtube_thumbnail_id_too_large_is_refused(alice_api, org, huge):
    youtube = connect(org, "youtube", "Alice's Clinic")
    response = create(
        alice_api, accounts=[youtube.pk], overrides={str(youtube.pk): {"options": {"thumbnail_id": huge}}}
    )
    assert response.status_code == 400, response.content
    assert "overrides" in response.json()


@pytest.mark.parametrize("key", [str(HUGE), "abc", "-3"])
def test_an_override_for_an_impossible_account_id_is_refused_in_plain_words(alice_api, x_account, key):
    response = create(alice_api, accounts=[x_account.pk], overrides={key: {"text": "Hi"}})
    assert response.status_code == 400, response.content
    body = response.json()
    assert "overrides" in body
    assert "is not a account id" not in str(body)


@pytest.mark.parametrize("huge", [HUGE, HUGER])
def test_filtering_by_an_account_id_too_large_is_refused(alice_api, huge):
    response = alice_api.get("/api/v1/posts/", {"account": huge})
    assert response.status_code == 400, response.content
    assert "account" in response.json()


@pytest.mark.parametrize("path", ["/api/v1/posts/{}/", "/api/v1/media/{}/"])
def test_reading_an_id_too_large_is_404(alice_api, path):
    assert alice_api.get(path.format(HUGER)).status_code == 404
