"""Instagram professional accounts through the Graph API, with the linked Facebook page's token.

A connected account is the page's ``instagram_business_account``: ``Credentials.external_id`` is
the Instagram user id, the access token is the page token, ``extra["page_id"]`` the page. Instagram
fetches every file itself from ``MediaItem.url`` (our signed, expiring public URLs), so nothing is
uploaded from here: we create a container per item, wait until Instagram has processed it
(bounded by ``media_processing_deadline_s``), then publish it with ``media_publish``.
"""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime, timedelta
from fractions import Fraction

from platforms.base import (
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
    Tokens,
    Transient,
    gettext_noop,
)
from platforms.description import INSTAGRAM, with_link
from platforms.graph import (
    DEFAULT_RATE_WAIT,
    INSTAGRAM_PUBLISH_LIMIT,
    INSTAGRAM_SCOPES,
    PAGE_SCOPES,
    GraphAdapter,
    GraphClient,
    media_problems,
    parse_graph_time,
)

MB = 1024 * 1024
# A hashtag or mention starts after a space or punctuation, not inside a word or an e-mail address.
HASHTAG = re.compile(r"(?<![\w&#])#\w+")
MENTION = re.compile(r"(?<![\w.@])@[\w.]+")
MAX_CAROUSEL_ITEMS = 10
# The publishing quota's error as GraphClient codes it ("9/2207042"), and its documented window.
QUOTA_ERROR = "{}/{}".format(*INSTAGRAM_PUBLISH_LIMIT)
QUOTA_WINDOW = timedelta(hours=24)


def _ratio(width: int, height: int) -> str:
    """``9:19`` when the ratio is a small fraction, else ``0.47:1``."""
    fraction = Fraction(width, height)
    if fraction.numerator <= 32 and fraction.denominator <= 32:
        return f"{fraction.numerator}:{fraction.denominator}"
    return f"{width / height:.2f}:1"


