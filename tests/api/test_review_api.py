"""The approvals API: approve, request changes and reject, with the organization's rules."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import Role
from posts import services
from posts.models import TargetState as S
from tests.api.conftest import connect


@pytest.fixture
def waiting(org, member):
    """A post a contributor sent for review, asking for tomorrow."""
    contributor = member(Role.CONTRIBUTOR)
    account = connect(org, "linkedin", "Clinic")
    return services.create_post(
        organization=org,
        author=contributor,
        text="Flu shots are in.",
        account_ids=[account.pk],
        schedule="at",
        scheduled_at=timezone.now() + timedelta(days=1),
    )


def states(post):
    return set(post.targets.values_list("state", flat=True))


def test_the_owner_approves(alice_api, waiting):
    response = alice_api.post(f"/api/v1/posts/{waiting.pk}/approve/", {}, format="json")
    assert response.status_code == 200, response.json()
    assert states(waiting) == {S.SCHEDULED}


def test_approving_a_passed_time_asks_for_scheduled_at(alice_api, waiting):
    waiting.targets.update(scheduled_at=timezone.now() - timedelta(hours=1))
    response = alice_api.post(f"/api/v1/posts/{waiting.pk}/approve/", {}, format="json")
    assert response.status_code == 400
    assert "has passed" in str(response.json())
    later = (timezone.now() + timedelta(hours=2)).isoformat()
    response = alice_api.post(f"/api/v1/posts/{waiting.pk}/approve/", {"scheduled_at": later}, format="json")
    assert response.status_code == 200
    assert states(waiting) == {S.SCHEDULED}


@pytest.mark.parametrize(("role", "status"), [(Role.ADMIN, 200), (Role.EDITOR, 403), (Role.VIEWER, 403)])
def test_roles_for_request_changes(api_as, member, org, waiting, role, status):
    api = api_as(member(role), org)
    response = api.post(f"/api/v1/posts/{waiting.pk}/request-changes/", {"comment": "Shorter."}, format="json")
    assert response.status_code == status
    assert states(waiting) == ({S.DRAFT} if status == 200 else {S.IN_REVIEW})


def test_the_author_cannot_approve_their_own(api_as, org, waiting):
    response = api_as(waiting.author, org).post(f"/api/v1/posts/{waiting.pk}/approve/", {}, format="json")
    assert response.status_code == 403


def test_reject_needs_a_reason_and_refuses_unknown_fields(alice_api, waiting):
    url = f"/api/v1/posts/{waiting.pk}/reject/"
    assert alice_api.post(url, {}, format="json").status_code == 400
    assert alice_api.post(url, {"reason": "No.", "why": "x"}, format="json").status_code == 400
    assert alice_api.post(url, {"reason": 12}, format="json").status_code == 400
    assert alice_api.post(url, {"reason": "Off topic."}, format="json").status_code == 200
    assert states(waiting) == {S.CANCELLED}


def test_another_organizations_post_is_not_found(charlie_api, waiting):
    response = charlie_api.post(f"/api/v1/posts/{waiting.pk}/approve/", {}, format="json")
    assert response.status_code == 404
