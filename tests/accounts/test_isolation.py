"""An outsider sees a 404 for every organization page, exactly as for one that does not exist.

Each row names a page of Alice's organization; Charlie, who is not a member,
must get 404 and change nothing. If you add a view under organizations/, add it here.
"""

import pytest

from accounts import services
from accounts.models import Invitation, Membership, Organization, Role
from tests.factories import InvitationFactory


@pytest.fixture
def targets(org, bob):
    """Paths into Alice's organization, keyed by what they do."""
    bobs = Membership.objects.get(organization=org, user=bob)
    invitation = InvitationFactory(organization=org, email="dana@example.org")
    s = org.slug
    return {
        "detail": ("get", f"/organizations/{s}/", {}),
        "edit": ("post", f"/organizations/{s}/edit/", {"name": "Pwned", "time_zone": "UTC"}),
        "leave": ("post", f"/organizations/{s}/leave/", {}),
        "invite": ("post", f"/organizations/{s}/invitations/", {"email": "eve@example.org", "role": "owner"}),
        "revoke": ("post", f"/organizations/{s}/invitations/{invitation.pk}/revoke/", {}),
        "role": ("post", f"/organizations/{s}/members/{bobs.pk}/role/", {f"m{bobs.pk}-role": "viewer"}),
        "remove": ("post", f"/organizations/{s}/members/{bobs.pk}/remove/", {}),
        "switch": ("post", "/organizations/switch/", {"organization": org.pk}),
        "switch-by-slug": ("post", "/organizations/switch/", {"organization": s}),
    }


PAGES = ["detail", "edit", "leave", "invite", "revoke", "role", "remove", "switch", "switch-by-slug"]


def snapshot(org):
    org.refresh_from_db()
    return (
        org.name,
        sorted(Membership.objects.filter(organization=org).values_list("user__email", "role")),
        sorted(Invitation.objects.filter(organization=org).values_list("email", "revoked_at")),
    )


@pytest.mark.parametrize("page", PAGES)
def test_an_outsider_gets_404_and_changes_nothing(charlie_client, org, targets, page):
    method, path, data = targets[page]
    before = snapshot(org)

    response = getattr(charlie_client, method)(path, data)

    assert response.status_code == 404
    assert snapshot(org) == before
    assert charlie_client.get("/organizations/").wsgi_request.organization != org


@pytest.mark.parametrize("page", PAGES)
def test_a_missing_organization_answers_the_same_404(charlie_client, org, targets, page):
    method, path, data = targets[page]
    path = path.replace(org.slug, "no-such-clinic")
    if "organization" in data:
        data = {"organization": "no-such-clinic" if not str(data["organization"]).isdigit() else 999999}

    assert getattr(charlie_client, method)(path, data).status_code == 404


def test_an_owner_cannot_reach_another_organizations_member_through_their_own_slug(charlie_client, org, bob):
    """The member id belongs to Alice's organization; Charlie's own slug in the path must not unlock it."""
    bobs = Membership.objects.get(organization=org, user=bob)

    role = charlie_client.post(
        f"/organizations/charlies-practice/members/{bobs.pk}/role/", {f"m{bobs.pk}-role": "viewer"}
    )
    remove = charlie_client.post(f"/organizations/charlies-practice/members/{bobs.pk}/remove/")

    assert (role.status_code, remove.status_code) == (404, 404)
    bobs.refresh_from_db()
    assert bobs.role == Role.EDITOR


def test_an_owner_cannot_withdraw_another_organizations_invitation_through_their_own_slug(charlie_client, org):
    invitation = InvitationFactory(organization=org)

    response = charlie_client.post(f"/organizations/charlies-practice/invitations/{invitation.pk}/revoke/")

    assert response.status_code == 404
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.PENDING


def test_the_organization_list_and_switcher_show_only_the_users_own_organizations(charlie_client, org):
    response = charlie_client.get("/organizations/")

    names = {m.organization.name for m in response.context["user_memberships"]}
    assert names == {"Charlie Chen", "Charlie's Practice"}
    assert "Alice&#x27;s Clinic" not in response.content.decode()


def test_a_stale_session_pointing_at_a_foreign_organization_is_ignored(charlie_client, org):
    """A forged or stale session value must not make another organization active."""
    session = charlie_client.session
    session[services.ACTIVE_ORGANIZATION_SESSION_KEY] = org.pk
    session.save()

    request = charlie_client.get("/organizations/").wsgi_request

    assert request.organization != org
    assert request.organization in Organization.objects.filter(memberships__user__email="charlie@example.org")
