"""Posting schedules and the queue: weekly local times, the next free slot, reordering, pausing.

**Time.** A schedule's slots are local wall times ("Monday 08:30") in the schedule's own time
zone; every instant we compute or store is an aware UTC datetime. Two rules decide what a
slot means on a day when the clocks change, so that a post never goes out "an hour off":

* a local time that does not exist (the spring-forward gap: 02:30 on 2026-03-08 in Toronto)
  goes out at the first valid minute after the gap (03:00 EDT);
* a local time that happens twice (fall-back: 01:30 on 2026-11-01 in Toronto) goes out at its
  first occurrence (``fold=0``, 01:30 EDT).

So a weekly 08:30 slot stays at 08:30 for the readers across a change, and its UTC time moves
by the hour.

**The queue** of an account is its targets with ``is_queued`` that are scheduled, publishing or
in review with a time, in time order; each holds one slot. An account follows its own schedule,
else the organization's default. ``add_to_queue`` puts a target into the first
slot nobody holds; ``reorder_queue`` hands the same times out again in a new order.

**Paused queues** still accept posts, but publish nothing until resumed: the dispatcher must
leave their due targets alone (``publishable_q``). The pause belongs to a schedule, so pausing
the organization's default pauses every account that follows it. A post whose slot passed during the
pause would go out stale, or fail as missed, so resuming lays the queue out again on the slots
after the moment of resuming, in the same order. "Publish next" takes a post out of the queue
and sends it now, paused or not: a person asked for it explicitly.

**Schedule changes.** Changing a schedule's slots or time zone lays out its accounts' future
queued posts again, in order, on the new slots. Changing the *organization's* time zone does
not touch schedules: each keeps the zone it was saved with, because its times were chosen for
the readers in that zone.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import islice
from typing import Literal
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, pgettext, pgettext_lazy

from accounts import permissions
from accounts.models import ConnectedAccount, Organization, User, validate_time_zone
from physsocial import input_rules
from posts import privacy
from posts.models import PostTarget, TargetState
from scheduler.models import PostingSchedule, ScheduleSlot

logger = logging.getLogger(__name__)

#: Who may do what with queues (accounts/permissions.py decides which roles that means).
VIEW_ACTION = "post.view"  # see the queue and the schedule
QUEUE_ACTION = "post.schedule"  # add to the queue, reorder, publish next
MANAGE_ACTION = "schedule.manage"  # edit schedules, pause and resume queues

#: Queued targets in these states hold their slot: nobody else may be put there.
HOLDING_STATES = (TargetState.SCHEDULED, TargetState.PUBLISHING, TargetState.IN_REVIEW)
#: Queued targets in these states may be given another slot; a publishing one is on its way.
MOVABLE_STATES = (TargetState.SCHEDULED, TargetState.IN_REVIEW)
#: A week of hourly posts from 07:00 to 21:00 is about a hundred slots; more is surely a mistake.
MAX_SLOTS = 100

STALE_QUEUE = "The queue changed while you were looking at it. Reload the page and try again."


# Slots: local wall times to UTC instants --------------------------------------------------------------------


def slot_instant(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The aware UTC instant of local time ``at`` on ``day`` in ``zone``.

    A time in a spring-forward gap becomes the first valid minute after the gap; an
    ambiguous fall-back time is its first occurrence.
    """
    wall = datetime.combine(day, at.replace(second=0, microsecond=0, tzinfo=None), tzinfo=zone)  # fold=0
    instant = wall.astimezone(UTC)
    back = instant.astimezone(zone)
    if (back.date(), back.hour, back.minute) == (day, wall.hour, wall.minute):
        # It exists; when it happens twice, fold=0 has already picked the first occurrence.
        return instant
    return _end_of_gap(wall, zone)


