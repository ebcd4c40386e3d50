"""What people do with their accounts and organizations.

Every function here is the one way to do its thing, whichever door the
request came through (a view, the API, a management command). They raise
``django.core.exceptions.ValidationError`` with a sentence meant for the
physician reading it; views show it next to the field.
"""

from __future__ import annotations

import io
import logging
import secrets
import smtplib
import zoneinfo
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.backends.base import SessionBase
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import EmailMultiAlternatives
from django.core.validators import validate_email
from django.db import IntegrityError, models, router, transaction
from django.db.models.deletion import Collector
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from PIL import Image, ImageCms, ImageOps

from accounts import connections, permissions
from accounts.models import Invitation, Membership, Notification, Organization, Role, User, validate_time_zone
from accounts.notifications import notify, refresh_publish_notices
from audit import services as audit
from audit.models import Action
from physsocial import images
from privacy.text import Category

logger = logging.getLogger(__name__)

SLUG_MAX_LENGTH = Organization._meta.get_field("slug").max_length
#: Slugs that would collide with fixed URLs under organizations/.
RESERVED_SLUGS = frozenset({"new", "switch", "current", "admin", "api", "static", "media"})
#: Where the active organization's id is kept in the session.
ACTIVE_ORGANIZATION_SESSION_KEY = "active_organization_id"
#: Kinds a person may create; the personal one is made by sign_up.
CREATABLE_KINDS = (Organization.Kind.PRACTICE, Organization.Kind.ASSOCIATION)


def _unique_slug(name: str) -> str:
    """A slug made from ``name`` that no organization uses yet ("demo-clinic", "demo-clinic-2", …)."""
    base = slugify(name)[: SLUG_MAX_LENGTH - 6].strip("-") or "organization"
    if base in RESERVED_SLUGS or base.isdigit():
        # Keeps slugs apart from fixed URLs, and from ids (the switcher accepts either).
        base = f"{base}-organization"
    slug, n = base, 1
    while Organization.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _is_valid_email(email: str) -> bool:
    try:
        validate_email(email)
    except ValidationError:
        return False
    return True


@transaction.atomic
def sign_up(
    *,
    email: str,
    password: str,
    display_name: str,
    professional_title: str = "",
    time_zone: str = settings.TIME_ZONE,
) -> User:
    """Create a user and their personal organization, with them as its owner.

    Raises ValidationError (keyed by field) when the e-mail is taken, the
    password is too weak or the time zone is unknown. Not idempotent: a
    second call with the same e-mail fails with "already has an account".
    """
    email = User.objects.canonical_email(email)
    display_name = display_name.strip()
    errors: dict[str, list[str]] = {}
    if not email:
        errors.setdefault("email", []).append("Please enter your e-mail address.")
    elif not _is_valid_email(email):
        errors.setdefault("email", []).append("Please enter a valid e-mail address, such as name@clinic.ca.")
    elif User.objects.filter(email__iexact=email).exists():
        errors.setdefault("email", []).append(
            "An account with this e-mail address already exists. Sign in, or reset your password if you forgot it."
        )
    try:
        validate_time_zone(time_zone)
    except ValidationError as e:
        errors.setdefault("time_zone", []).extend(e.messages)
    candidate = User(email=email, display_name=display_name, professional_title=professional_title.strip())
    try:
        validate_password(password, user=candidate)
    except ValidationError as e:
        errors.setdefault("password", []).extend(e.messages)
    if errors:
        raise ValidationError(errors)

    try:
        user = User.objects.create_user(
            email,
            password,
            display_name=display_name,
            professional_title=professional_title.strip(),
            time_zone=time_zone,
        )
    except IntegrityError as e:
        # Two sign-ups with one address at the same moment: the database decides.
        raise ValidationError({"email": [_("An account with this e-mail address already exists.")]}) from e
    personal = Organization.objects.create(
        name=display_name or email.split("@")[0],
        slug=_unique_slug(display_name or email.split("@")[0]),
        kind=Organization.Kind.PERSONAL,
        time_zone=time_zone,
    )
    Membership.objects.create(organization=personal, user=user, role=Role.OWNER)
    return user


