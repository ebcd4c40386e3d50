"""The privacy guard's decisions over the API: release a blocked post, mark a finding "not a patient",
undo the mark; validate says what was decided about each finding."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import Role
from posts import privacy_decisions, services
from posts.models import FindingDismissal, Post, PrivacyRelease, TargetState

PATIENT_POST = "My patient Mrs. Jones, DOB March 3, 1931, is home after her hip surgery."
CLEAN_POST = "Flu shots are in. Walk in Monday to Friday, 9 to 5. #CDNHealth"
NAME = {"field": "text", "category": "name", "excerpt": "Mrs. Jones"}


@pytest.fixture
def patient_post(org, bob, x_account) -> Post:
    return services.create_post(organization=org, author=bob, text=PATIENT_POST, account_ids=[x_account.pk])


def release_url(post):
    return f"/api/v1/posts/{post.pk}/privacy/release/"


def dismissals_url(post):
    return f"/api/v1/posts/{post.pk}/privacy/dismissals/"


# --- release -------------------------------------------------------------------------------------


def test_an_owner_releases_a_blocked_post_and_gets_the_release_back(alice_api, alice, patient_post):
    response = alice_api.post(release_url(patient_post), {"reason": "Consent on file."}, format="json")

    assert response.status_code == 201
    body = response.json()
    assert body["post"] == patient_post.pk
    assert body["reason"] == "Consent on file."
    assert body["released_by"] == str(alice)
    assert body["findings"] == [NAME, {"field": "text", "category": "date", "excerpt": "March 3, 1931"}]
    assert set(body) == {"id", "post", "released_by", "reason", "findings", "created_at"}


def test_after_a_release_the_post_schedules_through_the_api(alice_api, bob_api, patient_post):
    alice_api.post(release_url(patient_post), {"reason": "Consent on file."}, format="json")

    tomorrow = (timezone.now() + timedelta(days=1)).isoformat()
    response = bob_api.patch(f"/api/v1/posts/{patient_post.pk}/", {"scheduled_at": tomorrow}, format="json")

    assert response.status_code == 200
    assert patient_post.targets.get().state == TargetState.SCHEDULED


def test_an_editor_may_not_release(bob_api, patient_post):
    response = bob_api.post(release_url(patient_post), {"reason": "Consent on file."}, format="json")
    assert response.status_code == 403
    assert not PrivacyRelease.objects.exists()


def test_an_empty_reason_is_a_400_in_plain_words(alice_api, patient_post):
    response = alice_api.post(release_url(patient_post), {"reason": " "}, format="json")
    assert response.status_code == 400
    assert "Write why this post may go out despite what it holds." in str(response.json())


def test_a_post_with_nothing_blocked_is_a_400(alice_api, org, bob, x_account):
    post = services.create_post(organization=org, author=bob, text=CLEAN_POST, account_ids=[x_account.pk])
    response = alice_api.post(release_url(post), {"reason": "Just in case."}, format="json")
    assert response.status_code == 400
    assert "nothing to release" in str(response.json())


def test_another_organizations_post_is_a_404(charlie_api, patient_post):
    response = charlie_api.post(release_url(patient_post), {"reason": "Consent on file."}, format="json")
    assert response.status_code == 404


# --- "not a patient" -----------------------------------------------------------------------------


def test_an_editor_marks_a_finding_not_a_patient(bob_api, bob, patient_post):
    response = bob_api.post(dismissals_url(patient_post), {**NAME, "reason": "A character in a novel."}, format="json")

    assert response.status_code == 201
    body = response.json()
    assert {key: body[key] for key in NAME} == NAME
    assert body["marked_by"] == str(bob) and body["reason"] == "A character in a novel."
    assert body["post"] == patient_post.pk


def test_marking_a_finding_the_post_does_not_hold_is_a_400(bob_api, patient_post):
    response = bob_api.post(
        dismissals_url(patient_post),
        {"field": "text", "category": "name", "excerpt": "Mr. Smith", "reason": "Not a patient."},
        format="json",
    )
    assert response.status_code == 400
    assert "no longer holds that finding" in str(response.json())


def test_a_mark_without_a_reason_is_a_400(bob_api, patient_post):
    response = bob_api.post(dismissals_url(patient_post), {**NAME, "reason": ""}, format="json")
    assert response.status_code == 400


def test_an_unknown_field_in_the_body_is_refused(bob_api, patient_post):
    response = bob_api.post(dismissals_url(patient_post), {**NAME, "reason": "A cat.", "why": "x"}, format="json")
    assert response.status_code == 400
    assert "why" in response.json()


def test_a_viewer_may_not_mark(api_as, member, org, patient_post):
    viewer_api = api_as(member(Role.VIEWER), org)
    response = viewer_api.post(dismissals_url(patient_post), {**NAME, "reason": "A cat."}, format="json")
    assert response.status_code == 403


def test_the_marker_deletes_the_mark(bob_api, bob, patient_post):
    mark = privacy_decisions.dismiss_finding(patient_post, by=bob, reason="A cat.", **NAME)

    response = bob_api.delete(f"{dismissals_url(patient_post)}{mark.pk}/")

    assert response.status_code == 204
    assert not FindingDismissal.objects.exists()


def test_another_editor_may_not_delete_the_mark(api_as, member, org, bob, patient_post):
    mark = privacy_decisions.dismiss_finding(patient_post, by=bob, reason="A cat.", **NAME)
    response = api_as(member(Role.EDITOR), org).delete(f"{dismissals_url(patient_post)}{mark.pk}/")
    assert response.status_code == 403
    assert FindingDismissal.objects.exists()


def test_a_mark_of_another_post_is_a_404(bob_api, org, bob, x_account, patient_post):
    other = services.create_post(organization=org, author=bob, text=PATIENT_POST, account_ids=[x_account.pk])
    mark = privacy_decisions.dismiss_finding(other, by=bob, reason="A cat.", **NAME)
    response = bob_api.delete(f"{dismissals_url(patient_post)}{mark.pk}/")
    assert response.status_code == 404


# --- validate says what was decided -------------------------------------------------------------------


def test_validate_for_a_saved_post_says_which_findings_are_marked_or_released(
    alice_api, alice, bob, patient_post, x_account
):
    privacy_decisions.dismiss_finding(patient_post, by=bob, reason="A character in a novel.", **NAME)
    privacy_decisions.release_post(patient_post, by=alice, reason="Consent on file.")

    response = alice_api.post(
        "/api/v1/posts/validate/",
        {"text": PATIENT_POST, "accounts": [x_account.pk], "post": patient_post.pk},
        format="json",
    )

    body = response.json()
    assert body["is_valid"] is True
    name, date = body["privacy"]
    assert (name["excerpt"], name["severity"]) == ("Mrs. Jones", "block")  # existing keys unchanged
    assert name["dismissed"]["by"] == str(bob) and name["dismissed"]["reason"] == "A character in a novel."
    assert name["released"] is None  # marked before the release: nothing of it was left to release
    assert date["dismissed"] is None
    assert date["released"]["by"] == str(alice) and date["released"]["reason"] == "Consent on file."


def test_validate_without_a_post_has_no_decisions(alice_api, x_account):
    response = alice_api.post(
        "/api/v1/posts/validate/", {"text": PATIENT_POST, "accounts": [x_account.pk]}, format="json"
    )
    body = response.json()
    assert body["is_valid"] is False
    assert [(f["dismissed"], f["released"]) for f in body["privacy"]] == [(None, None), (None, None)]


def test_approving_a_post_that_now_names_a_patient_is_a_400_naming_the_findings(alice_api, org, member, x_account):
    contributor = member(Role.CONTRIBUTOR)
    post = services.create_post(
        organization=org,
        author=contributor,
        text=CLEAN_POST,
        account_ids=[x_account.pk],
        schedule="at",
        scheduled_at=timezone.now() + timedelta(days=1),
    )
    Post.objects.filter(pk=post.pk).update(text=PATIENT_POST)

    response = alice_api.post(f"/api/v1/posts/{post.pk}/approve/", {}, format="json")

    assert response.status_code == 400
    assert [finding["excerpt"] for finding in response.json()["privacy"]] == ["Mrs. Jones", "March 3, 1931"]
    assert post.targets.get().state == TargetState.IN_REVIEW
