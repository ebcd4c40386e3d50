"""The calendar's input: the visible range and its filters, and a dragged item's new time."""

from __future__ import annotations

import functools
from datetime import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from accounts.models import validate_time_zone
from physsocial import input_rules
from platforms import NETWORKS
from posts.models import TargetState
from scheduler.calendar import MAX_RANGE, SHOWN_STATES, CalendarFilters

RANGE_FORMATS = "2026-03-01, 2026-03-01T00:00:00 or 2026-03-01T00:00:00-05:00"


@functools.lru_cache(maxsize=128)
def _is_time_zone(value: str) -> bool:
    # Cached: validate_time_zone lists the zones on disk each time, which was 40% of a month's
    # CPU in bench/calendar_range.py; the page asks with the same one or two zones all day.
    try:
        validate_time_zone(value)
    except ValidationError:
        return False
    return True


def _time_zone(value: str) -> str:
    if not _is_time_zone(value):
        raise ValidationError(_("%(zone)s is not a time zone we know.") % {"zone": repr(value)[:70]})
    return value


def _parse_moment(value: str, *, zone: str, what: str) -> datetime:
    """An ISO date or date-time; one without an offset is read in ``zone`` (FullCalendar sends both)."""
    try:
        moment = datetime.fromisoformat(value.strip())
        input_rules.check_time_range(moment)
    except (ValueError, ValidationError):
        raise ValidationError(
            _("The %(what)s must be a date or a date and time, such as %(formats)s.")
            % {"what": what, "formats": RANGE_FORMATS}
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(zone))
    return moment


class CalendarRangeForm(forms.Form):
    """One visible range (``start`` inclusive, ``end`` exclusive) and the filters."""

    start = forms.CharField(max_length=40)
    end = forms.CharField(max_length=40)
    timeZone = forms.CharField(max_length=64, required=False)  # noqa: N815 - FullCalendar's parameter name
    account = forms.TypedMultipleChoiceField(required=False, coerce=int)
    author = forms.TypedMultipleChoiceField(required=False, coerce=int)
    campaign = forms.TypedMultipleChoiceField(required=False, coerce=int)
    network = forms.MultipleChoiceField(required=False, choices=[(network, network) for network in NETWORKS])
    state = forms.MultipleChoiceField(
        required=False, choices=[(state, TargetState(state).label) for state in SHOWN_STATES]
    )

    def __init__(self, data, *, account_ids: list[int], author_ids: list[int], campaign_ids: list[int] = ()) -> None:
        super().__init__(data)
        self.fields["campaign"].choices = [(pk, pk) for pk in campaign_ids]
        self.fields["campaign"].error_messages["invalid_choice"] = _(
            "That is not one of this organization's campaigns."
        )
        self.fields["account"].choices = [(pk, pk) for pk in account_ids]
        self.fields["author"].choices = [(pk, pk) for pk in author_ids]
        self.fields["account"].error_messages["invalid_choice"] = _("That is not one of this organization's accounts.")
        self.fields["author"].error_messages["invalid_choice"] = _("That is not one of this organization's members.")

    def clean_timeZone(self) -> str:  # noqa: N802
        return _time_zone(self.cleaned_data["timeZone"] or "UTC")

    def clean(self) -> dict:
        data = super().clean()
        if self.errors:
            return data
        zone = data["timeZone"]
        start = _parse_moment(data["start"], zone=zone, what=_("start"))
        end = _parse_moment(data["end"], zone=zone, what=_("end"))
        if end <= start:
            raise ValidationError(_("The end of the range must come after its start."))
        if end - start > MAX_RANGE:
            raise ValidationError(
                _("Ask for at most %(days)s days at a time.") % {"days": MAX_RANGE.days}, code="range_too_long"
            )
        data["start"], data["end"] = start, end
        data["filters"] = CalendarFilters(
            account_ids=frozenset(data["account"]),
            author_ids=frozenset(data["author"]),
            networks=frozenset(data["network"]),
            states=frozenset(data["state"]),
            campaign_ids=frozenset(data["campaign"]),
        )
        return data


class MoveForm(forms.Form):
    """A dragged item's new wall-clock time in the calendar's zone: "2026-03-09T09:30" and "America/Toronto".

    The wall-clock time, not an instant, so a post moved across a daylight-saving change keeps
    the time of day the calendar showed (see ``posts.services.local_to_aware``).
    """

    start = forms.CharField(max_length=40)
    time_zone = forms.CharField(max_length=64)

    def clean_start(self) -> datetime:
        value = self.cleaned_data["start"]
        try:
            moment = datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValidationError(_("Give the new time as a date and time, such as 2026-03-09T09:30.")) from None
        if moment.tzinfo is not None:
            raise ValidationError(_("Give the new time as the calendar shows it, without a UTC offset."))
        return moment

    def clean_time_zone(self) -> str:
        return _time_zone(self.cleaned_data["time_zone"])
