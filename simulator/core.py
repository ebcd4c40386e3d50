"""The platform simulator's core: one HTTP server on loopback for all networks.

Written from ``docs/platform-contracts.md``, never from our adapters: it imports
nothing from ``platforms`` or the apps, so it cannot share their bugs.

Each network lives under its own path prefix (``/twitter``, ``/facebook``,
``/linkedin``, ``/google``), so the adapters' base URLs carry a path prefix
just as a proxy in front of a real API would, which catches SDKs that drop
it. Network modules register routes with :meth:`Simulator.route` and answer
with :class:`Response`; the core adds latency, injected faults, the record
of accepted posts and the timeline pages.
"""

from __future__ import annotations

import email.parser
import email.policy
import html
import itertools
import json
import re
import secrets
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

NETWORK_PREFIXES = {"twitter": "/twitter", "facebook": "/facebook", "linkedin": "/linkedin", "google": "/google"}

# The apps registered with each simulated network: client id and secret.
# `make run` and the tests use these; any other client is refused.
SANDBOX_CLIENTS = {
    "twitter": ("sandbox-twitter-client", "sandbox-twitter-secret"),
    "facebook": ("sandbox-facebook-app", "sandbox-facebook-secret"),
    "linkedin": ("sandbox-linkedin-client", "sandbox-linkedin-secret"),
    "google": ("sandbox-google-client.apps.googleusercontent.com", "sandbox-google-secret"),
}


# --- requests and responses ----------------------------------------------------------


@dataclass
class UploadedFile:
    name: str
    filename: str
    content_type: str
    data: bytes


@dataclass
class Request:
    method: str
    network: str
    path: str  # without the network prefix, e.g. "/2/tweets"
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-cased names
    body: bytes
    params: dict[str, str] = field(default_factory=dict)  # from "{name}" in the route
    base_url: str = ""  # e.g. "http://127.0.0.1:8100/twitter"
    # The injected fault this request hit, if any: lets a handler honour a
    # fault that has a ``kind`` but no ``status`` (e.g. OAuth consent "denied").
    fault: Fault | None = None

    def arg(self, name: str, default: str | None = None) -> str | None:
        values = self.query.get(name)
        return values[0] if values else default

    def header(self, name: str, default: str = "") -> str:
        return self.headers.get(name.lower(), default)

    @property
    def content_type(self) -> str:
        return self.header("content-type").split(";")[0].strip().lower()

    def json(self) -> Any:
        try:
            return json.loads(self.body or b"null")
        except ValueError:
            return None

    def form(self) -> dict[str, str]:
        """Fields of a urlencoded or multipart body (files excluded), plus the query."""
        fields = {k: v[0] for k, v in self.query.items()}
        if self.content_type == "application/x-www-form-urlencoded":
            fields.update({k: v[0] for k, v in parse_qs(self.body.decode("utf-8"), keep_blank_values=True).items()})
        elif self.content_type == "multipart/form-data":
            for part in self._multipart():
                if not part.filename:
                    fields[part.name] = part.data.decode("utf-8")
        return fields

    def files(self) -> dict[str, UploadedFile]:
        if self.content_type != "multipart/form-data":
            return {}
        return {part.name: part for part in self._multipart() if part.filename}

    def _multipart(self) -> list[UploadedFile]:
        head = f"Content-Type: {self.header('content-type')}\r\nMIME-Version: 1.0\r\n\r\n".encode()
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + self.body)
        parts = []
        for part in message.iter_parts():
            disposition = part.get("content-disposition", "")
            params = dict(part.get_params(header="content-disposition") or [])
            name = params.get("name", "")
            filename = params.get("filename", "") if "filename" in disposition else ""
            parts.append(
                UploadedFile(
                    name=name,
                    filename=filename,
                    content_type=part.get_content_type(),
                    data=part.get_payload(decode=True) or b"",
                )
            )
        return parts

    def bearer_token(self) -> str:
        auth = self.header("authorization")
        if auth.lower().startswith("bearer "):
            return auth[7:].strip()
        # Facebook's Graph API also takes access_token as a parameter.
        return self.arg("access_token") or self.form().get("access_token", "") if self.network == "facebook" else ""


@dataclass
class Response:
    status: int = 200
    body: bytes | str | dict | list | None = None
    headers: dict[str, str] = field(default_factory=dict)

    def encoded(self) -> tuple[bytes, dict[str, str]]:
        headers = dict(self.headers)
        body = self.body
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
            headers.setdefault("Content-Type", "application/json")
        elif isinstance(body, str):
            body = body.encode()
            headers.setdefault("Content-Type", "text/html; charset=utf-8")
        return body or b"", headers


