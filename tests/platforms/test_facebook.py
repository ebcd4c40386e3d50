"""The Facebook Pages adapter, driven over HTTP against the simulated Graph API."""

import hashlib
import socket
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
    RateLimited,
    Rejected,
    Tokens,
    Transient,
)
from platforms.facebook import Facebook
from simulator.networks import facebook as facebook_sim

REDIRECT = "http://127.0.0.1:8000/accounts/facebook/callback"


@pytest.fixture
def adapter(sim_config):
    return Facebook(sim_config("facebook"))


@pytest.fixture
def person(simulator):
    return facebook_sim.new_account(simulator, page_name="Northside Clinic")


@pytest.fixture
def page(person):
    return Credentials(
        external_id=person["page_id"], access_token=person["page_token"], kind="facebook_page", handle=""
    )


@pytest.fixture
def consenting(simulator):
    """Make the simulated dialog consent as a given person, and put the demo person back after."""
    state = simulator.store["facebook"]
    saved = state["consenting_account"]

    def consent_as(person):
        state["consenting_account"] = person["id"]

    yield consent_as
    state["consenting_account"] = saved


def image(tmp_path, name="photo.jpg", size=(1200, 900), color=(200, 30, 30), fmt="JPEG"):
    path = tmp_path / name
    Image.new("RGB", size, color).save(path, fmt)
    content_type = {"JPEG": "image/jpeg", "PNG": "image/png"}[fmt]
    return MediaItem(
        kind="image",
        content_type=content_type,
        path=str(path),
        width=size[0],
        height=size[1],
        size_bytes=path.stat().st_size,
    )


def video(tmp_path, name="clip.mp4"):
    path = tmp_path / name
    path.write_bytes(b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 4096)
    return MediaItem(kind="video", content_type="video/mp4", path=str(path), size_bytes=path.stat().st_size)


def sha256(item):
    return hashlib.sha256(item.read()).hexdigest()


def only_post(simulator, page):
    (post,) = simulator.posts_for("facebook", page.external_id)
    return post


def log_in(adapter, consenting, person):
    consenting(person)
    request = adapter.authorization_request(redirect_uri=REDIRECT)
    answer = requests.get(request.url, allow_redirects=False, timeout=5)
    assert answer.status_code in (302, 303)
    query = parse_qs(urlsplit(answer.headers["Location"]).query)
    assert query["state"] == [request.state]
    return query["code"][0]


# --- login ----------------------------------------------------------------------------------------


def test_the_login_dialog_asks_for_page_publishing_with_a_state(adapter, sim_config):
    request = adapter.authorization_request(redirect_uri=REDIRECT)
    parts = urlsplit(request.url)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert request.url.startswith(sim_config("facebook").www_url + "/v24.0/dialog/oauth?")
    assert query["client_id"] == "sandbox-facebook-app"
    assert query["redirect_uri"] == REDIRECT
    assert query["state"] == request.state
    assert set(query["scope"].split(",")) >= {"pages_show_list", "pages_manage_posts", "pages_read_engagement"}
    assert "instagram_content_publish" not in query["scope"]


def test_login_gives_a_long_lived_token_and_the_pages_with_their_own_tokens(adapter, consenting, person):
    code = log_in(adapter, consenting, person)
    tokens = adapter.exchange_code(code, redirect_uri=REDIRECT)
    assert tokens.expires_at is not None
    assert tokens.expires_at > datetime.now(UTC) + timedelta(days=30)
    assert tokens.refresh_token == ""
    (identity,) = adapter.identities(tokens)
    assert identity.external_id == person["page_id"]
    assert identity.kind == "facebook_page"
    assert identity.name == "Northside Clinic"
    assert identity.access_token
    assert identity.access_token != tokens.access_token
    assert identity.access_token not in repr(identity)


def test_the_page_token_from_login_can_publish(adapter, simulator, consenting, person):
    tokens = adapter.exchange_code(log_in(adapter, consenting, person), redirect_uri=REDIRECT)
    (identity,) = adapter.identities(tokens)
    account = Credentials(external_id=identity.external_id, access_token=identity.access_token)
    adapter.publish(account, Draft(text="Hello from login"))
    assert only_post(simulator, account).text == "Hello from login"


def test_a_code_works_once(adapter, consenting, person):
    code = log_in(adapter, consenting, person)
    adapter.exchange_code(code, redirect_uri=REDIRECT)
    with pytest.raises((Rejected, AuthExpired)):
        adapter.exchange_code(code, redirect_uri=REDIRECT)


def test_a_code_with_another_redirect_uri_is_refused(adapter, consenting, person):
    code = log_in(adapter, consenting, person)
    with pytest.raises((Rejected, AuthExpired)):
        adapter.exchange_code(code, redirect_uri="http://127.0.0.1:8000/elsewhere")


