"""A few weeks of the Demo Clinic's posts in every state, so the calendar shows a realistic month,
and eight weeks of published tips, so Analytics has charts and best times to suggest.

Three weeks back and three weeks ahead of the first run, at the clinic's local times: published
posts (linked to the simulator's timeline when the network is the sandbox), some that failed with
their reason, one whose outcome someone must check, cancelled ones, and ahead: scheduled posts,
drafts and a resident's posts waiting for review. "Publishing" is left out: a post is in it for the
seconds a worker sends it, and a seeded one would only be taken back by the sweep of stale leases.

Rows are written as they would stand, not sent through the publishing engine: the demo must not
post anything to a network. Safe to run again: a demo post is known by its text and never written
twice, and its times stay those of the first run.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from accounts import connections
from accounts.models import ConnectedAccount, Organization, Role, User
from posts import metrics as post_metrics
from posts.models import FailureReason, Post, PostTarget, TargetState

S = TargetState
#: Networks a post of text alone can go to; Instagram and YouTube need a picture or a video.
TEXT_NETWORKS = ("twitter", "facebook", "linkedin")


@dataclass(frozen=True)
class DemoPost:
    days: int  # from today, in the organization's zone
    at: time
    state: str
    text: str
    by: Role = Role.EDITOR
    #: How many accounts it goes to: 1, or 2 for the clinic's bigger announcements.
    accounts: int = 1
    reason: str = ""
    error: str = ""


DEMO_POSTS = [
    DemoPost(-21, time(9), S.PUBLISHED, "Flu shot clinics start Monday. Book online or call us.", accounts=2),
    DemoPost(-19, time(12, 30), S.PUBLISHED, "Five minutes of walking after meals helps steady blood sugar."),
    DemoPost(-18, time(17), S.CANCELLED, "Holiday hours: we close at noon on Friday.", by=Role.ADMIN),
    DemoPost(
        -16, time(9), S.PUBLISHED, "Welcome Dr. Priya Patel to our family medicine team!", by=Role.OWNER, accounts=2
    ),
    DemoPost(
        -15,
        time(8),
        S.FAILED,
        "Reminder: bring your health card to every visit.",
        by=Role.ADMIN,
        reason=FailureReason.MISSED,
        error="It was due at 08:00 and the network could not be reached until 11:40, past its late window.",
    ),
    DemoPost(-14, time(12), S.PUBLISHED, "Sunscreen is not just for summer: UV reflects off snow too."),
    DemoPost(-12, time(16, 30), S.PUBLISHED, "Our new evening clinic runs Tuesdays until 8 pm.", by=Role.ADMIN),
    DemoPost(
        -11,
        time(9, 30),
        S.FAILED,
        "Antibiotics do not treat colds. Rest, fluids, and call us if a fever lasts over 3 days.",
        reason=FailureReason.REJECTED,
        error="The network refused it: “Status is a duplicate.”",
    ),
    DemoPost(-9, time(10), S.PUBLISHED, "How to prepare for your annual physical, in four steps.", accounts=2),
    DemoPost(
        -8,
        time(13),
        S.NEEDS_ATTENTION,
        "Blood pressure checks are free at the front desk all week.",
        reason=FailureReason.UNKNOWN_OUTCOME,
        error="The network did not answer in time after the post was sent; it may or may not have gone out.",
    ),
    DemoPost(-7, time(9), S.PUBLISHED, "Thank you to our nurses, who gave 600 flu shots this month!", by=Role.OWNER),
    DemoPost(-5, time(18), S.CANCELLED, "Webinar tonight on sleep and screens: cancelled, new date soon."),
    DemoPost(
        -4,
        time(11),
        S.FAILED,
        "Allergy season is coming: talk to us about a plan before it starts.",
        reason=FailureReason.TRANSIENT,
        error="The network answered 503 (service unavailable) five times.",
    ),
    DemoPost(-2, time(8, 30), S.PUBLISHED, "Parking update: the east lot is open again.", by=Role.ADMIN),
    DemoPost(-1, time(12), S.PUBLISHED, "Hand washing still beats every gadget. Twenty seconds, soap, water."),
    DemoPost(1, time(9), S.SCHEDULED, "This week: ask us about the shingles vaccine if you are over 50.", accounts=2),
    DemoPost(2, time(12, 30), S.IN_REVIEW, "Three easy swaps to cut salt at dinner.", by=Role.CONTRIBUTOR),
    DemoPost(3, time(17), S.SCHEDULED, "Our phones are down for maintenance Thursday 6–7 pm.", by=Role.ADMIN),
    DemoPost(4, time(10), S.DRAFT, "Draft: what to expect at your first prenatal visit."),
    DemoPost(6, time(9), S.SCHEDULED, "Meet our new physiotherapist on Saturday's open house.", by=Role.OWNER),
    DemoPost(8, time(12), S.IN_REVIEW, "Why your doctor asks about sleep.", by=Role.CONTRIBUTOR),
    DemoPost(9, time(16), S.SCHEDULED, "Kids' vaccine catch-up clinic, no appointment needed."),
    DemoPost(11, time(9, 30), S.CANCELLED, "Lunch and learn on diabetes: moved to next month.", by=Role.ADMIN),
    DemoPost(13, time(12), S.SCHEDULED, "Staying active in winter: indoor ideas that count.", accounts=2),
    DemoPost(15, time(10), S.DRAFT, "Draft: travel health checklist before March break.", by=Role.CONTRIBUTOR),
    DemoPost(17, time(9), S.SCHEDULED, "Heart month starts: book a blood pressure check with us."),
    DemoPost(20, time(14), S.IN_REVIEW, "Ask the resident: is a daily aspirin right for you?", by=Role.CONTRIBUTOR),
]

#: The weekly health tips of the past eight weeks: enough measured history (40 posts, at least
#: ``analytics.best_times.MIN_POSTS``) for the Analytics page's charts and a best-times suggestion.
#: Each (days back within a week, time) pair lands on the same weekday every week, and each is used
#: every other week, so ten weekday-and-hour cells get four posts each.
HISTORY_SLOTS = [
    (1, time(8)),
    (2, time(12)),
    (3, time(17, 30)),
    (4, time(9)),
    (5, time(19)),
    (1, time(13)),
    (2, time(7, 30)),
    (3, time(10)),
    (5, time(12, 15)),
    (6, time(16)),
]
HEALTH_TIPS = [
    "Drink a glass of water before each meal.",
    "Take the stairs when you can: it all counts.",
    "Keep a list of your medicines in your wallet.",
    "Screens off an hour before bed helps you fall asleep.",
    "Add one vegetable to your lunch today.",
    "Stretch for five minutes after sitting an hour.",
    "Check your smoke and carbon monoxide alarms this month.",
    "Wash fruit and vegetables, even the ones you peel.",
]
HISTORY_WEEKS = 8
DEMO_HISTORY = [
    DemoPost(
        -(7 * week + back),
        at,
        S.PUBLISHED,
        f"Health tip {week * 5 + n + 1} of {HISTORY_WEEKS * 5}: {HEALTH_TIPS[(week * 5 + n) % len(HEALTH_TIPS)]}",
    )
    for week in range(HISTORY_WEEKS)
    for n, (back, at) in enumerate(HISTORY_SLOTS[(week % 2) * 5 : (week % 2) * 5 + 5])
]
DEMO_POSTS += DEMO_HISTORY


def seed_demo_posts(organization: Organization, *, now: datetime | None = None) -> int:
    """Write ``DEMO_POSTS`` for ``organization`` around ``now``; return how many posts were created.

    Goes to its connected text networks (X, Facebook, LinkedIn) in turn, and to whatever account is
    connected when none of those is; writes nothing when no account is. Authors are the members
    with each post's role (the owner when nobody has it). Safe to run twice: nothing is duplicated.
    """
    accounts = list(
        ConnectedAccount.objects.filter(organization=organization, status=ConnectedAccount.Status.ACTIVE).order_by(
            "network", "pk"
        )
    )
    accounts = [a for a in accounts if a.network in TEXT_NETWORKS] or accounts
    authors = _authors(organization)
    if not accounts or not authors:
        return 0
    now = now or timezone.now()
    zone = ZoneInfo(organization.time_zone)
    today = now.astimezone(zone).date()
    existing = set(Post.objects.filter(organization=organization).values_list("text", flat=True))
    created = 0
    with transaction.atomic():
        for number, demo in enumerate(DEMO_POSTS):
            if demo.text in existing:
                continue
            at = datetime.combine(today + timedelta(days=demo.days), demo.at, tzinfo=zone)
            author = authors.get(demo.by) or authors.get(Role.OWNER) or next(iter(authors.values()))
            post = Post.objects.create(organization=organization, author=author, text=demo.text)
            chosen = [accounts[(number + step) % len(accounts)] for step in range(min(demo.accounts, len(accounts)))]
            PostTarget.objects.bulk_create(_target(post, account, demo, at=at, number=number) for account in chosen)
            created += 1
    return created


def _authors(organization: Organization) -> dict[str, User]:
    authors: dict[str, User] = {}
    for membership in organization.memberships.select_related("user").order_by("pk"):
        authors.setdefault(membership.role, membership.user)
    return authors


def _target(post: Post, account: ConnectedAccount, demo: DemoPost, *, at: datetime, number: int) -> PostTarget:
    target = PostTarget(
        post=post,
        account=account,
        state=demo.state,
        scheduled_at=at,
        due_at=at,
        failure_reason=demo.reason,
        error_message=demo.error,
    )
    if demo.state == S.PUBLISHED:
        target.published_at = at
        # The time in the id lets the sandbox read the post's figures as of its age (simulator/metrics.py).
        target.external_id = f"demo-{int(at.timestamp())}-{number}-{account.pk}"
        target.metrics_due_at = post_metrics.first_read(at)  # the first collection round reads them
        target.external_url = timeline_url(account.network)
    if demo.state in (S.FAILED, S.NEEDS_ATTENTION):
        target.attempts = 1
    return target


def timeline_url(network: str) -> str:
    """The simulator's page of everything ``network`` received, where a published demo post links;
    "" when the network is the real one (the demo posts never went there)."""
    if not connections.is_sandbox_network(network):
        return ""
    parts = urlsplit(settings.PLATFORMS[network]["api_url"])
    return f"{parts.scheme}://{parts.netloc}/_sim/timeline/{network}"
