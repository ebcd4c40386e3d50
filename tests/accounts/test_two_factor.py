"""TOTP two-factor: setting it up, logging in with a code, turning it off, and organizations that require it.

Codes are computed here the way an authenticator app does (RFC 6238, django-otp's ``TOTP``).
"""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import UserFactory
from tests.fixtures import PASSWORD, verify_session


def current_code(device: TOTPDevice) -> str:
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def wrong_code(device: TOTPDevice) -> str:
    return f"{(int(current_code(device)) + 1) % 1_000_000:06d}"


@pytest.fixture
def alice_device(alice) -> TOTPDevice:
    return TOTPDevice.objects.create(user=alice, name="Authenticator app", confirmed=True)


def log_in_with_password(client, email="alice@example.org", next_url=""):
    url = reverse("login") + (f"?next={next_url}" if next_url else "")
    return client.post(url, {"username": email, "password": PASSWORD})


# Setting up


@pytest.mark.django_db
def test_setup_shows_a_qr_code_and_the_secret_but_two_factor_stays_off_until_confirmed(alice_client, alice):
    response = alice_client.get(reverse("two-factor-setup"))

    assert response.status_code == 200
    device = TOTPDevice.objects.get(user=alice)
    assert device.confirmed is False
    page = response.content.decode()
    assert '<svg role="img" aria-label="QR code to scan with your authenticator app"' in page
    assert response.context["secret"].replace(" ", "") in device.config_url
    assert "Off." in alice_client.get(reverse("two-factor")).content.decode()


@pytest.mark.django_db
def test_reloading_the_setup_page_keeps_the_same_secret(alice_client, alice):
    first = alice_client.get(reverse("two-factor-setup")).context["secret"]
    second = alice_client.get(reverse("two-factor-setup")).context["secret"]

    assert first == second
    assert TOTPDevice.objects.filter(user=alice).count() == 1


@pytest.mark.django_db
def test_a_wrong_code_does_not_turn_two_factor_on(alice_client, alice):
    alice_client.get(reverse("two-factor-setup"))
    device = TOTPDevice.objects.get(user=alice)

    response = alice_client.post(reverse("two-factor-setup"), {"code": wrong_code(device)})

    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    device.refresh_from_db()
    assert device.confirmed is False


@pytest.mark.django_db
def test_the_right_code_turns_two_factor_on_and_verifies_this_session(alice_client, alice):
    alice_client.get(reverse("two-factor-setup"))
    device = TOTPDevice.objects.get(user=alice)

    response = alice_client.post(reverse("two-factor-setup"), {"code": current_code(device)})

    assert response.context["next"] == reverse("two-factor")  # after the backup codes
    device.refresh_from_db()
    assert device.confirmed is True
    assert alice_client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert "On." in alice_client.get(reverse("two-factor")).content.decode()


# Logging in


@pytest.mark.django_db
def test_with_two_factor_on_the_password_alone_does_not_log_in(client, alice_device):
    response = log_in_with_password(client)

    assert response.url == reverse("login-code")
    assert client.get(reverse("home")).status_code == 302
    assert "Enter your code" in client.get(reverse("login-code")).content.decode()


@pytest.mark.django_db
def test_the_password_then_a_code_from_the_app_logs_in_and_goes_to_next(client, alice, alice_device):
    log_in_with_password(client, next_url="/settings/")

    response = client.post(reverse("login-code"), {"code": current_code(alice_device)})

    assert response.url == "/settings/"
    home = client.get(reverse("home"))
    assert home.context["user"] == alice
    assert home.context["user"].is_verified()


@pytest.mark.django_db
def test_a_wrong_code_keeps_the_user_logged_out(client, alice_device):
    log_in_with_password(client)

    response = client.post(reverse("login-code"), {"code": wrong_code(alice_device)})

    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    assert client.get(reverse("home")).status_code == 302


