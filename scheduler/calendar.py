"""The content calendar: one visible range of targets, the queue's free slots, and the iCalendar feed.

**One range, a constant number of queries.** ``calendar_items`` reads the targets of a range in
one query, with the few columns an item shows and only the first characters of its text, so a
month costs the same with ten posts stored or ten thousand (``bench/calendar_range.py`` measures it).

**Where an item sits.** A target is placed at ``scheduled_at``, the time chosen for it (kept
across retries): scheduled and publishing ones at their time, published ones where they were
planned, in-review ones at the time their author asked for. Targets without a time (a draft
never scheduled, a contributor's "add to queue" awaiting approval) are not on the calendar.

**The feed** is a calendar program's view of the same items, read without signing in: the
secret token in its address is the key, and revoking gives a new one.
"""

from __future__ import annotations

import secrets
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet, Value
from django.db.models.functions import Coalesce, Left, NullIf
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from accounts import permissions
from accounts.models import ConnectedAccount, Membership, Organization, User
from physsocial.networks import network_label
from platforms import NETWORKS
from posts.models import PostTarget, TargetState
from posts.services import RESCHEDULABLE_STATES
from scheduler.models import CalendarFeed, PostingSchedule
from scheduler.schedules import HOLDING_STATES, iter_slots

S = TargetState
#: The longest range one request may ask for: a month view shows six weeks; a little more is allowed.
MAX_RANGE = timedelta(days=62)
#: How much text an item carries: enough for its first words, never a whole long post.
TEXT_PREFIX = 120
FIRST_WORDS = 8
#: How long an item (and a free slot) lasts on the calendar; posts are instants.
ITEM_LENGTH = timedelta(minutes=30)
#: What the feed covers: recent weeks and the coming year, so calendar programs stay quick.
FEED_PAST = timedelta(days=60)
FEED_FUTURE = timedelta(days=366)
FEED_MAX_EVENTS = 5000
#: The states the calendar shows and filters by; cancelled targets are left off.
SHOWN_STATES = (S.DRAFT, S.IN_REVIEW, S.SCHEDULED, S.PUBLISHING, S.PUBLISHED, S.FAILED, S.NEEDS_ATTENTION)


@dataclass(frozen=True)
class CalendarFilters:
    """What the person chose to see; empty means everything."""

    account_ids: frozenset[int] = frozenset()
    author_ids: frozenset[int] = frozenset()
    networks: frozenset[str] = frozenset()
    states: frozenset[str] = frozenset()
    campaign_ids: frozenset[int] = frozenset()

    def apply(self, targets: QuerySet[PostTarget]) -> QuerySet[PostTarget]:
        if self.account_ids:
            targets = targets.filter(account_id__in=self.account_ids)
        if self.author_ids:
            targets = targets.filter(post__author_id__in=self.author_ids)
        if self.networks:
            targets = targets.filter(account__network__in=self.networks)
        if self.campaign_ids:
            targets = targets.filter(post__campaign_id__in=self.campaign_ids)
        return targets.filter(state__in=self.states or SHOWN_STATES)


@dataclass
class CalendarItem:
    """One target as the calendar (and the feed) shows it; the words are worked out once, when read."""

    target_id: int
    post_id: int
    author_id: int
    state: str
    at: datetime
    network: str
    account_name: str
    is_queued: bool
    external_url: str
    network_label: str
    state_label: str
    first_words: str
    movable: bool = False
    #: Whether the viewer may approve, send back or reject the post (the calendar's review dialog).
    reviewable: bool = False
    campaign_id: int | None = None
    campaign_name: str = ""
    campaign_colour: str = ""

    @property
    def title(self) -> str:
        title = f"{self.network_label} · {self.account_name} · {self.state_label}: {self.first_words}"
        # The colour says the campaign to those who see it; the title says it to everyone.
        return f"{title} ({self.campaign_name})" if self.campaign_name else title


