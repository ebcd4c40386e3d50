"""The simulated Facebook: Facebook Login and Pages, on the Graph API.

Contract: ``docs/platform-contracts.md`` ("Facebook Pages"); written from it and Meta's public
Graph API documentation, never from our adapters. What both products share (versions, errors,
tokens, fields, paging, fetching, faults) is in :mod:`simulator.networks.graph`; Instagram's
containers are in :mod:`simulator.networks.instagram`, whose routes this module registers too,
since both are one Graph API under ``/facebook``.

What it does the way Graph does:

- OAuth: ``/dialog/oauth`` auto-consents as ``sim.store["facebook"]["consenting_account"]`` and
  redirects to ``redirect_uri`` with ``code`` and ``state`` (and Facebook's ``#_=_`` fragment).
  ``/oauth/access_token`` checks the client, the code (single use, 10 minutes) and the
  ``redirect_uri``, and answers a short-lived user token (1 hour); ``grant_type=fb_exchange_token``
  answers a long-lived one (60 days). Graph has no refresh tokens.
- ``/me/accounts`` lists the user's pages with page tokens: a long-lived user token gives page
  tokens that never expire, a short-lived one gives page tokens that die with it. Page tokens
  die when the user changes password or removes the app (``change_password``/``remove_app``, or
  ``DELETE /{user}/permissions``): code 190 with subcode 460/458. Publishing to a page needs that
  page's token (a user token or another page's token: code 200).
- Pages: ``/feed`` (message, link, ``attached_media[i]`` of unpublished photos), ``/photos``
  (``url`` fetched by the simulator, or multipart ``source``; ``published=false``), ``/videos``
  (``file_url``, multipart ``source``, or the resumable ``upload_phase=start|transfer|finish`` session,
  see ``_resumable_video``), ``/posts`` (from the record, ``since``/``until``/``limit``), and
  ``DELETE /{object}`` with the page's token (``{"success": true}``; the post leaves the record).
  Video status (``?fields=status``) answers ``processing`` on the first read, then ``ready``.
- Every accepted post is recorded under network ``"facebook"`` (account = page id), text exactly
  as shown (message or description), media with id, kind, content_type, size, sha256, alt_text.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from simulator import metrics, timeline
from simulator.core import SANDBOX_CLIENTS, Drop, IssuedToken, RecordedPost, Request, Response, Simulator
from simulator.networks import graph, instagram
from simulator.networks.graph import ALL_SCOPES, DEMO_IG, DEMO_PAGE, DEMO_USER, NETWORK

# Tests and tools have always reached the container clock here; it lives with Instagram now.
expire_container = instagram.expire_container

CODE_LIFETIME_S = 600
SHORT_LIVED_S = 3600
LONG_LIVED_S = 60 * 86400
MESSAGE_LIMIT = 63206
PHOTO_MAX_BYTES = 10 * 1024 * 1024
PHOTO_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "BMP": "image/bmp", "TIFF": "image/tiff"}

USER_FIELDS = {"id", "name", "picture", "email", "first_name", "last_name", "short_name"}
PAGE_FIELDS = {
    "id",
    "name",
    "access_token",
    "picture",
    "instagram_business_account",
    "category",
    "link",
    "fan_count",
    "followers_count",
    "tasks",
    "username",
    "about",
    "connected_instagram_account",
}
POST_FIELDS = {
    "id",
    "message",
    "created_time",
    "updated_time",
    "permalink_url",
    "status_type",
    "is_published",
    "full_picture",
    "from",
    "attachments",
    "story",
    "link",
    "shares",
    "privacy",
}
PHOTO_FIELDS = {"id", "name", "created_time", "link", "alt_text_custom", "page_story_id", "width", "height", "images"}
VIDEO_FIELDS = {"id", "title", "description", "created_time", "permalink_url", "status", "length", "published"}


# --- the routes ------------------------------------------------------------------------------------


def register(sim: Simulator) -> None:
    """Serve Facebook, then Instagram, under ``/facebook``, one concern at a time."""
    graph.state(sim)
    _register_login(sim)
    _register_node_reads(sim)
    _register_metrics_reads(sim)
    _register_page_publishing(sim)
    _register_revoke(sim)
    _register_page_read_back(sim)
    instagram.register(sim)
    graph.register_faults(sim)


def _register_login(sim: Simulator) -> None:
    """Facebook Login: the OAuth dialog, the token endpoint and the pages a person manages."""
    state = graph.state(sim)

    @graph.route(sim, "GET", "/{version}/dialog/oauth")
    def dialog(request: Request) -> Response:
        client_id = request.arg("client_id", "")
        redirect_uri = request.arg("redirect_uri", "")
        if client_id != SANDBOX_CLIENTS[NETWORK][0]:
            return Response(400, "<h1>Invalid App ID</h1><p>The provided app ID does not look like a valid app ID.</p>")
        if not redirect_uri or urlsplit(redirect_uri).scheme not in ("http", "https"):
            return Response(
                400,
                "<h1>URL Blocked</h1><p>This redirect failed because the redirect URI is not whitelisted in the "
                "app's Client OAuth Settings.</p>",
            )
        if request.fault is not None and request.fault.kind == "denied":
            return graph.denied(request)
        scopes = tuple(s for s in re.split(r"[,\s]+", request.arg("scope", "")) if s)
        user_id = state["consenting_account"]
        code = sim.tokens.issue(
            NETWORK,
            user_id,
            kind="code",
            expires_in=CODE_LIFETIME_S,
            scopes=scopes,
            redirect_uri=redirect_uri,
            client_id=client_id,
        )
        query = {"code": code}
        if request.arg("state") is not None:
            query["state"] = request.arg("state", "")
        return Response(302, headers={"Location": graph.with_query(redirect_uri, query) + "#_=_"})

    def access_token(request: Request) -> Response:
        params = graph.request_params(request)
        client_id, client_secret = SANDBOX_CLIENTS[NETWORK]
        if params.get("client_id") != client_id:
            return graph.graph_error("Error validating application. Invalid application ID.", code=101)
        if params.get("client_secret") != client_secret:
            return graph.graph_error("Error validating client secret.", code=1)
        if params.get("grant_type") == "fb_exchange_token":
            issued = sim.tokens.lookup(NETWORK, params.get("fb_exchange_token", ""))
            if issued is None or not graph.is_user(issued):
                return graph.graph_error("Invalid OAuth access token - Cannot parse access token", code=190)
            token = _issue_user_token(sim, issued.account_id, issued.scopes, long_lived=True)
            return graph.ok({"access_token": token, "token_type": "bearer", "expires_in": LONG_LIVED_S})
        code = params.get("code", "")
        if not code:
            return graph.graph_error("Missing authorization code", code=1)
        with sim.lock:
            used = code in state["used_codes"]
        if used:
            return graph.graph_error("This authorization code has been used.", code=100, subcode=36009)
        peeked = sim.tokens.peek(NETWORK, code)
        if peeked is None or peeked.kind != "code":
            return graph.graph_error("Invalid verification code format.", code=100)
        if peeked.extra.get("redirect_uri") != params.get("redirect_uri"):
            return graph.graph_error(
                "Error validating verification code. Please make sure your redirect_uri is identical to the one "
                "you used in the OAuth dialog request",
                code=100,
                subcode=36008,
            )
        issued = sim.tokens.consume(NETWORK, code, kind="code")
        if issued is None:
            return graph.graph_error("This authorization code has expired.", code=100, subcode=36007)
        with sim.lock:
            state["used_codes"].add(code)
        token = _issue_user_token(sim, issued.account_id, issued.scopes, long_lived=False)
        return graph.ok({"access_token": token, "token_type": "bearer", "expires_in": SHORT_LIVED_S})

    graph.route(sim, "GET", "/{version}/oauth/access_token")(access_token)
    graph.route(sim, "POST", "/{version}/oauth/access_token")(access_token)

    @graph.route(sim, "GET", "/{version}/me/accounts")
    def me_accounts(request: Request) -> Response:
        token = graph.authenticate(sim, request)
        if not graph.is_user(token):
            return graph.invalid("(#100) Tried accessing nonexisting field (accounts) on node type (Page)")
        spec = graph.parse_fields(request.arg("fields") or "id,name,access_token,category")
        user = state["users"].get(token.account_id, {})
        pages = []
        if "pages_show_list" in token.scopes:
            for page_id in user.get("pages", []):
                pages.append(_page_values(sim, state["pages"][page_id], spec, token))
        return graph.ok(graph.paged(request, pages))


def _register_node_reads(sim: Simulator) -> None:
    """``GET /{node}``: a person, a page, an Instagram account or any object either product made."""
    state = graph.state(sim)

    @graph.route(sim, "GET", "/{version}/{node}")
    def read_node(request: Request) -> Response:
        token = graph.authenticate(sim, request)
        node = token.account_id if request.params["node"] == "me" else request.params["node"]
        fields = request.arg("fields")
        if node in state["users"]:
            if not (graph.is_user(token) and token.account_id == node):
                return graph.no_object(node)
            user = state["users"][node]
            values = {"id": node, "name": user["name"], "picture": _picture_field(user.get("picture", ""))}
            return graph.ok(graph.render("User", values, graph.parse_fields(fields or "id,name"), USER_FIELDS))
        if node in state["pages"]:
            if not graph.manages(sim, token, node):
                return graph.no_object(node)
            return graph.ok(_page_values(sim, state["pages"][node], graph.parse_fields(fields or "id,name"), token))
        if node in state["ig"]:
            return graph.ok(instagram.read_account(sim, token, node, fields))
        obj = state["objects"].get(node)
        if obj is None or not graph.can_read(sim, token, obj):
            return graph.no_object(node)
        return graph.ok(_object_values(sim, request, obj, fields))


# Page post insights after the November 2025 change ("impressions" became "views"), and Instagram
# media insights after April 2025 (``impressions``/``plays`` gone, ``views`` instead).
PAGE_POST_METRICS = {"post_media_view": "views", "post_total_media_view_unique": "reach", "post_clicks": "clicks"}
IG_MEDIA_METRICS = {
    "views": "views",
    "reach": "reach",
    "likes": "likes",
    "comments": "comments",
    "shares": "shares",
    "saved": "saves",
    "total_interactions": None,
}
RETIRED_METRICS = {"post_impressions", "post_impressions_unique", "impressions", "plays", "video_views"}
IDS_LIMIT = 50


def _top_level(spec: str) -> list[str]:
    """Split a ``fields`` value at the commas outside ``(...)`` and ``{...}``."""
    parts, depth, current = [], 0, ""
    for char in spec:
        if char in "({":
            depth += 1
        elif char in ")}":
            depth -= 1
        if char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    if current.strip():
        parts.append(current.strip())
    return parts


def _register_metrics_reads(sim: Simulator) -> None:
    """``GET /{version}/?ids=a,b&fields=...``: several objects in one request (at most 50), with the
    field expansions analytics uses: ``insights.metric(...)``, ``reactions.summary(total_count)``,
    ``comments.summary(total_count)`` and ``shares``. One unreadable id fails the whole request."""
    state = graph.state(sim)

    @graph.route(sim, "GET", "/{version}/")
    def read_many(request: Request) -> Response:
        token = graph.authenticate(sim, request)
        ids = [i for i in (request.arg("ids") or "").split(",") if i]
        if not ids:
            return graph.invalid("(#100) The parameter ids is required")
        if len(ids) > IDS_LIMIT:
            return graph.invalid(f"(#100) Too many IDs. Maximum: {IDS_LIMIT}. Got: {len(ids)}.")
        page = token.account_id if token.extra.get("type") == "page" else ""
        posts = {
            **metrics.posts_by_id(sim, NETWORK, ids, owner=page),
            **metrics.posts_by_id(sim, graph.INSTAGRAM, ids),
        }
        missing = [i for i in ids if i not in posts or not _may_read_post(sim, token, posts[i])]
        if missing:
            return graph.invalid(
                f"(#803) Some of the aliases you requested do not exist: {','.join(missing)}", code=803
            )
        fields = _top_level(request.arg("fields") or "id")
        return graph.ok({i: _post_figures(state, posts[i], fields) for i in ids})


def _may_read_post(sim: Simulator, token: IssuedToken, post: RecordedPost) -> bool:
    if post.network == NETWORK:
        return graph.manages(sim, token, post.account_id)
    ig = graph.state(sim)["ig"].get(post.account_id)
    return ig is not None and graph.manages(sim, token, ig["page_id"])


def _post_figures(state: dict[str, Any], post: RecordedPost, fields: list[str]) -> dict[str, Any]:
    values = metrics.figures(post.id, post.received_at)
    known = PAGE_POST_METRICS if post.network == NETWORK else IG_MEDIA_METRICS
    answer: dict[str, Any] = {"id": post.id}
    for field in fields:
        name = field.split(".")[0].split("{")[0]
        if name == "id":
            continue
        if name == "insights":
            match = re.search(r"metric\(([^)]*)\)", field)
            wanted = [m.strip() for m in (match[1] if match else "").split(",") if m.strip()]
            retired = [m for m in wanted if m in RETIRED_METRICS or m not in known]
            if retired:
                raise graph.Fail(graph.invalid(f"(#100) The value must be a valid insights metric: {retired[0]}"))
            data = []
            for metric in wanted:
                ours = known[metric]
                value = values.get(ours, 0) if ours else values["likes"] + values["comments"] + values["shares"]
                data.append(
                    {
                        "name": metric,
                        "period": "lifetime",
                        "values": [{"value": value}],
                        "title": metric.replace("_", " ").capitalize(),
                        "id": f"{post.id}/insights/{metric}/lifetime",
                    }
                )
            answer["insights"] = {"data": data}
        elif name in ("reactions", "comments") and post.network == NETWORK:
            total = values["likes"] if name == "reactions" else values["comments"]
            answer[name] = {"data": [], "summary": {"total_count": total}}
        elif name == "shares" and post.network == NETWORK:
            if values["shares"]:  # Graph leaves the field out when nobody shared the post
                answer["shares"] = {"count": values["shares"]}
        elif name in ("like_count", "comments_count") and post.network == graph.INSTAGRAM:
            answer[name] = values["likes" if name == "like_count" else "comments"]
        else:
            kind = "PagePost" if post.network == NETWORK else "IGMedia"
            raise graph.Fail(graph.invalid(f"(#100) Tried accessing nonexisting field ({name}) on node type ({kind})"))
    return answer


def _register_page_publishing(sim: Simulator) -> None:
    """Posting to a page: text and links, photos, videos (whole or resumable)."""
    state = graph.state(sim)

    @graph.route(sim, "POST", "/{version}/{node}/feed")
    def feed(request: Request) -> Response:
        token = graph.authenticate(sim, request)
        page = _page_for_publishing(sim, token, request.params["node"])
        params = graph.request_params(request)
        message = params.get("message", "")
        link = params.get("link", "")
        if len(message) > MESSAGE_LIMIT:
            return graph.invalid("(#100) The message is too long: it can be at most 63206 characters")
        if link and urlsplit(link).scheme not in ("http", "https"):
            return graph.invalid("(#100) The link parameter must be a valid URL", subcode=1349125)
        photos = _attached_photos(sim, page, params)
        if not (message or link or photos):
            return graph.invalid("(#100) Missing message or attachment")
        media = [photo["media"] for photo in photos]
        post = _new_page_post(sim, request, page, message, media, params, kind="status", link=link)
        with sim.lock:
            for photo in photos:
                photo["attached_to"] = post["id"]
        return graph.ok({"id": post["id"]})

    @graph.route(sim, "POST", "/{version}/{node}/photos")
    def photos(request: Request) -> Response:
        token = graph.authenticate(sim, request)
        page = _page_for_publishing(sim, token, request.params["node"])
        params = graph.request_params(request)
        upload = request.files().get("source")
        if upload is not None:
            data, source_url = upload.data, ""
        elif params.get("url"):
            try:
                data, _ = graph.fetch(sim, params["url"], PHOTO_MAX_BYTES)
            except graph.FetchFailed:
                return graph.invalid("(#324) Missing or invalid image file", code=324)
            source_url = params["url"]
        else:
            return graph.invalid("(#324) Requires upload file", code=324)
        if len(data) > PHOTO_MAX_BYTES:
            return graph.invalid("(#100) The photo is too large: photos can be at most 10 MB")
        info = graph.image_info(data)
        if info is None or info[0] not in PHOTO_FORMATS:
            return graph.invalid("(#324) Missing or invalid image file", code=324)
        image_format, width, height = info
        media = graph.media_entry(
            sim,
            data,
            kind="gif" if image_format == "GIF" else "image",
            content_type=PHOTO_FORMATS[image_format],
            alt_text=params.get("alt_text_custom", ""),
            source_url=source_url,
            width=width,
            height=height,
        )
        photo_id = media["id"]
        photo = {
            "type": "photo",
            "id": photo_id,
            "page_id": page["id"],
            "caption": params.get("message", "") or params.get("caption", ""),
            "media": media,
            "published": params.get("published", "true").lower() != "false",
            "created_at": graph.now(),
            "attached_to": None,
        }
        with sim.lock:
            state["objects"][photo_id] = photo
        if not photo["published"]:
            return graph.ok({"id": photo_id})
        post = _new_page_post(sim, request, page, photo["caption"], [media], params, kind="photo")
        photo["attached_to"] = post["id"]
        return graph.ok({"id": photo_id, "post_id": post["id"]})

    @graph.route(sim, "POST", "/{version}/{node}/videos")
    def videos(request: Request) -> Response:
        token = graph.authenticate(sim, request)
        page = _page_for_publishing(sim, token, request.params["node"])
        params = graph.request_params(request)
        if params.get("upload_phase"):
            if params.get("file_url"):
                return graph.invalid("(#100) file_url cannot be used with upload_phase")
            return _resumable_video(sim, request, page, params)
        upload = request.files().get("source")
        if upload is not None:
            data, content_type, source_url = upload.data, upload.content_type, ""
        elif params.get("file_url"):
            try:
                data, content_type = graph.fetch(sim, params["file_url"], graph.FETCH_MAX_BYTES)
            except graph.FetchFailed:
                return graph.graph_error(
                    "There was a problem uploading your video file. Please try again.", code=390, subcode=1363030
                )
            source_url = params["file_url"]
        else:
            return graph.graph_error(
                "There was a problem uploading your video file. Please try again with another file.",
                code=352,
                user_title="Video Upload Is Missing",
                user_msg="The video you tried uploading could not be found.",
            )
        if not data:
            return graph.graph_error("There was a problem uploading your video file. Please try again.", code=6000)
        video = _new_video(sim, request, page, params, data, content_type=content_type, source_url=source_url)
        return graph.ok({"id": video["id"]})


def _register_revoke(sim: Simulator) -> None:
    """Withdrawing a person's login from the app."""
    state = graph.state(sim)

    @graph.route(sim, "DELETE", "/{version}/{node}/permissions")
    def delete_permissions(request: Request) -> Response:
        """``DELETE /{user-id}/permissions``: the person's login no longer grants the app anything. Takes
        the person's own user token or the app token ``{app-id}|{app-secret}``; every token of theirs
        and their pages then answers 190/458, as when they remove the app themselves."""
        node = request.params["node"]
        app_id, app_secret = SANDBOX_CLIENTS[NETWORK]
        if request.bearer_token() != f"{app_id}|{app_secret}":
            token = graph.authenticate(sim, request)
            if not (graph.is_user(token) and node in (token.account_id, "me")):
                return graph.no_object(node, "delete")
            node = token.account_id
        if node not in state["users"]:
            return graph.no_object(node, "delete")
        remove_app(sim, node)
        return graph.ok({"success": True})


