"""The simulated X (Twitter) API v2, written from docs/platform-contracts.md ("X") and X's public docs.

Routes live under ``/twitter``: the consent page ``/twitter/i/oauth2/authorize`` and the API
``/twitter/2/...`` (so ``TWITTER_API_URL`` is ``{base}/twitter``).

What it does the way X does:

- OAuth 2.0 with PKCE. The consent page auto-consents as ``sim.store["twitter"]["consenting_account"]``
  (the demo account unless a test changes it) and redirects to ``redirect_uri`` with ``code`` and
  ``state``. Codes live 30 seconds and are single use; the token endpoint checks the client (HTTP
  Basic for our confidential sandbox client), the ``redirect_uri`` given at consent and the
  ``code_verifier`` against the S256 (or plain) challenge. Access tokens live 2 hours; a refresh
  token comes only with ``offline.access`` and **rotates**: a used one answers 400
  ``invalid_request``.
- Every answer carries ``x-transaction-id`` and ``x-rate-limit-limit/-remaining/-reset`` (per user
  and endpoint, 15-minute windows). Limits are only enforced (429) when
  ``sim.store["twitter"]["enforce_rate_limits"]`` is true; tests inject 429s as faults instead.
- Errors are ``application/problem+json``: ``{"title","detail","type","status"}``, with
  ``errors[]`` for invalid requests.
- ``POST /2/tweets`` answers **201** ``{"data":{"id","text","edit_history_tweet_ids"}}``. Like X,
  the ``text`` it returns (and the timeline serves) has ``&``, ``<``, ``>`` as HTML entities,
  every URL wrapped as ``https://t.co/...`` and, when media is attached, a trailing
  `` https://t.co/...`` media link (``expanded_url`` ``.../status/{id}/photo/1``); ask for
  ``tweet.fields=entities`` to get ``expanded_url``\\ s. The record (``RecordedPost.text``) keeps
  the text as the user wrote it (NFC-normalised, as X stores it); ``extra["api_text"]`` has the
  wrapped form. Text is weighed with twitter-text (280); a same-user duplicate of a post from the
  last 24 hours answers 403 "duplicate content".
- Media: simple upload (images), chunked initialize/append/finalize with STATUS polling (video and
  GIF answer ``pending``, then ``in_progress`` on the first poll, ``succeeded`` on the next), alt
  text through ``POST /2/media/metadata``. Media ids must belong to the posting user and be
  processed; at most 4 images, or 1 video or GIF.

Fault flavours (``sim.fail("twitter", endpoint, status=..., kind=...)``):

- ``status=429``: ``x-rate-limit-remaining: 0`` and ``x-rate-limit-reset`` = now + ``reset_in``
  (default 900 s). ``kind="user_24h"`` adds X's per-user daily cap headers
  ``x-user-limit-24hour-*`` whose reset is ``reset_in`` while the 15-minute reset is only 60 s away
  (the later one is the truth). ``kind="usage_capped"``: the app's monthly cap
  (``UsageCapExceeded``, ``x-rate-limit-reset`` = now + ``reset_in``).
- ``status=500`` / ``503``: X's problem bodies; ``status=401``: "Unauthorized".
- ``status=403, kind="duplicate"``: the duplicate-content answer; other 403s are "Forbidden".
- ``status=400``: an invalid-request problem.
- ``kind="denied"`` on ``GET /i/oauth2/authorize`` (with or without a status): the user pressed
  Cancel; redirect back with ``error=access_denied``.
- ``kind="processing_failed"`` on ``GET /2/media/upload`` (with or without a status): the STATUS poll answers
  ``state: failed`` and the media can no longer be posted.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
import unicodedata
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlencode, urlsplit

from twitter_text import extract_urls_with_indices, parse_tweet

from simulator import metrics, timeline
from simulator.core import (
    SANDBOX_CLIENTS,
    Fault,
    RecordedPost,
    Request,
    Response,
    Simulator,
    json_response,
    now_utc,
    sniff_content_type,
)

NETWORK = "twitter"

ACCESS_TOKEN_LIFETIME_S = 7200
CODE_LIFETIME_S = 30
TEXT_LIMIT = 280
ALT_TEXT_LIMIT = 1000
DUPLICATE_WINDOW = timedelta(hours=24)
CHUNK_MAX_BYTES = 5 * 1024 * 1024
IMAGE_MAX_BYTES = 5 * 1024 * 1024
GIF_MAX_BYTES = 15 * 1024 * 1024
VIDEO_MAX_BYTES = 512 * 1024 * 1024
MEDIA_EXPIRES_AFTER_S = 86400
KNOWN_SCOPES = {
    "tweet.read",
    "tweet.write",
    "tweet.moderate.write",
    "users.read",
    "follows.read",
    "follows.write",
    "offline.access",
    "space.read",
    "mute.read",
    "mute.write",
    "like.read",
    "like.write",
    "list.read",
    "list.write",
    "block.read",
    "block.write",
    "bookmark.read",
    "bookmark.write",
    "media.write",
}
IMAGE_TYPES = {"image/jpeg", "image/png", "image/webp", "image/bmp"}
GIF_TYPES = {"image/gif"}
VIDEO_TYPES = {"video/mp4", "video/quicktime", "video/webm"}
MEDIA_CATEGORIES = {"tweet_image", "tweet_gif", "tweet_video", "amplify_video", "dm_image", "dm_gif", "dm_video"}
REPLY_SETTINGS = {"following", "mentionedUsers", "subscribers", "verified"}

# Requests per 15-minute window, per user and endpoint (X's published per-user figures, rounded).
RATE_LIMITS = {
    "POST /2/tweets": 100,
    "GET /2/users/me": 75,
    "GET /2/tweets": 900,
    "GET /2/users/{id}/tweets": 900,
    "POST /2/media/upload": 500,
    "GET /2/media/upload": 1000,
    "POST /2/media/upload/initialize": 500,
    "POST /2/media/upload/{media_id}/append": 5000,
    "POST /2/media/upload/{media_id}/finalize": 500,
    "POST /2/media/metadata": 500,
    "POST /2/oauth2/token": 1000,
    "POST /2/oauth2/revoke": 1000,
    "GET /i/oauth2/authorize": 1000,
}
WINDOW_S = 900

DEMO_ACCOUNT = {"id": "1580000000000000001", "username": "demo_clinic", "name": "Demo Clinic"}


# --- state ---------------------------------------------------------------------------------


def _state(sim: Simulator) -> dict[str, Any]:
    with sim.lock:
        return sim.store.setdefault(
            NETWORK,
            {
                "consenting_account": DEMO_ACCOUNT["id"],
                "enforce_rate_limits": False,
                "media": {},  # media id -> dict
                "windows": {},  # (who, endpoint) -> [window start, count]
            },
        )


def _snowflake(sim: Simulator) -> str:
    return str(1_860_000_000_000_000_000 + int(sim.next_id()) * 4096 + secrets.randbelow(4096))


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _parse_time(value: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else None


# --- answers --------------------------------------------------------------------------------


def problem(status: int, title: str, detail: str, type_: str = "about:blank", **extra: Any) -> Response:
    body = {"title": title, "detail": detail, "type": type_, "status": status, **extra}
    return Response(status=status, body=body, headers={"Content-Type": "application/problem+json"})


def invalid_request(message: str, parameters: dict[str, list[str]] | None = None) -> Response:
    body = {
        "errors": [{"parameters": parameters or {}, "message": message}],
        "title": "Invalid Request",
        "detail": "One or more parameters to your request was invalid.",
        "type": "https://api.twitter.com/2/problems/invalid-request",
    }
    return Response(status=400, body=body, headers={"Content-Type": "application/problem+json"})


def unauthorized() -> Response:
    return problem(401, "Unauthorized", "Unauthorized")


def forbidden(detail: str = "Forbidden") -> Response:
    return problem(403, "Forbidden", detail)


def duplicate() -> Response:
    return forbidden("You are not allowed to create a Tweet with duplicate content.")


def oauth_error(status: int, error: str, description: str) -> Response:
    return json_response({"error": error, "error_description": description}, status=status)


def _who(sim: Simulator, request: Request) -> str:
    issued = sim.tokens.lookup(NETWORK, request.bearer_token())
    if issued is not None:
        return issued.account_id
    return "client:" + (request.form().get("client_id", "") if request.method == "POST" else "anonymous")


def _window(sim: Simulator, who: str, endpoint: str, *, count: bool) -> tuple[int, int, int]:
    """(limit, remaining, reset epoch) for this user and endpoint; counts the request if asked."""
    limit = RATE_LIMITS.get(endpoint, 300)
    now = time.time()
    with sim.lock:
        windows = _state(sim)["windows"]
        window = windows.get((who, endpoint))
        if window is None or window[0] + WINDOW_S <= now:
            window = windows[(who, endpoint)] = [now, 0]
        if count:
            window[1] += 1
        return limit, max(limit - window[1], 0), int(window[0] + WINDOW_S)


def _finish(sim: Simulator, request: Request, response: Response, endpoint: str, *, count: bool = True) -> Response:
    limit, remaining, reset = _window(sim, _who(sim, request), endpoint, count=count)
    response.headers.setdefault("x-rate-limit-limit", str(limit))
    response.headers.setdefault("x-rate-limit-remaining", str(remaining))
    response.headers.setdefault("x-rate-limit-reset", str(reset))
    response.headers.setdefault("x-transaction-id", secrets.token_hex(8))
    return response


def _route(sim: Simulator, method: str, pattern: str):
    endpoint = f"{method} {pattern}"

    def decorate(handler):
        def wrapped(request: Request) -> Response:
            if _state(sim)["enforce_rate_limits"]:
                limit, remaining, reset = _window(sim, _who(sim, request), endpoint, count=False)
                if remaining <= 0:
                    answer = problem(429, "Too Many Requests", "Too Many Requests")
                    return _finish(sim, request, answer, endpoint, count=False)
            return _finish(sim, request, handler(request), endpoint)

        sim.route(NETWORK, method, pattern)(wrapped)
        return handler

    return decorate


def _authenticate(sim: Simulator, request: Request, *scopes: str) -> tuple[dict[str, Any] | None, Response | None]:
    """The account behind the bearer token, or the answer X gives instead."""
    issued = sim.tokens.lookup(NETWORK, request.bearer_token())
    if issued is None:
        return None, unauthorized()
    missing = [s for s in scopes if s not in issued.scopes]
    if missing:
        return None, problem(
            403,
            "Forbidden",
            f"Missing required OAuth 2.0 scopes: {', '.join(missing)}.",
            "https://api.twitter.com/2/problems/client-forbidden",
        )
    account = sim.accounts.get(NETWORK, {}).get(issued.account_id)
    if account is None:
        return None, unauthorized()
    return account, None


# --- text -----------------------------------------------------------------------------------


def _tco() -> str:
    return "https://t.co/" + secrets.token_urlsafe(8).replace("-", "a").replace("_", "b")[:10]


def _html_escape(text: str) -> str:
    # X's API returns post text with &, < and > as HTML entities (quotes stay as they are).
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _wrap_links(text: str, *, username: str, tweet_id: str, media: list[dict[str, Any]]) -> tuple[str, list]:
    """The text as X's API returns it: HTML-escaped, URLs as t.co links, plus the media link."""
    urls = []
    wrapped = ""
    cursor = 0
    for found in extract_urls_with_indices(text):
        start, end = found["indices"]
        wrapped += _html_escape(text[cursor:start])
        short = _tco()
        expanded = found["url"] if "://" in found["url"] else "http://" + found["url"]
        bare = expanded.split("://", 1)[1]
        urls.append(
            {
                "start": len(wrapped),
                "end": len(wrapped) + len(short),
                "url": short,
                "expanded_url": expanded,
                "display_url": bare[:26] + ("…" if len(bare) > 26 else ""),
            }
        )
        wrapped += short
        cursor = end
    wrapped += _html_escape(text[cursor:])
    if media:
        short = _tco()
        wrapped += " " if wrapped else ""
        kind = "video" if media[0]["kind"] == "video" else "photo"
        urls.append(
            {
                "start": len(wrapped),
                "end": len(wrapped) + len(short),
                "url": short,
                "expanded_url": f"https://x.com/{username}/status/{tweet_id}/{kind}/1",
                "display_url": "pic.x.com/" + short.rsplit("/", 1)[1],
                "media_key": media[0]["media_key"],
            }
        )
        wrapped += short
    return wrapped, urls


