"""The Analytics page and its CSV: the organization's own figures, filtered by a plain form,
in a constant number of queries."""

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import ConnectedAccount
from analytics.models import FollowerCount
from posts.models import Post, PostTarget, TargetState
from tests.analytics.conftest import connect, publish

X = {"likes": 12, "shares": 3, "comments": 1, "views": 800}
MARCH = {"start": "2026-03-01", "end": "2026-03-31"}


@pytest.fixture
def posted(toronto_org):
    x = connect(toronto_org, "twitter", "Clinic X")
    target = publish(x, datetime(2026, 3, 10, 14, 0, tzinfo=UTC), X, text="Flu shots are in this week")
    FollowerCount.objects.create(
        account=x, day=datetime(2026, 3, 2).date(), followers=100, collected_at=target.published_at
    )
    FollowerCount.objects.create(
        account=x, day=datetime(2026, 3, 30).date(), followers=142, collected_at=target.published_at
    )
    return target


def test_the_page_shows_totals_top_posts_and_follower_growth(alice_client, posted):
    page = alice_client.get(reverse("analytics"), MARCH)

    assert page.status_code == 200
    assert page.context["report"].totals.engagement == 16
    html = page.content.decode()
    assert "Flu shots are in this week" in html
    assert reverse("target-detail", args=[posted.pk]) in html and posted.external_url in html
    assert "+42" in html
    assert "likes + shares + comments + quotes" in html  # how engagement is counted, said on the page
    assert 'id="analytics-charts"' in html and "<table" in html


def test_follower_counts_are_charted_each_day_with_the_last_count_when_a_day_went_unread(alice_client, posted):
    page = alice_client.get(reverse("analytics"), MARCH)

    chart = page.context["report"].follower_chart
    (line,) = chart.lines
    by_day = dict(zip(chart.labels, line["data"], strict=True))
    assert line["label"] == "Clinic X"
    assert (by_day["2026-03-01"], by_day["2026-03-02"], by_day["2026-03-29"], by_day["2026-03-30"]) == (
        None,
        100,
        100,
        142,
    )
    charts = {c["id"]: c for c in page.context["charts"]["charts"]}
    assert charts["chart-followers"]["datasets"][0]["data"] == line["data"]
    # The same figures as a table beside the chart, for screen readers.
    html = page.content.decode()
    table = html[html.index('id="chart-followers-heading"') : html.index('id="followers-heading"')]
    assert '<th scope="row">2026-03-30</th><td>142</td>' in table and "<td>—</td>" in table


def test_without_dates_the_page_shows_the_last_30_days(alice_client, toronto_org):
    page = alice_client.get(reverse("analytics"))

    filters = page.context["report"].filters
    assert page.status_code == 200 and filters.days == 30


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ({"start": "2026-13-45"}, "Give a day such as"),
        ({"start": "2026-03-31", "end": "2026-03-01"}, "before the first"),
        ({"start": "0001-01-01"}, "between 1970 and 2999"),
        ({"account": "banana"}, "organization&#x27;s accounts"),
        ({"network": "myspace"}, "networks listed"),
        ({"campaign": "999"}, "organization&#x27;s campaigns"),
    ],
)
def test_bad_filters_get_a_plain_message(alice_client, toronto_org, query, words):
    page = alice_client.get(reverse("analytics"), query)

    assert page.status_code == 400
    assert words in page.content.decode()


