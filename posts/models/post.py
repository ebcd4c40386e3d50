"""A post as its author writes it: text, link, media, hashtags; one target per account."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy

from posts.models.target import TargetState


class PostQuerySet(models.QuerySet):
    def with_target_in(self, states: Iterable[str]) -> PostQuerySet:
        """Posts with a target in one of ``states``. A post with no account chosen yet counts as
        a draft: it is one, waiting to be finished."""
        states = list(states)
        condition = Q(targets__state__in=states)
        if TargetState.DRAFT in states:
            condition |= Q(targets__isnull=True)
        # A subquery, not a join: a post with two matching targets is still listed once.
        return self.filter(pk__in=Post.objects.filter(condition).values("pk"))

    def drafts(self) -> PostQuerySet:
        return self.with_target_in([TargetState.DRAFT])


class Post(models.Model):
    organization = models.ForeignKey("accounts.Organization", on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="posts")
    text = models.TextField(blank=True)
    link = models.URLField(max_length=2000, blank=True)
    media = models.ManyToManyField("posts.MediaAsset", through="posts.PostMedia", related_name="posts", blank=True)
    hashtags = models.JSONField(
        default=list,
        blank=True,
        help_text=gettext_lazy(
            "Without their #, each once: extracted from the text and the per-network texts with X's rules."
        ),
    )
    # One composer page holds one key: its autosaves, even two sent before the first answered,
    # find the same row instead of each creating a draft.
    draft_key = models.UUIDField(null=True, blank=True, editable=False)
    is_autosaved = models.BooleanField(
        default=False,
        help_text=gettext_lazy("Kept by the composer's autosave and not yet saved by its author: unsaved work."),
    )
    campaign = models.ForeignKey(
        "campaigns.Campaign", on_delete=models.SET_NULL, null=True, blank=True, related_name="posts"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["organization", "-created_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "author", "draft_key"],
                condition=models.Q(draft_key__isnull=False),
                name="one_post_per_draft_key",
            )
        ]

    def __str__(self) -> str:
        return self.text[:60] or f"Post {self.pk}"


class PostMedia(models.Model):
    """A media item attached to a post, in the order the author chose."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="attachments")
    # RESTRICT, as PostTarget.account: a used file stays, unless its organization is deleted with the posts.
    asset = models.ForeignKey("posts.MediaAsset", on_delete=models.RESTRICT, related_name="attachments")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["post", "asset"], name="attach_asset_once")]

    def __str__(self) -> str:
        return f"{self.asset} on post {self.post_id}"


class HashtagSet(models.Model):
    """Hashtags inserted with one click; the organization's, or one member's own."""

    organization = models.ForeignKey("accounts.Organization", on_delete=models.CASCADE, related_name="hashtag_sets")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="hashtag_sets",
        help_text=gettext_lazy("Empty for a set the whole organization shares."),
    )
    name = models.CharField(max_length=80)
    hashtags = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
