"""The composer's date and time: an edited post shows its time, and the live check refuses a past one."""

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import ConnectedAccount
from posts import services
from posts.models import TargetState

TORONTO = ZoneInfo("America/Toronto")
UTC = ZoneInfo("UTC")


@pytest.fixture
def x_account(org):
    return ConnectedAccount.objects.create(
        organization=org, network="twitter", kind="x_user", external_id="x-1", display_name="Clinic on X"
    )


def scheduled_post(org, alice, account, at):
    return services.create_post(
        organization=org,
        author=alice,
        text="Flu shots are in.",
        account_ids=[account.pk],
        schedule="at",
        scheduled_at=at,
    )


def field_value(html: str) -> str:
    return re.search(r'<input type="datetime-local" id="scheduled_local" name="scheduled_local" value="([^"]*)"', html)[
        1
    ]


def edit(client, post, **data):
    fields = {"text": "Flu shots are in.", "accounts": [target.account_id for target in post.targets.all()], **data}
    return client.post(reverse("post-edit", args=[post.pk]), fields)


def next_fall_back_sunday() -> date:
    """The next first Sunday of November, when Toronto's 01:30 happens twice."""
    today = timezone.now().astimezone(TORONTO).date()
    for year in (today.year, today.year + 1):
        first = date(year, 11, 1)
        sunday = first + timedelta(days=(6 - first.weekday()) % 7)
        if sunday > today + timedelta(days=1):
            return sunday
    raise AssertionError("unreachable")


def test_editing_a_scheduled_post_fills_the_field_with_its_time_in_the_users_zone(alice_client, alice, org, x_account):
    alice.time_zone = "America/Vancouver"
    alice.save()
    at = (timezone.now() + timedelta(days=2)).replace(second=0, microsecond=0)
    post = scheduled_post(org, alice, x_account, at)

    html = alice_client.get(reverse("post-edit", args=[post.pk])).content.decode()

    assert field_value(html) == f"{at.astimezone(ZoneInfo('America/Vancouver')):%Y-%m-%dT%H:%M}"
    when = services.describe_time(at, time_zone="America/Vancouver")
    assert f"Scheduled for {when} (X)." in html


def test_pressing_schedule_on_an_edited_post_keeps_its_time(alice_client, alice, org, x_account):
    at = (timezone.now() + timedelta(days=2)).replace(second=0, microsecond=0)
    post = scheduled_post(org, alice, x_account, at)
    shown = field_value(alice_client.get(reverse("post-edit", args=[post.pk])).content.decode())

    response = edit(alice_client, post, text="Flu shots are in, all week.", action="at", scheduled_local=shown)

    assert response.status_code == 302
    target = post.targets.get()
    assert (target.state, target.scheduled_at) == (TargetState.SCHEDULED, at)


def test_a_post_at_the_second_half_past_one_of_a_fall_back_night_keeps_its_hour(alice_client, alice, org, x_account):
    night = next_fall_back_sunday()
    second_half_past_one = datetime(night.year, night.month, night.day, 1, 30, fold=1, tzinfo=TORONTO).astimezone(UTC)
    assert second_half_past_one.astimezone(TORONTO).tzname() == "EST"
    post = scheduled_post(org, alice, x_account, second_half_past_one)

    html = alice_client.get(reverse("post-edit", args=[post.pk])).content.decode()
    assert field_value(html) == f"{night:%Y-%m-%d}T01:30"
    assert "01:30 EST" in html

    response = edit(alice_client, post, action="at", scheduled_local=f"{night:%Y-%m-%d}T01:30")
    assert response.status_code == 302
    assert post.targets.get().scheduled_at == second_half_past_one


def test_the_live_check_says_a_past_time_is_not_ready(alice_client, x_account):
    an_hour_ago = (timezone.now() - timedelta(hours=1)).astimezone(TORONTO)

    response = alice_client.post(
        reverse("compose-validate"),
        {"text": "Flu shots are in.", "accounts": [x_account.pk], "scheduled_local": f"{an_hour_ago:%Y-%m-%dT%H:%M}"},
        HTTP_HX_REQUEST="true",
    )

    content = response.content.decode()
    assert "That time has passed; pick a time in the future." in content
    assert "Ready for X." not in content
    assert "Not ready for X" in content


def test_the_live_check_of_a_future_time_says_ready(alice_client, x_account):
    tomorrow = (timezone.now() + timedelta(days=1)).astimezone(TORONTO)

    response = alice_client.post(
        reverse("compose-validate"),
        {"text": "Flu shots are in.", "accounts": [x_account.pk], "scheduled_local": f"{tomorrow:%Y-%m-%dT%H:%M}"},
        HTTP_HX_REQUEST="true",
    )

    content = response.content.decode()
    assert "Ready for X." in content and "Publishes " in content
