"""Contract tests for the simulated X API v2, with plain requests (no adapter of ours)."""

import base64
import hashlib
import io
import time
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from PIL import Image

from simulator.core import SANDBOX_CLIENTS
from simulator.networks import twitter

CLIENT_ID, CLIENT_SECRET = SANDBOX_CLIENTS["twitter"]
REDIRECT = "http://localhost:8000/accounts/callback/twitter"
SCOPES = "tweet.read tweet.write users.read media.write offline.access"


@pytest.fixture
def api(simulator):
    return f"{simulator.base_url}/twitter"


@pytest.fixture
def user(simulator):
    return twitter.new_account(simulator)


def auth(account):
    return {"Authorization": f"Bearer {account['access_token']}"}


def png_bytes(color="red") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), color).save(buffer, "PNG")
    return buffer.getvalue()


def pkce():
    verifier = "v" * 60
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return verifier, challenge


def consent(api, challenge, **overrides):
    params = {
        "response_type": "code",
        "client_id": CLIENT_ID,
        "redirect_uri": REDIRECT,
        "scope": SCOPES,
        "state": "st4te",
        "code_challenge": challenge,
        "code_challenge_method": "S256",
        **overrides,
    }
    answer = requests.get(f"{api}/i/oauth2/authorize", params=params, allow_redirects=False, timeout=5)
    assert answer.status_code == 302
    location = answer.headers["Location"]
    assert location.startswith(REDIRECT + "?")
    return {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}


def token_request(api, data, client=(CLIENT_ID, CLIENT_SECRET)):
    return requests.post(f"{api}/2/oauth2/token", data=data, auth=client, timeout=5)


def upload_image(api, account, data=None):
    answer = requests.post(
        f"{api}/2/media/upload",
        headers=auth(account),
        files={"media": ("a.png", data or png_bytes(), "application/octet-stream")},
        data={"media_category": "tweet_image"},
        timeout=5,
    )
    assert answer.status_code == 200, answer.text
    return answer.json()["data"]["id"]


def tweet(api, account, body):
    return requests.post(f"{api}/2/tweets", headers=auth(account), json=body, timeout=5)


def problem_of(answer):
    assert answer.headers["Content-Type"].startswith("application/problem+json")
    return answer.json()


# --- OAuth --------------------------------------------------------------------------------


def test_consent_redirects_back_with_code_and_state_and_the_code_buys_two_hour_tokens(api):
    verifier, challenge = pkce()
    back = consent(api, challenge)
    assert back["state"] == "st4te"

    answer = token_request(
        api,
        {
            "grant_type": "authorization_code",
            "code": back["code"],
            "redirect_uri": REDIRECT,
            "code_verifier": verifier,
            "client_id": CLIENT_ID,
        },
    )

    assert answer.status_code == 200
    tokens = answer.json()
    assert tokens["token_type"] == "bearer"
    assert tokens["expires_in"] == 7200
    assert tokens["scope"] == SCOPES
    me = requests.get(f"{api}/2/users/me", headers={"Authorization": f"Bearer {tokens['access_token']}"}, timeout=5)
    assert me.json()["data"] == {"id": twitter.DEMO_ACCOUNT["id"], "name": "Demo Clinic", "username": "demo_clinic"}


def test_consent_acts_as_the_consenting_account_a_test_chooses(api, simulator, user):
    verifier, challenge = pkce()
    simulator.store["twitter"]["consenting_account"] = user["id"]
    try:
        back = consent(api, challenge)
    finally:
        simulator.store["twitter"]["consenting_account"] = twitter.DEMO_ACCOUNT["id"]
    tokens = token_request(
        api,
        {"grant_type": "authorization_code", "code": back["code"], "redirect_uri": REDIRECT, "code_verifier": verifier},
    ).json()
    me = requests.get(f"{api}/2/users/me", headers={"Authorization": f"Bearer {tokens['access_token']}"}, timeout=5)
    assert me.json()["data"]["id"] == user["id"]


