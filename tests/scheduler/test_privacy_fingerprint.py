"""Before sending, the engine scans again only texts it has not seen scanned clean: scheduling keeps
a fingerprint of the texts the target would send (``texts_scanned_clean``, a digest of those texts
and of the privacy rules) when the scan finds nothing in them. Exactly those texts under exactly
those rules are not scanned again; any other text, or other rules, are scanned in full."""

from __future__ import annotations

import pytest

from posts import privacy
from posts import services as post_services
from posts.models import FailureReason, Post, PostTarget, TargetState
from privacy import text as privacy_text
from scheduler import services

CLEAN_POST = "Flu shots at the clinic this Saturday, 9 to 12."
PATIENT_POST = "My patient Mrs. Jones, DOB March 3, 1931, is home after her hip surgery."


@pytest.fixture
def scheduled(org, alice, x_account):
    """A clean post to X scheduled now through the composer's service, as the composer and the API do."""
    post = post_services.create_post(
        organization=org, author=alice, text=CLEAN_POST, account_ids=[x_account.pk], schedule="now"
    )
    return post.targets.get()


def fingerprint_of(target: PostTarget) -> str:
    """The fingerprint of the texts the engine would send for ``target`` now, whatever they hold."""
    target = PostTarget.objects.select_related("post__organization", "account").get(pk=target.pk)
    draft = post_services.check_saved_target(target).draft
    return privacy_text.texts_digest(privacy.draft_texts(target.account.network, draft).fields)


def test_scheduling_keeps_the_fingerprint_of_texts_that_scanned_clean(scheduled):
    assert scheduled.state == TargetState.SCHEDULED
    assert scheduled.texts_scanned_clean == fingerprint_of(scheduled)


def test_a_draft_or_a_text_with_findings_keeps_no_fingerprint(org, alice, x_account):
    draft = post_services.create_post(organization=org, author=alice, text=CLEAN_POST, account_ids=[x_account.pk])
    # A discount code only warns: it may be scheduled, but its texts did not scan clean.
    discount = post_services.create_post(
        organization=org,
        author=alice,
        text="Use code FLU20 for 20% off our vitamin packs at the front desk.",
        account_ids=[x_account.pk],
        schedule="now",
    )

    assert draft.targets.get().texts_scanned_clean == ""
    assert discount.targets.get().state == TargetState.SCHEDULED
    assert discount.targets.get().texts_scanned_clean == ""


def test_a_text_changed_after_scheduling_is_scanned_again_and_caught(scheduled, simulator):
    assert scheduled.texts_scanned_clean  # it scanned clean when scheduled
    # Changed afterwards without the composer's check (an import, the database, a bug in a path).
    Post.objects.filter(pk=scheduled.post_id).update(text=PATIENT_POST)

    services.publish_target(scheduled.pk)

    scheduled.refresh_from_db()
    assert simulator.posts_for() == []
    assert scheduled.state == TargetState.FAILED
    assert scheduled.failure_reason == FailureReason.INVALID
    assert scheduled.error_message.startswith("Not sent to X: the post now holds")


def test_a_thread_part_added_after_scheduling_is_scanned_again_and_caught(scheduled, simulator):
    PostTarget.objects.filter(pk=scheduled.pk).update(options={"thread": ["He is in bed 4 on ward 7B, MRN 4471823."]})

    services.publish_target(scheduled.pk)

    scheduled.refresh_from_db()
    assert simulator.posts_for() == []
    assert "a medical record number" in scheduled.error_message


def test_texts_the_fingerprint_vouches_for_are_not_scanned_again(scheduled, simulator):
    # Seen from outside, "not scanned again" means this: a fingerprint that vouches for a text the
    # scan would block lets it through. Only a clean scan writes one, so in the app this cannot
    # happen; here it is written by hand to show that the scan was skipped.
    Post.objects.filter(pk=scheduled.post_id).update(text=PATIENT_POST)
    PostTarget.objects.filter(pk=scheduled.pk).update(texts_scanned_clean=fingerprint_of(scheduled))

    services.publish_target(scheduled.pk)

    scheduled.refresh_from_db()
    assert scheduled.state == TargetState.PUBLISHED
    assert [post.text for post in simulator.posts_for()] == [PATIENT_POST]


def test_a_fingerprint_taken_under_other_rules_is_not_trusted(scheduled, simulator, monkeypatch):
    Post.objects.filter(pk=scheduled.post_id).update(text=PATIENT_POST)
    # The same texts, vouched for by an earlier version of the rules (a deploy changed them since).
    monkeypatch.setattr(privacy_text, "RULES_VERSION", "an earlier version of the rules")
    PostTarget.objects.filter(pk=scheduled.pk).update(texts_scanned_clean=fingerprint_of(scheduled))
    monkeypatch.undo()

    services.publish_target(scheduled.pk)

    scheduled.refresh_from_db()
    assert simulator.posts_for() == []
    assert scheduled.failure_reason == FailureReason.INVALID


def test_the_rules_fingerprint_follows_the_rules_code():
    # Not a number someone must remember to change: a digest of the privacy package's files.
    assert len(privacy_text.RULES_VERSION) == 64
    assert privacy_text.RULES_VERSION == privacy_text._rules_version()


def test_editing_a_scheduled_post_keeps_the_fingerprint_of_its_new_texts(scheduled, alice):
    post_services.update_post(scheduled.post, by=alice, text="Flu shots at the clinic this Sunday, 9 to 12.")

    scheduled.refresh_from_db()
    assert scheduled.state == TargetState.SCHEDULED
    assert scheduled.texts_scanned_clean == fingerprint_of(scheduled) != ""


def test_a_post_placed_in_the_queue_keeps_the_fingerprint_too(org, alice, x_account):
    from scheduler.models import PostingSchedule, ScheduleSlot

    default = PostingSchedule.objects.create(organization=org, time_zone="America/Toronto")
    ScheduleSlot.objects.bulk_create(ScheduleSlot(schedule=default, weekday=day, local_time="9:00") for day in range(7))
    post = post_services.create_post(
        organization=org, author=alice, text=CLEAN_POST, account_ids=[x_account.pk], schedule="queue"
    )

    target = post.targets.get()
    assert target.state == TargetState.SCHEDULED and target.is_queued
    assert target.texts_scanned_clean == fingerprint_of(target) != ""