def _media_kind(content_type: str) -> str:
    if content_type in GIF_TYPES:
        return "gif"
    if content_type in VIDEO_TYPES:
        return "video"
    return "image"


def _media_answer(media: dict[str, Any], *, with_size: bool = True) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": media["id"],
        "media_key": media["media_key"],
        "expires_after_secs": max(int(media["expires_at"] - time.time()), 0),
    }
    if with_size and media.get("size") is not None:
        data["size"] = media["size"]
    if media.get("processing"):
        data["processing_info"] = dict(media["processing"])
    return data


# --- routes ------------------------------------------------------------------------------------


def register(sim: Simulator) -> None:
    """Serve X's API under ``/twitter``, one concern at a time (routes are matched in this order)."""
    _state(sim)
    sim.on_fault(NETWORK, lambda fault, request: _fault_answer(sim, fault, request))
    _register_oauth(sim)
    _register_revoke(sim)
    _register_identity(sim)
    _register_media_upload(sim)
    _register_publishing(sim)
    _register_read_back(sim)
    _register_lookup(sim)


def _register_oauth(sim: Simulator) -> None:
    """OAuth 2.0 with PKCE: the consent page and the token endpoint (codes, refresh)."""
    client_id, client_secret = SANDBOX_CLIENTS[NETWORK]

    @_route(sim, "GET", "/i/oauth2/authorize")
    def authorize(request: Request) -> Response:
        args = {k: v[0] for k, v in request.query.items()}
        if args.get("client_id") != client_id:
            return Response(
                status=400, body="<h1>Something went wrong</h1><p>You weren't able to give access to the App.</p>"
            )
        redirect_uri = args.get("redirect_uri", "")
        if urlsplit(redirect_uri).scheme not in ("http", "https"):
            return Response(status=400, body="<h1>Something went wrong</h1><p>Invalid redirect_uri.</p>")
        state = args.get("state", "")

        def back(**params: str) -> Response:
            separator = "&" if "?" in redirect_uri else "?"
            return Response(status=302, headers={"Location": redirect_uri + separator + urlencode(params)})

        if args.get("response_type") != "code":
            return back(error="invalid_request", error_description="response_type must be code", state=state)
        scopes = tuple(args.get("scope", "").split())
        if not scopes or any(s not in KNOWN_SCOPES for s in scopes):
            return back(error="invalid_scope", error_description="Invalid scope", state=state)
        challenge = args.get("code_challenge", "")
        method = args.get("code_challenge_method", "plain")
        if not challenge or method not in ("S256", "plain") or not state:
            return back(error="invalid_request", error_description="Missing PKCE challenge or state", state=state)
        fault = getattr(request, "fault", None)
        if fault is not None and fault.kind == "denied":
            return back(error="access_denied", error_description="The user denied the request.", state=state)
        account_id = _state(sim)["consenting_account"]
        code = sim.tokens.issue(
            NETWORK,
            account_id,
            kind="code",
            expires_in=CODE_LIFETIME_S,
            scopes=scopes,
            redirect_uri=redirect_uri,
            challenge=challenge,
            method=method,
            client_id=client_id,
        )
        return back(state=state, code=code)

    @_route(sim, "POST", "/2/oauth2/token")
    def token(request: Request) -> Response:
        if request.content_type != "application/x-www-form-urlencoded":
            return oauth_error(400, "invalid_request", "Missing required parameter [grant_type].")
        form = request.form()
        auth = request.header("authorization")
        if auth.lower().startswith("basic "):
            try:
                given_id, _, given_secret = base64.b64decode(auth[6:].strip()).decode().partition(":")
            except ValueError:
                return oauth_error(401, "unauthorized_client", "Missing valid authorization header")
            if not (hmac.compare_digest(given_id, client_id) and hmac.compare_digest(given_secret, client_secret)):
                return oauth_error(401, "unauthorized_client", "Missing valid authorization header")
        else:
            # Our sandbox app is a confidential client: X wants its secret in HTTP Basic auth.
            return oauth_error(401, "unauthorized_client", "Missing valid authorization header")
        if form.get("client_id") not in (None, client_id):
            return oauth_error(400, "invalid_request", "Value passed for the client_id was invalid.")
        grant = form.get("grant_type", "")
        if grant == "authorization_code":
            issued = sim.tokens.consume(NETWORK, form.get("code", ""), kind="code")
            if issued is None:
                return oauth_error(400, "invalid_request", "Value passed for the authorization code was invalid.")
            if form.get("redirect_uri") != issued.extra["redirect_uri"]:
                return oauth_error(
                    400,
                    "invalid_request",
                    "Value passed for the redirect uri did not match the uri of the authorization code.",
                )
            verifier = form.get("code_verifier", "")
            if issued.extra["method"] == "S256":
                expected = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
            else:
                expected = verifier
            if not verifier or not hmac.compare_digest(expected, issued.extra["challenge"]):
                return oauth_error(
                    400, "invalid_request", "Value passed for the code verifier did not match the code challenge."
                )
            return json_response(_issue_tokens(sim, issued.account_id, issued.scopes))
        if grant == "refresh_token":
            issued = sim.tokens.consume(NETWORK, form.get("refresh_token", ""), kind="refresh")
            if issued is None:
                return oauth_error(400, "invalid_request", "Value passed for the token was invalid.")
            return json_response(_issue_tokens(sim, issued.account_id, issued.scopes))
        return oauth_error(400, "unsupported_grant_type", "Grant type is not supported.")