# Organizations ---------------------------------------------------------------------------------------------


def _check_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise ValidationError({"name": [_("Please give the organization a name.")]})
    if len(name) > Organization._meta.get_field("name").max_length:
        raise ValidationError({"name": [_("Please keep the name under 150 characters.")]})
    return name


def _check_time_zone(time_zone: str) -> str:
    try:
        validate_time_zone(time_zone)
    except ValidationError as e:
        raise ValidationError({"time_zone": e.messages}) from None
    return time_zone


@transaction.atomic
def create_organization(
    *,
    name: str,
    by: User,
    kind: str = Organization.Kind.PRACTICE,
    time_zone: str = settings.TIME_ZONE,
) -> Organization:
    """Create a practice or association with ``by`` as its owner.

    Raises ValidationError for an empty name, an unknown time zone, or the
    personal kind (everyone has exactly one, made at sign-up).
    """
    name = _check_name(name)
    if kind not in CREATABLE_KINDS:
        raise ValidationError({"kind": [_("Choose a practice or clinic, or an association.")]})
    _check_time_zone(time_zone)
    organization = Organization.objects.create(name=name, slug=_unique_slug(name), kind=kind, time_zone=time_zone)
    Membership.objects.create(organization=organization, user=by, role=Role.OWNER)
    refresh_publish_notices([organization.pk])  # the founder may want a notice per published post
    logger.info("organization created", extra={"organization_id": organization.pk, "user_id": by.pk})
    return organization


#: The longest side a stored logo keeps: it is shown at a few dozen pixels, so bigger only costs bytes.
LOGO_MAX_EDGE = 1024
#: The most pixels a logo may decode to; a 2 MB file can otherwise unpack into gigabytes (a decompression bomb).
LOGO_MAX_PIXELS = 16_000_000
#: Sniffed format -> (Pillow format, extension): phones' HEIC becomes JPEG, which every browser shows.
_LOGO_OUTPUT = {"jpeg": ("JPEG", "jpg"), "heif": ("JPEG", "jpg"), "png": ("PNG", "png"), "webp": ("WEBP", "webp")}


def _logo_refused(message: str, code: str) -> ValidationError:
    return ValidationError({"logo": [ValidationError(message, code=code)]})


