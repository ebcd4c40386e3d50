"""The daily digest: each morning, owners (of a physician's own space too) and admins get
tomorrow's posts, what waits for review and what did not go out, for every organization they run,
by e-mail (and in the app).

A beat task (``send_daily_digests``, every ``DIGEST_CHECK_MINUTES``) sends each of them their digest
once per day of their own calendar, at the first run after ``DIGEST_LOCAL_TIME`` in their time
zone (``User.time_zone``), so a change of clock (DST) moves it with their morning. The day is
claimed on the user's row before anything is sent (``User.digest_sent_on``, a conditional update,
as ``sendalerts`` claims a check), so two overlapping runs or a run repeated after a crash never
send a day twice; a mail that could not be sent gives the day back for the next run.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts import permissions
from accounts.models import Channel, Membership, Notification, Organization, User
from accounts.notifications import channels_for, link_in, notify
from physsocial import input_rules
from posts.models import Post, PostTarget, TargetState
from posts.review import count_waiting, posts_waiting
from scheduler.dashboard import Section

logger = logging.getLogger(__name__)

S = TargetState

#: When the digest goes out, in each person's own time zone.
DIGEST_LOCAL_TIME = time(7, 0)
#: How often beat looks for digests that are due (physsocial/settings.py's CELERY_BEAT_SCHEDULE).
DIGEST_CHECK_MINUTES = 15
#: Posts listed per section; the count says how many there are in all.
LISTED = 5


@dataclass(frozen=True)
class OrganizationDigest:
    organization: Organization
    tomorrow: Section[PostTarget]  # each with ``local_at``, its time in the reader's zone
    review: Section[Post]
    failed: Section[PostTarget]

    @property
    def is_empty(self) -> bool:
        return not (self.tomorrow.count or self.review.count or self.failed.count)

    # Each organization's links open in it, whichever organization the reader last worked in.
    @property
    def calendar_url(self) -> str:
        return self._url("calendar")

    @property
    def review_url(self) -> str:
        return self._url("review")

    @property
    def failures_url(self) -> str:
        return self._url("failures")

    def _url(self, name: str) -> str:
        return settings.PUBLIC_BASE_URL + link_in(self.organization, reverse(name))


def local_day(user: User, now: datetime) -> tuple[date, bool]:
    """``user``'s date at ``now`` in their time zone, and whether their digest time has passed."""
    local = input_rules.safe_astimezone(now, _zone(user))
    return local.date(), local.time() >= DIGEST_LOCAL_TIME


def send_daily_digests(*, now: datetime | None = None) -> int:
    """Send every owner and admin whose digest time has passed today (in their zone) the digest
    they have not had today. Returns how many people got one. Safe to run twice, and
    concurrently: each person's day is claimed with a conditional update before sending."""
    now = now or timezone.now()
    roles = [str(role) for role in permissions.POLICY["org.alerts"]]
    runners = Membership.objects.filter(role__in=roles).values("user_id")
    # Nobody's local date is more than a day ahead of UTC's: whoever had that day's digest is done.
    not_yet = Q(digest_sent_on__isnull=True) | Q(digest_sent_on__lte=now.date())
    sent = 0
    for user in User.objects.filter(not_yet, is_active=True, pk__in=runners).order_by("pk"):
        today, is_time = local_day(user, now)
        if not is_time or (user.digest_sent_on is not None and user.digest_sent_on >= today):
            continue
        if not _claim(user, today):
            continue  # another run has it
        try:
            sent += bool(send_digest(user, today=today))
        except Exception:
            logger.exception("could not send the daily digest to user %s", user.pk)
            # Give the day back, so the next run tries again.
            User.objects.filter(pk=user.pk, digest_sent_on=today).update(digest_sent_on=user.digest_sent_on)
    return sent


def _claim(user: User, today: date) -> bool:
    earlier = Q(digest_sent_on__isnull=True) | Q(digest_sent_on__lt=today)
    return bool(User.objects.filter(earlier, pk=user.pk).update(digest_sent_on=today))


def send_digest(user: User, *, today: date) -> list[Notification]:
    """Build and send ``user``'s digest for ``today`` (their date), if they hear about digests
    and anything is worth telling: a day with nothing to report sends nothing. Not idempotent
    on its own: ``send_daily_digests`` claims the day first."""
    if channels_for([user], Notification.Kind.DIGEST).get(user, Channel.OFF) == Channel.OFF:
        return []
    # Written in their language, whoever runs the beat.
    with translation.override(user.written_language):
        return _send_digest(user, today=today)


def _send_digest(user: User, *, today: date) -> list[Notification]:
    digests = [digest for digest in digests_for(user, today=today) if not digest.is_empty]
    if not digests:
        return []
    base = settings.PUBLIC_BASE_URL
    context = {
        "user": user,
        "today": today,
        "digests": digests,
        "base_url": base,
        "settings_url": base + reverse("settings"),
    }
    title = _("Your daily digest for %(date)s") % {"date": date_format(today, "l j F")}
    return notify(
        [user],
        organization=digests[0].organization if len(digests) == 1 else None,
        title=title,
        body="\n".join(_summary(digest) for digest in digests),
        link=reverse("home"),
        kind=Notification.Kind.DIGEST,
        email_body=render_to_string("emails/digest.txt", context),
        email_html=render_to_string("emails/digest.html", context),
    )


def digests_for(user: User, *, today: date) -> list[OrganizationDigest]:
    """What each organization ``user`` runs (as owner or admin) has for them on ``today`` (their date)."""
    zone = _zone(user)
    start = datetime.combine(today + timedelta(days=1), time.min, tzinfo=zone)
    end = datetime.combine(today + timedelta(days=2), time.min, tzinfo=zone)  # 23 or 25 hours on a DST day
    roles = [str(role) for role in permissions.POLICY["org.alerts"]]
    organizations = Organization.objects.filter(memberships__user=user, memberships__role__in=roles).order_by("name")
    digests = []
    for organization in organizations:
        targets = PostTarget.objects.for_organization(organization).select_related("account", "post")
        tomorrow = targets.filter(state=S.SCHEDULED, scheduled_at__gte=start, scheduled_at__lt=end)
        listed = list(tomorrow.order_by("scheduled_at", "pk")[:LISTED])
        for target in listed:
            target.local_at = target.scheduled_at.astimezone(zone)
        failed = targets.did_not_go_out()
        digests.append(
            OrganizationDigest(
                organization=organization,
                tomorrow=Section(count=tomorrow.count(), items=listed),
                review=Section(count=count_waiting(organization), items=list(posts_waiting(organization)[:LISTED])),
                failed=Section(count=failed.count(), items=list(failed.order_by("-updated_at", "-pk")[:LISTED])),
            )
        )
    return digests


def _summary(digest: OrganizationDigest) -> str:
    words = [
        ngettext("%(count)d post tomorrow", "%(count)d posts tomorrow", digest.tomorrow.count),
        ngettext("%(count)d waiting for review", "%(count)d waiting for review", digest.review.count),
        ngettext("%(count)d did not go out", "%(count)d did not go out", digest.failed.count),
    ]
    counts = [digest.tomorrow.count, digest.review.count, digest.failed.count]
    parts = ", ".join(word % {"count": count} for word, count in zip(words, counts, strict=True))
    return f"{digest.organization.name}: {parts}."


def _zone(user: User) -> ZoneInfo:
    try:
        return ZoneInfo(user.time_zone or settings.TIME_ZONE)
    except (KeyError, ValueError):
        return ZoneInfo(settings.TIME_ZONE)
