"""The OAuth connect flows, end to end over HTTP against the platform simulator.

Each test starts on our Accounts page, follows the network's consent
redirect with ``requests`` as a browser would, comes back to our callback
with the code and state, and checks the account the token exchange made.
"""

import json
import threading
from datetime import timedelta
from urllib.parse import parse_qsl, urlsplit

import pytest
import requests
from django import db
from django.core import mail
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from accounts import connections
from accounts.models import ConnectedAccount
from accounts.tasks import refresh_account_tokens as refresh_account_tokens_task
from accounts.tasks import refresh_expiring_tokens
from physsocial.celery import app as celery_app
from platforms.base import AuthExpired, Transient
from simulator.networks import facebook as sim_facebook
from simulator.networks import google as sim_google
from simulator.networks import linkedin as sim_linkedin
from simulator.networks import twitter as sim_twitter


@pytest.fixture(autouse=True)
def networks(networks_at_simulator):
    """Every network pointed at the running simulator, as make run does."""
    settings = networks_at_simulator
    return settings


def consent(client, network: str):
    """Press "Connect <network>", let the network consent, and come back to our callback.

    Returns our callback's response (not followed).
    """
    started = client.post(reverse("connection-start", args=[network]))
    assert started.status_code == 302, started
    answer = requests.get(started["Location"], allow_redirects=False, timeout=5)
    assert answer.status_code == 302, answer.text
    back = urlsplit(answer.headers["Location"])
    flow = connections.FLOW_OF_NETWORK[network]
    assert back.path == reverse("connection-callback", args=[flow])
    return client.get(back.path, dict(parse_qsl(back.query)))


def connect_from_tokens(org, network: str, user: dict) -> ConnectedAccount:
    """What ``manage.py connect_account`` does with a simulator account's tokens."""
    return connections.connect_with_tokens(
        organization=org, network=network, access_token=user["access_token"], refresh_token=user["refresh_token"]
    )


def page_of(client, response) -> str:
    assert response.status_code == 302, response
    return client.get(response["Location"]).content.decode()


def stored_columns(account) -> tuple[str, str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT access_token_encrypted, refresh_token_encrypted FROM accounts_connectedaccount WHERE id = %s",
            [account.pk],
        )
        return cursor.fetchone()


def assert_encrypted_at_rest(account: ConnectedAccount) -> None:
    access_column, refresh_column = stored_columns(account)
    assert account.access_token and account.access_token not in access_column
    if account.refresh_token:
        assert account.refresh_token not in refresh_column


# --- LinkedIn -------------------------------------------------------------------------------


@pytest.fixture
def linkedin_member(simulator, monkeypatch):
    """A fresh LinkedIn member who administers one page, and who consents on LinkedIn's page."""
    member = sim_linkedin.new_account(simulator, name="Dr. Lin Kedin", organizations=("Kedin Cardiology",))
    monkeypatch.setitem(simulator.store["linkedin"], "consenting_account", member["urn"])
    return member


def test_connecting_linkedin_offers_the_member_and_their_page_and_connects_both(
    alice_client, alice, org, linkedin_member, simulator
):
    response = consent(alice_client, "linkedin")

    assert response["Location"] == reverse("connection-choose", args=["linkedin"])
    picker = alice_client.get(response["Location"]).content.decode()
    assert "Dr. Lin Kedin" in picker and "Kedin Cardiology" in picker
    page_urn = linkedin_member["organizations"][0]["urn"]
    done = alice_client.post(
        response["Location"], {"accounts": [f"linkedin:{linkedin_member['urn']}", f"linkedin:{page_urn}"]}
    )

    assert done["Location"] == reverse("connections")
    member = ConnectedAccount.objects.get(organization=org, external_id=linkedin_member["urn"])
    page = ConnectedAccount.objects.get(organization=org, external_id=page_urn)
    assert (member.network, member.kind, member.display_name) == ("linkedin", "linkedin_member", "Dr. Lin Kedin")
    assert (page.network, page.kind, page.display_name) == ("linkedin", "linkedin_organization", "Kedin Cardiology")
    assert member.connected_by == alice and member.status == ConnectedAccount.Status.ACTIVE
    assert member.token_expires_at > timezone.now() + timedelta(days=59)
    assert member.refresh_token and member.refresh_token_expires_at is not None
    assert simulator.tokens.lookup("linkedin", member.access_token).account_id == linkedin_member["urn"]
    assert_encrypted_at_rest(member)
    assert_encrypted_at_rest(page)


