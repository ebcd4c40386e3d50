"""Daylight saving time: posts never go out "an hour off".

A slot is a local wall time. When the clocks change it keeps its local time (so its UTC time
moves by the hour); a time the spring-forward gap swallows goes out at the first minute after
the gap; a time the fall-back repeats goes out at its first occurrence.
"""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from accounts.models import ConnectedAccount
from posts.models import Post, PostTarget, TargetState
from scheduler.schedules import create_schedule, next_free_slot, slot_instant, upcoming_slots, update_schedule

TORONTO = ZoneInfo("America/Toronto")
SUNDAY = 6


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def local(instant: datetime, zone: ZoneInfo = TORONTO) -> str:
    return instant.astimezone(zone).strftime("%a %Y-%m-%d %H:%M %Z")


@pytest.fixture
def sunday_schedule(org, alice):
    """``sunday_schedule(*times)``: the organization's default, on Sundays at ``times``, Toronto time."""

    def make(*times: time, zone: str = "America/Toronto"):
        return create_schedule(organization=org, slots=[(SUNDAY, t) for t in times], time_zone=zone, by=alice)

    return make


def test_a_slot_in_the_spring_forward_gap_goes_out_at_the_first_minute_after_the_gap(sunday_schedule):
    # On 2026-03-08 Toronto's clocks jump from 02:00 EST to 03:00 EDT: 02:30 does not exist.
    schedule = sunday_schedule(time(2, 30))
    first, following = upcoming_slots(schedule, after=utc(2026, 3, 7, 12), count=2)
    assert first == utc(2026, 3, 8, 7, 0)
    assert local(first) == "Sun 2026-03-08 03:00 EDT"
    assert local(following) == "Sun 2026-03-15 02:30 EDT"  # the next week it exists again


def test_the_first_minute_of_the_gap_also_moves_to_its_end(sunday_schedule):
    schedule = sunday_schedule(time(2, 0))
    assert upcoming_slots(schedule, after=utc(2026, 3, 7, 12), count=1) == [utc(2026, 3, 8, 7, 0)]


def test_the_minute_before_the_gap_stays_where_it_is(sunday_schedule):
    schedule = sunday_schedule(time(1, 59))
    assert local(upcoming_slots(schedule, after=utc(2026, 3, 7, 12), count=1)[0]) == "Sun 2026-03-08 01:59 EST"


def test_slots_the_gap_merges_go_out_once(sunday_schedule):
    schedule = sunday_schedule(time(2, 15), time(2, 45), time(3, 0), time(3, 30))
    slots = upcoming_slots(schedule, after=utc(2026, 3, 7, 12), count=2)
    assert [local(s) for s in slots] == ["Sun 2026-03-08 03:00 EDT", "Sun 2026-03-08 03:30 EDT"]


def test_an_ambiguous_fall_back_time_goes_out_at_its_first_occurrence(sunday_schedule):
    # On 2026-11-01 Toronto's clocks go back from 02:00 EDT to 01:00 EST: 01:30 happens twice.
    schedule = sunday_schedule(time(1, 30))
    (slot,) = upcoming_slots(schedule, after=utc(2026, 10, 31, 12), count=1)
    assert slot == utc(2026, 11, 1, 5, 30)  # 01:30 EDT, not 06:30 UTC (01:30 EST)
    assert local(slot) == "Sun 2026-11-01 01:30 EDT"


def test_the_hour_after_the_fall_back_is_not_doubled(sunday_schedule):
    schedule = sunday_schedule(time(1, 0), time(1, 30), time(2, 0))
    slots = upcoming_slots(schedule, after=utc(2026, 10, 31, 12), count=3)
    assert [local(s) for s in slots] == [
        "Sun 2026-11-01 01:00 EDT",
        "Sun 2026-11-01 01:30 EDT",
        "Sun 2026-11-01 02:00 EST",
    ]


def test_a_weekly_slot_keeps_its_local_time_when_the_clocks_spring_forward(org, alice):
    schedule = create_schedule(organization=org, slots=[(d, time(8, 30)) for d in range(5)], by=alice)
    friday, monday = upcoming_slots(schedule, after=utc(2026, 3, 6, 5), count=2)
    assert (local(friday), local(monday)) == ("Fri 2026-03-06 08:30 EST", "Mon 2026-03-09 08:30 EDT")
    assert (friday, monday) == (utc(2026, 3, 6, 13, 30), utc(2026, 3, 9, 12, 30))  # UTC moves by the hour