def _register_revoke(sim: Simulator) -> None:
    """Token revocation, the client authenticated as at the token endpoint."""
    client_id, client_secret = SANDBOX_CLIENTS[NETWORK]

    @_route(sim, "POST", "/2/oauth2/revoke")
    def revoke(request: Request) -> Response:
        """X's revocation: a form with ``token`` (and ``token_type_hint``), the client authenticated as at
        the token endpoint. An unknown or already revoked token still answers ``{"revoked": true}``."""
        if request.content_type != "application/x-www-form-urlencoded":
            return oauth_error(400, "invalid_request", "Missing required parameter [token].")
        auth = request.header("authorization")
        try:
            given_id, _, given_secret = base64.b64decode(auth[6:].strip()).decode().partition(":")
        except ValueError:
            given_id = given_secret = ""
        if not (
            auth.lower().startswith("basic ")
            and hmac.compare_digest(given_id, client_id)
            and hmac.compare_digest(given_secret, client_secret)
        ):
            return oauth_error(401, "unauthorized_client", "Missing valid authorization header")
        token = request.form().get("token", "")
        if not token:
            return oauth_error(400, "invalid_request", "Missing required parameter [token].")
        sim.tokens.revoke(token)
        return json_response({"revoked": True})


def _register_identity(sim: Simulator) -> None:
    """Who the token belongs to."""

    @_route(sim, "GET", "/2/users/me")
    def users_me(request: Request) -> Response:
        account, error = _authenticate(sim, request, "tweet.read", "users.read")
        if error:
            return error
        fields = set((request.arg("user.fields") or "").split(","))
        data = {"id": account["id"], "name": account["name"], "username": account["username"]}
        if "profile_image_url" in fields:
            data["profile_image_url"] = account.get("profile_image_url", "")
        if "created_at" in fields:
            data["created_at"] = account.get("created_at", "2020-01-01T00:00:00.000Z")
        if "public_metrics" in fields:
            data["public_metrics"] = {
                "followers_count": metrics.followers(account["id"]),
                "following_count": 180,
                "tweet_count": len(sim.posts_for(NETWORK, account["id"])),
                "listed_count": 3,
                "like_count": 250,
            }
        return json_response({"data": data})


