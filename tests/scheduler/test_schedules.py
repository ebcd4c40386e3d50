"""Posting schedules: created and changed by owners and admins; a change moves queued posts to the new times."""

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from accounts import services as account_services
from accounts.models import ConnectedAccount, Role
from posts.models import Post, PostTarget, TargetState
from scheduler.models import PostingSchedule, ScheduleSlot
from scheduler.schedules import (
    create_schedule,
    describe_slots,
    pause_queue,
    remove_schedule,
    schedule_for,
    upcoming_slots,
    update_schedule,
)

TORONTO = ZoneInfo("America/Toronto")
MON_TO_FRI = range(5)
WEEKDAYS_0830_1215 = [(day, at) for day in MON_TO_FRI for at in (time(8, 30), time(12, 15))]


@pytest.fixture
def account(org):
    return ConnectedAccount.objects.create(
        organization=org, network="twitter", kind="x_user", external_id="42", display_name="Dr. Adams on X"
    )


@pytest.fixture
def default(org, alice):
    return create_schedule(organization=org, slots=WEEKDAYS_0830_1215, by=alice)


@pytest.fixture
def queue(org, bob):
    """``queue(account, n)``: ``n`` posts queued in the account's next ``n`` slots, in order."""

    def make(account, n, *, state=TargetState.SCHEDULED):
        slots = upcoming_slots(schedule_for(account), after=datetime.now(UTC), count=n)
        targets = []
        for i, at in enumerate(slots):
            post = Post.objects.create(organization=org, author=bob, text=f"Post {i + 1}")
            targets.append(
                PostTarget.objects.create(
                    post=post, account=account, state=state, scheduled_at=at, due_at=at, is_queued=True
                )
            )
        return targets

    return make


def times_of(targets):
    return [PostTarget.objects.get(pk=t.pk).scheduled_at for t in targets]


def test_an_owner_creates_the_organizations_default_schedule(org, alice):
    schedule = create_schedule(organization=org, slots=WEEKDAYS_0830_1215, by=alice)
    assert schedule.is_default and schedule.account is None
    assert schedule.time_zone == org.time_zone == "America/Toronto"
    assert sorted(schedule.slots.values_list("weekday", "local_time")) == sorted(WEEKDAYS_0830_1215)
    assert not schedule.is_paused


def test_an_admin_gives_an_account_its_own_schedule_in_another_zone(org, member, account):
    admin = member(Role.ADMIN)
    schedule = create_schedule(
        organization=org, account=account, slots=[(5, time(10, 0))], time_zone="Europe/Paris", by=admin
    )
    assert schedule.account == account and schedule.time_zone == "Europe/Paris"
    assert schedule_for(account) == schedule


@pytest.mark.parametrize("role", [Role.EDITOR, Role.CONTRIBUTOR, Role.VIEWER])
def test_editors_contributors_and_viewers_cannot_create_schedules(org, member, role):
    with pytest.raises(PermissionDenied):
        create_schedule(organization=org, slots=WEEKDAYS_0830_1215, by=member(role))
    assert not PostingSchedule.objects.exists()


def test_an_outsider_cannot_create_a_schedule_and_learns_nothing(org, charlie):
    with pytest.raises(Http404):
        create_schedule(organization=org, slots=WEEKDAYS_0830_1215, by=charlie)


def test_an_organization_has_one_default_schedule(org, alice, default):
    with pytest.raises(ValidationError) as e:
        create_schedule(organization=org, slots=[(0, time(9, 0))], by=alice)
    assert e.value.messages == ["Alice's Clinic already has a default schedule; change it instead."]


def test_an_account_has_one_schedule_of_its_own(org, alice, account):
    create_schedule(organization=org, account=account, slots=[(0, time(9, 0))], by=alice)
    with pytest.raises(ValidationError) as e:
        create_schedule(organization=org, account=account, slots=[(1, time(9, 0))], by=alice)
    assert e.value.messages == ["Dr. Adams on X already has its own schedule; change it instead."]


def test_another_organizations_account_cannot_get_a_schedule_here(org, alice, charlies_org):
    theirs = ConnectedAccount.objects.create(
        organization=charlies_org, network="twitter", kind="x_user", external_id="9", display_name="Charlie"
    )
    with pytest.raises(ValidationError):
        create_schedule(organization=org, account=theirs, slots=[(0, time(9, 0))], by=alice)


