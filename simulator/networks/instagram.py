"""The simulated Instagram Graph API: content publishing for professional accounts.

Contract: ``docs/platform-contracts.md`` ("Instagram"); written from it and Meta's public
Instagram Platform documentation, never from our adapters. Instagram is part of the Graph API
under ``/facebook``: :mod:`simulator.networks.facebook` registers these routes and
:mod:`simulator.networks.graph` holds what both share (tokens, errors, fields, faults).

What it does the way Instagram does:

- ``/{ig}/media`` creates containers. ``image_url``/``video_url`` are **fetched over HTTP**; an
  image that cannot be fetched or is not a JPEG answers 9004/2207052, a bad aspect ratio
  (outside 4:5..1.91:1) 36003/2207009, a caption over 2,200 characters, 30 hashtags or 20
  mentions 100/2207010. Container status answers ``IN_PROGRESS`` on the first poll and
  ``FINISHED`` on the next (``ERROR`` for a video that could not be fetched or is not MP4;
  ``EXPIRED`` 24 hours after creation, see ``expire_container``).
- ``media_publish`` of a container not yet ``FINISHED`` answers 9007/2207027. Publishing counts
  against a quota of 50 per moving 24 hours (``media_publish`` reference, 2025;
  ``content_publishing_limit``; over it: 9/2207042). Published media get a permalink
  ``https://www.instagram.com/p/{shortcode}/`` (``/reel/`` for reels).
- Every published media is recorded under network ``"instagram"`` (account = IG user id), text
  exactly as shown (the caption), media with id, kind, content_type, size, sha256, alt_text.
"""

from __future__ import annotations

import hashlib
import re
import time
from typing import Any

from simulator import metrics, timeline
from simulator.core import IssuedToken, RecordedPost, Request, Response, Simulator
from simulator.networks import graph
from simulator.networks.graph import INSTAGRAM

IG_IMAGE_MAX_BYTES = 8 * 1024 * 1024
CAPTION_LIMIT = 2200
HASHTAG_LIMIT = 30
MENTION_LIMIT = 20
IG_QUOTA_WINDOW_S = 86400
CONTAINER_LIFETIME_S = 86400
MIN_ASPECT = 4 / 5
MAX_ASPECT = 1.91

HASHTAG = re.compile(r"(?<![\w#])#\w+")
MENTION = re.compile(r"(?<![\w@])@[\w.]+")

IG_USER_FIELDS = {
    "id",
    "ig_id",
    "username",
    "name",
    "profile_picture_url",
    "followers_count",
    "follows_count",
    "media_count",
    "biography",
    "website",
}
CONTAINER_FIELDS = {"id", "status_code", "status", "copyright_check_status"}
IG_MEDIA_FIELDS = {
    "id",
    "caption",
    "media_type",
    "media_product_type",
    "media_url",
    "permalink",
    "shortcode",
    "timestamp",
    "username",
    "thumbnail_url",
    "like_count",
    "comments_count",
    "alt_text",
    "children",
    "is_comment_enabled",
    "owner",
}


# --- the routes ------------------------------------------------------------------------------------


def register(sim: Simulator) -> None:
    """Instagram's routes; :func:`simulator.networks.facebook.register` calls this."""
    _register_publishing(sim)
    _register_read_back(sim)
    _register_rate_limits(sim)


