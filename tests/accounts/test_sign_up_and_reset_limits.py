"""Sign-up and password reset are limited per client address, and reset e-mails per e-mail address.

A refusal is the page again, with status 429, Retry-After, and a sentence
saying when to try again; what was typed stays typed.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import User
from tests.accounts.test_auth import sign_up_data

pytestmark = pytest.mark.django_db

HOME = "203.0.113.10"
ELSEWHERE = "198.51.100.20"


@pytest.fixture
def rates(settings):
    def lower(**overrides: str) -> None:
        settings.RATE_LIMITS = {**settings.RATE_LIMITS, **overrides}

    return lower


def sign_up(email: str, address: str = HOME, **headers):
    # A new browser each time: a signed-up browser is logged in and would be sent home.
    return Client(REMOTE_ADDR=address, **headers).post(reverse("signup"), sign_up_data(email=email))


def ask_for_reset(email: str, address: str = HOME):
    return Client(REMOTE_ADDR=address).post(reverse("password_reset"), {"email": email})


def test_sign_ups_over_the_addresss_rate_get_the_form_back_with_429(rates):
    rates(signup="2/hour")
    assert [sign_up(f"person{i}@example.org").status_code for i in range(2)] == [302, 302]

    response = sign_up("dana@example.org")

    assert response.status_code == 429
    assert 3500 <= int(response["Retry-After"]) <= 3600
    page = response.content.decode()
    assert "Too many sign-ups have been tried from your network. Please try again in 1\xa0hour." in page
    assert 'value="dana@example.org"' in page
    assert not User.objects.filter(email="dana@example.org").exists()


def test_sign_ups_from_another_address_are_not_held_back(rates):
    rates(signup="1/hour")
    sign_up("person@example.org")
    assert sign_up("dana@example.org").status_code == 429

    assert sign_up("dana@example.org", address=ELSEWHERE).status_code == 302


def test_a_forged_forwarded_for_header_does_not_escape_the_limit_without_a_trusted_proxy(rates):
    rates(signup="1/hour")
    sign_up("person@example.org", HTTP_X_FORWARDED_FOR="192.0.2.1")

    response = sign_up("dana@example.org", HTTP_X_FORWARDED_FOR="192.0.2.2")

    assert response.status_code == 429


def test_password_resets_over_the_addresss_rate_get_the_form_back_with_429(rates, alice, mailoutbox):
    rates(password_reset_address="2/hour")
    assert [ask_for_reset(f"person{i}@example.org").status_code for i in range(2)] == [302, 302]

    response = ask_for_reset("alice@example.org")

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    page = response.content.decode()
    assert "Too many password resets have been asked for from your network." in page
    assert 'value="alice@example.org"' in page
    assert mailoutbox == []
    assert ask_for_reset("alice@example.org", address=ELSEWHERE).status_code == 302
    assert len(mailoutbox) == 1


def test_one_inbox_gets_only_so_many_reset_e_mails_whatever_the_address(rates, alice, mailoutbox):
    rates(password_reset_email="2/hour")
    assert [ask_for_reset("alice@example.org", address).status_code for address in (HOME, ELSEWHERE)] == [302, 302]

    response = ask_for_reset("Alice@Example.org", "192.0.2.30")

    assert response.status_code == 429
    assert "We have already sent several password reset e-mails to this address." in response.content.decode()
    assert len(mailoutbox) == 2


def test_the_per_inbox_limit_answers_the_same_for_an_address_without_an_account(rates, mailoutbox):
    rates(password_reset_email="1/hour")
    ask_for_reset("nobody@example.org")

    response = ask_for_reset("nobody@example.org", ELSEWHERE)

    assert response.status_code == 429
    assert "We have already sent several password reset e-mails to this address." in response.content.decode()
