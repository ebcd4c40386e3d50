"""The LinkedIn adapter, driven over HTTP against the simulated LinkedIn."""

import hashlib
import json
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
    NetworkConfig,
    RateLimited,
    Rejected,
    Tokens,
    Transient,
)
from platforms.linkedin import LinkedIn, escape_little_text, unescape_little_text
from simulator.networks import linkedin as linkedin_sim

REDIRECT = "http://localhost:8000/accounts/connect/linkedin/callback"
TRICKY = (
    "Flu shots (walk-ins welcome) at St_Mary's! #health #PublicHealth C# devs, <kids> ~ *new* "
    "[info] {x} | mail doc@clinic.org \\ done. ## 100% #1"
)


@pytest.fixture
def adapter(sim_config):
    return LinkedIn(sim_config("linkedin"))


@pytest.fixture
def member(simulator):
    return linkedin_sim.new_account(simulator, name="Dr. Ada Lovelace", organizations=("Lovelace Clinic",))


def as_member(account):
    return Credentials(
        external_id=account["urn"],
        access_token=account["access_token"],
        refresh_token=account["refresh_token"],
        kind="linkedin_member",
    )


def as_page(account):
    return Credentials(
        external_id=account["organizations"][0]["urn"],
        access_token=account["access_token"],
        kind="linkedin_organization",
    )


def image_file(tmp_path, name="a.png", color="red", size=(16, 12), fmt="PNG"):
    path = tmp_path / name
    Image.new("RGB", size, color).save(path, fmt)
    return path


def image(tmp_path, name="a.png", color="red", alt="", fmt="PNG", content_type="image/png"):
    path = image_file(tmp_path, name, color, fmt=fmt)
    return MediaItem(kind="image", content_type=content_type, path=str(path), alt_text=alt, width=16, height=12)