def _register_media_upload(sim: Simulator) -> None:
    """Simple and chunked media upload, processing status and alt text."""

    @_route(sim, "POST", "/2/media/upload")
    def media_upload(request: Request) -> Response:
        account, error = _authenticate(sim, request, "media.write")
        if error:
            return error
        if request.content_type != "multipart/form-data":
            return invalid_request("Requests must be multipart/form-data with a media part.")
        form, files = request.form(), request.files()
        upload = files.get("media")
        if upload is None:
            return invalid_request("The `media` field is required.", {"media": []})
        category = form.get("media_category", "")
        if category not in MEDIA_CATEGORIES:
            return invalid_request(f"Invalid media_category: {category!r}.", {"media_category": [category]})
        content_type = sniff_content_type(upload.data)
        if content_type not in IMAGE_TYPES | GIF_TYPES:
            return invalid_request("Unsupported media type for simple upload; upload video in chunks.")
        maximum = GIF_MAX_BYTES if content_type in GIF_TYPES else IMAGE_MAX_BYTES
        if len(upload.data) > maximum:
            return invalid_request(f"File size exceeds {maximum} bytes.")
        media = _new_media(sim, account["id"], content_type, category, len(upload.data))
        media["data"] = upload.data
        media["state"] = "succeeded"
        return json_response({"data": _media_answer(media)})

    @_route(sim, "POST", "/2/media/upload/initialize")
    def media_initialize(request: Request) -> Response:
        account, error = _authenticate(sim, request, "media.write")
        if error:
            return error
        body = _json_object(request)
        if body is None:
            return invalid_request("Requests with bodies must have content-type of application/json.")
        media_type = body.get("media_type", "")
        total = body.get("total_bytes")
        category = body.get("media_category", "tweet_image")
        if media_type not in IMAGE_TYPES | GIF_TYPES | VIDEO_TYPES:
            return invalid_request(f"Unsupported media_type: {media_type!r}.", {"media_type": [str(media_type)]})
        if not isinstance(total, int) or total <= 0:
            return invalid_request("total_bytes must be a positive integer.", {"total_bytes": [str(total)]})
        if category not in MEDIA_CATEGORIES:
            return invalid_request(f"Invalid media_category: {category!r}.", {"media_category": [str(category)]})
        maximum = {"video": VIDEO_MAX_BYTES, "gif": GIF_MAX_BYTES}.get(_media_kind(media_type), IMAGE_MAX_BYTES)
        if total > maximum:
            return invalid_request(f"File size exceeds {maximum} bytes.", {"total_bytes": [str(total)]})
        media = _new_media(sim, account["id"], media_type, category, None)
        media.update(total_bytes=total, segments={}, state="uploading")
        return json_response({"data": _media_answer(media)})

    @_route(sim, "POST", "/2/media/upload/{media_id}/append")
    def media_append(request: Request) -> Response:
        account, error = _authenticate(sim, request, "media.write")
        if error:
            return error
        media = _own_media(sim, account, request.params["media_id"], state="uploading")
        if media is None:
            return invalid_request("Invalid media_id.", {"media_id": [request.params["media_id"]]})
        if request.content_type != "multipart/form-data":
            return invalid_request("Requests must be multipart/form-data with a media part.")
        form, files = request.form(), request.files()
        try:
            index = int(form.get("segment_index", ""))
        except ValueError:
            return invalid_request("segment_index is required.", {"segment_index": []})
        if not 0 <= index <= 999:
            return invalid_request("segment_index must be between 0 and 999.", {"segment_index": [str(index)]})
        chunk = files.get("media")
        if chunk is None:
            return invalid_request("The `media` field is required.", {"media": []})
        if len(chunk.data) > CHUNK_MAX_BYTES:
            return invalid_request("Segment size exceeds 5 MB.", {"media": []})
        with sim.lock:
            media["segments"][index] = chunk.data
        return json_response({"data": {"expires_at": int(media["expires_at"])}})

    @_route(sim, "POST", "/2/media/upload/{media_id}/finalize")
    def media_finalize(request: Request) -> Response:
        account, error = _authenticate(sim, request, "media.write")
        if error:
            return error
        media = _own_media(sim, account, request.params["media_id"], state="uploading")
        if media is None:
            return invalid_request("Invalid media_id.", {"media_id": [request.params["media_id"]]})
        data = b"".join(chunk for _, chunk in sorted(media["segments"].items()))
        if len(data) != media["total_bytes"]:
            return invalid_request(f"File size mismatch: expected {media['total_bytes']} bytes, got {len(data)}.")
        with sim.lock:
            media.update(data=data, size=len(data), segments={})
            if media["kind"] in ("video", "gif"):
                media["state"] = "pending"
                media["processing"] = {"state": "pending", "check_after_secs": 1}
            else:
                media["state"] = "succeeded"
        return json_response({"data": _media_answer(media)})

    @_route(sim, "GET", "/2/media/upload")
    def media_status(request: Request) -> Response:
        account, error = _authenticate(sim, request, "media.write")
        if error:
            return error
        if request.arg("command") != "STATUS":
            return invalid_request("command must be STATUS.", {"command": [request.arg("command") or ""]})
        media = _own_media(sim, account, request.arg("media_id") or "")
        if media is None:
            return invalid_request("Invalid media_id.", {"media_id": [request.arg("media_id") or ""]})
        fault = getattr(request, "fault", None)
        if fault is not None and fault.kind == "processing_failed":
            return _fault_answer(sim, fault, request)
        with sim.lock:
            # Each poll moves processing one step on, so adapters must poll (fast, but real).
            if media["state"] == "pending":
                media["state"] = "in_progress"
                media["processing"] = {"state": "in_progress", "check_after_secs": 1, "progress_percent": 50}
            elif media["state"] == "in_progress":
                media["state"] = "succeeded"
                media["processing"] = {"state": "succeeded", "progress_percent": 100}
        return json_response({"data": _media_answer(media)})

    @_route(sim, "POST", "/2/media/metadata")
    def media_metadata(request: Request) -> Response:
        account, error = _authenticate(sim, request, "media.write")
        if error:
            return error
        body = _json_object(request)
        if body is None:
            return invalid_request("Requests with bodies must have content-type of application/json.")
        media_id = str(body.get("id", ""))
        media = _own_media(sim, account, media_id)
        if media is None:
            return invalid_request("Invalid media id.", {"id": [media_id]})
        alt = (body.get("metadata") or {}).get("alt_text") if isinstance(body.get("metadata"), dict) else None
        text = alt.get("text") if isinstance(alt, dict) else None
        if not isinstance(text, str):
            return invalid_request("metadata.alt_text.text is required.", {"metadata.alt_text.text": []})
        if len(text) > ALT_TEXT_LIMIT:
            return invalid_request(
                f"Alt text must be at most {ALT_TEXT_LIMIT} characters.", {"metadata.alt_text.text": []}
            )
        with sim.lock:
            media["alt_text"] = text
        return json_response({"data": {"id": media_id, "associated_metadata": True}})


