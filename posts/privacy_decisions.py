"""What people decide about the privacy guard's findings: releases, "not a patient" marks, the checklist.

* An owner or admin **releases** a post the policy blocks, with a written reason. The release
  lists the blocking findings it was given for (field, category, excerpt); scheduling, approving,
  moving and the engine's last check then let those pass (``posts.privacy.apply_decisions``),
  and a finding typed later blocks again. Anyone else is told who can release it, and may ask them.
* Whoever may write the post **marks one finding** "not a patient" (or "not an identifier")
  with a reason: it no longer warns or blocks for that post, the text unchanged. The marker, an
  owner or an admin may undo it.
* Each user goes through the **pre-publish checklist** once, before scheduling from the composer.

Each decision is a row (``posts.models.privacy``) and an entry in the audit trail.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import permissions
from accounts.models import Membership, Notification, Organization, User
from accounts.notifications import notify
from audit import services as audit
from audit.models import Action
from physsocial import input_rules
from posts import privacy, services
from posts.models import FindingDismissal, Post, PrivacyRelease

MAX_REASON_LENGTH = 2000

# Audit actions of the decisions, named here for the tests and the callers.
RELEASED = Action.PRIVACY_RELEASED
DISMISSED = Action.FINDING_DISMISSED
DISMISSAL_UNDONE = Action.DISMISSAL_UNDONE
RELEASE_ASKED = Action.PRIVACY_RELEASE_ASKED
CHECKLIST_ACKNOWLEDGED = Action.CHECKLIST_ACKNOWLEDGED

#: The pre-publish checklist, from the CMPA's, the provincial colleges' and the University of
#: Toronto's guidance on physicians' use of social media.
CHECKLIST = (
    gettext_lazy("Assume anyone can see it: patients, colleagues, your college, a journalist."),
    gettext_lazy("No patient information or images without the patient's written consent."),
    gettext_lazy("No medical advice to one person: point them to their own doctor or a clinic."),
    gettext_lazy("Disclose any commercial interest: a sponsor, a product, a discount code."),
    gettext_lazy("Be courteous, to colleagues and to the public, even when you disagree."),
    gettext_lazy("You cannot take it back: a deleted post may already be copied and shared."),
)


def _clean_reason(value: Any, *, missing: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError({"reason": missing}, code="required")
    value = value.strip().replace("\r\n", "\n")
    if len(value) > MAX_REASON_LENGTH:
        raise ValidationError(
            {"reason": _("Keep it under %(count)s characters.") % {"count": f"{MAX_REASON_LENGTH:,}"}}
        )
    try:
        input_rules.check_text(value, field=_("The reason"))
    except ValidationError as error:
        raise ValidationError({"reason": error.messages}) from None
    return value


def _sentences(findings: list[privacy.PrivacyFinding]) -> str:
    return "; ".join(finding.sentence() for finding in findings)


# --- what a page shows --------------------------------------------------------------------------------


def findings_of(post: Post) -> list[privacy.PrivacyFinding]:
    """``post``'s findings as saved, with its releases and marks applied."""
    return privacy.check(post.organization, privacy.saved_post_texts(post), post=post)


def blocking_findings(post: Post) -> list[privacy.PrivacyFinding]:
    """What stops ``post`` from being scheduled now: what a release would cover."""
    return [finding for finding in findings_of(post) if finding.blocks]


def releasers(organization: Organization) -> list[User]:
    """The members who may release a post (owners and admins), by name."""
    roles = permissions.POLICY["privacy.release"]
    memberships = Membership.objects.filter(organization=organization, role__in=roles, user__is_active=True)
    return sorted((m.user for m in memberships.select_related("user")), key=lambda user: str(user).lower())


def releasers_words(organization: Organization) -> str:
    """Who can release a post, in a sentence: "Only an owner or admin can release it: Dr. A, Dr. B."."""
    names = ", ".join(str(user) for user in releasers(organization))
    return _("Only an owner or admin of %(organization)s can release it: %(names)s.") % {
        "organization": organization.name,
        "names": names or _("nobody yet"),
    }


def may_undo(dismissal: FindingDismissal, user: User) -> bool:
    """The one who marked the finding, an owner or an admin may undo the mark."""
    return dismissal.marked_by_id == user.pk or permissions.can(user, "privacy.release", dismissal.post.organization_id)


# --- releases -----------------------------------------------------------------------------------------


