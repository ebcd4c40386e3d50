"""Serializers the posts API shares between views; each view keeps its own Input/OutputSerializer.

Serializers only parse and present: every rule lives in ``posts.services``,
``posts.validation`` and ``posts.media``. Times go out in UTC ("Z") and come
in only with an explicit offset: we never guess a time zone.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from physsocial import input_rules
from physsocial.api_input import (
    ISO_EXAMPLE,
    FlagField,
    IdField,
    JsonObjectField,
    StrictSerializer,
    TextField,
    TimeField,
)
from platforms.description import DESCRIPTIONS
from posts.models import MediaAsset, Post, PostTarget, TargetState
from posts.validation import problem_text


class UtcDateTimeField(serializers.DateTimeField):
    """Read-only times in UTC, whatever the server's time zone."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(default_timezone=dt.UTC, **kwargs)


class AwareDateTimeField(TimeField):
    """ISO-8601 with a UTC offset ("Z" or "-04:00"), in the calendar's sane range. A time without an offset is
    refused, not guessed (the rules live in ``physsocial.api_input.TimeField``)."""


class MediaAssetSerializer(serializers.ModelSerializer):
    duration = serializers.FloatField(
        source="duration_s", allow_null=True, help_text="Seconds, for videos; null for images."
    )
    created_at = UtcDateTimeField()

    class Meta:
        model = MediaAsset
        fields = ["id", "kind", "content_type", "size_bytes", "width", "height", "duration", "alt_text", "created_at"]
        read_only_fields = fields
        ref_name = "MediaAsset"


# --- posts -------------------------------------------------------------------------------------


def options_help() -> str:
    """The options each network takes, for the schema, written from the networks' descriptions."""

    def describe_option(option) -> str:
        if option.kind == "fit":
            return f"{option.name} ({{media id: {', '.join(option.values[1:])}}})"
        return f"{option.name} ({', '.join(option.values)})" if option.kind == "choice" else option.name

    networks = (
        f"{description.label}: {', '.join(describe_option(option) for option in description.options)}."
        for description in DESCRIPTIONS.values()
    )
    return " ".join(["This network's options.", *networks])


class OverrideSerializer(StrictSerializer):
    text = TextField(
        required=False, allow_blank=True, trim_whitespace=False, help_text="This network's text; empty: the post's."
    )
    options = JsonObjectField(
        required=False,
        help_text=options_help(),
    )

    class Meta:
        ref_name = "TargetOverride"


class OverridesField(serializers.DictField):
    """Tailored versions keyed by account id ("12"); any other key is refused in plain words."""

    def to_internal_value(self, data: Any) -> dict[str, Any]:
        if isinstance(data, dict):
            for key in data:
                if input_rules.parse_id(key) is None:
                    raise serializers.ValidationError(
                        _("%(key)s is not an account id: key each tailored version by the id of a chosen account.")
                        % {"key": repr(key)[:40]}
                    )
        return super().to_internal_value(data)


class PostBodySerializer(StrictSerializer):
    """What a post is made of, as the create, edit and validate endpoints receive it.

    Unknown fields are refused: a mistyped "schedule_at" must not quietly become "publish now".
    """

    text = TextField(required=False, allow_blank=True, trim_whitespace=False, default="")
    link = TextField(
        required=False, allow_blank=True, default="", help_text="A web address; where each network shows it varies."
    )
    accounts = serializers.ListField(child=IdField(), required=False, default=list, help_text="Connected account ids.")
    media = serializers.ListField(child=IdField(), required=False, default=list, help_text="Media ids, in order.")
    face_consents = serializers.ListField(
        child=IdField(),
        required=False,
        default=list,
        help_text=(
            "Ids of this post's images with a face for which you confirm that every identifiable person agreed to "
            "its posting; required before scheduling an image in which a face was found. Stored and audited."
        ),
    )
    overrides = OverridesField(
        child=OverrideSerializer(),
        required=False,
        default=dict,
        help_text='Per account, keyed by account id: {"12": {"text": "...", "options": {...}}}.',
    )
    campaign = IdField(
        required=False,
        allow_null=True,
        help_text=(
            "A campaign id of this organization, or null for none. Its posts' links (or the campaign's landing "
            "link) go out with utm_source (the network), utm_medium and utm_campaign added."
        ),
    )

    unknown_field_message = gettext_lazy("This field is not part of a post.")


