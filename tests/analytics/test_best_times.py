"""Best times to post: engagement per post by weekday and hour in the organization's zone, and
one click that makes the best hours the posting schedule."""

from datetime import UTC, datetime, time, timedelta

import pytest
from django.urls import reverse

from analytics import best_times
from audit.models import Action, AuditEvent
from posts.models import PostTarget
from scheduler import schedules
from tests.analytics.conftest import connect, publish

# Mondays in Toronto's winter (UTC-5): 2026-01-05, 12, 19, ...
FIRST_MONDAY = datetime(2026, 1, 5, tzinfo=UTC)


def post_at(account, *, weekday: int, local_hour: int, week: int, likes: int):
    """A post on ``weekday`` (Monday = 0) at ``local_hour`` in Toronto, ``week`` weeks in."""
    at = FIRST_MONDAY + timedelta(weeks=week, days=weekday, hours=local_hour + 5)
    return publish(account, at, {"likes": likes, "shares": 0, "comments": 0, "views": 10 * likes})


@pytest.fixture
def history(toronto_org):
    """Four weeks of posts at six times: Tuesday 09:00 does best, then Thursday 12:00, ..."""
    x = connect(toronto_org, "twitter", "Clinic X")
    likes_by_slot = {(1, 9): 50, (3, 12): 40, (0, 8): 30, (4, 17): 20, (2, 7): 10, (5, 10): 5}
    for week in range(4):
        for (weekday, hour), likes in likes_by_slot.items():
            post_at(x, weekday=weekday, local_hour=hour, week=week, likes=likes)
    return x


def test_the_heat_map_is_engagement_per_post_by_weekday_and_local_hour(toronto_org, history):
    best = best_times.best_times(toronto_org)

    tuesday_nine = best.grid[1][9]
    assert (tuesday_nine.posts, tuesday_nine.per_post, tuesday_nine.level) == (4, 50.0, 4)
    assert best.grid[5][10].level == 1  # a tenth of the best: the lowest level that has posts
    assert best.grid[1][14].level == 0  # 14:00 UTC is 09:00 in Toronto: nothing went out at 14:00 local
    assert best.measured_posts == 24


def test_the_five_best_hours_are_suggested(toronto_org, history):
    best = best_times.best_times(toronto_org)

    assert best.enough
    assert [(h.weekday, h.hour) for h in best.suggestions] == [(1, 9), (3, 12), (0, 8), (4, 17), (2, 7)]


def test_too_little_history_suggests_nothing_and_says_so(alice_client, toronto_org):
    x = connect(toronto_org, "twitter", "Clinic X")
    for week in range(2):
        post_at(x, weekday=1, local_hour=9, week=week, likes=50)

    best = best_times.best_times(toronto_org)
    page = alice_client.get(reverse("analytics")).content.decode()

    assert not best.enough and best.suggestions == []
    assert "too little history" in page and reverse("analytics-use-best-times") not in page


def test_posts_without_figures_yet_are_not_measured(toronto_org, history):
    PostTarget.objects.update(metrics_collected_at=None)

    assert best_times.best_times(toronto_org).measured_posts == 0


def test_using_them_replaces_the_posting_schedule_after_confirming(alice_client, alice, toronto_org, history):
    schedules.create_schedule(organization=toronto_org, slots=[(0, time(8, 30))], by=alice, time_zone="Europe/Paris")

    confirmation = alice_client.get(reverse("analytics-use-best-times"))
    assert confirmation.status_code == 200 and "Replace my posting schedule" in confirmation.content.decode()
    assert list(schedules.default_schedule(toronto_org).slots.values_list("weekday", "local_time")) == [
        (0, time(8, 30))
    ]

    answer = alice_client.post(reverse("analytics-use-best-times"))

    assert answer.status_code == 302
    schedule = schedules.default_schedule(toronto_org)
    assert schedule.time_zone == "America/Toronto"
    assert sorted(schedule.slots.values_list("weekday", "local_time")) == [
        (0, time(8)),
        (1, time(9)),
        (2, time(7)),
        (3, time(12)),
        (4, time(17)),
    ]
    event = AuditEvent.objects.get(action=Action.SETTINGS_CHANGED, organization=toronto_org)
    assert event.actor_id == alice.pk
    assert event.details["posting_schedule"] == {
        "before": "Monday 08:30 (Europe/Paris)",
        "after": "Monday 08:00, Tuesday 09:00, Wednesday 07:00, Thursday 12:00, Friday 17:00 (America/Toronto)",
    }


def test_without_a_schedule_using_them_creates_one(alice, toronto_org, history):
    best_times.use_as_posting_schedule(toronto_org, by=alice)

    assert schedules.default_schedule(toronto_org).slots.count() == 5


def test_only_those_who_manage_schedules_may_use_them(bob_client, toronto_org, history):
    assert bob_client.get(reverse("analytics-use-best-times")).status_code == 403
    assert bob_client.post(reverse("analytics-use-best-times")).status_code == 403
    assert schedules.default_schedule(toronto_org) is None
    # An editor still sees the figures, without the button.
    page = bob_client.get(reverse("analytics")).content.decode()
    assert "Best times to post" in page and reverse("analytics-use-best-times") not in page


def test_with_too_little_history_nothing_is_changed(alice_client, toronto_org):
    answer = alice_client.post(reverse("analytics-use-best-times"), follow=True)

    assert "too little history" in answer.content.decode()
    assert schedules.default_schedule(toronto_org) is None
