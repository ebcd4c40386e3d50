"""The composer offers only the buttons that can work, and its messages say what happened."""

from datetime import time
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from accounts.models import ConnectedAccount
from posts import services
from posts.models import Post, TargetState
from scheduler.models import PostingSchedule
from scheduler.schedules import create_schedule

S = TargetState


@pytest.fixture
def accounts(org):
    return {
        network: ConnectedAccount.objects.create(
            organization=org, network=network, kind=kind, external_id=f"{network}-1", display_name=f"Clinic {network}"
        )
        for network, kind in [("twitter", "x_user"), ("instagram", "instagram_business")]
    }


def compose(client, accounts, networks, **data):
    fields = {"text": "Flu shots are in. #FluSeason", "accounts": [accounts[n].pk for n in networks], **data}
    return client.post(reverse("compose"), fields, follow=True)


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


# --- "Schedule the ready ones" ---------------------------------------------------------------------------


def test_when_no_network_is_ready_going_ahead_with_the_ready_ones_is_not_offered(alice_client, accounts):
    response = compose(alice_client, accounts, ["instagram"], action="now")

    assert response.status_code == 400
    content = response.content.decode()
    assert "Instagram needs at least one image or video." in content
    assert 'value="now:valid"' not in content
    assert "None of the chosen networks is ready yet" in content


def test_when_some_networks_are_ready_going_ahead_with_them_is_offered(alice_client, accounts):
    content = compose(alice_client, accounts, ["twitter", "instagram"], action="now").content.decode()
    assert 'value="now:valid"' in content
    assert "None of the chosen networks is ready yet" not in content


# --- "Add to queue" without a posting schedule ---------------------------------------------------------------


def test_without_a_posting_schedule_an_owner_is_offered_the_clinic_default(alice_client, accounts):
    content = alice_client.get(reverse("compose")).content.decode()

    assert 'value="queue"' not in content
    assert 'value="queue:setup"' in content
    assert "Set up a posting schedule (Monday to Friday at 08:30, 12:15) and add to queue" in content


def test_a_french_reader_gets_the_clinic_default_and_network_problems_in_french(alice_client, alice, accounts):
    alice.language = "fr"
    alice.save(update_fields=["language"])

    content = compose(alice_client, accounts, ["instagram"], action="now").content.decode()

    assert "Établir un horaire de publication (du lundi au vendredi à 08:30, 12:15)" in content
    assert "Instagram a besoin d’au moins une image ou une vidéo." in content


def test_setting_up_the_default_schedule_from_the_composer_queues_the_post(alice_client, alice, org, accounts):
    org.time_zone = "America/Vancouver"
    org.save()

    response = compose(alice_client, accounts, ["twitter"], action="queue:setup")

    assert response.redirect_chain[-1][0] == reverse("posts")
    schedule = PostingSchedule.objects.get(organization=org, account=None)
    assert schedule.time_zone == "America/Vancouver"
    slots = set(schedule.slots.values_list("weekday", "local_time"))
    assert slots == {(day, at) for day in range(5) for at in (time(8, 30), time(12, 15))}
    target = Post.objects.get().targets.get()
    assert (target.state, target.is_queued) == (S.SCHEDULED, True)
    local = target.scheduled_at.astimezone(ZoneInfo("America/Vancouver"))
    assert local.weekday() < 5 and local.time() in (time(8, 30), time(12, 15))
    when = services.describe_time(target.scheduled_at, time_zone=alice.time_zone)
    assert messages_of(response) == [f"Queued: X for {when}."]


def test_someone_who_may_not_edit_schedules_is_told_who_can(bob_client, org, accounts):
    content = bob_client.get(reverse("compose")).content.decode()

    assert 'value="queue' not in content
    assert "There is no posting schedule yet, so there is no queue: an owner or admin can set one up" in content
    response = bob_client.post(
        reverse("compose"), {"text": "Hi", "accounts": [accounts["twitter"].pk], "action": "queue:setup"}
    )
    assert response.status_code == 403
    assert not PostingSchedule.objects.exists()
    assert not Post.objects.exists()


def test_with_a_posting_schedule_add_to_queue_is_offered(bob_client, alice, org, accounts):
    create_schedule(organization=org, by=alice, slots=[(0, time(9, 0))])

    content = bob_client.get(reverse("compose")).content.decode()

    assert 'value="queue"' in content and "Add to queue" in content
    assert 'value="queue:setup"' not in content


# --- what the messages say ---------------------------------------------------------------------------------


def test_publish_now_says_the_post_is_being_published(alice_client, accounts):
    response = compose(alice_client, accounts, ["twitter"], action="now")

    assert messages_of(response) == ["Publishing now: X."]


def test_add_to_queue_says_which_slot_the_post_took(alice_client, alice, org, accounts):
    create_schedule(organization=org, by=alice, slots=[(day, time(7, 45)) for day in range(7)])

    response = compose(alice_client, accounts, ["twitter"], action="queue")

    target = Post.objects.get().targets.get()
    assert target.scheduled_at.astimezone(ZoneInfo("America/Toronto")).time() == time(7, 45)
    when = services.describe_time(target.scheduled_at, time_zone="America/Toronto")
    assert messages_of(response) == [f"Queued: X for {when}."]
    assert "07:45 E" in when