def test_only_the_ticked_accounts_are_connected(alice_client, org, linkedin_member):
    response = consent(alice_client, "linkedin")

    alice_client.post(response["Location"], {"accounts": [f"linkedin:{linkedin_member['urn']}"]})

    assert list(ConnectedAccount.objects.filter(organization=org).values_list("external_id", flat=True)) == [
        linkedin_member["urn"]
    ]


def test_an_account_the_login_does_not_manage_cannot_be_slipped_into_the_picker(alice_client, org, linkedin_member):
    response = consent(alice_client, "linkedin")

    answer = alice_client.post(response["Location"], {"accounts": ["linkedin:urn:li:organization:1"]})

    assert answer.status_code == 400
    assert not ConnectedAccount.objects.filter(organization=org).exists()


def test_cancelling_the_picker_connects_nothing(alice_client, org, linkedin_member):
    response = consent(alice_client, "linkedin")

    page = page_of(alice_client, alice_client.post(response["Location"], {"cancel": "1"}))

    assert "Nothing was connected." in page
    assert not ConnectedAccount.objects.filter(organization=org).exists()


def test_reconnecting_updates_the_same_row_and_keeps_the_refresh_token_the_network_did_not_resend(
    alice_client, org, linkedin_member, simulator, monkeypatch
):
    key = f"linkedin:{linkedin_member['urn']}"
    alice_client.post(consent(alice_client, "linkedin")["Location"], {"accounts": [key]})
    first = ConnectedAccount.objects.get(organization=org)
    first_refresh_token, first_access_token = first.refresh_token, first.access_token
    ConnectedAccount.objects.filter(pk=first.pk).update(status=ConnectedAccount.Status.NEEDS_RECONNECT)
    # This time LinkedIn answers without a refresh token, as it does for most apps.
    monkeypatch.setitem(simulator.store["linkedin"], "refresh_enabled", False)

    alice_client.post(consent(alice_client, "linkedin")["Location"], {"accounts": [key]})

    again = ConnectedAccount.objects.get(organization=org)
    assert again.pk == first.pk
    assert again.status == ConnectedAccount.Status.ACTIVE
    assert again.access_token != first_access_token
    assert again.refresh_token == first_refresh_token


def test_denied_consent_on_linkedin_comes_back_with_a_plain_message(alice_client, org, linkedin_member, simulator):
    simulator.fail("linkedin", "GET /oauth/v2/authorization", kind="denied")

    page = page_of(alice_client, consent(alice_client, "linkedin"))

    assert "You cancelled the connection to LinkedIn; nothing was connected." in page
    assert not ConnectedAccount.objects.exists()


def test_linkedin_refuses_a_spent_code_and_the_person_is_told_to_try_again(alice_client, linkedin_member):
    started = alice_client.post(reverse("connection-start", args=["linkedin"]))
    back = urlsplit(requests.get(started["Location"], allow_redirects=False, timeout=5).headers["Location"])
    params = dict(parse_qsl(back.query))
    # The same code twice: the second start gives a new state for the replay.
    alice_client.get(back.path, params)
    replay_started = alice_client.post(reverse("connection-start", args=["linkedin"]))
    replay_state = dict(parse_qsl(urlsplit(replay_started["Location"]).query))["state"]

    page = page_of(alice_client, alice_client.get(back.path, {**params, "state": replay_state}))

    assert "LinkedIn refused the connection" in page


def test_linkedin_refresh_keeps_the_refresh_token_and_renews_the_access_token(org, linkedin_member):
    alice_token = linkedin_member["access_token"]
    account = connections.connect_with_tokens(
        organization=org,
        network="linkedin",
        access_token=alice_token,
        refresh_token=linkedin_member["refresh_token"],
    )

    refreshed = connections.refresh_account_tokens(account)

    assert refreshed.access_token != alice_token
    assert refreshed.refresh_token == linkedin_member["refresh_token"]
    assert refreshed.token_expires_at > timezone.now() + timedelta(days=59)
    assert refreshed.last_refreshed_at is not None


