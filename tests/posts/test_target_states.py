"""A target's state changes only along the table, one conditional update at a time."""

from datetime import timedelta

import pytest
from django.db.models import Q
from django.utils import timezone

from accounts.models import ConnectedAccount
from posts.models import IllegalTransition, Post, PostTarget, TargetState


@pytest.fixture
def target(org, alice):
    account = ConnectedAccount.objects.create(
        organization=org, network="twitter", kind="x_user", external_id="42", display_name="Alice"
    )
    post = Post.objects.create(organization=org, author=alice, text="Flu clinic opens Monday.")
    return PostTarget.objects.create(post=post, account=account)


def test_a_new_target_is_a_draft(target):
    assert target.state == TargetState.DRAFT


def test_scheduling_a_draft_moves_it_and_its_fields(target):
    at = timezone.now() + timedelta(hours=1)
    assert target.move(TargetState.SCHEDULED, scheduled_at=at, due_at=at)
    target.refresh_from_db()
    assert (target.state, target.scheduled_at, target.due_at) == (TargetState.SCHEDULED, at, at)


def test_only_one_of_two_claims_on_the_same_row_wins(target):
    target.move(TargetState.SCHEDULED)
    first = PostTarget.objects.get(pk=target.pk)
    second = PostTarget.objects.get(pk=target.pk)
    assert first.move(TargetState.PUBLISHING, expected=[TargetState.SCHEDULED])
    assert not second.move(TargetState.PUBLISHING, expected=[TargetState.SCHEDULED])
    assert second.state == TargetState.SCHEDULED  # the loser's copy is left as it was


def test_a_draft_cannot_jump_to_published(target):
    with pytest.raises(IllegalTransition):
        target.move(TargetState.PUBLISHED, expected=[TargetState.DRAFT])
    target.refresh_from_db()
    assert target.state == TargetState.DRAFT


def test_nothing_leaves_published(target):
    with pytest.raises(IllegalTransition):
        target.move(TargetState.SCHEDULED, expected=[TargetState.PUBLISHED])


def test_an_expired_lease_can_be_taken_over_but_a_live_one_cannot(target):
    now = timezone.now()
    target.move(TargetState.SCHEDULED)
    target.move(TargetState.PUBLISHING, lease_expires_at=now + timedelta(minutes=5))
    assert not target.move(TargetState.PUBLISHING, expected=[TargetState.PUBLISHING], where=Q(lease_expires_at__lt=now))
    PostTarget.objects.filter(pk=target.pk).update(lease_expires_at=now - timedelta(seconds=1))
    assert target.move(TargetState.PUBLISHING, expected=[TargetState.PUBLISHING], where=Q(lease_expires_at__lt=now))


def test_due_lists_scheduled_targets_whose_time_has_come(target):
    now = timezone.now()
    target.move(TargetState.SCHEDULED, scheduled_at=now, due_at=now - timedelta(seconds=1))
    assert list(PostTarget.objects.due(now)) == [target]
    assert list(PostTarget.objects.due(now - timedelta(minutes=1))) == []
