"""The home page is where a member starts the day: the week ahead, what failed and how to fix it,
what waits for review, drafts and accounts to reconnect, each with a count and a link to the full list."""

import itertools
import re
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import ConnectedAccount, Role
from posts.models import FailureReason, Post, PostTarget, TargetState
from scheduler.dashboard import SHOWN, dashboard_for
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory
from tests.fixtures import signed_in_client

S = TargetState
TORONTO = ZoneInfo("America/Toronto")
KINDS = {"twitter": "x_user", "linkedin": "linkedin_member", "facebook": "facebook_page"}
_numbers = itertools.count(1)


def connect(org, network="twitter", **fields):
    number = next(_numbers)
    return ConnectedAccount.objects.create(
        organization=org,
        network=network,
        kind=KINDS[network],
        external_id=f"{network}-{number}",
        display_name=f"Clinic {network} {number}",
        **fields,
    )


def aim(account, *, state, text="Flu shots are in this week.", author=None, at=None, **fields) -> PostTarget:
    """One post to ``account``, its target in ``state`` (at ``at``, when it has a time)."""
    organization = account.organization
    author = author or organization.memberships.get(role=Role.OWNER).user
    post = Post.objects.create(organization=organization, author=author, text=text)
    return PostTarget.objects.create(post=post, account=account, state=state, scheduled_at=at, due_at=at, **fields)


def local_noon(days_from_today: int) -> datetime:
    """Noon, Toronto time, ``days_from_today`` days after today there (Alice's zone)."""
    today = timezone.now().astimezone(TORONTO).date()
    return datetime.combine(today + timedelta(days=days_from_today), time(12, 0), tzinfo=TORONTO)


def home(client) -> str:
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


def element(html: str, element_id: str) -> str:
    """The element with ``element_id``, from its opening tag to its closing one ("" if absent)."""
    start = re.search(rf'<(\w+)[^>]*\bid="{element_id}"', html)
    if start is None:
        return ""
    depth = 0
    for tag in re.finditer(rf"<(/?){start.group(1)}\b[^>]*>", html[start.start() :]):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return html[start.start() : start.start() + tag.end()]
    raise AssertionError(f"#{element_id} is never closed")


def day_id(days_from_today: int) -> str:
    return f"day-{local_noon(days_from_today):%Y-%m-%d}"


# --- the week strip ----------------------------------------------------------------------------------


def test_the_week_strip_shows_seven_days_from_today_with_counts_times_and_networks(alice_client, org):
    x, linkedin = connect(org, "twitter"), connect(org, "linkedin")
    aim(x, state=S.SCHEDULED, at=local_noon(0) + timedelta(minutes=30))
    aim(linkedin, state=S.SCHEDULED, at=local_noon(0) - timedelta(hours=3, minutes=15))
    aim(x, state=S.SCHEDULED, at=local_noon(6))
    aim(x, state=S.SCHEDULED, at=local_noon(7))  # the eighth day: not this week
    aim(x, state=S.DRAFT, at=local_noon(1))  # a draft does not go out

    page = home(alice_client)

    week = element(page, "dashboard-week")
    assert 'Going out this week <span class="badge">3</span>' in week
    days = [element(week, day_id(offset)) for offset in range(7)]
    assert all(days) and not element(week, day_id(7))
    assert "Today" in days[0] and "Tomorrow" in days[1]
    assert "2 posts" in days[0]
    assert "08:45</time> LinkedIn" in days[0] and "12:30</time> X" in days[0]
    assert days[0].index("08:45") < days[0].index("12:30")
    assert "1 post<" in days[6]
    assert all("0 posts" in day for day in days[1:6])
    assert f'href="{reverse("posts")}?state=scheduled"' in week


def test_a_post_that_went_out_today_stays_on_the_strip_marked_sent(alice_client, org):
    aim(connect(org), state=S.PUBLISHED, at=local_noon(0), published_at=local_noon(0))

    today = element(home(alice_client), day_id(0))

    assert "1 post<" in today and "sent</span>" in today


def test_each_day_runs_from_local_midnight_to_midnight_across_a_clock_change(org):
    account = connect(org)
    # Toronto moves its clocks forward on Sunday 8 March 2026: that day lasts 23 hours.
    saturday_noon = datetime(2026, 3, 7, 12, 0, tzinfo=TORONTO)
    just_after_sunday = datetime(2026, 3, 9, 0, 30, tzinfo=TORONTO)
    last_minute = datetime(2026, 3, 13, 23, 59, tzinfo=TORONTO)
    next_week = datetime(2026, 3, 14, 0, 0, tzinfo=TORONTO)
    for at in (just_after_sunday, last_minute, next_week):
        aim(account, state=S.SCHEDULED, at=at)

    week = dashboard_for(org, time_zone="America/Toronto", now=saturday_noon).week

    assert [day.date.day for day in week] == [7, 8, 9, 10, 11, 12, 13]
    assert [day.count for day in week] == [0, 0, 1, 0, 0, 0, 1]
    assert week[2].targets[0].local_at.hour == 0


