"""GET /api/v1/audit/: the organization's trail for owners and admins, filtered, paginated, strict."""

from datetime import timedelta

import pytest
from django.utils import timezone

from audit.models import Action, AuditEvent
from audit.services import record


def test_a_post_created_through_the_api_is_recorded_as_the_tokens(alice_api, alice, x_account):
    created = alice_api.post(
        "/api/v1/posts/", {"text": "Flu shots.", "accounts": [x_account.pk], "draft": True}, format="json"
    )
    assert created.status_code == 201

    answer = alice_api.get("/api/v1/audit/", {"post": created.json()["id"]})

    assert answer.status_code == 200
    (item,) = answer.json()["results"]
    assert item["action"] == "post.created" and item["via"] == "api" and item["post"] == created.json()["id"]
    assert item["actor"] == {"id": alice.pk, "name": "Alice Adams <alice@example.org>", "token": "Test script"}
    assert set(item) == {"at", "actor", "via", "action", "post", "target", "details"}


def test_filters_by_actor_action_and_time(alice_api, alice, bob, org):
    record(Action.SETTINGS_CHANGED, organization=org, by=alice)
    record(Action.MEMBER_INVITED, organization=org, by=bob)
    record(Action.MEMBER_INVITED, organization=org, by=bob)
    # Rows never change, so an old event is written old.
    AuditEvent.objects.create(
        organization=org, action=Action.MEMBER_LEFT, via="web", at=timezone.now() - timedelta(days=10)
    )

    by_bob = alice_api.get("/api/v1/audit/", {"actor": bob.pk}).json()["results"]
    settings = alice_api.get("/api/v1/audit/", {"action": "org.settings_changed"}).json()["results"]
    since = (timezone.now() - timedelta(days=1)).isoformat()
    recent = alice_api.get("/api/v1/audit/", {"from": since}).json()["results"]

    assert {item["action"] for item in by_bob} == {"member.invited"} and len(by_bob) == 2
    assert [item["actor"]["id"] for item in settings] == [alice.pk]
    assert "member.left" not in {item["action"] for item in recent} and len(recent) == 3


def test_another_organizations_events_never_show(alice_api, charlie_api, org, charlies_org, charlie):
    record(Action.SETTINGS_CHANGED, organization=charlies_org, by=charlie)

    assert alice_api.get("/api/v1/audit/").json()["count"] == 0
    assert charlie_api.get("/api/v1/audit/").json()["count"] == 1


def test_an_editor_may_not_read_the_trail(bob_api):
    assert bob_api.get("/api/v1/audit/").status_code == 403


@pytest.mark.parametrize(
    "query",
    [
        {"actor": "bob"},
        {"post": "0"},
        {"action": "post.exploded"},
        {"from": "2026-01-01"},
        {"to": ""},
        {"colour": "red"},
    ],
)
def test_a_bad_filter_is_a_400_in_plain_words(alice_api, query):
    answer = alice_api.get("/api/v1/audit/", query)

    assert answer.status_code == 400
    assert list(answer.json()) == list(query)
