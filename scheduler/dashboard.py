"""The home page: where a member starts the day in one organization.

What goes out over the next seven days, what waits for review, what failed and
how to fix it, drafts, and accounts to reconnect: each as a count and its first
few rows. :func:`dashboard_for` reads all of it in a fixed number of queries,
whatever the size of the organization: counts come from aggregates, rows from
capped lists, never one query per post or per day.

Here rather than in ``posts`` because it reads every app below it (targets,
posts, accounts, memberships); the rules it applies live on their querysets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import pairwise
from typing import Generic, TypeVar
from zoneinfo import ZoneInfo

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from accounts import permissions
from accounts.models import ConnectedAccount, Membership, Organization, Role
from physsocial import input_rules
from posts.models import RETRYABLE_STATES, Post, PostTarget, TargetState

S = TargetState

WEEK_DAYS = 7
#: States of a target that is going out (or went out) at its time: what the week strip counts.
GOING_OUT = (S.SCHEDULED, S.PUBLISHING, S.PUBLISHED)
#: Rows each section lists; the count says how many more the full list holds.
SHOWN = 5
#: Posts each day of the strip lists.
SHOWN_PER_DAY = 6
#: Targets read for the whole week: enough for SHOWN_PER_DAY on every day of a busy week,
#: bounded for an association that schedules thousands.
WEEK_ROWS = 120

T = TypeVar("T")


@dataclass(frozen=True)
class Section(Generic[T]):
    count: int
    items: list[T]

    @property
    def more(self) -> int:
        """How many the full list holds beyond those shown."""
        return max(self.count - len(self.items), 0)


@dataclass(frozen=True)
class Day:
    date: date
    count: int
    targets: list[PostTarget] = field(default_factory=list)

    @property
    def more(self) -> int:
        return max(self.count - len(self.targets), 0)


@dataclass(frozen=True)
class Dashboard:
    week: list[Day]
    attention: Section[PostTarget]
    review: Section[Post]
    #: Whether anyone's posts go through review here: there are contributors, or posts waiting.
    uses_approval: bool
    drafts: Section[Post]
    reconnect: Section[ConnectedAccount]

    @property
    def week_count(self) -> int:
        return sum(day.count for day in self.week)


def fix_permissions(role: str | None) -> dict[str, bool]:
    """Which of the fixes for a post that did not go out ``role`` may use, for the templates that
    show them (templates/scheduler/_fix_actions.html): edit it, retry it, reconnect its account."""
    return {
        "may_draft": permissions.role_allows(role, "post.draft"),
        "may_schedule": permissions.role_allows(role, "post.schedule"),
        "may_connect": permissions.role_allows(role, "account.connect"),
    }


def day_starts(*, today: date, zone: ZoneInfo) -> list[datetime]:
    """Local midnights from ``today``, one more than the week's days: each day is [start, next start).
    From the calendar, not 24-hour steps, so a day that changes the clock is 23 or 25 hours long."""
    return [datetime.combine(today + timedelta(days=offset), time.min, tzinfo=zone) for offset in range(WEEK_DAYS + 1)]


def dashboard_for(organization: Organization, *, time_zone: str, now: datetime | None = None) -> Dashboard:
    """The home page of ``organization`` as seen from ``time_zone`` (the week starts at its
    midnight today). The caller checks that the person may see the organization's posts.

    Reads only: safe to call any number of times. A fixed number of queries, whatever the size
    (tests/scheduler/test_dashboard.py holds it to that).
    """
    now = now or timezone.now()
    zone = ZoneInfo(time_zone)
    starts = day_starts(today=input_rules.safe_astimezone(now, zone).date(), zone=zone)
    targets = PostTarget.objects.for_organization(organization)
    # Every count over targets in one pass.
    counts = targets.aggregate(
        **{
            f"day{index}": Count("pk", filter=Q(state__in=GOING_OUT, scheduled_at__gte=start, scheduled_at__lt=end))
            for index, (start, end) in enumerate(pairwise(starts))
        },
        review=Count("post", filter=Q(state=S.IN_REVIEW), distinct=True),
        attention=Count("pk", filter=Q(state__in=RETRYABLE_STATES)),
    )
    posts = Post.objects.filter(organization=organization).select_related("author")
    drafts = posts.drafts()
    accounts = ConnectedAccount.objects.for_organization(organization).needing_reconnect(now)
    has_contributors = Membership.objects.filter(organization=organization, role=Role.CONTRIBUTOR).exists()
    return Dashboard(
        week=_week(targets, starts=starts, counts=[counts[f"day{index}"] for index in range(WEEK_DAYS)], zone=zone),
        attention=Section(
            count=counts["attention"],
            items=list(
                targets.did_not_go_out().select_related("account", "post").order_by("-updated_at", "-pk")[:SHOWN]
            ),
        ),
        review=Section(count=counts["review"], items=_with_targets(posts.with_target_in([S.IN_REVIEW]), S.IN_REVIEW)),
        uses_approval=has_contributors or counts["review"] > 0,
        drafts=Section(count=drafts.count(), items=_with_targets(drafts, S.DRAFT)),
        reconnect=Section(count=accounts.count(), items=list(accounts.order_by("network", "display_name")[:SHOWN])),
    )


def _week(targets: QuerySet[PostTarget], *, starts: list[datetime], counts: list[int], zone: ZoneInfo) -> list[Day]:
    """Each day's count and its first posts, each with ``local_at``, its time in ``zone``."""
    in_week = Q(state__in=GOING_OUT, scheduled_at__gte=starts[0], scheduled_at__lt=starts[-1])
    rows = targets.filter(in_week).select_related("account", "post").order_by("scheduled_at", "pk")[:WEEK_ROWS]
    by_day: dict[date, list[PostTarget]] = {}
    for target in rows:
        target.local_at = input_rules.safe_astimezone(target.scheduled_at, zone)
        by_day.setdefault(target.local_at.date(), []).append(target)
    return [
        Day(date=start.date(), count=count, targets=by_day.get(start.date(), [])[:SHOWN_PER_DAY])
        for start, count in zip(starts, counts, strict=False)
    ]


def _with_targets(posts: QuerySet[Post], state: str) -> list[Post]:
    """The latest ``SHOWN`` of ``posts``, each with ``listed_targets``: its targets in ``state``,
    with their accounts, to name the networks."""
    in_state = PostTarget.objects.filter(state=state).select_related("account").order_by("pk")
    return list(
        posts.prefetch_related(Prefetch("targets", queryset=in_state, to_attr="listed_targets")).order_by(
            "-updated_at", "-pk"
        )[:SHOWN]
    )
