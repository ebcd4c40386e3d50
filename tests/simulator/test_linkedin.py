"""Contract tests for the simulated LinkedIn, with plain requests (see platform-contracts.md)."""

import hashlib
import io
from urllib.parse import parse_qs, quote, urlsplit

import pytest
import requests
from PIL import Image

from simulator.core import SANDBOX_CLIENTS
from simulator.networks import linkedin

CLIENT_ID, CLIENT_SECRET = SANDBOX_CLIENTS["linkedin"]
REDIRECT = "https://app.example/accounts/callback/linkedin/"


@pytest.fixture
def base(simulator):
    return f"{simulator.base_url}/linkedin"


@pytest.fixture
def member(simulator):
    return linkedin.new_account(simulator, name="Dr. Ada Lovelace", organizations=("Lovelace Cardiology",))


def rest_headers(token, version="202611", **extra):
    return {
        "Authorization": f"Bearer {token}",
        "LinkedIn-Version": version,
        "X-Restli-Protocol-Version": "2.0.0",
        **extra,
    }


def post_body(author, commentary, **extra):
    return {
        "author": author,
        "commentary": commentary,
        "visibility": "PUBLIC",
        "distribution": {"feedDistribution": "MAIN_FEED", "targetEntities": [], "thirdPartyDistributionChannels": []},
        "lifecycleState": "PUBLISHED",
        "isReshareDisabledByAuthor": False,
        **extra,
    }


def create_post(base, token, author, commentary, **extra):
    return requests.post(f"{base}/rest/posts", json=post_body(author, commentary, **extra), headers=rest_headers(token))


def png_bytes(color="red"):
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), color).save(buffer, "PNG")
    return buffer.getvalue()


def upload_image(base, token, owner, data):
    init = requests.post(
        f"{base}/rest/images",
        params={"action": "initializeUpload"},
        json={"initializeUploadRequest": {"owner": owner}},
        headers=rest_headers(token),
    )
    assert init.status_code == 200
    value = init.json()["value"]
    put = requests.put(value["uploadUrl"], data=data, headers={"Authorization": f"Bearer {token}"})
    assert put.status_code == 201
    return value["image"]


def wait_available(base, token, kind, urn):
    statuses = []
    for _ in range(5):
        status = requests.get(f"{base}/rest/{kind}/{quote(urn, safe='')}", headers=rest_headers(token)).json()["status"]
        statuses.append(status)
        if status == "AVAILABLE":
            return statuses
    raise AssertionError(statuses)


def authorize(base, **params):
    query = {
        "response_type": "code",
        "client_id": CLIENT_ID,
        "redirect_uri": REDIRECT,
        "state": "st4te",
        "scope": "openid profile email w_member_social",
        **params,
    }
    answer = requests.get(f"{base}/oauth/v2/authorization", params=query, allow_redirects=False)
    return answer


def redirected_params(answer):
    assert answer.status_code == 302
    location = answer.headers["Location"]
    assert location.startswith(REDIRECT)
    return {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}


def exchange(base, code, **overrides):
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": REDIRECT,
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        **overrides,
    }
    return requests.post(f"{base}/oauth/v2/accessToken", data=form)


def refresh(base, refresh_token):
    form = {
        "grant_type": "refresh_token",
        "refresh_token": refresh_token,
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
    }
    return requests.post(f"{base}/oauth/v2/accessToken", data=form)


# --- OAuth ------------------------------------------------------------------------------


def test_consent_redirects_back_with_a_code_and_the_state(base):
    params = redirected_params(authorize(base))
    assert params["state"] == "st4te"
    assert params["code"]


