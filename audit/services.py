"""Recording what happened: ``record(...)``, one line in each service that does something.

Every service that changes a post, a target, a member, an account or an organization's settings
calls ``record`` with what it did; who did it and from where come from ``audit.context``.
Nothing here changes or removes a row (see ``audit.models``).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.db.models import QuerySet

from accounts.models import Organization
from audit import context
from audit.models import Action, AuditEvent, Via
from platforms.description import describe


def _user_name(user: Any) -> str:
    name = (getattr(user, "display_name", "") or "").strip()
    email = getattr(user, "email", "") or ""
    return f"{name} <{email}>" if name and email else (name or email or f"user {user.pk}")


def record(
    action: Action | str,
    *,
    organization: Organization | int,
    by: Any = None,
    post_id: int | None = None,
    target_id: int | None = None,
    subject: str = "",
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to ``organization``'s trail.

    ``by``: the user who acted, when the service knows; otherwise the request's user, if any.
    The channel (web, API, system) and the API token come from ``audit.context``. With neither a
    user nor a request, the system acted. Each call appends a row: not idempotent, by design.
    """
    event = new_event(
        action,
        organization=organization,
        by=by,
        post_id=post_id,
        target_id=target_id,
        subject=subject,
        details=details,
    )
    event.save()
    return event


