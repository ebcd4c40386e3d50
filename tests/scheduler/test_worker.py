"""A real Celery worker with a thread pool publishes each dispatched target exactly once.

The worker runs in this process against the test's Redis broker, on a queue
of its own so no other worker can take our messages.
"""

import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.db import connection

from posts.models import PostTarget, TargetState
from scheduler import services


@pytest.mark.django_db(transaction=True)
def test_a_thread_pool_worker_publishes_each_dispatched_target_once(
    worker_app, schedule, x_account, make_post, simulator
):
    simulator.latency_s = 0.05
    targets = [schedule(x_account, post=make_post(text=f"Health tip {n}: drink water.")) for n in range(24)]

    with start_worker(worker_app, pool="threads", concurrency=8, perform_ping_check=False, shutdown_timeout=30):
        services.dispatch_due()
        services.dispatch_due()  # a second tick while the first one's tasks run: nothing new to claim
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if not PostTarget.objects.exclude(state=TargetState.PUBLISHED).filter(pk__in=[t.pk for t in targets]):
                break
            time.sleep(0.1)
    connection.close()

    assert set(PostTarget.objects.filter(pk__in=[t.pk for t in targets]).values_list("state", flat=True)) == {
        TargetState.PUBLISHED
    }
    texts = sorted(post.text for post in simulator.posts_for("twitter"))
    assert texts == sorted(f"Health tip {n}: drink water." for n in range(24))
