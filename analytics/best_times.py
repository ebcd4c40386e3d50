"""Best times to post: when the organization's own posts drew the most engagement, and putting
those hours into its posting schedule.

The heat map is engagement per post (``PostTarget.engagement``) by weekday and
hour of publishing, in the organization's time zone, over all its published posts the networks
gave figures for. Hours with fewer than ``MIN_POSTS_PER_HOUR`` posts are never suggested (one
lucky post is no pattern), and with fewer than ``MIN_POSTS`` measured posts nothing is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Max, Min, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from accounts import permissions
from accounts.models import Organization, User
from analytics import local_time
from audit import services as audit
from audit.models import Action
from posts.models import PostTarget, TargetState
from scheduler import schedules
from scheduler.models import PostingSchedule, ScheduleSlot

#: Fewer measured posts than this is too little history to suggest anything.
MIN_POSTS = 20
#: An hour is suggested only with this many measured posts in it.
MIN_POSTS_PER_HOUR = 2
#: How many weekly times "Use these as my posting schedule" fills in.
SUGGESTED_SLOTS = 5
#: Heat levels: 0 is no post; 1 to 4 are quarters of the best hour's engagement per post.
HEAT_LEVELS = 4


@dataclass
class Hour:
    weekday: int  # Monday = 0, as the posting schedule counts
    hour: int
    posts: int = 0
    engagement: int = 0
    level: int = 0
    suggested: bool = False

    @property
    def per_post(self) -> float:
        return self.engagement / self.posts if self.posts else 0.0

    @property
    def weekday_name(self) -> str:
        return str(ScheduleSlot.Weekday(self.weekday).label)

    @property
    def slot(self) -> tuple[int, time]:
        return self.weekday, time(self.hour)


@dataclass
class BestTimes:
    zone: str
    measured_posts: int
    grid: list[list[Hour]]  # [weekday][hour]
    suggestions: list[Hour]

    @property
    def enough(self) -> bool:
        return bool(self.suggestions)

    @property
    def slots(self) -> list[tuple[int, time]]:
        return sorted(hour.slot for hour in self.suggestions)


def best_times(organization: Organization, *, account_id: int | None = None, network: str | None = None) -> BestTimes:
    """The heat map of ``organization``'s history (one query), and its ``SUGGESTED_SLOTS`` best
    hours when there is enough history; ``account_id`` and ``network`` narrow the history."""
    zone = ZoneInfo(organization.time_zone)
    # By the account's organization (a post goes only to its own's): the network needs that join
    # anyway, and it spares one on the posts.
    targets = PostTarget.objects.filter(
        account__organization=organization, state=TargetState.PUBLISHED, published_at__isnull=False
    ).exclude(metrics_collected_at=None)
    if account_id is not None:
        targets = targets.filter(account_id=account_id)
    if network:
        targets = targets.filter(account__network=network)
    since, until = _history_bounds(targets)
    rows = (
        targets.values_list(local_time.local_hour_of_week("published_at", zone, since, until))
        .annotate(posts=Count("pk"), total=Coalesce(Sum("engagement"), 0))
        .order_by()
    )
    grid = [[Hour(weekday=day, hour=hour) for hour in range(24)] for day in range(7)]
    for hour_of_week, posts, total in rows:
        cell = grid[hour_of_week // 24][hour_of_week % 24]
        cell.posts, cell.engagement = posts, total
    cells = [cell for day in grid for cell in day]
    measured = sum(cell.posts for cell in cells)
    best = max(cell.per_post for cell in cells)
    for cell in cells:
        if cell.posts:
            share = cell.per_post / best if best else 0.0
            # Ceiling of the share in quarters: any hour with a post is at least level 1.
            cell.level = max(1, min(HEAT_LEVELS, -int(-share * HEAT_LEVELS // 1)))
    candidates = sorted(
        (cell for cell in cells if cell.posts >= MIN_POSTS_PER_HOUR and cell.engagement > 0),
        key=lambda c: (-c.per_post, -c.posts, c.weekday, c.hour),
    )
    suggestions: list[Hour] = []
    if measured >= MIN_POSTS and len(candidates) >= SUGGESTED_SLOTS:
        suggestions = candidates[:SUGGESTED_SLOTS]
        for cell in suggestions:
            cell.suggested = True
    return BestTimes(zone=organization.time_zone, measured_posts=measured, grid=grid, suggestions=suggestions)


def _history_bounds(targets) -> tuple[datetime, datetime]:
    """When the history starts and ends: SQLite's local times need the clock changes in between
    (analytics/local_time.py); PostgreSQL needs nothing, and is spared the query."""
    if not local_time.computed_by_sqlite():
        return datetime.min.replace(tzinfo=UTC), datetime.max.replace(tzinfo=UTC)
    bounds = targets.aggregate(first=Min("published_at"), last=Max("published_at"))
    if bounds["first"] is None:
        now = datetime.now(UTC)
        return now, now
    return bounds["first"], bounds["last"] + timedelta(seconds=1)


def describe(slots: list[tuple[int, time]], zone: str) -> str:
    """Slots in words for the audit trail: "Monday 09:00, Tuesday 12:00 (America/Toronto)"."""
    names = dict(ScheduleSlot.Weekday.choices)
    listed = ", ".join(f"{names[day]} {at:%H:%M}" for day, at in sorted(slots))
    return f"{listed} ({zone})" if listed else "—"


@transaction.atomic
def use_as_posting_schedule(organization: Organization, *, by: User) -> PostingSchedule:
    """Replace the organization's default posting schedule's times with the suggested hours, in
    the organization's time zone (creating the schedule if there is none). Queued posts move to
    the new times, as with any schedule edit, and the change goes into the audit trail.

    ValidationError when there is too little history; PermissionDenied unless ``by`` may
    manage schedules.
    """
    permissions.require(by, schedules.MANAGE_ACTION, organization)
    suggested = best_times(organization)
    if not suggested.enough:
        raise ValidationError(_("There is too little history yet to suggest posting times."))
    schedule = schedules.default_schedule(organization)
    if schedule is None:
        before = "—"
        schedule = schedules.create_schedule(
            organization=organization, by=by, slots=suggested.slots, time_zone=organization.time_zone
        )
    else:
        before = describe(list(schedule.slots.values_list("weekday", "local_time")), schedule.time_zone)
        schedule = schedules.update_schedule(schedule, by=by, slots=suggested.slots, time_zone=organization.time_zone)
    after = describe(suggested.slots, organization.time_zone)
    if before != after:
        audit.record(
            Action.SETTINGS_CHANGED,
            organization=organization,
            by=by,
            subject=str(_("Posting schedule")),
            details={
                "posting_schedule": {"before": before, "after": after},
                "source": "best times to post",
            },
        )
    return schedule
