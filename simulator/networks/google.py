"""The simulated Google OAuth and YouTube Data API v3, from docs/platform-contracts.md ("YouTube") and Google's docs.

Routes live under ``/google``: ``GOOGLE_OAUTH_URL`` and ``GOOGLE_API_URL`` are ``{base}/google`` and
the token endpoint is ``{base}/google/token``. Accounts and posts are recorded under the network
``"youtube"`` (the account id is the channel id), so the timeline page is ``/_sim/timeline/youtube/<channel>``.

What it does the way Google does:

- OAuth: ``GET /o/oauth2/v2/auth`` auto-consents as ``sim.store["google"]["consenting_account"]``
  (the demo channel unless a test changes it) and redirects to ``redirect_uri`` with ``state``,
  ``code`` and ``scope``. A bad client, redirect or scope gets Google's error page (no redirect).
  PKCE: ``S256`` or ``plain``. Codes live 10 minutes and are single use. ``POST /token`` takes the
  client in the form or as HTTP Basic, checks the ``redirect_uri`` and ``code_verifier``, and answers
  ``{"access_token","expires_in":3599,"scope","token_type":"Bearer"}`` plus a ``refresh_token`` when
  consent asked for ``access_type=offline``. Refresh tokens do **not** rotate: a refresh answers a new
  access token only. A revoked grant (``POST /revoke``, ``sim.tokens.revoke_account``) answers 400
  ``{"error":"invalid_grant","error_description":"Token has been expired or revoked."}``.
- Errors are ``{"error":{"code","message","errors":[{"message","domain","reason"}],"status"}}``;
  a missing or dead token is 401 ``authError`` with a ``WWW-Authenticate`` header; a token without
  the scope is 403 ``insufficientPermissions``.
- Quota, per the current quota calculator (checked late 2026): ``videos.insert`` has its own bucket
  of 100 calls a day (the older docs said 1,600 units of the shared budget); everything else shares
  10,000 units a day (``channels.list``, ``playlistItems.list``, ``videos.list`` 1, ``thumbnails.set``
  50). Days start at midnight Pacific time. Usage is counted from the simulator's request record, so
  ``sim.reset()`` starts a fresh day; tests lower ``sim.store["google"]["quota_limits"]`` to reach it.
  Over the limit: 403 ``quotaExceeded`` (domain ``youtube.quota``), no reset header.
- Resumable upload: ``POST /upload/youtube/v3/videos?uploadType=resumable&part=snippet,status`` with the
  video resource as JSON (validated here, as YouTube does: title required, ≤ 100 characters, no ``<``
  or ``>``; description ≤ 5,000 UTF-8 bytes; tags ≤ 500 characters counted as YouTube does, a tag with
  a space costing its quotes, plus a comma between tags; a known ``categoryId``, default 22;
  ``privacyStatus`` private/public/unlisted; ``publishAt`` only for private videos;
  ``selfDeclaredMadeForKids`` a boolean) answers 200 with an empty body and the session URI in
  ``Location`` (``{base}/google/upload/youtube/v3/videos?uploadType=resumable&upload_id=...``).
  ``PUT`` to it with the bytes (whole, or chunks with ``Content-Range: bytes a-b/total``) answers 308
  with ``Range: bytes=0-N`` (no ``Range`` when nothing has arrived) until the last byte, then 201 with
  the video resource. ``PUT`` with ``Content-Range: bytes */total`` and no body asks where to resume;
  on a finished session it answers 201 with the video again, so a client that lost the final answer
  can learn the video id. The session URI itself authorizes the ``PUT``\\ s, as at Google.
  ``multipart`` uploads (metadata and bytes in one ``multipart/related`` body) are accepted too.
- Every finished upload is recorded as a post: ``text`` is the title, then a blank line and the
  description when there is one; ``extra`` has ``tags``, ``category``, ``privacy``, ``madeForKids``,
  ``publishAt``, ``thumbnail_sha256`` (set by ``thumbnails.set``) and ``upload_id``.
- ``videos.list`` with ``part=status,processingDetails``: a new video answers ``uploaded`` /
  ``processing`` on its first poll and ``processed`` / ``succeeded`` afterwards.
- ``thumbnails.set``: JPEG or PNG (checked by its magic bytes), at most 2 MB, only on the caller's own
  video.

Fault flavours (``sim.fail("google", endpoint, status=..., kind=..., reset_in=...)``):

- ``status=429`` or ``kind="quota"``: 403 ``quotaExceeded`` (Google sends no reset time; the quota
  resets at midnight Pacific).
- ``kind="rate"``: 403 ``rateLimitExceeded``; ``kind="userRate"``: 403 ``userRateLimitExceeded``
  (both with ``Retry-After`` when ``reset_in`` is given).
- ``status=500`` / ``503``: ``backendError``; ``status=401``: ``authError``; other 4xx: ``badRequest``
  / ``forbidden`` / ``notFound``.
- ``kind="uploadLimitExceeded"``: 403 from ``youtube.video``; ``kind="invalidTitle"``,
  ``"invalidDescription"``, ``"invalidTags"``: 400 with those reasons.
- ``kind="denied"`` on ``GET /o/oauth2/v2/auth``: the user pressed Cancel; redirect back with
  ``error=access_denied`` and the ``state``.
- ``kind="invalid_grant"`` on ``POST /token``: 400 ``{"error":"invalid_grant"}`` (any status).
- ``drop_after_accept=True`` on ``PUT /upload/youtube/v3/videos``: the chunk is stored (and, for the
  last chunk, the video recorded), then the connection drops before the answer; a ``bytes */total``
  query tells the client where to resume. ``kind="cut"``: the connection breaks mid-chunk, after the
  first half of its bytes arrived.
"""

from __future__ import annotations

import base64
import email.parser
import email.policy
import hashlib
import json
import re
import secrets
import time
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode, urlsplit
from zoneinfo import ZoneInfo

