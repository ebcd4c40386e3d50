"""Per-user API tokens, each acting for one organization.

Only a SHA-256 digest of the key is stored: a leaked database backup must not
hand out working keys. The key is random (256 bits), so a plain digest is as
safe as a slow password hash and can be looked up with one indexed query. The
first characters (``prefix``) are kept in clear so people can tell their
tokens apart on the Settings page and in logs; the full key is shown once,
when the token is created (``accounts.api_auth.create_api_token``).
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy

#: Every key starts with this, so a key pasted somewhere it should not be is easy to recognise (secret scanners).
KEY_PREFIX = "phs_"
#: How many leading characters of the key stay visible: "phs_" and 8 random characters.
VISIBLE_PREFIX_LENGTH = len(KEY_PREFIX) + 8
#: ``last_used_at`` is only written when it is older than this: a busy script must not cost a write per request.
LAST_USED_RESOLUTION = timedelta(minutes=1)


def new_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


def digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def active(self) -> ApiTokenQuerySet:
        return self.filter(revoked_at=None)

    def for_user(self, user) -> ApiTokenQuerySet:
        return self.filter(user=user)


class ApiToken(models.Model):
    """A key a script sends as ``Authorization: Token <key>`` to act as ``user`` in ``organization``.

    The token gives no rights of its own: every request is checked against
    the user's current role in the organization, and a user who is no longer
    a member (or is deactivated) is refused as if the token were revoked.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    organization = models.ForeignKey("accounts.Organization", on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100, help_text=gettext_lazy('What it is for, e.g. "Publishing script".'))
    prefix = models.CharField(max_length=VISIBLE_PREFIX_LENGTH, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    def __repr__(self) -> str:
        # Never the digest: it is not the key, but it has no business in logs either.
        return f"<ApiToken {self.pk} {self.prefix}… user={self.user_id} org={self.organization_id}>"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def set_key(self, key: str) -> None:
        self.prefix = key[:VISIBLE_PREFIX_LENGTH]
        self.key_hash = digest(key)

    def revoke(self) -> bool:
        """Revoke the token unless it already is; returns whether this call did it. Safe to repeat."""
        now = timezone.now()
        done = ApiToken.objects.filter(pk=self.pk, revoked_at=None).update(revoked_at=now)
        if done:
            self.revoked_at = now
        return bool(done)

    def touch(self) -> None:
        """Record a use, at most once per ``LAST_USED_RESOLUTION``."""
        now = timezone.now()
        stale = models.Q(last_used_at=None) | models.Q(last_used_at__lt=now - LAST_USED_RESOLUTION)
        if ApiToken.objects.filter(stale, pk=self.pk).update(last_used_at=now):
            self.last_used_at = now
