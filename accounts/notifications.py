"""Tell people something happened: a row on their notifications page and an e-mail.

``notify`` is the one way PhysSocial reaches a person about their work (a post
that did not go out, one that needs a decision). Each person chooses per kind
how they hear (``NotificationPreference``): in the app and by e-mail, in the app
only, or not at all. The in-app row is written first; the e-mail is best effort,
because a mail server hiccup must not hide the notification or undo what caused it.

Each person reads it in their own language (``User.written_language``), whoever caused it: what a
notification says is given as a function (or a lazy string), written once per language among the
recipients under ``translation.override``. A plain string is sent as it is.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from accounts import permissions
from accounts.models import Channel, Membership, Notification, NotificationPreference, Organization, User
from accounts.models.notifications import CHOOSABLE_KINDS

logger = logging.getLogger(__name__)


def organization_admins(organization: Organization) -> QuerySet[User]:
    """The active members who hear about every failure in ``organization`` (owners and admins)."""
    return permissions.members_who_may("org.alerts", organization)


#: Words of a notification: a function or a lazy string is written anew in each recipient's language.
Text = str | Promise | Callable[[], str]


def written(text: Text) -> str:
    """``text`` in the active language."""
    return text() if callable(text) else str(text)


def by_language(users: Iterable[User]) -> dict[str, list[User]]:
    """``users`` grouped by the language they read (``User.written_language``), in the order given."""
    groups: dict[str, list[User]] = {}
    for user in users:
        groups.setdefault(user.written_language, []).append(user)
    return groups


@dataclass(frozen=True)
class Message:
    """What one notification says: its title, its text and where it leads."""

    title: str
    body: str
    link: str = ""


# Links in notifications and e-mails name their organization, so that they open there
# (``ActiveOrganizationMiddleware`` switches to it) whichever one the reader is working in.
ORGANIZATION_LINK_PARAMETER = "org"


def link_in(organization: Organization | None, link: str) -> str:
    """``link`` (a path inside PhysSocial) made to open in ``organization``."""
    if not link or organization is None:
        return link
    path, _hash, fragment = link.partition("#")
    joiner = "&" if "?" in path else "?"
    tagged = f"{path}{joiner}{urlencode({ORGANIZATION_LINK_PARAMETER: organization.slug})}"
    return f"{tagged}#{fragment}" if fragment else tagged


def channels_for(users: Iterable[User], kind: str) -> dict[User, str]:
    """How each of ``users`` (each once, inactive people left out) hears about ``kind``; one query."""
    recipients = {user.pk: user for user in users if user is not None and user.is_active}
    if kind not in CHOOSABLE_KINDS:
        return {user: Channel.EMAIL for user in recipients.values()}
    chosen = NotificationPreference.objects.channels(list(recipients), kind)
    return {user: chosen[pk] for pk, user in recipients.items()}


def notify(
    users: Iterable[User],
    *,
    organization: Organization | None,
    title: Text,
    body: Text,
    link: str = "",
    kind: str = Notification.Kind.OTHER,
    email: bool = True,
    email_subject: Text = "",
    email_body: Text = "",
    email_html: Text = "",
) -> list[Notification]:
    """Leave a notification for each of ``users`` who hears about ``kind`` (each once, inactive
    people skipped) and e-mail those who chose e-mail (unless ``email`` is False).

    ``link`` is a path inside PhysSocial; the e-mail carries it as an absolute URL.
    ``email_subject``, ``email_body`` and ``email_html`` replace the e-mail made from the
    title and body, for a mail that says more. The words (``Text``) are written in each
    recipient's language. Returns the rows created. Not idempotent: calling twice notifies twice.
    """
    link = link_in(organization, link)
    channels = channels_for(users, kind)
    heard = [user for user, channel in channels.items() if channel != Channel.OFF]
    rows: list[Notification] = []
    for language, readers in by_language(heard).items():
        with translation.override(language):
            title_here, body_here = written(title), written(body)
            words = {"title": title_here, "body": body_here, "link": link}
            rows += Notification.objects.bulk_create(
                Notification(user=user, organization=organization, kind=kind, **words) for user in readers
            )
            if email:
                mailed = [user for user in readers if channels[user] == Channel.EMAIL]
                message = written(email_body) or body_here + (f"\n\n{settings.PUBLIC_BASE_URL}{link}" if link else "")
                send_emails(
                    mailed,
                    organization=organization,
                    subject=written(email_subject) or email_subject_for(title_here),
                    body=message,
                    html=written(email_html),
                    kind=kind,
                )
    return rows


def email_subject_for(title: str) -> str:
    """An e-mail's subject made from a notification's title (already in the reader's language)."""
    return _("PhysSocial: %(title)s") % {"title": title}


def send_emails(
    users: Iterable[User], *, organization: Organization | None, subject: str, body: str, html: str = "", kind: str
) -> None:
    """E-mail ``body`` to each of ``users``, one at a time; a failure is logged and the others still go.
    Callers write the words in the recipients' language; the footer follows the active one."""
    footer = ""
    if organization is not None:
        footer = "\n\n" + _("You receive this because you are a member of %(name)s on PhysSocial.") % {
            "name": organization.name
        }
    for user in users:
        try:
            send_mail(subject, body + footer, settings.DEFAULT_FROM_EMAIL, [user.email], html_message=html or None)
        except Exception:
            # The in-app notification is already there; log and carry on with the others.
            logger.exception("could not e-mail notification %r to user %s", kind, user.pk)


def notify_grouped(
    users: Iterable[User],
    *,
    organization: Organization | None,
    kind: str,
    group_key: str,
    window: timedelta,
    describe: Callable[[int], Message],
) -> list[Notification]:
    """Like :func:`notify`, but gathering what happens close together into one row per person.

    A person who still has an unread ``kind`` notification with ``group_key`` created within
    ``window`` sees that row counted up and described again (``describe(count)``), and gets no
    e-mail; anyone else gets a new row (``describe(1)``) and, if they chose e-mail, the e-mail.
    Returns the rows created or updated.

    Safe when several workers report at once: the recipients' user rows are locked (in id
    order, so two callers cannot wait on each other) while their rows are looked up and
    written, so two failures never both find "no open row" and make two.
    """
    channels = channels_for(users, kind)
    heard = {user.pk: user for user, channel in channels.items() if channel != Channel.OFF}
    if not heard:
        return []

    def describe_here(count: int, user: User) -> Message:
        """The message for ``count`` events, in ``user``'s language."""
        with translation.override(user.written_language):
            message = describe(count)
            return Message(title=message.title, body=message.body, link=link_in(organization, message.link))

    created: list[Notification] = []
    updated: list[Notification] = []
    with transaction.atomic():
        list(User.objects.select_for_update().filter(pk__in=heard).order_by("pk").values_list("pk", flat=True))
        open_rows = {
            row.user_id: row
            for row in Notification.objects.unread()
            .filter(user_id__in=heard, kind=kind, group_key=group_key, created_at__gte=timezone.now() - window)
            .order_by("user_id", "-created_at")
        }
        for user_id, user in heard.items():
            row = open_rows.get(user_id)
            if row is None:
                first = describe_here(1, user)
                row = Notification(user=user, organization=organization, kind=kind, group_key=group_key, **vars(first))
                created.append(row)
                continue
            row.count += 1
            message = describe_here(row.count, user)
            row.title, row.body, row.link = message.title, message.body, message.link
            row.save(update_fields=["count", "title", "body", "link"])
            updated.append(row)
        Notification.objects.bulk_create(created)
    for row in created:
        if channels[row.user] != Channel.EMAIL:
            continue
        with translation.override(row.user.written_language):
            body = row.body + (f"\n\n{settings.PUBLIC_BASE_URL}{row.link}" if row.link else "")
            subject = email_subject_for(row.title)
            send_emails([row.user], organization=organization, subject=subject, body=body, kind=kind)
    return created + updated


def preferences_of(user: User) -> dict[str, str]:
    """``user``'s channel for each kind they may choose for, defaults filled in."""
    return {kind: NotificationPreference.objects.channels([user.pk], kind)[user.pk] for kind in CHOOSABLE_KINDS}


def set_preferences(user: User, choices: Mapping[str, str]) -> None:
    """Store how ``user`` hears about each kind in ``choices`` (kind → ``Channel``). Safe to run twice.

    Also tells the publishing engine, through ``Organization.publish_notices_wanted``, whether
    anyone in each of the user's organizations now wants a notice for every published post.
    """
    with transaction.atomic():
        # Locked first, so two people changing their choice at once leave the flag right (see below).
        mine = Membership.objects.filter(user=user).values("organization_id")
        organizations = list(
            Organization.objects.select_for_update().filter(pk__in=mine).order_by("pk").values_list("pk", flat=True)
        )
        for kind, channel in choices.items():
            NotificationPreference.objects.update_or_create(user=user, kind=kind, defaults={"channel": channel})
        refresh_publish_notices(organizations)


def refresh_publish_notices(organization_ids: Iterable[int]) -> None:
    """Work out again whether a member of each organization wants a notice per published post.

    Call it after a preference or a membership changed. A stale True only costs the engine one
    query per publish; a stale False would lose notices, hence the row locks in ``set_preferences``.
    """
    wanting = NotificationPreference.objects.filter(
        kind=Notification.Kind.PUBLISHED, user__is_active=True, user__memberships__organization=OuterRef("pk")
    ).exclude(channel=Channel.OFF)
    Organization.objects.filter(pk__in=list(organization_ids)).update(publish_notices_wanted=Exists(wanting))


def mark_read(notification: Notification) -> Notification:
    """Mark one notification read (keeps the first time it was read). Safe to call twice."""
    Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=timezone.now())
    notification.refresh_from_db(fields=["read_at"])
    return notification


def mark_all_read(user: User) -> int:
    """Mark every unread notification of ``user`` read; returns how many were unread."""
    return Notification.objects.filter(user=user).unread().update(read_at=timezone.now())
