"""What the audit trail records: every step of a post's life, and who took it, from where.

Services are called as the app calls them; the engine publishes to the simulator.
"""

from datetime import timedelta

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from accounts import connections
from accounts import services as account_services
from accounts.models import Membership, Role
from audit.models import Action, AppendOnly, AuditEvent, Via
from posts import services as post_services
from posts.models import PostTarget, TargetState
from scheduler import services

TWEETS = "POST /2/tweets"


def events(action, **filters):
    return list(AuditEvent.objects.filter(action=action, **filters).order_by("pk"))


def test_creating_a_post_is_recorded_with_its_author_and_text(org, bob, x_account):
    post = post_services.create_post(
        organization=org, author=bob, text="Flu shots Saturday.", account_ids=[x_account.pk]
    )

    (event,) = events(Action.POST_CREATED)
    assert event.post_id == post.pk and event.organization_id == org.pk
    assert event.actor_id == bob.pk and "bob@example.org" in event.actor_name
    assert event.via == Via.SYSTEM  # no request: a service called directly
    assert event.details["text"] == "Flu shots Saturday."


def test_an_edit_is_recorded_with_the_text_before_and_after(org, bob, x_account):
    post = post_services.create_post(
        organization=org, author=bob, text="Flu shots Saturday.", account_ids=[x_account.pk]
    )

    post_services.update_post(post, by=bob, text="Flu shots Saturday and Sunday.")

    (event,) = events(Action.POST_EDITED)
    assert event.details["text"] == {"before": "Flu shots Saturday.", "after": "Flu shots Saturday and Sunday."}
    assert event.post_id == post.pk and event.actor_id == bob.pk


def test_saving_a_post_unchanged_records_no_edit(org, bob, x_account):
    post = post_services.create_post(organization=org, author=bob, text="Flu shots.", account_ids=[x_account.pk])

    post_services.update_post(post, by=bob, text="Flu shots.")

    assert events(Action.POST_EDITED) == []


def test_moving_a_target_is_recorded_with_the_time_before_and_after(org, alice, x_account):
    first = timezone.now() + timedelta(days=1)
    post = post_services.create_post(
        organization=org, author=alice, text="Flu shots.", account_ids=[x_account.pk], schedule="at", scheduled_at=first
    )
    target = post.targets.get()
    later = first + timedelta(days=2)

    post_services.reschedule_target(target, at=later, by=alice)

    (event,) = events(Action.TARGET_RESCHEDULED)
    assert event.target_id == target.pk and event.post_id == post.pk
    assert event.details["scheduled_at"] == {"before": first.isoformat(), "after": later.isoformat()}


def test_deleting_a_draft_is_recorded_and_outlives_the_post(org, bob, x_account):
    post = post_services.create_post(organization=org, author=bob, text="Never mind.", account_ids=[x_account.pk])

    post_services.delete_draft(post, by=bob)

    (event,) = events(Action.POST_DELETED)
    assert event.post_id == post.pk and event.details["text"] == "Never mind."


def test_a_publish_by_the_engine_is_recorded_as_the_systems(target):
    services.publish_target(target.pk)

    (event,) = events(Action.TARGET_PUBLISHED)
    assert event.target_id == target.pk and event.post_id == target.post_id
    assert event.via == Via.SYSTEM and event.actor_id is None and event.actor_label == "System"
    assert event.details["url"].startswith("https://")


def test_a_rejected_publish_is_recorded_as_a_failure_with_the_reason(target, simulator):
    simulator.fail("twitter", TWEETS, status=403, kind="duplicate")

    services.publish_target(target.pk)

    (event,) = events(Action.TARGET_FAILED)
    assert event.target_id == target.pk and event.via == Via.SYSTEM
    assert event.details["state"] == TargetState.FAILED and event.details["reason"]


