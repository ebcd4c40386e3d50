import re
import socket
from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone

from accounts import services
from accounts.models import Invitation, Membership, Role, User
from tests.factories import PASSWORD, InvitationFactory


def role_in(org, user) -> str | None:
    found = Membership.objects.filter(organization=org, user=user).first()
    return found.role if found else None


def closed_port() -> int:
    """A local port nothing listens on, so an SMTP connection is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def link_in(message) -> str:
    return re.search(r"https?://\S+/invitations/\S+/", message.body).group(0)


# Sending --------------------------------------------------------------------------------------------------


def test_inviting_e_mails_an_absolute_link_built_on_the_public_base_url(org, alice, settings):
    settings.PUBLIC_BASE_URL = "https://social.example-clinic.ca"

    invitation = services.invite_member(org, email=" Dana@Example.org", role=Role.CONTRIBUTOR, by=alice).invitation

    assert invitation.email == "dana@example.org"
    assert invitation.role == Role.CONTRIBUTOR
    [message] = mail.outbox
    assert message.to == ["dana@example.org"]
    assert message.subject == "Alice Adams invited you to join Alice's Clinic on PhysSocial"
    assert f"https://social.example-clinic.ca/invitations/{invitation.token}/" in message.body
    assert f"https://social.example-clinic.ca/invitations/{invitation.token}/" in message.alternatives[0][0]
    assert "as contributor" in message.body


def test_an_invitation_is_valid_for_the_configured_number_of_days(org, alice, settings):
    settings.INVITATION_VALID_DAYS = 3

    invitation = services.invite_member(org, email="dana@example.org", role=Role.EDITOR, by=alice).invitation

    assert invitation.expires_at - invitation.created_at == timedelta(days=3)


def test_inviting_the_same_address_again_withdraws_the_earlier_link(org, alice):
    first = services.invite_member(org, email="dana@example.org", role=Role.VIEWER, by=alice)
    second = services.invite_member(org, email="dana@example.org", role=Role.EDITOR, by=alice)

    assert not first.withdrew_earlier
    assert second.withdrew_earlier
    first.invitation.refresh_from_db()
    assert first.invitation.status == Invitation.Status.REVOKED
    assert list(org.invitations.pending()) == [second.invitation]
    assert len(mail.outbox) == 2


def test_inviting_someone_who_is_already_a_member_is_refused(org, alice):
    with pytest.raises(ValidationError) as e:
        services.invite_member(org, email="BOB@example.org", role=Role.EDITOR, by=alice)

    assert e.value.message_dict == {"email": ["bob@example.org is already a member of Alice's Clinic."]}
    assert not mail.outbox


def test_an_admin_cannot_invite_an_owner(org, member):
    admin = member(Role.ADMIN)

    with pytest.raises(ValidationError, match="Only an owner can invite another owner"):
        services.invite_member(org, email="dana@example.org", role=Role.OWNER, by=admin)

    assert not Invitation.objects.exists()


def test_an_editor_cannot_invite(org, bob):
    with pytest.raises(PermissionDenied):
        services.invite_member(org, email="dana@example.org", role=Role.VIEWER, by=bob)


def test_when_the_e_mail_cannot_be_sent_nothing_is_saved_and_the_user_is_told(org, alice, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port()

    with pytest.raises(ValidationError, match="could not send the invitation e-mail"):
        services.invite_member(org, email="dana@example.org", role=Role.EDITOR, by=alice)

    assert not Invitation.objects.exists()


# Accepting ------------------------------------------------------------------------------------------------


def test_accepting_joins_with_the_invited_role_and_uses_up_the_link(org, charlie):
    invitation = InvitationFactory(organization=org, email="charlie@example.org", role=Role.VIEWER)

    services.accept_invitation(invitation, user=charlie)

    assert role_in(org, charlie) == Role.VIEWER
    invitation.refresh_from_db()
    assert invitation.accepted_by == charlie
    assert invitation.status == Invitation.Status.ACCEPTED


def test_a_used_invitation_explains_itself(org, charlie):
    invitation = InvitationFactory(organization=org, email="charlie@example.org")
    services.accept_invitation(invitation, user=charlie)

    with pytest.raises(ValidationError, match="This invitation to Alice's Clinic has already been used"):
        services.accept_invitation(invitation, user=charlie)


def test_an_expired_invitation_explains_itself_with_its_date(org, alice, charlie):
    created = datetime(2026, 2, 25, 12, tzinfo=UTC)
    invitation = InvitationFactory(
        organization=org,
        email="charlie@example.org",
        invited_by=alice,
        created_at=created,
        expires_at=datetime(2026, 3, 4, 12, tzinfo=UTC),
    )

    with pytest.raises(ValidationError) as e:
        services.accept_invitation(invitation, user=charlie)

    assert e.value.messages == [
        "This invitation to Alice's Clinic expired on March 4, 2026. Ask Alice Adams to send you a new one."
    ]
    assert role_in(org, charlie) is None


def test_an_invitation_for_another_address_explains_itself(org, alice, charlie):
    invitation = InvitationFactory(organization=org, email="dana@example.org", invited_by=alice)

    with pytest.raises(ValidationError) as e:
        services.accept_invitation(invitation, user=charlie)

    assert e.value.messages == [
        "This invitation was sent to dana@example.org, but you are signed in as charlie@example.org. "
        "Sign out and sign in as dana@example.org, or ask Alice Adams to invite charlie@example.org instead."
    ]
    assert role_in(org, charlie) is None


def test_the_invited_address_is_compared_without_regard_to_case(org, charlie):
    invitation = InvitationFactory(organization=org, email="Charlie@Example.org")

    services.accept_invitation(invitation, user=charlie)

    assert role_in(org, charlie) == Role.EDITOR


def test_a_withdrawn_invitation_explains_itself(org, alice, charlie):
    invitation = InvitationFactory(organization=org, email="charlie@example.org", invited_by=alice)
    services.revoke_invitation(invitation, by=alice)

    with pytest.raises(ValidationError, match="was withdrawn. Ask Alice Adams to send you a new one"):
        services.accept_invitation(invitation, user=charlie)


def test_accepting_as_an_existing_member_keeps_their_role(org, bob):
    invitation = InvitationFactory(organization=org, email="bob@example.org", role=Role.VIEWER)

    services.accept_invitation(invitation, user=bob)

    assert role_in(org, bob) == Role.EDITOR


def test_only_one_of_two_simultaneous_acceptances_wins(org, charlie):
    invitation = InvitationFactory(organization=org, email="charlie@example.org")
    stale_copy = Invitation.objects.get(pk=invitation.pk)
    services.accept_invitation(invitation, user=charlie)

    # The second request loaded the invitation before the first one marked it used.
    with pytest.raises(ValidationError, match="already been used"):
        services.accept_invitation(stale_copy, user=charlie)


def test_revoking_an_accepted_invitation_is_refused(org, alice, charlie):
    invitation = InvitationFactory(organization=org, email="charlie@example.org")
    services.accept_invitation(invitation, user=charlie)

    with pytest.raises(ValidationError, match="remove them as a member instead"):
        services.revoke_invitation(invitation, by=alice)


# Through the pages ---------------------------------------------------------------------------------------


def test_the_owner_invites_from_the_organization_page_and_sees_the_pending_invitation(alice_client, org):
    response = alice_client.post(
        f"/organizations/{org.slug}/invitations/", {"email": "dana@example.org", "role": "editor"}
    )

    assert response.status_code == 302
    page = alice_client.get(response.url).content.decode()
    assert "Invitation sent to dana@example.org." in page
    assert "<td>dana@example.org</td>" in page
    assert len(mail.outbox) == 1


def test_inviting_an_address_again_says_the_earlier_link_no_longer_works(alice_client, org):
    invite = {"email": "dana@example.org", "role": "editor"}
    first = alice_client.post(f"/organizations/{org.slug}/invitations/", invite)
    assert "no longer works" not in alice_client.get(first.url).content.decode()

    again = alice_client.post(f"/organizations/{org.slug}/invitations/", invite)

    page = alice_client.get(again.url).content.decode()
    assert "Invitation sent to dana@example.org. The link sent to them earlier no longer works." in page


def test_in_development_the_page_shows_the_invitation_link(alice_client, org, settings):
    settings.DEBUG = True

    response = alice_client.post(
        f"/organizations/{org.slug}/invitations/", {"email": "dana@example.org", "role": "editor"}
    )

    [invitation] = Invitation.objects.all()
    url = f"{settings.PUBLIC_BASE_URL}/invitations/{invitation.token}/"
    page = alice_client.get(response.url).content.decode()
    assert f'Development only: the invitation link is <a href="{url}">{url}</a>' in page


def test_in_production_the_invitation_link_stays_out_of_the_page(alice_client, org, settings):
    settings.DEBUG = False

    response = alice_client.post(
        f"/organizations/{org.slug}/invitations/", {"email": "dana@example.org", "role": "editor"}
    )

    [invitation] = Invitation.objects.all()
    page = alice_client.get(response.url).content.decode()
    assert "Invitation sent to dana@example.org." in page
    assert invitation.token not in page


def test_a_bad_address_is_shown_next_to_the_field_and_what_was_typed_is_kept(alice_client, org):
    response = alice_client.post(f"/organizations/{org.slug}/invitations/", {"email": "dana@", "role": "viewer"})

    page = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_email_error"' in page
    assert "Enter a valid email address." in page
    assert 'value="dana@"' in page
    assert '<option value="viewer" selected>' in page
    assert not Invitation.objects.exists()


def test_inviting_a_member_again_is_explained_next_to_the_e_mail_field(alice_client, org):
    response = alice_client.post(
        f"/organizations/{org.slug}/invitations/", {"email": "bob@example.org", "role": "editor"}
    )

    assert response.status_code == 400
    assert "bob@example.org is already a member of Alice&#x27;s Clinic." in response.content.decode()


def test_an_admin_is_not_offered_the_owner_role_in_the_invitation_form(org, member):
    admin = member(Role.ADMIN)
    client = Client()
    client.force_login(admin, backend="django.contrib.auth.backends.ModelBackend")

    page = client.get(f"/organizations/{org.slug}/").content.decode()

    assert '<option value="admin"' in page
    assert '<option value="owner"' not in page


def test_an_editor_gets_403_when_inviting(bob_client, org):
    response = bob_client.post(
        f"/organizations/{org.slug}/invitations/", {"email": "dana@example.org", "role": "editor"}
    )

    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_the_owner_withdraws_an_invitation_and_its_link_stops_working(alice_client, org, alice):
    invitation = InvitationFactory(organization=org, email="dana@example.org", invited_by=alice)

    response = alice_client.post(f"/organizations/{org.slug}/invitations/{invitation.pk}/revoke/")

    assert response.status_code == 302
    page = Client().get(f"/invitations/{invitation.token}/").content.decode()
    assert "was withdrawn" in page


def test_an_editor_gets_403_when_withdrawing_an_invitation(bob_client, org):
    invitation = InvitationFactory(organization=org)

    response = bob_client.post(f"/organizations/{org.slug}/invitations/{invitation.pk}/revoke/")

    assert response.status_code == 403
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.PENDING


def test_a_signed_in_invitee_joins_from_the_e_mailed_link(org, alice, charlie_client):
    services.invite_member(org, email="charlie@example.org", role=Role.CONTRIBUTOR, by=alice)
    path = link_in(mail.outbox[0]).split("://", 1)[1].split("/", 1)[1]

    page = charlie_client.get(f"/{path}").content.decode()
    assert "Join Alice&#x27;s Clinic" in page
    response = charlie_client.post(f"/{path}")

    assert response.status_code == 302
    assert response.url == f"/organizations/{org.slug}/"
    assert role_in(org, User.objects.get(email="charlie@example.org")) == Role.CONTRIBUTOR
    followed = charlie_client.get(response.url)
    assert followed.wsgi_request.organization == org
    assert "Welcome to Alice&#x27;s Clinic. You joined as Contributor." in followed.content.decode()


def test_someone_signed_in_with_another_address_is_told_why_they_cannot_join(org, alice, charlie_client, charlie):
    invitation = InvitationFactory(organization=org, email="dana@example.org", invited_by=alice)

    get = charlie_client.get(f"/invitations/{invitation.token}/")
    post = charlie_client.post(f"/invitations/{invitation.token}/")

    assert "This invitation was sent to dana@example.org, but you are signed in as charlie@example.org." in (
        get.content.decode()
    )
    assert post.status_code == 400
    assert role_in(org, charlie) is None


def test_an_expired_link_explains_itself_on_the_page(org, alice):
    invitation = InvitationFactory(organization=org, invited_by=alice, expires_at=timezone.now() - timedelta(minutes=1))

    page = Client().get(f"/invitations/{invitation.token}/").content.decode()

    assert "This invitation to Alice&#x27;s Clinic expired on" in page
    assert "Ask Alice Adams to send you a new one." in page


def test_a_used_link_explains_itself_on_the_page(org, charlie):
    invitation = InvitationFactory(organization=org, email="charlie@example.org")
    services.accept_invitation(invitation, user=charlie)

    page = Client().get(f"/invitations/{invitation.token}/").content.decode()

    assert "has already been used" in page


def test_an_unknown_invitation_link_is_404(db):
    assert Client().get("/invitations/not-a-real-token/").status_code == 404


def test_an_anonymous_invitee_with_an_account_is_asked_to_sign_in_and_come_back(org, charlie):
    invitation = InvitationFactory(organization=org, email="charlie@example.org")

    page = Client().get(f"/invitations/{invitation.token}/").content.decode()

    assert "charlie@example.org already has a PhysSocial account." in page
    assert f"?next=/invitations/{invitation.token}/" in page


def test_an_anonymous_invitee_creates_an_account_for_the_invited_address_and_joins(org, alice, client):
    invitation = InvitationFactory(organization=org, email="dana@example.org", role=Role.EDITOR, invited_by=alice)

    page = client.get(f"/invitations/{invitation.token}/").content.decode()
    assert "Create account and join" in page
    response = client.post(
        f"/invitations/{invitation.token}/",
        {
            "display_name": "Dana Diaz",
            "professional_title": "MD, CCFP",
            "password": PASSWORD,
            "time_zone": "America/Vancouver",
            # An e-mail field sent by a tampered form is ignored: the invitation decides.
            "email": "mallory@example.org",
        },
    )

    assert response.status_code == 302
    dana = User.objects.get(email="dana@example.org")
    assert dana.check_password(PASSWORD)
    assert dana.time_zone == "America/Vancouver"
    assert role_in(org, dana) == Role.EDITOR
    assert Membership.objects.filter(user=dana).count() == 2  # and her personal organization
    assert not User.objects.filter(email="mallory@example.org").exists()
    assert client.get(response.url).wsgi_request.user == dana


def test_a_weak_password_on_the_invitation_sign_up_is_shown_next_to_the_field_keeping_the_rest(org, client):
    invitation = InvitationFactory(organization=org, email="dana@example.org")

    response = client.post(
        f"/invitations/{invitation.token}/",
        {"display_name": "Dana Diaz", "professional_title": "MD", "password": "password", "time_zone": "UTC"},
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_password_error"' in page
    assert "This password is too common." in page
    assert 'value="Dana Diaz"' in page
    assert not User.objects.filter(email="dana@example.org").exists()
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.PENDING


def test_an_htmx_withdrawal_replaces_the_invitation_row_with_a_note(alice_client, org):
    invitation = InvitationFactory(organization=org, email="dana@example.org")

    response = alice_client.post(
        f"/organizations/{org.slug}/invitations/{invitation.pk}/revoke/", HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 200
    assert "The invitation for dana@example.org was withdrawn." in response.content.decode()
    assert "<html" not in response.content.decode()