def test_an_unknown_time_zone_is_refused_next_to_the_field(org, alice):
    with pytest.raises(ValidationError) as e:
        create_schedule(organization=org, slots=WEEKDAYS_0830_1215, time_zone="Mars/Olympus_Mons", by=alice)
    assert list(e.value.message_dict) == ["time_zone"]
    assert "pick one such as America/Toronto" in e.value.message_dict["time_zone"][0]


@pytest.mark.parametrize(
    ("slots", "message"),
    [
        ([], "Choose at least one day and time."),
        ([(7, time(9, 0))], "Choose days from Monday to Sunday."),
        ([(0, time(9, 0, 30))], "Use whole minutes: 09:00 rather than 09:00:30."),
        ([(0, "09:00")], "Enter times as hours and minutes, such as 08:30."),
        ([(d, time(h, m)) for d in range(7) for h in range(24) for m in (0, 30)][:101], "up to 100 times a week"),
    ],
)
def test_slots_that_make_no_sense_are_refused_in_plain_words(org, alice, slots, message):
    with pytest.raises(ValidationError) as e:
        create_schedule(organization=org, slots=slots, by=alice)
    assert message in e.value.message_dict["slots"][0]
    assert not PostingSchedule.objects.exists()


def test_the_same_slot_given_twice_is_kept_once(org, alice):
    schedule = create_schedule(organization=org, slots=[(0, time(9, 0)), (0, time(9, 0))], by=alice)
    assert schedule.slots.count() == 1


def test_a_schedule_reads_as_days_and_times(org, alice):
    slots = [*WEEKDAYS_0830_1215, (5, time(10, 0)), (6, time(10, 0))]
    schedule = create_schedule(organization=org, slots=slots, by=alice)
    assert describe_slots(schedule) == [("Monday to Friday", "08:30, 12:15"), ("Saturday and Sunday", "10:00")]


def test_changing_the_times_moves_future_queued_posts_to_the_new_times_in_order(default, account, queue, alice):
    first, second, third = queue(account, 3)
    update_schedule(default, slots=[(d, time(17, 0)) for d in range(7)], by=alice)
    new_times = times_of([first, second, third])
    assert new_times == sorted(new_times)
    assert {t.astimezone(TORONTO).strftime("%H:%M") for t in new_times} == {"17:00"}
    assert new_times == upcoming_slots(default, after=datetime.now(UTC), count=3)
    rows = PostTarget.objects.filter(pk__in=[first.pk, second.pk, third.pk])
    assert all(row.due_at == row.scheduled_at for row in rows)


def test_changing_the_times_leaves_a_post_that_is_publishing_where_it_is(default, account, queue, alice):
    first, second = queue(account, 2)
    PostTarget.objects.filter(pk=first.pk).update(state=TargetState.PUBLISHING)
    before = times_of([first])
    update_schedule(default, slots=[(d, time(17, 0)) for d in range(7)], by=alice)
    assert times_of([first]) == before
    assert times_of([second])[0].astimezone(TORONTO).strftime("%H:%M") == "17:00"


def test_a_queued_post_in_review_moves_with_the_queue(default, account, queue, alice):
    (waiting,) = queue(account, 1, state=TargetState.IN_REVIEW)
    update_schedule(default, slots=[(d, time(17, 0)) for d in range(7)], by=alice)
    assert times_of([waiting])[0].astimezone(TORONTO).strftime("%H:%M") == "17:00"


def test_posts_already_due_are_not_moved(default, account, queue, alice, org, bob):
    past = datetime.now(UTC) - timedelta(minutes=5)
    post = Post.objects.create(organization=org, author=bob, text="Due a moment ago")
    due = PostTarget.objects.create(
        post=post, account=account, state=TargetState.SCHEDULED, scheduled_at=past, due_at=past, is_queued=True
    )
    update_schedule(default, slots=[(d, time(17, 0)) for d in range(7)], by=alice)
    assert times_of([due]) == [past]