def sanitize_logo(uploaded: UploadedFile) -> ContentFile:
    """The logo re-encoded from its pixels alone, upright, at most LOGO_MAX_EDGE wide or high.

    EXIF (GPS position, camera serials), XMP, comments and the embedded
    colour profile are left behind, as for media uploads; a profile is first
    applied, so the colours stay right in sRGB. The stored name is random.
    Raises ValidationError on ``logo`` with a plain sentence for a file that
    is not a PNG, JPEG, WebP or HEIC image, is damaged, or has too many pixels.
    """
    uploaded.seek(0)
    raw = uploaded.read()
    sniffed = images.sniff(raw[:64])
    if sniffed.format not in _LOGO_OUTPUT:
        what = (
            _("This file is %(what)s.") % {"what": sniffed.description}
            if sniffed.description
            else _("This file is not an image PhysSocial can use.")
        )
        if sniffed.format == "gif":
            what = _("GIF images are not used for logos.")
        raise _logo_refused(what + " " + _("Please choose a PNG, JPEG or WebP image."), "unsupported")
    too_big = _logo_refused(
        _("This image has more than %(count)s million pixels, more than a logo needs. Resize it and try again.")
        % {"count": LOGO_MAX_PIXELS // 1_000_000},
        "too_many_pixels",
    )
    damaged = _logo_refused(
        _("This image could not be read: the file looks damaged or incomplete. Try exporting it again."), "corrupt"
    )
    pil_format, extension = _LOGO_OUTPUT[sniffed.format]
    try:
        with images.guarded_pillow():
            image = Image.open(io.BytesIO(raw), formats=[images.IMAGE_FORMATS[sniffed.format]])
            if image.width * image.height > LOGO_MAX_PIXELS:
                raise too_big
            image.load()
            image = _in_srgb(image)
            image = ImageOps.exif_transpose(image)
            image.thumbnail((LOGO_MAX_EDGE, LOGO_MAX_EDGE))
            data = images.encode(images.pixels_only(image), pil_format)
    except images.TooManyPixels:
        raise too_big from None
    except images.DamagedImage:
        raise damaged from None
    return ContentFile(data, name=f"{secrets.token_urlsafe(12)}.{extension}")


def _in_srgb(image: Image.Image) -> Image.Image:
    """The image converted from its embedded ICC profile to sRGB (unchanged without one), so the
    profile can be dropped without shifting the colours. A profile Pillow cannot read is dropped as is."""
    profile = image.info.get("icc_profile")
    if not profile or image.mode not in ("RGB", "RGBA", "L", "CMYK"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        output_mode = "RGBA" if image.mode == "RGBA" else "RGB"
        converted = ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"), outputMode=output_mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        logger.info("logo: unreadable colour profile, dropped", exc_info=True)
        return image
    converted.info = {k: v for k, v in image.info.items() if k != "icc_profile"}
    return converted


_KEEP = object()


@transaction.atomic
def update_organization(
    organization: Organization,
    *,
    by: User,
    name: str | None = None,
    time_zone: str | None = None,
    logo: UploadedFile | None | object = _KEEP,
    requires_two_factor: bool | None = None,
    alt_text_required: bool | None = None,
    late_window_minutes: int | None = None,
    approval_required_for: str | None = None,
    editors_may_approve: bool | None = None,
    may_approve_own_posts: bool | None = None,
    privacy_policy: dict[str, str] | None = None,
) -> Organization:
    """Change an organization's details; arguments left out stay as they are.

    ``logo=None`` removes the logo. The slug never changes, so links keep
    working after a rename. Raises PermissionDenied (or Http404) unless
    ``by`` may edit the organization, ValidationError for bad values.
    """
    permissions.require(by, "org.edit", organization)
    before = audit.organization_settings(organization)
    if name is not None:
        organization.name = _check_name(name)
    if time_zone is not None:
        organization.time_zone = _check_time_zone(time_zone)
    if requires_two_factor is not None:
        organization.requires_two_factor = requires_two_factor
    if alt_text_required is not None:
        organization.alt_text_required = alt_text_required
    if late_window_minutes is not None:
        if late_window_minutes < 1:
            raise ValidationError({"late_window_minutes": _("The late window must be at least one minute.")})
        organization.late_window_minutes = late_window_minutes
    if approval_required_for is not None:
        organization.approval_required_for = approval_required_for  # full_clean checks the choice
    if editors_may_approve is not None:
        organization.editors_may_approve = editors_may_approve
    if may_approve_own_posts is not None:
        organization.may_approve_own_posts = may_approve_own_posts
    if privacy_policy is not None:
        if set(privacy_policy) - set(Category) or set(privacy_policy.values()) - {"block", "warn"}:
            raise ValidationError(
                {"privacy_blocked": _("Choose, for each kind of finding, to block the post or only to warn.")}
            )
        organization.privacy_policy = dict(privacy_policy)
    old_logo = organization.logo.name if organization.logo else ""
    if logo is None:
        organization.logo = None
    elif logo is not _KEEP:
        organization.logo = sanitize_logo(logo)
    organization.full_clean()
    organization.save()
    audit.record_settings_change(organization, before=before, by=by)
    if old_logo and old_logo != organization.logo.name:
        # Only after the row points at the new file, so a failed save never loses the logo in use.
        storage = organization.logo.storage
        transaction.on_commit(lambda: storage.delete(old_logo))
    return organization


@dataclass(frozen=True)
class OrganizationDeletion:
    """What deleting an organization did: its name, and the accounts whose access the network did not end."""

    name: str
    not_revoked: list[connections.Revocation]


def _stored_files(collector: Collector) -> set[tuple[Storage, str]]:
    """Every file a FileField of a row about to be deleted points at (logos, media, renditions).

    Read from the deletion collector, so ``accounts`` finds the media of
    ``posts`` without importing it (the dependency points the other way).
    """
    files: set[tuple[Storage, str]] = set()
    for model, instances in collector.data.items():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                files.update((field.storage, getattr(row, field.attname).name) for row in instances)
    for queryset in collector.fast_deletes:
        for field in queryset.model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                files.update((field.storage, name) for name in queryset.values_list(field.attname, flat=True))
    return {(storage, name) for storage, name in files if name}


def _delete_stored_files(files: set[tuple[Storage, str]]) -> None:
    for storage, name in files:
        try:
            storage.delete(name)
        except Exception:
            # The rows are gone already; a file left behind is logged for the operator, not an error page.
            logger.exception("could not delete a stored file of a deleted organization")


def delete_organization(organization: Organization, *, by: User, confirm_name: str) -> OrganizationDeletion:
    """Delete ``organization`` and everything in it, after ending its connected accounts' access.

    Owners only (PermissionDenied, or Http404 for a non-member). ``confirm_name``
    must be the organization's name as typed by the person (ValidationError
    on ``confirm_name`` otherwise). A personal organization cannot be deleted
    while it is the only one ``by`` belongs to: PhysSocial would have nowhere
    to put their work, and a personal space cannot be made again.

    Network tokens are revoked first, outside the transaction; a revocation
    that fails is returned (and told to ``by`` in a notification) but does not
    stop the deletion: the tokens are deleted here anyway. Then posts, media
    (rows and stored files), connected accounts, memberships, invitations, API
    tokens, schedules and notifications go in one transaction; the files go
    once it commits. Not idempotent: a second call finds nothing (Http404).
    """
    permissions.require(by, "org.delete", organization)
    if " ".join(confirm_name.split()) != " ".join(organization.name.split()):
        raise ValidationError(
            {
                "confirm_name": [
                    _("Type the organization's name, %(name)s, exactly as it is shown, to confirm.")
                    % {"name": organization.name}
                ]
            }
        )
    if (
        organization.kind == Organization.Kind.PERSONAL
        and not Membership.objects.filter(user=by).exclude(organization=organization).exists()
    ):
        raise ValidationError(
            _(
                "%(name)s is your personal space and the only organization you belong to, so it cannot be deleted: "
                "PhysSocial would have nowhere to keep your work."
            )
            % {"name": organization.name}
        )
    accounts = list(organization.connected_accounts.shown())
    going = [account.pk for account in accounts]
    revocations = [connections.revoke_account_tokens(account, going_too=going) for account in accounts]
    not_revoked = [revocation for revocation in revocations if not revocation.is_revoked]
    organization_id, name = organization.pk, organization.name
    with transaction.atomic():
        locked = Organization.objects.select_for_update().get(pk=organization_id)
        collector = Collector(using=router.db_for_write(Organization))
        collector.collect([locked])
        files = _stored_files(collector)
        deleted, per_model = locked.delete()
        transaction.on_commit(lambda: _delete_stored_files(files))
    connections.audit_logger.info(
        "organization deleted",
        extra={
            "event": "org.delete",
            "organization_id": organization_id,
            "organization_name": name,
            "user_id": by.pk,
            "rows_deleted": per_model,
            "files_deleted": len(files),
            "accounts_revoked": [r.account_id for r in revocations if r.is_revoked],
            "accounts_not_revoked": [r.account_id for r in not_revoked],
        },
    )
    if not_revoked:
        notify(
            [by],
            organization=None,
            title=lambda: _("%(name)s was deleted; some network access could not be ended") % {"name": name},
            body="\n\n".join(f"{r.account_name}: {r.advice}" for r in not_revoked),
            kind=Notification.Kind.OTHER,
        )
    return OrganizationDeletion(name=name, not_revoked=not_revoked)


def switch_active_organization(*, user: User, organization: Organization, session: SessionBase) -> Membership:
    """Make ``organization`` the one ``user`` works in, in this session and the next ones.

    Raises ValidationError if they are not a member (views fetch the
    organization through ``permissions`` first, so an outsider sees a 404).
    """
    membership = permissions.membership_of(user, organization)
    if membership is None:
        raise ValidationError(_("You are not a member of this organization."))
    session[ACTIVE_ORGANIZATION_SESSION_KEY] = organization.pk
    if user.last_organization_id != organization.pk:
        User.objects.filter(pk=user.pk).update(last_organization=organization)
        user.last_organization = organization
    return membership


def active_membership(*, user: User, session: SessionBase) -> Membership | None:
    """The membership ``user`` works in: the one chosen in this session if they still have it,
    else the one they last chose, else the one they joined last (someone who joins a clinic
    came for the clinic, not for the personal space made at sign-up). None if they have none."""
    if not getattr(user, "is_authenticated", False):
        return None
    memberships = Membership.objects.for_user(user)
    chosen = session.get(ACTIVE_ORGANIZATION_SESSION_KEY)
    if chosen is not None:
        try:
            return memberships.get(organization_id=chosen)
        except (Membership.DoesNotExist, ValueError, TypeError):
            # Removed from it, or it was deleted: fall back and forget the choice.
            session.pop(ACTIVE_ORGANIZATION_SESSION_KEY, None)
    if user.last_organization_id is not None:
        remembered = memberships.filter(organization_id=user.last_organization_id).first()
        if remembered is not None:
            return remembered
    return memberships.order_by("-created_at", "-pk").first()


# Members ---------------------------------------------------------------------------------------------------


def _lock_owners(organization: Organization) -> list[Membership]:
    """The organization's owner memberships, locked so two owners cannot both step down at once."""
    return list(Membership.objects.select_for_update().owners().filter(organization=organization))


def _ensure_not_last_owner(membership: Membership, *, leaving: str) -> None:
    if membership.role != Role.OWNER:
        return
    owners = _lock_owners(membership.organization)
    if len(owners) <= 1:
        raise ValidationError(leaving)


def _ensure_may_touch_owner(by: User, organization: Organization, *roles: str) -> None:
    if Role.OWNER in roles and not permissions.can(by, "org.manage_owners", organization):
        raise ValidationError(_("Only an owner can make someone an owner, or change or remove an owner."))


@transaction.atomic
def change_role(membership: Membership, *, role: str, by: User) -> Membership:
    """Give a member another role.

    Raises ValidationError for an unknown role, when an admin tries to make
    or unmake an owner, or when it would leave the organization without an
    owner. Running it twice with the same role changes nothing.
    """
    organization = membership.organization
    permissions.require(by, "org.manage_members", organization)
    if role not in Role.values:
        raise ValidationError({"role": [_("Choose one of the roles in the list.")]})
    if membership.role == role:
        return membership
    _ensure_may_touch_owner(by, organization, membership.role, role)
    if role != Role.OWNER:
        you = membership.user_id == by.pk
        _ensure_not_last_owner(
            membership,
            leaving=(
                f"You are the only owner of {organization}. Make someone else an owner before you change your role."
                if you
                else f"{membership.user} is the only owner of {organization}. Make someone else an owner first."
            ),
        )
    audit.record_member(
        Action.MEMBER_ROLE_CHANGED, membership, by=by, details={"role": {"before": membership.role, "after": role}}
    )
    membership.role = role
    membership.save(update_fields=["role"])
    logger.info(
        "role changed", extra={"organization_id": organization.pk, "membership_id": membership.pk, "role": role}
    )
    return membership


@transaction.atomic
def remove_member(membership: Membership, *, by: User) -> None:
    """Take someone out of an organization. To remove yourself, use ``leave_organization``.

    Raises ValidationError when an admin tries to remove an owner or when it
    would leave the organization without an owner.
    """
    organization = membership.organization
    permissions.require(by, "org.manage_members", organization)
    if membership.user_id == by.pk:
        raise ValidationError(_("To remove yourself, use “Leave organization”."))
    _ensure_may_touch_owner(by, organization, membership.role)
    _ensure_not_last_owner(
        membership, leaving=f"{membership.user} is the only owner of {organization}. Make someone else an owner first."
    )
    membership.delete()
    audit.record_member(Action.MEMBER_REMOVED, membership, by=by, details={"role": membership.role})
    logger.info("member removed", extra={"organization_id": organization.pk, "user_id": membership.user_id})


@transaction.atomic
def leave_organization(organization: Organization, *, user: User) -> None:
    """Leave an organization.

    Raises ValidationError if ``user`` is its only owner: an organization
    always keeps at least one. Raises Http404 if they are not a member.
    """
    membership = permissions.require(user, "org.leave", organization)
    _ensure_not_last_owner(
        membership,
        leaving=(
            f"You are the only owner of {organization}, so you cannot leave it. Make another member an owner first."
        ),
    )
    membership.delete()
    audit.record_member(Action.MEMBER_LEFT, membership, by=user, details={"role": membership.role})
    logger.info("member left", extra={"organization_id": organization.pk, "user_id": user.pk})


# Invitations -----------------------------------------------------------------------------------------------


def invitation_url(invitation: Invitation) -> str:
    """The absolute link in the invitation e-mail."""
    return settings.PUBLIC_BASE_URL + reverse("invitation-accept", args=[invitation.token])


def invitation_language(invitation: Invitation) -> str:
    """The invitation e-mail's language: the invitee's choice if they already have an account, else
    the language of the request that invites (the inviter's choice, or their browser's)."""
    invitee = User.objects.filter(email__iexact=invitation.email).first()
    return (invitee.language if invitee else "") or translation.get_language() or settings.LANGUAGE_CODE


def _send_invitation_email(invitation: Invitation) -> None:
    message = _invitation_email(invitation)
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as e:
        logger.warning("invitation e-mail failed", extra={"invitation_id": invitation.pk, "error": str(e)})
        raise ValidationError(
            _("We could not send the invitation e-mail just now. Please try again in a few minutes.")
        ) from e


def _invitation_email(invitation: Invitation) -> EmailMultiAlternatives:
    """The invitation e-mail, written in ``invitation_language``."""
    context = {
        "invitation": invitation,
        "organization": invitation.organization,
        "inviter": invitation.invited_by,
        "url": invitation_url(invitation),
        "expires_at": invitation.expires_at,
        "time_zone": invitation.organization.time_zone,
    }
    with translation.override(invitation_language(invitation)):
        context["role"] = invitation.get_role_display()
        subject = render_to_string("emails/invitation_subject.txt", context).strip()
        message = EmailMultiAlternatives(
            subject=" ".join(subject.split()),
            body=render_to_string("emails/invitation.txt", context),
            to=[invitation.email],
        )
        message.attach_alternative(render_to_string("emails/invitation.html", context), "text/html")
    return message


@dataclass(frozen=True)
class InvitationSent:
    invitation: Invitation
    # A pending invitation to the same address was withdrawn: the link e-mailed earlier no longer works.
    withdrew_earlier: bool


@transaction.atomic
def invite_member(organization: Organization, *, email: str, role: str, by: User) -> InvitationSent:
    """Invite ``email`` to join ``organization`` as ``role`` and e-mail them the link.

    A pending invitation for the same address is withdrawn and replaced (and the
    answer says so), so inviting again (to resend, or with another role) is safe. Raises
    ValidationError if the address already belongs to a member, the role is
    not one ``by`` may grant, or the e-mail cannot be sent (nothing is saved then).
    """
    permissions.require(by, "org.manage_members", organization)
    email = User.objects.canonical_email(email)
    if not email:
        raise ValidationError({"email": [_("Please enter the e-mail address to send the invitation to.")]})
    if not _is_valid_email(email):
        raise ValidationError({"email": [_("Please enter a valid e-mail address, such as name@clinic.ca.")]})
    if role not in Role.values:
        raise ValidationError({"role": [_("Choose one of the roles in the list.")]})
    if role == Role.OWNER and not permissions.can(by, "org.manage_owners", organization):
        raise ValidationError({"role": [_("Only an owner can invite another owner.")]})
    if organization.memberships.filter(user__email__iexact=email).exists():
        raise ValidationError(
            {
                "email": [
                    _("%(email)s is already a member of %(organization)s.")
                    % {"email": email, "organization": organization}
                ]
            }
        )

    earlier = list(organization.invitations.pending().filter(email__iexact=email))
    for withdrawn in earlier:
        withdrawn.revoke()
    now = timezone.now()
    invitation = Invitation.objects.create(
        organization=organization,
        email=email,
        role=role,
        invited_by=by,
        created_at=now,
        expires_at=now + timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    _send_invitation_email(invitation)
    audit.record(Action.MEMBER_INVITED, organization=organization, by=by, subject=email, details={"role": role})
    logger.info("invitation sent", extra={"organization_id": organization.pk, "invitation_id": invitation.pk})
    return InvitationSent(invitation=invitation, withdrew_earlier=bool(earlier))


@transaction.atomic
def revoke_invitation(invitation: Invitation, *, by: User) -> None:
    """Withdraw an invitation so its link stops working.

    Safe to run twice. Raises ValidationError if it was already accepted.
    """
    permissions.require(by, "org.manage_members", invitation.organization)
    if invitation.is_used:
        raise ValidationError(
            _("%(email)s already accepted this invitation; remove them as a member instead.")
            % {"email": invitation.email}
        )
    invitation.revoke()


def invitation_problem(invitation: Invitation, *, email: str | None = None) -> str | None:
    """Why ``invitation`` cannot be accepted (by someone signed in as ``email``), or None if it can."""
    organization = invitation.organization
    inviter = invitation.invited_by or "an administrator"
    match invitation.status:
        case Invitation.Status.ACCEPTED:
            return (
                f"This invitation to {organization} has already been used. "
                "If that was you, sign in to find the organization in your list."
            )
        case Invitation.Status.REVOKED:
            return f"This invitation to {organization} was withdrawn. Ask {inviter} to send you a new one."
        case Invitation.Status.EXPIRED:
            expired = timezone.localtime(invitation.expires_at, timezone=zoneinfo.ZoneInfo(organization.time_zone))
            return (
                f"This invitation to {organization} expired on {expired:%B} {expired.day}, {expired.year}. "
                f"Ask {inviter} to send you a new one."
            )
    if email is not None and User.objects.canonical_email(email) != invitation.email.lower():
        return (
            f"This invitation was sent to {invitation.email}, but you are signed in as {email}. "
            f"Sign out and sign in as {invitation.email}, or ask {inviter} to invite {email} instead."
        )
    return None


@transaction.atomic
def accept_invitation(invitation: Invitation, *, user: User) -> Membership:
    """Join the invitation's organization with its role, as ``user``.

    Raises ValidationError, with a sentence saying why, when the invitation
    is expired, used, withdrawn, or for another e-mail address. If ``user``
    is already a member, their role stays as it is and the invitation is
    marked used.
    """
    problem = invitation_problem(invitation, email=user.email)
    if problem:
        raise ValidationError(problem)
    if not invitation.claim(user=user):
        # Someone clicked at the same moment, or it was withdrawn meanwhile.
        invitation.refresh_from_db()
        raise ValidationError(invitation_problem(invitation) or _("This invitation can no longer be used."))
    membership, created = Membership.objects.get_or_create(
        organization=invitation.organization, user=user, defaults={"role": invitation.role}
    )
    if created:
        audit.record_member(Action.MEMBER_JOINED, membership, by=user, details={"role": membership.role})
        refresh_publish_notices([membership.organization_id])
    logger.info(
        "invitation accepted",
        extra={"organization_id": invitation.organization_id, "invitation_id": invitation.pk, "joined": created},
    )
    return membership


@transaction.atomic
def sign_up_and_accept_invitation(
    invitation: Invitation,
    *,
    password: str,
    display_name: str,
    professional_title: str = "",
    time_zone: str = settings.TIME_ZONE,
) -> Membership:
    """Create an account for the invited address and join the organization, all or nothing.

    Raises ValidationError like ``sign_up`` and ``accept_invitation``.
    """
    problem = invitation_problem(invitation)
    if problem:
        raise ValidationError(problem)
    user = sign_up(
        email=invitation.email,
        password=password,
        display_name=display_name,
        professional_title=professional_title,
        time_zone=time_zone,
    )
    return accept_invitation(invitation, user=user)
