"""The YouTube adapter, driven over HTTP against the platform simulator (Google OAuth and YouTube Data API)."""

import hashlib
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from PIL import Image

from platforms.base import (
    AuthExpired,
    Credentials,
    Draft,
    MediaItem,
    Published,
    RateLimited,
    Rejected,
    Tokens,
    Transient,
)
from platforms.youtube import YouTube, next_pacific_midnight
from simulator.networks import google

UPLOAD = "POST /upload/youtube/v3/videos"
PUT = "PUT /upload/youtube/v3/videos"


@pytest.fixture
def adapter(sim_config):
    return YouTube(sim_config("youtube"))


@pytest.fixture
def channel(simulator):
    return google.new_account(simulator, name="Dr. Ada's Clinic")


@pytest.fixture
def account(channel):
    return Credentials(
        external_id=channel["id"],
        access_token=channel["access_token"],
        refresh_token=channel["refresh_token"],
        kind="youtube_channel",
        extra={"uploads_playlist_id": channel["uploads_playlist_id"]},
    )


@pytest.fixture
def video(tmp_path):
    # Fake MP4 bytes: the simulator does not decode video. 600 KB, so a cut upload has something to resume.
    data = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 2400
    path = tmp_path / "clip.mp4"
    path.write_bytes(data)
    return MediaItem(kind="video", content_type="video/mp4", path=str(path), size_bytes=len(data))


@pytest.fixture
def thumbnail(tmp_path):
    path = tmp_path / "thumb.jpg"
    Image.new("RGB", (1280, 720), (0, 90, 160)).save(path, "JPEG")
    return MediaItem(kind="image", content_type="image/jpeg", path=str(path), size_bytes=path.stat().st_size)


def sha256_of(item: MediaItem) -> str:
    return hashlib.sha256(item.read()).hexdigest()


def draft_with(video, text="Five stretches for desk workers.\nDo them hourly.", **options):
    return Draft(text=text, media=(video,), options={"title": "Desk stretches", **options})


# --- OAuth -------------------------------------------------------------------------------------------------


def connect(adapter, simulator):
    request = adapter.authorization_request(redirect_uri="http://localhost:8000/connect/youtube/callback")
    answer = requests.get(request.url, allow_redirects=False)
    assert answer.status_code == 302
    query = parse_qs(urlsplit(answer.headers["Location"]).query)
    assert query["state"] == [request.state]
    return request, query["code"][0]


def test_consent_url_asks_for_offline_access_with_pkce(adapter, simulator):
    request = adapter.authorization_request(redirect_uri="http://localhost/cb")
    url = urlsplit(request.url)
    assert f"{url.scheme}://{url.netloc}{url.path}" == f"{simulator.base_url}/google/o/oauth2/v2/auth"
    query = parse_qs(url.query)
    assert query["access_type"] == ["offline"] and query["prompt"] == ["consent"]
    assert query["code_challenge_method"] == ["S256"] and query["code_challenge"][0]
    assert query["scope"][0].split() == [
        "https://www.googleapis.com/auth/youtube.upload",
        "https://www.googleapis.com/auth/youtube.readonly",
    ]
    assert request.verifier and request.verifier not in repr(request)


def test_connecting_gives_tokens_and_the_channel_with_its_uploads_playlist(adapter, simulator):
    request, code = connect(adapter, simulator)
    tokens = adapter.exchange_code(
        code, redirect_uri="http://localhost:8000/connect/youtube/callback", verifier=request.verifier
    )
    assert tokens.access_token and tokens.refresh_token
    assert tokens.expires_at > datetime.now(UTC) + timedelta(minutes=50)
    [identity] = adapter.identities(tokens)
    assert identity.external_id == google.DEMO_CHANNEL_ID
    assert identity.kind == "youtube_channel" and identity.name
    assert identity.extra["uploads_playlist_id"].startswith("UU")


def test_a_wrong_pkce_verifier_is_refused(adapter, simulator):
    _, code = connect(adapter, simulator)
    with pytest.raises(Rejected) as caught:
        adapter.exchange_code(code, redirect_uri="http://localhost:8000/connect/youtube/callback", verifier="x" * 50)
    assert caught.value.code == "invalid_grant"


