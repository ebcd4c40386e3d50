"""Deleting an organization: owners only, confirmed by typing its name; network access is ended first,
then every row and stored file of the organization goes."""

import io
import logging

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from accounts import connections
from accounts.api_auth import create_api_token
from accounts.models import ApiToken, ConnectedAccount, Invitation, Membership, Notification, Organization
from posts.media.ingest import ingest_upload
from posts.media.renditions import thumbnail_for
from posts.models import MediaAsset, Post, PostTarget, TargetState
from simulator.networks import facebook as sim_facebook
from simulator.networks import twitter as sim_twitter
from tests.factories import InvitationFactory


@pytest.fixture(autouse=True)
def networks(networks_at_simulator):
    settings = networks_at_simulator
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}
    return settings


def png(color="red") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), color).save(buffer, "PNG")
    return SimpleUploadedFile("photo.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture
def full_org(org, alice, bob, simulator):
    """Alice's clinic with an X account, a post scheduled to it with a photo, an invitation and an API token."""
    user = sim_twitter.new_account(simulator)
    account = connections.connect_with_tokens(
        organization=org, network="twitter", access_token=user["access_token"], refresh_token=user["refresh_token"]
    )
    asset = ingest_upload(organization=org, uploaded_by=bob, uploaded_file=png(), alt_text="A red square")
    thumbnail = thumbnail_for(asset)
    post = Post.objects.create(organization=org, author=bob, text="Flu shots on Saturday.")
    post.attachments.create(asset=asset)
    PostTarget.objects.create(post=post, account=account, state=TargetState.SCHEDULED)
    InvitationFactory(organization=org, invited_by=alice)
    create_api_token(user=alice, organization=org, name="Script")
    return {"user": user, "account": account, "files": [asset.file.name, thumbnail.file.name]}


def delete(client, org, name):
    return client.post(reverse("organization-delete", args=[org.slug]), {"confirm_name": name})


def test_an_owner_deletes_an_organization_and_everything_in_it_goes(
    alice_client, alice, org, full_org, simulator, django_capture_on_commit_callbacks
):
    assert all(default_storage.exists(name) for name in full_org["files"])
    with django_capture_on_commit_callbacks(execute=True):
        response = delete(alice_client, org, "Alice's Clinic")

    assert response.status_code == 302 and response["Location"] == reverse("organization-list")
    assert not Organization.objects.filter(pk=org.pk).exists()
    assert not PostTarget.objects.filter(account_id=full_org["account"].pk).exists()
    assert not Post.objects.filter(organization_id=org.pk).exists()
    assert not MediaAsset.objects.filter(organization_id=org.pk).exists()
    assert not ConnectedAccount.objects.filter(organization_id=org.pk).exists()
    assert not Membership.objects.filter(organization_id=org.pk).exists()
    assert not Invitation.objects.filter(organization_id=org.pk).exists()
    assert not ApiToken.objects.filter(organization_id=org.pk).exists()
    assert Membership.objects.filter(user=alice).exists()  # her personal organization stays
    assert all(not default_storage.exists(name) for name in full_org["files"])
    page = alice_client.get(response["Location"]).content.decode()
    assert "Alice&#x27;s Clinic was deleted" in page


def test_the_network_tokens_are_revoked_before_the_data_goes(alice_client, org, full_org, simulator):
    delete(alice_client, org, "Alice's Clinic")

    sent = simulator.requests_to("twitter", "POST /2/oauth2/revoke")
    assert [r["body"].decode().split("&")[0] for r in sent] == [
        f"token={full_org['user']['refresh_token']}",
        f"token={full_org['user']['access_token']}",
    ]
    assert simulator.tokens.lookup("twitter", full_org["user"]["access_token"]) is None


def test_a_revocation_that_fails_is_shown_recorded_and_does_not_keep_the_tokens(
    alice_client, alice, org, full_org, simulator, caplog
):
    simulator.fail("twitter", "POST /2/oauth2/revoke", status=503, times=None)

    with caplog.at_level(logging.INFO, logger="physsocial.audit"):
        response = delete(alice_client, org, "Alice's Clinic")

    assert not ConnectedAccount.objects.filter(pk=full_org["account"].pk).exists()
    page = alice_client.get(response["Location"]).content.decode()
    assert "X could not be reached to end PhysSocial&#x27;s access." in page
    assert 'href="https://x.com/settings/connected_apps"' in page
    (notification,) = Notification.objects.filter(user=alice, organization=None)
    assert "https://x.com/settings/connected_apps" in notification.body
    (record,) = [r for r in caplog.records if r.getMessage() == "organization deleted"]
    assert record.accounts_not_revoked == [full_org["account"].pk]
    assert record.organization_id == org.pk and record.user_id == alice.pk


def test_the_wrong_name_deletes_nothing_and_says_so_next_to_the_field(alice_client, org, full_org, simulator):
    response = delete(alice_client, org, "Alice Clinic")

    assert response.status_code == 400
    assert "Type the organization&#x27;s name, Alice&#x27;s Clinic, exactly as it is shown" in response.content.decode()
    assert Organization.objects.filter(pk=org.pk).exists()
    assert simulator.requests_to("twitter", "POST /2/oauth2/revoke") == []


def test_deleting_asks_for_the_name_first(alice_client, org):
    response = alice_client.get(reverse("organization-delete", args=[org.slug]))

    assert response.status_code == 200
    assert "Type the organization&#x27;s name to confirm" in response.content.decode()
    assert Organization.objects.filter(pk=org.pk).exists()


def test_the_organization_page_offers_deletion_to_owners_only(alice_client, bob_client, org):
    link = reverse("organization-delete", args=[org.slug])
    assert link in alice_client.get(reverse("organization-detail", args=[org.slug])).content.decode()
    assert link not in bob_client.get(reverse("organization-detail", args=[org.slug])).content.decode()


@pytest.mark.parametrize("role", ["admin", "editor", "viewer"])
def test_only_an_owner_may_delete(client, member, org, role):
    from tests.fixtures import signed_in_client

    someone = signed_in_client(client, member(role), org)

    assert delete(someone, org, "Alice's Clinic").status_code == 403
    assert Organization.objects.filter(pk=org.pk).exists()


def test_an_outsider_gets_404(charlie_client, org):
    assert charlie_client.get(reverse("organization-delete", args=[org.slug])).status_code == 404
    assert delete(charlie_client, org, "Alice's Clinic").status_code == 404
    assert Organization.objects.filter(pk=org.pk).exists()


def test_a_personal_organization_that_is_ones_only_one_cannot_be_deleted(client, charlie):
    from tests.fixtures import signed_in_client

    personal = Organization.objects.get(memberships__user=charlie, kind=Organization.Kind.PERSONAL)
    signed_in_client(client, charlie, personal)

    response = delete(client, personal, personal.name)

    assert response.status_code == 400
    assert "your personal space and the only organization you belong to" in response.content.decode()
    assert Organization.objects.filter(pk=personal.pk).exists()


def test_a_personal_organization_can_go_when_one_belongs_to_another(alice_client, alice, org):
    personal = Organization.objects.get(memberships__user=alice, kind=Organization.Kind.PERSONAL)

    response = delete(alice_client, personal, personal.name)

    assert response.status_code == 302
    assert not Organization.objects.filter(pk=personal.pk).exists()
    assert Membership.objects.filter(user=alice, organization=org).exists()


def test_a_facebook_login_another_organization_still_uses_is_not_removed(alice_client, org, charlies_org, simulator):
    person = sim_facebook.new_account(simulator)
    for organization in (org, charlies_org):
        connections.connect_with_tokens(
            organization=organization,
            network="facebook",
            access_token=person["access_token"],
            page_id=person["page_id"],
        )

    response = delete(alice_client, org, "Alice's Clinic")

    assert simulator.requests_to("facebook", "DELETE /{version}/{node}/permissions") == []
    assert simulator.tokens.lookup("facebook", person["page_token"]) is not None
    page = alice_client.get(response["Location"]).content.decode()
    assert "1 other account connected with the same Facebook login still uses it" in page