def json_response(body: Any, status: int = 200, **headers: str) -> Response:
    return Response(status=status, body=body, headers={k.replace("_", "-"): v for k, v in headers.items()})


class Drop(Exception):
    """Raised by a handler (or a fault) to close the connection without answering."""


# --- faults -----------------------------------------------------------------------------


@dataclass
class Fault:
    """One injected failure for an endpoint ("POST /2/tweets") or "*" for every one."""

    network: str
    endpoint: str = "*"
    status: int | None = None  # answer with this error instead of handling
    kind: str = ""  # network-specific flavour: "duplicate", "quota", "transient", …
    reset_in: float | None = None  # seconds until a rate limit resets
    delay_s: float = 0.0  # answer slowly (then handle normally unless status is set)
    drop_after_accept: bool = False  # handle (record the post), then hang up without answering
    times: int | None = 1  # how many requests it hits; None means until cleared
    hits: int = 0

    def matches(self, network: str, endpoint: str) -> bool:
        return self.network == network and self.endpoint in ("*", endpoint)


# --- tokens ------------------------------------------------------------------------------


@dataclass
class IssuedToken:
    network: str
    account_id: str
    expires_at: float | None  # epoch seconds; None never expires
    scopes: tuple[str, ...] = ()
    kind: str = "access"  # "access" | "refresh" | "code"
    extra: dict[str, Any] = field(default_factory=dict)


class TokenStore:
    """Issues, checks, expires and rotates tokens for every network."""

    def __init__(self) -> None:
        self._tokens: dict[str, IssuedToken] = {}
        self._revoked: set[str] = set()  # so a network can tell "revoked" from "never issued"
        self._lock = threading.Lock()

    def issue(
        self,
        network: str,
        account_id: str,
        *,
        kind: str = "access",
        expires_in: float | None = None,
        scopes: tuple[str, ...] = (),
        value: str | None = None,
        **extra: Any,
    ) -> str:
        token = value or f"{network[:2]}-{kind}-{secrets.token_urlsafe(18)}"
        expires_at = time.time() + expires_in if expires_in is not None else None
        with self._lock:
            self._tokens[token] = IssuedToken(network, account_id, expires_at, scopes, kind, extra)
        return token

    def lookup(self, network: str, token: str, *, kind: str = "access") -> IssuedToken | None:
        """The token if it is known, of this kind, for this network and unexpired."""
        with self._lock:
            issued = self._tokens.get(token)
        if issued is None or issued.network != network or issued.kind != kind:
            return None
        if issued.expires_at is not None and issued.expires_at <= time.time():
            return None
        return issued

    def peek(self, network: str, token: str) -> IssuedToken | None:
        """The token whatever its kind or expiry, so a network can say "expired" rather than "invalid"."""
        with self._lock:
            issued = self._tokens.get(token)
        return issued if issued is not None and issued.network == network else None

    def consume(self, network: str, token: str, *, kind: str) -> IssuedToken | None:
        """Look a single-use token (code, rotating refresh token) up and revoke it."""
        with self._lock:
            issued = self._tokens.get(token)
            if issued is None or issued.network != network or issued.kind != kind:
                return None
            if issued.expires_at is not None and issued.expires_at <= time.time():
                return None
            del self._tokens[token]
            return issued

    def revoke(self, token: str) -> None:
        with self._lock:
            if self._tokens.pop(token, None) is not None:
                self._revoked.add(token)

    def is_revoked(self, token: str) -> bool:
        with self._lock:
            return token in self._revoked

    def expire_access_tokens(self, network: str, account_id: str | None = None) -> None:
        """Make every access token of the network (or one account) answer 401 from now on."""
        with self._lock:
            for issued in self._tokens.values():
                if issued.network == network and issued.kind == "access":
                    if account_id is None or issued.account_id == account_id:
                        issued.expires_at = time.time() - 1

    def revoke_account(self, network: str, account_id: str) -> None:
        """The user removed our app: every token of theirs dies, refresh tokens included."""
        with self._lock:
            for token in [t for t, i in self._tokens.items() if i.network == network and i.account_id == account_id]:
                del self._tokens[token]
                self._revoked.add(token)


# --- the simulator ----------------------------------------------------------------------

Handler = Callable[[Request], Response]
FaultResponder = Callable[[Fault, Request], Response]


