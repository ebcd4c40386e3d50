"""The calendar through the API: the feed's address, and posts in a range filtered by state, account and author."""

from __future__ import annotations

from datetime import datetime

import pytest

from posts.models import TargetState
from scheduler import calendar
from tests.calendar.conftest import TORONTO, add_account, place

pytestmark = pytest.mark.django_db


def test_the_api_gives_the_feeds_address(api_as, alice, org):
    response = api_as(alice, org).get("/api/v1/calendar-feed/")

    assert response.status_code == 200
    assert response.json() == {"url": calendar.feed_url(calendar.feed_for(alice, org))}


def test_the_api_gives_each_token_its_own_organizations_feed(api_as, charlie, charlies_org, alice, org):
    alices = api_as(alice, org).get("/api/v1/calendar-feed/").json()["url"]
    charlies = api_as(charlie, charlies_org).get("/api/v1/calendar-feed/").json()["url"]

    assert alices != charlies
    assert calendar.feed_by_token(charlies.rsplit("/", 1)[1].removesuffix(".ics")).organization == charlies_org


def test_posts_in_a_range_filtered_by_author_state_and_account(alice_api, alice, bob, org):
    x_account = add_account(org)
    linkedin = add_account(org, "linkedin", "Clinic on LinkedIn")
    march = datetime(2027, 3, 9, 9, 30, tzinfo=TORONTO)
    alices = place(x_account, at=march, author=alice)
    bobs = place(linkedin, at=march, author=bob, state=TargetState.IN_REVIEW)
    place(x_account, at=datetime(2027, 4, 9, 9, 30, tzinfo=TORONTO), author=alice)  # out of the range
    in_march = {"from": "2027-03-01T00:00:00-05:00", "to": "2027-04-01T00:00:00-04:00"}

    def ids(**params):
        response = alice_api.get("/api/v1/posts/", {**in_march, **params})
        assert response.status_code == 200, response.content
        return sorted(post["id"] for post in response.json()["results"])

    assert ids() == sorted([alices.post_id, bobs.post_id])
    assert ids(author=bob.pk) == [bobs.post_id]
    assert ids(state="in_review") == [bobs.post_id]
    assert ids(account=x_account.pk) == [alices.post_id]
    assert ids(author=alice.pk, state="in_review") == []


@pytest.mark.parametrize("value", ["", "abc", "-1", "1.5"])
def test_a_bad_author_filter_is_a_400(alice_api, value):
    response = alice_api.get("/api/v1/posts/", {"author": value})

    assert response.status_code == 400
    assert "author" in response.json()
