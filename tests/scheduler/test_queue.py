"""The queue: add a post to the next free slot, reorder, send one now, pause and resume."""

import threading
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.utils import timezone, translation

from accounts.models import ConnectedAccount, Role
from posts.models import Post, PostTarget, TargetState
from scheduler.schedules import (
    add_to_queue,
    create_schedule,
    exclude_paused_queues,
    move_in_queue,
    next_free_slot,
    pause_queue,
    publish_next,
    publishable_q,
    queue_entries,
    queued_message,
    reorder_queue,
    resume_queue,
    upcoming_slots,
)

TORONTO = ZoneInfo("America/Toronto")
EVERY_DAY_0830_1215 = [(day, at) for day in range(7) for at in (time(8, 30), time(12, 15))]


@pytest.fixture
def account(org):
    return ConnectedAccount.objects.create(
        organization=org, network="twitter", kind="x_user", external_id="42", display_name="Dr. Adams on X"
    )


@pytest.fixture
def other_account(org):
    return ConnectedAccount.objects.create(
        organization=org, network="linkedin", kind="linkedin_member", external_id="7", display_name="Dr. Adams"
    )


@pytest.fixture
def default(org, alice):
    return create_schedule(organization=org, slots=EVERY_DAY_0830_1215, by=alice)


@pytest.fixture
def draft(org, bob):
    """``draft(account, text)``: a draft target of Bob's for ``account``."""

    def make(account, text="Flu shots at the clinic this Saturday."):
        post = Post.objects.create(organization=org, author=bob, text=text)
        return PostTarget.objects.create(post=post, account=account)

    return make


@pytest.fixture
def queued(default, account, draft, bob):
    """Three posts queued for ``account`` by Bob, in order."""
    targets = [draft(account, f"Post {n}") for n in (1, 2, 3)]
    for target in targets:
        add_to_queue(target, by=bob)
    return targets


def fresh(target):
    return PostTarget.objects.get(pk=target.pk)


def times(targets):
    return [fresh(t).scheduled_at for t in targets]


def slots_from_now(schedule, n):
    return upcoming_slots(schedule, after=timezone.now(), count=n)


# Adding -------------------------------------------------------------------------------------------------------


def test_adding_a_draft_puts_it_in_the_next_slot_and_schedules_it(default, account, draft, bob):
    target = draft(account)
    slot = add_to_queue(target, by=bob)
    assert slot == slots_from_now(default, 1)[0]
    row = fresh(target)
    assert (row.state, row.scheduled_at, row.due_at, row.is_queued) == (TargetState.SCHEDULED, slot, slot, True)


def test_each_post_added_takes_the_next_free_slot(default, queued):
    assert times(queued) == slots_from_now(default, 3)


def test_a_post_in_review_can_be_added_when_it_is_approved(default, account, draft, alice):
    target = draft(account)
    target.move(TargetState.IN_REVIEW)
    add_to_queue(target, by=alice)
    assert fresh(target).state == TargetState.SCHEDULED


def test_a_post_already_scheduled_is_not_added_twice(queued, bob):
    before = times(queued)
    with pytest.raises(ValidationError) as e:
        add_to_queue(fresh(queued[0]), by=bob)
    assert e.value.messages == [
        "This post is already scheduled for Dr. Adams on X; only drafts and posts in review can be added to the queue."
    ]
    assert times(queued) == before


def test_a_stale_copy_of_a_target_cannot_take_a_second_slot(default, account, draft, bob):
    target = draft(account)
    stale = PostTarget.objects.get(pk=target.pk)
    add_to_queue(target, by=bob)
    with pytest.raises(ValidationError):
        add_to_queue(stale, by=bob)
    assert PostTarget.objects.filter(account=account, is_queued=True).count() == 1


def test_an_account_without_a_schedule_says_so_plainly(account, draft, bob):
    target = draft(account)
    with pytest.raises(ValidationError) as e:
        add_to_queue(target, by=bob)
    assert e.value.messages == [
        "Dr. Adams on X has no posting schedule yet, so it has no queue. "
        "An owner or admin can set one up on the Queue page."
    ]
    assert fresh(target).state == TargetState.DRAFT


