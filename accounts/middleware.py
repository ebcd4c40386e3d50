"""Which organization a signed-in person is working in."""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from accounts import services


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
            membership = services.active_membership(user=user, session=request.session)
        request.membership = membership
        request.organization = membership.organization if membership else None
        return self.get_response(request)


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
