"""Contract tests for the simulated Google OAuth and YouTube Data API, with plain requests."""

import base64
import hashlib
import io
import json
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from PIL import Image

from simulator.core import SANDBOX_CLIENTS
from simulator.networks import google

CLIENT_ID, CLIENT_SECRET = SANDBOX_CLIENTS["google"]
REDIRECT = "http://127.0.0.1:8000/accounts/youtube/callback"
SCOPES = f"{google.SCOPE_UPLOAD} {google.SCOPE_READONLY}"
METADATA = {
    "snippet": {
        "title": "Flu shots: what to expect",
        "description": "Dr. Ada explains the side effects.\nBook at the front desk.",
        "tags": ["flu", "vaccine clinic"],
        "categoryId": "27",
    },
    "status": {"privacyStatus": "unlisted", "selfDeclaredMadeForKids": False},
}


@pytest.fixture
def api(simulator):
    return f"{simulator.base_url}/google"


@pytest.fixture
def channel(simulator):
    return google.new_account(simulator, name="Northside Clinic")


@pytest.fixture
def quota_limits(simulator):
    """Lower the day's quota for one test, and put it back."""
    limits = simulator.store["google"]["quota_limits"]
    saved = dict(limits)
    yield limits
    limits.clear()
    limits.update(saved)


def bearer(account):
    return {"Authorization": f"Bearer {account['access_token']}"}


def pkce():
    verifier = "v" * 43 + "-verifier"
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return verifier, challenge


def consent(api, **overrides):
    params = {
        "client_id": CLIENT_ID,
        "redirect_uri": REDIRECT,
        "response_type": "code",
        "scope": SCOPES,
        "access_type": "offline",
        "prompt": "consent",
        "state": "st-123",
        **overrides,
    }
    return requests.get(f"{api}/o/oauth2/v2/auth", params=params, allow_redirects=False, timeout=5)


def redirect_params(response):
    assert response.status_code == 302
    location = response.headers["Location"]
    assert location.startswith(REDIRECT + "?")
    return {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}


def exchange(api, code, verifier, **overrides):
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": REDIRECT,
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "code_verifier": verifier,
        **overrides,
    }
    return requests.post(f"{api}/token", data=form, timeout=5)


def start_upload(api, account, metadata=METADATA, *, length=None, content_type="video/mp4", part="snippet,status"):
    headers = {**bearer(account), "X-Upload-Content-Type": content_type}
    if length is not None:
        headers["X-Upload-Content-Length"] = str(length)
    return requests.post(
        f"{api}/upload/youtube/v3/videos",
        params={"uploadType": "resumable", "part": part},
        json=metadata,
        headers=headers,
        timeout=5,
    )


def put(session_uri, data, content_range=None):
    headers = {"Content-Range": content_range} if content_range else {}
    return requests.put(session_uri, data=data, headers=headers, timeout=5)


def upload(api, account, data=b"\x00\x00\x00\x18ftypmp42" + b"x" * 1000, metadata=METADATA):
    session = start_upload(api, account, metadata, length=len(data))
    assert session.status_code == 200
    return put(session.headers["Location"], data)


def png_bytes(size=(1280, 720)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (10, 120, 200)).save(buffer, "PNG")
    return buffer.getvalue()


def error_reason(response):
    return response.json()["error"]["errors"][0]["reason"]


# --- OAuth -------------------------------------------------------------------------------


def test_consent_redirects_back_with_a_code_and_the_state(api):
    _, challenge = pkce()
    params = redirect_params(consent(api, code_challenge=challenge, code_challenge_method="S256"))
    assert params["state"] == "st-123"
    assert params["code"]
    assert params["scope"] == SCOPES


def test_a_user_who_cancels_is_sent_back_with_access_denied(api, simulator):
    simulator.fail("google", "GET /o/oauth2/v2/auth", kind="denied")
    params = redirect_params(consent(api))
    assert params == {"error": "access_denied", "state": "st-123"}