from simulator import metrics, timeline
from simulator.core import SANDBOX_CLIENTS, Drop, Fault, RecordedPost, Request, Response, Simulator, json_response

PREFIX = "google"
NETWORK = "youtube"  # posts and accounts are recorded under the product's name

ACCESS_TOKEN_LIFETIME_S = 3599
CODE_LIFETIME_S = 600
SCOPE_UPLOAD = "https://www.googleapis.com/auth/youtube.upload"
SCOPE_READONLY = "https://www.googleapis.com/auth/youtube.readonly"
SCOPE_YOUTUBE = "https://www.googleapis.com/auth/youtube"
SCOPE_FORCE_SSL = "https://www.googleapis.com/auth/youtube.force-ssl"
UPLOAD_SCOPES = {SCOPE_UPLOAD, SCOPE_YOUTUBE, SCOPE_FORCE_SSL}
READ_SCOPES = {SCOPE_READONLY, SCOPE_YOUTUBE, SCOPE_FORCE_SSL}
DEFAULT_SCOPES = (SCOPE_UPLOAD, SCOPE_READONLY)

TITLE_MAX_CHARS = 100
DESCRIPTION_MAX_BYTES = 5000
TAGS_MAX_CHARS = 500
THUMBNAIL_MAX_BYTES = 2 * 1024 * 1024
PRIVACY_STATUSES = ("private", "public", "unlisted")
# Assignable video categories (videoCategories.list, regionCode=US).
CATEGORIES = {
    "1": "Film & Animation",
    "2": "Autos & Vehicles",
    "10": "Music",
    "15": "Pets & Animals",
    "17": "Sports",
    "19": "Travel & Events",
    "20": "Gaming",
    "22": "People & Blogs",
    "23": "Comedy",
    "24": "Entertainment",
    "25": "News & Politics",
    "26": "Howto & Style",
    "27": "Education",
    "28": "Science & Technology",
    "29": "Nonprofits & Activism",
}
VIDEO_PARTS = {
    "id",
    "snippet",
    "status",
    "contentDetails",
    "fileDetails",
    "liveStreamingDetails",
    "localizations",
    "player",
    "processingDetails",
    "recordingDetails",
    "statistics",
    "suggestions",
    "topicDetails",
}

QUOTA_LIMITS = {"units": 10_000, "inserts": 100}
# Units per call of the shared budget; videos.insert counts against its own bucket instead.
QUOTA_COSTS = {
    "GET /youtube/v3/channels": 1,
    "GET /youtube/v3/playlistItems": 1,
    "GET /youtube/v3/videos": 1,
    "POST /upload/youtube/v3/thumbnails/set": 50,
}
INSERT_ENDPOINT = "POST /upload/youtube/v3/videos"
PACIFIC = ZoneInfo("America/Los_Angeles")

STATUS_NAMES = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    409: "ABORTED",
    413: "FAILED_PRECONDITION",
    429: "RESOURCE_EXHAUSTED",
    500: "INTERNAL",
    503: "UNAVAILABLE",
}
QUOTA_MESSAGE = (
    'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">'
    "quota</a>."
)
KIND_ERRORS = {
    "quota": (403, "youtube.quota", "quotaExceeded", QUOTA_MESSAGE),
    "rate": (403, "usageLimits", "rateLimitExceeded", "Rate Limit Exceeded"),
    "userRate": (403, "usageLimits", "userRateLimitExceeded", "User Rate Limit Exceeded"),
    "uploadLimitExceeded": (
        403,
        "youtube.video",
        "uploadLimitExceeded",
        "The user has exceeded the number of videos they may upload.",
    ),
    "invalidTitle": (
        400,
        "youtube.video",
        "invalidTitle",
        "The request metadata specifies an invalid or empty video title.",
    ),
    "invalidDescription": (
        400,
        "youtube.video",
        "invalidDescription",
        "The request metadata specifies an invalid video description.",
    ),
    "invalidTags": (400, "youtube.video", "invalidTags", "The request metadata specifies invalid video keywords."),
}

DEMO_CHANNEL_ID = "UCsandboxDemoClinic00001"
DEMO_TOKENS = ("sandbox-google-access", "sandbox-google-refresh")
# The same demo grant under the product's name, for whoever looks for "youtube" first.
DEMO_TOKEN_ALIASES = ("sandbox-youtube-access", "sandbox-youtube-refresh")


# --- answers ----------------------------------------------------------------------------------


def google_error(status: int, reason: str, message: str, *, domain: str = "global", **headers: str) -> Response:
    """Google's JSON error envelope, as the YouTube Data API sends it."""
    body = {
        "error": {
            "code": status,
            "message": message,
            "errors": [{"message": message, "domain": domain, "reason": reason}],
            "status": STATUS_NAMES.get(status, "UNKNOWN"),
        }
    }
    return json_response(body, status=status, **headers)


def oauth_error(status: int, error: str, description: str) -> Response:
    return json_response({"error": error, "error_description": description}, status=status)


def error_page(status: int, error: str, detail: str) -> Response:
    """What Google's consent screen shows when it will not redirect back (bad client or redirect)."""
    return Response(
        status=status,
        body=f"<!doctype html><title>Error {status}: {error}</title><h1>Access blocked</h1>"
        f"<p>Error {status}: {error}</p><p>{detail}</p>",
    )


def auth_error() -> Response:
    message = (
        "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other "
        "valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project."
    )
    response = google_error(401, "authError", message)
    response.headers["WWW-Authenticate"] = 'Bearer realm="https://accounts.google.com/", error="invalid_token"'
    return response


