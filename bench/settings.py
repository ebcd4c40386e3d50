"""The project's settings, with the few knobs a bench or chaos run turns.

Everything else (database, Redis, network URLs, Celery options, and the
engine's DISPATCH_INTERVAL_S, PUBLISH_LEASE_S, ... which bench/common.py sets
through their own environment variables) comes from ``physsocial.settings``,
exactly as in production. Only these differ:

* the posting budgets are raised far above the simulator's load rather than
  turned off, so every publish still pays for its Redis round trip;
* the schema is built from the models, as ``pytest --no-migrations`` does, so a
  bench runs while a model change waits for its migration.

The experiments bench/publish.py offers (``--switch-interval``, ``--conn-max-age``,
``--ack-emulation``) set the project's own variables (WORKER_SWITCH_INTERVAL_S,
DATABASE_CONN_MAX_AGE, CELERY_BROKER_ACK_EMULATION).
"""

import os

from physsocial.settings import *  # noqa: F403

_BIG = {"scope": "app", "limit": 10_000_000, "window_s": 86400}
PUBLISH_BUDGETS = {
    network: [{**_BIG, "scope": "account"}, _BIG] for network in ("twitter", "linkedin", "instagram", "facebook")
}
PUBLISH_BUDGET_KEY_PREFIX = os.environ.get("BENCH_BUDGET_PREFIX", "bench:budget")
# Read budgets raised the same way (bench/metrics.py reads 10,000 posts twice in a few minutes).
METRICS_READ_BUDGETS = {network: [{**_BIG, "scope": "account"}, _BIG] for network in ("twitter", "linkedin")}


class _NoMigrations(dict):
    """Every app "has no migrations": ``migrate --run-syncdb`` creates the tables from the models."""

    def __contains__(self, app_label: object) -> bool:
        return True

    def __getitem__(self, app_label: str) -> None:
        return None


MIGRATION_MODULES = _NoMigrations()
