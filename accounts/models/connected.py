"""A social account (X user, Facebook page, …) an organization has connected."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy

from accounts import crypto
from platforms.description import DESCRIPTIONS

#: How early the Accounts page warns about a token that cannot be refreshed.
RENEWAL_WARNING = timedelta(days=7)


# Network.TWITTER, … with the label each network's description gives it (platforms/description.py).
Network = models.TextChoices(
    "Network",
    [
        (network.upper(), (network, gettext_lazy(description.label)))  # marked with gettext_noop there
        for network, description in DESCRIPTIONS.items()
    ],
)


class ConnectedAccountQuerySet(models.QuerySet):
    def active(self) -> ConnectedAccountQuerySet:
        return self.filter(status=ConnectedAccount.Status.ACTIVE)

    def for_organization(self, organization) -> ConnectedAccountQuerySet:
        return self.filter(organization=organization)

    def expiring_before(self, at: datetime) -> ConnectedAccountQuerySet:
        """Accounts whose access token expires before ``at`` (tokens that never expire are left out)."""
        return self.filter(token_expires_at__isnull=False, token_expires_at__lt=at)

    def needing_reconnect(self, now: datetime) -> ConnectedAccountQuerySet:
        """Accounts someone must reconnect: the network stopped taking our tokens, or a token we
        cannot renew ends within ``RENEWAL_WARNING`` (the row form of ``expires_without_renewal_soon``)."""
        return self.filter(
            models.Q(status=ConnectedAccount.Status.NEEDS_RECONNECT)
            | models.Q(
                status=ConnectedAccount.Status.ACTIVE,
                refresh_token_encrypted="",
                token_expires_at__isnull=False,
                token_expires_at__lte=now + RENEWAL_WARNING,
            )
        )

    def shown(self) -> ConnectedAccountQuerySet:
        """What the Accounts page lists: everything not disconnected."""
        return self.exclude(status=ConnectedAccount.Status.DISCONNECTED)


class ConnectedAccount(models.Model):
    """One account on one network that an organization may publish as.

    (organization, network, external_id) is unique: reconnecting updates the
    row. Tokens are stored encrypted (accounts/crypto.py) and read through
    the ``access_token`` and ``refresh_token`` properties; they never appear
    in ``repr()``, the admin or the API.
    """

    class Kind(models.TextChoices):
        X_USER = "x_user", gettext_lazy("X user")
        FACEBOOK_PAGE = "facebook_page", gettext_lazy("Facebook page")
        INSTAGRAM_BUSINESS = "instagram_business", gettext_lazy("Instagram business account")
        LINKEDIN_MEMBER = "linkedin_member", gettext_lazy("LinkedIn member")
        LINKEDIN_ORGANIZATION = "linkedin_organization", gettext_lazy("LinkedIn page")
        YOUTUBE_CHANNEL = "youtube_channel", gettext_lazy("YouTube channel")

    class Status(models.TextChoices):
        ACTIVE = "active", gettext_lazy("Active")
        NEEDS_RECONNECT = "needs_reconnect", gettext_lazy("Needs reconnect")
        DISCONNECTED = "disconnected", gettext_lazy("Disconnected")

    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="connected_accounts"
    )
    network = models.CharField(max_length=20, choices=Network.choices)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    external_id = models.CharField(max_length=200)
    display_name = models.CharField(max_length=200)
    handle = models.CharField(max_length=200, blank=True)
    avatar_url = models.URLField(max_length=1000, blank=True)
    scopes = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ACTIVE)
    # Fernet tokens (see accounts/crypto.py); never shown in the admin or the API.
    access_token_encrypted = models.TextField(blank=True, editable=False)
    refresh_token_encrypted = models.TextField(blank=True, editable=False)
    token_expires_at = models.DateTimeField(null=True, blank=True)
    refresh_token_expires_at = models.DateTimeField(null=True, blank=True)
    # Network-specific, non-secret details: YouTube uploads playlist, IG's page id, …
    extra = models.JSONField(default=dict, blank=True)
    last_error = models.TextField(blank=True)
    last_refreshed_at = models.DateTimeField(null=True, blank=True)
    # While set and in the future, one worker is renewing the tokens (see claim_refresh); a crashed
    # worker's claim simply runs out.
    refreshing_until = models.DateTimeField(null=True, blank=True, editable=False)
    connected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Set again on every reconnect: "who connected it and when" means the current grant.
    connected_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ConnectedAccountQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "network", "external_id"], name="one_connection_per_external_account"
            )
        ]
        ordering = ["network", "display_name"]

    def __str__(self) -> str:
        return f"{self.get_network_display()}: {self.display_name}"

    # Tokens: plain text only in memory, Fernet at rest. ---------------------------------
    @property
    def access_token(self) -> str:
        return crypto.decrypt_token(self.access_token_encrypted)

    @access_token.setter
    def access_token(self, value: str) -> None:
        self.access_token_encrypted = crypto.encrypt_token(value)

    @property
    def refresh_token(self) -> str:
        return crypto.decrypt_token(self.refresh_token_encrypted)

    @refresh_token.setter
    def refresh_token(self, value: str) -> None:
        self.refresh_token_encrypted = crypto.encrypt_token(value)

    @property
    def has_refresh_token(self) -> bool:
        return bool(self.refresh_token_encrypted)

    # Renewing tokens without holding a row lock across the network call. -----------------
    def claim_refresh(self, *, now: datetime, claim_for: timedelta) -> datetime | None:
        """Claim the right to renew this account's tokens; the claim's end, or None if taken.

        Compare-and-set: ``refreshing_until`` moves only where it is empty or already past, so
        of two workers exactly one wins, and a claim left by a crashed worker expires.
        X rotates refresh tokens, so two refreshes in flight would spend the same one and
        one of them would be refused; the claim keeps it to one.
        """
        until = now + claim_for
        claimed = (
            ConnectedAccount.objects.filter(pk=self.pk)
            .filter(models.Q(refreshing_until__isnull=True) | models.Q(refreshing_until__lte=now))
            .update(refreshing_until=until)
        )
        return until if claimed else None

    def release_refresh(self, claimed_until: datetime) -> None:
        """Give a claim back without storing anything (only if it is still ours)."""
        ConnectedAccount.objects.filter(pk=self.pk, refreshing_until=claimed_until).update(refreshing_until=None)

    # Derived values for pages and services. ---------------------------------------------
    @property
    def needs_reconnect(self) -> bool:
        return self.status == self.Status.NEEDS_RECONNECT

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    @property
    def expires_without_renewal_soon(self) -> bool:
        """A token we cannot refresh (LinkedIn apps without programmatic refresh) ends within a week:
        someone must reconnect before then, or publishing stops."""
        return (
            self.is_active
            and not self.has_refresh_token
            and self.token_expires_at is not None
            and self.token_expires_at <= timezone.now() + RENEWAL_WARNING
        )

    @property
    def display_handle(self) -> str:
        """The handle as people write it on this network ("@drlee" on X and Instagram)."""
        if not self.handle:
            return ""
        if self.network in (Network.TWITTER, Network.INSTAGRAM) and not self.handle.startswith("@"):
            return f"@{self.handle}"
        return self.handle