def test_a_temporary_failure_is_recorded_as_a_state_change_with_the_next_try(target, simulator):
    simulator.fail("twitter", TWEETS, status=500)

    services.publish_target(target.pk)

    (event,) = events(Action.TARGET_STATE_CHANGED)
    assert event.details["state"] == TargetState.SCHEDULED
    assert "tries again" in event.details["message"]


def test_retry_and_cancel_from_the_publish_log_are_recorded_as_the_web_users(alice_client, alice, target):
    PostTarget.objects.filter(pk=target.pk).update(state=TargetState.FAILED, failure_reason="transient")

    alice_client.post(reverse("target-retry", args=[target.pk]))
    alice_client.post(reverse("target-cancel", args=[target.pk]))

    retried, cancelled = events(Action.TARGET_RETRIED) + events(Action.TARGET_CANCELLED)
    for event in (retried, cancelled):
        assert event.actor_id == alice.pk and event.via == Via.WEB and event.token_id is None
    assert cancelled.details["state"] == TargetState.CANCELLED


def test_the_post_page_shows_its_history(alice_client, target):
    services.publish_target(target.pk)

    page = alice_client.get(reverse("target-detail", args=[target.pk])).content.decode()

    assert "History" in page and "Published" in page and "System" in page


def test_connecting_and_disconnecting_an_account_are_recorded(org, alice, x_account):
    (connected,) = events(Action.ACCOUNT_CONNECTED)
    assert connected.actor_id == alice.pk and "X" in connected.subject

    connections.disconnect_account(x_account, by=alice)

    (disconnected,) = events(Action.ACCOUNT_DISCONNECTED)
    assert disconnected.actor_id == alice.pk and disconnected.organization_id == org.pk


def test_a_role_change_is_recorded_with_the_role_before_and_after(org, alice, bob):
    membership = Membership.objects.get(organization=org, user=bob)

    account_services.change_role(membership, role=Role.ADMIN, by=alice)

    (event,) = events(Action.MEMBER_ROLE_CHANGED)
    assert event.details["role"] == {"before": Role.EDITOR, "after": Role.ADMIN}
    assert "bob@example.org" in event.subject and event.actor_id == alice.pk


def test_removing_a_member_is_recorded(org, alice, bob):
    account_services.remove_member(Membership.objects.get(organization=org, user=bob), by=alice)

    (event,) = events(Action.MEMBER_REMOVED)
    assert "bob@example.org" in event.subject


def test_a_settings_change_is_recorded_with_only_what_changed(org, alice):
    window = org.late_window_minutes

    account_services.update_organization(org, by=alice, name="Alice's Family Clinic", late_window_minutes=window + 5)

    (event,) = events(Action.SETTINGS_CHANGED)
    assert event.details == {
        "name": {"before": "Alice's Clinic", "after": "Alice's Family Clinic"},
        "late_window_minutes": {"before": window, "after": window + 5},
    }


def test_an_event_cannot_be_changed_or_deleted(target):
    services.publish_target(target.pk)
    event = AuditEvent.objects.get(action=Action.TARGET_PUBLISHED)

    event.action = Action.TARGET_FAILED
    with pytest.raises(AppendOnly):
        event.save()
    with pytest.raises(AppendOnly):
        event.delete()
    with pytest.raises(AppendOnly):
        AuditEvent.objects.filter(pk=event.pk).update(action=Action.TARGET_FAILED)
    with pytest.raises(AppendOnly):
        AuditEvent.objects.filter(pk=event.pk).delete()


def test_the_database_itself_refuses_to_change_an_event(target):
    services.publish_target(target.pk)
    event = AuditEvent.objects.get(action=Action.TARGET_PUBLISHED)

    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET action = 'target.failed' WHERE id = %s", [event.pk])


def test_an_organizations_trail_goes_with_it(org, alice, target):
    services.publish_target(target.pk)

    account_services.delete_organization(org, by=alice, confirm_name=org.name)

    assert not AuditEvent.objects.filter(organization_id=org.pk).exists()