def _end_of_gap(wall: datetime, zone: ZoneInfo) -> datetime:
    """The first whole minute after the gap that swallowed the local time ``wall``."""
    # In a gap, fold=1 reads the wall time with the offset from after the change and fold=0
    # with the one from before, so the change lies in (before, after]. Search the second.
    before = wall.replace(fold=1).astimezone(UTC)
    after = wall.replace(fold=0).astimezone(UTC)
    old_offset = before.astimezone(zone).utcoffset()
    low, high = 0, int((after - before).total_seconds())
    while high - low > 1:
        middle = (low + high) // 2
        if (before + timedelta(seconds=middle)).astimezone(zone).utcoffset() == old_offset:
            low = middle
        else:
            high = middle
    change = before + timedelta(seconds=high)
    if change.second or change.microsecond:
        change = change.replace(second=0, microsecond=0) + timedelta(minutes=1)
    return change


def iter_slots(schedule: PostingSchedule, *, after: datetime) -> Iterator[datetime]:
    """The schedule's slot instants strictly after ``after``, in order, without end.

    Two slots that land on the same instant (02:15 and 02:45 both in a gap) are one slot.
    Yields nothing when the schedule has no slots.
    """
    if timezone.is_naive(after):
        raise ValueError("after must be an aware datetime.")
    times_by_weekday: dict[int, list[time]] = defaultdict(list)
    for slot in schedule.slots.all():
        times_by_weekday[slot.weekday].append(slot.local_time)
    if not times_by_weekday:
        return
    for times in times_by_weekday.values():
        times.sort()
    zone = schedule.zone
    # Start the day before: a slot late on the previous local day can still be after ``after``
    # once a gap has pushed it forward.
    day = after.astimezone(zone).date() - timedelta(days=1)
    last: datetime | None = None
    while True:
        for at in times_by_weekday.get(day.weekday(), ()):
            instant = slot_instant(day, at, zone)
            if instant > after and (last is None or instant > last):
                last = instant
                yield instant
        day += timedelta(days=1)


def upcoming_slots(schedule: PostingSchedule, *, after: datetime, count: int) -> list[datetime]:
    """The next ``count`` slot instants after ``after`` (aware UTC), fewer only if the schedule has no slots."""
    return list(islice(iter_slots(schedule, after=after), max(count, 0)))


# Which schedule an account follows --------------------------------------------------------------------------


def schedule_for(account: ConnectedAccount) -> PostingSchedule | None:
    """The account's own schedule, else its organization's default, else None."""
    return (
        PostingSchedule.objects.filter(
            Q(account=account) | Q(organization_id=account.organization_id, account__isnull=True)
        )
        .order_by(F("account").asc(nulls_last=True))
        .prefetch_related("slots")
        .first()
    )


def default_schedule(organization: Organization) -> PostingSchedule | None:
    return PostingSchedule.objects.filter(organization=organization, account__isnull=True).first()


def accounts_following(schedule: PostingSchedule) -> QuerySet[ConnectedAccount]:
    """The accounts whose queue this schedule times: its own account, or for the default every
    account of the organization without a schedule of its own."""
    if schedule.account_id is not None:
        return ConnectedAccount.objects.filter(pk=schedule.account_id)
    return ConnectedAccount.objects.filter(organization_id=schedule.organization_id, posting_schedule__isnull=True)


def publishable_q() -> Q:
    """Targets not held back by a paused queue: every target not queued, and queued ones whose
    account follows a schedule that is not paused.

    For the dispatcher's due query (``due.filter(publishable_q())``) and the publish task's
    claim (``where=Q(due_at__lte=...) & publishable_q()``), so a paused queue publishes nothing
    and nothing in it fails as missed. Targets scheduled for a time the user chose are never held.
    """
    own = PostingSchedule.objects.filter(account=OuterRef("account"))
    # The account's organization is reached inside the subquery, not by joining the outer
    # query: the dispatcher's SELECT ... FOR UPDATE must lock target rows only, not accounts.
    default_paused = PostingSchedule.objects.filter(
        account__isnull=True, is_paused=True, organization__connected_accounts=OuterRef("account")
    )
    # Plain EXISTS throughout: no NULL from an outer join can slip a row through the NOT.
    paused = Exists(own.filter(is_paused=True)) | (~Exists(own) & Exists(default_paused))
    return Q(is_queued=False) | ~Q(paused)


