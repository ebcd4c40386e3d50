"""The figures of the Analytics page, its CSV export and ``GET /api/v1/analytics/``: one place.

**Where the figures come from.** Each published target keeps the latest figures its network gave
(``PostTarget.metrics``, a JSON object such as ``{"likes": 12, "shares": 3}``) and, computed from
them when they are read, its engagement and reach as numbers (``PostTarget.engagement``,
``PostTarget.reach``). Everything here sums those two columns in the database, never the JSON, so
a page over a year of posts costs the same few queries as over a week.

**Engagement** is the interactions a network gives, summed: ``NETWORK_METRICS`` (``posts.metrics``)
says which ones for each network, and the page and the API show that table as it is. **Reach** is
the impressions or views a network gives; a target whose network gave none is left out of the
reach sum, never counted as zero.

**Days** are the organization's: a post published at 23:30 in Toronto counts on that Toronto day.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, Literal
from zoneinfo import ZoneInfo

from django.db.models import (
    Case,
    Count,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    When,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from accounts.models import ConnectedAccount, Organization
from accounts.models.connected import Network
from analytics import local_time
from analytics.models import FollowerCount
from posts.metrics import NETWORK_METRICS
from posts.models import PostTarget, TargetState

GroupBy = Literal["day", "network", "account", "campaign"]
GROUPINGS: tuple[str, ...] = ("day", "network", "account", "campaign")

#: The longest range one page or answer covers: three years of days.
MAX_DAYS = 1100
#: How many posts the page lists as the best.
TOP_POSTS = 10
#: How many accounts get a line of their own on the chart by account; the rest are one line.
CHART_ACCOUNTS = 8
#: Beyond this many days the charts count by week: 365 bars are unreadable.
DAILY_CHART_DAYS = 92


def engagement_definition() -> list[dict[str, Any]]:
    """The table above in words, for the page and the API: network, label, interactions, reach."""
    labels = dict(Network.choices)
    return [
        {
            "network": network,
            "label": str(labels.get(network, network)),
            "engagement": list(m.engagement),
            "reach": m.reach,
        }
        for network, m in NETWORK_METRICS.items()
    ]


# Filters -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    """What a page or an API call asks for; days are the organization's, both ends included."""

    organization: Organization
    start: date
    end: date
    account_id: int | None = None
    network: str | None = None
    campaign_id: int | None = None

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.organization.time_zone)

    @property
    def since(self) -> datetime:
        return datetime.combine(self.start, time(), tzinfo=self.zone)

    @property
    def until(self) -> datetime:
        return datetime.combine(self.end + timedelta(days=1), time(), tzinfo=self.zone)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def default_range(organization: Organization, *, today: date | None = None) -> tuple[date, date]:
    """The last 30 days, today included, in the organization's zone."""
    if today is None:
        today = datetime.now(ZoneInfo(organization.time_zone)).date()
    return today - timedelta(days=29), today


# Expressions ---------------------------------------------------------------------------------------------------


def _figures() -> dict[str, Any]:
    # Named apart from the columns they sum (the ORM refuses an annotation named as a field);
    # ``_named`` gives them the names of ``Figures``.
    return {
        "published": Count("pk"),
        "posts": Count("post", distinct=True),
        "engagement_sum": Coalesce(Sum("engagement"), 0),
        "reach_sum": Sum("reach"),
        "with_reach": Count("reach"),
    }


def _named(row: dict[str, Any]) -> dict[str, Any]:
    row["engagement"], row["reach"] = row.pop("engagement_sum"), row.pop("reach_sum")
    return row


def published_targets(filters: Filters) -> QuerySet[PostTarget]:
    """The organization's targets published in the range and matching the filters (served by
    ``target_published_idx``)."""
    # A post goes only to its organization's accounts, so the account says whose a target is, and
    # the join every figure needs anyway (the network) spares one on the posts.
    targets = PostTarget.objects.filter(
        account__organization=filters.organization,
        state=TargetState.PUBLISHED,
        published_at__gte=filters.since,
        published_at__lt=filters.until,
    )
    if filters.account_id is not None:
        targets = targets.filter(account_id=filters.account_id)
    if filters.network:
        targets = targets.filter(account__network=filters.network)
    if filters.campaign_id is not None:
        targets = targets.filter(post__campaign_id=filters.campaign_id)
    return targets