def _register_publishing(sim: Simulator) -> None:
    """Creating a post."""

    @_route(sim, "POST", "/2/tweets")
    def create_tweet(request: Request) -> Response:
        account, error = _authenticate(sim, request, "tweet.read", "tweet.write", "users.read")
        if error:
            return error
        body = _json_object(request)
        if body is None:
            return invalid_request("Requests with bodies must have content-type of application/json.")
        text = body.get("text", "")
        if not isinstance(text, str):
            return invalid_request("`text` must be a string.", {"text": []})
        text = unicodedata.normalize("NFC", text)
        media_ids = (body.get("media") or {}).get("media_ids", []) if isinstance(body.get("media"), dict) else []
        if not isinstance(media_ids, list) or not all(isinstance(m, str) for m in media_ids):
            return invalid_request("media.media_ids must be a list of strings.", {"media.media_ids": []})
        if not text and not media_ids:
            return invalid_request("Post text or media is required.", {"text": []})
        if parse_tweet(text).weightedLength > TEXT_LIMIT:
            return forbidden(
                "Your Tweet text is too long. For more information on how X determines text length see "
                "https://github.com/twitter/twitter-text."
            )
        media = []
        for media_id in media_ids:
            item = _state(sim)["media"].get(media_id)
            if item is None or item["account_id"] != account["id"] or item["expires_at"] <= time.time():
                return invalid_request("Your media IDs are invalid.", {"media.media_ids": media_ids})
            if item["state"] != "succeeded":
                return invalid_request(
                    f"Media {media_id} is not ready: {item['state']}.", {"media.media_ids": media_ids}
                )
            media.append(item)
        kinds = [m["kind"] for m in media]
        if len(media) > 4 or (len(media) > 1 and any(k in ("video", "gif") for k in kinds)):
            return invalid_request("You can attach up to 4 images, or 1 video or GIF.", {"media.media_ids": media_ids})
        reply_to = reply_to_user = ""
        reply = body.get("reply")
        if reply is not None:
            reply_to = str((reply or {}).get("in_reply_to_tweet_id", "")) if isinstance(reply, dict) else ""
            parent = _find_post(sim, reply_to) if reply_to else None
            if parent is None:
                return forbidden("You attempted to reply to a Tweet that is deleted or not visible to you.")
            reply_to_user = parent.account_id
        reply_settings = body.get("reply_settings")
        if reply_settings is not None and reply_settings not in REPLY_SETTINGS:
            return invalid_request(
                f"Invalid reply_settings: {reply_settings!r}.", {"reply_settings": [str(reply_settings)]}
            )
        now = now_utc()
        if text:
            for post in sim.posts_for(NETWORK, account["id"]):
                if post.text == text and now - post.received_at < DUPLICATE_WINDOW:
                    return duplicate()
        tweet_id = _snowflake(sim)
        api_text, urls = _wrap_links(text, username=account["username"], tweet_id=tweet_id, media=media)
        sim.record_post(
            RecordedPost(
                network=NETWORK,
                account_id=account["id"],
                id=tweet_id,
                text=text,
                url=timeline.web_url(sim, NETWORK, f"/{account['username']}/status/{tweet_id}"),
                received_at=now,
                media=[
                    {
                        "id": m["id"],
                        "media_key": m["media_key"],
                        "kind": m["kind"],
                        "content_type": m["content_type"],
                        "size": len(m["data"]),
                        "sha256": hashlib.sha256(m["data"]).hexdigest(),
                        "alt_text": m.get("alt_text", ""),
                    }
                    for m in media
                ],
                body=body,
                headers=dict(request.headers),
                extra={
                    "api_text": api_text,
                    "urls": urls,
                    "in_reply_to_tweet_id": reply_to,
                    "in_reply_to_user_id": reply_to_user,
                    "reply_settings": reply_settings or "everyone",
                    "username": account["username"],
                },
            )
        )
        return json_response({"data": {"id": tweet_id, "text": api_text, "edit_history_tweet_ids": [tweet_id]}}, 201)


