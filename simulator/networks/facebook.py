"""The simulated Graph API: Facebook Pages and Instagram professional accounts.

Written from platform-contracts.md and Meta's public Graph API documentation, never from our
adapters. Routes live under ``/facebook`` (so ``FACEBOOK_GRAPH_URL`` and ``FACEBOOK_WWW_URL`` are
both ``{base}/facebook``) and every path starts with a version, ``/v24.0/...``.

What it does the way Graph does:

- Versions: any ``vN.0`` from ``OLDEST_VERSION`` to ``NEWEST_VERSION`` is served; an older one is
  served as the oldest available (Graph upgrades calls to retired versions); anything else
  (``v99.0``, ``v24.1``, a missing version) answers code 2500 "Unknown path components".
- OAuth: ``/dialog/oauth`` auto-consents as ``sim.store["facebook"]["consenting_account"]`` and
  redirects to ``redirect_uri`` with ``code`` and ``state`` (and Facebook's ``#_=_`` fragment).
  ``/oauth/access_token`` checks the client, the code (single use, 10 minutes) and the
  ``redirect_uri``, and answers a short-lived user token (1 hour); ``grant_type=fb_exchange_token``
  answers a long-lived one (60 days). Graph has no refresh tokens.
- ``/me/accounts`` lists the user's pages with page tokens: a long-lived user token gives page
  tokens that never expire, a short-lived one gives page tokens that die with it. Page tokens
  die when the user changes password or removes the app (``change_password``/``remove_app``):
  code 190 with subcode 460/458.
- Tokens come as the ``access_token`` parameter or a Bearer header. Errors are
  ``{"error":{"message","type","code","error_subcode","is_transient","fbtrace_id"}}`` with the
  trace id also in ``x-fb-trace-id``; HTTP status 400 as Graph uses it (500/503 for server
  faults). Expired token: 190/463; unknown token: 190. Publishing to a page needs that page's
  token (a user token or another page's token: code 200).
- Pages: ``/feed`` (message, link, ``attached_media[i]`` of unpublished photos), ``/photos``
  (``url`` fetched by the simulator, or multipart ``source``; ``published=false``), ``/videos``
  (``file_url``, multipart ``source``, or the resumable ``upload_phase=start|transfer|finish`` session,
  see ``_resumable_video``), ``/posts`` (from the record, ``since``/``until``/``limit``), and
  ``DELETE /{object}`` with the page's token (``{"success": true}``; the post leaves the record).
  Video status (``?fields=status``) answers ``processing`` on the first read, then ``ready``.
- Instagram: ``/{ig}/media`` containers. ``image_url``/``video_url`` are **fetched over HTTP**
  (``urllib``, 5 s timeout; ``sim.fetch_host_override`` maps a host to another ``host:port``);
  an image that cannot be fetched or is not a JPEG answers 9004/2207052, a bad aspect ratio
  (outside 4:5..1.91:1) 36003/2207009, a caption over 2,200 characters, 30 hashtags or 20
  mentions 100/2207010. Container status answers ``IN_PROGRESS`` on the first poll and
  ``FINISHED`` on the next (``ERROR`` for a video that could not be fetched or is not MP4;
  ``EXPIRED`` 24 hours after creation, see ``expire_container``). ``media_publish`` of a
  container not yet ``FINISHED`` answers 9007/2207027. Publishing counts against a quota of 50
  per moving 24 hours (``media_publish`` reference, 2025; ``content_publishing_limit``; over it:
  9/2207042). Published media get a permalink ``https://www.instagram.com/p/{shortcode}/`` (``/reel/`` for reels).
- Every accepted post is recorded: network ``"facebook"`` (account = page id) or
  ``"instagram"`` (account = IG user id), text exactly as shown (message, description or
  caption), media with id, kind, content_type, size, sha256, alt_text.

Fault flavours (``sim.fail("facebook", "POST /{version}/{node}/feed", status=..., kind=...)``;
endpoints are the route patterns below):

- ``status=429`` (or ``kind="rate"``): Graph's throttling answer, HTTP 400 with code 4
  "Application request limit reached" and ``X-App-Usage``; ``kind="page"``: code 32 with
  ``X-Page-Usage``; ``kind="buc"``: code 80001 with ``X-Business-Use-Case-Usage``. Every
  throttling answer carries ``X-Business-Use-Case-Usage`` (and the flavour's own header) with
  ``estimated_time_to_regain_access`` in minutes, rounded up from ``reset_in`` (default 3600 s).
- ``status=500``/``503`` (or ``kind="transient"``): code 2, ``is_transient: true``.
- ``status=401`` or ``kind="expired"``: code 190 subcode 463; ``kind="password_changed"``: 460;
  ``kind="revoked"``: 458.
- ``kind="duplicate"``: code 506 "Duplicate status message". ``kind="quota"``: the Instagram
  publishing quota answer (9/2207042). ``status=403``: code 200 permissions; ``status=400``: 100.
- ``kind="denied"`` on ``GET /{version}/dialog/oauth``: redirect back with
  ``error=access_denied&error_reason=user_denied&error_description=...``.
- Without a status: ``kind="processing_failed"`` on a container or video status read turns
  it to ``ERROR``/``error``; ``kind="container_expired"`` turns a container ``EXPIRED``.
"""

from __future__ import annotations

import base64
import hashlib
import http.client
import io
import json
import math
import re
import secrets
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

from PIL import Image

from simulator import timeline
from simulator.core import (
    SANDBOX_CLIENTS,
    Drop,
    Fault,
    IssuedToken,
    RecordedPost,
    Request,
    Response,
    Simulator,
    json_response,
    now_utc,
)

NETWORK = "facebook"
INSTAGRAM = "instagram"

OLDEST_VERSION = 19
NEWEST_VERSION = 25
CODE_LIFETIME_S = 600
SHORT_LIVED_S = 3600
LONG_LIVED_S = 60 * 86400
MESSAGE_LIMIT = 63206
PHOTO_MAX_BYTES = 10 * 1024 * 1024
IG_IMAGE_MAX_BYTES = 8 * 1024 * 1024
FETCH_MAX_BYTES = 300 * 1024 * 1024
FETCH_TIMEOUT_S = 5.0
CAPTION_LIMIT = 2200
HASHTAG_LIMIT = 30
MENTION_LIMIT = 20
IG_QUOTA = 50  # "can only publish 50 posts within a 24 hour moving period" (media_publish reference)
IG_QUOTA_WINDOW_S = 86400
CONTAINER_LIFETIME_S = 86400
MIN_ASPECT = 4 / 5
MAX_ASPECT = 1.91
PHOTO_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "BMP": "image/bmp", "TIFF": "image/tiff"}

PAGE_SCOPES = ("pages_show_list", "pages_manage_posts", "pages_read_engagement", "business_management")
IG_SCOPES = ("instagram_basic", "instagram_content_publish")
ALL_SCOPES = PAGE_SCOPES + IG_SCOPES

DEMO_USER = {"id": "100000000000001", "name": "Demo Physician"}
DEMO_PAGE = {"id": "200000000000001", "name": "Demo Clinic"}
DEMO_IG = {"id": "17841400000000001", "username": "democlinic", "name": "Demo Clinic"}

HASHTAG = re.compile(r"(?<![\w#])#\w+")
MENTION = re.compile(r"(?<![\w@])@[\w.]+")


# --- state ---------------------------------------------------------------------------------


def _state(sim: Simulator) -> dict[str, Any]:
    with sim.lock:
        return sim.store.setdefault(
            NETWORK,
            {
                "consenting_account": DEMO_USER["id"],
                "users": {},  # user id -> {"id","name","pages":[page ids]}
                "pages": {},  # page id -> {"id","name","ig_id","users":[user ids]}
                "ig": {},  # ig id -> {"id","username","name","page_id"}
                "objects": {},  # photos, videos, posts, containers, ig media: id -> dict
                "used_codes": set(),
                "dead_tokens": {},  # token -> error subcode (458 app removed, 460 password changed)
                "page_tokens": {},  # (user id, page id) -> non-expiring page token
                "ig_quota": IG_QUOTA,
            },
        )


def _fbid(sim: Simulator, prefix: str = "1") -> str:
    return f"{prefix}{int(sim.next_id()):014d}"


def _now() -> datetime:
    return now_utc()


