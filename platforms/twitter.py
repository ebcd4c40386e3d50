"""X (Twitter): API v2 with OAuth 2.0 user tokens (PKCE, offline.access).

tweepy's ``Client`` creates posts and reads the user and their timeline; it
builds URLs from a hard-coded ``https://api.twitter.com``, so its session is
rerouted to ``config.api_url``. tweepy has no v2 media upload, so uploads go
through plain ``requests`` on the same session. The OAuth dance uses plain
``requests`` too: ``tweepy.OAuth2UserHandler`` makes up its own PKCE verifier
(ours must survive the browser round trip), hard-codes the consent page on
twitter.com and insists on an https callback URL.

Threads: ``draft.thread`` holds the further parts; each is posted as a reply
to the one before. ``Published`` is the head, with every part's id in
``part_ids`` (head first). When a later part fails, the error raised carries the
parts that went out in ``error.published`` (head first). To resume, publish
``Draft(text=<first missing part>, thread=<the rest>, options={"in_reply_to":
<id of the last published part>})``: ``options["in_reply_to"]`` makes the
first post of a draft a reply.
"""

from __future__ import annotations

import html
import logging
import re
import threading
import time
import unicodedata
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from http.cookiejar import DefaultCookiePolicy
from typing import Any
from urllib.parse import urlencode

import requests
import tweepy
from twitter_text import parse_tweet as _parse_tweet
from twitter_text.regexp.invalid_chars import invalid_chars

from platforms.base import (
    Adapter,
    AuthExpired,
    AuthorizationRequest,
    Credentials,
    Draft,
    Identity,
    Limits,
    MediaItem,
    Phrase,
    PlatformError,
    Problem,
    Published,
    RateLimited,
    Rejected,
    RemotePost,
    TextCount,
    Tokens,
    Transient,
    gettext_noop,
    new_pkce_pair,
    new_state,
)
from platforms.description import TWITTER
from platforms.http import TimeoutSession, json_body, may_have_arrived, request_id, reroute

log = logging.getLogger(__name__)

CANONICAL_HOST = "https://api.twitter.com"  # what tweepy.Client builds its URLs from
SCOPES = ("tweet.read", "tweet.write", "users.read", "media.write", "offline.access")
# What X takes in reply_settings; "everyone" is X's default and is sent as no setting at all.
REPLY_SETTINGS = tuple(value for value in TWITTER.option("reply_settings").values if value != "everyone")
# X takes chunks up to 5 MB; 4 MiB leaves room for the multipart envelope.
CHUNK_BYTES = 4 * 1024 * 1024
MB = 1024 * 1024

# Answers X gives only as text, kept together so they are easy to update.
DUPLICATE_MARKERS = ("duplicate content",)


_per_thread = threading.local()  # each worker thread's tweepy clients (see Twitter._client)


@lru_cache(maxsize=1024)
def parse_tweet(text: str):
    """twitter-text's parse, kept for texts seen lately: validating a post counts its text twice."""
    return _parse_tweet(text)


# What a link's host needs between its labels: every link twitter-text finds has one of these.
_LINK_DOTS = re.compile("[.\u3002\uff0e\uff61]")


def surely_fits(text: str, limit: int = 280) -> bool:
    """Whether ``text`` is certainly within ``limit`` weighted characters and free of characters X
    refuses, without twitter-text's parse (a tenth of the engine's re-check of a short post).

    No character weighs more than 2 and an emoji sequence counts 2 in all; a link counts 23 in place
    of its own characters and holds a dot, so twice the length plus 23 per dot is an upper bound.
    False says only "count it": the text may fit all the same."""
    normalized = unicodedata.normalize("NFC", text)
    bound = 2 * len(normalized) + 23 * len(_LINK_DOTS.findall(normalized))
    return bound <= limit and invalid_chars.search(normalized) is None


