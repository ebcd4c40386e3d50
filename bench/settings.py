"""The project's settings, with the few knobs a bench or chaos run turns.

Everything else (database, Redis, network URLs, Celery options) comes from
``physsocial.settings`` and the environment, exactly as in production. Only
these change, each from a ``BENCH_*`` variable that bench/common.py sets:

* ``DISPATCH_INTERVAL_S`` and the beat entry that runs the dispatcher;
* the posting budgets: raised far above the simulator's load rather than
  turned off, so every publish still pays for its Redis round trip;
* the lease, re-queue and backoff times, shortened for chaos runs so a killed
  worker's targets come back in seconds rather than minutes.
"""

import os
from datetime import timedelta

from physsocial.settings import *  # noqa: F403
from physsocial.settings import CELERY_BEAT_SCHEDULE


def _float(name: str, default: float) -> float:
    return float(os.environ.get(name, default))


DISPATCH_INTERVAL_S = _float("BENCH_DISPATCH_INTERVAL_S", 2)
CELERY_BEAT_SCHEDULE = {
    **{k: v for k, v in CELERY_BEAT_SCHEDULE.items() if k != "refresh-expiring-tokens"},
    "dispatch-due-targets": {
        "task": "scheduler.tasks.dispatch_due",
        "schedule": timedelta(seconds=DISPATCH_INTERVAL_S),
        "options": {"expires": DISPATCH_INTERVAL_S},
    },
}

_BIG = {"scope": "app", "limit": 10_000_000, "window_s": 86400}
PUBLISH_BUDGETS = {
    network: [{**_BIG, "scope": "account"}, _BIG] for network in ("twitter", "linkedin", "instagram", "facebook")
}
PUBLISH_BUDGET_KEY_PREFIX = os.environ.get("BENCH_BUDGET_PREFIX", "bench:budget")

# Chaos runs shorten these; unset, the engine's defaults apply.
if os.environ.get("BENCH_PUBLISH_LEASE_S"):
    PUBLISH_LEASE_S = _float("BENCH_PUBLISH_LEASE_S", 120)
if os.environ.get("BENCH_DISPATCH_REQUEUE_AFTER_S"):
    DISPATCH_REQUEUE_AFTER_S = _float("BENCH_DISPATCH_REQUEUE_AFTER_S", 60)
if os.environ.get("BENCH_PUBLISH_BACKOFF_BASE_S"):
    PUBLISH_BACKOFF_BASE_S = _float("BENCH_PUBLISH_BACKOFF_BASE_S", 30)
if os.environ.get("BENCH_PUBLISH_MAX_ATTEMPTS"):
    PUBLISH_MAX_ATTEMPTS = int(os.environ["BENCH_PUBLISH_MAX_ATTEMPTS"])

# Experiment knob: Python's GIL switch interval in the worker (default 5 ms). A thread-pool
# worker's consumer thread waits for the GIL after every Redis round trip; see bench/RESULTS.md.
if os.environ.get("BENCH_SWITCH_INTERVAL_S"):
    import sys

    sys.setswitchinterval(float(os.environ["BENCH_SWITCH_INTERVAL_S"]))

# Experiment knob: persistent database connections in the worker (the project's default is 0,
# a new connection for every task). Health checks drop a connection a restart broke.
if os.environ.get("BENCH_CONN_MAX_AGE"):
    DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ["BENCH_CONN_MAX_AGE"])  # noqa: F405
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
