"""The Accounts page and the connected-account services: who sees what, refresh, disconnect."""

import logging
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts import connections
from accounts.models import ConnectedAccount
from platforms.base import AuthExpired


@pytest.fixture(autouse=True)
def networks(networks_at_simulator):
    """Every network pointed at the running simulator, as make run does."""
    settings = networks_at_simulator
    return settings


def make_account(organization, *, network="twitter", external_id="1001", **fields) -> ConnectedAccount:
    kind = {
        "twitter": "x_user",
        "facebook": "facebook_page",
        "instagram": "instagram_business",
        "linkedin": "linkedin_member",
        "youtube": "youtube_channel",
    }[network]
    values = {"display_name": "Dr. Ada Lovelace", "handle": "drada", "kind": kind, **fields}
    access_token = values.pop("access_token", "stored-access")
    refresh_token = values.pop("refresh_token", "stored-refresh")
    account = ConnectedAccount(organization=organization, network=network, external_id=external_id, **values)
    account.access_token = access_token
    account.refresh_token = refresh_token
    account.save()
    return account


# --- the Accounts page ---------------------------------------------------------------------


def test_the_accounts_page_lists_the_organizations_accounts_with_who_connected_them(alice_client, alice, org):
    make_account(org, connected_by=alice, token_expires_at=timezone.now() + timedelta(hours=2))

    page = alice_client.get(reverse("connections")).content.decode()

    assert "Dr. Ada Lovelace" in page and "@drada" in page
    assert "X user" in page and "Active" in page
    assert "Alice Adams" in page
    assert "Renews automatically" in page


def test_the_accounts_page_shows_no_other_organizations_accounts(alice_client, org, charlies_org):
    make_account(charlies_org, display_name="Charlie's Practice on X")

    page = alice_client.get(reverse("connections")).content.decode()

    assert "Charlie&#x27;s Practice on X" not in page and "Charlie's Practice on X" not in page


def test_a_network_without_client_id_shows_not_configured_with_a_link_to_the_readme(alice_client, networks):
    networks.PLATFORMS["linkedin"]["client_id"] = ""

    response = alice_client.get(reverse("connections"))

    page = response.content.decode()
    linkedin = page[page.index('id="connect-linkedin"') :].split("</li>")[0]
    assert "not configured" in linkedin
    assert "#registering-network-apps" in linkedin
    assert "Connect LinkedIn" not in page
    assert "Connect X" in page


def test_instagram_is_connected_through_facebook_and_shares_its_configuration(alice_client, networks):
    networks.PLATFORMS["facebook"]["client_secret"] = ""

    page = alice_client.get(reverse("connections")).content.decode()

    instagram = page[page.index('id="connect-instagram"') :].split("</li>")[0]
    assert "not configured" in instagram


def test_an_account_that_needs_reconnecting_is_announced_with_a_reconnect_button(alice_client, org):
    make_account(org, status=ConnectedAccount.Status.NEEDS_RECONNECT, last_error="X no longer accepts our access.")

    page = alice_client.get(reverse("connections")).content.decode()

    announcement = page[page.index('class="needs-reconnect"') :].split("</section>")[0]
    assert "One account needs reconnecting" in announcement
    assert "X no longer accepts our access." in announcement
    assert reverse("connection-start", args=["twitter"]) in announcement
    assert "Reconnect" in announcement


def test_a_token_that_cannot_be_renewed_is_flagged_a_week_before_it_expires(alice_client, org):
    make_account(org, network="linkedin", refresh_token="", token_expires_at=timezone.now() + timedelta(days=3))

    page = alice_client.get(reverse("connections")).content.decode()

    row = page[page.index('id="account-') :].split("</tr>")[0]
    assert "LinkedIn does not let PhysSocial renew it, so reconnect before then." in row
    assert reverse("connection-start", args=["linkedin"]) in row


def test_an_editor_sees_the_accounts_but_no_connect_or_disconnect_buttons(bob_client, org):
    account = make_account(org)

    page = bob_client.get(reverse("connections")).content.decode()

    assert "Dr. Ada Lovelace" in page
    assert "Connect X" not in page
    assert reverse("connection-disconnect", args=[account.pk]) not in page


def test_an_editor_may_not_start_a_connection(bob_client):
    response = bob_client.post(reverse("connection-start", args=["twitter"]))

    assert response.status_code == 403


def test_starting_an_unconfigured_network_explains_instead_of_leaving_for_the_network(alice_client, networks):
    networks.PLATFORMS["twitter"]["client_secret"] = ""

    response = alice_client.post(reverse("connection-start", args=["twitter"]), follow=True)

    assert response.redirect_chain[-1][0] == reverse("connections")
    assert "X is not configured on this PhysSocial yet" in response.content.decode()


def test_an_unknown_network_is_not_found(alice_client):
    assert alice_client.post(reverse("connection-start", args=["myspace"])).status_code == 404
    assert alice_client.get(reverse("connection-callback", args=["myspace"])).status_code == 404


# --- disconnecting ---------------------------------------------------------------------------


def test_an_owner_disconnects_an_account_and_its_tokens_are_forgotten(alice_client, org):
    account = make_account(org)

    response = alice_client.post(reverse("connection-disconnect", args=[account.pk]))

    assert response.status_code == 302
    account.refresh_from_db()
    assert account.status == ConnectedAccount.Status.DISCONNECTED
    assert account.access_token_encrypted == "" and account.refresh_token_encrypted == ""
    assert f'id="account-{account.pk}"' not in alice_client.get(reverse("connections")).content.decode()


