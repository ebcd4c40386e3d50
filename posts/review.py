"""Approvals: what waits for review, and a reviewer's three answers.

A post whose author needs approval (``permissions.needs_approval``) is saved with
``in_review`` targets carrying the time the author asked for (see
``services._apply_schedule``). A reviewer (``permissions.require_approver``) then

* approves it: each target is scheduled for the time asked, or the one the reviewer
  gives; a time that has passed must be replaced (ValidationError on ``scheduled_at``);
* requests changes with a comment: the targets go back to drafts for the author;
* rejects it with a reason: the targets are cancelled.

The author hears of each answer through ``accounts.notifications.notify``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import permissions
from accounts.models import Notification, Organization, User
from accounts.notifications import notify
from audit import services as audit
from audit.models import Action
from physsocial import input_rules
from physsocial.networks import network_label
from posts import privacy, services
from posts.models import Post, PostTarget, TargetState
from posts.validation import problem_text

S = TargetState
MAX_COMMENT_LENGTH = 2000


def posts_waiting(organization: Organization) -> QuerySet[Post]:
    """The organization's posts with at least one target in review, oldest request first,
    each with ``in_review`` (those targets, with their accounts)."""
    waiting = PostTarget.objects.filter(state=S.IN_REVIEW).select_related("account").order_by("account__network")
    return (
        Post.objects.filter(organization=organization, targets__state=S.IN_REVIEW)
        .distinct()
        .select_related("author", "organization")
        .prefetch_related(Prefetch("targets", queryset=waiting, to_attr="in_review"))
        .order_by("updated_at", "pk")
    )


def count_waiting(organization: Organization) -> int:
    """How many posts wait for review: one query, for the navigation."""
    return (
        PostTarget.objects.filter(state=S.IN_REVIEW, post__organization=organization)
        .values("post_id")
        .distinct()
        .count()
    )


def asks_for_a_passed_time(targets: Iterable[PostTarget], *, now: datetime | None = None) -> bool:
    """Whether approving ``targets`` as asked would be refused because a time asked for has
    passed (``approve_post``'s rule): the reviewer is then asked for a new time up front."""
    now = now or timezone.now()
    return any(
        not target.is_queued and target.scheduled_at is not None and target.scheduled_at < now - services.PAST_GRACE
        for target in targets
    )


@dataclass(frozen=True)
class PendingDecision:
    """A post waiting for a decision ``user`` may take, as a page offers it."""

    post: Post
    has_passed: bool


def pending_decision(post: Post, *, user: User) -> PendingDecision | None:
    """What a page shows ``user`` about ``post``: None unless it waits for review and they may
    decide on it (``permissions.may_approve``); else whether a new time must be picked. Two queries."""
    waiting = list(post.targets.filter(state=S.IN_REVIEW))
    if not waiting or not permissions.may_approve(user, post.organization, author_id=post.author_id):
        return None
    return PendingDecision(post=post, has_passed=asks_for_a_passed_time(waiting))


def _locked_in_review(post: Post) -> list[PostTarget]:
    targets = list(
        post.targets.select_for_update().filter(state=S.IN_REVIEW).select_related("account", "post__organization")
    )
    if not targets:
        raise ValidationError(
            _("This post no longer waits for review; reload the page to see where it is."), code="not_in_review"
        )
    return targets


def _networks(targets: list[PostTarget]) -> str:
    return ", ".join(sorted({network_label(target.account.network) for target in targets}))


def _clean_words(value: Any, *, field: str, missing: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError({field: missing})
    value = value.strip()
    if len(value) > MAX_COMMENT_LENGTH:
        raise ValidationError({field: _("Keep it under %(count)s characters.") % {"count": f"{MAX_COMMENT_LENGTH:,}"}})
    try:
        input_rules.check_text(value, field=_("The text"))
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from None
    return value.replace("\r\n", "\n")


def approve_post(post: Post, *, by: User, at: datetime | None = None) -> Post:
    """Schedule every in-review target of ``post``: for ``at`` when given, else for the time its
    author asked (a queue slot if they asked for the queue, now if they asked for "now").

    Raises PermissionDenied (Http404 for an outsider) unless ``by`` may approve this author's
    posts; ValidationError (on ``scheduled_at``, code "time_passed") when the time asked has
    passed and no ``at`` is given, when ``at`` is past or beyond the horizon, when a target no
    longer meets its network's rules, or when nothing waits any more (so a second call raises);
    ``posts.privacy.PrivacyBlocked`` (a ValidationError naming the findings) when the privacy
    policy blocks what it holds and no owner or admin released it.
    """
    organization = post.organization
    permissions.require_approver(by, organization, author_id=post.author_id)
    if at is not None:
        services.check_publish_time(at)
    now = timezone.now()
    with transaction.atomic():
        targets = _locked_in_review(post)
        problems = [
            problem_text(problem) for target in targets for problem in services.check_saved_target(target).problems
        ]
        if problems:
            raise ValidationError(problems, code="invalid_target")
        # An approval schedules the post: what the privacy policy blocks, unreleased, is named and refused.
        privacy.refuse_saved_post_if_blocked(post)
        for target in targets:
            if at is not None:
                schedule, when = "at", at
            elif target.is_queued:
                if not services.queue_is_set_up(organization):
                    raise ValidationError(
                        {"scheduled_at": _("The author asked for the queue, which is not set up; pick a time.")}
                    )
                schedule, when = "queue", None
            elif target.scheduled_at is None:
                schedule, when = "now", None
            elif target.scheduled_at < now - services.PAST_GRACE:
                raise ValidationError(
                    {
                        "scheduled_at": _("The time the author asked for (%(when)s) has passed; pick a new time.")
                        % {"when": services.describe_time(target.scheduled_at, time_zone=organization.time_zone)}
                    },
                    code="time_passed",
                )
            else:
                schedule, when = "at", target.scheduled_at
            services._apply_schedule([target], schedule=schedule, scheduled_at=when, by=by, may_schedule=True)
        audit.record_post(Action.POST_APPROVED, post, by=by, details={"networks": _networks(targets)})
    if by.pk != post.author_id:
        times = sorted(target.scheduled_at for target in targets if target.scheduled_at)

        def when_words() -> str:
            return services.describe_time(times[0], time_zone=organization.time_zone) if times else _("now")

        # Functions and lazy strings: written in the author's language (accounts/notifications.py).
        notify(
            [post.author],
            organization=organization,
            title=gettext_lazy("Your post was approved"),
            body=lambda: (
                _("“%(excerpt)s”\n\n%(reviewer)s approved it; it goes out %(when)s (%(networks)s).")
                % {
                    "excerpt": services.excerpt(post.text),
                    "reviewer": str(by),
                    "when": when_words(),
                    "networks": _networks(targets),
                }
            ),
            link=services._path("post-edit", post.pk),
            kind=Notification.Kind.APPROVED,
        )
    return post


def request_changes(post: Post, *, by: User, comment: Any) -> Post:
    """Send ``post`` back to its author as a draft, with ``comment`` saying what to change.

    Same permissions as ``approve_post``; ValidationError for an empty comment or a post
    that no longer waits for review (so a second call raises)."""
    organization = post.organization
    permissions.require_approver(by, organization, author_id=post.author_id)
    comment = _clean_words(comment, field="comment", missing=_("Say what should change, so the author knows."))
    with transaction.atomic():
        targets = _locked_in_review(post)
        services._apply_schedule(targets, schedule="draft", scheduled_at=None, by=by, may_schedule=True)
        audit.record_post(Action.POST_CHANGES_REQUESTED, post, by=by, details={"comment": comment})
    notify(
        [post.author],
        organization=organization,
        title=gettext_lazy("Changes were asked for on your post"),
        body=lambda: (
            _("“%(excerpt)s”\n\n%(reviewer)s asks: %(comment)s\n\nEdit the post and send it for approval again.")
            % {"excerpt": services.excerpt(post.text), "reviewer": str(by), "comment": comment}
        ),
        link=services._path("post-edit", post.pk),
        kind=Notification.Kind.CHANGES_REQUESTED,
    )
    return post


def reject_post(post: Post, *, by: User, reason: Any) -> Post:
    """Cancel every in-review target of ``post``, telling its author ``reason``.

    Same permissions as ``approve_post``; ValidationError for an empty reason or a post
    that no longer waits for review (so a second call raises)."""
    organization = post.organization
    permissions.require_approver(by, organization, author_id=post.author_id)
    reason = _clean_words(reason, field="reason", missing=_("Give the reason, so the author knows."))
    with transaction.atomic():
        for target in _locked_in_review(post):
            if not target.move(S.CANCELLED, expected=[S.IN_REVIEW], due_at=None, is_queued=False):
                raise services._started_publishing(target)
        audit.record_post(Action.POST_REJECTED, post, by=by, details={"reason": reason})
    notify(
        [post.author],
        organization=organization,
        title=gettext_lazy("Your post was rejected"),
        body=lambda: (
            _("“%(excerpt)s”\n\n%(reviewer)s rejected it: %(reason)s")
            % {"excerpt": services.excerpt(post.text), "reviewer": str(by), "reason": reason}
        ),
        link=services._path("post-edit", post.pk),
        kind=Notification.Kind.REJECTED,
    )
    return post
