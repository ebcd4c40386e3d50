"""The rules every piece of input obeys, wherever it arrives: the API, a form, the composer.

One place, so the API's serializers (``physsocial.api_input``), the forms and the services
refuse the same things with the same sentences:

* Text refuses NUL (PostgreSQL's text and jsonb cannot hold it) and lone UTF-16 surrogates
  ("\\ud800" in JSON), which cannot be encoded as UTF-8: a post holding one could be saved
  but never shown again.
* An id is a whole number from 1 to 2^63 - 1, what PostgreSQL's bigint (and SQLite's
  INTEGER) can hold; anything larger made the database driver overflow.
* A time lies between ``EARLIEST`` and ``LATEST``, so it converts to every time zone
  (Python's datetime stops at year 9999); a time to publish lies within the horizon
  (``SCHEDULE_HORIZON_DAYS``).
* A flag is ``True`` or ``False``: "maybe" is not "no".
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_ID = 2**63 - 1
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
LATEST = datetime(2999, 12, 31, 23, 59, 59, tzinfo=UTC)
DEFAULT_HORIZON_DAYS = 730
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def unstorable_message(field: str) -> str:
    return _(
        "%(field)s contains a character that cannot be saved (a null character or half of an emoji). "
        "Remove it and try again."
    ) % {"field": field}


def check_text(value: str, *, field: str) -> str:
    """``value`` unchanged, or ValidationError naming ``field`` (in words, e.g. "The YouTube title")."""
    if _UNSTORABLE.search(value):
        raise ValidationError(unstorable_message(field), code="unstorable")
    return value


def check_texts_in(value: Any, *, field: str) -> Any:
    """``check_text`` on every string in a JSON value (keys too), such as a network's options."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            check_text(item, field=field)
        elif isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list | tuple):
            pending.extend(item)
    return value


def parse_id(value: Any) -> int | None:
    """``value`` as an id (an int, or digits in a form), or None when it cannot be one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        value = value.strip()
        if not value.isascii() or not value.isdigit() or len(value) > 19:
            return None
        value = int(value)
    if not isinstance(value, int) or not 1 <= value <= MAX_ID:
        return None
    return value


def check_flag(value: Any, *, field: str) -> bool:
    if not isinstance(value, bool):
        raise ValidationError(_("%(field)s must be true or false.") % {"field": field}, code="not_a_flag")
    return value


def horizon() -> timedelta:
    return timedelta(days=getattr(settings, "SCHEDULE_HORIZON_DAYS", DEFAULT_HORIZON_DAYS))


def out_of_range_message() -> str:
    return _("Pick a date between %(earliest)s and %(latest)s.") % {
        "earliest": EARLIEST.year,
        "latest": LATEST.year,
    }


def check_time_range(value: datetime) -> datetime:
    """An aware or naive (wall-clock) time between EARLIEST and LATEST, or ValidationError.

    Compares the calendar date before any conversion, since converting a time near year
    9999 (or 1) to another zone is what overflows.
    """
    if not EARLIEST.year <= value.year <= LATEST.year:
        raise ValidationError(out_of_range_message(), code="out_of_range")
    return value


def check_within_horizon(value: datetime, *, now: datetime) -> datetime:
    days = horizon().days
    if value > now + horizon():
        raise ValidationError(
            _("That is more than %(days)s days away; pick a time within the next %(days)s days.") % {"days": days},
            code="beyond_horizon",
        )
    return value


def safe_astimezone(value: datetime, zone: tzinfo) -> datetime:
    """``value`` in ``zone``; a time stored too near the calendar's ends stays in UTC instead of overflowing.

    Older versions accepted such times; showing them must not break a page.
    """
    try:
        return value.astimezone(zone)
    except OverflowError:
        return value.astimezone(UTC)


class TextFormField(forms.CharField):
    """A form's text, refusing NUL and lone surrogates in the same words as the API."""

    def clean(self, value: Any) -> Any:
        if isinstance(value, str):
            check_text(value, field=str(self.label or _("This field")))
        return super().clean(value)