def first_words(text: str) -> str:
    """The first few words of ``text`` (already cut to ``TEXT_PREFIX`` characters), with "…" when there is more."""
    words = text.split(maxsplit=FIRST_WORDS)
    shown = " ".join(words[:FIRST_WORDS])
    return f"{shown}…" if len(words) > FIRST_WORDS or len(text) >= TEXT_PREFIX else shown


def calendar_targets(organization: Organization, *, start: datetime, end: datetime) -> QuerySet[PostTarget]:
    """The organization's targets placed in [start, end), oldest first (served by
    ``target_account_time_idx`` through the organization's accounts)."""
    return PostTarget.objects.filter(
        account__organization=organization, scheduled_at__gte=start, scheduled_at__lt=end
    ).order_by("scheduled_at", "pk")


def _items(targets: QuerySet[PostTarget]) -> list[CalendarItem]:
    # Values, not model instances: a month of a busy organization is thousands of rows, and
    # the text is cut in the database so a long post never travels whole.
    rows = targets.annotate(
        preview=Left(Coalesce(NullIf(F("text_override"), Value("")), F("post__text")), TEXT_PREFIX),
    ).values_list(
        "pk",
        "post_id",
        "post__author_id",
        "state",
        "scheduled_at",
        "account__network",
        "account__display_name",
        "is_queued",
        "external_url",
        "preview",
        "post__campaign_id",
        "post__campaign__name",
        "post__campaign__colour",
    )
    # Labels are lazy translations: resolved once per read, not once per item.
    state_labels = {state: str(label) for state, label in TargetState.choices}
    network_labels = {network: network_label(network) for network in NETWORKS}
    return [
        CalendarItem(
            target_id=pk,
            post_id=post_id,
            author_id=author_id,
            state=state,
            at=at,
            network=network,
            account_name=account_name,
            is_queued=is_queued,
            external_url=external_url,
            network_label=network_labels[network],
            state_label=state_labels[state],
            first_words=first_words(preview or ""),
            campaign_id=campaign_id,
            campaign_name=campaign_name or "",
            campaign_colour=campaign_colour or "",
        )
        for (
            pk,
            post_id,
            author_id,
            state,
            at,
            network,
            account_name,
            is_queued,
            external_url,
            preview,
            campaign_id,
            campaign_name,
            campaign_colour,
        ) in rows
    ]


def calendar_items(
    organization: Organization,
    *,
    start: datetime,
    end: datetime,
    filters: CalendarFilters,
    viewer: User,
    membership: Membership,
) -> list[CalendarItem]:
    """The items of one visible range, in one query whatever the number of posts. Each says
    whether ``viewer``, whose ``membership`` in the organization the caller checked, may drag it
    (``movable``) and, for one in review, may decide on it (``reviewable``, the one approval policy)."""
    may_schedule = permissions.role_allows(membership.role, "post.schedule")
    may_draft = permissions.role_allows(membership.role, "post.draft")
    may_decide = permissions.approval_checker(viewer, organization, membership=membership)
    items = _items(filters.apply(calendar_targets(organization, start=start, end=end)))
    now = timezone.now()
    for item in items:
        mine = item.author_id == viewer.pk
        item.movable = item.state in RESCHEDULABLE_STATES and item.at > now and (may_schedule or (may_draft and mine))
        item.reviewable = item.state == S.IN_REVIEW and may_decide(item.author_id)
    return items


def item_url(item: CalendarItem, *, detail_path: str = "") -> str:
    """Where a click on an item leads: the live post once published, else the post's page.

    ``detail_path``: ``target_detail_path()``, when building many (reversing a URL per item
    was a fifth of a month's CPU in bench/calendar_range.py)."""
    if item.state == S.PUBLISHED and item.external_url:
        return item.external_url
    return (detail_path or target_detail_path()).replace("/0/", f"/{item.target_id}/")


def target_detail_path() -> str:
    return reverse("target-detail", args=[0])


