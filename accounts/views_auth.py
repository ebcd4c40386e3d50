"""Signing up, logging in (with a second step for two-factor) and out, and passwords.

Django's own auth views do the work wherever they fit; these subclasses add
the e-mail wording, messages and the two-factor step.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse, reverse_lazy
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login

from accounts import services, throttling, two_factor
from accounts.forms_auth import (
    CodeForm,
    CodeOrBackupCodeForm,
    DisableTwoFactorForm,
    EmailAuthenticationForm,
    ResetInTheirLanguageForm,
    SignUpForm,
)

# Between the password step and the code step the session holds who passed
# the password, and nothing more: the user is not logged in until the code.
PENDING_SESSION_KEY = "physsocial_pending_two_factor"
PENDING_VALID_S = 5 * 60
PENDING_MAX_CODE_ATTEMPTS = 5


def safe_next(request: HttpRequest, value: str | None = None) -> str:
    """``value`` (or ``?next=``/POST ``next``) when it points into this site, else ""."""
    if value is None:
        value = request.POST.get("next") or request.GET.get("next") or ""
    if value and url_has_allowed_host_and_scheme(value, {request.get_host()}, require_https=request.is_secure()):
        return value
    return ""


def _with_next(url: str, next_url: str) -> str:
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


@sensitive_post_parameters("password1", "password2")
@csrf_protect
@never_cache
def sign_up(request: HttpRequest) -> HttpResponse:
    next_url = safe_next(request)
    if request.user.is_authenticated:
        return redirect(next_url or settings.LOGIN_REDIRECT_URL)
    form = SignUpForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        wait = throttling.refused_for(request, throttling.AddressRateThrottle("signup"))
        if wait is not None:
            message = _("Too many sign-ups have been tried from your network. Please try again in %(wait)s.")
            form.add_error(None, message % {"wait": throttling.wait_in_words(wait)})
            response = render(request, "registration/signup.html", {"form": form, "next": next_url})
            return throttling.with_retry_after(response, wait)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.sign_up(
                email=data["email"],
                password=data["password1"],
                display_name=data["display_name"],
                professional_title=data["professional_title"],
                time_zone=data["time_zone"],
            )
        except ValidationError as e:
            form.add_service_errors(e.message_dict)
        else:
            auth_login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request,
                _("Welcome to PhysSocial, %(name)s. Your account is ready.") % {"name": user.get_short_name()},
            )
            return redirect(next_url or settings.LOGIN_REDIRECT_URL)
    return render(request, "registration/signup.html", {"form": form, "next": next_url})


class LoginView(auth_views.LoginView):
    """E-mail and password; then, for users with two-factor, a code on the next page."""

    form_class = EmailAuthenticationForm
    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        # django-axes pauses an account after a few wrong passwords; this pauses an address that has
        # had too many, over all accounts, before any password is checked.
        by_address = throttling.LoginFailuresByAddress()
        if by_address.is_spent(request):
            wait = by_address.wait()
            context = {"failure_limit": settings.LOGIN_ADDRESS_FAILURE_LIMIT, "wait": throttling.wait_in_words(wait)}
            return throttling.with_retry_after(render(request, settings.AXES_LOCKOUT_TEMPLATE, context), wait)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        user = form.get_user()
        if not two_factor.has_two_factor(user):
            return super().form_valid(form)
        self.request.session[PENDING_SESSION_KEY] = {
            "user_id": user.pk,
            "backend": user.backend,
            "started_at": time.time(),
            "attempts": 0,
            "next": self.get_redirect_url(),
        }
        return redirect("login-code")


def _pending(request: HttpRequest) -> dict | None:
    pending = request.session.get(PENDING_SESSION_KEY)
    if not pending or time.time() - pending["started_at"] > PENDING_VALID_S:
        return None
    return pending


@sensitive_post_parameters("code")
@csrf_protect
@never_cache
def login_code(request: HttpRequest) -> HttpResponse:
    """The second step of logging in: a code from the user's authenticator app."""
    pending = _pending(request)
    if pending is None:
        if request.session.pop(PENDING_SESSION_KEY, None) is not None:
            messages.error(request, _("Please log in again: the code must follow the password within five minutes."))
        else:
            messages.error(request, _("Please log in with your e-mail address and password first."))
        return redirect("login")
    user = get_user_model().objects.filter(pk=pending["user_id"], is_active=True).first()
    if user is None:
        request.session.pop(PENDING_SESSION_KEY, None)
        return redirect("login")

    form = CodeOrBackupCodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        device = two_factor.verify_code(user, form.cleaned_data["code"])
        if device is not None:
            del request.session[PENDING_SESSION_KEY]
            auth_login(request, user, backend=pending["backend"])
            otp_login(request, device)
            return redirect(safe_next(request, pending["next"]) or resolve_url(settings.LOGIN_REDIRECT_URL))
        pending["attempts"] += 1
        if pending["attempts"] >= PENDING_MAX_CODE_ATTEMPTS:
            del request.session[PENDING_SESSION_KEY]
            messages.error(request, _("Too many wrong codes. Please log in again."))
            return redirect("login")
        request.session[PENDING_SESSION_KEY] = pending
        form.add_error("code", two_factor.wrong_code_message(two_factor.confirmed_device(user)))
    return render(request, "two_factor/login_code.html", {"form": form})


