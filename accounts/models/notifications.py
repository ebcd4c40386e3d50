"""Messages PhysSocial leaves for a person in the app (and e-mails them): a post failed, etc."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationQuerySet(models.QuerySet):
    def unread(self) -> NotificationQuerySet:
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    class Kind(models.TextChoices):
        PUBLISH_FAILED = "publish_failed", _("A post did not go out")
        NEEDS_ATTENTION = "needs_attention", _("A post needs your attention")
        NEEDS_RECONNECT = "needs_reconnect", _("An account needs reconnecting")
        REVIEW_REQUESTED = "review_requested", _("A post waits for your review")
        APPROVED = "approved", _("Your post was approved")
        CHANGES_REQUESTED = "changes_requested", _("Changes were asked for on your post")
        REJECTED = "rejected", _("Your post was rejected")
        MENTIONED = "mentioned", _("You were mentioned in a comment")
        PUBLISHED = "published", _("A post was published")
        DIGEST = "digest", _("Daily digest")
        OTHER = "other", _("Other")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, null=True, blank=True, related_name="notifications"
    )
    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    # A path inside PhysSocial ("/targets/12/"); e-mails make it absolute with PUBLIC_BASE_URL.
    link = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "-created_at"], name="notification_user_idx")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_read(self) -> bool:
        return self.read_at is not None
