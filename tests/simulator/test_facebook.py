"""Contract tests for the simulated Graph API (Facebook Pages): plain HTTP, as the network is spoken."""

import io
import json
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from PIL import Image

from simulator.core import SANDBOX_CLIENTS
from simulator.networks import facebook

CLIENT_ID, CLIENT_SECRET = SANDBOX_CLIENTS["facebook"]


def graph(simulator, path: str) -> str:
    return f"{simulator.base_url}/facebook/v24.0{path}"


def png_bytes(width: int = 40, height: int = 30) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def account(simulator):
    return facebook.new_account(simulator, page_name="Heart Clinic")


def error_of(response) -> dict:
    return response.json()["error"]


# --- OAuth --------------------------------------------------------------------------------------------


def test_dialog_auto_consents_and_redirects_back_with_code_and_state(simulator):
    response = requests.get(
        f"{simulator.base_url}/facebook/v24.0/dialog/oauth",
        params={
            "client_id": CLIENT_ID,
            "redirect_uri": "http://localhost:8000/connect/facebook/callback",
            "state": "s-123",
            "scope": "pages_show_list,pages_manage_posts,pages_read_engagement",
        },
        allow_redirects=False,
    )
    assert response.status_code == 302
    location = urlsplit(response.headers["Location"])
    assert location.netloc == "localhost:8000" and location.path == "/connect/facebook/callback"
    assert location.fragment == "_=_"
    query = parse_qs(location.query)
    assert query["state"] == ["s-123"] and query["code"][0]


ALL_SCOPES = ",".join(facebook.ALL_SCOPES)


def consent(simulator, redirect_uri="http://localhost/cb", scope=ALL_SCOPES) -> str:
    response = requests.get(
        f"{simulator.base_url}/facebook/v24.0/dialog/oauth",
        params={"client_id": CLIENT_ID, "redirect_uri": redirect_uri, "state": "x", "scope": scope},
        allow_redirects=False,
    )
    return parse_qs(urlsplit(response.headers["Location"]).query)["code"][0]


def exchange(simulator, code: str, redirect_uri="http://localhost/cb", secret=CLIENT_SECRET):
    return requests.get(
        graph(simulator, "/oauth/access_token"),
        params={"client_id": CLIENT_ID, "client_secret": secret, "redirect_uri": redirect_uri, "code": code},
    )


def test_dialog_with_an_unknown_app_shows_an_error_page(simulator):
    response = requests.get(
        graph(simulator, "/dialog/oauth"),
        params={"client_id": "someone-else", "redirect_uri": "http://localhost/cb"},
        allow_redirects=False,
    )
    assert response.status_code == 400
    assert "Invalid App ID" in response.text


def test_denied_consent_redirects_back_with_facebooks_error_parameters(simulator):
    simulator.fail("facebook", "GET /{version}/dialog/oauth", kind="denied")
    response = requests.get(
        graph(simulator, "/dialog/oauth"),
        params={"client_id": CLIENT_ID, "redirect_uri": "http://localhost/cb", "state": "s1"},
        allow_redirects=False,
    )
    query = parse_qs(urlsplit(response.headers["Location"]).query)
    assert query["error"] == ["access_denied"]
    assert query["error_reason"] == ["user_denied"]
    assert query["error_description"] == ["Permissions error"]
    assert query["state"] == ["s1"]
    assert "code" not in query


def test_code_exchange_gives_a_short_lived_user_token_and_the_code_is_single_use(simulator):
    code = consent(simulator)
    first = exchange(simulator, code)
    assert first.status_code == 200
    body = first.json()
    assert body["token_type"] == "bearer" and body["expires_in"] == 3600 and body["access_token"]
    again = exchange(simulator, code)
    assert again.status_code == 400
    assert error_of(again)["code"] == 100 and error_of(again)["error_subcode"] == 36009


def test_code_exchange_checks_the_secret_and_the_redirect_uri(simulator):
    code = consent(simulator)
    wrong_secret = exchange(simulator, code, secret="nope")
    assert error_of(wrong_secret)["code"] == 1
    wrong_uri = exchange(simulator, code, redirect_uri="http://localhost/elsewhere")
    assert error_of(wrong_uri)["error_subcode"] == 36008
    assert exchange(simulator, code).status_code == 200


def test_fb_exchange_token_gives_a_long_lived_token(simulator):
    short = exchange(simulator, consent(simulator)).json()["access_token"]
    response = requests.get(
        graph(simulator, "/oauth/access_token"),
        params={
            "grant_type": "fb_exchange_token",
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "fb_exchange_token": short,
        },
    )
    assert response.status_code == 200
    assert response.json()["expires_in"] == 60 * 86400
    me = requests.get(graph(simulator, "/me"), params={"access_token": response.json()["access_token"]})
    assert me.json() == {"id": facebook.DEMO_USER["id"], "name": facebook.DEMO_USER["name"]}


