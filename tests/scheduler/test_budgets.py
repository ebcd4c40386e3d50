"""Posting budgets in Redis: counted atomically per account and per app, shared by every worker."""

from datetime import UTC, datetime, timedelta

from scheduler import budgets

NOON = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def test_an_account_budget_admits_up_to_its_limit_then_names_when_it_frees(settings):
    settings.PUBLISH_BUDGETS = {"twitter": [{"scope": "account", "limit": 2, "window_s": 900}]}

    assert budgets.reserve("twitter", account_key="alice", app_key="app", now=NOON) is None
    assert budgets.reserve("twitter", account_key="alice", app_key="app", now=NOON) is None
    assert budgets.reserve("twitter", account_key="alice", app_key="app", now=NOON) == NOON + timedelta(minutes=15)
    assert budgets.reserve("twitter", account_key="bob", app_key="app", now=NOON) is None  # Bob's own budget


def test_the_app_budget_is_shared_by_every_account(settings):
    settings.PUBLISH_BUDGETS = {"linkedin": [{"scope": "app", "limit": 1, "window_s": 86400}]}

    assert budgets.reserve("linkedin", account_key="alice", app_key="app", now=NOON) is None
    assert budgets.reserve("linkedin", account_key="bob", app_key="app", now=NOON) is not None


def test_a_post_refused_by_one_budget_is_counted_by_none(settings):
    settings.PUBLISH_BUDGETS = {
        "twitter": [
            {"scope": "account", "limit": 5, "window_s": 900},
            {"scope": "app", "limit": 1, "window_s": 900},
        ]
    }
    budgets.reserve("twitter", account_key="alice", app_key="app", now=NOON)
    for _ in range(3):
        assert budgets.reserve("twitter", account_key="alice", app_key="app", now=NOON) is not None
    settings.PUBLISH_BUDGETS["twitter"][1]["limit"] = 100  # a new app budget: the account's count shows
    for _ in range(4):
        assert budgets.reserve("twitter", account_key="alice", app_key="app", now=NOON) is None
    assert budgets.reserve("twitter", account_key="alice", app_key="app", now=NOON) is not None


def test_youtube_uploads_have_their_own_bucket_of_100_a_day_that_resets_at_pacific_midnight(settings):
    settings.PUBLISH_BUDGETS = None  # the documented defaults

    admitted = [budgets.reserve("youtube", account_key=f"c{n}", app_key="app", now=NOON) is None for n in range(101)]
    free_at = budgets.reserve("youtube", account_key="c0", app_key="app", now=NOON)

    assert admitted == [True] * 100 + [False]
    # Noon UTC on 26 November is 04:00 in Los Angeles (PST, UTC-8): the day ends at 08:00 UTC on the 27th.
    assert free_at == datetime(2026, 11, 27, 8, 0, tzinfo=UTC)


def test_an_instagram_account_gets_50_posts_a_day(settings):
    settings.PUBLISH_BUDGETS = None

    admitted = [budgets.reserve("instagram", account_key="clinic", app_key="app", now=NOON) is None for _ in range(51)]

    assert admitted == [True] * 50 + [False]
    assert budgets.reserve("instagram", account_key="other", app_key="app", now=NOON) is None


def test_youtube_uploads_cost_quota_units(settings):
    settings.PUBLISH_BUDGETS = {"youtube": [{"scope": "app", "limit": 10_000, "window_s": 86400, "cost": 1600}]}

    admitted = [budgets.reserve("youtube", account_key=f"c{n}", app_key="app", now=NOON) is None for n in range(7)]

    assert admitted == [True] * 6 + [False]


def test_a_rate_limit_blocks_the_account_until_the_networks_reset(settings):
    until = datetime.now(UTC) + timedelta(minutes=10)
    budgets.block_until("twitter", account_key="alice", until=until)

    free_at = budgets.reserve("twitter", account_key="alice", app_key="app", now=datetime.now(UTC))

    assert abs(free_at - until) < timedelta(milliseconds=2)
    assert budgets.reserve("twitter", account_key="bob", app_key="app", now=datetime.now(UTC)) is None


def test_budgets_can_be_turned_off(settings):
    settings.PUBLISH_BUDGETS_ENABLED = False
    settings.PUBLISH_BUDGETS = {"twitter": [{"scope": "account", "limit": 1, "window_s": 900}]}

    for _ in range(3):
        assert budgets.reserve("twitter", account_key="alice", app_key="app", now=NOON) is None


def test_without_redis_posts_still_go_out(settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    settings.PUBLISH_BUDGETS = {"twitter": [{"scope": "account", "limit": 1, "window_s": 900}]}

    assert budgets.reserve("twitter", account_key="alice", app_key="app", now=NOON) is None
