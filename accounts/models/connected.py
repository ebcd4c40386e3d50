"""A social account (X user, Facebook page, …) an organization has connected."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Network(models.TextChoices):
    TWITTER = "twitter", "X"
    FACEBOOK = "facebook", "Facebook"
    INSTAGRAM = "instagram", "Instagram"
    LINKEDIN = "linkedin", "LinkedIn"
    YOUTUBE = "youtube", "YouTube"


class ConnectedAccount(models.Model):
    class Kind(models.TextChoices):
        X_USER = "x_user", "X user"
        FACEBOOK_PAGE = "facebook_page", "Facebook page"
        INSTAGRAM_BUSINESS = "instagram_business", "Instagram business account"
        LINKEDIN_MEMBER = "linkedin_member", "LinkedIn member"
        LINKEDIN_ORGANIZATION = "linkedin_organization", "LinkedIn page"
        YOUTUBE_CHANNEL = "youtube_channel", "YouTube channel"

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        NEEDS_RECONNECT = "needs_reconnect", "Needs reconnect"
        DISCONNECTED = "disconnected", "Disconnected"

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
    connected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    connected_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "network", "external_id"], name="one_connection_per_external_account"
            )
        ]
        ordering = ["network", "display_name"]

    def __str__(self) -> str:
        return f"{self.get_network_display()}: {self.display_name}"
