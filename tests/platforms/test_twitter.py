"""The X adapter, driven over HTTP against the platform simulator."""

import hashlib
import logging
import re
import socket
import time
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from PIL import Image

from platforms import get_adapter
from platforms.base import AuthExpired, Credentials, Draft, MediaItem, RateLimited, Rejected, Tokens, Transient
from simulator.networks import twitter as x_sim

REDIRECT = "https://physsocial.example/accounts/callback/twitter/"


@pytest.fixture
def adapter(sim_config):
    return get_adapter("twitter", sim_config("twitter"))


@pytest.fixture
def user(simulator):
    return x_sim.new_account(simulator, username="dr_ada", name="Dr. Ada")


@pytest.fixture
def account(user):
    return Credentials(
        external_id=user["id"],
        access_token=user["access_token"],
        refresh_token=user["refresh_token"],
        kind="x_user",
        handle=user["username"],
    )


def image(tmp_path, name="scan.png", color="red", fmt="PNG", content_type="image/png", alt=""):
    path = tmp_path / name
    Image.new("RGB", (16, 16), color).save(path, fmt)
    return MediaItem(
        kind="image", content_type=content_type, path=str(path), alt_text=alt, size_bytes=path.stat().st_size
    )


def fake_mp4(tmp_path, size):
    data = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00" + bytes(i % 251 for i in range(size - 16))
    path = tmp_path / "tour.mp4"
    path.write_bytes(data)
    return MediaItem(kind="video", content_type="video/mp4", path=str(path), size_bytes=size, duration_s=12), data