# Figures -------------------------------------------------------------------------------------------------------


@dataclass
class Figures:
    """Sums over some published targets. ``published`` counts targets (a post sent to three
    accounts is three), ``posts`` counts posts. ``reach`` is None when no network gave any."""

    key: str = ""
    label: str = ""
    network: str = ""
    published: int = 0
    posts: int = 0
    engagement: int = 0
    reach: int | None = None
    with_reach: int = 0

    @property
    def engagement_per_post(self) -> float:
        return self.engagement / self.published if self.published else 0.0


def totals(filters: Filters) -> Figures:
    row = published_targets(filters).aggregate(**_figures())
    return Figures(label=str(_("All")), **_named(row))


def grouped(filters: Filters, *, by: GroupBy) -> list[Figures]:
    """The figures per day (every day of the range, empty ones too), network, account or campaign
    (posts without one under "No campaign"); days in order, the others by engagement."""
    targets = published_targets(filters)
    if by == "day":
        day = local_time.local_day("published_at", filters.zone, filters.since, filters.until)
        rows = targets.values(day=day).annotate(**_figures())
        found = {local_time.as_date(row.pop("day")): _named(row) for row in rows.order_by()}
        result = []
        for offset in range(filters.days):
            day = filters.start + timedelta(days=offset)
            result.append(Figures(key=day.isoformat(), label=day.isoformat(), **found.get(day, {})))
        return result
    if by == "network":
        labels = dict(Network.choices)
        rows = targets.values(net=F("account__network")).annotate(**_figures()).order_by()
        result = [Figures(key=row.pop("net"), **_named(row)) for row in rows]
        for figures in result:
            figures.network = figures.key
            figures.label = str(labels.get(figures.key, figures.key))
    elif by == "account":
        rows = targets.values("account_id", "account__display_name", "account__network").annotate(**_figures())
        result = [
            Figures(
                key=str(row.pop("account_id")),
                label=row.pop("account__display_name"),
                network=row.pop("account__network"),
                **_named(row),
            )
            for row in rows.order_by()
        ]
    elif by == "campaign":
        rows = targets.values("post__campaign_id", "post__campaign__name").annotate(**_figures())
        result = []
        for row in rows.order_by():
            campaign_id, name = row.pop("post__campaign_id"), row.pop("post__campaign__name")
            key, label = (str(campaign_id), name) if campaign_id else ("", str(_("No campaign")))
            result.append(Figures(key=key, label=label, **_named(row)))
    else:
        raise ValueError(f"Cannot group by {by!r}; expected one of {', '.join(GROUPINGS)}.")
    return _ranked(result)


# Charts over time ----------------------------------------------------------------------------------------------


@dataclass
class Series:
    """One chart: its periods (the first day of each), a line per network or account, in engagement."""

    period: Literal["day", "week"]
    labels: list[str]
    lines: list[dict[str, Any]] = field(default_factory=list)

    def rows(self) -> list[dict[str, Any]]:
        """The same figures as a table: one row per period, a value per line."""
        return [
            {"label": label, "values": [line["data"][index] for line in self.lines]}
            for index, label in enumerate(self.labels)
        ]


def _periods(filters: Filters) -> tuple[Literal["day", "week"], list[date]]:
    if filters.days <= DAILY_CHART_DAYS:
        return "day", [filters.start + timedelta(days=n) for n in range(filters.days)]
    first_monday = filters.start - timedelta(days=filters.start.weekday())
    weeks = (filters.end - first_monday).days // 7 + 1
    return "week", [first_monday + timedelta(weeks=n) for n in range(weeks)]


