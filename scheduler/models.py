"""Posting schedules (the queue's weekly slots) and the log of every publish attempt."""

from __future__ import annotations

import zoneinfo

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import validate_time_zone


class PostingSchedule(models.Model):
    """Weekly local times at which queued posts go out, for one account or, as the
    default, for the whole organization. Times are computed in ``time_zone``."""

    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="posting_schedules"
    )
    account = models.OneToOneField(
        "accounts.ConnectedAccount",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="posting_schedule",
        help_text=_("Empty: the organization's default schedule."),
    )
    time_zone = models.CharField(max_length=64, validators=[validate_time_zone])
    is_paused = models.BooleanField(default=False, help_text=_("Paused queues publish nothing until resumed."))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization"], condition=Q(account__isnull=True), name="one_default_schedule_per_org"
            )
        ]

    def __str__(self) -> str:
        return f"Schedule for {self.account or self.organization}"

    @property
    def is_default(self) -> bool:
        """The organization's default, followed by every account without a schedule of its own."""
        return self.account_id is None

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)


class ScheduleSlot(models.Model):
    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    schedule = models.ForeignKey(PostingSchedule, on_delete=models.CASCADE, related_name="slots")
    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    local_time = models.TimeField()

    class Meta:
        ordering = ["weekday", "local_time"]
        constraints = [models.UniqueConstraint(fields=["schedule", "weekday", "local_time"], name="unique_slot")]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.local_time:%H:%M}"


class PublishAttempt(models.Model):
    """One try at publishing a target: written before the request leaves, finished after."""

    class Outcome(models.TextChoices):
        IN_FLIGHT = "in_flight", _("In flight")
        PUBLISHED = "published", _("Published")
        RECONCILED = "reconciled", _("Found already published")
        RATE_LIMITED = "rate_limited", _("Rate limited")
        AUTH_EXPIRED = "auth_expired", _("Token expired")
        TRANSIENT = "transient", _("Temporary failure")
        REJECTED = "rejected", _("Rejected")
        UNKNOWN = "unknown", _("Outcome unknown")
        SKIPPED = "skipped", _("Not sent")

    target = models.ForeignKey("posts.PostTarget", on_delete=models.CASCADE, related_name="attempts_log")
    started_at = models.DateTimeField()
    request_sent_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, default=Outcome.IN_FLIGHT)
    http_status = models.PositiveSmallIntegerField(null=True, blank=True)
    error_class = models.CharField(max_length=40, blank=True)
    network_message = models.TextField(blank=True)
    request_id = models.CharField(max_length=200, blank=True)
    worker = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["target", "-started_at"])]

    def __str__(self) -> str:
        return f"Attempt on {self.target_id} at {self.started_at:%Y-%m-%d %H:%M:%S}: {self.outcome}"


class CalendarFeedQuerySet(models.QuerySet):
    def for_token(self, token: str) -> CalendarFeedQuerySet:
        return self.filter(token=token).select_related("user", "organization")


class CalendarFeed(models.Model):
    """One person's private iCalendar address for one organization's calendar.

    Calendar programs cannot sign in, so the secret token in the URL is the key. Revoking
    gives a new token: the old address stops working at once.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds")
    organization = models.ForeignKey("accounts.Organization", on_delete=models.CASCADE, related_name="calendar_feeds")
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CalendarFeedQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "organization"], name="one_calendar_feed_per_member")]

    def __str__(self) -> str:
        return f"Calendar feed of {self.user} for {self.organization}"
