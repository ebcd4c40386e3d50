"""A published target's figures: when they are read, and what each is called.

The figures are read about 1 hour, 24 hours, 7 days and 30 days after publishing, then never
again (``PostTarget.metrics_due_at`` holds the next read; null after the last). The engine sets
the first read in the statement that marks a target published; ``analytics.collection`` reads
them and moves the next one on. Names are the adapters' (``platforms.base.METRIC_NAMES``).

**Engagement and reach** are defined here, once: ``NETWORK_METRICS`` says which of each network's
figures are interactions (summed into engagement) and which is its reach (impressions or views).
The collector stores both on the target as numbers when it reads the figures, the migration that
added those columns computed them for the rows already read, and the Analytics page sums them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

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


@dataclass(frozen=True)
class NetworkMetrics:
    #: The interactions summed into engagement, by the names the collector stores them under.
    engagement: tuple[str, ...]
    #: The impressions or views the network gives, if any.
    reach: str | None


#: Which of each network's figures are engagement and which is reach: the one table.
NETWORK_METRICS: dict[str, NetworkMetrics] = {
    # The collector's names (platforms.base.METRIC_NAMES): X's reposts are "shares", its replies
    # "comments"; Facebook's reactions are "likes"; every network's impressions are "views".
    "twitter": NetworkMetrics(engagement=("likes", "shares", "comments", "quotes"), reach="views"),
    "facebook": NetworkMetrics(engagement=("likes", "comments", "shares"), reach="views"),
    "instagram": NetworkMetrics(engagement=("likes", "comments", "shares", "saves"), reach="views"),
    "linkedin": NetworkMetrics(engagement=("likes", "comments", "shares"), reach="views"),
    "youtube": NetworkMetrics(engagement=("likes", "comments"), reach="views"),
}


def _figure(values: dict[str, Any], name: str) -> int | None:
    value = values.get(name)
    # bool is an int to Python, but never a count.
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def engagement(network: str, values: dict[str, Any]) -> int:
    """The interactions ``network`` counts, summed; one it did not give counts as 0, and a
    network we have no definition for has none."""
    definition = NETWORK_METRICS.get(network)
    if definition is None:
        return 0
    return sum(_figure(values, name) or 0 for name in definition.engagement)


def reach(network: str, values: dict[str, Any]) -> int | None:
    """The impressions or views ``network`` gave; None when it gave none (absent, never zero)."""
    definition = NETWORK_METRICS.get(network)
    if definition is None or definition.reach is None:
        return None
    return _figure(values, definition.reach)


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
