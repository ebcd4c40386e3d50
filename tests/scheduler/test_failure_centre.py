"""The failure centre lists every post of the active organization that did not go out, says why in
plain words, offers the fix, retries several at once and shows its count in the navigation."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import ConnectedAccount, Role
from posts.models import FailureReason, PostTarget, TargetState
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory
from tests.fixtures import signed_in_client
from tests.scheduler.test_dashboard import aim, connect, element

S = TargetState


def centre(client) -> str:
    response = client.get(reverse("failures"))
    assert response.status_code == 200
    return response.content.decode()


def retry(client, *ids) -> str:
    response = client.post(reverse("failures-retry"), {"target": [str(pk) for pk in ids]}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("failures")
    return response.content.decode()


def test_each_failure_shows_its_reason_in_plain_words_and_the_fix(alice_client, org):
    x = connect(org)
    kept_failing = aim(x, state=S.FAILED, failure_reason=FailureReason.TRANSIENT, error_message="X answered 503.")
    refused = aim(x, state=S.FAILED, failure_reason=FailureReason.REJECTED, error_message="X refused: duplicate.")
    unsure = aim(x, state=S.NEEDS_ATTENTION, failure_reason=FailureReason.UNKNOWN_OUTCOME)
    linkedin = connect(org, "linkedin", status=ConnectedAccount.Status.NEEDS_RECONNECT)
    locked_out = aim(linkedin, state=S.FAILED, failure_reason=FailureReason.AUTH, error_message="Access ended.")
    aim(x, state=S.SCHEDULED)
    aim(x, state=S.PUBLISHED)

    page = centre(alice_client)

    assert len(re.findall(r'id="failure-\d+"', page)) == 4
    row = element(page, f"failure-{kept_failing.pk}")
    assert "Network kept failing: X answered 503." in row and "Retry now or a little later." in row
    assert f'action="{reverse("target-retry", args=[kept_failing.pk])}"' in row
    row = element(page, f"failure-{refused.pk}")
    assert f'href="{reverse("post-edit", args=[refused.post_id])}" role="button">Edit the post' in row
    row = element(page, f"failure-{unsure.pk}")
    assert f'action="{reverse("target-confirm-published", args=[unsure.pk])}"' in row
    assert "It was published" in row and "It was not published: send it now" in row
    row = element(page, f"failure-{locked_out.pk}")
    assert f'action="{reverse("connection-start", args=["linkedin"])}"' in row


def test_it_was_published_from_the_centre_comes_back_to_the_centre(alice_client, org):
    unsure = aim(connect(org), state=S.NEEDS_ATTENTION, failure_reason=FailureReason.UNKNOWN_OUTCOME)

    response = alice_client.post(
        reverse("target-confirm-published", args=[unsure.pk]), {"next": reverse("failures")}, follow=True
    )

    assert response.redirect_chain[-1][0] == reverse("failures")
    unsure.refresh_from_db()
    assert unsure.state == S.PUBLISHED
    assert "Nothing failed" in response.content.decode()


def test_a_next_address_elsewhere_is_ignored(alice_client, org):
    failed = aim(connect(org), state=S.FAILED, failure_reason=FailureReason.MISSED)

    response = alice_client.post(reverse("target-retry", args=[failed.pk]), {"next": "https://evil.example/"})

    assert response["Location"] == reverse("target-detail", args=[failed.pk])


def test_retrying_several_at_once_reports_what_went_and_what_could_not(alice_client, org):
    x = connect(org)
    missed = aim(x, state=S.FAILED, failure_reason=FailureReason.MISSED)
    unsure = aim(x, state=S.NEEDS_ATTENTION, failure_reason=FailureReason.UNKNOWN_OUTCOME)
    linkedin = connect(org, "linkedin", status=ConnectedAccount.Status.NEEDS_RECONNECT)
    locked_out = aim(linkedin, state=S.FAILED, failure_reason=FailureReason.AUTH)
    already_out = aim(x, state=S.PUBLISHED)

    page = retry(alice_client, missed.pk, unsure.pk, locked_out.pk, already_out.pk)

    states = dict(PostTarget.objects.values_list("pk", "state"))
    assert states[missed.pk] == states[unsure.pk] == S.SCHEDULED
    assert states[locked_out.pk] == S.FAILED
    assert states[already_out.pk] == S.PUBLISHED
    assert "2 posts were retried: they will go out in a few seconds." in page
    assert f"Not retried, LinkedIn · {linkedin.display_name}: Reconnect the LinkedIn account" in page
    assert f"Not retried, X · {x.display_name}: This post changed meanwhile" in page


def test_another_organizations_post_cannot_be_retried_from_here(alice_client, org, charlies_org):
    theirs = aim(connect(charlies_org), state=S.FAILED, failure_reason=FailureReason.MISSED)

    page = retry(alice_client, theirs.pk)

    theirs.refresh_from_db()
    assert theirs.state == S.FAILED
    assert "1 post you ticked is no longer here" in page


@pytest.mark.parametrize("ticked", [[], ["seven"], ["0"], ["99999999999"]])
def test_nothing_or_nonsense_ticked_gets_a_plain_message(alice_client, org, ticked):
    response = alice_client.post(reverse("failures-retry"), {"target": ticked}, follow=True)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Tick at least one post to retry." in page or "could not be read" in page


@pytest.mark.parametrize("role", [Role.VIEWER, Role.CONTRIBUTOR])
def test_viewers_and_contributors_see_the_failures_but_cannot_retry(client, org, member, role):
    failed = aim(connect(org), state=S.FAILED, failure_reason=FailureReason.MISSED, error_message="Missed by 3 h.")
    person_client = signed_in_client(client, member(role), org)

    page = centre(person_client)
    response = person_client.post(reverse("failures-retry"), {"target": [failed.pk]})

    assert "Missed by 3 h." in page
    assert "Retry" not in element(page, f"failure-{failed.pk}") and 'form="bulk-retry"' not in page
    assert response.status_code == 403
    failed.refresh_from_db()
    assert failed.state == S.FAILED


def test_an_editor_may_retry_several(bob_client, org):
    failed = aim(connect(org), state=S.FAILED, failure_reason=FailureReason.MISSED)

    retry(bob_client, failed.pk)

    failed.refresh_from_db()
    assert failed.state == S.SCHEDULED


def test_the_navigation_counts_what_did_not_go_out_in_the_active_organization(alice_client, org, charlies_org):
    x = connect(org)
    aim(x, state=S.FAILED, failure_reason=FailureReason.MISSED)
    aim(x, state=S.NEEDS_ATTENTION)
    aim(x, state=S.SCHEDULED)
    aim(connect(charlies_org), state=S.FAILED)

    page = alice_client.get(reverse("posts")).content.decode()

    assert re.search(r'href="/failures/"[^>]*>Failures <span class="badge badge-alert">2<', page)


def test_the_home_page_links_to_the_failure_centre(alice_client, org):
    aim(connect(org), state=S.FAILED, failure_reason=FailureReason.MISSED)

    section = element(alice_client.get(reverse("home")).content.decode(), "dashboard-attention")

    assert f'href="{reverse("failures")}"' in section


def test_an_outsider_of_the_organization_never_sees_its_failures(charlie_client, org):
    mine = aim(connect(org), state=S.FAILED, failure_reason=FailureReason.MISSED, error_message="Alice's secret.")

    page = centre(charlie_client)

    assert f"failure-{mine.pk}" not in page and "Alice's secret." not in page


def test_the_centre_costs_the_same_queries_for_one_failure_and_thirty(db, client):
    counts = []
    for size in (1, 30):
        owner = UserFactory()
        organization = OrganizationFactory()
        MembershipFactory(organization=organization, user=owner, role=Role.OWNER)
        accounts = [connect(organization, network) for network in ("twitter", "linkedin")]
        for number in range(size):
            aim(accounts[number % 2], state=S.FAILED, failure_reason=FailureReason.MISSED, author=owner)
        owner_client = signed_in_client(client, owner, organization)
        owner_client.get(reverse("failures"))  # sessions and caches warm
        with CaptureQueriesContext(connection) as queries:
            page = centre(owner_client)
        counts.append(len(queries))
        assert len(re.findall(r'id="failure-\d+"', page)) == size

    small, large = counts
    assert small == large, f"{small} queries for one failure, {large} for thirty"
