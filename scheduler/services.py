"""The publishing engine: dispatch, exactly-once publishing, reconciliation and failures.

The database is the source of truth. A beat task (:func:`dispatch_due`, every
``DISPATCH_INTERVAL_S``) claims targets due within the next tick and enqueues
one :func:`publish_target` task each (in a burst, one task for several: see
:func:`message_batches`), with an ETA of at most one tick. Nothing
waits in the broker longer than that: a retry goes back to ``scheduled`` with a
later ``due_at``.

Exactly once rests on three habits:

* every state change is one conditional UPDATE through ``PostTarget.move``; a
  worker holds a lease (``lease_expires_at``) and every write it makes is
  conditioned on that exact lease, so a worker that lost it changes nothing;
* ``request_sent_at`` and a ``PublishAttempt`` are committed before the create
  request leaves, and the outcome is recorded right after;
* when a request may have reached the network and no answer was recorded (a
  lost answer, or a worker that died), we read the account's recent posts with
  the adapter's ``find_recent`` before anything else: found means published,
  not found means publish normally, and "cannot tell" means a person decides
  (``needs_attention``). We never blindly post again.

What each failure means is decided once, in :meth:`_Publication.handle`.
Services here must run in autocommit (a Celery task, a view), not inside an
outer transaction: "committed before the request leaves" depends on it.
"""

from __future__ import annotations

import logging
import os
import random
import re
import socket
import threading
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timedelta
from functools import cached_property
from urllib.parse import parse_qs, urlencode, urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Q, QuerySet
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_lazy, gettext_noop, ngettext, pgettext

from accounts import connections, permissions
from accounts.models import ConnectedAccount, Notification, User
from accounts.notifications import Message, notify, notify_grouped, organization_admins
from audit import services as audit
from audit.models import Action
from platforms.base import (
    Adapter,
    AuthExpired,
    Credentials,
    Draft,
    PlatformError,
    Problem,
    Published,
    RateLimited,
    Rejected,
    RemotePost,
    Transient,
)
from posts import metrics as post_metrics
from posts import privacy as post_privacy
from posts import services as post_services
from posts import validation as post_validation
from posts.media import reading as media_reading
from posts.models import RETRYABLE_STATES, FailureReason, MediaAsset, PostTarget, TargetState
from posts.models.target import CANCELLABLE_STATES
from scheduler import budgets, statements
from scheduler.models import PublishAttempt
from scheduler.schedules import exclude_paused_queues, publishable_q

logger = logging.getLogger(__name__)

S = TargetState
Outcome = PublishAttempt.Outcome

MIN_RATE_LIMIT_WAIT = timedelta(seconds=10)


# --- settings (read on use, so tests and bench runs can change them) --------------------------


def _seconds(name: str, default: float) -> timedelta:
    return timedelta(seconds=float(getattr(settings, name, default)))


def dispatch_interval() -> timedelta:
    """How often the dispatcher runs; it claims what is due within one interval."""
    return _seconds("DISPATCH_INTERVAL_S", 2)


def requeue_after() -> timedelta:
    """A target enqueued this long ago and still scheduled lost its message: send another."""
    return _seconds("DISPATCH_REQUEUE_AFTER_S", 60)


def lease_duration(*, has_media: bool = False) -> timedelta:
    """How long a worker owns a target. It must outlast the slowest publish: a worker
    taking over a live publish whose request is not out yet would post twice."""
    lease = _seconds("PUBLISH_LEASE_S", 120)
    return lease + _seconds("PUBLISH_MEDIA_LEASE_S", 900) if has_media else lease


def max_attempts() -> int:
    return int(getattr(settings, "PUBLISH_MAX_ATTEMPTS", 5))


def reconcile_margin() -> timedelta:
    """How far before our request we look for our post: clocks differ between us and the network."""
    return _seconds("RECONCILE_MARGIN_S", 120)


# --- dispatch -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Dispatched:
    target_id: int
    eta: datetime | None  # None: run now


def dispatch_due(*, now: datetime | None = None) -> list[Dispatched]:
    """Claim the targets due within the next tick, and those whose worker's lease expired,
    and enqueue their publish tasks (after the commit). Returns what was enqueued.

    Safe to run concurrently: on PostgreSQL the claim is ``SELECT … FOR UPDATE
    SKIP LOCKED``, elsewhere a compare-and-set per row, so two dispatchers never
    claim the same row in the same tick. A row claimed whose message was lost
    is claimed again after ``requeue_after()``; the publish task's own
    compare-and-set makes the resulting duplicate harmless.
    """
    now = now or timezone.now()
    limit = int(getattr(settings, "DISPATCH_BATCH", 5000))
    not_sent = now - requeue_after()
    # A paused queue holds its targets back; posts scheduled for a chosen time are never held.
    due = PostTarget.objects.due(now + dispatch_interval()).not_enqueued_since(not_sent).filter(publishable_q())
    stale = PostTarget.objects.stale_leases(now).not_enqueued_since(not_sent).order_by("lease_expires_at")
    with transaction.atomic():
        claimed = _claim(due, now=now, limit=limit)
        dispatched = [Dispatched(pk, due_at if due_at and due_at > now else None) for pk, due_at in claimed]
        dispatched += [Dispatched(pk, None) for pk, _ in _claim(stale, now=now, limit=limit)]
        if dispatched:
            transaction.on_commit(lambda: _enqueue(dispatched))
    if dispatched:
        logger.info("dispatched %d targets", len(dispatched))
    else:
        # Every DISPATCH_INTERVAL_S: at INFO it would bury everything else on the console.
        logger.debug("dispatch tick: nothing due")
    return dispatched


def _claim(rows: QuerySet[PostTarget], *, now: datetime, limit: int) -> list[tuple[int, datetime | None]]:
    """Mark up to ``limit`` of ``rows`` enqueued at ``now``; returns (id, due_at) of those this call won."""
    if connection.features.has_select_for_update_skip_locked:
        # Rows another dispatcher is claiming are skipped, not waited for: the tick stays short.
        found = list(rows.select_for_update(skip_locked=True).values_list("pk", "due_at")[:limit])
        PostTarget.objects.filter(pk__in=[pk for pk, _ in found]).update(enqueued_at=now)
        return found
    # SQLite has no row locks: claim row by row, only where enqueued_at is still what we read.
    won = []
    for pk, due_at, enqueued_at in rows.values_list("pk", "due_at", "enqueued_at")[:limit]:
        same = Q(enqueued_at__isnull=True) if enqueued_at is None else Q(enqueued_at=enqueued_at)
        if rows.filter(same, pk=pk).update(enqueued_at=now):
            won.append((pk, due_at))
    return won


