"""The Django admin requires two-factor: a staff session must have been verified with a code."""

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import UserFactory
from tests.fixtures import verify_session


@pytest.fixture
def staff(db):
    return UserFactory(email="staff@example.org", is_staff=True, is_superuser=True)


@pytest.fixture
def unverified_staff_client(staff):
    client = Client()
    client.force_login(staff, backend="django.contrib.auth.backends.ModelBackend")
    return client


ADMIN_PAGES = ["/admin/", "/admin/accounts/organization/", "/admin/accounts/user/", "/admin/otp_totp/totpdevice/"]


@pytest.mark.parametrize("url", ADMIN_PAGES)
def test_a_staff_session_without_a_verified_device_cannot_reach_admin_pages(unverified_staff_client, url):
    response = unverified_staff_client.get(url, follow=True)

    assert response.redirect_chain, url
    assert response.request["PATH_INFO"] == reverse("two-factor-setup")
    assert b"site administration" not in response.content.lower()


def test_staff_with_a_device_but_an_unverified_session_are_asked_for_a_code(unverified_staff_client, staff):
    TOTPDevice.objects.create(user=staff, name="Authenticator app", confirmed=True)

    page = unverified_staff_client.get("/admin/", follow=True)

    assert page.request["PATH_INFO"] == reverse("two-factor-setup")
    assert "this session has not been verified" in page.content.decode()
    assert "The administration pages require two-factor authentication." in page.content.decode()


@pytest.mark.parametrize("url", ADMIN_PAGES)
def test_a_verified_staff_session_reaches_admin_pages(unverified_staff_client, staff, url):
    verify_session(unverified_staff_client, staff)

    assert unverified_staff_client.get(url).status_code == 200


# Every model the plain admin site had before it became the two-factor one, plus backup codes.
REGISTERED = [
    "accounts.ApiToken", "accounts.ConnectedAccount", "accounts.Invitation", "accounts.Membership",
    "accounts.Notification", "accounts.Organization", "accounts.User", "auth.Group",
    "axes.AccessAttempt", "axes.AccessFailureLog", "axes.AccessLog",
    "otp_totp.TOTPDevice", "otp_static.StaticDevice",
]  # fmt: skip


def test_every_model_stays_registered_on_the_two_factor_admin_site():
    from django_otp.admin import OTPAdminSite

    assert isinstance(admin.site, OTPAdminSite)
    # Named "admin", so reverse("admin:…") and the admin's own templates keep working.
    assert admin.site.name == "admin"
    assert {m._meta.label for m in admin.site._registry} >= set(REGISTERED)
