"""The simulated LinkedIn: OAuth, OpenID userinfo, organization pages and the versioned Posts API.

Written from ``docs/platform-contracts.md`` ("LinkedIn") and LinkedIn's public documentation, never from
our adapter. Both LinkedIn hosts live under the one prefix ``/linkedin``: the OAuth pages
(``www.linkedin.com/oauth/v2/...``), the API (``api.linkedin.com/v2``, ``/rest``) and the
upload URLs it hands out (``www.linkedin.com/dms-uploads/...``).

What it checks, as LinkedIn does:

- ``/rest`` calls need ``LinkedIn-Version: YYYYMM`` (missing: 400 ``VERSION_MISSING``;
  not an active version: 426 ``NONEXISTENT_VERSION``) and ``X-Restli-Protocol-Version:
  2.0.0``; the finder ``GET /rest/posts?q=author`` also needs ``X-RestLi-Method: FINDER``.
- Tokens: missing 401 ``EMPTY_ACCESS_TOKEN``, unknown 401 ``INVALID_ACCESS_TOKEN``, expired
  401 ``EXPIRED_ACCESS_TOKEN``, revoked 401 ``REVOKED_ACCESS_TOKEN``. Access tokens live 60
  days; refresh tokens (the sandbox app is allowed programmatic refresh) live a year, do not
  rotate, and keep their first expiry across refreshes.
- ``commentary`` is "little text": an unescaped reserved character cuts the post there (see
  :func:`read_little_text`); the post is still accepted with 201. Over 3,000 characters: 422.
  The same commentary by the same author again: 422 duplicate.
- Images and videos must be uploaded and ``AVAILABLE`` before a post uses them; the first
  status poll after an upload answers ``PROCESSING``, the next ``AVAILABLE``.

Injected faults (``sim.fail("linkedin", endpoint, status=..., kind=...)``) answer:

- 429: ``TOO_MANY_REQUESTS`` with no reset header (LinkedIn's daily quotas reset at
  midnight UTC); ``kind="member"`` names the member's daily limit instead of the app's.
- 401: ``EXPIRED_ACCESS_TOKEN``; ``kind="revoked"``: ``REVOKED_ACCESS_TOKEN``.
- 403 or ``kind="forbidden"``: ``ACCESS_DENIED`` (missing permission).
- ``kind="duplicate"``: 422, the duplicate-post answer.
- 426 or ``kind="version"``: ``NONEXISTENT_VERSION``.
- 500, 502, 503, 504: LinkedIn's server errors.
- On ``GET /oauth/v2/authorization``, ``kind="denied"`` (status optional): redirect back with
  ``error=user_cancelled_authorize``; ``kind="login_cancelled"``: ``error=user_cancelled_login``.
- On ``POST /oauth/v2/accessToken``, 400/401 answer in OAuth's ``{"error", "error_description"}``.

``sim.store["linkedin"]`` holds: ``consenting_account`` (the member URN that consents),
``refresh_enabled`` (whether the app gets refresh tokens), members, organizations, images,
videos and upload slots. Account ids in ``sim.accounts["linkedin"]`` and in the record of
posts are URNs: ``urn:li:person:{sub}`` or ``urn:li:organization:{id}``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import secrets
import time
from datetime import timedelta
from typing import Any
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

from simulator import metrics, timeline
from simulator.core import (
    SANDBOX_CLIENTS,
    Fault,
    IssuedToken,
    RecordedPost,
    Request,
    Response,
    Simulator,
    json_response,
    now_utc,
    sniff_content_type,
)

PREFIX = "linkedin"
ACCESS_TTL_S = 60 * 24 * 3600  # LinkedIn: access tokens live 60 days
REFRESH_TTL_S = 365 * 24 * 3600  # refresh tokens a year, counted from the first consent
CODE_TTL_S = 30 * 60
# Active LinkedIn-Version values: LinkedIn keeps a version for about a year.
SUPPORTED_VERSIONS = frozenset([f"2025{m:02d}" for m in (11, 12)] + [f"2026{m:02d}" for m in range(1, 13)])
KNOWN_SCOPES = frozenset(
    {
        "openid",
        "profile",
        "email",
        "w_member_social",
        "r_member_social",
        "w_organization_social",
        "r_organization_social",
        "r_organization_admin",
        "rw_organization_admin",
    }
)
ALL_SCOPES = ("openid", "profile", "email", "w_member_social", "w_organization_social", "r_organization_admin")
MAX_COMMENTARY = 3000
VIDEO_PART_BYTES = 4 * 1024 * 1024  # LinkedIn splits video uploads into 4 MiB parts
VIDEO_MIN_BYTES = 75 * 1024  # LinkedIn's video specification: 75 KB to 500 MB
VIDEO_MAX_BYTES = 500 * 1024 * 1024
DUPLICATE_WINDOW = timedelta(hours=24)
# A processed upload becomes AVAILABLE at the second status poll, or this long after the
# bytes arrived, whichever comes first (so a slow poller is not punished forever).
PROCESSING_S = 5.0

DEMO_SUB = "sandboxDr1"
DEMO_ORG_ID = "10001"


# --- little text ------------------------------------------------------------------------

RESERVED = frozenset("\\|{}@[]()<>#*_~")
_HASHTAG = re.compile(r"#[^\W_]+")  # '#' directly followed by a word (letters, digits)
_MENTION = re.compile(r"@\[([^\]\\\[]*)\]\((urn:li:(?:person|organization):[^()\s]+)\)")
_HASHTAG_TEMPLATE = re.compile(r"\{hashtag\|\\#\|([^\W_]+)\}")


def read_little_text(commentary: str) -> tuple[str, int]:
    """How LinkedIn reads ``commentary``: (the text it shows, where it stopped reading).

    Escaped reserved characters show unescaped; ``#word`` is a hashtag and stays;
    ``@[Name](urn:li:person:..)`` shows as Name and ``{hashtag|\\#|word}`` as #word. Any
    other reserved character (a lone ``#``, ``(``, ``_``, a backslash before a character
    that is not reserved…) ends the text there, and LinkedIn still answers 201.
    """
    out: list[str] = []
    i, n = 0, len(commentary)
    while i < n:
        ch = commentary[i]
        if ch == "\\":
            if i + 1 < n and commentary[i + 1] in RESERVED:
                out.append(commentary[i + 1])
                i += 2
                continue
            break
        if ch == "#":
            match = _HASHTAG.match(commentary, i)
            if not match:
                break
            out.append(match.group())
            i = match.end()
            continue
        if ch == "@":
            match = _MENTION.match(commentary, i)
            if not match:
                break
            out.append(match[1])
            i = match.end()
            continue
        if ch == "{":
            match = _HASHTAG_TEMPLATE.match(commentary, i)
            if not match:
                break
            out.append("#" + match[1])
            i = match.end()
            continue
        if ch in RESERVED:
            break
        out.append(ch)
        i += 1
    return "".join(out), i


# --- helpers ---------------------------------------------------------------------------------


def _state(sim: Simulator) -> dict[str, Any]:
    return sim.store.setdefault(
        PREFIX,
        {
            "consenting_account": f"urn:li:person:{DEMO_SUB}",
            "refresh_enabled": True,
            "members": {},  # sub -> profile
            "organizations": {},  # org id -> {"name", "vanity", "admins": set of person URNs}
            "images": {},  # urn -> asset
            "videos": {},  # urn -> asset
            "uploads": {},  # upload slot token -> (kind, urn, part index)
        },
    )


def _li_uuid() -> str:
    return base64.b64encode(secrets.token_bytes(16)).decode()


def _error(status: int, message: str, *, code: str = "", service_code: int | None = None, **headers: str) -> Response:
    body: dict[str, Any] = {"status": status, "message": message}
    if code:
        body["code"] = code
    if service_code is not None:
        body["serviceErrorCode"] = service_code
    return json_response(body, status=status, **headers)


def _unprocessable(path: str, message: str) -> Response:
    return _error(422, f"ERROR :: {path} :: {message}", code="UNPROCESSABLE_ENTITY", service_code=100)


def _bad_request(message: str, code: str = "ILLEGAL_ARGUMENT") -> Response:
    return _error(400, message, code=code, service_code=100)


def _access_denied(resource: str) -> Response:
    return _error(403, f"Not enough permissions to access: {resource}", code="ACCESS_DENIED", service_code=100)


def _now_ms() -> int:
    return int(time.time() * 1000)


def _param(request: Request, name: str) -> str:
    return unquote(request.params[name])


def _redirect(uri: str, params: dict[str, str]) -> Response:
    parts = urlsplit(uri)
    query = parse_qsl(parts.query, keep_blank_values=True) + list(params.items())
    return Response(status=302, headers={"Location": urlunsplit(parts._replace(query=urlencode(query)))})


class _Denied(Exception):
    def __init__(self, response: Response):
        self.response = response


def _authenticate(sim: Simulator, request: Request) -> IssuedToken:
    """The request's access token, or raise _Denied with LinkedIn's 401."""
    auth = request.header("authorization")
    token = auth[7:].strip() if auth.lower().startswith("bearer ") else ""
    if not token:
        raise _Denied(_error(401, "Empty oauth2_access_token", code="EMPTY_ACCESS_TOKEN", service_code=65604))
    issued = sim.tokens.lookup(PREFIX, token)
    if issued is not None:
        return issued
    known = sim.tokens.peek(PREFIX, token)
    if known is not None and known.network == PREFIX and known.kind == "access":
        raise _Denied(
            _error(401, "The token used in the request has expired", code="EXPIRED_ACCESS_TOKEN", service_code=65602)
        )
    if sim.tokens.is_revoked(token):
        raise _Denied(
            _error(
                401,
                "The token used in the request has been revoked by the user",
                code="REVOKED_ACCESS_TOKEN",
                service_code=65601,
            )
        )
    raise _Denied(_error(401, "Invalid access token", code="INVALID_ACCESS_TOKEN", service_code=65600))


def _check_versioned(request: Request) -> None:
    """What every /rest call must send besides the token."""
    version = request.header("linkedin-version").strip()
    if not version:
        raise _Denied(
            _error(
                400,
                "A version must be present. Please specify a version by adding the LinkedIn-Version header.",
                code="VERSION_MISSING",
                service_code=100,
            )
        )
    if version.split(".")[0] not in SUPPORTED_VERSIONS:
        raise _Denied(_error(426, f"Requested version {version} is not active", code="NONEXISTENT_VERSION"))
    if request.header("x-restli-protocol-version").strip() != "2.0.0":
        # Rest.li 1.0 reads URNs and bodies differently; LinkedIn's new endpoints refuse it.
        raise _Denied(
            _bad_request(
                "Rest.li protocol 1.0.0 is not supported by this resource; send X-Restli-Protocol-Version: 2.0.0"
            )
        )


def _member_urn(issued: IssuedToken) -> str:
    return issued.account_id


def _may_act_as(sim: Simulator, issued: IssuedToken, urn: str) -> bool:
    """The token's member, or an organization they administer."""
    if urn == _member_urn(issued):
        return True
    match = re.fullmatch(r"urn:li:organization:(\d+)", urn or "")
    if not match:
        return False
    org = _state(sim)["organizations"].get(match[1])
    return org is not None and _member_urn(issued) in org["admins"]


def _org_urn(org_id: str) -> str:
    return f"urn:li:organization:{org_id}"


def _public_url(sim: Simulator, urn: str) -> str:
    return timeline.web_url(sim, PREFIX, f"/feed/update/{urn}/")


# --- accounts -------------------------------------------------------------------------------


def _add_member(sim: Simulator, sub: str, *, name: str, email: str, picture: str = "") -> dict[str, Any]:
    given, _, family = name.partition(" ")
    profile = {
        "sub": sub,
        "name": name,
        "given_name": given,
        "family_name": family,
        "email": email,
        "picture": picture or timeline.avatar_url(sim, PREFIX, sub),
    }
    with sim.lock:
        _state(sim)["members"][sub] = profile
    sim.add_account(PREFIX, f"urn:li:person:{sub}", kind="member", **profile)
    return profile


def _add_organization(sim: Simulator, org_id: str, *, name: str, admins: tuple[str, ...]) -> dict[str, Any]:
    vanity = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    org = {"id": org_id, "name": name, "vanity": vanity, "admins": set(admins)}
    with sim.lock:
        _state(sim)["organizations"][org_id] = org
    sim.add_account(PREFIX, _org_urn(org_id), kind="organization", name=name, vanity=vanity)
    return org


def _issue_tokens(
    sim: Simulator,
    member_urn: str,
    scopes: tuple[str, ...],
    *,
    with_refresh: bool,
    refresh_expires_at: float | None = None,
) -> dict[str, Any]:
    access = sim.tokens.issue(PREFIX, member_urn, kind="access", expires_in=ACCESS_TTL_S, scopes=scopes)
    answer: dict[str, Any] = {"access_token": access, "expires_in": ACCESS_TTL_S, "scope": ",".join(scopes)}
    if with_refresh:
        refresh = sim.tokens.issue(PREFIX, member_urn, kind="refresh", expires_in=REFRESH_TTL_S, scopes=scopes)
        answer["refresh_token"] = refresh
        answer["refresh_token_expires_in"] = REFRESH_TTL_S
    return answer


def new_account(
    sim: Simulator,
    *,
    name: str | None = None,
    email: str = "",
    organizations: tuple[str, ...] = ("Test Clinic",),
    scopes: tuple[str, ...] = ALL_SCOPES,
    refresh: bool = True,
) -> dict[str, Any]:
    """A fresh member (and the pages they administer) with 60-day tokens, for tests.

    Returns ``{"id", "urn", "sub", "name", "access_token", "refresh_token",
    "organizations": [{"id", "urn", "name"}]}``; ``id`` is the member's URN.
    """
    sub = "m" + secrets.token_hex(5)
    name = name or f"Dr. Test {sub[-4:]}"
    _add_member(sim, sub, name=name, email=email or f"{sub}@physsocial.test")
    urn = f"urn:li:person:{sub}"
    orgs = []
    for org_name in organizations:
        org_id = str(20_000_000 + int(sim.next_id()))
        _add_organization(sim, org_id, name=org_name, admins=(urn,))
        orgs.append({"id": org_id, "urn": _org_urn(org_id), "name": org_name})
    tokens = _issue_tokens(sim, urn, tuple(scopes), with_refresh=refresh)
    return {
        "id": urn,
        "urn": urn,
        "sub": sub,
        "name": name,
        "access_token": tokens["access_token"],
        "refresh_token": tokens.get("refresh_token", ""),
        "organizations": orgs,
    }


def seed_demo(sim: Simulator) -> None:
    """Dr. Demo Sandbox, administrator of the "Demo Clinic" page, with non-expiring tokens."""
    urn = f"urn:li:person:{DEMO_SUB}"
    _add_member(sim, DEMO_SUB, name="Dr. Demo Sandbox", email="demo@physsocial.test")
    _add_organization(sim, DEMO_ORG_ID, name="Demo Clinic", admins=(urn,))
    sim.tokens.issue(PREFIX, urn, kind="access", scopes=ALL_SCOPES, value="sandbox-linkedin-access")
    sim.tokens.issue(PREFIX, urn, kind="refresh", scopes=ALL_SCOPES, value="sandbox-linkedin-refresh")
    _state(sim)["consenting_account"] = urn


# --- routes -------------------------------------------------------------------------------------


def register(sim: Simulator) -> None:
    """Serve LinkedIn under ``/linkedin``, one concern at a time (routes are matched in this order)."""
    _state(sim)
    sim.on_fault(PREFIX, _fault_answer)
    _register_oauth(sim)
    _register_revoke(sim)
    _register_identity(sim)
    _register_images(sim)
    _register_videos(sim)
    _register_upload_urls(sim)
    _register_publishing(sim)
    _register_read_back(sim)
    _register_statistics(sim)


def _route(sim: Simulator, method: str, pattern: str):
    """Register a handler; every answer carries x-li-uuid, and _Denied becomes its answer."""

    def wrap(handler):
        def handle(request: Request) -> Response:
            try:
                response = handler(request)
            except _Denied as denied:
                response = denied.response
            response.headers.setdefault("x-li-uuid", _li_uuid())
            return response

        sim.route(PREFIX, method, pattern)(handle)
        return handler

    return wrap


def _register_oauth(sim: Simulator) -> None:
    """The consent page and the token endpoint (codes, programmatic refresh)."""

    @_route(sim, "GET", "/oauth/v2/authorization")
    def authorize(request: Request) -> Response:
        client_id = request.arg("client_id", "")
        redirect_uri = request.arg("redirect_uri", "")
        if client_id != SANDBOX_CLIENTS[PREFIX][0]:
            return Response(status=400, body="<h1>LinkedIn</h1><p>The passed in client_id is invalid.</p>")
        if not redirect_uri:
            return Response(status=400, body="<h1>LinkedIn</h1><p>The redirect_uri is missing.</p>")
        state = request.arg("state")
        extra = {"state": state} if state is not None else {}
        if request.arg("response_type") != "code":
            return _redirect(
                redirect_uri,
                {"error": "invalid_request", "error_description": "response_type must be code", **extra},
            )
        fault = request.fault
        if fault is not None and fault.kind in ("denied", "login_cancelled"):
            return _denied_redirect(fault, redirect_uri, extra)
        scopes = tuple(s for s in re.split(r"[ ,]+", request.arg("scope", "") or "") if s)
        if not scopes:
            return _redirect(
                redirect_uri, {"error": "invalid_scope", "error_description": "scope is required", **extra}
            )
        unknown = [s for s in scopes if s not in KNOWN_SCOPES]
        if unknown:
            return _redirect(
                redirect_uri,
                {
                    "error": "unauthorized_scope_error",
                    "error_description": f'Scope "{unknown[0]}" is not authorized for your application',
                    **extra,
                },
            )
        member = _state(sim)["consenting_account"]
        if not member.startswith("urn:li:person:"):
            member = f"urn:li:person:{member}"
        code = sim.tokens.issue(
            PREFIX,
            member,
            kind="code",
            expires_in=CODE_TTL_S,
            scopes=scopes,
            client_id=client_id,
            redirect_uri=redirect_uri,
        )
        return _redirect(redirect_uri, {"code": code, **extra})

    @_route(sim, "POST", "/oauth/v2/accessToken")
    def access_token(request: Request) -> Response:
        if request.content_type != "application/x-www-form-urlencoded":
            return _oauth_error(400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded")
        form = request.form()
        for name in ("grant_type", "client_id", "client_secret"):
            if not form.get(name):
                return _oauth_error(400, "invalid_request", f'A required parameter "{name}" is missing')
        if (form["client_id"], form["client_secret"]) != SANDBOX_CLIENTS[PREFIX]:
            return _oauth_error(401, "invalid_client", "Client authentication failed")
        state = _state(sim)
        if form["grant_type"] == "authorization_code":
            for name in ("code", "redirect_uri"):
                if not form.get(name):
                    return _oauth_error(400, "invalid_request", f'A required parameter "{name}" is missing')
            code = sim.tokens.consume(PREFIX, form["code"], kind="code")
            if (
                code is None
                or code.extra.get("client_id") != form["client_id"]
                or code.extra.get("redirect_uri") != form["redirect_uri"]
            ):
                return _oauth_error(
                    400,
                    "invalid_request",
                    "Unable to retrieve access token: appid/redirect uri/code verifier does not match "
                    "authorization code. Or authorization code expired. Or external member binding exists",
                )
            answer = _issue_tokens(sim, code.account_id, code.scopes, with_refresh=state["refresh_enabled"])
            if "openid" in code.scopes:
                answer["id_token"] = _id_token(code.account_id, form["client_id"])
            answer["token_type"] = "Bearer"
            return json_response(answer)
        if form["grant_type"] == "refresh_token":
            if not state["refresh_enabled"]:
                return _oauth_error(400, "unauthorized_client", "The application is not allowed to refresh tokens")
            if not form.get("refresh_token"):
                return _oauth_error(400, "invalid_request", 'A required parameter "refresh_token" is missing')
            refresh = sim.tokens.lookup(PREFIX, form["refresh_token"], kind="refresh")
            if refresh is None:
                return _oauth_error(
                    400,
                    "invalid_grant",
                    "The provided authorization grant or refresh token is invalid, expired or revoked.",
                )
            access = sim.tokens.issue(
                PREFIX, refresh.account_id, kind="access", expires_in=ACCESS_TTL_S, scopes=refresh.scopes
            )
            # LinkedIn does not rotate refresh tokens: the same one comes back, its lifetime
            # still counted from the member's consent.
            remaining = int(refresh.expires_at - time.time()) if refresh.expires_at is not None else REFRESH_TTL_S
            return json_response(
                {
                    "access_token": access,
                    "expires_in": ACCESS_TTL_S,
                    "refresh_token": form["refresh_token"],
                    "refresh_token_expires_in": remaining,
                    "scope": ",".join(refresh.scopes),
                    "token_type": "Bearer",
                }
            )
        return _oauth_error(400, "unsupported_grant_type", f"Grant type {form['grant_type']} is not supported")


def _register_revoke(sim: Simulator) -> None:
    """Revoking a token ends the member's whole grant for the app."""

    @_route(sim, "POST", "/oauth/v2/revoke")
    def revoke(request: Request) -> Response:
        """LinkedIn's revocation: the access token with the app's id and secret in the form. The member's
        grant ends with it: every token of theirs for the app stops working (401 REVOKED_ACCESS_TOKEN)."""
        if request.content_type != "application/x-www-form-urlencoded":
            return _oauth_error(400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded")
        form = request.form()
        for name in ("client_id", "client_secret", "token"):
            if not form.get(name):
                return _oauth_error(400, "invalid_request", f'A required parameter "{name}" is missing')
        if (form["client_id"], form["client_secret"]) != SANDBOX_CLIENTS[PREFIX]:
            return _oauth_error(401, "invalid_client", "Client authentication failed")
        issued = sim.tokens.lookup(PREFIX, form["token"])
        if issued is not None:
            sim.tokens.revoke_account(PREFIX, issued.account_id)
        return Response(status=200, body=b"")


def _register_identity(sim: Simulator) -> None:
    """Who the member is (OpenID userinfo) and which organization pages they administer."""

    @_route(sim, "GET", "/v2/userinfo")
    def userinfo(request: Request) -> Response:
        issued = _authenticate(sim, request)
        if "openid" not in issued.scopes or "profile" not in issued.scopes:
            return _access_denied("userinfo.GET.NO_VERSION")
        sub = _member_urn(issued).rsplit(":", 1)[-1]
        profile = _state(sim)["members"].get(sub)
        if profile is None:
            return _error(404, "Not Found", code="NOT_FOUND")
        body = {
            "sub": sub,
            "name": profile["name"],
            "given_name": profile["given_name"],
            "family_name": profile["family_name"],
            "picture": profile["picture"],
            "locale": {"country": "US", "language": "en"},
        }
        if "email" in issued.scopes:
            body.update(email=profile["email"], email_verified=True)
        return json_response(body)

    @_route(sim, "GET", "/rest/organizationAcls")
    def organization_acls(request: Request) -> Response:
        issued = _authenticate(sim, request)
        _check_versioned(request)
        if request.arg("q") != "roleAssignee":
            return _bad_request("Invalid query parameter q; supported finders: roleAssignee, organization")
        if not {"r_organization_admin", "rw_organization_admin"} & set(issued.scopes):
            return _access_denied("organizationAcls.FINDER-roleAssignee")
        role, acl_state = request.arg("role"), request.arg("state")
        member = _member_urn(issued)
        elements = []
        with sim.lock:
            orgs = list(_state(sim)["organizations"].values())
        for org in orgs:
            if member not in org["admins"]:
                continue
            acl = {
                "roleAssignee": member,
                "role": "ADMINISTRATOR",
                "state": "APPROVED",
                "organization": _org_urn(org["id"]),
            }
            if role not in (None, acl["role"]) or acl_state not in (None, acl["state"]):
                continue
            elements.append(acl)
        return json_response(
            {"paging": {"start": 0, "count": 10, "links": [], "total": len(elements)}, "elements": elements}
        )

    @_route(sim, "GET", "/rest/organizations/{id}")
    def organization(request: Request) -> Response:
        _authenticate(sim, request)
        _check_versioned(request)
        org = _state(sim)["organizations"].get(_param(request, "id"))
        if org is None:
            return _error(404, "Not Found", code="NOT_FOUND")
        return json_response(
            {
                "id": int(org["id"]),
                "localizedName": org["name"],
                "name": {"localized": {"en_US": org["name"]}, "preferredLocale": {"country": "US", "language": "en"}},
                "vanityName": org["vanity"],
                "primaryOrganizationType": "NONE",
            }
        )


def _register_images(sim: Simulator) -> None:
    """The Images API: initializeUpload and the image's status."""

    @_route(sim, "POST", "/rest/images")
    def images_action(request: Request) -> Response:
        issued = _authenticate(sim, request)
        _check_versioned(request)
        if request.arg("action") != "initializeUpload":
            return _bad_request("Unsupported action; expected action=initializeUpload")
        owner = ((request.json() or {}).get("initializeUploadRequest") or {}).get("owner", "")
        if not owner:
            return _unprocessable(
                "/initializeUploadRequest/owner", "field is required but not found and has no default value"
            )
        if not _may_act_as(sim, issued, owner):
            return _access_denied("images.ACTION-initializeUpload")
        urn = "urn:li:image:D4E10AQ" + secrets.token_urlsafe(12).replace("-", "x").replace("_", "y")
        slot = secrets.token_urlsafe(24)
        with sim.lock:
            _state(sim)["images"][urn] = {"owner": owner, "status": "WAITING_UPLOAD", "data": None}
            _state(sim)["uploads"][slot] = ("image", urn, 0)
        return json_response(
            {
                "value": {
                    "uploadUrlExpiresAt": _now_ms() + 24 * 3600 * 1000,
                    "uploadUrl": f"{request.base_url}/dms-uploads/{slot}",
                    "image": urn,
                }
            }
        )

    @_route(sim, "GET", "/rest/images/{urn}")
    def image_status(request: Request) -> Response:
        _authenticate(sim, request)
        _check_versioned(request)
        urn = _param(request, "urn")
        asset = _state(sim)["images"].get(urn)
        if asset is None:
            return _error(404, f"Image {urn} not found", code="NOT_FOUND")
        status = _poll(sim, asset)
        body = {"id": urn, "owner": asset["owner"], "status": status}
        if status == "AVAILABLE":
            body.update(
                downloadUrl=f"https://media.licdn.com/dms/image/sim/{urn.rsplit(':', 1)[-1]}",
                downloadUrlExpiresAt=_now_ms() + 3600 * 1000,
            )
        return json_response(body)


def _register_videos(sim: Simulator) -> None:
    """The Videos API: initializeUpload, finalizeUpload and the video's status."""

    @_route(sim, "POST", "/rest/videos")
    def videos_action(request: Request) -> Response:
        issued = _authenticate(sim, request)
        _check_versioned(request)
        action = request.arg("action")
        body = request.json() or {}
        if action == "initializeUpload":
            init = body.get("initializeUploadRequest") or {}
            owner, size = init.get("owner", ""), init.get("fileSizeBytes")
            if not owner:
                return _unprocessable(
                    "/initializeUploadRequest/owner", "field is required but not found and has no default value"
                )
            if not isinstance(size, int) or size <= 0:
                return _unprocessable(
                    "/initializeUploadRequest/fileSizeBytes", "field is required and must be a positive long"
                )
            if not VIDEO_MIN_BYTES <= size <= VIDEO_MAX_BYTES:
                return _bad_request(
                    f"Video file size {size} is outside the allowed {VIDEO_MIN_BYTES} to {VIDEO_MAX_BYTES} bytes"
                )
            if not _may_act_as(sim, issued, owner):
                return _access_denied("videos.ACTION-initializeUpload")
            urn = "urn:li:video:D5610AQ" + secrets.token_urlsafe(12).replace("-", "x").replace("_", "y")
            ranges = [(first, min(first + VIDEO_PART_BYTES, size) - 1) for first in range(0, size, VIDEO_PART_BYTES)]
            upload_token = secrets.token_urlsafe(16) if len(ranges) > 1 else ""
            instructions = []
            with sim.lock:
                for index, (first, last) in enumerate(ranges):
                    slot = secrets.token_urlsafe(24)
                    _state(sim)["uploads"][slot] = ("video", urn, index)
                    instructions.append(
                        {"uploadUrl": f"{request.base_url}/dms-uploads/{slot}", "firstByte": first, "lastByte": last}
                    )
                _state(sim)["videos"][urn] = {
                    "owner": owner,
                    "status": "WAITING_UPLOAD",
                    "size": size,
                    "ranges": ranges,
                    "parts": {},  # index -> (etag, bytes)
                    "upload_token": upload_token,
                    "data": None,
                }
            return json_response(
                {
                    "value": {
                        "uploadUrlsExpireAt": _now_ms() + 24 * 3600 * 1000,
                        "video": urn,
                        "uploadInstructions": instructions,
                        "uploadToken": upload_token,
                    }
                }
            )
        if action == "finalizeUpload":
            final = body.get("finalizeUploadRequest") or {}
            urn = final.get("video", "")
            asset = _state(sim)["videos"].get(urn)
            if asset is None:
                return _error(404, f"Video {urn} not found", code="NOT_FOUND")
            if not _may_act_as(sim, issued, asset["owner"]):
                return _access_denied("videos.ACTION-finalizeUpload")
            if final.get("uploadToken", "") != asset["upload_token"]:
                return _bad_request("The uploadToken does not match the one issued for this video")
            with sim.lock:
                missing = [i for i in range(len(asset["ranges"])) if i not in asset["parts"]]
                etags = [asset["parts"][i][0] for i in sorted(asset["parts"])]
            if missing:
                return _bad_request(f"Upload of video {urn} is incomplete: {len(missing)} part(s) missing")
            if final.get("uploadedPartIds") != etags:
                return _bad_request("uploadedPartIds do not match the parts uploaded for this video, in order")
            with sim.lock:
                asset["data"] = b"".join(asset["parts"][i][1] for i in range(len(asset["ranges"])))
                asset["status"] = "PROCESSING"
                asset["uploaded_at"] = time.time()
                asset["polled"] = False
            return Response(status=200)
        return _bad_request("Unsupported action; expected initializeUpload or finalizeUpload")

    @_route(sim, "GET", "/rest/videos/{urn}")
    def video_status(request: Request) -> Response:
        _authenticate(sim, request)
        _check_versioned(request)
        urn = _param(request, "urn")
        asset = _state(sim)["videos"].get(urn)
        if asset is None:
            return _error(404, f"Video {urn} not found", code="NOT_FOUND")
        status = _poll(sim, asset)
        body = {"id": urn, "owner": asset["owner"], "status": status}
        if status == "AVAILABLE":
            body["downloadUrl"] = f"https://dms.licdn.com/playlist/sim/{urn.rsplit(':', 1)[-1]}"
        return json_response(body)


def _register_upload_urls(sim: Simulator) -> None:
    """The upload URLs the Images and Videos APIs hand out (www.linkedin.com/dms-uploads/...)."""

    @_route(sim, "PUT", "/dms-uploads/{slot}")
    def upload(request: Request) -> Response:
        slot = _state(sim)["uploads"].get(request.params["slot"])
        if slot is None:
            return _error(404, "Upload URL not found or expired", code="NOT_FOUND")
        kind, urn, index = slot
        if not request.body:
            return _bad_request("Empty upload body")
        if kind == "image":
            asset = _state(sim)["images"][urn]
            with sim.lock:
                asset.update(
                    data=request.body,
                    content_type=sniff_content_type(request.body) or request.content_type or "application/octet-stream",
                    status="PROCESSING",
                    uploaded_at=time.time(),
                    polled=False,
                )
            return Response(status=201)
        asset = _state(sim)["videos"][urn]
        first, last = asset["ranges"][index]
        if len(request.body) != last - first + 1:
            return _bad_request(
                f"Part {index + 1} must be bytes {first}-{last} ({last - first + 1} bytes), got {len(request.body)}"
            )
        etag = '"' + hashlib.md5(request.body, usedforsecurity=False).hexdigest() + f'/{index}"'
        with sim.lock:
            asset["parts"][index] = (etag, request.body)
        return Response(status=200, headers={"ETag": etag})


def _register_publishing(sim: Simulator) -> None:
    """Creating a post (the Posts API)."""

    @_route(sim, "POST", "/rest/posts")
    def create_post(request: Request) -> Response:
        issued = _authenticate(sim, request)
        _check_versioned(request)
        body = request.json()
        if not isinstance(body, dict):
            return _bad_request("Request body is not a valid JSON object")
        for name in ("author", "visibility", "distribution", "lifecycleState"):
            if name not in body:
                return _unprocessable(f"/{name}", "field is required but not found and has no default value")
        author = body["author"]
        if not re.fullmatch(r"urn:li:(person|organization):\w+", str(author)):
            return _unprocessable("/author", f"'{author}' is not a valid person or organization URN")
        if not _may_act_as(sim, issued, author):
            return _access_denied(f"partnerApiPostsExternal.CREATE.{request.header('linkedin-version')}")
        needed = "w_member_social" if author.startswith("urn:li:person:") else "w_organization_social"
        if needed not in issued.scopes:
            return _access_denied(f"partnerApiPostsExternal.CREATE.{request.header('linkedin-version')}")
        if body["visibility"] not in ("PUBLIC", "CONNECTIONS", "LOGGED_IN", "CONTAINER"):
            return _unprocessable("/visibility", f"'{body['visibility']}' is not an enum symbol")
        if body["lifecycleState"] not in ("PUBLISHED", "DRAFT"):
            return _unprocessable("/lifecycleState", f"'{body['lifecycleState']}' is not a valid lifecycle state")
        if not isinstance(body["distribution"], dict) or "feedDistribution" not in body["distribution"]:
            return _unprocessable("/distribution/feedDistribution", "field is required but not found")
        commentary = body.get("commentary", "")
        if not isinstance(commentary, str):
            return _unprocessable("/commentary", "must be a string")
        if len(commentary) > MAX_COMMENTARY:
            return _unprocessable(
                "/commentary", f"length of commentary ({len(commentary)}) exceeds the maximum of {MAX_COMMENTARY}"
            )
        media, problem = _resolve_content(sim, author, body.get("content"))
        if problem is not None:
            return problem
        if not commentary and not media and not (body.get("content") or {}).get("article"):
            return _unprocessable("/commentary", "a post needs commentary or content")
        shown, stopped_at = read_little_text(commentary)
        with sim.lock:
            if commentary:
                cutoff = now_utc() - DUPLICATE_WINDOW
                for earlier in sim.posts_for(PREFIX, author):
                    if earlier.received_at >= cutoff and earlier.extra.get("commentary_sent") == commentary:
                        return _error(
                            422,
                            f"ERROR :: /commentary :: duplicate post. Content is a duplicate of {earlier.id}",
                            code="DUPLICATE_POST",
                            service_code=100,
                        )
            is_video = any(item["kind"] == "video" for item in media)
            urn = f"urn:li:{'ugcPost' if is_video else 'share'}:{7_400_000_000_000_000_000 + int(sim.next_id())}"
            created_ms = _now_ms()
            sim.record_post(
                RecordedPost(
                    network=PREFIX,
                    account_id=author,
                    id=urn,
                    text=shown,
                    url=_public_url(sim, urn),
                    received_at=now_utc(),
                    media=media,
                    body=body,
                    headers=dict(request.headers),
                    extra={
                        "commentary_sent": commentary,
                        # LinkedIn keeps (and reads back) the little text up to where it stopped.
                        "commentary": commentary[:stopped_at],
                        "truncated": stopped_at < len(commentary),
                        "created_at_ms": created_ms,
                        "article": (body.get("content") or {}).get("article"),
                    },
                )
            )
        return Response(status=201, headers={"x-restli-id": urn, "x-linkedin-id": urn})


def _register_read_back(sim: Simulator) -> None:
    """Finding an author's posts and reading one back."""

    @_route(sim, "GET", "/rest/posts")
    def find_posts(request: Request) -> Response:
        issued = _authenticate(sim, request)
        _check_versioned(request)
        if request.arg("q") != "author":
            return _bad_request("Invalid query parameter q; supported finders: author")
        if request.header("x-restli-method").upper() != "FINDER":
            return _bad_request("A finder request needs the header X-RestLi-Method: FINDER")
        author = request.arg("author", "")
        if not author:
            return _bad_request('A required parameter "author" is missing')
        if not _may_act_as(sim, issued, author):
            return _access_denied(f"partnerApiPostsExternal.FINDER-author.{request.header('linkedin-version')}")
        start = int(request.arg("start", "0") or 0)
        count = max(1, min(100, int(request.arg("count", "10") or 10)))
        posts = sorted(sim.posts_for(PREFIX, author), key=lambda p: p.extra["created_at_ms"], reverse=True)
        elements = [_post_element(p) for p in posts[start : start + count]]
        return json_response(
            {"paging": {"start": start, "count": count, "links": [], "total": len(posts)}, "elements": elements}
        )

    @_route(sim, "GET", "/rest/posts/{urn}")
    def get_post(request: Request) -> Response:
        issued = _authenticate(sim, request)
        _check_versioned(request)
        urn = _param(request, "urn")
        for post in sim.posts_for(PREFIX):
            if post.id == urn:
                if not _may_act_as(sim, issued, post.account_id):
                    return _access_denied("partnerApiPostsExternal.GET")
                return json_response(_post_element(post))
        return _error(404, f"Post {urn} not found", code="NOT_FOUND")


def _resolve_content(sim: Simulator, author: str, content: Any) -> tuple[list[dict[str, Any]], Response | None]:
    """The media a post's content refers to, as recorded, or LinkedIn's answer why not."""
    if content is None:
        return [], None
    if not isinstance(content, dict) or len(content) != 1:
        return [], _unprocessable("/content", "exactly one of media, multiImage, article, poll must be set")
    kind, value = next(iter(content.items()))
    if kind == "article":
        if not isinstance(value, dict) or not value.get("source"):
            return [], _unprocessable("/content/article/source", "field is required but not found")
        thumbnail = value.get("thumbnail")
        if thumbnail:
            item, problem = _media_item(sim, author, thumbnail, "", "/content/article/thumbnail")
            return ([item] if item else []), problem
        return [], None
    if kind == "media":
        if not isinstance(value, dict) or not value.get("id"):
            return [], _unprocessable("/content/media/id", "field is required but not found")
        item, problem = _media_item(sim, author, value["id"], value.get("altText", ""), "/content/media/id")
        if item is not None and item["kind"] == "video":
            item["title"] = value.get("title", "")
        return ([item] if item else []), problem
    if kind == "multiImage":
        images = (value or {}).get("images") if isinstance(value, dict) else None
        if not isinstance(images, list) or not 2 <= len(images) <= 20:
            return [], _unprocessable("/content/multiImage/images", "a multi-image post needs 2 to 20 images")
        items = []
        for index, image in enumerate(images):
            urn = (image or {}).get("id", "")
            if not urn.startswith("urn:li:image:"):
                return [], _unprocessable(f"/content/multiImage/images/{index}/id", "must be an image URN")
            item, problem = _media_item(
                sim, author, urn, image.get("altText", ""), f"/content/multiImage/images/{index}/id"
            )
            if problem is not None:
                return [], problem
            items.append(item)
        return items, None
    return [], _unprocessable(f"/content/{kind}", "unsupported content type")


def _media_item(
    sim: Simulator, author: str, urn: str, alt_text: str, path: str
) -> tuple[dict[str, Any] | None, Response | None]:
    state = _state(sim)
    if urn.startswith("urn:li:image:"):
        asset, kind = state["images"].get(urn), "image"
    elif urn.startswith("urn:li:video:"):
        asset, kind = state["videos"].get(urn), "video"
    else:
        return None, _unprocessable(path, f"'{urn}' is not an image or video URN")
    if asset is None:
        return None, _error(404, f"{path} :: {urn} not found", code="NOT_FOUND")
    if asset["owner"] != author:
        return None, _bad_request(f"ERROR :: {path} :: {urn} is owned by {asset['owner']}, not the author {author}")
    with sim.lock:
        ready = _ready(asset)
    if not ready:
        return None, _bad_request(f"ERROR :: {path} :: {urn} is not AVAILABLE (status {asset['status']})")
    data = asset["data"]
    item = {
        "id": urn,
        "kind": "gif" if kind == "image" and asset.get("content_type") == "image/gif" else kind,
        "content_type": asset.get("content_type") or sniff_content_type(data) or "application/octet-stream",
        "size": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
        "alt_text": alt_text,
    }
    return item, None


def _ready(asset: dict[str, Any]) -> bool:
    if asset["status"] == "PROCESSING" and time.time() - asset.get("uploaded_at", 0) >= PROCESSING_S:
        asset["status"] = "AVAILABLE"
    return asset["status"] == "AVAILABLE"


def _poll(sim: Simulator, asset: dict[str, Any]) -> str:
    """Answer PROCESSING at the first poll after an upload, AVAILABLE after that."""
    with sim.lock:
        if asset["status"] == "PROCESSING":
            if asset.get("polled"):
                asset["status"] = "AVAILABLE"
            else:
                asset["polled"] = True
                _ready(asset)
        return asset["status"]


def _post_element(post: RecordedPost) -> dict[str, Any]:
    body = post.body or {}
    element = {
        "id": post.id,
        "author": post.account_id,
        "commentary": post.extra.get("commentary", ""),
        "visibility": body.get("visibility"),
        "distribution": body.get("distribution"),
        "lifecycleState": body.get("lifecycleState"),
        "isReshareDisabledByAuthor": body.get("isReshareDisabledByAuthor", False),
        "createdAt": post.extra["created_at_ms"],
        "publishedAt": post.extra["created_at_ms"],
        "lastModifiedAt": post.extra["created_at_ms"],
    }
    if body.get("content"):
        element["content"] = body["content"]
    return element


def _oauth_error(status: int, error: str, description: str) -> Response:
    return json_response({"error": error, "error_description": description}, status=status)


def _id_token(member_urn: str, client_id: str) -> str:
    """An OpenID Connect id_token shaped like LinkedIn's (the signature is not a real one)."""

    def part(value: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()

    now = int(time.time())
    header = {"alg": "RS256", "kid": "sim", "typ": "JWT"}
    claims = {"iss": "https://www.linkedin.com/oauth", "aud": client_id, "iat": now, "exp": now + 3600}
    claims["sub"] = member_urn.rsplit(":", 1)[-1]
    return f"{part(header)}.{part(claims)}.{base64.urlsafe_b64encode(secrets.token_bytes(32)).rstrip(b'=').decode()}"


def _denied_redirect(fault: Fault, redirect_uri: str, extra: dict[str, str]) -> Response:
    if fault.kind == "login_cancelled":
        error, description = "user_cancelled_login", "The user cancelled LinkedIn login"
    else:
        error, description = "user_cancelled_authorize", "The user cancelled the authorization"
    return _redirect(redirect_uri, {"error": error, "error_description": description, **extra})


def _fault_answer(fault: Fault, request: Request) -> Response:
    """An injected fault, answered the way LinkedIn answers it (see the module docstring)."""
    response = _fault_response(fault, request)
    response.headers.setdefault("x-li-uuid", _li_uuid())
    return response


def _fault_response(fault: Fault, request: Request) -> Response:
    status = fault.status or 500
    if request.path == "/oauth/v2/authorization":
        if fault.kind in ("denied", "login_cancelled"):
            state = request.arg("state")
            return _denied_redirect(fault, request.arg("redirect_uri", ""), {"state": state} if state else {})
        return Response(status=status, body=f"<h1>LinkedIn</h1><p>Something went wrong ({status}).</p>")
    if request.path == "/oauth/v2/accessToken" and status in (400, 401):
        if status == 401:
            return _oauth_error(401, "invalid_client", "Client authentication failed")
        return _oauth_error(400, "invalid_request", "The provided authorization grant or refresh token is invalid")
    if fault.kind == "duplicate":
        return _error(
            422,
            "ERROR :: /commentary :: duplicate post. Content is a duplicate of urn:li:share:7400000000000000001",
            code="DUPLICATE_POST",
            service_code=100,
        )
    if fault.kind == "forbidden" or status == 403:
        return _access_denied(f"partnerApiPostsExternal.CREATE.{request.header('linkedin-version') or 'NO_VERSION'}")
    if fault.kind == "version" or status == 426:
        version = request.header("linkedin-version")
        return _error(426, f"Requested version {version} is not active", code="NONEXISTENT_VERSION")
    if status == 429:
        scope = "MEMBER" if fault.kind == "member" else "APPLICATION"
        return _error(
            429,
            f"Resource level throttle {scope} DAY limit for calls to this resource is reached.",
            code="TOO_MANY_REQUESTS",
            service_code=101,
        )
    if status == 401:
        if fault.kind == "revoked":
            return _error(
                401,
                "The token used in the request has been revoked by the user",
                code="REVOKED_ACCESS_TOKEN",
                service_code=65601,
            )
        return _error(401, "The token used in the request has expired", code="EXPIRED_ACCESS_TOKEN", service_code=65602)
    messages = {
        500: ("INTERNAL_SERVER_ERROR", "Internal Server Error"),
        502: ("BAD_GATEWAY", "Bad Gateway"),
        503: ("SERVICE_UNAVAILABLE", "Service Unavailable"),
        504: ("GATEWAY_TIMEOUT", "Gateway Timeout"),
        400: ("ILLEGAL_ARGUMENT", "Bad Request"),
        404: ("NOT_FOUND", "Not Found"),
        422: ("UNPROCESSABLE_ENTITY", "Unprocessable Entity"),
    }
    code, message = messages.get(status, ("ERROR", f"HTTP {status}"))
    return _error(status, message, code=code)


# --- figures ----------------------------------------------------------------------------------

BATCH_LIMIT = 100  # ids in one socialMetadata BATCH_GET or one share-statistics finder (verify)


def _restli_list(value: str | None) -> list[str]:
    """``List(urn%3Ali%3Ashare%3A1,urn%3Ali%3Ashare%3A2)`` -> the URNs."""
    value = (value or "").strip()
    if not (value.startswith("List(") and value.endswith(")")):
        return []
    return [unquote(item) for item in value[5:-1].split(",") if item]


def _register_statistics(sim: Simulator) -> None:
    """Reactions and comments of any post (socialMetadata, members and pages alike), and the
    organization-only figures: share statistics (impressions, clicks, …) and follower counts.
    A member's posts have no impressions here: ``organizationalEntityShareStatistics`` answers
    403 for anything but a page its caller administers."""

    @_route(sim, "GET", "/rest/socialMetadata")
    def social_metadata(request: Request) -> Response:
        issued = _authenticate(sim, request)
        _check_versioned(request)
        if request.header("x-restli-method").upper() != "BATCH_GET":
            return _bad_request("A batch request needs the header X-RestLi-Method: BATCH_GET")
        urns = _restli_list(request.arg("ids"))
        if not 1 <= len(urns) <= BATCH_LIMIT:
            return _bad_request(f"ids must list between 1 and {BATCH_LIMIT} entities")
        found = metrics.posts_by_id(sim, PREFIX, urns, owner=_member_urn(issued))
        results, errors = {}, {}
        for urn in urns:
            post = found.get(urn)
            if post is None:
                errors[urn] = {"status": 404, "message": f"Entity {urn} not found"}
                continue
            values = metrics.figures(post.id, post.received_at)
            results[urn] = {
                "entity": urn,
                "commentsState": "OPEN",
                "reactionSummaries": {"LIKE": {"reactionType": "LIKE", "count": values["likes"]}}
                if values["likes"]
                else {},
                "commentSummary": {"count": values["comments"], "topLevelCount": values["comments"]},
            }
        return json_response({"results": results, "statuses": {}, "errors": errors})

    @_route(sim, "GET", "/rest/organizationalEntityShareStatistics")
    def share_statistics(request: Request) -> Response:
        issued = _authenticate(sim, request)
        _check_versioned(request)
        if request.arg("q") != "organizationalEntity":
            return _bad_request("Invalid query parameter q; supported finders: organizationalEntity")
        organization = request.arg("organizationalEntity", "")
        if not re.fullmatch(r"urn:li:organization:\d+", organization) or not _may_act_as(sim, issued, organization):
            return _access_denied(f"organizationalEntityShareStatistics.FINDER-organizationalEntity.{organization}")
        urns = _restli_list(request.arg("shares")) + _restli_list(request.arg("ugcPosts"))
        if len(urns) > BATCH_LIMIT:
            return _bad_request(f"At most {BATCH_LIMIT} shares and ugcPosts in one request")
        found = metrics.posts_by_id(sim, PREFIX, urns, owner=organization)
        elements = []
        for urn in urns:
            post = found.get(urn)
            if post is None or post.account_id != organization:
                continue
            values = metrics.figures(post.id, post.received_at)
            statistics = {
                "impressionCount": values["views"],
                "uniqueImpressionsCount": values["reach"],
                "clickCount": values["clicks"],
                "likeCount": values["likes"],
                "commentCount": values["comments"],
                "shareCount": values["shares"],
                "engagement": round(
                    (values["clicks"] + values["likes"] + values["comments"] + values["shares"])
                    / max(values["views"], 1),
                    6,
                ),
            }
            key = "ugcPost" if ":ugcPost:" in urn else "share"
            elements.append({key: urn, "organizationalEntity": organization, "totalShareStatistics": statistics})
        return json_response({"paging": {"start": 0, "count": len(elements), "links": []}, "elements": elements})

    @_route(sim, "GET", "/rest/networkSizes/{urn}")
    def network_size(request: Request) -> Response:
        issued = _authenticate(sim, request)
        _check_versioned(request)
        urn = unquote(request.params["urn"])
        if request.arg("edgeType") != "COMPANY_FOLLOWED_BY_MEMBER" or not urn.startswith("urn:li:organization:"):
            return _bad_request("edgeType must be COMPANY_FOLLOWED_BY_MEMBER for an organization")
        if not _may_act_as(sim, issued, urn):
            return _access_denied(f"networkSizes.GET.{urn}")
        return json_response({"firstDegreeSize": metrics.followers(urn)})
