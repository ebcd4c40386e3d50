"""A burst's batch pays for its round trips once: one claim for its targets, one reservation of the
posting budgets; each target is still claimed, checked and sent as it would be alone, and one
claimed early in a slow batch never goes out twice."""

import threading
import time

import pytest
from django.db import connection
from django.utils import timezone

from audit.models import Action, AuditEvent
from posts.models import PostTarget, TargetState
from scheduler import budgets, services, statements
from scheduler.models import PublishAttempt

TWEETS = "POST /2/tweets"


@pytest.mark.django_db(transaction=True)
def test_a_batch_claims_its_targets_together_and_publishes_each_once(schedule, x_account, make_post, simulator):
    targets = [schedule(x_account, post=make_post(text=f"Flu shot reminder {n}.")) for n in range(5)]

    services.publish_targets([t.pk for t in targets])

    assert set(PostTarget.objects.filter(pk__in=[t.pk for t in targets]).values_list("state", flat=True)) == {
        TargetState.PUBLISHED
    }
    assert sorted(p.text for p in simulator.posts_for("twitter")) == [f"Flu shot reminder {n}." for n in range(5)]
    outcomes = PublishAttempt.objects.filter(target__in=targets).values_list("outcome", flat=True)
    assert list(outcomes) == [PublishAttempt.Outcome.PUBLISHED] * 5


@pytest.mark.django_db(transaction=True)
def test_a_batch_shows_a_target_published_only_once_its_answer_is_in_and_writes_its_successes_together(
    schedule, x_account, simulator
):
    first, second = schedule(x_account, text="Tip 1: wash your hands."), schedule(x_account, text="Tip 2: rest.")
    simulator.fail("twitter", TWEETS, delay_s=0.01)  # the first answer comes back at once
    simulator.fail("twitter", TWEETS, delay_s=1.5)  # the second slowly
    seen = {}

    def look_during_the_second_request():
        time.sleep(0.75)
        try:
            seen.update(PostTarget.objects.filter(pk__in=[first.pk, second.pk]).values_list("pk", "state"))
        finally:
            connection.close()

    looker = threading.Thread(target=look_during_the_second_request)
    looker.start()
    services.publish_targets([first.pk, second.pk])
    looker.join()

    # The first post was out, but written with the second: "publishing" until then, never early.
    assert seen == {first.pk: TargetState.PUBLISHING, second.pk: TargetState.PUBLISHING}
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.state == second.state == TargetState.PUBLISHED
    assert first.request_sent_at is None and first.lease_expires_at is None and first.external_id
    assert first.published_at < second.published_at  # each when its own answer came back
    events = AuditEvent.objects.filter(action=Action.TARGET_PUBLISHED).order_by("target_id")
    assert list(events.values_list("target_id", flat=True)) == [first.pk, second.pk]
    attempts = PublishAttempt.objects.filter(target__in=[first, second]).values_list("outcome", "finished_at")
    assert all(outcome == PublishAttempt.Outcome.PUBLISHED and finished for outcome, finished in attempts)


@pytest.mark.django_db(transaction=True)
def test_the_batch_claim_writes_about_to_send_for_each_target_it_wins(schedule, x_account, make_post):
    mine, published = schedule(x_account, text="Clinic open late."), schedule(x_account, text="Already out.")
    PostTarget.objects.filter(pk=published.pk).update(state=TargetState.PUBLISHED)
    now = timezone.now()

    claims = statements.claim_targets(
        [mine.pk, published.pk], now=now, lease=now + services.lease_duration(), due_before=now, worker="w1"
    )

    assert [claimed.target.pk for claimed in claims] == [mine.pk]  # the published one is nobody's to take
    claimed = claims[0]
    assert claimed.was_due and not claimed.has_media
    assert claimed.target.post.text == "Clinic open late." and claimed.target.account == x_account
    assert claimed.attempt.outcome == PublishAttempt.Outcome.IN_FLIGHT
    mine.refresh_from_db()
    assert mine.state == TargetState.PUBLISHING and mine.request_sent_at == now and mine.attempts == 1


