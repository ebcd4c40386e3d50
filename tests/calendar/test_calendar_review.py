"""Reviewing from the calendar: an item in review opens the review dialog for whoever may decide on
it (the one approval policy, accounts.permissions), and the range's JSON says which, in a constant
number of queries. The dialog's forms are the review page's own (posts/views_review.py)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Organization, Role
from posts.models import Post, PostTarget, TargetState
from tests.calendar.conftest import TORONTO, place
from tests.fixtures import signed_in_client

pytestmark = pytest.mark.django_db

MARCH = {"start": "2027-03-01T00:00:00-05:00", "end": "2027-04-01T00:00:00-04:00", "timeZone": "America/Toronto"}
ASKED_AT = datetime(2027, 3, 9, 9, 30, tzinfo=TORONTO)


def reviews(client) -> dict[int, dict | None]:
    """Each item's ``review`` (None when it opens the post instead), by target id."""
    response = client.get(reverse("calendar-events"), MARCH)
    assert response.status_code == 200, response.content
    return {int(event["id"]): event["extendedProps"].get("review") for event in response.json()}


def calendar_page(client) -> str:
    response = client.get(reverse("calendar"))
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def contributor(member):
    return member(Role.CONTRIBUTOR)


@pytest.fixture
def waiting(x_account, contributor):
    return place(x_account, at=ASKED_AT, author=contributor, state=TargetState.IN_REVIEW)


def test_an_item_in_review_gives_a_reviewer_its_post_and_author(alice_client, waiting, contributor):
    assert reviews(alice_client) == {waiting.pk: {"post": waiting.post_id, "author": contributor.pk}}
    page = calendar_page(alice_client)
    assert 'id="review-dialog"' in page
    # The dialog's forms are the review page's, pointed at the post clicked by calendar.js.
    assert f'action="{reverse("post-approve", args=[0])}"' in page
    assert f'action="{reverse("post-request-changes", args=[0])}"' in page
    assert f'action="{reverse("post-reject", args=[0])}"' in page


def test_other_items_open_the_post_and_published_ones_the_live_post(alice_client, alice, x_account):
    scheduled = place(x_account, at=ASKED_AT, author=alice)
    published = place(
        x_account,
        at=ASKED_AT + timedelta(hours=1),
        author=alice,
        state=TargetState.PUBLISHED,
        external_url="https://x.example/status/1",
    )

    found = alice_client.get(reverse("calendar-events"), MARCH).json()

    assert {int(e["id"]): e["url"] for e in found} == {
        scheduled.pk: reverse("target-detail", args=[scheduled.pk]),
        published.pk: "https://x.example/status/1",
    }
    assert all("review" not in e["extendedProps"] for e in found)


@pytest.mark.parametrize("role", [Role.CONTRIBUTOR, Role.VIEWER])
def test_people_who_may_not_approve_get_no_review_controls(client, org, member, waiting, role):
    person = signed_in_client(client, member(role), org)

    assert reviews(person) == {waiting.pk: None}
    assert 'id="review-dialog"' not in calendar_page(person)


def test_the_contributor_who_asked_gets_no_review_controls(client, org, waiting, contributor):
    person = signed_in_client(client, contributor, org)

    assert reviews(person) == {waiting.pk: None}


def test_an_editor_reviews_only_where_the_organization_lets_editors_approve(bob_client, org, waiting):
    assert reviews(bob_client) == {waiting.pk: None}
    assert 'id="review-dialog"' not in calendar_page(bob_client)

    org.editors_may_approve = True
    org.save(update_fields=["editors_may_approve"])

    assert reviews(bob_client)[waiting.pk] is not None
    assert 'id="review-dialog"' in calendar_page(bob_client)


def test_nobody_reviews_their_own_post_unless_the_organization_allows_it(alice_client, org, alice, x_account):
    org.approval_required_for = Organization.ApprovalRequired.EVERYONE
    org.save(update_fields=["approval_required_for"])
    own = place(x_account, at=ASKED_AT, author=alice, state=TargetState.IN_REVIEW)

    assert reviews(alice_client) == {own.pk: None}

    org.may_approve_own_posts = True
    org.save(update_fields=["may_approve_own_posts"])

    assert reviews(alice_client) == {own.pk: {"post": own.post_id, "author": alice.pk}}


def test_an_outsider_sees_nothing_of_it(charlie_client, waiting):
    assert reviews(charlie_client) == {}


def test_what_the_dialog_needs_costs_the_same_queries_for_one_post_or_thousands(
    alice_client, org, member, x_account, contributor, waiting
):
    with CaptureQueriesContext(connection) as one_post:
        assert len(reviews(alice_client)) == 1

    # Three thousand more in review, by five contributors, every ten minutes of March.
    authors = [contributor, *(member(Role.CONTRIBUTOR) for _ in range(4))]
    posts = Post.objects.bulk_create(
        [Post(organization=org, author=authors[n % 5], text=f"Waiting post {n}.") for n in range(3000)]
    )
    PostTarget.objects.bulk_create(
        [
            PostTarget(
                post=post,
                account=x_account,
                state=TargetState.IN_REVIEW,
                scheduled_at=datetime(2027, 3, 1, tzinfo=TORONTO) + n * timedelta(minutes=10),
            )
            for n, post in enumerate(posts)
        ]
    )
    with CaptureQueriesContext(connection) as many_posts:
        found = reviews(alice_client)

    assert len(found) == 3001 and all(review is not None for review in found.values())
    assert len(many_posts) == len(one_post), [query["sql"] for query in many_posts.captured_queries]