def test_disconnecting_asks_for_confirmation_first(alice_client, org):
    account = make_account(org)

    response = alice_client.get(reverse("connection-disconnect", args=[account.pk]))

    assert response.status_code == 200
    assert "Disconnect X · Dr. Ada Lovelace?" in response.content.decode()
    assert ConnectedAccount.objects.get(pk=account.pk).status == ConnectedAccount.Status.ACTIVE


def test_an_editor_may_not_disconnect(bob_client, org):
    account = make_account(org)

    response = bob_client.post(reverse("connection-disconnect", args=[account.pk]))

    assert response.status_code == 403
    assert ConnectedAccount.objects.get(pk=account.pk).status == ConnectedAccount.Status.ACTIVE


def test_another_organizations_account_is_not_found(charlie_client, org):
    account = make_account(org)

    assert charlie_client.get(reverse("connection-disconnect", args=[account.pk])).status_code == 404
    assert charlie_client.post(reverse("connection-disconnect", args=[account.pk])).status_code == 404
    assert ConnectedAccount.objects.get(pk=account.pk).status == ConnectedAccount.Status.ACTIVE


# --- querysets and credentials -----------------------------------------------------------------


def test_querysets_pick_active_accounts_of_an_organization_expiring_before_a_time(org, charlies_org):
    now = timezone.now()
    soon = make_account(org, external_id="1", token_expires_at=now + timedelta(minutes=5))
    make_account(org, external_id="2", token_expires_at=now + timedelta(hours=2))
    make_account(org, external_id="3", token_expires_at=None)
    make_account(org, external_id="4", token_expires_at=now, status=ConnectedAccount.Status.NEEDS_RECONNECT)
    make_account(charlies_org, external_id="5", token_expires_at=now)

    expiring = ConnectedAccount.objects.active().for_organization(org).expiring_before(now + timedelta(minutes=15))

    assert list(expiring) == [soon]


def test_only_refreshable_active_accounts_are_picked_for_refresh(org):
    now = timezone.now()
    soon = make_account(org, external_id="1", token_expires_at=now + timedelta(minutes=5))
    make_account(org, external_id="2", token_expires_at=now + timedelta(minutes=5), refresh_token="")
    make_account(org, external_id="3", token_expires_at=now + timedelta(hours=1))

    assert connections.accounts_to_refresh(now=now) == [soon.pk]


def test_credentials_carry_the_decrypted_tokens_for_the_adapter_but_not_in_their_repr(org):
    account = make_account(org, extra={"uploads_playlist": "UU123"})

    credentials = connections.credentials_for(account)

    assert (credentials.external_id, credentials.access_token, credentials.refresh_token) == (
        "1001",
        "stored-access",
        "stored-refresh",
    )
    assert credentials.kind == "x_user" and credentials.handle == "drada"
    assert credentials.extra == {"uploads_playlist": "UU123"}
    assert "stored-access" not in repr(credentials)


# --- refresh failures that need no network ---------------------------------------------------------


def test_an_expiring_account_without_refresh_token_needs_reconnecting_and_owners_are_emailed(org, alice, bob):
    account = make_account(org, network="linkedin", refresh_token="", token_expires_at=timezone.now())

    with pytest.raises(AuthExpired):
        connections.refresh_account_tokens(account)

    account.refresh_from_db()
    assert account.status == ConnectedAccount.Status.NEEDS_RECONNECT
    assert "Reconnect it" in account.last_error
    assert [m.to for m in mail.outbox] == [[alice.email]]  # Bob is an editor
    assert "LinkedIn" in mail.outbox[0].subject
    assert "http://127.0.0.1:8000/accounts/" in mail.outbox[0].body


def test_owners_also_find_the_reconnect_request_in_the_app_with_one_e_mail_each(org, alice, bob):
    from accounts.models import Notification

    account = make_account(org, network="linkedin", refresh_token="", token_expires_at=timezone.now())

    with pytest.raises(AuthExpired):
        connections.refresh_account_tokens(account)

    (notification,) = Notification.objects.all()  # Bob is an editor: nothing for him
    assert (notification.user, notification.kind, notification.link) == (
        alice,
        "needs_reconnect",
        f"/accounts/?org={org.slug}",
    )
    assert "LinkedIn" in notification.title
    assert len(mail.outbox) == 1


def test_marking_an_account_twice_emails_only_once(org, alice):
    account = make_account(org)

    assert connections.mark_needs_reconnect(account, reason="X refused the token.") is True
    assert connections.mark_needs_reconnect(account, reason="X refused the token.") is False

    assert len(mail.outbox) == 1
    assert ConnectedAccount.objects.get(pk=account.pk).last_error == "X refused the token."


def test_an_account_that_already_needs_reconnecting_is_not_refreshed_again(org):
    account = make_account(org, status=ConnectedAccount.Status.NEEDS_RECONNECT)

    assert connections.refresh_account_tokens(account).status == ConnectedAccount.Status.NEEDS_RECONNECT
    assert mail.outbox == []


def test_no_log_line_carries_a_token(org, caplog):
    account = make_account(org, network="linkedin", refresh_token="", token_expires_at=timezone.now())

    with caplog.at_level(logging.DEBUG), pytest.raises(AuthExpired):
        connections.refresh_account_tokens(account)

    assert caplog.records
    assert "stored-access" not in caplog.text