def _lines(periods: list[date], rows: list[tuple[date, Any, int]], names: dict[Any, str]) -> list[dict[str, Any]]:
    """Engagement per period for each key of ``rows`` (period, key, engagement) named in
    ``names``; any other key is summed as "Other accounts"."""
    index = {day: n for n, day in enumerate(periods)}
    data: dict[Any, list[int]] = {}
    for day, key, total in rows:
        if key not in names:
            key = None
        if key not in data:
            data[key] = [0] * len(periods)
        data[key][index[day]] += total  # every row's period is one of the range's
    lines = [{"key": str(key), "label": names[key], "data": data[key]} for key in names if key in data]
    if None in data:
        lines.append({"key": "other", "label": str(_("Other accounts")), "data": data[None]})
    return lines


def charts_over_time(
    filters: Filters, accounts: list[Figures], *, targets: QuerySet[PostTarget] | None = None
) -> tuple[Series, Series]:
    """Engagement per day or week (``_periods``): a line per network, and a line for each of the
    ``CHART_ACCOUNTS`` accounts with the most engagement (``accounts`` is ranked as
    ``grouped(by="account")``) with the others together. One query for both charts: the figures
    are summed per period, network and shown account (the others summed in the database as one)."""
    period, periods = _periods(filters)
    network_labels = dict(Network.choices)
    networks = {n: str(network_labels.get(n, n)) for n in NETWORK_METRICS}
    shown_accounts = {int(figures.key): figures.label for figures in accounts[:CHART_ACCOUNTS]}
    shown = Case(When(account_id__in=list(shown_accounts), then=F("account_id")), default=None)
    bucket = (local_time.local_day if period == "day" else local_time.local_week)(
        "published_at", filters.zone, filters.since, filters.until
    )
    rows = (
        (published_targets(filters) if targets is None else targets)
        .values_list(bucket, "account__network", shown)
        .annotate(total=Coalesce(Sum("engagement"), 0))
        .order_by()
    )
    by_network, by_account = [], []
    for day, network, account_id, total in rows:
        day = local_time.as_date(day)
        by_network.append((day, network, total))
        by_account.append((day, account_id, total))
    labels = [day.isoformat() for day in periods]
    return (
        Series(period=period, labels=labels, lines=_lines(periods, by_network, networks)),
        Series(period=period, labels=list(labels), lines=_lines(periods, by_account, shown_accounts)),
    )


def by_network_over_time(filters: Filters) -> Series:
    return charts_over_time(filters, [])[0]


def by_account_over_time(filters: Filters, accounts: list[Figures]) -> Series:
    """A line for each of the ``CHART_ACCOUNTS`` accounts with the most engagement (``accounts``
    is ``grouped(by="account")``), the others together."""
    return charts_over_time(filters, accounts)[1]


# Posts and followers -------------------------------------------------------------------------------------------


#: What the page and the CSV show of a top post: not its options, figures or the account's tokens.
TOP_POST_FIELDS = (
    "text_override",
    "published_at",
    "engagement",
    "reach",
    "external_url",
    "post__text",
    "account__display_name",
    "account__network",
)


def top_posts(
    filters: Filters, *, limit: int = TOP_POSTS, targets: QuerySet[PostTarget] | None = None
) -> list[PostTarget]:
    """The published targets with the most engagement, with their post and account (``targets``:
    ``published_targets(filters)`` when the caller has it already)."""
    if targets is None:
        targets = published_targets(filters)
    # Ranked over narrow rows first: sorting every target's text and account costs twice as much.
    best = targets.order_by("-engagement", "-published_at", "-pk").values("pk")[:limit]
    found = targets.filter(pk__in=Subquery(best)).select_related("post", "account").only(*TOP_POST_FIELDS)
    return list(found.order_by("-engagement", "-published_at", "-pk"))


@dataclass(frozen=True)
class AccountName:
    """What the follower tables show of an account: three columns read, not a whole row (200
    accounts' model instances cost more CPU than the query that counts their followers)."""

    pk: int
    display_name: str
    network: str

    def get_network_display(self) -> str:
        return str(dict(Network.choices).get(self.network, self.network))


@dataclass
class Growth:
    account: AccountName
    first_day: date
    first: int
    last_day: date
    last: int

    @property
    def change(self) -> int:
        return self.last - self.first


