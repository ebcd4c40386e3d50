"""Two-factor authentication with TOTP authenticator apps (django-otp).

A user has at most one confirmed ``TOTPDevice``. Setting up creates an
unconfirmed device whose secret the user scans; it becomes confirmed only
after they type a code from it, so a half-finished setup never locks anyone
out. django-otp's ``ThrottlingMixin`` slows down repeated wrong codes.

Recovery when a phone is lost: staff delete the user's device in the Django
admin (Django OTP > TOTP devices); the user then logs in with the password
alone and sets up again.
"""

from __future__ import annotations

import base64
import math
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django_otp import user_has_device
from django_otp import verify_token as otp_verify_token
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "Authenticator app"


def confirmed_device(user) -> TOTPDevice | None:
    """The user's confirmed authenticator device, if two-factor is on."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("pk").first()


def has_two_factor(user) -> bool:
    return user.is_authenticated and user_has_device(user, confirmed=True)


def start_setup(user) -> TOTPDevice:
    """The unconfirmed device the user is setting up, created on first call.

    Safe to call again: reloading the setup page keeps the same secret, so a
    code from an app that already scanned it still works.
    """
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def confirm_setup(device: TOTPDevice, token: str) -> bool:
    """Confirm ``device`` if ``token`` is its current code; False otherwise.

    Any other devices of the user are removed, so "one confirmed device"
    holds even if setup was started twice in two tabs.
    """
    verified = otp_verify_token(device.user, device.persistent_id, token.strip())
    if verified is None:
        return False
    with transaction.atomic():
        TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
        TOTPDevice.objects.filter(pk=device.pk).update(confirmed=True)
    device.confirmed = True
    return True


def verify_code(user, token: str) -> TOTPDevice | None:
    """The user's confirmed device if ``token`` is its current code, else None.

    A code is accepted once: django-otp remembers the last time step used.
    """
    device = confirmed_device(user)
    if device is None:
        return None
    return otp_verify_token(user, device.persistent_id, token.strip())


def wrong_code_message(device: TOTPDevice | None) -> str:
    """What to tell someone whose code was refused.

    After wrong codes django-otp refuses even the right one for 1, 2, 4, 8 …
    seconds; saying so spares people retyping a good code into the pause.
    """
    message = "That code is not right, or it was already used. Wait for the next one and try again."
    if device is not None:
        device.refresh_from_db()
        is_allowed, details = device.verify_is_allowed()
        locked_until = (details or {}).get("locked_until")
        if not is_allowed and locked_until is not None:
            seconds = math.ceil((locked_until - timezone.now()).total_seconds())
            if seconds > 1:
                message = f"That code is not right. After several wrong codes, please wait {seconds} seconds."
    return message


def disable(user) -> None:
    """Turn two-factor off by removing every device of the user. Safe to run twice."""
    TOTPDevice.objects.filter(user=user).delete()


def is_verified(user) -> bool:
    """Whether this request's session entered a code (django-otp sets ``is_verified`` on request users)."""
    check = getattr(user, "is_verified", None)
    return callable(check) and check()


def secret_for_display(device: TOTPDevice) -> str:
    """The base32 secret in groups of four, for typing into an app by hand."""
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device: TOTPDevice) -> SafeString:
    """The device's otpauth:// URL as an inline SVG QR code.

    A white background keeps it scannable in dark mode. The SVG is built by
    the qrcode package from our own URL, never from user-written markup.
    """
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathFillImage, box_size=10)
    svg = image.to_string(encoding="unicode")
    svg = svg.replace(
        "<svg ", '<svg role="img" aria-label="QR code to scan with your authenticator app" class="qr-code" ', 1
    )
    return mark_safe(svg)  # noqa: S308 - generated by qrcode from our own otpauth URL


# Pages a member must still reach while their organization is waiting for them
# to set up two-factor: the setup itself, logging out, and switching away.
EXEMPT_URL_NAMES = frozenset({"two-factor-setup", "logout", "organization-switch", "organization-leave"})


class RequireTwoFactorMiddleware:
    """Send members of an organization that requires two-factor to the setup page.

    Runs after the active-organization middleware, which sets
    ``request.organization``; without it (anonymous users, no membership)
    this middleware does nothing. A user counts as having two-factor only
    when this session was verified with a code (django-otp's
    ``user.is_verified()``), not merely when a device exists.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._must_set_up(request):
            return self._send_to_setup(request)
        return self.get_response(request)

    def _must_set_up(self, request: HttpRequest) -> bool:
        organization = getattr(request, "organization", None)
        if organization is None or not getattr(organization, "requires_two_factor", False):
            return False
        user = request.user
        if not user.is_authenticated:
            return False
        is_verified = getattr(user, "is_verified", None)
        if is_verified is not None and is_verified():
            return False
        return not self._is_exempt(request.path_info)

    @staticmethod
    def _is_exempt(path: str) -> bool:
        if path.startswith("/" + settings.STATIC_URL.lstrip("/")):
            return True
        try:
            match = resolve(path)
        except Resolver404:
            return False
        return match.url_name in EXEMPT_URL_NAMES

    @staticmethod
    def _send_to_setup(request: HttpRequest) -> HttpResponse:
        organization = request.organization
        if user_has_device(request.user, confirmed=True):
            text = (
                f"{organization.name} requires two-factor authentication. "
                "Enter a code from your authenticator app to continue."
            )
        else:
            text = (
                f"{organization.name} requires two-factor authentication for its members. "
                "Set it up to continue, or switch to another organization."
            )
        url = reverse("two-factor-setup")
        if request.method == "GET":
            url = f"{url}?{urlencode({'next': request.get_full_path()})}"
        if request.headers.get("HX-Request"):
            # An htmx request would follow a 302 and swap the setup page into a
            # fragment; HX-Redirect makes htmx load it as a whole page instead.
            response = HttpResponse(status=204)
            response["HX-Redirect"] = url
        else:
            response = redirect(url)
        messages.warning(request, text)
        return response
