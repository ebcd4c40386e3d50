"""The dispatcher claims each due target once per tick and enqueues one publish task for it."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from physsocial.celery import app
from posts.models import PostTarget, TargetState
from scheduler import services


@pytest.fixture
def eager_tasks():
    """Tasks run in the test's thread instead of going to a broker."""
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = False


def test_a_due_target_is_claimed_and_enqueued_with_a_short_eta(schedule, x_account, django_capture_on_commit_callbacks):
    now = timezone.now()
    soon = schedule(x_account, at=now + timedelta(seconds=1))

    with django_capture_on_commit_callbacks() as callbacks:
        dispatched = services.dispatch_due(now=now)

    assert dispatched == [services.Dispatched(soon.pk, soon.due_at)]
    assert len(callbacks) == 1  # the tasks are sent after the commit, never before
    soon.refresh_from_db()
    assert soon.enqueued_at == now
    assert soon.state == TargetState.SCHEDULED  # the publish task takes it, not the dispatcher


def test_a_target_already_due_is_enqueued_to_run_at_once(schedule, x_account):
    late = schedule(x_account, at=timezone.now() - timedelta(seconds=5))

    assert services.dispatch_due() == [services.Dispatched(late.pk, None)]


def test_targets_due_after_the_next_tick_wait(schedule, x_account):
    now = timezone.now()
    schedule(x_account, at=now + timedelta(seconds=30))

    assert services.dispatch_due(now=now) == []


def test_a_target_is_claimed_once_even_when_the_dispatcher_runs_again(schedule, x_account):
    now = timezone.now()
    schedule(x_account, at=now)

    assert len(services.dispatch_due(now=now)) == 1
    assert services.dispatch_due(now=now + timedelta(seconds=2)) == []


def test_a_target_whose_message_was_lost_is_enqueued_again(settings, schedule, x_account):
    settings.DISPATCH_REQUEUE_AFTER_S = 60
    now = timezone.now()
    target = schedule(x_account, at=now)
    services.dispatch_due(now=now)

    assert services.dispatch_due(now=now + timedelta(seconds=30)) == []
    assert services.dispatch_due(now=now + timedelta(seconds=61)) == [services.Dispatched(target.pk, None)]


def test_a_target_whose_worker_died_is_found_by_the_dispatcher(schedule, x_account):
    now = timezone.now()
    target = schedule(x_account, at=now - timedelta(minutes=5))
    PostTarget.objects.filter(pk=target.pk).update(state=TargetState.PUBLISHING, lease_expires_at=now)

    assert services.dispatch_due(now=now - timedelta(seconds=1)) == []  # the lease still holds
    assert services.dispatch_due(now=now + timedelta(seconds=1)) == [services.Dispatched(target.pk, None)]


def test_drafts_cancelled_and_published_targets_are_never_claimed(schedule, x_account):
    now = timezone.now()
    for state in (TargetState.DRAFT, TargetState.CANCELLED, TargetState.PUBLISHED, TargetState.FAILED):
        schedule(x_account, at=now, state=state)

    assert services.dispatch_due(now=now) == []


@pytest.mark.django_db(transaction=True)
def test_a_dispatched_target_goes_out_through_the_publish_task(target, simulator, x_user, eager_tasks):
    # Committed for real: the tasks are sent when the dispatcher's transaction commits.
    services.dispatch_due()

    target.refresh_from_db()
    assert target.state == TargetState.PUBLISHED
    assert target.enqueued_at is None
    assert len(simulator.posts_for("twitter", x_user["id"])) == 1


@pytest.mark.django_db(transaction=True)
def test_two_dispatchers_at_once_claim_each_due_target_once(schedule, x_account, make_post):
    now = timezone.now()
    due = {schedule(x_account, post=make_post(text=f"Tip {n}"), at=now).pk for n in range(40)}
    start = threading.Barrier(2)
    results: list[list[int]] = []

    def dispatcher():
        start.wait()
        try:
            results.append([item.target_id for item in services.dispatch_due(now=now)])
        finally:
            connection.close()

    threads = [threading.Thread(target=dispatcher) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    first, second = results
    assert set(first) | set(second) == due
    assert not set(first) & set(second)


def test_postgresql_claims_with_skip_locked(schedule, x_account):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SKIP LOCKED is PostgreSQL's; SQLite claims with a compare-and-set per row")
    schedule(x_account)

    with CaptureQueriesContext(connection) as queries:
        services.dispatch_due()

    assert any("FOR UPDATE SKIP LOCKED" in query["sql"] for query in queries.captured_queries)
