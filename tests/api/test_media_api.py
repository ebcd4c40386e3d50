"""POST /api/v1/media/, GET and PATCH /api/v1/media/{id}/: the library, through the same media services."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from posts.models import MediaAsset
from tests.posts.conftest import camera_exif, encode, make_video, two_tone


def jpeg(size=(64, 48), **options) -> SimpleUploadedFile:
    return SimpleUploadedFile("clinic.jpg", encode(two_tone(size), "JPEG", **options), content_type="image/jpeg")


def upload(client, file, **fields):
    return client.post("/api/v1/media/", {"file": file, **fields}, format="multipart")


def test_uploading_an_image_answers_its_description(alice_api, alice, org):
    response = upload(alice_api, jpeg(), alt_text="Our new waiting room.")
    assert response.status_code == 201
    asset = MediaAsset.objects.get()
    assert response.json() == {
        "id": asset.pk,
        "kind": "image",
        "content_type": "image/jpeg",
        "size_bytes": asset.size_bytes,
        "width": 64,
        "height": 48,
        "duration": None,
        "alt_text": "Our new waiting room.",
        "created_at": response.json()["created_at"],
    }
    assert (asset.organization, asset.uploaded_by) == (org, alice)


def test_an_uploaded_photo_loses_its_gps_position_and_is_turned_upright(alice_api):
    # Orientation 6: the camera was turned; the stored pixels are rotated and the EXIF is gone.
    response = upload(alice_api, jpeg((64, 48), exif=camera_exif(orientation=6)), alt_text="A chart.")
    assert response.status_code == 201
    assert (response.json()["width"], response.json()["height"]) == (48, 64)
    asset = MediaAsset.objects.get()
    with asset.file.open("rb") as handle:
        stored = handle.read()
    assert not Image.open(io.BytesIO(stored)).getexif()
    assert b"iPhone" not in stored and b"SERIAL-F2LXK0QJ" not in stored


def test_uploading_a_video_answers_its_duration(alice_api):
    video = SimpleUploadedFile("clip.mp4", make_video(frames=10, rate=10), content_type="video/mp4")
    response = upload(alice_api, video)
    assert response.status_code == 201
    body = response.json()
    assert (body["kind"], body["width"], body["height"]) == ("video", 64, 48)
    assert body["duration"] == pytest.approx(1.0, abs=0.15)


def test_a_file_that_is_not_an_image_or_video_is_refused_with_the_reason(alice_api):
    pdf = SimpleUploadedFile("scan.jpg", b"%PDF-1.7 not an image at all", content_type="image/jpeg")
    response = upload(alice_api, pdf)
    assert response.status_code == 400
    assert response.json() == {
        "file": [
            "This file is a PDF document. PhysSocial accepts JPEG, PNG, GIF, WebP and HEIC images, "
            "and MP4 and MOV videos."
        ]
    }
    assert not MediaAsset.objects.exists()


def test_an_upload_without_a_file_is_refused(alice_api):
    response = alice_api.post("/api/v1/media/", {"alt_text": "Nothing"}, format="multipart")
    assert response.status_code == 400
    assert "file" in response.json()


def test_a_json_body_is_refused_as_an_unsupported_type(alice_api):
    response = alice_api.post("/api/v1/media/", {"file": "aGVsbG8="}, format="json")
    assert response.status_code == 415


def test_alt_text_longer_than_every_network_accepts_is_refused(alice_api):
    response = upload(alice_api, jpeg(), alt_text="x" * 5000)
    assert response.status_code == 400
    assert list(response.json()) == ["alt_text"]
    assert not MediaAsset.objects.exists()


@pytest.mark.parametrize("role, status", [("contributor", 201), ("viewer", 403)])
def test_contributors_may_upload_but_viewers_may_not(api_as, member, org, role, status):
    response = upload(api_as(member(role), org), jpeg(), alt_text="A chart.")
    assert response.status_code == status
    assert MediaAsset.objects.count() == (1 if status == 201 else 0)


def test_reading_a_media_item(alice_api, bob_api):
    created = upload(alice_api, jpeg(), alt_text="A chart.").json()
    response = bob_api.get(f"/api/v1/media/{created['id']}/")
    assert response.status_code == 200
    assert response.json() == created


def test_a_media_item_that_does_not_exist_is_404(alice_api):
    assert alice_api.get("/api/v1/media/999999/").status_code == 404


def test_changing_the_alt_text(alice_api):
    created = upload(alice_api, jpeg()).json()
    response = alice_api.patch(f"/api/v1/media/{created['id']}/", {"alt_text": "Flu shots, Monday."}, format="json")
    assert response.status_code == 200
    assert response.json()["alt_text"] == "Flu shots, Monday."
    assert MediaAsset.objects.get().alt_text == "Flu shots, Monday."


def test_alt_text_cannot_be_emptied_where_the_organization_requires_it(alice_api, org):
    created = upload(alice_api, jpeg(), alt_text="A chart.").json()
    response = alice_api.patch(f"/api/v1/media/{created['id']}/", {"alt_text": ""}, format="json")
    assert response.status_code == 400
    assert "Alice's Clinic requires alt text on every image" in response.json()["alt_text"][0]
    assert MediaAsset.objects.get().alt_text == "A chart."


def test_a_viewer_cannot_change_alt_text(api_as, member, alice_api, org):
    created = upload(alice_api, jpeg(), alt_text="A chart.").json()
    viewer = api_as(member("viewer"), org)
    response = viewer.patch(f"/api/v1/media/{created['id']}/", {"alt_text": "Mine now"}, format="json")
    assert response.status_code == 403
    assert MediaAsset.objects.get().alt_text == "A chart."
