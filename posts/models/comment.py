"""Internal comments on a post: the team's conversation about it, never published."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings
from django.db import models

#: A mention is "@" and a member's e-mail address: "@bob@clinic.example". Addresses are unique,
#: which names are not, and they hold no space, so the mention ends where the address does (a
#: full stop or comma after it is not part of it). Not after a letter, so "ada@x.org" is no mention.
MENTION = re.compile(r"(?<![\w@.+-])@([\w.%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")


@dataclass(frozen=True)
class BodyPart:
    """A run of a comment's text, or a mention of ``member`` (shown by name)."""

    text: str
    member: object | None = None


class PostComment(models.Model):
    """One member's comment on a post, seen only by the post's organization.

    Nothing here reaches a network: adapters are handed a target's text and options, never
    comments. ``mentioned`` holds the members the body mentions (``posts.comments``), resolved
    when it was written: an address that was no member's then stays plain text.
    """

    post = models.ForeignKey("posts.Post", on_delete=models.CASCADE, related_name="comments")
    # PROTECT, as Post.author: who said what stays known.
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="post_comments")
    body = models.TextField()
    mentioned = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="mentioned_in_comments", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["post", "created_at"], name="post_comment_thread_idx")]

    def __str__(self) -> str:
        return f"Comment {self.pk} on post {self.post_id}"

    @staticmethod
    def addresses_in(body: str) -> set[str]:
        """The e-mail addresses ``body`` mentions, lower-case as accounts store them."""
        return {address.lower() for address in MENTION.findall(body)}

    def parts(self) -> list[BodyPart]:
        """The body cut into text and mentions of the members it mentioned, for a page to show
        each mention by name without marking any of the text safe."""
        members = {member.email.lower(): member for member in self.mentioned.all()}
        parts, start = [], 0
        for match in MENTION.finditer(self.body):
            member = members.get(match.group(1).lower())
            if member is None:
                continue
            if match.start() > start:
                parts.append(BodyPart(self.body[start : match.start()]))
            parts.append(BodyPart(match.group(0), member))
            start = match.end()
        if start < len(self.body):
            parts.append(BodyPart(self.body[start:]))
        return parts