def sha(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def only_post(simulator, author):
    [post] = simulator.posts_for("linkedin", author)
    return post


def post_requests(simulator):
    return simulator.requests_to("linkedin", "POST /rest/posts")


# --- OAuth ----------------------------------------------------------------------------------


def consent(simulator, adapter, account=None):
    if account is not None:
        simulator.store["linkedin"]["consenting_account"] = account["urn"]
    try:
        request = adapter.authorization_request(redirect_uri=REDIRECT)
        answer = requests.get(request.url, allow_redirects=False, timeout=5)
    finally:
        simulator.store["linkedin"]["consenting_account"] = f"urn:li:person:{linkedin_sim.DEMO_SUB}"
    assert answer.status_code == 302
    back = {k: v[0] for k, v in parse_qs(urlsplit(answer.headers["Location"]).query).items()}
    return request, back


def test_consent_url_asks_for_member_and_page_scopes_on_the_configured_host(simulator, adapter):
    request = adapter.authorization_request(redirect_uri=REDIRECT)

    parts = urlsplit(request.url)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{simulator.base_url}/linkedin/oauth/v2/authorization"
    assert query["client_id"] == "sandbox-linkedin-client"
    assert query["redirect_uri"] == REDIRECT
    assert query["state"] == request.state
    assert set(query["scope"].split()) == {
        "openid",
        "profile",
        "email",
        "w_member_social",
        "w_organization_social",
        "r_organization_admin",
    }


def test_a_consent_code_becomes_sixty_day_tokens_with_a_refresh_token(simulator, adapter, member):
    request, back = consent(simulator, adapter, member)
    assert back["state"] == request.state

    tokens = adapter.exchange_code(back["code"], redirect_uri=REDIRECT)

    assert tokens.access_token and tokens.refresh_token
    assert tokens.expires_at - datetime.now(UTC) > timedelta(days=59)
    assert tokens.refresh_expires_at - datetime.now(UTC) > timedelta(days=300)
    assert "w_member_social" in tokens.scopes
    [identity, *_] = adapter.identities(tokens)
    assert identity.external_id == member["urn"]


def test_a_used_code_is_rejected(simulator, adapter):
    _, back = consent(simulator, adapter)
    adapter.exchange_code(back["code"], redirect_uri=REDIRECT)
    with pytest.raises(Rejected) as caught:
        adapter.exchange_code(back["code"], redirect_uri=REDIRECT)
    assert caught.value.code == "invalid_request"


def test_a_token_answer_without_a_token_is_transient(sim_config, captive_portal):
    adapter = LinkedIn(sim_config("linkedin", www_url=captive_portal))
    with pytest.raises(Transient, match="LinkedIn answered HTTP 200 without a token."):
        adapter.exchange_code("code", redirect_uri=REDIRECT)


def test_refresh_gives_a_new_access_token_and_keeps_the_refresh_token(adapter, member):
    old = Tokens(access_token=member["access_token"], refresh_token=member["refresh_token"])

    new = adapter.refresh(old)

    assert new.access_token != old.access_token
    assert new.refresh_token == old.refresh_token
    assert new.expires_at > datetime.now(UTC) + timedelta(days=59)
    assert adapter.identities(new)[0].external_id == member["urn"]


def test_refresh_of_a_revoked_grant_means_reconnecting(simulator, adapter, member):
    simulator.tokens.revoke_account("linkedin", member["urn"])
    with pytest.raises(AuthExpired) as caught:
        adapter.refresh(Tokens(access_token=member["access_token"], refresh_token=member["refresh_token"]))
    assert member["refresh_token"] not in str(caught.value)


def test_without_a_refresh_token_refresh_means_reconnecting(adapter, member):
    with pytest.raises(AuthExpired):
        adapter.refresh(Tokens(access_token=member["access_token"]))


def test_identities_are_the_member_and_the_pages_they_administer(simulator, adapter):
    account = linkedin_sim.new_account(simulator, name="Dr. Grace Hopper", organizations=("Harbor Clinic", "Bay Lab"))

    identities = adapter.identities(Tokens(access_token=account["access_token"]))

    member, *pages = identities
    assert (member.external_id, member.kind, member.name) == (account["urn"], "linkedin_member", "Dr. Grace Hopper")
    assert member.avatar_url.startswith(f"{simulator.base_url}/_sim/avatars/linkedin/")
    assert sorted((p.external_id, p.kind, p.name) for p in pages) == sorted(
        (org["urn"], "linkedin_organization", org["name"]) for org in account["organizations"]
    )
    assert {p.handle for p in pages} == {"harbor-clinic", "bay-lab"}


def test_a_member_only_connection_has_no_pages(simulator, adapter):
    account = linkedin_sim.new_account(
        simulator, organizations=("Hidden Clinic",), scopes=("openid", "profile", "email", "w_member_social")
    )
    identities = adapter.identities(Tokens(access_token=account["access_token"]))
    assert [i.kind for i in identities] == ["linkedin_member"]


def member_only_adapter(sim_config, value=False):
    """An app without the Community Management product, configured as settings would do it."""
    values = sim_config("linkedin").__dict__ | {"options": {"organization_pages": value}}
    return LinkedIn(NetworkConfig.from_settings(values))


@pytest.mark.parametrize("value", [False, "false"])
def test_an_app_without_page_access_asks_only_for_member_scopes(sim_config, value):
    request = member_only_adapter(sim_config, value).authorization_request(redirect_uri=REDIRECT)

    query = {k: v[0] for k, v in parse_qs(urlsplit(request.url).query).items()}
    assert set(query["scope"].split()) == {"openid", "profile", "email", "w_member_social"}


def test_an_app_without_page_access_connects_the_member_without_asking_for_pages(simulator, sim_config, member):
    adapter = member_only_adapter(sim_config)
    request, back = consent(simulator, adapter, member)
    tokens = adapter.exchange_code(back["code"], redirect_uri=REDIRECT)

    identities = adapter.identities(tokens)

    assert [(i.external_id, i.kind) for i in identities] == [(member["urn"], "linkedin_member")]
    assert set(tokens.scopes) == {"openid", "profile", "email", "w_member_social"}
    assert simulator.requests_to("linkedin", "GET /rest/organizationAcls") == []


# --- little text --------------------------------------------------------------------------------


def test_reserved_characters_are_escaped_but_hashtags_stay():
    assert escape_little_text("C# (and) #health_care") == "C\\# \\(and\\) #health\\_care"
    assert escape_little_text("a\\b @x ~y") == "a\\\\b \\@x \\~y"
    assert unescape_little_text(escape_little_text(TRICKY)) == TRICKY


def test_a_post_with_parentheses_hashtags_and_underscores_arrives_whole(simulator, adapter, member):
    published = adapter.publish(as_member(member), Draft(text=TRICKY))

    post = only_post(simulator, member["urn"])
    assert post.text == TRICKY
    assert post.extra["truncated"] is False
    assert published.external_id == post.id
    # On LinkedIn's website as configured: the simulator here, www.linkedin.com by default.
    assert published.url == f"{adapter.config.www_url}/feed/update/{post.id}/"
    assert published.request_id


def test_every_call_carries_the_version_the_protocol_and_a_bearer_token(simulator, adapter, member):
    adapter.publish(as_member(member), Draft(text="Headers"))

    [sent] = post_requests(simulator)
    assert sent["headers"]["linkedin-version"] == "202611"
    assert sent["headers"]["x-restli-protocol-version"] == "2.0.0"
    assert sent["headers"]["authorization"] == f"Bearer {member['access_token']}"
    assert "oauth2_access_token" not in sent["query"]
    body = json.loads(sent["body"])
    assert body["visibility"] == "PUBLIC"
    assert body["lifecycleState"] == "PUBLISHED"
    assert body["distribution"]["feedDistribution"] == "MAIN_FEED"


def test_a_page_posts_as_the_organization(simulator, adapter, member):
    adapter.publish(as_page(member), Draft(text="From the clinic page"))
    post = only_post(simulator, member["organizations"][0]["urn"])
    assert post.text == "From the clinic page"


# --- content ---------------------------------------------------------------------------------------


def test_a_link_becomes_an_article(simulator, adapter, member):
    draft = Draft(
        text="Our flu guide",
        link="https://clinic.example/flu",
        options={"link_title": "Flu season guide", "link_description": "What to know"},
    )
    adapter.publish(as_member(member), draft)

    post = only_post(simulator, member["urn"])
    assert post.extra["article"] == {
        "source": "https://clinic.example/flu",
        "title": "Flu season guide",
        "description": "What to know",
    }
    assert post.text == "Our flu guide"


def test_one_image_goes_up_with_its_alt_text(simulator, adapter, member, tmp_path):
    item = image(tmp_path, alt="A nurse giving a flu shot (left arm)")

    adapter.publish(as_member(member), Draft(text="Shots today", media=(item,)))

    [media] = only_post(simulator, member["urn"]).media
    assert media["sha256"] == sha(item.path)
    assert media["alt_text"] == "A nurse giving a flu shot (left arm)"
    assert media["content_type"] == "image/png"
    body = json.loads(post_requests(simulator)[0]["body"])
    assert set(body["content"]) == {"media"}


def test_several_images_become_a_multi_image_post_in_order(simulator, adapter, member, tmp_path):
    items = (
        image(tmp_path, "1.png", "red", alt="first"),
        image(tmp_path, "2.jpg", "green", alt="second", fmt="JPEG", content_type="image/jpeg"),
        image(tmp_path, "3.png", "blue"),
    )

    adapter.publish(as_member(member), Draft(text="Three", media=items))

    media = only_post(simulator, member["urn"]).media
    assert [m["sha256"] for m in media] == [sha(i.path) for i in items]
    assert [m["alt_text"] for m in media] == ["first", "second", ""]
    body = json.loads(post_requests(simulator)[0]["body"])
    assert len(body["content"]["multiImage"]["images"]) == 3


def test_an_image_with_a_link_puts_the_link_in_the_text(simulator, adapter, member, tmp_path):
    adapter.publish(as_member(member), Draft(text="See", link="https://clinic.example/a_b", media=(image(tmp_path),)))
    assert only_post(simulator, member["urn"]).text == "See\n\nhttps://clinic.example/a_b"


def test_a_video_goes_up_in_parts_and_waits_until_available(simulator, adapter, member, tmp_path):
    data = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * (9 * 4096)  # ~9.4 MB: three 4 MiB parts
    path = tmp_path / "clip.mp4"
    path.write_bytes(data)
    item = MediaItem(kind="video", content_type="video/mp4", path=str(path), size_bytes=len(data))

    adapter.publish(as_page(member), Draft(text="Our tour", media=(item,), options={"title": "Clinic tour"}))

    [media] = only_post(simulator, member["organizations"][0]["urn"]).media
    assert media["kind"] == "video"
    assert media["sha256"] == hashlib.sha256(data).hexdigest()
    assert media["title"] == "Clinic tour"
    assert len(simulator.requests_to("linkedin", "PUT /dms-uploads/{slot}")) == 3
    [init, final] = simulator.requests_to("linkedin", "POST /rest/videos")
    assert json.loads(init["body"])["initializeUploadRequest"]["fileSizeBytes"] == len(data)
    assert len(json.loads(final["body"])["finalizeUploadRequest"]["uploadedPartIds"]) == 3


# --- reading back -------------------------------------------------------------------------------------


def test_find_recent_lists_our_posts_since_a_time_as_people_read_them(simulator, adapter, member):
    since = datetime.now(UTC) - timedelta(seconds=5)
    published = adapter.publish(as_member(member), Draft(text=TRICKY))

    recent = adapter.find_recent(as_member(member), since)

    assert [(p.external_id, p.text) for p in recent] == [(published.external_id, TRICKY)]
    assert recent[0].url == published.url
    assert adapter.find_recent(as_member(member), datetime.now(UTC) + timedelta(minutes=1)) == []
    finder = simulator.requests_to("linkedin", "GET /rest/posts")[0]
    assert finder["headers"]["x-restli-method"] == "FINDER"
    assert finder["query"]["author"] == [member["urn"]]


# --- failures -------------------------------------------------------------------------------------------


def test_a_retired_version_tells_the_admin_to_update_linkedin_version(simulator, sim_config, member):
    adapter = LinkedIn(sim_config("linkedin", version="202301"))
    with pytest.raises(Rejected) as caught:
        adapter.publish(as_member(member), Draft(text="Old version"))
    assert "LINKEDIN_VERSION" in caught.value.message
    assert caught.value.status == 426
    assert simulator.posts_for("linkedin", member["urn"]) == []


def test_an_injected_426_is_the_same_rejection(simulator, adapter, member):
    simulator.fail("linkedin", "POST /rest/posts", status=426)
    with pytest.raises(Rejected) as caught:
        adapter.publish(as_member(member), Draft(text="Version"))
    assert "LINKEDIN_VERSION" in caught.value.message
    assert caught.value.request_id


def test_an_expired_token_is_auth_expired(simulator, adapter, member):
    simulator.tokens.expire_access_tokens("linkedin", member["urn"])
    with pytest.raises(AuthExpired) as caught:
        adapter.publish(as_member(member), Draft(text="Expired"))
    assert caught.value.code == "EXPIRED_ACCESS_TOKEN"
    assert member["access_token"] not in str(caught.value)
    assert member["access_token"] not in repr(as_member(member))


def test_a_revoked_token_is_auth_expired(simulator, adapter, member):
    simulator.fail("linkedin", "POST /rest/posts", status=401, kind="revoked")
    with pytest.raises(AuthExpired) as caught:
        adapter.publish(as_member(member), Draft(text="Revoked"))
    assert caught.value.code == "REVOKED_ACCESS_TOKEN"


def test_a_429_waits_for_midnight_utc(simulator, adapter, member):
    simulator.fail("linkedin", "POST /rest/posts", status=429)
    with pytest.raises(RateLimited) as caught:
        adapter.publish(as_member(member), Draft(text="Quota"))
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).date()
    assert caught.value.retry_at == datetime(tomorrow.year, tomorrow.month, tomorrow.day, tzinfo=UTC)