def test_a_revoked_linkedin_grant_turns_the_account_to_needs_reconnect_and_tells_the_owners(
    org, alice, bob, linkedin_member, simulator
):
    account = connect_from_tokens(org, "linkedin", linkedin_member)
    simulator.tokens.revoke_account("linkedin", linkedin_member["urn"])

    with pytest.raises(AuthExpired):
        connections.refresh_account_tokens(account)

    account.refresh_from_db()
    assert account.status == ConnectedAccount.Status.NEEDS_RECONNECT
    assert "LinkedIn no longer accepts PhysSocial's access" in account.last_error
    assert [m.to for m in mail.outbox] == [[alice.email]]
    assert "Dr. Lin Kedin" in mail.outbox[0].body
    assert linkedin_member["refresh_token"] not in mail.outbox[0].body


# --- every network: state and consent ----------------------------------------------------------


def test_a_callback_with_an_unknown_state_connects_nothing(alice_client, org):
    page = page_of(
        alice_client, alice_client.get(reverse("connection-callback", args=["linkedin"]), {"code": "x", "state": "y"})
    )

    assert "This LinkedIn connection expired or was started in another browser" in page
    assert not ConnectedAccount.objects.exists()


def test_a_state_is_good_for_one_callback_only(alice_client, org, linkedin_member):
    started = alice_client.post(reverse("connection-start", args=["linkedin"]))
    back = urlsplit(requests.get(started["Location"], allow_redirects=False, timeout=5).headers["Location"])
    params = dict(parse_qsl(back.query))
    alice_client.get(back.path, params)

    page = page_of(alice_client, alice_client.get(back.path, params))

    assert "expired or was started in another browser" in page


def test_a_state_from_another_persons_session_is_refused(alice_client, bob_client, org, linkedin_member):
    started = alice_client.post(reverse("connection-start", args=["linkedin"]))
    back = urlsplit(requests.get(started["Location"], allow_redirects=False, timeout=5).headers["Location"])

    page = page_of(bob_client, bob_client.get(back.path, dict(parse_qsl(back.query))))

    assert "expired or was started in another browser" in page
    assert not ConnectedAccount.objects.exists()


def test_an_error_from_the_network_is_shown_without_its_free_text(alice_client, org):
    started = alice_client.post(reverse("connection-start", args=["linkedin"]))
    state = dict(parse_qsl(urlsplit(started["Location"]).query))["state"]

    page = page_of(
        alice_client,
        alice_client.get(
            reverse("connection-callback", args=["linkedin"]),
            {"state": state, "error": "server_error", "error_description": "Call 555-0100 to fix your account"},
        ),
    )

    assert "LinkedIn did not connect the account (it answered “server_error”)" in page
    assert "555-0100" not in page


# --- X ----------------------------------------------------------------------------------------


@pytest.fixture
def x_user(simulator, monkeypatch):
    """A fresh X user who consents on X's page."""
    user = sim_twitter.new_account(simulator, username="dr_xavier", name="Dr. Xavier")
    monkeypatch.setitem(simulator.store["twitter"], "consenting_account", user["id"])
    return user


def test_connecting_x_end_to_end_creates_the_account_with_encrypted_tokens(alice_client, alice, org, x_user, simulator):
    response = consent(alice_client, "twitter")

    page = page_of(alice_client, response)
    assert "Connected X @dr_xavier." in page
    account = ConnectedAccount.objects.get(organization=org, network="twitter")
    assert (account.external_id, account.kind, account.display_name, account.handle) == (
        x_user["id"],
        "x_user",
        "Dr. Xavier",
        "dr_xavier",
    )
    assert account.avatar_url == f"{simulator.base_url}/_sim/avatars/twitter/{x_user['id']}.svg"
    assert "offline.access" in account.scopes
    assert account.connected_by == alice
    assert timezone.now() + timedelta(minutes=100) < account.token_expires_at < timezone.now() + timedelta(hours=3)
    assert simulator.tokens.lookup("twitter", account.access_token).account_id == x_user["id"]
    assert simulator.tokens.lookup("twitter", account.refresh_token, kind="refresh") is not None
    assert_encrypted_at_rest(account)


def test_x_consent_carries_a_pkce_challenge_and_the_exchange_its_verifier(alice_client, x_user, simulator):
    consent(alice_client, "twitter")

    (authorize,) = simulator.requests_to("twitter", "GET /i/oauth2/authorize")
    (token,) = simulator.requests_to("twitter", "POST /2/oauth2/token")
    assert authorize["query"]["code_challenge_method"] == ["S256"]
    assert "offline.access" in authorize["query"]["scope"][0].split()
    form = dict(parse_qsl(token["body"].decode()))
    assert form["grant_type"] == "authorization_code"
    assert form["redirect_uri"] == "http://127.0.0.1:8000" + reverse("connection-callback", args=["twitter"])
    assert len(form["code_verifier"]) >= 43