def _register_read_back(sim: Simulator) -> None:
    """A user's timeline, which adapters read to find a post whose answer was lost."""

    @_route(sim, "GET", "/2/users/{id}/tweets")
    def user_tweets(request: Request) -> Response:
        _, error = _authenticate(sim, request, "tweet.read", "users.read")
        if error:
            return error
        user_id = request.params["id"]
        try:
            max_results = int(request.arg("max_results", "10"))
        except ValueError:
            max_results = -1
        if not 5 <= max_results <= 100:
            return invalid_request(
                f"The `max_results` query parameter value [{request.arg('max_results')}] is not between 5 and 100",
                {"max_results": [request.arg("max_results") or ""]},
            )
        start = end = None
        for name in ("start_time", "end_time"):
            value = request.arg(name)
            if value is not None:
                moment = _parse_time(value)
                if moment is None:
                    return invalid_request(
                        f"Invalid '{name}':'{value}'. '{name}' must be a valid RFC 3339 timestamp.", {name: [value]}
                    )
                start, end = (moment, end) if name == "start_time" else (start, moment)
        if user_id not in sim.accounts.get(NETWORK, {}):
            detail = f"Could not find user with id: [{user_id}]."
            return json_response(
                {
                    "errors": [
                        {
                            "value": user_id,
                            "detail": detail,
                            "title": "Not Found Error",
                            "resource_type": "user",
                            "parameter": "id",
                            "resource_id": user_id,
                            "type": "https://api.twitter.com/2/problems/resource-not-found",
                        }
                    ]
                }
            )
        posts = sorted(sim.posts_for(NETWORK, user_id), key=lambda p: p.received_at, reverse=True)
        posts = [p for p in posts if (start is None or p.received_at >= start) and (end is None or p.received_at < end)]
        since_id = request.arg("since_id")
        if since_id:
            posts = [p for p in posts if int(p.id) > int(since_id)]
        try:
            offset = int(request.arg("pagination_token") or 0)
        except ValueError:
            return invalid_request("Invalid pagination_token.", {"pagination_token": [request.arg("pagination_token")]})
        page = posts[offset : offset + max_results]
        fields = set((request.arg("tweet.fields") or "").split(","))
        data = [_tweet_answer(p, fields) for p in page]
        meta: dict[str, Any] = {"result_count": len(data)}
        if data:
            meta.update(newest_id=data[0]["id"], oldest_id=data[-1]["id"])
        if offset + max_results < len(posts):
            meta["next_token"] = str(offset + max_results)
        return json_response({"data": data, "meta": meta} if data else {"meta": meta})