def fault_answer(fault: Fault, request: Request) -> Response:
    """Turn an injected fault into Google's own answer (see the module docstring)."""
    if fault.kind == "denied" and request.path == "/o/oauth2/v2/auth":
        return _redirect_back(request, {"error": "access_denied", "state": request.arg("state", "")})
    if request.path == "/token":
        if fault.kind == "invalid_grant" or fault.status == 400:
            return oauth_error(400, "invalid_grant", "Token has been expired or revoked.")
        if fault.status == 401:
            return oauth_error(401, "invalid_client", "Unauthorized")
        return oauth_error(fault.status or 500, "internal_failure", "Backend Error")
    extra = {"Retry_After": str(int(fault.reset_in))} if fault.reset_in is not None else {}
    if fault.kind in KIND_ERRORS:
        status, domain, reason, message = KIND_ERRORS[fault.kind]
        return google_error(status, reason, message, domain=domain, **(extra if reason != "quotaExceeded" else {}))
    if fault.status == 429:
        status, domain, reason, message = KIND_ERRORS["quota"]
        return google_error(status, reason, message, domain=domain)
    if fault.status == 401:
        return auth_error()
    if fault.status in (500, 502, 503, 504):
        return google_error(fault.status, "backendError", "Backend Error", **extra)
    if fault.status == 403:
        return google_error(403, "forbidden", "The request is not properly authorized.")
    if fault.status == 404:
        return google_error(404, "notFound", "Requested entity was not found.")
    return google_error(fault.status or 400, "badRequest", "Bad Request")


# --- small helpers ---------------------------------------------------------------------------


def _state(sim: Simulator) -> dict[str, Any]:
    return sim.store.setdefault(
        PREFIX,
        {
            "consenting_account": DEMO_CHANNEL_ID,
            "sessions": {},
            "status_polls": {},
            "quota_limits": dict(QUOTA_LIMITS),
        },
    )


def _etag() -> str:
    return secrets.token_urlsafe(20)


def _redirect_back(request: Request, params: dict[str, str]) -> Response:
    redirect_uri = request.arg("redirect_uri", "") or ""
    separator = "&" if urlsplit(redirect_uri).query else "?"
    return Response(status=302, headers={"Location": redirect_uri + separator + urlencode(params)})


def _client_from(request: Request, form: dict[str, str]) -> tuple[str, str]:
    auth = request.header("authorization")
    if auth.lower().startswith("basic "):
        try:
            client_id, _, secret = base64.b64decode(auth[6:].strip()).decode().partition(":")
        except ValueError:
            return "", ""
        from urllib.parse import unquote_plus

        return unquote_plus(client_id), unquote_plus(secret)
    return form.get("client_id", ""), form.get("client_secret", "")


def _pkce_matches(verifier: str, challenge: str, method: str) -> bool:
    if method == "plain":
        return secrets.compare_digest(verifier, challenge)
    digest = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return secrets.compare_digest(digest, challenge)


def _new_channel_id() -> str:
    return "UC" + secrets.token_urlsafe(16)[:22]


def _new_video_id() -> str:
    return secrets.token_urlsafe(9)[:11]


def _tags_length(tags: list[str]) -> int:
    """YouTube's count: a tag with a space is stored quoted, and tags are comma-separated."""
    return sum(len(tag) + (2 if " " in tag else 0) for tag in tags) + max(len(tags) - 1, 0)


def _pacific_day_start(now: float) -> float:
    local = datetime.fromtimestamp(now, PACIFIC)
    return local.replace(hour=0, minute=0, second=0, microsecond=0).timestamp()


def _quota_exceeded(sim: Simulator, endpoint: str) -> bool:
    """Charge this call (already in the request record) and say whether the day's quota is over."""
    limits = _state(sim)["quota_limits"]
    since = _pacific_day_start(time.time())
    requests = [r for r in sim.requests_to(PREFIX) if r["at"] >= since]
    if endpoint == INSERT_ENDPOINT:
        return sum(1 for r in requests if r["endpoint"] == INSERT_ENDPOINT) > limits["inserts"]
    return sum(QUOTA_COSTS.get(r["endpoint"], 0) for r in requests) > limits["units"]


def _public_url(sim: Simulator, video_id: str) -> str:
    return timeline.web_url(sim, PREFIX, f"/watch?v={video_id}")


def _thumbnails(video_id: str) -> dict[str, Any]:
    sizes = {"default": (120, 90), "medium": (320, 180), "high": (480, 360)}
    names = {"default": "default", "medium": "mqdefault", "high": "hqdefault"}
    return {
        size: {"url": f"https://i.ytimg.com/vi/{video_id}/{names[size]}.jpg", "width": w, "height": h}
        for size, (w, h) in sizes.items()
    }


def _image_type(data: bytes) -> str:
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    return ""


# --- the module ---------------------------------------------------------------------------------


def register(sim: Simulator) -> None:
    """Serve Google OAuth and YouTube under ``/google``, one concern at a time (routes match in this order)."""
    _state(sim)
    sim.on_fault(PREFIX, lambda fault, request: _respond_to_fault(sim, fault, request))
    _register_oauth(sim)
    _register_revoke(sim)
    _register_read_back(sim)
    _register_video_upload(sim)
    _register_thumbnails(sim)


def _respond_to_fault(sim: Simulator, fault: Fault, request: Request) -> Response:
    if fault.kind == "cut" and request.method == "PUT":
        return _receive_chunk(sim, request, cut=True)
    return fault_answer(fault, request)


def _route(sim: Simulator, method: str, pattern: str, *, quota: bool = False, auth: set[str] | None = None):
    """Register a handler that honours kind-only faults, checks the token and charges quota."""

    def wrap(handler):
        endpoint = f"{method} {pattern}"

        def handle(request: Request) -> Response:
            fault = request.fault
            if fault and fault.kind not in ("", "cut") and fault.status is None and not fault.drop_after_accept:
                return fault_answer(fault, request)
            account = None
            if auth is not None:
                issued = sim.tokens.lookup(PREFIX, request.bearer_token())
                if not request.bearer_token():
                    message = (
                        "Request is missing required authentication credential. Expected OAuth 2 access token, "
                        "login cookie or other valid authentication credential."
                    )
                    response = google_error(401, "required", message)
                    response.headers["WWW-Authenticate"] = 'Bearer realm="https://accounts.google.com/"'
                    return response
                if issued is None:
                    return auth_error()
                if not set(issued.scopes) & auth:
                    return google_error(
                        403, "insufficientPermissions", "Request had insufficient authentication scopes."
                    )
                account = sim.accounts.get(NETWORK, {}).get(issued.account_id)
                if account is None:
                    return auth_error()
            if quota and _quota_exceeded(sim, endpoint):
                status, domain, reason, message = KIND_ERRORS["quota"]
                return google_error(status, reason, message, domain=domain)
            return handler(request, account) if auth is not None else handler(request)

        sim.route(PREFIX, method, pattern)(handle)
        return handler

    return wrap