def exclude_paused_queues(targets: QuerySet[PostTarget]) -> QuerySet[PostTarget]:
    """``targets`` without the queued ones whose queue is paused (see ``publishable_q``)."""
    return targets.filter(publishable_q())


# Schedules: create, change, remove, pause ----------------------------------------------------------------------


def _clean_time_zone(time_zone: str) -> str:
    try:
        validate_time_zone(time_zone)
    except ValidationError as e:
        raise ValidationError({"time_zone": e.messages}) from None
    return time_zone


def _clean_slots(slots: Iterable[tuple[int, time]]) -> list[tuple[int, time]]:
    cleaned: set[tuple[int, time]] = set()
    for weekday, at in slots:
        if weekday not in ScheduleSlot.Weekday.values:
            raise ValidationError({"slots": [gettext("Choose days from Monday to Sunday.")]})
        if not isinstance(at, time) or at.tzinfo is not None:
            raise ValidationError({"slots": [gettext("Enter times as hours and minutes, such as 08:30.")]})
        if at.second or at.microsecond:
            raise ValidationError(
                {
                    "slots": [
                        gettext("Use whole minutes: %(minutes)s rather than %(seconds)s.")
                        % {"minutes": f"{at:%H:%M}", "seconds": f"{at:%H:%M:%S}"}
                    ]
                }
            )
        cleaned.add((weekday, at))
    if not cleaned:
        raise ValidationError({"slots": [gettext("Choose at least one day and time.")]})
    if len(cleaned) > MAX_SLOTS:
        raise ValidationError(
            {"slots": [gettext("A schedule can have up to %(count)s times a week.") % {"count": MAX_SLOTS}]}
        )
    return sorted(cleaned)


def _slot_set(schedule: PostingSchedule) -> list[tuple[int, time]]:
    return sorted(schedule.slots.values_list("weekday", "local_time"))


def _replace_slots(schedule: PostingSchedule, slots: list[tuple[int, time]]) -> None:
    schedule.slots.all().delete()
    ScheduleSlot.objects.bulk_create(ScheduleSlot(schedule=schedule, weekday=d, local_time=t) for d, t in slots)
    # Drop a prefetched copy of the old slots.
    getattr(schedule, "_prefetched_objects_cache", {}).pop("slots", None)


@transaction.atomic
def create_schedule(
    *,
    organization: Organization,
    by: User,
    slots: Iterable[tuple[int, time]],
    time_zone: str | None = None,
    account: ConnectedAccount | None = None,
) -> PostingSchedule:
    """Create the organization's default schedule, or ``account``'s own.

    ``slots`` are (weekday, local time) pairs, Monday = 0; ``time_zone`` defaults to the
    organization's. An account that gets its own schedule leaves the default, so its future
    queued posts move to the new slots. Raises ValidationError for a bad zone, no slots, or a
    schedule that already exists; PermissionDenied (or Http404) unless ``by`` may manage schedules.
    """
    permissions.require(by, MANAGE_ACTION, organization)
    if account is not None and account.organization_id != organization.pk:
        raise ValidationError(gettext("This account belongs to another organization."))
    time_zone = _clean_time_zone(time_zone or organization.time_zone)
    cleaned = _clean_slots(slots)
    followed = schedule_for(account) if account is not None else None
    if PostingSchedule.objects.filter(organization=organization, account=account).exists():
        raise ValidationError(
            gettext("%(name)s already has its own schedule; change it instead.") % {"name": account.display_name}
            if account
            else gettext("%(name)s already has a default schedule; change it instead.") % {"name": organization.name}
        )
    try:
        with transaction.atomic():
            schedule = PostingSchedule.objects.create(organization=organization, account=account, time_zone=time_zone)
    except IntegrityError:
        raise ValidationError(gettext("Someone else created this schedule a moment ago. Reload the page.")) from None
    _replace_slots(schedule, cleaned)
    # Leaving a paused default: posts it held back go out on the new slots, not all at once.
    _lay_out_again(schedule, after=timezone.now(), with_overdue=bool(followed and followed.is_paused))
    logger.info("posting schedule created", extra={"schedule_id": schedule.pk, "account_id": schedule.account_id})
    return schedule


