"""Backup codes: one-time codes that log in when the phone is lost (django-otp's static tokens)."""

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.test_two_factor import current_code, log_in_with_password
from tests.fixtures import PASSWORD, verify_session


def codes_on(page) -> list[str]:
    return list(page.context["backup_codes"])


@pytest.fixture
def alice_with_codes(alice, org):
    """Alice after turning two-factor on in her browser: returns her client and the codes she was shown."""
    client = Client()
    client.force_login(alice, backend="django.contrib.auth.backends.ModelBackend")
    client.get(reverse("two-factor-setup"))
    device = TOTPDevice.objects.get(user=alice)
    page = client.post(reverse("two-factor-setup"), {"code": current_code(device)})
    return client, codes_on(page)


def test_turning_two_factor_on_shows_ten_backup_codes_once(alice, org):
    client = Client()
    client.force_login(alice, backend="django.contrib.auth.backends.ModelBackend")
    client.get(reverse("two-factor-setup"))
    device = TOTPDevice.objects.get(user=alice)

    page = client.post(reverse("two-factor-setup"), {"code": current_code(device)})

    codes = codes_on(page)
    assert len(codes) == 10 == len(set(codes))
    assert all(code in page.content.decode() for code in codes)
    assert "no-store" in page["Cache-Control"]
    assert StaticToken.objects.filter(device__user=alice).count() == 10
    later = client.get(reverse("two-factor")).content.decode()
    assert not any(code in later for code in codes)
    assert "10 backup codes left" in later


def test_a_backup_code_logs_in_in_place_of_the_app_and_is_then_gone(alice_with_codes, alice):
    _client, codes = alice_with_codes
    client = Client()
    log_in_with_password(client)

    response = client.post(reverse("login-code"), {"code": codes[0]})

    assert response.url == reverse("home")
    home = client.get(reverse("home"))
    assert home.context["user"] == alice and home.context["user"].is_verified()
    assert StaticToken.objects.filter(device__user=alice).count() == 9
    client.post(reverse("logout"))
    log_in_with_password(client)
    again = client.post(reverse("login-code"), {"code": codes[0]})
    assert again.status_code == 200
    assert "That code is not right" in again.content.decode()
    assert client.get(reverse("home")).status_code == 302


def test_a_backup_code_may_be_typed_in_capitals_with_a_space(alice_with_codes, alice):
    _client, codes = alice_with_codes
    client = Client()
    log_in_with_password(client)
    typed = f"{codes[1][:4]} {codes[1][4:]}".upper()

    assert client.post(reverse("login-code"), {"code": typed}).url == reverse("home")


def test_regenerating_replaces_every_old_code(alice_with_codes, alice):
    client, old = alice_with_codes

    page = client.post(reverse("two-factor-backup-codes"))

    new = codes_on(page)
    assert len(new) == 10 and not set(new) & set(old)
    assert "no-store" in page["Cache-Control"]
    assert sorted(StaticToken.objects.filter(device__user=alice).values_list("token", flat=True)) == sorted(new)
    other = Client()
    log_in_with_password(other)
    assert other.post(reverse("login-code"), {"code": new[0]}).url == reverse("home")
    other.post(reverse("logout"))
    log_in_with_password(other)
    assert "That code is not right" in other.post(reverse("login-code"), {"code": old[0]}).content.decode()


def test_regenerating_needs_a_verified_session(alice_client, alice):
    TOTPDevice.objects.create(user=alice, name="Authenticator app", confirmed=True)

    response = alice_client.post(reverse("two-factor-backup-codes"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("two-factor-setup"))
    assert not StaticToken.objects.exists()


def test_without_two_factor_there_are_no_backup_codes_to_make(alice_client, alice):
    response = alice_client.post(reverse("two-factor-backup-codes"))

    assert response.url == reverse("two-factor")
    assert not StaticDevice.objects.exists()


def test_the_settings_page_counts_the_codes_left_and_warns_when_few_remain(alice_client, alice):
    verify_session(alice_client, alice)
    device = StaticDevice.objects.create(user=alice, name="Backup codes")
    for token in ["aaaa1111", "bbbb2222", "cccc3333", "dddd4444"]:
        device.token_set.create(token=token)

    plenty = alice_client.get(reverse("settings")).content.decode()
    device.token_set.filter(token__in=["aaaa1111", "bbbb2222"]).delete()
    few = alice_client.get(reverse("settings")).content.decode()

    assert "4 backup codes left" in plenty and "Make new backup codes" not in plenty
    assert "2 backup codes left" in few
    assert "Make new backup codes before they run out" in few


def test_turning_two_factor_off_removes_the_backup_codes(alice_with_codes, alice):
    client, _codes = alice_with_codes

    client.post(reverse("two-factor-disable"), {"password": PASSWORD})

    assert not StaticDevice.objects.exists() and not StaticToken.objects.exists()


def test_staff_removing_only_the_authenticator_lets_the_user_in_with_the_password(alice_with_codes, alice):
    # The admin lists the app and the backup codes as two devices; deleting the app's must be enough.
    TOTPDevice.objects.filter(user=alice).delete()
    client = Client()

    assert log_in_with_password(client).url == reverse("home")