def _register_oauth(sim: Simulator) -> None:
    """The consent page and the token endpoint (codes with PKCE, non-rotating refresh)."""

    @_route(sim, "GET", "/o/oauth2/v2/auth")
    def consent(request: Request) -> Response:
        client_id = request.arg("client_id", "")
        redirect_uri = request.arg("redirect_uri", "") or ""
        if client_id != SANDBOX_CLIENTS[PREFIX][0]:
            return error_page(401, "invalid_client", "The OAuth client was not found.")
        if not redirect_uri:
            return error_page(400, "invalid_request", "Missing required parameter: redirect_uri")
        if urlsplit(redirect_uri).scheme not in ("http", "https"):
            return error_page(400, "redirect_uri_mismatch", "The redirect URI in the request is not registered.")
        scopes = tuple((request.arg("scope", "") or "").split())
        if not scopes:
            return error_page(400, "invalid_request", "Missing required parameter: scope")
        unknown = [s for s in scopes if not s.startswith("https://www.googleapis.com/auth/")]
        unknown = [s for s in unknown if s not in ("openid", "email", "profile")]
        if unknown:
            return error_page(400, "invalid_scope", f"Some requested scopes were invalid: {', '.join(unknown)}")
        state = request.arg("state", "") or ""
        if request.arg("response_type") != "code":
            return _redirect_back(request, {"error": "unsupported_response_type", "state": state})
        challenge = request.arg("code_challenge", "") or ""
        method = request.arg("code_challenge_method", "plain" if challenge else "") or ""
        if method and (not challenge or method not in ("S256", "plain")):
            return error_page(400, "invalid_request", "Invalid code_challenge_method or missing code_challenge.")
        account_id = _state(sim)["consenting_account"]
        code = sim.tokens.issue(
            PREFIX,
            account_id,
            kind="code",
            expires_in=CODE_LIFETIME_S,
            scopes=scopes,
            client_id=client_id,
            redirect_uri=redirect_uri,
            challenge=challenge,
            method=method,
            offline=request.arg("access_type") == "offline",
        )
        return _redirect_back(request, {"state": state, "code": code, "scope": " ".join(scopes)})

    @_route(sim, "POST", "/token")
    def token(request: Request) -> Response:
        if request.content_type != "application/x-www-form-urlencoded":
            return oauth_error(400, "invalid_request", "Bad Request")
        form = request.form()
        client_id, secret = _client_from(request, form)
        if (client_id, secret) != SANDBOX_CLIENTS[PREFIX]:
            return oauth_error(
                401, "invalid_client", "The OAuth client was not found." if client_id else "Unauthorized"
            )
        grant = form.get("grant_type", "")
        if grant == "authorization_code":
            code = form.get("code", "")
            if not code:
                return oauth_error(400, "invalid_request", "Missing required parameter: code")
            issued = sim.tokens.consume(PREFIX, code, kind="code")
            if issued is None or issued.extra.get("client_id") != client_id:
                return oauth_error(400, "invalid_grant", "Malformed auth code.")
            if form.get("redirect_uri", "") != issued.extra["redirect_uri"]:
                return oauth_error(400, "redirect_uri_mismatch", "Bad Request")
            if issued.extra["challenge"]:
                verifier = form.get("code_verifier", "")
                if not verifier:
                    return oauth_error(400, "invalid_grant", "Missing code verifier.")
                if not _pkce_matches(verifier, issued.extra["challenge"], issued.extra["method"]):
                    return oauth_error(400, "invalid_grant", "Invalid code verifier.")
            access = sim.tokens.issue(
                PREFIX, issued.account_id, expires_in=ACCESS_TOKEN_LIFETIME_S, scopes=issued.scopes
            )
            body = {
                "access_token": access,
                "expires_in": ACCESS_TOKEN_LIFETIME_S,
                "scope": " ".join(issued.scopes),
                "token_type": "Bearer",
            }
            if issued.extra.get("offline"):
                body["refresh_token"] = sim.tokens.issue(
                    PREFIX, issued.account_id, kind="refresh", scopes=issued.scopes
                )
            return json_response(body)
        if grant == "refresh_token":
            issued = sim.tokens.lookup(PREFIX, form.get("refresh_token", ""), kind="refresh")
            if issued is None:
                return oauth_error(400, "invalid_grant", "Token has been expired or revoked.")
            access = sim.tokens.issue(
                PREFIX, issued.account_id, expires_in=ACCESS_TOKEN_LIFETIME_S, scopes=issued.scopes
            )
            return json_response(
                {
                    "access_token": access,
                    "expires_in": ACCESS_TOKEN_LIFETIME_S,
                    "scope": " ".join(issued.scopes),
                    "token_type": "Bearer",
                }
            )
        if not grant:
            return oauth_error(400, "invalid_request", "Missing required parameter: grant_type")
        return oauth_error(400, "unsupported_grant_type", f"Invalid grant_type: {grant}")


def _register_revoke(sim: Simulator) -> None:
    """Revoking any token of a grant."""

    @_route(sim, "POST", "/revoke")
    def revoke(request: Request) -> Response:
        """Revoking any token of a grant ends the whole grant, refresh token included."""
        value = request.form().get("token", "")
        issued = sim.tokens.lookup(PREFIX, value) or sim.tokens.lookup(PREFIX, value, kind="refresh")
        if issued is None:
            return oauth_error(400, "invalid_token", "Token expired or revoked")
        sim.tokens.revoke_account(PREFIX, issued.account_id)
        return json_response({})


