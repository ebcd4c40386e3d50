"""Facebook Pages through the Graph API (version from ``FACEBOOK_GRAPH_VERSION``, e.g. v24.0).

A connected account is a page: ``Credentials.external_id`` is the page id and the access token is
the page token from ``/me/accounts``. Text and links go to ``/feed``; one photo to ``/photos``
(uploaded as multipart ``source``, alt text as ``alt_text_custom``); several photos are uploaded
unpublished and attached to one ``/feed`` post; a video goes to ``/videos`` in one upload, or,
above ``resumable_video_bytes``, in chunks through Graph's resumable upload session
(``upload_phase=start|transfer|finish``, Meta's Video API publishing guide). Video requests go
to ``graph-video.facebook.com`` as Meta's video guides say (``config.options["video_url"]``
overrides it; with a non-Meta Graph URL, such as the simulator, they follow that URL).
"""

from __future__ import annotations

import json
import os
from dataclasses import replace
from datetime import datetime
from typing import Any, ClassVar

from platforms.base import (
    Credentials,
    Draft,
    Identity,
    Limits,
    MediaItem,
    PlatformError,
    Problem,
    Published,
    Rejected,
    RemotePost,
    Tokens,
    Transient,
    gettext_noop,
)
from platforms.description import FACEBOOK, with_link
from platforms.graph import GRAPH_HOST, GraphAdapter, GraphClient, media_problems

MB = 1024 * 1024
GRAPH_VIDEO_HOST = "https://graph-video.facebook.com"
# "Send this chunk from another offset": the answer to a chunk resent after its answer was lost,
# with the offsets the network wants next in ``error_data``.
RESUME_SUBCODE = 1363037