class LogoutView(auth_views.LogoutView):
    """POST only (Django's default): a link or a prefetch cannot log anyone out."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, _("You have logged out."))
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """Always answers "check your inbox", whether or not the address has an account."""

    template_name = "registration/password_reset_form.html"
    form_class = ResetInTheirLanguageForm
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"

    def post(self, request, *args, **kwargs):
        wait = throttling.refused_for(request, throttling.AddressRateThrottle("password_reset_address"))
        if wait is not None:
            message = _("Too many password resets have been asked for from your network. Please try again in %(wait)s.")
            return self.refused(self.get_form(), message, wait)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        # Counted whether or not the address has an account, so the answer tells nothing about it.
        per_email = throttling.EmailRateThrottle("password_reset_email", form.cleaned_data["email"])
        wait = throttling.refused_for(self.request, per_email)
        if wait is not None:
            message = _(
                "We have already sent several password reset e-mails to this address. Please check your inbox "
                "and spam folder, or ask for a new link in %(wait)s."
            )
            return self.refused(form, message, wait)
        # The link is built from PUBLIC_BASE_URL, not from the request's Host
        # header, so the e-mail points at the real site behind any proxy.
        self.extra_email_context = {"base_url": settings.PUBLIC_BASE_URL}
        return super().form_valid(form)

    def refused(self, form, message: str, wait: float) -> HttpResponse:
        form.add_error(None, message % {"wait": throttling.wait_in_words(wait)})
        return throttling.with_retry_after(self.render_to_response(self.get_context_data(form=form)), wait)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "registration/password_reset_confirm.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "registration/password_change_form.html"
    success_url = reverse_lazy("settings")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Your password has been changed."))
        return response


def _backup_codes_context(user) -> dict:
    left = two_factor.backup_codes_left(user)
    return {"backup_codes_left": left, "backup_codes_few": left <= two_factor.BACKUP_CODES_FEW}


@login_required
def two_factor_overview(request: HttpRequest) -> HttpResponse:
    device = two_factor.confirmed_device(request.user)
    return render(request, "two_factor/overview.html", {"device": device, **_backup_codes_context(request.user)})


def _show_backup_codes(request: HttpRequest, codes: list[str], *, next_url: str) -> HttpResponse:
    """The one page that shows backup codes; never cached, and the codes never sit in the session."""
    context = {"backup_codes": codes, "next": next_url or reverse("two-factor")}
    response = render(request, "two_factor/backup_codes.html", context)
    add_never_cache_headers(response)
    return response


@sensitive_post_parameters("code")
@login_required
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """Scan, then confirm with a code; or, with two-factor already on, verify this session."""
    next_url = safe_next(request)
    existing = two_factor.confirmed_device(request.user)
    if existing is not None:
        if request.user.is_verified():
            messages.info(request, _("Two-factor authentication is already on."))
            return redirect(next_url or "two-factor")
        return _verify_session(request, next_url)

    device = two_factor.start_setup(request.user)
    form = CodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        codes = two_factor.confirm_setup(device, form.cleaned_data["code"])
        if codes is not None:
            otp_login(request, device)
            two_factor.end_other_sessions(request)
            messages.success(
                request,
                _(
                    "Two-factor authentication is on. You will be asked for a code when you log in; "
                    "any other session of yours has been logged out."
                ),
            )
            return _show_backup_codes(request, codes, next_url=next_url)
        form.add_error("code", two_factor.wrong_code_message(device))
    context = {
        "form": form,
        "next": next_url,
        "qr_code": two_factor.qr_code_svg(device),
        "secret": two_factor.secret_for_display(device),
    }
    return render(request, "two_factor/setup.html", context)


def _verify_session(request: HttpRequest, next_url: str) -> HttpResponse:
    """A user with a device whose session was not verified (e.g. the device was added elsewhere)."""
    form = CodeOrBackupCodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        device = two_factor.verify_code(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            messages.success(request, _("Thank you, this session is verified."))
            return redirect(next_url or settings.LOGIN_REDIRECT_URL)
        form.add_error("code", two_factor.wrong_code_message(two_factor.confirmed_device(request.user)))
    return render(request, "two_factor/verify.html", {"form": form, "next": next_url})


@login_required
@two_factor.verified_session_required
@require_http_methods(["GET", "POST"])
def two_factor_backup_codes(request: HttpRequest) -> HttpResponse:
    """How many backup codes are left (GET); a new set, replacing the old one (POST)."""
    if two_factor.confirmed_device(request.user) is None:
        messages.info(request, _("Backup codes come with two-factor authentication; set it up first."))
        return redirect("two-factor")
    if request.method == "POST":
        codes = two_factor.regenerate_backup_codes(request.user)
        messages.success(request, _("Here are your new backup codes. The old ones no longer work."))
        return _show_backup_codes(request, codes, next_url=reverse("two-factor"))
    return render(request, "two_factor/backup_codes_regenerate.html", _backup_codes_context(request.user))


@sensitive_post_parameters("code", "password")
@login_required
@two_factor.verified_session_required
def two_factor_disable(request: HttpRequest) -> HttpResponse:
    if two_factor.confirmed_device(request.user) is None:
        return redirect("two-factor")
    form = DisableTwoFactorForm(request.POST if request.method == "POST" else None, request=request)
    if request.method == "POST" and form.is_valid():
        two_factor.disable(request.user)
        messages.success(request, _("Two-factor authentication is off. Only your password protects your account now."))
        return redirect("two-factor")
    return render(request, "two_factor/disable.html", {"form": form})


def admin_login(request: HttpRequest) -> HttpResponse:
    """Send the admin's login through ours, so staff cannot skip the two-factor step."""
    next_url = safe_next(request) or reverse("admin:index")
    if request.user.is_authenticated:
        if not request.user.is_staff:
            messages.error(request, _("Your account does not have access to the administration pages."))
            return redirect(settings.LOGIN_REDIRECT_URL)
        if not two_factor.is_verified(request.user):
            # The admin site lets only verified sessions in (accounts/admin_site.py); sending
            # an unverified one back to the admin would loop.
            messages.warning(request, _("The administration pages require two-factor authentication."))
            return redirect(_with_next(reverse("two-factor-setup"), next_url))
        return redirect(next_url)
    return redirect(_with_next(resolve_url(settings.LOGIN_URL), next_url))
