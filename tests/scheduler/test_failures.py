"""What each failure does: rate limits wait, auth refreshes once, transient backs off, rejected fails."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone

from accounts.models import ConnectedAccount, Notification
from accounts.notifications import link_in
from posts.models import TargetState
from scheduler import services
from scheduler.models import PublishAttempt
from tests.scheduler.conftest import make_due

TWEETS = "POST /2/tweets"


def test_a_rate_limited_target_waits_for_the_networks_reset_time(target, simulator):
    simulator.fail("twitter", TWEETS, status=429, reset_in=600)
    before = timezone.now()

    services.publish_target(target.pk)

    target.refresh_from_db()
    assert target.state == TargetState.SCHEDULED
    # x-rate-limit-reset is whole epoch seconds: within a second of the reset X gave.
    assert before + timedelta(seconds=598) <= target.due_at <= before + timedelta(seconds=601)
    assert target.attempts == 0  # a rate limit is not a failed attempt
    assert target.failure_reason == ""
    assert "asked us to slow down" in target.error_message
    assert PublishAttempt.objects.get(target=target).outcome == PublishAttempt.Outcome.RATE_LIMITED
    assert Notification.objects.count() == 0


def test_x_daily_cap_waits_for_the_later_24_hour_reset(target, simulator):
    simulator.fail("twitter", TWEETS, status=429, kind="user_24h", reset_in=3600)
    before = timezone.now()

    services.publish_target(target.pk)

    target.refresh_from_db()
    assert target.state == TargetState.SCHEDULED
    assert target.due_at >= before + timedelta(seconds=3598)  # not the 15-minute window's 60 s


def test_a_rate_limit_lasting_past_the_late_window_fails_as_missed_at_once(target, simulator):
    simulator.fail("twitter", TWEETS, status=429, kind="user_24h", reset_in=3 * 3600)

    services.publish_target(target.pk)

    target.refresh_from_db()
    assert target.state == TargetState.FAILED  # 3 hours is past the 2-hour late window
    assert target.failure_reason == "missed"
    assert "asked us to slow down" in target.error_message


def test_other_posts_of_a_rate_limited_account_wait_without_asking_x_again(target, schedule, x_account, simulator):
    simulator.fail("twitter", TWEETS, status=429, reset_in=600)
    services.publish_target(target.pk)
    second = schedule(x_account, text="Clinic closed Monday for the holiday.")

    services.publish_target(second.pk)

    second.refresh_from_db()
    assert second.state == TargetState.SCHEDULED
    assert second.due_at > timezone.now() + timedelta(seconds=590)
    assert len(simulator.requests_to("twitter", TWEETS)) == 1


def test_a_posting_budget_keeps_us_under_the_limit_instead_of_hitting_it(settings, schedule, x_account, simulator):
    settings.PUBLISH_BUDGETS = {"twitter": [{"scope": "account", "limit": 2, "window_s": 900}]}
    targets = [schedule(x_account, text=f"Tip {n}: wash your hands.") for n in range(3)]

    for target in targets:
        services.publish_target(target.pk)

    states = [t.__class__.objects.get(pk=t.pk) for t in targets]
    assert [t.state for t in states] == [TargetState.PUBLISHED, TargetState.PUBLISHED, TargetState.SCHEDULED]
    assert states[2].due_at > timezone.now()
    assert "posting limit" in states[2].error_message
    assert len(simulator.requests_to("twitter", TWEETS)) == 2


def test_an_expired_token_is_refreshed_once_and_the_post_goes_out(target, simulator, x_user, x_account):
    simulator.fail("twitter", TWEETS, status=401)
    old_token = x_account.access_token

    services.publish_target(target.pk)

    target.refresh_from_db()
    x_account.refresh_from_db()
    assert target.state == TargetState.PUBLISHED
    assert len(simulator.posts_for("twitter", x_user["id"])) == 1
    assert x_account.access_token != old_token and x_account.is_active
    attempts = PublishAttempt.objects.filter(target=target).order_by("started_at")
    assert list(attempts.values_list("outcome", flat=True)) == ["auth_expired", "published"]


def test_a_revoked_grant_needs_reconnecting_and_fails_the_accounts_due_posts(
    target, schedule, x_account, simulator, x_user, alice, bob
):
    other_due = schedule(x_account, text="Second post due now.")
    later = schedule(x_account, text="A post for next week.", at=timezone.now() + timedelta(days=7))
    simulator.tokens.revoke_account("twitter", x_user["id"])

    services.publish_target(target.pk)

    x_account.refresh_from_db()
    assert x_account.status == ConnectedAccount.Status.NEEDS_RECONNECT
    for due in (target, other_due):
        due.refresh_from_db()
        assert due.state == TargetState.FAILED
        assert due.failure_reason == "auth"
        assert "reconnect it on the Accounts page" in due.error_message
    later.refresh_from_db()
    assert later.state == TargetState.SCHEDULED  # fails at its time only if nobody reconnects
    assert simulator.posts_for("twitter") == []
    # The author (Bob) and the owner (Alice) hear about both failed posts in one notice each (the
    # account's failures are grouped), in the app and by e-mail.
    notices = Notification.objects.filter(kind=Notification.Kind.PUBLISH_FAILED)
    assert sorted(notices.values_list("user", "count")) == sorted([(alice.pk, 2), (bob.pk, 2)])
    assert {notice.link for notice in notices} == {link_in(x_account.organization, services.failures_path(x_account))}
    assert any("bob@example.org" in m.to for m in mail.outbox)


def test_a_post_for_an_account_that_needs_reconnecting_fails_at_its_time(target, x_account, simulator):
    ConnectedAccount.objects.filter(pk=x_account.pk).update(status=ConnectedAccount.Status.NEEDS_RECONNECT)

    services.publish_target(target.pk)

    target.refresh_from_db()
    assert (target.state, target.failure_reason) == (TargetState.FAILED, "auth")
    assert simulator.requests_to("twitter", TWEETS) == []


def test_a_server_error_backs_off_then_fails_after_the_last_attempt(settings, target, simulator):
    settings.PUBLISH_MAX_ATTEMPTS = 3
    simulator.fail("twitter", TWEETS, status=500, times=None)

    services.publish_target(target.pk)
    target.refresh_from_db()
    first_wait = target.due_at - timezone.now()
    assert target.state == TargetState.SCHEDULED and target.attempts == 1
    assert timedelta(seconds=20) < first_wait <= timedelta(seconds=36)  # 30 s ± 20 %

    make_due(target)
    services.publish_target(target.pk)
    target.refresh_from_db()
    assert target.state == TargetState.SCHEDULED and target.attempts == 2
    assert target.due_at - timezone.now() > timedelta(seconds=45)  # 60 s ± 20 %: doubled

    make_due(target)
    services.publish_target(target.pk)
    target.refresh_from_db()
    assert target.state == TargetState.FAILED
    assert target.failure_reason == "transient"
    assert "kept failing after 3 tries" in target.error_message
    assert "Internal Server Error" in target.error_message
    assert PublishAttempt.objects.filter(target=target, outcome="transient").count() == 3
    assert simulator.posts_for("twitter") == []


def test_a_duplicate_refused_by_x_fails_with_xs_words(target, simulator):
    simulator.fail("twitter", TWEETS, status=403, kind="duplicate")

    services.publish_target(target.pk)

    target.refresh_from_db()
    assert target.state == TargetState.FAILED
    assert target.failure_reason == "rejected"
    assert target.error_message == "X refused this post: You are not allowed to create a Tweet with duplicate content."
    attempt = PublishAttempt.objects.get(target=target)
    assert (attempt.outcome, attempt.http_status, attempt.error_class) == ("rejected", 403, "Rejected")
    assert "duplicate content" in attempt.network_message


def test_a_post_that_cannot_go_out_within_the_late_window_is_missed(schedule, x_account, simulator, org):
    three_hours_ago = timezone.now() - timedelta(hours=3)
    target = schedule(x_account, at=three_hours_ago)

    services.publish_target(target.pk)

    target.refresh_from_db()
    assert target.state == TargetState.FAILED
    assert target.failure_reason == "missed"
    local = three_hours_ago.astimezone(__import__("zoneinfo").ZoneInfo(org.time_zone))
    assert f"due at {local:%H:%M}" in target.error_message
    assert "within 2 hours" in target.error_message
    assert simulator.posts_for("twitter") == []


def test_one_network_failing_does_not_fail_the_same_posts_other_networks(
    make_post, schedule, x_account, linkedin_account, simulator
):
    post = make_post()
    on_x = schedule(x_account, post=post)
    on_linkedin = schedule(linkedin_account, post=post)
    simulator.fail("twitter", TWEETS, status=403, kind="duplicate")

    services.publish_target(on_x.pk)
    services.publish_target(on_linkedin.pk)

    on_x.refresh_from_db()
    on_linkedin.refresh_from_db()
    assert on_x.state == TargetState.FAILED
    assert on_linkedin.state == TargetState.PUBLISHED
    assert len(simulator.posts_for("linkedin")) == 1


def test_a_thread_refused_halfway_keeps_the_parts_that_went_out(schedule, x_account, simulator, x_user):
    # X refuses the second part as a duplicate of the first.
    target = schedule(x_account, text="1/ Flu season.", options={"thread": ["1/ Flu season.", "3/ Free."]})

    services.publish_target(target.pk)

    target.refresh_from_db()
    head = simulator.posts_for("twitter", x_user["id"])
    assert [p.text for p in head] == ["1/ Flu season."]
    assert target.state == TargetState.FAILED and target.failure_reason == "rejected"
    assert "1 of the thread's 3 posts went out; a retry continues from the next one." in target.error_message
    assert target.published_parts == [{"external_id": head[0].id, "url": target.published_parts[0]["url"]}]


def test_a_thread_partly_out_resumes_from_the_first_missing_part(schedule, make_post, x_account, simulator, x_user):
    first = schedule(x_account, text="1/ Flu season.")
    services.publish_target(first.pk)
    first.refresh_from_db()
    target = schedule(
        x_account,
        text="1/ Flu season.",
        options={"thread": ["2/ Book now.", "3/ It is free."]},
        published_parts=[{"external_id": first.external_id, "url": first.external_url}],
    )

    services.publish_target(target.pk)

    target.refresh_from_db()
    posts = simulator.posts_for("twitter", x_user["id"])
    assert [p.text for p in posts] == ["1/ Flu season.", "2/ Book now.", "3/ It is free."]
    assert posts[1].body["reply"] == {"in_reply_to_tweet_id": first.external_id}
    assert target.state == TargetState.PUBLISHED
    assert target.external_id == first.external_id
    assert [part["external_id"] for part in target.published_parts] == [p.id for p in posts]
