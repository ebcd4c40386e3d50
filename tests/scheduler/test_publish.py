"""Publishing a due target: once, on the network, with its link and a log of the attempt."""

import shutil
import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from posts.models import PostTarget, TargetState
from scheduler import services
from scheduler.models import PublishAttempt


def test_a_due_target_is_published_on_x_with_its_link(target, simulator, x_user):
    services.publish_target(target.pk)

    target.refresh_from_db()
    posts = simulator.posts_for("twitter", x_user["id"])
    assert [p.text for p in posts] == ["Flu shots at the clinic this Saturday, 9 to 12."]
    assert target.state == TargetState.PUBLISHED
    assert target.external_id == posts[0].id
    assert target.external_url == f"https://x.com/{x_user['username']}/status/{posts[0].id}"
    assert target.published_at is not None
    assert target.request_sent_at is None and target.lease_expires_at is None


def test_the_attempt_is_logged_with_its_outcome(target):
    services.publish_target(target.pk)

    attempt = PublishAttempt.objects.get(target=target)
    assert attempt.outcome == PublishAttempt.Outcome.PUBLISHED
    assert attempt.request_sent_at is not None and attempt.finished_at >= attempt.request_sent_at
    assert attempt.request_id  # X's x-transaction-id
    assert attempt.worker


def test_a_duplicate_delivery_publishes_once(target, simulator, x_user):
    services.publish_target(target.pk)
    services.publish_target(target.pk)

    assert len(simulator.posts_for("twitter", x_user["id"])) == 1
    assert PublishAttempt.objects.filter(target=target).count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_deliveries_running_at_once_publish_once(target, simulator, x_user):
    simulator.latency_s = 0.2  # both workers are inside publish_target together

    def worker():
        try:
            services.publish_target(target.pk)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    target.refresh_from_db()
    assert target.state == TargetState.PUBLISHED
    assert len(simulator.posts_for("twitter", x_user["id"])) == 1


def test_a_target_not_yet_due_is_left_for_later(schedule, x_account, simulator):
    later = schedule(x_account, at=timezone.now() + timedelta(minutes=10))

    services.publish_target(later.pk)

    later.refresh_from_db()
    assert later.state == TargetState.SCHEDULED
    assert simulator.posts_for("twitter") == []


def test_a_cancelled_target_is_not_published(target, simulator):
    target.move(TargetState.CANCELLED)

    services.publish_target(target.pk)

    assert simulator.posts_for("twitter") == []


def test_a_linkedin_target_is_published_as_written(schedule, linkedin_account, simulator, linkedin_member):
    target = schedule(linkedin_account, text="Vaccines (all ages) at #StMarys: 9-12 <free>")

    services.publish_target(target.pk)

    target.refresh_from_db()
    posts = simulator.posts_for("linkedin", linkedin_member["id"])
    assert [p.text for p in posts] == ["Vaccines (all ages) at #StMarys: 9-12 <free>"]
    assert target.state == TargetState.PUBLISHED
    assert target.external_id == posts[0].id


def test_a_draft_that_breaks_the_networks_rules_fails_as_invalid(schedule, x_account, simulator):
    target = schedule(x_account, text="x" * 281)

    services.publish_target(target.pk)

    target.refresh_from_db()
    assert target.state == TargetState.FAILED
    assert target.failure_reason == "invalid"
    assert "281 of 280 characters" in target.error_message
    assert simulator.posts_for("twitter") == []


def test_an_x_thread_goes_out_as_replies(schedule, x_account, simulator, x_user):
    target = schedule(x_account, text="1/ Flu season is here.", options={"thread": ["2/ Book your shot.", "3/ Free."]})

    services.publish_target(target.pk)

    target.refresh_from_db()
    posts = simulator.posts_for("twitter", x_user["id"])
    assert [p.text for p in posts] == ["1/ Flu season is here.", "2/ Book your shot.", "3/ Free."]
    assert target.external_id == posts[0].id
    assert [part["external_id"] for part in target.published_parts] == [p.id for p in posts]


def test_the_target_is_left_published_only_once_in_the_database(target):
    services.publish_target(target.pk)
    assert PostTarget.objects.filter(pk=target.pk, state=TargetState.PUBLISHED).count() == 1


def test_a_post_with_an_image_goes_out_with_its_alt_text(photo_post, schedule, x_account, simulator):
    target = schedule(x_account, post=photo_post)

    services.publish_target(target.pk)

    target.refresh_from_db()
    assert target.state == TargetState.PUBLISHED
    (posted,) = simulator.posts_for("twitter")
    assert len(posted.media) == 1
    assert posted.media[0].get("alt_text") == "A waiting room"


def test_a_photo_gone_from_storage_fails_the_post_before_anything_is_sent(
    tmp_path, photo_post, schedule, x_account, simulator
):
    target = schedule(x_account, post=photo_post)
    shutil.rmtree(tmp_path / "media")
    shutil.rmtree(tmp_path / "media-cache", ignore_errors=True)

    services.publish_target(target.pk)

    target.refresh_from_db()
    assert target.state == TargetState.FAILED
    assert target.failure_reason == "invalid"
    assert "flu-clinic.jpg could not be read from storage" in target.error_message
    assert simulator.posts_for("twitter") == []
    assert not PublishAttempt.objects.filter(target=target).exists()
