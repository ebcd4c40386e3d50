"""Moving a post in the queue schedules it again: a post holding what the privacy policy blocks,
unreleased, is refused with the findings named; once released, it moves."""

from __future__ import annotations

from datetime import time

import pytest

from accounts.models import ConnectedAccount
from posts import privacy, privacy_decisions
from posts.models import Post, PostTarget
from scheduler.schedules import add_to_queue, create_schedule, move_in_queue, publish_next

PATIENT_POST = "My patient Mrs. Jones, DOB March 3, 1931, is home after her hip surgery."
EVERY_DAY_0830_1215 = [(day, at) for day in range(7) for at in (time(8, 30), time(12, 15))]


@pytest.fixture
def queued(org, alice, bob):
    """Two clean posts queued for X by Bob; the second then changed to name a patient (an import)."""
    create_schedule(organization=org, slots=EVERY_DAY_0830_1215, by=alice)
    account = ConnectedAccount.objects.create(
        organization=org, network="twitter", kind="x_user", external_id="42", display_name="Dr. Adams on X"
    )
    targets = []
    for text in ("Flu shots this Saturday.", "Back from the conference."):
        target = PostTarget.objects.create(
            post=Post.objects.create(organization=org, author=bob, text=text), account=account
        )
        add_to_queue(target, by=bob)
        targets.append(target)
    Post.objects.filter(pk=targets[1].post_id).update(text=PATIENT_POST)
    return [PostTarget.objects.get(pk=target.pk) for target in targets]


def test_moving_a_blocked_post_up_the_queue_is_refused_with_the_findings_named(queued, bob):
    first, second = queued

    with pytest.raises(privacy.PrivacyBlocked) as refused:
        move_in_queue(second, direction="up", by=bob)

    assert [finding.excerpt for finding in refused.value.findings] == ["Mrs. Jones", "March 3, 1931"]
    assert PostTarget.objects.get(pk=first.pk).scheduled_at < PostTarget.objects.get(pk=second.pk).scheduled_at


def test_sending_a_blocked_post_now_is_refused(queued, bob):
    with pytest.raises(privacy.PrivacyBlocked):
        publish_next(queued[1], by=bob)


def test_a_released_post_moves(queued, alice, bob):
    first, second = queued
    privacy_decisions.release_post(Post.objects.get(pk=second.post_id), by=alice, reason="Consent on file.")

    move_in_queue(second, direction="up", by=bob)

    assert PostTarget.objects.get(pk=second.pk).scheduled_at < PostTarget.objects.get(pk=first.pk).scheduled_at
