"""One collection round: read the figures of the published targets that are due, and each
account's follower count once a day.

Due targets (``PostTarget.metrics_due_at`` reached; the engine sets the first read an hour after
publishing) are grouped per connected account, so each account is read with its own token and
in as few requests as its network allows (``Adapter.metrics_batch`` ids each). Every target read
gets a ``MetricSnapshot`` and its latest figures on the row (with the engagement and reach they
make, which the Analytics page sums), and its next read moves on (24 h,
7 d, 30 d, then none: ``posts.metrics``). A post the network no longer knows moves on too.

Reads spend their own Redis budgets (``scheduler.budgets.reserve_reads``), never publishing's,
and leave an account alone while publishing waits on its rate limit. A 429 backs that account's
reads off until the network's reset; other failures retry the account later. A round stops
starting new accounts after ``METRICS_ROUND_MAX_S`` so it never holds a worker thread for long;
what is left stays due for the next round.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts import connections
from accounts.models import ConnectedAccount
from analytics.models import FollowerCount, MetricSnapshot
from platforms.base import Adapter, AuthExpired, Credentials, PlatformError, RateLimited
from posts import metrics as post_metrics
from posts.models import FIGURE_FIELDS, PostTarget, TargetState
from scheduler import budgets

logger = logging.getLogger(__name__)

RETRY_AFTER_FAILURE = timedelta(minutes=30)
RETRY_INACTIVE_ACCOUNT = timedelta(days=1)
# A post due this long ago and still waiting for a worker means publishing is behind.
PUBLISHING_BEHIND = timedelta(seconds=1)
PUBLISHING_PAUSE_S = 0.5


@dataclass
class Round:
    """What one round did, for logs, the command's output and bench/metrics.py."""

    accounts: int = 0
    targets_read: int = 0
    snapshots: int = 0
    followers: int = 0
    calls: int = 0  # metrics and follower requests sent (each batch is one)
    postponed: int = 0  # targets left for later: budget, rate limit, failure or the round's time
    yielded_s: float = 0.0  # time the round waited for publishing to catch up
    problems: list[str] = field(default_factory=list)


def round_limit() -> int:
    return int(getattr(settings, "METRICS_ROUND_LIMIT", 20_000))


def round_max_seconds() -> float:
    return float(getattr(settings, "METRICS_ROUND_MAX_S", 120.0))


def due_targets(now: datetime, *, everything: bool = False):
    """The published targets to read now (served by ``target_metrics_due_idx``), or with
    ``everything`` every published target that reached a network, whatever its age."""
    rows = PostTarget.objects.filter(state=TargetState.PUBLISHED).exclude(external_id="")
    if everything:
        return rows.order_by("pk")
    return rows.filter(metrics_due_at__lte=now).order_by("metrics_due_at")


def collect(
    *,
    now: datetime | None = None,
    everything: bool = False,
    max_seconds: float | None = None,
    yield_to_publishing: bool = False,
) -> Round:
    """Run one round. ``everything`` reads every published post (stage "now") and leaves the
    age-based schedule as it is. ``yield_to_publishing`` (rounds on the workers) pauses between
    accounts while posts wait past their time, within the round's time limit."""
    now = now or timezone.now()
    started = time.monotonic()
    limit_s = round_max_seconds() if max_seconds is None else max_seconds
    report = Round()
    rows = due_targets(now, everything=everything).values_list("pk", "account_id", "external_id", "published_at")
    if not everything:
        rows = rows[: round_limit()]
    per_account: dict[int, list[tuple[int, str, datetime]]] = defaultdict(list)
    for pk, account_id, external_id, published_at in rows:
        per_account[account_id].append((pk, external_id, published_at))
    accounts = ConnectedAccount.objects.in_bulk(list(per_account))
    for account_id, targets in per_account.items():
        while yield_to_publishing and time.monotonic() - started <= limit_s and _publishing_is_behind():
            report.yielded_s += PUBLISHING_PAUSE_S
            time.sleep(PUBLISHING_PAUSE_S)  # publishing always wins: its backlog first
        if time.monotonic() - started > limit_s:
            report.postponed += len(targets)  # still due: the next round starts with them
            continue
        _AccountRead(accounts[account_id], targets, now=now, everything=everything, report=report).run()
    for account in accounts.values():
        if time.monotonic() - started <= limit_s:
            _read_followers(account, now=now, report=report)
    logger.info(
        "metrics round: %s targets of %s accounts in %s calls, %s postponed",
        report.targets_read,
        report.accounts,
        report.calls,
        report.postponed,
    )
    return report


def _publishing_is_behind() -> bool:
    """Posts are waiting past their time for a worker (``target_due_idx`` answers it): a round pauses
    between accounts until they are out, so it never takes CPU or connections publishing needs."""
    overdue = timezone.now() - PUBLISHING_BEHIND
    return PostTarget.objects.filter(state=TargetState.SCHEDULED, due_at__lte=overdue).exists()