def test_reconnecting_x_updates_the_same_row(alice_client, org, x_user):
    consent(alice_client, "twitter")
    first = ConnectedAccount.objects.get(organization=org)

    consent(alice_client, "twitter")

    again = ConnectedAccount.objects.get(organization=org)
    assert again.pk == first.pk and again.access_token != first.access_token


def test_denied_consent_on_x_comes_back_with_a_plain_message(alice_client, x_user, simulator):
    simulator.fail("twitter", "GET /i/oauth2/authorize", kind="denied")

    page = page_of(alice_client, consent(alice_client, "twitter"))

    assert "You cancelled the connection to X; nothing was connected." in page
    assert not ConnectedAccount.objects.exists()


def test_x_refresh_stores_the_rotated_refresh_token_and_the_next_refresh_uses_it(org, x_user, simulator):
    account = connect_from_tokens(org, "twitter", x_user)

    first = connections.refresh_account_tokens(account)

    stored = ConnectedAccount.objects.get(pk=account.pk)
    assert stored.refresh_token == first.refresh_token != x_user["refresh_token"]
    assert simulator.tokens.lookup("twitter", x_user["refresh_token"], kind="refresh") is None  # spent
    assert stored.access_token != x_user["access_token"]
    assert stored.token_expires_at > timezone.now() + timedelta(minutes=100)

    second = connections.refresh_account_tokens(stored)

    assert second.status == ConnectedAccount.Status.ACTIVE
    assert ConnectedAccount.objects.get(pk=account.pk).refresh_token not in (
        first.refresh_token,
        x_user["refresh_token"],
    )


def test_a_refresh_that_someone_else_already_did_is_not_repeated(org, x_user, simulator):
    account = connect_from_tokens(org, "twitter", x_user)
    connections.refresh_account_tokens(account)
    token_requests = len(simulator.requests_to("twitter", "POST /2/oauth2/token"))

    # A worker that saw the old access token refused, or the old expiry, arrives late.
    connections.refresh_account_tokens(account, rejected_access_token=x_user["access_token"])
    connections.refresh_account_tokens(account, expiring_before=timezone.now() + timedelta(minutes=15))

    assert len(simulator.requests_to("twitter", "POST /2/oauth2/token")) == token_requests
    assert ConnectedAccount.objects.get(pk=account.pk).status == ConnectedAccount.Status.ACTIVE


def test_a_spent_x_refresh_token_turns_the_account_to_needs_reconnect_and_emails_owners_and_admins(
    org, alice, bob, member, x_user, simulator
):
    admin = member("admin")
    account = connect_from_tokens(org, "twitter", x_user)
    simulator.tokens.revoke_account("twitter", x_user["id"])

    with pytest.raises(AuthExpired):
        connections.refresh_account_tokens(account)

    account.refresh_from_db()
    assert account.status == ConnectedAccount.Status.NEEDS_RECONNECT
    assert account.last_error.startswith("X no longer accepts PhysSocial's access to this account")
    assert sorted(m.to[0] for m in mail.outbox) == sorted([alice.email, admin.email])
    assert mail.outbox[0].subject == "Reconnect X Dr. Xavier to keep publishing"
    for message in mail.outbox:
        assert x_user["refresh_token"] not in message.body and x_user["access_token"] not in message.body


