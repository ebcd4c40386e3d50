"""YouTube: Data API v3 with Google OAuth (offline access, PKCE).

google-api-python-client makes the API calls, built from its bundled discovery
document with ``rootUrl`` replaced by ``config.api_url``: with
``client_options.api_endpoint`` alone, media uploads keep ``https`` and drop a
path prefix (``{base}/google``), so the video would go to the wrong host. The
client's transport is a small httplib2-shaped wrapper around our
``TimeoutSession``: every request gets our timeout, and nothing retries behind
our back (httplib2 silently re-sends a request once after a dropped
connection).

The OAuth token calls are plain form POSTs to ``config.token_url``;
``google.oauth2.credentials.Credentials`` carries the tokens for the API calls
with that same ``token_uri``. We do not use ``Credentials.refresh()``: it
retries 5xx answers with sleeps inside the adapter, and adapters must not.

Draft options: ``title`` (else the text's first line), ``privacy``
(``public``, ``unlisted``, ``private``; default ``public``), ``category``
(default ``"22"``, People & Blogs), ``tags`` (list or comma-separated),
``made_for_kids`` (default False), ``publish_at`` (aware datetime or ISO 8601;
YouTube only schedules private videos, so it makes the video private until
then). The draft's text is the description; an image in ``draft.media`` is the
thumbnail.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import httplib2
import requests
from google.oauth2.credentials import Credentials as GoogleCredentials
from googleapiclient.discovery import build_from_document
from googleapiclient.discovery_cache import get_static_doc
from googleapiclient.errors import HttpError, ResumableUploadError
from googleapiclient.http import MediaIoBaseUpload

from platforms.base import (
    Adapter,
    AuthExpired,
    AuthorizationRequest,
    Credentials,
    Draft,
    Identity,
    Limits,
    MediaItem,
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
from platforms.description import YOUTUBE, with_link
from platforms.http import TimeoutSession

log = logging.getLogger(__name__)

SCOPES = ("https://www.googleapis.com/auth/youtube.upload", "https://www.googleapis.com/auth/youtube.readonly")
PACIFIC = ZoneInfo("America/Los_Angeles")
PRIVACY_STATUSES = YOUTUBE.option("privacy").values
DEFAULT_CATEGORY = "22"  # People & Blogs, YouTube's own default
TITLE_LIMIT = YOUTUBE.title.max_length
DESCRIPTION_LIMIT_BYTES = 5000
TAGS_LIMIT = 500
THUMBNAIL_MAX_BYTES = 2 * 1024 * 1024
# Non-final chunks must be multiples of 256 KiB; 8 MiB keeps memory flat and re-sends little after a drop.
CHUNK_BYTES = 32 * 256 * 1024
# How many times one upload may resume after a dropped connection or a 5xx before we give up.
MAX_RESUMES = 5
QUOTA_REASONS = ("quotaExceeded", "dailyLimitExceeded")
# The channel's own cap on uploads in 24 hours (website, apps and API alike); YouTube's advice is to
# try again in 24 hours, so it is a wait, not a refusal of the video.
CHANNEL_UPLOAD_LIMIT = "uploadLimitExceeded"
CHANNEL_UPLOAD_WAIT = timedelta(hours=24)
RATE_REASONS = ("rateLimitExceeded", "userRateLimitExceeded")
AUTH_REASONS = ("authError", "invalidCredentials", "required", "insufficientPermissions")


def next_pacific_midnight(now: datetime | None = None) -> datetime:
    """When YouTube's daily quota resets: the next midnight in Pacific time, as aware UTC."""
    local = (now or datetime.now(UTC)).astimezone(PACIFIC)
    midnight = datetime.combine(local.date() + timedelta(days=1), datetime.min.time(), tzinfo=PACIFIC)
    return midnight.astimezone(UTC)


def tags_length(tags: list[str]) -> int:
    """Tags as YouTube counts them: a tag with a space costs its quotes too, plus a comma between tags."""
    return sum(len(tag) + (2 if " " in tag else 0) for tag in tags) + max(len(tags) - 1, 0)


class _SessionHttp:
    """The slice of httplib2.Http that googleapiclient calls, on a requests session.

    Adds the bearer token from the google-auth credentials; never follows
    redirects (a resumable upload answers 308, which is not one) and never retries.
    """

    def __init__(self, session: requests.Session, credentials: GoogleCredentials):
        self.session = session
        self.credentials = credentials

    def request(self, uri, method="GET", body=None, headers=None, redirections=5, connection_type=None):  # noqa: ARG002
        headers = dict(headers or {})
        self.credentials.apply(headers)
        response = self.session.request(method, uri, data=body, headers=headers, allow_redirects=False)
        info = {name.lower(): value for name, value in response.headers.items()}
        info["status"] = str(response.status_code)
        answer = httplib2.Response(info)
        answer.reason = response.reason
        return answer, response.content


