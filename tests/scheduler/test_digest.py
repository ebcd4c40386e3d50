"""The daily digest: owners and admins get, once a day at 07:00 in their own time zone, tomorrow's
posts, what waits for review and what did not go out, by e-mail (and in the app)."""

import threading
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection

from accounts.models import Channel, Notification, Role, User
from accounts.notifications import set_preferences
from posts.models import FailureReason, TargetState
from scheduler import tasks
from scheduler.digest import send_daily_digests
from tests.factories import MembershipFactory, UserFactory
from tests.scheduler.test_dashboard import aim, connect

S = TargetState
TORONTO = ZoneInfo("America/Toronto")
TOKYO = ZoneInfo("Asia/Tokyo")
UTC = ZoneInfo("UTC")
DIGEST = Notification.Kind.DIGEST


@pytest.fixture(autouse=True)
def public_base_url(settings):
    settings.PUBLIC_BASE_URL = "https://physsocial.example"


@pytest.fixture
def busy(org, alice):
    """Something for Alice's digest: a failed post, so every digest of hers has content."""
    return aim(connect(org), state=S.FAILED, failure_reason=FailureReason.TRANSIENT, text="Flu shots this week.")


def digests_to(user) -> list:
    return [message for message in mail.outbox if message.to == [user.email] and "digest" in message.subject]


def toronto(*args) -> datetime:
    return datetime(*args, tzinfo=TORONTO)


def test_the_digest_waits_for_seven_in_the_morning_in_the_persons_zone(alice, busy):
    assert send_daily_digests(now=toronto(2026, 1, 15, 6, 59)) == 0
    assert digests_to(alice) == []

    assert send_daily_digests(now=toronto(2026, 1, 15, 7, 0)) == 1
    assert len(digests_to(alice)) == 1


def test_seven_oclock_follows_daylight_saving_time(alice, busy):
    # Toronto's 07:00 is 12:00 UTC in winter and 11:00 UTC in summer.
    send_daily_digests(now=datetime(2026, 1, 15, 11, 30, tzinfo=UTC))
    assert digests_to(alice) == []

    send_daily_digests(now=datetime(2026, 7, 15, 11, 30, tzinfo=UTC))
    assert len(digests_to(alice)) == 1


def test_on_the_day_the_clocks_go_forward_it_still_comes_at_seven(alice, busy):
    # 8 March 2026: Toronto moves from EST to EDT at 02:00, so 07:00 is 11:00 UTC that day.
    send_daily_digests(now=datetime(2026, 3, 8, 10, 59, tzinfo=UTC))
    assert digests_to(alice) == []

    send_daily_digests(now=datetime(2026, 3, 8, 11, 0, tzinfo=UTC))
    assert len(digests_to(alice)) == 1


def test_each_person_gets_it_at_seven_in_their_own_zone(org, alice, busy):
    dana = UserFactory(email="dana@example.org", display_name="Dana Doe", time_zone="Asia/Tokyo")
    MembershipFactory(organization=org, user=dana, role=Role.ADMIN)
    seven_in_tokyo = datetime(2026, 1, 15, 7, 0, tzinfo=TOKYO)  # 17:00 in Toronto the day before

    send_daily_digests(now=seven_in_tokyo - timedelta(minutes=1))
    assert digests_to(dana) == []

    send_daily_digests(now=seven_in_tokyo)
    assert len(digests_to(dana)) == 1
    assert len(digests_to(alice)) == 1  # already past her 07:00 on 14 January


def test_it_is_sent_once_a_day_however_often_beat_runs(alice, busy):
    for minutes in range(0, 17 * 60, 45):  # until midnight
        send_daily_digests(now=toronto(2026, 1, 15, 7, 0) + timedelta(minutes=minutes))
    assert len(digests_to(alice)) == 1

    send_daily_digests(now=toronto(2026, 1, 16, 7, 5))
    assert len(digests_to(alice)) == 2
    assert User.objects.get(pk=alice.pk).digest_sent_on.isoformat() == "2026-01-16"


def test_a_late_beat_still_sends_that_days_digest(alice, busy):
    send_daily_digests(now=toronto(2026, 1, 15, 15, 40))

    assert len(digests_to(alice)) == 1


