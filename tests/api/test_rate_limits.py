"""The API's rate limits: per token, per user, and tighter ones for uploads and validation.

The counts live in the Redis cache, as in production; rates are lowered here
so a test needs a handful of requests, not hundreds.
"""

from __future__ import annotations

import pytest

from tests.api.test_media_api import jpeg, upload
from tests.api.test_validate_api import validate


@pytest.fixture
def rates(settings):
    """``rates(api_token="3/minute", ...)``: lower some limits for this test."""

    def lower(**overrides: str) -> None:
        settings.RATE_LIMITS = {**settings.RATE_LIMITS, **overrides}

    return lower


def accounts_list(client):
    return client.get("/api/v1/accounts/")


def test_a_token_over_its_rate_gets_429_with_retry_after_and_a_sentence(rates, alice_api):
    rates(api_token="3/minute")
    assert [accounts_list(alice_api).status_code for _ in range(3)] == [200, 200, 200]

    response = accounts_list(alice_api)

    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert 1 <= int(response["Retry-After"]) <= 60
    assert response.json() == {
        "detail": (
            "Too many requests: you are sending them faster than this server allows. "
            f"Please wait {response['Retry-After']} seconds and try again."
        )
    }


def test_a_second_token_of_the_same_user_has_its_own_budget_within_the_users(rates, api_as, alice, org):
    rates(api_token="3/minute", api_user="5/minute")
    first, second = api_as(alice, org), api_as(alice, org)
    assert [accounts_list(first).status_code for _ in range(3)] == [200, 200, 200]
    assert accounts_list(first).status_code == 429

    # Its own token budget is fresh, but the user's 5 include the first token's requests.
    assert accounts_list(second).status_code == 200
    assert accounts_list(second).status_code == 429


def test_one_users_limit_does_not_slow_another_user(rates, alice_api, bob_api):
    rates(api_token="2/minute")
    assert [accounts_list(alice_api).status_code for _ in range(3)] == [200, 200, 429]

    assert accounts_list(bob_api).status_code == 200


def test_uploads_have_their_own_tighter_rate(rates, alice_api):
    rates(api_upload="2/minute")
    assert [upload(alice_api, jpeg()).status_code for _ in range(2)] == [201, 201]

    refused = upload(alice_api, jpeg())

    assert refused.status_code == 429
    assert "Retry-After" in refused
    assert accounts_list(alice_api).status_code == 200


def test_validation_has_its_own_tighter_rate(rates, alice_api, x_account):
    rates(api_validation="2/minute")
    statuses = [validate(alice_api, text="Hi", accounts=[x_account.pk]).status_code for _ in range(3)]

    assert statuses == [200, 200, 429]
    assert accounts_list(alice_api).status_code == 200


def test_uploads_and_validations_count_towards_the_token_too(rates, alice_api, x_account):
    rates(api_token="3/minute")
    validate(alice_api, text="Hi", accounts=[x_account.pk])
    upload(alice_api, jpeg())
    accounts_list(alice_api)

    assert accounts_list(alice_api).status_code == 429


def test_when_the_cache_is_unreachable_the_api_still_answers(settings, alice_api):
    settings.CACHES = {"default": {**settings.CACHES["default"], "LOCATION": "redis://127.0.0.1:1/1"}}

    assert accounts_list(alice_api).status_code == 200