def test_a_code_works_once(api):
    verifier, challenge = pkce()
    code = consent(api, challenge)["code"]
    data = {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT, "code_verifier": verifier}
    assert token_request(api, data).status_code == 200

    again = token_request(api, data)

    assert again.status_code == 400
    assert again.json()["error"] == "invalid_request"


def test_a_wrong_code_verifier_is_refused(api):
    _, challenge = pkce()
    code = consent(api, challenge)["code"]
    answer = token_request(
        api, {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT, "code_verifier": "w" * 60}
    )
    assert answer.status_code == 400
    assert "code verifier" in answer.json()["error_description"]


def test_a_redirect_uri_other_than_the_consent_one_is_refused(api):
    verifier, challenge = pkce()
    code = consent(api, challenge)["code"]
    answer = token_request(
        api,
        {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT + "x", "code_verifier": verifier},
    )
    assert answer.status_code == 400


def test_the_token_endpoint_wants_the_confidential_clients_basic_auth(api):
    verifier, challenge = pkce()
    code = consent(api, challenge)["code"]
    data = {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT, "code_verifier": verifier}

    assert token_request(api, data, client=(CLIENT_ID, "wrong")).status_code == 401
    without = requests.post(f"{api}/2/oauth2/token", data={**data, "client_id": CLIENT_ID}, timeout=5)
    assert without.status_code == 401
    assert without.json()["error"] == "unauthorized_client"


def test_consent_without_pkce_challenge_redirects_with_an_error(api):
    back = consent(api, "", code_challenge_method="S256")
    assert back["error"] == "invalid_request"


def test_consent_for_an_unknown_client_shows_an_error_page(api):
    answer = requests.get(
        f"{api}/i/oauth2/authorize",
        params={"client_id": "someone-else", "redirect_uri": REDIRECT, "response_type": "code"},
        allow_redirects=False,
        timeout=5,
    )
    assert answer.status_code == 400


def test_a_user_who_cancels_consent_is_sent_back_with_access_denied(api, simulator):
    simulator.fail("twitter", "GET /i/oauth2/authorize", kind="denied")
    back = consent(api, pkce()[1])
    assert back == {"error": "access_denied", "error_description": "The user denied the request.", "state": "st4te"}


def test_refresh_rotates_the_refresh_token_and_rejects_the_used_one(api, user):
    first = token_request(api, {"grant_type": "refresh_token", "refresh_token": user["refresh_token"]})
    assert first.status_code == 200
    rotated = first.json()
    assert rotated["refresh_token"] != user["refresh_token"]
    assert rotated["expires_in"] == 7200

    reused = token_request(api, {"grant_type": "refresh_token", "refresh_token": user["refresh_token"]})
    assert reused.status_code == 400
    assert reused.json() == {"error": "invalid_request", "error_description": "Value passed for the token was invalid."}
    assert token_request(api, {"grant_type": "refresh_token", "refresh_token": rotated["refresh_token"]}).ok


def test_an_expired_access_token_answers_401_until_refreshed(api, simulator, user):
    simulator.tokens.expire_access_tokens("twitter", user["id"])
    expired = requests.get(f"{api}/2/users/me", headers=auth(user), timeout=5)
    assert expired.status_code == 401
    assert problem_of(expired)["title"] == "Unauthorized"

    fresh = token_request(api, {"grant_type": "refresh_token", "refresh_token": user["refresh_token"]}).json()
    me = requests.get(f"{api}/2/users/me", headers={"Authorization": f"Bearer {fresh['access_token']}"}, timeout=5)
    assert me.status_code == 200


def test_no_refresh_token_without_offline_access(api):
    verifier, challenge = pkce()
    code = consent(api, challenge, scope="tweet.read users.read")["code"]
    tokens = token_request(
        api, {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT, "code_verifier": verifier}
    ).json()
    assert "refresh_token" not in tokens