def test_a_disconnected_account_takes_no_posts(default, account, draft, bob):
    account.status = ConnectedAccount.Status.DISCONNECTED
    account.save()
    with pytest.raises(ValidationError, match="disconnected"):
        add_to_queue(draft(account), by=bob)


def test_a_paused_queue_still_takes_posts_and_says_it_is_paused(default, account, draft, bob, alice):
    pause_queue(default, by=alice)
    target = draft(account)
    add_to_queue(target, by=bob)
    message = queued_message(fresh(target))
    assert message.startswith("Queued for Dr. Adams on X: ")
    assert "(America/Toronto)" in message
    assert message.endswith("The queue is paused: it goes out only once someone resumes the queue.")


def test_the_queued_message_gives_the_local_time(default, account, draft, bob):
    target = draft(account)
    slot = add_to_queue(target, by=bob)
    local = slot.astimezone(TORONTO)
    assert queued_message(fresh(target)) == (
        f"Queued for Dr. Adams on X: {local:%A, %B} {local.day} at {local:%H:%M} (America/Toronto)."
    )


def test_a_french_member_reads_when_a_queued_post_goes_out_in_french(default, account, draft, bob):
    target = draft(account)
    add_to_queue(target, by=bob)
    with translation.override("fr"):
        message = queued_message(fresh(target))
    assert message.startswith("Ajoutée à la file de Dr. Adams on X\u00a0: ")
    assert message.endswith("(America/Toronto).") and " h " in message  # 08 h 30, as Québec writes it


@pytest.mark.parametrize("role", [Role.CONTRIBUTOR, Role.VIEWER])
def test_contributors_and_viewers_cannot_add_to_the_queue(default, account, draft, member, role):
    target = draft(account)
    with pytest.raises(PermissionDenied):
        add_to_queue(target, by=member(role))
    assert fresh(target).state == TargetState.DRAFT


def test_an_outsider_cannot_add_to_the_queue(default, account, draft, charlie):
    with pytest.raises(Http404):
        add_to_queue(draft(account), by=charlie)


# Reordering ---------------------------------------------------------------------------------------------------


def test_reordering_hands_the_same_times_out_in_the_new_order(queued, account, bob):
    first, second, third = queued
    slots = times(queued)
    reorder_queue(account, target_ids=[third.pk, first.pk, second.pk], by=bob)
    assert times([third, first, second]) == slots
    assert all(fresh(t).due_at == fresh(t).scheduled_at for t in queued)


def test_ids_may_arrive_as_strings_from_a_form(queued, account, bob):
    first, second, third = queued
    slots = times(queued)
    reorder_queue(account, target_ids=[str(second.pk), str(first.pk), str(third.pk)], by=bob)
    assert times([second, first, third]) == slots


def test_reordering_some_posts_leaves_the_others_where_they_are(queued, account, bob):
    first, second, third = queued
    slots = times(queued)
    reorder_queue(account, target_ids=[third.pk, first.pk], by=bob)
    assert times([third, second, first]) == slots


def test_a_post_published_meanwhile_makes_the_whole_reorder_fail(queued, account, bob):
    first, second, third = queued
    slots = times(queued)
    PostTarget.objects.filter(pk=first.pk).update(state=TargetState.PUBLISHING)
    with pytest.raises(ValidationError) as e:
        reorder_queue(account, target_ids=[third.pk, second.pk, first.pk], by=bob)
    assert e.value.messages == ["The queue changed while you were looking at it. Reload the page and try again."]
    assert times(queued) == slots


def test_another_accounts_post_cannot_be_slipped_into_the_queue(queued, account, other_account, draft, bob):
    theirs = draft(other_account)
    theirs.move(TargetState.SCHEDULED, scheduled_at=timezone.now() + timedelta(days=9), is_queued=True)
    slots = times(queued)
    with pytest.raises(ValidationError):
        reorder_queue(account, target_ids=[theirs.pk, queued[0].pk], by=bob)
    assert times(queued) == slots


@pytest.mark.parametrize("ids", [["x"], [None], [10**9]])
def test_unknown_or_malformed_ids_are_refused(queued, account, bob, ids):
    with pytest.raises(ValidationError):
        reorder_queue(account, target_ids=ids, by=bob)