#: A clinic's first schedule: before the first patients, and over lunch, on weekdays.
CLINIC_DEFAULT_TIMES = (time(8, 30), time(12, 15))
CLINIC_DEFAULT_SLOTS = tuple((weekday, at) for weekday in range(5) for at in CLINIC_DEFAULT_TIMES)


def has_posting_schedule(organization: Organization) -> bool:
    """Whether anything can be queued here: some schedule of the organization has times."""
    return ScheduleSlot.objects.filter(schedule__organization=organization).exists()


def set_up_default_schedule(organization: Organization, *, by: User) -> PostingSchedule:
    """The organization's default schedule, created with the clinic times (weekdays at 08:30 and
    12:15, in the organization's time zone) when it has none; an existing one is returned as it
    is. Safe to run twice, and by two people at once. PermissionDenied (or Http404) unless ``by``
    may manage schedules."""
    permissions.require(by, MANAGE_ACTION, organization)
    existing = default_schedule(organization)
    if existing is not None:
        return existing
    try:
        return create_schedule(organization=organization, by=by, slots=CLINIC_DEFAULT_SLOTS)
    except ValidationError:
        existing = default_schedule(organization)  # created a moment ago by someone else
        if existing is None:
            raise
        return existing


@transaction.atomic
def update_schedule(
    schedule: PostingSchedule,
    *,
    by: User,
    slots: Iterable[tuple[int, time]] | None = None,
    time_zone: str | None = None,
) -> PostingSchedule:
    """Change a schedule's slots and/or time zone (arguments left out stay as they are).

    When either changes, the future queued posts of every account following the schedule are
    laid out again, in the same order, on the new slots; posts already due or publishing stay.
    Raises ValidationError for a bad zone or no slots. Running it twice changes nothing more.
    """
    permissions.require(by, MANAGE_ACTION, schedule.organization_id)
    schedule = PostingSchedule.objects.select_for_update().get(pk=schedule.pk)
    changed = False
    if time_zone is not None and _clean_time_zone(time_zone) != schedule.time_zone:
        schedule.time_zone = time_zone
        schedule.save(update_fields=["time_zone", "updated_at"])
        changed = True
    if slots is not None:
        cleaned = _clean_slots(slots)
        if cleaned != _slot_set(schedule):
            _replace_slots(schedule, cleaned)
            PostingSchedule.objects.filter(pk=schedule.pk).update(updated_at=timezone.now())
            changed = True
    if changed:
        _lay_out_again(schedule, after=timezone.now())
        logger.info("posting schedule changed", extra={"schedule_id": schedule.pk})
    return schedule


@transaction.atomic
def remove_schedule(schedule: PostingSchedule, *, by: User) -> None:
    """Remove an account's own schedule, so the account follows the organization's default again.

    Its future queued posts move to the default's slots (and, when its own schedule was paused
    and the default is not, the posts the pause held back too); without a default they keep
    their times. The default itself cannot be removed (pause it instead): ValidationError.
    """
    permissions.require(by, MANAGE_ACTION, schedule.organization_id)
    if schedule.is_default:
        raise ValidationError(gettext("The organization's default schedule cannot be removed; pause it instead."))
    account = schedule.account
    was_paused = schedule.is_paused
    schedule.delete()
    default = default_schedule(account.organization)
    if default is not None:
        released = was_paused and not default.is_paused
        _lay_out_account(account, schedule=default, after=timezone.now(), with_overdue=released)


def pause_queue(schedule: PostingSchedule, *, by: User) -> None:
    """Stop publishing from the queues this schedule times (the organization's default pauses every
    account that follows it). Posts can still be added. Safe to run twice."""
    permissions.require(by, MANAGE_ACTION, schedule.organization_id)
    PostingSchedule.objects.filter(pk=schedule.pk).update(is_paused=True, updated_at=timezone.now())
    schedule.is_paused = True
    logger.info("queue paused", extra={"schedule_id": schedule.pk})


