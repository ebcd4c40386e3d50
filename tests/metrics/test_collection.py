"""Collecting figures: a published target is read about 1 h, 24 h, 7 d and 30 d after publishing,
then never again; reads are batched per account with the account's own token, spend budgets of
their own and give way to publishing, back off on a rate limit, and follower counts are read once
a day. ``collect_metrics`` runs one round; ``--all`` reads every published post now."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone

from accounts import connections
from analytics import collection, reports
from analytics.models import FollowerCount, MetricSnapshot
from posts.models import PostTarget
from scheduler import budgets, services
from simulator import metrics as sim_metrics
from simulator.networks import twitter as sim_twitter

pytestmark = pytest.mark.django_db(transaction=False)


def lookups(simulator) -> list[dict]:
    return simulator.requests_to("twitter", "GET /2/tweets")


def test_publishing_sets_the_first_read_an_hour_after_publishing(target, simulator):
    services.publish_target(target.pk)

    target.refresh_from_db()
    assert target.state == "published"
    assert target.metrics_due_at == target.published_at + timedelta(hours=1)


def test_a_target_is_read_at_1_hour_24_hours_7_days_and_30_days_then_never(x_account, published, simulator):
    target = published(x_account, hours=1)
    start = target.published_at
    stages = []
    for age in (timedelta(hours=1), timedelta(hours=24), timedelta(days=7), timedelta(days=30)):
        collection.collect(now=start + age + timedelta(minutes=1))
        target.refresh_from_db()
        stages.append((target.metric_snapshots.first().stage, target.metrics_due_at))

    assert stages == [
        ("1h", start + timedelta(hours=24)),
        ("24h", start + timedelta(days=7)),
        ("7d", start + timedelta(days=30)),
        ("30d", None),
    ]
    collection.collect(now=start + timedelta(days=60))
    assert target.metric_snapshots.count() == 4


def test_a_read_stores_a_snapshot_and_the_latest_figures_on_the_target(x_account, published, simulator):
    target = published(x_account, hours=2)

    report = collection.collect()

    target.refresh_from_db()
    snapshot = MetricSnapshot.objects.get(target=target)
    assert target.metrics == snapshot.values
    assert target.metrics["views"] > 0 and "likes" in target.metrics
    assert target.metrics_collected_at == snapshot.collected_at
    assert report.targets_read == 1


def test_a_read_stores_the_engagement_and_reach_the_figures_make_as_numbers(
    x_account, linkedin_account, published, simulator
):
    on_x, on_linkedin = published(x_account, hours=2), published(linkedin_account, hours=2)  # a member

    collection.collect()

    on_x.refresh_from_db()
    on_linkedin.refresh_from_db()
    x = on_x.metrics
    assert on_x.engagement == x.get("likes", 0) + x.get("shares", 0) + x.get("comments", 0) + x.get("quotes", 0) > 0
    assert on_x.reach == x["views"]
    # A LinkedIn member's post has no views: its reach is absent, not zero.
    assert on_linkedin.engagement == on_linkedin.metrics["likes"] + on_linkedin.metrics["comments"]
    assert on_linkedin.reach is None


def test_reading_every_post_at_once_stores_their_engagement_and_reach_too(x_account, published, simulator):
    target = published(x_account, hours=24 * 90)

    call_command("collect_metrics", "--all")

    target.refresh_from_db()
    assert target.reach == target.metrics["views"] and target.engagement > 0


def test_the_analytics_totals_are_the_sums_over_the_figures_read(x_account, linkedin_account, published, simulator):
    for account in (x_account, x_account, x_account, linkedin_account, linkedin_account):
        published(account, hours=2)
    collection.collect()
    today = timezone.localdate(timezone=ZoneInfo(x_account.organization.time_zone))
    filters = reports.Filters(organization=x_account.organization, start=today - timedelta(days=1), end=today)

    totals = reports.totals(filters)
    page = reports.report(filters).totals

    interactions = {"twitter": ("likes", "shares", "comments", "quotes"), "linkedin": ("likes", "comments", "shares")}
    read = [(t.account.network, t.metrics) for t in PostTarget.objects.select_related("account")]
    assert (
        totals.engagement
        == page.engagement
        == sum(figures.get(name, 0) for network, figures in read for name in interactions[network])
    )
    assert totals.reach == page.reach == sum(figures["views"] for _, figures in read if "views" in figures)
    assert totals.with_reach == page.with_reach == 3


def test_a_target_not_yet_due_is_not_read(x_account, published, simulator):
    published(x_account, hours=0.5)

    assert collection.collect().targets_read == 0
    assert lookups(simulator) == []


def test_one_account_s_due_targets_are_read_100_at_a_time(x_account, published, simulator):
    for _ in range(120):
        published(x_account, hours=3)

    report = collection.collect()

    assert report.targets_read == 120
    assert len(lookups(simulator)) == 2


def test_a_metric_the_network_does_not_give_for_the_account_type_is_absent(linkedin_account, published, simulator):
    target = published(linkedin_account, hours=2)  # a member, not a page

    collection.collect()

    target.refresh_from_db()
    assert set(target.metrics) == {"likes", "comments"}
    assert not FollowerCount.objects.filter(account=linkedin_account).exists()


def test_a_post_the_network_no_longer_knows_moves_on_without_a_snapshot(x_account, published, simulator):
    target = published(x_account, hours=2)
    PostTarget.objects.filter(pk=target.pk).update(external_id="1999999999999999999")

    collection.collect()

    target.refresh_from_db()
    assert not target.metric_snapshots.exists()
    assert target.metrics_due_at == target.published_at + timedelta(hours=24)


def test_a_rate_limit_backs_the_account_off_until_the_reset(x_account, published, simulator):
    target = published(x_account, hours=2)
    simulator.fail("twitter", "GET /2/tweets", status=429, reset_in=900)

    collection.collect()
    collection.collect()  # immediately again: the account is not asked

    target.refresh_from_db()
    assert len(lookups(simulator)) == 1
    assert target.metrics_due_at > timezone.now() + timedelta(minutes=14)
    assert not target.metric_snapshots.exists()


def test_an_expired_token_is_refreshed_once_and_the_read_goes_on(x_account, published, simulator):
    target = published(x_account, hours=2)
    simulator.tokens.expire_access_tokens("twitter", x_account.external_id)

    collection.collect()

    target.refresh_from_db()
    assert target.metric_snapshots.count() == 1


def test_publishing_wins_an_account_publishing_waits_on_is_not_read(x_account, published, simulator):
    target = published(x_account, hours=2)
    budgets.block_until("twitter", account_key=x_account.external_id, until=timezone.now() + timedelta(minutes=10))

    report = collection.collect()

    target.refresh_from_db()
    assert lookups(simulator) == [] and report.postponed == 1
    assert target.metrics_due_at > timezone.now() + timedelta(minutes=9)


def test_reads_spend_their_own_budget_never_publishing_s(settings, x_account, published, simulator):
    settings.PUBLISH_BUDGETS = {"twitter": [{"scope": "account", "limit": 1, "window_s": 900}]}
    settings.METRICS_READ_BUDGETS = {"twitter": [{"scope": "account", "limit": 1, "window_s": 900}]}
    first, second = published(x_account, hours=2), published(x_account, hours=2)
    PostTarget.objects.filter(pk=second.pk).update(metrics_due_at=timezone.now() + timedelta(minutes=5))

    collection.collect()  # spends the one read
    PostTarget.objects.filter(pk=second.pk).update(metrics_due_at=timezone.now() - timedelta(minutes=1))
    collection.collect()  # the read budget is spent: the second waits

    assert first.metric_snapshots.count() == 1 and second.metric_snapshots.count() == 0
    now = timezone.now()
    assert budgets.reserve("twitter", account_key=x_account.external_id, app_key="app", now=now) is None


def test_each_organization_s_posts_are_read_with_its_own_token_and_land_on_its_own_rows(
    x_account, published, simulator, charlie, charlies_org
):
    theirs = sim_twitter.new_account(simulator)
    charlies_account = connections.connect_with_tokens(
        organization=charlies_org,
        network="twitter",
        access_token=theirs["access_token"],
        refresh_token=theirs["refresh_token"],
        by=charlie,
    )
    ours, other = published(x_account, hours=2), published(charlies_account, hours=2)

    collection.collect()

    tokens = {r["query"]["ids"][0]: r["headers"]["authorization"] for r in lookups(simulator)}
    assert tokens == {
        ours.external_id: f"Bearer {x_account.access_token}",
        other.external_id: f"Bearer {charlies_account.access_token}",
    }
    for target in (ours, other):
        target.refresh_from_db()
        expected = sim_metrics.figures(target.external_id, simulator.posts_for("twitter")[0].received_at)
        assert target.metrics["views"] == pytest.approx(expected["views"], abs=5)
    assert MetricSnapshot.objects.filter(target__post__organization=charlies_org).count() == 1


def test_followers_are_read_once_a_day_per_account(x_account, published, simulator):
    published(x_account, hours=2)
    published(x_account, hours=30)
    identity_reads = len(simulator.requests_to("twitter", "GET /2/users/me"))  # connecting asked once

    collection.collect()
    collection.collect()

    count = FollowerCount.objects.get(account=x_account)
    assert count.followers == sim_metrics.followers(x_account.external_id)
    assert len(simulator.requests_to("twitter", "GET /2/users/me")) == identity_reads + 1


def test_collect_metrics_runs_one_round_of_what_is_due(x_account, published, simulator, capsys):
    due, later = published(x_account, hours=2), published(x_account, hours=0.2)

    call_command("collect_metrics")

    assert "Read 1 posts of 1 accounts" in capsys.readouterr().out
    assert due.metric_snapshots.count() == 1 and later.metric_snapshots.count() == 0


def test_collect_metrics_all_reads_every_published_post_whatever_its_age(x_account, published, simulator):
    old, young = published(x_account, hours=24 * 60), published(x_account, hours=0.2)
    PostTarget.objects.filter(pk=old.pk).update(metrics_due_at=None)

    call_command("collect_metrics", "--all")

    old.refresh_from_db()
    assert old.metric_snapshots.get().stage == "now"
    assert young.metric_snapshots.get().stage == "now"
    assert old.metrics_due_at is None  # the schedule is left as it was


def test_a_round_on_the_workers_waits_while_posts_wait_past_their_time(x_account, published, schedule, simulator):
    target = published(x_account, hours=2)
    schedule(x_account, at=timezone.now() - timedelta(seconds=30))  # publishing is behind

    report = collection.collect(yield_to_publishing=True, max_seconds=1)

    assert report.yielded_s > 0 and report.postponed == 1
    assert lookups(simulator) == [] and not target.metric_snapshots.exists()


def test_beat_sends_a_round_every_interval_on_a_queue_of_its_own(settings):
    from analytics.tasks import collect_metrics

    entry = settings.CELERY_BEAT_SCHEDULE["collect-metrics"]
    assert entry["task"] == collect_metrics.name == "analytics.tasks.collect_metrics"
    assert entry["schedule"] == timedelta(seconds=settings.METRICS_ROUND_INTERVAL_S)
    assert settings.CELERY_TASK_ROUTES[collect_metrics.name] == {"queue": "analytics"}
    assert "analytics" in {queue.name for queue in settings.CELERY_TASK_QUEUES}