@pytest.mark.django_db(transaction=True)
def test_a_target_claimed_by_another_worker_is_left_out_of_the_batch(schedule, x_account, make_post, simulator):
    first, second = schedule(x_account, text="Tip 1: wash your hands."), schedule(x_account, text="Tip 2: rest.")
    services.publish_target(second.pk)  # a duplicate message got there first

    services.publish_targets([first.pk, second.pk])

    assert sorted(p.text for p in simulator.posts_for("twitter")) == ["Tip 1: wash your hands.", "Tip 2: rest."]
    assert PublishAttempt.objects.filter(target=second).count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_target_over_its_posting_budget_waits_while_the_rest_of_its_batch_goes_out(
    settings, schedule, x_account, simulator
):
    settings.PUBLISH_BUDGETS = {"twitter": [{"scope": "account", "limit": 1, "window_s": 900}]}
    first, second = schedule(x_account, text="Tip 1: wash your hands."), schedule(x_account, text="Tip 2: rest.")

    services.publish_targets([first.pk, second.pk])

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.state == TargetState.PUBLISHED
    assert second.state == TargetState.SCHEDULED and "posting limit" in second.error_message
    assert second.request_sent_at is None and second.attempts == 0
    assert not PublishAttempt.objects.filter(target=second).exists()
    assert [p.text for p in simulator.posts_for("twitter")] == ["Tip 1: wash your hands."]


def test_posts_reserved_together_count_one_after_another(settings):
    settings.PUBLISH_BUDGETS = {"twitter": [{"scope": "account", "limit": 2, "window_s": 900}]}
    now = timezone.now()
    alice, bob = (budgets.Request("twitter", account_key=who, app_key="app", now=now) for who in ("alice", "bob"))

    answers = budgets.reserve_many([alice, bob, alice, alice])

    assert answers[:3] == [None, None, None]
    assert answers[3] is not None  # Alice's third post in the window waits; nothing counted for it
    assert budgets.reserve("twitter", account_key="bob", app_key="app", now=now) is None


@pytest.mark.django_db(transaction=True)
def test_a_target_claimed_early_in_a_slow_batch_renews_its_lease_and_goes_out_once(
    settings, schedule, x_account, simulator
):
    settings.PUBLISH_LEASE_S = 2
    first, second = schedule(x_account, text="Tip 1: wash your hands."), schedule(x_account, text="Tip 2: rest.")
    simulator.fail("twitter", TWEETS, delay_s=2.5)  # the first request outlives the batch's lease

    services.publish_targets([first.pk, second.pk])

    second.refresh_from_db()
    assert second.state == TargetState.PUBLISHED
    assert sorted(p.text for p in simulator.posts_for("twitter")) == ["Tip 1: wash your hands.", "Tip 2: rest."]


@pytest.mark.django_db(transaction=True)
def test_a_target_taken_over_while_its_batch_was_slow_is_not_sent_twice(settings, schedule, x_account, simulator):
    settings.PUBLISH_LEASE_S = 2
    first, second = schedule(x_account, text="Tip 1: wash your hands."), schedule(x_account, text="Tip 2: rest.")
    simulator.fail("twitter", TWEETS, delay_s=3)  # the first request outlives the batch's lease

    def another_worker():
        # The dispatcher sends the second target again once its lease has expired; another worker takes it.
        time.sleep(2.3)
        try:
            services.publish_target(second.pk)
        finally:
            connection.close()

    other = threading.Thread(target=another_worker)
    other.start()
    services.publish_targets([first.pk, second.pk])
    other.join()

    second.refresh_from_db()
    assert second.state == TargetState.PUBLISHED
    texts = sorted(p.text for p in simulator.posts_for("twitter"))
    assert texts == ["Tip 1: wash your hands.", "Tip 2: rest."]  # the second once, by the worker that took it
    assert len(simulator.requests_to("twitter", TWEETS)) == 2  # the batch did not even try to send it again
    # The other worker looked on the network first (the batch had written "about to send"), found nothing, sent it.
    outcomes = list(PublishAttempt.objects.filter(target=second).order_by("pk").values_list("outcome", flat=True))
    assert outcomes == [PublishAttempt.Outcome.UNKNOWN, PublishAttempt.Outcome.PUBLISHED]
