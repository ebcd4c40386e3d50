"""A request that may have reached the network is never blindly sent again: we look first."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts import connections
from accounts.models import Notification
from platforms.base import Draft, Transient
from posts import services as post_services
from posts.models import PostTarget, TargetState
from scheduler import services
from scheduler.models import PublishAttempt
from tests.scheduler.conftest import make_due, remove_media_files

TWEETS = "POST /2/tweets"
TIMELINE = "GET /2/users/{id}/tweets"


def died_while_publishing(target, *, request_sent: bool):
    """The state a worker killed mid-publish leaves: publishing, its lease expired, maybe a request out."""
    now = timezone.now()
    sent_at = now - timedelta(minutes=3) if request_sent else None
    PostTarget.objects.filter(pk=target.pk).update(
        state=TargetState.PUBLISHING,
        lease_expires_at=now - timedelta(seconds=1),
        request_sent_at=sent_at,
        attempts=1 if request_sent else 0,
    )
    if request_sent:
        PublishAttempt.objects.create(target=target, started_at=sent_at, request_sent_at=sent_at)


def test_a_post_accepted_whose_answer_was_dropped_is_found_and_not_sent_again(target, simulator, x_user):
    simulator.fail("twitter", TWEETS, drop_after_accept=True)

    services.publish_target(target.pk)

    target.refresh_from_db()
    posts = simulator.posts_for("twitter", x_user["id"])
    assert len(posts) == 1
    assert target.state == TargetState.PUBLISHED
    assert target.external_id == posts[0].id
    attempt = PublishAttempt.objects.get(target=target)
    assert attempt.outcome == PublishAttempt.Outcome.RECONCILED
    assert len(simulator.requests_to("twitter", TWEETS)) == 1


def test_when_recent_posts_cannot_be_read_a_person_decides(target, simulator, alice, bob):
    simulator.fail("twitter", TWEETS, drop_after_accept=True)
    simulator.fail("twitter", TIMELINE, status=503)

    services.publish_target(target.pk)

    target.refresh_from_db()
    assert target.state == TargetState.NEEDS_ATTENTION
    assert target.failure_reason == "unknown_outcome"
    assert "It was published" in target.error_message
    assert len(simulator.requests_to("twitter", TWEETS)) == 1
    notified = Notification.objects.filter(kind=Notification.Kind.NEEDS_ATTENTION)
    assert set(notified.values_list("user", flat=True)) == {alice.pk, bob.pk}


def test_a_worker_that_died_before_sending_is_taken_over_and_publishes_once(target, simulator, x_user):
    died_while_publishing(target, request_sent=False)

    services.publish_target(target.pk)

    target.refresh_from_db()
    assert target.state == TargetState.PUBLISHED
    assert len(simulator.posts_for("twitter", x_user["id"])) == 1
    assert simulator.requests_to("twitter", TIMELINE) == []  # nothing had left: no need to look


def test_a_worker_that_died_after_x_took_the_post_is_reconciled_without_a_second_post(
    target, x_account, simulator, x_user
):
    adapter = connections.adapter_for("twitter")
    on_x = adapter.publish(connections.credentials_for(x_account), Draft(text=target.text))
    died_while_publishing(target, request_sent=True)

    services.publish_target(target.pk)

    target.refresh_from_db()
    assert target.state == TargetState.PUBLISHED
    assert target.external_id == on_x.external_id
    assert len(simulator.posts_for("twitter", x_user["id"])) == 1
    assert PublishAttempt.objects.get(target=target).outcome == PublishAttempt.Outcome.RECONCILED


def test_a_worker_that_died_before_x_got_the_post_publishes_it_once(target, simulator, x_user):
    died_while_publishing(target, request_sent=True)

    services.publish_target(target.pk)

    target.refresh_from_db()
    assert target.state == TargetState.PUBLISHED
    assert len(simulator.posts_for("twitter", x_user["id"])) == 1
    outcomes = set(PublishAttempt.objects.filter(target=target).values_list("outcome", flat=True))
    assert outcomes == {"unknown", "published"}


def test_a_live_lease_is_left_to_its_worker(target, simulator):
    PostTarget.objects.filter(pk=target.pk).update(
        state=TargetState.PUBLISHING, lease_expires_at=timezone.now() + timedelta(minutes=1)
    )

    services.publish_target(target.pk)

    target.refresh_from_db()
    assert target.state == TargetState.PUBLISHING
    assert simulator.requests_to("twitter", TWEETS) == simulator.requests_to("twitter", TIMELINE) == []


def test_text_is_matched_whatever_the_whitespace_and_unicode_form():
    assert services.same_text("Caf\u00e9  opens\nMonday ", "Cafe\u0301 opens Monday")
    assert not services.same_text("Clinic opens Monday", "Clinic opens Tuesday")


def test_a_timed_out_post_that_never_arrived_is_looked_for_again_then_sent_once(settings, target, simulator, x_user):
    # X is slow and answers 500 after our client gave up: the post never arrived, but we cannot know.
    settings.PLATFORM_TIMEOUT_S = 0.5
    simulator.fail("twitter", TWEETS, status=500, delay_s=1.0)

    services.publish_target(target.pk)

    target.refresh_from_db()
    assert target.state == TargetState.SCHEDULED
    assert target.request_sent_at is not None  # the next try looks before it sends
    assert len(simulator.requests_to("twitter", TIMELINE)) == 1

    make_due(target)
    services.publish_target(target.pk)

    target.refresh_from_db()
    assert target.state == TargetState.PUBLISHED
    assert len(simulator.requests_to("twitter", TIMELINE)) == 2
    assert len(simulator.posts_for("twitter", x_user["id"])) == 1
    lost, sent = PublishAttempt.objects.filter(target=target).order_by("started_at")
    assert lost.outcome == "unknown" and sent.outcome == "published"
    assert lost.network_message.startswith("X did not answer")  # the log keeps the whole story
    assert "Not on X yet" in lost.network_message and "sending again" in lost.network_message


def test_an_unknown_outcome_on_the_last_attempt_needs_a_person(settings, target, simulator):
    settings.PLATFORM_TIMEOUT_S = 0.5
    settings.PUBLISH_MAX_ATTEMPTS = 1
    simulator.fail("twitter", TWEETS, status=500, delay_s=1.0)

    services.publish_target(target.pk)

    target.refresh_from_db()
    assert target.state == TargetState.NEEDS_ATTENTION
    assert "never got an answer" in target.error_message


def test_a_post_whose_photo_is_gone_is_looked_for_first_and_found_published(
    settings, photo_post, schedule, x_account, simulator, x_user
):
    target = schedule(x_account, post=photo_post)
    # A worker sent it with its photo; X took it and hung up, and the worker died before it could look.
    simulator.fail("twitter", TWEETS, drop_after_accept=True)
    adapter = connections.adapter_for("twitter")
    with pytest.raises(Transient) as lost:
        adapter.publish(connections.credentials_for(x_account), post_services.check_saved_target(target).draft)
    assert lost.value.outcome_unknown
    died_while_publishing(target, request_sent=True)
    remove_media_files(settings)

    services.publish_target(target.pk)

    target.refresh_from_db()
    (on_x,) = simulator.posts_for("twitter", x_user["id"])
    assert target.state == TargetState.PUBLISHED
    assert target.external_id == on_x.id
    assert len(simulator.requests_to("twitter", TWEETS)) == 1
    assert PublishAttempt.objects.get(target=target).outcome == PublishAttempt.Outcome.RECONCILED


def test_a_post_whose_photo_is_gone_fails_as_invalid_only_once_it_is_not_found(
    settings, photo_post, schedule, x_account, simulator, x_user
):
    target = schedule(x_account, post=photo_post)
    # X answers 500 after our client gave up: the post never arrived, but we cannot know.
    settings.PLATFORM_TIMEOUT_S = 0.5
    simulator.fail("twitter", TWEETS, status=500, delay_s=1.0)
    services.publish_target(target.pk)
    target.refresh_from_db()
    assert target.state == TargetState.SCHEDULED and target.request_sent_at is not None
    remove_media_files(settings)
    make_due(target)

    services.publish_target(target.pk)

    target.refresh_from_db()
    assert target.state == TargetState.FAILED
    assert target.failure_reason == "invalid"
    assert "flu-clinic.jpg could not be read from storage" in target.error_message
    assert len(simulator.requests_to("twitter", TIMELINE)) == 2  # looked again before failing it
    assert simulator.posts_for("twitter", x_user["id"]) == []