@pytest.mark.parametrize("status", [500, 503])
def test_server_errors_are_transient(simulator, adapter, member, status):
    simulator.fail("linkedin", "POST /rest/posts", status=status)
    with pytest.raises(Transient) as caught:
        adapter.publish(as_member(member), Draft(text="Later"))
    assert caught.value.outcome_unknown is False
    assert caught.value.request_id


def test_a_duplicate_post_is_rejected_as_a_duplicate(adapter, member):
    adapter.publish(as_member(member), Draft(text="Same words twice"))
    with pytest.raises(Rejected) as caught:
        adapter.publish(as_member(member), Draft(text="Same words twice"))
    assert caught.value.code == "duplicate"
    assert "duplicate" in caught.value.message


def test_a_missing_permission_is_rejected(simulator, adapter):
    account = linkedin_sim.new_account(simulator, scopes=("openid", "profile", "email"))
    with pytest.raises(Rejected) as caught:
        adapter.publish(as_member(account), Draft(text="No permission"))
    assert caught.value.code == "ACCESS_DENIED"


def test_a_refusal_keeps_linkedins_words_and_request_id(simulator, adapter):
    account = linkedin_sim.new_account(simulator, scopes=("openid", "profile", "email"))
    with pytest.raises(Rejected) as caught:
        adapter.publish(as_member(account), Draft(text="No permission"))
    assert caught.value.status == 403
    assert caught.value.message.startswith("Not enough permissions to access: ")
    assert caught.value.request_id


