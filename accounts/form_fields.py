"""Form fields shared by the accounts forms and the other apps' forms."""

from __future__ import annotations

import zoneinfo
from functools import cache

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy


@cache
def time_zone_choices() -> list[tuple[str, str]]:
    # Every zone the models accept, so a value set elsewhere (TIME_ZONE=GMT, the admin) never fails the form.
    return [(zone, zone.replace("_", " ")) for zone in sorted(zoneinfo.available_timezones())]


class TimeZoneField(forms.ChoiceField):
    """An IANA time zone, labelled with spaces for underscores; the server's zone unless told otherwise."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", gettext_lazy("Time zone"))
        kwargs.setdefault("initial", settings.TIME_ZONE)
        kwargs.setdefault("help_text", gettext_lazy("Posts are scheduled and shown in this time zone."))
        super().__init__(choices=time_zone_choices, **kwargs)
