"""People, the organizations they belong to, and their roles."""

from __future__ import annotations

import secrets
import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext, gettext_lazy

from privacy.text import BLOCK, SEVERITY_DEFAULT, WARN, Category


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            gettext("“%(zone)s” is not a time zone we know; pick one such as America/Toronto.") % {"zone": value}
        )


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    @classmethod
    def canonical_email(cls, email: str) -> str:
        """An address as it is stored and looked up: trimmed and lower-case, so that signing in as
        ``Dr.Ada@Clinic.ca`` finds the account made as ``dr.ada@clinic.ca``."""
        return cls.normalize_email(email.strip()).lower()

    def create_user(self, email: str, password: str | None = None, **fields) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.canonical_email(email), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields) -> User:
        fields.setdefault("is_staff", True)
        fields.setdefault("is_superuser", True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """Someone who signs in with their e-mail address."""

    email = models.EmailField(unique=True)
    display_name = models.CharField(max_length=150, blank=True)
    professional_title = models.CharField(max_length=80, blank=True, help_text=gettext_lazy('For example "MD, FRCPC".'))
    time_zone = models.CharField(max_length=64, default=settings.TIME_ZONE, validators=[validate_time_zone])
    language = models.CharField(
        gettext_lazy("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=gettext_lazy("Empty: the language your browser asks for."),
    )
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)
    # Where the switcher last left them, so the next sign-in opens the same organization.
    last_organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Raised to sign the user out of every session at once (see get_session_auth_hash).
    session_generation = models.PositiveIntegerField(default=0, editable=False)
    # The local day (in time_zone) of the last daily digest claimed for them: one a day, even if
    # two beat runs overlap (scheduler.digest).
    digest_sent_on = models.DateField(null=True, blank=True, editable=False)
    # The professional bodies' pre-publish checklist, shown until the user has read it once.
    privacy_checklist_acknowledged_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    def __str__(self) -> str:
        return self.display_name or self.email

    def get_full_name(self) -> str:
        return self.display_name or self.email

    def get_short_name(self) -> str:
        return self.display_name or self.email.split("@")[0]

    @property
    def written_language(self) -> str:
        """The language PhysSocial writes to them in away from a page they asked for (e-mails,
        notifications, digests): their choice, else the site's default, as no browser is asking."""
        return self.language or settings.LANGUAGE_CODE

    def get_session_auth_hash(self) -> str:
        return self._session_auth_hash(secret=None)

    def get_session_auth_fallback_hash(self):
        for fallback_secret in settings.SECRET_KEY_FALLBACKS:
            yield self._session_auth_hash(secret=fallback_secret)

    def _session_auth_hash(self, *, secret: str | None) -> str:
        """Django's HMAC of the password, which also changes with ``session_generation``.

        Django ends every session whose stored hash no longer matches, as after a
        password change; ``two_factor.end_other_sessions`` uses this. Generation 0
        keeps Django's own value, so adding the field signed nobody out.
        """
        if not self.session_generation:
            return super()._get_session_auth_hash(secret=secret)
        key_salt = "accounts.User.get_session_auth_hash"
        value = f"{self.password}:{self.session_generation}"
        return salted_hmac(key_salt, value, secret=secret, algorithm="sha256").hexdigest()

    @property
    def name_with_title(self) -> str:
        name = self.get_full_name()
        return f"{name}, {self.professional_title}" if self.professional_title else name


class OrganizationQuerySet(models.QuerySet):
    def for_user(self, user) -> OrganizationQuerySet:
        """The organizations ``user`` belongs to, in any role (none for an anonymous user)."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(memberships__user=user)


class Organization(models.Model):
    """A physician's own space, a practice, or an association."""

    class Kind(models.TextChoices):
        PERSONAL = "personal", gettext_lazy("Personal")
        PRACTICE = "practice", gettext_lazy("Practice or clinic")
        ASSOCIATION = "association", gettext_lazy("Association")

    class ApprovalRequired(models.TextChoices):
        """Whose posts wait for a reviewer before they are scheduled (``permissions.needs_approval``)."""

        CONTRIBUTORS = "contributors", gettext_lazy("Contributors' posts")
        EVERYONE = "everyone", gettext_lazy("Everyone's posts")
        NOBODY = "nobody", gettext_lazy("Nobody's posts")

    name = models.CharField(max_length=150)
    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PRACTICE)
    time_zone = models.CharField(max_length=64, default=settings.TIME_ZONE, validators=[validate_time_zone])
    logo = models.ImageField(upload_to="logos/", blank=True)
    requires_two_factor = models.BooleanField(
        default=False,
        help_text=gettext_lazy("Members must set up two-factor authentication before they can use this organization."),
    )
    alt_text_required = models.BooleanField(
        default=True, help_text=gettext_lazy("Every image needs a description for people who use screen readers.")
    )
    late_window_minutes = models.PositiveIntegerField(
        default=120,
        help_text=gettext_lazy("A post that cannot go out this long after its time fails as missed instead."),
    )
    approval_required_for = models.CharField(
        max_length=20, choices=ApprovalRequired.choices, default=ApprovalRequired.CONTRIBUTORS
    )
    # Owners and admins always approve; editors only when the organization says so.
    editors_may_approve = models.BooleanField(default=False)
    may_approve_own_posts = models.BooleanField(default=False)
    # Whether any member chose to hear about each published post. The publish statement reads the
    # organization anyway, so the engine looks up preferences only where this is True instead of
    # adding a query to every publish (accounts.notifications.refresh_publish_notices).
    publish_notices_wanted = models.BooleanField(default=False, editable=False)
    # The privacy guard's choice per category, {"name": "block", "encounter": "warn", …}; a category
    # left out keeps the guard's default (identifiers block, professional risks warn).
    privacy_policy = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def privacy_severity(self, category: str) -> str:
        """ "block" when a privacy finding of ``category`` stops the post from being scheduled, else "warn"."""
        chosen = (self.privacy_policy or {}).get(str(category))
        if chosen in (BLOCK, WARN):
            return chosen
        try:
            return SEVERITY_DEFAULT[Category(category)]
        except ValueError:  # a category this version does not know: the safe side
            return BLOCK

    @property
    def privacy_blocked_categories(self) -> list[str]:
        return [category.value for category in Category if self.privacy_severity(category) == BLOCK]