@dataclass
class Route:
    network: str
    method: str
    pattern: str
    regex: re.Pattern
    handler: Handler

    @property
    def endpoint(self) -> str:
        return f"{self.method} {self.pattern}"


@dataclass
class RecordedPost:
    network: str  # "twitter", "facebook", "instagram", "linkedin", "youtube"
    account_id: str
    id: str
    text: str
    url: str
    received_at: datetime
    media: list[dict[str, Any]] = field(default_factory=list)
    body: Any = None  # the request body as the network received it
    headers: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "network": self.network,
            "account_id": self.account_id,
            "id": self.id,
            "text": self.text,
            "url": self.url,
            "received_at": self.received_at.isoformat(),
            "media": self.media,
            "body": self.body,
            "extra": self.extra,
        }


class Simulator:
    """State and routing for every simulated network. Thread-safe."""

    def __init__(self, *, latency_s: float = 0.0) -> None:
        self.latency_s = latency_s
        self.tokens = TokenStore()
        self.routes: list[Route] = []
        self.fault_responders: dict[str, FaultResponder] = {}
        self.faults: list[Fault] = []
        self.posts: list[RecordedPost] = []
        self.requests: list[dict[str, Any]] = []  # recent requests, for header assertions
        self.accounts: dict[str, dict[str, dict[str, Any]]] = {}  # network -> id -> profile
        self.store: dict[str, Any] = {}  # network modules keep their own state here
        self.lock = threading.RLock()
        self._ids = itertools.count(1_000_001)
        self.base_url = ""
        self.fetch_host_override: dict[str, str] = {}

    # registration ------------------------------------------------------------------
    def route(self, network: str, method: str, pattern: str) -> Callable[[Handler], Handler]:
        regex = re.compile("^" + re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", pattern) + "$")

        def register(handler: Handler) -> Handler:
            self.routes.append(Route(network, method, pattern, regex, handler))
            return handler

        return register

    def on_fault(self, network: str, responder: FaultResponder) -> None:
        self.fault_responders[network] = responder

    # helpers for network modules ---------------------------------------------------------
    def next_id(self) -> str:
        return str(next(self._ids))

    def add_account(self, network: str, account_id: str, **profile: Any) -> dict[str, Any]:
        with self.lock:
            account = {"id": account_id, **profile}
            self.accounts.setdefault(network, {})[account_id] = account
            return account

    def record_post(self, post: RecordedPost) -> RecordedPost:
        with self.lock:
            self.posts.append(post)
        return post

    def posts_for(self, network: str | None = None, account_id: str | None = None) -> list[RecordedPost]:
        with self.lock:
            return [
                p
                for p in self.posts
                if (network is None or p.network == network) and (account_id is None or p.account_id == account_id)
            ]

    def requests_to(self, network: str, endpoint: str | None = None) -> list[dict[str, Any]]:
        with self.lock:
            return [r for r in self.requests if r["network"] == network and endpoint in (None, r["endpoint"])]

    # faults ------------------------------------------------------------------------------
    def fail(self, network: str, endpoint: str = "*", **options: Any) -> Fault:
        """Inject a failure, e.g. ``fail("twitter", "POST /2/tweets", status=429, reset_in=60)``."""
        fault = Fault(network=network, endpoint=endpoint, **options)
        with self.lock:
            self.faults.append(fault)
        return fault

    def clear_faults(self) -> None:
        with self.lock:
            self.faults.clear()

    def reset(self) -> None:
        """Forget posts, faults and recorded requests (accounts and tokens stay)."""
        with self.lock:
            self.faults.clear()
            self.posts.clear()
            self.requests.clear()

    def _take_fault(self, network: str, endpoint: str) -> Fault | None:
        with self.lock:
            for fault in self.faults:
                if fault.matches(network, endpoint):
                    fault.hits += 1
                    if fault.times is not None and fault.hits >= fault.times:
                        self.faults.remove(fault)
                    return fault
        return None

    # dispatch ------------------------------------------------------------------------------
    def handle(self, request: Request) -> Response:
        for route in self.routes:
            if route.network != request.network or route.method != request.method:
                continue
            match = route.regex.match(request.path)
            if not match:
                continue
            request.params = match.groupdict()
            self._remember(request, route.endpoint)
            if self.latency_s:
                time.sleep(self.latency_s)
            fault = self._take_fault(request.network, route.endpoint)
            request.fault = fault
            if fault is not None:
                if fault.delay_s:
                    time.sleep(fault.delay_s)
                if fault.status is not None:
                    return self.fault_responders[request.network](fault, request)
                if fault.drop_after_accept:
                    route.handler(request)
                    raise Drop()
            return route.handler(request)
        self._remember(request, f"{request.method} {request.path}")
        return json_response({"error": f"simulator: no route for {request.method} {request.path}"}, status=404)

    def _remember(self, request: Request, endpoint: str) -> None:
        with self.lock:
            self.requests.append(
                {
                    "network": request.network,
                    "endpoint": endpoint,
                    "method": request.method,
                    "path": request.path,
                    "query": request.query,
                    "headers": request.headers,
                    "body": request.body[:65536],
                    "at": time.time(),
                }
            )
            if len(self.requests) > 20000:
                del self.requests[:10000]


# --- HTTP server ---------------------------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body leave in two writes; with Nagle's algorithm on, the body waited for the
    # client's delayed ACK of the headers, about 40 ms per answer that no real network adds.
    disable_nagle_algorithm = True
    server: SimulatorServer

    def log_message(self, format: str, *args: Any) -> None:  # quiet: tests and make run read the record instead
        pass

    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks = []
            while True:
                size = int(self.rfile.readline().strip() or b"0", 16)
                if size == 0:
                    self.rfile.readline()
                    break
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            return b"".join(chunks)
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _dispatch(self) -> None:
        sim = self.server.simulator
        parts = urlsplit(self.path)
        body = self._read_body()
        headers = {k.lower(): v for k, v in self.headers.items()}
        if parts.path == "/_sim" or parts.path.startswith("/_sim/"):
            response = control(sim, self.command, parts.path, parse_qs(parts.query), body)
        else:
            network, _, rest = parts.path.lstrip("/").partition("/")
            if f"/{network}" not in NETWORK_PREFIXES.values():
                response = json_response({"error": f"simulator: unknown network prefix /{network}"}, status=404)
            else:
                request = Request(
                    method=self.command,
                    network=network,
                    path="/" + rest,
                    query=parse_qs(parts.query, keep_blank_values=True),
                    headers=headers,
                    body=body,
                    base_url=f"{sim.base_url}/{network}",
                )
                try:
                    response = sim.handle(request)
                except Drop:
                    self.close_connection = True
                    return
        payload, out_headers = response.encoded()
        self.send_response(response.status)
        for name, value in out_headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = _dispatch


class SimulatorServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # A client that timed out and hung up first is part of the game (slow-answer
        # faults, bench runs): only report what is not a closed connection.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError, TimeoutError)):
            super().handle_error(request, client_address)

    request_queue_size = 256

    def __init__(self, simulator: Simulator, host: str = "127.0.0.1", port: int = 0):
        from simulator import timeline

        super().__init__((host, port), _Handler)
        self.simulator = simulator
        simulator.base_url = f"http://{host}:{self.server_address[1]}"
        timeline.rebase(simulator)

    @property
    def url(self) -> str:
        return self.simulator.base_url

    def start_in_thread(self) -> threading.Thread:
        thread = threading.Thread(target=self.serve_forever, name="platform-simulator", daemon=True)
        thread.start()
        return thread


def build_simulator(*, latency_s: float = 0.0, seed_demo: bool = True) -> Simulator:
    """A simulator with every network module registered (and its demo accounts)."""
    from simulator import networks, timeline

    sim = Simulator(latency_s=latency_s)
    for module in networks.MODULES:
        module.register(sim)
        if seed_demo:
            module.seed_demo(sim)
    timeline.register(sim)
    return sim


# --- control API and timeline pages --------------------------------------------------------


def control(sim: Simulator, method: str, path: str, query: dict[str, list[str]], body: bytes) -> Response:
    """``/_sim/...``: what tests in other processes, bench/ and people use."""
    from simulator import timeline

    if (page := timeline.control(sim, method, path)) is not None:
        return page
    data = json.loads(body or b"{}") if method in ("POST", "PUT") else {}
    if path in ("/_sim", "/_sim/") and method == "GET":
        return Response(body=_index_page(sim))
    if path == "/_sim/posts" and method == "GET":
        network = (query.get("network") or [None])[0]
        account = (query.get("account") or [None])[0]
        return json_response([p.as_dict() for p in sim.posts_for(network, account)])
    if path == "/_sim/faults" and method == "POST":
        fault = sim.fail(**data)
        return json_response({"network": fault.network, "endpoint": fault.endpoint}, status=201)
    if path == "/_sim/faults" and method == "DELETE":
        sim.clear_faults()
        return json_response({})
    if path == "/_sim/reset" and method == "POST":
        sim.reset()
        return json_response({})
    if path == "/_sim/latency" and method == "POST":
        sim.latency_s = float(data.get("latency_s", 0))
        return json_response({"latency_s": sim.latency_s})
    if path == "/_sim/expire-tokens" and method == "POST":
        sim.tokens.expire_access_tokens(data["network"], data.get("account_id"))
        return json_response({})
    if path == "/_sim/accounts" and method == "GET":
        return json_response(sim.accounts)
    if path == "/_sim/accounts" and method == "POST":
        return _new_accounts(sim, data)
    if path == "/_sim/published" and method == "POST":
        from simulator import metrics

        return json_response({"ids": metrics.seed_published(sim, data)}, status=201)
    match = re.match(r"^/_sim/timeline/(\w+)/([^/]+)$", path)
    if match and method == "GET":
        return Response(body=_timeline_page(sim, match[1], match[2]))
    return json_response({"error": f"simulator: no control endpoint {method} {path}"}, status=404)


def _new_accounts(sim: Simulator, data: dict[str, Any]) -> Response:
    """``{"network": "twitter", "count": 200, ...profile}``: fresh accounts from the network module's
    ``new_account``, each with its tokens, for bench runs and tests in another process."""
    from simulator import networks

    data = dict(data)
    network = str(data.pop("network", ""))
    count = int(data.pop("count", 1))
    module = next(
        (m for m in networks.MODULES if network in (getattr(m, "NETWORK", ""), m.__name__.rsplit(".", 1)[-1])), None
    )
    if module is None or not hasattr(module, "new_account"):
        return json_response({"error": f"simulator: no network {network!r} with new_account"}, status=400)
    if not 1 <= count <= 10_000:
        return json_response({"error": "simulator: count must be between 1 and 10000"}, status=400)
    return json_response([module.new_account(sim, **data) for _ in range(count)], status=201)


_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<link rel="icon" href="data:,"><meta http-equiv="refresh" content="5">
<style>body{{font:16px system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}}
article{{border:1px solid #ccc;border-radius:8px;padding:.75rem 1rem;margin:.75rem 0}}
time{{color:#555;font-size:.85rem}} pre{{white-space:pre-wrap;font:inherit;margin:.5rem 0}}</style></head>
<body><h1>{title}</h1>{content}</body></html>"""


def _index_page(sim: Simulator) -> str:
    items = []
    for network, accounts in sorted(sim.accounts.items()):
        for account_id, profile in accounts.items():
            name = html.escape(str(profile.get("name") or profile.get("username") or account_id))
            count = len(sim.posts_for(network, account_id))
            items.append(
                f'<li><a href="/_sim/timeline/{network}/{html.escape(account_id)}">{network}: {name}</a>'
                f" ({count} posts)</li>"
            )
    networks = sorted({p.network for p in sim.posts_for()} | set(sim.accounts))
    everything = "".join(f'<li><a href="/_sim/timeline/{n}">{n}: everything received</a></li>' for n in networks)
    return _PAGE.format(title="Platform simulator", content="<ul>" + everything + "".join(items) + "</ul>")


def _timeline_page(sim: Simulator, network: str, account_id: str) -> str:
    profile = sim.accounts.get(network, {}).get(account_id, {})
    name = html.escape(str(profile.get("name") or account_id))
    posts = sorted(sim.posts_for(network, account_id), key=lambda p: p.received_at, reverse=True)
    articles = [
        f'<article><time datetime="{p.received_at.isoformat()}">'
        f"{p.received_at.astimezone(UTC).strftime('%Y-%m-%d %H:%M:%S UTC')}</time>"
        f"<pre>{html.escape(p.text)}</pre><small>id {html.escape(p.id)} · {len(p.media)} media</small></article>"
        for p in posts
    ]
    content = "".join(articles) or "<p>No posts yet.</p>"
    return _PAGE.format(title=f"{network} · {name}", content=content)


def now_utc() -> datetime:
    return datetime.now(UTC)


def sniff_content_type(data: bytes) -> str:
    """The media type the bytes themselves declare, as the networks decide it; "" if none we know."""
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[:2] == b"BM":
        return "image/bmp"
    if data[4:8] == b"ftyp":
        return "video/mp4"
    return ""