def test_me_accounts_lists_pages_with_page_tokens_and_instagram_accounts(simulator, account):
    response = requests.get(
        graph(simulator, "/me/accounts"),
        params={"fields": "id,name,access_token,picture,instagram_business_account{id,username,profile_picture_url}"},
        headers={"Authorization": f"Bearer {account['access_token']}"},
    )
    assert response.status_code == 200
    assert response.headers["x-fb-trace-id"]
    [page] = response.json()["data"]
    assert page["id"] == account["page_id"] and page["name"] == "Heart Clinic"
    assert page["access_token"] == account["page_token"]
    assert page["picture"]["data"]["url"] == f"{simulator.base_url}/_sim/avatars/facebook/{account['page_id']}.svg"
    ig = page["instagram_business_account"]
    assert ig["id"] == account["ig_id"] and ig["username"] == account["ig_username"]
    assert ig["profile_picture_url"] == f"{simulator.base_url}/_sim/avatars/instagram/{ig['id']}.svg"


def test_page_tokens_from_a_long_lived_user_token_do_not_expire(simulator, account):
    simulator.tokens.expire_access_tokens("facebook", account["id"])  # the user token runs out
    response = requests.post(
        graph(simulator, f"/{account['page_id']}/feed"), data={"message": "hi", "access_token": account["page_token"]}
    )
    assert response.status_code == 200


def test_page_tokens_die_when_the_user_changes_password(simulator, account):
    facebook.change_password(simulator, account["id"])
    response = requests.post(
        graph(simulator, f"/{account['page_id']}/feed"), data={"message": "hi", "access_token": account["page_token"]}
    )
    assert response.status_code == 400
    assert error_of(response)["code"] == 190 and error_of(response)["error_subcode"] == 460


def test_deleting_a_users_permissions_with_the_app_token_kills_their_page_tokens(simulator, account):
    response = requests.delete(
        graph(simulator, f"/{account['id']}/permissions"),
        headers={"Authorization": f"Bearer {CLIENT_ID}|{CLIENT_SECRET}"},
    )
    assert response.json() == {"success": True}
    after = requests.post(
        graph(simulator, f"/{account['page_id']}/feed"), data={"message": "hi", "access_token": account["page_token"]}
    )
    assert after.status_code == 400
    assert error_of(after)["code"] == 190 and error_of(after)["error_subcode"] == 458


def test_a_user_may_remove_the_app_with_their_own_token_but_not_anothers(simulator, account):
    other = facebook.new_account(simulator)
    refused = requests.delete(
        graph(simulator, f"/{other['id']}/permissions"), params={"access_token": account["access_token"]}
    )
    assert error_of(refused)["code"] == 100
    assert simulator.tokens.lookup("facebook", other["page_token"]) is not None
    own = requests.delete(graph(simulator, "/me/permissions"), params={"access_token": account["access_token"]})
    assert own.json() == {"success": True}
    assert simulator.tokens.lookup("facebook", account["access_token"]) is None


def test_an_expired_token_answers_190_463(simulator):
    account = facebook.new_account(simulator, long_lived=False)
    simulator.tokens.expire_access_tokens("facebook", account["id"])
    response = requests.get(graph(simulator, "/me"), params={"access_token": account["access_token"]})
    error = error_of(response)
    assert response.status_code == 400
    assert (error["code"], error["error_subcode"], error["type"]) == (190, 463, "OAuthException")
    assert error["fbtrace_id"] == response.headers["x-fb-trace-id"]


def test_an_unknown_token_answers_190_without_subcode(simulator):
    response = requests.get(graph(simulator, "/me"), params={"access_token": "garbage"})
    assert error_of(response)["code"] == 190
    assert "error_subcode" not in error_of(response)


def test_an_unknown_version_answers_unknown_path_components(simulator, account):
    response = requests.get(f"{simulator.base_url}/facebook/v99.0/me", params={"access_token": account["access_token"]})
    assert response.status_code == 400 and error_of(response)["code"] == 2500


def test_a_retired_version_is_served_as_the_oldest_available(simulator, account):
    response = requests.get(f"{simulator.base_url}/facebook/v2.0/me", params={"access_token": account["access_token"]})
    assert response.status_code == 200


# --- publishing ---------------------------------------------------------------------------------------


