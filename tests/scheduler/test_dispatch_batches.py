"""In a burst, the dispatcher sends several due targets per message, so the workers spend their
CPU on posts rather than on messages; a few due targets still travel one per message."""

import time
from datetime import UTC, datetime, timedelta

import pytest
from celery.contrib.testing.worker import start_worker
from celery.signals import before_task_publish
from django.db import connection
from django.utils import timezone

from posts.models import PostTarget, TargetState
from scheduler import services
from scheduler import tasks as scheduler_tasks
from scheduler.services import Dispatched, message_batches

NINE = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


def test_a_few_targets_due_together_go_one_per_message(settings):
    settings.DISPATCH_SPREAD = 64
    dispatched = [Dispatched(n, NINE) for n in range(1, 65)]

    assert message_batches(dispatched) == [(NINE, [n]) for n in range(1, 65)]


def test_a_burst_shares_messages_up_to_the_largest_batch(settings):
    settings.DISPATCH_SPREAD, settings.DISPATCH_BATCH_MAX = 64, 10
    dispatched = [Dispatched(n, NINE) for n in range(1, 2001)]

    messages = message_batches(dispatched)

    assert len(messages) == 200
    assert all(len(ids) == 10 for _, ids in messages)
    assert sorted(i for _, ids in messages for i in ids) == list(range(1, 2001))  # each target once


def test_a_batch_is_dealt_round_robin_so_a_posts_networks_go_out_in_parallel(settings):
    settings.DISPATCH_SPREAD, settings.DISPATCH_BATCH_MAX = 3, 10  # six targets: three messages of two
    dispatched = [Dispatched(n, NINE) for n in range(1, 7)]

    assert message_batches(dispatched) == [(NINE, [1, 4]), (NINE, [2, 5]), (NINE, [3, 6])]


def test_no_target_leaves_before_its_time(settings):
    settings.DISPATCH_SPREAD = 1
    first, second = NINE + timedelta(milliseconds=100), NINE + timedelta(milliseconds=900)

    assert message_batches([Dispatched(1, first), Dispatched(2, second)]) == [(second, [1, 2])]


def test_targets_of_different_seconds_and_overdue_ones_never_share_a_message(settings):
    settings.DISPATCH_SPREAD = 1
    later = NINE + timedelta(seconds=1)
    dispatched = [Dispatched(1, None), Dispatched(2, NINE), Dispatched(3, later), Dispatched(4, None)]

    assert message_batches(dispatched) == [(None, [1, 4]), (NINE, [2]), (later, [3])]


@pytest.fixture
def sent_messages():
    """The publish messages the dispatcher sends, by task name, as Celery announces them."""
    sent = []

    def record(sender=None, body=None, **kwargs):
        sent.append((sender, body[0]))

    before_task_publish.connect(record, weak=False)
    yield sent
    before_task_publish.disconnect(record)


def wait_until_published(targets, *, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not PostTarget.objects.exclude(state=TargetState.PUBLISHED).filter(pk__in=[t.pk for t in targets]):
            return
        time.sleep(0.1)


@pytest.mark.django_db(transaction=True)
def test_a_worker_publishes_every_target_of_a_batched_burst_once(
    settings, worker_app, sent_messages, schedule, x_account, make_post, simulator
):
    settings.DISPATCH_SPREAD, settings.DISPATCH_BATCH_MAX = 4, 10
    simulator.latency_s = 0.02
    targets = [schedule(x_account, post=make_post(text=f"Flu shot reminder {n}.")) for n in range(20)]

    with start_worker(worker_app, pool="threads", concurrency=4, perform_ping_check=False, shutdown_timeout=30):
        services.dispatch_due()
        wait_until_published(targets)
    connection.close()

    assert [name for name, _ in sent_messages] == [scheduler_tasks.publish_targets.name] * 4
    assert sorted(i for _, (ids,) in sent_messages for i in ids) == sorted(t.pk for t in targets)
    assert set(PostTarget.objects.filter(pk__in=[t.pk for t in targets]).values_list("state", flat=True)) == {
        TargetState.PUBLISHED
    }
    texts = sorted(post.text for post in simulator.posts_for("twitter"))
    assert texts == sorted(f"Flu shot reminder {n}." for n in range(20))


@pytest.mark.django_db(transaction=True)
def test_a_target_that_breaks_does_not_hold_back_the_rest_of_its_batch(schedule, x_account, simulator):
    target = schedule(x_account, text="Clinic closed on Friday.")

    services.publish_targets([2**63, target.pk])  # the first id is out of the database's range: it raises

    target.refresh_from_db()
    assert target.state == TargetState.PUBLISHED
    assert [p.text for p in simulator.posts_for("twitter")] == ["Clinic closed on Friday."]


@pytest.mark.django_db(transaction=True)
def test_a_batch_waits_for_its_moment_before_publishing(schedule, x_account, simulator):
    moment = timezone.now() + timedelta(milliseconds=600)
    target = schedule(x_account, text="Vaccination day starts now.", at=moment)

    services.publish_targets([target.pk], not_before=moment)

    target.refresh_from_db()
    assert target.state == TargetState.PUBLISHED
    assert target.published_at >= moment  # sent at its time, not when the worker took the message