def test_consent_with_an_unknown_client_shows_an_error_page_instead_of_redirecting(api):
    response = consent(api, client_id="someone-else.apps.googleusercontent.com")
    assert response.status_code == 401
    assert "invalid_client" in response.text
    assert "Location" not in response.headers


def test_consent_without_scope_is_an_invalid_request(api):
    response = consent(api, scope="")
    assert response.status_code == 400
    assert "invalid_request" in response.text


def test_code_exchange_gives_a_3599_second_token_and_an_offline_refresh_token(api):
    verifier, challenge = pkce()
    code = redirect_params(consent(api, code_challenge=challenge, code_challenge_method="S256"))["code"]
    response = exchange(api, code, verifier)
    assert response.status_code == 200
    body = response.json()
    assert body["expires_in"] == 3599
    assert body["token_type"] == "Bearer"
    assert body["scope"] == SCOPES
    assert body["refresh_token"]
    channels = requests.get(
        f"{api}/youtube/v3/channels",
        params={"part": "snippet", "mine": "true"},
        headers={"Authorization": f"Bearer {body['access_token']}"},
        timeout=5,
    )
    assert channels.json()["items"][0]["id"] == google.DEMO_CHANNEL_ID


def test_online_access_gives_no_refresh_token(api):
    verifier, challenge = pkce()
    response = consent(api, access_type="online", code_challenge=challenge, code_challenge_method="S256")
    code = redirect_params(response)["code"]
    assert "refresh_token" not in exchange(api, code, verifier).json()


def test_codes_are_single_use(api):
    verifier, challenge = pkce()
    code = redirect_params(consent(api, code_challenge=challenge, code_challenge_method="S256"))["code"]
    assert exchange(api, code, verifier).status_code == 200
    again = exchange(api, code, verifier)
    assert again.status_code == 400
    assert again.json()["error"] == "invalid_grant"


def test_a_wrong_code_verifier_is_refused(api):
    _, challenge = pkce()
    code = redirect_params(consent(api, code_challenge=challenge, code_challenge_method="S256"))["code"]
    response = exchange(api, code, "not-the-verifier-" + "x" * 40)
    assert response.status_code == 400
    assert response.json() == {"error": "invalid_grant", "error_description": "Invalid code verifier."}


def test_a_missing_code_verifier_is_refused(api):
    _, challenge = pkce()
    code = redirect_params(consent(api, code_challenge=challenge, code_challenge_method="S256"))["code"]
    response = exchange(api, code, "")
    assert response.json()["error"] == "invalid_grant"


def test_the_redirect_uri_must_match_the_one_given_at_consent(api):
    verifier, challenge = pkce()
    code = redirect_params(consent(api, code_challenge=challenge, code_challenge_method="S256"))["code"]
    response = exchange(api, code, verifier, redirect_uri="http://127.0.0.1:8000/elsewhere")
    assert response.status_code == 400
    assert response.json()["error"] == "redirect_uri_mismatch"


def test_a_wrong_client_secret_is_invalid_client(api):
    verifier, challenge = pkce()
    code = redirect_params(consent(api, code_challenge=challenge, code_challenge_method="S256"))["code"]
    response = exchange(api, code, verifier, client_secret="wrong")
    assert response.status_code == 401
    assert response.json()["error"] == "invalid_client"


def test_the_client_may_authenticate_with_http_basic(api):
    verifier, challenge = pkce()
    code = redirect_params(consent(api, code_challenge=challenge, code_challenge_method="S256"))["code"]
    form = {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT, "code_verifier": verifier}
    response = requests.post(f"{api}/token", data=form, auth=(CLIENT_ID, CLIENT_SECRET), timeout=5)
    assert response.status_code == 200


def test_refresh_gives_a_new_access_token_and_keeps_the_refresh_token_valid(api, channel):
    form = {
        "grant_type": "refresh_token",
        "refresh_token": channel["refresh_token"],
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
    }
    first = requests.post(f"{api}/token", data=form, timeout=5)
    second = requests.post(f"{api}/token", data=form, timeout=5)
    assert first.status_code == second.status_code == 200
    assert "refresh_token" not in first.json()
    assert first.json()["expires_in"] == 3599
    assert first.json()["access_token"] != second.json()["access_token"]