def _register_read_back(sim: Simulator) -> None:
    """channels.list, playlistItems.list (the uploads playlist) and videos.list (processing status)."""

    @_route(sim, "GET", "/youtube/v3/channels", quota=True, auth=READ_SCOPES)
    def channels(request: Request, account: dict[str, Any]) -> Response:
        parts = _parts(request)
        if isinstance(parts, Response):
            return parts
        if request.arg("mine") != "true" and request.arg("id") is None:
            return google_error(
                400,
                "missingRequiredParameter",
                "No filter selected. Expected one of: mine, forUsername, id, managedByMe, categoryId, forHandle",
                domain="youtube.parameter",
            )
        wanted = {account["id"]} if request.arg("mine") == "true" else set((request.arg("id") or "").split(","))
        items = [_channel_resource(a, parts) for a in sim.accounts.get(NETWORK, {}).values() if a["id"] in wanted]
        return json_response(
            {
                "kind": "youtube#channelListResponse",
                "etag": _etag(),
                "pageInfo": {"totalResults": len(items), "resultsPerPage": 5},
                "items": items,
            }
        )

    @_route(sim, "GET", "/youtube/v3/playlistItems", quota=True, auth=READ_SCOPES)
    def playlist_items(request: Request, account: dict[str, Any]) -> Response:
        parts = _parts(request)
        if isinstance(parts, Response):
            return parts
        playlist_id = request.arg("playlistId")
        if not playlist_id:
            return google_error(
                400,
                "missingRequiredParameter",
                "No filter selected. Expected one of: id, playlistId",
                domain="youtube.parameter",
            )
        owner = next((a for a in sim.accounts.get(NETWORK, {}).values() if a["uploads"] == playlist_id), None)
        if owner is None:
            return google_error(
                404,
                "playlistNotFound",
                "The playlist identified with the request's <code>playlistId</code> parameter cannot be found.",
                domain="youtube.playlistItem",
            )
        try:
            max_results = int(request.arg("maxResults", "5") or 5)
            offset = int(request.arg("pageToken", "0") or 0)
        except ValueError:
            return google_error(400, "invalidParameter", "Invalid value for maxResults or pageToken.")
        if not 0 <= max_results <= 50:
            return google_error(
                400,
                "invalidParameter",
                f"Invalid value '{max_results}'. Values must be within the range: [0, 50]",
                domain="youtube.parameter",
            )
        posts = sorted(sim.posts_for(NETWORK, owner["id"]), key=lambda p: p.received_at, reverse=True)
        if owner["id"] != account["id"]:  # someone else's uploads: public videos only
            posts = [p for p in posts if p.extra["privacy"] == "public"]
        page = posts[offset : offset + max_results]
        items = [_playlist_item(owner, p, offset + i, parts) for i, p in enumerate(page)]
        body: dict[str, Any] = {
            "kind": "youtube#playlistItemListResponse",
            "etag": _etag(),
            "items": items,
            "pageInfo": {"totalResults": len(posts), "resultsPerPage": max_results},
        }
        if offset + max_results < len(posts):
            body["nextPageToken"] = str(offset + max_results)
        return json_response(body)

    @_route(sim, "GET", "/youtube/v3/videos", quota=True, auth=READ_SCOPES)
    def videos(request: Request, account: dict[str, Any]) -> Response:
        parts = _parts(request)
        if isinstance(parts, Response):
            return parts
        ids = [i for i in (request.arg("id") or "").split(",") if i]
        if not ids:
            return google_error(
                400,
                "missingRequiredParameter",
                "No filter selected. Expected one of: chart, id, myRating",
                domain="youtube.parameter",
            )
        if len(ids) > 50:
            return google_error(
                400, "invalidParameter", "The request specifies more than 50 video ids.", domain="youtube.parameter"
            )
        found = metrics.posts_by_id(sim, NETWORK, ids, owner=account["id"])
        items = []
        for video_id in ids:
            post = found.get(video_id)
            if post is None or (post.account_id != account["id"] and post.extra["privacy"] != "public"):
                continue
            polls = _state(sim)["status_polls"]
            polls[video_id] = polls.get(video_id, 0) + 1
            items.append(_video_resource(sim, post, parts, processed=polls[video_id] > 1))
        return json_response(
            {
                "kind": "youtube#videoListResponse",
                "etag": _etag(),
                "items": items,
                "pageInfo": {"totalResults": len(items), "resultsPerPage": len(items)},
            }
        )


def _register_video_upload(sim: Simulator) -> None:
    """videos.insert: the resumable session (or one multipart request) and its PUTs."""

    @_route(sim, "POST", "/upload/youtube/v3/videos", quota=True, auth=UPLOAD_SCOPES)
    def insert(request: Request, account: dict[str, Any]) -> Response:
        parts = _parts(request)
        if isinstance(parts, Response):
            return parts
        upload_type = request.arg("uploadType", "")
        if upload_type == "resumable":
            metadata = request.json() if request.body else {}
            if not isinstance(metadata, dict):
                return google_error(400, "parseError", "Parse Error")
            media_type = request.header("x-upload-content-type", "application/octet-stream")
            declared = request.header("x-upload-content-length")
            if declared and not declared.isdigit():
                return google_error(400, "badRequest", "Invalid X-Upload-Content-Length header.")
            data = None
        elif upload_type == "multipart":
            split = _split_related(request)
            if split is None:
                return google_error(400, "badContent", "Invalid multipart request with 0 mime parts.")
            metadata, data, media_type = split
            declared = ""
        else:
            return google_error(
                400,
                "wrongUrlForUpload",
                "Uploads must be sent to the upload URL. Use uploadType=resumable or multipart.",
            )
        if not (media_type.startswith("video/") or media_type == "application/octet-stream"):
            return google_error(
                400,
                "badContent",
                f"Media type '{media_type}' is not supported. Valid media types: [video/*, application/octet-stream]",
            )
        problem = _validate_metadata(metadata)
        if problem is not None:
            return problem
        if account.get("upload_limit_reached"):
            _, domain, reason, message = KIND_ERRORS["uploadLimitExceeded"]
            return google_error(403, reason, message, domain=domain)
        session = {
            "account_id": account["id"],
            "metadata": metadata,
            "parts": parts,
            "total": int(declared) if declared else None,
            "content_type": media_type,
            "received": bytearray(),
            "chunks": 0,
            "video_id": None,
            "headers": {k: v for k, v in request.headers.items() if k != "authorization"},
        }
        if data is not None:
            session["received"] = bytearray(data)
            session["total"] = len(data)
            post = _finish(sim, session, upload_id="")
            return json_response(_video_resource(sim, post, parts, processed=False))
        upload_id = secrets.token_urlsafe(24)
        with sim.lock:
            _state(sim)["sessions"][upload_id] = session
        query = urlencode({"uploadType": "resumable", "upload_id": upload_id, "part": ",".join(parts)})
        location = f"{request.base_url}/upload/youtube/v3/videos?{query}"
        return Response(status=200, headers={"Location": location, "X-GUploader-UploadID": upload_id})

    @_route(sim, "PUT", "/upload/youtube/v3/videos")
    def put_bytes(request: Request) -> Response:
        return _receive_chunk(sim, request, cut=request.fault is not None and request.fault.kind == "cut")