def new_event(
    action: Action | str,
    *,
    organization: Organization | int,
    by: Any = None,
    post_id: int | None = None,
    target_id: int | None = None,
    subject: str = "",
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """The event ``record`` appends, not saved yet: for a caller that writes it in the same
    statement as the change it records (the engine's "published")."""
    acting = context.current()
    via = acting.via if acting else Via.SYSTEM
    request_user = acting.user if acting and getattr(acting.user, "is_authenticated", False) else None
    user = by if by is not None else request_user
    token = acting.token if acting and acting.token is not None and user is not None and user == request_user else None
    return AuditEvent(
        organization_id=organization if isinstance(organization, int) else organization.pk,
        action=action,
        via=via,
        actor_id=user.pk if user is not None else None,
        actor_name=_user_name(user) if user is not None else "",
        token_id=token.pk if token is not None else None,
        token_name=token.name if token is not None else "",
        post_id=post_id,
        target_id=target_id,
        subject=subject[:300],
        details=details or {},
    )


def record_target(action: Action | str, target: Any, *, by: Any = None, details: dict[str, Any] | None = None) -> None:
    """``record`` for one post's target (a ``PostTarget``; duck-typed, as posts build on this app)."""
    target_event(action, target, by=by, details=details).save()


def target_event(
    action: Action | str, target: Any, *, by: Any = None, details: dict[str, Any] | None = None
) -> AuditEvent:
    """``record_target``'s event, not saved yet (see ``new_event``)."""
    account = target.account
    # The network's own name, not a translation: the trail is read in every member's language, and
    # translating it for every publish cost 4 % of one.
    return new_event(
        action,
        organization=target.post.organization_id,
        by=by,
        post_id=target.post_id,
        target_id=target.pk,
        subject=f"{describe(account.network).label} · {account.display_handle or account.display_name}",
        details={"state": target.state, **(details or {})},
    )


def record_post(action: Action | str, post: Any, *, by: Any = None, details: dict[str, Any] | None = None) -> None:
    """``record`` for a whole post (a ``Post``), named by its first words."""
    post_event(action, post, by=by, details=details).save()


def post_event(action: Action | str, post: Any, *, by: Any = None, details: dict[str, Any] | None = None) -> AuditEvent:
    """``record_post``'s event, not saved yet (see ``new_event``)."""
    return new_event(
        action,
        organization=post.organization_id,
        by=by,
        post_id=post.pk,
        subject=_first_words(post.text),
        details=details,
    )


def record_all(events: Iterable[AuditEvent]) -> None:
    """Append ``events`` (from ``new_event`` and its kin) in one statement, in their order: for a
    service that does the same to many rows at once (an import)."""
    AuditEvent.objects.bulk_create(events)


def record_member(action: Action | str, membership: Any, *, by: Any, details: dict[str, Any] | None = None) -> None:
    """``record`` about one member (a ``Membership``)."""
    record(action, organization=membership.organization_id, by=by, subject=_user_name(membership.user), details=details)


def record_account(action: Action | str, account: Any, *, by: Any, details: dict[str, Any] | None = None) -> None:
    """``record`` about one connected account."""
    record(action, organization=account.organization_id, by=by, subject=str(account), details=details)


#: The organization's settings the trail follows (the logo by its file name).
SETTINGS = ("name", "time_zone", "requires_two_factor", "alt_text_required", "late_window_minutes", "privacy_policy")


def organization_settings(organization: Organization) -> dict[str, Any]:
    values = {name: getattr(organization, name) for name in SETTINGS}
    return {**values, "logo": organization.logo.name if organization.logo else ""}


def record_settings_change(organization: Organization, *, before: dict[str, Any], by: Any) -> None:
    """Record what changed in ``organization``'s settings (nothing when nothing did)."""
    changed = changes(before, organization_settings(organization))
    if changed:
        record(Action.SETTINGS_CHANGED, organization=organization, by=by, subject=organization.name, details=changed)


def post_snapshot(post: Any) -> dict[str, Any]:
    """What an edit can change, to compare before and after: text, link, media and each account's tailoring."""
    targets = post.targets.select_related("account").order_by("pk")
    return {
        "text": post.text,
        "link": post.link,
        "media": list(post.attachments.order_by("position").values_list("asset_id", flat=True)),
        "accounts": sorted(str(t.account) for t in targets),
        "tailored": {str(t.account): t.text_override for t in targets if t.text_override},
        "scheduled": {str(t.account): [t.state, _iso(t.scheduled_at)] for t in targets},
    }


def record_post_edit(post: Any, *, before: dict[str, Any], by: Any, schedule: str | None) -> None:
    """Record an edit of ``post`` with the before and after of each field that changed (nothing when none did)."""
    changed = changes(before, post_snapshot(post))
    if changed:
        record_post(
            Action.POST_EDITED, post, by=by, details={**changed, **({"schedule": schedule} if schedule else {})}
        )


def moved_times(before: datetime | None, after: datetime, was_queued: bool) -> dict[str, Any]:
    return {"scheduled_at": {"before": _iso(before), "after": _iso(after)}, "was_queued": was_queued}


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _first_words(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """``{"field": {"before": …, "after": …}}`` for the fields whose value differs."""
    return {
        name: {"before": before.get(name), "after": after.get(name)}
        for name in sorted(set(before) | set(after))
        if before.get(name) != after.get(name)
    }


def events_of(
    organization: Organization,
    *,
    post_id: int | None = None,
    actor_id: int | None = None,
    action: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> QuerySet[AuditEvent]:
    """``organization``'s events, newest first, narrowed by the filters given (``until`` exclusive)."""
    events = AuditEvent.objects.filter(organization=organization)
    if post_id is not None:
        events = events.filter(post_id=post_id)
    if actor_id is not None:
        events = events.filter(actor_id=actor_id)
    if action:
        events = events.filter(action=action)
    if since is not None:
        events = events.filter(at__gte=since)
    if until is not None:
        events = events.filter(at__lt=until)
    return events.order_by("-at", "-pk")


CSV_COLUMNS = ["at", "actor", "via", "action", "post", "target", "subject", "details"]


def write_csv(events: Iterable[AuditEvent], out: Any) -> None:
    """The events as CSV (UTC times, ISO-8601). Cells starting with = + - @ are quoted with a ' so
    a spreadsheet never runs a name someone typed as a formula."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for event in events:
        row = [
            event.at.isoformat(),
            event.actor_label,
            event.via,
            event.action,
            event.post_id or "",
            event.target_id or "",
            event.subject,
            _json(event.details),
        ]
        writer.writerow([_safe_cell(value) for value in row])


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True) if value else ""


def _safe_cell(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
