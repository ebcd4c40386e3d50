import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from accounts import services
from accounts.models import Membership, Role
from tests.factories import MembershipFactory


def membership(org, user) -> Membership:
    return Membership.objects.get(organization=org, user=user)


def role_in(org, user) -> str | None:
    found = Membership.objects.filter(organization=org, user=user).first()
    return found.role if found else None


# Changing roles -------------------------------------------------------------------------------------------


def test_an_owner_changes_a_members_role(org, alice, bob):
    services.change_role(membership(org, bob), role=Role.CONTRIBUTOR, by=alice)

    assert role_in(org, bob) == Role.CONTRIBUTOR


def test_an_owner_makes_another_member_an_owner(org, alice, bob):
    services.change_role(membership(org, bob), role=Role.OWNER, by=alice)

    assert role_in(org, bob) == Role.OWNER


def test_an_admin_changes_an_editors_role_but_cannot_make_an_owner(org, member, bob):
    admin = member(Role.ADMIN)

    services.change_role(membership(org, bob), role=Role.VIEWER, by=admin)
    with pytest.raises(ValidationError, match="Only an owner"):
        services.change_role(membership(org, bob), role=Role.OWNER, by=admin)

    assert role_in(org, bob) == Role.VIEWER


def test_an_admin_cannot_demote_an_owner(org, member, alice):
    admin = member(Role.ADMIN)

    with pytest.raises(ValidationError, match="Only an owner"):
        services.change_role(membership(org, alice), role=Role.EDITOR, by=admin)

    assert role_in(org, alice) == Role.OWNER


@pytest.mark.parametrize("role", [Role.EDITOR, Role.CONTRIBUTOR, Role.VIEWER])
def test_members_who_do_not_manage_members_cannot_change_roles(org, member, bob, role):
    someone = member(role)

    with pytest.raises(PermissionDenied):
        services.change_role(membership(org, bob), role=Role.VIEWER, by=someone)

    assert role_in(org, bob) == Role.EDITOR


def test_an_outsider_cannot_change_roles_and_is_told_nothing_exists(org, bob, charlie):
    with pytest.raises(Http404):
        services.change_role(membership(org, bob), role=Role.VIEWER, by=charlie)


def test_the_last_owner_cannot_demote_themselves(org, alice):
    with pytest.raises(ValidationError, match="You are the only owner of Alice's Clinic"):
        services.change_role(membership(org, alice), role=Role.ADMIN, by=alice)

    assert role_in(org, alice) == Role.OWNER


def test_an_owner_may_step_down_once_there_is_another_owner(org, alice, bob):
    services.change_role(membership(org, bob), role=Role.OWNER, by=alice)

    services.change_role(membership(org, alice), role=Role.ADMIN, by=alice)

    assert role_in(org, alice) == Role.ADMIN
    assert list(org.memberships.owners().values_list("user__email", flat=True)) == ["bob@example.org"]


def test_an_unknown_role_is_refused_with_a_sentence(org, alice, bob):
    with pytest.raises(ValidationError) as e:
        services.change_role(membership(org, bob), role="chief", by=alice)

    assert e.value.message_dict == {"role": ["Choose one of the roles in the list."]}


# Removing members -----------------------------------------------------------------------------------------


def test_an_owner_removes_a_member(org, alice, bob):
    services.remove_member(membership(org, bob), by=alice)

    assert role_in(org, bob) is None


def test_an_admin_removes_an_editor_but_not_an_owner(org, member, alice, bob):
    admin = member(Role.ADMIN)

    services.remove_member(membership(org, bob), by=admin)
    with pytest.raises(ValidationError, match="Only an owner"):
        services.remove_member(membership(org, alice), by=admin)

    assert role_in(org, bob) is None
    assert role_in(org, alice) == Role.OWNER


def test_an_editor_cannot_remove_anyone(org, alice, bob):
    with pytest.raises(PermissionDenied):
        services.remove_member(membership(org, alice), by=bob)


def test_removing_yourself_points_to_leaving(org, alice):
    MembershipFactory(organization=org, role=Role.OWNER)

    with pytest.raises(ValidationError, match="Leave organization"):
        services.remove_member(membership(org, alice), by=alice)


# Leaving -------------------------------------------------------------------------------------------------


def test_a_member_leaves_an_organization(org, bob):
    services.leave_organization(org, user=bob)

    assert role_in(org, bob) is None


def test_the_last_owner_cannot_leave_and_is_told_what_to_do(org, alice):
    with pytest.raises(ValidationError) as e:
        services.leave_organization(org, user=alice)

    assert e.value.messages == [
        "You are the only owner of Alice's Clinic, so you cannot leave it. Make another member an owner first."
    ]
    assert role_in(org, alice) == Role.OWNER


def test_an_owner_leaves_when_another_owner_remains(org, alice, bob):
    services.change_role(membership(org, bob), role=Role.OWNER, by=alice)

    services.leave_organization(org, user=alice)

    assert role_in(org, alice) is None


def test_an_outsider_cannot_leave_what_they_never_joined(org, charlie):
    with pytest.raises(Http404):
        services.leave_organization(org, user=charlie)


# Through the pages ---------------------------------------------------------------------------------------


def test_the_owner_changes_a_role_on_the_organization_page(alice_client, org, bob):
    m = membership(org, bob)

    response = alice_client.post(f"/organizations/{org.slug}/members/{m.pk}/role/", {f"m{m.pk}-role": "viewer"})

    assert response.status_code == 302
    assert role_in(org, bob) == Role.VIEWER
    assert "Bob Brown is now viewer." in alice_client.get(response.url).content.decode()


