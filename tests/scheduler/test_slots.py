"""Slots: a weekly schedule's local times become aware UTC instants, in order; the next free one skips held slots."""

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from accounts.models import ConnectedAccount
from posts.models import Post, PostTarget, TargetState
from scheduler.models import PostingSchedule
from scheduler.schedules import create_schedule, next_free_slot, schedule_for, upcoming_slots

TORONTO = ZoneInfo("America/Toronto")
WEEKDAYS_0830_1215 = [(day, at) for day in range(5) for at in (time(8, 30), time(12, 15))]


def toronto(*args) -> datetime:
    return datetime(*args, tzinfo=TORONTO)


@pytest.fixture
def account(org):
    return ConnectedAccount.objects.create(
        organization=org, network="twitter", kind="x_user", external_id="42", display_name="Dr. Adams on X"
    )


@pytest.fixture
def schedule(org, alice):
    """Alice's Clinic's default: Monday to Friday at 08:30 and 12:15, Toronto time."""
    return create_schedule(organization=org, slots=WEEKDAYS_0830_1215, time_zone="America/Toronto", by=alice)


@pytest.fixture
def queued(org, bob, account):
    """``queued(at, state=...)``: a target of ``account`` holding the slot ``at``."""

    def make(at, *, state=TargetState.SCHEDULED, is_queued=True, on=None):
        post = Post.objects.create(organization=org, author=bob, text=f"Post for {at:%Y-%m-%d %H:%M}")
        return PostTarget.objects.create(
            post=post, account=on or account, state=state, scheduled_at=at, due_at=at, is_queued=is_queued
        )

    return make


def test_upcoming_slots_follow_the_week_in_the_schedules_time_zone(schedule):
    friday_morning = toronto(2026, 1, 9, 10, 0)
    assert upcoming_slots(schedule, after=friday_morning, count=4) == [
        toronto(2026, 1, 9, 12, 15),
        toronto(2026, 1, 12, 8, 30),  # the weekend has no slots
        toronto(2026, 1, 12, 12, 15),
        toronto(2026, 1, 13, 8, 30),
    ]


def test_upcoming_slots_are_aware_utc_datetimes(schedule):
    (slot,) = upcoming_slots(schedule, after=toronto(2026, 1, 9, 10, 0), count=1)
    assert slot.tzinfo is UTC
    assert slot == datetime(2026, 1, 9, 17, 15, tzinfo=UTC)  # 12:15 EST is 17:15 UTC


def test_a_slot_at_the_very_moment_given_is_not_upcoming(schedule):
    assert upcoming_slots(schedule, after=toronto(2026, 1, 9, 12, 15), count=1) == [toronto(2026, 1, 12, 8, 30)]


def test_after_may_be_in_any_time_zone(schedule):
    # Saturday 02:00 UTC is still Friday evening in Toronto; the next slot is Monday's.
    assert upcoming_slots(schedule, after=datetime(2026, 1, 10, 2, 0, tzinfo=UTC), count=1) == [
        toronto(2026, 1, 12, 8, 30)
    ]


def test_a_late_local_slot_counts_on_its_local_day(org, alice):
    schedule = create_schedule(organization=org, slots=[(4, time(23, 30))], time_zone="America/Toronto", by=alice)
    # 23:30 on Friday in Toronto is already Saturday in UTC.
    assert upcoming_slots(schedule, after=toronto(2026, 1, 9, 23, 0), count=1) == [
        datetime(2026, 1, 10, 4, 30, tzinfo=UTC)
    ]


def test_the_same_local_times_in_another_zone_are_other_instants(org, alice, account):
    paris = create_schedule(
        organization=org, account=account, slots=WEEKDAYS_0830_1215, time_zone="Europe/Paris", by=alice
    )
    (slot,) = upcoming_slots(paris, after=toronto(2026, 1, 9, 0, 0), count=1)
    assert slot == datetime(2026, 1, 9, 7, 30, tzinfo=UTC)  # 08:30 in Paris, 02:30 in Toronto


def test_a_schedule_without_slots_has_no_upcoming_slots(org):
    empty = PostingSchedule.objects.create(organization=org, time_zone="America/Toronto")
    assert upcoming_slots(empty, after=toronto(2026, 1, 9, 10, 0), count=5) == []


def test_upcoming_slots_need_an_aware_moment(schedule):
    with pytest.raises(ValueError, match="aware"):
        upcoming_slots(schedule, after=datetime(2026, 1, 9, 10, 0), count=1)