def _register_page_read_back(sim: Simulator) -> None:
    """Reading a page's posts back, and deleting one."""
    state = graph.state(sim)

    @graph.route(sim, "DELETE", "/{version}/{node}")
    def delete_node(request: Request) -> Response:
        """Graph's ``DELETE /{photo-id}``, ``/{post-id}`` or ``/{video-id}`` with the page's token."""
        token = graph.authenticate(sim, request)
        node = request.params["node"]
        obj = state["objects"].get(node)
        if obj is None or "page_id" not in obj or not graph.can_read(sim, token, obj):
            return graph.no_object(node, "delete")
        if token.extra.get("type") != "page" or token.account_id != obj["page_id"]:
            return graph.page_permission_error()
        with sim.lock:
            state["objects"].pop(node, None)
            # A deleted post leaves the page (and the record), as it leaves the page's feed on Facebook.
            gone = {node, obj.get("attached_to") or "", obj.get("post_id") or ""} - {""}
            sim.posts[:] = [p for p in sim.posts if not (p.network == NETWORK and p.id in gone)]
            for post_id in gone - {node}:
                state["objects"].pop(post_id, None)
        return graph.ok({"success": True})

    def page_posts(request: Request) -> Response:
        token = graph.authenticate(sim, request)
        node = token.account_id if request.params["node"] == "me" else request.params["node"]
        if not graph.manages(sim, token, node):
            return graph.no_object(node)
        since = graph.parse_time(request.arg("since"), "since")
        until = graph.parse_time(request.arg("until"), "until")
        spec = graph.parse_fields(request.arg("fields") or "created_time,message,id")
        graph.check_fields("PagePost", spec, POST_FIELDS)
        posts = sorted(sim.posts_for(NETWORK, node), key=lambda p: p.received_at, reverse=True)
        items = []
        for post in posts:
            at = post.received_at.timestamp()
            if (since is not None and at < since) or (until is not None and at > until):
                continue
            obj = state["objects"].get(post.id)
            if obj is not None:
                items.append(graph.render("PagePost", _post_values(obj), spec, POST_FIELDS))
        return graph.ok(graph.paged(request, items))

    for edge in ("posts", "feed", "published_posts"):
        graph.route(sim, "GET", "/{version}/{node}/" + edge)(page_posts)