def test_a_post_listed_twice_is_refused(queued, account, bob):
    with pytest.raises(ValidationError, match="twice"):
        reorder_queue(account, target_ids=[queued[0].pk, queued[0].pk], by=bob)


def test_a_viewer_cannot_reorder(queued, account, member):
    slots = times(queued)
    with pytest.raises(PermissionDenied):
        reorder_queue(account, target_ids=[t.pk for t in reversed(queued)], by=member(Role.VIEWER))
    assert times(queued) == slots


def test_an_outsider_cannot_reorder(queued, account, charlie):
    with pytest.raises(Http404):
        reorder_queue(account, target_ids=[t.pk for t in reversed(queued)], by=charlie)


def test_moving_a_post_up_swaps_it_with_the_one_before(queued, bob):
    first, second, third = queued
    slots = times(queued)
    move_in_queue(fresh(second), direction="up", by=bob)
    assert times([second, first, third]) == slots


def test_moving_a_post_down_swaps_it_with_the_one_after(queued, bob):
    first, second, third = queued
    slots = times(queued)
    move_in_queue(fresh(second), direction="down", by=bob)
    assert times([first, third, second]) == slots


def test_moving_the_first_post_up_changes_nothing(queued, bob):
    slots = times(queued)
    move_in_queue(fresh(queued[0]), direction="up", by=bob)
    move_in_queue(fresh(queued[2]), direction="down", by=bob)
    assert times(queued) == slots


def test_moving_a_post_no_longer_queued_says_the_queue_changed(queued, bob):
    PostTarget.objects.filter(pk=queued[1].pk).update(state=TargetState.PUBLISHED)
    with pytest.raises(ValidationError, match="The queue changed"):
        move_in_queue(fresh(queued[1]), direction="up", by=bob)


def test_reordering_clears_the_dispatchers_claim_so_the_post_is_sent_at_its_new_time(queued, account, bob):
    first, second, _ = queued
    PostTarget.objects.filter(pk=first.pk).update(enqueued_at=timezone.now())
    reorder_queue(account, target_ids=[second.pk, first.pk], by=bob)
    assert fresh(first).enqueued_at is None


# Publish next -------------------------------------------------------------------------------------------------


def test_publish_next_makes_a_queued_post_due_now_and_frees_its_slot(default, queued, account, bob):
    first, second, third = queued
    before = timezone.now()
    publish_next(fresh(second), by=bob)
    row = fresh(second)
    assert row.state == TargetState.SCHEDULED and not row.is_queued
    assert before <= row.due_at == row.scheduled_at <= timezone.now()
    assert PostTarget.objects.due(timezone.now()).filter(pk=second.pk).exists()
    # Its old slot is free for the next post added.
    assert next_free_slot(account, after=timezone.now()) == slots_from_now(default, 2)[1]


def test_publish_next_goes_out_even_while_the_queue_is_paused(default, queued, alice, bob):
    pause_queue(default, by=alice)
    publish_next(fresh(queued[0]), by=bob)
    assert exclude_paused_queues(PostTarget.objects.due(timezone.now())).filter(pk=queued[0].pk).exists()


def test_publish_next_refuses_a_post_that_already_left_the_queue(queued, bob):
    PostTarget.objects.filter(pk=queued[0].pk).update(state=TargetState.PUBLISHED)
    with pytest.raises(ValidationError) as e:
        publish_next(fresh(queued[0]), by=bob)
    assert e.value.messages == ["This post is no longer waiting in the queue, so it cannot be sent now."]


def test_a_viewer_cannot_publish_next(queued, member):
    with pytest.raises(PermissionDenied):
        publish_next(fresh(queued[0]), by=member(Role.VIEWER))
    assert fresh(queued[0]).is_queued


# Pause and resume ---------------------------------------------------------------------------------------------


def make_due(*targets):
    past = timezone.now() - timedelta(minutes=1)
    PostTarget.objects.filter(pk__in=[t.pk for t in targets]).update(scheduled_at=past, due_at=past)


