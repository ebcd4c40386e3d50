"""Many failures of one account at once make one notification per person, counted up and leading to
the failure centre filtered on that account, and one e-mail, not one of each per post."""

import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from accounts.models import Channel, Notification
from accounts.notifications import set_preferences
from posts.models import FailureReason, TargetState
from scheduler import services
from tests.scheduler.test_dashboard import aim, connect, element

S = TargetState
FAILED = Notification.Kind.PUBLISH_FAILED
TWEETS = "POST /2/tweets"


def fail(account, *, text="Flu shots are in this week.", **fields):
    """A post to ``account`` that did not go out, reported as the engine reports it."""
    target = aim(account, state=S.FAILED, text=text, failure_reason=FailureReason.TRANSIENT, **fields)
    target.error_message = "X kept failing after 5 tries."
    services.notify_target_failed(target)
    return target


def test_two_posts_of_one_account_failing_together_make_one_notification(org, alice):
    x = connect(org)
    x.display_name = "Clinic on X"
    x.save()

    fail(x, text="Flu shots on Saturday.")
    fail(x, text="Closed on Monday.")

    note = Notification.objects.get(user=alice, kind=FAILED)
    assert note.count == 2
    assert note.title == "2 posts on Clinic on X on X did not go out"
    assert "The latest: “Closed on Monday.”" in note.body
    assert note.link == f"{reverse('failures')}?account={x.pk}&org={x.organization.slug}"


def test_only_the_first_failure_of_a_group_is_emailed(org, alice):
    x = connect(org)

    for _ in range(3):
        fail(x)

    assert [m.to for m in mail.outbox] == [[alice.email]]
    assert Notification.objects.get(user=alice).count == 3


def test_a_network_outage_failing_posts_through_the_engine_makes_one_notification(
    schedule, x_account, make_post, simulator, alice, bob
):
    targets = [schedule(x_account, post=make_post(text=f"Tip {n}")) for n in range(3)]
    simulator.fail("twitter", TWEETS, status=403, kind="duplicate", times=3)

    for target in targets:
        services.publish_target(target.pk)

    assert Notification.objects.filter(user=alice, kind=FAILED).count() == 1
    assert Notification.objects.get(user=bob, kind=FAILED).count == 3  # Bob wrote all three
    assert len([m for m in mail.outbox if m.to == [bob.email]]) == 1


def test_failures_of_different_accounts_stay_apart(org, alice):
    fail(connect(org))
    fail(connect(org, "linkedin"))

    assert Notification.objects.filter(user=alice, kind=FAILED).count() == 2
    assert len(mail.outbox) == 2


def test_a_failure_after_the_window_starts_a_new_notification(org, alice):
    x = connect(org)
    fail(x)
    Notification.objects.update(created_at=timezone.now() - services.FAILURE_GROUP_WINDOW - timedelta(seconds=1))

    fail(x)

    assert sorted(Notification.objects.filter(user=alice).values_list("count", flat=True)) == [1, 1]
    assert len(mail.outbox) == 2


def test_a_failure_after_the_notification_was_read_starts_a_new_one(org, alice):
    x = connect(org)
    fail(x)
    Notification.objects.update(read_at=timezone.now())

    fail(x)

    assert Notification.objects.filter(user=alice).unread().count() == 1
    assert Notification.objects.filter(user=alice).count() == 2


def test_each_person_counts_what_they_were_told(org, alice, bob):
    x = connect(org)
    fail(x, author=bob)
    fail(x)  # Alice's own post: Bob, an editor, does not hear of it

    assert Notification.objects.get(user=alice).count == 2
    assert Notification.objects.get(user=bob).count == 1


def test_someone_who_turned_failures_off_gets_no_group(org, alice):
    set_preferences(alice, {FAILED: Channel.OFF})
    x = connect(org)

    fail(x)
    fail(x)

    assert not Notification.objects.filter(user=alice).exists() and mail.outbox == []


def test_the_grouped_notification_opens_the_failure_centre_on_that_account(alice_client, org, alice):
    x, linkedin = connect(org), connect(org, "linkedin")
    first, second = fail(x), fail(x)
    elsewhere = aim(linkedin, state=S.FAILED, failure_reason=FailureReason.TRANSIENT)
    note = Notification.objects.get(user=alice)

    page = alice_client.get(reverse("notifications")).content.decode()
    assert "Open the failure centre" in element(page, f"notification-{note.pk}")
    response = alice_client.post(reverse("notification-read", args=[note.pk]), {"next": "link"}, follow=True)

    centre = response.content.decode()
    assert f'id="failure-{first.pk}"' in centre and f'id="failure-{second.pk}"' in centre
    assert f'id="failure-{elsewhere.pk}"' not in centre
    assert "Show every account" in centre


def test_the_failure_centre_explains_an_account_that_is_not_the_organizations(alice_client, org, charlies_org):
    theirs = connect(charlies_org)
    mine = aim(connect(org), state=S.FAILED, failure_reason=FailureReason.TRANSIENT)

    page = alice_client.get(reverse("failures"), {"account": theirs.pk}).content.decode()

    assert "That account is not one of this organization&#x27;s" in page
    assert f'id="failure-{mine.pk}"' in page


@pytest.mark.django_db(transaction=True)
def test_two_workers_failing_posts_of_one_account_at_once_make_one_notification(org, alice):
    x = connect(org)
    targets = [aim(x, state=S.FAILED, text=f"Tip {n}", failure_reason=FailureReason.TRANSIENT) for n in range(2)]
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def worker(target):
        start.wait()
        try:
            services.notify_target_failed(target)
        except BaseException as error:  # a thread's exception would otherwise vanish
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=[target]) for target in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert list(Notification.objects.filter(user=alice).values_list("count", flat=True)) == [2]
    assert len(mail.outbox) == 1
