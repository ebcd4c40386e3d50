"""Celery tasks for posts: thin, take ids, delegate in one line."""

from __future__ import annotations

from celery import shared_task
from django.db import close_old_connections

from posts.media import reading


@shared_task(bind=True, acks_late=True, ignore_result=True)
def read_image(self, asset_id: int) -> None:
    """Read an uploaded image's text and faces for the privacy guard (about a second, one core).
    Safe to run twice: the reading is stored again, the same."""
    if self.request.is_eager:  # run in the caller's connection and transaction, as physsocial/celery.py says
        reading.read_asset(asset_id)
        return
    close_old_connections()
    try:
        reading.read_asset(asset_id)
    finally:
        close_old_connections()