def dispatchable(now=None):
    return set(exclude_paused_queues(PostTarget.objects.due(now or timezone.now())).values_list("pk", flat=True))


def test_due_posts_of_a_paused_queue_are_not_dispatched(default, queued, alice):
    make_due(queued[0])
    assert dispatchable() == {queued[0].pk}
    pause_queue(default, by=alice)
    assert dispatchable() == set()


def test_a_paused_queue_holds_back_no_post_scheduled_for_a_chosen_time(default, account, draft, alice):
    chosen = draft(account, "At 9 sharp")
    chosen.move(TargetState.SCHEDULED, scheduled_at=timezone.now(), due_at=timezone.now())
    pause_queue(default, by=alice)
    assert dispatchable() == {chosen.pk}


def test_a_message_sent_before_the_queue_was_paused_publishes_nothing(default, queued, alice):
    from scheduler.models import PublishAttempt
    from scheduler.services import publish_target

    make_due(queued[0])
    PostTarget.objects.filter(pk=queued[0].pk).update(enqueued_at=timezone.now())  # the dispatcher sent it
    pause_queue(default, by=alice)
    publish_target(queued[0].pk)
    row = fresh(queued[0])
    assert row.state == TargetState.SCHEDULED and row.is_queued
    assert row.enqueued_at is None and row.lease_expires_at is None  # sent again once the queue resumes
    assert not PublishAttempt.objects.filter(target=row).exists()


def test_pausing_the_default_pauses_every_account_following_it_but_not_one_with_its_own(
    org, default, account, other_account, draft, alice, bob
):
    create_schedule(organization=org, account=other_account, slots=EVERY_DAY_0830_1215, by=alice)
    mine, theirs = draft(account), draft(other_account)
    add_to_queue(mine, by=bob)
    add_to_queue(theirs, by=bob)
    make_due(mine, theirs)
    pause_queue(default, by=alice)
    assert dispatchable() == {theirs.pk}


def test_pausing_an_accounts_own_schedule_pauses_only_that_account(
    org, default, account, other_account, draft, alice, bob
):
    own = create_schedule(organization=org, account=other_account, slots=EVERY_DAY_0830_1215, by=alice)
    mine, theirs = draft(account), draft(other_account)
    add_to_queue(mine, by=bob)
    add_to_queue(theirs, by=bob)
    make_due(mine, theirs)
    pause_queue(own, by=alice)
    assert dispatchable() == {mine.pk}


def test_an_account_with_its_own_running_schedule_is_not_held_by_a_paused_default(
    org, default, other_account, draft, alice, bob
):
    create_schedule(organization=org, account=other_account, slots=EVERY_DAY_0830_1215, by=alice)
    target = draft(other_account)
    add_to_queue(target, by=bob)
    make_due(target)
    pause_queue(default, by=alice)
    assert dispatchable() == {target.pk}


def test_the_publish_claim_can_ask_the_same_question(default, queued, alice):
    make_due(queued[0])
    pause_queue(default, by=alice)
    target = fresh(queued[0])
    assert not target.move(TargetState.PUBLISHING, expected=[TargetState.SCHEDULED], where=Q() & publishable_q())
    assert fresh(queued[0]).state == TargetState.SCHEDULED


def test_resuming_lays_out_posts_whose_time_passed_on_the_next_slots_in_order(default, queued, alice):
    pause_queue(default, by=alice)
    first, second, third = queued
    make_due(first, second)
    resume_queue(default, by=alice)
    assert times(queued) == slots_from_now(default, 3)
    assert dispatchable() == set()


def test_resuming_a_queue_with_nothing_overdue_moves_nothing(default, queued, alice):
    PostTarget.objects.filter(pk=queued[0].pk).update(state=TargetState.CANCELLED, is_queued=False)
    pause_queue(default, by=alice)
    before = times(queued[1:])
    resume_queue(default, by=alice)
    assert times(queued[1:]) == before


def test_resuming_twice_is_harmless(default, queued, alice):
    pause_queue(default, by=alice)
    pause_queue(default, by=alice)
    resume_queue(default, by=alice)
    slots = times(queued)
    resume_queue(default, by=alice)
    default.refresh_from_db()
    assert not default.is_paused and times(queued) == slots


