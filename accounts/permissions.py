"""The one place that knows which role may do what.

Views, the API, services and templates all ask this module; nobody checks a
role by hand. Two rules hold everywhere:

* Not a member of the object's organization: ``Http404``. A 403 would confirm
  to an outsider that the object exists.
* A member whose role does not allow the action: ``PermissionDenied`` (403).
* A member of an organization that requires two-factor authentication, signed
  in without it: ``PermissionDenied`` too, for every action but switching
  away and leaving. The two-factor middleware guards the active organization;
  this guards the others, reached by URL or chosen in a form (an API token's
  organization) while another one is active. An action that needs this guard
  must go through ``require``/``get_object``/``can`` with the request's user.

Functions take querysets, so ``accounts`` never imports ``posts`` or any other
app that builds on it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework.permissions import BasePermission

from accounts.models import Membership, Organization, Role, User

OWNER, ADMIN, EDITOR, CONTRIBUTOR, VIEWER = Role.OWNER, Role.ADMIN, Role.EDITOR, Role.CONTRIBUTOR, Role.VIEWER
EVERYONE = frozenset(Role)

#: Action → roles allowed to perform it. Add new actions here, never elsewhere.
POLICY: dict[str, frozenset[Role]] = {
    # The organization itself.
    "org.view": EVERYONE,
    "org.edit": frozenset({OWNER, ADMIN}),
    "org.delete": frozenset({OWNER}),
    "org.manage_members": frozenset({OWNER, ADMIN}),
    # Only an owner can make someone an owner, or change or remove another owner.
    "org.manage_owners": frozenset({OWNER}),
    "org.switch": EVERYONE,
    "org.leave": EVERYONE,
    # Who hears about every post that failed and every account that needs reconnecting.
    "org.alerts": frozenset({OWNER, ADMIN}),
    # Connected social accounts.
    "account.view": EVERYONE,
    "account.connect": frozenset({OWNER, ADMIN}),
    "account.disconnect": frozenset({OWNER, ADMIN}),
    # Posts. Whose posts wait for review, and who may approve them, is the organization's choice
    # within these roles: see ``needs_approval`` and ``may_approve``.
    "post.view": EVERYONE,
    "post.draft": frozenset({OWNER, ADMIN, EDITOR, CONTRIBUTOR}),
    "post.schedule": frozenset({OWNER, ADMIN, EDITOR}),
    "post.delete": frozenset({OWNER, ADMIN, EDITOR}),
    # The most an organization may allow: editors approve only when it says so.
    "post.approve": frozenset({OWNER, ADMIN, EDITOR}),
    # Internal comments: everyone reads them with the post; viewers stay read-only ("sees, cannot act").
    "post.comment": frozenset({OWNER, ADMIN, EDITOR, CONTRIBUTOR}),
    # Posting schedules: their slots, time zone, and pausing a queue.
    "schedule.manage": frozenset({OWNER, ADMIN}),
    # Hashtag sets shared with the whole organization.
    "hashtags.manage": frozenset({OWNER, ADMIN, EDITOR}),
    # The organization's audit trail: the whole history of who did what, and its CSV export.
    "audit.view": frozenset({OWNER, ADMIN}),
    # The privacy guard: publishing a post it blocks takes an owner's or admin's written reason;
    # whoever may write the post may mark one finding "not a patient", with a reason.
    "privacy.release": frozenset({OWNER, ADMIN}),
    "privacy.dismiss": frozenset({OWNER, ADMIN, EDITOR, CONTRIBUTOR}),
    # Campaigns: their dates, hashtags and links; in an association, also the share kits' suggestions.
    "campaign.manage": frozenset({OWNER, ADMIN, EDITOR}),
    # Share kits are open to every member of an association, viewers included: adopting one makes a
    # post in another organization, where that organization's own rules apply.
    "kit.view": EVERYONE,
    # Figures of published posts, and the best times drawn from them.
    "analytics.view": EVERYONE,
    # API tokens: each acts with its user's own role, so every member may make one for themselves.
    "token.create": EVERYONE,
}

#: Actions a member may take before setting up two-factor in an organization that requires it:
#: moving to it (the middleware then leads them to the setup), away from it, or out of it.
BEFORE_TWO_FACTOR = frozenset({"org.switch", "org.leave"})


def _roles_for(action: str) -> frozenset[Role]:
    try:
        return POLICY[action]
    except KeyError:
        # A typo in an action name must fail loudly in tests, not deny (or allow) silently.
        raise KeyError(f"Unknown permission action {action!r}; add it to accounts.permissions.POLICY.") from None


def role_allows(role: str | None, action: str) -> bool:
    """Whether ``role`` (a ``Role`` value, or None for "not a member") may perform ``action``."""
    allowed = _roles_for(action)
    return role is not None and role in allowed


def roles_grantable_by(role: str | None) -> list[str]:
    """The roles a member with ``role`` may give others (in ``Role`` order): every role for an
    owner, all but owner for an admin, none for anyone who cannot manage members."""
    if not role_allows(role, "org.manage_members"):
        return []
    may_grant_owner = role_allows(role, "org.manage_owners")
    return [r for r in Role.values if may_grant_owner or r != OWNER]


def may_manage_member(manager: Membership, member: Membership) -> bool:
    """Whether ``manager`` may change ``member``'s role or remove them. Admins manage everyone but
    owners; nobody manages themselves this way (they leave the organization instead)."""
    if member.user_id == manager.user_id or not role_allows(manager.role, "org.manage_members"):
        return False
    return member.role != OWNER or role_allows(manager.role, "org.manage_owners")


def _org_id(org: Organization | int | None) -> int | None:
    if org is None:
        return None
    return org if isinstance(org, int) else org.pk


def membership_of(user, org: Organization | int | None) -> Membership | None:
    """``user``'s membership in ``org``, or None (also for anonymous users and a missing org)."""
    org_id = _org_id(org)
    if org_id is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    return Membership.objects.select_related("organization").filter(user=user, organization_id=org_id).first()