def test_code_exchange_gives_a_sixty_day_token_and_a_refresh_token(base):
    code = redirected_params(authorize(base))["code"]
    answer = exchange(base, code)
    assert answer.status_code == 200
    tokens = answer.json()
    assert tokens["expires_in"] == 60 * 24 * 3600
    assert tokens["refresh_token"]
    assert tokens["refresh_token_expires_in"] == 365 * 24 * 3600
    assert set(tokens["scope"].split(",")) == {"openid", "profile", "email", "w_member_social"}
    me = requests.get(f"{base}/v2/userinfo", headers={"Authorization": f"Bearer {tokens['access_token']}"}).json()
    assert me["sub"] == "sandboxDr1"
    assert me["name"] == "Dr. Demo Sandbox"
    assert me["email"] == "demo@physsocial.test"


def test_consent_is_given_by_the_consenting_account(simulator, base, member):
    simulator.store["linkedin"]["consenting_account"] = member["urn"]
    try:
        code = redirected_params(authorize(base))["code"]
    finally:
        simulator.store["linkedin"]["consenting_account"] = "urn:li:person:sandboxDr1"
    token = exchange(base, code).json()["access_token"]
    me = requests.get(f"{base}/v2/userinfo", headers={"Authorization": f"Bearer {token}"}).json()
    assert me["sub"] == member["sub"]


def test_a_code_works_only_once(base):
    code = redirected_params(authorize(base))["code"]
    assert exchange(base, code).status_code == 200
    again = exchange(base, code)
    assert again.status_code == 400
    assert again.json()["error"] == "invalid_request"


def test_a_code_needs_the_same_redirect_uri(base):
    code = redirected_params(authorize(base))["code"]
    answer = exchange(base, code, redirect_uri="https://elsewhere.example/cb")
    assert answer.status_code == 400


def test_a_wrong_client_secret_is_refused(base):
    code = redirected_params(authorize(base))["code"]
    answer = exchange(base, code, client_secret="nope")
    assert answer.status_code == 401
    assert answer.json()["error"] == "invalid_client"


def test_client_secret_must_be_in_the_form_not_basic_auth(base):
    code = redirected_params(authorize(base))["code"]
    form = {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT}
    answer = requests.post(f"{base}/oauth/v2/accessToken", data=form, auth=(CLIENT_ID, CLIENT_SECRET))
    assert answer.status_code == 400
    assert "client_id" in answer.json()["error_description"]


def test_an_unknown_scope_is_refused_at_consent(base):
    params = redirected_params(authorize(base, scope="openid r_liteprofile_gone"))
    assert params["error"] == "unauthorized_scope_error"
    assert params["state"] == "st4te"


def test_denied_consent_redirects_back_with_user_cancelled_authorize(simulator, base):
    simulator.fail("linkedin", "GET /oauth/v2/authorization", kind="denied")
    params = redirected_params(authorize(base))
    assert params["error"] == "user_cancelled_authorize"
    assert params["state"] == "st4te"
    assert "code" not in params


def test_denied_consent_also_works_as_a_status_fault(simulator, base):
    simulator.fail("linkedin", "GET /oauth/v2/authorization", status=302, kind="denied")
    params = redirected_params(authorize(base))
    assert params["error"] == "user_cancelled_authorize"


def test_refresh_gives_a_new_access_token_and_the_same_refresh_token(base, member):
    answer = refresh(base, member["refresh_token"])
    assert answer.status_code == 200
    tokens = answer.json()
    assert tokens["access_token"] != member["access_token"]
    assert tokens["refresh_token"] == member["refresh_token"]
    assert 0 < tokens["refresh_token_expires_in"] <= 365 * 24 * 3600
    me = requests.get(f"{base}/v2/userinfo", headers={"Authorization": f"Bearer {tokens['access_token']}"})
    assert me.json()["sub"] == member["sub"]


def test_refresh_with_a_revoked_grant_is_refused(simulator, base, member):
    simulator.tokens.revoke_account("linkedin", member["urn"])
    answer = refresh(base, member["refresh_token"])
    assert answer.status_code == 400
    assert answer.json()["error"] == "invalid_grant"


