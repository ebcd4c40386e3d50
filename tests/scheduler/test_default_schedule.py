"""The clinic default schedule the composer offers where there is none: weekdays at 08:30 and 12:15."""

from datetime import time

import pytest
from django.core.exceptions import PermissionDenied

from scheduler.models import PostingSchedule
from scheduler.schedules import (
    create_schedule,
    describe_default_slots,
    describe_slots,
    has_posting_schedule,
    set_up_default_schedule,
)


def test_the_default_is_weekdays_at_half_past_eight_and_a_quarter_past_noon_in_the_clinics_zone(org, alice):
    org.time_zone = "America/Halifax"
    org.save()

    schedule = set_up_default_schedule(org, by=alice)

    assert (schedule.account, schedule.time_zone) == (None, "America/Halifax")
    assert describe_slots(schedule) == [("Monday to Friday", "08:30, 12:15")]
    assert describe_default_slots() == "Monday to Friday at 08:30, 12:15"
    assert has_posting_schedule(org)


def test_setting_it_up_twice_keeps_the_first_and_its_times(org, alice):
    first = create_schedule(organization=org, by=alice, slots=[(5, time(10, 0))])

    assert set_up_default_schedule(org, by=alice) == first
    assert PostingSchedule.objects.count() == 1
    assert describe_slots(first) == [("Saturday", "10:00")]


def test_only_roles_that_edit_schedules_may_set_it_up(org, bob):
    with pytest.raises(PermissionDenied):
        set_up_default_schedule(org, by=bob)  # an editor schedules posts, but not the clinic's hours
    assert not has_posting_schedule(org)
