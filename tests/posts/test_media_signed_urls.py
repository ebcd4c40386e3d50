"""Signed media URLs: what networks fetch (Instagram), unguessable and short-lived."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core import signing
from django.test import Client

from posts.media.library import delete_asset
from posts.media.renditions import rendition_for
from posts.media.signed_urls import MAX_URL_LIFETIME, SIGNED_URL_SALT, signed_media_url
from tests.posts.conftest import encode, stored_bytes, two_tone, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def asset(ingest):
    return ingest(upload(encode(two_tone((400, 400)), "WEBP"), "photo.webp"))


def fetch(url: str):
    """What a network's fetcher does: a plain GET, no cookies, no login."""
    return Client().get(urlsplit(url).path)


def test_a_signed_url_serves_the_rendition_to_anyone_who_has_it(asset):
    rendition = rendition_for(asset, network="instagram")

    url = signed_media_url(rendition)
    response = fetch(url)

    assert url.startswith("https://physsocial.example.org/media-library/signed/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content) == stored_bytes(rendition)
    assert response["Cache-Control"] == "private, no-store"


def test_a_signed_url_can_name_the_asset_itself(asset):
    response = fetch(signed_media_url(asset))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert b"".join(response.streaming_content) == stored_bytes(asset)


def test_an_expired_signed_url_answers_404(asset):
    url = signed_media_url(asset, expires_in=timedelta(seconds=-1))

    assert fetch(url).status_code == 404


def test_a_tampered_signed_url_answers_404(asset):
    url = signed_media_url(asset)
    path = urlsplit(url).path
    token = path.split("/")[-2]
    tampered = token[:-3] + ("AAA" if token[-3:] != "AAA" else "BBB")

    assert Client().get(path.replace(token, tampered)).status_code == 404


def test_a_token_signed_for_something_else_answers_404(asset):
    forged = signing.dumps({"a": asset.pk, "x": 2**40}, salt="some.other.purpose", compress=True)

    assert Client().get(f"/media-library/signed/{forged}/media.webp").status_code == 404


def test_urls_for_two_assets_differ_and_do_not_reveal_the_file_name(ingest, asset):
    other = ingest(upload(encode(two_tone((50, 50)), "JPEG")))

    first, second = signed_media_url(asset), signed_media_url(other)

    assert first != second
    assert asset.file.name.split("/")[-1] not in first


def test_a_signed_url_stops_working_when_the_asset_is_deleted(asset, django_capture_on_commit_callbacks):
    url = signed_media_url(asset)
    with django_capture_on_commit_callbacks(execute=True):
        delete_asset(asset, by=None)

    assert fetch(url).status_code == 404


def test_a_signed_url_never_outlives_the_maximum_lifetime(asset):
    url = signed_media_url(asset, expires_in=timedelta(days=365))
    token = urlsplit(url).path.split("/")[-2]

    payload = signing.loads(token, salt=SIGNED_URL_SALT)

    assert payload["x"] - signing.b62_decode(token.split(":")[1]) <= MAX_URL_LIFETIME.total_seconds() + 1
