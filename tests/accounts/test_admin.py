import pytest
from django.test import Client

from accounts.models import ConnectedAccount, Membership
from tests.factories import InvitationFactory, UserFactory
from tests.fixtures import verify_session


@pytest.fixture
def staff_client(db):
    admin_user = UserFactory(email="staff@example.org", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(admin_user, backend="django.contrib.auth.backends.ModelBackend")
    verify_session(client, admin_user)  # the admin requires two-factor
    return client


@pytest.fixture
def connected(org, alice):
    return ConnectedAccount.objects.create(
        organization=org,
        network="twitter",
        kind="x_user",
        external_id="12345",
        display_name="Alice's Clinic on X",
        handle="alicesclinic",
        access_token_encrypted="CIPHERTEXT-ACCESS-abc123",
        refresh_token_encrypted="CIPHERTEXT-REFRESH-def456",
        connected_by=alice,
    )


def test_staff_browse_every_accounts_model_in_the_admin(staff_client, org, alice, connected):
    invitation = InvitationFactory(organization=org)
    membership = Membership.objects.filter(organization=org).first()
    paths = [
        "/admin/accounts/user/",
        f"/admin/accounts/user/{alice.pk}/change/",
        "/admin/accounts/user/add/",
        "/admin/accounts/organization/",
        f"/admin/accounts/organization/{org.pk}/change/",
        "/admin/accounts/membership/",
        f"/admin/accounts/membership/{membership.pk}/change/",
        "/admin/accounts/invitation/",
        f"/admin/accounts/invitation/{invitation.pk}/change/",
        "/admin/accounts/connectedaccount/",
        f"/admin/accounts/connectedaccount/{connected.pk}/change/",
    ]

    statuses = {path: staff_client.get(path).status_code for path in paths}

    assert statuses == dict.fromkeys(paths, 200)


def test_the_admin_never_shows_social_account_tokens(staff_client, connected):
    pages = [
        staff_client.get("/admin/accounts/connectedaccount/").content.decode(),
        staff_client.get(f"/admin/accounts/connectedaccount/{connected.pk}/change/").content.decode(),
    ]

    for page in pages:
        assert "Alice&#x27;s Clinic on X" in page
        assert "CIPHERTEXT" not in page


def test_connected_accounts_cannot_be_edited_or_deleted_in_the_admin(staff_client, connected):
    response = staff_client.post(f"/admin/accounts/connectedaccount/{connected.pk}/delete/", {"post": "yes"})

    assert response.status_code == 403
    assert ConnectedAccount.objects.filter(pk=connected.pk).exists()


def test_the_admin_never_shows_invitation_tokens(staff_client, org):
    invitation = InvitationFactory(organization=org)

    page = staff_client.get(f"/admin/accounts/invitation/{invitation.pk}/change/").content.decode()

    assert invitation.email in page
    assert invitation.token not in page


def test_staff_create_a_user_with_an_e_mail_address_in_the_admin(staff_client, django_user_model):
    response = staff_client.post(
        "/admin/accounts/user/add/",
        {
            "email": "new@example.org",
            "usable_password": "true",
            "password1": "a-long-pass-123",
            "password2": "a-long-pass-123",
        },
    )

    assert response.status_code == 302
    assert django_user_model.objects.get(email="new@example.org").check_password("a-long-pass-123")


def test_people_who_are_not_staff_cannot_open_the_admin(alice_client):
    assert alice_client.get("/admin/accounts/organization/").status_code == 302


def test_the_admin_cannot_delete_an_organization_or_upload_its_logo_around_the_app(staff_client, org):
    # Deleting from the admin would skip revoking the network tokens and deleting the stored files;
    # a logo uploaded there would keep its metadata.
    assert staff_client.get(f"/admin/accounts/organization/{org.pk}/delete/").status_code == 403
    page = staff_client.get(f"/admin/accounts/organization/{org.pk}/change/").content.decode()
    assert 'name="logo"' not in page