class YouTube(Adapter):
    network = "youtube"
    description = YOUTUBE
    apps_settings_url = "https://myaccount.google.com/connections"
    default_www_url = "https://www.youtube.com"
    metrics_batch = 50  # videos.list takes up to 50 ids, for 1 quota unit
    limits = Limits(
        text_length=DESCRIPTION_LIMIT_BYTES,
        counting="bytes",
        max_images=1,  # the thumbnail
        max_videos=1,
        image_types=("image/jpeg", "image/png"),
        video_types=(
            "video/mp4",
            "video/quicktime",
            "video/x-msvideo",
            "video/webm",
            "video/mpeg",
            "video/x-matroska",
            "video/3gpp",
            "video/x-flv",
        ),
        image_max_bytes=THUMBNAIL_MAX_BYTES,
        video_max_bytes=256 * 1024**3,
        video_max_duration_s=12 * 3600,
        requires_media=True,
        requires_video=True,
        title_length=TITLE_LIMIT,
    )

    # Content rules -------------------------------------------------------------------
    def count_text(self, text: str) -> TextCount:
        """YouTube counts the description in UTF-8 bytes."""
        return TextCount(used=len(text.encode("utf-8")), limit=DESCRIPTION_LIMIT_BYTES)

    def validate(self, draft: Draft) -> list[Problem]:
        problems: list[Problem] = []
        title = _title(draft)
        if not title:
            problems.append(Problem("title_missing", gettext_noop("YouTube needs a title."), "options"))
        elif len(title) > TITLE_LIMIT:
            problems.append(
                Problem(
                    "title_too_long",
                    gettext_noop("YouTube: title is %(used)s of %(limit)s characters."),
                    "options",
                    {"used": len(title), "limit": TITLE_LIMIT},
                )
            )
        if any(char in title for char in YOUTUBE.title.forbidden):
            problems.append(
                Problem("title_invalid_characters", gettext_noop("YouTube titles cannot contain < or >."), "options")
            )
        used = self.count_text(_description(draft)).used
        if used > DESCRIPTION_LIMIT_BYTES:
            # ``used`` as text: this sentence has always written it without grouping ("5002 of 5,000").
            problems.append(
                Problem(
                    "text_too_long",
                    gettext_noop("YouTube: description is %(used)s of 5,000 bytes."),
                    params={"used": str(used)},
                )
            )
        tags = _tags(draft)
        if tags_length(tags) > TAGS_LIMIT:
            problems.append(
                Problem(
                    "tags_too_long",
                    gettext_noop("YouTube: tags use %(used)s of 500 characters."),
                    "options",
                    {"used": tags_length(tags)},
                )
            )
        if any("<" in tag or ">" in tag for tag in tags):
            problems.append(
                Problem("tags_invalid_characters", gettext_noop("YouTube tags cannot contain < or >."), "options")
            )
        privacy = draft.options.get("privacy", "public")
        if privacy not in PRIVACY_STATUSES:
            problems.append(
                Problem(
                    "privacy_invalid",
                    gettext_noop("YouTube does not know the privacy %(privacy)s."),
                    "options",
                    {"privacy": repr(privacy)},
                )
            )
        try:
            publish_at = _publish_at(draft)
        except ValueError:
            problems.append(
                Problem("publish_at_invalid", gettext_noop("YouTube: the publish time is not a valid time."), "options")
            )
        else:
            if publish_at is not None and publish_at <= datetime.now(UTC):
                problems.append(
                    Problem("publish_at_past", gettext_noop("YouTube: the publish time is in the past."), "options")
                )
        problems += self._media_problems(draft.media)
        return problems

    def _media_problems(self, media: tuple[MediaItem, ...]) -> list[Problem]:
        videos = [m for m in media if m.kind == "video"]
        images = [m for m in media if m.kind == "image"]
        problems = []
        if not videos:
            problems.append(Problem("video_missing", gettext_noop("YouTube needs a video."), "media"))
        if len(videos) > 1:
            problems.append(
                Problem(
                    "too_many_videos",
                    gettext_noop("YouTube takes one video; this post has %(count)s."),
                    "media",
                    {"count": len(videos)},
                )
            )
        if len(images) > 1:
            problems.append(
                Problem(
                    "too_many_images",
                    gettext_noop("YouTube takes one image, as the thumbnail; this post has more."),
                    "media",
                )
            )
        if any(m.kind not in ("video", "image") for m in media):
            problems.append(Problem("media_type", gettext_noop("YouTube cannot attach GIFs."), "media"))
        for video in videos:
            if video.content_type not in self.limits.video_types:
                problems.append(
                    Problem(
                        "media_type",
                        gettext_noop("YouTube cannot play %(type)s files."),
                        "media",
                        {"type": video.content_type},
                    )
                )
            if video.duration_s and video.duration_s > self.limits.video_max_duration_s:
                problems.append(
                    Problem("video_too_long", gettext_noop("YouTube takes videos up to 12 hours."), "media")
                )
        for image in images:
            if image.content_type not in self.limits.image_types:
                problems.append(Problem("media_type", gettext_noop("YouTube thumbnails must be JPEG or PNG."), "media"))
            if image.size_bytes > THUMBNAIL_MAX_BYTES:
                problems.append(
                    Problem("media_too_large", gettext_noop("YouTube thumbnails must be 2 MB or smaller."), "media")
                )
        return problems

    # OAuth ------------------------------------------------------------------------------
    def authorization_request(self, *, redirect_uri: str) -> AuthorizationRequest:
        state = new_state()
        verifier, challenge = new_pkce_pair()
        query = {
            "client_id": self.config.client_id,
            "redirect_uri": redirect_uri,
            "response_type": "code",
            "scope": " ".join(SCOPES),
            # offline + consent: Google sends a refresh token only on a consent screen.
            "access_type": "offline",
            "prompt": "consent",
            "include_granted_scopes": "true",
            "state": state,
            "code_challenge": challenge,
            "code_challenge_method": "S256",
        }
        url = f"{self.config.oauth_url.rstrip('/')}/o/oauth2/v2/auth?{urlencode(query)}"
        return AuthorizationRequest(url=url, state=state, verifier=verifier)

    def exchange_code(self, code: str, *, redirect_uri: str, verifier: str = "") -> Tokens:
        form = {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect_uri,
            "client_id": self.config.client_id,
            "client_secret": self.config.client_secret,
        }
        if verifier:
            form["code_verifier"] = verifier
        # A bad or used code is the connection attempt failing, not an account to reconnect.
        return self._token_request(form, refusal=Rejected)

    def refresh(self, tokens: Tokens) -> Tokens:
        """A new access token. Google does not rotate refresh tokens: keep the old one
        unless a new one comes back. Raises AuthExpired when the grant is revoked."""
        if not tokens.refresh_token:
            raise AuthExpired("YouTube: there is no refresh token; connect the channel again.")
        form = {
            "grant_type": "refresh_token",
            "refresh_token": tokens.refresh_token,
            "client_id": self.config.client_id,
            "client_secret": self.config.client_secret,
        }
        fresh = self._token_request(form, refusal=AuthExpired)
        return Tokens(
            access_token=fresh.access_token,
            refresh_token=fresh.refresh_token or tokens.refresh_token,
            expires_at=fresh.expires_at,
            refresh_expires_at=tokens.refresh_expires_at,
            scopes=fresh.scopes or tokens.scopes,
        )

    def revoke(self, account: Credentials) -> None:
        """End the grant at Google's revocation endpoint (``POST {revoke_url}?token=…``).

        Revoking the refresh token (or, without one, the access token) ends the
        whole grant. Google answers 400 ``invalid_token`` for a token that is
        already expired or revoked: AuthExpired. See Adapter.revoke.
        """
        token = account.refresh_token or account.access_token
        if not token:
            return
        url = self.config.revoke_url or self.config.token_url.rstrip("/").rsplit("/", 1)[0] + "/revoke"
        try:
            response = self._session().post(
                url, params={"token": token}, headers={"Content-Type": "application/x-www-form-urlencoded"}
            )
        except requests.RequestException as error:
            raise Transient(f"YouTube: could not reach Google's revocation URL ({type(error).__name__}).") from None
        if response.status_code == 200:
            return
        body = _json_body(response.content)
        error = str(body.get("error") or "")
        description = str(body.get("error_description") or "")
        message = f"Google: {error}" + (f" ({description})" if description else "") if error else "Google refused."
        if response.status_code >= 500:
            status = response.status_code
            raise Transient(f"YouTube: Google's revocation endpoint answered {status}.", status=status)
        if response.status_code == 429:
            raise RateLimited("YouTube: too many requests.", retry_at=_retry_after(response.headers), status=429)
        if error in ("invalid_token", "invalid_grant"):
            raise AuthExpired(message, status=response.status_code, code=error)
        raise Rejected(message, status=response.status_code, code=error)

    def _token_request(self, form: dict[str, str], *, refusal: type[PlatformError]) -> Tokens:
        try:
            response = self._session().post(self.config.token_url, data=form, headers={"Accept": "application/json"})
        except requests.RequestException as error:
            raise Transient(f"YouTube: could not reach Google's token endpoint ({type(error).__name__}).") from None
        body = _json_body(response.content)
        if response.status_code >= 500:
            raise Transient(
                f"YouTube: Google's token endpoint answered {response.status_code}.", status=response.status_code
            )
        if response.status_code == 429:
            raise RateLimited("YouTube: too many token requests.", retry_at=_retry_after(response.headers), status=429)
        if response.status_code != 200 or "access_token" not in body:
            error = str(body.get("error") or "")
            description = str(body.get("error_description") or "")
            message = f"Google: {error}" + (f" ({description})" if description else "") if error else "Google refused."
            cls = refusal if error == "invalid_grant" else Rejected
            raise cls(message, status=response.status_code, code=error)
        expires_in = body.get("expires_in")
        return Tokens(
            access_token=body["access_token"],
            refresh_token=body.get("refresh_token", ""),
            expires_at=datetime.now(UTC) + timedelta(seconds=int(expires_in)) if expires_in else None,
            scopes=tuple(str(body.get("scope", "")).split()),
        )

    def identities(self, tokens: Tokens) -> list[Identity]:
        youtube = self._client(tokens.access_token, tokens.refresh_token)
        answer = self._execute(youtube.channels().list(part="snippet,contentDetails", mine=True))
        identities = []
        for channel in answer.get("items", []):
            snippet = channel.get("snippet", {})
            thumbnails = snippet.get("thumbnails", {})
            avatar = (thumbnails.get("default") or thumbnails.get("medium") or {}).get("url", "")
            uploads = channel.get("contentDetails", {}).get("relatedPlaylists", {}).get("uploads", "")
            identities.append(
                Identity(
                    external_id=channel["id"],
                    kind="youtube_channel",
                    name=snippet.get("title", ""),
                    handle=snippet.get("customUrl", ""),
                    avatar_url=avatar,
                    extra={"uploads_playlist_id": uploads},
                )
            )
        return identities

    # Publishing ----------------------------------------------------------------------------
    def publish(self, account: Credentials, draft: Draft) -> Published:
        """Upload the video (resumable, resuming after a dropped connection), then set the thumbnail.

        Not safe to repeat: a second call uploads a second video. When the upload
        gives up after the last bytes may have arrived, raises
        ``Transient(outcome_unknown=True)``. A thumbnail that fails after the
        video is up is logged, not raised: the video is live, and raising would
        make the caller upload it again.
        """
        problems = self.validate(draft)
        if problems:
            raise Rejected("; ".join(p.message for p in problems), code=problems[0].code)
        video = next(m for m in draft.media if m.kind == "video")
        thumbnail = next((m for m in draft.media if m.kind == "image"), None)
        youtube = self._client(account.access_token, account.refresh_token)
        video_id = self._upload(youtube, video, _resource(draft))
        if thumbnail is not None:
            self._set_thumbnail(youtube, video_id, thumbnail)
        return Published(external_id=video_id, url=self.web_url(f"/watch?v={video_id}"))

    def _upload(self, youtube: Any, video: MediaItem, resource: dict[str, Any]) -> str:
        with open(video.path, "rb") as handle:
            media = MediaIoBaseUpload(handle, mimetype=video.content_type, chunksize=CHUNK_BYTES, resumable=True)
            request = youtube.videos().insert(part="snippet,status", body=resource, media_body=media)
            failures = 0
            answer = None
            while answer is None:
                try:
                    _, answer = request.next_chunk()
                except requests.RequestException as error:
                    if request.resumable_uri is None:
                        # The session was never opened: nothing can exist on YouTube yet.
                        raise Transient(f"YouTube: could not start the upload ({type(error).__name__}).") from None
                    failures += 1
                    if failures > MAX_RESUMES:
                        raise Transient(
                            f"YouTube: the upload kept breaking off ({type(error).__name__}).", outcome_unknown=True
                        ) from None
                    log.info("YouTube upload interrupted (%s); asking where to resume", type(error).__name__)
                except ResumableUploadError as error:
                    self._raise_for(error)
                except HttpError as error:
                    if request.resumable_uri is not None and error.resp.status >= 500 and failures < MAX_RESUMES:
                        failures += 1
                        log.info("YouTube upload answered %s; asking where to resume", error.resp.status)
                        continue
                    self._raise_for(error, outcome_unknown=request.resumable_uri is not None)
        video_id = answer.get("id") if isinstance(answer, dict) else None
        if not video_id:
            # The upload finished but the answer names no video (a proxy's page answering for
            # Google): the video may exist, so the caller must look before uploading it again.
            raise Transient("YouTube finished the upload without naming the new video.", outcome_unknown=True)
        log.info("YouTube video %s uploaded", video_id)
        return video_id

    def _set_thumbnail(self, youtube: Any, video_id: str, image: MediaItem) -> None:
        try:
            with open(image.path, "rb") as handle:
                media = MediaIoBaseUpload(handle, mimetype=image.content_type, resumable=False)
                self._execute(youtube.thumbnails().set(videoId=video_id, media_body=media))
        except PlatformError as error:
            log.warning("YouTube video %s is up but its thumbnail was refused: %s", video_id, error.message)

    def find_recent(self, account: Credentials, since: datetime) -> list[RemotePost]:
        """The channel's uploads since ``since``, from the uploads playlist (1 quota unit a page)."""
        playlist = account.extra.get("uploads_playlist_id") or _uploads_playlist(account.external_id)
        youtube = self._client(account.access_token, account.refresh_token)
        found: list[RemotePost] = []
        page_token = None
        for _ in range(5):  # newest first; 250 uploads is far more than one reconciliation needs
            kwargs = {"part": "snippet", "playlistId": playlist, "maxResults": 50}
            if page_token:
                kwargs["pageToken"] = page_token
            answer = self._execute(youtube.playlistItems().list(**kwargs))
            older = False
            for item in answer.get("items", []):
                snippet = item.get("snippet", {})
                created_at = _parse_time(snippet.get("publishedAt"))
                if created_at is not None and created_at < since:
                    older = True
                    continue
                video_id = snippet.get("resourceId", {}).get("videoId", "")
                found.append(
                    RemotePost(
                        external_id=video_id,
                        text=snippet.get("description", ""),
                        created_at=created_at,
                        url=self.web_url(f"/watch?v={video_id}"),
                    )
                )
            page_token = answer.get("nextPageToken")
            if older or not page_token:
                break
        return found

    # Analytics ----------------------------------------------------------------------------
    def read_metrics(self, account: Credentials, external_ids: list[str]) -> dict[str, dict[str, int]]:
        """``videos.list part=statistics``, 50 ids for one quota unit. Counts come as strings;
        ``likeCount`` is missing when the channel hides ratings (dislikes are private since 2021)."""
        youtube = self._client(account.access_token, account.refresh_token)
        figures: dict[str, dict[str, int]] = {}
        for start in range(0, len(external_ids), self.metrics_batch):
            ids = external_ids[start : start + self.metrics_batch]
            answer = self._execute(youtube.videos().list(part="statistics", id=",".join(ids), maxResults=50))
            for item in answer.get("items", []):
                statistics = item.get("statistics") or {}
                figures[item["id"]] = {
                    ours: int(statistics[theirs])
                    for theirs, ours in (("viewCount", "views"), ("likeCount", "likes"), ("commentCount", "comments"))
                    if str(statistics.get(theirs, "")).isdigit()
                }
        return figures

    def read_followers(self, account: Credentials) -> int | None:
        """Subscribers (``channels.list part=statistics``); None when the channel hides the count."""
        youtube = self._client(account.access_token, account.refresh_token)
        answer = self._execute(youtube.channels().list(part="statistics", mine=True))
        items = answer.get("items") or [{}]
        statistics = items[0].get("statistics") or {}
        if statistics.get("hiddenSubscriberCount") or not str(statistics.get("subscriberCount", "")).isdigit():
            return None
        return int(statistics["subscriberCount"])

    # Plumbing ------------------------------------------------------------------------------
    def _session(self) -> requests.Session:
        return TimeoutSession(self.config.timeout_s)

    def _client(self, access_token: str, refresh_token: str = "") -> Any:
        credentials = GoogleCredentials(
            access_token,
            refresh_token=refresh_token or None,
            token_uri=self.config.token_url,
            client_id=self.config.client_id,
            client_secret=self.config.client_secret,
            scopes=list(SCOPES),
        )
        document = json.loads(get_static_doc("youtube", "v3"))
        root = self.config.api_url.rstrip("/") + "/"
        # Uploads are built from rootUrl, not from client_options: replacing it keeps our path prefix.
        document.update(rootUrl=root, mtlsRootUrl=root, baseUrl=root)
        return build_from_document(document, http=_SessionHttp(self._session(), credentials))

    def _execute(self, request: Any) -> dict[str, Any]:
        try:
            return request.execute()
        except HttpError as error:
            self._raise_for(error)
        except requests.RequestException as error:
            raise Transient(f"YouTube: could not reach the API ({type(error).__name__}).") from None

    def _raise_for(self, error: HttpError, *, outcome_unknown: bool = False) -> None:
        """Map Google's error answer to our four failures, keeping its message and reason."""
        status = error.resp.status
        body = _json_body(error.content).get("error", {})
        if not isinstance(body, dict):
            body = {"message": str(body)}
        errors = body.get("errors") or [{}]
        reason = str(errors[0].get("reason", ""))
        domain = str(errors[0].get("domain", ""))
        message = f"YouTube: {body.get('message') or error.resp.reason or status}"
        request_id = error.resp.get("x-goog-request-id", "") or (f"{domain}/{reason}" if reason else "")
        details = {"request_id": request_id, "status": status, "code": reason}
        if reason in QUOTA_REASONS:
            raise RateLimited(message, retry_at=next_pacific_midnight(), **details)
        if reason == CHANNEL_UPLOAD_LIMIT:
            raise RateLimited(message, retry_at=datetime.now(UTC) + CHANNEL_UPLOAD_WAIT, **details)
        if reason in RATE_REASONS or status == 429:
            raise RateLimited(message, retry_at=_retry_after(error.resp, default_s=60), **details)
        if status == 401 or reason in AUTH_REASONS:
            raise AuthExpired(message, **details)
        if status >= 500:
            raise Transient(message, outcome_unknown=outcome_unknown, **details)
        raise Rejected(message, **details)