def test_an_account_follows_the_organizations_default_schedule(schedule, account):
    assert schedule_for(account) == schedule


def test_an_accounts_own_schedule_wins_over_the_default(schedule, account, org, alice):
    own = create_schedule(organization=org, account=account, slots=[(0, time(9, 0))], by=alice)
    assert schedule_for(account) == own


def test_an_account_of_an_organization_without_schedules_has_none(account):
    assert schedule_for(account) is None


def test_another_organizations_default_is_not_followed(account, charlies_org, charlie):
    create_schedule(organization=charlies_org, slots=WEEKDAYS_0830_1215, by=charlie)
    assert schedule_for(account) is None


def test_the_next_free_slot_is_the_first_slot_when_nothing_is_queued(schedule, account):
    assert next_free_slot(account, after=toronto(2026, 1, 9, 10, 0)) == toronto(2026, 1, 9, 12, 15)


@pytest.mark.parametrize("state", [TargetState.SCHEDULED, TargetState.PUBLISHING, TargetState.IN_REVIEW])
def test_the_next_free_slot_skips_slots_held_by_queued_targets(schedule, account, queued, state):
    queued(toronto(2026, 1, 9, 12, 15), state=state)
    queued(toronto(2026, 1, 12, 8, 30))
    assert next_free_slot(account, after=toronto(2026, 1, 9, 10, 0)) == toronto(2026, 1, 12, 12, 15)


@pytest.mark.parametrize("state", [TargetState.DRAFT, TargetState.PUBLISHED, TargetState.CANCELLED, TargetState.FAILED])
def test_targets_no_longer_waiting_do_not_hold_their_slot(schedule, account, queued, state):
    queued(toronto(2026, 1, 9, 12, 15), state=state)
    assert next_free_slot(account, after=toronto(2026, 1, 9, 10, 0)) == toronto(2026, 1, 9, 12, 15)


def test_a_post_scheduled_for_a_chosen_time_does_not_hold_a_slot(schedule, account, queued):
    queued(toronto(2026, 1, 9, 12, 15), is_queued=False)
    assert next_free_slot(account, after=toronto(2026, 1, 9, 10, 0)) == toronto(2026, 1, 9, 12, 15)


def test_another_accounts_queue_does_not_hold_this_accounts_slots(schedule, account, queued, org):
    other = ConnectedAccount.objects.create(
        organization=org, network="linkedin", kind="linkedin_member", external_id="7", display_name="Dr. Adams"
    )
    queued(toronto(2026, 1, 9, 12, 15), on=other)
    assert next_free_slot(account, after=toronto(2026, 1, 9, 10, 0)) == toronto(2026, 1, 9, 12, 15)


def test_gaps_in_the_queue_are_filled_first(schedule, account, queued):
    queued(toronto(2026, 1, 9, 12, 15))
    queued(toronto(2026, 1, 12, 12, 15))
    assert next_free_slot(account, after=toronto(2026, 1, 9, 10, 0)) == toronto(2026, 1, 12, 8, 30)


def test_a_long_queue_is_skipped_to_its_end(schedule, account, queued):
    slots = upcoming_slots(schedule, after=toronto(2026, 1, 9, 10, 0), count=31)
    for at in slots[:30]:
        queued(at)
    assert next_free_slot(account, after=toronto(2026, 1, 9, 10, 0)) == slots[30]


def test_a_target_may_ignore_the_slot_it_holds_itself(schedule, account, queued):
    mine = queued(toronto(2026, 1, 9, 12, 15), state=TargetState.IN_REVIEW)
    after = toronto(2026, 1, 9, 10, 0)
    assert next_free_slot(account, after=after, ignoring=mine.pk) == toronto(2026, 1, 9, 12, 15)


def test_without_a_schedule_there_is_no_free_slot_and_the_message_says_why(account):
    with pytest.raises(ValidationError) as e:
        next_free_slot(account, after=toronto(2026, 1, 9, 10, 0))
    assert e.value.messages == [
        "Dr. Adams on X has no posting schedule yet, so it has no queue. "
        "An owner or admin can set one up on the Queue page."
    ]


def test_slots_computed_many_weeks_ahead_keep_their_local_time(schedule):
    slots = upcoming_slots(schedule, after=toronto(2026, 1, 1, 0, 0), count=10 * 52)
    assert {s.astimezone(TORONTO).strftime("%H:%M") for s in slots} == {"08:30", "12:15"}
    assert {s.astimezone(TORONTO).weekday() for s in slots} == {0, 1, 2, 3, 4}
    assert slots == sorted(set(slots))  # in order, none twice