class _HideTweepyRequestLogs(logging.Filter):
    """tweepy logs every request's headers (the bearer token) and body at DEBUG."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = str(record.msg)
        return not message.startswith(("Making API request", "Received API response"))


logging.getLogger("tweepy.client").addFilter(_HideTweepyRequestLogs())


# X's public_metrics names -> ours (docs: "Metrics" in the X API v2 data dictionary).
PUBLIC_METRICS = {
    "impression_count": "views",
    "like_count": "likes",
    "reply_count": "comments",
    "retweet_count": "shares",
    "quote_count": "quotes",
    "bookmark_count": "bookmarks",
}


class Twitter(Adapter):
    """X. ``publish`` is not safe to repeat: a second call posts again."""

    network = "twitter"
    description = TWITTER
    apps_settings_url = "https://x.com/settings/connected_apps"
    default_www_url = "https://x.com"
    metrics_batch = 100  # GET /2/tweets takes up to 100 ids
    limits = Limits(
        text_length=280,
        counting="weighted",
        max_images=4,
        max_videos=1,
        image_types=("image/jpeg", "image/png", "image/webp", "image/gif"),
        video_types=("video/mp4", "video/quicktime"),
        image_max_bytes=5 * MB,
        video_max_bytes=512 * MB,
        video_max_duration_s=140.0,
        video_min_duration_s=0.5,
        gif_max_bytes=15 * MB,
        alt_text_max_length=1000,
        allows_mixed_media=False,
    )

    # Content rules -------------------------------------------------------------------
    def count_text(self, text: str) -> TextCount:
        """X's weighted count (twitter-text v3): every URL is 23, most emoji and CJK count 2."""
        used = parse_tweet(text).weightedLength if text else 0
        return TextCount(used=used, limit=self.limits.text_length)

    def validate(self, draft: Draft) -> list[Problem]:
        problems: list[Problem] = []
        if not draft.text.strip() and not draft.media:
            problems.append(Problem("text_missing", gettext_noop("X needs text, an image or a video.")))
        problems += self._text_problems(draft.text, field="text", label="")
        for number, part in enumerate(draft.thread, start=2):
            if not part.strip():
                problems.append(
                    Problem(
                        "thread_part_empty",
                        gettext_noop("X: post %(number)s of the thread is empty."),
                        "thread",
                        {"number": number},
                    )
                )
            problems += self._text_problems(
                part, field="thread", label=Phrase(gettext_noop("post %(number)s of the thread: "), {"number": number})
            )
        problems += self._media_problems(draft.media)
        reply_settings = draft.options.get("reply_settings")
        if reply_settings not in (None, "", "everyone", *REPLY_SETTINGS):
            problems.append(
                Problem(
                    "reply_settings_invalid",
                    gettext_noop("X does not know the reply setting %(setting)s."),
                    "options",
                    {"setting": repr(reply_settings)},
                )
            )
        return problems

    def _text_problems(self, text: str, *, field: str, label: Phrase | str) -> list[Problem]:
        if not text or surely_fits(text, self.limits.text_length):
            return []
        parsed = parse_tweet(text)
        if parsed.weightedLength > self.limits.text_length:
            return [
                Problem(
                    "text_too_long",
                    gettext_noop("X: %(part)s%(used)s of %(limit)s characters"),
                    field,
                    {"part": label, "used": parsed.weightedLength, "limit": self.limits.text_length},
                )
            ]
        if not parsed.valid:
            return [
                Problem(
                    "text_invalid_characters",
                    gettext_noop("X: %(part)sthe text contains characters X refuses."),
                    field,
                    {"part": label},
                )
            ]
        return []

    def _media_problems(self, media: tuple[MediaItem, ...]) -> list[Problem]:
        problems = []
        images = [m for m in media if m.kind == "image"]
        moving = [m for m in media if m.kind in ("video", "gif")]
        if len(images) > self.limits.max_images:
            problems.append(
                Problem(
                    "too_many_images",
                    gettext_noop("X takes at most 4 images; this post has %(count)s."),
                    "media",
                    {"count": len(images)},
                )
            )
        if len(moving) > 1 or (moving and images):
            problems.append(
                Problem("media_mix", gettext_noop("X takes one video or GIF on its own, or up to 4 images."), "media")
            )
        for item in media:
            name = item.path.rsplit("/", 1)[-1] or item.kind
            if item.kind == "image":
                if item.content_type not in self.limits.image_types:
                    problems.append(
                        Problem(
                            "media_type",
                            gettext_noop("X cannot show %(name)s (%(type)s)."),
                            "media",
                            {"name": name, "type": item.content_type},
                        )
                    )
                elif item.size_bytes > self.limits.image_max_bytes:
                    problems.append(
                        Problem(
                            "media_too_large",
                            gettext_noop("X takes images up to 5 MB; %(name)s is larger."),
                            "media",
                            {"name": name},
                        )
                    )
            elif item.kind == "gif":
                if item.size_bytes > self.limits.gif_max_bytes:
                    problems.append(
                        Problem(
                            "media_too_large",
                            gettext_noop("X takes GIFs up to 15 MB; %(name)s is larger."),
                            "media",
                            {"name": name},
                        )
                    )
            elif item.kind == "video":
                if item.content_type not in self.limits.video_types:
                    problems.append(
                        Problem(
                            "media_type",
                            gettext_noop("X cannot play %(name)s (%(type)s)."),
                            "media",
                            {"name": name, "type": item.content_type},
                        )
                    )
                if item.size_bytes > self.limits.video_max_bytes:
                    problems.append(
                        Problem(
                            "media_too_large",
                            gettext_noop("X takes videos up to 512 MB; %(name)s is larger."),
                            "media",
                            {"name": name},
                        )
                    )
                if item.duration_s and not (
                    self.limits.video_min_duration_s <= item.duration_s <= self.limits.video_max_duration_s
                ):
                    problems.append(
                        Problem(
                            "video_duration",
                            gettext_noop("X takes videos from 0.5 to 140 seconds; %(name)s lasts %(seconds)s s."),
                            "media",
                            {"name": name, "seconds": round(item.duration_s)},
                        )
                    )
            else:
                problems.append(
                    Problem(
                        "media_type",
                        gettext_noop("X cannot attach %(name)s (%(kind)s)."),
                        "media",
                        {"name": name, "kind": item.kind},
                    )
                )
            if len(item.alt_text) > (self.limits.alt_text_max_length or 0):
                problems.append(
                    Problem(
                        "alt_text_too_long",
                        gettext_noop("X: alt text of %(name)s is over 1,000 characters."),
                        "media",
                        {"name": name},
                    )
                )
        return problems

    # OAuth ------------------------------------------------------------------------------------
    def authorization_request(self, *, redirect_uri: str) -> AuthorizationRequest:
        state = new_state()
        verifier, challenge = new_pkce_pair()
        query = urlencode(
            {
                "response_type": "code",
                "client_id": self.config.client_id,
                "redirect_uri": redirect_uri,
                "scope": " ".join(SCOPES),
                "state": state,
                "code_challenge": challenge,
                "code_challenge_method": "S256",
            }
        )
        return AuthorizationRequest(url=f"{self.config.authorize_url}?{query}", state=state, verifier=verifier)

    def exchange_code(self, code: str, *, redirect_uri: str, verifier: str = "") -> Tokens:
        """Tokens for the code X sent back. Raises Rejected when X refuses the code."""
        form = {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect_uri,
            "code_verifier": verifier,
            "client_id": self.config.client_id,
        }
        return self._token_request(form, refusal=Rejected)

    def refresh(self, tokens: Tokens) -> Tokens:
        """New tokens; X rotates the refresh token, so store both at once.

        Raises AuthExpired when the refresh token is gone (used, revoked or
        never granted): the account must be reconnected.
        """
        if not tokens.refresh_token:
            raise AuthExpired("X gave no refresh token for this account; connect it again.")
        form = {
            "grant_type": "refresh_token",
            "refresh_token": tokens.refresh_token,
            "client_id": self.config.client_id,
        }
        fresh = self._token_request(form, refusal=AuthExpired)
        if not fresh.refresh_token:
            fresh = Tokens(fresh.access_token, tokens.refresh_token, fresh.expires_at, None, fresh.scopes)
        return fresh

    def _token_request(self, form: dict[str, str], *, refusal: type[PlatformError]) -> Tokens:
        session = self._session()
        try:
            response = session.post(
                f"{self._api}/2/oauth2/token",
                data=form,
                auth=(self.config.client_id, self.config.client_secret),
            )
        except requests.RequestException as error:
            raise Transient(f"X could not be reached: {type(error).__name__}") from None
        body = json_body(response)
        if response.status_code in (400, 401) and "error" in body:
            message = f"X: {body.get('error_description') or body['error']}"
            details = {"request_id": _trace(response), "status": response.status_code, "code": body["error"]}
            if response.status_code == 401:
                # Our app's id or secret is wrong: reconnecting the account would not help.
                raise Rejected(message, **details)
            raise refusal(message, **details)
        if not response.ok:
            self._raise_for(response)
        if not body.get("access_token"):
            details = {"request_id": _trace(response), "status": response.status_code}
            raise Transient(f"X answered HTTP {response.status_code} without a token.", **details)
        expires_in = body.get("expires_in")
        return Tokens(
            access_token=body["access_token"],
            refresh_token=body.get("refresh_token", ""),
            expires_at=datetime.now(UTC) + timedelta(seconds=int(expires_in)) if expires_in else None,
            scopes=tuple(body.get("scope", "").split()),
        )

    def identities(self, tokens: Tokens) -> list[Identity]:
        client = self._client(tokens.access_token)
        response = self._call(client.get_me, user_auth=False, user_fields=["profile_image_url"])
        user = json_body(response).get("data") or {}
        return [
            Identity(
                external_id=str(user["id"]),
                kind="x_user",
                name=user.get("name", ""),
                handle=user.get("username", ""),
                avatar_url=user.get("profile_image_url", ""),
            )
        ]

    def revoke(self, account: Credentials) -> None:
        """Revoke the refresh token, then the access token, at ``POST /2/oauth2/revoke``.

        X authenticates a confidential client there as at the token endpoint
        (HTTP Basic). Both tokens are sent because X does not document that
        revoking one ends the other. See Adapter.revoke for what it raises.
        """
        tokens = [(account.refresh_token, "refresh_token"), (account.access_token, "access_token")]
        for token, hint in tokens:
            if token:
                self._revoke_one(token, hint)

    def _revoke_one(self, token: str, hint: str) -> None:
        try:
            response = self._session().post(
                f"{self._api}/2/oauth2/revoke",
                data={"token": token, "token_type_hint": hint, "client_id": self.config.client_id},
                auth=(self.config.client_id, self.config.client_secret),
            )
        except requests.RequestException as error:
            raise Transient(f"X could not be reached: {type(error).__name__}") from None
        body = json_body(response)
        if response.ok:
            if body.get("revoked") is False:
                raise Rejected("X did not revoke the token.", request_id=_trace(response), status=response.status_code)
            return
        if response.status_code in (400, 401) and "error" in body:
            # 401 here is our app's id or secret, not the person's token.
            message = f"X: {body.get('error_description') or body['error']}"
            raise Rejected(message, request_id=_trace(response), status=response.status_code, code=body["error"])
        self._raise_for(response)

    # Publishing ----------------------------------------------------------------------------------
    def publish(self, account: Credentials, draft: Draft) -> Published:
        """Upload the media, post the text, then each thread part as a reply.

        Raises the usual four errors. Media is uploaded before any post is
        created, so a failed upload leaves nothing behind. A failure after the
        head went out carries ``error.published`` (see the module docstring).
        Not safe to repeat.
        """
        client = self._client(account.access_token)
        media_ids = [self._upload(client, item) for item in draft.media]
        reply_settings = draft.options.get("reply_settings")
        head = self._create(
            client,
            account,
            text=draft.text,
            media_ids=media_ids,
            reply_settings=reply_settings if reply_settings in REPLY_SETTINGS else None,
            in_reply_to=draft.options.get("in_reply_to"),
            done=(),
        )
        done = (head,)
        for part in draft.thread:
            done += (self._create(client, account, text=part, in_reply_to=done[-1].external_id, done=done),)
        return replace(head, part_ids=tuple(post.external_id for post in done))

    def _create(
        self,
        client: tweepy.Client,
        account: Credentials,
        *,
        text: str,
        done: tuple[Published, ...],
        media_ids: list[str] | None = None,
        reply_settings: str | None = None,
        in_reply_to: str | None = None,
    ) -> Published:
        try:
            response = self._call(
                client.create_tweet,
                text=text or None,
                media_ids=media_ids or None,
                reply_settings=reply_settings,
                in_reply_to_tweet_id=in_reply_to,
                user_auth=False,
                creates=True,
            )
            post_id = _new_id(response, creates=True)
        except PlatformError as error:
            error.published = done
            raise
        log.debug("X post %s created for user %s", post_id, account.external_id)
        return Published(external_id=post_id, url=self._post_url(account, post_id), request_id=_trace(response))

    def _post_url(self, account: Credentials, post_id: str) -> str:
        handle = account.handle.lstrip("@")
        return self.web_url(f"/{handle}/status/{post_id}" if handle else f"/i/web/status/{post_id}")

    # Media -------------------------------------------------------------------------------------------
    def _upload(self, client: tweepy.Client, item: MediaItem) -> str:
        if item.kind == "image":
            media_id = self._upload_simple(client, item)
        else:
            media_id = self._upload_chunked(client, item)
        if item.alt_text:
            self._send(
                client,
                "POST",
                "/2/media/metadata",
                json={"id": media_id, "metadata": {"alt_text": {"text": item.alt_text}}},
            )
        return media_id

    def _upload_simple(self, client: tweepy.Client, item: MediaItem) -> str:
        name = item.path.rsplit("/", 1)[-1] or "image"
        response = self._send(
            client,
            "POST",
            "/2/media/upload",
            data={"media_category": "tweet_image", "media_type": item.content_type},
            files={"media": (name, item.read(), item.content_type)},
        )
        return _new_id(response)

    def _upload_chunked(self, client: tweepy.Client, item: MediaItem) -> str:
        data = item.read()
        category = "tweet_gif" if item.kind == "gif" else "tweet_video"
        response = self._send(
            client,
            "POST",
            "/2/media/upload/initialize",
            json={"media_type": item.content_type, "total_bytes": len(data), "media_category": category},
        )
        media_id = _new_id(response)
        for index, start in enumerate(range(0, len(data), CHUNK_BYTES)):
            self._send(
                client,
                "POST",
                f"/2/media/upload/{media_id}/append",
                data={"segment_index": str(index)},
                files={"media": ("chunk", data[start : start + CHUNK_BYTES], "application/octet-stream")},
            )
        response = self._send(client, "POST", f"/2/media/upload/{media_id}/finalize")
        self._wait_for_processing(client, media_id, json_body(response)["data"].get("processing_info"))
        return media_id

    def _wait_for_processing(self, client: tweepy.Client, media_id: str, info: dict[str, Any] | None) -> None:
        """Poll STATUS until X has processed the media, at most media_processing_deadline_s.

        We wait the interval X suggests (check_after_secs), but never longer
        than poll_interval_s between two polls.
        """
        deadline = time.monotonic() + self.config.media_processing_deadline_s
        while info and info.get("state") not in (None, "succeeded"):
            if info.get("state") == "failed":
                error = info.get("error") or {}
                raise Rejected(f"X could not process the media: {error.get('message') or 'processing failed'}")
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise Transient(
                    f"X was still processing the media after {self.config.media_processing_deadline_s:.0f} s."
                )
            wait = min(float(info.get("check_after_secs") or self.config.poll_interval_s), self.config.poll_interval_s)
            time.sleep(max(0.0, min(wait, remaining)))
            response = self._send(client, "GET", "/2/media/upload", params={"media_id": media_id, "command": "STATUS"})
            info = json_body(response).get("data", {}).get("processing_info")

    # Reading -----------------------------------------------------------------------------------------
    def find_recent(self, account: Credentials, since: datetime) -> list[RemotePost]:
        """The account's posts since ``since``, newest first, with links restored as written."""
        client = self._client(account.access_token)
        posts: list[RemotePost] = []
        token = None
        for _ in range(5):  # 500 posts is far more than one reconciliation needs
            response = self._call(
                client.get_users_tweets,
                account.external_id,
                start_time=since,
                max_results=100,
                tweet_fields=["created_at", "entities"],
                pagination_token=token,
                user_auth=False,
            )
            body = json_body(response)
            for tweet in body.get("data") or []:
                created = tweet.get("created_at")
                posts.append(
                    RemotePost(
                        external_id=str(tweet["id"]),
                        text=_as_written(tweet),
                        created_at=datetime.fromisoformat(created.replace("Z", "+00:00")) if created else None,
                        url=self._post_url(account, str(tweet["id"])),
                    )
                )
            token = (body.get("meta") or {}).get("next_token")
            if not token:
                break
        return posts

    # Analytics -------------------------------------------------------------------------------------------
    def read_metrics(self, account: Credentials, external_ids: list[str]) -> dict[str, dict[str, int]]:
        """``GET /2/tweets?ids=...&tweet.fields=public_metrics``: up to 100 posts per request.
        ``impression_count`` moved into ``public_metrics`` in 2023; the rest are counts anyone sees."""
        client = self._client(account.access_token)
        figures: dict[str, dict[str, int]] = {}
        for start in range(0, len(external_ids), self.metrics_batch):
            ids = external_ids[start : start + self.metrics_batch]
            response = self._call(client.get_tweets, ids, tweet_fields=["public_metrics"], user_auth=False)
            for tweet in json_body(response).get("data") or []:
                public = tweet.get("public_metrics") or {}
                figures[str(tweet["id"])] = {
                    ours: int(public[theirs]) for theirs, ours in PUBLIC_METRICS.items() if theirs in public
                }
        return figures

    def read_followers(self, account: Credentials) -> int | None:
        client = self._client(account.access_token)
        response = self._call(client.get_me, user_fields=["public_metrics"], user_auth=False)
        count = ((json_body(response).get("data") or {}).get("public_metrics") or {}).get("followers_count")
        return int(count) if count is not None else None

    # HTTP ------------------------------------------------------------------------------------------------
    @property
    def _api(self) -> str:
        return self.config.api_url.rstrip("/")

    def _session(self) -> requests.Session:
        session = TimeoutSession(self.config.timeout_s)
        reroute(session, CANONICAL_HOST, self._api)
        return session

    def _client(self, access_token: str) -> tweepy.Client:
        """This thread's tweepy client, carrying ``access_token`` until this thread asks again.

        A new client and session for every post cost more CPU than the post's request (four
        connection pools, built and thrown away), so each thread keeps one per API address.
        Nothing of an account stays on it: the token goes with each request (an OAuth 2.0 user
        token is a bearer token to tweepy, calls made with user_auth=False), and its session
        refuses cookies, so one account's never travel with another's request.
        """
        clients = _per_thread.__dict__.setdefault("clients", {})
        client = clients.get((self._api, self.config.timeout_s))
        if client is None:
            client = tweepy.Client(return_type=requests.Response)
            client.session = self._session()
            client.session.cookies.set_policy(DefaultCookiePolicy(allowed_domains=[]))
            clients[(self._api, self.config.timeout_s)] = client
        client.bearer_token = access_token
        return client

    def _call(self, method: Any, *args: Any, creates: bool = False, **kwargs: Any) -> requests.Response:
        """A tweepy call, its failures mapped into ours."""
        try:
            return method(*args, **kwargs)
        except tweepy.HTTPException as error:
            self._raise_for(error.response)
        except requests.RequestException as error:
            raise _unreachable(error, creates=creates) from None
        raise AssertionError("unreachable")

    def _send(self, client: tweepy.Client, method: str, path: str, **kwargs: Any) -> requests.Response:
        """A request tweepy has no method for (the media upload), with the client's token."""
        headers = {"Authorization": f"Bearer {client.bearer_token}"}
        try:
            response = client.session.request(method, f"{self._api}{path}", headers=headers, **kwargs)
        except requests.RequestException as error:
            raise _unreachable(error, creates=False) from None
        if not response.ok:
            self._raise_for(response)
        return response

    def _raise_for(self, response: requests.Response) -> None:
        """Map an X error answer into RateLimited, AuthExpired, Transient or Rejected."""
        status = response.status_code
        trace = _trace(response)
        body = json_body(response)
        title = body.get("title") or ""
        details = [e.get("message") or e.get("detail") for e in body.get("errors") or [] if isinstance(e, dict)]
        message = "X: " + (
            "; ".join(d for d in details if d) or body.get("detail") or title or f"HTTP {status} {response.reason}"
        )
        kwargs = {"request_id": trace, "status": status, "code": title}
        if status == 401:
            raise AuthExpired(message, **kwargs)
        if status == 429:
            raise RateLimited(message, retry_at=_reset_at(response), **kwargs)
        if status >= 500:
            raise Transient(message, **kwargs)
        if status == 403 and any(marker in message.lower() for marker in DUPLICATE_MARKERS):
            raise Rejected(message, **{**kwargs, "code": "duplicate"})
        raise Rejected(message, **kwargs)