def _register_thumbnails(sim: Simulator) -> None:
    """thumbnails.set on the caller's own video."""

    @_route(sim, "POST", "/upload/youtube/v3/thumbnails/set", quota=True, auth=UPLOAD_SCOPES)
    def set_thumbnail(request: Request, account: dict[str, Any]) -> Response:
        video_id = request.arg("videoId")
        if not video_id:
            return google_error(400, "required", "Required parameter: videoId")
        if request.arg("uploadType", "media") == "multipart":
            split = _split_related(request)
            data, media_type = (split[1], split[2]) if split else (b"", "")
        else:
            data, media_type = request.body, request.content_type or "application/octet-stream"
        post = next((p for p in sim.posts_for(NETWORK) if p.id == video_id), None)
        if post is None:
            return google_error(
                404,
                "videoNotFound",
                "The video that you are trying to update cannot be found.",
                domain="youtube.thumbnail",
            )
        if post.account_id != account["id"]:
            return google_error(
                403,
                "forbidden",
                "The thumbnail can't be set for the specified video. The request might not be properly authorized.",
                domain="youtube.thumbnail",
            )
        if not data:
            return google_error(400, "mediaBodyRequired", "The request does not include the image content.")
        if len(data) > THUMBNAIL_MAX_BYTES:
            return google_error(413, "uploadTooLarge", f"Media larger than: {THUMBNAIL_MAX_BYTES}")
        if media_type not in ("image/jpeg", "image/png", "application/octet-stream"):
            return google_error(
                400,
                "badContent",
                f"Media type '{media_type}' is not supported. "
                "Valid media types: [image/jpeg, image/png, application/octet-stream]",
            )
        if not _image_type(data):
            return google_error(
                400, "invalidImage", "The provided image content is invalid.", domain="youtube.thumbnail"
            )
        with sim.lock:
            post.extra["thumbnail_sha256"] = hashlib.sha256(data).hexdigest()
            post.extra["thumbnail_content_type"] = _image_type(data)
        return json_response(
            {"kind": "youtube#thumbnailSetResponse", "etag": _etag(), "items": [_thumbnails(video_id)]}
        )


# --- resources and uploads ----------------------------------------------------------------------


def _parts(request: Request) -> list[str] | Response:
    raw = request.arg("part")
    if not raw:
        return google_error(400, "required", "Required parameter: part", domain="global")
    parts = [p.strip() for p in raw.split(",") if p.strip()]
    unknown = [p for p in parts if p not in VIDEO_PARTS]
    if unknown:
        return google_error(400, "unknownPart", unknown[0], domain="youtube.part")
    return parts


def _split_related(request: Request) -> tuple[dict[str, Any], bytes, str] | None:
    if request.content_type != "multipart/related":
        return None
    head = f"Content-Type: {request.header('content-type')}\r\nMIME-Version: 1.0\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + request.body)
    parts = list(message.iter_parts())
    if len(parts) != 2:
        return None
    try:
        metadata = json.loads(parts[0].get_payload(decode=True) or b"{}")
    except ValueError:
        return None
    return metadata, parts[1].get_payload(decode=True) or b"", parts[1].get_content_type()


