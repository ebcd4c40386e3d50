"""One post going to one connected account, with its own state and schedule.

Every state change is one conditional UPDATE through :meth:`PostTarget.move`,
which refuses transitions the table below does not allow and reports whether
the row was still in a state it may leave: zero rows means another process
got there first, so two deliveries of one task can never both publish.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from posts import metrics


class TargetState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHING = "publishing", _("Publishing")
    PUBLISHED = "published", _("Published")
    FAILED = "failed", _("Failed")
    CANCELLED = "cancelled", _("Cancelled")
    NEEDS_ATTENTION = "needs_attention", _("Needs attention")


S = TargetState
ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    S.DRAFT: frozenset({S.IN_REVIEW, S.SCHEDULED, S.CANCELLED}),
    S.IN_REVIEW: frozenset({S.DRAFT, S.SCHEDULED, S.CANCELLED}),
    # To FAILED without publishing: missed its late window, or the account needs reconnecting.
    S.SCHEDULED: frozenset({S.DRAFT, S.IN_REVIEW, S.PUBLISHING, S.CANCELLED, S.FAILED}),
    # PUBLISHING -> PUBLISHING is a worker taking over an expired lease.
    S.PUBLISHING: frozenset({S.PUBLISHING, S.PUBLISHED, S.FAILED, S.SCHEDULED, S.NEEDS_ATTENTION}),
    S.FAILED: frozenset({S.SCHEDULED, S.DRAFT, S.CANCELLED}),
    # A person decides: it did go out, it did not (retry), or give up (cancel).
    S.NEEDS_ATTENTION: frozenset({S.PUBLISHED, S.SCHEDULED, S.FAILED, S.CANCELLED}),
    S.CANCELLED: frozenset({S.DRAFT}),
    S.PUBLISHED: frozenset(),
}
EDITABLE_STATES = frozenset({S.DRAFT, S.IN_REVIEW, S.SCHEDULED, S.FAILED, S.CANCELLED})
# A target can be deleted with its post while nothing of it ever reached a network.
DELETABLE_STATES = frozenset({S.DRAFT, S.IN_REVIEW, S.CANCELLED, S.FAILED})
# What a person may send again: it did not go out, or nobody knows yet whether it did.
RETRYABLE_STATES = frozenset({S.FAILED, S.NEEDS_ATTENTION})
# Everything that has not gone out and is not going out right now can be stopped.
CANCELLABLE_STATES = frozenset({S.DRAFT, S.IN_REVIEW, S.SCHEDULED, S.FAILED, S.NEEDS_ATTENTION})


#: What ``PostTarget.set_figures`` sets.
FIGURE_FIELDS = ("metrics", "metrics_collected_at", "engagement", "reach")


class IllegalTransition(Exception):
    """A transition the state table does not allow was asked for: a bug, not bad input."""


class FailureReason(models.TextChoices):
    MISSED = "missed", _("Missed its time")
    REJECTED = "rejected", _("Refused by the network")
    AUTH = "auth", _("Account needs reconnecting")
    TRANSIENT = "transient", _("Network kept failing")
    UNKNOWN_OUTCOME = "unknown_outcome", _("Outcome unknown")
    INVALID = "invalid", _("Does not meet the network's rules")


#: What the author can do about each failure, shown under the network's own words.
FAILURE_ADVICE: dict[str, str] = {
    FailureReason.MISSED: _("If it is still timely, retry to send it now, or reschedule it."),
    FailureReason.REJECTED: _("Edit the post so the network accepts it, then retry."),
    FailureReason.AUTH: _("An owner or admin must reconnect the account on the Accounts page; then retry."),
    FailureReason.TRANSIENT: _("The network was having trouble. Retry now or a little later."),
    FailureReason.UNKNOWN_OUTCOME: (
        _("Look at the account on the network. If the post is there, choose “It was published”; if not, retry.")
    ),
    FailureReason.INVALID: _("Edit the post to meet the network's rules, then retry."),
}


class PostTargetQuerySet(models.QuerySet):
    def due(self, now: datetime) -> PostTargetQuerySet:
        """Scheduled targets whose time has come, oldest first (served by ``target_due_idx``)."""
        return self.filter(state=TargetState.SCHEDULED, due_at__lte=now).order_by("due_at")

    def stale_leases(self, now: datetime) -> PostTargetQuerySet:
        """Targets whose publishing worker stopped answering (served by ``target_lease_idx``)."""
        return self.filter(state=TargetState.PUBLISHING, lease_expires_at__lt=now)

    def not_enqueued_since(self, moment: datetime) -> PostTargetQuerySet:
        """Rows no dispatcher has sent a task for after ``moment``: never, or a message presumed lost."""
        return self.filter(Q(enqueued_at__isnull=True) | Q(enqueued_at__lt=moment))

    def for_organization(self, organization) -> PostTargetQuerySet:
        return self.filter(post__organization=organization)

    def did_not_go_out(self) -> PostTargetQuerySet:
        """Failed targets and those whose outcome a person must check: the failure centre's list."""
        return self.filter(state__in=RETRYABLE_STATES)


