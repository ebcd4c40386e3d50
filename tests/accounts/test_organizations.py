import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from accounts import services
from accounts.models import Membership, Organization, Role


def png(size=(64, 64)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (1, 114, 173)).save(buffer, format="PNG")
    return SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


# Creating -------------------------------------------------------------------------------------------------


def test_creating_an_organization_makes_the_creator_its_owner(alice):
    practice = services.create_organization(
        name="  Lakeshore Family Health ", kind="practice", time_zone="America/Halifax", by=alice
    )

    assert practice.name == "Lakeshore Family Health"
    assert practice.slug == "lakeshore-family-health"
    assert practice.time_zone == "America/Halifax"
    assert Membership.objects.get(organization=practice).role == Role.OWNER


def test_slugs_stay_unique_and_clear_of_fixed_addresses_and_ids(alice):
    first = services.create_organization(name="Lakeshore", by=alice)
    second = services.create_organization(name="Lakeshore", by=alice)
    new = services.create_organization(name="New", by=alice)
    digits = services.create_organization(name="2024", by=alice)

    assert [first.slug, second.slug, new.slug, digits.slug] == [
        "lakeshore",
        "lakeshore-2",
        "new-organization",
        "2024-organization",
    ]


def test_a_second_personal_organization_cannot_be_created(alice):
    with pytest.raises(ValidationError) as e:
        services.create_organization(name="Me again", kind="personal", by=alice)

    assert e.value.message_dict == {"kind": ["Choose a practice or clinic, or an association."]}


def test_creating_on_the_page_switches_to_the_new_organization(alice_client, alice):
    response = alice_client.post(
        "/organizations/new/", {"name": "Ontario Cardiology Society", "kind": "association", "time_zone": "UTC"}
    )

    society = Organization.objects.get(name="Ontario Cardiology Society")
    assert society.kind == Organization.Kind.ASSOCIATION
    assert response.url == f"/organizations/{society.slug}/"
    followed = alice_client.get(response.url)
    assert followed.wsgi_request.organization == society
    assert "Ontario Cardiology Society is ready." in followed.content.decode()


