"""Serializers the posts API shares between views; each view keeps its own Input/OutputSerializer.

Serializers only parse and present: every rule lives in ``posts.services``
and ``posts.media``.
"""

from __future__ import annotations

from rest_framework import serializers

from posts.models import MediaAsset


class MediaAssetSerializer(serializers.ModelSerializer):
    duration = serializers.FloatField(
        source="duration_s", allow_null=True, help_text="Seconds, for videos; null for images."
    )

    class Meta:
        model = MediaAsset
        fields = ["id", "kind", "content_type", "size_bytes", "width", "height", "duration", "alt_text", "created_at"]
        read_only_fields = fields
        ref_name = "MediaAsset"
