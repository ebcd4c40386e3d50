"""People see times in their own time zone, whatever the server's."""

from datetime import UTC, datetime

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone

from accounts.middleware import UserTimeZoneMiddleware

NOON_UTC = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)


def render_time_for(user) -> str:
    request = RequestFactory().get("/")
    request.user = user

    def view(request):
        from django.http import HttpResponse

        return HttpResponse(Template("{{ at|time:'H:i' }}").render(Context({"at": NOON_UTC})))

    try:
        return UserTimeZoneMiddleware(view)(request).content.decode()
    finally:
        timezone.deactivate()


@pytest.mark.django_db
def test_a_physician_in_vancouver_sees_pacific_time(alice):
    alice.time_zone = "America/Vancouver"
    assert render_time_for(alice) == "05:00"


@pytest.mark.django_db
def test_a_physician_in_toronto_sees_eastern_time(bob):
    bob.time_zone = "America/Toronto"
    assert render_time_for(bob) == "08:00"