def test_refresh_gives_a_new_access_token_and_keeps_the_refresh_token(adapter, channel):
    fresh = adapter.refresh(Tokens(access_token=channel["access_token"], refresh_token=channel["refresh_token"]))
    assert fresh.access_token != channel["access_token"]
    assert fresh.refresh_token == channel["refresh_token"]
    assert adapter.identities(fresh)[0].external_id == channel["id"]


def test_refresh_of_a_revoked_grant_needs_reconnecting(adapter, simulator, channel):
    simulator.tokens.revoke_account("google", channel["id"])
    with pytest.raises(AuthExpired) as caught:
        adapter.refresh(Tokens(access_token=channel["access_token"], refresh_token=channel["refresh_token"]))
    assert channel["refresh_token"] not in str(caught.value)


def test_identities_with_a_dead_token_need_reconnecting(adapter):
    with pytest.raises(AuthExpired) as caught:
        adapter.identities(Tokens(access_token="not-a-token"))
    assert caught.value.status == 401 and "not-a-token" not in str(caught.value)


# --- validation -------------------------------------------------------------------------------------------


def test_validation_speaks_plainly(adapter, video):
    assert adapter.validate(draft_with(video)) == []
    problems = {p.code: p.message for p in adapter.validate(Draft(text="Hi", options={"title": "x" * 101}))}
    assert problems["title_too_long"] == "YouTube: title is 101 of 100 characters."
    assert problems["video_missing"] == "YouTube needs a video."
    codes = [p.code for p in adapter.validate(draft_with(video, text="é" * 2501, title="a <b>", tags=["t" * 501]))]
    assert codes == ["title_invalid_characters", "text_too_long", "tags_too_long"]


def test_tags_are_counted_as_youtube_counts_them(adapter, video):
    # 248 + 2 quotes + 1 comma + 249 = 500: at the limit.
    assert adapter.validate(draft_with(video, tags=["a b" + "c" * 245, "d" * 249])) == []
    assert adapter.validate(draft_with(video, tags=["a b" + "c" * 246, "d" * 249]))[0].code == "tags_too_long"


# --- publishing --------------------------------------------------------------------------------------------


def test_a_video_goes_up_with_its_metadata_to_the_configured_base_url(adapter, simulator, account, video):
    draft = draft_with(video, tags=["health", "desk work"], category="27", privacy="unlisted", made_for_kids=False)
    published = adapter.publish(account, draft)
    [post] = simulator.posts_for("youtube", account.external_id)
    assert published == Published(external_id=post.id, url=f"https://www.youtube.com/watch?v={post.id}")
    assert post.extra["title"] == "Desk stretches"
    assert post.extra["description"] == "Five stretches for desk workers.\nDo them hourly."
    assert post.extra["tags"] == ["health", "desk work"]
    assert (post.extra["category"], post.extra["privacy"], post.extra["madeForKids"]) == ("27", "unlisted", False)
    assert post.media[0]["sha256"] == sha256_of(video) and post.media[0]["size"] == video.size_bytes
    [start] = simulator.requests_to("google", UPLOAD)
    assert start["query"]["uploadType"] == ["resumable"]
    assert start["headers"]["x-upload-content-length"] == str(video.size_bytes)
    assert start["headers"]["x-upload-content-type"] == "video/mp4"


def test_made_for_kids_is_declared_and_the_upload_carries_the_bearer_token(adapter, simulator, account, video):
    adapter.publish(account, draft_with(video, made_for_kids=True))
    [post] = simulator.posts_for("youtube")
    assert post.extra["madeForKids"] is True
    [start] = simulator.requests_to("google", UPLOAD)
    assert start["headers"]["authorization"] == f"Bearer {account.access_token}"


def test_a_scheduled_video_is_private_until_publish_at(adapter, simulator, account, video):
    at = datetime(2030, 1, 2, 15, 30, tzinfo=UTC)
    adapter.publish(account, draft_with(video, publish_at=at, privacy="public"))
    [post] = simulator.posts_for("youtube")
    assert post.extra["privacy"] == "private"
    assert post.extra["publishAt"] == "2030-01-02T15:30:00.000Z"


def test_the_thumbnail_is_set_on_the_new_video(adapter, simulator, account, video, thumbnail):
    adapter.publish(account, Draft(text="Hello", media=(video, thumbnail), options={"title": "T"}))
    [post] = simulator.posts_for("youtube")
    assert post.extra["thumbnail_sha256"] == sha256_of(thumbnail)