class ScheduleSerializer(PostBodySerializer):
    """A post body plus when it should go out."""

    scheduled_at = AwareDateTimeField(
        required=False,
        allow_null=True,
        help_text=f"When to publish, ISO-8601 with its offset ({ISO_EXAMPLE}); null: publish now.",
    )
    queue = FlagField(required=False, default=False, help_text="Each account's next free slot.")
    draft = FlagField(required=False, default=False, help_text="Save without scheduling.")
    schedule_valid_only = FlagField(
        required=False,
        default=False,
        help_text="Schedule the accounts without problems and keep the others as drafts, instead of refusing all.",
    )

    def schedule(self, data: dict[str, Any], *, required: bool) -> tuple[str | None, dt.datetime | None]:
        """The service's (schedule, scheduled_at) for ``data``; (None, None) to leave it as it is.

        ``required``: the caller must say when (creating); otherwise saying nothing keeps the schedule.
        """
        given = {name for name in ("draft", "queue", "scheduled_at") if name in self.initial_data}
        if not given:
            if required:
                raise serializers.ValidationError(
                    {
                        "scheduled_at": [
                            _(
                                "Say when to publish: a time with its offset, null for now, "
                                '"queue": true for the next free slot, or "draft": true to only save it.'
                            )
                        ]
                    }
                )
            return None, None
        draft, queue, at = data.get("draft", False), data.get("queue", False), data.get("scheduled_at")
        if sum([bool(draft), bool(queue), at is not None]) > 1:
            raise serializers.ValidationError(
                {"detail": [_('Choose one of "draft", "queue" and "scheduled_at"; they contradict each other.')]}
            )
        if draft:
            return "draft", None
        if queue:
            return "queue", None
        if at is not None:
            return "at", at
        return "now", None


class ProblemSerializer(serializers.Serializer):
    code = serializers.CharField(help_text='Stable machine name, e.g. "text_too_long".')
    message = serializers.CharField(help_text='In plain words, e.g. "X: 312 of 280 characters".')
    field = serializers.CharField(help_text='What to fix: "text", "media", "account", "link", "options"...')

    class Meta:
        ref_name = "Problem"

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["message"] = problem_text(instance)  # the reader's language (Accept-Language, else theirs)
        return data


class AccountCheckSerializer(serializers.Serializer):
    """One account's outcome from ``posts.services.validate_post``."""

    network = serializers.CharField()
    counts = serializers.DictField(
        child=serializers.DictField(child=serializers.IntegerField()),
        help_text='Counters, e.g. {"text": {"used": 312, "limit": 280}}; Instagram adds hashtags, YouTube title.',
    )
    problems = ProblemSerializer(many=True)

    class Meta:
        ref_name = "AccountCheck"


class TargetSerializer(serializers.ModelSerializer):
    network = serializers.CharField(source="account.network", read_only=True)
    text = serializers.CharField(read_only=True, help_text="What this network receives: the override or the post's.")
    scheduled_at = UtcDateTimeField(allow_null=True)
    published_at = UtcDateTimeField(allow_null=True)
    error = serializers.CharField(source="error_message", read_only=True, help_text="Why it failed, in plain words.")
    state = serializers.ChoiceField(choices=TargetState.choices, read_only=True)
    metrics = serializers.SerializerMethodField(
        help_text=(
            'The latest figures the network gave, e.g. {"views": 812, "likes": 31, "collected_at": '
            '"2026-12-03T09:00:00Z"}; null until first read. A figure the network does not give for this '
            "account type is absent. Names: views, reach, likes, comments, shares, quotes, saves, bookmarks, clicks."
        )
    )

    class Meta:
        model = PostTarget
        fields = [
            "id",
            "account",
            "network",
            "state",
            "scheduled_at",
            "is_queued",
            "published_at",
            "external_url",
            "error",
            "text",
            "text_override",
            "options",
            "metrics",
        ]
        read_only_fields = fields
        ref_name = "PostTarget"

    @extend_schema_field(
        {
            "type": "object",
            "nullable": True,
            "properties": {"collected_at": {"type": "string", "format": "date-time"}},
            "additionalProperties": {"type": "integer"},
        }
    )
    def get_metrics(self, target: PostTarget) -> dict[str, Any] | None:
        if target.metrics_collected_at is None:
            return None
        return {**target.metrics, "collected_at": UtcDateTimeField().to_representation(target.metrics_collected_at)}


class PostSerializer(serializers.ModelSerializer):
    author = serializers.EmailField(source="author.email", read_only=True)
    media = serializers.SerializerMethodField(help_text="Media ids, in order.")
    hashtags = serializers.ListField(child=serializers.CharField(), read_only=True)
    targets = TargetSerializer(many=True, read_only=True)
    created_at = UtcDateTimeField()
    updated_at = UtcDateTimeField()

    class Meta:
        model = Post
        fields = [
            "id",
            "text",
            "link",
            "campaign",
            "media",
            "hashtags",
            "author",
            "created_at",
            "updated_at",
            "targets",
        ]
        read_only_fields = fields
        ref_name = "Post"

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_media(self, post: Post) -> list[int]:
        return [attachment.asset_id for attachment in post.attachments.all()]
