"""Wrong passwords pause the account, from every address; and one address, over all accounts, at a higher limit."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.accounts.test_auth import sign_up_data
from tests.fixtures import PASSWORD

pytestmark = pytest.mark.django_db

HOME = "203.0.113.10"
ELSEWHERE = "198.51.100.20"


def log_in(email: str, password: str, address: str = HOME, **headers):
    return Client(REMOTE_ADDR=address, **headers).post(reverse("login"), {"username": email, "password": password})


def guess(email: str, times: int, address: str = HOME, **headers) -> None:
    for _ in range(times):
        log_in(email, "a wrong guess", address, **headers)


def test_the_account_lockout_holds_from_every_address(alice):
    guess("alice@example.org", settings.AXES_FAILURE_LIMIT)

    response = log_in("alice@example.org", PASSWORD, address=ELSEWHERE)

    assert response.status_code == 429
    assert "logging in to this account is paused for 15 minutes" in response.content.decode()


def test_guesses_spread_over_addresses_still_lock_the_account(alice):
    for number in range(settings.AXES_FAILURE_LIMIT):
        guess("alice@example.org", 1, address=f"192.0.2.{number + 1}")

    assert log_in("alice@example.org", PASSWORD, address=ELSEWHERE).status_code == 429


def test_a_locked_account_does_not_lock_others_from_the_same_address_until_the_address_limit(settings, alice, bob):
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 8
    guess("alice@example.org", 5)
    assert log_in("bob@example.org", PASSWORD).status_code == 302

    guess("carol@example.org", 2)
    guess("dan@example.org", 1)
    response = log_in("bob@example.org", PASSWORD)

    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 15 * 60
    page = response.content.decode()
    assert "Too many wrong passwords have been tried from your network" in page
    assert "Please try again in 15\xa0minutes." in page
    assert log_in("bob@example.org", PASSWORD, address=ELSEWHERE).status_code == 302


def test_a_paused_address_has_its_passwords_checked_no_more(settings, alice):
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 3
    guess("carol@example.org", 3)

    refused = [log_in("alice@example.org", "a wrong guess").status_code for _ in range(settings.AXES_FAILURE_LIMIT)]

    assert refused == [429] * settings.AXES_FAILURE_LIMIT
    # Refused before any password check, so Alice's account was never locked.
    assert log_in("alice@example.org", PASSWORD, address=ELSEWHERE).status_code == 302


def test_a_forged_forwarded_for_header_does_not_escape_the_address_limit_without_a_trusted_proxy(settings, bob):
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 3
    for number in range(3):
        guess(f"person{number}@example.org", 1, HTTP_X_FORWARDED_FOR=f"192.0.2.{number + 1}")

    assert log_in("bob@example.org", PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.99").status_code == 429


def test_behind_a_trusted_proxy_each_client_has_its_own_address_limit(settings, bob):
    # What settings.py derives from TRUSTED_PROXY_COUNT=1 (tests/physsocial/test_client_address.py).
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    settings.AXES_IPWARE_PROXY_COUNT = 0
    settings.IPWARE_STRICT = False
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 3
    proxy = "10.0.0.2"
    # Whatever the attacker puts before its address, the proxy appends the one it came from.
    for number in range(3):
        guess(f"person{number}@example.org", 1, proxy, HTTP_X_FORWARDED_FOR=f"192.0.2.{number + 1}, {HOME}")

    assert log_in("bob@example.org", PASSWORD, proxy, HTTP_X_FORWARDED_FOR=f"192.0.2.99, {HOME}").status_code == 429
    assert log_in("bob@example.org", PASSWORD, proxy, HTTP_X_FORWARDED_FOR=ELSEWHERE).status_code == 302


def test_when_the_cache_is_unreachable_people_can_still_log_in_and_sign_up(settings, alice):
    settings.CACHES = {"default": {**settings.CACHES["default"], "LOCATION": "redis://127.0.0.1:1/1"}}

    assert log_in("alice@example.org", PASSWORD).status_code == 302
    response = Client().post(reverse("signup"), sign_up_data(email="dana@example.org"))
    assert response.status_code == 302
