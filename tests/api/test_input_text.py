"""Text anywhere in the API (post text, tailored text, options, alt text) refuses what cannot be stored or shown.

A lone UTF-16 surrogate cannot be encoded as UTF-8, so a post carrying one could be saved
but never shown again; PostgreSQL's jsonb refuses NUL. Both are refused before anything
is saved, with the field named.
"""

from __future__ import annotations

import json

import pytest

from posts.models import MediaAsset, Post
from tests.api.conftest import connect
from tests.api.test_media_api import jpeg, upload

SURROGATE = "a\ud800"
NUL = "a\x00b"


def send(client, method: str, path: str, body: dict):
    # json.dumps escapes a lone surrogate as \ud800, as a script's JSON library would.
    return getattr(client, method)(path, json.dumps(body), content_type="application/json")


def create(client, **body):
    return send(client, "post", "/api/v1/posts/", {"draft": True, **body})


@pytest.fixture
def youtube(org):
    return connect(org, "youtube", "Alice's Clinic")


@pytest.mark.parametrize("bad", [SURROGATE, NUL], ids=["surrogate", "nul"])
def test_a_youtube_title_with_an_unstorable_character_is_refused(alice_api, youtube, bad):
    response = create(
        alice_api, text="Flu", accounts=[youtube.pk], overrides={str(youtube.pk): {"options": {"title": bad}}}
    )
    assert response.status_code == 400, response.content
    assert "overrides" in response.json()
    assert not Post.objects.exists()


@pytest.mark.parametrize("bad", [SURROGATE, NUL], ids=["surrogate", "nul"])
def test_an_x_thread_part_with_an_unstorable_character_is_refused(alice_api, x_account, bad):
    response = create(
        alice_api,
        text="Flu",
        accounts=[x_account.pk],
        overrides={str(x_account.pk): {"options": {"thread": ["ok", bad]}}},
    )
    assert response.status_code == 400, response.content
    assert "overrides" in response.json()
    assert not Post.objects.exists()


@pytest.mark.parametrize("field", ["text", "link"])
@pytest.mark.parametrize("bad", [SURROGATE, NUL], ids=["surrogate", "nul"])
def test_post_text_with_an_unstorable_character_is_refused(alice_api, x_account, field, bad):
    response = create(alice_api, accounts=[x_account.pk], **{field: bad})
    assert response.status_code == 400, response.content
    assert field in response.json()
    assert not Post.objects.exists()


def test_a_tailored_text_with_a_lone_surrogate_is_refused(alice_api, x_account):
    response = create(
        alice_api, text="Flu", accounts=[x_account.pk], overrides={str(x_account.pk): {"text": SURROGATE}}
    )
    assert response.status_code == 400, response.content
    assert not Post.objects.exists()


def test_the_posts_still_answer_after_someone_tried_a_lone_surrogate(alice_api, bob_api, youtube):
    create(bob_api, text="Flu", accounts=[youtube.pk], overrides={str(youtube.pk): {"options": {"title": SURROGATE}}})
    assert alice_api.get("/api/v1/posts/").status_code == 200


@pytest.mark.parametrize("bad", [SURROGATE, NUL], ids=["surrogate", "nul"])
def test_alt_text_with_an_unstorable_character_is_refused(alice_api, bad):
    created = upload(alice_api, jpeg(), alt_text="A chart.").json()
    response = send(alice_api, "patch", f"/api/v1/media/{created['id']}/", {"alt_text": bad})
    assert response.status_code == 400, response.content
    assert list(response.json()) == ["alt_text"]
    assert MediaAsset.objects.get().alt_text == "A chart."
