"""The privacy guard over the API: validate lists the findings, scheduling refuses what the policy blocks."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from accounts.privacy_policy import policy_blocking
from posts import services
from posts.models import Post, TargetState

PATIENT_POST = "My patient Mrs. Jones, DOB March 3, 1931, is home after her hip surgery."
CLEAN_POST = "Flu shots are in. Walk in Monday to Friday, 9 to 5. #CDNHealth"


def tomorrow() -> str:
    return (timezone.now() + timedelta(days=1)).isoformat()


def test_validate_flags_a_patients_name_and_date_of_birth_as_blocking(alice_api, x_account):
    response = alice_api.post(
        "/api/v1/posts/validate/", {"text": PATIENT_POST, "accounts": [x_account.pk]}, format="json"
    )
    assert response.status_code == 200
    body = response.json()
    assert body["is_valid"] is False
    assert body["accounts"][str(x_account.pk)]["problems"] == []
    assert [(f["category"], f["severity"], f["excerpt"], f["field"]) for f in body["privacy"]] == [
        ("name", "block", "Mrs. Jones", "text"),
        ("date", "block", "March 3, 1931", "text"),
    ]
    first = body["privacy"][0]
    assert PATIENT_POST[first["start"] : first["end"]] == "Mrs. Jones"
    assert "courtesy title" in first["reason"]


def test_validate_looks_at_tailored_texts_and_x_thread_parts(alice_api, x_account, linkedin_account):
    response = alice_api.post(
        "/api/v1/posts/validate/",
        {
            "text": CLEAN_POST,
            "accounts": [x_account.pk, linkedin_account.pk],
            "overrides": {
                str(linkedin_account.pk): {"text": "Thinking of my patient Mrs. Jones today."},
                str(x_account.pk): {"text": "", "options": {"thread": ["Her MRN 4471823 is on the wristband."]}},
            },
        },
        format="json",
    )
    findings = {(f["field"], f["category"]) for f in response.json()["privacy"]}
    assert findings == {("text:linkedin", "name"), ("thread:2", "record_number")}


def test_a_clean_post_has_no_findings_and_is_scheduled(alice_api, x_account):
    validated = alice_api.post(
        "/api/v1/posts/validate/", {"text": CLEAN_POST, "accounts": [x_account.pk]}, format="json"
    )
    assert validated.json()["privacy"] == [] and validated.json()["is_valid"] is True
    created = alice_api.post(
        "/api/v1/posts/", {"text": CLEAN_POST, "accounts": [x_account.pk], "scheduled_at": tomorrow()}, format="json"
    )
    assert created.status_code == 201
    assert [t["state"] for t in created.json()["targets"]] == ["scheduled"]


def test_scheduling_a_post_that_names_a_patient_is_refused_naming_the_findings(alice_api, x_account):
    response = alice_api.post(
        "/api/v1/posts/", {"text": PATIENT_POST, "accounts": [x_account.pk], "scheduled_at": tomorrow()}, format="json"
    )
    assert response.status_code == 400
    body = response.json()
    assert [(f["category"], f["severity"]) for f in body["privacy"]] == [("name", "block"), ("date", "block")]
    assert body["detail"][0].startswith("This post may identify a patient")
    assert any("“Mrs. Jones” (a patient's name)" in line for line in body["detail"])
    assert not Post.objects.exists()


def test_the_same_post_may_still_be_saved_as_a_draft(alice_api, x_account):
    response = alice_api.post(
        "/api/v1/posts/", {"text": PATIENT_POST, "accounts": [x_account.pk], "draft": True}, format="json"
    )
    assert response.status_code == 201
    assert [t["state"] for t in response.json()["targets"]] == ["draft"]


def test_scheduling_a_draft_by_editing_it_is_refused_too(alice_api, alice, org, x_account):
    post = services.create_post(organization=org, author=alice, text=PATIENT_POST, account_ids=[x_account.pk])
    response = alice_api.patch(f"/api/v1/posts/{post.pk}/", {"scheduled_at": tomorrow()}, format="json")
    assert response.status_code == 400
    assert {f["category"] for f in response.json()["privacy"]} == {"name", "date"}
    assert post.targets.get().state == TargetState.DRAFT


def test_editing_a_scheduled_post_to_name_a_patient_is_refused(alice_api, alice, org, x_account):
    post = services.create_post(
        organization=org,
        author=alice,
        text=CLEAN_POST,
        account_ids=[x_account.pk],
        schedule="at",
        scheduled_at=timezone.now() + timedelta(days=1),
    )
    response = alice_api.patch(f"/api/v1/posts/{post.pk}/", {"text": PATIENT_POST}, format="json")
    assert response.status_code == 400
    post.refresh_from_db()
    assert post.text == CLEAN_POST


def test_when_the_organization_only_warns_the_post_is_scheduled_and_validate_says_warn(alice_api, org, x_account):
    org.privacy_policy = policy_blocking(c for c in org.privacy_blocked_categories if c not in ("name", "date"))
    org.save()
    validated = alice_api.post(
        "/api/v1/posts/validate/", {"text": PATIENT_POST, "accounts": [x_account.pk]}, format="json"
    )
    assert [f["severity"] for f in validated.json()["privacy"]] == ["warn", "warn"]
    assert validated.json()["is_valid"] is True
    created = alice_api.post(
        "/api/v1/posts/", {"text": PATIENT_POST, "accounts": [x_account.pk], "scheduled_at": tomorrow()}, format="json"
    )
    assert created.status_code == 201
    assert [t["state"] for t in created.json()["targets"]] == ["scheduled"]