@pytest.fixture
def eager_tasks():
    """Queued tasks run at once, in this process (the broker is beyond what these tests are about)."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


def test_the_beat_task_refreshes_accounts_about_to_expire_and_leaves_the_others(org, x_user, simulator, eager_tasks):
    expiring = connect_from_tokens(org, "twitter", x_user)
    ConnectedAccount.objects.filter(pk=expiring.pk).update(token_expires_at=timezone.now() + timedelta(minutes=5))
    later_user = sim_twitter.new_account(simulator)
    later = connect_from_tokens(org, "twitter", later_user)
    ConnectedAccount.objects.filter(pk=later.pk).update(token_expires_at=timezone.now() + timedelta(hours=1))

    assert refresh_expiring_tokens.apply().get() == 1

    assert ConnectedAccount.objects.get(pk=expiring.pk).token_expires_at > timezone.now() + timedelta(hours=1)
    assert ConnectedAccount.objects.get(pk=later.pk).refresh_token == later_user["refresh_token"]


def test_the_refresh_task_records_a_failure_without_raising(org, alice, x_user, simulator):
    account = connect_from_tokens(org, "twitter", x_user)
    simulator.tokens.revoke_account("twitter", x_user["id"])

    refresh_account_tokens_task.apply(args=[account.pk])

    assert ConnectedAccount.objects.get(pk=account.pk).status == ConnectedAccount.Status.NEEDS_RECONNECT


def test_a_passing_x_outage_is_recorded_and_the_account_stays_active(org, x_user, simulator):
    account = connect_from_tokens(org, "twitter", x_user)
    simulator.fail("twitter", "POST /2/oauth2/token", status=503)

    with pytest.raises(Transient):
        connections.refresh_account_tokens(account)

    account.refresh_from_db()
    assert account.status == ConnectedAccount.Status.ACTIVE
    assert account.last_error == "X could not be reached. Please try again in a few minutes."
    assert account.refresh_token == x_user["refresh_token"]
    assert mail.outbox == []


# --- Facebook pages (and their Instagram accounts) ----------------------------------------------


@pytest.fixture
def fb_user(simulator, monkeypatch):
    """A fresh Facebook user managing the page "Lakeside Family Practice" with an Instagram account."""
    user = sim_facebook.new_account(
        simulator, name="Dr. Faye Book", page_name="Lakeside Family Practice", ig_username="lakeside_fp"
    )
    monkeypatch.setitem(simulator.store["facebook"], "consenting_account", user["id"])
    return user


def test_connecting_facebook_always_asks_which_pages_to_connect(alice_client, org, fb_user):
    response = consent(alice_client, "facebook")

    assert response["Location"] == reverse("connection-choose", args=["facebook"])
    picker = alice_client.get(response["Location"]).content.decode()
    assert "Lakeside Family Practice" in picker and "Facebook page" in picker
    assert not ConnectedAccount.objects.exists()


def test_the_page_tokens_waiting_for_the_choice_are_encrypted_in_the_session(alice_client, fb_user, simulator):
    consent(alice_client, "facebook")

    session_data = json.dumps(dict(alice_client.session))
    page_tokens = [t for t, i in simulator.tokens._tokens.items() if i.account_id == fb_user["page_id"]]
    assert page_tokens
    for token in page_tokens:
        assert token not in session_data


def test_a_chosen_facebook_page_is_connected_with_its_page_token_which_does_not_expire(
    alice_client, alice, org, fb_user, simulator
):
    response = consent(alice_client, "facebook")

    done = alice_client.post(response["Location"], {"accounts": [f"facebook:{fb_user['page_id']}"]})

    assert "Connected Facebook Lakeside Family Practice." in page_of(alice_client, done)
    page = ConnectedAccount.objects.get(organization=org, network="facebook")
    assert (page.external_id, page.kind, page.display_name) == (
        fb_user["page_id"],
        "facebook_page",
        "Lakeside Family Practice",
    )
    issued = simulator.tokens.lookup("facebook", page.access_token)
    assert issued is not None and issued.account_id == fb_user["page_id"]
    assert page.token_expires_at is None and page.refresh_token == ""
    assert page.connected_by == alice
    assert_encrypted_at_rest(page)


def test_reconnecting_a_facebook_page_updates_the_same_row(alice_client, org, fb_user):
    key = f"facebook:{fb_user['page_id']}"
    alice_client.post(consent(alice_client, "facebook")["Location"], {"accounts": [key]})
    first = ConnectedAccount.objects.get(organization=org)

    alice_client.post(consent(alice_client, "facebook")["Location"], {"accounts": [key]})

    assert list(ConnectedAccount.objects.filter(organization=org)) == [first]


def test_denied_consent_on_facebook_comes_back_with_a_plain_message(alice_client, fb_user, simulator):
    simulator.fail("facebook", "GET /{version}/dialog/oauth", kind="denied")

    page = page_of(alice_client, consent(alice_client, "facebook"))

    assert "You cancelled the connection to Facebook; nothing was connected." in page
    assert not ConnectedAccount.objects.exists()


def test_the_picker_belongs_to_the_person_who_logged_in(alice_client, bob_client, fb_user):
    consent(alice_client, "facebook")

    page = page_of(bob_client, bob_client.get(reverse("connection-choose", args=["facebook"])))

    assert "There is no Facebook connection waiting for a choice" in page


def test_a_dead_page_token_cannot_be_refreshed_and_the_account_needs_reconnecting(org, alice, fb_user, simulator):
    account = connections.connect_with_tokens(
        organization=org, network="facebook", access_token=fb_user["access_token"]
    )
    sim_facebook.change_password(simulator, fb_user["id"])

    with pytest.raises(AuthExpired):
        connections.refresh_account_tokens(account)

    assert ConnectedAccount.objects.get(pk=account.pk).status == ConnectedAccount.Status.NEEDS_RECONNECT
    assert [m.to for m in mail.outbox] == [[alice.email]]


# --- YouTube ------------------------------------------------------------------------------------


@pytest.fixture
def channel(simulator, monkeypatch):
    """A fresh YouTube channel whose owner consents on Google's page."""
    channel = sim_google.new_account(simulator, name="Dr. Tube Explains")
    monkeypatch.setitem(simulator.store["google"], "consenting_account", channel["id"])
    return channel