@pytest.mark.django_db
def test_a_code_works_only_once(client, alice_device):
    log_in_with_password(client)
    code = current_code(alice_device)
    client.post(reverse("login-code"), {"code": code})
    client.post(reverse("logout"))

    log_in_with_password(client)
    response = client.post(reverse("login-code"), {"code": code})

    assert response.status_code == 200
    assert client.get(reverse("home")).status_code == 302


@pytest.mark.django_db
def test_after_five_wrong_codes_the_password_must_be_entered_again(client, alice_device):
    log_in_with_password(client)
    for _ in range(5):
        response = client.post(reverse("login-code"), {"code": "000000"})

    assert response.url == reverse("login")
    assert client.get(reverse("login-code")).url == reverse("login")


@pytest.mark.django_db
def test_the_code_step_expires_five_minutes_after_the_password(client, alice_device):
    log_in_with_password(client)
    session = client.session
    session["physsocial_pending_two_factor"]["started_at"] -= 5 * 60 + 1
    session.save()

    response = client.post(reverse("login-code"), {"code": current_code(alice_device)})

    assert response.url == reverse("login")
    assert "within five minutes" in client.get(reverse("login")).content.decode()
    assert client.get(reverse("home")).status_code == 302


@pytest.mark.django_db
def test_the_code_page_without_a_password_first_sends_to_login(client):
    assert client.get(reverse("login-code")).url == reverse("login")
    assert "with your e-mail address and password first" in client.get(reverse("login")).content.decode()


@pytest.mark.django_db
def test_without_two_factor_the_password_alone_logs_in(client, alice):
    response = log_in_with_password(client)

    assert response.url == reverse("home")


# Turning it off


@pytest.mark.django_db
def test_two_factor_can_be_turned_off_with_a_current_code(client, alice_device):
    log_in_with_password(client)
    client.post(reverse("login-code"), {"code": current_code(alice_device)})
    # The login used this time step's code; an app shows the next one 30 s later.
    alice_device.refresh_from_db()
    alice_device.last_t -= 1
    alice_device.save()

    response = client.post(reverse("two-factor-disable"), {"code": current_code(alice_device)})

    assert response.url == reverse("two-factor")
    assert not TOTPDevice.objects.exists()


@pytest.mark.django_db
def test_two_factor_can_be_turned_off_with_the_password(alice_client, alice, alice_device):
    verify_session(alice_client, alice)

    response = alice_client.post(reverse("two-factor-disable"), {"password": PASSWORD})

    assert response.url == reverse("two-factor")
    assert not TOTPDevice.objects.exists()


@pytest.mark.django_db
def test_turning_off_needs_a_right_code_or_password(alice_client, alice, alice_device):
    verify_session(alice_client, alice)
    nothing = alice_client.post(reverse("two-factor-disable"), {})
    wrong_password = alice_client.post(reverse("two-factor-disable"), {"password": "not it"})
    wrong = alice_client.post(reverse("two-factor-disable"), {"code": wrong_code(alice_device)})

    assert "Enter a code from your authenticator app or your password" in nothing.content.decode()
    assert wrong_password.context["form"].errors["password"] == ["That password is not right."]
    assert wrong.context["form"].errors["code"]
    assert TOTPDevice.objects.filter(confirmed=True).count() == 1


# Organizations that require two-factor


@pytest.fixture
def strict_org(org):
    org.requires_two_factor = True
    org.save()
    return org


@pytest.mark.django_db
def test_members_of_an_organization_requiring_two_factor_are_sent_to_set_it_up(bob_client, strict_org):
    response = bob_client.get(reverse("compose"))

    assert response.status_code == 302
    assert response.url == reverse("two-factor-setup") + "?next=%2Fcompose%2F"
    setup = bob_client.get(response.url)
    assert setup.status_code == 200
    assert "Alice&#x27;s Clinic requires two-factor authentication for its members." in setup.content.decode()