def lacks_required_two_factor(user, organization: Organization, action: str) -> bool:
    """Whether ``organization`` requires two-factor for ``action`` and ``user`` did not sign in with it.

    Only a user signed in through a request carries ``is_verified`` (set by
    django-otp's middleware); work done for a user outside a request, such as
    a task, is not asked for a code.
    """
    if action in BEFORE_TWO_FACTOR or not organization.requires_two_factor:
        return False
    is_verified = getattr(user, "is_verified", None)
    return callable(is_verified) and not is_verified()


def role_of(user, org: Organization | int | None) -> Role | None:
    """``user``'s role in ``org``, or None when they are not a member."""
    membership = membership_of(user, org)
    return Role(membership.role) if membership else None


def can(user, action: str, org: Organization | int | None) -> bool:
    """Whether ``user`` may perform ``action`` in ``org``."""
    _roles_for(action)  # validate the action name even for anonymous users
    membership = membership_of(user, org)
    if membership is None or lacks_required_two_factor(user, membership.organization, action):
        return False
    return role_allows(membership.role, action)


def require(user, action: str, org: Organization | int | None) -> Membership:
    """Return ``user``'s membership in ``org`` if their role allows ``action``.

    Raises Http404 when they are not a member, PermissionDenied when their
    role does not allow it or the organization requires two-factor
    authentication they did not sign in with.
    """
    _roles_for(action)
    membership = membership_of(user, org)
    if membership is None:
        raise Http404(_("No such organization."))
    if not role_allows(membership.role, action):
        raise PermissionDenied(_("Your role (%(role)s) does not allow this.") % {"role": membership.get_role_display()})
    if lacks_required_two_factor(user, membership.organization, action):
        raise PermissionDenied(
            _(
                "%(organization)s requires two-factor authentication. Switch to it to set it up, or "
                "sign in with your authenticator code."
            )
            % {"organization": membership.organization}
        )
    return membership