class _AccountRead:
    """One account's due targets, read in batches with the account's own token."""

    def __init__(self, account: ConnectedAccount, targets, *, now: datetime, everything: bool, report: Round):
        self.account = account
        self.targets = targets
        self.now = now
        self.everything = everything
        self.report = report

    def run(self) -> None:
        report = self.report
        report.accounts += 1
        if not self.account.is_active:
            self.postpone([pk for pk, *_ in self.targets], self.now + RETRY_INACTIVE_ACCOUNT)
            return
        adapter = connections.adapter_for(self.account.network)
        credentials = connections.credentials_for(self.account)
        size = max(adapter.metrics_batch, 1)
        for start in range(0, len(self.targets), size):
            batch = self.targets[start : start + size]
            credentials = self.read_batch(adapter, credentials, batch)
            if credentials is None:  # the account must wait: the rest of its targets too
                self.postpone([pk for pk, *_ in self.targets[start + size :]], self.wait_until)
                return

    def read_batch(self, adapter: Adapter, credentials: Credentials, batch) -> Credentials | None:
        """Read one batch and store it; the credentials for the next batch, or None to stop."""
        pks = [pk for pk, *_ in batch]
        free_at = budgets.reserve_reads(
            self.account.network, account_key=self.account.external_id, app_key=_app_key(self.account), now=self.now
        )
        if free_at is not None:
            self.wait_until = free_at
            self.postpone(pks, free_at)
            return None
        ids = [external_id for _, external_id, _ in batch]
        try:
            self.report.calls += 1
            try:
                figures = adapter.read_metrics(credentials, ids)
            except AuthExpired:
                credentials = self.refreshed(credentials)
                self.report.calls += 1
                figures = adapter.read_metrics(credentials, ids)
        except RateLimited as error:
            budgets.block_reads_until(self.account.network, account_key=self.account.external_id, until=error.retry_at)
            self.wait_until = max(error.retry_at, self.now + timedelta(minutes=1))
            self.postpone(pks, self.wait_until)
            self.report.problems.append(f"{self.account}: rate limited until {error.retry_at:%H:%M}")
            return None
        except PlatformError as error:
            self.wait_until = self.now + RETRY_AFTER_FAILURE
            self.postpone(pks, self.wait_until)
            self.report.problems.append(f"{self.account}: {error}")
            logger.warning("metrics of account %s not read: %s", self.account.pk, type(error).__name__)
            return None
        self.store(batch, figures)
        return credentials

    def refreshed(self, credentials: Credentials) -> Credentials:
        """Refresh the token once, as publishing does; AuthExpired again means reconnecting."""
        self.account = connections.refresh_account_tokens(self.account, rejected_access_token=credentials.access_token)
        return connections.credentials_for(self.account)

    def store(self, batch, figures: dict[str, dict[str, int]]) -> None:
        now = self.now
        snapshots, changed = [], []
        for pk, external_id, published_at in batch:
            values = figures.get(external_id)
            target = PostTarget(pk=pk)
            if self.everything:
                stage, due = MetricSnapshot.Stage.ON_DEMAND, None
            else:
                stage = post_metrics.stage_at(published_at, now)
                due = post_metrics.next_read(published_at, now)
            target.metrics_due_at = due
            if values is not None:
                # Only what the adapter was asked about: an answer can never write another row.
                snapshots.append(MetricSnapshot(target_id=pk, stage=stage, values=values, collected_at=now))
                target.set_figures(values, network=self.account.network, collected_at=now)
            changed.append((target, values is not None))
        with transaction.atomic():
            MetricSnapshot.objects.bulk_create(snapshots)
            read = [t for t, has in changed if has]
            if read:
                fields = [*FIGURE_FIELDS] + ([] if self.everything else ["metrics_due_at"])
                PostTarget.objects.bulk_update(read, fields)
            gone = [t for t, has in changed if not has]
            if gone and not self.everything:
                PostTarget.objects.bulk_update(gone, ["metrics_due_at"])
        self.report.targets_read += len(snapshots)
        self.report.snapshots += len(snapshots)

    def postpone(self, pks: list[int], until: datetime) -> None:
        if not pks:
            return
        self.report.postponed += len(pks)
        if not self.everything:
            PostTarget.objects.filter(pk__in=pks).update(metrics_due_at=until)


def _read_followers(account: ConnectedAccount, *, now: datetime, report: Round) -> None:
    """The account's follower count, once a day: nothing when today's is already stored."""
    today = timezone.localdate(now, timezone=timezone.get_fixed_timezone(0))
    if not account.is_active or FollowerCount.objects.filter(account=account, day=today).exists():
        return
    free_at = budgets.reserve_reads(
        account.network, account_key=account.external_id, app_key=_app_key(account), now=now
    )
    if free_at is not None:
        return
    adapter = connections.adapter_for(account.network)
    report.calls += 1
    try:
        count = adapter.read_followers(connections.credentials_for(account))
    except RateLimited as error:
        budgets.block_reads_until(account.network, account_key=account.external_id, until=error.retry_at)
        return
    except PlatformError as error:
        logger.warning("followers of account %s not read: %s", account.pk, type(error).__name__)
        return
    if count is None:  # the network does not give it for this account type
        return
    try:
        with transaction.atomic():
            FollowerCount.objects.create(account=account, day=today, followers=count, collected_at=now)
    except IntegrityError:  # another round stored today's meanwhile
        return
    report.followers += 1


def _app_key(account: ConnectedAccount) -> str:
    return str(settings.PLATFORMS.get(account.network, {}).get("client_id") or "app")