# --- helpers ----------------------------------------------------------------------------------


def _title(draft: Draft) -> str:
    return YOUTUBE.title.title_for(draft.text, draft.options)


def _description(draft: Draft) -> str:
    if YOUTUBE.link_joins_text(text=draft.text, link=draft.link, has_media=bool(draft.media)):
        return with_link(draft.text, draft.link)
    return draft.text


def _tags(draft: Draft) -> list[str]:
    tags = draft.options.get("tags") or []
    if isinstance(tags, str):
        tags = tags.split(",")
    return [str(tag).strip() for tag in tags if str(tag).strip()]


def _publish_at(draft: Draft) -> datetime | None:
    value = draft.options.get("publish_at")
    if not value:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise ValueError("publish_at must be an aware datetime")
    return value.astimezone(UTC)


def _resource(draft: Draft) -> dict[str, Any]:
    snippet: dict[str, Any] = {
        "title": _title(draft),
        "description": _description(draft),
        "categoryId": str(draft.options.get("category") or DEFAULT_CATEGORY),
    }
    tags = _tags(draft)
    if tags:
        snippet["tags"] = tags
    status: dict[str, Any] = {
        "privacyStatus": draft.options.get("privacy", "public"),
        "selfDeclaredMadeForKids": bool(draft.options.get("made_for_kids", False)),
    }
    publish_at = _publish_at(draft)
    if publish_at is not None:
        # YouTube schedules only private videos; they turn public at publishAt.
        status["privacyStatus"] = "private"
        status["publishAt"] = publish_at.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    return {"snippet": snippet, "status": status}


def _uploads_playlist(channel_id: str) -> str:
    # A channel's uploads playlist is its id with "UC" turned into "UU".
    return "UU" + channel_id[2:] if channel_id.startswith("UC") else channel_id


def _json_body(content: bytes | str) -> dict[str, Any]:
    try:
        body = json.loads(content or b"{}")
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC)
    except ValueError:
        return None


def _retry_after(headers: Any, *, default_s: int = 60) -> datetime:
    value = str(headers.get("retry-after") or headers.get("Retry-After") or "").strip()
    now = datetime.now(UTC)
    if value.isdigit():
        return now + timedelta(seconds=int(value))
    if value:
        try:
            return parsedate_to_datetime(value).astimezone(UTC)
        except (TypeError, ValueError):
            pass
    return now + timedelta(seconds=default_s)