def test_an_app_without_programmatic_refresh_gets_no_refresh_token(simulator, base):
    simulator.store["linkedin"]["refresh_enabled"] = False
    try:
        code = redirected_params(authorize(base))["code"]
        tokens = exchange(base, code).json()
    finally:
        simulator.store["linkedin"]["refresh_enabled"] = True
    assert "refresh_token" not in tokens
    assert tokens["expires_in"] == 60 * 24 * 3600


# --- tokens on API calls --------------------------------------------------------------------


def test_expired_token_answers_expired_access_token(simulator, base, member):
    simulator.tokens.expire_access_tokens("linkedin", member["urn"])
    answer = requests.get(f"{base}/v2/userinfo", headers={"Authorization": f"Bearer {member['access_token']}"})
    assert answer.status_code == 401
    assert answer.json()["code"] == "EXPIRED_ACCESS_TOKEN"
    assert answer.headers["x-li-uuid"]


def test_revoked_token_answers_revoked_access_token(simulator, base, member):
    simulator.tokens.revoke_account("linkedin", member["urn"])
    answer = requests.get(f"{base}/v2/userinfo", headers={"Authorization": f"Bearer {member['access_token']}"})
    assert answer.status_code == 401
    assert answer.json() == {
        "status": 401,
        "serviceErrorCode": 65601,
        "code": "REVOKED_ACCESS_TOKEN",
        "message": "The token used in the request has been revoked by the user",
    }


def test_missing_and_unknown_tokens_are_refused(base):
    assert requests.get(f"{base}/v2/userinfo").json()["code"] == "EMPTY_ACCESS_TOKEN"
    unknown = requests.get(f"{base}/v2/userinfo", headers={"Authorization": "Bearer made-up"})
    assert unknown.status_code == 401
    assert unknown.json()["code"] == "INVALID_ACCESS_TOKEN"


def test_demo_tokens_never_expire(base):
    answer = requests.get(f"{base}/v2/userinfo", headers={"Authorization": "Bearer sandbox-linkedin-access"})
    assert answer.status_code == 200
    assert answer.json()["sub"] == "sandboxDr1"


# --- versioned /rest headers ----------------------------------------------------------------


def test_rest_call_without_version_header_is_a_400(base, member):
    headers = rest_headers(member["access_token"])
    del headers["LinkedIn-Version"]
    answer = requests.post(f"{base}/rest/posts", json=post_body(member["urn"], "Hi"), headers=headers)
    assert answer.status_code == 400
    assert answer.json()["code"] == "VERSION_MISSING"


def test_retired_version_answers_426_nonexistent_version(simulator, base, member):
    answer = requests.post(
        f"{base}/rest/posts",
        json=post_body(member["urn"], "Hi"),
        headers=rest_headers(member["access_token"], version="202401"),
    )
    assert answer.status_code == 426
    assert answer.json()["code"] == "NONEXISTENT_VERSION"
    assert simulator.posts_for("linkedin") == []


def test_rest_call_without_restli_protocol_2_is_refused(simulator, base, member):
    headers = rest_headers(member["access_token"])
    del headers["X-Restli-Protocol-Version"]
    answer = requests.post(f"{base}/rest/posts", json=post_body(member["urn"], "Hi"), headers=headers)
    assert answer.status_code == 400
    assert simulator.posts_for("linkedin") == []


# --- organizations ---------------------------------------------------------------------------


def test_organization_acls_list_the_pages_the_member_administers(base, member):
    answer = requests.get(
        f"{base}/rest/organizationAcls",
        params={"q": "roleAssignee", "role": "ADMINISTRATOR", "state": "APPROVED"},
        headers=rest_headers(member["access_token"]),
    )
    assert answer.status_code == 200
    org = member["organizations"][0]
    assert answer.json()["elements"] == [
        {"roleAssignee": member["urn"], "role": "ADMINISTRATOR", "state": "APPROVED", "organization": org["urn"]}
    ]
    details = requests.get(f"{base}/rest/organizations/{org['id']}", headers=rest_headers(member["access_token"]))
    assert details.json()["localizedName"] == "Lovelace Cardiology"