@pytest.mark.django_db
def test_every_page_but_setup_logout_and_the_switcher_is_closed_until_then(bob_client, strict_org):
    for name in ["home", "settings", "queue", "two-factor", "two-factor-disable", "connected-accounts"]:
        assert bob_client.get(reverse(name)).url.startswith(reverse("two-factor-setup")), name
    assert bob_client.post(reverse("settings"), {"display_name": "Bobby"}).url == reverse("two-factor-setup")

    assert bob_client.get(reverse("two-factor-setup")).status_code == 200
    assert bob_client.get("/static/css/app.css").status_code != 302
    assert bob_client.post(reverse("logout")).url == reverse("login")


@pytest.mark.django_db
def test_switching_to_an_organization_without_the_rule_opens_the_app_again(bob_client, bob, strict_org):
    personal = bob.memberships.get(organization__kind="personal").organization

    response = bob_client.post(reverse("organization-switch"), {"organization": personal.slug})

    assert response.status_code == 302
    assert bob_client.get(reverse("compose")).status_code == 200


@pytest.mark.django_db
def test_after_setting_up_the_member_goes_on_to_the_page_they_wanted(bob_client, bob, strict_org):
    bob_client.get(reverse("two-factor-setup"))
    device = TOTPDevice.objects.get(user=bob)

    response = bob_client.post(reverse("two-factor-setup") + "?next=/compose/", {"code": current_code(device)})

    assert response.context["next"] == "/compose/"  # the link under the backup codes
    assert bob_client.get(reverse("compose")).status_code == 200


@pytest.mark.django_db
def test_a_member_with_a_device_but_an_unverified_session_is_asked_for_a_code(bob_client, bob, strict_org):
    device = TOTPDevice.objects.create(user=bob, name="Authenticator app", confirmed=True)

    page = bob_client.get(reverse("two-factor-setup"))
    assert "this session has not been verified" in page.content.decode()
    response = bob_client.post(reverse("two-factor-setup"), {"code": current_code(device)})

    assert response.url == reverse("home")
    assert bob_client.get(reverse("compose")).status_code == 200


@pytest.mark.django_db
def test_an_htmx_request_is_sent_to_setup_as_a_whole_page(bob_client, strict_org):
    response = bob_client.get(reverse("compose"), headers={"HX-Request": "true"})

    assert response.status_code == 204
    assert response["HX-Redirect"] == reverse("two-factor-setup") + "?next=%2Fcompose%2F"


@pytest.mark.django_db
def test_organizations_that_do_not_require_two_factor_let_members_in_without_it(bob_client, org):
    assert bob_client.get(reverse("compose")).status_code == 200


# Recovery


@pytest.mark.django_db
def test_staff_can_remove_a_lost_device_in_the_admin_and_the_user_logs_in_with_the_password(
    client, alice, alice_device
):
    staff = UserFactory(email="staff@example.org", is_staff=True, is_superuser=True)
    admin_client = Client()
    admin_client.force_login(staff, backend="django.contrib.auth.backends.ModelBackend")
    verify_session(admin_client, staff)
    delete_url = reverse("admin:otp_totp_totpdevice_delete", args=[alice_device.pk])

    response = admin_client.post(delete_url, {"post": "yes"})

    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=alice).exists()
    assert log_in_with_password(client).url == reverse("home")


@pytest.mark.django_db
def test_after_several_wrong_codes_even_the_right_one_waits_and_the_page_says_how_long(client, alice_device):
    log_in_with_password(client)
    # django-otp's state after three wrong codes in a row: the next try must wait 4 seconds.
    alice_device.throttling_failure_count = 3
    alice_device.throttling_failure_timestamp = timezone.now()
    alice_device.save()

    response = client.post(reverse("login-code"), {"code": current_code(alice_device)})

    assert "After several wrong codes, please wait 4 seconds." in response.content.decode()
    assert client.get(reverse("home")).status_code == 302