def test_the_demo_tokens_are_fixed(api, simulator):
    me = requests.get(
        f"{api}/2/users/me",
        params={"user.fields": "profile_image_url"},
        headers={"Authorization": "Bearer sandbox-twitter-access"},
        timeout=5,
    )
    assert me.json()["data"]["username"] == "demo_clinic"
    assert (
        me.json()["data"]["profile_image_url"] == f"{simulator.base_url}/_sim/avatars/twitter/1580000000000000001.svg"
    )


# --- headers on every answer ----------------------------------------------------------------


def test_every_answer_carries_rate_limit_headers_and_a_transaction_id(api, user):
    first = requests.get(f"{api}/2/users/me", headers=auth(user), timeout=5)
    second = requests.get(f"{api}/2/users/me", headers=auth(user), timeout=5)
    refused = requests.get(f"{api}/2/users/me", headers={"Authorization": "Bearer nope"}, timeout=5)

    for answer in (first, second, refused):
        assert answer.headers["x-transaction-id"]
        assert int(answer.headers["x-rate-limit-reset"]) > time.time()
    assert first.headers["x-rate-limit-limit"] == "75"
    assert int(second.headers["x-rate-limit-remaining"]) == int(first.headers["x-rate-limit-remaining"]) - 1


def test_limits_are_enforced_when_asked(api, simulator, user):
    simulator.store["twitter"]["enforce_rate_limits"] = True
    try:
        for _ in range(75):
            requests.get(f"{api}/2/users/me", headers=auth(user), timeout=5)
        answer = requests.get(f"{api}/2/users/me", headers=auth(user), timeout=5)
    finally:
        simulator.store["twitter"]["enforce_rate_limits"] = False
    assert answer.status_code == 429
    assert answer.headers["x-rate-limit-remaining"] == "0"


# --- posting ----------------------------------------------------------------------------------


def test_a_text_post_answers_201_and_is_recorded_as_written(api, simulator, user):
    text = "Flu shots today at the clinic ✅ (walk-ins welcome) #health"
    answer = tweet(api, user, {"text": text})

    assert answer.status_code == 201
    data = answer.json()["data"]
    assert data["text"] == text
    assert data["edit_history_tweet_ids"] == [data["id"]]
    [post] = simulator.posts_for("twitter", user["id"])
    assert post.text == text
    assert post.id == data["id"]
    assert post.url == f"{simulator.base_url}/twitter/{user['username']}/status/{data['id']}"


def test_links_come_back_wrapped_in_t_co_with_the_expanded_url_in_entities(api, simulator, user):
    text = "Read our guide https://example.org/a/very/long/path/to/a/guide.html today"
    data = tweet(api, user, {"text": text}).json()["data"]

    assert data["text"].startswith("Read our guide https://t.co/")
    assert data["text"].endswith(" today")
    [post] = simulator.posts_for("twitter", user["id"])
    assert post.text == text
    timeline = requests.get(
        f"{api}/2/users/{user['id']}/tweets", params={"tweet.fields": "entities"}, headers=auth(user), timeout=5
    ).json()
    [url] = timeline["data"][0]["entities"]["urls"]
    assert url["expanded_url"] == "https://example.org/a/very/long/path/to/a/guide.html"


def test_text_is_weighed_the_twitter_text_way(api, user):
    # 140 CJK characters weigh 280: accepted; one more is too long.
    assert tweet(api, user, {"text": "漢" * 140}).status_code == 201
    too_long = tweet(api, user, {"text": "字" * 141})
    assert too_long.status_code == 403
    assert "too long" in problem_of(too_long)["detail"]
    # A long URL counts 23 whatever its length.
    assert tweet(api, user, {"text": "a" * 250 + " https://example.org/" + "x" * 100}).status_code == 201


def test_a_duplicate_of_a_recent_post_is_refused(api, user):
    assert tweet(api, user, {"text": "Same words"}).status_code == 201
    again = tweet(api, user, {"text": "Same words"})
    assert again.status_code == 403
    assert problem_of(again)["detail"] == "You are not allowed to create a Tweet with duplicate content."