class Facebook(GraphAdapter):
    """Publishes to a Facebook page. Each ``publish`` call posts once; it is not safe to repeat
    after ``Transient(outcome_unknown=True)`` without looking with ``find_recent`` first."""

    network = "facebook"
    description = FACEBOOK
    # Above this size a video goes up in chunks through a resumable upload session, so a dropped
    # connection costs one chunk instead of the whole file.
    resumable_video_bytes: ClassVar[int] = 50 * MB
    # Chunks sent again in a row (after a lost answer or a "send from here") before giving up.
    max_chunk_resends: ClassVar[int] = 3
    limits = Limits(
        text_length=63_206,
        counting="characters",
        max_images=10,
        max_videos=1,
        image_types=("image/jpeg", "image/png", "image/gif", "image/bmp", "image/tiff"),
        video_types=("video/mp4", "video/quicktime"),
        image_max_bytes=10 * MB,  # Graph takes 10 MB; 4 MB is the safest
        # The resumable upload takes up to 10 GB and 4 hours (one multipart upload: 1 GB, 20 minutes).
        video_max_bytes=10 * 1024 * MB,
        video_max_duration_s=4 * 3600,
        gif_max_bytes=10 * MB,
        allows_mixed_media=False,
    )

    # --- content rules --------------------------------------------------------------------

    def validate(self, draft: Draft) -> list[Problem]:
        problems: list[Problem] = []
        images = [m for m in draft.media if m.kind in ("image", "gif")]
        videos = [m for m in draft.media if m.kind == "video"]
        if not (draft.text.strip() or draft.link or draft.media):
            problems.append(Problem("empty", gettext_noop("Facebook needs some text, a link, or a photo or video.")))
        count = self.count_text(self._message(draft))
        if count.is_over:
            problems.append(
                Problem(
                    "text_too_long",
                    gettext_noop("Facebook: %(used)s of %(limit)s characters"),
                    params={"used": count.used, "limit": count.limit},
                )
            )
        if images and videos:
            problems.append(
                Problem(
                    "mixed_media",
                    gettext_noop("Facebook can't put photos and a video in one post: post the video separately."),
                    field="media",
                )
            )
        if len(videos) > self.limits.max_videos:
            problems.append(
                Problem(
                    "too_many_videos",
                    gettext_noop("Facebook takes one video per post; this one has %(count)s."),
                    "media",
                    {"count": len(videos)},
                )
            )
        if len(images) > self.limits.max_images:
            problems.append(
                Problem(
                    "too_many_images",
                    gettext_noop("Facebook: at most %(limit)s photos in one post; this one has %(count)s."),
                    field="media",
                    params={"limit": self.limits.max_images, "count": len(images)},
                )
            )
        problems.extend(media_problems(self.label, self.limits, draft.media))
        return problems

    @staticmethod
    def _message(draft: Draft) -> str:
        """The text as posted. Photo and video posts have no link field, so the link joins the text."""
        if FACEBOOK.link_joins_text(text=draft.text, link=draft.link, has_media=bool(draft.media)):
            return with_link(draft.text, draft.link)
        return draft.text

    # --- accounts -------------------------------------------------------------------------------

    def identities(self, tokens: Tokens) -> list[Identity]:
        """The pages the person manages, each with its page token (which does not expire)."""
        pages = self.graph(tokens.access_token).pages("id,name,access_token,picture")
        # Kept so that disconnecting can remove the app from this login (see GraphAdapter.revoke).
        user_id = self.login_user_id(tokens.access_token) if pages else ""
        return [
            Identity(
                external_id=page["id"],
                kind="facebook_page",
                name=page.get("name", ""),
                avatar_url=(page.get("picture") or {}).get("data", {}).get("url", ""),
                access_token=page.get("access_token", ""),
                extra={"user_id": user_id},
            )
            for page in pages
            if page.get("access_token")
        ]

    # --- publishing ---------------------------------------------------------------------------------

    # Page post insights since November 2025: "views" metrics replace the retired impressions
    # (post_impressions*, page_impressions*); reactions, comments and shares are edges of the post.
    insights_names = {"post_media_view": "views", "post_total_media_view_unique": "reach", "post_clicks": "clicks"}
    metrics_fields = (
        "shares,reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0),"
        "insights.metric(post_media_view,post_total_media_view_unique,post_clicks)"
    )

    def figures_of(self, node: dict[str, Any]) -> dict[str, int]:
        figures = super().figures_of(node)
        for edge, ours in (("reactions", "likes"), ("comments", "comments")):
            total = ((node.get(edge) or {}).get("summary") or {}).get("total_count")
            if isinstance(total, int):
                figures[ours] = total
        # Graph leaves ``shares`` out of a post nobody shared.
        figures["shares"] = int((node.get("shares") or {}).get("count") or 0)
        return figures

    def publish(self, account: Credentials, draft: Draft) -> Published:
        client = self.graph(account.access_token)
        page = account.external_id
        images = [m for m in draft.media if m.kind in ("image", "gif")]
        videos = [m for m in draft.media if m.kind == "video"]
        if videos:
            return self._publish_video(client, self._video_graph(account.access_token), page, draft, videos[0])
        if len(images) == 1:
            return self._publish_photo(client, page, draft, images[0])
        if images:
            return self._publish_photos(client, page, draft, images)
        data = {"message": draft.text} if draft.text else {}
        if draft.link:
            data["link"] = draft.link
        return self._published(client, client.post_for_id(f"{page}/feed", data, creates=True))

    def _publish_photo(self, client: GraphClient, page: str, draft: Draft, item: MediaItem) -> Published:
        data = {"message": self._message(draft)}
        if item.alt_text:
            data["alt_text_custom"] = item.alt_text
        post_id = client.post_for_id(f"{page}/photos", data, files=_source(item), creates=True, key="post_id")
        return self._published(client, post_id)

    def _publish_photos(self, client: GraphClient, page: str, draft: Draft, items: list[MediaItem]) -> Published:
        """Upload each photo unpublished, then one post that attaches them all.

        Unpublished photos are not visible to anyone; if a later upload or the post fails, the
        ones already uploaded are deleted so nothing half-made is left on the page.
        """
        photo_ids: list[str] = []
        try:
            for item in items:
                data = {"published": "false"}
                if item.alt_text:
                    data["alt_text_custom"] = item.alt_text
                photo_ids.append(client.post_for_id(f"{page}/photos", data, files=_source(item)))
            data = {"message": self._message(draft)}
            for index, photo_id in enumerate(photo_ids):
                data[f"attached_media[{index}]"] = json.dumps({"media_fbid": photo_id})
            post_id = client.post_for_id(f"{page}/feed", data, creates=True)
        except PlatformError as error:
            if not getattr(error, "outcome_unknown", False):
                _delete_quietly(client, photo_ids)
            raise
        return self._published(client, post_id)

    def _video_graph(self, token: str) -> GraphClient:
        """Meta's video guides send uploads to graph-video.facebook.com, not the usual Graph host:
        ``options["video_url"]`` when set, that host when the Graph URL is Meta's own, else the
        Graph URL (the simulator, a proxy)."""
        video_url = self.config.options.get("video_url") or (
            GRAPH_VIDEO_HOST if self.config.api_url.rstrip("/") == GRAPH_HOST else self.config.api_url
        )
        return GraphClient(replace(self.config, api_url=video_url), token, label=self.label)

    def _publish_video(
        self, client: GraphClient, uploads: GraphClient, page: str, draft: Draft, item: MediaItem
    ) -> Published:
        data = {"description": self._message(draft)}
        title = draft.options.get("title")
        if title:
            data["title"] = title
        if _file_size(item) > self.resumable_video_bytes:
            video_id = self._upload_video_in_chunks(uploads, page, item, data)
        else:
            video_id = uploads.post_for_id(f"{page}/videos", data, files=_source(item), creates=True)
        request_id = uploads.request_id
        url = self._permalink(client, video_id) or self.web_url(f"/{page}/videos/{video_id}/")
        return Published(external_id=video_id, url=url, request_id=request_id)

    def _upload_video_in_chunks(self, client: GraphClient, page: str, item: MediaItem, data: dict[str, str]) -> str:
        """Start a session, send each chunk at the offsets Graph asks for, then finish (which publishes).

        A chunk whose answer was lost is sent again: Graph either takes it or refuses it with
        ``RESUME_SUBCODE`` and the offsets it wants, so the upload resumes where the network is,
        never from the start. Nothing is published before ``finish``; only a lost answer to
        ``finish`` leaves the outcome unknown.
        """
        start_answer = client.post(f"{page}/videos", {"upload_phase": "start", "file_size": str(_file_size(item))})
        session_id = start_answer["upload_session_id"]
        start, end = int(start_answer["start_offset"]), int(start_answer["end_offset"])
        resends = 0
        with open(item.path, "rb") as handle:
            while start < end:
                handle.seek(start)
                chunk = {"video_file_chunk": (os.path.basename(item.path), handle.read(end - start), item.content_type)}
                fields = {"upload_phase": "transfer", "upload_session_id": session_id, "start_offset": str(start)}
                try:
                    offsets = client.post(f"{page}/videos", fields, files=chunk)
                    resends = 0
                except (Transient, Rejected) as error:
                    wanted = _resume_offsets(client.last_error) if isinstance(error, Rejected) else None
                    resends += 1
                    if resends > self.max_chunk_resends or (isinstance(error, Rejected) and wanted is None):
                        raise
                    offsets = wanted or {"start_offset": start, "end_offset": end}
                start, end = int(offsets["start_offset"]), int(offsets["end_offset"])
        client.post(f"{page}/videos", {"upload_phase": "finish", "upload_session_id": session_id, **data}, creates=True)
        return start_answer["video_id"]

    def _published(self, client: GraphClient, post_id: str) -> Published:
        request_id = client.request_id
        url = self._permalink(client, post_id) or self.web_url(f"/{post_id}")
        return Published(external_id=post_id, url=url, request_id=request_id)

    def _permalink(self, client: GraphClient, object_id: str) -> str:
        """The public URL Graph gives for a new post; "" if it will not say (the post exists anyway)."""
        try:
            url = client.get(object_id, fields="permalink_url").get("permalink_url", "")
        except PlatformError:
            return ""
        return self.web_url(url) if url.startswith("/") else url

    def find_recent(self, account: Credentials, since: datetime) -> list[RemotePost]:
        return self.graph(account.access_token).recent_posts(
            f"{account.external_id}/posts",
            since=since,
            limit=100,
            text="message",
            created="created_time",
            url="permalink_url",
        )


def _source(item: MediaItem) -> dict[str, tuple[str, bytes, str]]:
    if not item.path:
        raise Rejected("Facebook: a media file is missing from this post.")
    return {"source": (os.path.basename(item.path), item.read(), item.content_type)}


def _file_size(item: MediaItem) -> int:
    if not item.path:
        raise Rejected("Facebook: a media file is missing from this post.")
    return os.path.getsize(item.path)


def _resume_offsets(error: dict[str, Any]) -> dict[str, Any] | None:
    """The offsets Graph wants next, from a ``RESUME_SUBCODE`` error's ``error_data`` (an object
    or, in some answers, a JSON string); None for any other error."""
    if error.get("error_subcode") != RESUME_SUBCODE:
        return None
    offsets = error.get("error_data")
    if isinstance(offsets, str):
        try:
            offsets = json.loads(offsets)
        except ValueError:
            return None
    if isinstance(offsets, dict) and "start_offset" in offsets and "end_offset" in offsets:
        return offsets
    return None


def _delete_quietly(client: GraphClient, object_ids: list[str]) -> None:
    for object_id in object_ids:
        try:
            client.delete(object_id)
        except PlatformError:
            continue  # an unpublished photo nobody can see; nothing more to do