def test_an_expired_access_token_answers_401_auth_error(api, simulator, channel):
    simulator.tokens.expire_access_tokens("google", channel["id"])
    response = requests.get(
        f"{api}/youtube/v3/channels", params={"part": "snippet", "mine": "true"}, headers=bearer(channel), timeout=5
    )
    assert response.status_code == 401
    assert error_reason(response) == "authError"
    assert response.json()["error"]["status"] == "UNAUTHENTICATED"
    assert "invalid_token" in response.headers["WWW-Authenticate"]


def test_a_revoked_grant_answers_invalid_grant_on_refresh(api, channel):
    assert requests.post(f"{api}/revoke", data={"token": channel["access_token"]}, timeout=5).status_code == 200
    form = {
        "grant_type": "refresh_token",
        "refresh_token": channel["refresh_token"],
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
    }
    response = requests.post(f"{api}/token", data=form, timeout=5)
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_grant"


def test_revoking_the_refresh_token_in_the_query_ends_the_access_token_too(api, channel):
    answer = requests.post(
        f"{api}/revoke",
        params={"token": channel["refresh_token"]},
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        timeout=5,
    )
    assert answer.status_code == 200
    response = requests.get(
        f"{api}/youtube/v3/channels", params={"part": "snippet", "mine": "true"}, headers=bearer(channel), timeout=5
    )
    assert response.status_code == 401
    again = requests.post(f"{api}/revoke", params={"token": channel["refresh_token"]}, timeout=5)
    assert again.status_code == 400 and again.json()["error"] == "invalid_token"


def test_an_injected_invalid_grant_on_the_token_endpoint(api, simulator, channel):
    simulator.fail("google", "POST /token", kind="invalid_grant")
    form = {"grant_type": "refresh_token", "refresh_token": channel["refresh_token"]}
    response = requests.post(f"{api}/token", data=form, auth=(CLIENT_ID, CLIENT_SECRET), timeout=5)
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_grant"


def test_the_demo_channel_has_fixed_tokens(api):
    response = requests.get(
        f"{api}/youtube/v3/channels",
        params={"part": "snippet,contentDetails", "mine": "true"},
        headers={"Authorization": "Bearer sandbox-google-access"},
        timeout=5,
    )
    item = response.json()["items"][0]
    assert item["snippet"]["title"] == "Demo Clinic"
    assert item["contentDetails"]["relatedPlaylists"]["uploads"] == "UU" + google.DEMO_CHANNEL_ID[2:]


# --- channels ------------------------------------------------------------------------------


def test_channels_mine_gives_the_channel_id_title_and_uploads_playlist(api, channel):
    response = requests.get(
        f"{api}/youtube/v3/channels",
        params={"part": "snippet,contentDetails", "mine": "true"},
        headers=bearer(channel),
        timeout=5,
    )
    assert response.status_code == 200
    item = response.json()["items"][0]
    assert item["id"] == channel["channel_id"]
    assert item["snippet"]["title"] == "Northside Clinic"
    assert item["contentDetails"]["relatedPlaylists"]["uploads"] == channel["uploads_playlist_id"]


def test_channels_without_part_is_a_bad_request(api, channel):
    response = requests.get(f"{api}/youtube/v3/channels", params={"mine": "true"}, headers=bearer(channel), timeout=5)
    assert response.status_code == 400
    assert error_reason(response) == "required"


def test_a_request_without_a_token_is_401_required(api):
    response = requests.get(f"{api}/youtube/v3/channels", params={"part": "snippet", "mine": "true"}, timeout=5)
    assert response.status_code == 401
    assert error_reason(response) == "required"