def release_post(
    post: Post, *, by: User, reason: Any, findings: list[privacy.PrivacyFinding] | None = None
) -> PrivacyRelease:
    """Let ``post`` go out despite the findings the policy blocks in it now, for ``reason``.

    ``findings``: the findings of what is being typed in the composer, when that is what is released
    (by default, the post as saved). Raises PermissionDenied (Http404 for an outsider) unless ``by``
    is an owner or admin; ValidationError for an empty reason, or a post with nothing blocked to
    release. The release covers the blocking findings present now: a finding added later blocks again."""
    permissions.require(by, "privacy.release", post.organization_id)
    reason = _clean_reason(reason, missing=_("Write why this post may go out despite what it holds."))
    blocked = [f for f in findings if f.blocks] if findings is not None else blocking_findings(post)
    if not blocked:
        raise ValidationError(
            _("Nothing in this post is blocked by the privacy policy, so there is nothing to release."),
            code="nothing_to_release",
        )
    covered = [{"field": f.field, "category": f.category, "excerpt": f.excerpt} for f in blocked]
    with transaction.atomic():
        release = PrivacyRelease.objects.create(post=post, released_by=by, reason=reason, findings=covered)
        audit.record_post(RELEASED, post, by=by, details={"reason": reason, "findings": _sentences(blocked)})
    return release


def ask_for_release(post: Post, *, by: User) -> list[User]:
    """Tell the organization's owners and admins that ``by`` asks them to release ``post``;
    returns whom. Raises PermissionDenied unless ``by`` may write posts, ValidationError when
    nothing in the post is blocked. Not idempotent: each call notifies."""
    permissions.require(by, "post.draft", post.organization_id)
    blocked = blocking_findings(post)
    if not blocked:
        raise ValidationError(
            _("Nothing in this post is blocked by the privacy policy, so there is nothing to release."),
            code="nothing_to_release",
        )
    people = [user for user in releasers(post.organization) if user.pk != by.pk]
    notify(
        people,
        organization=post.organization,
        title=gettext_lazy("A post waits for a privacy release"),
        body=lambda: (
            _("%(person)s asks you to release “%(excerpt)s”, which the privacy policy blocks: %(findings)s")
            % {"person": str(by), "excerpt": services.excerpt(post.text), "findings": _sentences(blocked)}
        ),
        link=services._path("post-edit", post.pk),
        kind=Notification.Kind.REVIEW_REQUESTED,
    )
    audit.record_post(RELEASE_ASKED, post, by=by, details={"asked": ", ".join(str(user) for user in people)})
    return people


# --- "not a patient" ----------------------------------------------------------------------------------


def dismiss_finding(post: Post, *, by: User, field: Any, category: Any, excerpt: Any, reason: Any) -> FindingDismissal:
    """Mark one finding of ``post`` "not a patient" (or "not an identifier"): it stops warning
    and blocking for this post; the text is unchanged.

    Raises PermissionDenied unless ``by`` may write this post (contributors only their own);
    ValidationError for an empty reason, a finding the post does not hold, or one marked already."""
    services._may_edit(post, by)
    permissions.require(by, "privacy.dismiss", post.organization_id)
    reason = _clean_reason(reason, missing=_("Say why this is not a patient, so the approvers know."))
    wanted = privacy.decision_key(str(field or ""), str(category or ""), str(excerpt or ""))
    found = next((finding for finding in findings_of(post) if finding.key == wanted), None)
    if found is None:
        raise ValidationError(
            _("This post no longer holds that finding; reload the page to see what it holds now."),
            code="no_such_finding",
        )
    if found.is_dismissed:
        raise ValidationError(_("This finding is already marked; reload the page."), code="already_dismissed")
    try:
        with transaction.atomic():
            dismissal = FindingDismissal.objects.create(
                post=post,
                field=found.field,
                category=found.category,
                excerpt=found.excerpt,
                reason=reason,
                marked_by=by,
            )
            audit.record_post(DISMISSED, post, by=by, details={"finding": found.sentence(), "reason": reason})
    except IntegrityError:  # marked at the same moment by someone else
        raise ValidationError(_("This finding is already marked; reload the page."), code="already_dismissed") from None
    return dismissal


def undo_dismissal(dismissal: FindingDismissal, *, by: User) -> None:
    """Take a "not a patient" mark back: the finding warns or blocks again. Raises
    PermissionDenied unless ``by`` made the mark or is an owner or admin."""
    post = dismissal.post
    own = dismissal.marked_by_id == by.pk
    permissions.require(by, "privacy.dismiss" if own else "privacy.release", post.organization_id)
    with transaction.atomic():
        dismissal.delete()
        audit.record_post(
            DISMISSAL_UNDONE,
            post,
            by=by,
            details={"finding": f"“{dismissal.excerpt}” ({privacy.category_label(dismissal.category)})"},
        )


# --- the checklist ------------------------------------------------------------------------------------


def needs_checklist(user: User) -> bool:
    return user.privacy_checklist_acknowledged_at is None


def acknowledge_checklist(user: User, *, organization: Organization) -> bool:
    """Record that ``user`` went through the pre-publish checklist; once: returns whether it was
    recorded now (a second call, or a second tab, does nothing)."""
    now = timezone.now()
    done = User.objects.filter(pk=user.pk, privacy_checklist_acknowledged_at__isnull=True).update(
        privacy_checklist_acknowledged_at=now
    )
    if done:
        user.privacy_checklist_acknowledged_at = now
        audit.record(CHECKLIST_ACKNOWLEDGED, organization=organization, by=user, subject=str(user))
    return bool(done)
