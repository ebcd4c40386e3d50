"""HTTP plumbing shared by the adapters: a timeout on every request, and
routing for SDKs that hard-code the networks' hosts.

tweepy builds URLs from ``https://api.twitter.com`` and google's upload
URLs keep ``https``; :class:`RerouteAdapter` mounted on their
``requests.Session`` sends those canonical hosts to the configured base URL
(the platform simulator in development, a proxy in some deployments).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from requests.sessions import merge_setting
from requests.structures import CaseInsensitiveDict
from requests.utils import get_netrc_auth
from urllib3.exceptions import NewConnectionError, ProxyError

_per_thread = threading.local()


def _thread_adapter(key: str, make: Callable[[], HTTPAdapter]) -> HTTPAdapter:
    """This thread's transport adapter for ``key``, made on first use.

    The adapters build a session per call (each with one account's token in its headers),
    and a new session meant a new TCP (and TLS) connection for every post. The connection
    pool lives in the transport adapter, so sessions of one thread share it; nothing else
    is shared, and no pool is used by two threads at once.
    """
    adapters = getattr(_per_thread, "adapters", None)
    if adapters is None:
        adapters = _per_thread.adapters = {}
    adapter = adapters.get(key)
    if adapter is None:
        adapter = adapters[key] = make()
    return adapter


class TimeoutSession(requests.Session):
    """A session whose every request has a timeout unless one is given, reusing this thread's
    open connections (keep-alive) instead of opening one per session."""

    def __init__(self, timeout_s: float):
        super().__init__()
        self.timeout_s = timeout_s
        shared = _thread_adapter("default", HTTPAdapter)
        self.mount("https://", shared)
        self.mount("http://", shared)

    def request(self, method, url, **kwargs):  # type: ignore[override]
        kwargs.setdefault("timeout", self.timeout_s)
        if kwargs["timeout"] is None:
            kwargs["timeout"] = self.timeout_s
        if self.cookies or not _FAST_KEYS.issuperset(kwargs) or kwargs.get("auth") or self.auth:
            return super().request(method, url, **kwargs)
        kwargs.pop("auth", None)
        return self._send_lean(method, url, **kwargs)

    def _send_lean(
        self, method, url, *, timeout, params=None, data=None, json=None, headers=None, allow_redirects=True
    ) -> requests.Response:
        """What ``Session.request`` does for a request without cookies, files, proxies or an auth
        object (every API call the adapters make), minus the work that has nothing to do there:
        merging two empty cookie jars, and looking for a ``~/.netrc`` when the request carries its
        own Authorization header (netrc's password would replace the token): about 8 % of a
        post's HTTP CPU. Preparing, sending, redirects, hooks and cookies the answer sets are
        requests' own (``PreparedRequest.prepare``, ``Session.send``)."""
        headers = _merge(headers, self.headers, dict_class=CaseInsensitiveDict)
        prepared = requests.PreparedRequest()
        prepared.prepare(
            method=method.upper(),
            url=url,
            headers=headers,
            data=data or {},
            json=json,
            params=_merge(params or {}, self.params) or None,  # None: no query string to encode
            auth=None if "Authorization" in headers or not self.trust_env else get_netrc_auth(url),
            hooks=self.hooks,
        )
        settings = self.merge_environment_settings(prepared.url, {}, None, None, None)
        return self.send(prepared, timeout=timeout, allow_redirects=allow_redirects, **settings)

    def merge_environment_settings(self, url, proxies, stream, verify, cert):  # type: ignore[override]
        # requests scans the whole environment for proxy variables on every request, about 8 % of
        # a publish's CPU: read the few variables that matter instead, and reuse the answer while
        # they stay the same.
        if not self.trust_env or proxies or verify not in (True, None):
            return super().merge_environment_settings(url, proxies, stream, verify, cert)
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        env_proxies, env_verify = _environment_settings(origin, tuple(os.environ.get(name) for name in _ENV_NAMES))
        return {
            "proxies": _merge(dict(env_proxies), self.proxies),
            "stream": merge_setting(stream, self.stream),
            "verify": merge_setting(env_verify, self.verify),
            "cert": merge_setting(cert, self.cert),
        }


def _merge(request: Any, session: Any, dict_class: type = dict) -> Any:
    """requests' ``merge_setting`` for the session's and the request's headers, parameters or proxies:
    the session's entries, then the request's, less those set to None. Two mappings are merged here:
    requests checks each side against a typing Protocol first (``SupportsItems``), about 5 µs each
    on Python 3.11, six of them per API call. Anything else is requests' own."""
    if session is None or request is None or not (isinstance(request, Mapping) and isinstance(session, Mapping)):
        return merge_setting(request, session, dict_class=dict_class)
    merged = dict_class(session)
    merged.update(request)
    for key in [key for key, value in merged.items() if value is None]:
        del merged[key]
    return merged


# The arguments ``TimeoutSession._send_lean`` handles; any other (files, cookies, proxies, stream,
# verify, cert, hooks) takes requests' whole path.
_FAST_KEYS = frozenset({"timeout", "params", "data", "json", "headers", "allow_redirects", "auth"})

# What requests reads from the environment for http and https URLs.
_ENV_NAMES = tuple(
    name for base in ("http_proxy", "https_proxy", "all_proxy", "no_proxy") for name in (base, base.upper())
) + ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE")


@lru_cache(maxsize=256)
def _environment_settings(origin: str, _values: tuple[str | None, ...]) -> tuple[tuple[tuple[str, str], ...], object]:
    """requests' own answer for ``origin`` (proxies, verify), computed once per set of values."""
    merged = requests.Session().merge_environment_settings(origin, {}, None, None, None)
    return tuple(merged["proxies"].items()), merged["verify"]


class RerouteAdapter(HTTPAdapter):
    """Rewrite ``https://canonical-host/...`` to ``{base_url}/...`` before sending."""

    def __init__(self, base_url: str, **kwargs):
        super().__init__(**kwargs)
        self.base_url = base_url.rstrip("/")

    def send(self, request, *args, **kwargs):  # type: ignore[override]
        parts = urlsplit(request.url)
        tail = parts.path + (f"?{parts.query}" if parts.query else "")
        request.url = self.base_url + tail
        return super().send(request, *args, **kwargs)


def reroute(session: requests.Session, canonical: str, base_url: str) -> None:
    """Send every request for ``canonical`` (e.g. "https://api.twitter.com") to ``base_url``.

    Does nothing when the base URL is the canonical host itself.
    """
    if base_url.rstrip("/") == canonical.rstrip("/"):
        return
    adapter = _thread_adapter(f"reroute {base_url.rstrip('/')}", lambda: RerouteAdapter(base_url))
    session.mount(canonical.rstrip("/") + "/", adapter)


def request_id(response: requests.Response, *headers: str) -> str:
    """The network's trace id from the first of ``headers`` that is present."""
    for name in headers:
        value = response.headers.get(name)
        if value:
            return value
    return ""


def json_body(response: requests.Response) -> dict[str, Any]:
    """The answer's JSON object, or ``{}`` when the body is not one (a proxy's HTML error page)."""
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def may_have_arrived(error: requests.RequestException) -> bool:
    """Whether a request that failed may still have reached the network, so that a post it
    creates may exist. Only a connect time-out or a connection that never opened proves
    that nothing left this machine."""
    if isinstance(error, requests.ConnectTimeout):
        return False
    # requests wraps urllib3's MaxRetryError, whose ``reason`` is the failure itself; through a
    # proxy that failure is a ProxyError around the real one.
    reason = getattr(error.args[0], "reason", None) if error.args else None
    if isinstance(reason, ProxyError):
        reason = reason.original_error
    return not isinstance(reason, NewConnectionError)
