"""The issue's "done" scenario, through the API only: two photos with hashtags for X, Facebook,
LinkedIn and Instagram; Instagram refuses one photo's shape until it is cropped; then it is scheduled."""

from __future__ import annotations

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from posts.models import Post, TargetState
from tests.api.conftest import connect
from tests.image_reading import read_now
from tests.posts.conftest import encode, two_tone


def test_a_physician_composes_fixes_instagrams_aspect_ratio_and_schedules(alice_api, org):
    accounts = {
        n: connect(org, n, f"Alice's Clinic on {n}").pk for n in ("twitter", "facebook", "linkedin", "instagram")
    }
    photos = []
    for name, size in (("square.jpg", (1080, 1080)), ("panorama.jpg", (2400, 800))):  # 3:1 is wider than 1.91:1
        upload = SimpleUploadedFile(name, encode(two_tone(size), "JPEG"))
        response = alice_api.post("/api/v1/media/", {"file": upload, "alt_text": f"Our clinic, {name}"})
        assert response.status_code == 201, response.json()
        photos.append(response.json()["id"])
    read_now(*photos)  # a worker reads them for the privacy guard a second after upload
    body = {
        "text": "Flu shots are in: walk in weekdays 9 to 5. #MedTwitter #CDNHealth",
        "accounts": list(accounts.values()),
        "media": photos,
    }

    checked = alice_api.post("/api/v1/posts/validate/", body, format="json").json()
    assert checked["is_valid"] is False
    assert checked["accounts"][str(accounts["twitter"])]["counts"]["text"] == {"used": 65, "limit": 280}
    assert checked["accounts"][str(accounts["instagram"])]["counts"]["hashtags"] == {"used": 2, "limit": 30}
    instagram_problems = checked["accounts"][str(accounts["instagram"])]["problems"]
    assert [(p["code"], p["field"]) for p in instagram_problems] == [("aspect_ratio", "media")]
    assert "crop or pad it" in instagram_problems[0]["message"]
    for network in ("twitter", "facebook", "linkedin"):
        assert checked["accounts"][str(accounts[network])]["problems"] == [], network

    fixed = {
        **body,
        "overrides": {str(accounts["instagram"]): {"options": {"format": "carousel", "fit": {str(photos[1]): "crop"}}}},
    }
    assert alice_api.post("/api/v1/posts/validate/", fixed, format="json").json()["is_valid"] is True

    at = (timezone.now() + timedelta(days=1)).replace(microsecond=0)
    response = alice_api.post("/api/v1/posts/", {**fixed, "scheduled_at": at.isoformat()}, format="json")
    assert response.status_code == 201, response.json()
    post = Post.objects.get()
    assert post.hashtags == ["MedTwitter", "CDNHealth"]
    assert {t.account_id: t.state for t in post.targets.all()} == {
        pk: TargetState.SCHEDULED for pk in accounts.values()
    }
    assert post.targets.get(account_id=accounts["instagram"]).options["fit"] == {str(photos[1]): "crop"}
