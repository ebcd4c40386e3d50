"""The real components answer: the database, Redis, and a Celery worker through Redis.

On a developer's machine that is SQLite and the embedded Redis; in CI,
PostgreSQL and Redis from Debian's packages (DATABASE_URL, REDIS_URL).
"""

import os

import pytest
import redis
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.db import connection

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
