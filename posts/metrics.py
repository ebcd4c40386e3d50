"""A published target's figures: when they are read, and what each is called.

The figures are read about 1 hour, 24 hours, 7 days and 30 days after publishing, then never
again (``PostTarget.metrics_due_at`` holds the next read; null after the last). The engine sets
the first read in the statement that marks a target published; ``analytics.collection`` reads
them and moves the next one on. Names are the adapters' (``platforms.base.METRIC_NAMES``).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils.translation import gettext_lazy as _

# (stage, age after publishing) in order; MetricSnapshot.Stage spells the same stages.
READS = (
    ("1h", timedelta(hours=1)),
    ("24h", timedelta(hours=24)),
    ("7d", timedelta(days=7)),
    ("30d", timedelta(days=30)),
)

LABELS = {
    "views": _("Views"),
    "reach": _("Reach"),
    "likes": _("Likes"),
    "comments": _("Comments"),
    "shares": _("Shares"),
    "quotes": _("Quotes"),
    "saves": _("Saves"),
    "bookmarks": _("Bookmarks"),
    "clicks": _("Clicks"),
}


def first_read(published_at: datetime) -> datetime:
    return published_at + READS[0][1]


def stage_at(published_at: datetime, now: datetime) -> str:
    """The stage a read made ``now`` stands for: the latest one whose age has come."""
    stage = READS[0][0]
    for name, age in READS:
        if now >= published_at + age:
            stage = name
    return stage


def next_read(published_at: datetime, now: datetime) -> datetime | None:
    """When to read again after a read at ``now``: the next age not yet reached, or None after 30 days."""
    for _stage, age in READS:
        if published_at + age > now:
            return published_at + age
    return None


def shown(values: dict) -> list[tuple[str, str, int]]:
    """``[(name, label, value)]`` in a fixed order, for pages: only what the network gave."""
    return [(name, str(label), values[name]) for name, label in LABELS.items() if isinstance(values.get(name), int)]