def sha256_of(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def consent(adapter, simulator):
    request = adapter.authorization_request(redirect_uri=REDIRECT)
    answer = requests.get(request.url, allow_redirects=False)
    assert answer.status_code == 302
    params = {k: v[0] for k, v in parse_qs(urlsplit(answer.headers["Location"]).query).items()}
    return request, params


# --- OAuth -----------------------------------------------------------------------------------


def test_authorization_url_asks_for_pkce_and_offline_access(adapter, sim_config):
    request = adapter.authorization_request(redirect_uri=REDIRECT)
    assert request.url.startswith(sim_config("twitter").authorize_url + "?")
    query = {k: v[0] for k, v in parse_qs(urlsplit(request.url).query).items()}
    assert query["response_type"] == "code"
    assert query["client_id"] == "sandbox-twitter-client"
    assert query["redirect_uri"] == REDIRECT
    assert query["state"] == request.state
    assert query["code_challenge_method"] == "S256"
    assert set(query["scope"].split()) == {"tweet.read", "tweet.write", "users.read", "media.write", "offline.access"}
    assert request.verifier not in request.url


def test_code_exchange_gives_two_hour_tokens_with_a_refresh_token(adapter, simulator):
    request, params = consent(adapter, simulator)
    assert params["state"] == request.state
    before = datetime.now(UTC)
    tokens = adapter.exchange_code(params["code"], redirect_uri=REDIRECT, verifier=request.verifier)
    assert tokens.access_token and tokens.refresh_token
    assert (
        before + timedelta(hours=2) - timedelta(minutes=1)
        <= tokens.expires_at
        <= datetime.now(UTC) + timedelta(hours=2)
    )
    assert "offline.access" in tokens.scopes
    [token_request] = simulator.requests_to("twitter", "POST /2/oauth2/token")
    assert token_request["headers"]["authorization"].startswith("Basic ")


def test_code_exchange_with_the_wrong_verifier_is_rejected(adapter, simulator):
    _, params = consent(adapter, simulator)
    with pytest.raises(Rejected) as caught:
        adapter.exchange_code(params["code"], redirect_uri=REDIRECT, verifier="not-the-verifier")
    assert "verifier" in caught.value.message


def test_refresh_rotates_the_refresh_token_and_the_old_one_dies(adapter, user):
    old = Tokens(access_token=user["access_token"], refresh_token=user["refresh_token"])
    fresh = adapter.refresh(old)
    assert fresh.refresh_token and fresh.refresh_token != old.refresh_token
    assert fresh.access_token != old.access_token
    with pytest.raises(AuthExpired):
        adapter.refresh(old)
    assert adapter.refresh(fresh).access_token


def test_refresh_without_a_refresh_token_needs_reconnecting(adapter):
    with pytest.raises(AuthExpired):
        adapter.refresh(Tokens(access_token="whatever"))


def test_identities_name_the_x_user(adapter, user, simulator):
    [identity] = adapter.identities(Tokens(access_token=user["access_token"]))
    assert identity.external_id == user["id"]
    assert identity.kind == "x_user"
    assert identity.name == "Dr. Ada"
    assert identity.handle == "dr_ada"
    assert identity.avatar_url == f"{simulator.base_url}/_sim/avatars/twitter/{user['id']}.svg"


def test_identity_of_the_demo_account(adapter):
    [identity] = adapter.identities(Tokens(access_token="sandbox-twitter-access"))
    assert identity.handle == "demo_clinic"


def test_sdk_calls_keep_the_configured_path_prefix(adapter, user, simulator):
    adapter.identities(Tokens(access_token=user["access_token"]))
    [call] = simulator.requests_to("twitter", "GET /2/users/me")
    assert call["headers"]["authorization"] == f"Bearer {user['access_token']}"


# --- counting and validation -------------------------------------------------------------------


def test_links_count_23_and_emoji_and_cjk_count_2(adapter):
    assert adapter.count_text("https://example.com/a/very/long/path/that/goes/on").used == 23
    assert adapter.count_text("👩🏽‍⚕️").used == 2
    assert adapter.count_text("日本語").used == 6
    assert adapter.count_text("").used == 0


def test_text_over_280_weighted_characters_is_a_problem(adapter):
    problems = adapter.validate(Draft(text="あ" * 156))
    assert [p.message for p in problems] == ["X: 312 of 280 characters"]


def test_a_long_thread_part_is_named(adapter):
    problems = adapter.validate(Draft(text="Head", thread=("fine", "x" * 281)))
    assert [(p.field, p.message) for p in problems] == [("thread", "X: post 3 of the thread: 281 of 280 characters")]


def test_media_rules(adapter, tmp_path):
    images = tuple(image(tmp_path, f"{i}.png") for i in range(5))
    assert [p.code for p in adapter.validate(Draft(text="Hi", media=images))] == ["too_many_images"]
    video, _ = fake_mp4(tmp_path, 1000)
    assert [p.code for p in adapter.validate(Draft(text="Hi", media=(video, images[0])))] == ["media_mix"]
    long_video = MediaItem(kind="video", content_type="video/mp4", path=video.path, duration_s=300)
    assert [p.code for p in adapter.validate(Draft(text="Hi", media=(long_video,)))] == ["video_duration"]
    assert [p.code for p in adapter.validate(Draft())] == ["text_missing"]
    assert adapter.validate(Draft(text="Hi", media=images[:4])) == []


def test_unknown_reply_setting_is_a_problem(adapter):
    assert [p.code for p in adapter.validate(Draft(text="Hi", options={"reply_settings": "friends"}))] == [
        "reply_settings_invalid"
    ]


# --- publishing --------------------------------------------------------------------------------------


def test_text_post_goes_out_byte_for_byte(adapter, account, simulator):
    text = "Flu shots are in 💉 Book: https://clinic.example/flu?x=1 & bring your card"
    published = adapter.publish(account, Draft(text=text))
    [post] = simulator.posts_for("twitter", account.external_id)
    assert post.text == text
    assert post.id == published.external_id
    assert published.url == f"https://x.com/dr_ada/status/{post.id}"
    assert published.request_id


def test_one_thread_posting_for_two_accounts_posts_each_as_its_own(adapter, account, simulator, tmp_path):
    # The thread keeps one client between posts: nothing of one account may travel with the next.
    other = x_sim.new_account(simulator, username="dr_bo", name="Dr. Bo")
    bo = Credentials(other["id"], other["access_token"], other["refresh_token"], kind="x_user", handle="dr_bo")

    adapter.publish(account, Draft(text="From Ada", media=(image(tmp_path, "a.png", alt="A chart"),)))
    adapter.publish(bo, Draft(text="From Bo", media=(image(tmp_path, "b.png", "blue", alt="A graph"),)))

    assert [post.text for post in simulator.posts_for("twitter", account.external_id)] == ["From Ada"]
    assert [post.text for post in simulator.posts_for("twitter", bo.external_id)] == ["From Bo"]


def test_images_go_out_with_their_alt_text(adapter, account, simulator, tmp_path):
    media = (
        image(tmp_path, "a.png", "red", alt="Chest X-ray, normal"),
        image(tmp_path, "b.jpg", "blue", "JPEG", "image/jpeg", alt="Knee MRI"),
    )
    adapter.publish(account, Draft(text="Two scans", media=media))
    [post] = simulator.posts_for("twitter", account.external_id)
    assert [(m["kind"], m["sha256"], m["alt_text"]) for m in post.media] == [
        ("image", sha256_of(media[0].path), "Chest X-ray, normal"),
        ("image", sha256_of(media[1].path), "Knee MRI"),
    ]


def test_video_goes_out_in_chunks_after_processing(adapter, account, simulator, tmp_path):
    video, data = fake_mp4(tmp_path, 5 * 1024 * 1024 + 1234)
    adapter.publish(account, Draft(text="Clinic tour", media=(video,)))
    [post] = simulator.posts_for("twitter", account.external_id)
    assert post.media[0]["kind"] == "video"
    assert post.media[0]["sha256"] == hashlib.sha256(data).hexdigest()
    assert len(simulator.requests_to("twitter", "POST /2/media/upload/{media_id}/append")) == 2
    assert len(simulator.requests_to("twitter", "GET /2/media/upload")) >= 2


def test_gif_goes_out_as_a_tweet_gif(adapter, account, simulator, tmp_path):
    path = tmp_path / "wave.gif"
    frames = [Image.new("RGB", (8, 8), c) for c in ("red", "green")]
    frames[0].save(path, "GIF", save_all=True, append_images=frames[1:])
    gif = MediaItem(kind="gif", content_type="image/gif", path=str(path), alt_text="A waving hand")
    adapter.publish(account, Draft(text="Hello", media=(gif,)))
    [post] = simulator.posts_for("twitter", account.external_id)
    assert (post.media[0]["kind"], post.media[0]["alt_text"]) == ("gif", "A waving hand")
    [init] = simulator.requests_to("twitter", "POST /2/media/upload/initialize")
    assert b'"tweet_gif"' in init["body"]


def test_failed_processing_is_rejected_and_nothing_is_posted(adapter, account, simulator, tmp_path):
    video, _ = fake_mp4(tmp_path, 2048)
    simulator.fail("twitter", "GET /2/media/upload", kind="processing_failed")
    with pytest.raises(Rejected):
        adapter.publish(account, Draft(text="Broken video", media=(video,)))
    assert simulator.posts_for("twitter") == []


def test_processing_past_the_deadline_is_transient_and_nothing_is_posted(sim_config, account, simulator, tmp_path):
    adapter = get_adapter("twitter", sim_config("twitter", media_processing_deadline_s=0))
    video, _ = fake_mp4(tmp_path, 2048)
    with pytest.raises(Transient) as caught:
        adapter.publish(account, Draft(text="Slow video", media=(video,)))
    assert not caught.value.outcome_unknown
    assert simulator.posts_for("twitter") == []


def test_failed_upload_leaves_no_post(adapter, account, simulator, tmp_path):
    simulator.fail("twitter", "POST /2/media/upload", status=503)
    with pytest.raises(Transient) as caught:
        adapter.publish(account, Draft(text="With a picture", media=(image(tmp_path),)))
    assert not caught.value.outcome_unknown
    assert simulator.posts_for("twitter") == []


def test_reply_settings_are_sent(adapter, account, simulator):
    adapter.publish(account, Draft(text="Only people I follow", options={"reply_settings": "following"}))
    [post] = simulator.posts_for("twitter", account.external_id)
    assert post.extra["reply_settings"] == "following"


def test_thread_parts_reply_to_the_previous_post(adapter, account, simulator):
    head = adapter.publish(account, Draft(text="1/3 Heart health", thread=("2/3 Walk daily", "3/3 Sleep well")))
    posts = sorted(simulator.posts_for("twitter", account.external_id), key=lambda p: int(p.id))
    assert [p.text for p in posts] == ["1/3 Heart health", "2/3 Walk daily", "3/3 Sleep well"]
    assert posts[0].id == head.external_id
    assert [p.extra["in_reply_to_tweet_id"] for p in posts] == ["", posts[0].id, posts[1].id]


def test_a_published_thread_lists_every_parts_id_head_first(adapter, account, simulator):
    published = adapter.publish(account, Draft(text="1/3 Heart health", thread=("2/3 Walk daily", "3/3 Sleep well")))
    posts = sorted(simulator.posts_for("twitter", account.external_id), key=lambda p: int(p.id))
    assert published.part_ids == tuple(p.id for p in posts)
    assert published.external_id == published.part_ids[0]
    assert published.url.endswith(f"/status/{published.part_ids[0]}")


def test_a_single_post_lists_only_its_own_id(adapter, account, simulator):
    published = adapter.publish(account, Draft(text="Just one"))
    [post] = simulator.posts_for("twitter", account.external_id)
    assert published.part_ids == (post.id,) == (published.external_id,)


def test_a_failed_thread_part_reports_what_already_went_out(adapter, account, simulator):
    with pytest.raises(Rejected) as caught:
        adapter.publish(account, Draft(text="Same words", thread=("Second", "Same words")))
    posts = sorted(simulator.posts_for("twitter", account.external_id), key=lambda p: int(p.id))
    assert [p.external_id for p in caught.value.published] == [p.id for p in posts]
    assert [p.text for p in posts] == ["Same words", "Second"]
    # Resuming replies to the last part that went out; the head is not posted again.
    last = caught.value.published[-1].external_id
    adapter.publish(account, Draft(text="Third", options={"in_reply_to": last}))
    third = simulator.posts_for("twitter", account.external_id)[-1]
    assert third.extra["in_reply_to_tweet_id"] == last


# --- errors -----------------------------------------------------------------------------------------


def test_expired_token_is_auth_expired(adapter, account, simulator):
    simulator.tokens.expire_access_tokens("twitter", account.external_id)
    with pytest.raises(AuthExpired) as caught:
        adapter.publish(account, Draft(text="Hello"))
    assert account.access_token not in str(caught.value)
    assert caught.value.request_id


def test_unauthorized_fault_is_auth_expired(adapter, account, simulator):
    simulator.fail("twitter", "POST /2/tweets", status=401)
    with pytest.raises(AuthExpired):
        adapter.publish(account, Draft(text="Hello"))


def test_rate_limit_waits_for_x_rate_limit_reset(adapter, account, simulator):
    simulator.fail("twitter", "POST /2/tweets", status=429, reset_in=600)
    before = time.time()
    with pytest.raises(RateLimited) as caught:
        adapter.publish(account, Draft(text="Hello"))
    assert before + 598 <= caught.value.retry_at.timestamp() <= time.time() + 601
    assert caught.value.request_id


def test_daily_cap_waits_for_the_24_hour_reset_not_the_15_minute_one(adapter, account, simulator):
    simulator.fail("twitter", "POST /2/tweets", status=429, kind="user_24h", reset_in=20000)
    with pytest.raises(RateLimited) as caught:
        adapter.publish(account, Draft(text="Hello"))
    assert caught.value.retry_at.timestamp() >= time.time() + 19000


def test_usage_cap_is_rate_limited_not_rejected(adapter, account, simulator):
    simulator.fail("twitter", "POST /2/tweets", status=429, kind="usage_capped", reset_in=3600)
    with pytest.raises(RateLimited):
        adapter.publish(account, Draft(text="Hello"))


def test_duplicate_is_rejected_as_duplicate(adapter, account, simulator):
    simulator.fail("twitter", "POST /2/tweets", status=403, kind="duplicate")
    with pytest.raises(Rejected) as caught:
        adapter.publish(account, Draft(text="Hello"))
    assert caught.value.code == "duplicate"
    assert "duplicate" in caught.value.message


def test_a_refusal_and_a_server_error_keep_xs_words_and_transaction_id(adapter, account, simulator):
    simulator.fail("twitter", "POST /2/tweets", status=403, kind="duplicate")
    with pytest.raises(Rejected) as refused:
        adapter.publish(account, Draft(text="Hello"))
    simulator.fail("twitter", "POST /2/tweets", status=503)
    with pytest.raises(Transient) as failed:
        adapter.publish(account, Draft(text="Hello"))
    for caught in (refused, failed):
        assert caught.value.message.startswith("X: ") and len(caught.value.message) > len("X: ")
        assert re.fullmatch(r"[0-9a-f]{16}", caught.value.request_id)


@pytest.mark.parametrize("status", [500, 503])
def test_server_errors_are_transient(adapter, account, simulator, status):
    simulator.fail("twitter", "POST /2/tweets", status=status)
    with pytest.raises(Transient) as caught:
        adapter.publish(account, Draft(text="Hello"))
    assert not caught.value.outcome_unknown
    assert caught.value.status == status


def test_dropped_answer_after_accepting_is_an_unknown_outcome_found_by_find_recent(adapter, account, simulator):
    since = datetime.now(UTC) - timedelta(seconds=5)
    simulator.fail("twitter", "POST /2/tweets", drop_after_accept=True)
    with pytest.raises(Transient) as caught:
        adapter.publish(account, Draft(text="Did it go out? https://clinic.example/a"))
    assert caught.value.outcome_unknown
    [found] = adapter.find_recent(account, since)
    assert found.text == "Did it go out? https://clinic.example/a"
    assert found.external_id == simulator.posts_for("twitter")[0].id


def test_slow_answer_is_an_unknown_outcome(sim_config, account, simulator):
    adapter = get_adapter("twitter", sim_config("twitter", timeout_s=0.2))
    simulator.fail("twitter", "POST /2/tweets", delay_s=0.6)
    with pytest.raises(Transient) as caught:
        adapter.publish(account, Draft(text="Slow"))
    assert caught.value.outcome_unknown


def test_unreachable_network_is_transient_with_a_known_outcome(sim_config, account):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    adapter = get_adapter("twitter", sim_config("twitter", api_url=f"http://127.0.0.1:{port}/twitter"))
    with pytest.raises(Transient) as caught:
        adapter.publish(account, Draft(text="Nobody home"))
    assert not caught.value.outcome_unknown


def test_find_recent_lists_posts_since_a_time_newest_first_with_media_links_removed(
    adapter, account, simulator, tmp_path
):
    adapter.publish(account, Draft(text="First"))
    adapter.publish(account, Draft(text="Second with a picture", media=(image(tmp_path),)))
    found = adapter.find_recent(account, datetime.now(UTC) - timedelta(minutes=1))
    assert [p.text for p in found] == ["Second with a picture", "First"]
    assert all(p.created_at is not None and p.url.startswith("https://x.com/dr_ada/status/") for p in found)
    assert adapter.find_recent(account, datetime.now(UTC) + timedelta(minutes=1)) == []


def test_tokens_stay_out_of_debug_logs(adapter, account, caplog, tmp_path):
    with caplog.at_level(logging.DEBUG):
        adapter.publish(account, Draft(text="Quiet", media=(image(tmp_path),)))
    assert account.access_token not in caplog.text
    assert "Quiet" not in caplog.text


def test_a_wrong_app_secret_is_rejected_not_a_reconnect(sim_config, user):
    adapter = get_adapter("twitter", sim_config("twitter", client_secret="wrong"))
    with pytest.raises(Rejected) as caught:
        adapter.refresh(Tokens(access_token=user["access_token"], refresh_token=user["refresh_token"]))
    assert "wrong" not in str(caught.value)


def test_a_success_that_does_not_name_the_post_leaves_the_outcome_unknown(sim_config, account, captive_portal):
    adapter = get_adapter("twitter", sim_config("twitter", api_url=captive_portal))
    with pytest.raises(Transient) as caught:
        adapter.publish(account, Draft(text="Hello"))
    assert caught.value.outcome_unknown
    assert caught.value.message == "X answered HTTP 200 without the new id."


def test_a_token_answer_without_a_token_is_transient(sim_config, captive_portal):
    adapter = get_adapter("twitter", sim_config("twitter", api_url=captive_portal))
    with pytest.raises(Transient, match="X answered HTTP 200 without a token."):
        adapter.exchange_code("code", redirect_uri=REDIRECT, verifier="v" * 43)