def test_a_token_without_a_youtube_scope_is_403_insufficient_permissions(api, simulator):
    account = google.new_account(simulator, scopes=("openid",))
    response = requests.get(
        f"{api}/youtube/v3/channels", params={"part": "id", "mine": "true"}, headers=bearer(account), timeout=5
    )
    assert response.status_code == 403
    assert error_reason(response) == "insufficientPermissions"


# --- resumable upload -----------------------------------------------------------------------------


def test_starting_an_upload_answers_200_with_the_session_uri_under_the_google_prefix(api, channel):
    response = start_upload(api, channel, length=1000)
    assert response.status_code == 200
    assert response.content == b""
    location = response.headers["Location"]
    assert location.startswith(f"{api}/upload/youtube/v3/videos?")
    assert "upload_id=" in location


def test_one_put_with_every_byte_creates_the_video_and_records_it(api, simulator, channel):
    data = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 40
    response = upload(api, channel, data)
    assert response.status_code == 201
    video = response.json()
    assert video["kind"] == "youtube#video"
    assert video["snippet"]["title"] == METADATA["snippet"]["title"]
    assert video["status"]["privacyStatus"] == "unlisted"
    (post,) = simulator.posts_for("youtube", channel["id"])
    assert post.id == video["id"]
    assert post.text == "Flu shots: what to expect\n\nDr. Ada explains the side effects.\nBook at the front desk."
    assert post.url == f"{simulator.base_url}/google/watch?v={video['id']}"
    assert post.media[0]["sha256"] == hashlib.sha256(data).hexdigest()
    assert post.media[0]["size"] == len(data)
    assert post.media[0]["content_type"] == "video/mp4"
    assert post.extra["tags"] == ["flu", "vaccine clinic"]
    assert post.extra["category"] == "27"
    assert post.extra["privacy"] == "unlisted"
    assert post.extra["madeForKids"] is False
    assert "authorization" not in post.headers


def test_chunks_answer_308_with_the_range_received_until_the_last_one(api, simulator, channel):
    data = bytes(range(256)) * 12  # 3072 bytes
    session = start_upload(api, channel, length=len(data)).headers["Location"]
    first = put(session, data[:1024], f"bytes 0-1023/{len(data)}")
    assert first.status_code == 308
    assert first.headers["Range"] == "bytes=0-1023"
    second = put(session, data[1024:2048], f"bytes 1024-2047/{len(data)}")
    assert second.headers["Range"] == "bytes=0-2047"
    last = put(session, data[2048:], f"bytes 2048-3071/{len(data)}")
    assert last.status_code == 201
    (post,) = simulator.posts_for("youtube", channel["id"])
    assert post.media[0]["sha256"] == hashlib.sha256(data).hexdigest()


def test_a_status_query_before_any_byte_answers_308_without_range(api, channel):
    session = start_upload(api, channel, length=5000).headers["Location"]
    response = put(session, b"", "bytes */5000")
    assert response.status_code == 308
    assert "Range" not in response.headers


def test_a_connection_dropped_after_a_chunk_keeps_its_bytes_for_the_resume(api, simulator, channel):
    data = bytes(range(256)) * 8  # 2048 bytes
    session = start_upload(api, channel, length=len(data)).headers["Location"]
    simulator.fail("google", "PUT /upload/youtube/v3/videos", drop_after_accept=True)
    with pytest.raises(requests.ConnectionError):
        put(session, data[:1024], "bytes 0-1023/2048")
    status = put(session, b"", "bytes */2048")
    assert status.status_code == 308
    assert status.headers["Range"] == "bytes=0-1023"
    assert put(session, data[1024:], "bytes 1024-2047/2048").status_code == 201
    (post,) = simulator.posts_for("youtube", channel["id"])
    assert post.media[0]["sha256"] == hashlib.sha256(data).hexdigest()


