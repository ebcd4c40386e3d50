"""The engine checks privacy again right before publishing: a text changed after scheduling
(through the API, an import, the database) that the policy blocks never leaves."""

from __future__ import annotations

from accounts.privacy_policy import policy_blocking
from posts.models import FailureReason, Post, PostTarget, TargetState
from scheduler import services

PATIENT_POST = "My patient Mrs. Jones, DOB March 3, 1931, is home after her hip surgery."


def test_a_target_changed_after_scheduling_to_name_a_patient_fails_and_nothing_is_sent(target, simulator):
    # Scheduled while clean; the text changed afterwards without going through the composer's check.
    Post.objects.filter(pk=target.post_id).update(text=PATIENT_POST)

    services.publish_target(target.pk)

    target.refresh_from_db()
    assert simulator.posts_for() == []
    assert target.state == TargetState.FAILED
    assert target.failure_reason == FailureReason.INVALID
    assert target.error_message.startswith("Not sent to X: the post now holds a date of birth or of care, a patient's")
    assert target.request_sent_at is None


def test_a_tailored_text_or_thread_part_is_checked_as_well(target, simulator):
    PostTarget.objects.filter(pk=target.pk).update(
        options={"thread": ["Update: he is in bed 4 on ward 7B, MRN 4471823."]}
    )

    services.publish_target(target.pk)

    target.refresh_from_db()
    assert simulator.posts_for() == []
    assert target.failure_reason == FailureReason.INVALID
    assert "a medical record number" in target.error_message


def test_what_the_organization_only_warns_about_goes_out(target, simulator, org):
    org.privacy_policy = policy_blocking(c for c in org.privacy_blocked_categories if c not in ("name", "date"))
    org.save()
    Post.objects.filter(pk=target.post_id).update(text=PATIENT_POST)

    services.publish_target(target.pk)

    target.refresh_from_db()
    assert target.state == TargetState.PUBLISHED
    assert [p.text for p in simulator.posts_for()] == [PATIENT_POST]


def test_a_clean_post_goes_out(target, simulator):
    services.publish_target(target.pk)

    target.refresh_from_db()
    assert target.state == TargetState.PUBLISHED
    assert len(simulator.posts_for()) == 1
