"""GET /api/v1/accounts/: the organization's connected accounts, and nothing secret."""

from cryptography.fernet import Fernet

from accounts.models import ConnectedAccount
from tests.api.conftest import connect


def test_lists_the_organizations_connected_accounts(alice_api, x_account, linkedin_account):
    response = alice_api.get("/api/v1/accounts/")
    assert response.status_code == 200
    assert response.json() == [
        {"id": linkedin_account.pk, "network": "linkedin", "name": "Alice Adams", "handle": "", "status": "active"},
        {
            "id": x_account.pk,
            "network": "twitter",
            "name": "Alice's Clinic on X",
            "handle": "@alicesclinic",
            "status": "active",
        },
    ]


def test_an_account_needing_reconnection_is_listed_with_that_status(alice_api, org):
    account = connect(org, "facebook", "Alice's Clinic", status=ConnectedAccount.Status.NEEDS_RECONNECT)
    assert alice_api.get("/api/v1/accounts/").json() == [
        {"id": account.pk, "network": "facebook", "name": "Alice's Clinic", "handle": "", "status": "needs_reconnect"}
    ]


def test_disconnected_accounts_are_left_out(alice_api, org):
    connect(org, "twitter", "Old account", status=ConnectedAccount.Status.DISCONNECTED)
    assert alice_api.get("/api/v1/accounts/").json() == []


def test_tokens_never_appear_in_the_answer(alice_api, org, settings):
    settings.TOKEN_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    account = connect(org, "twitter", "Clinic", handle="clinic")
    account.access_token = "SECRET-ACCESS-TOKEN"
    account.refresh_token = "SECRET-REFRESH-TOKEN"
    account.save()
    body = alice_api.get("/api/v1/accounts/").content.decode()
    assert "SECRET" not in body
    assert account.access_token_encrypted not in body


def test_every_role_may_list_accounts(api_as, member, org, x_account):
    for role in ("owner", "admin", "editor", "contributor", "viewer"):
        response = api_as(member(role), org).get("/api/v1/accounts/")
        assert response.status_code == 200, role
        assert [a["id"] for a in response.json()] == [x_account.pk]


def test_only_the_tokens_organization_is_listed(api_as, alice, org, x_account, charlies_account):
    # Alice's token for her personal organization sees none of her clinic's accounts.
    personal = alice.memberships.exclude(organization=org).get().organization
    assert api_as(alice, personal).get("/api/v1/accounts/").json() == []
