"""Uploaded images and videos, stripped of metadata, and their per-network renditions.

Files live wherever Django's default storage puts them (local disk or an
S3-compatible bucket) under random names: an upload called
"jane-doe-xray.jpg" must not put a patient's name in a bucket listing. The
name the person chose is kept in ``original_name`` for the library only.
``posts.media`` holds the services that create, transform and serve them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MediaAsset(models.Model):
    class Kind(models.TextChoices):
        IMAGE = "image", _("Image")
        GIF = "gif", _("Animated GIF")
        VIDEO = "video", _("Video")

    organization = models.ForeignKey("accounts.Organization", on_delete=models.CASCADE, related_name="media")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    file = models.FileField(upload_to="media/%Y/%m/")
    original_name = models.CharField(max_length=255, blank=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    content_type = models.CharField(
        max_length=100, help_text=_("Of the stored file: HEIC arrives and is kept as JPEG.")
    )
    size_bytes = models.BigIntegerField()
    width = models.PositiveIntegerField(null=True, blank=True, help_text=_("As displayed, after rotation."))
    height = models.PositiveIntegerField(null=True, blank=True, help_text=_("As displayed, after rotation."))
    duration_s = models.FloatField(null=True, blank=True)
    codec = models.CharField(max_length=40, blank=True, help_text=_('Video codec as FFmpeg names it, e.g. "h264".'))
    sha256 = models.CharField(max_length=64, help_text=_("Of the stored (stripped) bytes."))
    alt_text = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["organization", "-created_at"], name="media_org_created_idx")]

    def __str__(self) -> str:
        return self.original_name or f"{self.kind} {self.pk}"

    @property
    def is_visual(self) -> bool:
        """An image or animated GIF: something a screen reader needs alt text for."""
        return self.kind in (self.Kind.IMAGE, self.Kind.GIF)

    @property
    def aspect_ratio(self) -> float | None:
        """Width / height as displayed, or None when unknown."""
        if not self.width or not self.height:
            return None
        return self.width / self.height


class MediaRendition(models.Model):
    """A copy of an asset resized or converted for one network, made on demand and kept.

    ``network`` is a network key, or "library" for the thumbnails the media
    library shows. When the asset already suits the network, the rendition
    points at the asset's own file instead of storing a second copy.
    """

    asset = models.ForeignKey(MediaAsset, on_delete=models.CASCADE, related_name="renditions")
    network = models.CharField(max_length=20)
    variant = models.CharField(max_length=40, default="default", help_text=_('e.g. "crop" or "pad" for Instagram.'))
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
