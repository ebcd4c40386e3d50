"""What people decided about the privacy guard's findings, and what OCR read in an image.

A blocked post is published only after an owner or admin releases it with a written reason; an
author may mark one finding "not a patient" with a reason; an author confirms consent for an
image with a face. Each is a row here and an entry in the audit trail. ``posts.privacy`` applies
them; ``privacy.images`` reads images (in a Celery task: OCR is far too slow for a request).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PrivacyRelease(models.Model):
    """An owner's or admin's written decision to publish a post despite the findings that block it.
    It covers the findings listed in ``findings`` only: a new identifier typed later blocks again."""

    post = models.ForeignKey("posts.Post", on_delete=models.CASCADE, related_name="privacy_releases")
    released_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("reason"))
    findings = models.JSONField(default=list, help_text=_("The findings released: [{field, category, excerpt}]."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"release of post {self.post_id}"


class FindingDismissal(models.Model):
    """One finding marked "not a patient" (or not an identifier) by someone who may edit the post."""

    post = models.ForeignKey("posts.Post", on_delete=models.CASCADE, related_name="finding_dismissals")
    field = models.CharField(max_length=80)
    category = models.CharField(max_length=40)
    excerpt = models.CharField(max_length=500)
    reason = models.TextField(_("reason"))
    marked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["post", "field", "category", "excerpt"], name="dismiss_a_finding_once")
        ]

    def __str__(self) -> str:
        return f"{self.category} in {self.field} of post {self.post_id}"


class ImageReading(models.Model):
    """What OCR and face detection found in one image, once, after upload."""

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting to be read")
        READ = "read", _("Read")
        NOT_READ = "not_read", _("Could not be read")

    asset = models.OneToOneField("posts.MediaAsset", on_delete=models.CASCADE, related_name="reading")
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    text = models.TextField(blank=True)
    lines = models.JSONField(default=list, blank=True, help_text=_("[{text, left, top, width, height}] in pixels."))
    faces = models.JSONField(default=list, blank=True, help_text=_("[{left, top, width, height}] in pixels."))
    faces_checked = models.BooleanField(default=False)
    not_read_code = models.CharField(max_length=40, blank=True)
    not_read_reason = models.TextField(blank=True)
    engine = models.CharField(max_length=80, blank=True, help_text=_('e.g. "rapidocr 3.10.0"'))
    read_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"reading of {self.asset_id}: {self.state}"


class FaceConsent(models.Model):
    """The author's confirmation that every identifiable person in an image agreed to its posting."""

    post = models.ForeignKey("posts.Post", on_delete=models.CASCADE, related_name="face_consents")
    asset = models.ForeignKey("posts.MediaAsset", on_delete=models.CASCADE, related_name="face_consents")
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "asset"], name="one_face_consent_per_image_per_post")]

    def __str__(self) -> str:
        return f"consent for {self.asset_id} on post {self.post_id}"