def test_connecting_youtube_end_to_end_creates_the_channel_with_offline_access(
    alice_client, alice, org, channel, simulator
):
    page = page_of(alice_client, consent(alice_client, "youtube"))

    assert "Connected YouTube" in page and "Dr. Tube Explains" in page
    account = ConnectedAccount.objects.get(organization=org, network="youtube")
    assert (account.external_id, account.kind, account.display_name) == (
        channel["id"],
        "youtube_channel",
        "Dr. Tube Explains",
    )
    assert account.extra["uploads_playlist_id"] == channel["uploads_playlist_id"]
    assert account.refresh_token and simulator.tokens.lookup("google", account.refresh_token, kind="refresh")
    assert account.token_expires_at < timezone.now() + timedelta(hours=1)
    (authorize,) = simulator.requests_to("google", "GET /o/oauth2/v2/auth")
    assert authorize["query"]["access_type"] == ["offline"]
    assert authorize["query"]["code_challenge_method"] == ["S256"]
    assert_encrypted_at_rest(account)


def test_denied_consent_on_google_comes_back_with_a_plain_message(alice_client, channel, simulator):
    simulator.fail("google", "GET /o/oauth2/v2/auth", kind="denied")

    page = page_of(alice_client, consent(alice_client, "youtube"))

    assert "You cancelled the connection to YouTube; nothing was connected." in page
    assert not ConnectedAccount.objects.exists()


def test_youtube_refresh_renews_the_access_token_and_keeps_the_refresh_token(org, channel):
    account = connect_from_tokens(org, "youtube", channel)

    refreshed = connections.refresh_account_tokens(account)

    assert refreshed.access_token != channel["access_token"]
    assert ConnectedAccount.objects.get(pk=account.pk).refresh_token == channel["refresh_token"]
    assert refreshed.token_expires_at > timezone.now() + timedelta(minutes=50)


def test_a_revoked_google_grant_turns_the_channel_to_needs_reconnect(org, alice, channel, simulator):
    account = connect_from_tokens(org, "youtube", channel)
    simulator.tokens.revoke_account("google", channel["id"])

    with pytest.raises(AuthExpired):
        connections.refresh_account_tokens(account)

    account.refresh_from_db()
    assert account.status == ConnectedAccount.Status.NEEDS_RECONNECT
    assert "YouTube no longer accepts PhysSocial's access" in account.last_error
    assert [m.to for m in mail.outbox] == [[alice.email]]


def test_the_facebook_picker_offers_each_pages_instagram_account_as_its_own_account(alice_client, fb_user, simulator):
    response = consent(alice_client, "facebook")

    picker = alice_client.get(response["Location"]).content.decode()
    assert f'value="instagram:{fb_user["ig_id"]}"' in picker
    assert "lakeside_fp" in picker and "Instagram business account" in picker
    (dialog,) = simulator.requests_to("facebook", "GET /{version}/dialog/oauth")
    scopes = dialog["query"]["scope"][0].split(",")
    assert {"pages_manage_posts", "instagram_basic", "instagram_content_publish"} <= set(scopes)