def as_event(item: CalendarItem, *, detail_path: str = "") -> dict[str, Any]:
    """An item as FullCalendar's event input. One the viewer may decide on carries ``review``:
    the post to answer for and its author, which the page's review dialog shows."""
    # ``post``: the page's "Select several" mode selects posts, and a post may show as several items.
    extended: dict[str, Any] = {"state": item.state, "queued": item.is_queued, "post": item.post_id}
    if item.reviewable:
        extended["review"] = {"post": item.post_id, "author": item.author_id}
    colours = {}
    if item.campaign_id:
        extended["campaign"] = item.campaign_id
        # FullCalendar sets these through the DOM's style properties, which the CSP allows.
        colours = {"borderColor": item.campaign_colour, "backgroundColor": item.campaign_colour}
    return {
        "id": str(item.target_id),
        "title": item.title,
        # No "end": the page gives every post ITEM_LENGTH (defaultTimedEventDuration), and a month of
        # items formats half as many dates.
        "start": item.at.astimezone(UTC).isoformat(),
        "url": item_url(item, detail_path=detail_path),
        "startEditable": item.movable,
        "durationEditable": False,
        # FullCalendar 7 names its own classes by hash; ours let the page and its tests find an item.
        "className": f"calendar-item state-{item.state.replace('_', '-')} network-{item.network}"
        + (f" campaign-{item.campaign_id}" if item.campaign_id else ""),
        **colours,
        # The title already says network, account, state and first words; these are for the page's logic.
        "extendedProps": extended,
    }


# Free slots -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FreeSlot:
    at: datetime
    account_names: tuple[str, ...]

    def as_event(self) -> dict[str, Any]:
        names = ", ".join(self.account_names)
        return {
            "start": self.at.astimezone(UTC).isoformat(),
            "end": (self.at + ITEM_LENGTH).astimezone(UTC).isoformat(),
            "display": "background",
            "className": "free-slot",
            "title": _("Free slot: %(accounts)s") % {"accounts": names},
            "extendedProps": {"freeSlot": True, "accounts": names},
        }


def free_slots(
    organization: Organization, *, start: datetime, end: datetime, filters: CalendarFilters
) -> list[FreeSlot]:
    """The posting schedules' slots in [start, end), from now on, that some account's queue does not
    hold yet, each with the accounts free there. Four queries, whatever the number of posts."""
    start = max(start, timezone.now())
    if start >= end:
        return []
    accounts = ConnectedAccount.objects.for_organization(organization).exclude(
        status=ConnectedAccount.Status.DISCONNECTED
    )
    if filters.account_ids:
        accounts = accounts.filter(pk__in=filters.account_ids)
    if filters.networks:
        accounts = accounts.filter(network__in=filters.networks)
    accounts = list(accounts.order_by("network", "display_name"))
    schedules = list(PostingSchedule.objects.filter(organization=organization).prefetch_related("slots"))
    own = {schedule.account_id: schedule for schedule in schedules if schedule.account_id}
    default = next((schedule for schedule in schedules if schedule.account_id is None), None)
    held: dict[int, set[datetime]] = defaultdict(set)
    queued = PostTarget.objects.filter(
        account__in=[account.pk for account in accounts],
        is_queued=True,
        state__in=HOLDING_STATES,
        scheduled_at__gte=start,
        scheduled_at__lt=end,
    )
    for account_id, at in queued.values_list("account_id", "scheduled_at"):
        held[account_id].add(at)
    free: dict[datetime, list[str]] = defaultdict(list)
    instants: dict[int, list[datetime]] = {}
    for account in accounts:
        schedule = own.get(account.pk, default)
        if schedule is None:
            continue
        if schedule.pk not in instants:
            slots = []
            for at in iter_slots(schedule, after=start - timedelta(microseconds=1)):
                if at >= end:
                    break
                slots.append(at)
            instants[schedule.pk] = slots
        for at in instants[schedule.pk]:
            if at not in held[account.pk]:
                free[at].append(account.display_name)
    return [FreeSlot(at, tuple(names)) for at, names in sorted(free.items())]


# The iCalendar feed ------------------------------------------------------------------------------------------------


def _new_token() -> str:
    return secrets.token_urlsafe(32)