def _member_filter(user, org_field: str) -> dict[str, Any]:
    prefix = f"{org_field}__" if org_field else ""
    return {f"{prefix}memberships__user": user}


def visible_to(user, queryset: models.QuerySet | models.Manager, *, org_field: str = "organization"):
    """Only the rows of ``queryset`` that belong to organizations ``user`` is a member of.

    ``org_field`` is the path from the row to its organization
    ("organization", "post__organization"); "" when the rows are organizations.
    """
    queryset = queryset.all()
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return queryset.none()
    # A user has at most one membership per organization, so the join adds no duplicates.
    return queryset.filter(**_member_filter(user, org_field))


def _resolve_org_id(obj: models.Model, org_field: str) -> int:
    if not org_field:
        return obj.pk
    *path, last = org_field.split("__")
    for step in path:
        obj = getattr(obj, step)
    return getattr(obj, f"{last}_id")


def get_object(
    user,
    queryset: models.QuerySet | models.Manager,
    pk: Any,
    action: str,
    org_field: str = "organization",
    *,
    lookup: str = "pk",
):
    """Fetch the row ``pk`` from ``queryset`` for ``user`` to perform ``action`` on.

    Raises Http404 if it does not exist or belongs to an organization the user
    is not a member of (the two are indistinguishable from outside), and
    PermissionDenied if the user's role there does not allow ``action``.
    """
    _roles_for(action)
    try:
        obj = visible_to(user, queryset, org_field=org_field).get(**{lookup: pk})
    except (models.ObjectDoesNotExist, ValueError, TypeError, ValidationError):
        # A malformed id is as unknown as a missing one.
        raise Http404(_("Not found.")) from None
    require(user, action, _resolve_org_id(obj, org_field))
    return obj


def active_organization(request) -> Organization:
    """The organization the signed-in person is working in (set by ``ActiveOrganizationMiddleware``).

    Raises Http404 for someone who belongs to no organization yet: there is nothing to show them.
    """
    if request.organization is None:
        raise Http404(_("You do not belong to an organization yet."))
    return request.organization


def get_organization(user, slug: str, action: str) -> Organization:
    """The organization with ``slug`` if ``user`` may perform ``action`` there (404 / 403 otherwise)."""
    return get_object(user, Organization.objects, slug, action, org_field="", lookup="slug")


def organizations_where(user, action: str) -> models.QuerySet:
    """The organizations in which ``user`` may perform ``action``: for choosers and filters."""
    roles = [str(r) for r in _roles_for(action)]
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Organization.objects.none()
    return Organization.objects.filter(memberships__user=user, memberships__role__in=roles)


def members_who_may(action: str, org: Organization | int) -> models.QuerySet[User]:
    """The active users whose role in ``org`` allows ``action``: who to tell when it needs doing.

    Two-factor is not asked: this chooses whom to tell, outside any request.
    """
    roles = [str(r) for r in _roles_for(action)]
    members = Membership.objects.filter(organization_id=_org_id(org), role__in=roles)
    return User.objects.filter(is_active=True, pk__in=members.values("user_id"))


# --- approvals ------------------------------------------------------------------------------------


def needs_approval(role: str | None, organization: Organization) -> bool:
    """Whether posts scheduled by someone with ``role`` wait for a reviewer in ``organization``.

    Its "approval required for" setting: contributors (those who may not schedule; the
    default), everyone, or nobody."""
    rule = organization.approval_required_for
    if rule == Organization.ApprovalRequired.NOBODY:
        return False
    if rule == Organization.ApprovalRequired.EVERYONE:
        return True
    return not role_allows(role, "post.schedule")


def user_needs_approval(user, organization: Organization) -> bool:
    """``needs_approval`` for ``user``'s role in ``organization``."""
    return needs_approval(role_of(user, organization), organization)