def test_organization_acls_need_the_organization_admin_scope(simulator, base):
    account = linkedin.new_account(simulator, scopes=("openid", "profile", "w_member_social"))
    answer = requests.get(
        f"{base}/rest/organizationAcls",
        params={"q": "roleAssignee", "role": "ADMINISTRATOR", "state": "APPROVED"},
        headers=rest_headers(account["access_token"]),
    )
    assert answer.status_code == 403
    assert answer.json()["code"] == "ACCESS_DENIED"


# --- posts -------------------------------------------------------------------------------------


def test_text_post_answers_201_with_empty_body_and_id_in_header(simulator, base, member):
    answer = create_post(base, member["access_token"], member["urn"], "Flu shots are in. Book today.")
    assert answer.status_code == 201
    assert answer.content == b""
    urn = answer.headers["x-restli-id"]
    assert urn.startswith("urn:li:share:")
    assert answer.headers["x-li-uuid"]
    [post] = simulator.posts_for("linkedin", member["urn"])
    assert post.id == urn
    assert post.text == "Flu shots are in. Book today."
    assert post.url == f"{simulator.base_url}/linkedin/feed/update/{urn}/"


def test_organization_post_by_its_administrator(simulator, base, member):
    org = member["organizations"][0]
    answer = create_post(base, member["access_token"], org["urn"], "Clinic news")
    assert answer.status_code == 201
    assert simulator.posts_for("linkedin", org["urn"])[0].text == "Clinic news"


def test_posting_as_someone_else_is_forbidden(simulator, base, member):
    answer = create_post(base, member["access_token"], "urn:li:organization:10001", "Not my page")
    assert answer.status_code == 403
    assert answer.json()["code"] == "ACCESS_DENIED"
    assert simulator.posts_for("linkedin") == []


@pytest.mark.parametrize(
    ("commentary", "shown"),
    [
        ("Results (n=40) were good", "Results "),
        ("Dose: 5 mg | twice daily", "Dose: 5 mg "),
        ("C# developers wanted", "C"),
        ("Ask me @ the clinic", "Ask me "),
        ("a_b", "a"),
        ("path\\to", "path"),
        ("Results \\(n=40\\) were good", "Results (n=40) were good"),
        ("C\\# developers", "C# developers"),
        ("#MedTwitter and #health2026 matter", "#MedTwitter and #health2026 matter"),
        ("Back\\\\slash", "Back\\slash"),
        ("Thanks @[Ada](urn:li:person:abc)!", "Thanks Ada!"),
    ],
)
def test_commentary_is_read_as_little_text(simulator, base, member, commentary, shown):
    answer = create_post(base, member["access_token"], member["urn"], commentary)
    assert answer.status_code == 201
    [post] = simulator.posts_for("linkedin", member["urn"])
    assert post.text == shown


def test_truncated_commentary_reads_back_as_the_kept_little_text(simulator, base, member):
    create_post(base, member["access_token"], member["urn"], "Kept \\(yes\\) then (cut")
    listed = requests.get(
        f"{base}/rest/posts",
        params={"q": "author", "author": member["urn"], "count": 10, "sortBy": "LAST_MODIFIED"},
        headers=rest_headers(member["access_token"], **{"X-RestLi-Method": "FINDER"}),
    ).json()
    assert listed["elements"][0]["commentary"] == "Kept \\(yes\\) then "


def test_commentary_over_3000_characters_is_refused(simulator, base, member):
    answer = create_post(base, member["access_token"], member["urn"], "x" * 3001)
    assert answer.status_code == 422
    assert simulator.posts_for("linkedin") == []
    assert create_post(base, member["access_token"], member["urn"], "y" * 3000).status_code == 201


def test_same_commentary_twice_is_a_duplicate(simulator, base, member):
    first = create_post(base, member["access_token"], member["urn"], "Same words")
    second = create_post(base, member["access_token"], member["urn"], "Same words")
    assert second.status_code == 422
    assert "duplicate" in second.json()["message"]
    assert first.headers["x-restli-id"] in second.json()["message"]
    assert len(simulator.posts_for("linkedin")) == 1