@pytest.mark.parametrize("role", [Role.EDITOR, Role.VIEWER])
def test_only_owners_and_admins_pause_and_resume(default, member, role):
    with pytest.raises(PermissionDenied):
        pause_queue(default, by=member(role))
    with pytest.raises(PermissionDenied):
        resume_queue(default, by=member(role))


def test_an_outsider_cannot_pause(default, charlie):
    with pytest.raises(Http404):
        pause_queue(default, by=charlie)
    default.refresh_from_db()
    assert not default.is_paused


# What the page lists --------------------------------------------------------------------------------------------


def test_the_queue_lists_posts_in_their_slots_and_the_empty_slots_between(default, account, queued, bob):
    PostTarget.objects.filter(pk=queued[1].pk).update(state=TargetState.CANCELLED, is_queued=False)
    entries = queue_entries(account, now=timezone.now(), min_slots=5)
    assert [e.target.pk if e.target else None for e in entries] == [queued[0].pk, None, queued[2].pk, None, None]
    assert [e.at for e in entries] == slots_from_now(default, 5)


def test_the_queue_lists_a_post_whose_slot_passed_during_a_pause_first(default, account, queued, alice):
    pause_queue(default, by=alice)
    make_due(queued[0])
    entries = queue_entries(account, now=timezone.now(), min_slots=3)
    assert entries[0].target.pk == queued[0].pk and not entries[0].is_slot


def test_the_queue_shows_slots_far_enough_to_include_its_last_post(default, account, draft, bob):
    late = draft(account)
    at = datetime.now(UTC) + timedelta(days=30)
    late.move(TargetState.SCHEDULED, scheduled_at=at, due_at=at, is_queued=True)
    entries = queue_entries(account, now=timezone.now(), min_slots=2)
    assert entries[-1].target.pk == late.pk
    assert len(entries) > 50  # a month of twice-daily slots, shown empty


# Concurrency ----------------------------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_two_people_queueing_for_one_account_at_once_get_different_slots(org, default, account, draft, alice, bob):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: row locks; SQLite serializes writers by itself")
    targets = [draft(account, f"Post {n}") for n in range(6)]
    barrier = threading.Barrier(len(targets))
    errors = []

    def queue(target, by):
        try:
            barrier.wait()
            add_to_queue(target, by=by)
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append(e)
        finally:
            connection.close()

    threads = [threading.Thread(target=queue, args=(t, alice if n % 2 else bob)) for n, t in enumerate(targets)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(times(targets)) == slots_from_now(default, len(targets))


def test_a_post_in_review_without_a_time_holds_no_slot_and_gets_none_on_resume(default, account, queued, draft, alice):
    waiting = draft(account, "Asked for the queue; waits for approval")
    PostTarget.objects.filter(pk=waiting.pk).update(state=TargetState.IN_REVIEW, is_queued=True)
    assert next_free_slot(account, after=timezone.now()) == slots_from_now(default, 4)[3]
    pause_queue(default, by=alice)
    make_due(queued[0])
    resume_queue(default, by=alice)
    assert fresh(waiting).scheduled_at is None
    assert [e.target.pk for e in queue_entries(account, now=timezone.now()) if e.target] == [t.pk for t in queued]


def test_approving_a_post_that_asked_for_the_queue_gives_it_the_next_free_slot(default, account, queued, draft, alice):
    waiting = draft(account, "Asked for the queue; waits for approval")
    waiting.move(TargetState.IN_REVIEW, is_queued=True)
    assert add_to_queue(waiting, by=alice) == slots_from_now(default, 4)[3]


# The dispatcher's side of the contract ---------------------------------------------------------------------------


def test_the_dispatcher_sends_nothing_from_a_paused_queue(default, account, queued, draft, alice):
    from scheduler.services import dispatch_due

    chosen = draft(account, "At a time the author chose")
    chosen.move(TargetState.SCHEDULED, scheduled_at=timezone.now(), due_at=timezone.now())
    make_due(queued[0])
    pause_queue(default, by=alice)
    assert {d.target_id for d in dispatch_due()} == {chosen.pk}
