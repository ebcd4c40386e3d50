"""Each person chooses, per kind, how they hear: in the app and by e-mail, in the app only, or not at all."""

from django.core import mail
from django.urls import reverse

from accounts.models import Channel, Notification, NotificationPreference
from accounts.notifications import notify, preferences_of, set_preferences

Kind = Notification.Kind


def test_by_default_everything_comes_in_the_app_and_by_email_except_published_posts(alice):
    chosen = preferences_of(alice)

    assert chosen[Kind.PUBLISH_FAILED] == Channel.EMAIL
    assert chosen[Kind.REVIEW_REQUESTED] == Channel.EMAIL
    assert chosen[Kind.MENTIONED] == Channel.EMAIL
    assert chosen[Kind.DIGEST] == Channel.EMAIL
    assert chosen[Kind.PUBLISHED] == Channel.OFF


def test_a_kind_left_at_its_default_leaves_a_row_and_sends_the_email(org, alice):
    notify([alice], organization=org, title="Review this", body="A post waits.", kind=Kind.REVIEW_REQUESTED)

    assert Notification.objects.filter(user=alice, kind=Kind.REVIEW_REQUESTED).count() == 1
    assert [m.to for m in mail.outbox] == [[alice.email]]


def test_in_the_app_only_leaves_the_row_without_an_email(org, alice):
    set_preferences(alice, {Kind.REVIEW_REQUESTED: Channel.APP})

    notify([alice], organization=org, title="Review this", body="A post waits.", kind=Kind.REVIEW_REQUESTED)

    assert Notification.objects.filter(user=alice, kind=Kind.REVIEW_REQUESTED).count() == 1
    assert mail.outbox == []


def test_off_leaves_neither_a_row_nor_an_email(org, alice, bob):
    set_preferences(alice, {Kind.MENTIONED: Channel.OFF})

    notify([alice, bob], organization=org, title="You were mentioned", body="@alice look", kind=Kind.MENTIONED)

    assert list(Notification.objects.values_list("user", flat=True)) == [bob.pk]
    assert [m.to for m in mail.outbox] == [[bob.email]]


def test_one_persons_choice_does_not_change_what_others_hear(org, alice, bob):
    set_preferences(alice, {Kind.APPROVED: Channel.OFF})

    notify([bob], organization=org, title="Approved", body="", kind=Kind.APPROVED)

    assert Notification.objects.filter(user=bob).count() == 1 and len(mail.outbox) == 1


def test_a_choice_for_one_kind_leaves_the_other_kinds_alone(org, alice):
    set_preferences(alice, {Kind.APPROVED: Channel.OFF})

    notify([alice], organization=org, title="Rejected", body="", kind=Kind.REJECTED)

    assert Notification.objects.filter(user=alice, kind=Kind.REJECTED).count() == 1 and len(mail.outbox) == 1


def test_choosing_again_replaces_the_choice(alice):
    set_preferences(alice, {Kind.APPROVED: Channel.OFF})
    set_preferences(alice, {Kind.APPROVED: Channel.APP})

    assert NotificationPreference.objects.filter(user=alice).count() == 1
    assert preferences_of(alice)[Kind.APPROVED] == Channel.APP


def test_the_settings_page_offers_a_choice_for_each_kind(alice_client):
    page = alice_client.get(reverse("settings")).content.decode()

    assert 'id="notifications-heading"' in page
    assert f'action="{reverse("notification-preferences")}"' in page
    assert "You were mentioned in a comment" in page and "A post was published" in page and "Daily digest" in page
    assert '<option value="off" selected>Off</option>' in page  # a published post: off until chosen
    assert '<option value="app">In the app only</option>' in page


def test_saving_the_choices_on_the_settings_page(alice_client, alice):
    choices = {kind: Channel.EMAIL for kind in preferences_of(alice)}
    choices.update({Kind.PUBLISHED: Channel.APP, Kind.DIGEST: Channel.OFF})

    response = alice_client.post(reverse("notification-preferences"), choices, follow=True)

    assert "Your notification choices are saved." in response.content.decode()
    assert preferences_of(alice)[Kind.PUBLISHED] == Channel.APP
    assert preferences_of(alice)[Kind.DIGEST] == Channel.OFF
    page = alice_client.get(reverse("settings")).content.decode()
    assert '<option value="app" selected>In the app only</option>' in page


def test_a_choice_that_is_not_offered_is_refused_in_plain_words(alice_client, alice):
    choices = {kind: Channel.EMAIL for kind in preferences_of(alice)}
    choices[Kind.APPROVED] = "carrier-pigeon"

    response = alice_client.post(reverse("notification-preferences"), choices, follow=True)

    assert "Choose one of the offered ways to hear about this." in response.content.decode()
    assert not NotificationPreference.objects.filter(user=alice).exists()


def test_saving_needs_a_signed_in_person(client):
    response = client.post(reverse("notification-preferences"), {})

    assert response.status_code == 302 and reverse("login") in response["Location"]
