"""Celery tasks for publishing: thin, take ids, delegate to scheduler.services in one line.

The worker runs a thread pool (``--pool threads``): publishing waits on the
networks, not the CPU. Django keeps one database connection per thread, and
nothing closes it between tasks in a thread pool the way a request ends in a
web server. So each task starts and ends with ``close_old_connections()``: a
connection that broke (a database restart) or outlived ``CONN_MAX_AGE`` is
dropped instead of failing the next task on that thread. Each pool thread keeps
its connection between tasks for ``DATABASE_CONN_MAX_AGE`` seconds (default 60),
because opening one per task cost about 14 % of a publish; size PostgreSQL's
``max_connections`` for every worker thread plus the web processes.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from celery import shared_task
from django.db import close_old_connections

from scheduler import digest, services


@contextmanager
def _fresh_connection() -> Iterator[None]:
    close_old_connections()
    try:
        yield
    finally:
        close_old_connections()


@shared_task(acks_late=True, ignore_result=True)
def dispatch_due() -> None:
    """Beat, every DISPATCH_INTERVAL_S: claim due targets and enqueue their publish tasks."""
    with _fresh_connection():
        services.dispatch_due()


@shared_task(acks_late=True, ignore_result=True)
def publish_target(target_id: int) -> None:
    """Publish one target. Safe to run twice: the service claims it with a compare-and-set."""
    with _fresh_connection():
        services.publish_target(target_id)


@shared_task(acks_late=True, ignore_result=True)
def publish_targets(target_ids: list[int], not_before: str | None = None) -> None:
    """Publish several targets due together, one after another, not before ``not_before`` (a
    burst's batch; see ``services.message_batches``). Claimed together, each with its own
    compare-and-set, and their successes written together after their requests."""
    with _fresh_connection():
        services.publish_targets(target_ids, not_before=datetime.fromisoformat(not_before) if not_before else None)


@shared_task(acks_late=True, ignore_result=True)
def send_daily_digests() -> None:
    """Beat, every 15 minutes: each owner's and admin's daily digest, once their 07:00 has come.
    Safe to run twice: each person's day is claimed before it is sent (scheduler.digest)."""
    with _fresh_connection():
        digest.send_daily_digests()