def approver_roles(organization: Organization) -> frozenset[Role]:
    """Who may approve in ``organization``: owners and admins, and editors when it allows them."""
    roles = _roles_for("post.approve")
    return roles if organization.editors_may_approve else roles - {EDITOR}


def may_approve(user, organization: Organization, *, author_id: int | None) -> bool:
    """Whether ``user`` may approve, send back or reject a post by ``author_id`` in ``organization``."""
    try:
        require_approver(user, organization, author_id=author_id)
    except (PermissionDenied, Http404):
        return False
    return True


def approval_checker(
    user, organization: Organization, *, membership: Membership | None = None
) -> Callable[[int | None], bool]:
    """``may_approve`` for many posts of one organization (a review page, a calendar range).

    Asks the database once, or never when given ``membership``: ``user``'s membership in
    ``organization`` that the caller already checked with ``require`` in this request (which
    also checked two-factor, asked the same way for every action but switching and leaving)."""
    if membership is None:
        membership = membership_of(user, organization)
        if membership is None or lacks_required_two_factor(user, organization, "post.approve"):
            return lambda author_id: False
    return lambda author_id: _approval_refused(membership, organization, author_id=author_id) is None


def _approval_refused(membership: Membership, organization: Organization, *, author_id: int | None) -> str | None:
    """Why ``membership`` may not decide on a post by ``author_id``, or None when it may."""
    if not role_allows(membership.role, "post.approve") or membership.role not in approver_roles(organization):
        return _("Your role (%(role)s) may not approve posts here.") % {"role": membership.get_role_display()}
    if author_id == membership.user_id and not organization.may_approve_own_posts:
        return _("Someone else must approve your own post.")
    return None


def require_approver(user, organization: Organization, *, author_id: int | None) -> Membership:
    """``user``'s membership if they may decide on a post by ``author_id``: Http404 for an
    outsider, PermissionDenied for a role the organization does not let approve, and for
    the author themselves unless the organization lets people approve their own posts."""
    membership = require(user, "post.approve", organization)
    refused = _approval_refused(membership, organization, author_id=author_id)
    if refused:
        raise PermissionDenied(refused)
    return membership


def approvers_of(organization: Organization, *, author_id: int | None) -> models.QuerySet[User]:
    """The active members who may decide on a post by ``author_id``: whom to ask for a review."""
    members = Membership.objects.filter(
        organization=organization, role__in=[str(role) for role in approver_roles(organization)]
    )
    users = User.objects.filter(is_active=True, pk__in=members.values("user_id"))
    if not organization.may_approve_own_posts and author_id is not None:
        users = users.exclude(pk=author_id)
    return users


class OrganizationPermission(BasePermission):
    """DRF: ask the policy for ``action`` (see ``allows``).

    ``has_permission`` checks the organization the view acts in, found by
    ``view.get_organization()`` when the view defines it (list and create
    endpoints); ``has_object_permission`` checks the object's organization,
    following ``view.org_field`` (default "organization"). An object of an
    organization the user is not in answers 404, as everywhere else. Prefer
    filtering the view's queryset with ``visible_to`` as well, so lists never
    show other organizations' rows.
    """

    action: str = ""

    def has_permission(self, request, view) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        get_org = getattr(view, "get_organization", None)
        if get_org is None:
            return True
        require(request.user, self.action, get_org())
        return True

    def has_object_permission(self, request, view, obj) -> bool:
        org_field = getattr(view, "org_field", "organization")
        require(request.user, self.action, _resolve_org_id(obj, org_field))
        return True


def allows(action: str) -> type[OrganizationPermission]:
    """A DRF permission class for ``action``: ``permission_classes = [allows("post.schedule")]``."""
    _roles_for(action)
    return type(f"Allows_{action.replace('.', '_')}", (OrganizationPermission,), {"action": action})