def _graph_time(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S+0000")


def _trace_id() -> str:
    return "A" + secrets.token_urlsafe(16)


# --- answers ----------------------------------------------------------------------------------


def graph_error(
    message: str,
    *,
    code: int,
    subcode: int | None = None,
    type: str = "OAuthException",
    status: int = 400,
    is_transient: bool = False,
    user_title: str = "",
    user_msg: str = "",
    headers: dict[str, str] | None = None,
) -> Response:
    trace = _trace_id()
    error: dict[str, Any] = {"message": message, "type": type, "code": code}
    if subcode is not None:
        error["error_subcode"] = subcode
    error["is_transient"] = is_transient
    if user_title:
        error["error_user_title"] = user_title
    if user_msg:
        error["error_user_msg"] = user_msg
    error["fbtrace_id"] = trace
    out = {"x-fb-trace-id": trace, **(headers or {})}
    if code == 190:
        out["WWW-Authenticate"] = f'OAuth "Facebook Platform" "invalid_token" "{message}"'
    return Response(status=status, body={"error": error}, headers=out)


def _ok(body: Any, status: int = 200) -> Response:
    return json_response(body, status=status)


def _unknown_path(path: str) -> Response:
    return graph_error(f"Unknown path components: {path}", code=2500)


def _no_object(node: str, method: str = "get") -> Response:
    return graph_error(
        f"Unsupported {method} request. Object with ID '{node}' does not exist, cannot be loaded due to missing "
        "permissions, or does not support this operation. Please read the Graph API documentation at "
        "https://developers.facebook.com/docs/graph-api",
        code=100,
        subcode=33,
        type="GraphMethodException",
    )


def _invalid(message: str, *, code: int = 100, subcode: int | None = None, **kwargs: Any) -> Response:
    return graph_error(message, code=code, subcode=subcode, **kwargs)


def _page_permission_error() -> Response:
    return graph_error(
        "(#200) If posting to a page, requires both pages_read_engagement and pages_manage_posts as an admin "
        "with sufficient administrative permission",
        code=200,
    )


def _ig_permission_error() -> Response:
    return graph_error("(#10) Application does not have permission for this action", code=10)


class _Fail(Exception):
    """Raised inside handlers to answer with a Graph error."""

    def __init__(self, response: Response):
        super().__init__("graph error")
        self.response = response


# --- tokens -------------------------------------------------------------------------------------


def _issue_user_token(sim: Simulator, user_id: str, scopes: tuple[str, ...], *, long_lived: bool) -> str:
    lifetime = LONG_LIVED_S if long_lived else SHORT_LIVED_S
    return sim.tokens.issue(NETWORK, user_id, expires_in=lifetime, scopes=scopes, type="user", long_lived=long_lived)


def _page_token(sim: Simulator, user_token: IssuedToken, page_id: str) -> str:
    """A page token as /me/accounts gives it: never expiring when asked with a long-lived user token."""
    state = _state(sim)
    if user_token.extra.get("long_lived"):
        key = (user_token.account_id, page_id)
        with sim.lock:
            token = state["page_tokens"].get(key)
            if token and sim.tokens.lookup(NETWORK, token):
                return token
            token = sim.tokens.issue(
                NETWORK, page_id, scopes=user_token.scopes, type="page", user_id=user_token.account_id
            )
            state["page_tokens"][key] = token
            return token
    remaining = None if user_token.expires_at is None else max(user_token.expires_at - time.time(), 1)
    return sim.tokens.issue(
        NETWORK, page_id, expires_in=remaining, scopes=user_token.scopes, type="page", user_id=user_token.account_id
    )


def _authenticate(sim: Simulator, request: Request) -> IssuedToken:
    token = request.bearer_token()
    if not token:
        raise _Fail(graph_error("An access token is required to request this resource.", code=104))
    issued = sim.tokens.lookup(NETWORK, token)
    if issued is not None:
        return issued
    dead = _state(sim)["dead_tokens"].get(token)
    if dead == 460:
        raise _Fail(
            graph_error(
                "Error validating access token: The session has been invalidated because the user changed their "
                "password or Facebook has changed the session for security reasons.",
                code=190,
                subcode=460,
            )
        )
    if dead == 458:
        raise _Fail(
            graph_error(
                "Error validating access token: The user has not authorized application.", code=190, subcode=458
            )
        )
    peeked = sim.tokens.peek(NETWORK, token)
    if peeked is not None and peeked.kind == "access" and peeked.expires_at is not None:
        expired = datetime.fromtimestamp(peeked.expires_at, UTC)
        raise _Fail(
            graph_error(
                f"Error validating access token: Session has expired on {expired:%A, %d-%b-%y %H:%M:%S} PST. "
                f"The current time is {_now():%A, %d-%b-%y %H:%M:%S} PST.",
                code=190,
                subcode=463,
            )
        )
    raise _Fail(graph_error("Invalid OAuth access token - Cannot parse access token", code=190))


def _is_user(token: IssuedToken) -> bool:
    return token.extra.get("type") == "user"


def _manages(sim: Simulator, token: IssuedToken, page_id: str) -> bool:
    """The token may read the page: it is the page's own token or a token of one of its admins."""
    page = _state(sim)["pages"].get(page_id)
    if page is None:
        return False
    if token.extra.get("type") == "page":
        return token.account_id == page_id
    return token.account_id in page["users"]


def _page_for_publishing(sim: Simulator, token: IssuedToken, node: str, *, method: str = "post") -> dict[str, Any]:
    page = _state(sim)["pages"].get(node)
    if page is None:
        raise _Fail(_no_object(node, method))
    if token.extra.get("type") != "page" or token.account_id != node:
        raise _Fail(_page_permission_error())
    if not {"pages_manage_posts", "pages_read_engagement"} <= set(token.scopes):
        raise _Fail(_page_permission_error())
    return page


def _ig_account(sim: Simulator, token: IssuedToken, node: str, *, publishing: bool, method: str = "get") -> dict:
    ig = _state(sim)["ig"].get(node)
    if ig is None or not _manages(sim, token, ig["page_id"]):
        raise _Fail(_no_object(node, method))
    needed = {"instagram_basic", "instagram_content_publish"} if publishing else {"instagram_basic"}
    if not needed <= set(token.scopes):
        raise _Fail(_ig_permission_error())
    return ig


# --- parameters and fields -----------------------------------------------------------------------


def _params(request: Request) -> dict[str, str]:
    """Graph reads parameters from the query, a form (urlencoded or multipart) or a JSON body."""
    if request.content_type == "application/json":
        body = request.json()
        params = {k: v[0] for k, v in request.query.items()}
        if isinstance(body, dict):
            params.update({k: v if isinstance(v, str) else json.dumps(v) for k, v in body.items()})
        return params
    return request.form()


def parse_fields(spec: str) -> dict[str, dict | None]:
    """``id,name,instagram_business_account{id,username}`` -> {"id": None, ..., "iba": {...}}."""
    fields: dict[str, dict | None] = {}
    position = 0

    def parse(until_brace: bool) -> dict[str, dict | None]:
        nonlocal position
        out: dict[str, dict | None] = {}
        name = ""
        while position < len(spec):
            char = spec[position]
            position += 1
            if char == "{":
                out[_field_name(name)] = parse(True)
                name = ""
            elif char == "}":
                if name.strip():
                    out.setdefault(_field_name(name), None)
                return out
            elif char == ",":
                if name.strip():
                    out.setdefault(_field_name(name), None)
                name = ""
            else:
                name += char
        if name.strip():
            out.setdefault(_field_name(name), None)
        return out

    fields = parse(False)
    return fields


def _field_name(raw: str) -> str:
    # "picture.type(large)" and "posts.limit(5)" ask for the field with modifiers.
    return raw.strip().split(".")[0]


def _since(value: str | None, name: str) -> float | None:
    if not value:
        return None
    if re.fullmatch(r"-?\d+(\.\d+)?", value):
        return float(value)
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00").replace("+0000", "+00:00"))
    except ValueError:
        raise _Fail(_invalid(f"(#100) The parameter {name} must be a valid date")) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.timestamp()


def _check_fields(node_type: str, spec: dict[str, dict | None], known: set[str]) -> None:
    for name in spec:
        if name not in known:
            raise _Fail(_invalid(f"(#100) Tried accessing nonexisting field ({name}) on node type ({node_type})"))


def _render(node_type: str, values: dict[str, Any], spec: dict[str, dict | None], known: set[str]) -> dict:
    _check_fields(node_type, spec, known)
    out: dict[str, Any] = {}
    for name, sub in spec.items():
        value = values.get(name)
        if value is None:
            continue
        if callable(value):
            value = value(sub)
        out[name] = value
    return out


def _paged(request: Request, items: list[dict[str, Any]]) -> dict[str, Any]:
    try:
        limit = max(1, min(int(request.arg("limit") or 25), 100))
    except ValueError:
        raise _Fail(_invalid("(#100) The parameter limit must be a number")) from None
    after = request.arg("after")
    start = int(base64.urlsafe_b64decode(after.encode()).decode() or 0) if after else 0
    page = items[start : start + limit]
    answer: dict[str, Any] = {"data": page}
    if page:
        cursors = {
            "before": base64.urlsafe_b64encode(str(start).encode()).decode(),
            "after": base64.urlsafe_b64encode(str(start + len(page)).encode()).decode(),
        }
        answer["paging"] = {"cursors": cursors}
        if start + limit < len(items):
            query = {k: v[0] for k, v in request.query.items() if k != "access_token"}
            query["after"] = cursors["after"]
            answer["paging"]["next"] = f"{request.base_url}{request.path}?{urlencode(query)}"
    return answer


# --- media --------------------------------------------------------------------------------------


class _FetchFailed(Exception):
    pass


def _fetch(sim: Simulator, url: str, max_bytes: int) -> tuple[bytes, str]:
    """Fetch media the way Instagram and Facebook do: over HTTP, from the public URL."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise _FetchFailed("not an http(s) URL")
    override = sim.fetch_host_override.get(parts.netloc)
    if override:
        parts = parts._replace(netloc=override, scheme="http")
    request = urllib.request.Request(urlunsplit(parts), headers={"User-Agent": "facebookexternalhit/1.1"})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_S) as answer:  # noqa: S310 - scheme checked above
            data = answer.read(max_bytes + 1)
            content_type = answer.headers.get_content_type()
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as error:
        raise _FetchFailed(str(error)) from None
    return data, content_type


def _media_entry(
    sim: Simulator, data: bytes, *, kind: str, content_type: str, alt_text: str = "", source_url: str = "", **more: Any
) -> dict[str, Any]:
    return {
        "id": _fbid(sim),
        "kind": kind,
        "content_type": content_type,
        "size": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
        "alt_text": alt_text,
        "source_url": source_url,
        **more,
    }


def _image_info(data: bytes) -> tuple[str, int, int] | None:
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
        with Image.open(io.BytesIO(data)) as image:
            return image.format or "", image.width, image.height
    except Exception:
        return None


def _is_mp4(data: bytes) -> bool:
    return len(data) >= 12 and data[4:8] == b"ftyp"


def _shortcode(media_id: str) -> str:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    number = int(hashlib.sha256(media_id.encode()).hexdigest()[:16], 16)
    code = ""
    while number:
        number, digit = divmod(number, 64)
        code = alphabet[digit] + code
    return code[:11]


# --- the routes ------------------------------------------------------------------------------------


def register(sim: Simulator) -> None:
    state = _state(sim)
    Handler = Callable[[Request], Response]

    def route(method: str, pattern: str) -> Callable[[Handler], Handler]:
        """Register a versioned route; check the version, honour kind-only faults, add the trace id."""

        def wrap(handler: Handler) -> Handler:
            def run(request: Request) -> Response:
                try:
                    problem = _check_version(request)
                    if problem is not None:
                        return _traced(problem)
                    fault = request.fault
                    if fault is not None and fault.status is None and fault.kind in RESPONDER_KINDS:
                        return _traced(_fault_answer(sim, fault, request))
                    return _traced(handler(request))
                except _Fail as failure:
                    return _traced(failure.response)

            sim.route(NETWORK, method, pattern)(run)
            return handler

        return wrap

    # OAuth ----------------------------------------------------------------------------------
    @route("GET", "/{version}/dialog/oauth")
    def dialog(request: Request) -> Response:
        client_id = request.arg("client_id", "")
        redirect_uri = request.arg("redirect_uri", "")
        if client_id != SANDBOX_CLIENTS[NETWORK][0]:
            return Response(400, "<h1>Invalid App ID</h1><p>The provided app ID does not look like a valid app ID.</p>")
        if not redirect_uri or urlsplit(redirect_uri).scheme not in ("http", "https"):
            return Response(
                400,
                "<h1>URL Blocked</h1><p>This redirect failed because the redirect URI is not whitelisted in the "
                "app's Client OAuth Settings.</p>",
            )
        if request.fault is not None and request.fault.kind == "denied":
            return _denied(request)
        scopes = tuple(s for s in re.split(r"[,\s]+", request.arg("scope", "")) if s)
        user_id = state["consenting_account"]
        code = sim.tokens.issue(
            NETWORK,
            user_id,
            kind="code",
            expires_in=CODE_LIFETIME_S,
            scopes=scopes,
            redirect_uri=redirect_uri,
            client_id=client_id,
        )
        query = {"code": code}
        if request.arg("state") is not None:
            query["state"] = request.arg("state", "")
        return Response(302, headers={"Location": _with_query(redirect_uri, query) + "#_=_"})

    def access_token(request: Request) -> Response:
        params = _params(request)
        client_id, client_secret = SANDBOX_CLIENTS[NETWORK]
        if params.get("client_id") != client_id:
            return graph_error("Error validating application. Invalid application ID.", code=101)
        if params.get("client_secret") != client_secret:
            return graph_error("Error validating client secret.", code=1)
        if params.get("grant_type") == "fb_exchange_token":
            issued = sim.tokens.lookup(NETWORK, params.get("fb_exchange_token", ""))
            if issued is None or not _is_user(issued):
                return graph_error("Invalid OAuth access token - Cannot parse access token", code=190)
            token = _issue_user_token(sim, issued.account_id, issued.scopes, long_lived=True)
            return _ok({"access_token": token, "token_type": "bearer", "expires_in": LONG_LIVED_S})
        code = params.get("code", "")
        if not code:
            return graph_error("Missing authorization code", code=1)
        with sim.lock:
            used = code in state["used_codes"]
        if used:
            return graph_error("This authorization code has been used.", code=100, subcode=36009)
        peeked = sim.tokens.peek(NETWORK, code)
        if peeked is None or peeked.kind != "code":
            return graph_error("Invalid verification code format.", code=100)
        if peeked.extra.get("redirect_uri") != params.get("redirect_uri"):
            return graph_error(
                "Error validating verification code. Please make sure your redirect_uri is identical to the one "
                "you used in the OAuth dialog request",
                code=100,
                subcode=36008,
            )
        issued = sim.tokens.consume(NETWORK, code, kind="code")
        if issued is None:
            return graph_error("This authorization code has expired.", code=100, subcode=36007)
        with sim.lock:
            state["used_codes"].add(code)
        token = _issue_user_token(sim, issued.account_id, issued.scopes, long_lived=False)
        return _ok({"access_token": token, "token_type": "bearer", "expires_in": SHORT_LIVED_S})

    route("GET", "/{version}/oauth/access_token")(access_token)
    route("POST", "/{version}/oauth/access_token")(access_token)

    # Who am I and my pages ------------------------------------------------------------------
    @route("GET", "/{version}/me/accounts")
    def me_accounts(request: Request) -> Response:
        token = _authenticate(sim, request)
        if not _is_user(token):
            return _invalid("(#100) Tried accessing nonexisting field (accounts) on node type (Page)")
        spec = parse_fields(request.arg("fields") or "id,name,access_token,category")
        user = state["users"].get(token.account_id, {})
        pages = []
        if "pages_show_list" in token.scopes:
            for page_id in user.get("pages", []):
                pages.append(_page_values(sim, state["pages"][page_id], spec, token))
        return _ok(_paged(request, pages))

    @route("GET", "/{version}/{node}")
    def read_node(request: Request) -> Response:
        token = _authenticate(sim, request)
        node = token.account_id if request.params["node"] == "me" else request.params["node"]
        fields = request.arg("fields")
        if node in state["users"]:
            if not (_is_user(token) and token.account_id == node):
                return _no_object(node)
            user = state["users"][node]
            values = {"id": node, "name": user["name"], "picture": _picture_field(user.get("picture", ""))}
            return _ok(_render("User", values, parse_fields(fields or "id,name"), USER_FIELDS))
        if node in state["pages"]:
            if not _manages(sim, token, node):
                return _no_object(node)
            return _ok(_page_values(sim, state["pages"][node], parse_fields(fields or "id,name"), token))
        if node in state["ig"]:
            ig = _ig_account(sim, token, node, publishing=False)
            values = {
                "id": ig["id"],
                "ig_id": ig["id"],
                "username": ig["username"],
                "name": ig["name"],
                "profile_picture_url": ig["profile_picture_url"],
                "followers_count": 0,
                "follows_count": 0,
                "media_count": len(sim.posts_for(INSTAGRAM, ig["id"])),
                "biography": "",
                "website": "",
            }
            return _ok(_render("IGUser", values, parse_fields(fields or "id"), IG_USER_FIELDS))
        obj = state["objects"].get(node)
        if obj is None or not _can_read(sim, token, obj):
            return _no_object(node)
        return _ok(_object_values(sim, request, obj, fields))

    # Facebook page publishing ------------------------------------------------------------------
    @route("POST", "/{version}/{node}/feed")
    def feed(request: Request) -> Response:
        token = _authenticate(sim, request)
        page = _page_for_publishing(sim, token, request.params["node"])
        params = _params(request)
        message = params.get("message", "")
        link = params.get("link", "")
        if len(message) > MESSAGE_LIMIT:
            return _invalid("(#100) The message is too long: it can be at most 63206 characters")
        if link and urlsplit(link).scheme not in ("http", "https"):
            return _invalid("(#100) The link parameter must be a valid URL", subcode=1349125)
        photos = _attached_photos(sim, page, params)
        if not (message or link or photos):
            return _invalid("(#100) Missing message or attachment")
        media = [photo["media"] for photo in photos]
        post = _new_page_post(sim, request, page, message, media, params, kind="status", link=link)
        with sim.lock:
            for photo in photos:
                photo["attached_to"] = post["id"]
        return _ok({"id": post["id"]})

    @route("POST", "/{version}/{node}/photos")
    def photos(request: Request) -> Response:
        token = _authenticate(sim, request)
        page = _page_for_publishing(sim, token, request.params["node"])
        params = _params(request)
        upload = request.files().get("source")
        if upload is not None:
            data, source_url = upload.data, ""
        elif params.get("url"):
            try:
                data, _ = _fetch(sim, params["url"], PHOTO_MAX_BYTES)
            except _FetchFailed:
                return _invalid("(#324) Missing or invalid image file", code=324)
            source_url = params["url"]
        else:
            return _invalid("(#324) Requires upload file", code=324)
        if len(data) > PHOTO_MAX_BYTES:
            return _invalid("(#100) The photo is too large: photos can be at most 10 MB")
        info = _image_info(data)
        if info is None or info[0] not in PHOTO_FORMATS:
            return _invalid("(#324) Missing or invalid image file", code=324)
        image_format, width, height = info
        media = _media_entry(
            sim,
            data,
            kind="gif" if image_format == "GIF" else "image",
            content_type=PHOTO_FORMATS[image_format],
            alt_text=params.get("alt_text_custom", ""),
            source_url=source_url,
            width=width,
            height=height,
        )
        photo_id = media["id"]
        photo = {
            "type": "photo",
            "id": photo_id,
            "page_id": page["id"],
            "caption": params.get("message", "") or params.get("caption", ""),
            "media": media,
            "published": params.get("published", "true").lower() != "false",
            "created_at": _now(),
            "attached_to": None,
        }
        with sim.lock:
            state["objects"][photo_id] = photo
        if not photo["published"]:
            return _ok({"id": photo_id})
        post = _new_page_post(sim, request, page, photo["caption"], [media], params, kind="photo")
        photo["attached_to"] = post["id"]
        return _ok({"id": photo_id, "post_id": post["id"]})

    @route("POST", "/{version}/{node}/videos")
    def videos(request: Request) -> Response:
        token = _authenticate(sim, request)
        page = _page_for_publishing(sim, token, request.params["node"])
        params = _params(request)
        if params.get("upload_phase"):
            if params.get("file_url"):
                return _invalid("(#100) file_url cannot be used with upload_phase")
            return _resumable_video(sim, request, page, params)
        upload = request.files().get("source")
        if upload is not None:
            data, content_type, source_url = upload.data, upload.content_type, ""
        elif params.get("file_url"):
            try:
                data, content_type = _fetch(sim, params["file_url"], FETCH_MAX_BYTES)
            except _FetchFailed:
                return graph_error(
                    "There was a problem uploading your video file. Please try again.", code=390, subcode=1363030
                )
            source_url = params["file_url"]
        else:
            return graph_error(
                "There was a problem uploading your video file. Please try again with another file.",
                code=352,
                user_title="Video Upload Is Missing",
                user_msg="The video you tried uploading could not be found.",
            )
        if not data:
            return graph_error("There was a problem uploading your video file. Please try again.", code=6000)
        video = _new_video(sim, request, page, params, data, content_type=content_type, source_url=source_url)
        return _ok({"id": video["id"]})

    @route("DELETE", "/{version}/{node}/permissions")
    def delete_permissions(request: Request) -> Response:
        """``DELETE /{user-id}/permissions``: the person's login no longer grants the app anything. Takes
        the person's own user token or the app token ``{app-id}|{app-secret}``; every token of theirs
        and their pages then answers 190/458, as when they remove the app themselves."""
        node = request.params["node"]
        app_id, app_secret = SANDBOX_CLIENTS[NETWORK]
        if request.bearer_token() != f"{app_id}|{app_secret}":
            token = _authenticate(sim, request)
            if not (_is_user(token) and node in (token.account_id, "me")):
                return _no_object(node, "delete")
            node = token.account_id
        if node not in state["users"]:
            return _no_object(node, "delete")
        remove_app(sim, node)
        return _ok({"success": True})

    @route("DELETE", "/{version}/{node}")
    def delete_node(request: Request) -> Response:
        """Graph's ``DELETE /{photo-id}``, ``/{post-id}`` or ``/{video-id}`` with the page's token."""
        token = _authenticate(sim, request)
        node = request.params["node"]
        obj = state["objects"].get(node)
        if obj is None or "page_id" not in obj or not _can_read(sim, token, obj):
            return _no_object(node, "delete")
        if token.extra.get("type") != "page" or token.account_id != obj["page_id"]:
            return _page_permission_error()
        with sim.lock:
            state["objects"].pop(node, None)
            # A deleted post leaves the page (and the record), as it leaves the page's feed on Facebook.
            gone = {node, obj.get("attached_to") or "", obj.get("post_id") or ""} - {""}
            sim.posts[:] = [p for p in sim.posts if not (p.network == NETWORK and p.id in gone)]
            for post_id in gone - {node}:
                state["objects"].pop(post_id, None)
        return _ok({"success": True})

    def page_posts(request: Request) -> Response:
        token = _authenticate(sim, request)
        node = token.account_id if request.params["node"] == "me" else request.params["node"]
        if not _manages(sim, token, node):
            return _no_object(node)
        since = _since(request.arg("since"), "since")
        until = _since(request.arg("until"), "until")
        spec = parse_fields(request.arg("fields") or "created_time,message,id")
        _check_fields("PagePost", spec, POST_FIELDS)
        posts = sorted(sim.posts_for(NETWORK, node), key=lambda p: p.received_at, reverse=True)
        items = []
        for post in posts:
            at = post.received_at.timestamp()
            if (since is not None and at < since) or (until is not None and at > until):
                continue
            obj = state["objects"].get(post.id)
            if obj is not None:
                items.append(_render("PagePost", _post_values(obj), spec, POST_FIELDS))
        return _ok(_paged(request, items))

    for edge in ("posts", "feed", "published_posts"):
        route("GET", "/{version}/{node}/" + edge)(page_posts)

    # Instagram -----------------------------------------------------------------------------
    @route("POST", "/{version}/{node}/media")
    def ig_create(request: Request) -> Response:
        token = _authenticate(sim, request)
        ig = _ig_account(sim, token, request.params["node"], publishing=True, method="post")
        params = _params(request)
        return _ok({"id": _new_container(sim, ig, params)["id"]})

    @route("POST", "/{version}/{node}/media_publish")
    def ig_publish(request: Request) -> Response:
        token = _authenticate(sim, request)
        ig = _ig_account(sim, token, request.params["node"], publishing=True, method="post")
        params = _params(request)
        creation_id = params.get("creation_id", "")
        if not creation_id:
            return _invalid("(#100) The parameter creation_id is required")
        container = state["objects"].get(creation_id)
        if container is None or container["type"] != "container" or container["ig_id"] != ig["id"]:
            return graph_error(
                f"The media with id {creation_id} cannot be found.",
                code=24,
                subcode=2207006,
                user_title="Media not found",
                user_msg="The media could not be found.",
            )
        if request.fault is not None and request.fault.kind == "container_expired":
            container["expired"] = True
        status = _container_status(container)
        if container["is_carousel_item"]:
            return _invalid("(#100) A carousel item cannot be published on its own; publish the carousel container")
        if status == "EXPIRED" or status == "PUBLISHED":
            return graph_error(
                f"The media builder with creation id = {creation_id} does not exist or has been expired.",
                code=100,
                subcode=2207008,
                user_title="Media builder expired",
                user_msg="The media builder does not exist or has expired. Please create a new media container.",
            )
        if status == "ERROR":
            return graph_error(
                "Media upload has failed with error code 2207032",
                code=2,
                subcode=2207032,
                user_title="Create media fail",
                user_msg="Create media fail, please try to re-create media",
            )
        if status != "FINISHED":
            return graph_error(
                "Media ID is not available",
                code=9007,
                subcode=2207027,
                user_title="Media not ready for publishing",
                user_msg="The media is not ready for publishing, please wait for a moment",
            )
        if _quota_usage(sim, ig["id"]) >= state["ig_quota"]:
            return _quota_answer()
        return _ok({"id": _publish_container(sim, request, ig, container, params)["id"]})

    @route("GET", "/{version}/{node}/media")
    def ig_media(request: Request) -> Response:
        token = _authenticate(sim, request)
        ig = _ig_account(sim, token, request.params["node"], publishing=False)
        since = _since(request.arg("since"), "since")
        until = _since(request.arg("until"), "until")
        spec = parse_fields(request.arg("fields") or "id")
        _check_fields("IGMedia", spec, IG_MEDIA_FIELDS)
        items = []
        for post in sorted(sim.posts_for(INSTAGRAM, ig["id"]), key=lambda p: p.received_at, reverse=True):
            at = post.received_at.timestamp()
            if (since is not None and at < since) or (until is not None and at > until):
                continue
            obj = state["objects"].get(post.id)
            if obj is not None:
                items.append(_render("IGMedia", _ig_media_values(obj), spec, IG_MEDIA_FIELDS))
        return _ok(_paged(request, items))

    @route("GET", "/{version}/{node}/content_publishing_limit")
    def ig_limit(request: Request) -> Response:
        token = _authenticate(sim, request)
        ig = _ig_account(sim, token, request.params["node"], publishing=False)
        spec = parse_fields(request.arg("fields") or "quota_usage")
        values = {
            "quota_usage": _quota_usage(sim, ig["id"]),
            "config": {"quota_total": state["ig_quota"], "quota_duration": IG_QUOTA_WINDOW_S},
        }
        return _ok({"data": [_render("ContentPublishingLimit", values, spec, {"quota_usage", "config"})]})

    sim.on_fault(NETWORK, lambda fault, request: _traced(_fault_answer(sim, fault, request)))


# --- helpers used by the routes -------------------------------------------------------------------

USER_FIELDS = {"id", "name", "picture", "email", "first_name", "last_name", "short_name"}
PAGE_FIELDS = {
    "id",
    "name",
    "access_token",
    "picture",
    "instagram_business_account",
    "category",
    "link",
    "fan_count",
    "followers_count",
    "tasks",
    "username",
    "about",
    "connected_instagram_account",
}
IG_USER_FIELDS = {
    "id",
    "ig_id",
    "username",
    "name",
    "profile_picture_url",
    "followers_count",
    "follows_count",
    "media_count",
    "biography",
    "website",
}
POST_FIELDS = {
    "id",
    "message",
    "created_time",
    "updated_time",
    "permalink_url",
    "status_type",
    "is_published",
    "full_picture",
    "from",
    "attachments",
    "story",
    "link",
    "shares",
    "privacy",
}
PHOTO_FIELDS = {"id", "name", "created_time", "link", "alt_text_custom", "page_story_id", "width", "height", "images"}
VIDEO_FIELDS = {"id", "title", "description", "created_time", "permalink_url", "status", "length", "published"}
CONTAINER_FIELDS = {"id", "status_code", "status", "copyright_check_status"}
IG_MEDIA_FIELDS = {
    "id",
    "caption",
    "media_type",
    "media_product_type",
    "media_url",
    "permalink",
    "shortcode",
    "timestamp",
    "username",
    "thumbnail_url",
    "like_count",
    "comments_count",
    "alt_text",
    "children",
    "is_comment_enabled",
    "owner",
}
RESPONDER_KINDS = {
    "rate",
    "app",
    "page",
    "buc",
    "transient",
    "expired",
    "password_changed",
    "revoked",
    "duplicate",
    "quota",
}


def _traced(response: Response) -> Response:
    response.headers.setdefault("x-fb-trace-id", _trace_id())
    response.headers.setdefault("x-fb-rev", "1030000000")
    # Graph reports usage on ordinary answers too; near zero here, since only faults throttle.
    response.headers.setdefault("X-App-Usage", json.dumps({"call_count": 1, "total_cputime": 0, "total_time": 0}))
    return response


def _check_version(request: Request) -> Response | None:
    version = request.params.get("version", "")
    match = re.fullmatch(r"v(\d+)\.(\d+)", version)
    if not match or int(match[2]) != 0 or int(match[1]) > NEWEST_VERSION:
        return _unknown_path(request.path)
    return None


def _with_query(url: str, params: dict[str, str]) -> str:
    parts = urlsplit(url)
    query = parts.query + ("&" if parts.query else "") + urlencode(params)
    return urlunsplit(parts._replace(query=query, fragment=""))


def _denied(request: Request) -> Response:
    params = {
        "error": "access_denied",
        "error_code": "200",
        "error_description": "Permissions error",
        "error_reason": "user_denied",
    }
    if request.arg("state") is not None:
        params["state"] = request.arg("state", "")
    return Response(302, headers={"Location": _with_query(request.arg("redirect_uri", ""), params) + "#_=_"})


def _picture_field(url: str) -> Callable[[dict | None], dict]:
    return lambda sub: {"data": {"height": 50, "is_silhouette": False, "url": url, "width": 50}}


def _page_values(sim: Simulator, page: dict[str, Any], spec: dict[str, dict | None], token: IssuedToken) -> dict:
    state = _state(sim)

    def ig_field(sub: dict | None) -> dict | None:
        ig = state["ig"].get(page.get("ig_id") or "")
        if ig is None:
            return None
        values = {
            "id": ig["id"],
            "ig_id": ig["id"],
            "username": ig["username"],
            "name": ig["name"],
            "profile_picture_url": ig["profile_picture_url"],
        }
        return _render("IGUser", values, sub or {"id": None}, IG_USER_FIELDS)

    values: dict[str, Any] = {
        "id": page["id"],
        "name": page["name"],
        "category": "Medical & Health",
        "link": f"https://www.facebook.com/{page['id']}",
        "fan_count": 0,
        "followers_count": 0,
        "tasks": ["ADVERTISE", "ANALYZE", "CREATE_CONTENT", "MESSAGING", "MODERATE", "MANAGE"],
        "picture": _picture_field(page["picture"]),
        "instagram_business_account": ig_field if page.get("ig_id") else None,
        "connected_instagram_account": ig_field if page.get("ig_id") else None,
    }
    if _is_user(token) and token.account_id in page["users"]:
        values["access_token"] = _page_token(sim, token, page["id"])
    return _render("Page", values, spec, PAGE_FIELDS)


def _attached_photos(sim: Simulator, page: dict[str, Any], params: dict[str, str]) -> list[dict[str, Any]]:
    entries: list[tuple[str, str]] = []
    if params.get("attached_media"):
        try:
            listed = json.loads(params["attached_media"])
        except ValueError:
            raise _Fail(_invalid("(#100) param attached_media must be an array")) from None
        entries = [(f"attached_media[{i}]", json.dumps(item)) for i, item in enumerate(listed)]
    indexed = sorted(
        ((int(m[1]), key) for key in params if (m := re.fullmatch(r"attached_media\[(\d+)\]", key))),
    )
    entries += [(key, params[key]) for _, key in indexed]
    photos = []
    for key, raw in entries:
        try:
            fbid = str(json.loads(raw)["media_fbid"])
        except (ValueError, KeyError, TypeError):
            raise _Fail(_invalid(f"(#100) param {key} must be a JSON object with a media_fbid")) from None
        photo = _state(sim)["objects"].get(fbid)
        if photo is None or photo["type"] != "photo" or photo["page_id"] != page["id"]:
            raise _Fail(_invalid(f"(#100) param {key} has invalid media_fbid {fbid}"))
        if photo["published"] or photo["attached_to"]:
            raise _Fail(_invalid(f"(#100) The photo {fbid} is already published and cannot be attached"))
        photos.append(photo)
    if len(photos) > 100:
        raise _Fail(_invalid("(#100) A post can have at most 100 photos"))
    return photos


def _new_page_post(
    sim: Simulator,
    request: Request,
    page: dict[str, Any],
    message: str,
    media: list[dict[str, Any]],
    params: dict[str, str],
    *,
    kind: str,
    link: str = "",
    url: str = "",
    **extra: Any,
) -> dict[str, Any]:
    post_number = _fbid(sim)
    post_id = f"{page['id']}_{post_number}"
    received_at = _now()
    url = url or timeline.web_url(sim, NETWORK, f"/{page['id']}/posts/{post_number}")
    post = {
        "type": "post",
        "id": post_id,
        "page_id": page["id"],
        "message": message,
        "link": link,
        "status_type": {"status": "mobile_status_update", "photo": "added_photos", "video": "added_video"}[kind],
        "created_at": received_at,
        "permalink_url": url,
        "media": media,
    }
    if kind == "status" and media:
        post["status_type"] = "added_photos"
    with sim.lock:
        _state(sim)["objects"][post_id] = post
    sim.record_post(
        RecordedPost(
            network=NETWORK,
            account_id=page["id"],
            id=post_id,
            text=message,
            url=url,
            received_at=received_at,
            media=media,
            body={k: v for k, v in params.items() if k != "access_token"},
            headers=dict(request.headers),
            extra={"kind": kind, "link": link, **extra},
        )
    )
    return post


def _new_video(
    sim: Simulator,
    request: Request,
    page: dict[str, Any],
    params: dict[str, str],
    data: bytes,
    *,
    content_type: str = "",
    source_url: str = "",
    video_id: str = "",
) -> dict[str, Any]:
    """A page video and the post that shows it, as ``/videos`` creates them."""
    media = _media_entry(sim, data, kind="video", content_type=content_type or "video/mp4", source_url=source_url)
    if video_id:
        media["id"] = video_id
    description = params.get("description", "")
    video = {
        "type": "video",
        "id": media["id"],
        "page_id": page["id"],
        "description": description,
        "title": params.get("title", ""),
        "media": media,
        "created_at": _now(),
        "status_reads": 0,
        "playable": _is_mp4(data),
    }
    with sim.lock:
        _state(sim)["objects"][video["id"]] = video
    post = _new_page_post(
        sim,
        request,
        page,
        description,
        [media],
        params,
        kind="video",
        url=timeline.web_url(sim, NETWORK, f"/{page['id']}/videos/{video['id']}/"),
        title=video["title"],
        video_id=video["id"],
    )
    video["post_id"] = post["id"]
    return video


# --- resumable video upload --------------------------------------------------------------------------
#
# Graph's chunked protocol on ``/{page}/videos`` (developers.facebook.com/docs/video-api/guides/publishing,
# "Resumable Upload"): ``upload_phase=start`` with ``file_size`` opens a session and answers
# ``upload_session_id``, ``video_id`` and the first chunk's ``start_offset``/``end_offset`` (as strings);
# each ``upload_phase=transfer`` sends ``upload_session_id``, ``start_offset`` and the bytes as the multipart
# file ``video_file_chunk`` and is answered with the next chunk's offsets (equal offsets: all received);
# ``upload_phase=finish`` with ``upload_session_id`` and the post's ``title``/``description`` publishes and
# answers ``{"success": true}``. A chunk sent at the wrong offset (a resend after a lost answer) is refused
# with subcode 1363037 and ``error_data`` giving the offsets the network wants next.

VIDEO_CHUNK_BYTES = 4 * 1024 * 1024  # the network chooses the chunk size; tests make it smaller
UPLOAD_SESSION_LIFETIME_S = 86400


def _sessions(sim: Simulator) -> dict[str, dict[str, Any]]:
    with sim.lock:
        return _state(sim).setdefault("upload_sessions", {})


def _chunk_offsets(sim: Simulator, session: dict[str, Any]) -> dict[str, str]:
    received = len(session["data"])
    chunk = _state(sim).get("video_chunk_bytes", VIDEO_CHUNK_BYTES)
    return {"start_offset": str(received), "end_offset": str(min(received + chunk, session["file_size"]))}


def _upload_failed(message: str, *, subcode: int | None = None, **error_data: Any) -> Response:
    response = graph_error(message, code=6001 if subcode == 1363037 else 6000, subcode=subcode)
    if error_data:
        assert isinstance(response.body, dict)
        response.body["error"]["error_data"] = {k: str(v) for k, v in error_data.items()}
    return response


def _resumable_video(sim: Simulator, request: Request, page: dict[str, Any], params: dict[str, str]) -> Response:
    phase = params["upload_phase"]
    sessions = _sessions(sim)
    if phase == "start":
        try:
            file_size = int(params.get("file_size", ""))
        except ValueError:
            file_size = 0
        if file_size <= 0:
            return _invalid("(#100) Param file_size must be a positive integer")
        session_id, video_id = _fbid(sim), _fbid(sim)
        session = {
            "id": session_id,
            "video_id": video_id,
            "page_id": page["id"],
            "file_size": file_size,
            "data": bytearray(),
            "created_at": time.time(),
            "finished": False,
        }
        with sim.lock:
            sessions[session_id] = session
        return _ok({"upload_session_id": session_id, "video_id": video_id, **_chunk_offsets(sim, session)})
    session = sessions.get(params.get("upload_session_id", ""))
    if (
        session is None
        or session["page_id"] != page["id"]
        or time.time() - session["created_at"] > UPLOAD_SESSION_LIFETIME_S
    ):
        return _invalid("(#100) Invalid upload_session_id", subcode=1363020)
    if session["finished"]:
        return _invalid("(#100) This upload session has already finished", subcode=1363021)
    if phase == "transfer":
        chunk = request.files().get("video_file_chunk")
        if chunk is None:
            return _upload_failed("There was a problem uploading your video file. Please try again.", subcode=1363030)
        with sim.lock:
            expected = _chunk_offsets(sim, session)
            if params.get("start_offset") != expected["start_offset"]:
                return _upload_failed(
                    "Your video upload timed out before it could be completed. This is probably because of a slow "
                    "network connection or because the video you're trying to upload is too large. Please try again.",
                    subcode=1363037,
                    **expected,
                )
            if len(session["data"]) + len(chunk.data) > session["file_size"]:
                return _upload_failed("The video file you sent is larger than file_size.", subcode=1363019)
            session["data"] += chunk.data
            offsets = _chunk_offsets(sim, session)
        drops = _state(sim).setdefault("drop_chunks_at", set())
        if int(expected["start_offset"]) in drops:
            drops.discard(int(expected["start_offset"]))
            raise Drop()
        return _ok(offsets)
    if phase == "finish":
        with sim.lock:
            if len(session["data"]) != session["file_size"]:
                return _upload_failed(
                    "There was a problem uploading your video file. Please try again.",
                    subcode=1363019,
                    **_chunk_offsets(sim, session),
                )
            session["finished"] = True
        _new_video(sim, request, page, params, bytes(session["data"]), video_id=session["video_id"])
        return _ok({"success": True})
    return _invalid(f"(#100) upload_phase must be one of {{start, transfer, finish}}, not {phase!r}")


def drop_video_chunk_at(sim: Simulator, start_offset: int) -> None:
    """Accept the resumable-upload chunk that starts at ``start_offset``, then hang up before answering."""
    with sim.lock:
        _state(sim).setdefault("drop_chunks_at", set()).add(start_offset)


def set_video_chunk_size(sim: Simulator, size: int) -> None:
    """The chunk size the network asks for in ``end_offset`` (4 MiB by default)."""
    with sim.lock:
        _state(sim)["video_chunk_bytes"] = size


def _post_values(post: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": post["id"],
        "message": post["message"] or None,
        "created_time": _graph_time(post["created_at"]),
        "updated_time": _graph_time(post["created_at"]),
        "permalink_url": post["permalink_url"],
        "status_type": post["status_type"],
        "is_published": True,
        "link": post["link"] or None,
        "from": {"id": post["page_id"]},
    }


def _can_read(sim: Simulator, token: IssuedToken, obj: dict[str, Any]) -> bool:
    if "page_id" in obj:
        return _manages(sim, token, obj["page_id"])
    ig = _state(sim)["ig"].get(obj.get("ig_id", ""))
    return ig is not None and _manages(sim, token, ig["page_id"])


def _object_values(sim: Simulator, request: Request, obj: dict[str, Any], fields: str | None) -> dict[str, Any]:
    kind = obj["type"]
    if kind == "post":
        return _render("PagePost", _post_values(obj), parse_fields(fields or "created_time,message,id"), POST_FIELDS)
    if kind == "photo":
        values = {
            "id": obj["id"],
            "name": obj["caption"] or None,
            "created_time": _graph_time(obj["created_at"]),
            "link": f"https://www.facebook.com/photo.php?fbid={obj['id']}",
            "alt_text_custom": obj["media"]["alt_text"] or None,
            "page_story_id": obj["attached_to"],
            "width": obj["media"]["width"],
            "height": obj["media"]["height"],
        }
        return _render("Photo", values, parse_fields(fields or "created_time,id"), PHOTO_FIELDS)
    if kind == "video":
        spec = parse_fields(fields or "id,created_time,updated_time,description")
        values = {
            "id": obj["id"],
            "title": obj["title"] or None,
            "description": obj["description"] or None,
            "created_time": _graph_time(obj["created_at"]),
            "permalink_url": f"/{obj['page_id']}/videos/{obj['id']}/",
            "published": True,
        }
        if "status" in spec:
            fault = request.fault
            if fault is not None and fault.kind == "processing_failed":
                obj["playable"] = False
            obj["status_reads"] += 1
            if not obj["playable"]:
                video_status, progress = "error", 0
            elif obj["status_reads"] == 1:
                video_status, progress = "processing", 50
            else:
                video_status, progress = "ready", 100
            values["status"] = {
                "video_status": video_status,
                "processing_progress": progress,
                "uploading_phase": {"status": "complete"},
                "processing_phase": {
                    "status": {"ready": "complete", "error": "error"}.get(video_status, "in_progress")
                },
            }
        return _render("Video", values, spec, VIDEO_FIELDS | {"updated_time"})
    if kind == "container":
        fault = request.fault
        if fault is not None and fault.kind == "processing_failed":
            obj["error"] = "Error: Media upload has failed with error code 2207001"
        if fault is not None and fault.kind == "container_expired":
            obj["expired"] = True
        spec = parse_fields(fields or "id")
        if {"status_code", "status"} & set(spec):
            _poll_container(obj)
        status = _container_status(obj)
        text = {
            "IN_PROGRESS": "In Progress: Media is still being processed.",
            "FINISHED": "Finished: Media has been uploaded and it is ready to be published.",
            "PUBLISHED": "Published: Media has been published.",
            "EXPIRED": "Expired: Media container has expired. Please create a new one.",
            "ERROR": obj.get("error") or "Error",
        }[status]
        values = {"id": obj["id"], "status_code": status, "status": text}
        return _render("ShadowIGMediaBuilder", values, spec, CONTAINER_FIELDS)
    return _render("IGMedia", _ig_media_values(obj), parse_fields(fields or "id"), IG_MEDIA_FIELDS)


# --- Instagram containers --------------------------------------------------------------------------


def _caption_problem(caption: str) -> Response | None:
    if (
        len(caption) > CAPTION_LIMIT
        or len(HASHTAG.findall(caption)) > HASHTAG_LIMIT
        or len(MENTION.findall(caption)) > MENTION_LIMIT
    ):
        return graph_error(
            "The caption is too long.",
            code=100,
            subcode=2207010,
            user_title="Caption is too long",
            user_msg="The caption can have at most 2,200 characters, 30 hashtags and 20 @ tags.",
        )
    return None


def _download_failed(url: str) -> Response:
    return graph_error(
        "Only photo or video can be accepted as media type.",
        code=9004,
        subcode=2207052,
        user_title="Media download has failed",
        user_msg=f"The media could not be fetched from this uri: {url}",
    )


def _new_container(sim: Simulator, ig: dict[str, Any], params: dict[str, str]) -> dict[str, Any]:
    state = _state(sim)
    media_type = (params.get("media_type") or "").upper()
    is_item = params.get("is_carousel_item", "false").lower() == "true"
    caption = params.get("caption", "")
    if not is_item and (problem := _caption_problem(caption)):
        raise _Fail(problem)
    container: dict[str, Any] = {
        "type": "container",
        "id": _fbid(sim, "18"),
        "ig_id": ig["id"],
        "caption": "" if is_item else caption,
        "is_carousel_item": is_item,
        "children": [],
        "media": [],
        "created_at": time.time(),
        "polls": 0,
        "state": "IN_PROGRESS",
        "error": "",
        "expired": False,
        "published": False,
    }
    if media_type == "CAROUSEL":
        if is_item:
            raise _Fail(_invalid("(#100) A carousel cannot be a carousel item"))
        children = [c.strip() for c in params.get("children", "").split(",") if c.strip()]
        if not 2 <= len(children) <= 10:
            raise _Fail(
                _invalid(
                    "(#100) The parameter children must contain between 2 and 10 media container ids",
                    subcode=2207028,
                    user_title="Carousel validation failed",
                    user_msg="A carousel needs between 2 and 10 photos or videos.",
                )
            )
        for child_id in children:
            child = state["objects"].get(child_id)
            if child is None or child["type"] != "container" or child["ig_id"] != ig["id"]:
                raise _Fail(_invalid(f"(#100) Invalid children container id {child_id}", subcode=2207028))
            if not child["is_carousel_item"] or child["published"] or _container_status(child) in ("ERROR", "EXPIRED"):
                raise _Fail(_invalid(f"(#100) The container {child_id} cannot be a carousel item", subcode=2207028))
            container["media"].append(child["media"][0])
        container.update(media_type="CAROUSEL", children=children)
    elif media_type in ("REELS", "VIDEO", "STORIES") and params.get("video_url"):
        if media_type == "VIDEO" and not is_item:
            raise _Fail(
                _invalid(
                    "(#100) The VIDEO media type is no longer supported for feed posts. Use REELS instead.",
                    subcode=2207067,
                )
            )
        url = params["video_url"]
        container.update(media_type=media_type, share_to_feed=params.get("share_to_feed", "true"))
        try:
            data, content_type = _fetch(sim, url, FETCH_MAX_BYTES)
        except _FetchFailed:
            data, content_type = b"", ""
            container["error"] = "Error: Media download has failed. The media URI doesn't meet our requirements."
        if data and not _is_mp4(data):
            container["error"] = "Error: The video format is not supported. Please check spec for supported formats."
        container["media"] = [
            _media_entry(sim, data, kind="video", content_type=content_type or "video/mp4", source_url=url)
        ]
        if container["error"]:
            container["state"] = "ERROR"
    elif media_type in ("", "IMAGE", "STORIES"):
        url = params.get("image_url", "")
        if not url:
            raise _Fail(_invalid("(#100) The parameter image_url is required.", subcode=2207023))
        try:
            data, _ = _fetch(sim, url, IG_IMAGE_MAX_BYTES)
        except _FetchFailed:
            raise _Fail(_download_failed(url)) from None
        if len(data) > IG_IMAGE_MAX_BYTES:
            raise _Fail(
                graph_error(
                    "The image is too large to download.",
                    code=36001,
                    subcode=2207004,
                    user_title="Image is too large",
                    user_msg="The image is too large to download. It should be less than 8 MiB.",
                )
            )
        info = _image_info(data)
        if info is None or info[0] != "JPEG":
            raise _Fail(_download_failed(url))
        _, width, height = info
        ratio = width / height
        if media_type != "STORIES" and not (MIN_ASPECT - 0.005 <= ratio <= MAX_ASPECT + 0.005):
            raise _Fail(
                graph_error(
                    "The aspect ratio is not supported.",
                    code=36003,
                    subcode=2207009,
                    user_title="Cannot publish image",
                    user_msg=f"The submitted image with aspect ratio ('{width}/{height}') cannot be published. "
                    "Please submit an image with a valid aspect ratio.",
                )
            )
        container.update(media_type=media_type or "IMAGE")
        container["media"] = [
            _media_entry(
                sim,
                data,
                kind="image",
                content_type="image/jpeg",
                alt_text=params.get("alt_text", ""),
                source_url=url,
                width=width,
                height=height,
            )
        ]
    elif media_type in ("REELS", "VIDEO"):
        raise _Fail(_invalid("(#100) The parameter video_url is required.", subcode=2207023))
    else:
        raise _Fail(_invalid(f"(#100) The media type {media_type} is not supported.", subcode=2207023))
    with sim.lock:
        state["objects"][container["id"]] = container
    return container


def _poll_container(container: dict[str, Any]) -> None:
    if container["state"] == "IN_PROGRESS":
        container["polls"] += 1
        if container["polls"] >= 2:
            container["state"] = "FINISHED"


def _container_status(container: dict[str, Any]) -> str:
    if container["published"]:
        return "PUBLISHED"
    if container["expired"] or time.time() - container["created_at"] > CONTAINER_LIFETIME_S:
        return "EXPIRED"
    if container["error"]:
        return "ERROR"
    return container["state"]


def _quota_usage(sim: Simulator, ig_id: str) -> int:
    since = time.time() - IG_QUOTA_WINDOW_S
    return sum(1 for post in sim.posts_for(INSTAGRAM, ig_id) if post.received_at.timestamp() >= since)


def _quota_answer() -> Response:
    return graph_error(
        "Application request limit reached",
        code=9,
        subcode=2207042,
        is_transient=False,
        user_title="Cannot publish more posts",
        user_msg="You reached maximum number of posts that is allowed to be published by Content Publishing API.",
    )


def _publish_container(
    sim: Simulator, request: Request, ig: dict[str, Any], container: dict[str, Any], params: dict[str, str]
) -> dict[str, Any]:
    media_id = _fbid(sim, "17")
    shortcode = _shortcode(media_id)
    is_reel = container["media_type"] == "REELS"
    permalink = timeline.web_url(sim, NETWORK, f"/instagram/{'reel' if is_reel else 'p'}/{shortcode}/")
    received_at = _now()
    media = {
        "type": "ig_media",
        "id": media_id,
        "ig_id": ig["id"],
        "username": ig["username"],
        "caption": container["caption"],
        "media_type": {"REELS": "VIDEO", "STORIES": "IMAGE"}.get(container["media_type"], container["media_type"]),
        "media_product_type": {"REELS": "REELS", "STORIES": "STORY"}.get(container["media_type"], "FEED"),
        "permalink": permalink,
        "shortcode": shortcode,
        "created_at": received_at,
        "media": container["media"],
        "container_id": container["id"],
    }
    with sim.lock:
        container["published"] = True
        for child_id in container["children"]:
            _state(sim)["objects"][child_id]["published"] = True
        _state(sim)["objects"][media_id] = media
    sim.record_post(
        RecordedPost(
            network=INSTAGRAM,
            account_id=ig["id"],
            id=media_id,
            text=container["caption"],
            url=permalink,
            received_at=received_at,
            media=container["media"],
            body={k: v for k, v in params.items() if k != "access_token"},
            headers=dict(request.headers),
            extra={"media_type": container["media_type"], "container_id": container["id"], "shortcode": shortcode},
        )
    )
    return media


def _ig_media_values(obj: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": obj["id"],
        "caption": obj["caption"] or None,
        "media_type": obj["media_type"],
        "media_product_type": obj["media_product_type"],
        "media_url": f"https://scontent.cdninstagram.com/v/{obj['id']}.jpg",
        "permalink": obj["permalink"],
        "shortcode": obj["shortcode"],
        "timestamp": _graph_time(obj["created_at"]),
        "username": obj["username"],
        "like_count": 0,
        "comments_count": 0,
        "is_comment_enabled": True,
        "owner": {"id": obj["ig_id"]},
        "alt_text": obj["media"][0]["alt_text"] or None if obj["media"] else None,
    }


# --- faults ----------------------------------------------------------------------------------------


def _fault_answer(sim: Simulator, fault: Fault, request: Request) -> Response:
    kind, status = fault.kind, fault.status
    if kind == "denied" and request.path.endswith("/dialog/oauth"):
        return _denied(request)
    if status == 429 or kind in ("rate", "app", "page", "buc"):
        return _throttled(fault)
    if kind == "transient" or (status is not None and status >= 500):
        return graph_error(
            "An unexpected error has occurred. Please retry your request later.",
            code=2,
            status=status if status is not None and status >= 500 else 500,
            is_transient=True,
        )
    if kind == "password_changed":
        return graph_error(
            "Error validating access token: The session has been invalidated because the user changed their "
            "password or Facebook has changed the session for security reasons.",
            code=190,
            subcode=460,
        )
    if kind == "revoked":
        return graph_error(
            "Error validating access token: The user has not authorized application.", code=190, subcode=458
        )
    if status == 401 or kind == "expired":
        return graph_error(
            f"Error validating access token: Session has expired on {_now():%A, %d-%b-%y %H:%M:%S} PST. "
            f"The current time is {_now():%A, %d-%b-%y %H:%M:%S} PST.",
            code=190,
            subcode=463,
        )
    if kind == "duplicate":
        return graph_error(
            "(#506) Duplicate status message",
            code=506,
            user_title="Duplicate post",
            user_msg="This status update is identical to the last one you posted. Try posting something different.",
        )
    if kind == "quota":
        return _quota_answer()
    if status == 403:
        return _page_permission_error()
    return _invalid("(#100) Invalid parameter")


def _throttled(fault: Fault) -> Response:
    reset_in = fault.reset_in if fault.reset_in is not None else 3600
    minutes = max(1, math.ceil(reset_in / 60))
    usage = {"call_count": 100, "total_cputime": 100, "total_time": 100}
    buc = {"type": "pages", **usage, "estimated_time_to_regain_access": minutes}
    headers = {"X-Business-Use-Case-Usage": json.dumps({"200000000000001": [buc]})}
    if fault.kind == "page":
        headers["X-Page-Usage"] = json.dumps({**usage, "estimated_time_to_regain_access": minutes})
        return graph_error("(#32) Page request limit reached", code=32, is_transient=True, headers=headers)
    if fault.kind == "buc":
        return graph_error(
            "There have been too many calls to this Page account. Wait a bit and try again. For more info, please "
            "refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.",
            code=80001,
            is_transient=True,
            headers=headers,
        )
    headers["X-App-Usage"] = json.dumps({**usage, "estimated_time_to_regain_access": minutes})
    return graph_error("(#4) Application request limit reached", code=4, is_transient=True, headers=headers)


# --- accounts --------------------------------------------------------------------------------------


def _add_user(sim: Simulator, user_id: str, name: str) -> dict[str, Any]:
    user = {"id": user_id, "name": name, "pages": [], "picture": timeline.avatar_url(sim, "facebook", user_id)}
    with sim.lock:
        _state(sim)["users"][user_id] = user
    return user


def _add_page(sim: Simulator, user_id: str, page_id: str, name: str) -> dict[str, Any]:
    state = _state(sim)
    page = {
        "id": page_id,
        "name": name,
        "ig_id": "",
        "users": [user_id],
        "picture": timeline.avatar_url(sim, NETWORK, page_id),
    }
    with sim.lock:
        state["pages"][page_id] = page
        state["users"][user_id]["pages"].append(page_id)
    sim.add_account(NETWORK, page_id, name=name, kind="page", user_id=user_id)
    return page


def _add_ig(sim: Simulator, page_id: str, ig_id: str, username: str, name: str) -> dict[str, Any]:
    state = _state(sim)
    ig = {
        "id": ig_id,
        "username": username,
        "name": name,
        "page_id": page_id,
        "profile_picture_url": timeline.avatar_url(sim, "instagram", ig_id),
    }
    with sim.lock:
        state["ig"][ig_id] = ig
        state["pages"][page_id]["ig_id"] = ig_id
    sim.add_account(INSTAGRAM, ig_id, name=name, username=username, page_id=page_id)
    return ig


def seed_demo(sim: Simulator) -> None:
    """The demo user, their page "Demo Clinic" and its Instagram account, with fixed tokens."""
    _add_user(sim, DEMO_USER["id"], DEMO_USER["name"])
    _add_page(sim, DEMO_USER["id"], DEMO_PAGE["id"], DEMO_PAGE["name"])
    _add_ig(sim, DEMO_PAGE["id"], DEMO_IG["id"], DEMO_IG["username"], DEMO_IG["name"])
    sim.tokens.issue(
        NETWORK, DEMO_USER["id"], scopes=ALL_SCOPES, value="sandbox-facebook-access", type="user", long_lived=True
    )
    page_token = sim.tokens.issue(
        NETWORK,
        DEMO_PAGE["id"],
        scopes=ALL_SCOPES,
        value="sandbox-facebook-page-access",
        type="page",
        user_id=DEMO_USER["id"],
    )
    with sim.lock:
        _state(sim)["page_tokens"][(DEMO_USER["id"], DEMO_PAGE["id"])] = page_token


def new_account(
    sim: Simulator,
    *,
    name: str = "Test Physician",
    page_name: str = "Test Clinic",
    ig_username: str | None = None,
    with_instagram: bool = True,
    scopes: tuple[str, ...] = ALL_SCOPES,
    long_lived: bool = True,
) -> dict[str, str]:
    """A fresh user with one page (and its Instagram account) and realistic tokens.

    ``access_token`` is the user token (60 days, or 1 hour when ``long_lived`` is false);
    ``page_token`` is what ``/me/accounts`` gives for the page. Graph has no refresh tokens.
    """
    user_id = _fbid(sim, "10")
    page_id = _fbid(sim, "20")
    _add_user(sim, user_id, name)
    _add_page(sim, user_id, page_id, page_name)
    user_token = _issue_user_token(sim, user_id, scopes, long_lived=long_lived)
    issued = sim.tokens.lookup(NETWORK, user_token)
    assert issued is not None
    account = {
        "id": user_id,
        "name": name,
        "access_token": user_token,
        "refresh_token": "",
        "page_id": page_id,
        "page_name": page_name,
        "page_token": _page_token(sim, issued, page_id),
        "ig_id": "",
        "ig_username": "",
    }
    if with_instagram:
        ig_id = _fbid(sim, "178414")
        username = ig_username or f"clinic{ig_id[-6:]}"
        _add_ig(sim, page_id, ig_id, username, page_name)
        account.update(ig_id=ig_id, ig_username=username)
    return account


def set_consenting_account(sim: Simulator, user_id: str) -> None:
    with sim.lock:
        _state(sim)["consenting_account"] = user_id


def change_password(sim: Simulator, user_id: str) -> None:
    """The user changed their Facebook password: every token of theirs and their pages dies (190/460)."""
    _kill_tokens(sim, user_id, 460)


def remove_app(sim: Simulator, user_id: str) -> None:
    """The user removed our app: every token of theirs and their pages dies (190/458)."""
    _kill_tokens(sim, user_id, 458)


def _kill_tokens(sim: Simulator, user_id: str, subcode: int) -> None:
    state = _state(sim)
    owners = {user_id, *state["users"].get(user_id, {}).get("pages", [])}
    with sim.tokens._lock:  # noqa: SLF001 - the store has no "list tokens" call; read under its lock
        doomed = [
            token
            for token, issued in sim.tokens._tokens.items()  # noqa: SLF001
            if issued.network == NETWORK and issued.account_id in owners and issued.kind == "access"
        ]
    for token in doomed:
        issued = sim.tokens.peek(NETWORK, token)
        if issued is not None and (issued.account_id == user_id or issued.extra.get("user_id") == user_id):
            sim.tokens.revoke(token)
            with sim.lock:
                state["dead_tokens"][token] = subcode


def expire_container(sim: Simulator, container_id: str) -> None:
    """Make an Instagram container 24 hours old: it answers EXPIRED and cannot be published."""
    with sim.lock:
        _state(sim)["objects"][container_id]["created_at"] -= CONTAINER_LIFETIME_S + 1
