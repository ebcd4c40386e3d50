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
    # Failures of one account close together share one row (scheduler.services.notify_target_failed):
    # ``group_key`` names what they have in common ("account:12"), ``count`` how many it stands for.
    group_key = models.CharField(max_length=100, blank=True)
    count = models.PositiveIntegerField(default=1)
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


class Channel(models.TextChoices):
    """How a person hears about one kind of notification."""

    EMAIL = "email", _("In the app and by e-mail")
    APP = "app", _("In the app only")
    OFF = "off", _("Off")


#: What someone hears before choosing: everything in the app and by e-mail, except a notice for
#: every published post (off: most people would find it noise).
DEFAULT_CHANNELS: dict[str, str] = {Notification.Kind.PUBLISHED: Channel.OFF, Notification.Kind.DIGEST: Channel.EMAIL}
#: Kinds a person may choose for; OTHER (invitations, removals) always reaches them.
CHOOSABLE_KINDS = [kind for kind in Notification.Kind if kind != Notification.Kind.OTHER]


def default_channel(kind: str) -> str:
    return DEFAULT_CHANNELS.get(kind, Channel.EMAIL)


class NotificationPreferenceQuerySet(models.QuerySet):
    def channels(self, user_ids, kind: str) -> dict[int, str]:
        """Each of ``user_ids``' channel for ``kind``, the default for those who never chose."""
        chosen = dict(self.filter(user_id__in=user_ids, kind=kind).values_list("user_id", "channel"))
        return {user_id: chosen.get(user_id, default_channel(kind)) for user_id in user_ids}


class NotificationPreference(models.Model):
    """One person's choice for one kind of notification; no row means the default (``DEFAULT_CHANNELS``)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(max_length=30, choices=Notification.Kind.choices)
    channel = models.CharField(max_length=10, choices=Channel.choices)

    objects = NotificationPreferenceQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind")]

    def __str__(self) -> str:
        return f"{self.kind}: {self.channel}"
