"""Acting on several posts at once: reschedule by an offset, move to a campaign, cancel, delete.

Each post goes through the single-post service the page's own buttons use
(``posts.services.reschedule_target``, ``update_post``, ``delete_draft``,
``scheduler.services.cancel_target``), so audit, approval and privacy rules hold as they do one
by one. One post that cannot change does not stop the others: the result lists each refusal with
its reason. ``plan_bulk`` counts what would change, for the page's "this changes N posts".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts import permissions
from accounts.models import Organization, User
from audit import services as audit
from audit.models import Action
from campaigns.models import Campaign
from posts import services as post_services
from posts.models import Post, PostTarget, TargetState
from scheduler import services as scheduler_services

RESCHEDULE, MOVE, CANCEL, DELETE = "reschedule", "move", "cancel", "delete"
ACTIONS = (RESCHEDULE, MOVE, CANCEL, DELETE)
#: Bulk delete takes drafts and scheduled posts only: nothing that is publishing or has gone out.
DELETABLE = frozenset({TargetState.DRAFT, TargetState.IN_REVIEW, TargetState.SCHEDULED, TargetState.CANCELLED})
#: The action's permission, checked once for the whole selection.
PERMISSION = {RESCHEDULE: "post.draft", MOVE: "post.draft", CANCEL: "post.schedule", DELETE: "post.draft"}


@dataclass
class BulkResult:
    changed: list[Post] = field(default_factory=list)
    refused: list[tuple[Post, str]] = field(default_factory=list)


def selected_posts(organization: Organization, ids: Iterable[int]) -> list[Post]:
    """The posts of ``organization`` among ``ids`` (another organization's ids are left out)."""
    return list(
        Post.objects.filter(organization=organization, pk__in=list(ids))
        .select_related("organization", "author", "campaign")
        .prefetch_related("targets__account")
        .order_by("pk")
    )


def _targets(post: Post, states: Iterable[str]) -> list[PostTarget]:
    states = set(states)
    return [target for target in post.targets.all() if target.state in states]


def would_change(post: Post, action: str) -> bool:
    """Whether ``action`` has something to do on ``post`` (the confirmation's count)."""
    if action == RESCHEDULE:
        return any(t.scheduled_at for t in _targets(post, post_services.RESCHEDULABLE_STATES))
    if action == CANCEL:
        return bool(_targets(post, [TargetState.IN_REVIEW, TargetState.SCHEDULED]))
    if action == DELETE:
        return all(target.state in DELETABLE for target in post.targets.all())
    return True


def plan_bulk(posts: list[Post], *, action: str) -> int:
    return sum(1 for post in posts if would_change(post, action))


def _reschedule(post: Post, *, by: User, offset: timedelta) -> None:
    targets = [t for t in _targets(post, post_services.RESCHEDULABLE_STATES) if t.scheduled_at]
    if not targets:
        raise ValidationError(_("It has no time to move (a draft without a time, or already out)."))
    with transaction.atomic():
        for target in targets:
            post_services.reschedule_target(target, at=target.scheduled_at + offset, by=by)


def _move(post: Post, *, by: User, campaign: Campaign | None) -> None:
    if post.author_id != by.pk and not permissions.can(by, "post.schedule", post.organization_id):
        raise PermissionDenied(_("Contributors can change only their own posts."))
    before = post.campaign.slug if post.campaign else ""
    after = campaign.slug if campaign else ""
    if before == after:
        return
    Post.objects.filter(pk=post.pk).update(campaign=campaign)
    audit.record_post(Action.POST_EDITED, post, by=by, details={"campaign": [before, after]})


def _cancel(post: Post, *, by: User) -> None:
    targets = _targets(post, [TargetState.IN_REVIEW, TargetState.SCHEDULED])
    if not targets:
        raise ValidationError(_("Nothing of it is waiting to go out."))
    with transaction.atomic():
        for target in targets:
            scheduler_services.cancel_target(target, by=by)


def _delete(post: Post, *, by: User) -> None:
    if not all(target.state in DELETABLE for target in post.targets.all()):
        raise ValidationError(_("It is publishing or has gone out; only drafts and scheduled posts can be deleted."))
    with transaction.atomic():
        if _targets(post, [TargetState.IN_REVIEW, TargetState.SCHEDULED]):
            # delete_draft refuses a scheduled post: back to draft first, in the same transaction.
            post_services.update_post(post, by=by, schedule="draft")
        post_services.delete_draft(post, by=by)


def run_bulk(
    posts: list[Post],
    *,
    action: str,
    by: User,
    organization: Organization,
    offset: timedelta | None = None,
    campaign: Campaign | None = None,
) -> BulkResult:
    """Apply ``action`` to each of ``posts`` through the single-post services; a post that cannot
    change is listed in ``refused`` with why. PermissionDenied when the role may not at all."""
    if action not in ACTIONS:
        raise ValidationError(_("Choose what to do with the selected posts."))
    permissions.require(by, PERMISSION[action], organization)
    if action == RESCHEDULE and not offset:
        raise ValidationError({"offset": _("Say by how much to move the posts.")})
    if campaign is not None and campaign.organization_id != organization.pk:
        raise ValidationError({"campaign": _("That campaign is not this organization's.")})
    result = BulkResult()
    for post in posts:
        try:
            if action == RESCHEDULE:
                _reschedule(post, by=by, offset=offset)
            elif action == MOVE:
                _move(post, by=by, campaign=campaign)
            elif action == CANCEL:
                _cancel(post, by=by)
            else:
                _delete(post, by=by)
        except (ValidationError, PermissionDenied) as error:
            reason = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
            result.refused.append((post, reason or _("Your role does not allow this.")))
        else:
            result.changed.append(post)
    return result