@transaction.atomic
def resume_queue(schedule: PostingSchedule, *, by: User) -> None:
    """Publish from the queue again. Posts whose slot passed during the pause are not sent all at
    once, nor failed as missed: the queue is laid out again, in order, on the slots from now on.
    Safe to run twice."""
    permissions.require(by, MANAGE_ACTION, schedule.organization_id)
    now = timezone.now()
    if not PostingSchedule.objects.filter(pk=schedule.pk, is_paused=True).update(is_paused=False, updated_at=now):
        schedule.is_paused = False
        return
    schedule.is_paused = False
    for account in accounts_following(schedule):
        overdue = PostTarget.objects.filter(
            account=account, is_queued=True, state__in=MOVABLE_STATES, scheduled_at__lte=now
        )
        if overdue.exists():
            _lay_out_account(account, schedule=schedule, after=now, with_overdue=True)
    logger.info("queue resumed", extra={"schedule_id": schedule.pk})


# The queue --------------------------------------------------------------------------------------------------------


def _queued(account: ConnectedAccount, states: Sequence[str] = HOLDING_STATES) -> QuerySet[PostTarget]:
    # A contributor's post asking for the queue waits in review without a time: it holds no
    # slot until it is approved and added (``add_to_queue``).
    return PostTarget.objects.filter(account=account, is_queued=True, state__in=states, scheduled_at__isnull=False)


def awaiting_approval(account: ConnectedAccount) -> QuerySet[PostTarget]:
    """Posts for ``account`` that asked for the queue and wait for approval: no slot yet."""
    return PostTarget.objects.filter(
        account=account, is_queued=True, state=TargetState.IN_REVIEW, scheduled_at__isnull=True
    ).select_related("post", "post__author")


def _retime(target_id: int, at: datetime, *, states: Sequence[str], **fields) -> bool:
    """Give a queued target another time, only while it is still in ``states`` and queued.

    Not a state change, so not ``PostTarget.move``: the state stays, the times change, and zero
    rows means the dispatcher claimed it first. ``enqueued_at`` is cleared so the dispatcher
    sends it again at its new time; a message already sent for the old time finds it not yet
    due and does nothing.
    """
    rows = PostTarget.objects.filter(pk=target_id, is_queued=True, state__in=states)
    return bool(rows.update(scheduled_at=at, due_at=at, enqueued_at=None, updated_at=timezone.now(), **fields))


def _require_slots(schedule: PostingSchedule | None, account: ConnectedAccount) -> PostingSchedule:
    if schedule is None:
        raise ValidationError(
            gettext(
                "%(display_name)s has no posting schedule yet, so it has no queue. An owner or admin "
                "can set one up on the Queue page."
            )
            % {"display_name": account.display_name}
        )
    if not schedule.slots.all():
        raise ValidationError(
            gettext("The posting schedule of %(display_name)s has no times yet.")
            % {"display_name": account.display_name}
        )
    return schedule


def next_free_slot(account: ConnectedAccount, *, after: datetime, ignoring: int | None = None) -> datetime:
    """The first slot after ``after`` of the schedule ``account`` follows that none of its queued
    targets (scheduled, publishing or in review) holds; ``ignoring`` is a target id not to count.

    Raises ValidationError when the account has no schedule or the schedule has no times.
    """
    schedule = _require_slots(schedule_for(account), account)
    held = _queued(account).filter(scheduled_at__gt=after)
    if ignoring is not None:
        held = held.exclude(pk=ignoring)
    taken = set(held.values_list("scheduled_at", flat=True))
    # At most len(taken) slots are held, so the search ends within len(taken) + 1 slots.
    return next(slot for slot in iter_slots(schedule, after=after) if slot not in taken)


def _lock_account(account: ConnectedAccount) -> None:
    # Two people queueing for one account at once must not both get the same slot. (SQLite's
    # IMMEDIATE transactions already serialize writers; this is for PostgreSQL.)
    list(ConnectedAccount.objects.select_for_update().filter(pk=account.pk).values_list("pk"))