def test_another_user_may_post_the_same_words(api, simulator, user):
    other = twitter.new_account(simulator)
    assert tweet(api, user, {"text": "Shared words"}).status_code == 201
    assert tweet(api, other, {"text": "Shared words"}).status_code == 201


def test_an_empty_post_and_a_form_body_are_invalid_requests(api, user):
    empty = tweet(api, user, {"text": ""})
    assert empty.status_code == 400
    assert problem_of(empty)["title"] == "Invalid Request"
    form = requests.post(f"{api}/2/tweets", headers=auth(user), data={"text": "hi"}, timeout=5)
    assert form.status_code == 400


def test_posting_needs_the_tweet_write_scope(api, simulator):
    reader = twitter.new_account(simulator, scopes=("tweet.read", "users.read"))
    answer = tweet(api, reader, {"text": "hello"})
    assert answer.status_code == 403


def test_a_reply_must_point_at_an_existing_post(api, simulator, user):
    first = tweet(api, user, {"text": "1/2 Thread start"}).json()["data"]
    reply = tweet(api, user, {"text": "2/2 and the end", "reply": {"in_reply_to_tweet_id": first["id"]}})
    assert reply.status_code == 201
    assert simulator.posts_for("twitter", user["id"])[1].extra["in_reply_to_tweet_id"] == first["id"]

    orphan = tweet(api, user, {"text": "lost", "reply": {"in_reply_to_tweet_id": "1"}})
    assert orphan.status_code == 403


def test_reply_settings_are_checked(api, user):
    assert tweet(api, user, {"text": "only followers", "reply_settings": "following"}).status_code == 201
    assert tweet(api, user, {"text": "nobody", "reply_settings": "nobody"}).status_code == 400


# --- media ---------------------------------------------------------------------------------------


def test_an_image_with_alt_text_is_recorded_with_its_bytes_and_a_media_link(api, simulator, user):
    data = png_bytes()
    media_id = upload_image(api, user, data)
    meta = requests.post(
        f"{api}/2/media/metadata",
        headers=auth(user),
        json={"id": media_id, "metadata": {"alt_text": {"text": "A red square"}}},
        timeout=5,
    )
    assert meta.status_code == 200

    answer = tweet(api, user, {"text": "Look", "media": {"media_ids": [media_id]}})

    assert answer.status_code == 201
    assert answer.json()["data"]["text"].startswith("Look https://t.co/")
    [post] = simulator.posts_for("twitter", user["id"])
    [media] = post.media
    assert media["id"] == media_id
    assert media["kind"] == "image"
    assert media["content_type"] == "image/png"
    assert media["size"] == len(data)
    assert media["sha256"] == hashlib.sha256(data).hexdigest()
    assert media["alt_text"] == "A red square"


def test_alt_text_longer_than_1000_characters_is_refused(api, user):
    media_id = upload_image(api, user)
    answer = requests.post(
        f"{api}/2/media/metadata",
        headers=auth(user),
        json={"id": media_id, "metadata": {"alt_text": {"text": "a" * 1001}}},
        timeout=5,
    )
    assert answer.status_code == 400


def test_the_simple_upload_needs_a_media_category_and_an_image(api, user):
    no_category = requests.post(
        f"{api}/2/media/upload", headers=auth(user), files={"media": ("a.png", png_bytes())}, timeout=5
    )
    assert no_category.status_code == 400
    not_image = requests.post(
        f"{api}/2/media/upload",
        headers=auth(user),
        files={"media": ("a.txt", b"hello")},
        data={"media_category": "tweet_image"},
        timeout=5,
    )
    assert not_image.status_code == 400


def test_media_of_another_user_or_unknown_ids_are_invalid(api, simulator, user):
    other = twitter.new_account(simulator)
    theirs = upload_image(api, other)
    assert tweet(api, user, {"text": "x", "media": {"media_ids": [theirs]}}).status_code == 400
    assert tweet(api, user, {"text": "y", "media": {"media_ids": ["123"]}}).status_code == 400


