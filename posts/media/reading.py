"""Reading an uploaded image for the privacy guard: the text in it and its faces, once, in a worker.

``start_reading`` runs with every image upload: it lays a pending ``ImageReading`` and, once the
upload's transaction commits, enqueues ``posts.tasks.read_image``. OCR takes about a second and
its models about 420 MB, so it never runs in a web request. The task calls ``read_asset``, which
reads the stored file (the copy already stripped of its metadata, so what is read is what would
be published) and keeps what was found, or why nothing was (``not_read``): the guard then says
"this image was not read" rather than calling it clean.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from importlib import metadata

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from posts.models import ImageReading, MediaAsset
from privacy import images

logger = logging.getLogger(__name__)

State = ImageReading.State
STORAGE_UNREADABLE = "storage_unreadable"


def start_reading(asset: MediaAsset) -> ImageReading | None:
    """Lay ``asset``'s pending reading and have a worker read it after the commit; None for a video."""
    if not asset.is_visual:
        return None
    reading, _created = ImageReading.objects.get_or_create(asset=asset)
    transaction.on_commit(lambda: enqueue_reading(asset.pk))
    return reading


def copy_reading(source: MediaAsset, copy: MediaAsset) -> ImageReading | None:
    """Give ``copy`` (the same bytes as ``source``, in another library) ``source``'s reading, so
    an image is not read twice; one not read yet is read again for the copy."""
    reading = ImageReading.objects.filter(asset=source).first()
    if reading is None or reading.state == State.PENDING:
        return start_reading(copy)
    reading.pk, reading.asset = None, copy
    reading.save(force_insert=True)
    return reading


def enqueue_reading(asset_id: int) -> None:
    """Send the task. A broker that is down leaves the reading pending: the engine reads a pending
    image itself before sending, and scheduling says the image is still being read."""
    from posts.tasks import read_image  # posts.tasks imports this module

    try:
        read_image.delay(asset_id)
    except Exception:  # kombu's connection errors vary by transport; the upload itself succeeded
        logger.exception("could not enqueue the reading of image %s", asset_id)


# A reading still pending this long after upload lost its task (a broker restarted, no worker ran):
# whoever asks about it sends the task again, at most once per this span.
STUCK_AFTER = timedelta(minutes=2)


def enqueue_if_stuck(asset: MediaAsset) -> None:
    if asset.created_at and asset.created_at < timezone.now() - STUCK_AFTER:
        if cache.add(f"image-reading-requeued:{asset.pk}", True, timeout=int(STUCK_AFTER.total_seconds())):
            enqueue_reading(asset.pk)


def read_asset(asset_id: int) -> ImageReading | None:
    """Read one image and store what was found. Safe to run twice (a second run reads it again and
    stores the same); None when the asset is gone or is not an image."""
    asset = MediaAsset.objects.filter(pk=asset_id).first()
    if asset is None or not asset.is_visual:
        return None
    try:
        with asset.file.open("rb") as handle:
            data = handle.read()
    except OSError:
        found = images.ImageReading(
            read=False,
            not_read_code=STORAGE_UNREADABLE,
            not_read_reason="The stored file could not be opened, so nothing in it was read.",
        )
    else:
        found = images.read_image(data)
    return _store(asset, found)


def _store(asset: MediaAsset, found: images.ImageReading) -> ImageReading:
    fields = {
        "state": State.READ if found.read else State.NOT_READ,
        "text": found.text,
        "lines": [
            {"text": line.text, **_box(line.box), "confidence": round(line.confidence, 3)} for line in found.lines
        ],
        "faces": [_box(face) for face in found.faces],
        "faces_checked": found.faces_checked,
        "not_read_code": found.not_read_code,
        "not_read_reason": found.not_read_reason,
        "engine": engine_name() if found.read else "",
        "read_at": timezone.now(),
    }
    reading, _created = ImageReading.objects.update_or_create(asset=asset, defaults=fields)
    return reading


def _box(box: images.Box) -> dict[str, int]:
    return {"left": box.left, "top": box.top, "width": box.width, "height": box.height}


def engine_name() -> str:
    try:
        return f"rapidocr {metadata.version('rapidocr')}"
    except metadata.PackageNotFoundError:
        return "rapidocr"


def read_pending(assets: list[MediaAsset]) -> None:
    """Read, here and now, each image of ``assets`` still pending (or never laid): for a worker
    only, which may take the seconds; a web request asks the author to wait instead."""
    readings = {reading.asset_id: reading for reading in ImageReading.objects.filter(asset__in=assets)}
    for asset in assets:
        reading = readings.get(asset.pk)
        if asset.is_visual and (reading is None or reading.state == State.PENDING):
            read_asset(asset.pk)