@pytest.mark.django_db(transaction=True)
def test_two_beat_runs_at_once_send_one_digest_each(alice, member, busy):
    admins = [alice, *(member(Role.ADMIN) for _ in range(10))]
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def run():
        start.wait()
        try:
            send_daily_digests(now=toronto(2026, 1, 15, 7, 0))
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert [len(digests_to(admin)) for admin in admins] == [1] * len(admins)


def test_only_owners_and_admins_get_it(org, alice, bob, member, busy):
    admin = member(Role.ADMIN)

    send_daily_digests(now=toronto(2026, 1, 15, 9, 0))

    assert len(digests_to(alice)) == 1 and len(digests_to(admin)) == 1
    assert digests_to(bob) == []  # an editor


def test_it_lists_tomorrows_posts_what_waits_for_review_and_what_failed(org, alice, busy):
    x = connect(org)
    aim(x, state=S.SCHEDULED, at=toronto(2026, 1, 16, 9, 30), text="Vaccines save lives.")
    aim(x, state=S.SCHEDULED, at=toronto(2026, 1, 17, 9, 30), text="The day after tomorrow.")
    aim(x, state=S.IN_REVIEW, text="A resident's first post.")

    send_daily_digests(now=toronto(2026, 1, 15, 7, 0))

    (message,) = digests_to(alice)
    assert message.subject == "PhysSocial: Your daily digest for Thursday 15 January"
    body = message.body
    assert "== Alice's Clinic ==" in body
    assert "Tomorrow: 1 post is scheduled." in body
    assert f"- 09:30 · X · {x.display_name}: Vaccines save lives." in body
    assert "The day after tomorrow." not in body
    assert "Waiting for review: 1 post." in body and "A resident's first post." in body
    # Every link opens in this organization, whichever one Alice last worked in.
    assert f"Review them: https://physsocial.example/review/?org={org.slug}" in body
    assert "Did not go out: 1 post." in body and "Flu shots this week." in body
    assert f"https://physsocial.example/targets/{busy.pk}/?org={org.slug}" in body
    assert f"Fix them in the failure centre: https://physsocial.example/failures/?org={org.slug}" in body
    assert "https://physsocial.example/settings/" in body
    html, kind = message.alternatives[0]
    assert kind == "text/html" and "Vaccines save lives." in html
    note = Notification.objects.get(user=alice, kind=DIGEST)
    assert note.body == "Alice's Clinic: 1 post tomorrow, 1 waiting for review, 1 did not go out."


def test_tomorrow_is_a_calendar_day_even_when_the_clocks_change(org, alice):
    x = connect(org)
    # 8 March 2026 is 23 hours long in Toronto: 00:30 on the 9th is 24.5 hours after the 8th began.
    aim(x, state=S.SCHEDULED, at=toronto(2026, 3, 8, 23, 30), text="Late on Sunday.")
    aim(x, state=S.SCHEDULED, at=toronto(2026, 3, 9, 0, 30), text="Just after midnight on Monday.")

    send_daily_digests(now=toronto(2026, 3, 7, 7, 0))

    (message,) = digests_to(alice)
    assert "Tomorrow: 1 post is scheduled." in message.body
    assert "Late on Sunday." in message.body and "Just after midnight" not in message.body


def test_a_day_with_nothing_to_report_sends_nothing(alice):
    send_daily_digests(now=toronto(2026, 1, 15, 7, 0))

    assert digests_to(alice) == [] and not Notification.objects.filter(kind=DIGEST).exists()


def test_someone_who_turned_the_digest_off_does_not_get_it(alice, busy):
    set_preferences(alice, {DIGEST: Channel.OFF})

    send_daily_digests(now=toronto(2026, 1, 15, 7, 0))

    assert digests_to(alice) == [] and not Notification.objects.filter(kind=DIGEST).exists()


def test_in_the_app_only_the_digest_is_a_notification_without_an_email(alice, busy):
    set_preferences(alice, {DIGEST: Channel.APP})

    send_daily_digests(now=toronto(2026, 1, 15, 7, 0))

    assert digests_to(alice) == [] and Notification.objects.filter(user=alice, kind=DIGEST).count() == 1


def test_beat_runs_the_digest_every_quarter_of_an_hour():
    entry = settings.CELERY_BEAT_SCHEDULE["send-daily-digests"]

    assert entry["schedule"] == timedelta(minutes=15)
    assert entry["task"] == tasks.send_daily_digests.name