def _register_publishing(sim: Simulator) -> None:
    """Containers, then ``media_publish``."""
    state = graph.state(sim)

    @graph.route(sim, "POST", "/{version}/{node}/media")
    def ig_create(request: Request) -> Response:
        token = graph.authenticate(sim, request)
        ig = _ig_account(sim, token, request.params["node"], publishing=True, method="post")
        params = graph.request_params(request)
        return graph.ok({"id": _new_container(sim, ig, params)["id"]})

    @graph.route(sim, "POST", "/{version}/{node}/media_publish")
    def ig_publish(request: Request) -> Response:
        token = graph.authenticate(sim, request)
        ig = _ig_account(sim, token, request.params["node"], publishing=True, method="post")
        params = graph.request_params(request)
        creation_id = params.get("creation_id", "")
        if not creation_id:
            return graph.invalid("(#100) The parameter creation_id is required")
        container = state["objects"].get(creation_id)
        if container is None or container["type"] != "container" or container["ig_id"] != ig["id"]:
            return graph.graph_error(
                f"The media with id {creation_id} cannot be found.",
                code=24,
                subcode=2207006,
                user_title="Media not found",
                user_msg="The media could not be found.",
            )
        if request.fault is not None and request.fault.kind == "container_expired":
            container["expired"] = True
        status = _container_status(container)
        if container["is_carousel_item"]:
            return graph.invalid(
                "(#100) A carousel item cannot be published on its own; publish the carousel container"
            )
        if status == "EXPIRED" or status == "PUBLISHED":
            return graph.graph_error(
                f"The media builder with creation id = {creation_id} does not exist or has been expired.",
                code=100,
                subcode=2207008,
                user_title="Media builder expired",
                user_msg="The media builder does not exist or has expired. Please create a new media container.",
            )
        if status == "ERROR":
            return graph.graph_error(
                "Media upload has failed with error code 2207032",
                code=2,
                subcode=2207032,
                user_title="Create media fail",
                user_msg="Create media fail, please try to re-create media",
            )
        if status != "FINISHED":
            return graph.graph_error(
                "Media ID is not available",
                code=9007,
                subcode=2207027,
                user_title="Media not ready for publishing",
                user_msg="The media is not ready for publishing, please wait for a moment",
            )
        if _quota_usage(sim, ig["id"]) >= state["ig_quota"]:
            return graph.quota_exceeded()
        return graph.ok({"id": _publish_container(sim, request, ig, container, params)["id"]})


def _register_read_back(sim: Simulator) -> None:
    """An account's published media, which adapters read to find a post whose answer was lost."""
    state = graph.state(sim)

    @graph.route(sim, "GET", "/{version}/{node}/media")
    def ig_media(request: Request) -> Response:
        token = graph.authenticate(sim, request)
        ig = _ig_account(sim, token, request.params["node"], publishing=False)
        since = graph.parse_time(request.arg("since"), "since")
        until = graph.parse_time(request.arg("until"), "until")
        spec = graph.parse_fields(request.arg("fields") or "id")
        graph.check_fields("IGMedia", spec, IG_MEDIA_FIELDS)
        items = []
        for post in sorted(sim.posts_for(INSTAGRAM, ig["id"]), key=lambda p: p.received_at, reverse=True):
            at = post.received_at.timestamp()
            if (since is not None and at < since) or (until is not None and at > until):
                continue
            obj = state["objects"].get(post.id)
            if obj is not None:
                items.append(graph.render("IGMedia", _ig_media_values(obj), spec, IG_MEDIA_FIELDS))
        return graph.ok(graph.paged(request, items))


def _register_rate_limits(sim: Simulator) -> None:
    """``content_publishing_limit``: how much of the 24-hour publishing quota is used."""
    state = graph.state(sim)

    @graph.route(sim, "GET", "/{version}/{node}/content_publishing_limit")
    def ig_limit(request: Request) -> Response:
        token = graph.authenticate(sim, request)
        ig = _ig_account(sim, token, request.params["node"], publishing=False)
        spec = graph.parse_fields(request.arg("fields") or "quota_usage")
        values = {
            "quota_usage": _quota_usage(sim, ig["id"]),
            "config": {"quota_total": state["ig_quota"], "quota_duration": IG_QUOTA_WINDOW_S},
        }
        return graph.ok({"data": [graph.render("ContentPublishingLimit", values, spec, {"quota_usage", "config"})]})


# --- accounts and nodes -------------------------------------------------------------------------


def _ig_permission_error() -> Response:
    return graph.graph_error("(#10) Application does not have permission for this action", code=10)


def _ig_account(sim: Simulator, token: IssuedToken, node: str, *, publishing: bool, method: str = "get") -> dict:
    ig = graph.state(sim)["ig"].get(node)
    if ig is None or not graph.manages(sim, token, ig["page_id"]):
        raise graph.Fail(graph.no_object(node, method))
    needed = {"instagram_basic", "instagram_content_publish"} if publishing else {"instagram_basic"}
    if not needed <= set(token.scopes):
        raise graph.Fail(_ig_permission_error())
    return ig


