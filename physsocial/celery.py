"""The Celery app: Redis broker, JSON only, late acknowledgement.

Tasks take ids and are safe to run twice; the database, not the broker,
holds every schedule (see scheduler/).
"""

import os
import sys

from celery import Celery
from celery.signals import worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "physsocial.settings")

app = Celery("physsocial")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_init.connect
def _shorten_gil_switch_interval(**_) -> None:
    """A thread-pool worker's one consumer thread takes every message off Redis and then waits for
    the GIL behind the busy pool threads; a shorter switch interval lets it back in sooner
    (WORKER_SWITCH_INTERVAL_S; bench/RESULTS.md has the figures)."""
    from django.conf import settings

    interval = float(getattr(settings, "WORKER_SWITCH_INTERVAL_S", 0) or 0)
    if interval > 0:
        sys.setswitchinterval(interval)