def test_the_last_owner_sees_why_they_cannot_demote_themselves_next_to_their_row(alice_client, org, alice):
    m = membership(org, alice)

    response = alice_client.post(f"/organizations/{org.slug}/members/{m.pk}/role/", {f"m{m.pk}-role": "editor"})

    # Her own row has no role control (she would use Leave), but a forged post is refused all the same.
    assert response.status_code == 400
    assert "You are the only owner of Alice&#x27;s Clinic" in response.content.decode()
    assert role_in(org, alice) == Role.OWNER


def test_an_editor_gets_403_when_changing_roles(bob_client, org, alice):
    m = membership(org, alice)

    response = bob_client.post(f"/organizations/{org.slug}/members/{m.pk}/role/", {f"m{m.pk}-role": "viewer"})

    assert response.status_code == 403
    assert role_in(org, alice) == Role.OWNER


def test_the_owner_removes_a_member_on_the_organization_page(alice_client, org, bob):
    response = alice_client.post(f"/organizations/{org.slug}/members/{membership(org, bob).pk}/remove/")

    assert response.status_code == 302
    assert role_in(org, bob) is None


def test_an_editor_gets_403_when_removing_a_member(bob_client, org, alice):
    response = bob_client.post(f"/organizations/{org.slug}/members/{membership(org, alice).pk}/remove/")

    assert response.status_code == 403
    assert role_in(org, alice) == Role.OWNER


def test_a_member_leaves_on_the_organization_page_and_works_in_their_personal_organization_after(bob_client, org, bob):
    response = bob_client.post(f"/organizations/{org.slug}/leave/")

    assert response.status_code == 302
    assert role_in(org, bob) is None
    page = bob_client.get(response.url)
    assert page.wsgi_request.organization.name == "Bob Brown"
    assert "You left Alice&#x27;s Clinic." in page.content.decode()


def test_the_last_owner_sees_why_they_cannot_leave(alice_client, org, alice):
    response = alice_client.post(f"/organizations/{org.slug}/leave/")

    assert response.status_code == 400
    assert "so you cannot leave it" in response.content.decode()
    assert role_in(org, alice) == Role.OWNER


def test_the_member_list_shows_role_controls_only_to_managers(alice_client, bob_client, org, bob):
    role_url = f"/organizations/{org.slug}/members/{membership(org, bob).pk}/role/"

    assert role_url in alice_client.get(f"/organizations/{org.slug}/").content.decode()
    assert role_url not in bob_client.get(f"/organizations/{org.slug}/").content.decode()


def test_the_only_owner_is_shown_how_to_leave_instead_of_a_leave_button(alice_client, bob_client, org):
    alices_page = alice_client.get(f"/organizations/{org.slug}/").content.decode()
    bobs_page = bob_client.get(f"/organizations/{org.slug}/").content.decode()

    assert "To leave it, first make another member an owner." in alices_page
    assert f"/organizations/{org.slug}/leave/" not in alices_page
    assert f"/organizations/{org.slug}/leave/" in bobs_page


# With htmx: one row comes back instead of the page -----------------------------------------------------------

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_an_htmx_role_change_answers_with_the_updated_row_alone(alice_client, org, bob):
    m = membership(org, bob)

    response = alice_client.post(f"/organizations/{org.slug}/members/{m.pk}/role/", {f"m{m.pk}-role": "admin"}, **HTMX)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.strip().startswith(f'<tr id="member-{m.pk}">')
    assert "<html" not in html
    assert '<option value="admin" selected>' in html
    assert "Bob Brown is now admin." in html
    assert role_in(org, bob) == Role.ADMIN


def test_an_htmx_role_change_that_is_refused_shows_why_in_the_row(org, member, bob):
    from django.test import Client

    admin = member(Role.ADMIN)
    client = Client()
    client.force_login(admin, backend="django.contrib.auth.backends.ModelBackend")
    bobs = membership(org, bob)

    response = client.post(f"/organizations/{org.slug}/members/{bobs.pk}/role/", {f"m{bobs.pk}-role": "owner"}, **HTMX)

    html = response.content.decode()
    assert f'<tr id="member-{bobs.pk}">' in html
    assert "Only an owner can make someone an owner" in html
    assert 'aria-invalid="true"' in html
    assert role_in(org, bob) == Role.EDITOR


def test_an_htmx_removal_replaces_the_row_with_a_note(alice_client, org, bob):
    response = alice_client.post(f"/organizations/{org.slug}/members/{membership(org, bob).pk}/remove/", **HTMX)

    assert response.status_code == 200
    assert '<span role="status">Bob Brown was removed from Alice&#x27;s Clinic.</span>' in response.content.decode()
    assert role_in(org, bob) is None


def test_htmx_requests_from_outsiders_and_editors_get_the_same_404_and_403(charlie_client, bob_client, org, alice):
    m = membership(org, alice)
    path = f"/organizations/{org.slug}/members/{m.pk}/role/"

    assert charlie_client.post(path, {f"m{m.pk}-role": "viewer"}, **HTMX).status_code == 404
    assert bob_client.post(path, {f"m{m.pk}-role": "viewer"}, **HTMX).status_code == 403


def test_without_a_choice_a_member_works_in_the_organization_they_joined_last(alice, org):
    from django.contrib.sessions.backends.db import SessionStore

    assert services.active_membership(user=alice, session=SessionStore()).organization == org


def test_the_organization_chosen_last_is_remembered_for_the_next_sign_in(alice, org):
    from django.contrib.sessions.backends.db import SessionStore

    personal = alice.memberships.get(organization__kind="personal").organization
    services.switch_active_organization(user=alice, organization=personal, session=SessionStore())

    alice.refresh_from_db()
    assert services.active_membership(user=alice, session=SessionStore()).organization == personal
