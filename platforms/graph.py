"""What Facebook Pages and Instagram share: Meta's Graph API, its login and its errors.

Both adapters talk to the Graph API with a page token, through facebook-sdk's ``GraphAPI``.
facebook-sdk 3.1.0 only accepts versions up to 3.1, so the configured version goes in the path,
and it builds every URL from the module constant ``FACEBOOK_GRAPH_URL``
(``https://graph.facebook.com/``): the session it is given reroutes that host to
``config.api_url``. The SDK returns parsed bodies only, so a response hook on that session keeps
the last answer for the headers the SDK hides (``X-Business-Use-Case-Usage`` and friends, the
``x-fb-trace-id``). Tokens travel in the ``Authorization`` header, never in a URL, so they cannot
end up in a log line or an exception message.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar
from urllib.parse import urlencode

import facebook
import requests

from platforms.base import (
    Adapter,
    AuthExpired,
    AuthorizationRequest,
    Credentials,
    Limits,
    MediaItem,
    Phrase,
    PlatformError,
    Problem,
    RateLimited,
    Rejected,
    RemotePost,
    Tokens,
    Transient,
    gettext_noop,
    new_state,
)
from platforms.http import TimeoutSession, may_have_arrived, reroute

GRAPH_HOST = "https://graph.facebook.com"
PAGE_SCOPES = ("pages_show_list", "pages_manage_posts", "pages_read_engagement", "business_management")
INSTAGRAM_SCOPES = ("instagram_basic", "instagram_content_publish")

# Graph error codes, from Meta's "Handling errors" guide and docs/platform-contracts.md.
AUTH_CODES = {102, 190}  # 190 with subcodes 458/460/463/467: removed app, password, expired, logged out
# 4 app, 17 user, 32 page, 613 custom; 80000-80014 are the business use case limits (80001 pages,
# 80002 Instagram, …), all answered the same way.
RATE_CODES = {4, 17, 32, 613, *range(80000, 80015)}
TRANSIENT_CODES = {1, 2}
INSTAGRAM_PUBLISH_LIMIT = (9, 2207042)  # "reached the maximum number of posts allowed in 24 hours"
USAGE_HEADERS = ("x-business-use-case-usage", "x-page-usage", "x-app-usage", "x-ad-account-usage")
# Graph's app and page usage windows roll over an hour; without an estimate, wait that long.
DEFAULT_RATE_WAIT = timedelta(hours=1)
MAX_PAGES = 20  # /me/accounts pages of 25: far more pages than a practice administers


def parse_graph_time(value: str) -> datetime | None:
    """Graph's ``2026-11-26T02:00:00+0000`` (also accepts ``Z`` and ``+00:00``)."""
    if not value:
        return None
    try:
        return datetime.strptime(value.replace("Z", "+0000"), "%Y-%m-%dT%H:%M:%S%z").astimezone(UTC)
    except ValueError:
        try:
            return datetime.fromisoformat(value).astimezone(UTC)
        except ValueError:
            return None


def _megabytes(size: int) -> Phrase:
    return Phrase(gettext_noop("%(size)s MB"), {"size": round(size / 1024 / 1024, 1)})


def media_problems(label: str, limits: Limits, media: tuple[MediaItem, ...]) -> list[Problem]:
    """Type, size and duration problems of each file, in plain words ("Facebook: photo 2 is 12 MB…")."""
    problems: list[Problem] = []
    for number, item in enumerate(media, start=1):
        if len(media) > 1:
            noun = gettext_noop("video %(number)s") if item.kind == "video" else gettext_noop("photo %(number)s")
            name = Phrase(noun, {"number": number})
        else:
            name = Phrase(gettext_noop("the video") if item.kind == "video" else gettext_noop("the photo"))
        if item.kind == "video":
            types, max_bytes = limits.video_types, limits.video_max_bytes
        elif item.kind == "gif":
            types, max_bytes = limits.image_types, limits.gif_max_bytes or limits.image_max_bytes
        else:
            types, max_bytes = limits.image_types, limits.image_max_bytes
        if item.content_type not in types:
            kinds = ", ".join(t.split("/")[1].upper() for t in types)
            problems.append(
                Problem(
                    "media_type",
                    gettext_noop("%(network)s can't take %(name)s (%(type)s); it accepts %(kinds)s."),
                    "media",
                    {"network": label, "name": name, "type": item.content_type, "kinds": kinds},
                )
            )
        if item.size_bytes and item.size_bytes > max_bytes:
            problems.append(
                Problem(
                    "media_too_large",
                    gettext_noop("%(network)s: %(name)s is %(size)s; the limit is %(limit)s."),
                    "media",
                    {
                        "network": label,
                        "name": name,
                        "size": _megabytes(item.size_bytes),
                        "limit": _megabytes(max_bytes),
                    },
                )
            )
        if item.kind == "video" and item.duration_s:
            if item.duration_s > limits.video_max_duration_s:
                problems.append(
                    Problem(
                        "video_too_long",
                        gettext_noop("%(network)s: %(name)s lasts %(seconds)s seconds; the limit is %(limit)s."),
                        "media",
                        {
                            "network": label,
                            "name": name,
                            "seconds": item.duration_s,
                            "limit": limits.video_max_duration_s,
                        },
                    )
                )
            if item.duration_s < limits.video_min_duration_s:
                problems.append(
                    Problem(
                        "video_too_short",
                        gettext_noop(
                            "%(network)s: %(name)s lasts %(seconds)s seconds; it must last at least %(limit)s."
                        ),
                        "media",
                        {
                            "network": label,
                            "name": name,
                            "seconds": item.duration_s,
                            "limit": limits.video_min_duration_s,
                        },
                    )
                )
    return problems


