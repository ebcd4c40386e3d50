"""Sensitive actions need a session verified with two-factor, whichever organization is active.

The scene from issue 10: Bob set up two-factor in another browser, so this
session never entered a code. He works in his personal organization (no rule),
and from Settings → API tokens asks for a token for Alice's Clinic, which
requires two-factor.
"""

import pytest
from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import ApiToken
from tests.accounts.test_two_factor import current_code
from tests.api.conftest import client_with
from tests.fixtures import PASSWORD, signed_in_client, verify_session


@pytest.fixture
def strict_org(org):
    org.requires_two_factor = True
    org.save()
    return org


@pytest.fixture
def bob_elsewhere(bob, strict_org):
    """Bob with a confirmed device, signed in without a code, working in his personal organization."""
    TOTPDevice.objects.create(user=bob, name="Authenticator app", confirmed=True)
    personal = bob.memberships.get(organization__kind="personal").organization
    return signed_in_client(Client(), bob, personal)


def test_an_unverified_session_cannot_create_a_token_for_an_organization_requiring_two_factor(
    bob_elsewhere, strict_org
):
    response = bob_elsewhere.post(reverse("api-tokens"), {"name": "Script", "organization": strict_org.pk})

    assert response.status_code == 400
    assert not ApiToken.objects.exists()
    assert "Alice&#x27;s Clinic requires two-factor authentication" in response.content.decode()


def test_a_verified_session_creates_a_token_that_works(bob_elsewhere, bob, strict_org):
    verify_session(bob_elsewhere, bob)

    response = bob_elsewhere.post(reverse("api-tokens"), {"name": "Script", "organization": strict_org.pk})

    assert response.status_code == 200
    assert client_with(response.context["new_key"]).get("/api/v1/accounts/").status_code == 200


def test_an_unverified_session_cannot_edit_an_organization_requiring_two_factor(bob_elsewhere, strict_org, alice):
    # Bob an admin, so only the missing code stands between him and turning the rule off.
    strict_org.memberships.filter(user__email="bob@example.org").update(role="admin")

    response = bob_elsewhere.post(
        reverse("organization-update", args=[strict_org.slug]),
        {"name": strict_org.name, "time_zone": strict_org.time_zone, "requires_two_factor": ""},
    )

    assert response.status_code == 403
    strict_org.refresh_from_db()
    assert strict_org.requires_two_factor is True


def test_an_api_token_of_a_user_without_a_device_is_refused_in_plain_words(alice, strict_org):
    from accounts.api_auth import create_api_token

    TOTPDevice.objects.create(user=alice, name="Authenticator app", confirmed=True)
    _token, key = create_api_token(user=alice, organization=strict_org)
    TOTPDevice.objects.filter(user=alice).delete()

    response = client_with(key).get("/api/v1/accounts/")

    assert response.status_code == 401
    assert response.json()["detail"] == (
        "Alice's Clinic requires two-factor authentication, and this token's user has not set it up."
    )


# Turning two-factor off


def test_an_unverified_session_cannot_turn_two_factor_off_with_the_password(alice_client, alice):
    TOTPDevice.objects.create(user=alice, name="Authenticator app", confirmed=True)

    response = alice_client.post(reverse("two-factor-disable"), {"password": PASSWORD})

    assert response.status_code == 302
    assert response.url.startswith(reverse("two-factor-setup"))
    assert TOTPDevice.objects.filter(user=alice, confirmed=True).exists()


def test_a_verified_session_turns_two_factor_off_with_the_password(alice_client, alice):
    verify_session(alice_client, alice)

    response = alice_client.post(reverse("two-factor-disable"), {"password": PASSWORD})

    assert response.url == reverse("two-factor")
    assert not TOTPDevice.objects.filter(user=alice).exists()


# Turning two-factor on


def test_turning_two_factor_on_ends_the_users_other_sessions_and_keeps_this_one(alice, org):
    here = signed_in_client(Client(), alice, org)
    elsewhere = signed_in_client(Client(), alice, org)
    assert elsewhere.get(reverse("home")).status_code == 200
    here.get(reverse("two-factor-setup"))
    device = TOTPDevice.objects.get(user=alice)

    here.post(reverse("two-factor-setup"), {"code": current_code(device)})

    assert elsewhere.get(reverse("home")).url.startswith(reverse("login"))
    home = here.get(reverse("home"))
    assert home.status_code == 200
    assert home.context["user"].is_verified()
    assert here.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
