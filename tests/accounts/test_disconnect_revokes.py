"""Disconnecting an account ends PhysSocial's access at the network, end to end against the simulator.

Each network's revocation is checked by what the simulator received and by
the old token no longer working there; a revocation that fails never stops
the disconnect, and the person is told what to do at the network.
"""

import base64
from urllib.parse import parse_qsl

import pytest
import requests
from django.urls import reverse

from accounts import connections
from accounts.models import ConnectedAccount
from simulator.core import SANDBOX_CLIENTS
from simulator.networks import facebook as sim_facebook
from simulator.networks import google as sim_google
from simulator.networks import linkedin as sim_linkedin
from simulator.networks import twitter as sim_twitter


@pytest.fixture(autouse=True)
def networks(networks_at_simulator):
    settings = networks_at_simulator
    return settings


def connect(org, network: str, access_token: str, refresh_token: str = "", page_id: str = "") -> ConnectedAccount:
    return connections.connect_with_tokens(
        organization=org, network=network, access_token=access_token, refresh_token=refresh_token, page_id=page_id
    )


def disconnect(client, account: ConnectedAccount) -> str:
    response = client.post(reverse("connection-disconnect", args=[account.pk]))
    assert response.status_code == 302
    account.refresh_from_db()
    assert account.status == ConnectedAccount.Status.DISCONNECTED
    assert account.access_token_encrypted == "" and account.refresh_token_encrypted == ""
    return client.get(response["Location"]).content.decode()


def form_of(recorded: dict) -> dict[str, str]:
    return dict(parse_qsl(recorded["body"].decode()))


def test_disconnecting_x_revokes_both_tokens_with_the_apps_credentials(alice_client, org, simulator):
    user = sim_twitter.new_account(simulator)
    account = connect(org, "twitter", user["access_token"], user["refresh_token"])

    page = disconnect(alice_client, account)

    sent = simulator.requests_to("twitter", "POST /2/oauth2/revoke")
    assert [(form_of(r)["token"], form_of(r)["token_type_hint"]) for r in sent] == [
        (user["refresh_token"], "refresh_token"),
        (user["access_token"], "access_token"),
    ]
    client_id, client_secret = SANDBOX_CLIENTS["twitter"]
    basic = base64.b64encode(f"{client_id}:{client_secret}".encode()).decode()
    assert all(r["headers"]["authorization"] == f"Basic {basic}" for r in sent)
    me = requests.get(
        f"{simulator.base_url}/twitter/2/users/me", headers={"Authorization": f"Bearer {user['access_token']}"}
    )
    assert me.status_code == 401
    assert me.json()["title"] == "Unauthorized"
    assert "Disconnected X" in page


def test_disconnecting_linkedin_revokes_the_grant_and_linkedin_answers_revoked(alice_client, org, simulator):
    member = sim_linkedin.new_account(simulator)
    account = connect(org, "linkedin", member["access_token"], member["refresh_token"])

    disconnect(alice_client, account)

    (sent,) = simulator.requests_to("linkedin", "POST /oauth/v2/revoke")
    client_id, client_secret = SANDBOX_CLIENTS["linkedin"]
    assert form_of(sent) == {"client_id": client_id, "client_secret": client_secret, "token": member["access_token"]}
    me = requests.get(
        f"{simulator.base_url}/linkedin/v2/userinfo", headers={"Authorization": f"Bearer {member['access_token']}"}
    )
    assert me.status_code == 401
    assert me.json()["code"] == "REVOKED_ACCESS_TOKEN"


def test_disconnecting_youtube_revokes_the_grant_by_its_refresh_token(alice_client, org, simulator):
    channel = sim_google.new_account(simulator)
    account = connect(org, "youtube", channel["access_token"], channel["refresh_token"])

    disconnect(alice_client, account)

    (sent,) = simulator.requests_to("google", "POST /revoke")
    assert sent["query"] == {"token": [channel["refresh_token"]]}
    answer = requests.get(
        f"{simulator.base_url}/google/youtube/v3/channels",
        params={"part": "id", "mine": "true"},
        headers={"Authorization": f"Bearer {channel['access_token']}"},
    )
    assert answer.status_code == 401
    assert answer.json()["error"]["status"] == "UNAUTHENTICATED"


def test_disconnecting_a_facebook_page_removes_the_app_from_the_login_that_connected_it(alice_client, org, simulator):
    person = sim_facebook.new_account(simulator, with_instagram=False)
    account = connect(org, "facebook", person["access_token"], page_id=person["page_id"])
    assert account.extra["user_id"] == person["id"]

    disconnect(alice_client, account)

    (sent,) = simulator.requests_to("facebook", "DELETE /{version}/{node}/permissions")
    assert sent["path"] == f"/v24.0/{person['id']}/permissions"
    app_id, app_secret = SANDBOX_CLIENTS["facebook"]
    assert sent["headers"]["authorization"] == f"Bearer {app_id}|{app_secret}"
    answer = requests.get(
        f"{simulator.base_url}/facebook/v24.0/{person['page_id']}",
        headers={"Authorization": f"Bearer {person['page_token']}"},
    )
    assert answer.json()["error"]["code"] == 190
    assert answer.json()["error"]["error_subcode"] == 458


def test_a_facebook_login_that_another_account_still_uses_is_left_in_place(alice_client, org, simulator):
    person = sim_facebook.new_account(simulator)
    page = connect(org, "facebook", person["access_token"], page_id=person["page_id"])
    instagram = connect(org, "instagram", person["access_token"], page_id=person["page_id"])

    shown = disconnect(alice_client, page)

    assert simulator.requests_to("facebook", "DELETE /{version}/{node}/permissions") == []
    assert "1 other account connected with the same Facebook login still uses it" in shown
    instagram.refresh_from_db()
    assert simulator.tokens.lookup("facebook", instagram.access_token) is not None


def test_a_revocation_that_fails_still_disconnects_and_says_what_to_do_at_the_network(alice_client, org, simulator):
    user = sim_twitter.new_account(simulator)
    account = connect(org, "twitter", user["access_token"], user["refresh_token"])
    simulator.fail("twitter", "POST /2/oauth2/revoke", status=503, times=None)

    page = disconnect(alice_client, account)

    assert "X could not be reached to end PhysSocial&#x27;s access." in page
    assert "remove PhysSocial from the apps connected to your X account" in page
    assert 'href="https://x.com/settings/connected_apps"' in page


def test_a_network_that_cannot_be_reached_does_not_block_the_disconnect(alice_client, org, simulator, networks):
    user = sim_twitter.new_account(simulator)
    account = connect(org, "twitter", user["access_token"], user["refresh_token"])
    networks.PLATFORMS["twitter"]["api_url"] = "http://127.0.0.1:9/twitter"  # discard port: nothing listens

    page = disconnect(alice_client, account)

    assert "X could not be reached" in page
    assert simulator.tokens.lookup("twitter", user["access_token"]) is not None  # still alive at X: hence the advice


def test_a_grant_google_already_ended_counts_as_revoked(alice_client, org, simulator):
    channel = sim_google.new_account(simulator)
    account = connect(org, "youtube", channel["access_token"], channel["refresh_token"])
    simulator.tokens.revoke_account("google", channel["id"])  # the person removed the app at Google

    page = disconnect(alice_client, account)

    assert simulator.requests_to("google", "POST /revoke")
    assert "Disconnected YouTube" in page
    assert "remove PhysSocial from the apps" not in page
