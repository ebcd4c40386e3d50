"""A target's page: its state in plain words, every attempt, and retry / published / cancel."""

from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from posts.models import PostTarget, TargetState
from scheduler import services
from tests.fixtures import signed_in_client

TWEETS = "POST /2/tweets"


def page(client, target):
    return client.get(reverse("target-detail", args=[target.pk]))


def test_the_page_shows_a_failure_in_words_and_every_attempt(alice_client, target, simulator):
    simulator.fail("twitter", TWEETS, status=403, kind="duplicate")
    services.publish_target(target.pk)

    html = page(alice_client, target).content.decode()

    assert "Failed" in html
    assert "Refused by the network" in html
    assert "You are not allowed to create a Tweet with duplicate content." in html
    assert "Edit the post so the network accepts it, then retry." in html
    assert "Rejected" in html and "403" in html  # the attempt: outcome, HTTP status
    assert "Retry now" in html and "Cancel this post" in html


def test_a_published_post_links_to_the_network(alice_client, target):
    services.publish_target(target.pk)
    target.refresh_from_db()

    html = page(alice_client, target).content.decode()

    assert "Published" in html
    assert f'href="{target.external_url}"' in html
    assert "Retry now" not in html


def test_retry_sends_a_failed_post_again(alice_client, target, simulator, x_user):
    simulator.fail("twitter", TWEETS, status=500)
    PostTarget.objects.filter(pk=target.pk).update(state=TargetState.FAILED, failure_reason="transient")

    response = alice_client.post(reverse("target-retry", args=[target.pk]))

    assert response.status_code == 302
    target.refresh_from_db()
    assert target.state == TargetState.SCHEDULED
    assert target.due_at <= timezone.now() and target.attempts == 0 and target.failure_reason == ""
    simulator.clear_faults()
    services.publish_target(target.pk)
    target.refresh_from_db()
    assert target.state == TargetState.PUBLISHED
    assert len(simulator.posts_for("twitter", x_user["id"])) == 1


def test_retry_asks_to_reconnect_first_when_the_account_needs_it(alice_client, target, x_account):
    PostTarget.objects.filter(pk=target.pk).update(state=TargetState.FAILED, failure_reason="auth")
    x_account.status = x_account.Status.NEEDS_RECONNECT
    x_account.save()

    response = alice_client.post(reverse("target-retry", args=[target.pk]), follow=True)

    assert "Reconnect the X account on the Accounts page first" in response.content.decode()
    target.refresh_from_db()
    assert target.state == TargetState.FAILED


def test_a_post_needing_attention_can_be_confirmed_published(alice_client, target):
    PostTarget.objects.filter(pk=target.pk).update(
        state=TargetState.NEEDS_ATTENTION, failure_reason="unknown_outcome", error_message="We lost the answer."
    )

    html = page(alice_client, target).content.decode()
    assert "We cannot tell whether it went out" in html
    assert "It was published" in html and "It was not published: send it now" in html

    alice_client.post(reverse("target-confirm-published", args=[target.pk]))
    target.refresh_from_db()
    assert target.state == TargetState.PUBLISHED


def test_a_post_needing_attention_can_be_sent_again(alice_client, target):
    PostTarget.objects.filter(pk=target.pk).update(state=TargetState.NEEDS_ATTENTION)

    alice_client.post(reverse("target-retry", args=[target.pk]))

    target.refresh_from_db()
    assert target.state == TargetState.SCHEDULED


def test_cancel_stops_a_scheduled_post(alice_client, target, simulator):
    alice_client.post(reverse("target-cancel", args=[target.pk]))

    target.refresh_from_db()
    assert target.state == TargetState.CANCELLED
    services.publish_target(target.pk)
    assert simulator.posts_for("twitter") == []


def test_a_post_being_sent_cannot_be_cancelled(alice_client, target):
    PostTarget.objects.filter(pk=target.pk).update(state=TargetState.PUBLISHING)

    response = alice_client.post(reverse("target-cancel", args=[target.pk]), follow=True)

    assert "can no longer be cancelled" in response.content.decode()
    target.refresh_from_db()
    assert target.state == TargetState.PUBLISHING


def test_a_viewer_sees_the_log_but_no_buttons_and_cannot_retry(target, member):
    from django.test import Client

    viewer = signed_in_client(Client(), member(Role.VIEWER), target.post.organization)
    PostTarget.objects.filter(pk=target.pk).update(state=TargetState.FAILED)

    html = page(viewer, target).content.decode()
    assert "Publish log" in html and "Retry now" not in html
    assert viewer.post(reverse("target-retry", args=[target.pk])).status_code == 403


def test_an_outsider_gets_404(charlie_client, target):
    assert page(charlie_client, target).status_code == 404
    assert charlie_client.post(reverse("target-retry", args=[target.pk])).status_code == 404
    assert charlie_client.post(reverse("target-cancel", args=[target.pk])).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, target):
    response = page(client, target)
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_page_shows_the_posts_media_with_their_alt_text(alice_client, photo_post, schedule, x_account):
    target = schedule(x_account, post=photo_post)
    asset = photo_post.media.get()

    html = page(alice_client, target).content.decode()

    assert f'<img src="{reverse("media-thumbnail", args=[asset.pk])}" alt="A waiting room"' in html
    assert "Alt text: A waiting room" in html
    assert alice_client.get(reverse("media-thumbnail", args=[asset.pk])).status_code == 200


def test_a_post_in_review_offers_cancel_and_cancelling_it_works(alice_client, target):
    PostTarget.objects.filter(pk=target.pk).update(state=TargetState.IN_REVIEW)

    assert "Cancel this post" in page(alice_client, target).content.decode()
    alice_client.post(reverse("target-cancel", args=[target.pk]))

    target.refresh_from_db()
    assert target.state == TargetState.CANCELLED


def test_the_page_offers_cancel_exactly_when_cancelling_would_work(alice_client, target):
    for state in TargetState:
        PostTarget.objects.filter(pk=target.pk).update(state=state)
        offered = "Cancel this post" in page(alice_client, target).content.decode()

        alice_client.post(reverse("target-cancel", args=[target.pk]))
        target.refresh_from_db()

        assert offered == (target.state == TargetState.CANCELLED != state), state