def test_a_page_and_its_instagram_account_are_connected_together_each_with_the_pages_token(
    alice_client, org, fb_user, simulator
):
    response = consent(alice_client, "facebook")

    alice_client.post(
        response["Location"], {"accounts": [f"facebook:{fb_user['page_id']}", f"instagram:{fb_user['ig_id']}"]}
    )

    page = ConnectedAccount.objects.get(organization=org, network="facebook")
    instagram = ConnectedAccount.objects.get(organization=org, network="instagram")
    assert (instagram.external_id, instagram.kind, instagram.handle) == (
        fb_user["ig_id"],
        "instagram_business",
        "lakeside_fp",
    )
    assert instagram.display_handle == "@lakeside_fp"
    assert instagram.extra["page_id"] == fb_user["page_id"]
    assert instagram.access_token == page.access_token
    assert simulator.tokens.lookup("facebook", instagram.access_token).account_id == fb_user["page_id"]
    assert instagram.token_expires_at is None
    assert_encrypted_at_rest(instagram)


def test_connect_instagram_goes_through_facebook_login(alice_client, org, fb_user):
    response = consent(alice_client, "instagram")

    assert response["Location"] == reverse("connection-choose", args=["facebook"])
    alice_client.post(response["Location"], {"accounts": [f"instagram:{fb_user['ig_id']}"]})
    assert list(ConnectedAccount.objects.values_list("network", flat=True)) == ["instagram"]


# --- the details that keep accounts safe ---------------------------------------------------------


def test_a_refresh_from_a_stale_copy_uses_the_rotated_token_stored_meanwhile(org, x_user):
    account = connect_from_tokens(org, "twitter", x_user)
    stale_copy = ConnectedAccount.objects.get(pk=account.pk)  # read by a second worker before the first refresh
    connections.refresh_account_tokens(account)

    connections.refresh_account_tokens(stale_copy)

    assert ConnectedAccount.objects.get(pk=account.pk).status == ConnectedAccount.Status.ACTIVE
    assert mail.outbox == []


def test_no_token_reaches_the_accounts_page_or_the_picker(alice_client, org, fb_user, x_user):
    consent(alice_client, "twitter")
    picker = alice_client.get(consent(alice_client, "facebook")["Location"]).content.decode()
    page = alice_client.get(reverse("connections")).content.decode()

    account = ConnectedAccount.objects.get(organization=org, network="twitter")
    for token in (account.access_token, account.refresh_token, fb_user["access_token"], fb_user["page_token"]):
        assert token not in page and token not in picker


def test_accounts_go_to_the_organization_the_connection_started_in(alice_client, org, alice, x_user):
    started = alice_client.post(reverse("connection-start", args=["twitter"]))
    back = urlsplit(requests.get(started["Location"], allow_redirects=False, timeout=5).headers["Location"])
    personal = alice.memberships.exclude(organization=org).get().organization
    alice_client.post(reverse("organization-switch"), {"organization": personal.pk})

    page = page_of(alice_client, alice_client.get(back.path, dict(parse_qsl(back.query))))

    assert ConnectedAccount.objects.get().organization == org
    assert "to Alice&#x27;s Clinic" in page


def test_someone_demoted_while_on_the_consent_page_connects_nothing(alice_client, org, alice, x_user):
    started = alice_client.post(reverse("connection-start", args=["twitter"]))
    back = urlsplit(requests.get(started["Location"], allow_redirects=False, timeout=5).headers["Location"])
    alice.memberships.filter(organization=org).update(role="editor")

    response = alice_client.get(back.path, dict(parse_qsl(back.query)))

    assert response.status_code == 403
    assert not ConnectedAccount.objects.exists()


def test_the_beat_schedule_runs_a_registered_refresh_task(settings):
    celery_app.loader.import_default_modules()

    entry = settings.CELERY_BEAT_SCHEDULE["refresh-expiring-tokens"]

    assert entry["task"] in celery_app.tasks
    assert entry["schedule"] < connections.REFRESH_MARGIN


