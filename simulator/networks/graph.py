"""What the simulated Facebook Pages and Instagram share: one Graph API.

Contract: ``docs/platform-contracts.md`` ("Facebook Pages" and "Instagram"); written from it
and Meta's public Graph API documentation, never from our adapters. Both products live under
``/facebook`` (so ``FACEBOOK_GRAPH_URL`` and ``FACEBOOK_WWW_URL`` are both ``{base}/facebook``),
every path starts with a version (``/v24.0/...``) and one store, ``sim.store["facebook"]``,
holds people, pages, Instagram accounts and every object either product creates.
:mod:`simulator.networks.facebook` registers the routes (its own, then Instagram's).

What this module does the way Graph does:

- Versions: any ``vN.0`` from ``OLDEST_VERSION`` to ``NEWEST_VERSION`` is served; an older one is
  served as the oldest available (Graph upgrades calls to retired versions); anything else
  (``v99.0``, ``v24.1``, a missing version) answers code 2500 "Unknown path components".
- Tokens come as the ``access_token`` parameter or a Bearer header. Errors are
  ``{"error":{"message","type","code","error_subcode","is_transient","fbtrace_id"}}`` with the
  trace id also in ``x-fb-trace-id``; HTTP status 400 as Graph uses it (500/503 for server
  faults). Expired token: 190/463; unknown token: 190; a token killed by a password change or
  by removing the app: 190/460 or 190/458.
- Parameters come from the query, a form or a JSON body; ``fields`` selects what an answer
  holds (``id,name,instagram_business_account{id,username}``) and an unknown field is code 100;
  lists are cursor-paged (``limit``, ``after``, ``paging.next``).
- Media given by URL is **fetched over HTTP** (``urllib``, 5 s timeout;
  ``sim.fetch_host_override`` maps a host to another ``host:port``).

Fault flavours (``sim.fail("facebook", "POST /{version}/{node}/feed", status=..., kind=...)``;
endpoints are the route patterns):

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
import urllib.error
import urllib.request
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

from PIL import Image

from simulator.core import Fault, IssuedToken, Request, Response, Simulator, json_response, now_utc

NETWORK = "facebook"  # the path prefix, the token store's network and the record's network for pages
INSTAGRAM = "instagram"  # the record's network for Instagram media

OLDEST_VERSION = 19
NEWEST_VERSION = 25
FETCH_MAX_BYTES = 300 * 1024 * 1024
FETCH_TIMEOUT_S = 5.0
IG_QUOTA = 50  # "can only publish 50 posts within a 24 hour moving period" (media_publish reference)

PAGE_SCOPES = ("pages_show_list", "pages_manage_posts", "pages_read_engagement", "business_management")
IG_SCOPES = ("instagram_basic", "instagram_content_publish")
ALL_SCOPES = PAGE_SCOPES + IG_SCOPES

DEMO_USER = {"id": "100000000000001", "name": "Demo Physician"}
DEMO_PAGE = {"id": "200000000000001", "name": "Demo Clinic"}
DEMO_IG = {"id": "17841400000000001", "username": "democlinic", "name": "Demo Clinic"}


# --- state ---------------------------------------------------------------------------------


def state(sim: Simulator) -> dict[str, Any]:
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


def fbid(sim: Simulator, prefix: str = "1") -> str:
    return f"{prefix}{int(sim.next_id()):014d}"


def now() -> datetime:
    return now_utc()


def graph_time(at: datetime) -> str:
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


def ok(body: Any, status: int = 200) -> Response:
    return json_response(body, status=status)


def _unknown_path(path: str) -> Response:
    return graph_error(f"Unknown path components: {path}", code=2500)


def no_object(node: str, method: str = "get") -> Response:
    return graph_error(
        f"Unsupported {method} request. Object with ID '{node}' does not exist, cannot be loaded due to missing "
        "permissions, or does not support this operation. Please read the Graph API documentation at "
        "https://developers.facebook.com/docs/graph-api",
        code=100,
        subcode=33,
        type="GraphMethodException",
    )


def invalid(message: str, *, code: int = 100, subcode: int | None = None, **kwargs: Any) -> Response:
    return graph_error(message, code=code, subcode=subcode, **kwargs)


def page_permission_error() -> Response:
    return graph_error(
        "(#200) If posting to a page, requires both pages_read_engagement and pages_manage_posts as an admin "
        "with sufficient administrative permission",
        code=200,
    )


def quota_exceeded() -> Response:
    return graph_error(
        "Application request limit reached",
        code=9,
        subcode=2207042,
        is_transient=False,
        user_title="Cannot publish more posts",
        user_msg="You reached maximum number of posts that is allowed to be published by Content Publishing API.",
    )


class Fail(Exception):
    """Raised inside handlers to answer with a Graph error."""

    def __init__(self, response: Response):
        super().__init__("graph error")
        self.response = response


# --- tokens -------------------------------------------------------------------------------------


def authenticate(sim: Simulator, request: Request) -> IssuedToken:
    token = request.bearer_token()
    if not token:
        raise Fail(graph_error("An access token is required to request this resource.", code=104))
    issued = sim.tokens.lookup(NETWORK, token)
    if issued is not None:
        return issued
    dead = state(sim)["dead_tokens"].get(token)
    if dead == 460:
        raise Fail(
            graph_error(
                "Error validating access token: The session has been invalidated because the user changed their "
                "password or Facebook has changed the session for security reasons.",
                code=190,
                subcode=460,
            )
        )
    if dead == 458:
        raise Fail(
            graph_error(
                "Error validating access token: The user has not authorized application.", code=190, subcode=458
            )
        )
    peeked = sim.tokens.peek(NETWORK, token)
    if peeked is not None and peeked.kind == "access" and peeked.expires_at is not None:
        expired = datetime.fromtimestamp(peeked.expires_at, UTC)
        raise Fail(
            graph_error(
                f"Error validating access token: Session has expired on {expired:%A, %d-%b-%y %H:%M:%S} PST. "
                f"The current time is {now():%A, %d-%b-%y %H:%M:%S} PST.",
                code=190,
                subcode=463,
            )
        )
    raise Fail(graph_error("Invalid OAuth access token - Cannot parse access token", code=190))


def is_user(token: IssuedToken) -> bool:
    return token.extra.get("type") == "user"


def manages(sim: Simulator, token: IssuedToken, page_id: str) -> bool:
    """The token may read the page: it is the page's own token or a token of one of its admins."""
    page = state(sim)["pages"].get(page_id)
    if page is None:
        return False
    if token.extra.get("type") == "page":
        return token.account_id == page_id
    return token.account_id in page["users"]


