"""How simulated posts do over time: deterministic, plausible figures for every network's metrics reads.

A post's figures depend only on its id and its age, so two reads an hour apart grow and a test can
predict what it will see: views rise quickly in the first day and flatten over a month, the
interactions follow as a fixed share of the views. Followers grow slowly with the calendar day.
Nothing here knows a network's field names; each network module spells them its own way.
"""

from __future__ import annotations

import hashlib
import math
import re
from datetime import UTC, datetime, timedelta
from typing import Any

from simulator.core import RecordedPost, Simulator, now_utc

# Shares of the views each interaction reaches (before a per-post jitter).
RATES = {
    "reach": 0.72,
    "likes": 0.045,
    "comments": 0.006,
    "shares": 0.009,
    "saves": 0.011,
    "clicks": 0.016,
    "quotes": 0.002,
    "bookmarks": 0.004,
}
HALF_LIFE_HOURS = 14.0  # most views arrive in the first day or two


def _seed(key: str) -> int:
    return int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big")


def figures(post_id: str, published_at: datetime, now: datetime | None = None) -> dict[str, int]:
    """The generic figures of a post ``now``: views, reach, likes, comments, shares, saves, clicks…"""
    now = now or now_utc()
    hours = max((now - published_at).total_seconds() / 3600, 0.0)
    seed = _seed(post_id)
    ceiling = 300 + seed % 4700  # the views this post will end with
    # Fast rise, long tail: 1 - 2^(-h/half-life), plus a slow trickle that keeps 30 days above 7.
    grown = (1 - math.pow(2, -hours / HALF_LIFE_HOURS)) * 0.93 + min(hours / (24 * 30), 1) * 0.07
    views = int(ceiling * grown)
    jitter = 0.75 + (seed >> 16) % 50 / 100  # 0.75 .. 1.24, fixed per post
    values = {"views": views}
    for name, rate in RATES.items():
        values[name] = int(views * rate * jitter)
    values["reach"] = min(values["reach"], views)
    return values


def followers(account_id: str, now: datetime | None = None) -> int:
    """An account's followers today: a base of its own plus a few a day since 1 January 2026."""
    now = now or now_utc()
    seed = _seed("followers:" + account_id)
    days = max((now.date() - datetime(2026, 1, 1, tzinfo=UTC).date()).days, 0)
    return 120 + seed % 4000 + days * (1 + seed % 7)


# The demo's history: ``make run`` seeds posts "published" days before this simulator started, with
# ids ``demo-{epoch seconds}-...``. Asked by the account that owns them, they read as posts of that
# account published then, so the demo's analytics have figures; nothing else is made up.
DEMO_HISTORY = re.compile(r"^demo-(\d{9,11})-")


def posts_by_id(sim: Simulator, network: str, ids: list[str], *, owner: str = "") -> dict[str, RecordedPost]:
    wanted = set(ids)
    found = {post.id: post for post in sim.posts_for(network) if post.id in wanted}
    for post_id in wanted - found.keys() if owner else ():
        match = DEMO_HISTORY.match(post_id)
        if match:
            published_at = datetime.fromtimestamp(int(match[1]), UTC)
            found[post_id] = RecordedPost(
                network=network, account_id=owner, id=post_id, text="", url="", received_at=published_at
            )
    return found


def seed_published(sim: Simulator, data: dict[str, Any]) -> list[str]:
    """``POST /_sim/published``: record ``count`` posts of one account as published ``age_s`` ago,
    without going through the publishing flow (bench runs read the figures of 10,000 posts).
    ``{"network", "account_id", "count", "age_s", "prefix"?}``; returns their ids in the network's
    form (a page post ``{page}_{n}``, a LinkedIn share URN, an X or Instagram or YouTube id)."""
    network, account_id = str(data["network"]), str(data["account_id"])
    count, age_s = int(data.get("count", 1)), float(data.get("age_s", 3600))
    received_at = now_utc() - timedelta(seconds=age_s)
    ids = []
    for _ in range(count):
        number = sim.next_id()
        post_id = {
            "facebook": f"{account_id}_{number}",
            "linkedin": f"urn:li:share:{7_500_000_000_000_000_000 + int(number)}",
            "youtube": f"sim{int(number):08d}",
        }.get(network, f"{1_870_000_000_000_000_000 + int(number)}")
        sim.record_post(
            RecordedPost(
                network=network,
                account_id=account_id,
                id=post_id,
                text="",
                url="",
                received_at=received_at,
                extra={"seeded": True, "privacy": "public", "created_at_ms": int(received_at.timestamp() * 1000)},
            )
        )
        ids.append(post_id)
    return ids
