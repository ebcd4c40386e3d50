"""A text post's claim also writes "about to send"; a post that is not sent after all gives it back."""

from datetime import timedelta

from django.utils import timezone

from posts.models import PostTarget, TargetState
from scheduler import services, statements
from scheduler.models import PublishAttempt


def test_a_post_refused_before_sending_leaves_no_attempt_and_nothing_in_flight(schedule, x_account, simulator):
    target = schedule(x_account, text="x" * 281)

    services.publish_target(target.pk)

    target.refresh_from_db()
    assert target.state == TargetState.FAILED
    assert target.request_sent_at is None
    assert target.attempts == 0
    assert not PublishAttempt.objects.filter(target=target).exists()
    assert simulator.posts_for("twitter") == []


def test_a_post_waiting_for_the_posting_budget_is_not_counted_as_an_attempt(settings, schedule, x_account, simulator):
    settings.PUBLISH_BUDGETS = {"twitter": [{"scope": "account", "limit": 1, "window_s": 900}]}
    first, second = schedule(x_account, text="Tip 1: wash your hands."), schedule(x_account, text="Tip 2: rest.")

    services.publish_target(first.pk)
    services.publish_target(second.pk)

    second.refresh_from_db()
    assert second.state == TargetState.SCHEDULED
    assert "posting limit" in second.error_message
    assert second.request_sent_at is None
    assert second.attempts == 0
    assert not PublishAttempt.objects.filter(target=second).exists()
    assert len(simulator.posts_for("twitter")) == 1


def test_a_worker_that_dies_after_the_claim_leaves_the_next_one_looking_first(target, simulator, x_user):
    now = timezone.now()
    claimed = statements.claim_target(
        target.pk, now=now, lease=now + timedelta(seconds=60), due_before=now, worker="w1"
    )
    assert claimed.attempt is not None  # and then the worker died, before its request left
    PostTarget.objects.filter(pk=target.pk).update(lease_expires_at=timezone.now() - timedelta(seconds=1))

    services.publish_target(target.pk)

    target.refresh_from_db()
    assert target.state == TargetState.PUBLISHED
    assert len(simulator.posts_for("twitter", x_user["id"])) == 1
    outcomes = list(PublishAttempt.objects.filter(target=target).order_by("pk").values_list("outcome", flat=True))
    assert outcomes == [PublishAttempt.Outcome.UNKNOWN, PublishAttempt.Outcome.PUBLISHED]