@pytest.mark.django_db(transaction=True)
def test_two_workers_refreshing_one_x_account_at_once_leave_it_working(org, x_user, simulator):
    if connection.vendor == "sqlite":
        pytest.skip("needs PostgreSQL: SQLite lets one writer in at a time, so no race to lose")
    account = connect_from_tokens(org, "twitter", x_user)
    both_read = threading.Barrier(2)
    failures = []

    def worker():
        try:
            copy = ConnectedAccount.objects.get(pk=account.pk)
            both_read.wait(timeout=5)
            connections.refresh_account_tokens(copy)
        except Exception as exc:  # collected for the assertion below
            failures.append(exc)
        finally:
            db.connections.close_all()

    workers = [threading.Thread(target=worker) for _ in range(2)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join(timeout=30)

    assert failures == []
    stored = ConnectedAccount.objects.get(pk=account.pk)
    assert stored.status == ConnectedAccount.Status.ACTIVE
    assert stored.refreshing_until is None
    assert simulator.tokens.lookup("twitter", stored.refresh_token, kind="refresh") is not None
    # One refresh went out; the other worker waited for it and took its tokens.
    assert len(simulator.requests_to("twitter", "POST /2/oauth2/token")) == 1


@pytest.mark.django_db(transaction=True)
def test_no_row_lock_is_held_while_the_token_request_is_out(org, x_user, simulator):
    if connection.vendor == "sqlite":
        pytest.skip("needs PostgreSQL: SQLite has no row locks (it locks the whole database)")
    account = connect_from_tokens(org, "twitter", x_user)
    simulator.fail("twitter", "POST /2/oauth2/token", delay_s=2)
    outcome = []

    def refresh():
        try:
            outcome.append(connections.refresh_account_tokens(ConnectedAccount.objects.get(pk=account.pk)))
        except Exception as exc:  # collected for the assertion below
            outcome.append(exc)
        finally:
            db.connections.close_all()

    worker = threading.Thread(target=refresh)
    worker.start()
    try:
        for _ in range(100):
            if simulator.requests_to("twitter", "POST /2/oauth2/token"):
                break
            threading.Event().wait(0.05)
        assert simulator.requests_to("twitter", "POST /2/oauth2/token"), "the refresh never reached X"
        # The Accounts page renaming the account meanwhile neither waits nor is lost.
        with transaction.atomic():
            row = ConnectedAccount.objects.select_for_update(nowait=True).get(pk=account.pk)
            row.display_name = "Dr. Xavier (clinic)"
            row.save(update_fields=["display_name"])
        assert worker.is_alive(), "the refresh should still be waiting for X"
    finally:
        worker.join(timeout=30)

    assert [type(item) for item in outcome] == [ConnectedAccount]
    stored = ConnectedAccount.objects.get(pk=account.pk)
    assert stored.display_name == "Dr. Xavier (clinic)"
    assert stored.access_token != x_user["access_token"]
    assert simulator.tokens.lookup("twitter", stored.refresh_token, kind="refresh") is not None


def test_a_refresh_claimed_by_a_worker_that_died_lapses_and_the_next_refresh_goes_ahead(org, x_user, simulator):
    account = connect_from_tokens(org, "twitter", x_user)
    # A worker claimed the refresh a while ago and was killed before X answered.
    dead_claim = account.claim_refresh(
        now=timezone.now() - connections.refresh_claim_duration() - timedelta(seconds=1),
        claim_for=connections.refresh_claim_duration(),
    )
    assert dead_claim is not None and dead_claim < timezone.now()

    refreshed = connections.refresh_account_tokens(account)

    assert refreshed.access_token != x_user["access_token"]
    assert refreshed.refreshing_until is None
    assert len(simulator.requests_to("twitter", "POST /2/oauth2/token")) == 1


def test_a_refresh_claimed_by_a_live_worker_is_not_started_twice(org, x_user, simulator, settings):
    settings.PLATFORM_TIMEOUT_S = 0.5  # how long a second worker waits for the first
    account = connect_from_tokens(org, "twitter", x_user)
    assert account.claim_refresh(now=timezone.now(), claim_for=connections.refresh_claim_duration())

    with pytest.raises(Transient):
        connections.refresh_account_tokens(account)

    assert simulator.requests_to("twitter", "POST /2/oauth2/token") == []
    stored = ConnectedAccount.objects.get(pk=account.pk)
    assert stored.status == ConnectedAccount.Status.ACTIVE
    assert stored.refresh_token == x_user["refresh_token"]


def test_a_reconnect_during_a_refresh_keeps_the_reconnected_tokens(alice_client, org, x_user, simulator):
    account = connect_from_tokens(org, "twitter", x_user)
    claim = account.claim_refresh(now=timezone.now(), claim_for=connections.refresh_claim_duration())

    consent(alice_client, "twitter")  # someone reconnects while the claimed refresh is out

    reconnected = ConnectedAccount.objects.get(pk=account.pk)
    assert reconnected.refreshing_until is None
    assert ConnectedAccount.objects.filter(pk=account.pk, refreshing_until=claim).count() == 0
