"""A token sees only its own organization: everything else answers 404, never 403.

Charlie is an outsider; Alice's token for her personal organization must not
reach her clinic either, although she belongs to both.
"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from posts import services
from posts.media.ingest import ingest_upload
from posts.models import MediaAsset, Post
from tests.posts.conftest import encode, two_tone


@pytest.fixture
def clinic_post(org, alice, x_account):
    return services.create_post(organization=org, author=alice, text="Clinic news", account_ids=[x_account.pk])


@pytest.fixture
def clinic_photo(org, alice):
    jpeg = SimpleUploadedFile("chart.jpg", encode(two_tone((64, 48)), "JPEG"))
    return ingest_upload(organization=org, uploaded_by=alice, uploaded_file=jpeg, alt_text="A chart.")


@pytest.fixture
def alice_personal_api(api_as, alice, org):
    personal = alice.memberships.exclude(organization=org).get().organization
    return api_as(alice, personal)


@pytest.fixture(params=["outsider", "same_user_other_org"])
def stranger_api(request, charlie_api, alice_personal_api):
    return {"outsider": charlie_api, "same_user_other_org": alice_personal_api}[request.param]


def test_another_organizations_post_is_404_for_every_method(stranger_api, clinic_post):
    url = f"/api/v1/posts/{clinic_post.pk}/"
    assert stranger_api.get(url).status_code == 404
    assert stranger_api.patch(url, {"text": "Defaced"}, format="json").status_code == 404
    assert stranger_api.delete(url).status_code == 404
    clinic_post.refresh_from_db()
    assert clinic_post.text == "Clinic news"


def test_another_organizations_posts_are_not_listed(stranger_api, clinic_post, x_account):
    assert stranger_api.get("/api/v1/posts/").json()["count"] == 0
    assert stranger_api.get(f"/api/v1/posts/?account={x_account.pk}").json()["count"] == 0


def test_another_organizations_media_is_404(stranger_api, clinic_photo):
    url = f"/api/v1/media/{clinic_photo.pk}/"
    assert stranger_api.get(url).status_code == 404
    assert stranger_api.patch(url, {"alt_text": "Mine"}, format="json").status_code == 404
    clinic_photo.refresh_from_db()
    assert clinic_photo.alt_text == "A chart."


def test_another_organizations_accounts_are_not_listed(stranger_api, x_account):
    assert stranger_api.get("/api/v1/accounts/").json() == []


def test_another_organizations_accounts_and_media_cannot_be_used(stranger_api, x_account, clinic_photo):
    on_account = stranger_api.post(
        "/api/v1/posts/", {"text": "Hi", "accounts": [x_account.pk], "draft": True}, format="json"
    )
    assert on_account.status_code == 400
    with_media = stranger_api.post(
        "/api/v1/posts/", {"text": "Hi", "media": [clinic_photo.pk], "draft": True}, format="json"
    )
    assert with_media.status_code == 400
    assert Post.objects.count() == 0
    validating = stranger_api.post("/api/v1/posts/validate/", {"text": "Hi", "accounts": [x_account.pk]}, format="json")
    assert validating.status_code == 400


def test_an_upload_lands_in_the_tokens_organization(charlie_api, charlies_org):
    jpeg = SimpleUploadedFile("c.jpg", encode(two_tone((64, 48)), "JPEG"))
    response = charlie_api.post("/api/v1/media/", {"file": jpeg, "alt_text": "Mine."}, format="multipart")
    assert response.status_code == 201
    assert MediaAsset.objects.get(pk=response.json()["id"]).organization == charlies_org


def test_a_member_without_the_role_gets_403_only_inside_the_tokens_organization(api_as, member, org, clinic_post):
    viewer = api_as(member("viewer"), org)
    assert viewer.delete(f"/api/v1/posts/{clinic_post.pk}/").status_code == 403
