"""The composer form refuses impossible ids, times and characters with a sentence, never a 500."""

from __future__ import annotations

import pytest
from django.urls import reverse

from accounts.models import ConnectedAccount
from posts.models import Post

HUGE = str(2**63)


@pytest.fixture(autouse=True)
def composer_settings(media_settings):
    return media_settings


@pytest.fixture
def x_account(org):
    return ConnectedAccount.objects.create(
        organization=org, network="twitter", kind="x_user", external_id="x-1", display_name="Clinic X"
    )


@pytest.fixture
def youtube(org):
    return ConnectedAccount.objects.create(
        organization=org, network="youtube", kind="youtube_channel", external_id="yt-1", display_name="Clinic YT"
    )


def compose(client, **data):
    return client.post(reverse("compose"), {"text": "Flu shots", "action": "draft", **data})


@pytest.mark.parametrize("field", ["accounts", "media", "post_id"])
def test_an_id_too_large_is_refused_not_a_crash(alice_client, x_account, field):
    response = compose(alice_client, **{field: [HUGE]})
    assert response.status_code in (400, 404)
    assert not Post.objects.exists()


def test_a_thumbnail_id_too_large_is_refused_with_a_sentence(alice_client, youtube):
    response = compose(alice_client, accounts=[youtube.pk], **{f"o-{youtube.pk}-thumbnail_id": HUGE})
    assert response.status_code == 400
    assert "thumbnail" in response.content.decode()
    assert not Post.objects.exists()


@pytest.mark.parametrize("local", ["9999-12-31T23:59", "0001-01-01T00:00"])
@pytest.mark.parametrize("zone", ["Asia/Tokyo", "America/Los_Angeles"])
def test_a_time_at_the_edge_of_the_calendar_is_refused_with_a_sentence(alice, alice_client, x_account, local, zone):
    alice.time_zone = zone
    alice.save()
    response = compose(alice_client, accounts=[x_account.pk], action="at", scheduled_local=local)
    assert response.status_code == 400
    assert not Post.objects.exists()


@pytest.mark.parametrize("local", ["9999-12-31T23:59", "0001-01-01T00:00"])
def test_the_live_check_of_a_time_at_the_edge_of_the_calendar_says_why(alice, alice_client, x_account, local):
    alice.time_zone = "Asia/Tokyo"
    alice.save()
    response = alice_client.post(
        reverse("compose-validate"), {"text": "Flu", "accounts": [x_account.pk], "scheduled_local": local}
    )
    assert response.status_code == 200


def test_a_nul_character_in_the_text_is_refused_with_a_sentence(alice_client, x_account):
    response = compose(alice_client, accounts=[x_account.pk], text="Flu\x00shots")
    assert response.status_code == 400
    assert not Post.objects.exists()


def test_a_nul_character_in_an_option_is_refused_with_a_sentence(alice_client, youtube):
    response = compose(alice_client, accounts=[youtube.pk], **{f"o-{youtube.pk}-title": "Flu\x00"})
    assert response.status_code == 400
    assert not Post.objects.exists()


def test_an_empty_post_id_from_a_new_page_is_not_an_error(alice_client, x_account):
    response = compose(alice_client, accounts=[x_account.pk], post_id="")
    assert response.status_code == 302
    assert Post.objects.count() == 1