def test_the_create_form_shows_errors_next_to_fields_and_keeps_what_was_typed(alice_client):
    response = alice_client.post(
        "/organizations/new/", {"name": "Harbour Clinic", "kind": "practice", "time_zone": "Mars/Base"}
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_time_zone_error"' in page
    assert 'value="Harbour Clinic"' in page
    assert not Organization.objects.filter(name="Harbour Clinic").exists()


def test_the_create_form_offers_the_users_time_zone(client, alice):
    alice.time_zone = "America/Winnipeg"
    alice.save()
    client.force_login(alice, backend="django.contrib.auth.backends.ModelBackend")

    page = client.get("/organizations/new/").content.decode()

    assert '<option value="America/Winnipeg" selected>' in page


# Editing --------------------------------------------------------------------------------------------------


def test_an_owner_renames_and_changes_the_time_zone_keeping_the_slug(org, alice):
    services.update_organization(org, by=alice, name="Alice's Family Clinic", time_zone="America/Edmonton")

    org.refresh_from_db()
    assert (org.name, org.time_zone, org.slug) == ("Alice's Family Clinic", "America/Edmonton", "alices-clinic")


def test_an_admin_may_require_two_factor(org, member):
    admin = member(Role.ADMIN)

    services.update_organization(org, by=admin, requires_two_factor=True)

    org.refresh_from_db()
    assert org.requires_two_factor is True


@pytest.mark.parametrize("role", [Role.EDITOR, Role.CONTRIBUTOR, Role.VIEWER])
def test_members_below_admin_cannot_edit_the_organization(org, member, role):
    with pytest.raises(PermissionDenied):
        services.update_organization(org, by=member(role), name="Taken over")

    org.refresh_from_db()
    assert org.name == "Alice's Clinic"


def test_an_empty_name_is_refused_with_a_sentence(org, alice):
    with pytest.raises(ValidationError) as e:
        services.update_organization(org, by=alice, name="   ")

    assert e.value.message_dict == {"name": ["Please give the organization a name."]}


def test_the_owner_uploads_and_removes_a_logo_on_the_page(alice_client, org):
    fields = {"name": "Alice's Clinic", "time_zone": "America/Toronto"}

    response = alice_client.post(f"/organizations/{org.slug}/edit/", {**fields, "logo": png()})
    org.refresh_from_db()
    assert response.status_code == 302
    assert org.logo.name.startswith("logos/")
    assert org.logo.url in alice_client.get(f"/organizations/{org.slug}/").content.decode()

    alice_client.post(f"/organizations/{org.slug}/edit/", {**fields, "remove_logo": "on"})
    org.refresh_from_db()
    assert not org.logo


def test_a_replaced_or_removed_logo_file_is_deleted(org, alice, settings, django_capture_on_commit_callbacks):
    services.update_organization(org, by=alice, logo=png())
    first = settings.MEDIA_ROOT / org.logo.name

    with django_capture_on_commit_callbacks(execute=True):
        services.update_organization(org, by=alice, logo=png((32, 32)))
    second = settings.MEDIA_ROOT / org.logo.name
    with django_capture_on_commit_callbacks(execute=True):
        services.update_organization(org, by=alice, logo=None)

    assert not first.exists()
    assert not second.exists()
    org.refresh_from_db()
    assert not org.logo


def test_a_file_that_is_not_an_image_is_refused_next_to_the_logo_field(alice_client, org):
    not_an_image = SimpleUploadedFile("logo.png", b"%PDF-1.4 not a picture", content_type="image/png")

    response = alice_client.post(
        f"/organizations/{org.slug}/edit/",
        {"name": "Renamed Clinic", "time_zone": "America/Toronto", "logo": not_an_image},
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_logo_error"' in page
    assert 'value="Renamed Clinic"' in page
    org.refresh_from_db()
    assert org.name == "Alice's Clinic"


def test_the_owner_requires_two_factor_on_the_page(alice_client, org):
    alice_client.post(
        f"/organizations/{org.slug}/edit/",
        {"name": "Alice's Clinic", "time_zone": "America/Toronto", "requires_two_factor": "on"},
    )

    org.refresh_from_db()
    assert org.requires_two_factor is True


def test_an_editor_sees_the_details_but_no_edit_form_and_gets_403_when_posting_one(bob_client, org):
    page = bob_client.get(f"/organizations/{org.slug}/").content.decode()
    response = bob_client.post(f"/organizations/{org.slug}/edit/", {"name": "Bob's", "time_zone": "UTC"})

    assert "America/Toronto" in page
    assert f"/organizations/{org.slug}/edit/" not in page
    assert response.status_code == 403


# The organization page and list ---------------------------------------------------------------------------


def test_the_organization_page_lists_members_with_roles_and_titles(alice_client, org, alice):
    alice.professional_title = "MD, FRCPC"
    alice.save()

    page = alice_client.get(f"/organizations/{org.slug}/").content.decode()

    assert "Alice Adams, MD, FRCPC" in page
    assert "bob@example.org" in page
    assert "your role: Owner" in page


def test_the_list_shows_each_organization_with_the_users_role(bob_client):
    page = bob_client.get("/organizations/").content.decode()

    assert "Alice&#x27;s Clinic" in page
    assert "Bob Brown" in page
    assert "Editor" in page
    assert "Owner" in page


def test_the_navigation_link_leads_to_the_organization_in_use(alice_client, org):
    response = alice_client.get("/organizations/current/")

    assert response.url == f"/organizations/{org.slug}/"


def test_pages_ask_anonymous_visitors_to_sign_in(client, org):
    response = client.get(f"/organizations/{org.slug}/")

    assert response.status_code == 302
    assert "/login" in response.url


# The active organization ----------------------------------------------------------------------------------


def test_the_active_organization_defaults_to_the_one_joined_last(client, bob, org):
    client.force_login(bob, backend="django.contrib.auth.backends.ModelBackend")

    request = client.get("/organizations/").wsgi_request

    assert request.organization == org
    assert request.membership.user == bob
    assert request.membership.role == Role.EDITOR


def test_switching_makes_another_organization_active_and_goes_back(bob_client, bob):
    personal = Organization.objects.get(memberships__user=bob, kind="personal")

    response = bob_client.post("/organizations/switch/", {"organization": personal.pk, "next": "/organizations/"})

    assert response.url == "/organizations/"
    request = bob_client.get("/organizations/").wsgi_request
    assert request.organization == personal
    assert request.membership.role == Role.OWNER


def test_switching_by_slug_works_too(alice_client, alice):
    personal = Organization.objects.get(memberships__user=alice, kind="personal")

    alice_client.post("/organizations/switch/", {"organization": personal.slug})

    assert alice_client.get("/organizations/").wsgi_request.organization == personal


def test_switching_never_redirects_to_another_site(bob_client, bob):
    personal = Organization.objects.get(memberships__user=bob, kind="personal")

    response = bob_client.post("/organizations/switch/", {"organization": personal.pk, "next": "https://evil.example/"})

    assert response.url == "/"


def test_after_removal_the_active_organization_falls_back_to_the_personal_one(bob_client, org, alice, bob):
    services.remove_member(Membership.objects.get(organization=org, user=bob), by=alice)

    request = bob_client.get("/organizations/").wsgi_request

    assert request.organization.name == "Bob Brown"
    assert services.ACTIVE_ORGANIZATION_SESSION_KEY not in request.session


def test_the_context_offers_the_switcher_the_users_organizations_and_role(bob_client, org):
    response = bob_client.get("/organizations/")

    assert [m.organization.name for m in response.context["user_memberships"]] == ["Bob Brown", "Alice's Clinic"]
    assert response.context["active_organization"] == org
    assert response.context["active_role"] == Role.EDITOR


def test_a_user_with_no_organization_has_none_active(client, django_user_model):
    lonely = django_user_model.objects.create_user("lonely@example.org", "a-long-test-password-42")
    client.force_login(lonely, backend="django.contrib.auth.backends.ModelBackend")

    response = client.get("/organizations/")

    assert response.wsgi_request.organization is None
    assert response.context["active_role"] is None
    assert "You do not belong to any organization yet." in response.content.decode()


@pytest.mark.parametrize("name", ["connections", "posts", "compose", "hashtag-sets"])
def test_pages_that_work_in_an_organization_are_not_found_without_one(client, django_user_model, name):
    lonely = django_user_model.objects.create_user("lonely@example.org", "a-long-test-password-42")
    client.force_login(lonely, backend="django.contrib.auth.backends.ModelBackend")

    assert client.get(reverse(name)).status_code == 404


def test_anonymous_visitors_have_no_organization(client, org):
    response = client.get("/invitations/no-such-token/")

    assert response.wsgi_request.organization is None
    assert response.wsgi_request.membership is None


def test_a_page_of_an_organization_requiring_two_factor_is_refused_while_another_is_active(client, bob, org):
    """The two-factor middleware guards the active organization; the policy guards the others."""
    org.requires_two_factor = True
    org.save()
    client.force_login(bob, backend="django.contrib.auth.backends.ModelBackend")
    personal = Organization.objects.get(memberships__user=bob, kind="personal")
    client.post("/organizations/switch/", {"organization": personal.slug})

    page = client.get(f"/organizations/{org.slug}/")
    invite = client.post(f"/organizations/{org.slug}/invitations/", {"email": "x@example.org", "role": "viewer"})

    assert (page.status_code, invite.status_code) == (403, 403)


def test_a_member_may_still_switch_to_an_organization_requiring_two_factor(client, bob, org):
    org.requires_two_factor = True
    org.save()
    client.force_login(bob, backend="django.contrib.auth.backends.ModelBackend")

    switched = client.post("/organizations/switch/", {"organization": org.pk, "next": "/organizations/"})

    # From here on the two-factor middleware leads Bob to the setup page.
    assert switched.status_code == 302
    assert client.session[services.ACTIVE_ORGANIZATION_SESSION_KEY] == org.pk


def test_a_member_may_still_leave_an_organization_requiring_two_factor(client, bob, org):
    org.requires_two_factor = True
    org.save()
    client.force_login(bob, backend="django.contrib.auth.backends.ModelBackend")

    left = client.post(f"/organizations/{org.slug}/leave/")

    assert left.status_code == 302
    assert not Membership.objects.filter(organization=org, user=bob).exists()


def test_an_organization_in_any_valid_time_zone_can_save_its_settings(alice_client, org):
    org.time_zone = "GMT"
    org.save()

    response = alice_client.post(f"/organizations/{org.slug}/edit/", {"name": "Alice's Clinic", "time_zone": "GMT"})

    assert response.status_code == 302


def test_the_owner_sets_the_alt_text_rule_and_late_window_on_the_page(alice_client, org):
    response = alice_client.post(
        f"/organizations/{org.slug}/edit/",
        {"name": "Alice's Clinic", "time_zone": "America/Toronto", "late_window_minutes": "30"},
    )

    assert response.status_code == 302
    org.refresh_from_db()
    assert (org.alt_text_required, org.late_window_minutes) == (False, 30)


def test_a_late_window_of_zero_minutes_is_refused_next_to_the_field(alice_client, org):
    response = alice_client.post(
        f"/organizations/{org.slug}/edit/",
        {
            "name": "Alice's Clinic",
            "time_zone": "America/Toronto",
            "late_window_minutes": "0",
            "alt_text_required": "on",
        },
    )

    assert response.status_code == 400
    assert "greater than or equal to 1" in response.content.decode()
    org.refresh_from_db()
    assert org.late_window_minutes == 120