def test_a_connection_cut_mid_chunk_keeps_only_what_arrived(api, simulator, channel):
    data = bytes(range(256)) * 8
    session = start_upload(api, channel, length=len(data)).headers["Location"]
    simulator.fail("google", "PUT /upload/youtube/v3/videos", kind="cut")
    with pytest.raises(requests.ConnectionError):
        put(session, data, "bytes 0-2047/2048")
    status = put(session, b"", "bytes */2048")
    assert status.headers["Range"] == "bytes=0-1023"
    assert put(session, data[1024:], "bytes 1024-2047/2048").status_code == 201
    (post,) = simulator.posts_for("youtube", channel["id"])
    assert post.media[0]["sha256"] == hashlib.sha256(data).hexdigest()


def test_a_lost_final_answer_is_recovered_by_the_status_query(api, simulator, channel):
    data = b"fake mp4 bytes" * 50
    session = start_upload(api, channel, length=len(data)).headers["Location"]
    simulator.fail("google", "PUT /upload/youtube/v3/videos", drop_after_accept=True)
    with pytest.raises(requests.ConnectionError):
        put(session, data)
    status = put(session, b"", f"bytes */{len(data)}")
    assert status.status_code == 201
    (post,) = simulator.posts_for("youtube", channel["id"])
    assert status.json()["id"] == post.id


def test_a_chunk_that_skips_bytes_is_refused(api, channel):
    session = start_upload(api, channel, length=2048).headers["Location"]
    response = put(session, b"x" * 1024, "bytes 1024-2047/2048")
    assert response.status_code == 400


def test_an_unknown_session_is_404(api):
    response = put(f"{api}/upload/youtube/v3/videos?uploadType=resumable&upload_id=nope", b"x")
    assert response.status_code == 404


def test_a_multipart_upload_creates_the_video_in_one_request(api, simulator, channel):
    data = b"tiny video"
    boundary = "sim-boundary"
    body = (
        (
            f"--{boundary}\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n{json.dumps(METADATA)}\r\n"
            f"--{boundary}\r\nContent-Type: video/mp4\r\n\r\n"
        ).encode()
        + data
        + f"\r\n--{boundary}--".encode()
    )
    response = requests.post(
        f"{api}/upload/youtube/v3/videos",
        params={"uploadType": "multipart", "part": "snippet,status"},
        data=body,
        headers={**bearer(channel), "Content-Type": f"multipart/related; boundary={boundary}"},
        timeout=5,
    )
    assert response.status_code == 200
    (post,) = simulator.posts_for("youtube", channel["id"])
    assert post.media[0]["sha256"] == hashlib.sha256(data).hexdigest()


def test_an_empty_description_leaves_just_the_title(api, simulator, channel):
    metadata = {"snippet": {"title": "Short one", "categoryId": "22"}, "status": {"privacyStatus": "private"}}
    assert upload(api, channel, b"v" * 10, metadata).status_code == 201
    (post,) = simulator.posts_for("youtube", channel["id"])
    assert post.text == "Short one"
    assert post.extra["privacy"] == "private"


# --- metadata validation ---------------------------------------------------------------------------------


def with_snippet(**changes):
    return {**METADATA, "snippet": {**METADATA["snippet"], **changes}}


def with_status(**changes):
    return {**METADATA, "status": {**METADATA["status"], **changes}}


@pytest.mark.parametrize(
    ("metadata", "status", "reason"),
    [
        ({"status": {"privacyStatus": "public"}}, 400, "invalidVideoMetadata"),
        (with_snippet(title=""), 400, "invalidTitle"),
        (with_snippet(title="x" * 101), 400, "invalidTitle"),
        (with_snippet(title="Dosage <5 mg>"), 400, "invalidTitle"),
        (with_snippet(description="é" * 2501), 400, "invalidDescription"),
        (with_snippet(tags=["a" * 250, "b" * 250]), 400, "invalidTags"),
        (with_snippet(categoryId="999"), 400, "invalidCategoryId"),
        (with_status(privacyStatus="friends"), 400, "invalidVideoMetadata"),
        (with_status(selfDeclaredMadeForKids="no"), 400, "invalidVideoMetadata"),
        (with_status(privacyStatus="public", publishAt="2099-01-01T00:00:00Z"), 400, "invalidPublishAt"),
    ],
)
def test_invalid_metadata_is_refused_with_youtubes_reason(api, simulator, channel, metadata, status, reason):
    response = start_upload(api, channel, metadata, length=10)
    assert response.status_code == status
    assert error_reason(response) == reason
    assert simulator.posts_for("youtube", channel["id"]) == []


