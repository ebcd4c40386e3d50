"""The audit page's filters: each one optional, each refused in plain words when malformed."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Organization
from audit.models import Action, AuditEvent
from physsocial import input_rules

# Beyond these a day is a typo, and the day after 9999-12-31 does not exist.
FIRST_DAY, LAST_DAY = date(1970, 1, 1), date(2999, 12, 31)


def actor_choices(organization: Organization) -> list[tuple[str, str]]:
    """Everyone who appears in the trail (former members too), by their latest name."""
    names: dict[int, str] = {}
    rows = AuditEvent.objects.filter(organization=organization).exclude(actor_id=None)
    for actor_id, name in rows.order_by("at").values_list("actor_id", "actor_name").distinct():
        names[actor_id] = name
    return [("", _("Anyone"))] + sorted(((str(pk), name) for pk, name in names.items()), key=lambda c: c[1].lower())


class AuditFilterForm(forms.Form):
    actor = forms.TypedChoiceField(label=_("Who"), required=False, coerce=int, empty_value=None)
    action = forms.ChoiceField(label=_("What"), required=False, choices=[("", _("Everything")), *Action.choices])
    post = forms.IntegerField(
        label=_("Post number"),
        required=False,
        min_value=1,
        max_value=input_rules.MAX_ID,
        error_messages={"invalid": _("Give a post's number, such as 12.")},
    )
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    end = forms.DateField(
        label=_("To (inclusive)"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args: Any, organization: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organization = organization
        self.fields["actor"].choices = actor_choices(organization)

    def _check_day(self, name: str) -> Any:
        day = self.cleaned_data.get(name)
        if day is not None and not (FIRST_DAY <= day <= LAST_DAY):
            raise forms.ValidationError(_("Give a day between 1970 and 2999."))
        return day

    def clean_start(self) -> Any:
        return self._check_day("start")

    def clean_end(self) -> Any:
        return self._check_day("end")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("The last day comes before the first; swap them."))
        return data

    def _moment(self, day: Any) -> datetime:
        """Midnight of ``day`` in the organization's zone, the days people read on the page."""
        return datetime.combine(day, time(), tzinfo=ZoneInfo(self.organization.time_zone))

    def filters(self) -> dict[str, Any]:
        """The valid filters as ``audit.services.events_of`` takes them (call after ``is_valid``)."""
        data = self.cleaned_data
        return {
            "actor_id": data.get("actor"),
            "action": data.get("action") or None,
            "post_id": data.get("post"),
            "since": self._moment(data["start"]) if data.get("start") else None,
            "until": self._moment(data["end"] + timedelta(days=1)) if data.get("end") else None,
        }