def test_a_refused_thumbnail_does_not_undo_the_published_video(adapter, simulator, account, video, thumbnail):
    simulator.fail("google", "POST /upload/youtube/v3/thumbnails/set", status=500)
    published = adapter.publish(account, Draft(text="Hello", media=(video, thumbnail), options={"title": "T"}))
    [post] = simulator.posts_for("youtube")
    assert post.id == published.external_id and post.extra["thumbnail_sha256"] is None


def test_an_upload_resumes_where_a_dropped_connection_left_it(adapter, simulator, account, video):
    simulator.fail("google", PUT, kind="cut")
    published = adapter.publish(account, draft_with(video))
    [post] = simulator.posts_for("youtube")
    assert post.id == published.external_id
    assert post.media[0]["sha256"] == sha256_of(video)
    assert len(simulator.requests_to("google", UPLOAD)) == 1  # resumed, never restarted
    ranges = [r["headers"].get("content-range") for r in simulator.requests_to("google", PUT)]
    half = video.size_bytes // 2  # the cut connection delivered the first half
    assert ranges == [
        f"bytes 0-{video.size_bytes - 1}/{video.size_bytes}",
        f"bytes */{video.size_bytes}",
        f"bytes {half}-{video.size_bytes - 1}/{video.size_bytes}",
    ]


def test_a_lost_final_answer_is_recovered_by_asking_for_the_upload_status(adapter, simulator, account, video):
    simulator.fail("google", PUT, drop_after_accept=True)
    published = adapter.publish(account, draft_with(video))
    [post] = simulator.posts_for("youtube")
    assert post.id == published.external_id
    assert len(simulator.requests_to("google", UPLOAD)) == 1


def test_a_server_error_mid_upload_resumes_instead_of_restarting(adapter, simulator, account, video):
    simulator.fail("google", PUT, status=503)
    adapter.publish(account, draft_with(video))
    assert len(simulator.posts_for("youtube")) == 1
    assert len(simulator.requests_to("google", UPLOAD)) == 1


def test_an_upload_that_keeps_breaking_off_has_an_unknown_outcome(adapter, simulator, account, video):
    simulator.fail("google", PUT, kind="cut", times=None)
    with pytest.raises(Transient) as caught:
        adapter.publish(account, draft_with(video))
    assert caught.value.outcome_unknown is True


def test_a_server_error_before_the_upload_starts_is_transient_and_nothing_exists(adapter, simulator, account, video):
    simulator.fail("google", UPLOAD, status=500)
    with pytest.raises(Transient) as caught:
        adapter.publish(account, draft_with(video))
    assert caught.value.outcome_unknown is False
    assert simulator.posts_for("youtube") == []


def test_exhausted_quota_waits_until_midnight_pacific(adapter, simulator, account, video):
    simulator.fail("google", UPLOAD, status=429)
    with pytest.raises(RateLimited) as caught:
        adapter.publish(account, draft_with(video))
    assert caught.value.retry_at == google.reset_at() == next_pacific_midnight()
    assert caught.value.code == "quotaExceeded"


def test_a_short_rate_limit_waits_for_retry_after(adapter, simulator, account, video):
    simulator.fail("google", UPLOAD, kind="rate", status=403, reset_in=120)
    before = datetime.now(UTC)
    with pytest.raises(RateLimited) as caught:
        adapter.publish(account, draft_with(video))
    assert before + timedelta(seconds=119) <= caught.value.retry_at <= datetime.now(UTC) + timedelta(seconds=121)


def test_an_expired_access_token_is_auth_expired(adapter, simulator, account, video):
    simulator.tokens.expire_access_tokens("google", account.external_id)
    with pytest.raises(AuthExpired) as caught:
        adapter.publish(account, draft_with(video))
    assert account.access_token not in str(caught.value)
    assert simulator.posts_for("youtube") == []


def test_a_channel_over_its_daily_upload_limit_waits_24_hours(adapter, simulator, account, video):
    simulator.fail("google", UPLOAD, kind="uploadLimitExceeded")
    before = datetime.now(UTC)

    with pytest.raises(RateLimited) as caught:
        adapter.publish(account, draft_with(video))

    assert caught.value.code == "uploadLimitExceeded"
    assert before + timedelta(hours=24) <= caught.value.retry_at <= datetime.now(UTC) + timedelta(hours=24)
    assert simulator.posts_for("youtube") == []