def test_a_busy_day_lists_its_first_posts_and_says_how_many_more(org):
    account = connect(org)
    for minute in range(9):
        aim(account, state=S.SCHEDULED, at=local_noon(1) + timedelta(minutes=minute))

    tomorrow = dashboard_for(org, time_zone="America/Toronto").week[1]

    assert tomorrow.count == 9 and len(tomorrow.targets) == 6 and tomorrow.more == 3


# --- what did not go out, with the fix ------------------------------------------------------------------


def test_a_post_that_kept_failing_is_shown_with_its_reason_and_a_retry_button(alice_client, org):
    failed = aim(
        connect(org),
        state=S.FAILED,
        failure_reason=FailureReason.TRANSIENT,
        error_message="X answered 503 five times.",
    )

    section = element(home(alice_client), "dashboard-attention")

    assert 'Did not go out <span class="badge badge-alert">1</span>' in section
    assert "Network kept failing: X answered 503 five times." in section
    assert "Retry now or a little later." in section  # the advice
    assert f'action="{reverse("target-retry", args=[failed.pk])}"' in section
    assert f'href="{reverse("posts")}?state=failed&amp;state=needs_attention"' in section


def test_a_post_the_network_refused_offers_to_edit_it(alice_client, org):
    refused = aim(
        connect(org), state=S.FAILED, failure_reason=FailureReason.REJECTED, error_message="X refused: duplicate."
    )

    section = element(home(alice_client), "dashboard-attention")

    assert f'href="{reverse("post-edit", args=[refused.post_id])}" role="button">Edit the post' in section
    assert reverse("target-retry", args=[refused.pk]) not in section


def test_a_post_failed_for_an_account_that_needs_reconnecting_offers_to_reconnect(alice_client, org):
    account = connect(org, "linkedin", status=ConnectedAccount.Status.NEEDS_RECONNECT)
    aim(account, state=S.FAILED, failure_reason=FailureReason.AUTH, error_message="LinkedIn ended our access.")

    section = element(home(alice_client), "dashboard-attention")

    assert f'action="{reverse("connection-start", args=["linkedin"])}"' in section
    assert "Reconnect LinkedIn" in section


def test_a_post_whose_outcome_is_unknown_asks_the_person_to_check(alice_client, org):
    unsure = aim(connect(org), state=S.NEEDS_ATTENTION, failure_reason=FailureReason.UNKNOWN_OUTCOME)

    section = element(home(alice_client), "dashboard-attention")

    assert f'href="{reverse("target-detail", args=[unsure.pk])}">Check and decide' in section


def test_a_viewer_sees_what_failed_but_no_buttons_to_fix_it(client, org, member):
    viewer = member(Role.VIEWER)
    aim(connect(org), state=S.FAILED, failure_reason=FailureReason.MISSED, error_message="Missed by 3 hours.")
    aim(connect(org, "linkedin", status=ConnectedAccount.Status.NEEDS_RECONNECT), state=S.DRAFT)

    page = home(signed_in_client(client, viewer, org))

    assert "Missed by 3 hours." in page
    assert "Retry now" not in page and "Reconnect" not in page and "Write a post" not in page
    assert "An owner or admin can reconnect it." in page


def test_nothing_failed_says_so(alice_client, org):
    section = element(home(alice_client), "dashboard-attention")

    assert 'Did not go out <span class="badge">0</span>' in section
    assert "Nothing failed" in section


# --- review, drafts, accounts ----------------------------------------------------------------------------


def test_posts_waiting_for_review_are_listed_for_an_owner_to_review(alice_client, org, member):
    contributor = member(Role.CONTRIBUTOR)
    x, linkedin = connect(org, "twitter"), connect(org, "linkedin")
    waiting = aim(x, state=S.IN_REVIEW, author=contributor, text="Our new hours start Monday.")
    PostTarget.objects.create(post=waiting.post, account=linkedin, state=S.IN_REVIEW)

    section = element(home(alice_client), "dashboard-review")

    assert 'Waiting for review <span class="badge">1</span>' in section
    assert "Our new hours start Monday." in section and f"By {contributor.get_full_name()}" in section
    assert "X, LinkedIn" in section
    assert f'href="{reverse("post-edit", args=[waiting.post_id])}" role="button" class="secondary">Review' in section
    assert f'href="{reverse("posts")}?state=in_review"' in section


def test_a_contributor_sees_the_review_queue_without_the_review_button(client, org, member):
    contributor = member(Role.CONTRIBUTOR)
    aim(connect(org), state=S.IN_REVIEW, author=contributor, text="Please approve me.")

    section = element(home(signed_in_client(client, contributor, org)), "dashboard-review")

    assert "Please approve me." in section and ">Review<" not in section


def test_the_review_section_is_left_out_where_nobody_needs_approval(alice_client, org):
    assert 'id="dashboard-review"' not in home(alice_client)