def _regain_minutes(value: Any) -> Iterator[float]:
    """Every ``estimated_time_to_regain_access`` (minutes) inside a usage header's JSON."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "estimated_time_to_regain_access" and isinstance(item, (int, float)):
                yield float(item)
            else:
                yield from _regain_minutes(item)
    elif isinstance(value, list):
        for item in value:
            yield from _regain_minutes(item)


def retry_at_from(response: requests.Response | None, *, now: datetime | None = None) -> datetime:
    """When Graph will serve us again: the longest ``estimated_time_to_regain_access`` of the
    usage headers, or an hour when no header gives one."""
    now = now or datetime.now(UTC)
    minutes: list[float] = []
    if response is not None:
        for name in USAGE_HEADERS:
            raw = response.headers.get(name)
            if raw:
                try:
                    minutes.extend(_regain_minutes(json.loads(raw)))
                except ValueError:
                    continue
    longest = max(minutes, default=0.0)
    return now + (timedelta(minutes=longest) if longest > 0 else DEFAULT_RATE_WAIT)


class GraphClient:
    """One token's view of the Graph API, through facebook-sdk on a rerouted, timed session.

    Every call raises one of RateLimited, AuthExpired, Transient or Rejected, carrying Graph's
    message, code and ``fbtrace_id``. ``creates=True`` marks a call that may create a post: a
    time-out or dropped connection then raises ``Transient(outcome_unknown=True)``.
    """

    def __init__(self, config, token: str = "", *, label: str = "Facebook"):
        self.config = config
        self.label = label
        self.session = TimeoutSession(config.timeout_s)
        reroute(self.session, GRAPH_HOST, config.api_url)
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"
        self.session.hooks["response"].append(self._remember)
        self.last_response: requests.Response | None = None
        # The last Graph error object, for callers that need more than the failure class
        # (the resumable video upload reads the offsets in its ``error_data``).
        self.last_error: dict[str, Any] = {}
        self.api = facebook.GraphAPI(session=self.session, timeout=config.timeout_s)

    def __repr__(self) -> str:
        return f"<GraphClient {self.label} {self.config.api_url}>"

    def _remember(self, response: requests.Response, *args: Any, **kwargs: Any) -> None:
        self.last_response = response

    @property
    def request_id(self) -> str:
        if self.last_response is None:
            return ""
        return self.last_response.headers.get("x-fb-trace-id", "")

    def get(self, path: str, **args: Any) -> dict[str, Any]:
        return self.call(path, args=args)

    def post(self, path: str, data: dict[str, Any], *, files: dict | None = None, creates: bool = False) -> dict:
        return self.call(path, post_args=data, files=files, creates=creates)

    def post_for_id(
        self, path: str, data: dict[str, Any], *, files: dict | None = None, creates: bool = False, key: str = "id"
    ) -> str:
        """POST and return the id Graph gives what it made (``key``, else ``id``). A success that
        names nothing (a proxy answering for Graph) may still have made the post: Transient, with
        the outcome unknown when ``creates``."""
        answer = self.post(path, data, files=files, creates=creates)
        object_id = answer.get(key) or answer.get("id")
        if not object_id:
            status = self.last_response.status_code if self.last_response is not None else None
            raise Transient(
                f"{self.label} answered HTTP {status} without the new id.",
                request_id=self.request_id,
                status=status,
                outcome_unknown=creates,
            )
        return str(object_id)

    def delete(self, path: str) -> dict[str, Any]:
        return self.call(path, method="DELETE")

    def call(
        self,
        path: str,
        *,
        args: dict[str, Any] | None = None,
        post_args: dict[str, Any] | None = None,
        files: dict | None = None,
        method: str | None = None,
        creates: bool = False,
    ) -> dict[str, Any]:
        self.last_response = None
        self.last_error = {}
        url_path = f"{self.config.version}/{path.lstrip('/')}"
        try:
            result = self.api.request(url_path, args=args, post_args=post_args, files=files, method=method)
        except facebook.GraphAPIError as error:
            raise self.classify(error.result, creates=creates) from None
        except KeyError:  # facebook-sdk reads Content-Type unconditionally; an answer without one
            raise self.classify(None, creates=creates) from None
        except requests.Timeout as error:
            raise Transient(
                f"{self.label} did not answer within {self.config.timeout_s:g} seconds.",
                outcome_unknown=creates and may_have_arrived(error),
            ) from None
        except requests.RequestException as error:
            raise Transient(
                f"The connection to {self.label} failed before an answer arrived.",
                outcome_unknown=creates and may_have_arrived(error),
            ) from None
        except ValueError:  # a body that claims to be JSON and is not
            raise Transient(f"{self.label} sent an answer that could not be read.", outcome_unknown=creates) from None
        status = self.last_response.status_code if self.last_response is not None else 200
        if status >= 400 or not isinstance(result, dict):
            raise self.classify(result, creates=creates)
        return result

    def classify(self, result: Any, *, creates: bool = False) -> PlatformError:
        """Map a Graph error answer to one of our four failures (see docs/platform-contracts.md)."""
        response = self.last_response
        status = response.status_code if response is not None else None
        error = result.get("error") if isinstance(result, dict) else None
        if not isinstance(error, dict):
            # Not Graph speaking (a proxy's error page, an empty answer): only the status is known.
            message = f"{self.label} answered HTTP {status} without a Graph error."
            if status is not None and 400 <= status < 500:
                return Rejected(message, request_id=self.request_id, status=status)
            # A 2xx we cannot read may still mean the post was made.
            unknown = creates and (status is None or status < 400)
            return Transient(message, request_id=self.request_id, status=status, outcome_unknown=unknown)
        self.last_error = error
        code = error.get("code")
        subcode = error.get("error_subcode")
        message = error.get("error_user_msg") or error.get("message") or f"{self.label} refused the request."
        details = {
            "request_id": error.get("fbtrace_id") or self.request_id,
            "status": status,
            "code": f"{code}/{subcode}" if subcode else str(code or ""),
        }
        if code in AUTH_CODES:
            return AuthExpired(message, **details)
        if code in RATE_CODES or (code, subcode) == INSTAGRAM_PUBLISH_LIMIT:
            return RateLimited(message, retry_at=retry_at_from(response), **details)
        if code in TRANSIENT_CODES or error.get("is_transient") or (status is not None and status >= 500):
            return Transient(message, **details)
        return Rejected(message, **details)

    def recent_posts(
        self, edge: str, *, since: datetime, limit: int, text: str, created: str, url: str
    ) -> list[RemotePost]:
        """The posts on ``edge`` created since ``since``; ``text``, ``created`` and ``url`` name the
        fields that hold them (Facebook and Instagram spell them differently)."""
        answer = self.get(
            edge, fields=f"id,{text},{created},{url}", since=int(since.astimezone(UTC).timestamp()), limit=limit
        )
        posts = []
        for item in answer.get("data", []):
            created_at = parse_graph_time(item.get(created, ""))
            if created_at is not None and created_at < since:
                continue
            posts.append(
                RemotePost(
                    external_id=item["id"], text=item.get(text, ""), created_at=created_at, url=item.get(url, "")
                )
            )
        return posts

    def pages(self, fields: str) -> list[dict[str, Any]]:
        """Every page of ``/me/accounts``, following the ``after`` cursor."""
        pages: list[dict[str, Any]] = []
        args: dict[str, Any] = {"fields": fields, "limit": 25}
        for _ in range(MAX_PAGES):
            answer = self.get("me/accounts", **args)
            pages.extend(answer.get("data", []))
            after = answer.get("paging", {}).get("cursors", {}).get("after")
            if not after or not answer.get("paging", {}).get("next"):
                break
            args["after"] = after
        return pages


class GraphAdapter(Adapter):
    """Facebook Login and the Graph client, shared by the Facebook and Instagram adapters.

    Graph has no refresh tokens: the code becomes a short-lived user token, exchanged at once for
    a long-lived one (about 60 days); the page tokens it lists do not expire, and die only when
    the person changes their password or removes the app.
    """

    scopes: ClassVar[tuple[str, ...]] = PAGE_SCOPES
    # Facebook Login grants (pages and their Instagram accounts) are removed under Business integrations.
    apps_settings_url = "https://www.facebook.com/settings/?tab=business_tools"
    default_www_url = "https://www.facebook.com"

    # Analytics: Graph reads up to 50 objects in one request with ``?ids=a,b,c`` and a field list
    # that may expand edges (``insights.metric(...)``). Subclasses say which fields and how their
    # insights metrics are called in our words.
    metrics_batch = 50
    metrics_fields: ClassVar[str] = ""
    insights_names: ClassVar[dict[str, str]] = {}

    def graph(self, token: str = "") -> GraphClient:
        return GraphClient(self.config, token, label=self.label)

    def read_metrics(self, account: Credentials, external_ids: list[str]) -> dict[str, dict[str, int]]:
        client = self.graph(account.access_token)
        figures: dict[str, dict[str, int]] = {}
        for start in range(0, len(external_ids), self.metrics_batch):
            nodes = self._read_objects(client, external_ids[start : start + self.metrics_batch])
            figures.update({object_id: self.figures_of(node) for object_id, node in nodes.items()})
        return figures

    def _read_objects(self, client: GraphClient, ids: list[str]) -> dict[str, dict[str, Any]]:
        try:
            answer = client.get("", ids=",".join(ids), fields=self.metrics_fields)
        except Rejected:
            if len(ids) == 1:
                return {}  # deleted, or no longer the page's: nothing to read
            # One post that is gone fails the whole request (#803): read them one by one.
            return {k: v for one in ids for k, v in self._read_objects(client, [one]).items()}
        return {str(k): v for k, v in answer.items() if isinstance(v, dict)}

    def figures_of(self, node: dict[str, Any]) -> dict[str, int]:
        """Our figures from one object's ``insights`` (a metric Graph has no data for is left out)."""
        figures = {}
        for metric in (node.get("insights") or {}).get("data") or []:
            ours = self.insights_names.get(metric.get("name", ""))
            values = metric.get("values") or []
            if ours and values and isinstance(values[-1].get("value"), int):
                figures[ours] = values[-1]["value"]
        return figures

    def read_followers(self, account: Credentials) -> int | None:
        node = self.graph(account.access_token).get(account.external_id, fields="followers_count")
        count = node.get("followers_count")
        return int(count) if count is not None else None

    def authorization_request(self, *, redirect_uri: str) -> AuthorizationRequest:
        state = new_state()
        query = urlencode(
            {
                "client_id": self.config.client_id,
                "redirect_uri": redirect_uri,
                "state": state,
                "response_type": "code",
                "scope": ",".join(self.scopes),
            }
        )
        url = f"{self.config.www_url.rstrip('/')}/{self.config.version}/dialog/oauth?{query}"
        return AuthorizationRequest(url=url, state=state)

    def exchange_code(self, code: str, *, redirect_uri: str, verifier: str = "") -> Tokens:
        """The long-lived user token for a consent code. Raises Rejected for a used or bad code."""
        client = self.graph()
        short = client.get(
            "oauth/access_token",
            client_id=self.config.client_id,
            client_secret=self.config.client_secret,
            redirect_uri=redirect_uri,
            code=code,
        )
        long = client.get(
            "oauth/access_token",
            grant_type="fb_exchange_token",
            client_id=self.config.client_id,
            client_secret=self.config.client_secret,
            fb_exchange_token=short["access_token"],
        )
        expires_in = long.get("expires_in")
        expires_at = datetime.now(UTC) + timedelta(seconds=int(expires_in)) if expires_in else None
        return Tokens(access_token=long["access_token"], expires_at=expires_at)

    def login_user_id(self, token: str) -> str:
        """The id of the Facebook user a user token belongs to (whose login grants the page tokens)."""
        return str(self.graph(token).get("me", fields="id").get("id") or "")

    def revoke(self, account: Credentials) -> None:
        """Remove the app from the Facebook login that connected ``account``: ``DELETE /{user-id}/permissions``.

        Graph takes a user token or the app's token there; we keep only page
        tokens, so the app token (``{app-id}|{app-secret}``) is sent. Every
        page and Instagram account that login granted stops working, which is
        why the caller decides whether another account still needs it. See
        Adapter.revoke for what it raises.
        """
        user_id = account.extra.get("user_id", "")
        if not user_id:
            raise Rejected(f"{self.label}: PhysSocial does not know which Facebook login connected this account.")
        client = self.graph(f"{self.config.client_id}|{self.config.client_secret}")
        answer = client.delete(f"{user_id}/permissions")
        if answer.get("success") is False:
            raise Rejected(f"{self.label} did not remove the app's permissions.", request_id=client.request_id)

    def refresh(self, tokens: Tokens) -> Tokens:
        """Graph cannot refresh: a dead user or page token needs the person to log in again."""
        raise AuthExpired(f"{self.label} access cannot be renewed without you: reconnect the account.")