def test_feed_post_with_a_link_is_recorded_with_its_text(simulator, account):
    text = "Flu shots this week ✨\nBring your card."
    response = requests.post(
        graph(simulator, f"/{account['page_id']}/feed"),
        data={"message": text, "link": "https://example.org/flu"},
        headers={"Authorization": f"Bearer {account['page_token']}"},
    )
    assert response.status_code == 200
    post_id = response.json()["id"]
    assert post_id.startswith(f"{account['page_id']}_")
    [post] = simulator.posts_for("facebook", account["page_id"])
    assert post.id == post_id and post.text == text
    assert post.extra["link"] == "https://example.org/flu"
    assert post.url == f"{simulator.base_url}/facebook/{account['page_id']}/posts/{post_id.split('_')[1]}"
    assert "access_token" not in post.body


def test_feed_needs_the_pages_own_token(simulator, account):
    with_user_token = requests.post(
        graph(simulator, f"/{account['page_id']}/feed"), data={"message": "hi", "access_token": account["access_token"]}
    )
    assert error_of(with_user_token)["code"] == 200
    other = facebook.new_account(simulator)
    with_other_page = requests.post(
        graph(simulator, f"/{account['page_id']}/feed"), data={"message": "hi", "access_token": other["page_token"]}
    )
    assert error_of(with_other_page)["code"] == 200
    assert simulator.posts_for("facebook") == []


def test_feed_without_message_or_attachment_is_refused(simulator, account):
    response = requests.post(
        graph(simulator, f"/{account['page_id']}/feed"), data={"access_token": account["page_token"]}
    )
    assert error_of(response)["code"] == 100
    assert error_of(response)["message"] == "(#100) Missing message or attachment"


def test_a_single_photo_upload_publishes_a_post(simulator, account):
    data = png_bytes()
    response = requests.post(
        graph(simulator, f"/{account['page_id']}/photos"),
        data={"message": "Our new waiting room", "access_token": account["page_token"], "alt_text_custom": "Chairs"},
        files={"source": ("room.png", data, "image/png")},
    )
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"id", "post_id"}
    [post] = simulator.posts_for("facebook", account["page_id"])
    assert post.id == body["post_id"] and post.text == "Our new waiting room"
    [media] = post.media
    assert media["id"] == body["id"] and media["content_type"] == "image/png" and media["size"] == len(data)
    assert media["sha256"] == __import__("hashlib").sha256(data).hexdigest()
    assert media["alt_text"] == "Chairs"


def test_several_photos_go_up_unpublished_then_attach_to_one_feed_post(simulator, account):
    photo_ids = []
    for _ in range(2):
        response = requests.post(
            graph(simulator, f"/{account['page_id']}/photos"),
            data={"published": "false", "access_token": account["page_token"]},
            files={"source": ("p.png", png_bytes(), "image/png")},
        )
        assert set(response.json()) == {"id"}
        photo_ids.append(response.json()["id"])
    assert simulator.posts_for("facebook") == []
    response = requests.post(
        graph(simulator, f"/{account['page_id']}/feed"),
        data={
            "message": "Two photos",
            "access_token": account["page_token"],
            **{f"attached_media[{i}]": json.dumps({"media_fbid": pid}) for i, pid in enumerate(photo_ids)},
        },
    )
    assert response.status_code == 200
    [post] = simulator.posts_for("facebook")
    assert [m["id"] for m in post.media] == photo_ids


def test_attaching_an_unknown_photo_is_refused(simulator, account):
    response = requests.post(
        graph(simulator, f"/{account['page_id']}/feed"),
        data={"message": "x", "attached_media[0]": '{"media_fbid":"123"}', "access_token": account["page_token"]},
    )
    assert error_of(response)["code"] == 100


def test_a_photo_that_is_not_an_image_is_refused(simulator, account):
    response = requests.post(
        graph(simulator, f"/{account['page_id']}/photos"),
        data={"access_token": account["page_token"]},
        files={"source": ("p.png", b"not an image", "image/png")},
    )
    assert error_of(response)["code"] == 324


def test_a_video_upload_publishes_a_post_and_reports_processing(simulator, account):
    data = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 200
    response = requests.post(
        graph(simulator, f"/{account['page_id']}/videos"),
        data={"description": "How we wash hands", "title": "Hand hygiene", "access_token": account["page_token"]},
        files={"source": ("v.mp4", data, "video/mp4")},
    )
    assert response.status_code == 200
    video_id = response.json()["id"]
    [post] = simulator.posts_for("facebook")
    assert post.text == "How we wash hands" and post.extra["title"] == "Hand hygiene"
    assert post.media[0]["kind"] == "video" and post.media[0]["size"] == len(data)
    assert post.url == f"{simulator.base_url}/facebook/{account['page_id']}/videos/{video_id}/"
    statuses = [
        requests.get(
            graph(simulator, f"/{video_id}"), params={"fields": "status", "access_token": account["page_token"]}
        ).json()["status"]["video_status"]
        for _ in range(2)
    ]
    assert statuses == ["processing", "ready"]