@transaction.atomic
def add_to_queue(target: PostTarget, *, by: User) -> datetime:
    """Put a draft or in-review target into the next free slot of its account's queue and schedule it.

    Returns the slot (aware UTC). A paused queue still accepts it; it goes out once the queue
    is resumed (see ``queued_message``). Raises ValidationError when the account has no
    schedule, the target is not a draft or in review, or it changed meanwhile; PermissionDenied
    (or Http404) unless ``by`` may schedule posts. Queueing a target that is already queued fails
    with ValidationError, so running it twice never takes two slots.
    """
    account = target.account
    permissions.require(by, QUEUE_ACTION, target.post.organization_id)
    if account.status == ConnectedAccount.Status.DISCONNECTED:
        raise ValidationError(
            gettext("%(display_name)s is disconnected; reconnect it before queueing posts for it.")
            % {"display_name": account.display_name}
        )
    if target.state not in (TargetState.DRAFT, TargetState.IN_REVIEW):
        raise ValidationError(
            gettext(
                "This post is already %(state)s for %(account)s; only drafts and posts in review "
                "can be added to the queue."
            )
            % {"state": target.get_state_display().lower(), "account": account.display_name}
        )
    _lock_account(account)
    slot = next_free_slot(account, after=timezone.now(), ignoring=target.pk)
    moved = target.move(
        TargetState.SCHEDULED,
        expected=[TargetState.DRAFT, TargetState.IN_REVIEW],
        scheduled_at=slot,
        due_at=slot,
        is_queued=True,
    )
    if not moved:
        raise ValidationError(gettext("This post changed while it was being queued. Reload the page and try again."))
    logger.info("target queued", extra={"target_id": target.pk, "account_id": account.pk})
    return slot


def queued_message(target: PostTarget) -> str:
    """What to tell the person who queued ``target``: when it goes out, in the schedule's zone."""
    schedule = schedule_for(target.account)
    zone = schedule.zone if schedule else ZoneInfo(target.account.organization.time_zone)
    local = target.scheduled_at.astimezone(zone)
    message = gettext("Queued for %(account)s: %(day)s at %(time)s (%(zone)s).") % {
        "account": target.account.display_name,
        "day": date_format(local, pgettext("day a post is queued for", "l, F j")),
        "time": date_format(local, pgettext("time of day in a post's record", "H:i")),
        "zone": zone.key,
    }
    if schedule is not None and schedule.is_paused:
        message += " " + gettext("The queue is paused: it goes out only once someone resumes the queue.")
    return message


@transaction.atomic
def reorder_queue(account: ConnectedAccount, *, target_ids: Sequence[int | str], by: User) -> list[PostTarget]:
    """Hand the times of the listed queued targets out again in the order given (drag and drop).

    Only targets still scheduled in this account's queue may be listed; the times they held
    are sorted and given to them in the new order, so no other post moves. Everything changes
    or nothing does. Raises ValidationError when an id is unknown, another account's, repeated,
    or no longer scheduled (published, claimed by the dispatcher, removed from the queue).
    """
    permissions.require(by, QUEUE_ACTION, account.organization_id)
    ids = [input_rules.parse_id(pk) for pk in target_ids]
    if None in ids:  # not an id at all, or beyond what the database holds: the page is stale or tampered with
        raise ValidationError(STALE_QUEUE)
    if len(set(ids)) != len(ids):
        raise ValidationError(gettext("A post appears twice in the new order. Reload the page and try again."))
    targets = {t.pk: t for t in _queued(account, [TargetState.SCHEDULED]).select_for_update().filter(pk__in=ids)}
    if len(targets) != len(ids):
        raise ValidationError(STALE_QUEUE)
    times = sorted(t.scheduled_at for t in targets.values())
    for pk, at in zip(ids, times, strict=True):
        target = targets[pk]
        if target.scheduled_at == at and target.due_at == at:
            continue
        # A post moved to a new time is scheduled again: what the privacy policy blocks, unreleased,
        # is refused with the findings named (and the whole new order with it).
        privacy.refuse_saved_post_if_blocked(target.post)
        if not _retime(pk, at, states=[TargetState.SCHEDULED]):
            raise ValidationError(STALE_QUEUE)  # rolls back the ones already moved
        target.scheduled_at = target.due_at = at
    logger.info("queue reordered", extra={"account_id": account.pk, "count": len(ids)})
    return [targets[pk] for pk in ids]


