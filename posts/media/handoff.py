"""What an adapter receives: the rendition for its network, as a local file or a signed URL.

Files live in Django's storage; ``local_path`` gives the libraries that need a path
(an adapter reading bytes to upload) a cached copy when the storage is remote.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db.models.fields.files import FieldFile

from platforms.base import MediaItem
from posts.media.limits import MB
from posts.media.renditions import rendition_for
from posts.media.signed_urls import signed_media_url
from posts.models import MediaAsset

# Networks that download media from a URL we give them, rather than receiving the bytes.
FETCHES_BY_URL = frozenset({"instagram"})


def media_item_for(asset: MediaAsset, *, network: str, variant: str = "default") -> MediaItem:
    """The asset, rendered for ``network``, as the adapter consumes it.

    ``path`` is a local file to upload (on remote storage, a cached copy: see
    ``local_path``); ``url`` is a signed URL for networks that fetch media
    themselves. Raises ValidationError as ``rendition_for`` does.
    """
    rendition = rendition_for(asset, network=network, variant=variant)
    return MediaItem(
        kind=asset.kind,
        content_type=rendition.content_type,
        path=local_path(rendition.file),
        url=signed_media_url(rendition) if network in FETCHES_BY_URL else "",
        alt_text=asset.alt_text if asset.is_visual else "",
        width=rendition.width or 0,
        height=rendition.height or 0,
        duration_s=asset.duration_s or 0.0,
        size_bytes=rendition.size_bytes,
    )


def media_cache_dir() -> Path:
    default = Path(tempfile.gettempdir()) / "physsocial-media-cache"
    return Path(getattr(settings, "MEDIA_CACHE_DIR", default))


def local_path(field_file: FieldFile) -> str:
    """A path on this machine holding the file's bytes, for libraries that need one.

    On local storage, the stored file itself; otherwise a copy in the media cache
    (``MEDIA_CACHE_DIR``), reused while it lasts: stored names are random and never
    overwritten, so a cached copy cannot go stale. ``prune_media_cache`` empties it.
    """
    storage = field_file.storage
    try:
        path = storage.path(field_file.name)
    except NotImplementedError:  # remote storage
        path = ""
    if path and os.path.isfile(path):  # InMemoryStorage answers path() with a path that does not exist
        return path
    suffix = Path(field_file.name).suffix
    target = media_cache_dir() / f"{hashlib.sha256(field_file.name.encode()).hexdigest()}{suffix}"
    if target.exists():
        os.utime(target)
        return str(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(dir=target.parent, suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out, storage.open(field_file.name, "rb") as source:
            shutil.copyfileobj(source, out, MB)
        os.replace(partial, target)  # atomic: a reader never sees half a file
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    return str(target)


def prune_media_cache(*, older_than: timedelta = timedelta(days=1)) -> int:
    """Remove cached copies not used for ``older_than``; returns how many went. Safe to repeat."""
    directory = media_cache_dir()
    if not directory.is_dir():
        return 0
    cutoff = time.time() - older_than.total_seconds()
    removed = 0
    for entry in directory.iterdir():
        if entry.is_file() and entry.stat().st_mtime < cutoff:
            entry.unlink(missing_ok=True)
            removed += 1
    return removed