def test_at_most_four_images(api, user):
    ids = [upload_image(api, user, png_bytes(color)) for color in ("red", "green", "blue", "white", "black")]
    assert tweet(api, user, {"text": "five", "media": {"media_ids": ids}}).status_code == 400
    assert tweet(api, user, {"text": "four", "media": {"media_ids": ids[:4]}}).status_code == 201


def chunked_video(api, account, data, chunk=1024):
    init = requests.post(
        f"{api}/2/media/upload/initialize",
        headers=auth(account),
        json={"media_type": "video/mp4", "total_bytes": len(data), "media_category": "tweet_video"},
        timeout=5,
    )
    assert init.status_code == 200, init.text
    media_id = init.json()["data"]["id"]
    for index, start in enumerate(range(0, len(data), chunk)):
        append = requests.post(
            f"{api}/2/media/upload/{media_id}/append",
            headers=auth(account),
            files={"media": ("blob", data[start : start + chunk], "application/octet-stream")},
            data={"segment_index": str(index)},
            timeout=5,
        )
        assert append.status_code == 200, append.text
    return media_id


def status_of(api, account, media_id):
    return requests.get(
        f"{api}/2/media/upload", params={"media_id": media_id, "command": "STATUS"}, headers=auth(account), timeout=5
    )


FAKE_MP4 = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 10


def test_a_video_goes_up_in_chunks_and_must_be_polled_until_it_succeeds(api, simulator, user):
    media_id = chunked_video(api, user, FAKE_MP4)
    final = requests.post(f"{api}/2/media/upload/{media_id}/finalize", headers=auth(user), timeout=5)
    assert final.json()["data"]["processing_info"]["state"] == "pending"

    early = tweet(api, user, {"text": "too early", "media": {"media_ids": [media_id]}})
    assert early.status_code == 400
    assert status_of(api, user, media_id).json()["data"]["processing_info"]["state"] == "in_progress"
    assert status_of(api, user, media_id).json()["data"]["processing_info"]["state"] == "succeeded"

    assert tweet(api, user, {"text": "Our video", "media": {"media_ids": [media_id]}}).status_code == 201
    [post] = simulator.posts_for("twitter", user["id"])
    assert post.media[0]["kind"] == "video"
    assert post.media[0]["sha256"] == hashlib.sha256(FAKE_MP4).hexdigest()


def test_finalize_refuses_an_upload_whose_size_does_not_match(api, user):
    media_id = chunked_video(api, user, FAKE_MP4)
    init = requests.post(
        f"{api}/2/media/upload/initialize",
        headers=auth(user),
        json={"media_type": "video/mp4", "total_bytes": len(FAKE_MP4) + 1, "media_category": "tweet_video"},
        timeout=5,
    )
    short_id = init.json()["data"]["id"]
    requests.post(
        f"{api}/2/media/upload/{short_id}/append",
        headers=auth(user),
        files={"media": ("blob", FAKE_MP4)},
        data={"segment_index": "0"},
        timeout=5,
    )
    assert requests.post(f"{api}/2/media/upload/{short_id}/finalize", headers=auth(user), timeout=5).status_code == 400
    assert requests.post(f"{api}/2/media/upload/{media_id}/finalize", headers=auth(user), timeout=5).ok


def test_a_video_cannot_travel_with_images(api, user):
    media_id = chunked_video(api, user, FAKE_MP4)
    requests.post(f"{api}/2/media/upload/{media_id}/finalize", headers=auth(user), timeout=5)
    status_of(api, user, media_id)
    status_of(api, user, media_id)
    image_id = upload_image(api, user)
    assert tweet(api, user, {"text": "mix", "media": {"media_ids": [media_id, image_id]}}).status_code == 400


def test_processing_can_fail(api, simulator, user):
    media_id = chunked_video(api, user, FAKE_MP4)
    requests.post(f"{api}/2/media/upload/{media_id}/finalize", headers=auth(user), timeout=5)
    simulator.fail("twitter", "GET /2/media/upload", kind="processing_failed")

    info = status_of(api, user, media_id).json()["data"]["processing_info"]

    assert info["state"] == "failed"
    assert info["error"]["message"]
    assert tweet(api, user, {"text": "broken", "media": {"media_ids": [media_id]}}).status_code == 400