def account_values(ig: dict[str, Any], sub: dict | None) -> dict:
    """The account as a page's ``instagram_business_account`` field shows it."""
    values = {
        "id": ig["id"],
        "ig_id": ig["id"],
        "username": ig["username"],
        "name": ig["name"],
        "profile_picture_url": ig["profile_picture_url"],
    }
    return graph.render("IGUser", values, sub or {"id": None}, IG_USER_FIELDS)


def read_account(sim: Simulator, token: IssuedToken, node: str, fields: str | None) -> dict:
    """``GET /{ig-user}``."""
    ig = _ig_account(sim, token, node, publishing=False)
    values = {
        "id": ig["id"],
        "ig_id": ig["id"],
        "username": ig["username"],
        "name": ig["name"],
        "profile_picture_url": ig["profile_picture_url"],
        "followers_count": metrics.followers(ig["id"]),
        "follows_count": 0,
        "media_count": len(sim.posts_for(INSTAGRAM, ig["id"])),
        "biography": "",
        "website": "",
    }
    return graph.render("IGUser", values, graph.parse_fields(fields or "id"), IG_USER_FIELDS)


def read_object(request: Request, obj: dict[str, Any], fields: str | None) -> dict[str, Any]:
    """``GET /{container}`` (its status, moved on one step per poll) or ``GET /{ig-media}``."""
    if obj["type"] == "container":
        fault = request.fault
        if fault is not None and fault.kind == "processing_failed":
            obj["error"] = "Error: Media upload has failed with error code 2207001"
        if fault is not None and fault.kind == "container_expired":
            obj["expired"] = True
        spec = graph.parse_fields(fields or "id")
        if {"status_code", "status"} & set(spec):
            _poll_container(obj)
        status = _container_status(obj)
        text = {
            "IN_PROGRESS": "In Progress: Media is still being processed.",
            "FINISHED": "Finished: Media has been uploaded and it is ready to be published.",
            "PUBLISHED": "Published: Media has been published.",
            "EXPIRED": "Expired: Media container has expired. Please create a new one.",
            "ERROR": obj.get("error") or "Error",
        }[status]
        values = {"id": obj["id"], "status_code": status, "status": text}
        return graph.render("ShadowIGMediaBuilder", values, spec, CONTAINER_FIELDS)
    return graph.render("IGMedia", _ig_media_values(obj), graph.parse_fields(fields or "id"), IG_MEDIA_FIELDS)


# --- containers and publishing --------------------------------------------------------------------


def _caption_problem(caption: str) -> Response | None:
    if (
        len(caption) > CAPTION_LIMIT
        or len(HASHTAG.findall(caption)) > HASHTAG_LIMIT
        or len(MENTION.findall(caption)) > MENTION_LIMIT
    ):
        return graph.graph_error(
            "The caption is too long.",
            code=100,
            subcode=2207010,
            user_title="Caption is too long",
            user_msg="The caption can have at most 2,200 characters, 30 hashtags and 20 @ tags.",
        )
    return None


def _download_failed(url: str) -> Response:
    return graph.graph_error(
        "Only photo or video can be accepted as media type.",
        code=9004,
        subcode=2207052,
        user_title="Media download has failed",
        user_msg=f"The media could not be fetched from this uri: {url}",
    )


