"""A notice whose problem has been solved since (the post went out, or was cancelled) says so
instead of still offering "Retry now"; a grouped notice, once none of its account's posts waits
for a fix any more. Worked out in a fixed number of queries, whatever the number of notices."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import Notification
from posts.models import FailureReason, PostTarget, TargetState
from scheduler import services
from tests.scheduler.test_dashboard import aim, connect, element

S = TargetState


def failed(account, **fields):
    target = aim(account, state=S.FAILED, failure_reason=FailureReason.TRANSIENT, **fields)
    services.notify_target_failed(target)
    return target


def notice(client, user) -> str:
    note = Notification.objects.get(user=user)
    return element(client.get(reverse("notifications")).content.decode(), f"notification-{note.pk}")


def test_a_failed_post_that_has_gone_out_since_says_when(alice_client, alice, org):
    target = failed(connect(org))
    went_out = datetime(2026, 3, 4, 15, 30, tzinfo=ZoneInfo("UTC"))
    PostTarget.objects.filter(pk=target.pk).update(state=S.PUBLISHED, published_at=went_out)

    shown = notice(alice_client, alice)

    assert "Solved: published at 4 Mar 2026, 10:30 EST." in shown  # Alice reads Toronto time
    assert "Retry now" not in shown


def test_a_failed_post_cancelled_since_says_it_is_solved(alice_client, alice, org):
    target = failed(connect(org))
    services.cancel_target(target, by=alice)

    shown = notice(alice_client, alice)

    assert "Solved: cancelled, it will not go out." in shown and "Retry now" not in shown


def test_a_post_still_failed_still_offers_the_retry(alice_client, alice, org):
    target = failed(connect(org))

    shown = notice(alice_client, alice)

    assert "Solved" not in shown
    assert f'action="{reverse("target-retry", args=[target.pk])}"' in shown


def test_a_grouped_notice_is_solved_once_none_of_the_accounts_posts_waits_for_a_fix(alice_client, alice, org):
    x = connect(org)
    first, second = failed(x), failed(x)
    services.retry_target(first, by=alice)

    assert "Solved" not in notice(alice_client, alice)  # the second still waits

    PostTarget.objects.filter(pk=second.pk).update(state=S.PUBLISHED, published_at=timezone.now())
    shown = notice(alice_client, alice)

    assert "Solved: none of these posts waits for a fix any more." in shown


def test_working_out_what_was_solved_takes_the_same_queries_for_many_notices(alice, org):
    def queries_for_page() -> int:
        with CaptureQueriesContext(connection) as queries:
            services.notifications_for(alice)
        return len(queries.captured_queries)

    failed(connect(org))
    x = connect(org)
    failed(x), failed(x)
    few = queries_for_page()
    for _ in range(5):
        failed(connect(org))
    y = connect(org)
    failed(y), failed(y)

    assert queries_for_page() == few
