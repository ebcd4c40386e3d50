"""The privacy guard's image reading over the API: validate shows what was read in each image and
its findings, scheduling refuses a wristband and an unconfirmed face, naming the image."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from audit.models import AuditEvent
from posts.models import FaceConsent, Post
from tests.image_reading import tasks_run_at_once, test_image  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("tasks_run_at_once")
CLEAN_POST = "Flu shots are in. Walk in Monday to Friday, 9 to 5."


@pytest.fixture
def upload(alice_api, django_capture_on_commit_callbacks):
    """``upload(name)``: the media id of a test image uploaded through the API, once the worker read it."""

    def run(name: str) -> int:
        with django_capture_on_commit_callbacks(execute=True):
            response = alice_api.post(
                "/api/v1/media/", {"file": test_image(name), "alt_text": "A photo."}, format="multipart"
            )
        assert response.status_code == 201
        return response.json()["id"]

    return run


def tomorrow() -> str:
    return (timezone.now() + timedelta(days=1)).isoformat()


def test_validate_lists_the_name_read_on_a_wristband_and_what_was_read(alice_api, x_account, upload):
    wristband = upload("wristband_en.jpg")

    response = alice_api.post(
        "/api/v1/posts/validate/",
        {"text": CLEAN_POST, "accounts": [x_account.pk], "media": [wristband]},
        format="json",
    )

    body = response.json()
    assert body["is_valid"] is False
    assert body["privacy"][0] == {
        "category": "name",
        "severity": "block",
        "excerpt": "SMITH, John A",
        "start": 0,
        "end": 13,
        "field": f"media:{wristband}",
        "reason": "A name on a wristband, label or chart identifies the patient.",
        "dismissed": None,
        "released": None,
    }
    [image] = body["images"]
    assert (image["id"], image["state"], image["faces"], image["face_consent_required"]) == (
        wristband,
        "read",
        0,
        False,
    )
    assert image["text"].startswith("SMITH, John A\nDOB")
    assert image["lines"][0]["text"] == "SMITH, John A"


def test_scheduling_the_wristband_is_refused_with_the_finding(alice_api, x_account, upload):
    wristband = upload("wristband_en.jpg")

    response = alice_api.post(
        "/api/v1/posts/",
        {"text": CLEAN_POST, "accounts": [x_account.pk], "media": [wristband], "scheduled_at": tomorrow()},
        format="json",
    )

    assert response.status_code == 400
    assert ("name", "SMITH, John A", f"media:{wristband}") in {
        (f["category"], f["excerpt"], f["field"]) for f in response.json()["privacy"]
    }
    assert not Post.objects.exists()


def test_a_clean_photo_validates_and_is_scheduled(alice_api, x_account, upload):
    coffee = upload("coffee.jpg")
    body = {"text": CLEAN_POST, "accounts": [x_account.pk], "media": [coffee]}

    validated = alice_api.post("/api/v1/posts/validate/", body, format="json").json()

    assert validated["privacy"] == [] and validated["is_valid"] is True
    assert alice_api.post("/api/v1/posts/", {**body, "scheduled_at": tomorrow()}, format="json").status_code == 201


def test_a_face_is_refused_naming_the_image_until_consent_is_confirmed(alice_api, alice, x_account, upload):
    portrait = upload("astronaut.jpg")
    body = {"text": CLEAN_POST, "accounts": [x_account.pk], "media": [portrait], "scheduled_at": tomorrow()}

    unscheduled = {key: value for key, value in body.items() if key != "scheduled_at"}
    validated = alice_api.post("/api/v1/posts/validate/", unscheduled, format="json").json()
    assert validated["is_valid"] is False and validated["images"][0]["face_consent_required"] is True
    refused = alice_api.post("/api/v1/posts/", body, format="json")
    assert refused.status_code == 400
    assert "“astronaut.jpg” shows a face" in str(refused.json())

    created = alice_api.post("/api/v1/posts/", {**body, "face_consents": [portrait]}, format="json")

    assert created.status_code == 201
    assert [t["state"] for t in created.json()["targets"]] == ["scheduled"]
    assert FaceConsent.objects.get().confirmed_by == alice
    assert AuditEvent.objects.filter(action="post.face_consent", post_id=created.json()["id"]).exists()
