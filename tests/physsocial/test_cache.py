"""The cache (rate-limit counts) is Redis, shared by every web process, in a database of its own."""

import redis
from django.conf import settings
from django.core.cache import cache


def test_rate_limit_counts_are_kept_in_redis_where_every_web_process_sees_them():
    cache.set("throttle_test_shared", [1.0], 60)

    server = redis.Redis.from_url(settings.CACHES["default"]["LOCATION"], socket_timeout=5)
    assert server.exists(cache.make_key("throttle_test_shared"))


def test_clearing_the_cache_empties_its_own_redis_database_not_celerys_or_the_budgets():
    broker = redis.Redis.from_url(settings.REDIS_URL, socket_timeout=5)
    broker.set("physsocial:budget:test:kept", "1", ex=60)
    cache.set("throttle_test_cleared", [1.0], 60)

    cache.clear()

    server = redis.Redis.from_url(settings.CACHES["default"]["LOCATION"], socket_timeout=5)
    assert not server.exists(cache.make_key("throttle_test_cleared"))
    assert broker.get("physsocial:budget:test:kept") == b"1"
    broker.delete("physsocial:budget:test:kept")
