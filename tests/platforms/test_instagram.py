"""The Instagram adapter, driven over HTTP against the simulated Graph API.

Instagram fetches media itself, so each test serves its files from a small HTTP server on
loopback, as our signed public media URLs would be served in production.
"""

import hashlib
import threading
from datetime import UTC, datetime, timedelta
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from PIL import Image

from platforms.base import (
    AuthExpired,
    Credentials,
    Draft,
    MediaItem,
    RateLimited,
    Rejected,
    Tokens,
    Transient,
)
from platforms.instagram import Instagram
from simulator.networks import facebook as facebook_sim

REDIRECT = "http://127.0.0.1:8000/accounts/instagram/callback"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture
def media_server(tmp_path):
    """Serve tmp_path over HTTP on loopback; yields the base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def adapter(sim_config):
    return Instagram(sim_config("instagram"))


@pytest.fixture
def person(simulator):
    return facebook_sim.new_account(simulator, page_name="Northside Clinic", ig_username="northside.clinic")


@pytest.fixture
def account(person):
    return Credentials(
        external_id=person["ig_id"],
        access_token=person["page_token"],
        kind="instagram_business",
        handle=person["ig_username"],
        extra={"page_id": person["page_id"]},
    )


@pytest.fixture
def consenting(simulator):
    state = simulator.store["facebook"]
    saved = state["consenting_account"]

    def consent_as(person):
        state["consenting_account"] = person["id"]

    yield consent_as
    state["consenting_account"] = saved


@pytest.fixture
def quota(simulator):
    """Change the simulated 24-hour publishing quota for one test."""
    state = simulator.store["facebook"]
    saved = state["ig_quota"]

    def set_quota(total):
        state["ig_quota"] = total

    yield set_quota
    state["ig_quota"] = saved


@pytest.fixture
def photo(tmp_path, media_server):
    def make(name="photo.jpg", size=(1080, 1080), color=(30, 120, 200), alt_text=""):
        path = tmp_path / name
        Image.new("RGB", size, color).save(path, "JPEG")
        return MediaItem(
            kind="image",
            content_type="image/jpeg",
            path=str(path),
            url=f"{media_server}/{name}",
            alt_text=alt_text,
            width=size[0],
            height=size[1],
            size_bytes=path.stat().st_size,
        )

    return make


@pytest.fixture
def clip(tmp_path, media_server):
    def make(name="clip.mp4"):
        path = tmp_path / name
        path.write_bytes(b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + bytes(range(256)) * 16)
        return MediaItem(
            kind="video",
            content_type="video/mp4",
            path=str(path),
            url=f"{media_server}/{name}",
            duration_s=12,
            size_bytes=path.stat().st_size,
        )

    return make


def sha256(item):
    return hashlib.sha256(item.read()).hexdigest()


def only_post(simulator, account):
    (post,) = simulator.posts_for("instagram", account.external_id)
    return post


# --- login ----------------------------------------------------------------------------------------


def test_the_login_dialog_also_asks_for_instagram_publishing(adapter):
    request = adapter.authorization_request(redirect_uri=REDIRECT)
    scope = parse_qs(urlsplit(request.url).query)["scope"][0].split(",")
    assert {"instagram_basic", "instagram_content_publish", "pages_show_list"} <= set(scope)


def test_login_finds_the_instagram_account_of_each_page_with_the_page_token(adapter, consenting, person):
    consenting(person)
    request = adapter.authorization_request(redirect_uri=REDIRECT)
    answer = requests.get(request.url, allow_redirects=False, timeout=5)
    code = parse_qs(urlsplit(answer.headers["Location"]).query)["code"][0]
    tokens = adapter.exchange_code(code, redirect_uri=REDIRECT)
    (identity,) = adapter.identities(tokens)
    assert identity.external_id == person["ig_id"]
    assert identity.kind == "instagram_business"
    assert identity.handle == "northside.clinic"
    assert identity.extra["page_id"] == person["page_id"]
    assert identity.access_token
    assert identity.access_token != tokens.access_token


def test_a_page_without_instagram_gives_no_identity(adapter, simulator):
    person = facebook_sim.new_account(simulator, with_instagram=False)
    assert adapter.identities(Tokens(access_token=person["access_token"])) == []


# --- validation -------------------------------------------------------------------------------------


def test_instagram_needs_at_least_one_image_or_video(adapter):
    assert [p.message for p in adapter.validate(Draft(text="Words only"))] == [
        "Instagram needs at least one image or video."
    ]


def test_a_caption_over_2200_characters_is_a_problem(adapter, photo):
    problems = adapter.validate(Draft(text="a" * 2201, media=(photo(),)))
    assert [p.message for p in problems] == ["Instagram: 2,201 of 2,200 characters"]


def test_more_than_30_hashtags_is_a_problem(adapter, photo):
    text = " ".join(f"#tag{i}" for i in range(31))
    assert [p.code for p in adapter.validate(Draft(text=text, media=(photo(),)))] == ["too_many_hashtags"]
    assert adapter.validate(Draft(text=" ".join(f"#tag{i}" for i in range(30)), media=(photo(),))) == []


def test_more_than_20_mentions_is_a_problem_but_email_addresses_are_not_mentions(adapter, photo):
    text = " ".join(f"@person{i}" for i in range(21))
    assert [p.code for p in adapter.validate(Draft(text=text, media=(photo(),)))] == ["too_many_mentions"]
    emails = " ".join(f"doc{i}@clinic.example" for i in range(25))
    assert adapter.validate(Draft(text=emails, media=(photo(),))) == []


def test_a_tall_photo_is_explained_in_plain_words(adapter, photo):
    (problem,) = adapter.validate(Draft(text="Tall", media=(photo(size=(900, 1900)),)))
    assert problem.message == (
        "Instagram: this photo is 9:19 (too tall); Instagram accepts 4:5 to 1.91:1 — crop or pad it."
    )


def test_a_wide_photo_is_too_wide(adapter, photo):
    (problem,) = adapter.validate(Draft(text="Wide", media=(photo(size=(2000, 1000)),)))
    assert "2:1 (too wide)" in problem.message


def test_the_aspect_ratio_limits_are_inclusive(adapter, photo):
    assert adapter.validate(Draft(text="4:5", media=(photo(size=(800, 1000)),))) == []
    assert adapter.validate(Draft(text="1.91:1", media=(photo(size=(1910, 1000)),))) == []


def test_eleven_items_are_too_many_for_a_carousel(adapter, photo):
    problems = adapter.validate(Draft(text="Many", media=tuple(photo(f"p{i}.jpg") for i in range(11))))
    assert [p.code for p in problems] == ["too_many_media"]


def test_png_images_must_be_converted(adapter):
    png = MediaItem(kind="image", content_type="image/png", width=1000, height=1000, size_bytes=1000)
    (problem,) = adapter.validate(Draft(text="PNG", media=(png,)))
    assert problem.code == "media_type"


def test_a_reel_shorter_than_3_seconds_is_a_problem(adapter):
    short = MediaItem(kind="video", content_type="video/mp4", duration_s=2, size_bytes=1000)
    (problem,) = adapter.validate(Draft(text="Blink", media=(short,)))
    assert problem.code == "video_too_short"


# --- publishing ---------------------------------------------------------------------------------------


def test_one_photo_is_published_with_its_caption_and_alt_text(adapter, simulator, account, photo):
    image = photo(alt_text="Our reception desk at opening time")
    caption = "We're open on Saturdays now ☀️\n\n#clinic @northside.clinic"
    published = adapter.publish(account, Draft(text=caption, media=(image,)))
    post = only_post(simulator, account)
    assert post.text == caption
    assert published.external_id == post.id
    assert published.url == post.url
    assert published.url.startswith(f"{simulator.base_url}/facebook/instagram/p/")
    assert published.request_id
    (media,) = post.media
    assert media["sha256"] == sha256(image)
    assert media["alt_text"] == "Our reception desk at opening time"


def test_a_carousel_keeps_every_item_in_order(adapter, simulator, account, photo, clip):
    items = (photo("a.jpg", color=(250, 0, 0)), clip("b.mp4"), photo("c.jpg", color=(0, 250, 0)))
    adapter.publish(account, Draft(text="A tour of the new wing", media=items))
    post = only_post(simulator, account)
    assert post.text == "A tour of the new wing"
    assert [m["sha256"] for m in post.media] == [sha256(i) for i in items]
    assert [m["kind"] for m in post.media][1] == "video"


def test_one_video_is_published_as_a_reel(adapter, simulator, account, clip):
    video = clip()
    published = adapter.publish(account, Draft(text="60 seconds on hand washing", media=(video,)))
    post = only_post(simulator, account)
    assert post.text == "60 seconds on hand washing"
    assert post.media[0]["sha256"] == sha256(video)
    assert "/reel/" in published.url


def test_the_link_joins_the_caption(adapter, simulator, account, photo):
    adapter.publish(account, Draft(text="Details", link="https://clinic.example/x", media=(photo(),)))
    assert only_post(simulator, account).text == "Details\n\nhttps://clinic.example/x"


def test_the_container_is_polled_until_it_is_finished(adapter, simulator, account, photo):
    adapter.publish(account, Draft(text="Polled", media=(photo(),)))
    polls = [r for r in simulator.requests_to("facebook", "GET /{version}/{node}") if "status_code" in str(r["query"])]
    assert len(polls) >= 2


def test_find_recent_lists_our_posts_since_a_time(adapter, account, photo):
    before = datetime.now(UTC) - timedelta(minutes=1)
    published = adapter.publish(account, Draft(text="Recent one", media=(photo(),)))
    recent = adapter.find_recent(account, before)
    assert [(p.external_id, p.text) for p in recent] == [(published.external_id, "Recent one")]
    assert adapter.find_recent(account, datetime.now(UTC) + timedelta(minutes=5)) == []


# --- quota and errors ---------------------------------------------------------------------------------------


def test_an_exhausted_publishing_quota_is_rate_limited_before_anything_is_created(
    adapter, simulator, account, photo, quota
):
    adapter.publish(account, Draft(text="First", media=(photo(),)))
    quota(1)
    with pytest.raises(RateLimited) as caught:
        adapter.publish(account, Draft(text="Second", media=(photo("b.jpg"),)))
    first = only_post(simulator, account)
    assert first.received_at + timedelta(hours=23) < caught.value.retry_at <= first.received_at + timedelta(hours=25)
    assert simulator.requests_to("facebook", "POST /{version}/{node}/media")[-1]["at"] < first.received_at.timestamp()


def test_the_quota_answer_from_media_publish_is_rate_limited(adapter, simulator, account, photo):
    simulator.fail("facebook", "POST /{version}/{node}/media_publish", status=400, kind="quota")
    with pytest.raises(RateLimited):
        adapter.publish(account, Draft(text="Over", media=(photo(),)))


def test_the_quota_answer_waits_until_the_oldest_post_of_the_day_turns_24_hours_old(adapter, simulator, account, photo):
    adapter.publish(account, Draft(text="First", media=(photo(),)))
    first = only_post(simulator, account)
    simulator.fail("facebook", "POST /{version}/{node}/media_publish", kind="quota")

    with pytest.raises(RateLimited) as caught:
        adapter.publish(account, Draft(text="Second", media=(photo("b.jpg"),)))

    # Instagram gives timestamps to the second.
    assert caught.value.retry_at == first.received_at.replace(microsecond=0) + timedelta(hours=24)
    assert caught.value.code == "9/2207042" and caught.value.request_id
    assert "maximum number of posts" in caught.value.message
    assert [p.text for p in simulator.posts_for("instagram", account.external_id)] == ["First"]


@pytest.mark.parametrize(
    "endpoint",
    [
        "GET /{version}/{node}/content_publishing_limit",
        "POST /{version}/{node}/media",
        "POST /{version}/{node}/media_publish",
    ],
)
def test_the_quota_answer_to_any_call_without_recent_posts_waits_an_hour(adapter, simulator, account, photo, endpoint):
    simulator.fail("facebook", endpoint, kind="quota")
    before = datetime.now(UTC)

    with pytest.raises(RateLimited) as caught:
        adapter.publish(account, Draft(text="Over", media=(photo(),)))

    assert before + timedelta(hours=1) <= caught.value.retry_at <= datetime.now(UTC) + timedelta(hours=1)
    assert simulator.posts_for("instagram", account.external_id) == []


def test_a_photo_instagram_cannot_fetch_is_rejected(adapter, simulator, account, photo, media_server):
    missing = MediaItem(**{**photo().__dict__, "url": f"{media_server}/gone.jpg"})
    with pytest.raises(Rejected) as caught:
        adapter.publish(account, Draft(text="Missing", media=(missing,)))
    assert caught.value.request_id
    assert simulator.posts_for("instagram", account.external_id) == []


def test_a_container_that_fails_processing_is_rejected(adapter, simulator, account, clip):
    simulator.fail("facebook", "GET /{version}/{node}", kind="processing_failed")
    with pytest.raises(Rejected, match="could not process the reel"):
        adapter.publish(account, Draft(text="Broken", media=(clip(),)))
    assert simulator.posts_for("instagram", account.external_id) == []


def test_processing_past_the_deadline_is_transient_and_publishes_nothing(simulator, sim_config, account, photo):
    adapter = Instagram(sim_config("instagram", media_processing_deadline_s=0))
    with pytest.raises(Transient) as caught:
        adapter.publish(account, Draft(text="Slow", media=(photo(),)))
    assert not caught.value.outcome_unknown
    assert simulator.posts_for("instagram", account.external_id) == []


def test_a_dead_page_token_is_auth_expired(adapter, simulator, account, photo):
    simulator.fail("facebook", "GET /{version}/{node}/content_publishing_limit", status=401)
    with pytest.raises(AuthExpired):
        adapter.publish(account, Draft(text="Hello", media=(photo(),)))


def test_throttling_is_rate_limited_until_graph_says(adapter, simulator, account, photo):
    simulator.fail("facebook", "POST /{version}/{node}/media", status=429, kind="buc", reset_in=1800)
    started = datetime.now(UTC)
    with pytest.raises(RateLimited) as caught:
        adapter.publish(account, Draft(text="Busy", media=(photo(),)))
    assert started + timedelta(minutes=29) < caught.value.retry_at < started + timedelta(minutes=32)


def test_a_server_error_while_creating_a_container_is_transient(adapter, simulator, account, photo):
    simulator.fail("facebook", "POST /{version}/{node}/media", status=500)
    with pytest.raises(Transient) as caught:
        adapter.publish(account, Draft(text="Later", media=(photo(),)))
    assert not caught.value.outcome_unknown


def test_a_connection_dropped_while_publishing_is_an_unknown_outcome(adapter, simulator, account, photo):
    simulator.fail("facebook", "POST /{version}/{node}/media_publish", drop_after_accept=True)
    with pytest.raises(Transient) as caught:
        adapter.publish(account, Draft(text="Did it go?", media=(photo(),)))
    assert caught.value.outcome_unknown
    assert account.access_token not in str(caught.value)
    assert [p.text for p in adapter.find_recent(account, datetime.now(UTC) - timedelta(minutes=1))] == ["Did it go?"]


def test_a_draft_without_public_urls_is_rejected_before_any_request(adapter, simulator, account, photo):
    local_only = MediaItem(**{**photo().__dict__, "url": ""})
    with pytest.raises(Rejected):
        adapter.publish(account, Draft(text="Local", media=(local_only,)))
    assert simulator.requests_to("facebook") == []