def _register_lookup(sim: Simulator) -> None:
    """Posts by id, up to 100 at a time: what analytics reads ``public_metrics`` from."""

    @_route(sim, "GET", "/2/tweets")
    def tweets_lookup(request: Request) -> Response:
        account, error = _authenticate(sim, request, "tweet.read", "users.read")
        if error:
            return error
        ids = [i for i in (request.arg("ids") or "").split(",") if i]
        if not 1 <= len(ids) <= 100:
            return invalid_request(
                f"The number of values in the `ids` query parameter list [{len(ids)}] is not between 1 and 100",
                {"ids": [request.arg("ids") or ""]},
            )
        fields = set((request.arg("tweet.fields") or "").split(","))
        found = metrics.posts_by_id(sim, NETWORK, ids, owner=account["id"])
        data, errors = [], []
        for tweet_id in ids:
            post = found.get(tweet_id)
            if post is None:
                errors.append(
                    {
                        "value": tweet_id,
                        "detail": f"Could not find tweet with ids: [{tweet_id}].",
                        "title": "Not Found Error",
                        "resource_type": "tweet",
                        "parameter": "ids",
                        "resource_id": tweet_id,
                        "type": "https://api.twitter.com/2/problems/resource-not-found",
                    }
                )
                continue
            item: dict[str, Any] = {"id": post.id, "text": post.extra.get("api_text", post.text)}
            item["edit_history_tweet_ids"] = [post.id]
            if "created_at" in fields:
                item["created_at"] = _iso(post.received_at)
            if "public_metrics" in fields:
                values = metrics.figures(post.id, post.received_at)
                item["public_metrics"] = {
                    "retweet_count": values["shares"],
                    "reply_count": values["comments"],
                    "like_count": values["likes"],
                    "quote_count": values["quotes"],
                    "bookmark_count": values["bookmarks"],
                    "impression_count": values["views"],
                }
            data.append(item)
        body: dict[str, Any] = {"data": data} if data else {}
        if errors:
            body["errors"] = errors
        return json_response(body)


def _tweet_answer(post: RecordedPost, fields: set[str]) -> dict[str, Any]:
    data: dict[str, Any] = {"id": post.id, "text": post.extra["api_text"], "edit_history_tweet_ids": [post.id]}
    if "created_at" in fields:
        data["created_at"] = _iso(post.received_at)
    if "author_id" in fields:
        data["author_id"] = post.account_id
    if "entities" in fields and post.extra["urls"]:
        data["entities"] = {"urls": post.extra["urls"]}
    if "attachments" in fields and post.media:
        data["attachments"] = {"media_keys": [m["media_key"] for m in post.media]}
    if "in_reply_to_user_id" in fields and post.extra["in_reply_to_user_id"]:
        data["in_reply_to_user_id"] = post.extra["in_reply_to_user_id"]
    if "referenced_tweets" in fields and post.extra["in_reply_to_tweet_id"]:
        data["referenced_tweets"] = [{"type": "replied_to", "id": post.extra["in_reply_to_tweet_id"]}]
    if "reply_settings" in fields:
        data["reply_settings"] = post.extra["reply_settings"]
    return data


def _find_post(sim: Simulator, tweet_id: str) -> RecordedPost | None:
    for post in sim.posts_for(NETWORK):
        if post.id == tweet_id:
            return post
    return None


def _json_object(request: Request) -> dict | None:
    """The JSON object a request carries, or None when it is not JSON or not an object."""
    body = request.json()
    return body if request.content_type == "application/json" and isinstance(body, dict) else None


def _own_media(sim: Simulator, account: dict, media_id: str, *, state: str | None = None) -> dict | None:
    """The media ``account`` uploaded with this id (in ``state``, when given), or None."""
    media = _state(sim)["media"].get(media_id)
    if media is None or media["account_id"] != account["id"]:
        return None
    return media if state is None or media["state"] == state else None


def _new_media(sim: Simulator, account_id: str, content_type: str, category: str, size: int | None) -> dict[str, Any]:
    media_id = _snowflake(sim)
    kind = _media_kind(content_type)
    media = {
        "id": media_id,
        "media_key": {"image": "3_", "gif": "16_", "video": "7_"}[kind] + media_id,
        "account_id": account_id,
        "content_type": content_type,
        "kind": kind,
        "category": category,
        "size": size,
        "expires_at": time.time() + MEDIA_EXPIRES_AFTER_S,
        "alt_text": "",
        "processing": None,
    }
    with sim.lock:
        _state(sim)["media"][media_id] = media
    return media


