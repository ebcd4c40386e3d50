"""Signing up, logging in and out, lockout after guessing, and passwords."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from accounts.models import Membership, Organization, Role, User
from tests.fixtures import PASSWORD

NEW_PASSWORD = "a-brand-new-passphrase-7"


def sign_up_data(**overrides):
    data = {
        "email": "dana@example.org",
        "display_name": "Dana Diaz",
        "professional_title": "MD, FRCPC",
        "time_zone": "America/Vancouver",
        "password1": "correct horse battery staple",
        "password2": "correct horse battery staple",
    }
    return {**data, **overrides}


def field_errors(response, field):
    return response.context["form"].errors.get(field, [])


@pytest.mark.django_db
def test_sign_up_creates_the_user_and_their_personal_organization_and_logs_them_in(client):
    response = client.post(reverse("signup"), sign_up_data())

    assert response.status_code == 302
    assert response.url == reverse("home")
    user = User.objects.get(email="dana@example.org")
    assert (user.display_name, user.professional_title, user.time_zone) == (
        "Dana Diaz",
        "MD, FRCPC",
        "America/Vancouver",
    )
    membership = Membership.objects.get(user=user)
    assert membership.role == Role.OWNER
    assert membership.organization.kind == Organization.Kind.PERSONAL
    home = client.get(reverse("home"))
    assert home.context["user"] == user
    assert "Welcome to PhysSocial" in home.content.decode()


@pytest.mark.django_db
def test_sign_up_sends_the_new_user_on_to_next_so_invitations_can_pass_through_it(client):
    response = client.post(reverse("signup") + "?next=/invitations/abc123/", sign_up_data())

    assert response.status_code == 302
    assert response.url == "/invitations/abc123/"


@pytest.mark.django_db
def test_sign_up_ignores_a_next_address_on_another_site(client):
    response = client.post(reverse("signup") + "?next=https://evil.example.com/", sign_up_data())

    assert response.url == reverse("home")


@pytest.mark.django_db
def test_sign_up_errors_show_next_to_the_field_and_keep_what_was_typed(client):
    response = client.post(reverse("signup"), sign_up_data(password2="something else entirely"))

    assert response.status_code == 200
    assert "The two passwords differ" in field_errors(response, "password2")[0]
    page = response.content.decode()
    assert 'value="dana@example.org"' in page
    assert 'value="Dana Diaz"' in page
    assert 'value="MD, FRCPC"' in page
    assert '<option value="America/Vancouver" selected>' in page
    assert "correct horse battery staple" not in page
    assert not User.objects.filter(email="dana@example.org").exists()


@pytest.mark.django_db
def test_a_fresh_sign_up_form_lets_the_browser_suggest_its_time_zone_but_a_returned_one_keeps_the_choice(client):
    fresh = client.get(reverse("signup")).content.decode()
    returned = client.post(reverse("signup"), sign_up_data(password2="different")).content.decode()

    assert '<select name="time_zone" data-guess-time-zone' in fresh
    assert "data-guess-time-zone" not in returned


@pytest.mark.django_db
def test_sign_up_with_a_weak_password_shows_djangos_validators_under_the_password(client):
    response = client.post(reverse("signup"), sign_up_data(password1="12345678", password2="12345678"))

    errors = " ".join(field_errors(response, "password1"))
    assert "too short" in errors
    assert "entirely numeric" in errors
    assert not User.objects.exists()


@pytest.mark.django_db
def test_sign_up_shows_every_problem_of_the_form_at_once(client):
    response = client.post(reverse("signup"), sign_up_data(password1="12345678", password2="87654321"))

    assert "too short" in " ".join(field_errors(response, "password1"))
    assert "The two passwords differ" in field_errors(response, "password2")[0]


@pytest.mark.django_db
def test_sign_up_with_an_address_that_has_an_account_says_so_next_to_the_e_mail(client, alice):
    response = client.post(reverse("signup"), sign_up_data(email="ALICE@example.org"))

    assert response.status_code == 200
    assert "already exists" in field_errors(response, "email")[0]
    assert User.objects.filter(email__iexact="alice@example.org").count() == 1
    assert not response.wsgi_request.user.is_authenticated


@pytest.mark.django_db
def test_login_with_e_mail_and_password_goes_home(client, alice):
    response = client.post(reverse("login"), {"username": "alice@example.org", "password": PASSWORD})

    assert response.status_code == 302
    assert response.url == reverse("home")
    assert client.get(reverse("home")).context["user"] == alice


@pytest.mark.django_db
def test_login_finds_the_account_whatever_the_case_and_spaces_of_the_address(client, alice):
    response = client.post(reverse("login"), {"username": " Alice@Example.ORG ", "password": PASSWORD})

    assert response.status_code == 302
    assert client.get(reverse("home")).context["user"] == alice


@pytest.mark.django_db
def test_login_follows_next_within_the_site(client, alice):
    response = client.post(
        reverse("login") + "?next=/settings/", {"username": "alice@example.org", "password": PASSWORD}
    )

    assert response.url == "/settings/"


@pytest.mark.django_db
def test_a_wrong_password_is_refused_and_the_e_mail_stays_typed(client, alice):
    response = client.post(reverse("login"), {"username": "alice@example.org", "password": "not her password"})

    assert response.status_code == 200
    assert "do not match an account" in response.content.decode()
    assert 'value="alice@example.org"' in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated


@pytest.mark.django_db
def test_logout_is_a_post_that_ends_the_session(alice_client):
    assert alice_client.get(reverse("logout")).status_code == 405

    response = alice_client.post(reverse("logout"))

    assert response.status_code == 302
    assert response.url == reverse("login")
    assert alice_client.get(reverse("home")).status_code == 302
    assert "You have logged out." in alice_client.get(reverse("login")).content.decode()


@pytest.mark.django_db
def test_five_wrong_passwords_lock_the_account_for_fifteen_minutes_even_with_the_right_one(client, alice):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "alice@example.org", "password": "a wrong guess"})

    response = client.post(reverse("login"), {"username": "alice@example.org", "password": PASSWORD})

    assert response.status_code == 429
    page = response.content.decode()
    assert "Too many failed attempts" in page
    assert "for 15 minutes" in page
    assert not response.wsgi_request.user.is_authenticated
    assert client.get(reverse("home")).status_code == 302


@pytest.mark.django_db
def test_changing_the_case_of_the_address_does_not_escape_the_lockout(client, alice):
    variants = ["ALICE@example.org", "Alice@Example.org", "alice@EXAMPLE.org", "aLiCe@example.org", "alice@example.org"]
    for variant in variants:
        client.post(reverse("login"), {"username": variant, "password": "a wrong guess"})

    response = client.post(reverse("login"), {"username": "Alice@example.org", "password": PASSWORD})

    assert response.status_code == 429


@pytest.mark.django_db
def test_logging_in_accepts_the_address_in_any_case(client, alice):
    response = client.post(reverse("login"), {"username": " Alice@Example.ORG", "password": PASSWORD})

    assert response.status_code == 302


@pytest.mark.django_db
def test_the_lockout_is_per_account_so_others_can_still_log_in_from_the_same_network(client, alice, bob):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "alice@example.org", "password": "a wrong guess"})

    response = client.post(reverse("login"), {"username": "bob@example.org", "password": PASSWORD})

    assert response.status_code == 302


@pytest.mark.django_db
def test_password_reset_e_mails_a_link_that_sets_a_new_password(client, alice, mailoutbox):
    response = client.post(reverse("password_reset"), {"email": "alice@example.org"})

    assert response.url == reverse("password_reset_done")
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["alice@example.org"]
    assert message.subject == "Reset your PhysSocial password"
    link = re.search(re.escape(settings.PUBLIC_BASE_URL) + r"(/password/reset/\S+/)", message.body).group(1)

    form_page = client.get(link, follow=True)
    assert form_page.context["validlink"] is True
    done = client.post(form_page.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    assert done.url == reverse("password_reset_complete")
    alice.refresh_from_db()
    assert alice.check_password(NEW_PASSWORD)
    assert client.get(link, follow=True).context["validlink"] is False


@pytest.mark.django_db
def test_password_reset_for_an_unknown_address_sends_nothing_and_says_the_same(client, mailoutbox):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.org"})

    assert response.url == reverse("password_reset_done")
    assert mailoutbox == []


@pytest.mark.django_db
def test_password_change_needs_the_old_password_and_keeps_the_user_logged_in(alice_client, alice):
    wrong = alice_client.post(
        reverse("password_change"),
        {"old_password": "not it", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert wrong.status_code == 200
    assert wrong.context["form"].errors["old_password"]

    response = alice_client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    assert response.url == reverse("settings")
    alice.refresh_from_db()
    assert alice.check_password(NEW_PASSWORD)
    settings_page = alice_client.get(reverse("settings"))
    assert settings_page.status_code == 200
    assert "Your password has been changed." in settings_page.content.decode()


@pytest.mark.django_db
def test_the_admin_login_goes_through_our_login_so_two_factor_applies(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    admin_login = client.get(response.url)
    assert admin_login.url == reverse("login") + "?next=%2Fadmin%2F"


@pytest.mark.django_db
def test_staff_without_two_factor_are_sent_to_set_it_up_before_the_admin(client, alice):
    alice.is_staff = alice.is_superuser = True
    alice.save()

    response = client.post(reverse("login") + "?next=/admin/", {"username": "alice@example.org", "password": PASSWORD})

    assert response.url == "/admin/"
    admin = client.get("/admin/", follow=True)
    assert admin.request["PATH_INFO"] == reverse("two-factor-setup")
    assert admin.request["QUERY_STRING"] == "next=%2Fadmin%2F"