@pytest.mark.parametrize("kind", ["invalidTitle", "invalidDescription", "invalidTags"])
def test_refusals_keep_youtubes_reason(adapter, simulator, account, video, kind):
    simulator.fail("google", UPLOAD, status=400, kind=kind)
    with pytest.raises(Rejected) as caught:
        adapter.publish(account, draft_with(video))
    assert caught.value.code == kind
    assert caught.value.message.startswith("YouTube: ")


def test_a_refusal_keeps_googles_error_reason_as_its_reference(adapter, simulator, account, video):
    simulator.fail("google", UPLOAD, status=400, kind="invalidTitle")
    with pytest.raises(Rejected) as caught:
        adapter.publish(account, draft_with(video))
    assert caught.value.status == 400
    assert caught.value.request_id.endswith("/invalidTitle")
    assert len(caught.value.message) > len("YouTube: ")


def test_an_invalid_draft_is_rejected_before_anything_is_sent(adapter, simulator, account):
    with pytest.raises(Rejected):
        adapter.publish(account, Draft(text="no video", options={"title": "t"}))
    assert simulator.requests_to("google") == []


def test_an_unreachable_api_is_transient(sim_config, account, video):
    adapter = YouTube(sim_config("youtube", api_url="http://127.0.0.1:9/google"))
    with pytest.raises(Transient) as caught:
        adapter.publish(account, draft_with(video))
    assert caught.value.outcome_unknown is False


# --- reconciliation ---------------------------------------------------------------------------------------


def test_find_recent_lists_uploads_since_a_time_with_their_description(adapter, simulator, account, video):
    since = datetime.now(UTC) - timedelta(minutes=1)
    first = adapter.publish(account, draft_with(video, text="First video"))
    second = adapter.publish(account, draft_with(video, text="Second video"))
    recent = adapter.find_recent(account, since)
    assert [(p.external_id, p.text) for p in recent] == [
        (second.external_id, "Second video"),
        (first.external_id, "First video"),
    ]
    assert recent[0].url == f"https://www.youtube.com/watch?v={second.external_id}"
    assert adapter.find_recent(account, datetime.now(UTC) + timedelta(minutes=1)) == []


def test_find_recent_works_from_the_channel_id_alone(adapter, simulator, channel, video):
    account = Credentials(external_id=channel["id"], access_token=channel["access_token"])
    adapter.publish(account, draft_with(video))
    assert len(adapter.find_recent(account, datetime.now(UTC) - timedelta(minutes=1))) == 1


def test_an_answer_that_breaks_off_is_transient(sim_config, broken_answers):
    adapter = YouTube(sim_config("youtube", api_url=broken_answers))
    with pytest.raises(Transient, match="could not reach the API"):
        adapter.identities(Tokens(access_token="token"))


@pytest.fixture
def nameless_upload_server():
    """Starts a resumable session as Google does, then finishes it with 200 and an empty body,
    as a proxy's page answering for Google might."""
    from http.server import BaseHTTPRequestHandler

    from tests.platforms.conftest import _serve

    class Nameless(BaseHTTPRequestHandler):
        def _drain(self):
            self.rfile.read(int(self.headers.get("Content-Length") or 0))

        def do_POST(self):  # noqa: N802 - http.server's naming
            self._drain()
            self.send_response(200)
            self.send_header("Location", f"http://127.0.0.1:{self.server.server_address[1]}/session/1")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def do_PUT(self):  # noqa: N802 - http.server's naming
            self._drain()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"{}")

        def log_message(self, *args):
            pass

    yield from _serve(Nameless)


def test_an_upload_answered_without_a_video_id_is_an_unknown_outcome(sim_config, nameless_upload_server, video):
    adapter = YouTube(sim_config("youtube", api_url=nameless_upload_server))
    account = Credentials(external_id="UC-demo", access_token="token")

    with pytest.raises(Transient) as caught:
        adapter.publish(account, draft_with(video))

    assert caught.value.outcome_unknown
    assert caught.value.message == "YouTube finished the upload without naming the new video."