def test_saving_the_same_schedule_again_moves_nothing(default, account, queue, alice, org, bob):
    first, second = queue(account, 2)
    # A gap in the queue, which laying it out again would close:
    PostTarget.objects.filter(pk=first.pk).update(state=TargetState.CANCELLED, is_queued=False)
    before = times_of([second])
    update_schedule(default, slots=WEEKDAYS_0830_1215, time_zone="America/Toronto", by=alice)
    assert times_of([second]) == before


def test_changing_the_default_moves_only_accounts_that_follow_it(org, default, account, queue, alice):
    own = ConnectedAccount.objects.create(
        organization=org, network="linkedin", kind="linkedin_member", external_id="7", display_name="Dr. Adams"
    )
    create_schedule(organization=org, account=own, slots=[(d, time(7, 0)) for d in range(7)], by=alice)
    (followers,) = queue(account, 1)
    (owns,) = queue(own, 1)
    before = times_of([owns])
    update_schedule(default, slots=[(d, time(17, 0)) for d in range(7)], by=alice)
    assert times_of([owns]) == before
    assert times_of([followers])[0].astimezone(TORONTO).strftime("%H:%M") == "17:00"


def test_giving_an_account_its_own_schedule_moves_its_queue_there(org, default, account, queue, alice):
    first, second = queue(account, 2)
    create_schedule(organization=org, account=account, slots=[(d, time(19, 45)) for d in range(7)], by=alice)
    assert {t.astimezone(TORONTO).strftime("%H:%M") for t in times_of([first, second])} == {"19:45"}


def test_removing_an_accounts_own_schedule_brings_its_queue_back_to_the_default(org, default, account, queue, alice):
    own = create_schedule(organization=org, account=account, slots=[(d, time(19, 45)) for d in range(7)], by=alice)
    first, second = queue(account, 2)
    remove_schedule(own, by=alice)
    assert schedule_for(account) == default
    assert times_of([first, second]) == upcoming_slots(default, after=datetime.now(UTC), count=2)


def test_the_default_schedule_cannot_be_removed(default, alice):
    with pytest.raises(ValidationError) as e:
        remove_schedule(default, by=alice)
    assert e.value.messages == ["The organization's default schedule cannot be removed; pause it instead."]


def test_an_editor_cannot_change_a_schedule(default, bob):
    with pytest.raises(PermissionDenied):
        update_schedule(default, slots=[(0, time(6, 0))], by=bob)
    assert default.slots.count() == len(WEEKDAYS_0830_1215)


def test_changing_the_organizations_time_zone_leaves_its_schedules_alone(org, default, account, queue, alice):
    """A schedule keeps the zone it was saved with: its times were chosen for readers there."""
    (target,) = queue(account, 1)
    before = times_of([target])
    account_services.update_organization(org, time_zone="Europe/Paris", by=alice)
    default.refresh_from_db()
    assert default.time_zone == "America/Toronto"
    assert times_of([target]) == before


def test_slots_are_replaced_not_added(default, alice):
    update_schedule(default, slots=[(2, time(7, 5))], by=alice)
    assert list(ScheduleSlot.objects.filter(schedule=default).values_list("weekday", "local_time")) == [(2, time(7, 5))]


def overdue(target):
    past = datetime.now(UTC) - timedelta(minutes=30)
    PostTarget.objects.filter(pk=target.pk).update(scheduled_at=past, due_at=past)


def test_leaving_a_paused_default_lays_out_the_posts_it_held_back(org, default, account, queue, alice):
    first, second = queue(account, 2)
    pause_queue(default, by=alice)
    overdue(first)
    own = create_schedule(organization=org, account=account, slots=[(d, time(19, 45)) for d in range(7)], by=alice)
    assert times_of([first, second]) == upcoming_slots(own, after=datetime.now(UTC), count=2)


def test_going_back_from_a_paused_own_schedule_to_a_running_default_lays_out_held_posts(
    org, default, account, queue, alice
):
    own = create_schedule(organization=org, account=account, slots=[(d, time(19, 45)) for d in range(7)], by=alice)
    first, second = queue(account, 2)
    pause_queue(own, by=alice)
    overdue(first)
    remove_schedule(own, by=alice)
    assert times_of([first, second]) == upcoming_slots(default, after=datetime.now(UTC), count=2)
