"""The calendar's JSON: one visible range of the organization's posts, filtered, in a constant number of queries."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from posts.models import TargetState
from scheduler.schedules import add_to_queue, create_schedule
from tests.calendar.conftest import TORONTO, add_account, place, store_posts

pytestmark = pytest.mark.django_db

MARCH = {"start": "2027-03-01T00:00:00-05:00", "end": "2027-04-01T00:00:00-04:00", "timeZone": "America/Toronto"}


def events(client, **params):
    response = client.get(reverse("calendar-events"), {**MARCH, **params})
    assert response.status_code == 200, response.content
    return response.json()


def test_an_item_shows_network_account_state_and_first_words(alice_client, alice, x_account):
    target = place(
        x_account,
        at=datetime(2027, 3, 9, 9, 30, tzinfo=TORONTO),
        author=alice,
        text="Flu shots are in this week: walk in Monday to Friday, nine to five, no appointment needed.",
    )

    [event] = events(alice_client)

    assert event["title"] == "X · Clinic on X · Scheduled: Flu shots are in this week: walk in…"
    assert event["start"] == "2027-03-09T14:30:00+00:00"  # EST: clocks change on March 14
    assert event["extendedProps"] == {"state": "scheduled", "queued": False, "post": target.post_id}
    assert "state-scheduled" in event["className"]


@pytest.mark.parametrize(
    "state",
    ["draft", "in_review", "scheduled", "publishing", "published", "failed", "needs_attention"],
)
def test_every_state_but_cancelled_is_shown(alice_client, alice, x_account, state):
    place(x_account, at=datetime(2027, 3, 9, 9, 30, tzinfo=TORONTO), author=alice, state=state)
    place(x_account, at=datetime(2027, 3, 10, 9, 30, tzinfo=TORONTO), author=alice, state=TargetState.CANCELLED)

    assert [event["extendedProps"]["state"] for event in events(alice_client)] == [state]


def test_only_the_range_asked_for_is_returned(alice_client, alice, x_account):
    place(x_account, at=datetime(2027, 2, 28, 23, 59, tzinfo=TORONTO), author=alice)
    inside = place(x_account, at=datetime(2027, 3, 1, 0, 0, tzinfo=TORONTO), author=alice)
    place(x_account, at=datetime(2027, 4, 1, 0, 0, tzinfo=TORONTO), author=alice)

    assert [event["id"] for event in events(alice_client)] == [str(inside.pk)]


def test_another_organizations_posts_never_appear(alice_client, alice, charlie, x_account, charlies_account):
    place(charlies_account, at=datetime(2027, 3, 9, 9, 30, tzinfo=TORONTO), author=charlie)
    mine = place(x_account, at=datetime(2027, 3, 9, 9, 30, tzinfo=TORONTO), author=alice)

    assert [event["id"] for event in events(alice_client)] == [str(mine.pk)]
    # Asking for the other organization's account by id is refused, not answered empty-handed.
    response = alice_client.get(reverse("calendar-events"), {**MARCH, "account": charlies_account.pk})
    assert response.status_code == 400


def test_filters_by_account_author_network_and_state(alice_client, alice, bob, x_account, linkedin_account):
    at = datetime(2027, 3, 9, 9, 30, tzinfo=TORONTO)
    alices_x = place(x_account, at=at, author=alice)
    bobs_linkedin = place(linkedin_account, at=at, author=bob)
    alices_review = place(linkedin_account, at=at, author=alice, state=TargetState.IN_REVIEW)

    def ids(**params):
        return sorted(int(event["id"]) for event in events(alice_client, **params))

    assert ids(account=x_account.pk) == [alices_x.pk]
    assert ids(author=bob.pk) == [bobs_linkedin.pk]
    assert ids(network="linkedin") == sorted([bobs_linkedin.pk, alices_review.pk])
    assert ids(state="in_review") == [alices_review.pk]


@pytest.mark.parametrize(
    "params, message",
    [
        ({"start": "next tuesday"}, "The start must be a date or a date and time"),
        ({"end": "2027-02-01"}, "The end of the range must come after its start."),
        ({"end": "2027-06-01"}, "Ask for at most 62 days at a time."),
        ({"timeZone": "Mars/Olympus"}, "'Mars/Olympus' is not a time zone we know."),
        ({"state": "cancelled"}, "Select a valid choice."),
        ({"network": "myspace"}, "Select a valid choice."),
        ({"author": "12x"}, "not one of this organization's members"),
        ({"start": "9999-12-31T23:00:00"}, "The start must be a date or a date and time"),
    ],
)
def test_bad_input_is_a_400_in_plain_words(alice_client, params, message):
    response = alice_client.get(reverse("calendar-events"), {**MARCH, **params})

    assert response.status_code == 400
    assert message in " ".join(response.json()["detail"])


def test_a_range_without_offsets_is_read_in_the_calendars_zone(alice_client, alice, x_account):
    target = place(x_account, at=datetime(2027, 3, 1, 0, 30, tzinfo=TORONTO), author=alice)

    found = events(alice_client, start="2027-03-01T00:00:00", end="2027-03-02T00:00:00")

    assert [event["id"] for event in found] == [str(target.pk)]


def test_outsiders_and_anonymous_people_get_nothing(client, charlie_client, alice, x_account):
    place(x_account, at=datetime(2027, 3, 9, 9, 30, tzinfo=TORONTO), author=alice)

    assert events(charlie_client) == []  # Charlie works in his own organization
    assert client.get(reverse("calendar-events"), MARCH).status_code == 302  # to the login page


def test_the_range_costs_the_same_queries_with_ten_thousand_posts_stored(alice_client, alice, org, x_account):
    accounts = [x_account, add_account(org, "linkedin", "Clinic on LinkedIn")]
    place(x_account, at=datetime(2027, 3, 9, 9, 30, tzinfo=TORONTO), author=alice)
    with CaptureQueriesContext(connection) as one_post:
        assert len(events(alice_client)) == 1

    # Ten thousand more, two months of them every ten minutes: the month asked for holds about 4,400.
    store_posts(
        org,
        author=alice,
        accounts=accounts,
        count=10_000,
        first_at=datetime(2027, 2, 15, tzinfo=TORONTO),
        every=timedelta(minutes=10),
    )
    with CaptureQueriesContext(connection) as many_posts:
        found = events(alice_client)

    assert len(found) > 4000
    assert len(many_posts) == len(one_post)
    assert len(many_posts) <= 7, [query["sql"] for query in many_posts.captured_queries]


def test_items_say_who_may_drag_them(client, alice, org, member, x_account):
    soon = timezone.now() + timedelta(days=3)
    params = {"start": (soon - timedelta(days=1)).isoformat(), "end": (soon + timedelta(days=1)).isoformat()}
    contributor = member(Role.CONTRIBUTOR)
    alices = place(x_account, at=soon, author=alice)
    contributors = place(x_account, at=soon + timedelta(minutes=1), author=contributor, state=TargetState.IN_REVIEW)
    published = place(x_account, at=soon + timedelta(minutes=2), author=alice, state=TargetState.PUBLISHED)
    viewer = member(Role.VIEWER)
    from tests.fixtures import signed_in_client

    def editable(user):
        found = signed_in_client(client, user, org).get(reverse("calendar-events"), params).json()
        return {int(event["id"]) for event in found if event["startEditable"]}

    assert editable(alice) == {alices.pk, contributors.pk}
    assert editable(contributor) == {contributors.pk}
    assert editable(viewer) == set()
    assert published.pk not in editable(alice)


def test_free_slots_are_the_schedules_slots_nobody_holds(alice_client, alice, org, x_account):
    create_schedule(organization=org, slots=[(day, time(9, 0)) for day in range(7)], by=alice)
    queued = place(x_account, at=None, author=alice, state=TargetState.DRAFT)
    taken_at = add_to_queue(queued, by=alice)
    day = taken_at.astimezone(TORONTO).date()
    params = {
        "start": datetime.combine(day, time(0, 0), TORONTO).isoformat(),
        "end": datetime.combine(day + timedelta(days=3), time(0, 0), TORONTO).isoformat(),
    }

    with CaptureQueriesContext(connection) as queries:
        response = alice_client.get(reverse("calendar-slots"), params)
    slots = response.json()

    starts = [datetime.fromisoformat(slot["start"]) for slot in slots]
    assert starts == [datetime.combine(day + timedelta(days=n), time(9, 0), TORONTO) for n in (1, 2)]
    assert all(slot["display"] == "background" and "Clinic on X" in slot["title"] for slot in slots)
    assert len(queries) <= 10
