"""Tell people something happened: a row on their notifications page and an e-mail.

``notify`` is the one way PhysSocial reaches a person about their work (a post
that did not go out, one that needs a decision). The in-app row is written
first and always; the e-mail is best effort, because a mail server hiccup must
not hide the notification or undo what caused it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import QuerySet
from django.utils import timezone

from accounts import permissions
from accounts.models import Notification, Organization, User

logger = logging.getLogger(__name__)


def organization_admins(organization: Organization) -> QuerySet[User]:
    """The active members who hear about every failure in ``organization`` (owners and admins)."""
    return permissions.members_who_may("org.alerts", organization)


def notify(
    users: Iterable[User],
    *,
    organization: Organization | None,
    title: str,
    body: str,
    link: str = "",
    kind: str = Notification.Kind.OTHER,
    email: bool = True,
) -> list[Notification]:
    """Leave a notification for each of ``users`` (each once, inactive people skipped) and e-mail it
    (unless ``email`` is False: the caller sends a mail of its own).

    ``link`` is a path inside PhysSocial; the e-mail carries it as an absolute
    URL. Returns the rows created. Not idempotent: calling twice notifies twice.
    """
    recipients = {user.pk: user for user in users if user is not None and user.is_active}
    rows = Notification.objects.bulk_create(
        Notification(user=user, organization=organization, kind=kind, title=title, body=body, link=link)
        for user in recipients.values()
    )
    if not email:
        return rows
    message = body + (f"\n\n{settings.PUBLIC_BASE_URL}{link}" if link else "")
    footer = ""
    if organization is not None:
        footer = f"\n\nYou receive this because you are a member of {organization.name} on PhysSocial."
    for user in recipients.values():
        try:
            send_mail(f"PhysSocial: {title}", message + footer, settings.DEFAULT_FROM_EMAIL, [user.email])
        except Exception:
            # The in-app notification is already there; log and carry on with the others.
            logger.exception("could not e-mail notification %r to user %s", kind, user.pk)
    return rows


def mark_read(notification: Notification) -> Notification:
    """Mark one notification read (keeps the first time it was read). Safe to call twice."""
    Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=timezone.now())
    notification.refresh_from_db(fields=["read_at"])
    return notification


def mark_all_read(user: User) -> int:
    """Mark every unread notification of ``user`` read; returns how many were unread."""
    return Notification.objects.filter(user=user).unread().update(read_at=timezone.now())