def test_the_csv_has_the_figures_the_page_shows_with_the_same_filters(alice_client, posted):
    answer = alice_client.get(reverse("analytics-export"), {**MARCH, "network": "twitter"})

    assert answer.status_code == 200 and answer["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(answer.content.decode())))
    totals = next(r for r in rows if r["section"] == "totals")
    assert (totals["published"], totals["engagement"], totals["impressions_or_views"]) == ("1", "16", "800")
    assert len([r for r in rows if r["section"] == "day"]) == 31
    assert next(r for r in rows if r["section"] == "top_post")["name"] == "Flu shots are in this week"
    assert next(r for r in rows if r["section"] == "followers")["follower_change"] == "42"


def test_the_csv_refuses_bad_filters_in_words(alice_client, toronto_org):
    answer = alice_client.get(reverse("analytics-export"), {"start": "2026-03-31", "end": "2026-03-01"})

    assert answer.status_code == 400 and "before the first" in answer.content.decode()


def test_another_organizations_figures_never_appear(alice_client, toronto_org, charlies_org, posted):
    theirs = connect(charlies_org, "twitter", "Charlie on X")
    publish(theirs, datetime(2026, 3, 10, 15, 0, tzinfo=UTC), {"likes": 1000}, text="Charlie's secret post")
    FollowerCount.objects.create(
        account=theirs, day=datetime(2026, 3, 5).date(), followers=9, collected_at=datetime.now(UTC)
    )

    page = alice_client.get(reverse("analytics"), MARCH)
    csv_text = alice_client.get(reverse("analytics-export"), MARCH).content.decode()
    filtered_by_their_account = alice_client.get(reverse("analytics"), {**MARCH, "account": theirs.pk})

    assert page.context["report"].totals.engagement == 16
    for text in (page.content.decode(), csv_text):
        assert "Charlie" not in text and "1000" not in text
    assert filtered_by_their_account.status_code == 400


def _published_posts(organization, accounts: list[ConnectedAccount], count: int) -> None:
    """``count`` published posts with figures, spread over a year and over ``accounts``."""
    author = organization.memberships.first().user
    start = datetime(2025, 4, 1, tzinfo=UTC)
    posts = Post.objects.bulk_create(
        Post(organization=organization, author=author, text=f"Post {n}") for n in range(count)
    )
    targets = [
        PostTarget(
            post=post,
            account=accounts[n % len(accounts)],
            state=TargetState.PUBLISHED,
            published_at=start + timedelta(hours=n * 8760 / count),
            external_url=f"https://example.com/{n}",
        )
        for n, post in enumerate(posts)
    ]
    for target in targets:
        target.set_figures(X, network=target.account.network, collected_at=start)
    PostTarget.objects.bulk_create(targets)


def _queries_for_a_year(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("analytics"), {"start": "2025-04-01", "end": "2026-03-31"})
    assert page.status_code == 200
    return len(queries)


def test_the_page_costs_the_same_queries_for_10_and_1000_posts(alice_client, toronto_org):
    accounts = [
        connect(toronto_org, network, f"Account {n} {network}")
        for n in range(4)
        for network in ("twitter", "facebook", "youtube")
    ]
    _published_posts(toronto_org, accounts, 10)
    with_ten = _queries_for_a_year(alice_client)

    _published_posts(toronto_org, accounts, 990)
    with_a_thousand = _queries_for_a_year(alice_client)

    assert with_ten == with_a_thousand


def test_the_page_lists_the_ten_most_engaging_accounts_and_the_csv_all_of_them(alice_client, toronto_org):
    accounts = [connect(toronto_org, "twitter", f"Account {n:02d}") for n in range(12)]
    for n, account in enumerate(accounts):
        publish(account, datetime(2026, 3, 10, 14, 0, tzinfo=UTC), {"likes": 100 + n})
        FollowerCount.objects.create(
            account=account, day=datetime(2026, 3, 2).date(), followers=100, collected_at=datetime.now(UTC)
        )
        FollowerCount.objects.create(
            account=account, day=datetime(2026, 3, 30).date(), followers=100 + n, collected_at=datetime.now(UTC)
        )

    html = alice_client.get(reverse("analytics"), MARCH).content.decode()
    rows = list(csv.DictReader(io.StringIO(alice_client.get(reverse("analytics-export"), MARCH).content.decode())))

    by_account = html[html.index('id="accounts-heading"') : html.index('id="top-heading"')]
    assert "Account 11" in by_account and "Account 02" in by_account and "Account 01" not in by_account
    assert "2 more accounts are in the" in by_account
    followers = html[html.index('id="followers-heading"') :]
    assert "Account 11" in followers and "Account 01" not in followers and "2 more accounts are in the" in followers
    assert len([r for r in rows if r["section"] == "account"]) == 12
    assert len([r for r in rows if r["section"] == "followers"]) == 12


def test_follower_growth_names_each_account_with_its_network_on_the_page_and_in_the_csv(alice_client, posted):
    page = alice_client.get(reverse("analytics"), MARCH).content.decode()
    csv_text = alice_client.get(reverse("analytics-export"), MARCH).content.decode()

    assert '<th scope="row">Clinic X <small>(X)</small></th>' in page
    (followers,) = [row for row in csv.DictReader(io.StringIO(csv_text)) if row["section"] == "followers"]
    assert (followers["key"], followers["name"], followers["network"]) == (
        str(posted.account_id),
        "Clinic X",
        "twitter",
    )
    assert (followers["followers_first_day"], followers["followers_last_day"], followers["follower_change"]) == (
        "100",
        "142",
        "42",
    )