def follower_growth(filters: Filters) -> list[Growth]:
    """Each account's followers on the first and the last day counted in the range (the campaign
    filter does not apply: followers belong to accounts, not posts), biggest gain first."""
    counts = FollowerCount.objects.filter(account=OuterRef("pk"), day__gte=filters.start, day__lte=filters.end)
    earliest, latest = counts.order_by("day"), counts.order_by("-day")
    accounts = ConnectedAccount.objects.for_organization(filters.organization)
    if filters.account_id is not None:
        accounts = accounts.filter(pk=filters.account_id)
    if filters.network:
        accounts = accounts.filter(network=filters.network)
    rows = (
        accounts.annotate(
            first_day=Subquery(earliest.values("day")[:1]),
            first=Subquery(earliest.values("followers")[:1]),
            last_day=Subquery(latest.values("day")[:1]),
            last=Subquery(latest.values("followers")[:1]),
        )
        .filter(first_day__isnull=False)
        .values_list("pk", "display_name", "network", "first_day", "first", "last_day", "last")
    )
    growth = [
        Growth(account=AccountName(pk, name, network), first_day=first_day, first=first, last_day=last_day, last=last)
        for pk, name, network, first_day, first, last_day, last in rows
    ]
    growth.sort(key=lambda g: (-g.change, g.account.display_name))
    return growth


def followers_over_time(filters: Filters, growth: list[Growth]) -> Series:
    """Followers per day or week (``_periods``) of the ``CHART_ACCOUNTS`` accounts that gained the
    most (``growth`` as ``follower_growth`` ranks them), one line each: a period's figure is the
    last count read in it, or the one before when a day went unread (followers are a level, not
    a sum); None (no point, "—" in the table) before an account's first count in the range."""
    period, periods = _periods(filters)
    shown = {g.account.pk: g.account.display_name for g in growth[:CHART_ACCOUNTS]}
    counts = FollowerCount.objects.filter(account_id__in=list(shown), day__gte=filters.start, day__lte=filters.end)
    index = {day: n for n, day in enumerate(periods)}
    # Each day of the range to its period, worked out once rather than for every count read.
    days = (filters.start + timedelta(days=n) for n in range(filters.days))
    slot = {day: index[day - timedelta(days=day.weekday()) if period == "week" else day] for day in days}
    data: dict[int, list[int | None]] = {account_id: [None] * len(periods) for account_id in shown}
    for account_id, day, followers in counts.order_by("day").values_list("account_id", "day", "followers"):
        data[account_id][slot[day]] = followers  # in day order: the period's last count wins
    for values in data.values():
        last = None
        for n, value in enumerate(values):
            last = values[n] = last if value is None else value
    return Series(
        period=period,
        labels=[day.isoformat() for day in periods],
        lines=[{"key": str(pk), "label": name, "data": data[pk]} for pk, name in shown.items()],
    )


# The whole page ------------------------------------------------------------------------------------------------


@dataclass
class Report:
    filters: Filters
    totals: Figures
    by_network: list[Figures]
    by_account: list[Figures]
    by_campaign: list[Figures]
    network_chart: Series
    account_chart: Series
    top_posts: list[PostTarget]
    followers: list[Growth]
    follower_chart: Series


def report(filters: Filters) -> Report:
    """Everything the page and the CSV show, in a fixed number of queries.

    The figures per account, network and campaign and the totals are the same sums cut
    differently, so two passes give them all: one grouped by account (which gives its network;
    no join on the posts), one by campaign, which also counts the distinct posts, the only
    figure that cannot be added up (a post sent to two networks is one post)."""
    targets = published_targets(filters)
    sums = {name: figure for name, figure in _figures().items() if name != "posts"}
    per_account = targets.values("account_id", "account__display_name", "account__network").annotate(**sums)
    labels = dict(Network.choices)
    totals_ = Figures(label=str(_("All")))
    by_account: dict[int, Figures] = {}
    by_network: dict[str, Figures] = {}
    for row in per_account.order_by():
        network = row["account__network"]
        # One target per account and post: an account's publications are its posts.
        account = Figures(key=str(row["account_id"]), label=row["account__display_name"], network=network)
        by_account[row["account_id"]] = account
        if network not in by_network:
            by_network[network] = Figures(key=network, label=str(labels.get(network, network)), network=network)
        for figures in (account, by_network[network], totals_):
            _add(figures, row)
        account.posts = account.published
    by_campaign = _per_campaign(filters, by_network, totals_)
    accounts = _ranked(by_account.values())
    network_chart, account_chart = charts_over_time(filters, accounts, targets=targets)
    followers = follower_growth(filters)
    return Report(
        filters=filters,
        totals=totals_,
        by_network=_ranked(by_network.values()),
        by_account=accounts,
        by_campaign=_ranked(by_campaign),
        network_chart=network_chart,
        account_chart=account_chart,
        top_posts=top_posts(filters, targets=targets),
        followers=followers,
        follower_chart=followers_over_time(filters, followers),
    )


