"""Posting budgets in Redis, so we stay under each network's known limits instead of hitting them.

A network's 429 still wins (the engine re-queues the target at its reset time
and blocks the account here until then), but answering 429s costs requests,
and X counts refused posts against some caps too. Each budget is a fixed
window counter per account or per app (our client id), reserved atomically
for every window of a network at once by one Lua script, so a post is either
counted everywhere or nowhere.

Limits change with the network's pricing tier; these defaults are the
documented ones for the tier a small practice is likely to have, as of late
2026 (verify before relying on them). Override with ``settings.PUBLISH_BUDGETS``
(``{"twitter": [{"scope": "account", "limit": 100, "window_s": 86400}], ...}``,
an empty list for "no budget"), or turn them off with
``PUBLISH_BUDGETS_ENABLED = False`` (bench runs against the simulator).

If Redis cannot be reached the budget is not enforced (logged): a post on time
matters more, and the network's own 429 still protects the account.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import redis
from django.conf import settings

logger = logging.getLogger(__name__)

DAY_S = 24 * 3600


@dataclass(frozen=True)
class Budget:
    scope: str  # "account": per connected account; "app": per our client id on the network
    limit: int  # units per window
    window_s: int
    cost: int = 1  # units one post costs
    # A daily budget that resets at midnight in this time zone (YouTube: Pacific time) rather
    # than at midnight UTC; window_s is then a day.
    day_starts_in: str = ""

    def window(self, now_ms: int) -> tuple[int, int]:
        """The window ``now_ms`` falls in: its number and when it ends (ms since the epoch)."""
        if not self.day_starts_in:
            window_ms = self.window_s * 1000
            index = now_ms // window_ms
            return index, (index + 1) * window_ms
        zone = ZoneInfo(self.day_starts_in)
        today = datetime.fromtimestamp(now_ms / 1000, zone).date()
        midnight = datetime.combine(today + timedelta(days=1), time.min, tzinfo=zone)
        return today.toordinal(), int(midnight.timestamp() * 1000)


# The figures, and the documents they come from, are in the README's "Network limits we keep".
DEFAULT_BUDGETS: dict[str, tuple[Budget, ...]] = {
    # POST /2/tweets on the Basic tier: 100 per user and 1,667 per app per 24 hours.
    "twitter": (Budget("account", 100, DAY_S), Budget("app", 1667, DAY_S)),
    # Posts API: 150 per member per day, 100,000 per application per day.
    "linkedin": (Budget("account", 150, DAY_S), Budget("app", 100_000, DAY_S)),
    # media_publish: 50 posts per account in a moving 24 hours (a carousel is one). Our window is
    # fixed, so the adapter also reads content_publishing_limit before each post.
    "instagram": (Budget("account", 50, DAY_S),),
    # Pages have no fixed posting quota; Graph's usage headers and 429s guide us instead.
    "facebook": (),
    # videos.insert has its own bucket: 100 calls per project per day, reset at midnight Pacific
    # time. The rest of a publish (thumbnails.set 50 units) fits in the separate 10,000 units.
    "youtube": (Budget("app", 100, DAY_S, day_starts_in="America/Los_Angeles"),),
}

# Several posts in one round trip (a burst's batch), each reserved as if alone, in order, so two
# posts of one account in a batch count one after the other.
# KEYS: per post, its two block keys (the account's, the app's), then one counter per window.
# ARGV: now (ms), then per post its number of counters, then limit, cost, ttl (ms) and reset (ms)
# for each counter.
# Returns per post 0 when reserved, else when (ms) the first blocking window frees.
_RESERVE = """
local now = tonumber(ARGV[1])
local answers = {}
local k, a = 1, 2
while a <= #ARGV do
  local counters = tonumber(ARGV[a])
  a = a + 1
  local free_at = 0
  for i = k, k + 1 do
    local blocked_until = tonumber(redis.call('GET', KEYS[i]) or '0')
    if blocked_until > now and blocked_until > free_at then free_at = blocked_until end
  end
  for j = 0, counters - 1 do
    local base = a + j * 4
    local used = tonumber(redis.call('GET', KEYS[k + 2 + j]) or '0')
    local reset = tonumber(ARGV[base + 3])
    if used + tonumber(ARGV[base + 1]) > tonumber(ARGV[base]) and reset > free_at then free_at = reset end
  end
  if free_at == 0 then
    for j = 0, counters - 1 do
      local base = a + j * 4
      redis.call('INCRBY', KEYS[k + 2 + j], tonumber(ARGV[base + 1]))
      redis.call('PEXPIRE', KEYS[k + 2 + j], tonumber(ARGV[base + 2]))
    end
  end
  answers[#answers + 1] = free_at
  k = k + 2 + counters
  a = a + counters * 4
end
return answers
"""

_clients: dict[str, redis.Redis] = {}
_scripts: dict[str, Any] = {}
_clients_lock = threading.Lock()


def _redis() -> redis.Redis:
    url = settings.REDIS_URL
    with _clients_lock:
        if url not in _clients:
            # One client (and its thread-safe connection pool) per URL for the whole worker.
            _clients[url] = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
        return _clients[url]


def _reserve_script():
    """The reserve script, sent by its SHA1 (EVALSHA) rather than in full with every post;
    redis-py loads it again by itself after a Redis restart forgets it."""
    client = _redis()
    with _clients_lock:
        if settings.REDIS_URL not in _scripts:
            _scripts[settings.REDIS_URL] = client.register_script(_RESERVE)
        return _scripts[settings.REDIS_URL]


def budgets_for(network: str) -> tuple[Budget, ...]:
    if not getattr(settings, "PUBLISH_BUDGETS_ENABLED", True):
        return ()
    configured: dict[str, Any] = getattr(settings, "PUBLISH_BUDGETS", None) or {}
    if network in configured:
        return tuple(b if isinstance(b, Budget) else Budget(**b) for b in configured[network])
    return DEFAULT_BUDGETS.get(network, ())


def _prefix() -> str:
    return getattr(settings, "PUBLISH_BUDGET_KEY_PREFIX", "physsocial:budget")


def _block_key(network: str, scope: str, key: str) -> str:
    return f"{_prefix()}:{network}:{scope}:{key}:blocked"


@dataclass(frozen=True)
class Request:
    """One post to count against its network's posting budgets."""

    network: str
    account_key: str
    app_key: str
    now: datetime


def reserve(network: str, *, account_key: str, app_key: str, now: datetime) -> datetime | None:
    """Count one post against every budget of ``network``; None when there was room.

    Otherwise nothing is counted and the answer is when the fullest budget (or
    a block set by :func:`block_until`) frees: re-queue the post for then.
    """
    return reserve_many([Request(network, account_key=account_key, app_key=app_key, now=now)])[0]


def reserve_many(requests: list[Request]) -> list[datetime | None]:
    """:func:`reserve` for each of several posts, in order, in one round trip to Redis (a burst's
    batch): each answer is what :func:`reserve` would have said for that post at its turn."""
    if not requests:
        return []
    keys: list[str] = []
    args: list[int] = [int(requests[0].now.timestamp() * 1000)]
    for request in requests:
        now_ms = int(request.now.timestamp() * 1000)
        network, account_key, app_key = request.network, request.account_key, request.app_key
        keys += [_block_key(network, "account", account_key), _block_key(network, "app", app_key)]
        counters: list[int] = []
        for budget in budgets_for(network):
            if budget.cost > budget.limit:
                continue  # a misconfigured budget that could never admit a post would block it forever
            index, reset_ms = budget.window(now_ms)
            owner = account_key if budget.scope == "account" else app_key
            keys.append(f"{_prefix()}:{network}:{budget.scope}:{owner}:{budget.window_s}:{budget.limit}:{index}")
            counters += [budget.limit, budget.cost, reset_ms - now_ms + 1000, reset_ms]
        args += [len(counters) // 4, *counters]
    try:
        answers = _reserve_script()(keys=keys, args=args)
    except redis.RedisError as error:
        logger.warning("posting budgets not enforced, Redis failed: %s", type(error).__name__)
        return [None] * len(requests)
    return [datetime.fromtimestamp(int(ms) / 1000, UTC) if int(ms) else None for ms in answers]


def block_until(network: str, *, account_key: str, until: datetime) -> None:
    """The network said "not before ``until``" for this account: reserve nothing for it until then."""
    until_ms = int(until.timestamp() * 1000)
    ttl_ms = until_ms - int(datetime.now(UTC).timestamp() * 1000)
    if ttl_ms <= 0:
        return
    try:
        _redis().set(_block_key(network, "account", account_key), until_ms, px=ttl_ms)
    except redis.RedisError as error:
        logger.warning("could not record a rate limit in Redis: %s", type(error).__name__)


# --- reading figures (analytics) -------------------------------------------------------------------
# Reads have counters of their own, so a collection round can never spend what publishing needs,
# and they stay well under what the networks allow for reads, leaving headroom for the engine's
# own reads (reconciliation) and for anything else on the same app. An account whose publishing
# is blocked by a 429 is not read either: publishing always wins. Figures are documented limits
# as of late 2026 (verify); override with ``settings.METRICS_READ_BUDGETS`` as PUBLISH_BUDGETS.
HOUR_S = 3600
QUARTER_S = 900
DEFAULT_READ_BUDGETS: dict[str, tuple[Budget, ...]] = {
    # GET /2/tweets: 15 requests per user per 15 minutes on Basic; we take 10 of them.
    "twitter": (Budget("account", 10, QUARTER_S), Budget("app", 300, QUARTER_S)),
    # Graph's page-level usage grows with the page's audience; 200 calls an hour a page is a small share.
    "facebook": (Budget("account", 200, HOUR_S),),
    "instagram": (Budget("account", 100, HOUR_S),),
    # LinkedIn counts calls per app and member per day; a share of the default development quota.
    "linkedin": (Budget("account", 300, DAY_S), Budget("app", 20_000, DAY_S)),
    # The 10,000 daily units are shared with publishing (thumbnails.set is 50): reads get 3,000.
    "youtube": (Budget("app", 3_000, DAY_S, day_starts_in="America/Los_Angeles"),),
}


def read_budgets_for(network: str) -> tuple[Budget, ...]:
    if not getattr(settings, "METRICS_READ_BUDGETS_ENABLED", True):
        return ()
    configured: dict[str, Any] = getattr(settings, "METRICS_READ_BUDGETS", None) or {}
    if network in configured:
        return tuple(b if isinstance(b, Budget) else Budget(**b) for b in configured[network])
    return DEFAULT_READ_BUDGETS.get(network, ())


def reserve_reads(network: str, *, account_key: str, app_key: str, now: datetime, calls: int = 1) -> datetime | None:
    """Count ``calls`` metrics requests against the read budgets of ``network``; None when there
    was room. Otherwise nothing is counted and the answer is when to try again: when the read
    budget frees, or when publishing's own block on this account (a 429 it met) ends."""
    now_ms = int(now.timestamp() * 1000)
    # The publishing block first: an account publishing is waiting on is left alone.
    keys = [_block_key(network, "account", account_key), _block_key(network, "read", account_key)]
    counters: list[int] = []
    for budget in read_budgets_for(network):
        index, reset_ms = budget.window(now_ms)
        owner = account_key if budget.scope == "account" else app_key
        keys.append(f"{_prefix()}:read:{network}:{budget.scope}:{owner}:{budget.window_s}:{budget.limit}:{index}")
        counters += [budget.limit, min(calls, budget.limit), reset_ms - now_ms + 1000, reset_ms]
    try:
        free_at_ms = int(_reserve_script()(keys=keys, args=[now_ms, len(counters) // 4, *counters])[0])
    except redis.RedisError as error:
        logger.warning("read budgets not enforced, Redis failed: %s", type(error).__name__)
        return None
    return datetime.fromtimestamp(free_at_ms / 1000, UTC) if free_at_ms else None


def block_reads_until(network: str, *, account_key: str, until: datetime) -> None:
    """A metrics read met a 429: no reads for this account until ``until`` (publishing is not blocked)."""
    until_ms = int(until.timestamp() * 1000)
    ttl_ms = until_ms - int(datetime.now(UTC).timestamp() * 1000)
    if ttl_ms <= 0:
        return
    try:
        _redis().set(_block_key(network, "read", account_key), until_ms, px=ttl_ms)
    except redis.RedisError as error:
        logger.warning("could not record a read rate limit in Redis: %s", type(error).__name__)