def can_read(sim: Simulator, token: IssuedToken, obj: dict[str, Any]) -> bool:
    if "page_id" in obj:
        return manages(sim, token, obj["page_id"])
    ig = state(sim)["ig"].get(obj.get("ig_id", ""))
    return ig is not None and manages(sim, token, ig["page_id"])


# --- parameters and fields -----------------------------------------------------------------------


def request_params(request: Request) -> dict[str, str]:
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


def parse_time(value: str | None, name: str) -> float | None:
    if not value:
        return None
    if re.fullmatch(r"-?\d+(\.\d+)?", value):
        return float(value)
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00").replace("+0000", "+00:00"))
    except ValueError:
        raise Fail(invalid(f"(#100) The parameter {name} must be a valid date")) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.timestamp()


def check_fields(node_type: str, spec: dict[str, dict | None], known: set[str]) -> None:
    for name in spec:
        if name not in known:
            raise Fail(invalid(f"(#100) Tried accessing nonexisting field ({name}) on node type ({node_type})"))


def render(node_type: str, values: dict[str, Any], spec: dict[str, dict | None], known: set[str]) -> dict:
    check_fields(node_type, spec, known)
    out: dict[str, Any] = {}
    for name, sub in spec.items():
        value = values.get(name)
        if value is None:
            continue
        if callable(value):
            value = value(sub)
        out[name] = value
    return out


def paged(request: Request, items: list[dict[str, Any]]) -> dict[str, Any]:
    try:
        limit = max(1, min(int(request.arg("limit") or 25), 100))
    except ValueError:
        raise Fail(invalid("(#100) The parameter limit must be a number")) from None
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


class FetchFailed(Exception):
    pass


def fetch(sim: Simulator, url: str, max_bytes: int) -> tuple[bytes, str]:
    """Fetch media the way Instagram and Facebook do: over HTTP, from the public URL."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FetchFailed("not an http(s) URL")
    override = sim.fetch_host_override.get(parts.netloc)
    if override:
        parts = parts._replace(netloc=override, scheme="http")
    request = urllib.request.Request(urlunsplit(parts), headers={"User-Agent": "facebookexternalhit/1.1"})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_S) as answer:  # noqa: S310 - scheme checked above
            data = answer.read(max_bytes + 1)
            content_type = answer.headers.get_content_type()
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as error:
        raise FetchFailed(str(error)) from None
    return data, content_type


def media_entry(
    sim: Simulator, data: bytes, *, kind: str, content_type: str, alt_text: str = "", source_url: str = "", **more: Any
) -> dict[str, Any]:
    return {
        "id": fbid(sim),
        "kind": kind,
        "content_type": content_type,
        "size": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
        "alt_text": alt_text,
        "source_url": source_url,
        **more,
    }


def image_info(data: bytes) -> tuple[str, int, int] | None:
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
        with Image.open(io.BytesIO(data)) as image:
            return image.format or "", image.width, image.height
    except Exception:
        return None


def is_mp4(data: bytes) -> bool:
    return len(data) >= 12 and data[4:8] == b"ftyp"


# --- routes, versions and redirects --------------------------------------------------------------

Handler = Callable[[Request], Response]


def route(sim: Simulator, method: str, pattern: str) -> Callable[[Handler], Handler]:
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
            except Fail as failure:
                return _traced(failure.response)

        sim.route(NETWORK, method, pattern)(run)
        return handler

    return wrap


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


def with_query(url: str, params: dict[str, str]) -> str:
    parts = urlsplit(url)
    query = parts.query + ("&" if parts.query else "") + urlencode(params)
    return urlunsplit(parts._replace(query=query, fragment=""))


def denied(request: Request) -> Response:
    params = {
        "error": "access_denied",
        "error_code": "200",
        "error_description": "Permissions error",
        "error_reason": "user_denied",
    }
    if request.arg("state") is not None:
        params["state"] = request.arg("state", "")
    return Response(302, headers={"Location": with_query(request.arg("redirect_uri", ""), params) + "#_=_"})


# --- faults ----------------------------------------------------------------------------------------

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


def register_faults(sim: Simulator) -> None:
    """Answer injected faults the way Graph answers (see the module docstring)."""
    sim.on_fault(NETWORK, lambda fault, request: _traced(_fault_answer(sim, fault, request)))


def _fault_answer(sim: Simulator, fault: Fault, request: Request) -> Response:
    kind, status = fault.kind, fault.status
    if kind == "denied" and request.path.endswith("/dialog/oauth"):
        return denied(request)
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
            f"Error validating access token: Session has expired on {now():%A, %d-%b-%y %H:%M:%S} PST. "
            f"The current time is {now():%A, %d-%b-%y %H:%M:%S} PST.",
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
        return quota_exceeded()
    if status == 403:
        return page_permission_error()
    return invalid("(#100) Invalid parameter")


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
