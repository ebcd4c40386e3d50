"""Failures reach the author and the organization's owners and admins, in the app and by e-mail."""

from django.core import mail
from django.urls import reverse

from accounts.models import Notification, Role
from accounts.notifications import notify
from posts.models import TargetState
from scheduler import services

TWEETS = "POST /2/tweets"


def test_a_failed_post_notifies_its_author_and_the_owners_and_admins(target, simulator, org, alice, bob, member):
    admin = member(Role.ADMIN)
    other_editor = member(Role.EDITOR)
    simulator.fail("twitter", TWEETS, status=403, kind="duplicate")

    services.publish_target(target.pk)

    notified = Notification.objects.filter(kind=Notification.Kind.PUBLISH_FAILED)
    assert set(notified.values_list("user", flat=True)) == {bob.pk, alice.pk, admin.pk}
    assert other_editor.pk not in notified.values_list("user", flat=True)
    note = notified.get(user=bob)
    assert note.organization == org
    assert note.title.startswith("Your post to X (@doc_")
    assert "duplicate content" in note.body
    assert note.link == f"{reverse('target-detail', args=[target.pk])}?org={org.slug}"


def test_the_email_carries_the_networks_words_and_a_link_to_retry(target, simulator, bob):
    simulator.fail("twitter", TWEETS, status=403, kind="duplicate")

    services.publish_target(target.pk)

    to_bob = [m for m in mail.outbox if m.to == [bob.email]]
    assert len(to_bob) == 1
    assert to_bob[0].subject.startswith("PhysSocial: Your post to X")
    assert "X refused this post: You are not allowed to create a Tweet with duplicate content." in to_bob[0].body
    assert f"https://physsocial.example/targets/{target.pk}/" in to_bob[0].body


def test_a_published_post_notifies_nobody(target):
    services.publish_target(target.pk)

    target.refresh_from_db()
    assert target.state == TargetState.PUBLISHED
    assert Notification.objects.count() == 0
    assert mail.outbox == []


def test_each_person_is_notified_once_even_when_author_and_admin(org, alice):
    notify([alice, alice], organization=org, title="Hello", body="Body", link="/x/")

    assert Notification.objects.filter(user=alice).count() == 1
    assert len(mail.outbox) == 1


def test_people_who_left_are_not_notified(org, alice):
    alice.is_active = False
    alice.save()

    notify([alice], organization=org, title="Hello", body="Body")

    assert Notification.objects.count() == 0 and mail.outbox == []


def test_the_notifications_page_lists_mine_only_and_marks_them_read(alice_client, alice, bob, org):
    mine = notify([alice], organization=org, title="Your post to X did not go out", body="X said no.")[0]
    notify([bob], organization=org, title="Bob's own notice", body="Not for Alice.")

    page = alice_client.get(reverse("notifications")).content.decode()
    assert "Your post to X did not go out" in page and "Bob&#x27;s own notice" not in page
    assert "(unread)" in page

    alice_client.post(reverse("notification-read", args=[mine.pk]))
    mine.refresh_from_db()
    assert mine.is_read
    assert "(unread)" not in alice_client.get(reverse("notifications")).content.decode()


def test_marking_all_read(alice_client, alice, org):
    notify([alice], organization=org, title="One", body="")
    notify([alice], organization=org, title="Two", body="")

    alice_client.post(reverse("notifications-read-all"))

    assert not Notification.objects.filter(user=alice).unread().exists()


def test_opening_a_notification_marks_it_read_and_goes_to_the_post(alice_client, alice, org):
    note = notify([alice], organization=org, title="Failed", body="", link="/targets/7/")[0]

    response = alice_client.post(reverse("notification-read", args=[note.pk]), {"next": "link"})

    assert response.status_code == 302 and response["Location"] == f"/targets/7/?org={org.slug}"


def test_someone_elses_notification_cannot_be_marked(alice_client, charlie, charlies_org):
    theirs = notify([charlie], organization=charlies_org, title="Charlie's", body="")[0]

    response = alice_client.post(reverse("notification-read", args=[theirs.pk]))

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert not theirs.is_read


def test_an_owner_of_another_organization_hears_nothing(target, simulator, charlie, charlies_org):
    simulator.fail("twitter", TWEETS, status=403, kind="duplicate")

    services.publish_target(target.pk)

    assert not Notification.objects.filter(user=charlie).exists()


def test_a_failed_post_can_be_retried_in_one_click_from_the_notifications_page(alice_client, alice, target, simulator):
    simulator.fail("twitter", TWEETS, status=403, kind="duplicate")
    services.publish_target(target.pk)
    note = Notification.objects.get(user=alice)

    page = alice_client.get(reverse("notifications")).content.decode()
    retry_url = reverse("target-retry", args=[target.pk])
    assert f'action="{retry_url}"' in page

    alice_client.post(retry_url, {"notification": note.pk})

    target.refresh_from_db()
    note.refresh_from_db()
    assert target.state == TargetState.SCHEDULED
    assert note.is_read


def test_the_navigation_shows_how_many_notifications_are_unread(alice, org, client):
    from accounts.notifications import notify
    from tests.fixtures import signed_in_client

    notify([alice], organization=org, title="X refused a post", body="Duplicate content.", link="/posts/")
    notify([alice], organization=org, title="LinkedIn refused a post", body="Too long.", link="/posts/")

    page = signed_in_client(client, alice, org).get("/").content.decode()

    assert 'Notifications <span class="badge">2<span class="visually-hidden"> unread</span></span>' in page


def test_retry_is_no_longer_offered_once_the_retry_has_published_the_post(alice_client, alice, target, simulator):
    simulator.fail("twitter", TWEETS, status=403, kind="duplicate")
    services.publish_target(target.pk)
    simulator.reset()
    services.retry_target(target, by=alice)  # from the post's page, so the notification stays unread
    services.publish_target(target.pk)
    target.refresh_from_db()
    assert target.state == TargetState.PUBLISHED

    page = alice_client.get(reverse("notifications")).content.decode()

    assert reverse("target-retry", args=[target.pk]) not in page
    assert "Retry now" not in page
    assert "Solved: published at" in page


def test_retry_is_not_offered_while_the_retry_is_waiting_to_go_out(alice_client, alice, target, simulator):
    simulator.fail("twitter", TWEETS, status=403, kind="duplicate")
    services.publish_target(target.pk)
    services.retry_target(target, by=alice)

    page = alice_client.get(reverse("notifications")).content.decode()

    assert "Retry now" not in page


def test_retry_is_not_offered_to_a_viewer(client, target, simulator, org, member):
    from tests.fixtures import signed_in_client

    viewer = member(Role.VIEWER)
    simulator.fail("twitter", TWEETS, status=403, kind="duplicate")
    services.publish_target(target.pk)
    link = services.target_path(target)
    notify(
        [viewer], organization=org, title="Did not go out", body="", link=link, kind=Notification.Kind.PUBLISH_FAILED
    )

    page = signed_in_client(client, viewer, org).get(reverse("notifications")).content.decode()

    assert "Did not go out" in page and "Retry now" not in page