class Instagram(GraphAdapter):
    """Publishes one image, a carousel (2-10 items) or a reel. Each ``publish`` call posts once;
    after ``Transient(outcome_unknown=True)`` look with ``find_recent`` before publishing again."""

    network = "instagram"
    description = INSTAGRAM
    scopes = PAGE_SCOPES + INSTAGRAM_SCOPES
    # Media insights since April 2025: ``views`` replaces impressions, plays and video_views.
    # An album's children and very new media have no data: those figures stay absent.
    insights_names = {
        "views": "views",
        "reach": "reach",
        "likes": "likes",
        "comments": "comments",
        "shares": "shares",
        "saved": "saves",
    }
    metrics_fields = "insights.metric(views,reach,likes,comments,shares,saved)"
    limits = Limits(
        text_length=2200,
        counting="characters",
        max_images=MAX_CAROUSEL_ITEMS,
        max_videos=MAX_CAROUSEL_ITEMS,
        image_types=("image/jpeg",),  # image_url must be a JPEG
        video_types=("video/mp4", "video/quicktime"),
        image_max_bytes=8 * MB,
        video_max_bytes=300 * MB,  # reels (verify)
        video_max_duration_s=15 * 60,
        video_min_duration_s=3,
        max_hashtags=30,
        max_mentions=20,
        min_aspect_ratio=4 / 5,
        max_aspect_ratio=1.91,
        requires_media=True,
        allows_mixed_media=True,  # a carousel may mix photos and videos
    )

    # --- content rules --------------------------------------------------------------------

    def count_hashtags(self, text: str) -> int:
        return len(HASHTAG.findall(text))

    @staticmethod
    def caption(draft: Draft) -> str:
        """The caption as posted: Instagram has no link field, so a link joins the text."""
        if INSTAGRAM.link_joins_text(text=draft.text, link=draft.link, has_media=bool(draft.media)):
            return with_link(draft.text, draft.link)
        return draft.text

    def validate(self, draft: Draft) -> list[Problem]:
        problems: list[Problem] = []
        caption = self.caption(draft)
        if not draft.media:
            problems.append(
                Problem("needs_media", gettext_noop("Instagram needs at least one image or video."), field="media")
            )
        count = self.count_text(caption)
        if count.is_over:
            problems.append(
                Problem(
                    "text_too_long",
                    gettext_noop("Instagram: %(used)s of %(limit)s characters"),
                    params={"used": count.used, "limit": count.limit},
                )
            )
        hashtags = self.count_hashtags(caption)
        if hashtags > (self.limits.max_hashtags or hashtags):
            problems.append(
                Problem(
                    "too_many_hashtags",
                    gettext_noop("Instagram allows %(limit)s hashtags; this caption has %(count)s."),
                    params={"limit": self.limits.max_hashtags, "count": hashtags},
                )
            )
        mentions = len(MENTION.findall(caption))
        if mentions > (self.limits.max_mentions or mentions):
            problems.append(
                Problem(
                    "too_many_mentions",
                    gettext_noop("Instagram allows %(limit)s @-mentions; this caption has %(count)s."),
                    params={"limit": self.limits.max_mentions, "count": mentions},
                )
            )
        if len(draft.media) > MAX_CAROUSEL_ITEMS:
            problems.append(
                Problem(
                    "too_many_media",
                    gettext_noop("Instagram carousels hold at most %(limit)s items; this post has %(count)s."),
                    field="media",
                    params={"limit": MAX_CAROUSEL_ITEMS, "count": len(draft.media)},
                )
            )
        if draft.options.get("format") == "reel" and [m.kind for m in draft.media] != ["video"]:
            problems.append(
                Problem("reel_needs_video", gettext_noop("An Instagram reel is exactly one video."), field="media")
            )
        problems.extend(self._aspect_problems(draft.media))
        problems.extend(media_problems(self.label, self.limits, draft.media))
        return problems

    def _aspect_problems(self, media: tuple[MediaItem, ...]) -> list[Problem]:
        problems = []
        low, high = self.limits.min_aspect_ratio or 0, self.limits.max_aspect_ratio or 0
        for number, item in enumerate(media, start=1):
            if item.kind == "video" or not (item.width and item.height):
                continue  # reels are 9:16; Instagram checks videos itself
            ratio = item.width / item.height
            if low <= ratio <= high:
                continue
            if len(media) > 1:
                name = Phrase(gettext_noop("photo %(number)s"), {"number": number})
            else:
                name = Phrase(gettext_noop("this photo"))
            shape = Phrase(gettext_noop("too tall") if ratio < low else gettext_noop("too wide"))
            problems.append(
                Problem(
                    "aspect_ratio",
                    gettext_noop(
                        "Instagram: %(name)s is %(ratio)s (%(shape)s); "
                        "Instagram accepts 4:5 to 1.91:1 — crop or pad it."
                    ),
                    field="media",
                    params={"name": name, "ratio": _ratio(item.width, item.height), "shape": shape},
                )
            )
        return problems

    # --- accounts -------------------------------------------------------------------------------

    def identities(self, tokens: Tokens) -> list[Identity]:
        """The Instagram accounts linked to the person's pages, each with its page's token."""
        pages = self.graph(tokens.access_token).pages(
            "id,name,access_token,instagram_business_account{id,username,name,profile_picture_url}"
        )
        identities = []
        # Kept so that disconnecting can remove the app from this login (see GraphAdapter.revoke).
        user_id = self.login_user_id(tokens.access_token) if pages else ""
        for page in pages:
            account = page.get("instagram_business_account")
            if not account or not page.get("access_token"):
                continue
            username = account.get("username", "")
            identities.append(
                Identity(
                    external_id=account["id"],
                    kind="instagram_business",
                    name=account.get("name") or username,
                    handle=username,
                    avatar_url=account.get("profile_picture_url", ""),
                    access_token=page["access_token"],
                    extra={"page_id": page["id"], "page_name": page.get("name", ""), "user_id": user_id},
                )
            )
        return identities

    # --- publishing ---------------------------------------------------------------------------------

    def publish(self, account: Credentials, draft: Draft) -> Published:
        """Publish once. Raises RateLimited before creating anything when the 24-hour publishing
        quota is used up, and when Instagram answers the quota error (code 9, subcode 2207042)
        to any call; Rejected when Instagram cannot fetch or process a file."""
        if not draft.media:
            raise Rejected("Instagram needs at least one image or video.")
        if any(not item.url for item in draft.media):
            raise Rejected("Instagram fetches media from a public URL, and a file of this post has none.")
        client = self.graph(account.access_token)
        try:
            return self._publish(client, account, draft)
        except RateLimited as error:
            if error.code != QUOTA_ERROR:
                raise
            # Graph's usage headers say nothing about this quota: it frees when the oldest post of
            # the rolling 24 hours turns 24 hours old.
            raise RateLimited(
                error.message,
                retry_at=self._slot_frees_at(client, account.external_id, QUOTA_WINDOW),
                request_id=error.request_id,
                status=error.status,
                code=error.code,
            ) from None

    def _publish(self, client: GraphClient, account: Credentials, draft: Draft) -> Published:
        ig = account.external_id
        self._check_quota(client, ig)
        caption = self.caption(draft)
        if draft.options.get("format") == "reel" or (len(draft.media) == 1 and draft.media[0].kind == "video"):
            data = {"media_type": "REELS", "video_url": draft.media[0].url, "caption": caption}
            data["share_to_feed"] = "true" if draft.options.get("share_to_feed", True) else "false"
            for option in ("cover_url", "thumb_offset"):
                if draft.options.get(option) is not None:
                    data[option] = str(draft.options[option])
            container, what = self._container(client, ig, data), "the reel"
        elif len(draft.media) == 1:
            data = {"image_url": draft.media[0].url, "caption": caption}
            if draft.media[0].alt_text:
                data["alt_text"] = draft.media[0].alt_text
            container, what = self._container(client, ig, data), "the photo"
        else:
            children = [self._container(client, ig, self._carousel_item(item)) for item in draft.media]
            for number, child in enumerate(children, start=1):
                self._wait_until_ready(client, child, what=f"item {number} of the carousel")
            data = {"media_type": "CAROUSEL", "children": ",".join(children), "caption": caption}
            container, what = self._container(client, ig, data), "the carousel"
        self._wait_until_ready(client, container, what=what)
        media_id = client.post_for_id(f"{ig}/media_publish", {"creation_id": container}, creates=True)
        request_id = client.request_id
        return Published(external_id=media_id, url=self._permalink(client, media_id, account), request_id=request_id)

    @staticmethod
    def _carousel_item(item: MediaItem) -> dict[str, str]:
        if item.kind == "video":
            return {"is_carousel_item": "true", "media_type": "VIDEO", "video_url": item.url}
        data = {"is_carousel_item": "true", "image_url": item.url}
        if item.alt_text:
            data["alt_text"] = item.alt_text
        return data

    @staticmethod
    def _container(client: GraphClient, ig: str, data: dict[str, str]) -> str:
        """A media container: not a post yet, so a lost answer only costs an unused container."""
        return client.post_for_id(f"{ig}/media", data)

    def _wait_until_ready(self, client: GraphClient, container: str, *, what: str) -> None:
        """Poll the container until FINISHED, no longer than ``media_processing_deadline_s``."""
        deadline = time.monotonic() + self.config.media_processing_deadline_s
        while True:
            answer = client.get(container, fields="status_code,status")
            state = answer.get("status_code", "")
            if state == "FINISHED":
                return
            if state in ("ERROR", "EXPIRED", "PUBLISHED"):
                detail = answer.get("status") or state.lower()
                raise Rejected(f"Instagram could not process {what}: {detail}", request_id=client.request_id)
            if time.monotonic() + self.config.poll_interval_s > deadline:
                raise Transient(
                    f"Instagram was still processing {what} after {self.config.media_processing_deadline_s:g} "
                    "seconds; nothing was published.",
                    request_id=client.request_id,
                )
            time.sleep(self.config.poll_interval_s)

    def _check_quota(self, client: GraphClient, ig: str) -> None:
        """Read the 24-hour publishing quota (documented as 50 posts, but read, not assumed)."""
        answer = client.get(f"{ig}/content_publishing_limit", fields="config,quota_usage")
        limit = (answer.get("data") or [{}])[0]
        usage = limit.get("quota_usage") or 0
        total = (limit.get("config") or {}).get("quota_total")
        window = timedelta(seconds=(limit.get("config") or {}).get("quota_duration") or QUOTA_WINDOW.total_seconds())
        if total is not None and usage >= total:
            raise RateLimited(
                f"Instagram: this account has used all {total} posts it may publish in 24 hours.",
                retry_at=self._slot_frees_at(client, ig, window),
                request_id=client.request_id,
                code="content_publishing_limit",
            )

    @staticmethod
    def _slot_frees_at(client: GraphClient, ig: str, window: timedelta) -> datetime:
        """The quota is a rolling window: a slot frees when the oldest post in it turns 24 hours old.
        When the posts cannot be read, look again in an hour (a quota read costs nothing)."""
        now = datetime.now(UTC)
        try:
            answer = client.get(f"{ig}/media", fields="timestamp", since=int((now - window).timestamp()), limit=100)
        except PlatformError:
            return now + DEFAULT_RATE_WAIT
        times = [parse_graph_time(item.get("timestamp", "")) for item in answer.get("data", [])]
        in_window = [t for t in times if t is not None and t > now - window]
        return min(in_window) + window if in_window else now + DEFAULT_RATE_WAIT

    @staticmethod
    def _permalink(client: GraphClient, media_id: str, account: Credentials) -> str:
        """The post's public URL; the profile's if Instagram will not say (the post exists anyway)."""
        try:
            url = client.get(media_id, fields="permalink").get("permalink", "")
        except PlatformError:
            url = ""
        if url:
            return url
        return f"https://www.instagram.com/{account.handle}/" if account.handle else "https://www.instagram.com/"

    def find_recent(self, account: Credentials, since: datetime) -> list[RemotePost]:
        return self.graph(account.access_token).recent_posts(
            f"{account.external_id}/media", since=since, limit=50, text="caption", created="timestamp", url="permalink"
        )