# --- helpers ------------------------------------------------------------------------------------------


def _trace(response: requests.Response) -> str:
    return request_id(response, "x-transaction-id")


def _new_id(response: requests.Response, *, creates: bool = False) -> str:
    """The id X gave what was just created. A success that does not name it (a proxy's page
    answering for X) may still have made the post: then the outcome is unknown."""
    data = json_body(response).get("data")
    if not isinstance(data, dict) or not data.get("id"):
        raise Transient(
            f"X answered HTTP {response.status_code} without the new id.",
            request_id=_trace(response),
            status=response.status_code,
            outcome_unknown=creates,
        )
    return str(data["id"])


def _reset_at(response: requests.Response) -> datetime:
    """When X lets us post again: the latest reset among the exhausted limits.

    A 429 from the per-user or per-app 24-hour cap still carries the 15-minute
    window's x-rate-limit-reset, which may be only seconds away.
    """
    headers = response.headers
    resets = [headers.get("x-rate-limit-reset")]
    for window in ("x-user-limit-24hour", "x-app-limit-24hour"):
        if headers.get(f"{window}-remaining") == "0":
            resets.append(headers.get(f"{window}-reset"))
    epochs = [int(value) for value in resets if value and value.strip().isdigit()]
    if not epochs:
        return datetime.now(UTC) + timedelta(minutes=15)
    return datetime.fromtimestamp(max(epochs), UTC)


def _unreachable(error: requests.RequestException, *, creates: bool) -> Transient:
    return Transient(f"X did not answer: {type(error).__name__}", outcome_unknown=creates and may_have_arrived(error))


def _as_written(tweet: dict[str, Any]) -> str:
    """The post's text with t.co links expanded and the trailing media link removed."""
    text = tweet.get("text", "")
    for entity in (tweet.get("entities") or {}).get("urls") or []:
        short = entity.get("url", "")
        if not short:
            continue
        if (
            entity.get("media_key")
            or "/photo/" in entity.get("expanded_url", "")
            or "/video/" in entity.get("expanded_url", "")
        ):
            text = text.replace(" " + short, "").replace(short, "")
        else:
            text = text.replace(short, entity.get("expanded_url") or short)
    return html.unescape(text)