def move_in_queue(target: PostTarget, *, direction: Literal["up", "down"], by: User) -> None:
    """Swap ``target`` with its neighbour in the queue (the Move up / Move down buttons).

    At the top (or bottom) already: nothing happens. Raises ValidationError when the target is
    no longer scheduled in the queue.
    """
    permissions.require(by, QUEUE_ACTION, target.post.organization_id)
    order = list(
        _queued(target.account, [TargetState.SCHEDULED]).order_by("scheduled_at", "pk").values_list("pk", flat=True)
    )
    if target.pk not in order:
        raise ValidationError(STALE_QUEUE)
    here = order.index(target.pk)
    there = here - 1 if direction == "up" else here + 1
    if not 0 <= there < len(order):
        return
    earlier, later = sorted((here, there))
    reorder_queue(target.account, target_ids=[order[later], order[earlier]], by=by)


@transaction.atomic
def publish_next(target: PostTarget, *, by: User) -> datetime:
    """Send a queued target now: it leaves the queue (its slot becomes free) and is due at once,
    so the dispatcher's next tick publishes it, even while the queue is paused.

    Raises ValidationError when it is no longer scheduled in the queue.
    """
    permissions.require(by, QUEUE_ACTION, target.post.organization_id)
    privacy.refuse_saved_post_if_blocked(target.post)
    now = timezone.now()
    if not _retime(target.pk, now, states=[TargetState.SCHEDULED], is_queued=False):
        raise ValidationError(gettext("This post is no longer waiting in the queue, so it cannot be sent now."))
    target.scheduled_at = target.due_at = now
    target.is_queued = False
    logger.info("queued target sent now", extra={"target_id": target.pk})
    return now


# Laying a queue out again -------------------------------------------------------------------------------------


def _lay_out_again(schedule: PostingSchedule, *, after: datetime, with_overdue: bool = False) -> None:
    for account in accounts_following(schedule):
        _lay_out_account(account, schedule=schedule, after=after, with_overdue=with_overdue)


def _lay_out_account(
    account: ConnectedAccount, *, schedule: PostingSchedule, after: datetime, with_overdue: bool = False
) -> None:
    """Give the account's movable queued targets the schedule's slots after ``after``, in their
    current order, around the slots held by targets already publishing."""
    movable = _queued(account, MOVABLE_STATES).select_for_update().order_by("scheduled_at", "pk")
    if not with_overdue:
        movable = movable.filter(scheduled_at__gt=after)
    targets = list(movable)
    if not targets:
        return
    held = set(
        _queued(account, [TargetState.PUBLISHING]).filter(scheduled_at__gt=after).values_list("scheduled_at", flat=True)
    )
    free_slots = (slot for slot in iter_slots(schedule, after=after) if slot not in held)
    for target, slot in zip(targets, free_slots):  # noqa: B905 - the slots never end
        if target.scheduled_at != slot:
            _retime(target.pk, slot, states=MOVABLE_STATES)


# What the Queue page shows ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QueueEntry:
    """One row of the Queue page: a slot with its post, an empty slot, or a queued post at a time
    that is not one of the schedule's slots (its slot passed during a pause)."""

    at: datetime
    target: PostTarget | None
    is_slot: bool

    @property
    def is_empty(self) -> bool:
        return self.target is None

    @property
    def is_movable(self) -> bool:
        return self.target is not None and self.target.state == TargetState.SCHEDULED


#: A queue shows at least this many upcoming slots, so there is always room to see what is free.
SHOWN_SLOTS = 14
#: And never more than this many, whatever lies far ahead.
MAX_SHOWN_SLOTS = 500