def test_recent_posts_come_from_the_record_newest_first_since_a_time(simulator, account):
    token = account["page_token"]
    for text in ("first", "second"):
        requests.post(graph(simulator, f"/{account['page_id']}/feed"), data={"message": text, "access_token": token})
    response = requests.get(
        graph(simulator, f"/{account['page_id']}/posts"),
        params={"fields": "id,message,created_time,permalink_url", "since": "1700000000", "access_token": token},
    )
    assert response.status_code == 200
    data = response.json()["data"]
    assert [p["message"] for p in data] == ["second", "first"]
    assert data[0]["created_time"].endswith("+0000")
    assert data[0]["permalink_url"].startswith(f"{simulator.base_url}/facebook/")
    future = requests.get(
        graph(simulator, f"/{account['page_id']}/posts"), params={"since": "4102444800", "access_token": token}
    )
    assert future.json()["data"] == []


def test_asking_for_a_field_that_does_not_exist_is_refused(simulator, account):
    response = requests.get(
        graph(simulator, f"/{account['page_id']}/posts"),
        params={"fields": "id,colour", "access_token": account["page_token"]},
    )
    assert error_of(response)["message"] == "(#100) Tried accessing nonexisting field (colour) on node type (PagePost)"


# --- faults -------------------------------------------------------------------------------------------


def post_feed(simulator, account):
    return requests.post(
        graph(simulator, f"/{account['page_id']}/feed"), data={"message": "hi", "access_token": account["page_token"]}
    )


def test_throttling_answers_code_4_with_the_time_to_regain_access(simulator, account):
    simulator.fail("facebook", "POST /{version}/{node}/feed", status=429, reset_in=600)
    response = post_feed(simulator, account)
    assert error_of(response)["code"] == 4 and error_of(response)["is_transient"] is True
    assert json.loads(response.headers["X-App-Usage"])["estimated_time_to_regain_access"] == 10
    [buc] = json.loads(response.headers["X-Business-Use-Case-Usage"]).values()
    assert buc[0]["estimated_time_to_regain_access"] == 10
    assert simulator.posts_for("facebook") == []


@pytest.mark.parametrize(("kind", "code", "header"), [("page", 32, "X-Page-Usage"), ("buc", 80001, None)])
def test_page_and_business_throttling_have_their_own_codes(simulator, account, kind, code, header):
    simulator.fail("facebook", "POST /{version}/{node}/feed", status=429, kind=kind, reset_in=90)
    response = post_feed(simulator, account)
    assert error_of(response)["code"] == code
    [buc] = json.loads(response.headers["X-Business-Use-Case-Usage"]).values()
    assert buc[0]["estimated_time_to_regain_access"] == 2
    if header:
        assert json.loads(response.headers[header])["estimated_time_to_regain_access"] == 2


@pytest.mark.parametrize("status", [500, 503])
def test_server_errors_are_transient(simulator, account, status):
    simulator.fail("facebook", "POST /{version}/{node}/feed", status=status)
    response = post_feed(simulator, account)
    assert response.status_code == status
    assert error_of(response)["code"] == 2 and error_of(response)["is_transient"] is True


def test_an_injected_401_is_an_expired_session(simulator, account):
    simulator.fail("facebook", "POST /{version}/{node}/feed", status=401)
    error = error_of(post_feed(simulator, account))
    assert (error["code"], error["error_subcode"]) == (190, 463)


def test_duplicate_fault_answers_506(simulator, account):
    simulator.fail("facebook", "POST /{version}/{node}/feed", status=400, kind="duplicate")
    assert error_of(post_feed(simulator, account))["code"] == 506


def test_drop_after_accept_records_the_post_but_never_answers(simulator, account):
    simulator.fail("facebook", "POST /{version}/{node}/feed", drop_after_accept=True)
    with pytest.raises(requests.ConnectionError):
        post_feed(simulator, account)
    assert [p.text for p in simulator.posts_for("facebook")] == ["hi"]


def test_the_demo_sandbox_user_sees_demo_clinic_and_its_instagram_account(simulator):
    response = requests.get(
        graph(simulator, "/me/accounts"),
        params={"fields": "id,name,access_token,instagram_business_account{id,username}"},
        headers={"Authorization": "Bearer sandbox-facebook-access"},
    )
    [page] = response.json()["data"]
    assert page["name"] == "Demo Clinic"
    assert page["access_token"] == "sandbox-facebook-page-access"
    assert page["instagram_business_account"] == {"id": facebook.DEMO_IG["id"], "username": "democlinic"}