def test_graph_cannot_refresh_so_refresh_asks_to_reconnect(adapter, person):
    with pytest.raises(AuthExpired, match="reconnect"):
        adapter.refresh(Tokens(access_token=person["access_token"]))


def test_the_demo_user_token_lists_the_demo_page(adapter):
    identities = adapter.identities(Tokens(access_token="sandbox-facebook-access"))
    assert [i.name for i in identities] == ["Demo Clinic"]


# --- validation -------------------------------------------------------------------------------------


def test_a_message_over_63206_characters_is_a_problem(adapter):
    problems = adapter.validate(Draft(text="a" * 63_207))
    assert [p.message for p in problems] == ["Facebook: 63,207 of 63,206 characters"]


def test_a_message_of_exactly_63206_characters_is_fine(adapter):
    assert adapter.validate(Draft(text="a" * 63_206)) == []


def test_an_empty_post_is_a_problem(adapter):
    assert [p.code for p in adapter.validate(Draft())] == ["empty"]


def test_photos_and_a_video_cannot_share_a_post(adapter, tmp_path):
    draft = Draft(text="Both", media=(image(tmp_path), video(tmp_path)))
    assert [p.code for p in adapter.validate(draft)] == ["mixed_media"]


def test_a_photo_over_10_mb_is_a_problem(adapter):
    big = MediaItem(kind="image", content_type="image/jpeg", size_bytes=12 * 1024 * 1024)
    (problem,) = adapter.validate(Draft(text="Big", media=(big,)))
    assert problem.message == "Facebook: the photo is 12 MB; the limit is 10 MB."


def test_an_unsupported_image_type_is_a_problem(adapter):
    webp = MediaItem(kind="image", content_type="image/webp", size_bytes=1000)
    (problem,) = adapter.validate(Draft(text="Webp", media=(webp,)))
    assert problem.code == "media_type"
    assert "image/webp" in problem.message


# --- publishing ---------------------------------------------------------------------------------------


def test_text_reaches_the_page_byte_for_byte(adapter, simulator, page):
    text = "Flu clinic Saturday 9–12 🩺\nWalk-ins welcome — bring your card.\n\n#flu"
    published = adapter.publish(page, Draft(text=text))
    post = only_post(simulator, page)
    assert post.text == text
    assert published.external_id == post.id
    assert published.url == post.url
    assert published.request_id


def test_a_link_post_sends_the_link_separately(adapter, simulator, page):
    adapter.publish(page, Draft(text="Our new hours", link="https://clinic.example/hours"))
    post = only_post(simulator, page)
    assert post.text == "Our new hours"
    assert post.body["link"] == "https://clinic.example/hours"


def test_one_photo_is_uploaded_with_its_alt_text(adapter, simulator, page, tmp_path):
    photo = image(tmp_path)
    photo = MediaItem(**{**photo.__dict__, "alt_text": "A nurse preparing a flu shot"})
    published = adapter.publish(page, Draft(text="Shots are in", media=(photo,)))
    post = only_post(simulator, page)
    assert post.text == "Shots are in"
    assert published.external_id == post.id
    (media,) = post.media
    assert media["sha256"] == sha256(photo)
    assert media["alt_text"] == "A nurse preparing a flu shot"
    assert media["content_type"] == "image/jpeg"


def test_several_photos_become_one_post_with_every_photo(adapter, simulator, page, tmp_path):
    photos = tuple(image(tmp_path, f"p{i}.jpg", color=(i * 60, 10, 10)) for i in range(3))
    adapter.publish(page, Draft(text="Our new waiting room", media=photos))
    post = only_post(simulator, page)
    assert post.text == "Our new waiting room"
    assert [m["sha256"] for m in post.media] == [sha256(p) for p in photos]


def test_a_photo_post_keeps_the_link_in_the_text(adapter, simulator, page, tmp_path):
    adapter.publish(page, Draft(text="Read more", link="https://clinic.example/a", media=(image(tmp_path),)))
    assert only_post(simulator, page).text == "Read more\n\nhttps://clinic.example/a"


def test_a_video_is_uploaded_with_its_description_and_title(adapter, simulator, page, tmp_path):
    clip = video(tmp_path)
    published = adapter.publish(page, Draft(text="How we sterilise", media=(clip,), options={"title": "Sterilising"}))
    post = only_post(simulator, page)
    assert post.text == "How we sterilise"
    assert post.media[0]["sha256"] == sha256(clip)
    assert published.external_id
    assert published.url.startswith(f"{simulator.base_url}/facebook/")


def test_find_recent_lists_our_posts_since_a_time(adapter, simulator, page):
    before = datetime.now(UTC) - timedelta(minutes=1)
    first = adapter.publish(page, Draft(text="One"))
    second = adapter.publish(page, Draft(text="Two"))
    recent = adapter.find_recent(page, before)
    assert {(p.external_id, p.text) for p in recent} == {(first.external_id, "One"), (second.external_id, "Two")}
    assert all(p.created_at is not None for p in recent)
    assert adapter.find_recent(page, datetime.now(UTC) + timedelta(minutes=5)) == []


