"""The API answers bad requests in plain words, as JSON, with the field named; never a parser's internals."""

from __future__ import annotations

import json

import pytest

from posts.models import Post

INTERNALS = ("JSON parse error", "char ", "Expected a dictionary", "No data provided", "is not a account id")


def assert_plain(response, status: int) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    body = response.json()
    for words in INTERNALS:
        assert words not in json.dumps(body), body
    return body


def test_a_body_that_is_not_json_is_refused_in_plain_words(alice_api):
    response = alice_api.post("/api/v1/posts/", '{"text": "Flu",}', content_type="application/json")
    body = assert_plain(response, 400)
    assert "JSON" in body["detail"]


def test_a_list_instead_of_an_object_is_refused_in_plain_words(alice_api):
    response = alice_api.post("/api/v1/posts/", [1, 2], format="json")
    assert_plain(response, 400)


def test_an_empty_body_is_refused_in_plain_words(alice_api):
    response = alice_api.patch("/api/v1/media/1/", "", content_type="application/json")
    assert response.status_code in (400, 404)
    assert_plain(response, response.status_code)


def test_an_empty_media_edit_is_refused_in_plain_words(alice_api):
    from tests.api.test_media_api import jpeg, upload

    created = upload(alice_api, jpeg(), alt_text="A chart.").json()
    response = alice_api.patch(f"/api/v1/media/{created['id']}/", "", content_type="application/json")
    assert_plain(response, 400)


def test_json_nested_very_deep_is_refused(alice_api):
    deep = "[" * 100_000 + "]" * 100_000
    response = alice_api.post(
        "/api/v1/posts/", f'{{"text": "Flu", "accounts": {deep}}}', content_type="application/json"
    )
    assert_plain(response, 400)
    assert not Post.objects.exists()


def test_json_nested_more_than_the_limit_is_refused(alice_api):
    deep = "[" * 40 + "]" * 40
    response = alice_api.post("/api/v1/posts/validate/", f'{{"accounts": {deep}}}', content_type="application/json")
    body = assert_plain(response, 400)
    assert "deep" in body["detail"]


def test_a_body_larger_than_the_limit_gets_a_json_413(alice_api):
    text = "x" * (11 * 1024 * 1024)
    response = alice_api.post("/api/v1/posts/", {"text": text, "draft": True}, format="json")
    body = assert_plain(response, 413)
    assert "MB" in body["detail"]


def test_an_unknown_address_under_the_api_answers_json_404(alice_api):
    response = alice_api.get("/api/v1/nothing-here/")
    assert_plain(response, 404)


def test_a_method_the_endpoint_does_not_take_is_refused_in_plain_words(alice_api):
    body = assert_plain(alice_api.put("/api/v1/posts/", {}, format="json"), 405)
    assert '"PUT"' not in body["detail"]


def test_a_body_in_another_format_is_refused_in_plain_words(alice_api):
    body = assert_plain(alice_api.post("/api/v1/posts/", "text=Flu", content_type="text/plain"), 415)
    assert "JSON" in body["detail"]


@pytest.mark.parametrize("param", [{"account": "abc"}, {"page_size": "x"}, {"colour": "red"}])
def test_a_bad_or_unknown_query_parameter_is_refused_with_its_name(alice_api, param):
    body = assert_plain(alice_api.get("/api/v1/posts/", param), 400)
    assert next(iter(param)) in body