def _per_campaign(filters: Filters, by_network: dict[str, Figures], totals_: Figures) -> list[Figures]:
    """The figures per campaign (posts without one under "No campaign"), and the distinct posts
    of the networks and the totals, in one query: a post has one campaign, so counts per
    campaign add up to the totals and, counted for each network apart, to the network's."""
    per_network = {
        network: Count("post", distinct=True, filter=Q(account__network=network)) for network in NETWORK_METRICS
    }
    rows = (
        published_targets(filters)
        .values("post__campaign_id", "post__campaign__name")
        .annotate(**_figures(), **per_network)
        .order_by()
    )
    by_campaign = []
    for row in rows:
        campaign_id, name = row["post__campaign_id"], row["post__campaign__name"]
        key, label = (str(campaign_id), name) if campaign_id else ("", str(_("No campaign")))
        campaign = Figures(key=key, label=label, posts=row["posts"])
        _add(campaign, row)
        by_campaign.append(campaign)
        totals_.posts += row["posts"]
        for network, figures in by_network.items():
            figures.posts += row[network]
    return by_campaign


def _add(figures: Figures, cell: dict[str, Any]) -> None:
    figures.published += cell["published"]
    figures.engagement += cell["engagement_sum"]
    figures.with_reach += cell["with_reach"]
    if cell["reach_sum"] is not None:
        figures.reach = (figures.reach or 0) + cell["reach_sum"]


def _ranked(figures: Iterable[Figures]) -> list[Figures]:
    return sorted(figures, key=lambda f: (-f.engagement, -f.published, f.label))


# CSV -----------------------------------------------------------------------------------------------------------

CSV_HEADER = [
    "section",
    "key",
    "name",
    "network",
    "published",
    "posts",
    "engagement",
    "impressions_or_views",
    "first_day",
    "followers_first_day",
    "last_day",
    "followers_last_day",
    "follower_change",
]


def write_csv(figures: Report, out: Any) -> None:
    """The page's figures as one CSV table: a ``section`` column says which table of the page a
    row comes from (totals, day, network, account, campaign, top_post, followers)."""
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)

    def row(section: str, f: Figures) -> list[Any]:
        return [
            section,
            f.key,
            f.label,
            f.network,
            f.published,
            f.posts,
            f.engagement,
            _blank(f.reach),
            "",
            "",
            "",
            "",
            "",
        ]

    writer.writerow(row("totals", figures.totals))
    for day in grouped(figures.filters, by="day"):
        writer.writerow(row("day", day))
    for section, rows in (
        ("network", figures.by_network),
        ("account", figures.by_account),
        ("campaign", figures.by_campaign),
    ):
        for f in rows:
            writer.writerow(row(section, f))
    for target in figures.top_posts:
        writer.writerow(
            [
                "top_post",
                target.pk,
                _first_words(target.text),
                target.account.network,
                1,
                1,
                target.engagement,
                _blank(target.reach),
                target.published_at.astimezone(figures.filters.zone).date().isoformat(),
                "",
                "",
                "",
                "",
            ]
        )
    for growth in figures.followers:
        a = growth.account
        writer.writerow(
            ["followers", a.pk, a.display_name, a.network, "", "", "", "", growth.first_day.isoformat(), growth.first]
            + [growth.last_day.isoformat(), growth.last, growth.change]
        )


def _blank(value: Any) -> Any:
    return "" if value is None else value


def _first_words(text: str, length: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= length else flat[: length - 1] + "…"
