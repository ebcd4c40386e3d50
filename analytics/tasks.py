"""Celery tasks for analytics: thin, delegating to analytics.collection in one line.

Rounds run on a queue of their own ("analytics"), one at a time and time-boxed, so a round holds
at most one worker thread for a while and publishing keeps the others.
"""

from __future__ import annotations

from celery import shared_task
from django.db import close_old_connections

from analytics import collection


@shared_task(acks_late=True, ignore_result=True)
def collect_metrics() -> None:
    """Beat, every METRICS_ROUND_INTERVAL_S: read the figures that are due (analytics.collection)."""
    close_old_connections()
    try:
        collection.collect(yield_to_publishing=True)
    finally:
        close_old_connections()