def test_a_dropped_answer_leaves_the_outcome_unknown_and_find_recent_sees_the_post(simulator, adapter, member):
    since = datetime.now(UTC) - timedelta(seconds=5)
    simulator.fail("linkedin", "POST /rest/posts", drop_after_accept=True)

    with pytest.raises(Transient) as caught:
        adapter.publish(as_member(member), Draft(text="Did it go out?"))

    assert caught.value.outcome_unknown is True
    assert [p.text for p in adapter.find_recent(as_member(member), since)] == ["Did it go out?"]


def test_a_slow_create_times_out_with_the_outcome_unknown(simulator, sim_config, member):
    adapter = LinkedIn(sim_config("linkedin", timeout_s=0.3))
    simulator.fail("linkedin", "POST /rest/posts", delay_s=1.0)
    with pytest.raises(Transient) as caught:
        adapter.publish(as_member(member), Draft(text="Slow"))
    assert caught.value.outcome_unknown is True


def test_an_unreachable_linkedin_is_transient_and_nothing_was_sent(sim_config, member):
    closed = LinkedIn(sim_config("linkedin", api_url="http://127.0.0.1:9/linkedin"))
    with pytest.raises(Transient) as caught:
        closed.publish(as_member(member), Draft(text="Nobody home"))
    assert caught.value.outcome_unknown is False


