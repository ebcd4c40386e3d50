"""The figures: summed per network's own definition of engagement, by day (the organization's),
network, account and campaign, narrowed by the filters."""

from datetime import UTC, date, datetime

import pytest

from analytics import best_times, reports
from analytics.models import FollowerCount
from campaigns.models import Campaign
from posts.models import Post, PostTarget
from tests.analytics.conftest import connect, publish, publish_again

X = {"likes": 12, "shares": 3, "comments": 1, "views": 800}  # engagement 16
FACEBOOK = {"likes": 5, "comments": 2, "shares": 1, "views": 300}  # 8
LINKEDIN = {"likes": 4, "comments": 1, "shares": 0, "views": 200}  # 5
YOUTUBE = {"views": 50, "likes": 7, "comments": 3}  # 10
INSTAGRAM_WITHOUT_VIEWS = {"likes": 9, "comments": 1, "saves": 2}  # 12, no reach given


@pytest.fixture
def world(toronto_org, alice):
    org = toronto_org
    flu = Campaign.objects.create(
        organization=org, name="Flu season", slug="flu", starts_on=date(2026, 3, 1), ends_on=date(2026, 3, 31)
    )
    x, fb, li = (
        connect(org, "twitter", "Clinic X"),
        connect(org, "facebook", "Clinic FB"),
        connect(org, "linkedin", "Dr LI"),
    )
    yt, ig = connect(org, "youtube", "Clinic YT"), connect(org, "instagram", "Clinic IG")
    publish(x, datetime(2026, 3, 10, 14, 0, tzinfo=UTC), X, campaign=flu)
    # 23:30 on 10 March in Toronto, already the 11th in UTC: counts on the 10th.
    publish(fb, datetime(2026, 3, 11, 3, 30, tzinfo=UTC), FACEBOOK)
    publish(li, datetime(2026, 3, 12, 15, 0, tzinfo=UTC), LINKEDIN, campaign=flu)
    publish(yt, datetime(2026, 3, 12, 16, 0, tzinfo=UTC), YOUTUBE)
    publish(ig, datetime(2026, 3, 12, 17, 0, tzinfo=UTC), INSTAGRAM_WITHOUT_VIEWS)
    publish(x, datetime(2026, 3, 12, 18, 0, tzinfo=UTC), None)  # published, figures not read yet
    publish(x, datetime(2026, 2, 1, 12, 0, tzinfo=UTC), X)  # before the range
    draft = Post.objects.create(organization=org, author=alice, text="Not out yet")
    PostTarget.objects.create(post=draft, account=x, metrics=X)
    return {"org": org, "flu": flu, "x": x, "fb": fb, "li": li, "yt": yt, "ig": ig}


def march(world, **narrowing):
    return reports.Filters(organization=world["org"], start=date(2026, 3, 10), end=date(2026, 3, 12), **narrowing)


def test_totals_sum_each_networks_interactions_and_the_impressions_or_views_given(world):
    totals = reports.totals(march(world))

    assert (totals.published, totals.posts) == (6, 6)
    assert totals.engagement == 16 + 8 + 5 + 10 + 12
    # Instagram gave no views and one post has no figures yet: left out of reach, not counted as 0.
    assert (totals.reach, totals.with_reach) == (800 + 300 + 200 + 50, 4)


def test_a_post_sent_to_two_accounts_is_one_post_and_two_publications(world):
    target = PostTarget.objects.get(account=world["x"], published_at=datetime(2026, 3, 10, 14, 0, tzinfo=UTC))
    publish_again(target.post, world["li"], target.published_at, LINKEDIN)

    totals = reports.totals(march(world))

    assert (totals.published, totals.posts) == (7, 6)


def test_days_are_the_organizations_and_every_day_of_the_range_is_listed(world):
    days = reports.grouped(march(world), by="day")

    assert [(d.key, d.published, d.engagement) for d in days] == [
        ("2026-03-10", 2, 16 + 8),
        ("2026-03-11", 0, 0),
        ("2026-03-12", 4, 5 + 10 + 12),
    ]


def test_by_network_account_and_campaign_most_engagement_first(world):
    filters = march(world)

    networks = [(n.key, n.engagement, n.reach) for n in reports.grouped(filters, by="network")]
    accounts = [(a.label, a.published, a.engagement) for a in reports.grouped(filters, by="account")]
    campaigns = [(c.label, c.posts, c.engagement, c.reach) for c in reports.grouped(filters, by="campaign")]

    assert networks == [
        ("twitter", 16, 800),
        ("instagram", 12, None),
        ("youtube", 10, 50),
        ("facebook", 8, 300),
        ("linkedin", 5, 200),
    ]
    assert accounts[0] == ("Clinic X", 2, 16)
    assert campaigns == [("No campaign", 4, 30, 350), ("Flu season", 2, 21, 1000)]


@pytest.mark.parametrize(
    ("narrowing", "published", "engagement"),
    [
        ({"network": "twitter"}, 2, 16),
        ({"network": "youtube"}, 1, 10),
        ({"account": "fb"}, 1, 8),
        ({"campaign": "flu"}, 2, 21),
    ],
)
def test_filters_narrow_every_figure(world, narrowing, published, engagement):
    filters = {
        "network": narrowing.get("network"),
        "account_id": world[narrowing["account"]].pk if "account" in narrowing else None,
        "campaign_id": world[narrowing["campaign"]].pk if "campaign" in narrowing else None,
    }

    totals = reports.totals(march(world, **filters))

    assert (totals.published, totals.engagement) == (published, engagement)