# --- helpers used by the routes -------------------------------------------------------------------


def _issue_user_token(sim: Simulator, user_id: str, scopes: tuple[str, ...], *, long_lived: bool) -> str:
    lifetime = LONG_LIVED_S if long_lived else SHORT_LIVED_S
    return sim.tokens.issue(NETWORK, user_id, expires_in=lifetime, scopes=scopes, type="user", long_lived=long_lived)


def _page_token(sim: Simulator, user_token: IssuedToken, page_id: str) -> str:
    """A page token as /me/accounts gives it: never expiring when asked with a long-lived user token."""
    state = graph.state(sim)
    if user_token.extra.get("long_lived"):
        key = (user_token.account_id, page_id)
        with sim.lock:
            token = state["page_tokens"].get(key)
            if token and sim.tokens.lookup(NETWORK, token):
                return token
            token = sim.tokens.issue(
                NETWORK, page_id, scopes=user_token.scopes, type="page", user_id=user_token.account_id
            )
            state["page_tokens"][key] = token
            return token
    remaining = None if user_token.expires_at is None else max(user_token.expires_at - time.time(), 1)
    return sim.tokens.issue(
        NETWORK, page_id, expires_in=remaining, scopes=user_token.scopes, type="page", user_id=user_token.account_id
    )


