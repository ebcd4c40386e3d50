"""Which organization a signed-in person is working in."""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils import timezone, translation

from accounts import permissions, services
from accounts.models import Organization
from accounts.notifications import ORGANIZATION_LINK_PARAMETER


class ActiveOrganizationMiddleware:
    """Set ``request.organization`` and ``request.membership`` for every request.

    The active organization is the one chosen with the switcher (kept in the
    session), falling back to the user's personal organization, then to their
    oldest membership; both are None for anonymous users and for someone who
    belongs to no organization. Must run after AuthenticationMiddleware.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        membership = None
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            switched_to = self._link_for_another_organization(request)
            if switched_to is not None:
                return switched_to
            membership = services.active_membership(user=user, session=request.session)
        request.membership = membership
        request.organization = membership.organization if membership else None
        return self.get_response(request)

    @staticmethod
    def _link_for_another_organization(request: HttpRequest) -> HttpResponse | None:
        """A link from a notification or e-mail names its organization (``?org=<slug>``): open it
        there, not in whichever organization the reader happens to be working in. Switches, then
        redirects to the same address without the parameter. Someone who is not a member is left
        where they are, and the page answers as it would without the parameter."""
        slug = request.GET.get(ORGANIZATION_LINK_PARAMETER)
        if request.method != "GET" or not slug or request.path.startswith("/api/"):
            return None
        organization = Organization.objects.filter(slug=slug).first()
        if organization is None or permissions.membership_of(request.user, organization) is None:
            return None
        services.switch_active_organization(user=request.user, organization=organization, session=request.session)
        query = request.GET.copy()
        del query[ORGANIZATION_LINK_PARAMETER]
        return HttpResponseRedirect(request.path + (f"?{query.urlencode()}" if query else ""))


class UserTimeZoneMiddleware:
    """Show every time in the signed-in person's own time zone.

    Times are stored in UTC; without this, pages would render them in the
    server's TIME_ZONE and a physician in Vancouver would see Toronto times.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            try:
                timezone.activate(zoneinfo.ZoneInfo(user.time_zone))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        else:
            timezone.deactivate()
        return self.get_response(request)


class UserLanguageMiddleware:
    """Speak the signed-in person's chosen language, whatever the browser asks for.

    Django's LocaleMiddleware has already picked one from the language cookie (the header's
    switcher) or Accept-Language; a choice saved in the person's profile wins over both.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        chosen = getattr(user, "language", "") if user is not None and user.is_authenticated else ""
        if chosen:
            translation.activate(chosen)
            request.LANGUAGE_CODE = chosen
        return self.get_response(request)
