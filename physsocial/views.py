"""The pages of the shell: home, settings, and the sections still to come."""

from __future__ import annotations

import functools
import hashlib

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import etag
from django.views.i18n import JavaScriptCatalog

from accounts import permissions, two_factor
from accounts.forms_auth import ProfileForm
from accounts.forms_notifications import NotificationPreferencesForm
from physsocial.i18n import LOCALE_DIR
from scheduler import calendar
from scheduler.dashboard import dashboard_for, fix_permissions


@login_required
def home(request: HttpRequest) -> HttpResponse:
    context = {"has_two_factor": two_factor.has_two_factor(request.user)}
    membership = request.membership
    if membership is not None and permissions.role_allows(membership.role, "post.view"):
        dashboard = dashboard_for(request.organization, time_zone=request.user.time_zone)
        may_decide = permissions.approval_checker(request.user, request.organization)
        context["dashboard"] = dashboard
        context.update(
            fix_permissions(membership.role),
            # The posts this person may approve: the organization's approval settings, not merely their role.
            reviewable={post.pk for post in dashboard.review.items if may_decide(post.author_id)},
        )
    return render(request, "home.html", context)


def _calendar_feed_url(request: HttpRequest) -> str:
    """The person's private calendar address for the organization they work in, if they may see its posts."""
    organization = request.organization
    if organization is None or not permissions.can(request.user, "post.view", organization):
        return ""
    return calendar.feed_url(calendar.feed_for(request.user, organization))


@login_required
def settings_page(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        language = user.language or translation.get_language_from_request(request)
        # Said in the language just chosen, and kept by the cookie after signing out.
        translation.activate(language)
        messages.success(request, _("Your profile is saved."))
        response = redirect("settings")
        if user.language:
            secure = request.is_secure()
            response.set_cookie(settings.LANGUAGE_COOKIE_NAME, user.language, samesite="Lax", secure=secure)
        return response
    backup_codes_left = two_factor.backup_codes_left(request.user)
    context = {
        "form": form,
        "has_two_factor": two_factor.has_two_factor(request.user),
        "backup_codes_left": backup_codes_left,
        "backup_codes_few": backup_codes_left <= two_factor.BACKUP_CODES_FEW,
        "calendar_feed_url": _calendar_feed_url(request),
        "notification_form": NotificationPreferencesForm(user=request.user),
    }
    return render(request, "settings/index.html", context)


@functools.cache
def javascript_catalogue_version() -> str:
    """A short digest of the compiled JavaScript catalogues, read once per process: it changes
    when a deploy brings new translations, so browsers fetch the catalogue again."""
    digest = hashlib.sha256()
    for mo_path in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/djangojs.mo")):
        digest.update(mo_path.read_bytes())
    return digest.hexdigest()[:12]


# An hour in the browser, then a cheap revalidation: the ETag changes when the catalogues are compiled again.
@cache_control(public=True, max_age=3600)
@etag(lambda request, language: f"{language}-{javascript_catalogue_version()}")
def javascript_catalog(request: HttpRequest, language: str) -> HttpResponse:
    """Django's JavaScript catalogue in ``language`` (gettext, ngettext, interpolate, get_format),
    whatever language the rest of the request speaks: the address names it, so caches keep one per language."""
    if language not in dict(settings.LANGUAGES):
        raise Http404
    with translation.override(language):
        response = JavaScriptCatalog.as_view()(request)
    response["Content-Language"] = language  # LocaleMiddleware would name the request's language
    return response