def _page_for_publishing(sim: Simulator, token: IssuedToken, node: str, *, method: str = "post") -> dict[str, Any]:
    page = graph.state(sim)["pages"].get(node)
    if page is None:
        raise graph.Fail(graph.no_object(node, method))
    if token.extra.get("type") != "page" or token.account_id != node:
        raise graph.Fail(graph.page_permission_error())
    if not {"pages_manage_posts", "pages_read_engagement"} <= set(token.scopes):
        raise graph.Fail(graph.page_permission_error())
    return page


def _picture_field(url: str) -> Callable[[dict | None], dict]:
    return lambda sub: {"data": {"height": 50, "is_silhouette": False, "url": url, "width": 50}}


def _page_values(sim: Simulator, page: dict[str, Any], spec: dict[str, dict | None], token: IssuedToken) -> dict:
    def ig_field(sub: dict | None) -> dict | None:
        ig = graph.state(sim)["ig"].get(page.get("ig_id") or "")
        return None if ig is None else instagram.account_values(ig, sub)

    values: dict[str, Any] = {
        "id": page["id"],
        "name": page["name"],
        "category": "Medical & Health",
        "link": f"https://www.facebook.com/{page['id']}",
        "fan_count": 0,
        "followers_count": metrics.followers(page["id"]),
        "tasks": ["ADVERTISE", "ANALYZE", "CREATE_CONTENT", "MESSAGING", "MODERATE", "MANAGE"],
        "picture": _picture_field(page["picture"]),
        "instagram_business_account": ig_field if page.get("ig_id") else None,
        "connected_instagram_account": ig_field if page.get("ig_id") else None,
    }
    if graph.is_user(token) and token.account_id in page["users"]:
        values["access_token"] = _page_token(sim, token, page["id"])
    return graph.render("Page", values, spec, PAGE_FIELDS)


