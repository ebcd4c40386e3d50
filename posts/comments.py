"""Internal comments on a post, with @mentions: the team talks about a post next to it.

Comments are never published: no adapter is ever handed one. Every member who may see the
post reads them; those whose role allows ``post.comment`` write them (viewers only read).

A mention is "@" followed by a member's e-mail address, ``@bob@clinic.example``
(``PostComment.MENTION``): addresses are unique and hold no space, which names are not and do,
so a mention means one person. The composer's autocomplete writes it; the thread shows it as
the member's name. Only active members of the post's organization are mentioned and notified,
each once; an address of anyone else stays plain text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from accounts import permissions
from accounts.models import Notification, Organization, User
from accounts.notifications import notify
from audit import services as audit
from audit.models import Action, AuditEvent
from physsocial import input_rules
from posts import services
from posts.models import Post, PostComment
from posts.models.comment import BodyPart

MAX_LENGTH = 2000
MAX_SUGGESTIONS = 8


def clean_body(value: Any) -> str:
    """``value`` trimmed, or ValidationError on "body": empty, too long, or holding a character
    that cannot be saved."""
    if not isinstance(value, str) or not value.strip():
        raise ValidationError({"body": _("Write the comment first.")}, code="blank")
    value = value.strip().replace("\r\n", "\n")
    if len(value) > MAX_LENGTH:
        raise ValidationError(
            {"body": _("Keep a comment under %(count)s characters.") % {"count": f"{MAX_LENGTH:,}"}},
            code="too_long",
        )
    try:
        input_rules.check_text(value, field=_("The comment"))
    except ValidationError as error:
        raise ValidationError({"body": error.messages}) from None
    return value


def active_members(organization: Organization) -> QuerySet[User]:
    """Who may be mentioned in ``organization``: its active members, every role (viewers read comments)."""
    return User.objects.filter(is_active=True, memberships__organization=organization)


def mentioned_members(organization: Organization, body: str) -> list[User]:
    """The active members of ``organization`` that ``body`` mentions, each once, by name."""
    addresses = PostComment.addresses_in(body)
    if not addresses:
        return []
    return list(active_members(organization).filter(email__in=addresses).order_by("display_name", "email"))


def mention_suggestions(organization: Organization, query: str, *, exclude: User | None = None) -> list[User]:
    """Members of ``organization`` whose name or address contains ``query`` (any case), for the
    autocomplete: names starting with it first, at most ``MAX_SUGGESTIONS``."""
    query = query.strip().lstrip("@")[:100]
    members = active_members(organization)
    if exclude is not None:
        members = members.exclude(pk=exclude.pk)
    if query:
        members = members.filter(Q(display_name__icontains=query) | Q(email__icontains=query))
    found = list(members.order_by("display_name", "email")[:50])
    query = query.lower()
    found.sort(key=lambda user: (not user.get_full_name().lower().startswith(query), user.get_full_name().lower()))
    return found[:MAX_SUGGESTIONS]


def comment_link(comment: PostComment) -> str:
    """Where a comment is read: the post's comments page, at the comment (every member may open it)."""
    path = services._path("post-comments", comment.post_id)
    return f"{path}#comment-{comment.pk}" if path else ""


def add_comment(post: Post, *, by: User, body: Any) -> PostComment:
    """Add ``by``'s comment to ``post``, record it in the audit trail and notify each member it
    mentions (once each, never ``by`` themself).

    Raises Http404 when ``by`` is not a member of the post's organization, PermissionDenied when
    their role may not comment (viewers), ValidationError on "body" for an empty, too long or
    unsavable text. Not idempotent: each call adds a comment.
    """
    organization = post.organization
    permissions.require(by, "post.comment", organization)
    body = clean_body(body)
    mentioned = mentioned_members(organization, body)
    with transaction.atomic():
        comment = PostComment.objects.create(post=post, author=by, body=body)
        comment.mentioned.set(mentioned)
        # The comment keeps its text; the trail says who commented and whom it mentioned.
        details: dict[str, Any] = {"comment_id": comment.pk}
        if mentioned:
            details["mentioned"] = ", ".join(str(member) for member in mentioned)
        audit.record_post(Action.POST_COMMENTED, post, by=by, details=details)
    notify(
        [member for member in mentioned if member.pk != by.pk],
        organization=organization,
        # Functions, written in each member's language (accounts/notifications.py).
        title=lambda: _("%(author)s mentioned you in a comment") % {"author": str(by)},
        body=lambda: _("On “%(excerpt)s”:\n\n%(comment)s") % {"excerpt": services.excerpt(post.text), "comment": body},
        link=comment_link(comment),
        kind=Notification.Kind.MENTIONED,
    )
    return comment


def comments_of(post: Post) -> QuerySet[PostComment]:
    """``post``'s comments, oldest first, with their authors and mentions."""
    return post.comments.select_related("author").prefetch_related("mentioned").order_by("created_at", "pk")


# --- the thread a page shows ------------------------------------------------------------------------

#: Review answers that carry words for the author: they belong in the conversation too.
REVIEW_WORDS = {Action.POST_CHANGES_REQUESTED: "comment", Action.POST_REJECTED: "reason"}


@dataclass(frozen=True)
class ThreadEntry:
    """A comment, or a reviewer's words when asking for changes or rejecting (kept in the audit trail)."""

    at: datetime
    author: str
    parts: list[BodyPart]
    comment: PostComment | None = None
    review: str = ""  # the review answer's label, for a reviewer's words


def thread_of(post: Post) -> list[ThreadEntry]:
    """``post``'s comments and its reviewers' words, oldest first, in at most four queries."""
    entries = [
        ThreadEntry(at=comment.created_at, author=str(comment.author), parts=comment.parts(), comment=comment)
        for comment in comments_of(post)
    ]
    reviews = AuditEvent.objects.filter(organization_id=post.organization_id, action__in=list(REVIEW_WORDS))
    events = [event for event in reviews.for_post(post.pk) if event.details.get(REVIEW_WORDS[event.action])]
    # The trail keeps "Name <address>"; the thread names people as its comments do.
    reviewers = User.objects.in_bulk({event.actor_id for event in events if event.actor_id}) if events else {}
    for event in events:
        reviewer = reviewers.get(event.actor_id)
        entries.append(
            ThreadEntry(
                at=event.at,
                author=str(reviewer) if reviewer else event.actor_label,
                parts=[BodyPart(event.details[REVIEW_WORDS[event.action]])],
                review=event.get_action_display(),
            )
        )
    entries.sort(key=lambda entry: entry.at)
    return entries
