"""Signed, expiring public URLs for networks that fetch media themselves (Instagram)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from posts.models import MediaAsset, MediaRendition

DEFAULT_URL_LIFETIME = timedelta(hours=6)
# However long a caller asks for, a signed URL never outlives this.
MAX_URL_LIFETIME = timedelta(days=7)
# The module's old name, kept so that URLs signed before the split still open.
SIGNED_URL_SALT = "posts.media.signed-url"


def signed_media_url(
    rendition_or_asset: MediaRendition | MediaAsset, *, expires_in: timedelta = DEFAULT_URL_LIFETIME
) -> str:
    """A public URL on PUBLIC_BASE_URL serving this file until ``expires_in`` from now.

    The token is signed with SECRET_KEY (unguessable, cannot be altered) and
    carries its own expiry; after it, or with any change, the URL answers 404.
    """
    expires_in = min(expires_in, MAX_URL_LIFETIME)
    kind = "r" if isinstance(rendition_or_asset, MediaRendition) else "a"
    expires_at = int((timezone.now() + expires_in).timestamp())
    token = signing.dumps({kind: rendition_or_asset.pk, "x": expires_at}, salt=SIGNED_URL_SALT, compress=True)
    extension = Path(rendition_or_asset.file.name).suffix or ""
    path = reverse("media-signed", kwargs={"token": token, "filename": f"media{extension}"})
    return f"{settings.PUBLIC_BASE_URL.rstrip('/')}{path}"


def load_signed_media(token: str) -> MediaRendition | MediaAsset | None:
    """The rendition or asset a signed token names, or None when it is forged, altered or expired."""
    try:
        payload = signing.loads(token, salt=SIGNED_URL_SALT, max_age=MAX_URL_LIFETIME)
    except signing.BadSignature:  # also SignatureExpired
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("x"), int):
        return None
    if payload["x"] <= timezone.now().timestamp():
        return None
    if isinstance(payload.get("r"), int):
        return MediaRendition.objects.select_related("asset").filter(pk=payload["r"]).first()
    if isinstance(payload.get("a"), int):
        return MediaAsset.objects.filter(pk=payload["a"]).first()
    return None
