"""Test help for the privacy guard's image reading: the labelled test images, uploaded for real,
and Celery's eager mode so the worker's task runs inside the test when the upload commits."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

IMAGES = Path(__file__).parent / "data" / "privacy" / "images"


def test_image(name: str) -> SimpleUploadedFile:
    """One of tests/data/privacy/images (see its README), as a browser would upload it."""
    return SimpleUploadedFile(name, (IMAGES / name).read_bytes(), content_type="image/jpeg")


test_image.__test__ = False  # a helper, not a test


@pytest.fixture
def tasks_run_at_once():
    """Tasks sent run at once, in the test's own connection, as a worker would run them later."""
    from physsocial.celery import app

    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = False


def read_now(*asset_ids: int) -> None:
    """The worker's task for each image, run here and now (what happens a second after an upload)."""
    from posts.tasks import read_image

    for asset_id in asset_ids:
        read_image.apply(args=(asset_id,))