def test_a_weekly_slot_keeps_its_local_time_when_the_clocks_fall_back(org, alice):
    schedule = create_schedule(organization=org, slots=[(d, time(8, 30)) for d in range(5)], by=alice)
    friday, monday = upcoming_slots(schedule, after=utc(2026, 10, 30, 5), count=2)
    assert (local(friday), local(monday)) == ("Fri 2026-10-30 08:30 EDT", "Mon 2026-11-02 08:30 EST")
    assert (friday, monday) == (utc(2026, 10, 30, 12, 30), utc(2026, 11, 2, 13, 30))


def test_a_queue_filled_across_the_change_posts_at_the_same_local_time_every_day(org, alice, bob):
    account = ConnectedAccount.objects.create(
        organization=org, network="twitter", kind="x_user", external_id="42", display_name="Dr. Adams on X"
    )
    create_schedule(organization=org, slots=[(d, time(8, 30)) for d in range(7)], by=alice)
    after = utc(2026, 3, 5, 14)  # Thursday 09:00 in Toronto
    times = []
    for n in range(6):
        at = next_free_slot(account, after=after)
        post = Post.objects.create(organization=org, author=bob, text=f"Tip {n}")
        PostTarget.objects.create(
            post=post, account=account, state=TargetState.SCHEDULED, scheduled_at=at, due_at=at, is_queued=True
        )
        times.append(at)
    assert [local(t) for t in times] == [
        "Fri 2026-03-06 08:30 EST",
        "Sat 2026-03-07 08:30 EST",
        "Sun 2026-03-08 08:30 EDT",
        "Mon 2026-03-09 08:30 EDT",
        "Tue 2026-03-10 08:30 EDT",
        "Wed 2026-03-11 08:30 EDT",
    ]
    stored = PostTarget.objects.filter(account=account).order_by("scheduled_at").values_list("scheduled_at", flat=True)
    assert [s.astimezone(UTC).hour for s in stored] == [13, 13, 12, 12, 12, 12]


def test_changing_a_schedules_time_zone_keeps_queued_posts_at_the_same_local_time(org, alice, bob):
    account = ConnectedAccount.objects.create(
        organization=org, network="twitter", kind="x_user", external_id="42", display_name="Dr. Adams on X"
    )
    schedule = create_schedule(organization=org, slots=[(d, time(8, 30)) for d in range(7)], by=alice)
    (at,) = upcoming_slots(schedule, after=datetime.now(UTC), count=1)
    post = Post.objects.create(organization=org, author=bob, text="Flu shots on Saturday.")
    target = PostTarget.objects.create(
        post=post, account=account, state=TargetState.SCHEDULED, scheduled_at=at, due_at=at, is_queued=True
    )
    update_schedule(schedule, time_zone="America/Vancouver", by=alice)
    target.refresh_from_db()
    assert target.scheduled_at.astimezone(ZoneInfo("America/Vancouver")).strftime("%H:%M") == "08:30"
    assert target.due_at == target.scheduled_at


@pytest.mark.parametrize(
    ("zone", "day", "at", "expected"),
    [
        # London springs forward at 01:00 GMT to 02:00 BST.
        ("Europe/London", date(2026, 3, 29), time(1, 30), "Sun 2026-03-29 02:00 BST"),
        ("Europe/London", date(2026, 10, 25), time(1, 30), "Sun 2026-10-25 01:30 BST"),
        # Lord Howe Island moves its clocks by half an hour.
        ("Australia/Lord_Howe", date(2026, 10, 4), time(2, 15), "Sun 2026-10-04 02:30 +11"),
        # Samoa skipped 30 December 2011 altogether: the first minute after it is midnight on the 31st.
        ("Pacific/Apia", date(2011, 12, 30), time(9, 0), "Sat 2011-12-31 00:00 +14"),
    ],
)
def test_other_zones_follow_the_same_rules(zone, day, at, expected):
    assert local(slot_instant(day, at, ZoneInfo(zone)), ZoneInfo(zone)) == expected