class Role(models.TextChoices):
    OWNER = "owner", gettext_lazy("Owner")
    ADMIN = "admin", gettext_lazy("Admin")
    EDITOR = "editor", gettext_lazy("Editor")
    CONTRIBUTOR = "contributor", gettext_lazy("Contributor")
    VIEWER = "viewer", gettext_lazy("Viewer")


class MembershipQuerySet(models.QuerySet):
    def owners(self) -> MembershipQuerySet:
        return self.filter(role=Role.OWNER)

    def for_user(self, user) -> MembershipQuerySet:
        """``user``'s memberships, personal organization first, then by name, for the switcher."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        personal_first = models.Case(models.When(organization__kind=Organization.Kind.PERSONAL, then=0), default=1)
        return (
            self.filter(user=user)
            .select_related("organization")
            .order_by(personal_first, "organization__name", "organization_id")
        )


class Membership(models.Model):
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.EDITOR)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organization", "user"], name="one_membership_per_user")]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()}) in {self.organization}"

    @property
    def is_owner(self) -> bool:
        return self.role == Role.OWNER


def _new_invitation_token() -> str:
    return secrets.token_urlsafe(32)


class InvitationQuerySet(models.QuerySet):
    def pending(self) -> InvitationQuerySet:
        """Invitations that can still be accepted."""
        return self.filter(accepted_at=None, revoked_at=None, expires_at__gt=timezone.now())


class Invitation(models.Model):
    """An e-mailed link that lets one address join one organization with one role.

    Created by ``accounts.services.invite_member``, which sets ``expires_at``.
    """

    class Status(models.TextChoices):
        PENDING = "pending", gettext_lazy("Pending")
        ACCEPTED = "accepted", gettext_lazy("Accepted")
        REVOKED = "revoked", gettext_lazy("Withdrawn")
        EXPIRED = "expired", gettext_lazy("Expired")

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.EDITOR)
    token = models.CharField(max_length=64, unique=True, default=_new_invitation_token)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Invitation for {self.email} to {self.organization}"

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    @property
    def is_used(self) -> bool:
        return self.accepted_at is not None

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def status(self) -> Invitation.Status:
        # Used and withdrawn outrank expired: "already used" is the more useful thing to hear.
        if self.is_used:
            return self.Status.ACCEPTED
        if self.is_revoked:
            return self.Status.REVOKED
        if self.is_expired:
            return self.Status.EXPIRED
        return self.Status.PENDING

    def claim(self, *, user) -> bool:
        """Mark the invitation used by ``user``, only if nobody used or withdrew it meanwhile.

        Compare-and-set, because the link can be clicked twice at once (or
        accepted while an admin withdraws it); returns whether this call won.
        """
        now = timezone.now()
        won = (
            Invitation.objects.filter(pk=self.pk, accepted_at=None, revoked_at=None)
            .filter(expires_at__gt=now)
            .update(accepted_at=now, accepted_by=user)
        )
        if won:
            self.accepted_at, self.accepted_by = now, user
        return bool(won)

    def revoke(self) -> bool:
        """Withdraw the invitation unless it was already used or withdrawn; returns whether it happened."""
        now = timezone.now()
        done = Invitation.objects.filter(pk=self.pk, accepted_at=None, revoked_at=None).update(revoked_at=now)
        if done:
            self.revoked_at = now
        return bool(done)