def _receive_chunk(sim: Simulator, request: Request, *, cut: bool) -> Response:
    upload_id = request.arg("upload_id", "")
    with sim.lock:
        session = _state(sim)["sessions"].get(upload_id)
    if session is None:
        return google_error(404, "notFound", "Upload session not found or expired.")
    header = request.header("content-range")
    with sim.lock:
        if session["video_id"] is not None:  # finished: answer the video again, whatever was sent
            post = next(p for p in sim.posts_for(NETWORK) if p.id == session["video_id"])
            return json_response(_video_resource(sim, post, session["parts"], processed=False), status=201)
        received = session["received"]
        status_query = re.fullmatch(r"bytes \*/(\d+|\*)", header)
        if status_query:
            if request.body:
                return google_error(400, "badRequest", "A status query must have an empty body.")
            return _incomplete(len(received))
        if header:
            match = re.fullmatch(r"bytes (\d+)-(\d+)/(\d+|\*)", header)
            if not match:
                return google_error(400, "badRequest", "Failed to parse Content-Range header.")
            start, end = int(match[1]), int(match[2])
            total = None if match[3] == "*" else int(match[3])
            if end < start or end - start + 1 != len(request.body):
                return google_error(400, "badRequest", "Content-Range does not match the body length.")
        else:
            start, end, total = 0, len(request.body) - 1, len(request.body)
        if total is not None and session["total"] is not None and total != session["total"]:
            return google_error(
                400, "badRequest", "The total size does not match X-Upload-Content-Length of the session."
            )
        if start > len(received):
            return google_error(
                400, "badRequest", f"Content-Range starts at {start}, but only {len(received)} bytes were received."
            )
        if total is not None:
            session["total"] = total
        data = request.body[len(received) - start :]  # bytes already held are not taken twice
        if cut:
            data = data[: len(data) // 2]
        received.extend(data)
        session["chunks"] += 1
        if cut:
            raise Drop()
        if session["total"] is not None and len(received) > session["total"]:
            return google_error(400, "badRequest", "More bytes were sent than the declared total.")
        if session["total"] is None or len(received) < session["total"]:
            return _incomplete(len(received))
        post = _finish(sim, session, upload_id=upload_id)
    return json_response(_video_resource(sim, post, session["parts"], processed=False), status=201)


def _finish(sim: Simulator, session: dict[str, Any], *, upload_id: str) -> RecordedPost:
    metadata = session["metadata"]
    snippet = metadata.get("snippet") or {}
    status = metadata.get("status") or {}
    data = bytes(session["received"])
    video_id = _new_video_id()
    title = snippet.get("title", "")
    description = snippet.get("description", "") or ""
    post = sim.record_post(
        RecordedPost(
            network=NETWORK,
            account_id=session["account_id"],
            id=video_id,
            text=f"{title}\n\n{description}" if description else title,
            url=_public_url(sim, video_id),
            received_at=datetime.now(UTC),
            media=[
                {
                    "id": video_id,
                    "kind": "video",
                    "content_type": session["content_type"],
                    "size": len(data),
                    "sha256": hashlib.sha256(data).hexdigest(),
                    "alt_text": "",
                }
            ],
            body=metadata,
            headers=session["headers"],
            extra={
                "title": title,
                "description": description,
                "tags": list(snippet.get("tags") or []),
                "category": str(snippet.get("categoryId") or "22"),
                "privacy": status.get("privacyStatus", "public"),
                "madeForKids": status.get("selfDeclaredMadeForKids"),
                "publishAt": status.get("publishAt"),
                "thumbnail_sha256": None,
                "upload_id": upload_id,
                "chunks": session["chunks"],
            },
        )
    )
    session["video_id"] = video_id
    return post


def _channel_resource(account: dict[str, Any], parts: list[str]) -> dict[str, Any]:
    resource: dict[str, Any] = {"kind": "youtube#channel", "etag": _etag(), "id": account["id"]}
    if "snippet" in parts:
        resource["snippet"] = {
            "title": account["name"],
            "description": account.get("description", ""),
            "customUrl": account.get("handle", ""),
            "publishedAt": account.get("published_at", "2020-01-01T00:00:00Z"),
            "thumbnails": {
                "default": {"url": account["avatar_url"], "width": 88, "height": 88},
            },
            "localized": {"title": account["name"], "description": account.get("description", "")},
        }
    if "contentDetails" in parts:
        resource["contentDetails"] = {"relatedPlaylists": {"likes": "", "uploads": account["uploads"]}}
    if "statistics" in parts:
        # A channel that hides its subscriber count gives no subscriberCount at all.
        hidden = bool(account.get("hidden_subscribers"))
        resource["statistics"] = {"viewCount": "0", "hiddenSubscriberCount": hidden, "videoCount": "0"}
        if not hidden:
            resource["statistics"]["subscriberCount"] = str(metrics.followers(account["id"]))
    return resource


def _playlist_item(owner: dict[str, Any], post: RecordedPost, position: int, parts: list[str]) -> dict[str, Any]:
    published = post.received_at.strftime("%Y-%m-%dT%H:%M:%SZ")
    item: dict[str, Any] = {
        "kind": "youtube#playlistItem",
        "etag": _etag(),
        "id": base64.urlsafe_b64encode(f"{owner['uploads']}.{post.id}".encode()).decode().rstrip("="),
    }
    if "snippet" in parts:
        item["snippet"] = {
            "publishedAt": published,
            "channelId": owner["id"],
            "title": post.extra["title"],
            "description": post.extra["description"],
            "thumbnails": _thumbnails(post.id),
            "channelTitle": owner["name"],
            "playlistId": owner["uploads"],
            "position": position,
            "resourceId": {"kind": "youtube#video", "videoId": post.id},
            "videoOwnerChannelTitle": owner["name"],
            "videoOwnerChannelId": owner["id"],
        }
    if "contentDetails" in parts:
        item["contentDetails"] = {"videoId": post.id, "videoPublishedAt": published}
    if "status" in parts:
        item["status"] = {"privacyStatus": post.extra["privacy"]}
    return item


def _video_resource(sim: Simulator, post: RecordedPost, parts: list[str], *, processed: bool) -> dict[str, Any]:
    owner = sim.accounts.get(NETWORK, {}).get(post.account_id, {})
    resource: dict[str, Any] = {"kind": "youtube#video", "etag": _etag(), "id": post.id}
    if "snippet" in parts:
        resource["snippet"] = {
            "publishedAt": post.received_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "channelId": post.account_id,
            "title": post.extra["title"],
            "description": post.extra["description"],
            "thumbnails": _thumbnails(post.id),
            "channelTitle": owner.get("name", ""),
            "tags": post.extra["tags"],
            "categoryId": post.extra["category"],
            "liveBroadcastContent": "none",
            "localized": {"title": post.extra["title"], "description": post.extra["description"]},
        }
    if "statistics" in parts:
        values = metrics.figures(post.id, post.received_at)
        # Counts are strings; likeCount is absent when the owner hid the ratings.
        resource["statistics"] = {
            "viewCount": str(values["views"]),
            "favoriteCount": "0",
            "commentCount": str(values["comments"]),
        }
        if not owner.get("hide_likes"):
            resource["statistics"]["likeCount"] = str(values["likes"])
    if "status" in parts:
        resource["status"] = {
            "uploadStatus": "processed" if processed else "uploaded",
            "privacyStatus": post.extra["privacy"],
            "license": "youtube",
            "embeddable": True,
            "publicStatsViewable": True,
            "madeForKids": bool(post.extra["madeForKids"]),
            "selfDeclaredMadeForKids": bool(post.extra["madeForKids"]),
        }
        if post.extra["publishAt"]:
            resource["status"]["publishAt"] = post.extra["publishAt"]
    if "processingDetails" in parts:
        resource["processingDetails"] = (
            {"processingStatus": "succeeded"}
            if processed
            else {
                "processingStatus": "processing",
                "processingProgress": {"partsTotal": 1000, "partsProcessed": 0, "timeLeftMs": 1000},
            }
        )
    return resource


def _incomplete(received: int) -> Response:
    """308 Resume Incomplete; without a Range header when no byte has arrived yet."""
    headers = {"Range": f"bytes=0-{received - 1}"} if received else {}
    return Response(status=308, headers=headers)


def _validate_metadata(metadata: dict[str, Any]) -> Response | None:
    """YouTube's checks on a new video's snippet and status, with its reasons."""
    snippet = metadata.get("snippet")
    status = metadata.get("status") or {}
    if not isinstance(snippet, dict) or not isinstance(status, dict):
        return google_error(400, "invalidVideoMetadata", "The request metadata is invalid.", domain="youtube.video")
    title = snippet.get("title")
    if not isinstance(title, str) or not title.strip() or len(title) > TITLE_MAX_CHARS or re.search(r"[<>]", title):
        _, domain, reason, message = KIND_ERRORS["invalidTitle"]
        return google_error(400, reason, message, domain=domain)
    description = snippet.get("description", "")
    if not isinstance(description, str) or len(description.encode("utf-8")) > DESCRIPTION_MAX_BYTES:
        _, domain, reason, message = KIND_ERRORS["invalidDescription"]
        return google_error(400, reason, message, domain=domain)
    tags = snippet.get("tags", [])
    if (
        not isinstance(tags, list)
        or not all(isinstance(t, str) for t in tags)
        or _tags_length(tags) > TAGS_MAX_CHARS
        or any(re.search(r"[<>]", t) for t in tags)
    ):
        _, domain, reason, message = KIND_ERRORS["invalidTags"]
        return google_error(400, reason, message, domain=domain)
    category = snippet.get("categoryId", "22")
    if str(category) not in CATEGORIES:
        return google_error(
            400,
            "invalidCategoryId",
            "The <code>snippet.categoryId</code> property specifies an invalid category ID.",
            domain="youtube.video",
        )
    privacy = status.get("privacyStatus", "public")
    if privacy not in PRIVACY_STATUSES:
        return google_error(400, "invalidVideoMetadata", "The request metadata is invalid.", domain="youtube.video")
    if "selfDeclaredMadeForKids" in status and not isinstance(status["selfDeclaredMadeForKids"], bool):
        return google_error(400, "invalidVideoMetadata", "The request metadata is invalid.", domain="youtube.video")
    publish_at = status.get("publishAt")
    if publish_at is not None:
        try:
            when = datetime.fromisoformat(str(publish_at).replace("Z", "+00:00"))
        except ValueError:
            when = None
        if privacy != "private" or when is None or when.tzinfo is None or when <= datetime.now(UTC):
            return google_error(
                400,
                "invalidPublishAt",
                "The request metadata specifies an invalid scheduled publishing time.",
                domain="youtube.video",
            )
    return None


# --- accounts ----------------------------------------------------------------------------------


def _add_channel(sim: Simulator, channel_id: str, **profile: Any) -> dict[str, Any]:
    name = profile.pop("name", "Demo Clinic")
    return sim.add_account(
        NETWORK,
        channel_id,
        name=name,
        handle=profile.pop("handle", "@" + re.sub(r"\W", "", name).lower()),
        uploads="UU" + channel_id[2:],
        avatar_url=profile.pop("avatar_url", timeline.avatar_url(sim, NETWORK, channel_id)),
        **profile,
    )


def seed_demo(sim: Simulator) -> None:
    """The sandbox channel "Demo Clinic" with a fixed, non-expiring grant for ``make run``."""
    _add_channel(sim, DEMO_CHANNEL_ID, name="Demo Clinic", handle="@democlinic")
    scopes = (*DEFAULT_SCOPES, SCOPE_YOUTUBE)
    for access, refresh in (DEMO_TOKENS, DEMO_TOKEN_ALIASES):
        sim.tokens.issue(PREFIX, DEMO_CHANNEL_ID, scopes=scopes, value=access)
        sim.tokens.issue(PREFIX, DEMO_CHANNEL_ID, kind="refresh", scopes=scopes, value=refresh)
    _state(sim)["consenting_account"] = DEMO_CHANNEL_ID


def new_account(sim: Simulator, **profile: Any) -> dict[str, Any]:
    """A fresh channel for a test, with a 3599-second access token and a refresh token.

    ``scopes=(...)`` narrows the grant; ``upload_limit_reached=True`` makes uploads answer 403
    ``uploadLimitExceeded``.
    """
    scopes = tuple(profile.pop("scopes", DEFAULT_SCOPES))
    channel_id = _new_channel_id()
    account = _add_channel(sim, channel_id, name=profile.pop("name", f"Test Clinic {channel_id[-4:]}"), **profile)
    return {
        "id": channel_id,
        "channel_id": channel_id,
        "uploads_playlist_id": account["uploads"],
        "name": account["name"],
        "access_token": sim.tokens.issue(PREFIX, channel_id, expires_in=ACCESS_TOKEN_LIFETIME_S, scopes=scopes),
        "refresh_token": sim.tokens.issue(PREFIX, channel_id, kind="refresh", scopes=scopes),
    }


def reset_at() -> datetime:
    """When Google's daily quota resets: the next midnight, Pacific time."""
    now = datetime.now(PACIFIC)
    return (now.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)).astimezone(UTC)
