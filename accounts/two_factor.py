"""Two-factor authentication with TOTP authenticator apps and backup codes (django-otp).

A user has at most one confirmed ``TOTPDevice``. Setting up creates an
unconfirmed device whose secret the user scans; it becomes confirmed only
after they type a code from it, so a half-finished setup never locks anyone
out. django-otp's ``ThrottlingMixin`` slows down repeated wrong codes.

Turning two-factor on also gives the user ten backup codes (a ``StaticDevice``
with ``StaticToken`` rows), shown once. Each logs in once in place of a code
from the app. Making new ones replaces all the old ones, and needs a session
verified with a code.

Turning two-factor on ends the user's other sessions: a session that signed in
with the password alone must not carry on as if it had passed the second step.

Recovery when a phone is lost: log in with a backup code, turn two-factor off
and set it up again with the new phone (which also gives new backup codes).
Without a backup code, staff delete the user's devices in the Django admin
(Django OTP > TOTP devices and Static devices); the user then logs in with the
password alone and sets up again. The admin itself requires two-factor, so
the staff member must have it.

Which actions need a verified session is decided in one place: every action
of ``accounts.permissions`` in an organization that requires two-factor (see
``permissions.lacks_required_two_factor``), and, for the user's own
two-factor settings, ``verified_session_required`` below.
"""

from __future__ import annotations

import base64
import functools
import math
from collections.abc import Callable
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, update_session_auth_hash
from django.db import transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django_otp import verify_token as otp_verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "Authenticator app"
BACKUP_DEVICE_NAME = "Backup codes"
BACKUP_CODE_COUNT = 10
#: From this many codes left down, the settings pages ask for new ones.
BACKUP_CODES_FEW = 3


def confirmed_device(user) -> TOTPDevice | None:
    """The user's confirmed authenticator device, if two-factor is on."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("pk").first()


def has_two_factor(user) -> bool:
    """Whether two-factor is on: the user has a confirmed authenticator.

    Backup codes alone do not count. They stand in for the app, and a user whose
    app device staff deleted (a lost phone) must be able to log in with the
    password and set up again, not be asked for a code they cannot give.
    """
    return user.is_authenticated and confirmed_device(user) is not None


def start_setup(user) -> TOTPDevice:
    """The unconfirmed device the user is setting up, created on first call.

    Safe to call again: reloading the setup page keeps the same secret, so a
    code from an app that already scanned it still works.
    """
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def confirm_setup(device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm ``device`` if ``token`` is its current code; returns the new backup codes, or None.

    Any other devices of the user are removed, so "one confirmed device"
    holds even if setup was started twice in two tabs; so are any old backup
    codes. The codes are returned only here and by ``regenerate_backup_codes``:
    show them once.
    """
    verified = otp_verify_token(device.user, device.persistent_id, token.strip())
    if verified is None:
        return None
    with transaction.atomic():
        TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
        TOTPDevice.objects.filter(pk=device.pk).update(confirmed=True)
        codes = _replace_backup_codes(device.user)
    device.confirmed = True
    return codes


def _normalize_backup_code(token: str) -> str:
    # Codes are shown in lower case; people copy them with spaces or type capitals.
    return "".join(token.split()).replace("-", "").lower()


def verify_code(user, token: str) -> TOTPDevice | StaticDevice | None:
    """The device that accepts ``token`` (the authenticator app's six digits, or a backup code), else None.

    A code is accepted once: django-otp remembers the authenticator's last time
    step used, and deletes a backup code when it is used. Six digits are asked
    only of the app and anything else only of the backup codes, so a backup
    code does not count as a wrong app code in django-otp's throttling.
    """
    device = confirmed_device(user)
    if device is None:
        return None
    token = "".join(token.split())
    if token.isdigit() and len(token) == device.digits:
        return otp_verify_token(user, device.persistent_id, token)
    backup = backup_device(user)
    if backup is None:
        return None
    return otp_verify_token(user, backup.persistent_id, _normalize_backup_code(token))


def backup_device(user) -> StaticDevice | None:
    """The device holding the user's backup codes, if they have one."""
    return StaticDevice.objects.devices_for_user(user, confirmed=True).order_by("pk").first()


def backup_codes_left(user) -> int:
    """How many unused backup codes the user has."""
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def _replace_backup_codes(user) -> list[str]:
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=BACKUP_DEVICE_NAME, defaults={"confirmed": True}
    )
    StaticDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.token_set.all().delete()
    codes: list[str] = []
    while len(codes) < BACKUP_CODE_COUNT:
        code = StaticToken.random_token()
        if code not in codes:
            codes.append(code)
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def regenerate_backup_codes(user) -> list[str]:
    """New backup codes for ``user``, replacing every old one; returns them (show them once).

    Raises ValueError when the user has no two-factor: backup codes stand in
    for the authenticator app and mean nothing without it. Each call makes a
    new set.
    """
    if confirmed_device(user) is None:
        raise ValueError("Backup codes need two-factor authentication to be on.")
    with transaction.atomic():
        return _replace_backup_codes(user)


def end_other_sessions(request: HttpRequest) -> None:
    """Sign the requesting user out of every other session; this one stays, with its verification.

    Django checks each session against ``User.get_session_auth_hash()``;
    bumping ``session_generation`` changes that hash, and this session is
    given the new one. Safe to call twice (it just ends them again).
    """
    user = request.user
    get_user_model().objects.filter(pk=user.pk).update(session_generation=F("session_generation") + 1)
    user.refresh_from_db(fields=["session_generation"])
    update_session_auth_hash(request, user)


def wrong_code_message(device: TOTPDevice | None) -> str:
    """What to tell someone whose code was refused.

    After wrong codes django-otp refuses even the right one for 1, 2, 4, 8 …
    seconds; saying so spares people retyping a good code into the pause.
    """
    message = _("That code is not right, or it was already used. Wait for the next one and try again.")
    if device is not None:
        device.refresh_from_db()
        is_allowed, details = device.verify_is_allowed()
        locked_until = (details or {}).get("locked_until")
        if not is_allowed and locked_until is not None:
            seconds = math.ceil((locked_until - timezone.now()).total_seconds())
            if seconds > 1:
                message = _("That code is not right. After several wrong codes, please wait %(seconds)s seconds.") % {
                    "seconds": seconds
                }
    return message


def disable(user) -> None:
    """Turn two-factor off by removing every device of the user, backup codes too. Safe to run twice."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()


def verified_session_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """For a user's own two-factor settings: a user with two-factor must first verify this session.

    Without it, a session signed in with the password alone (before the device
    was added, or by someone who knows only the password) could turn the
    protection off or read new backup codes. Users without two-factor pass:
    there is nothing to verify with. Apply after ``login_required``.
    """

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if confirmed_device(request.user) is not None and not is_verified(request.user):
            messages.warning(request, _("Enter a code from your authenticator app first, to verify this session."))
            url = reverse("two-factor-setup")
            next_url = request.get_full_path() if request.method == "GET" else reverse("two-factor")
            return redirect(f"{url}?{urlencode({'next': next_url})}")
        return view(request, *args, **kwargs)

    return wrapped


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
    label = escape(_("QR code to scan with your authenticator app"))
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{label}" class="qr-code" ', 1)
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
        if is_verified(user):
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
        if has_two_factor(request.user):
            text = _(
                "%(organization)s requires two-factor authentication. "
                "Enter a code from your authenticator app, or a backup code, to continue."
            ) % {"organization": organization.name}
        else:
            text = _(
                "%(organization)s requires two-factor authentication for its members. "
                "Set it up to continue, or switch to another organization."
            ) % {"organization": organization.name}
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