# --- the timeline -------------------------------------------------------------------------------


def test_recent_posts_come_newest_first_since_a_time(api, simulator, user):
    before = datetime.now(UTC) - timedelta(seconds=1)
    for n in range(7):
        tweet(api, user, {"text": f"post {n}"})

    answer = requests.get(
        f"{api}/2/users/{user['id']}/tweets",
        params={"max_results": 5, "start_time": before.strftime("%Y-%m-%dT%H:%M:%SZ"), "tweet.fields": "created_at"},
        headers=auth(user),
        timeout=5,
    )

    body = answer.json()
    assert [t["text"] for t in body["data"]] == ["post 6", "post 5", "post 4", "post 3", "post 2"]
    assert body["data"][0]["created_at"].endswith("Z")
    assert body["meta"]["result_count"] == 5
    rest = requests.get(
        f"{api}/2/users/{user['id']}/tweets",
        params={"max_results": 5, "pagination_token": body["meta"]["next_token"]},
        headers=auth(user),
        timeout=5,
    ).json()
    assert [t["text"] for t in rest["data"]] == ["post 1", "post 0"]


def test_recent_posts_after_the_start_time_only(api, user):
    tweet(api, user, {"text": "old news"})
    later = (datetime.now(UTC) + timedelta(minutes=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    answer = requests.get(
        f"{api}/2/users/{user['id']}/tweets", params={"start_time": later}, headers=auth(user), timeout=5
    )
    assert answer.json() == {"meta": {"result_count": 0}}


def test_recent_posts_check_max_results_and_start_time(api, user):
    few = requests.get(f"{api}/2/users/{user['id']}/tweets", params={"max_results": 3}, headers=auth(user), timeout=5)
    assert few.status_code == 400
    bad = requests.get(
        f"{api}/2/users/{user['id']}/tweets", params={"start_time": "yesterday"}, headers=auth(user), timeout=5
    )
    assert bad.status_code == 400


# --- faults --------------------------------------------------------------------------------------


def test_an_injected_429_carries_the_reset_time(api, simulator, user):
    simulator.fail("twitter", "POST /2/tweets", status=429, reset_in=60)
    answer = tweet(api, user, {"text": "later"})
    assert answer.status_code == 429
    assert problem_of(answer)["title"] == "Too Many Requests"
    assert answer.headers["x-rate-limit-remaining"] == "0"
    assert abs(int(answer.headers["x-rate-limit-reset"]) - (time.time() + 60)) <= 2
    assert simulator.posts_for("twitter", user["id"]) == []
    assert tweet(api, user, {"text": "later"}).status_code == 201


def test_the_daily_user_cap_resets_later_than_the_window(api, simulator, user):
    simulator.fail("twitter", "POST /2/tweets", status=429, kind="user_24h", reset_in=3600)
    answer = tweet(api, user, {"text": "capped"})
    assert int(answer.headers["x-user-limit-24hour-reset"]) > int(answer.headers["x-rate-limit-reset"])
    assert answer.headers["x-user-limit-24hour-remaining"] == "0"


def test_the_monthly_usage_cap_is_its_own_problem(api, simulator, user):
    simulator.fail("twitter", "POST /2/tweets", status=429, kind="usage_capped", reset_in=86400)
    answer = tweet(api, user, {"text": "capped"})
    assert problem_of(answer)["type"] == "https://api.twitter.com/2/problems/usage-capped"


@pytest.mark.parametrize(("status", "title"), [(500, "Internal Server Error"), (503, "Service Unavailable")])
def test_server_errors_are_problems(api, simulator, user, status, title):
    simulator.fail("twitter", "POST /2/tweets", status=status)
    answer = tweet(api, user, {"text": "oops"})
    assert answer.status_code == status
    assert problem_of(answer)["title"] == title
    assert answer.headers["x-transaction-id"]


def test_an_injected_401_then_success(api, simulator, user):
    simulator.fail("twitter", "POST /2/tweets", status=401)
    assert tweet(api, user, {"text": "again"}).status_code == 401
    assert tweet(api, user, {"text": "again"}).status_code == 201


def test_an_injected_duplicate(api, simulator, user):
    simulator.fail("twitter", "POST /2/tweets", status=403, kind="duplicate")
    answer = tweet(api, user, {"text": "brand new"})
    assert "duplicate content" in problem_of(answer)["detail"]


def test_a_dropped_answer_still_publishes(api, simulator, user):
    simulator.fail("twitter", "POST /2/tweets", drop_after_accept=True)
    with pytest.raises(requests.exceptions.ConnectionError):
        tweet(api, user, {"text": "did it go out?"})
    [post] = simulator.posts_for("twitter", user["id"])
    assert post.text == "did it go out?"


def test_a_revoked_token_stops_working(api, user):
    answer = requests.post(
        f"{api}/2/oauth2/revoke",
        data={"token": user["access_token"], "token_type_hint": "access_token"},
        auth=(CLIENT_ID, CLIENT_SECRET),
        timeout=5,
    )
    assert answer.json() == {"revoked": True}
    assert requests.get(f"{api}/2/users/me", headers=auth(user), timeout=5).status_code == 401


def test_revoking_needs_the_clients_basic_auth(api, user):
    answer = requests.post(
        f"{api}/2/oauth2/revoke",
        data={"token": user["access_token"], "token_type_hint": "access_token", "client_id": CLIENT_ID},
        timeout=5,
    )
    assert answer.status_code == 401 and answer.json()["error"] == "unauthorized_client"
    assert requests.get(f"{api}/2/users/me", headers=auth(user), timeout=5).status_code == 200


def test_an_animated_gif_is_one_attachment_of_its_own(api, simulator, user):
    frames = [Image.new("RGB", (8, 8), color) for color in ("red", "blue")]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:])
    data = buffer.getvalue()
    init = requests.post(
        f"{api}/2/media/upload/initialize",
        headers=auth(user),
        json={"media_type": "image/gif", "total_bytes": len(data), "media_category": "tweet_gif"},
        timeout=5,
    ).json()["data"]
    requests.post(
        f"{api}/2/media/upload/{init['id']}/append",
        headers=auth(user),
        files={"media": ("blob", data)},
        data={"segment_index": "0"},
        timeout=5,
    )
    final = requests.post(f"{api}/2/media/upload/{init['id']}/finalize", headers=auth(user), timeout=5).json()
    assert final["data"]["processing_info"]["state"] == "pending"
    states = [status_of(api, user, init["id"]).json()["data"]["processing_info"]["state"] for _ in range(2)]
    assert states == ["in_progress", "succeeded"]
    image_id = upload_image(api, user)

    assert tweet(api, user, {"text": "gif+image", "media": {"media_ids": [init["id"], image_id]}}).status_code == 400
    assert tweet(api, user, {"text": "gif", "media": {"media_ids": [init["id"]]}}).status_code == 201
    assert simulator.posts_for("twitter", user["id"])[0].media[0]["kind"] == "gif"


def test_the_api_text_has_html_entities_and_a_media_link_to_the_post(api, simulator, user):
    media_id = upload_image(api, user)
    data = tweet(api, user, {"text": "Q&A <3", "media": {"media_ids": [media_id]}}).json()["data"]

    assert data["text"].startswith("Q&amp;A &lt;3 https://t.co/")
    assert simulator.posts_for("twitter", user["id"])[0].text == "Q&A <3"
    timeline = requests.get(
        f"{api}/2/users/{user['id']}/tweets", params={"tweet.fields": "entities"}, headers=auth(user), timeout=5
    ).json()
    [link] = timeline["data"][0]["entities"]["urls"]
    assert link["expanded_url"] == f"https://x.com/{user['username']}/status/{data['id']}/photo/1"
    assert data["text"][link["start"] : link["end"]] == link["url"]