def test_post_without_required_fields_is_unprocessable(base, member):
    body = post_body(member["urn"], "Hi")
    del body["visibility"]
    answer = requests.post(f"{base}/rest/posts", json=body, headers=rest_headers(member["access_token"]))
    assert answer.status_code == 422
    assert "/visibility" in answer.json()["message"]


def test_recent_posts_finder_lists_newest_first(base, member):
    create_post(base, member["access_token"], member["urn"], "First")
    create_post(base, member["access_token"], member["urn"], "Second")
    answer = requests.get(
        f"{base}/rest/posts",
        params={"q": "author", "author": member["urn"], "count": 10, "sortBy": "LAST_MODIFIED"},
        headers=rest_headers(member["access_token"], **{"X-RestLi-Method": "FINDER"}),
    )
    assert answer.status_code == 200
    elements = answer.json()["elements"]
    assert [e["commentary"] for e in elements] == ["Second", "First"]
    assert all(e["author"] == member["urn"] and e["createdAt"] > 0 for e in elements)


def test_recent_posts_finder_needs_the_finder_method_header(base, member):
    answer = requests.get(
        f"{base}/rest/posts",
        params={"q": "author", "author": member["urn"]},
        headers=rest_headers(member["access_token"]),
    )
    assert answer.status_code == 400


# --- images and videos ------------------------------------------------------------------------


def test_image_post_records_the_uploaded_bytes_and_alt_text(simulator, base, member):
    token = member["access_token"]
    data = png_bytes()
    urn = upload_image(base, token, member["urn"], data)
    assert wait_available(base, token, "images", urn) == ["PROCESSING", "AVAILABLE"]
    answer = create_post(
        base, token, member["urn"], "An X-ray", content={"media": {"id": urn, "altText": "Chest X-ray, normal"}}
    )
    assert answer.status_code == 201
    [post] = simulator.posts_for("linkedin")
    assert post.media == [
        {
            "id": urn,
            "kind": "image",
            "content_type": "image/png",
            "size": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
            "alt_text": "Chest X-ray, normal",
        }
    ]


def test_image_status_before_upload_is_waiting(base, member):
    init = requests.post(
        f"{base}/rest/images",
        params={"action": "initializeUpload"},
        json={"initializeUploadRequest": {"owner": member["urn"]}},
        headers=rest_headers(member["access_token"]),
    ).json()["value"]
    status = requests.get(f"{base}/rest/images/{init['image']}", headers=rest_headers(member["access_token"]))
    assert status.json()["status"] == "WAITING_UPLOAD"


def test_posting_an_image_still_processing_is_refused(simulator, base, member):
    urn = upload_image(base, member["access_token"], member["urn"], png_bytes())
    answer = create_post(base, member["access_token"], member["urn"], "Too soon", content={"media": {"id": urn}})
    assert answer.status_code == 400
    assert simulator.posts_for("linkedin") == []


def test_multi_image_post_needs_two_to_twenty_images(simulator, base, member):
    token = member["access_token"]
    urns = [upload_image(base, token, member["urn"], png_bytes(color)) for color in ("red", "blue")]
    for urn in urns:
        wait_available(base, token, "images", urn)
    one = create_post(base, token, member["urn"], "One", content={"multiImage": {"images": [{"id": urns[0]}]}})
    assert one.status_code == 422
    two = create_post(
        base,
        token,
        member["urn"],
        "Two",
        content={"multiImage": {"images": [{"id": urns[0], "altText": "red"}, {"id": urns[1], "altText": "blue"}]}},
    )
    assert two.status_code == 201
    [post] = simulator.posts_for("linkedin")
    assert [m["alt_text"] for m in post.media] == ["red", "blue"]