def test_a_failed_upload_leaves_no_post(simulator, adapter, member, tmp_path):
    simulator.fail("linkedin", "PUT /dms-uploads/{slot}", status=500)
    with pytest.raises(Transient):
        adapter.publish(as_member(member), Draft(text="With a picture", media=(image(tmp_path),)))
    assert simulator.posts_for("linkedin", member["urn"]) == []
    assert post_requests(simulator) == []


# --- validation -------------------------------------------------------------------------------------------


def test_validation_speaks_plainly(adapter, tmp_path):
    webp = MediaItem(kind="image", content_type="image/webp", path="x.webp")
    video = MediaItem(kind="video", content_type="video/mp4", path="x.mp4")
    problems = adapter.validate(Draft(text="a" * 3001, media=(webp, video)))

    messages = {p.code: p.message for p in problems}
    assert messages["text_too_long"] == "LinkedIn: 3,001 of 3,000 characters"
    assert messages["image_type"] == "LinkedIn takes JPEG, PNG or GIF images, not image/webp"
    assert "mixed_media" in messages


def test_validation_counts_escapes_and_images(adapter):
    assert adapter.count_text("(hi)").used == 6
    many = tuple(MediaItem(kind="image", content_type="image/png", path=f"{n}.png") for n in range(21))
    assert [p.code for p in adapter.validate(Draft(text="x", media=many))] == ["too_many_images"]
    assert [p.code for p in adapter.validate(Draft())] == ["empty"]
    assert adapter.validate(Draft(text="Fine #health (really)")) == []
