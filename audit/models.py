"""The audit trail: one row per thing that happened, written once and never changed.

Who acted is kept as plain ids with the names as they were then, not as foreign keys: deleting
a user or revoking a token must not rewrite history (a foreign key's SET_NULL is an UPDATE),
and the rows stay readable after the person is gone. Posts live in an app that builds on this
one, so they are plain ids too. Only the organization is a foreign key: its history goes with
it when it is deleted (CASCADE), like everything else it owns.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any, NoReturn

from django.db import models
from django.utils import dateformat, timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Organization


class Action(models.TextChoices):
    POST_CREATED = "post.created", _("Post created")
    POST_EDITED = "post.edited", _("Post edited")
    POST_DELETED = "post.deleted", _("Post deleted")
    TARGET_RESCHEDULED = "target.rescheduled", _("Rescheduled")
    TARGET_STATE_CHANGED = "target.state_changed", _("State changed")
    TARGET_PUBLISHED = "target.published", _("Published")
    TARGET_FAILED = "target.failed", _("Failed")
    TARGET_NEEDS_ATTENTION = "target.needs_attention", _("Needs attention")
    TARGET_RETRIED = "target.retried", _("Retried")
    TARGET_CONFIRMED = "target.confirmed_published", _("Marked as published")
    TARGET_CANCELLED = "target.cancelled", _("Cancelled")
    POST_APPROVED = "post.approved", _("Approved")
    POST_CHANGES_REQUESTED = "post.changes_requested", _("Changes requested")
    POST_REJECTED = "post.rejected", _("Rejected")
    POST_COMMENTED = "post.commented", _("Commented")
    MEMBER_JOINED = "member.joined", _("Member joined")
    MEMBER_ROLE_CHANGED = "member.role_changed", _("Role changed")
    MEMBER_REMOVED = "member.removed", _("Member removed")
    MEMBER_LEFT = "member.left", _("Member left")
    MEMBER_INVITED = "member.invited", _("Member invited")
    ACCOUNT_CONNECTED = "account.connected", _("Account connected")
    ACCOUNT_RECONNECTED = "account.reconnected", _("Account reconnected")
    ACCOUNT_DISCONNECTED = "account.disconnected", _("Account disconnected")
    SETTINGS_CHANGED = "org.settings_changed", _("Settings changed")
    # The privacy guard: what people decided about its findings (posts.privacy_decisions).
    PRIVACY_RELEASED = "privacy.released", _("Released despite the privacy guard")
    PRIVACY_RELEASE_ASKED = "privacy.release_asked", _("Privacy release asked for")
    FINDING_DISMISSED = "privacy.finding_dismissed", _("Marked “not a patient”")
    DISMISSAL_UNDONE = "privacy.dismissal_undone", _("“Not a patient” mark undone")
    CHECKLIST_ACKNOWLEDGED = "privacy.checklist_acknowledged", _("Pre-publish checklist read")
    FACE_CONSENT_CONFIRMED = "post.face_consent", _("Consent for faces confirmed")


class Via(models.TextChoices):
    WEB = "web", _("Web")
    API = "api", _("API")
    SYSTEM = "system", _("System")


class AppendOnly(Exception):
    """Raised by every path that would change or remove an audit row."""


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnly("The audit trail is append-only.")

    def delete(self) -> NoReturn:
        # An organization's deletion removes its rows through the collector's own SQL, not this.
        raise AppendOnly("The audit trail is append-only.")

    def for_post(self, post_id: int) -> AuditEventQuerySet:
        return self.filter(post_id=post_id).order_by("at", "pk")


class AuditEvent(models.Model):
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField(default=timezone.now, db_index=True)
    action = models.CharField(max_length=40, choices=Action.choices)
    via = models.CharField(max_length=10, choices=Via.choices)
    # Who: a user (alone, or through one of their API tokens), or nobody: the system.
    actor_id = models.BigIntegerField(null=True, blank=True)
    actor_name = models.CharField(max_length=300, blank=True)
    token_id = models.BigIntegerField(null=True, blank=True)
    token_name = models.CharField(max_length=100, blank=True)
    # What: a post (and one of its targets), a member, an account or the organization itself.
    post_id = models.BigIntegerField(null=True, blank=True)
    target_id = models.BigIntegerField(null=True, blank=True)
    subject = models.CharField(max_length=300, blank=True)
    details = models.JSONField(default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["organization", "-at"], name="audit_org_at"),
            models.Index(fields=["post_id", "at"], name="audit_post_at"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} by {self.actor_label}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnly("The audit trail is append-only: an event cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnly("The audit trail is append-only: an event cannot be deleted.")

    @property
    def detail_lines(self) -> list[dict[str, Any]]:
        """The details for a page: a field's change as before and after, anything else as its value.
        Moments (stored as ISO 8601 in UTC) are shown in the reader's time zone."""
        lines = []
        for name, value in self.details.items():
            is_change = isinstance(value, dict) and set(value) == {"before", "after"}
            if is_change:
                before, after = _readable(value["before"]), _readable(value["after"])
                lines.append({"name": name, "is_change": True, "before": before, "after": after})
            else:
                lines.append({"name": name, "is_change": False, "value": _readable(value)})
        return lines

    @property
    def actor_label(self) -> str:
        if self.actor_id is None:
            return str(_("System"))
        if self.token_id is not None:
            return str(
                _("%(name)s, with the API token “%(token)s”") % {"name": self.actor_name, "token": self.token_name}
            )
        return self.actor_name


_MOMENT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?([+-]\d\d:\d\d|Z)")


def _readable(value: Any) -> Any:
    """A stored moment as people read it, "2026-12-09 10:00 EST" in the active zone; anything else as is."""
    if not isinstance(value, str) or not _MOMENT.fullmatch(value):
        return value
    return dateformat.format(timezone.localtime(datetime.fromisoformat(value)), "Y-m-d H:i T")