def queue_entries(
    account: ConnectedAccount, *, now: datetime, schedule: PostingSchedule | None = None, min_slots: int = SHOWN_SLOTS
) -> list[QueueEntry]:
    """The account's queue as the page lists it: every queued post (overdue ones first) and the
    upcoming slots up to the last of them, at least ``min_slots`` of them, empty ones included."""
    schedule = schedule if schedule is not None else schedule_for(account)
    targets = list(_queued(account).select_related("post", "post__author").order_by("scheduled_at", "pk"))
    last = targets[-1].scheduled_at if targets else None
    slots: list[datetime] = []
    if schedule is not None:
        for slot in iter_slots(schedule, after=now):
            if len(slots) >= MAX_SHOWN_SLOTS or (len(slots) >= min_slots and (last is None or slot > last)):
                break
            slots.append(slot)
    slot_set = set(slots)
    by_time: dict[datetime, list[PostTarget]] = defaultdict(list)
    for target in targets:
        by_time[target.scheduled_at].append(target)
    entries: list[QueueEntry] = []
    for at in sorted(slot_set | by_time.keys()):
        if at in by_time:
            entries.extend(QueueEntry(at=at, target=t, is_slot=at in slot_set) for t in by_time[at])
        else:
            entries.append(QueueEntry(at=at, target=None, is_slot=True))
    return entries


# Day names inside a sentence ("Monday to Friday"): French writes them in lower case there
# ("du lundi au vendredi"), unlike the capitalised labels of the schedule's day choices.
WEEKDAYS_IN_A_SENTENCE = (
    pgettext_lazy("weekday in a sentence", "Monday"),
    pgettext_lazy("weekday in a sentence", "Tuesday"),
    pgettext_lazy("weekday in a sentence", "Wednesday"),
    pgettext_lazy("weekday in a sentence", "Thursday"),
    pgettext_lazy("weekday in a sentence", "Friday"),
    pgettext_lazy("weekday in a sentence", "Saturday"),
    pgettext_lazy("weekday in a sentence", "Sunday"),
)


def describe_slots(schedule: PostingSchedule) -> list[tuple[str, str]]:
    """The schedule in words, one (days, times) pair per distinct set of times:
    [("Monday to Friday", "08:30, 12:15"), ("Saturday", "10:00")]."""
    return _describe_slot_pairs((slot.weekday, slot.local_time) for slot in schedule.slots.all())


def describe_default_slots() -> str:
    """The clinic default in words, for the composer's offer: "Monday to Friday at 08:30, 12:15"."""
    return "; ".join(
        gettext("%(days)s at %(times)s") % {"days": days, "times": times}
        for days, times in _describe_slot_pairs(CLINIC_DEFAULT_SLOTS)
    )


def _describe_slot_pairs(pairs: Iterable[tuple[int, time]]) -> list[tuple[str, str]]:
    times_by_day: dict[int, tuple[time, ...]] = defaultdict(tuple)
    for weekday, at in sorted(pairs):
        times_by_day[weekday] += (at,)
    groups: dict[tuple[time, ...], list[int]] = defaultdict(list)
    for day in sorted(times_by_day):
        groups[times_by_day[day]].append(day)
    names = {day: str(name) for day, name in enumerate(WEEKDAYS_IN_A_SENTENCE)}  # in the active language
    described = []
    for times, days in sorted(groups.items(), key=lambda item: item[1][0]):
        described.append((_day_ranges(days, names), ", ".join(f"{t:%H:%M}" for t in times)))
    return described


def _day_ranges(days: list[int], names: dict[int, str]) -> str:
    runs: list[list[int]] = []
    for day in days:
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = []
    for run in runs:
        first, last = names[run[0]], names[run[-1]]
        if len(run) == 1:
            parts.append(first)
        elif len(run) == 2:
            parts.append(gettext("%(first)s and %(last)s") % {"first": first, "last": last})
        else:
            parts.append(gettext("%(first)s to %(last)s") % {"first": first, "last": last})
    return ", ".join(parts)
