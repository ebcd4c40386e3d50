"""The engine's last check before sending respects what people decided: a released post goes out,
a finding marked "not a patient" goes out, and a finding added after the release does not."""

from __future__ import annotations

from posts import privacy_decisions
from posts.models import FailureReason, Post, TargetState
from scheduler import services

PATIENT_POST = "My patient Mrs. Jones, DOB March 3, 1931, is home after her hip surgery."


def changed_to(target, text):
    # Changed after scheduling, without the composer's check (an import, the database).
    Post.objects.filter(pk=target.post_id).update(text=text)
    return Post.objects.get(pk=target.post_id)


def test_a_released_post_goes_out(target, simulator, alice):
    post = changed_to(target, PATIENT_POST)
    privacy_decisions.release_post(post, by=alice, reason="Mrs. Jones gave written consent.")

    services.publish_target(target.pk)

    target.refresh_from_db()
    assert target.state == TargetState.PUBLISHED
    assert [p.text for p in simulator.posts_for()] == [PATIENT_POST]


def test_a_finding_added_after_the_release_stops_it(target, simulator, alice):
    post = changed_to(target, PATIENT_POST)
    privacy_decisions.release_post(post, by=alice, reason="Mrs. Jones gave written consent.")
    changed_to(target, PATIENT_POST + " MRN 4471823.")

    services.publish_target(target.pk)

    target.refresh_from_db()
    assert simulator.posts_for() == []
    assert target.failure_reason == FailureReason.INVALID
    assert "a medical record number" in target.error_message
    assert "a patient's name" not in target.error_message


def test_findings_marked_not_a_patient_go_out(target, simulator, bob):
    post = changed_to(target, "Say hello to Mrs. Jones, our clinic cat!")
    privacy_decisions.dismiss_finding(
        post, by=bob, field="text", category="name", excerpt="Mrs. Jones", reason="The clinic's cat."
    )

    services.publish_target(target.pk)

    target.refresh_from_db()
    assert target.state == TargetState.PUBLISHED