def test_the_date_range_includes_both_ends_in_the_organizations_zone(world):
    only_the_tenth = reports.Filters(organization=world["org"], start=date(2026, 3, 10), end=date(2026, 3, 10))

    assert reports.totals(only_the_tenth).published == 2


def test_top_posts_have_the_most_engagement(world):
    top = reports.top_posts(march(world), limit=2)

    assert [(t.account.display_name, t.engagement) for t in top] == [("Clinic X", 16), ("Clinic IG", 12)]


def test_charts_over_time_give_a_line_per_network_and_account(world):
    filters = march(world)
    by_network = reports.by_network_over_time(filters)
    by_account = reports.by_account_over_time(filters, reports.grouped(filters, by="account"))

    assert by_network.labels == ["2026-03-10", "2026-03-11", "2026-03-12"]
    lines = {line["key"]: line["data"] for line in by_network.lines}
    assert lines["twitter"] == [16, 0, 0] and lines["facebook"] == [8, 0, 0] and lines["youtube"] == [0, 0, 10]
    assert {line["label"] for line in by_account.lines} == {"Clinic X", "Clinic FB", "Dr LI", "Clinic YT", "Clinic IG"}


def test_a_long_range_is_charted_by_week(world):
    year = reports.Filters(organization=world["org"], start=date(2025, 6, 1), end=date(2026, 5, 31))

    chart = reports.by_network_over_time(year)

    assert chart.period == "week" and chart.labels[0] == "2025-05-26"  # the Monday of 1 June 2025's week
    week_of_the_ninth = chart.labels.index("2026-03-09")
    twitter = next(line for line in chart.lines if line["key"] == "twitter")
    assert twitter["data"][week_of_the_ninth] == 16


def test_follower_growth_is_the_change_between_the_first_and_last_count_in_the_range(world):
    for day, followers in [(date(2026, 3, 9), 90), (date(2026, 3, 10), 100), (date(2026, 3, 12), 130)]:
        FollowerCount.objects.create(account=world["x"], day=day, followers=followers, collected_at=datetime.now(UTC))
    FollowerCount.objects.create(
        account=world["fb"], day=date(2026, 3, 11), followers=50, collected_at=datetime.now(UTC)
    )

    growth = reports.follower_growth(march(world))

    assert [(g.account.display_name, g.first, g.last, g.change) for g in growth] == [
        ("Clinic X", 100, 130, 30),
        ("Clinic FB", 50, 50, 0),
    ]


def test_every_network_has_its_engagement_defined_in_one_table():
    from accounts.models.connected import Network

    assert set(reports.NETWORK_METRICS) == set(Network.values)


def test_days_and_hours_follow_the_clock_change(toronto_org):
    x = connect(toronto_org, "twitter", "Clinic X")
    # 23:30 on Saturday 7 March (EST, UTC-5) and 23:30 on Sunday 8 March (EDT, UTC-4), in Toronto.
    publish(x, datetime(2026, 3, 8, 4, 30, tzinfo=UTC), {"likes": 1})
    publish(x, datetime(2026, 3, 9, 3, 30, tzinfo=UTC), {"likes": 2})
    filters = reports.Filters(organization=toronto_org, start=date(2026, 3, 7), end=date(2026, 3, 9))

    days = [(d.key, d.engagement) for d in reports.grouped(filters, by="day")]
    best = best_times.best_times(toronto_org)

    assert days == [("2026-03-07", 1), ("2026-03-08", 2), ("2026-03-09", 0)]
    assert (best.grid[5][23].posts, best.grid[6][23].posts) == (1, 1)  # Saturday and Sunday at 23:00


def test_a_range_longer_than_a_season_is_charted_by_the_organizations_weeks(toronto_org):
    x = connect(toronto_org, "twitter", "Clinic X")
    # Sunday 8 March at 23:30 in Toronto is already Monday in UTC: it counts in the week of 2 March.
    publish(x, datetime(2026, 3, 9, 3, 30, tzinfo=UTC), {"likes": 2})
    publish(x, datetime(2026, 3, 9, 14, 0, tzinfo=UTC), {"likes": 5})
    filters = reports.Filters(organization=toronto_org, start=date(2026, 1, 1), end=date(2026, 6, 30))

    by_network, by_account = reports.charts_over_time(filters, reports.grouped(filters, by="account"))

    assert by_network.period == "week" and by_network.labels[:2] == ["2025-12-29", "2026-01-05"]
    for chart in (by_network, by_account):
        weeks = {label: value for label, value in zip(chart.labels, chart.lines[0]["data"], strict=True) if value}
        assert weeks == {"2026-03-02": 2, "2026-03-09": 5}


def test_the_page_folds_the_same_figures_as_each_grouping_alone(world):
    target = PostTarget.objects.get(account=world["x"], published_at=datetime(2026, 3, 10, 14, 0, tzinfo=UTC))
    publish_again(target.post, world["li"], target.published_at, LINKEDIN)
    filters = march(world)

    page = reports.report(filters)

    def figures(rows):
        return [(f.key, f.label, f.published, f.posts, f.engagement, f.reach, f.with_reach) for f in rows]

    assert figures([page.totals]) == figures([reports.totals(filters)])
    for by in ("network", "account", "campaign"):
        assert figures(getattr(page, f"by_{by}")) == figures(reports.grouped(filters, by=by)), by