def test_an_image_of_another_owner_cannot_be_used(simulator, base, member):
    other = linkedin.new_account(simulator)
    urn = upload_image(base, other["access_token"], other["urn"], png_bytes())
    wait_available(base, other["access_token"], "images", urn)
    answer = create_post(base, member["access_token"], member["urn"], "Borrowed", content={"media": {"id": urn}})
    assert answer.status_code == 400


def test_article_post_keeps_the_link(simulator, base, member):
    article = {"source": "https://clinic.example/flu", "title": "Flu season", "description": "What to know"}
    answer = create_post(base, member["access_token"], member["urn"], "Read this", content={"article": article})
    assert answer.status_code == 201
    assert simulator.posts_for("linkedin")[0].extra["article"] == article


def test_video_multipart_upload_then_post(simulator, base, member):
    token = member["access_token"]
    data = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 20000  # a little over 5 MB: two parts
    init = requests.post(
        f"{base}/rest/videos",
        params={"action": "initializeUpload"},
        json={"initializeUploadRequest": {"owner": member["urn"], "fileSizeBytes": len(data)}},
        headers=rest_headers(token),
    )
    assert init.status_code == 200
    value = init.json()["value"]
    instructions = value["uploadInstructions"]
    assert [(i["firstByte"], i["lastByte"]) for i in instructions] == [
        (0, 4 * 1024 * 1024 - 1),
        (4 * 1024 * 1024, len(data) - 1),
    ]
    etags = []
    for part in instructions:
        put = requests.put(part["uploadUrl"], data=data[part["firstByte"] : part["lastByte"] + 1])
        assert put.status_code == 200
        etags.append(put.headers["ETag"])
    finalize = {"video": value["video"], "uploadToken": value["uploadToken"], "uploadedPartIds": etags}
    wrong = dict(finalize, uploadedPartIds=list(reversed(etags)))
    refused = requests.post(
        f"{base}/rest/videos",
        params={"action": "finalizeUpload"},
        json={"finalizeUploadRequest": wrong},
        headers=rest_headers(token),
    )
    assert refused.status_code == 400
    done = requests.post(
        f"{base}/rest/videos",
        params={"action": "finalizeUpload"},
        json={"finalizeUploadRequest": finalize},
        headers=rest_headers(token),
    )
    assert done.status_code == 200
    assert wait_available(base, token, "videos", value["video"]) == ["PROCESSING", "AVAILABLE"]
    answer = create_post(
        base, token, member["urn"], "Our new clinic tour", content={"media": {"id": value["video"], "title": "Tour"}}
    )
    assert answer.status_code == 201
    assert answer.headers["x-restli-id"].startswith("urn:li:ugcPost:")
    [post] = simulator.posts_for("linkedin")
    assert post.media[0]["kind"] == "video"
    assert post.media[0]["sha256"] == hashlib.sha256(data).hexdigest()
    assert post.media[0]["size"] == len(data)


def test_video_part_of_the_wrong_size_is_refused(base, member):
    init = requests.post(
        f"{base}/rest/videos",
        params={"action": "initializeUpload"},
        json={"initializeUploadRequest": {"owner": member["urn"], "fileSizeBytes": 100_000}},
        headers=rest_headers(member["access_token"]),
    ).json()["value"]
    put = requests.put(init["uploadInstructions"][0]["uploadUrl"], data=b"x" * 99_999)
    assert put.status_code == 400


def test_finalizing_before_every_part_is_uploaded_is_refused(base, member):
    token = member["access_token"]
    init = requests.post(
        f"{base}/rest/videos",
        params={"action": "initializeUpload"},
        json={"initializeUploadRequest": {"owner": member["urn"], "fileSizeBytes": 100_000}},
        headers=rest_headers(token),
    ).json()["value"]
    answer = requests.post(
        f"{base}/rest/videos",
        params={"action": "finalizeUpload"},
        json={"finalizeUploadRequest": {"video": init["video"], "uploadToken": "", "uploadedPartIds": []}},
        headers=rest_headers(token),
    )
    assert answer.status_code == 400


# --- faults ---------------------------------------------------------------------------------------


