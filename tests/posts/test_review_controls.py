"""Where a reviewer answers a post waiting for review, besides the review page: the post's page,
the posts list, the queue's "Waiting for approval" list and the home page's Review button. Each
offers the review page's three forms to exactly the people the one approval policy allows
(accounts.permissions.may_approve), and each answer brings the reviewer back where they were."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import ConnectedAccount, Organization, Role
from posts import review, services
from posts.models import TargetState as S
from scheduler.schedules import create_schedule
from tests.fixtures import signed_in_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def account(org) -> ConnectedAccount:
    return ConnectedAccount.objects.create(
        organization=org, network="linkedin", kind="linkedin_member", external_id="li-1", display_name="Clinic"
    )


@pytest.fixture
def contributor(member):
    return member(Role.CONTRIBUTOR)


def send_for_review(org, author, account, *, schedule="at", at=None):
    return services.create_post(
        organization=org,
        author=author,
        text="Flu shots are in.",
        account_ids=[account.pk],
        schedule=schedule,
        scheduled_at=(at or timezone.now() + timedelta(days=2)) if schedule == "at" else None,
    )


def offers_answers(page: str, post) -> bool:
    """Whether ``page`` holds the three answers for ``post``."""
    return all(
        f'action="{reverse(name, args=[post.pk])}"' in page
        for name in ("post-approve", "post-request-changes", "post-reject")
    )


def get(client, name, *args) -> str:
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    return response.content.decode()


# Who sees the answers --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", ["posts", "post-edit"])
def test_an_owner_answers_a_contributors_post_from_the_post_page_and_the_posts_list(
    alice_client, org, contributor, account, page
):
    post = send_for_review(org, contributor, account)

    assert offers_answers(get(alice_client, page, *([post.pk] if page == "post-edit" else [])), post)


@pytest.mark.parametrize("page", ["posts", "post-edit"])
def test_the_contributor_who_asked_sees_no_answers(client, org, contributor, account, page):
    post = send_for_review(org, contributor, account)
    person = signed_in_client(client, contributor, org)

    assert not offers_answers(get(person, page, *([post.pk] if page == "post-edit" else [])), post)


@pytest.mark.parametrize("page", ["posts", "post-edit"])
def test_an_editor_answers_only_where_the_organization_lets_editors_approve(
    bob_client, org, contributor, account, page
):
    post = send_for_review(org, contributor, account)
    args = [post.pk] if page == "post-edit" else []

    assert not offers_answers(get(bob_client, page, *args), post)
    org.editors_may_approve = True
    org.save(update_fields=["editors_may_approve"])
    assert offers_answers(get(bob_client, page, *args), post)


def test_nobody_answers_their_own_post_unless_the_organization_allows_it(alice_client, org, alice, account):
    org.approval_required_for = Organization.ApprovalRequired.EVERYONE
    org.save(update_fields=["approval_required_for"])
    post = send_for_review(org, alice, account)

    assert not offers_answers(get(alice_client, "posts"), post)
    assert not offers_answers(get(alice_client, "post-edit", post.pk), post)
    org.may_approve_own_posts = True
    org.save(update_fields=["may_approve_own_posts"])
    assert offers_answers(get(alice_client, "post-edit", post.pk), post)


def test_a_post_that_no_longer_waits_offers_no_answers(alice_client, org, contributor, account, alice):
    post = send_for_review(org, contributor, account)
    review.approve_post(post, by=alice)

    assert not offers_answers(get(alice_client, "posts"), post)
    assert not offers_answers(get(alice_client, "post-edit", post.pk), post)


def test_a_passed_time_asks_the_reviewer_for_a_new_one_on_the_post_page(alice_client, org, contributor, account):
    post = send_for_review(org, contributor, account)
    post.targets.update(scheduled_at=timezone.now() - timedelta(hours=1))

    page = get(alice_client, "post-edit", post.pk)

    assert "The time asked for has passed: pick a new time" in page
    assert f'id="approve-at-{post.pk}" name="scheduled_at" required' in page


# Answering -------------------------------------------------------------------------------------------------------


def test_approving_from_the_posts_list_schedules_it_and_comes_back_to_the_list(alice_client, org, contributor, account):
    post = send_for_review(org, contributor, account)
    back = reverse("posts") + "?state=in_review"

    response = alice_client.post(reverse("post-approve", args=[post.pk]), {"next": back})

    assert response.status_code == 302 and response["Location"] == back
    assert set(post.targets.values_list("state", flat=True)) == {S.SCHEDULED}


def test_requesting_changes_from_the_post_page_sends_it_back_with_the_comment(alice_client, org, contributor, account):
    post = send_for_review(org, contributor, account)
    here = reverse("post-edit", args=[post.pk])

    response = alice_client.post(
        reverse("post-request-changes", args=[post.pk]), {"next": here, "comment": "Add the hours."}, follow=True
    )

    assert response.redirect_chain[-1][0] == here
    assert set(post.targets.values_list("state", flat=True)) == {S.DRAFT}
    assert "Sent back to its author as a draft" in response.content.decode()


# The queue -------------------------------------------------------------------------------------------------------


@pytest.fixture
def queue(org, alice):
    return create_schedule(organization=org, slots=[(day, time(9, 0)) for day in range(7)], by=alice)


def test_the_queues_waiting_list_offers_the_answers_to_a_reviewer_only(
    alice_client, bob_client, org, contributor, account, queue
):
    post = send_for_review(org, contributor, account, schedule="queue")
    contributor_client = signed_in_client(Client(), contributor, org)

    assert offers_answers(get(alice_client, "queue-account", account.pk), post)
    assert not offers_answers(get(bob_client, "queue-account", account.pk), post)  # editors may not approve here
    assert not offers_answers(get(contributor_client, "queue-account", account.pk), post)


def test_approving_from_the_queue_gives_the_post_the_next_free_slot_and_comes_back_to_the_queue(
    alice_client, org, contributor, account, queue
):
    post = send_for_review(org, contributor, account, schedule="queue")
    page = get(alice_client, "queue-account", account.pk)
    back = reverse("queue-account", args=[account.pk])
    assert offers_answers(page, post)

    response = alice_client.post(reverse("post-approve", args=[post.pk]), {"next": back})

    assert response["Location"] == back
    target = post.targets.get()
    assert (target.state, target.is_queued) == (S.SCHEDULED, True)
    assert target.scheduled_at is not None


def test_after_an_htmx_action_the_answers_still_come_back_to_the_queue_page(
    alice_client, org, contributor, account, queue
):
    post = send_for_review(org, contributor, account, schedule="queue")

    partial = alice_client.post(reverse("queue-pause", args=[account.pk]), HTTP_HX_REQUEST="true").content.decode()

    assert offers_answers(partial, post)
    assert f'name="next" value="{reverse("queue-account", args=[account.pk])}"' in partial


# The home page ---------------------------------------------------------------------------------------------------


def test_the_home_pages_review_button_follows_the_approval_policy_not_the_role(
    alice_client, bob_client, org, contributor, account
):
    post = send_for_review(org, contributor, account)
    button = f'href="{reverse("post-edit", args=[post.pk])}" role="button"'

    assert button in get(alice_client, "home")
    assert button not in get(bob_client, "home")  # an editor, where editors may not approve
    org.editors_may_approve = True
    org.save(update_fields=["editors_may_approve"])
    assert button in get(bob_client, "home")