# --- errors ----------------------------------------------------------------------------------------------


FEED = "POST /{version}/{node}/feed"


@pytest.mark.parametrize("kind", ["", "page", "buc"])
def test_throttling_is_rate_limited_until_graph_says(adapter, simulator, page, kind):
    simulator.fail("facebook", FEED, status=429, kind=kind, reset_in=600)
    started = datetime.now(UTC)
    with pytest.raises(RateLimited) as caught:
        adapter.publish(page, Draft(text="Too soon"))
    assert started + timedelta(minutes=9) < caught.value.retry_at < started + timedelta(minutes=12)
    assert caught.value.request_id
    assert simulator.posts_for("facebook", page.external_id) == []


def test_a_server_error_is_transient(adapter, simulator, page):
    simulator.fail("facebook", FEED, status=503)
    with pytest.raises(Transient) as caught:
        adapter.publish(page, Draft(text="Later"))
    assert not caught.value.outcome_unknown
    assert caught.value.request_id


def test_a_dead_page_token_is_auth_expired(adapter, simulator, page):
    simulator.fail("facebook", FEED, kind="password_changed", status=400)
    with pytest.raises(AuthExpired) as caught:
        adapter.publish(page, Draft(text="Hello"))
    assert caught.value.code.startswith("190")


def test_an_expired_token_is_auth_expired(adapter, simulator, page):
    simulator.fail("facebook", FEED, status=401)
    with pytest.raises(AuthExpired):
        adapter.publish(page, Draft(text="Hello"))


def test_a_duplicate_is_rejected_with_graphs_words_and_trace_id(adapter, simulator, page):
    simulator.fail("facebook", FEED, status=400, kind="duplicate")
    with pytest.raises(Rejected) as caught:
        adapter.publish(page, Draft(text="Same again"))
    assert caught.value.code == "506"
    assert "identical" in caught.value.message
    assert caught.value.request_id


def test_missing_permission_is_rejected(adapter, simulator, page):
    simulator.fail("facebook", FEED, status=403)
    with pytest.raises(Rejected) as caught:
        adapter.publish(page, Draft(text="Hello"))
    assert caught.value.code.startswith("200")


def test_a_connection_dropped_after_posting_is_an_unknown_outcome(adapter, simulator, page):
    simulator.fail("facebook", FEED, drop_after_accept=True)
    with pytest.raises(Transient) as caught:
        adapter.publish(page, Draft(text="Did it go?"))
    assert caught.value.outcome_unknown
    assert page.access_token not in str(caught.value)
    assert only_post(simulator, page).text == "Did it go?"
    assert [p.text for p in adapter.find_recent(page, datetime.now(UTC) - timedelta(minutes=1))] == ["Did it go?"]


def test_a_slow_answer_is_an_unknown_outcome(simulator, sim_config, page):
    adapter = Facebook(sim_config("facebook", timeout_s=0.3))
    simulator.fail("facebook", FEED, delay_s=1.0)
    with pytest.raises(Transient) as caught:
        adapter.publish(page, Draft(text="Slow"))
    assert caught.value.outcome_unknown


def test_an_album_whose_post_fails_leaves_no_post(adapter, simulator, page, tmp_path):
    photos = (image(tmp_path, "a.jpg"), image(tmp_path, "b.jpg"))
    simulator.fail("facebook", FEED, status=400)
    with pytest.raises(Rejected):
        adapter.publish(page, Draft(text="Album", media=photos))
    assert simulator.posts_for("facebook", page.external_id) == []


def test_a_token_never_appears_in_requests_urls(adapter, simulator, page):
    adapter.publish(page, Draft(text="Private"))
    for request in simulator.requests_to("facebook"):
        assert "access_token" not in request["query"]


def test_a_success_that_does_not_name_the_post_leaves_the_outcome_unknown(sim_config, page, empty_answers):
    adapter = Facebook(sim_config("facebook", api_url=empty_answers))
    with pytest.raises(Transient) as caught:
        adapter.publish(page, Draft(text="Flu shots this Saturday"))
    assert caught.value.outcome_unknown
    assert caught.value.message == "Facebook answered HTTP 200 without the new id."


def test_an_unreachable_graph_is_transient_and_nothing_was_sent(sim_config, page):
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    adapter = Facebook(sim_config("facebook", api_url=f"http://127.0.0.1:{port}/facebook"))
    with pytest.raises(Transient) as caught:
        adapter.publish(page, Draft(text="Nowhere"))
    assert not caught.value.outcome_unknown
    assert page.access_token not in str(caught.value)


def test_a_link_without_text_is_posted_as_a_link(adapter, simulator, page):
    adapter.publish(page, Draft(link="https://clinic.example/flu"))
    assert only_post(simulator, page).body["link"] == "https://clinic.example/flu"