def _attached_photos(sim: Simulator, page: dict[str, Any], params: dict[str, str]) -> list[dict[str, Any]]:
    entries: list[tuple[str, str]] = []
    if params.get("attached_media"):
        try:
            listed = json.loads(params["attached_media"])
        except ValueError:
            raise graph.Fail(graph.invalid("(#100) param attached_media must be an array")) from None
        entries = [(f"attached_media[{i}]", json.dumps(item)) for i, item in enumerate(listed)]
    indexed = sorted(
        ((int(m[1]), key) for key in params if (m := re.fullmatch(r"attached_media\[(\d+)\]", key))),
    )
    entries += [(key, params[key]) for _, key in indexed]
    photos = []
    for key, raw in entries:
        try:
            fbid = str(json.loads(raw)["media_fbid"])
        except (ValueError, KeyError, TypeError):
            raise graph.Fail(graph.invalid(f"(#100) param {key} must be a JSON object with a media_fbid")) from None
        photo = graph.state(sim)["objects"].get(fbid)
        if photo is None or photo["type"] != "photo" or photo["page_id"] != page["id"]:
            raise graph.Fail(graph.invalid(f"(#100) param {key} has invalid media_fbid {fbid}"))
        if photo["published"] or photo["attached_to"]:
            raise graph.Fail(graph.invalid(f"(#100) The photo {fbid} is already published and cannot be attached"))
        photos.append(photo)
    if len(photos) > 100:
        raise graph.Fail(graph.invalid("(#100) A post can have at most 100 photos"))
    return photos


