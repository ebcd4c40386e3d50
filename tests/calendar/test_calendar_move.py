"""Dragging an item on the calendar: checked as the composer checks, the wall-clock time kept across DST."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Notification, Role
from posts.models import TargetState
from tests.calendar.conftest import TORONTO, place
from tests.fixtures import signed_in_client

pytestmark = pytest.mark.django_db

# Toronto's clocks go forward on Sunday, March 14, 2027 at 02:00.
BEFORE_DST = datetime(2027, 3, 12, 9, 30, tzinfo=TORONTO)  # Friday, EST (14:30 UTC)


def move(client, target, start: str, time_zone: str = "America/Toronto"):
    return client.post(reverse("calendar-move", args=[target.pk]), {"start": start, "time_zone": time_zone})


def test_a_scheduled_post_moves_to_the_time_it_was_dropped_on(alice_client, alice, x_account):
    target = place(x_account, at=BEFORE_DST, author=alice, enqueued_at=timezone.now())

    response = move(alice_client, target, "2027-03-11T16:00")

    assert response.status_code == 200, response.content
    assert response.json()["message"] == "X: moved to Thu Mar 11, 2027, 16:00 EST."
    target.refresh_from_db()
    assert target.state == TargetState.SCHEDULED
    assert target.scheduled_at == target.due_at == datetime(2027, 3, 11, 21, 0, tzinfo=UTC)
    assert target.enqueued_at is None  # the dispatcher sends it again at its new time


def test_across_a_daylight_saving_change_the_wall_clock_time_is_kept(alice_client, alice, x_account):
    target = place(x_account, at=BEFORE_DST, author=alice)

    # Dragged three days on in the month view: the page keeps 09:30 and sends the new day.
    response = move(alice_client, target, "2027-03-15T09:30")

    assert response.status_code == 200, response.content
    target.refresh_from_db()
    assert target.scheduled_at.astimezone(TORONTO).strftime("%Y-%m-%d %H:%M %Z") == "2027-03-15 09:30 EDT"
    assert target.scheduled_at == datetime(2027, 3, 15, 13, 30, tzinfo=UTC)  # an hour earlier in UTC


def test_the_answer_carries_the_moved_item_for_the_page(alice_client, alice, x_account):
    target = place(x_account, at=BEFORE_DST, author=alice)

    event = move(alice_client, target, "2027-03-15T09:30").json()["event"]

    assert event["id"] == str(target.pk)
    assert event["start"] == "2027-03-15T13:30:00+00:00"


def test_a_time_the_clocks_skip_is_refused(alice_client, alice, x_account):
    target = place(x_account, at=BEFORE_DST, author=alice)

    response = move(alice_client, target, "2027-03-14T02:30")

    assert response.status_code == 400
    assert "does not exist in America/Toronto" in response.json()["detail"][0]
    target.refresh_from_db()
    assert target.scheduled_at == BEFORE_DST


def test_a_post_cannot_be_dropped_into_the_past(alice_client, alice, x_account):
    target = place(x_account, at=BEFORE_DST, author=alice)
    yesterday = (timezone.now() - timedelta(days=1)).astimezone(TORONTO)

    response = move(alice_client, target, yesterday.strftime("%Y-%m-%dT%H:%M"))

    assert response.status_code == 400
    assert response.json()["detail"] == ["That time has passed; pick a time in the future."]


def test_beyond_the_scheduling_horizon_is_refused(alice_client, alice, x_account):
    target = place(x_account, at=BEFORE_DST, author=alice)

    response = move(alice_client, target, "2031-01-01T09:00")

    assert response.status_code == 400
    assert "days away" in response.json()["detail"][0]


@pytest.mark.parametrize(
    "state", [TargetState.PUBLISHING, TargetState.PUBLISHED, TargetState.FAILED, TargetState.CANCELLED]
)
def test_a_post_that_left_or_stopped_cannot_be_moved(alice_client, alice, x_account, state):
    target = place(x_account, at=BEFORE_DST, author=alice, state=state)

    response = move(alice_client, target, "2027-03-15T09:30")

    assert response.status_code == 400
    assert "can no longer be moved" in response.json()["detail"][0]
    target.refresh_from_db()
    assert (target.state, target.scheduled_at) == (state, BEFORE_DST)


def test_a_queued_post_that_is_dragged_becomes_a_fixed_time_post_and_the_page_says_so(alice_client, alice, x_account):
    target = place(x_account, at=BEFORE_DST, author=alice, is_queued=True)

    response = move(alice_client, target, "2027-03-15T09:30")

    assert "It left the queue and now goes out at this fixed time." in response.json()["message"]
    target.refresh_from_db()
    assert target.is_queued is False
    assert target.state == TargetState.SCHEDULED


def test_a_post_the_network_would_refuse_is_not_moved(alice_client, alice, x_account):
    target = place(x_account, at=BEFORE_DST, author=alice, text="Too long for X. " * 30)

    response = move(alice_client, target, "2027-03-15T09:30")

    assert response.status_code == 400
    assert "280" in " ".join(response.json()["detail"])
    target.refresh_from_db()
    assert target.scheduled_at == BEFORE_DST


def test_a_draft_stays_a_draft_with_its_new_time(alice_client, alice, x_account):
    target = place(x_account, at=BEFORE_DST, author=alice, state=TargetState.DRAFT)

    response = move(alice_client, target, "2027-03-15T09:30")

    assert response.status_code == 200
    target.refresh_from_db()
    assert (target.state, target.due_at) == (TargetState.DRAFT, None)
    assert target.scheduled_at == datetime(2027, 3, 15, 13, 30, tzinfo=UTC)


def test_a_contributor_moves_their_own_post_in_review_and_it_still_waits_for_approval(client, org, member, x_account):
    contributor = member(Role.CONTRIBUTOR)
    target = place(x_account, at=BEFORE_DST, author=contributor, state=TargetState.IN_REVIEW)

    response = move(signed_in_client(client, contributor, org), target, "2027-03-15T09:30")

    assert response.status_code == 200
    assert "waits for approval" in response.json()["message"]
    target.refresh_from_db()
    assert (target.state, target.due_at) == (TargetState.IN_REVIEW, None)
    assert target.scheduled_at == datetime(2027, 3, 15, 13, 30, tzinfo=UTC)


def test_a_contributor_moving_a_scheduled_post_of_theirs_sends_it_back_to_review(client, org, member, x_account):
    contributor = member(Role.CONTRIBUTOR)
    target = place(x_account, at=BEFORE_DST, author=contributor)

    move(signed_in_client(client, contributor, org), target, "2027-03-15T09:30")

    target.refresh_from_db()
    assert (target.state, target.due_at) == (TargetState.IN_REVIEW, None)


def test_a_contributor_cannot_move_someone_elses_post(client, alice, org, member, x_account):
    target = place(x_account, at=BEFORE_DST, author=alice)

    response = move(signed_in_client(client, member(Role.CONTRIBUTOR), org), target, "2027-03-15T09:30")

    assert response.status_code == 403
    target.refresh_from_db()
    assert target.scheduled_at == BEFORE_DST


def test_a_viewer_cannot_move_posts(client, alice, org, member, x_account):
    target = place(x_account, at=BEFORE_DST, author=alice)

    response = move(signed_in_client(client, member(Role.VIEWER), org), target, "2027-03-15T09:30")

    assert response.status_code == 403


def test_an_outsider_gets_404(charlie_client, alice, x_account):
    target = place(x_account, at=BEFORE_DST, author=alice)

    assert move(charlie_client, target, "2027-03-15T09:30").status_code == 404


@pytest.mark.parametrize(
    "start, time_zone, message",
    [
        ("tomorrow", "America/Toronto", "Give the new time as a date and time"),
        ("2027-03-15T09:30-04:00", "America/Toronto", "without a UTC offset"),
        ("2027-03-15T09:30", "Atlantis/Capital", "is not a time zone we know"),
        ("", "America/Toronto", "This field is required."),
    ],
)
def test_bad_input_is_a_400_in_plain_words(alice_client, alice, x_account, start, time_zone, message):
    target = place(x_account, at=BEFORE_DST, author=alice)

    response = move(alice_client, target, start, time_zone)

    assert response.status_code == 400
    assert message in " ".join(response.json()["detail"])


def test_the_author_hears_when_someone_else_moves_their_post_in_their_own_zone(alice_client, bob, x_account):
    bob.time_zone = "Europe/Paris"
    bob.save(update_fields=["time_zone"])
    target = place(x_account, at=BEFORE_DST, author=bob, text="Flu shots are in.")

    move(alice_client, target, "2027-03-11T16:00")

    [note] = Notification.objects.filter(user=bob)
    assert note.title == "Your post was moved"
    assert note.body == "“Flu shots are in.”\n\nAlice Adams moved it on X to Thu Mar 11, 2027, 22:00 CET."
    assert note.link == f"{reverse('post-edit', args=[target.post_id])}?org={target.post.organization.slug}"


def test_moving_ones_own_post_tells_nobody(alice_client, alice, x_account):
    target = place(x_account, at=BEFORE_DST, author=alice)

    move(alice_client, target, "2027-03-11T16:00")

    assert not Notification.objects.exists()
