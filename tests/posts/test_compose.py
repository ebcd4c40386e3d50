"""Creating, scheduling, editing, duplicating and deleting posts through posts.services."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from accounts.models import ConnectedAccount, Role
from posts import services
from posts.models import Post, PostTarget, TargetState
from tests.image_reading import read_now
from tests.posts.conftest import encode, two_tone, upload

S = TargetState


@pytest.fixture
def contributor(member):
    return member(Role.CONTRIBUTOR)


def in_an_hour():
    return (timezone.now() + timedelta(hours=1)).replace(microsecond=0)


def states(post):
    return {target.account.network: target.state for target in post.targets.select_related("account")}


def create(org, author, accounts, networks, **kwargs):
    kwargs.setdefault("text", "Flu shots are in. Book yours today. #FluSeason")
    return services.create_post(
        organization=org, author=author, account_ids=[accounts[n].pk for n in networks], **kwargs
    )


# --- creating --------------------------------------------------------------------------------------


def test_a_draft_keeps_text_link_media_and_one_target_per_account(org, alice, accounts, ingest):
    photo = ingest(upload(encode(two_tone((800, 800)), "JPEG")))
    post = create(
        org,
        alice,
        accounts,
        ["twitter", "linkedin"],
        link="https://example.org/flu",
        media_ids=[photo.pk],
        overrides={accounts["twitter"].pk: {"text": "Flu shots are in!", "options": {"reply_settings": "following"}}},
    )
    assert (post.organization, post.author, post.link) == (org, alice, "https://example.org/flu")
    assert list(post.media.all()) == [photo]
    assert states(post) == {"twitter": S.DRAFT, "linkedin": S.DRAFT}
    x = post.targets.get(account=accounts["twitter"])
    assert (x.text_override, x.options) == ("Flu shots are in!", {"reply_settings": "following"})
    assert post.hashtags == ["FluSeason"]


def test_a_draft_may_have_problems(org, alice, accounts):
    post = create(org, alice, accounts, ["instagram"], text="No photo yet")
    assert states(post) == {"instagram": S.DRAFT}
    target = post.targets.get(account=accounts["instagram"])
    assert [p.code for p in services.check_saved_target(target).problems] == ["needs_media"]


def test_scheduling_at_a_time_sets_the_time_on_every_target(org, alice, accounts):
    at = in_an_hour()
    post = create(org, alice, accounts, ["twitter", "linkedin"], schedule="at", scheduled_at=at)
    for target in post.targets.all():
        assert (target.state, target.scheduled_at, target.due_at, target.is_queued) == (S.SCHEDULED, at, at, False)


def test_publish_now_is_scheduled_and_due_at_once(org, alice, accounts):
    before = timezone.now()
    post = create(org, alice, accounts, ["twitter"], schedule="now")
    target = post.targets.get()
    assert target.state == S.SCHEDULED
    assert before <= target.due_at <= timezone.now()


def test_a_time_in_the_past_is_refused(org, alice, accounts):
    with pytest.raises(ValidationError, match="That time has passed"):
        create(org, alice, accounts, ["twitter"], schedule="at", scheduled_at=timezone.now() - timedelta(hours=1))
    assert not Post.objects.exists()


def test_a_naive_time_is_refused(org, alice, accounts):
    with pytest.raises(ValidationError, match="with its time zone"):
        create(org, alice, accounts, ["twitter"], schedule="at", scheduled_at=datetime(2030, 1, 1, 9, 0))


def test_scheduling_needs_an_account(org, alice, accounts):
    with pytest.raises(ValidationError, match="Choose at least one account"):
        create(org, alice, accounts, [], schedule="now")


def test_a_bad_link_is_refused_with_a_sentence(org, alice, accounts):
    with pytest.raises(ValidationError) as error:
        create(org, alice, accounts, ["twitter"], link="example dot org")
    assert error.value.message_dict == {"link": ["The link must be a web address starting with https:// or http://."]}


# --- one problem blocks one target ------------------------------------------------------------------


def test_a_problem_blocks_scheduling_and_saves_nothing_unless_asked(org, alice, accounts):
    with pytest.raises(services.PostProblems) as error:
        create(org, alice, accounts, ["twitter", "linkedin", "instagram"], schedule="at", scheduled_at=in_an_hour())
    assert error.value.invalid_account_ids == [accounts["instagram"].pk]
    assert "Instagram needs at least one image or video." in error.value.messages
    assert not Post.objects.exists()


def test_scheduling_the_valid_ones_leaves_the_invalid_as_drafts(org, alice, accounts):
    at = in_an_hour()
    post = create(
        org,
        alice,
        accounts,
        ["twitter", "facebook", "linkedin", "instagram", "youtube"],
        schedule="at",
        scheduled_at=at,
        schedule_valid_only=True,
    )
    assert states(post) == {
        "twitter": S.SCHEDULED,
        "facebook": S.SCHEDULED,
        "linkedin": S.SCHEDULED,
        "instagram": S.DRAFT,
        "youtube": S.DRAFT,
    }
    youtube = post.targets.get(account=accounts["youtube"])
    assert [p.message for p in services.check_saved_target(youtube).problems] == ["YouTube needs a video."]


def test_an_account_needing_reconnection_stays_a_draft_when_the_others_go(org, alice, accounts):
    accounts["facebook"].status = ConnectedAccount.Status.NEEDS_RECONNECT
    accounts["facebook"].save()
    post = create(org, alice, accounts, ["twitter", "facebook"], schedule="now", schedule_valid_only=True)
    assert states(post) == {"twitter": S.SCHEDULED, "facebook": S.DRAFT}


def test_scheduling_only_valid_ones_still_refuses_when_none_is_valid(org, alice, accounts):
    with pytest.raises(services.PostProblems):
        create(org, alice, accounts, ["instagram"], schedule="now", schedule_valid_only=True)


# --- roles ----------------------------------------------------------------------------------------------


def test_a_contributors_schedule_goes_to_review_with_the_time_asked(org, contributor, accounts):
    at = in_an_hour()
    post = create(org, contributor, accounts, ["twitter"], schedule="at", scheduled_at=at)
    target = post.targets.get()
    assert (target.state, target.scheduled_at, target.due_at) == (S.IN_REVIEW, at, None)


def test_a_contributors_publish_now_goes_to_review_without_a_time(org, contributor, accounts):
    target = create(org, contributor, accounts, ["twitter"], schedule="now").targets.get()
    assert (target.state, target.scheduled_at, target.due_at) == (S.IN_REVIEW, None, None)


def test_a_viewer_cannot_write_posts(org, member, accounts):
    with pytest.raises(PermissionDenied):
        create(org, member(Role.VIEWER), accounts, ["twitter"])


def test_an_outsider_cannot_write_posts_in_the_organization(org, charlie, accounts):
    from django.http import Http404

    with pytest.raises(Http404):
        create(org, charlie, accounts, ["twitter"])


def test_a_contributor_cannot_edit_someone_elses_post(org, alice, contributor, accounts):
    post = create(org, alice, accounts, ["twitter"])
    with pytest.raises(PermissionDenied):
        services.update_post(post, by=contributor, text="Changed")


# --- editing until publishing ---------------------------------------------------------------------------


def test_a_scheduled_post_can_be_edited_and_stays_scheduled(org, alice, accounts):
    at = in_an_hour()
    post = create(org, alice, accounts, ["twitter", "linkedin"], schedule="at", scheduled_at=at)
    services.update_post(post, by=alice, text="Flu shots: walk in any weekday morning.")
    post.refresh_from_db()
    assert post.text == "Flu shots: walk in any weekday morning."
    assert states(post) == {"twitter": S.SCHEDULED, "linkedin": S.SCHEDULED}
    assert {t.scheduled_at for t in post.targets.all()} == {at}


def test_an_edit_that_breaks_a_scheduled_target_is_refused(org, alice, accounts):
    post = create(org, alice, accounts, ["twitter", "linkedin"], schedule="at", scheduled_at=in_an_hour())
    with pytest.raises(services.PostProblems, match="X: 300 of 280 characters"):
        services.update_post(post, by=alice, text="a" * 300)
    post.refresh_from_db()
    assert post.text.startswith("Flu shots")


def test_an_edit_may_keep_the_valid_ones_scheduled_and_unschedule_the_broken_one(org, alice, accounts):
    post = create(org, alice, accounts, ["twitter", "linkedin"], schedule="at", scheduled_at=in_an_hour())
    services.update_post(post, by=alice, text="a" * 300, schedule_valid_only=True)
    assert states(post) == {"twitter": S.DRAFT, "linkedin": S.SCHEDULED}


def test_a_target_that_started_publishing_cannot_be_changed(org, alice, accounts):
    post = create(org, alice, accounts, ["twitter", "linkedin"], schedule="now")
    x = post.targets.get(account=accounts["twitter"])
    assert x.move(S.PUBLISHING, expected=[S.SCHEDULED])
    with pytest.raises(ValidationError, match="X has already started publishing"):
        services.update_post(post, by=alice, text="Changed")
    post.refresh_from_db()
    assert post.text.startswith("Flu shots")


def test_the_other_networks_can_still_be_tailored_after_one_published(org, alice, accounts):
    post = create(org, alice, accounts, ["twitter", "linkedin"], schedule="now")
    x = post.targets.get(account=accounts["twitter"])
    x.move(S.PUBLISHING, expected=[S.SCHEDULED])
    x.move(S.PUBLISHED, expected=[S.PUBLISHING], external_id="1", external_url="https://x.com/c/status/1")
    overrides = {
        accounts["twitter"].pk: {"text": "", "options": {}},
        accounts["linkedin"].pk: {"text": "A longer note for LinkedIn.", "options": {"visibility": "CONNECTIONS"}},
    }
    services.update_post(post, by=alice, overrides=overrides)
    linkedin = post.targets.get(account=accounts["linkedin"])
    assert (linkedin.text_override, linkedin.state) == ("A longer note for LinkedIn.", S.SCHEDULED)


def test_a_contributors_edit_of_a_scheduled_post_goes_back_to_review(org, alice, contributor, accounts):
    post = create(org, contributor, accounts, ["twitter"])
    services.update_post(post, by=alice, schedule="at", scheduled_at=in_an_hour())
    assert states(post) == {"twitter": S.SCHEDULED}
    services.update_post(post, by=contributor, text="Edited by the author")
    assert states(post) == {"twitter": S.IN_REVIEW}


def test_rescheduling_moves_the_time(org, alice, accounts):
    post = create(org, alice, accounts, ["twitter"], schedule="at", scheduled_at=in_an_hour())
    later = in_an_hour() + timedelta(days=1)
    services.update_post(post, by=alice, schedule="at", scheduled_at=later)
    target = post.targets.get()
    assert (target.state, target.scheduled_at, target.due_at) == (S.SCHEDULED, later, later)


def test_unscheduling_returns_targets_to_draft(org, alice, accounts):
    post = create(org, alice, accounts, ["twitter"], schedule="at", scheduled_at=in_an_hour())
    services.update_post(post, by=alice, schedule="draft")
    target = post.targets.get()
    assert (target.state, target.scheduled_at, target.due_at) == (S.DRAFT, None, None)


def test_a_failed_target_can_be_fixed_and_scheduled_again(org, alice, accounts):
    post = create(org, alice, accounts, ["twitter"], schedule="now")
    target = post.targets.get()
    target.move(S.PUBLISHING)
    target.move(S.FAILED, failure_reason="rejected", error_message="X refused it.")
    services.update_post(post, by=alice, text="Fixed", schedule="now")
    target.refresh_from_db()
    assert (target.state, target.error_message, target.failure_reason) == (S.SCHEDULED, "", "")


def test_removing_an_account_removes_its_target_and_adding_one_adds_a_draft(org, alice, accounts):
    post = create(org, alice, accounts, ["twitter", "linkedin"])
    services.update_post(post, by=alice, account_ids=[accounts["linkedin"].pk, accounts["facebook"].pk])
    assert states(post) == {"linkedin": S.DRAFT, "facebook": S.DRAFT}


# --- autosave, duplicate, delete ----------------------------------------------------------------------------


def test_autosave_creates_a_draft_then_updates_it(org, alice, accounts):
    post = services.autosave_draft(organization=org, author=alice, text="Fl", account_ids=[accounts["twitter"].pk])
    again = services.autosave_draft(
        organization=org, author=alice, post=post, text="Flu shots", account_ids=[accounts["twitter"].pk]
    )
    assert again.pk == post.pk
    assert Post.objects.get().text == "Flu shots"


def test_autosave_never_touches_a_scheduled_post(org, alice, accounts):
    post = create(org, alice, accounts, ["twitter"], schedule="now")
    with pytest.raises(ValidationError, match="changes are kept only when you save them"):
        services.autosave_draft(organization=org, author=alice, post=post, text="Half typed")
    post.refresh_from_db()
    assert post.text.startswith("Flu shots")


def test_autosave_keeps_text_with_problems(org, alice, accounts):
    post = services.autosave_draft(organization=org, author=alice, text="a" * 400, account_ids=[accounts["twitter"].pk])
    assert post.text == "a" * 400


def test_duplicating_copies_everything_as_a_new_draft(org, alice, bob, accounts, ingest):
    photo = ingest(upload(encode(two_tone((800, 800)), "JPEG")))
    read_now(photo.pk)
    post = create(
        org,
        alice,
        accounts,
        ["twitter", "linkedin"],
        media_ids=[photo.pk],
        overrides={accounts["twitter"].pk: {"text": "Short"}},
        schedule="now",
    )
    copy = services.duplicate_post(post, by=bob)
    assert copy.pk != post.pk
    assert (copy.text, copy.author, list(copy.media.all())) == (post.text, bob, [photo])
    assert states(copy) == {"twitter": S.DRAFT, "linkedin": S.DRAFT}
    assert copy.targets.get(account=accounts["twitter"]).text_override == "Short"


def test_a_draft_can_be_deleted(org, alice, accounts):
    post = create(org, alice, accounts, ["twitter"])
    services.delete_draft(post, by=alice)
    assert not Post.objects.exists()
    assert not PostTarget.objects.exists()


def test_a_scheduled_post_must_be_unscheduled_before_deleting(org, alice, accounts):
    post = create(org, alice, accounts, ["twitter"], schedule="now")
    with pytest.raises(ValidationError, match="is scheduled: unschedule it first"):
        services.delete_draft(post, by=alice)


def test_a_contributor_deletes_only_their_own_drafts(org, alice, contributor, accounts):
    own = create(org, contributor, accounts, ["twitter"])
    services.delete_draft(own, by=contributor)
    with pytest.raises(PermissionDenied):
        services.delete_draft(create(org, alice, accounts, ["twitter"]), by=contributor)


# --- the time picker ---------------------------------------------------------------------------------------


def test_a_local_time_is_converted_with_the_zone_in_winter_and_summer():
    winter = services.local_to_aware(datetime(2026, 1, 15, 9, 30), time_zone="America/Toronto")
    summer = services.local_to_aware(datetime(2026, 7, 15, 9, 30), time_zone="America/Toronto")
    assert winter == datetime(2026, 1, 15, 14, 30, tzinfo=ZoneInfo("UTC"))
    assert summer == datetime(2026, 7, 15, 13, 30, tzinfo=ZoneInfo("UTC"))


def test_a_time_skipped_by_the_spring_change_is_refused():
    with pytest.raises(ValidationError, match="does not exist in America/Toronto"):
        services.local_to_aware(datetime(2026, 3, 8, 2, 30), time_zone="America/Toronto")


def test_a_time_that_happens_twice_in_the_fall_means_the_first():
    aware = services.local_to_aware(datetime(2026, 11, 1, 1, 30), time_zone="America/Toronto")
    assert aware == datetime(2026, 11, 1, 5, 30, tzinfo=ZoneInfo("UTC"))  # 1:30 EDT (UTC-4)
    assert services.describe_time(aware, time_zone="America/Toronto") == "Sun Nov 1, 2026, 01:30 EDT"


def test_the_same_instant_reads_differently_in_each_zone():
    at = datetime(2026, 3, 9, 13, 30, tzinfo=ZoneInfo("UTC"))
    assert services.describe_time(at, time_zone="America/Toronto") == "Mon Mar 9, 2026, 09:30 EDT"
    assert services.describe_time(at, time_zone="America/Vancouver") == "Mon Mar 9, 2026, 06:30 PDT"


# --- the queue (provided by the scheduler) -------------------------------------------------------------------


@pytest.fixture
def queue():
    """The scheduler's queue, plugged in as scheduler/apps.py does at start-up (and unplugged after)."""
    schedules = pytest.importorskip("scheduler.schedules")
    previous = (
        services._queue_placer,
        services._queue_is_set_up,
        services._queue_set_up,
        services._queue_describe_set_up,
    )
    services.register_queue(schedules.add_to_queue)
    yield
    placer, is_set_up, set_up, describe = previous
    services.register_queue(placer, is_set_up=is_set_up, set_up=set_up, describe_set_up=describe)


def test_queueing_puts_each_valid_target_in_its_next_slot(org, alice, accounts, queue):
    from scheduler.models import PostingSchedule, ScheduleSlot

    default = PostingSchedule.objects.create(organization=org, time_zone="America/Toronto")
    for weekday in range(7):
        ScheduleSlot.objects.create(schedule=default, weekday=weekday, local_time="09:00")
    post = create(org, alice, accounts, ["twitter", "instagram"], schedule="queue", schedule_valid_only=True)
    x = post.targets.get(account=accounts["twitter"])
    assert (x.state, x.is_queued) == (S.SCHEDULED, True)
    assert x.scheduled_at > timezone.now()
    assert states(post)["instagram"] == S.DRAFT


def test_a_contributors_queue_request_waits_in_review_without_a_slot(org, contributor, accounts, queue):
    target = create(org, contributor, accounts, ["twitter"], schedule="queue").targets.get()
    assert (target.state, target.is_queued, target.scheduled_at) == (S.IN_REVIEW, True, None)