def _new_page_post(
    sim: Simulator,
    request: Request,
    page: dict[str, Any],
    message: str,
    media: list[dict[str, Any]],
    params: dict[str, str],
    *,
    kind: str,
    link: str = "",
    url: str = "",
    **extra: Any,
) -> dict[str, Any]:
    post_number = graph.fbid(sim)
    post_id = f"{page['id']}_{post_number}"
    received_at = graph.now()
    url = url or timeline.web_url(sim, NETWORK, f"/{page['id']}/posts/{post_number}")
    post = {
        "type": "post",
        "id": post_id,
        "page_id": page["id"],
        "message": message,
        "link": link,
        "status_type": {"status": "mobile_status_update", "photo": "added_photos", "video": "added_video"}[kind],
        "created_at": received_at,
        "permalink_url": url,
        "media": media,
    }
    if kind == "status" and media:
        post["status_type"] = "added_photos"
    with sim.lock:
        graph.state(sim)["objects"][post_id] = post
    sim.record_post(
        RecordedPost(
            network=NETWORK,
            account_id=page["id"],
            id=post_id,
            text=message,
            url=url,
            received_at=received_at,
            media=media,
            body={k: v for k, v in params.items() if k != "access_token"},
            headers=dict(request.headers),
            extra={"kind": kind, "link": link, **extra},
        )
    )
    return post


def _new_video(
    sim: Simulator,
    request: Request,
    page: dict[str, Any],
    params: dict[str, str],
    data: bytes,
    *,
    content_type: str = "",
    source_url: str = "",
    video_id: str = "",
) -> dict[str, Any]:
    """A page video and the post that shows it, as ``/videos`` creates them."""
    media = graph.media_entry(sim, data, kind="video", content_type=content_type or "video/mp4", source_url=source_url)
    if video_id:
        media["id"] = video_id
    description = params.get("description", "")
    video = {
        "type": "video",
        "id": media["id"],
        "page_id": page["id"],
        "description": description,
        "title": params.get("title", ""),
        "media": media,
        "created_at": graph.now(),
        "status_reads": 0,
        "playable": graph.is_mp4(data),
    }
    with sim.lock:
        graph.state(sim)["objects"][video["id"]] = video
    post = _new_page_post(
        sim,
        request,
        page,
        description,
        [media],
        params,
        kind="video",
        url=timeline.web_url(sim, NETWORK, f"/{page['id']}/videos/{video['id']}/"),
        title=video["title"],
        video_id=video["id"],
    )
    video["post_id"] = post["id"]
    return video


# --- resumable video upload --------------------------------------------------------------------------
#
# Graph's chunked protocol on ``/{page}/videos`` (developers.facebook.com/docs/video-api/guides/publishing,
# "Resumable Upload"): ``upload_phase=start`` with ``file_size`` opens a session and answers
# ``upload_session_id``, ``video_id`` and the first chunk's ``start_offset``/``end_offset`` (as strings);
# each ``upload_phase=transfer`` sends ``upload_session_id``, ``start_offset`` and the bytes as the multipart
# file ``video_file_chunk`` and is answered with the next chunk's offsets (equal offsets: all received);
# ``upload_phase=finish`` with ``upload_session_id`` and the post's ``title``/``description`` publishes and
# answers ``{"success": true}``. A chunk sent at the wrong offset (a resend after a lost answer) is refused
# with subcode 1363037 and ``error_data`` giving the offsets the network wants next.

VIDEO_CHUNK_BYTES = 4 * 1024 * 1024  # the network chooses the chunk size; tests make it smaller
UPLOAD_SESSION_LIFETIME_S = 86400


def _sessions(sim: Simulator) -> dict[str, dict[str, Any]]:
    with sim.lock:
        return graph.state(sim).setdefault("upload_sessions", {})


def _chunk_offsets(sim: Simulator, session: dict[str, Any]) -> dict[str, str]:
    received = len(session["data"])
    chunk = graph.state(sim).get("video_chunk_bytes", VIDEO_CHUNK_BYTES)
    return {"start_offset": str(received), "end_offset": str(min(received + chunk, session["file_size"]))}


def _upload_failed(message: str, *, subcode: int | None = None, **error_data: Any) -> Response:
    response = graph.graph_error(message, code=6001 if subcode == 1363037 else 6000, subcode=subcode)
    if error_data:
        assert isinstance(response.body, dict)
        response.body["error"]["error_data"] = {k: str(v) for k, v in error_data.items()}
    return response