def feed_for(user: User, organization: Organization) -> CalendarFeed:
    """``user``'s feed for ``organization``, made the first time it is asked for.

    Raises Http404 / PermissionDenied unless ``user`` may see the organization's posts.
    Safe to run twice (and at once: the second finds the first's row).
    """
    permissions.require(user, "post.view", organization)
    feed = CalendarFeed.objects.filter(user=user, organization=organization).first()
    if feed is not None:
        return feed
    try:
        with transaction.atomic():
            return CalendarFeed.objects.create(user=user, organization=organization, token=_new_token())
    except IntegrityError:
        return CalendarFeed.objects.get(user=user, organization=organization)


def revoke_feed(user: User, organization: Organization) -> CalendarFeed:
    """Give ``user``'s feed for ``organization`` a new secret: the old address stops working at once."""
    feed = feed_for(user, organization)
    CalendarFeed.objects.filter(pk=feed.pk).update(token=_new_token())
    feed.refresh_from_db()
    return feed


def feed_url(feed: CalendarFeed) -> str:
    """The feed's full address, at PUBLIC_BASE_URL, for pasting into a calendar program."""
    return settings.PUBLIC_BASE_URL + reverse("calendar-feed", args=[feed.token])


def feed_by_token(token: str) -> CalendarFeed | None:
    """The feed a secret address names, if its person may still see that organization's posts:
    leaving the organization (or losing the role) closes the feed too."""
    feed = CalendarFeed.objects.for_token(token).first()
    if feed is None or not feed.user.is_active:
        return None
    if not permissions.role_allows(permissions.role_of(feed.user, feed.organization_id), "post.view"):
        return None
    return feed


def render_feed(feed: CalendarFeed, *, now: datetime | None = None) -> bytes:
    """The organization's items from ``FEED_PAST`` ago to ``FEED_FUTURE`` ahead, as iCalendar.

    Each event carries the network, the account, the state and the first words, and a link to the
    post; never its media nor its whole text.
    """
    now = now or timezone.now()
    organization = feed.organization
    targets = calendar_targets(organization, start=now - FEED_PAST, end=now + FEED_FUTURE)
    items = _items(CalendarFilters().apply(targets)[:FEED_MAX_EVENTS])
    calendar = Calendar()
    calendar.add("prodid", "-//PhysSocial//Content calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _("%(organization)s: posts") % {"organization": organization.name})
    calendar.add("x-wr-timezone", organization.time_zone)
    host = settings.PUBLIC_BASE_URL.split("://", 1)[1]
    detail_path = target_detail_path()
    for item in items:
        event = Event()
        event.add("uid", f"target-{item.target_id}@{host}")
        event.add("dtstamp", now)
        event.add("dtstart", item.at.astimezone(UTC))
        event.add("dtend", (item.at + ITEM_LENGTH).astimezone(UTC))
        event.add("summary", item.title)
        event.add(
            "description",
            "\n".join(
                [
                    _("Network: %(network)s") % {"network": item.network_label},
                    _("Account: %(account)s") % {"account": item.account_name},
                    _("State: %(state)s") % {"state": item.state_label},
                    item.first_words,
                ]
            ),
        )
        event.add("categories", [item.network_label, item.state_label])
        url = item_url(item, detail_path=detail_path)
        event.add("url", url if url.startswith("http") else settings.PUBLIC_BASE_URL + url)
        # What is settled (scheduled, going out, gone out) is confirmed; drafts, reviews and failures are tentative.
        event.add("status", "CONFIRMED" if item.state in (S.SCHEDULED, S.PUBLISHING, S.PUBLISHED) else "TENTATIVE")
        calendar.add_component(event)
    return calendar.to_ical()


def accounts_and_authors(organization: Organization) -> tuple[list[ConnectedAccount], list[User]]:
    """What the filters offer: the organization's accounts and its members."""
    accounts = list(ConnectedAccount.objects.for_organization(organization).order_by("network", "display_name"))
    authors = list(User.objects.filter(memberships__organization=organization).order_by("display_name"))
    return accounts, authors