def test_rate_limit_fault_answers_429_without_a_reset_header(simulator, base, member):
    simulator.fail("linkedin", "POST /rest/posts", status=429, reset_in=60)
    answer = create_post(base, member["access_token"], member["urn"], "Later")
    assert answer.status_code == 429
    assert answer.json()["code"] == "TOO_MANY_REQUESTS"
    assert "DAY limit" in answer.json()["message"]
    assert not any(name.lower().startswith(("x-ratelimit", "retry-after")) for name in answer.headers)
    assert answer.headers["x-li-uuid"]
    assert simulator.posts_for("linkedin") == []


@pytest.mark.parametrize("status", [500, 503])
def test_server_error_faults(simulator, base, member, status):
    simulator.fail("linkedin", "POST /rest/posts", status=status)
    answer = create_post(base, member["access_token"], member["urn"], "Oops")
    assert answer.status_code == status
    assert answer.json()["status"] == status
    assert simulator.posts_for("linkedin") == []


def test_unauthorized_fault_then_success(simulator, base, member):
    simulator.fail("linkedin", "POST /rest/posts", status=401)
    first = create_post(base, member["access_token"], member["urn"], "Try")
    assert first.json()["code"] == "EXPIRED_ACCESS_TOKEN"
    assert create_post(base, member["access_token"], member["urn"], "Try").status_code == 201


def test_revoked_fault_flavour(simulator, base, member):
    simulator.fail("linkedin", "POST /rest/posts", status=401, kind="revoked")
    assert create_post(base, member["access_token"], member["urn"], "Try").json()["code"] == "REVOKED_ACCESS_TOKEN"


def test_duplicate_and_forbidden_fault_flavours(simulator, base, member):
    simulator.fail("linkedin", "POST /rest/posts", status=422, kind="duplicate")
    duplicate = create_post(base, member["access_token"], member["urn"], "Dup")
    assert duplicate.status_code == 422
    assert "duplicate" in duplicate.json()["message"]
    simulator.fail("linkedin", "POST /rest/posts", status=403, kind="forbidden")
    forbidden = create_post(base, member["access_token"], member["urn"], "Forbidden")
    assert forbidden.status_code == 403
    assert forbidden.json()["code"] == "ACCESS_DENIED"


def test_accepted_then_dropped_post_is_recorded(simulator, base, member):
    simulator.fail("linkedin", "POST /rest/posts", drop_after_accept=True)
    with pytest.raises(requests.ConnectionError):
        create_post(base, member["access_token"], member["urn"], "Did it go out?")
    assert [p.text for p in simulator.posts_for("linkedin")] == ["Did it go out?"]


def test_a_video_under_75_kb_is_refused(base, member):
    answer = requests.post(
        f"{base}/rest/videos",
        params={"action": "initializeUpload"},
        json={"initializeUploadRequest": {"owner": member["urn"], "fileSizeBytes": 2048}},
        headers=rest_headers(member["access_token"]),
    )
    assert answer.status_code == 400


def test_revoking_an_access_token_ends_the_members_grant(base, member):
    response = requests.post(
        f"{base}/oauth/v2/revoke",
        data={"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, "token": member["access_token"]},
    )
    assert response.status_code == 200
    me = requests.get(f"{base}/v2/userinfo", headers={"Authorization": f"Bearer {member['access_token']}"})
    assert me.status_code == 401 and me.json()["code"] == "REVOKED_ACCESS_TOKEN"
    refreshed = refresh(base, member["refresh_token"])
    assert refreshed.status_code == 400


def test_revoking_needs_the_apps_secret(base, member):
    response = requests.post(
        f"{base}/oauth/v2/revoke",
        data={"client_id": CLIENT_ID, "client_secret": "wrong", "token": member["access_token"]},
    )
    assert response.status_code == 401 and response.json()["error"] == "invalid_client"
    me = requests.get(f"{base}/v2/userinfo", headers={"Authorization": f"Bearer {member['access_token']}"})
    assert me.status_code == 200