def _new_container(sim: Simulator, ig: dict[str, Any], params: dict[str, str]) -> dict[str, Any]:
    state = graph.state(sim)
    media_type = (params.get("media_type") or "").upper()
    is_item = params.get("is_carousel_item", "false").lower() == "true"
    caption = params.get("caption", "")
    if not is_item and (problem := _caption_problem(caption)):
        raise graph.Fail(problem)
    container: dict[str, Any] = {
        "type": "container",
        "id": graph.fbid(sim, "18"),
        "ig_id": ig["id"],
        "caption": "" if is_item else caption,
        "is_carousel_item": is_item,
        "children": [],
        "media": [],
        "created_at": time.time(),
        "polls": 0,
        "state": "IN_PROGRESS",
        "error": "",
        "expired": False,
        "published": False,
    }
    if media_type == "CAROUSEL":
        if is_item:
            raise graph.Fail(graph.invalid("(#100) A carousel cannot be a carousel item"))
        children = [c.strip() for c in params.get("children", "").split(",") if c.strip()]
        if not 2 <= len(children) <= 10:
            raise graph.Fail(
                graph.invalid(
                    "(#100) The parameter children must contain between 2 and 10 media container ids",
                    subcode=2207028,
                    user_title="Carousel validation failed",
                    user_msg="A carousel needs between 2 and 10 photos or videos.",
                )
            )
        for child_id in children:
            child = state["objects"].get(child_id)
            if child is None or child["type"] != "container" or child["ig_id"] != ig["id"]:
                raise graph.Fail(graph.invalid(f"(#100) Invalid children container id {child_id}", subcode=2207028))
            if not child["is_carousel_item"] or child["published"] or _container_status(child) in ("ERROR", "EXPIRED"):
                raise graph.Fail(
                    graph.invalid(f"(#100) The container {child_id} cannot be a carousel item", subcode=2207028)
                )
            container["media"].append(child["media"][0])
        container.update(media_type="CAROUSEL", children=children)
    elif media_type in ("REELS", "VIDEO", "STORIES") and params.get("video_url"):
        if media_type == "VIDEO" and not is_item:
            raise graph.Fail(
                graph.invalid(
                    "(#100) The VIDEO media type is no longer supported for feed posts. Use REELS instead.",
                    subcode=2207067,
                )
            )
        url = params["video_url"]
        container.update(media_type=media_type, share_to_feed=params.get("share_to_feed", "true"))
        try:
            data, content_type = graph.fetch(sim, url, graph.FETCH_MAX_BYTES)
        except graph.FetchFailed:
            data, content_type = b"", ""
            container["error"] = "Error: Media download has failed. The media URI doesn't meet our requirements."
        if data and not graph.is_mp4(data):
            container["error"] = "Error: The video format is not supported. Please check spec for supported formats."
        container["media"] = [
            graph.media_entry(sim, data, kind="video", content_type=content_type or "video/mp4", source_url=url)
        ]
        if container["error"]:
            container["state"] = "ERROR"
    elif media_type in ("", "IMAGE", "STORIES"):
        url = params.get("image_url", "")
        if not url:
            raise graph.Fail(graph.invalid("(#100) The parameter image_url is required.", subcode=2207023))
        try:
            data, _ = graph.fetch(sim, url, IG_IMAGE_MAX_BYTES)
        except graph.FetchFailed:
            raise graph.Fail(_download_failed(url)) from None
        if len(data) > IG_IMAGE_MAX_BYTES:
            raise graph.Fail(
                graph.graph_error(
                    "The image is too large to download.",
                    code=36001,
                    subcode=2207004,
                    user_title="Image is too large",
                    user_msg="The image is too large to download. It should be less than 8 MiB.",
                )
            )
        info = graph.image_info(data)
        if info is None or info[0] != "JPEG":
            raise graph.Fail(_download_failed(url))
        _, width, height = info
        ratio = width / height
        if media_type != "STORIES" and not (MIN_ASPECT - 0.005 <= ratio <= MAX_ASPECT + 0.005):
            raise graph.Fail(
                graph.graph_error(
                    "The aspect ratio is not supported.",
                    code=36003,
                    subcode=2207009,
                    user_title="Cannot publish image",
                    user_msg=f"The submitted image with aspect ratio ('{width}/{height}') cannot be published. "
                    "Please submit an image with a valid aspect ratio.",
                )
            )
        container.update(media_type=media_type or "IMAGE")
        container["media"] = [
            graph.media_entry(
                sim,
                data,
                kind="image",
                content_type="image/jpeg",
                alt_text=params.get("alt_text", ""),
                source_url=url,
                width=width,
                height=height,
            )
        ]
    elif media_type in ("REELS", "VIDEO"):
        raise graph.Fail(graph.invalid("(#100) The parameter video_url is required.", subcode=2207023))
    else:
        raise graph.Fail(graph.invalid(f"(#100) The media type {media_type} is not supported.", subcode=2207023))
    with sim.lock:
        state["objects"][container["id"]] = container
    return container


