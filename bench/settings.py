"""The project's settings, with the few knobs a bench or chaos run turns.

Everything else (database, Redis, network URLs, Celery options, and the
engine's DISPATCH_INTERVAL_S, PUBLISH_LEASE_S, ... which bench/common.py sets
through their own environment variables) comes from ``physsocial.settings``,
exactly as in production. Only these differ:

* the posting budgets are raised far above the simulator's load rather than
  turned off, so every publish still pays for its Redis round trip;
* two experiment knobs, off unless their ``BENCH_*`` variable is set.
"""

import os

from physsocial.settings import *  # noqa: F403

_BIG = {"scope": "app", "limit": 10_000_000, "window_s": 86400}
PUBLISH_BUDGETS = {
    network: [{**_BIG, "scope": "account"}, _BIG] for network in ("twitter", "linkedin", "instagram", "facebook")
}
PUBLISH_BUDGET_KEY_PREFIX = os.environ.get("BENCH_BUDGET_PREFIX", "bench:budget")

# Experiment: Python's GIL switch interval in the worker (default 5 ms). A thread-pool worker's
# consumer thread makes three Redis round trips per message and waits for the GIL after each.
if os.environ.get("BENCH_SWITCH_INTERVAL_S"):
    import sys

    sys.setswitchinterval(float(os.environ["BENCH_SWITCH_INTERVAL_S"]))

# Experiment: persistent database connections in the worker (the project's default is 0,
# a new connection for every task). Health checks drop a connection a restart broke.
if os.environ.get("BENCH_CONN_MAX_AGE"):
    DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ["BENCH_CONN_MAX_AGE"])  # noqa: F405
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

# Experiment: no acknowledgement emulation in kombu's Redis transport. A message leaves Redis when
# a worker takes it, saving two of the three round trips per message; a message lost with a
# worker is then recovered by the engine's own re-dispatch (DISPATCH_REQUEUE_AFTER_S), not Redis.
if os.environ.get("BENCH_NO_ACK_EMULATION"):
    CELERY_BROKER_TRANSPORT_OPTIONS = {"ack_emulation": False}