def _resumable_video(sim: Simulator, request: Request, page: dict[str, Any], params: dict[str, str]) -> Response:
    phase = params["upload_phase"]
    sessions = _sessions(sim)
    if phase == "start":
        try:
            file_size = int(params.get("file_size", ""))
        except ValueError:
            file_size = 0
        if file_size <= 0:
            return graph.invalid("(#100) Param file_size must be a positive integer")
        session_id, video_id = graph.fbid(sim), graph.fbid(sim)
        session = {
            "id": session_id,
            "video_id": video_id,
            "page_id": page["id"],
            "file_size": file_size,
            "data": bytearray(),
            "created_at": time.time(),
            "finished": False,
        }
        with sim.lock:
            sessions[session_id] = session
        return graph.ok({"upload_session_id": session_id, "video_id": video_id, **_chunk_offsets(sim, session)})
    session = sessions.get(params.get("upload_session_id", ""))
    if (
        session is None
        or session["page_id"] != page["id"]
        or time.time() - session["created_at"] > UPLOAD_SESSION_LIFETIME_S
    ):
        return graph.invalid("(#100) Invalid upload_session_id", subcode=1363020)
    if session["finished"]:
        return graph.invalid("(#100) This upload session has already finished", subcode=1363021)
    if phase == "transfer":
        chunk = request.files().get("video_file_chunk")
        if chunk is None:
            return _upload_failed("There was a problem uploading your video file. Please try again.", subcode=1363030)
        with sim.lock:
            expected = _chunk_offsets(sim, session)
            if params.get("start_offset") != expected["start_offset"]:
                return _upload_failed(
                    "Your video upload timed out before it could be completed. This is probably because of a slow "
                    "network connection or because the video you're trying to upload is too large. Please try again.",
                    subcode=1363037,
                    **expected,
                )
            if len(session["data"]) + len(chunk.data) > session["file_size"]:
                return _upload_failed("The video file you sent is larger than file_size.", subcode=1363019)
            session["data"] += chunk.data
            offsets = _chunk_offsets(sim, session)
        drops = graph.state(sim).setdefault("drop_chunks_at", set())
        if int(expected["start_offset"]) in drops:
            drops.discard(int(expected["start_offset"]))
            raise Drop()
        return graph.ok(offsets)
    if phase == "finish":
        with sim.lock:
            if len(session["data"]) != session["file_size"]:
                return _upload_failed(
                    "There was a problem uploading your video file. Please try again.",
                    subcode=1363019,
                    **_chunk_offsets(sim, session),
                )
            session["finished"] = True
        _new_video(sim, request, page, params, bytes(session["data"]), video_id=session["video_id"])
        return graph.ok({"success": True})
    return graph.invalid(f"(#100) upload_phase must be one of {{start, transfer, finish}}, not {phase!r}")


def drop_video_chunk_at(sim: Simulator, start_offset: int) -> None:
    """Accept the resumable-upload chunk that starts at ``start_offset``, then hang up before answering."""
    with sim.lock:
        graph.state(sim).setdefault("drop_chunks_at", set()).add(start_offset)


def set_video_chunk_size(sim: Simulator, size: int) -> None:
    """The chunk size the network asks for in ``end_offset`` (4 MiB by default)."""
    with sim.lock:
        graph.state(sim)["video_chunk_bytes"] = size


# --- reading objects back ---------------------------------------------------------------------------


def _post_values(post: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": post["id"],
        "message": post["message"] or None,
        "created_time": graph.graph_time(post["created_at"]),
        "updated_time": graph.graph_time(post["created_at"]),
        "permalink_url": post["permalink_url"],
        "status_type": post["status_type"],
        "is_published": True,
        "link": post["link"] or None,
        "from": {"id": post["page_id"]},
    }


def _object_values(sim: Simulator, request: Request, obj: dict[str, Any], fields: str | None) -> dict[str, Any]:
    """``GET /{object}``: a page's post, photo or video here; Instagram's objects in its module."""
    kind = obj["type"]
    if kind == "post":
        return graph.render(
            "PagePost", _post_values(obj), graph.parse_fields(fields or "created_time,message,id"), POST_FIELDS
        )
    if kind == "photo":
        values = {
            "id": obj["id"],
            "name": obj["caption"] or None,
            "created_time": graph.graph_time(obj["created_at"]),
            "link": f"https://www.facebook.com/photo.php?fbid={obj['id']}",
            "alt_text_custom": obj["media"]["alt_text"] or None,
            "page_story_id": obj["attached_to"],
            "width": obj["media"]["width"],
            "height": obj["media"]["height"],
        }
        return graph.render("Photo", values, graph.parse_fields(fields or "created_time,id"), PHOTO_FIELDS)
    if kind == "video":
        spec = graph.parse_fields(fields or "id,created_time,updated_time,description")
        values = {
            "id": obj["id"],
            "title": obj["title"] or None,
            "description": obj["description"] or None,
            "created_time": graph.graph_time(obj["created_at"]),
            "permalink_url": f"/{obj['page_id']}/videos/{obj['id']}/",
            "published": True,
        }
        if "status" in spec:
            fault = request.fault
            if fault is not None and fault.kind == "processing_failed":
                obj["playable"] = False
            obj["status_reads"] += 1
            if not obj["playable"]:
                video_status, progress = "error", 0
            elif obj["status_reads"] == 1:
                video_status, progress = "processing", 50
            else:
                video_status, progress = "ready", 100
            values["status"] = {
                "video_status": video_status,
                "processing_progress": progress,
                "uploading_phase": {"status": "complete"},
                "processing_phase": {
                    "status": {"ready": "complete", "error": "error"}.get(video_status, "in_progress")
                },
            }
        return graph.render("Video", values, spec, VIDEO_FIELDS | {"updated_time"})
    return instagram.read_object(request, obj, fields)