def _poll_container(container: dict[str, Any]) -> None:
    if container["state"] == "IN_PROGRESS":
        container["polls"] += 1
        if container["polls"] >= 2:
            container["state"] = "FINISHED"


def _container_status(container: dict[str, Any]) -> str:
    if container["published"]:
        return "PUBLISHED"
    if container["expired"] or time.time() - container["created_at"] > CONTAINER_LIFETIME_S:
        return "EXPIRED"
    if container["error"]:
        return "ERROR"
    return container["state"]


def _quota_usage(sim: Simulator, ig_id: str) -> int:
    since = time.time() - IG_QUOTA_WINDOW_S
    return sum(1 for post in sim.posts_for(INSTAGRAM, ig_id) if post.received_at.timestamp() >= since)


def _publish_container(
    sim: Simulator, request: Request, ig: dict[str, Any], container: dict[str, Any], params: dict[str, str]
) -> dict[str, Any]:
    media_id = graph.fbid(sim, "17")
    shortcode = _shortcode(media_id)
    is_reel = container["media_type"] == "REELS"
    permalink = timeline.web_url(sim, graph.NETWORK, f"/instagram/{'reel' if is_reel else 'p'}/{shortcode}/")
    received_at = graph.now()
    media = {
        "type": "ig_media",
        "id": media_id,
        "ig_id": ig["id"],
        "username": ig["username"],
        "caption": container["caption"],
        "media_type": {"REELS": "VIDEO", "STORIES": "IMAGE"}.get(container["media_type"], container["media_type"]),
        "media_product_type": {"REELS": "REELS", "STORIES": "STORY"}.get(container["media_type"], "FEED"),
        "permalink": permalink,
        "shortcode": shortcode,
        "created_at": received_at,
        "media": container["media"],
        "container_id": container["id"],
    }
    with sim.lock:
        container["published"] = True
        for child_id in container["children"]:
            graph.state(sim)["objects"][child_id]["published"] = True
        graph.state(sim)["objects"][media_id] = media
    sim.record_post(
        RecordedPost(
            network=INSTAGRAM,
            account_id=ig["id"],
            id=media_id,
            text=container["caption"],
            url=permalink,
            received_at=received_at,
            media=container["media"],
            body={k: v for k, v in params.items() if k != "access_token"},
            headers=dict(request.headers),
            extra={"media_type": container["media_type"], "container_id": container["id"], "shortcode": shortcode},
        )
    )
    return media


def _shortcode(media_id: str) -> str:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    number = int(hashlib.sha256(media_id.encode()).hexdigest()[:16], 16)
    code = ""
    while number:
        number, digit = divmod(number, 64)
        code = alphabet[digit] + code
    return code[:11]


def _ig_media_values(obj: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": obj["id"],
        "caption": obj["caption"] or None,
        "media_type": obj["media_type"],
        "media_product_type": obj["media_product_type"],
        "media_url": f"https://scontent.cdninstagram.com/v/{obj['id']}.jpg",
        "permalink": obj["permalink"],
        "shortcode": obj["shortcode"],
        "timestamp": graph.graph_time(obj["created_at"]),
        "username": obj["username"],
        "like_count": 0,
        "comments_count": 0,
        "is_comment_enabled": True,
        "owner": {"id": obj["ig_id"]},
        "alt_text": obj["media"][0]["alt_text"] or None if obj["media"] else None,
    }


# --- accounts --------------------------------------------------------------------------------------


def add_account(sim: Simulator, page_id: str, ig_id: str, username: str, name: str) -> dict[str, Any]:
    state = graph.state(sim)
    ig = {
        "id": ig_id,
        "username": username,
        "name": name,
        "page_id": page_id,
        "profile_picture_url": timeline.avatar_url(sim, "instagram", ig_id),
    }
    with sim.lock:
        state["ig"][ig_id] = ig
        state["pages"][page_id]["ig_id"] = ig_id
    sim.add_account(INSTAGRAM, ig_id, name=name, username=username, page_id=page_id)
    return ig


def expire_container(sim: Simulator, container_id: str) -> None:
    """Make an Instagram container 24 hours old: it answers EXPIRED and cannot be published."""
    with sim.lock:
        graph.state(sim)["objects"][container_id]["created_at"] -= CONTAINER_LIFETIME_S + 1
