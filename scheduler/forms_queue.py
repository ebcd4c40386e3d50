"""Forms for the Queue page: the weekly schedule editor.

The editor is a grid: one row per local time, with a checkbox for each day it applies to
("08:30 on Monday to Friday"). Forms only parse what was typed; ``scheduler.schedules``
decides what is allowed, and its ValidationErrors are attached back with ``add_service_error``.
"""

from __future__ import annotations

from datetime import time

from django import forms
from django.utils.translation import gettext_lazy

from accounts.form_fields import TimeZoneField
from scheduler.models import PostingSchedule, ScheduleSlot

#: A blank row under the existing times; "Add a time" (static/js/schedule.js) adds more, and
#: without JavaScript saving offers another.
BLANK_ROWS = 1


class SlotRowForm(forms.Form):
    local_time = forms.TimeField(
        label="Time",
        required=False,
        input_formats=["%H:%M"],
        widget=forms.TimeInput(attrs={"type": "time", "step": 60}, format="%H:%M"),
    )
    weekdays = forms.TypedMultipleChoiceField(
        label="Days",
        choices=ScheduleSlot.Weekday.choices,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def clean(self):
        cleaned = super().clean()
        at, days = cleaned.get("local_time"), cleaned.get("weekdays")
        # A time with no day ticked is how a time is removed, so it is not an error.
        if days and at is None and not self.has_error("local_time"):
            self.add_error("local_time", "Enter a time for the days you picked, such as 08:30.")
        return cleaned


class BaseSlotRowFormSet(forms.BaseFormSet):
    def slots(self) -> list[tuple[int, time]]:
        """The (weekday, local time) pairs of every filled-in row."""
        pairs = []
        for form in self.forms:
            at = form.cleaned_data.get("local_time")
            for day in form.cleaned_data.get("weekdays") or []:
                pairs.append((day, at))
        return pairs


SlotRowFormSet = forms.formset_factory(SlotRowForm, formset=BaseSlotRowFormSet, extra=BLANK_ROWS, max_num=100)


class ScheduleForm(forms.Form):
    time_zone = TimeZoneField(help_text=gettext_lazy("The times below are in this time zone, whatever the season."))


def rows_for(schedule: PostingSchedule | None) -> list[dict]:
    """The editor's initial rows: one per distinct time, with the days it applies to."""
    if schedule is None:
        return []
    days_by_time: dict[time, list[int]] = {}
    for slot in schedule.slots.all():
        days_by_time.setdefault(slot.local_time, []).append(slot.weekday)
    return [{"local_time": at, "weekdays": sorted(days)} for at, days in sorted(days_by_time.items())]


def schedule_forms(
    data=None, *, schedule: PostingSchedule | None, time_zone: str
) -> tuple[ScheduleForm, BaseSlotRowFormSet]:
    """The editor's form and row formset, bound to ``data`` or filled in from ``schedule``."""
    form = ScheduleForm(data, initial={"time_zone": schedule.time_zone if schedule else time_zone})
    rows = SlotRowFormSet(data, initial=rows_for(schedule), prefix="slots")
    return form, rows