def _issue_tokens(sim: Simulator, account_id: str, scopes: tuple[str, ...]) -> dict[str, Any]:
    answer: dict[str, Any] = {
        "token_type": "bearer",
        "expires_in": ACCESS_TOKEN_LIFETIME_S,
        "access_token": sim.tokens.issue(NETWORK, account_id, expires_in=ACCESS_TOKEN_LIFETIME_S, scopes=scopes),
        "scope": " ".join(scopes),
    }
    if "offline.access" in scopes:
        answer["refresh_token"] = sim.tokens.issue(NETWORK, account_id, kind="refresh", scopes=scopes)
    return answer


# --- faults ----------------------------------------------------------------------------------


def _fault_answer(sim: Simulator, fault: Fault, request: Request) -> Response:
    endpoint = next(
        (
            r.endpoint
            for r in sim.routes
            if r.network == NETWORK and r.method == request.method and r.regex.match(request.path)
        ),
        f"{request.method} {request.path}",
    )
    now = time.time()
    reset_in = fault.reset_in if fault.reset_in is not None else WINDOW_S
    if fault.kind == "denied" and endpoint == "GET /i/oauth2/authorize":
        redirect_uri = request.arg("redirect_uri", "")
        params = {
            "error": "access_denied",
            "error_description": "The user denied the request.",
            "state": request.arg("state", ""),
        }
        separator = "&" if "?" in redirect_uri else "?"
        return _finish(
            sim, request, Response(302, headers={"Location": redirect_uri + separator + urlencode(params)}), endpoint
        )
    if fault.kind == "processing_failed" and endpoint == "GET /2/media/upload":
        media = _state(sim)["media"].get(request.arg("media_id") or "")
        if media is not None:
            with sim.lock:
                media["state"] = "failed"
                media["processing"] = {
                    "state": "failed",
                    "progress_percent": 0,
                    "error": {"code": 1, "name": "InvalidMedia", "message": "Unsupported video format"},
                }
            return _finish(sim, request, json_response({"data": _media_answer(media)}), endpoint)
    status = fault.status or 500
    if status == 429:
        limit = RATE_LIMITS.get(endpoint, 300)
        if fault.kind == "usage_capped":
            answer = problem(
                429,
                "UsageCapExceeded",
                "Usage cap exceeded: Monthly product cap",
                "https://api.twitter.com/2/problems/usage-capped",
                period="Monthly",
                scope="Product",
            )
            answer.headers["x-rate-limit-reset"] = str(int(now + reset_in))
        elif fault.kind == "user_24h":
            answer = problem(429, "Too Many Requests", "Too Many Requests")
            answer.headers.update(
                {
                    "x-rate-limit-reset": str(int(now + 60)),
                    "x-user-limit-24hour-limit": "17",
                    "x-user-limit-24hour-remaining": "0",
                    "x-user-limit-24hour-reset": str(int(now + reset_in)),
                }
            )
        else:
            answer = problem(429, "Too Many Requests", "Too Many Requests")
            answer.headers["x-rate-limit-reset"] = str(int(now + reset_in))
        answer.headers.update({"x-rate-limit-limit": str(limit), "x-rate-limit-remaining": "0"})
    elif status == 401:
        answer = unauthorized()
    elif status == 403:
        answer = duplicate() if fault.kind == "duplicate" else forbidden()
    elif status == 400:
        answer = invalid_request("One or more parameters to your request was invalid.")
    elif status == 503:
        answer = problem(503, "Service Unavailable", "Service Unavailable")
    elif status == 500:
        answer = problem(500, "Internal Server Error", "Internal Server Error")
    else:
        answer = problem(status, "Error", f"HTTP {status}")
    return _finish(sim, request, answer, endpoint)


# --- accounts ---------------------------------------------------------------------------------

ALL_SCOPES = ("tweet.read", "tweet.write", "users.read", "media.write", "offline.access")


def seed_demo(sim: Simulator) -> None:
    """The demo sandbox account with fixed tokens that never expire (``make run`` connects it)."""
    sim.add_account(
        NETWORK,
        DEMO_ACCOUNT["id"],
        **{k: v for k, v in DEMO_ACCOUNT.items() if k != "id"},
        profile_image_url=timeline.avatar_url(sim, NETWORK, DEMO_ACCOUNT["id"]),
    )
    sim.tokens.issue(NETWORK, DEMO_ACCOUNT["id"], scopes=ALL_SCOPES, value="sandbox-twitter-access")
    sim.tokens.issue(NETWORK, DEMO_ACCOUNT["id"], kind="refresh", scopes=ALL_SCOPES, value="sandbox-twitter-refresh")


def new_account(sim: Simulator, **profile: Any) -> dict[str, Any]:
    """A fresh X user for a test: ``{"id", "username", "name", "access_token", "refresh_token"}``.

    The access token lives two hours, like X's; the refresh token rotates on use.
    """
    account_id = _snowflake(sim)
    username = profile.pop("username", f"doc_{account_id[-6:]}")
    name = profile.pop("name", f"Dr. Test {account_id[-4:]}")
    scopes = tuple(profile.pop("scopes", ALL_SCOPES))
    sim.add_account(
        NETWORK,
        account_id,
        username=username,
        name=name,
        profile_image_url=timeline.avatar_url(sim, NETWORK, account_id),
        **profile,
    )
    return {
        "id": account_id,
        "username": username,
        "name": name,
        "access_token": sim.tokens.issue(NETWORK, account_id, expires_in=ACCESS_TOKEN_LIFETIME_S, scopes=scopes),
        "refresh_token": sim.tokens.issue(NETWORK, account_id, kind="refresh", scopes=scopes),
    }