class PostTarget(models.Model):
    post = models.ForeignKey("posts.Post", on_delete=models.CASCADE, related_name="targets")
    # RESTRICT, not PROTECT: an account with posts cannot be deleted on its own (it is disconnected
    # instead), but deleting its organization deletes the posts and their targets with it.
    account = models.ForeignKey("accounts.ConnectedAccount", on_delete=models.RESTRICT, related_name="targets")
    text_override = models.TextField(blank=True, help_text=_("Empty: the post's text."))
    options = models.JSONField(default=dict, blank=True, help_text=_("This network's options."))
    state = models.CharField(max_length=20, choices=TargetState.choices, default=TargetState.DRAFT)
    # The time the user chose (or the queue slot); stays put across retries.
    scheduled_at = models.DateTimeField(null=True, blank=True)
    # When the dispatcher should next pick it up: scheduled_at, or a retry time.
    due_at = models.DateTimeField(null=True, blank=True)
    is_queued = models.BooleanField(default=False, help_text=_("Placed in a posting-schedule slot."))
    attempts = models.PositiveIntegerField(
        default=0, help_text=_("Sends that failed or are in flight; not rate limits.")
    )
    # When the dispatcher last sent a publish task for this row; cleared when a worker claims it.
    # A row still scheduled long after this lost its message (a broker restart) and is sent again.
    enqueued_at = models.DateTimeField(null=True, blank=True)
    lease_expires_at = models.DateTimeField(null=True, blank=True)
    # Set just before the create request leaves and cleared when its answer is recorded:
    # if a worker dies in between, we must look on the network before posting again.
    request_sent_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    external_id = models.CharField(max_length=200, blank=True)
    external_url = models.URLField(max_length=1000, blank=True)
    # Parts of an X thread already out, so a retry continues instead of reposting the head.
    published_parts = models.JSONField(default=list, blank=True)
    # The fingerprint of the texts this target would send, taken when it was scheduled if the
    # privacy scan found nothing in them (``posts.privacy.scanned_clean_digest``): the engine does
    # not scan those very texts again before sending. Any other texts, or rules, are scanned.
    texts_scanned_clean = models.CharField(max_length=64, blank=True, default="")
    failure_reason = models.CharField(max_length=20, choices=FailureReason.choices, blank=True)
    error_message = models.TextField(blank=True, help_text=_("In words the author can act on."))
    # The latest figures the network gave for it (``analytics`` keeps the history), and when the
    # next read is due: about 1 h, 24 h, 7 and 30 days after publishing, then never.
    metrics = models.JSONField(default=dict, blank=True)
    metrics_collected_at = models.DateTimeField(null=True, blank=True)
    metrics_due_at = models.DateTimeField(null=True, blank=True)
    # Two of those figures as numbers, for the Analytics page to sum without reading JSON: set
    # with them by ``set_figures`` (definitions in ``posts.metrics``). Reach is null when the
    # network gave none; engagement is 0 until the first read.
    engagement = models.BigIntegerField(default=0)
    reach = models.BigIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PostTargetQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "account"], name="one_target_per_account")]
        indexes = [
            # The dispatcher's query: its cost follows the number due, not the number stored.
            models.Index(fields=["due_at"], condition=Q(state="scheduled"), name="target_due_idx"),
            models.Index(fields=["lease_expires_at"], condition=Q(state="publishing"), name="target_lease_idx"),
            models.Index(fields=["account", "scheduled_at"], name="target_account_time_idx"),
            models.Index(fields=["metrics_due_at"], condition=Q(state="published"), name="target_metrics_due_idx"),
            # The navigation's two badges, counted on every page: without these each count read
            # every target of every organization to find the few waiting or failed.
            models.Index(fields=["post"], condition=Q(state=S.IN_REVIEW), name="target_in_review_idx"),
            models.Index(
                fields=["post"], condition=Q(state__in=sorted(RETRYABLE_STATES)), name="target_did_not_go_out_idx"
            ),
            # The Analytics page: published targets in a range of days, with what its sums read
            # (PostgreSQL uses it for a month; an (account, published_at) index it left unused).
            models.Index(
                fields=["published_at"],
                include=["account", "engagement", "reach", "post"],
                condition=Q(state="published"),
                name="target_published_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.post} → {self.account} ({self.get_state_display()})"

    def set_figures(self, values: dict[str, Any], *, network: str, collected_at: datetime) -> None:
        """Keep the latest figures ``network`` gave, with the engagement and reach they make
        (``posts.metrics``); the caller saves ``FIGURE_FIELDS``."""
        self.metrics = values
        self.metrics_collected_at = collected_at
        self.engagement = metrics.engagement(network, values)
        self.reach = metrics.reach(network, values)

    @property
    def text(self) -> str:
        return self.text_override or self.post.text

    @property
    def is_editable(self) -> bool:
        return self.state in EDITABLE_STATES

    @property
    def is_cancellable(self) -> bool:
        """Whether ``cancel_target`` may stop it: the page offers Cancel exactly then."""
        return self.state in CANCELLABLE_STATES

    @property
    def is_deletable(self) -> bool:
        """Whether the target may go with its post: nothing of it is scheduled or reached a network."""
        return self.state in DELETABLE_STATES and not self.external_id and not self.published_at

    @property
    def is_retryable(self) -> bool:
        return self.state in RETRYABLE_STATES

    @property
    def fix(self) -> str:
        """What gets a target that did not go out on its way: "check" on the network whether it
        went out after all, "reconnect" its account, "edit" the post, or "retry"; "" for the others.
        Reads ``account``: select it with the target."""
        if not self.is_retryable:
            return ""
        if self.state == S.NEEDS_ATTENTION or self.failure_reason == FailureReason.UNKNOWN_OUTCOME:
            return "check"
        if not self.account.is_active:
            return "reconnect"
        if self.failure_reason in (FailureReason.REJECTED, FailureReason.INVALID):
            return "edit"
        return "retry"

    @property
    def failure_advice(self) -> str:
        return FAILURE_ADVICE.get(self.failure_reason, "")

    def move(self, to: str, *, expected: Iterable[str] | None = None, where: Q | None = None, **fields: Any) -> bool:
        """Compare-and-set the state to ``to`` (and ``fields``), only where the row is still
        in one of ``expected`` (default: every state allowed to reach ``to``) and matches
        ``where`` (e.g. ``Q(lease_expires_at__lt=now)`` to take over an expired lease).

        Returns False, changing nothing, when another process moved the row first.
        Raises IllegalTransition for a transition the table forbids. Safe to call twice.
        """
        allowed_sources = {state for state, targets in ALLOWED_TRANSITIONS.items() if to in targets}
        sources = set(expected) if expected is not None else allowed_sources
        if not sources or not sources <= allowed_sources:
            raise IllegalTransition(f"{sorted(sources - allowed_sources) or 'nothing'} → {to} is not allowed.")
        fields["updated_at"] = timezone.now()
        rows = type(self).objects.filter(pk=self.pk, state__in=sources)
        if where is not None:
            rows = rows.filter(where)
        updated = rows.update(state=to, **fields)
        if updated:
            self.state = to
            for name, value in fields.items():
                setattr(self, name, value)
        return bool(updated)
