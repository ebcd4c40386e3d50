"""Uploaded images and videos, stripped of metadata, and their per-network renditions."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class MediaAsset(models.Model):
    class Kind(models.TextChoices):
        IMAGE = "image", "Image"
        GIF = "gif", "Animated GIF"
        VIDEO = "video", "Video"

    organization = models.ForeignKey("accounts.Organization", on_delete=models.CASCADE, related_name="media")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    file = models.FileField(upload_to="media/%Y/%m/")
    original_name = models.CharField(max_length=255, blank=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    content_type = models.CharField(max_length=100)
    size_bytes = models.BigIntegerField()
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    duration_s = models.FloatField(null=True, blank=True)
    codec = models.CharField(max_length=40, blank=True)
    sha256 = models.CharField(max_length=64)
    alt_text = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.original_name or f"{self.kind} {self.pk}"


class MediaRendition(models.Model):
    """A copy of an asset resized or converted for one network, made on demand and kept."""

    asset = models.ForeignKey(MediaAsset, on_delete=models.CASCADE, related_name="renditions")
    network = models.CharField(max_length=20)
    variant = models.CharField(max_length=40, default="default", help_text='e.g. "crop" or "pad" for Instagram.')
    file = models.FileField(upload_to="renditions/%Y/%m/")
    content_type = models.CharField(max_length=100)
    size_bytes = models.BigIntegerField()
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["asset", "network", "variant"], name="one_rendition_per_network_variant")
        ]

    def __str__(self) -> str:
        return f"{self.asset} for {self.network} ({self.variant})"
