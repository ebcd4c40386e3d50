"""Right before publishing, the engine checks what was read in the post's images too; an image still
waiting for its reading (the task lost, an upload older than the guard) is read by the engine itself."""

from __future__ import annotations

import pytest

from posts.media.ingest import ingest_upload
from posts.models import FailureReason, ImageReading, PostMedia, TargetState
from scheduler import services
from tests.image_reading import test_image


@pytest.fixture
def post_with(settings, tmp_path, make_post):
    """``post_with(name)``: a clean post with one test image attached, whose reading is still pending."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.MEDIA_CACHE_DIR = str(tmp_path / "media-cache")

    def make(name: str):
        post = make_post(text="Our flu clinic, ready for Saturday.")
        asset = ingest_upload(
            organization=post.organization, uploaded_by=post.author, uploaded_file=test_image(name), alt_text="A photo"
        )
        PostMedia.objects.create(post=post, asset=asset)
        return post

    return make


def test_a_wristband_still_pending_is_read_by_the_engine_and_not_sent(post_with, schedule, x_account, simulator):
    post = post_with("wristband_en.jpg")
    target = schedule(x_account, post=post)
    assert ImageReading.objects.get(asset__posts=post).state == ImageReading.State.PENDING

    services.publish_target(target.pk)

    target.refresh_from_db()
    assert simulator.posts_for() == []
    assert (target.state, target.failure_reason) == (TargetState.FAILED, FailureReason.INVALID)
    assert target.error_message.startswith("Not sent to X: the post now holds")
    assert "a patient's name" in target.error_message
    reading = ImageReading.objects.get(asset__posts=post)
    assert reading.state == ImageReading.State.READ and reading.text.startswith("SMITH, John A")


def test_a_clean_photo_read_by_the_engine_goes_out(post_with, schedule, x_account, simulator):
    target = schedule(x_account, post=post_with("coffee.jpg"))

    services.publish_target(target.pk)

    target.refresh_from_db()
    assert target.state == TargetState.PUBLISHED
    assert ImageReading.objects.get().state == ImageReading.State.READ


def test_a_face_nobody_confirmed_consent_for_is_not_sent(post_with, schedule, x_account, simulator):
    target = schedule(x_account, post=post_with("astronaut.jpg"))

    services.publish_target(target.pk)

    target.refresh_from_db()
    assert simulator.posts_for() == []
    assert target.state == TargetState.FAILED
    assert "“astronaut.jpg” shows a face" in target.error_message