def test_drafts_include_posts_with_no_account_chosen_yet(alice_client, org, alice):
    aim(connect(org), state=S.DRAFT, text="Draft for X.")
    unfinished = Post.objects.create(organization=org, author=alice, text="Nothing chosen yet.")

    section = element(home(alice_client), "dashboard-drafts")

    assert 'Drafts <span class="badge">2</span>' in section
    assert "Draft for X." in section and "Nothing chosen yet." in section
    assert f'href="{reverse("post-edit", args=[unfinished.pk])}"' in section
    assert f'href="{reverse("posts")}?state=draft"' in section


def test_accounts_that_need_reconnecting_now_or_soon_are_listed_with_the_button(alice_client, org):
    refused = connect(org, "twitter", status=ConnectedAccount.Status.NEEDS_RECONNECT, last_error="X revoked access.")
    # A LinkedIn token PhysSocial cannot renew, ending in three days.
    ending = connect(org, "linkedin", token_expires_at=timezone.now() + timedelta(days=3))
    renews = connect(org, "facebook", token_expires_at=timezone.now() + timedelta(days=3))
    renews.refresh_token = "a-refresh-token"
    renews.save()

    section = element(home(alice_client), "dashboard-reconnect")

    assert 'Accounts to reconnect <span class="badge badge-alert">2</span>' in section
    assert f'id="reconnect-{refused.pk}"' in section and "X revoked access." in section
    assert f'id="reconnect-{ending.pk}"' in section and "LinkedIn does not let PhysSocial renew it" in section
    assert f'id="reconnect-{renews.pk}"' not in section
    assert f'action="{reverse("connection-start", args=["twitter"])}"' in section
    assert f'href="{reverse("connections")}?status=needs_reconnect"' in section


# --- who sees what ---------------------------------------------------------------------------------------


def test_a_member_of_another_organization_sees_none_of_it(charlie_client, org):
    aim(connect(org), state=S.FAILED, text="Alice's failed post", failure_reason=FailureReason.MISSED)
    aim(connect(org), state=S.DRAFT, text="Alice's draft")
    aim(connect(org), state=S.SCHEDULED, text="Alice's scheduled post", at=local_noon(1))
    connect(org, status=ConnectedAccount.Status.NEEDS_RECONNECT)

    page = home(charlie_client)

    assert "Alice" not in page
    assert 'Going out this week <span class="badge">0</span>' in page
    for heading in ("Did not go out", "Accounts to reconnect", "Drafts"):
        assert f'{heading} <span class="badge">0</span>' in page


def test_someone_in_no_organization_gets_the_greeting_only(client, db):
    loner = UserFactory()

    page = home(signed_in_client(client, loner, None))

    assert "You do not belong to an organization yet" in page and 'id="dashboard-week"' not in page


# --- cost ------------------------------------------------------------------------------------------------


def fill(organization, owner, *, size: int) -> None:
    """``size`` of everything the home page shows, in ``organization``."""
    MembershipFactory(organization=organization, role=Role.CONTRIBUTOR)
    accounts = [connect(organization, network) for network in KINDS]
    for number in range(size):
        connect(organization, "linkedin", status=ConnectedAccount.Status.NEEDS_RECONNECT)
        posts = Post.objects.bulk_create(
            Post(organization=organization, author=owner, text=f"Post {number}.{kind}") for kind in range(5)
        )
        at = local_noon(number % 7) + timedelta(minutes=number)
        PostTarget.objects.bulk_create(
            [
                *(PostTarget(post=posts[0], account=a, state=S.SCHEDULED, scheduled_at=at) for a in accounts),
                PostTarget(post=posts[1], account=accounts[0], state=S.FAILED, failure_reason=FailureReason.MISSED),
                PostTarget(post=posts[2], account=accounts[1], state=S.IN_REVIEW),
                PostTarget(post=posts[3], account=accounts[2], state=S.DRAFT),
                # posts[4]: no account chosen yet
            ]
        )


def home_queries(client) -> int:
    client.get(reverse("home"))  # sessions and caches warm
    with CaptureQueriesContext(connection) as queries:
        home(client)
    return len(queries)


@pytest.mark.parametrize("big", [60])
def test_the_home_page_costs_the_same_queries_for_a_small_and_a_big_organization(db, client, big):
    counts = []
    for size in (1, big):
        owner = UserFactory()
        organization = OrganizationFactory()
        MembershipFactory(organization=organization, user=owner, role=Role.OWNER)
        fill(organization, owner, size=size)
        counts.append(home_queries(signed_in_client(client, owner, organization)))

    small, large = counts
    assert small == large, f"{small} queries for a small organization, {large} for a big one"
    big_page = home(client)
    assert f'Did not go out <span class="badge badge-alert">{big}</span>' in big_page
    assert len(re.findall(r'id="attention-\d+"', big_page)) == SHOWN
