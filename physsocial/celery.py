"""The Celery app: Redis broker, JSON only, late acknowledgement.

Tasks take ids and are safe to run twice; the database, not the broker,
holds every schedule (see scheduler/).
"""

import logging
import os
import sys

from celery import Celery
from celery.signals import setup_logging, task_postrun, task_prerun, worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "physsocial.settings")

app = Celery("physsocial")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@setup_logging.connect
def _log_as_the_web_process_does(loglevel: int | str | None = None, **_) -> None:
    """Worker and beat log through settings.LOGGING, as web does: times in UTC, JSON in production,
    the dispatcher's idle tick at DEBUG (physsocial/logs.py). Celery's own set-up would print
    local times in another format. ``-l`` on the command line still sets the level."""
    import logging.config

    from django.conf import settings

    logging.config.dictConfig(settings.LOGGING)
    if loglevel:
        logging.getLogger().setLevel(loglevel)


@worker_init.connect
def _set_gil_switch_interval(**_) -> None:
    """WORKER_SWITCH_INTERVAL_S, when set: how long a pool thread holds the GIL before another
    (the consumer thread among them) may take it. Python's 5 ms by default (settings.py says why)."""
    from django.conf import settings

    interval = float(getattr(settings, "WORKER_SWITCH_INTERVAL_S", 0) or 0)
    if interval > 0:
        sys.setswitchinterval(interval)


@task_prerun.connect
@task_postrun.connect
def _close_old_database_connections(task=None, **_) -> None:
    """Around each task, what Django does around each request: close this thread's connections
    that are broken or older than CONN_MAX_AGE, keep the others (see CELERY_DB_REUSE_MAX).
    Not for eager tasks: they run inside the caller's connection and transaction."""
    if task is not None and getattr(task.request, "is_eager", False):
        return
    from django.db import close_old_connections

    close_old_connections()


@worker_init.connect
def _load_the_networks_adapters(**_) -> None:
    """Import every configured network's adapter and SDK before taking messages: loading tweepy and
    requests at the first post took about 150 ms of a worker's CPU (5 % of a burst of 2,000 posts
    over two workers), and the first post after a start waited for it. One SDK that will not import
    is logged and leaves the others working (platforms.load_adapters)."""
    from django.conf import settings

    import platforms

    for network, error in platforms.load_adapters(settings.PLATFORMS).items():
        logging.getLogger(__name__).warning(
            "the %s adapter could not be loaded (%s); its posts will fail until it can", network, type(error).__name__
        )
