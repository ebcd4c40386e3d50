"""The real components answer: the database, Redis, and a Celery worker through Redis.

On a developer's machine that is SQLite and the embedded Redis; in CI,
PostgreSQL and Redis from Debian's packages (DATABASE_URL, REDIS_URL).
"""

import os
import time
from contextlib import contextmanager

import pytest
import redis
from celery import signals
from celery.contrib.testing.worker import start_worker
from celery.fixups.django import DjangoWorkerFixup
from django.conf import settings
from django.db import connection, connections

from physsocial.celery import app


def test_the_suite_runs_on_the_database_the_environment_names():
    expected = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    assert connection.vendor == expected


def test_redis_from_the_environment_answers():
    assert redis.Redis.from_url(settings.REDIS_URL, socket_timeout=5).ping()


@pytest.mark.django_db
def test_health_endpoint_reports_database_and_redis(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "redis": "ok"}


@pytest.mark.django_db(transaction=True)
def test_a_celery_worker_answers_through_the_redis_broker():
    app.conf.broker_url = settings.REDIS_URL
    with start_worker(app, pool="threads", concurrency=2, perform_ping_check=False, shutdown_timeout=10):
        replies = app.control.ping(timeout=5)
    assert replies, "no worker answered a ping sent through Redis"


@app.task(name="tests.remember_database_connection")
def remember_database_connection() -> None:
    connection.ensure_connection()
    # The object itself is kept, so a later connection cannot reuse its id.
    connections_seen.append(connection.connection)


connections_seen: list = []


@contextmanager
def celery_django_fixup():
    """The fix-up ``celery worker`` installs at start-up (``start_worker`` does not)."""
    fixup = DjangoWorkerFixup(app)
    signals.task_prerun.connect(fixup.on_task_prerun)
    signals.task_postrun.connect(fixup.on_task_postrun)
    try:
        yield
    finally:
        signals.task_prerun.disconnect(fixup.on_task_prerun)
        signals.task_postrun.disconnect(fixup.on_task_postrun)


@pytest.mark.django_db(transaction=True)
def test_worker_tasks_keep_their_database_connection_as_requests_do(settings, monkeypatch):
    # Celery's Django fix-up closed it around every task: a new PostgreSQL backend per
    # publish, which halved a burst's throughput (bench/RESULTS.md).
    app.conf.broker_url = settings.REDIS_URL
    # The production default; some suites' fixtures turn reuse off for the whole run.
    monkeypatch.setitem(connections.settings["default"], "CONN_MAX_AGE", 60)
    connections_seen.clear()
    app.control.purge()
    with celery_django_fixup(), start_worker(app, pool="threads", concurrency=1, perform_ping_check=False):
        for count in (1, 2):
            remember_database_connection.delay()
            wait_for(lambda count=count: len(connections_seen) == count)
    first, second = connections_seen
    first.close()  # the worker's thread is gone; its connection must not outlive the test database
    assert first is second


def test_a_task_closes_a_connection_older_than_its_maximum_age(django_db_blocker):
    with django_db_blocker.unblock():
        connection.ensure_connection()
        connection.close_at = time.monotonic() - 1  # CONN_MAX_AGE has passed
        signals.task_postrun.send(sender=remember_database_connection, task=remember_database_connection)
        assert connection.connection is None


def wait_for(condition, *, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the worker did not run the task"
        time.sleep(0.02)