def test_limits_are_inclusive(api, channel):
    metadata = with_snippet(title="x" * 100, description="d" * 5000, tags=["t" * 249, "u" * 250])
    assert start_upload(api, channel, metadata, length=10).status_code == 200


def test_a_scheduled_private_video_keeps_its_publish_time(api, simulator, channel):
    metadata = with_status(privacyStatus="private", publishAt="2099-01-01T09:00:00Z")
    assert upload(api, channel, b"v" * 10, metadata).status_code == 201
    (post,) = simulator.posts_for("youtube", channel["id"])
    assert post.extra["publishAt"] == "2099-01-01T09:00:00Z"


def test_an_image_is_not_accepted_as_a_video(api, channel):
    response = start_upload(api, channel, length=10, content_type="image/png")
    assert response.status_code == 400
    assert error_reason(response) == "badContent"


def test_an_account_over_its_upload_limit_gets_upload_limit_exceeded(api, simulator):
    account = google.new_account(simulator, upload_limit_reached=True)
    response = start_upload(api, account, length=10)
    assert response.status_code == 403
    assert error_reason(response) == "uploadLimitExceeded"


# --- thumbnails, recent uploads, processing ---------------------------------------------------------------


def test_a_thumbnail_is_set_on_our_own_video(api, simulator, channel):
    video_id = upload(api, channel).json()["id"]
    image = png_bytes()
    response = requests.post(
        f"{api}/upload/youtube/v3/thumbnails/set",
        params={"videoId": video_id, "uploadType": "media"},
        data=image,
        headers={**bearer(channel), "Content-Type": "image/png"},
        timeout=5,
    )
    assert response.status_code == 200
    assert response.json()["kind"] == "youtube#thumbnailSetResponse"
    (post,) = simulator.posts_for("youtube", channel["id"])
    assert post.extra["thumbnail_sha256"] == hashlib.sha256(image).hexdigest()


def test_a_thumbnail_over_2_mb_is_refused(api, channel):
    video_id = upload(api, channel).json()["id"]
    big = b"\xff\xd8\xff" + b"0" * (2 * 1024 * 1024)
    response = requests.post(
        f"{api}/upload/youtube/v3/thumbnails/set",
        params={"videoId": video_id},
        data=big,
        headers={**bearer(channel), "Content-Type": "image/jpeg"},
        timeout=5,
    )
    assert response.status_code == 413


def test_a_thumbnail_that_is_not_an_image_is_invalid(api, channel):
    video_id = upload(api, channel).json()["id"]
    response = requests.post(
        f"{api}/upload/youtube/v3/thumbnails/set",
        params={"videoId": video_id},
        data=b"not an image",
        headers={**bearer(channel), "Content-Type": "image/jpeg"},
        timeout=5,
    )
    assert response.status_code == 400
    assert error_reason(response) == "invalidImage"


def test_a_thumbnail_for_an_unknown_video_is_video_not_found(api, channel):
    response = requests.post(
        f"{api}/upload/youtube/v3/thumbnails/set",
        params={"videoId": "nonexistent"},
        data=png_bytes(),
        headers={**bearer(channel), "Content-Type": "image/png"},
        timeout=5,
    )
    assert response.status_code == 404
    assert error_reason(response) == "videoNotFound"