# --- accounts --------------------------------------------------------------------------------------


def _add_user(sim: Simulator, user_id: str, name: str) -> dict[str, Any]:
    user = {"id": user_id, "name": name, "pages": [], "picture": timeline.avatar_url(sim, "facebook", user_id)}
    with sim.lock:
        graph.state(sim)["users"][user_id] = user
    return user


def _add_page(sim: Simulator, user_id: str, page_id: str, name: str) -> dict[str, Any]:
    state = graph.state(sim)
    page = {
        "id": page_id,
        "name": name,
        "ig_id": "",
        "users": [user_id],
        "picture": timeline.avatar_url(sim, NETWORK, page_id),
    }
    with sim.lock:
        state["pages"][page_id] = page
        state["users"][user_id]["pages"].append(page_id)
    sim.add_account(NETWORK, page_id, name=name, kind="page", user_id=user_id)
    return page


def seed_demo(sim: Simulator) -> None:
    """The demo user, their page "Demo Clinic" and its Instagram account, with fixed tokens."""
    _add_user(sim, DEMO_USER["id"], DEMO_USER["name"])
    _add_page(sim, DEMO_USER["id"], DEMO_PAGE["id"], DEMO_PAGE["name"])
    instagram.add_account(sim, DEMO_PAGE["id"], DEMO_IG["id"], DEMO_IG["username"], DEMO_IG["name"])
    sim.tokens.issue(
        NETWORK, DEMO_USER["id"], scopes=ALL_SCOPES, value="sandbox-facebook-access", type="user", long_lived=True
    )
    page_token = sim.tokens.issue(
        NETWORK,
        DEMO_PAGE["id"],
        scopes=ALL_SCOPES,
        value="sandbox-facebook-page-access",
        type="page",
        user_id=DEMO_USER["id"],
    )
    with sim.lock:
        graph.state(sim)["page_tokens"][(DEMO_USER["id"], DEMO_PAGE["id"])] = page_token


def new_account(
    sim: Simulator,
    *,
    name: str = "Test Physician",
    page_name: str = "Test Clinic",
    ig_username: str | None = None,
    with_instagram: bool = True,
    scopes: tuple[str, ...] = ALL_SCOPES,
    long_lived: bool = True,
) -> dict[str, str]:
    """A fresh user with one page (and its Instagram account) and realistic tokens.

    ``access_token`` is the user token (60 days, or 1 hour when ``long_lived`` is false);
    ``page_token`` is what ``/me/accounts`` gives for the page. Graph has no refresh tokens.
    """
    user_id = graph.fbid(sim, "10")
    page_id = graph.fbid(sim, "20")
    _add_user(sim, user_id, name)
    _add_page(sim, user_id, page_id, page_name)
    user_token = _issue_user_token(sim, user_id, scopes, long_lived=long_lived)
    issued = sim.tokens.lookup(NETWORK, user_token)
    assert issued is not None
    account = {
        "id": user_id,
        "name": name,
        "access_token": user_token,
        "refresh_token": "",
        "page_id": page_id,
        "page_name": page_name,
        "page_token": _page_token(sim, issued, page_id),
        "ig_id": "",
        "ig_username": "",
    }
    if with_instagram:
        ig_id = graph.fbid(sim, "178414")
        username = ig_username or f"clinic{ig_id[-6:]}"
        instagram.add_account(sim, page_id, ig_id, username, page_name)
        account.update(ig_id=ig_id, ig_username=username)
    return account


def set_consenting_account(sim: Simulator, user_id: str) -> None:
    with sim.lock:
        graph.state(sim)["consenting_account"] = user_id


def change_password(sim: Simulator, user_id: str) -> None:
    """The user changed their Facebook password: every token of theirs and their pages dies (190/460)."""
    _kill_tokens(sim, user_id, 460)


def remove_app(sim: Simulator, user_id: str) -> None:
    """The user removed our app: every token of theirs and their pages dies (190/458)."""
    _kill_tokens(sim, user_id, 458)


def _kill_tokens(sim: Simulator, user_id: str, subcode: int) -> None:
    state = graph.state(sim)
    owners = {user_id, *state["users"].get(user_id, {}).get("pages", [])}
    with sim.tokens._lock:  # noqa: SLF001 - the store has no "list tokens" call; read under its lock
        doomed = [
            token
            for token, issued in sim.tokens._tokens.items()  # noqa: SLF001
            if issued.network == NETWORK and issued.account_id in owners and issued.kind == "access"
        ]
    for token in doomed:
        issued = sim.tokens.peek(NETWORK, token)
        if issued is not None and (issued.account_id == user_id or issued.extra.get("user_id") == user_id):
            sim.tokens.revoke(token)
            with sim.lock:
                state["dead_tokens"][token] = subcode
