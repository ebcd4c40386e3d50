"""API tokens: hashed at rest, shown once, revocable, and only as good as their user's membership."""

from __future__ import annotations

import hashlib
import io

import pytest
from django.core.management import CommandError, call_command
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient

from accounts.models import ApiToken, Membership, Role
from tests.api.conftest import client_with
from tests.fixtures import signed_in_client

ACCOUNTS = "/api/v1/accounts/"


def test_a_request_without_a_token_gets_401_with_the_token_challenge(org):
    response = APIClient().get(ACCOUNTS)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_a_valid_token_lets_its_user_in(token_for, alice, org):
    response = client_with(token_for(alice, org)).get(ACCOUNTS)
    assert response.status_code == 200


@pytest.mark.parametrize(
    "header",
    [
        "Token phs_not-a-real-key",
        "Token not-even-our-format",
        "Token",
        "Token two parts",
        "Bearer phs_whatever",
    ],
)
def test_malformed_or_unknown_credentials_get_401(org, header):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=header)
    assert client.get(ACCOUNTS).status_code == 401


def test_a_session_login_is_not_enough_for_the_api(alice_client):
    assert alice_client.get(ACCOUNTS).status_code == 401


def test_a_revoked_token_gets_401(token_for, alice, org):
    key = token_for(alice, org)
    ApiToken.objects.get(user=alice).revoke()
    response = client_with(key).get(ACCOUNTS)
    assert response.status_code == 401
    assert "revoked" in response.json()["detail"]


def test_a_token_stops_working_when_its_user_leaves_the_organization(token_for, bob, org):
    key = token_for(bob, org)
    Membership.objects.filter(user=bob, organization=org).delete()
    response = client_with(key).get(ACCOUNTS)
    assert response.status_code == 401
    assert "no longer a member" in response.json()["detail"]


def test_a_deactivated_users_token_gets_401(token_for, bob, org):
    key = token_for(bob, org)
    bob.is_active = False
    bob.save()
    assert client_with(key).get(ACCOUNTS).status_code == 401


def test_only_a_digest_and_a_short_prefix_of_the_key_are_stored(token_for, alice, org):
    key = token_for(alice, org)
    token = ApiToken.objects.get(user=alice)
    assert key.startswith("phs_") and len(key) > 40
    assert token.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert token.prefix == key[:12]
    stored = [str(value) for value in ApiToken.objects.values_list(flat=False).get()]
    assert key not in stored
    assert key not in repr(token) and token.key_hash not in repr(token)


def test_each_use_is_recorded_as_last_used(token_for, alice, org):
    key = token_for(alice, org)
    assert ApiToken.objects.get(user=alice).last_used_at is None
    client_with(key).get(ACCOUNTS)
    assert ApiToken.objects.get(user=alice).last_used_at is not None


def test_a_role_change_applies_to_existing_tokens_at_once(token_for, bob, org):
    key = token_for(bob, org)
    Membership.objects.filter(user=bob, organization=org).update(role=Role.VIEWER)
    response = client_with(key).post("/api/v1/media/", {}, format="multipart")
    assert response.status_code == 403


# --- Settings → API tokens -------------------------------------------------------------------


def test_the_settings_page_shows_a_new_key_once(alice_client, alice, org):
    response = alice_client.post("/settings/api-tokens/", {"name": "Publishing script", "organization": org.pk})
    assert response.status_code == 200
    token = ApiToken.objects.get(user=alice)
    key = response.context["new_key"]
    assert token.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert key in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert (token.name, token.organization) == ("Publishing script", org)
    later = alice_client.get("/settings/api-tokens/").content.decode()
    assert key not in later
    assert token.prefix in later and "Publishing script" in later


def test_the_settings_page_offers_only_organizations_the_user_belongs_to(alice_client, org, charlies_org):
    response = alice_client.post("/settings/api-tokens/", {"name": "Sneaky", "organization": charlies_org.pk})
    assert response.status_code == 400
    assert not ApiToken.objects.exists()
    assert "Charlie" not in response.content.decode().split("<select", 1)[1].split("</select>", 1)[0]


def test_a_token_without_a_name_gets_a_default_one(alice_client, alice, org):
    alice_client.post("/settings/api-tokens/", {"name": "  ", "organization": org.pk})
    assert ApiToken.objects.get(user=alice).name == "API token"


def test_revoking_from_settings_stops_the_key(alice_client, token_for, alice, org):
    key = token_for(alice, org)
    token = ApiToken.objects.get(user=alice)
    response = alice_client.post(f"/settings/api-tokens/{token.pk}/revoke/")
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.is_revoked
    assert client_with(key).get(ACCOUNTS).status_code == 401
    assert "Revoked" in alice_client.get("/settings/api-tokens/").content.decode()


def test_nobody_can_revoke_someone_elses_token(bob, org, token_for, alice):
    token_for(alice, org)
    token = ApiToken.objects.get(user=alice)
    bob_client = signed_in_client(APIClient(), bob, org)
    assert bob_client.post(f"/settings/api-tokens/{token.pk}/revoke/").status_code == 404
    token.refresh_from_db()
    assert not token.is_revoked


def test_the_settings_page_needs_a_login(client, db):
    response = client.get("/settings/api-tokens/")
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_the_settings_page_lists_only_ones_own_tokens(alice_client, token_for, bob, org):
    token_for(bob, org, name="Bob's private script")
    assert "Bob's private script" not in alice_client.get("/settings/api-tokens/").content.decode()


# --- create_api_token ---------------------------------------------------------------------------


def run_command(**options) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("create_api_token", stdout=out, stderr=err, **options)
    return out.getvalue().strip(), err.getvalue()


def test_the_command_prints_only_a_working_key(alice, org):
    key, details = run_command(email="ALICE@example.org", org=org.slug, name="Nightly export")
    assert client_with(key).get(ACCOUNTS).status_code == 200
    token = ApiToken.objects.get(user=alice)
    assert (token.name, token.organization) == ("Nightly export", org)
    assert token.prefix in details and key not in details


def test_the_command_names_an_unknown_user(org):
    with pytest.raises(CommandError, match="No user has the e-mail address 'nobody@example.org'"):
        run_command(email="nobody@example.org", org=org.slug)


def test_the_command_names_an_unknown_organization(alice):
    with pytest.raises(CommandError, match="No organization has the slug 'no-such-clinic'"):
        run_command(email=alice.email, org="no-such-clinic")


def test_the_command_refuses_a_non_member(charlie, org):
    with pytest.raises(CommandError, match="charlie@example.org is not a member of Alice's Clinic"):
        run_command(email=charlie.email, org=org.slug)
    assert not ApiToken.objects.exists()


# --- organizations that require two-factor ------------------------------------------------------


def test_no_token_for_an_organization_requiring_two_factor_until_the_user_has_it(alice, org):
    org.requires_two_factor = True
    org.save()
    with pytest.raises(CommandError, match="Alice's Clinic requires two-factor authentication"):
        run_command(email=alice.email, org=org.slug)
    TOTPDevice.objects.create(user=alice, name="Authenticator app", confirmed=True)
    key, _details = run_command(email=alice.email, org=org.slug)
    assert client_with(key).get(ACCOUNTS).status_code == 200


def test_a_token_stops_working_when_its_user_turns_off_two_factor_the_organization_requires(alice, org, token_for):
    device = TOTPDevice.objects.create(user=alice, name="Authenticator app", confirmed=True)
    org.requires_two_factor = True
    org.save()
    key = token_for(alice, org)
    device.delete()
    response = client_with(key).get(ACCOUNTS)
    assert response.status_code == 401
    assert "two-factor" in response.json()["detail"]