def _enqueue(dispatched: list[Dispatched]) -> None:
    # Imported here: scheduler.tasks imports this module.
    from scheduler.tasks import publish_target as publish_target_task
    from scheduler.tasks import publish_targets as publish_targets_task

    for eta, target_ids in message_batches(dispatched):
        try:
            if len(target_ids) == 1:
                publish_target_task.apply_async((target_ids[0],), eta=eta)
            else:
                # No ETA on a burst's batches: a worker takes every message with an ETA at once, so
                # one worker would hoard the burst while another sat idle. Without one, each takes
                # what its threads can run, and the batch waits for its moment itself (below a tick).
                not_before = eta.isoformat() if eta else None
                publish_targets_task.apply_async((target_ids,), {"not_before": not_before})
        except Exception:
            # The broker is down. The rows stay claimed and are resent after requeue_after().
            logger.exception("could not enqueue publish tasks; %d will be resent", len(dispatched))
            return


def message_batches(dispatched: list[Dispatched]) -> list[tuple[datetime | None, list[int]]]:
    """How the dispatched targets travel to the workers: (ETA, target ids) per message.

    One target per message while a moment's targets are few (``DISPATCH_SPREAD``, about the
    workers' threads, or fewer), so none waits behind another. In a burst, each message
    carries several (at most ``DISPATCH_BATCH_MAX``): every message costs a worker more CPU
    than the post it carries (a Redis round trip to send, three to take and acknowledge, the
    task's bookkeeping), and the burst would otherwise be bound by that. Targets are dealt
    round-robin, so a post's networks go out in parallel and due order holds across batches.
    """
    spread = max(1, int(getattr(settings, "DISPATCH_SPREAD", 64)))
    largest = max(1, int(getattr(settings, "DISPATCH_BATCH_MAX", 10)))
    # A moment is a whole second: posts are scheduled to the minute, and a batch must not make
    # any of its targets early, so it leaves at the latest ETA of its own (at most 1 s later).
    by_moment: dict[datetime | None, list[Dispatched]] = {}
    for item in dispatched:
        by_moment.setdefault(item.eta and item.eta.replace(microsecond=0), []).append(item)
    messages = []
    for moment, items in by_moment.items():
        per_message = min(largest, -(-len(items) // spread))
        count = -(-len(items) // per_message)
        for first in range(count):
            batch = items[first::count]
            eta = max(item.eta for item in batch) if moment else None
            messages.append((eta, [item.target_id for item in batch]))
    return messages


def publish_targets(target_ids: list[int], *, not_before: datetime | None = None) -> None:
    """Publish several targets due together: the body of a burst's batched publish task.

    Waits until ``not_before`` first (the batch's moment, at most one dispatch interval ahead),
    so no target goes out early. Then the batch pays for its round trips once rather than once
    per target: one claim for all of them (``statements.claim_targets``, "about to send" written
    with it as for one), the checks before sending for each, one reservation of the posting
    budgets for those ready, and each request in turn. A target claimed early in a long batch
    renews its lease before sending, or lets the target go (``_Publication.send``). Each target
    is published as :func:`publish_target` would alone; one that raises (the database went away)
    does not stop the others, and stays claimed for the dispatcher to resend.
    """
    if not_before is not None:
        wait = min(not_before - timezone.now(), dispatch_interval())
        if wait > timedelta(0):
            time.sleep(wait.total_seconds())
    now = timezone.now()
    lease = now + lease_duration()
    claims = statements.claim_targets(
        target_ids, now=now, lease=lease, due_before=now + dispatch_interval(), worker=_worker_name()
    )
    paused = _in_paused_queues([claimed.target for claimed in claims if claimed.was_due and claimed.target.is_queued])
    ready: list[tuple[_Publication, Draft]] = []
    for claimed in claims:
        try:
            if claimed.target.pk in paused:
                _hold_back(claimed, lease=lease)
                continue
            target, started = claimed.target, claimed.attempt
            publication = _Publication(target, lease=lease, has_media=claimed.has_media, started=started)
            draft = publication.prepare()
        except Exception:
            logger.exception("publishing target %s failed; the dispatcher will send it again", claimed.target.pk)
            continue
        if draft is not None:
            ready.append((publication, draft))
    waits = budgets.reserve_many([publication.budget_request() for publication, _ in ready])
    successes: list[statements.Success] = []
    for (publication, draft), free_at in zip(ready, waits, strict=True):
        publication.successes = successes
        try:
            if successes and timezone.now() - successes[0].published_at > lease_duration() / 4:
                _record_successes(successes, ready)  # a slow batch: before the first leases run short
            if free_at is None:
                publication.send(draft)
            else:
                publication.wait_for_budget(free_at)
        except Exception:
            logger.exception("publishing target %s failed; the dispatcher will send it again", publication.target.pk)
    _record_successes(successes, ready)


def _record_successes(successes: list[statements.Success], ready: list[tuple[_Publication, Draft]]) -> None:
    """Write a batch's successes so far in one round trip, then log and announce each."""
    if not successes:
        return
    try:
        moved = statements.record_published_many(successes, now=timezone.now())
    except Exception:
        # Still publishing with request_sent_at set: once the leases end, the next worker finds them out.
        logger.exception("recording %d published targets failed; they will be looked for", len(successes))
        successes.clear()
        return
    publications = {publication.target.pk: publication for publication, _ in ready}
    for success in successes:
        try:
            publications[success.target.pk].announce(success.external_id, moved=success.target.pk in moved)
        except Exception:
            logger.exception("announcing published target %s failed", success.target.pk)
    successes.clear()


def _in_paused_queues(targets: list[PostTarget]) -> set[int]:
    """Which of these queued targets belong to a queue paused since their message was sent."""
    if not targets:
        return set()
    ids = [target.pk for target in targets]
    return set(ids) - set(exclude_paused_queues(PostTarget.objects.filter(pk__in=ids)).values_list("pk", flat=True))


def _hold_back(claimed: statements.Claimed, *, lease: datetime) -> None:
    """Its queue was paused after the message was sent: it waits, as the dispatcher's query does."""
    target = claimed.target
    if claimed.attempt is None or statements.withdraw_attempt(target, claimed.attempt, held=lease):
        target.move(
            S.SCHEDULED,
            expected=[S.PUBLISHING],
            where=Q(lease_expires_at=lease),
            lease_expires_at=None,
            enqueued_at=None,
        )


# --- publishing ------------------------------------------------------------------------------------


def publish_target(target_id: int) -> None:
    """Publish one target, exactly once; the body of the publish task.

    Takes the target only where it is ``scheduled`` and due, or ``publishing``
    with an expired lease (its worker died); anything else (a duplicate
    delivery, a cancelled or already published target) returns doing nothing.
    Safe to run twice, and concurrently. Raises nothing the network causes:
    every outcome is written on the target and its attempt log.
    """
    now = timezone.now()
    lease = now + lease_duration()
    # Compare-and-set, because two deliveries of one message can run at once. The claim reads the
    # row as it won it, never before: another worker may have written it (request_sent_at,
    # published_parts) up to that moment, and what it wrote decides what we do. A stale message
    # must not publish a re-queued post early (nor a paused one: see below), hence the due time.
    claimed = statements.claim_target(
        target_id, now=now, lease=lease, due_before=now + dispatch_interval(), worker=_worker_name()
    )
    if claimed is None:
        return
    # Its queue may have been paused after the message was sent. Checked after the claim, so only
    # queued posts pay for the look at their schedule.
    if claimed.was_due and claimed.target.is_queued and _in_paused_queues([claimed.target]):
        _hold_back(claimed, lease=lease)
        return
    _Publication(claimed.target, lease=lease, has_media=claimed.has_media, started=claimed.attempt).run()


def same_text(remote: str, ours: str) -> bool:
    """Whether a post the network lists is ours: same text once Unicode and whitespace are normalised
    (networks store NFC and may trim or fold line breaks)."""
    return _normalise(remote) == _normalise(ours)


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text or "")).strip()


def _worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{threading.current_thread().name}"[:200]


class _Publication:
    """One claimed target on its way out: the steps of ``publish_target`` sharing the lease."""

    def __init__(
        self, target: PostTarget, *, lease: datetime, has_media: bool = True, started: PublishAttempt | None = None
    ):
        self.target = target
        self.lease = lease
        self.has_media = has_media
        # The attempt the claim started ("about to send" written with it): sent with, or withdrawn.
        self.started = started
        self.account: ConnectedAccount = target.account
        self.organization = target.post.organization
        self.adapter: Adapter | None = None
        self.credentials: Credentials | None = None
        # In a batch, where a success waits to be written with the others (None: written at once).
        self.successes: list[statements.Success] | None = None

    @cached_property
    def label(self) -> str:
        # Only messages read it; translating it for every publish cost 4 % of one.
        return self.account.get_network_display()

    @cached_property
    def authors_language(self) -> str:
        # Read only when there is something to say: a publish that goes well asks nothing more.
        language = User.objects.filter(pk=self.target.post.author_id).values_list("language", flat=True).first()
        return language or settings.LANGUAGE_CODE

    def problems_in_authors_words(self, problems: Iterable[Problem]) -> str:
        with translation.override(self.authors_language):
            return " ".join(post_validation.problem_text(problem) for problem in problems)

    def words(self, message: str, **values: object) -> str:
        """Our words for the post's record (its state, its publish log), in its author's language:
        ``message`` is an English msgid with %(name)s placeholders (``network`` is supplied); dates
        among ``values`` are written as the organization reads them. The networks' own words, passed
        in ``values``, stay as the network gave them."""
        with translation.override(self.authors_language):
            values = {key: self.local(value) if isinstance(value, datetime) else value for key, value in values.items()}
            return gettext(message) % {"network": self.label, **values}

    def privacy_refusal(self, draft: Draft | None) -> str:
        media: list[MediaAsset] = []
        if self.has_media:
            media = [attachment.asset for attachment in self.target.post.attachments.select_related("asset")]
            media_reading.read_pending(media)
        network = self.account.network
        post = self.target.post
        refusal = post_privacy.engine_refusal(
            self.organization, network, draft, post=post, media=media, scanned_clean=self.target.texts_scanned_clean
        )
        if refusal or not media:
            # Without files there is no face to consent for: no query for the consents.
            return refusal
        return post_privacy.engine_face_refusal(network, media, consented=post_privacy.consented_assets(post))

    # The steps ---------------------------------------------------------------------------------------
    def run(self) -> None:
        draft = self.prepare()
        if draft is None:
            return
        free_at = budgets.reserve_many([self.budget_request()])[0]
        if free_at is not None:
            self.wait_for_budget(free_at)
            return
        self.send(draft)

    def prepare(self) -> Draft | None:
        """Everything before the posting budget and the request: the checks run again, and a look
        on the network when an earlier request may have gone out. The draft to send, or None when
        the target was settled here (failed, found published, or another worker's now)."""
        target = self.target
        # The composer's whole check (the adapter's rules and ours, e.g. alt text), run again now:
        # the post may have been valid when scheduled and not any more. It also builds the draft
        # it checked, with the same code as the composer, so what is checked is what is sent.
        try:
            # A post without media (most of them) skips the read of its attachments.
            check = post_services.check_saved_target(target, media=None if self.has_media else [])
        except ValidationError as error:
            self.fail(FailureReason.INVALID, " ".join(error.messages))
            return None
        except OSError as error:
            # Storage hiccup (a bucket, a full disk): try again; the late window ends it if it lasts.
            logger.warning("media of target %s unreadable: %s", target.pk, type(error).__name__)
            self.back_off(Transient(f"PhysSocial could not read the post's media ({type(error).__name__})."))
            return None
        draft = check.draft
        if target.request_sent_at is not None and self.started is None:
            # An earlier request may have gone out (a worker died after sending, or the answer was
            # lost): look before anything else, even before failing a file that can no longer be
            # rendered, or a post that is on the network would be reported as never sent.
            if not self.account.is_active:
                self.needs_attention(
                    self.words(
                        gettext_noop(
                            "PhysSocial sent this post to %(network)s but lost the answer, and cannot check whether it "
                            "went out because the account needs reconnecting. Look at the account on %(network)s."
                        )
                    )
                )
                return None
            if self.reconcile(draft):
                return None
        # The privacy guard again, on exactly what would be sent: the texts may have changed since
        # scheduling (through the API, an import). Texts take about a millisecond; an image not yet
        # read (an upload older than the guard, a broker that lost the task) is read here, about a
        # second: a worker may. After the look above, so a post already out is recorded as out. The
        # post's releases and "not a patient" marks hold here too; a finding typed after a release
        # does not pass.
        refusal = self.privacy_refusal(draft)
        if refusal:
            # Said again in the author's language: a rare path, so the common one reads no author.
            with translation.override(self.authors_language):
                refusal = self.privacy_refusal(draft) or refusal
            self.fail(FailureReason.INVALID, refusal)
            return None
        if check.render_problems:
            # A file can no longer be made to fit the network, and nothing of it is out: nothing to send.
            self.fail(FailureReason.INVALID, self.problems_in_authors_words(check.render_problems))
            return None
        if self.is_past_late_window(timezone.now()):
            self.fail(FailureReason.MISSED, self.missed_message())
            return None
        if not self.account.is_active:
            self.fail(FailureReason.AUTH, self.reconnect_message())
            return None
        self.adapter = connections.adapter_for(self.account.network)
        if check.problems:
            self.fail(FailureReason.INVALID, self.problems_in_authors_words(check.problems))
            return None
        return draft

    def budget_request(self) -> budgets.Request:
        """What this post would count against its network's posting budgets."""
        network = self.account.network
        app_key = str(settings.PLATFORMS.get(network, {}).get("client_id") or "app")
        return budgets.Request(network, account_key=self.account.external_id, app_key=app_key, now=timezone.now())

    def wait_for_budget(self, free_at: datetime) -> None:
        """A posting budget is spent: back to scheduled until it frees, not counted as an attempt."""
        self.withdraw()  # before reading the count it gives back
        self.requeue(
            free_at,
            attempts=self.target.attempts,
            message=self.words(
                gettext_noop("Waiting for %(network)s's posting limit to reset; next try at %(when)s."),
                when=free_at,
            ),
        )

    def send(self, draft: Draft, *, refreshed: bool = False) -> None:
        remaining = self.remaining(draft)
        if remaining is None:  # every part of the thread is already out
            self.succeed(None, None)
            return
        # Committed before the request leaves, in one statement: the attempt, request_sent_at, and a
        # renewed lease (so every request starts with a full one). If we die now, the next worker
        # looks before posting. None: another worker took this post over, and nothing was written.
        if self.started is not None:
            # Written with the claim. In a batch that claim may be a while ago (slow requests before
            # this one): with less than half the lease left, renew it first, or let the target go
            # if another worker took it over meanwhile (it looks on the network before sending).
            attempt, self.started = self.started, None
            now = timezone.now()
            if self.lease - now < lease_duration() / 2:
                lease = self.next_lease(draft, now=now)
                if not self.keep(lease_expires_at=lease):
                    logger.warning("target %s was taken over before its request left; not sent here", self.target.pk)
                    return
                self.lease = lease
        else:
            now = timezone.now()
            lease = self.next_lease(draft, now=now)
            worker = _worker_name()
            attempt = statements.start_attempt(self.target, held=self.lease, lease=lease, sent_at=now, worker=worker)
            if attempt is None:
                return
            self.lease = lease
        self.credentials = connections.credentials_for(self.account)
        try:
            published = self.adapter.publish(self.credentials, remaining)
        except PlatformError as error:
            self.handle(error, attempt, draft, refreshed=refreshed)
        except Exception as error:
            # A bug, not the network: the request may have left, so treat it as an unknown outcome.
            logger.exception("publishing target %s failed unexpectedly", self.target.pk)
            unknown = Transient(f"PhysSocial hit an unexpected error ({type(error).__name__}).", outcome_unknown=True)
            self.handle(unknown, attempt, draft, refreshed=refreshed)
        else:
            self.succeed(published, attempt)

    def handle(self, error: PlatformError, attempt: PublishAttempt, draft: Draft, *, refreshed: bool) -> None:
        """What each kind of failure means, decided here and nowhere else."""
        self.remember_parts(error.published)
        match error:
            case RateLimited():
                # Not a failure: the network said when; the attempt is not counted. A reset
                # already past (clocks disagree) still waits a little rather than hammering.
                self.finish(attempt, Outcome.RATE_LIMITED, error=error)
                retry_at = max(error.retry_at, timezone.now() + MIN_RATE_LIMIT_WAIT)
                budgets.block_until(self.account.network, account_key=self.account.external_id, until=retry_at)
                self.requeue(
                    retry_at,
                    attempts=self.target.attempts - 1,
                    message=self.words(
                        gettext_noop("%(network)s asked us to slow down; next try at %(when)s."), when=retry_at
                    ),
                )
            case AuthExpired() if not refreshed:
                self.finish(attempt, Outcome.AUTH_EXPIRED, error=error)
                self.refresh_and_send(draft)
            case AuthExpired():
                # Refused again with a token just refreshed: only a person can fix this.
                self.finish(attempt, Outcome.AUTH_EXPIRED, error=error)
                connections.mark_needs_reconnect(self.account, reason=self.reconnect_message())
                self.fail_for_auth()
            case Transient(outcome_unknown=True):
                # The post may be out. Look now; a network can take a moment to list a new post,
                # so "not there" only counts on a second look, just before the next send.
                self.finish(attempt, Outcome.UNKNOWN, error=error)
                if not self.reconcile(draft, final=False):
                    self.back_off(error, look_first=True)
            case Transient():
                self.finish(attempt, Outcome.TRANSIENT, error=error)
                self.back_off(error)
            case Rejected():
                self.finish(attempt, Outcome.REJECTED, error=error)
                message = self.words(
                    gettext_noop("%(network)s refused this post: %(words)s"), words=self.network_words(error)
                )
                if self.target.published_parts:
                    done, total = len(self.target.published_parts), 1 + len(draft.thread)
                    message += " " + self.words(
                        gettext_noop(
                            "%(done)s of the thread's %(total)s posts went out; a retry continues from the next one."
                        ),
                        done=done,
                        total=total,
                    )
                self.fail(FailureReason.REJECTED, message)
            case _:
                self.finish(attempt, Outcome.TRANSIENT, error=error)
                self.back_off(error)

    def refresh_and_send(self, draft: Draft) -> None:
        """Refresh the token once and send again in this task; else the account needs reconnecting."""
        try:
            self.account = connections.refresh_account_tokens(
                self.account, rejected_access_token=self.credentials.access_token if self.credentials else ""
            )
        except AuthExpired:
            # refresh_account_tokens marked the account and told its owners and admins.
            self.account.refresh_from_db()
            self.fail_for_auth()
            return
        except PlatformError as error:
            self.back_off(error)  # the token endpoint did not answer; the token may still be good
            return
        if not self.account.is_active:
            self.fail_for_auth()
            return
        self.send(draft, refreshed=True)

    def reconcile(self, draft: Draft, *, final: bool = True) -> bool:
        """Our request may have reached the network: is the post there? True when settled here.

        Found: published. Cannot tell: needs attention. Not found: False, and
        when ``final`` ``request_sent_at`` is cleared so the caller publishes
        normally; otherwise it stays, and the next try looks again first.
        """
        target = self.target
        sent_at = target.request_sent_at or timezone.now()
        attempt = target.attempts_log.filter(outcome__in=[Outcome.IN_FLIGHT, Outcome.UNKNOWN]).first()
        if attempt is None:
            attempt = PublishAttempt.objects.create(target=target, started_at=sent_at, request_sent_at=sent_at)
        self.adapter = self.adapter or connections.adapter_for(self.account.network)
        self.credentials = connections.credentials_for(self.account)
        if not self.renew(draft):
            return True  # another worker took over meanwhile: it decides
        try:
            recent = self.adapter.find_recent(self.credentials, since=sent_at - reconcile_margin())
        except (PlatformError, NotImplementedError) as error:
            if not isinstance(error, PlatformError):
                error = PlatformError(f"PhysSocial cannot list {self.label} posts yet")
            self.finish(attempt, Outcome.UNKNOWN, error=error)
            self.needs_attention(
                self.words(
                    gettext_noop(
                        "PhysSocial sent this post to %(network)s at %(when)s but got no answer, and %(network)s "
                        "would not show us the account's recent posts (%(words)s). Check the account on "
                        "%(network)s: if the post is there, choose “It was published”; if not, retry it."
                    ),
                    when=sent_at,
                    words=self.network_words(error),
                )
            )
            return True
        parts = (draft.text, *draft.thread)
        known = {part.get("external_id") for part in target.published_parts}
        candidates = [post for post in recent if post.external_id not in known]
        found: list[RemotePost] = []
        for part in parts[len(target.published_parts) :]:
            match = next((post for post in candidates if same_text(post.text, part)), None)
            if match is None:
                break
            found.append(match)
            candidates.remove(match)
        if found:
            self.remember_parts(tuple(Published(post.external_id, post.url) for post in found))
        if len(target.published_parts) >= len(parts):
            first = target.published_parts[0]
            head = next((post for post in found if post.external_id == first["external_id"]), None)
            self.finish(
                attempt,
                Outcome.RECONCILED,
                message=self.words(gettext_noop("Found on %(network)s: %(id)s."), id=first["external_id"]),
            )
            self.succeed(None, None, published_at=head.created_at if head and head.created_at else sent_at)
            return True
        if not final:
            self.finish(
                attempt,
                Outcome.UNKNOWN,
                message=self.words(gettext_noop("Not on %(network)s yet; we look again before sending it again.")),
            )
            return False
        self.finish(
            attempt,
            Outcome.UNKNOWN,
            message=self.words(gettext_noop("The answer was lost and the post is not on %(network)s; sending again.")),
        )
        self.keep(request_sent_at=None)
        return False

    # Outcomes ------------------------------------------------------------------------------------------
    def succeed(
        self, published: Published | None, attempt: PublishAttempt | None, *, published_at: datetime | None = None
    ) -> None:
        # Every post the call created (an X thread's replies too), after any a failed try left.
        parts = [*self.target.published_parts, *_parts(published)]
        head = parts[0] if parts else _part(None)
        event = audit.target_event(
            Action.TARGET_PUBLISHED, self.target, details={"state": S.PUBLISHED, "url": head["url"]}
        )
        if attempt is not None:
            success = statements.Success(
                self.target,
                attempt,
                held=self.lease,
                published_at=published_at or timezone.now(),
                external_id=head["external_id"],
                external_url=head["url"],
                parts=parts,
                request_id=published.request_id if published else "",
                audit_event=event,
            )
            if self.successes is not None:
                # In a batch, written with its other successes (publish_targets). Until then the target
                # shows publishing, never published; should the worker die first, request_sent_at makes
                # the next worker look on the network before sending: one read more, never a second post.
                self.successes.append(success)
                return
            # The answer just came back: the target, its attempt and the audit trail in one round trip.
            moved = bool(statements.record_published_many([success], now=timezone.now()))
        else:
            moved = self.target.move(
                S.PUBLISHED,
                expected=[S.PUBLISHING],
                where=Q(lease_expires_at=self.lease),
                external_id=head["external_id"],
                external_url=head["url"],
                published_at=published_at or timezone.now(),
                metrics_due_at=post_metrics.first_read(published_at or timezone.now()),
                published_parts=parts,
                request_sent_at=None,
                lease_expires_at=None,
                failure_reason="",
                error_message="",
            )
            if moved:
                event.save()
        self.announce(head["external_id"], moved=moved)

    def announce(self, external_id: str, *, moved: bool) -> None:
        """Log the success, and tell those who asked, once it is written (``moved``)."""
        if not moved:
            logger.error("target %s was published as %s but its lease was lost", self.target.pk, external_id)
            return
        logger.info("published target %s as %s", self.target.pk, external_id)
        # Read with the claim, so a publish costs no query for the notice unless someone in the
        # organization chose to hear about each published post (off by default).
        if self.organization.publish_notices_wanted:
            notify_target_published(self.target)

    def requeue(self, at: datetime, *, attempts: int, message: str, look_first: bool = False) -> None:
        """Back to ``scheduled``, due at ``at``; or missed if that is past the late window.

        ``look_first``: the last request's outcome is unknown; ``request_sent_at``
        stays, so the next try reconciles before it sends.
        """
        self.withdraw()
        if self.is_past_late_window(at):
            if look_first:
                self.needs_attention(self.unknown_message())
            else:
                self.fail(FailureReason.MISSED, self.missed_message(cause=message))
            return
        moved = self.target.move(
            S.SCHEDULED,
            expected=[S.PUBLISHING],
            where=Q(lease_expires_at=self.lease),
            due_at=at,
            attempts=max(0, attempts),
            error_message=message,
            lease_expires_at=None,
            request_sent_at=self.target.request_sent_at if look_first else None,
            enqueued_at=None,
        )
        if moved:
            audit.record_target(Action.TARGET_STATE_CHANGED, self.target, details={"message": message})

    def back_off(self, error: PlatformError, *, look_first: bool = False) -> None:
        """Exponential backoff with jitter (``base · 2^n ± jitter``), then failed after the last attempt
        (or needing attention, when the last request's outcome is unknown)."""
        self.withdraw()  # before reading the count it gives back
        words = self.network_words(error)
        attempts = self.target.attempts
        if attempts >= max_attempts() and look_first:
            self.needs_attention(self.unknown_message())
            return
        if attempts >= max_attempts():
            self.fail(
                FailureReason.TRANSIENT,
                self.words(
                    gettext_noop(
                        "%(network)s kept failing after %(attempts)s tries (%(words)s). "
                        "It may be having an outage: retry later."
                    ),
                    attempts=attempts,
                    words=words,
                ),
            )
            return
        base = float(getattr(settings, "PUBLISH_BACKOFF_BASE_S", 30))
        delay = base * 2 ** max(0, attempts - 1)
        # Jitter spreads the retries of a burst that failed together, so they do not return together.
        jitter = float(getattr(settings, "PUBLISH_BACKOFF_JITTER", 0.2))
        delay *= 1 + random.uniform(-jitter, jitter)
        at = timezone.now() + timedelta(seconds=delay)
        message = self.words(
            gettext_noop("%(network)s answered with an error (%(words)s); PhysSocial tries again at %(when)s."),
            words=words,
            when=at,
        )
        self.requeue(at, attempts=attempts, message=message, look_first=look_first)

    def fail(self, reason: str, message: str) -> None:
        self.withdraw()
        moved = self.target.move(
            S.FAILED,
            expected=[S.PUBLISHING],
            where=Q(lease_expires_at=self.lease),
            failure_reason=reason,
            error_message=message,
            lease_expires_at=None,
            request_sent_at=None,
        )
        if moved:
            logger.info("target %s failed: %s", self.target.pk, reason)
            audit.record_target(Action.TARGET_FAILED, self.target, details={"reason": reason, "message": message})
            notify_target_failed(self.target)

    def fail_for_auth(self) -> None:
        """This target and the account's other due targets fail: the account needs reconnecting."""
        message = self.reconnect_message()
        self.fail(FailureReason.AUTH, message)
        others = PostTarget.objects.filter(account=self.account, state=S.SCHEDULED, due_at__lte=timezone.now())
        for other in others.select_related("post__organization", "post__author", "account"):
            if other.move(S.FAILED, expected=[S.SCHEDULED], failure_reason=FailureReason.AUTH, error_message=message):
                audit.record_target(Action.TARGET_FAILED, other, details={"reason": FailureReason.AUTH})
                notify_target_failed(other)

    def needs_attention(self, message: str) -> None:
        self.withdraw()
        moved = self.target.move(
            S.NEEDS_ATTENTION,
            expected=[S.PUBLISHING],
            where=Q(lease_expires_at=self.lease),
            failure_reason=FailureReason.UNKNOWN_OUTCOME,
            error_message=message,
            lease_expires_at=None,
            request_sent_at=None,
        )
        if moved:
            logger.warning("target %s needs attention", self.target.pk)
            audit.record_target(Action.TARGET_NEEDS_ATTENTION, self.target, details={"message": message})
            notify_target_failed(self.target)

    # Helpers --------------------------------------------------------------------------------------------
    def withdraw(self) -> None:
        """Nothing will be sent after all: take back the attempt the claim started, so no request
        seems in flight (which would make the next try look on the network first) and the attempt
        is not counted. Does nothing when there is none, or once sent."""
        if self.started is not None:
            statements.withdraw_attempt(self.target, self.started, held=self.lease)
            self.started = None

    def keep(self, **fields) -> bool:
        """Write ``fields`` while we still hold the lease; False when another worker took over."""
        return self.target.move(S.PUBLISHING, expected=[S.PUBLISHING], where=Q(lease_expires_at=self.lease), **fields)

    def renew(self, draft: Draft) -> bool:
        """Renew the lease before a network call, so a slow step never lets another worker take
        over while this one may still send; False when one already has."""
        lease = self.next_lease(draft, now=timezone.now())
        if not self.keep(lease_expires_at=lease):
            return False
        self.lease = lease
        return True

    def next_lease(self, draft: Draft, *, now: datetime) -> datetime:
        """When a lease taken ``now`` for sending ``draft`` ends: longer with media to upload."""
        return now + lease_duration(has_media=bool(draft.media))

    def remember_parts(self, published: tuple[Published, ...]) -> None:
        """Keep the parts of an X thread that went out, so a retry continues after them."""
        known = {part["external_id"] for part in self.target.published_parts}
        new = [_part(p) for p in published if p.external_id not in known]
        if new:
            self.keep(published_parts=[*self.target.published_parts, *new])

    def remaining(self, draft: Draft) -> Draft | None:
        """The draft from the first part not yet out (None when all are), as a reply to the last one."""
        done = self.target.published_parts
        if not done:
            return draft
        parts = (draft.text, *draft.thread)
        if len(done) >= len(parts):
            return None
        options = {**draft.options, "in_reply_to": done[-1]["external_id"]}
        return replace(draft, text=parts[len(done)], thread=parts[len(done) + 1 :], media=(), options=options)

    def finish(
        self,
        attempt: PublishAttempt,
        outcome: str,
        *,
        error: PlatformError | None = None,
        message: str = "",
        request_id: str = "",
    ) -> None:
        attempt.finished_at = timezone.now()
        attempt.outcome = outcome
        if error is not None:
            attempt.http_status = error.status
            attempt.error_class = type(error).__name__
            attempt.network_message = error.message
            attempt.request_id = error.request_id
        if message:
            # Added to what the network said, so the row tells the whole story of a lost answer.
            attempt.network_message = f"{attempt.network_message} — {message}" if attempt.network_message else message
        if request_id:
            attempt.request_id = request_id
        attempt.save()

    def is_past_late_window(self, moment: datetime) -> bool:
        return moment > self.deadline()

    def deadline(self) -> datetime:
        chosen = self.target.scheduled_at or self.target.due_at or timezone.now()
        return chosen + timedelta(minutes=self.organization.late_window_minutes)

    def local(self, moment: datetime) -> str:
        """A time as the organization reads it: "14:05", with the date when it is not today."""
        zone = ZoneInfo(self.organization.time_zone or settings.TIME_ZONE)
        local = moment.astimezone(zone)
        # Formats of our own, translated: Django's TIME_FORMAT writes "2:05 p.m." in English.
        time_of_day = date_format(local, pgettext("time of day in a post's record", "H:i"))
        if local.date() == timezone.now().astimezone(zone).date():
            return time_of_day
        day = date_format(local, pgettext("day in a post's record", "l j F"))
        return gettext("%(time)s on %(day)s") % {"time": time_of_day, "day": day}

    def missed_message(self, *, cause: str = "") -> str:
        chosen = self.target.scheduled_at or self.target.due_at or timezone.now()
        cause = cause or self.target.error_message
        with translation.override(self.authors_language):
            window = _duration_words(self.organization.late_window_minutes)
            because = f" ({cause.rstrip('.')})" if cause else ""
        return self.words(
            gettext_noop(
                "This post was due at %(when)s and could not go out within %(window)s of that time%(because)s, "
                "so PhysSocial did not send it late. Reschedule it if it is still timely."
            ),
            when=chosen,
            window=window,
            because=because,
        )

    def unknown_message(self) -> str:
        sent_at = self.target.request_sent_at or timezone.now()
        return self.words(
            gettext_noop(
                "PhysSocial sent this post to %(network)s at %(when)s but never got an answer, and it is not among "
                "the account's recent posts yet. Check the account on %(network)s: if the post is there, choose "
                "“It was published”; if not, retry it."
            ),
            when=sent_at,
        )

    def reconnect_message(self) -> str:
        name = self.account.display_handle or self.account.display_name
        return self.words(
            gettext_noop(
                "%(network)s no longer accepts PhysSocial's access to %(name)s. An owner or admin must reconnect it "
                "on the Accounts page; then retry this post."
            ),
            name=name,
        )

    def network_words(self, error: PlatformError) -> str:
        """The network's own message, without the "X: " our adapters put in front for logs."""
        words = error.message or type(error).__name__
        return words.removeprefix(f"{self.label}: ")


def _part(published: Published | None) -> dict[str, str]:
    if published is None:
        return {"external_id": "", "url": ""}
    data = asdict(published)
    return {"external_id": data["external_id"], "url": data["url"]}


def _parts(published: Published | None) -> list[dict[str, str]]:
    """Each post one publish call created, head first; only the head's URL is known."""
    if published is None:
        return []
    ids = published.part_ids or (published.external_id,)
    return [_part(published), *({"external_id": part_id, "url": ""} for part_id in ids[1:])]


def _duration_words(minutes: int) -> str:
    if minutes % 60 == 0:
        hours = minutes // 60
        return ngettext("%(count)s hour", "%(count)s hours", hours) % {"count": hours}
    return ngettext("%(count)s minute", "%(count)s minutes", minutes) % {"count": minutes}


# --- notifications -------------------------------------------------------------------------------


def target_path(target: PostTarget) -> str:
    try:
        return reverse("target-detail", args=[target.pk])
    except NoReverseMatch:  # scheduler.urls not mounted (yet): the notification still goes out
        return ""


#: Failures of one account this close together (counted from the first) make one notification
#: per person, counted up, instead of one per post: a network outage fails every post at once.
FAILURE_GROUP_WINDOW = timedelta(minutes=10)


def failures_path(account: ConnectedAccount) -> str:
    """The failure centre, showing only ``account``'s posts."""
    return f"{reverse('failures')}?{urlencode({'account': account.pk})}"


def notify_target_failed(target: PostTarget) -> None:
    """Tell the author and the organization's owners and admins, with a link to retry.

    Several failures of one account within ``FAILURE_GROUP_WINDOW`` become one notification
    per person ("3 posts on … did not go out"), leading to the failure centre filtered on that
    account; only the first is e-mailed (``notify_grouped``).
    """
    organization = target.post.organization
    account = target.account
    label = account.get_network_display()
    name = account.display_handle or account.display_name
    needs_attention = target.state == S.NEEDS_ATTENTION
    kind = Notification.Kind.NEEDS_ATTENTION if needs_attention else Notification.Kind.PUBLISH_FAILED
    excerpt = _normalise(target.text)[:120]

    # Called in each recipient's language (accounts/notifications.py notify_grouped).
    def describe(count: int) -> Message:
        if count == 1:
            if needs_attention:
                title = gettext("Check whether your post to %(network)s (%(account)s) went out")
            else:
                title = gettext("Your post to %(network)s (%(account)s) did not go out")
            body = gettext("“%(excerpt)s”\n\n%(reason)s\n\nOpen the post to retry it with one click.") % {
                "excerpt": excerpt,
                "reason": target.error_message,
            }
            return Message(title=title % {"network": label, "account": name}, body=body, link=target_path(target))
        words = {"count": count, "account": name, "network": label}
        if needs_attention:
            grouped = ngettext(
                "%(count)d post on %(account)s on %(network)s needs checking",
                "%(count)d posts on %(account)s on %(network)s need checking",
                count,
            )
        else:
            grouped = ngettext(
                "%(count)d post on %(account)s on %(network)s did not go out",
                "%(count)d posts on %(account)s on %(network)s did not go out",
                count,
            )
        body = gettext(
            "The latest: “%(excerpt)s”\n\n%(reason)s\n\nOpen the failure centre to see them all and retry them "
            "together."
        ) % {"excerpt": excerpt, "reason": target.error_message}
        return Message(title=grouped % words, body=body, link=failures_path(account))

    recipients = [target.post.author, *organization_admins(organization)]
    notify_grouped(
        recipients,
        organization=organization,
        kind=kind,
        group_key=f"account:{account.pk}",
        window=FAILURE_GROUP_WINDOW,
        describe=describe,
    )


def notify_target_published(target: PostTarget) -> None:
    """Tell the post's author that it went out, if they chose to hear about it (it is off by
    default). Never raises: the post is out, and a notice that could not be written must not
    look like a failed publish."""
    try:
        label = target.account.get_network_display()
        name = target.account.display_handle or target.account.display_name
        excerpt = _normalise(target.text)[:120]
        where = f"\n\n{target.external_url}" if target.external_url else ""
        notify(
            [target.post.author],
            organization=target.post.organization,
            # Written in the author's language (accounts/notifications.py).
            title=lambda: (
                gettext("Your post to %(network)s (%(account)s) was published") % {"network": label, "account": name}
            ),
            body=f"“{excerpt}”{where}",
            link=target_path(target),
            kind=Notification.Kind.PUBLISHED,
        )
    except Exception:
        logger.exception("could not notify the author that target %s was published", target.pk)


#: What became of a post since its notification, while it is on its way again.
SINCE_NOTIFIED = {
    S.SCHEDULED: gettext_lazy("It was retried and will go out shortly."),
    S.PUBLISHING: gettext_lazy("It is being sent now."),
    S.DRAFT: gettext_lazy("It was taken back to a draft since."),
}
RETRY_KINDS = (Notification.Kind.PUBLISH_FAILED, Notification.Kind.NEEDS_ATTENTION)


def notifications_for(user: User, *, limit: int = 200) -> list[Notification]:
    """``user``'s latest notifications, newest first, each with more attributes:

    * ``retry_url``: the one-click retry of a post that did not go out, only while that post
      is still failed (or needs attention) and ``user`` may schedule posts in its organization;
      "" otherwise, so a notice never offers to send again a post that has gone out since;
    * ``solved``: "published" (with ``solved_at``, when it went out) or "cancelled" once the
      problem a failure notice reported is gone; for a grouped notice, "all" once none of the
      account's posts waits for a fix any more; "" otherwise;
    * ``since``: what became of that post meanwhile while it is on its way ("It is being sent
      now."), or "".

    Four queries, whatever the number of notifications.
    """
    rows = list(Notification.objects.filter(user=user).select_related("organization")[:limit])
    subjects = {row.pk: _notified_subject(row) for row in rows}
    target_ids = {pk for kind, pk in subjects.values() if kind == "target"}
    account_ids = {pk for kind, pk in subjects.values() if kind == "account"}
    targets = permissions.visible_to(user, PostTarget.objects.filter(pk__in=target_ids), org_field="post__organization")
    facts = {pk: (state, at) for pk, state, at in targets.values_list("pk", "state", "published_at")}
    may_schedule_in = set(
        targets.filter(post__organization__in=permissions.organizations_where(user, "post.schedule")).values_list(
            "pk", flat=True
        )
    )
    still_failing: set[int] = set()
    if account_ids:
        failing = PostTarget.objects.filter(account_id__in=account_ids).did_not_go_out()
        still_failing = set(
            permissions.visible_to(user, failing, org_field="post__organization").values_list("account_id", flat=True)
        )
    for row in rows:
        kind, subject_id = subjects[row.pk]
        state, published_at = facts.get(subject_id, (None, None)) if kind == "target" else (None, None)
        retryable = state in RETRYABLE_STATES and subject_id in may_schedule_in
        row.retry_url = reverse("target-retry", args=[subject_id]) if retryable else ""
        row.since = SINCE_NOTIFIED.get(state, "")
        row.solved, row.solved_at = "", None
        if state == S.PUBLISHED:
            row.solved, row.solved_at = "published", published_at
        elif state == S.CANCELLED:
            row.solved = "cancelled"
        elif kind == "account" and subject_id not in still_failing:
            row.solved = "all"
    return rows


def _notified_subject(notification: Notification) -> tuple[str, int | None]:
    """What a notice about posts that did not go out points at: ("target", id) for one post,
    ("account", id) for a grouped notice leading to the failure centre, ("", None) for others."""
    if notification.kind not in RETRY_KINDS:
        return "", None
    path = urlsplit(notification.link)
    try:
        match = resolve(path.path)
    except Resolver404:
        return "", None
    if match.url_name == "target-detail":
        return "target", int(match.kwargs["pk"])
    account = parse_qs(path.query).get("account", [""])[0]
    if match.url_name == "failures" and account.isdigit():
        return "account", int(account)
    return "", None


# --- what people do on the publish log ----------------------------------------------------------


def retry_target(target: PostTarget, *, by: User) -> PostTarget:
    """Send a failed target (or one that needs attention and did not go out) now.

    Keeps the parts of a thread already out. Raises ValidationError when the
    account needs reconnecting first or the target changed meanwhile.
    """
    account = ConnectedAccount.objects.get(pk=target.account_id)
    if not account.is_active:
        raise ValidationError(
            gettext("Reconnect the %(network)s account on the Accounts page first, then retry.")
            % {"network": account.get_network_display()}
        )
    now = timezone.now()
    moved = target.move(
        S.SCHEDULED,
        expected=RETRYABLE_STATES,
        scheduled_at=now,
        due_at=now,
        attempts=0,
        failure_reason="",
        error_message="",
        request_sent_at=None,
        lease_expires_at=None,
        enqueued_at=None,
    )
    if not moved:
        raise ValidationError(gettext("This post changed meanwhile; reload the page to see where it is."))
    logger.info("user %s retried target %s", by.pk, target.pk)
    audit.record_target(Action.TARGET_RETRIED, target, by=by)
    return target


def confirm_published(target: PostTarget, *, by: User, url: str = "") -> PostTarget:
    """A person checked the network: the post needing attention did go out."""
    last_sent = target.attempts_log.exclude(request_sent_at=None).values_list("request_sent_at", flat=True).first()
    moved = target.move(
        S.PUBLISHED,
        expected=[S.NEEDS_ATTENTION],
        published_at=last_sent or timezone.now(),
        metrics_due_at=post_metrics.first_read(last_sent or timezone.now()),
        external_url=url,
        failure_reason="",
        error_message="",
    )
    if not moved:
        raise ValidationError(gettext("This post changed meanwhile; reload the page to see where it is."))
    logger.info("user %s confirmed target %s was published", by.pk, target.pk)
    audit.record_target(Action.TARGET_CONFIRMED, target, by=by, details={"url": url})
    return target


def cancel_target(target: PostTarget, *, by: User) -> PostTarget:
    """Stop a target from going out. A post being sent right now cannot be cancelled."""
    moved = target.move(
        S.CANCELLED,
        expected=list(CANCELLABLE_STATES),
        lease_expires_at=None,
        enqueued_at=None,
    )
    if not moved:
        raise ValidationError(
            gettext("This post is being sent or has already gone out; it can no longer be cancelled.")
        )
    logger.info("user %s cancelled target %s", by.pk, target.pk)
    audit.record_target(Action.TARGET_CANCELLED, target, by=by)
    return target


@dataclass(frozen=True)
class BulkRetry:
    """What :func:`retry_targets` did: the targets sent again, and each one it could not, with why."""

    retried: list[PostTarget]
    refused: list[tuple[PostTarget, str]]


def retry_targets(targets: Iterable[PostTarget], *, by: User) -> BulkRetry:
    """Retry each of ``targets`` through :func:`retry_target`, one at a time, so one that cannot
    go (its account needs reconnecting, it changed meanwhile) does not stop the others.

    The caller has checked that ``by`` may schedule posts in their organization. Safe to run
    twice: a target already retried is refused with "changed meanwhile".
    """
    retried: list[PostTarget] = []
    refused: list[tuple[PostTarget, str]] = []
    for target in targets:
        try:
            retried.append(retry_target(target, by=by))
        except ValidationError as error:
            refused.append((target, " ".join(error.messages)))
    return BulkRetry(retried=retried, refused=refused)
