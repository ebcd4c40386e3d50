"""Chaos in the suite: a real thread-pool worker publishes a small burst while the network misbehaves.

Each test runs a Celery worker in this process (``start_worker``, thread pool)
against the test's Redis, on a queue of its own, and plays the beat itself by
calling the dispatcher until every target settles. The simulator's record is
the proof: every post text appears exactly once. The slow chaos (kill -9 of a
worker process, a Redis restart, 2,000-target bursts) is in bench/chaos.py.
"""

import time
from datetime import timedelta

import pytest
from celery.contrib.testing.worker import start_worker
from django.db import connection
from django.utils import timezone

from accounts import connections
from accounts.models import ConnectedAccount
from platforms.base import Draft
from posts.models import FailureReason, PostTarget, TargetState
from scheduler import services
from scheduler.models import PublishAttempt
from tests.scheduler.conftest import make_due

SETTLED = {TargetState.PUBLISHED, TargetState.FAILED, TargetState.NEEDS_ATTENTION}

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def quick_engine(settings):
    """Retries in tens of milliseconds instead of tens of seconds; the decisions are the engine's own."""
    settings.DISPATCH_INTERVAL_S = 0.2
    settings.PUBLISH_BACKOFF_BASE_S = 0.05
    settings.PUBLISH_MAX_ATTEMPTS = 4
    settings.PLATFORM_TIMEOUT_S = 2.0


@pytest.fixture
def burst(schedule, make_post, x_account):
    """``burst(n)``: n targets on X due now, texts "Chaos tip <n>: ..."."""

    def make(count: int, account=None):
        return [
            schedule(account or x_account, post=make_post(text=f"Chaos tip {n}: wash your hands."))
            for n in range(count)
        ]

    return make


def publish_with_a_real_worker(app, targets, *, seconds: float = 20.0) -> dict[int, PostTarget]:
    """Run a worker and dispatch as beat would, until every target settles or waits for a later
    time (a rate limit's reset); the targets as they ended."""
    ids = [t.pk for t in targets]
    with start_worker(app, pool="threads", concurrency=6, perform_ping_check=False, shutdown_timeout=30):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            services.dispatch_due()
            soon = timezone.now() + timedelta(seconds=2)
            busy = PostTarget.objects.filter(pk__in=ids).exclude(state__in=SETTLED)
            if not busy.exclude(state=TargetState.SCHEDULED, due_at__gt=soon).exists():
                break  # settled, or waiting for a later time the test may bring forward
            time.sleep(0.1)
    connection.close()
    return {t.pk: t for t in PostTarget.objects.filter(pk__in=ids)}


def received_texts(simulator) -> list[str]:
    return sorted(post.text for post in simulator.posts_for("twitter"))


def expected_texts(count: int) -> list[str]:
    return sorted(f"Chaos tip {n}: wash your hands." for n in range(count))


def test_server_errors_in_a_burst_are_retried_and_each_post_goes_out_once(worker_app, burst, simulator):
    targets = burst(12)
    simulator.fail("twitter", "POST /2/tweets", status=500, times=5)

    ended = publish_with_a_real_worker(worker_app, targets)

    assert {t.state for t in ended.values()} == {TargetState.PUBLISHED}
    assert received_texts(simulator) == expected_texts(12)
    assert PublishAttempt.objects.filter(outcome=PublishAttempt.Outcome.TRANSIENT).count() == 5


def test_a_network_that_keeps_failing_fails_the_burst_with_the_reason_and_posts_nothing(worker_app, burst, simulator):
    targets = burst(4)
    simulator.fail("twitter", "POST /2/tweets", status=500, times=None)

    ended = publish_with_a_real_worker(worker_app, targets)

    assert {(t.state, t.failure_reason) for t in ended.values()} == {(TargetState.FAILED, FailureReason.TRANSIENT)}
    assert all(t.attempts == 4 for t in ended.values())
    assert received_texts(simulator) == []


def test_posts_accepted_but_unanswered_are_found_on_the_network_not_sent_again(worker_app, burst, simulator):
    targets = burst(8)
    simulator.fail("twitter", "POST /2/tweets", drop_after_accept=True, times=3)

    ended = publish_with_a_real_worker(worker_app, targets)

    assert {t.state for t in ended.values()} == {TargetState.PUBLISHED}
    assert received_texts(simulator) == expected_texts(8)
    by_text = {post.text: post.id for post in simulator.posts_for("twitter")}
    assert {t.external_id for t in ended.values()} == set(by_text.values())
    assert PublishAttempt.objects.filter(outcome=PublishAttempt.Outcome.RECONCILED).count() == 3


def test_a_rate_limited_burst_waits_for_the_reset_then_goes_out_once(worker_app, burst, simulator, settings):
    targets = burst(6)
    # One 429: how many posts were already on their way when it came depends on the threads'
    # timing; every one after it waits for the account's budget without asking X.
    simulator.fail("twitter", "POST /2/tweets", status=429, reset_in=1, times=1)

    waiting = publish_with_a_real_worker(worker_app, targets)

    held = [t for t in waiting.values() if t.state == TargetState.SCHEDULED]
    assert held and all(t.due_at > timezone.now() for t in held)
    assert len(received_texts(simulator)) == 6 - len(held)
    assert PublishAttempt.objects.filter(outcome=PublishAttempt.Outcome.RATE_LIMITED).count() == 1

    time_passes_for(held, settings)
    ended = publish_with_a_real_worker(worker_app, targets)

    assert {t.state for t in ended.values()} == {TargetState.PUBLISHED}
    assert received_texts(simulator) == expected_texts(6)


def time_passes_for(targets, settings) -> None:
    """The rate limit's reset arrives: the targets are due and the account's block in Redis is gone."""
    import redis

    for target in targets:
        make_due(target)
    client = redis.Redis.from_url(settings.REDIS_URL)
    for key in client.scan_iter(f"{settings.PUBLISH_BUDGET_KEY_PREFIX}:*"):
        client.delete(key)


def test_expired_tokens_mid_burst_are_refreshed_and_each_post_goes_out_once(
    worker_app, burst, simulator, x_account, x_user
):
    targets = burst(8)
    simulator.tokens.expire_access_tokens("twitter", x_user["id"])

    ended = publish_with_a_real_worker(worker_app, targets)

    assert {t.state for t in ended.values()} == {TargetState.PUBLISHED}
    assert received_texts(simulator) == expected_texts(8)
    x_account.refresh_from_db()
    assert x_account.status == ConnectedAccount.Status.ACTIVE


def test_a_worker_that_died_after_sending_is_reconciled_not_posted_twice(worker_app, burst, simulator, x_account):
    """The state kill -9 leaves behind: request sent and recorded by the network, lease expired, no answer."""
    targets = burst(3)
    died = targets[0]
    sent_at = timezone.now() - timedelta(seconds=5)
    assert died.move(
        TargetState.PUBLISHING,
        expected=[TargetState.SCHEDULED],
        lease_expires_at=sent_at,
        request_sent_at=sent_at,
        attempts=1,
    )
    PublishAttempt.objects.create(target=died, started_at=sent_at, request_sent_at=sent_at)
    adapter = connections.adapter_for("twitter")
    on_network = adapter.publish(connections.credentials_for(x_account), Draft(text=died.text))

    ended = publish_with_a_real_worker(worker_app, targets)

    assert {t.state for t in ended.values()} == {TargetState.PUBLISHED}
    assert ended[died.pk].external_id == on_network.external_id
    assert received_texts(simulator) == expected_texts(3)