def test_recent_uploads_are_listed_newest_first_from_the_uploads_playlist(api, channel):
    first = upload(api, channel, metadata=with_snippet(title="First")).json()["id"]
    second = upload(api, channel, metadata=with_snippet(title="Second")).json()["id"]
    response = requests.get(
        f"{api}/youtube/v3/playlistItems",
        params={"part": "snippet", "playlistId": channel["uploads_playlist_id"], "maxResults": 10},
        headers=bearer(channel),
        timeout=5,
    )
    assert response.status_code == 200
    items = response.json()["items"]
    assert [i["snippet"]["resourceId"]["videoId"] for i in items] == [second, first]
    assert items[0]["snippet"]["title"] == "Second"
    assert items[0]["snippet"]["description"] == METADATA["snippet"]["description"]
    assert items[0]["snippet"]["publishedAt"].endswith("Z")


def test_an_unknown_playlist_is_playlist_not_found(api, channel):
    response = requests.get(
        f"{api}/youtube/v3/playlistItems",
        params={"part": "snippet", "playlistId": "UUnothing"},
        headers=bearer(channel),
        timeout=5,
    )
    assert response.status_code == 404
    assert error_reason(response) == "playlistNotFound"


def test_processing_is_reported_in_progress_then_succeeded(api, channel):
    video_id = upload(api, channel).json()["id"]

    def poll():
        response = requests.get(
            f"{api}/youtube/v3/videos",
            params={"part": "status,processingDetails", "id": video_id},
            headers=bearer(channel),
            timeout=5,
        )
        return response.json()["items"][0]

    first, second = poll(), poll()
    assert first["processingDetails"]["processingStatus"] == "processing"
    assert first["status"]["uploadStatus"] == "uploaded"
    assert second["processingDetails"]["processingStatus"] == "succeeded"
    assert second["status"]["uploadStatus"] == "processed"


# --- quota and faults ---------------------------------------------------------------------------------------


def test_the_daily_insert_quota_answers_quota_exceeded(api, channel, quota_limits):
    quota_limits["inserts"] = 1
    assert start_upload(api, channel, length=10).status_code == 200
    response = start_upload(api, channel, length=10)
    assert response.status_code == 403
    assert error_reason(response) == "quotaExceeded"
    assert response.json()["error"]["errors"][0]["domain"] == "youtube.quota"


def test_reads_share_the_daily_unit_budget(api, channel, quota_limits):
    quota_limits["units"] = 2
    params = {"part": "id", "mine": "true"}
    for _ in range(2):
        assert requests.get(f"{api}/youtube/v3/channels", params=params, headers=bearer(channel), timeout=5).ok
    response = requests.get(f"{api}/youtube/v3/channels", params=params, headers=bearer(channel), timeout=5)
    assert response.status_code == 403
    assert error_reason(response) == "quotaExceeded"


@pytest.mark.parametrize(
    ("options", "status", "reason"),
    [
        ({"status": 429}, 403, "quotaExceeded"),
        ({"kind": "quota"}, 403, "quotaExceeded"),
        ({"kind": "rate"}, 403, "rateLimitExceeded"),
        ({"kind": "userRate"}, 403, "userRateLimitExceeded"),
        ({"status": 500}, 500, "backendError"),
        ({"status": 503}, 503, "backendError"),
        ({"status": 401}, 401, "authError"),
        ({"kind": "uploadLimitExceeded"}, 403, "uploadLimitExceeded"),
        ({"kind": "invalidTitle"}, 400, "invalidTitle"),
    ],
)
def test_injected_faults_answer_in_googles_format(api, simulator, channel, options, status, reason):
    simulator.fail("google", "POST /upload/youtube/v3/videos", **options)
    response = start_upload(api, channel, length=10)
    assert response.status_code == status
    error = response.json()["error"]
    assert error["code"] == status
    assert error["errors"][0]["reason"] == reason
    assert error["message"]
    assert start_upload(api, channel, length=10).status_code == 200  # one request only


def test_a_rate_fault_with_reset_in_sends_retry_after(api, simulator, channel):
    simulator.fail("google", "GET /youtube/v3/channels", kind="rate", reset_in=30)
    response = requests.get(
        f"{api}/youtube/v3/channels", params={"part": "id", "mine": "true"}, headers=bearer(channel), timeout=5
    )
    assert response.status_code == 403
    assert response.headers["Retry-After"] == "30"
