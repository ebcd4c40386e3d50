"""Every value in the API has one type: text is text, a flag is true or false, an option's value is a string.

Before, a number became text, "maybe" quietly meant "no", and a list where an option expects
a string crashed the server.
"""

from __future__ import annotations

import pytest

from posts.models import Post, PostTarget
from tests.api.conftest import connect
from tests.api.test_media_api import jpeg, upload


def create(client, **body):
    return client.post("/api/v1/posts/", {"draft": True, **body}, format="json")


def test_a_number_as_the_text_is_refused(alice_api, x_account):
    response = create(alice_api, text=123, accounts=[x_account.pk])
    assert response.status_code == 400, response.content
    assert "text" in response.json()
    assert not Post.objects.exists()


def test_a_number_as_alt_text_is_refused(alice_api):
    created = upload(alice_api, jpeg(), alt_text="A chart.").json()
    response = alice_api.patch(f"/api/v1/media/{created['id']}/", {"alt_text": 5}, format="json")
    assert response.status_code == 400, response.content
    assert list(response.json()) == ["alt_text"]


def test_an_unknown_field_in_a_media_edit_is_refused(alice_api):
    created = upload(alice_api, jpeg(), alt_text="A chart.").json()
    response = alice_api.patch(f"/api/v1/media/{created['id']}/", {"alt_text": "New", "alt_txt": "Typo"}, format="json")
    assert response.status_code == 400, response.content
    assert "alt_txt" in response.json()


@pytest.mark.parametrize("value", ["maybe", "yes", 1, "true"])
def test_made_for_kids_is_true_or_false_only(alice_api, org, value):
    youtube = connect(org, "youtube", "Alice's Clinic")
    response = create(
        alice_api, text="Flu", accounts=[youtube.pk], overrides={str(youtube.pk): {"options": {"made_for_kids": value}}}
    )
    assert response.status_code == 400, response.content
    assert "made_for_kids" in str(response.json())
    assert not PostTarget.objects.exists()


def test_share_to_feed_is_true_or_false_only(alice_api, org):
    instagram = connect(org, "instagram", "Alice's Clinic")
    response = create(
        alice_api,
        text="Flu",
        accounts=[instagram.pk],
        overrides={str(instagram.pk): {"options": {"share_to_feed": "maybe"}}},
    )
    assert response.status_code == 400, response.content
    assert "share_to_feed" in str(response.json())


def test_made_for_kids_true_is_kept(alice_api, org):
    youtube = connect(org, "youtube", "Alice's Clinic")
    response = create(
        alice_api, text="Flu", accounts=[youtube.pk], overrides={str(youtube.pk): {"options": {"made_for_kids": True}}}
    )
    assert response.status_code == 201, response.content
    assert PostTarget.objects.get().options == {"made_for_kids": True}


@pytest.mark.parametrize(
    "network, option",
    [
        ("twitter", "reply_settings"),
        ("facebook", "format"),
        ("instagram", "format"),
        ("linkedin", "visibility"),
        ("youtube", "privacy"),
        ("youtube", "category"),
    ],
)
@pytest.mark.parametrize("value", [["everyone"], {"a": 1}], ids=["list", "object"])
def test_a_list_or_an_object_where_an_option_expects_text_is_refused(alice_api, org, network, option, value):
    account = connect(org, network, "Alice's Clinic")
    response = create(
        alice_api, text="Flu", accounts=[account.pk], overrides={str(account.pk): {"options": {option: value}}}
    )
    assert response.status_code == 400, response.content
    assert "overrides" in response.json()


@pytest.mark.parametrize("fit", [{"1": ["crop"]}, {"1": {"a": 1}}, ["crop"]], ids=["list", "object", "not-a-map"])
def test_an_instagram_fit_that_is_not_a_map_of_texts_is_refused(alice_api, org, fit):
    instagram = connect(org, "instagram", "Alice's Clinic")
    response = create(
        alice_api, text="Flu", accounts=[instagram.pk], overrides={str(instagram.pk): {"options": {"fit": fit}}}
    )
    assert response.status_code == 400, response.content
    assert "overrides" in response.json()


@pytest.mark.parametrize("field", ["queue", "draft", "schedule_valid_only"])
def test_a_flag_given_as_text_is_refused(alice_api, x_account, field):
    response = alice_api.post(
        "/api/v1/posts/", {"text": "Flu", "accounts": [x_account.pk], field: "yes"}, format="json"
    )
    assert response.status_code == 400, response.content
    assert field in response.json()


@pytest.mark.parametrize("as_", ["text", "fraction"])
def test_ids_are_whole_numbers_in_json(alice_api, x_account, as_):
    value = str(x_account.pk) if as_ == "text" else x_account.pk + 0.5
    response = create(alice_api, text="Flu", accounts=[value])
    assert response.status_code == 400, response.content
    assert "accounts" in response.json()


def test_a_boolean_is_not_an_id(alice_api, x_account):
    response = create(alice_api, text="Flu", accounts=[True])
    assert response.status_code == 400, response.content
    assert "accounts" in response.json()
