"""LinkedIn: member and organization (page) posts through the versioned Posts API.

Targets the ``/rest`` API with ``LinkedIn-Version`` from settings (``LINKEDIN_VERSION``,
``YYYYMM``) and Rest.li protocol 2.0.0; OAuth is LinkedIn's 3-legged flow on
``LINKEDIN_WWW_URL`` (``/oauth/v2/authorization``, ``/oauth/v2/accessToken``).

What python-linkedin-v2 (0.9.4) is used for, and where plain ``requests`` took over:

- ``LinkedInAuthentication.authorization_url`` builds the consent URL (its hard-coded
  ``/uas/oauth2`` address is replaced on the instance by the configured one).
- Its ``get_access_token`` is not used: it keeps only the access token and its lifetime,
  dropping ``refresh_token`` and ``refresh_token_expires_in``, and posts with a module-level
  ``requests`` call. The token exchange and refresh go through our ``TimeoutSession``.
- ``LinkedInApplication.make_request`` is not used: it always adds the token as an
  ``oauth2_access_token`` query parameter. LinkedIn's ``/rest`` API wants
  ``Authorization: Bearer`` (both at once is refused as "multiple authentication schemes"),
  and a token in the URL ends up in proxy logs and in ``requests``' exception messages. It
  also forces ``Content-Type: application/json`` on every request (wrong for uploads) and
  has no session to share. Every API call here is a plain request on one ``TimeoutSession``.

Errors: 401 → AuthExpired; 426 ``NONEXISTENT_VERSION`` → Rejected telling the admin to move
``LINKEDIN_VERSION``; 429 → RateLimited at ``Retry-After`` or, as LinkedIn's daily quotas
do, the next midnight UTC; 5xx, timeouts and connection errors → Transient (with
``outcome_unknown`` when the create request may have reached LinkedIn); everything else
→ Rejected with LinkedIn's message and ``x-li-uuid``.
"""

from __future__ import annotations

import os
import re
import time
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote, urlsplit

import requests
from linkedin_v2.linkedin import LinkedInAuthentication

from platforms.base import (
    Adapter,
    AuthExpired,
    AuthorizationRequest,
    Credentials,
    Draft,
    Identity,
    Limits,
    MediaItem,
    NetworkConfig,
    Problem,
    Published,
    RateLimited,
    Rejected,
    RemotePost,
    TextCount,
    Tokens,
    Transient,
    gettext_noop,
    new_state,
)
from platforms.description import LINKEDIN, with_link
from platforms.http import TimeoutSession, json_body, may_have_arrived, request_id

# "Little text": these characters mean something in `commentary` and must be escaped with a
# backslash when meant literally. LinkedIn accepts a post with an unescaped one and silently
# cuts the text there.
RESERVED = frozenset("\\|{}@[]()<>#*_~")
_ESCAPED = re.compile(r"\\([\\|{}@\[\]()<>#*_~])")

# LinkedIn offers no error code for these; they are matched in the message, in one place.
DUPLICATE_MARKERS = ("duplicate",)

MEMBER_SCOPES = ("openid", "profile", "email", "w_member_social")
# Posting as a page needs the Community Management product on the LinkedIn app; asking an app
# without it for these scopes fails at consent, so ``config.options["organization_pages"]``
# (settings: LINKEDIN_ORGANIZATION_PAGES) can turn them off.
ORGANIZATION_SCOPES = ("w_organization_social", "r_organization_admin")


def escape_little_text(text: str) -> str:
    """``text`` as LinkedIn's ``commentary``: every reserved character escaped, except the
    ``#`` of a hashtag (a ``#`` directly followed by a letter), which must stay bare."""
    out = []
    for index, char in enumerate(text):
        if char == "#" and index + 1 < len(text) and text[index + 1].isalpha():
            out.append(char)
        elif char in RESERVED:
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


def unescape_little_text(commentary: str) -> str:
    """The text a person sees for a ``commentary`` we wrote (the inverse of escaping)."""
    return _ESCAPED.sub(r"\1", commentary)


class LinkedIn(Adapter):
    network = "linkedin"
    metrics_batch = 100  # ids in one socialMetadata BATCH_GET and one share-statistics finder (verify)
    description = LINKEDIN
    apps_settings_url = "https://www.linkedin.com/mypreferences/d/data-sharing-for-permitted-services"
    default_www_url = "https://www.linkedin.com"
    limits = Limits(
        text_length=3000,
        counting="characters",
        max_images=20,
        max_videos=1,
        image_types=("image/jpeg", "image/png", "image/gif"),
        video_types=("video/mp4",),
        # LinkedIn documents a pixel cap for images, not a byte cap; this only stops absurd files.
        image_max_bytes=100 * 1024 * 1024,
        gif_max_bytes=100 * 1024 * 1024,
        video_max_bytes=500 * 1024 * 1024,
        video_max_duration_s=30 * 60,
        video_min_duration_s=3,
        image_max_pixels=36_152_320,
        alt_text_max_length=4086,
        allows_mixed_media=False,
    )

    def __init__(self, config: NetworkConfig):
        super().__init__(config)
        self.session = TimeoutSession(config.timeout_s)

    @property
    def uses_organization_pages(self) -> bool:
        """Whether the app has LinkedIn's Community Management product, so it may ask for page
        scopes and list pages (``options["organization_pages"]``, on unless turned off)."""
        value = self.config.options.get("organization_pages", True)
        if isinstance(value, str):
            return value.strip().lower() in ("1", "true", "yes", "on")
        return bool(value)

    # Content rules -------------------------------------------------------------------
    def count_text(self, text: str) -> TextCount:
        # LinkedIn's 3,000 applies to the commentary it receives, escapes included, so
        # "(see below)" costs 13: counting what we send keeps validate() honest.
        return TextCount(used=len(escape_little_text(text)), limit=self.limits.text_length)

    def validate(self, draft: Draft) -> list[Problem]:
        problems: list[Problem] = []
        count = self.count_text(self._text(draft))
        if count.is_over:
            problems.append(
                Problem(
                    "text_too_long",
                    gettext_noop("LinkedIn: %(used)s of %(limit)s characters"),
                    params={"used": count.used, "limit": count.limit},
                )
            )
        images = [m for m in draft.media if m.kind in ("image", "gif")]
        videos = [m for m in draft.media if m.kind == "video"]
        if not draft.text.strip() and not draft.link and not draft.media:
            problems.append(Problem("empty", gettext_noop("LinkedIn needs some text, a link, an image or a video")))
        if images and videos:
            problems.append(
                Problem(
                    "mixed_media", gettext_noop("LinkedIn posts carry images or one video, not both"), field="media"
                )
            )
        if len(videos) > self.limits.max_videos:
            problems.append(
                Problem("too_many_videos", gettext_noop("LinkedIn posts carry one video at most"), field="media")
            )
        if len(images) > self.limits.max_images:
            problems.append(
                Problem(
                    "too_many_images",
                    gettext_noop("LinkedIn takes at most %(limit)s images; this post has %(count)s"),
                    field="media",
                    params={"limit": self.limits.max_images, "count": len(images)},
                )
            )
        for item in images:
            problems.extend(self._image_problems(item))
        for item in videos:
            problems.extend(self._video_problems(item))
        for item in draft.media:
            if len(item.alt_text) > (self.limits.alt_text_max_length or 0):
                problems.append(
                    Problem(
                        "alt_text_too_long",
                        gettext_noop("LinkedIn: alt text of %(used)s characters; the limit is %(limit)s"),
                        field="media",
                        params={"used": len(item.alt_text), "limit": self.limits.alt_text_max_length},
                    )
                )
        return problems

    def _image_problems(self, item: MediaItem) -> list[Problem]:
        problems = []
        if item.content_type not in self.limits.image_types:
            problems.append(
                Problem(
                    "image_type",
                    gettext_noop("LinkedIn takes JPEG, PNG or GIF images, not %(type)s"),
                    "media",
                    {"type": item.content_type},
                )
            )
        pixels = item.width * item.height
        if self.limits.image_max_pixels and pixels > self.limits.image_max_pixels:
            problems.append(
                Problem(
                    "image_too_large",
                    gettext_noop("LinkedIn: an image of %(size)s pixels is over its %(limit)s-pixel limit"),
                    "media",
                    {"size": f"{item.width}×{item.height}", "limit": self.limits.image_max_pixels},
                )
            )
        if item.size_bytes > self.limits.image_max_bytes:
            problems.append(Problem("image_too_large", gettext_noop("LinkedIn: the image file is too large"), "media"))
        return problems

    def _video_problems(self, item: MediaItem) -> list[Problem]:
        problems = []
        if item.content_type not in self.limits.video_types:
            problems.append(
                Problem(
                    "video_type",
                    gettext_noop("LinkedIn takes MP4 videos, not %(type)s"),
                    "media",
                    {"type": item.content_type},
                )
            )
        if item.size_bytes > self.limits.video_max_bytes:
            problems.append(Problem("video_too_large", gettext_noop("LinkedIn takes videos up to 500 MB"), "media"))
        if item.duration_s and item.duration_s > self.limits.video_max_duration_s:
            problems.append(Problem("video_too_long", gettext_noop("LinkedIn takes videos up to 30 minutes"), "media"))
        if item.duration_s and item.duration_s < self.limits.video_min_duration_s:
            problems.append(
                Problem("video_too_short", gettext_noop("LinkedIn needs videos of at least 3 seconds"), "media")
            )
        return problems

    @staticmethod
    def _text(draft: Draft) -> str:
        """The text as posted: a link goes in the text when media takes the place of its card."""
        if LINKEDIN.link_joins_text(text=draft.text, link=draft.link, has_media=bool(draft.media)):
            return with_link(draft.text, draft.link)
        return draft.text

    # OAuth ----------------------------------------------------------------------------
    def authorization_request(self, *, redirect_uri: str) -> AuthorizationRequest:
        scopes = [*MEMBER_SCOPES, *(ORGANIZATION_SCOPES if self.uses_organization_pages else ())]
        auth = LinkedInAuthentication(self.config.client_id, "", redirect_uri, permissions=scopes)
        auth.AUTHORIZATION_URL = self._www("/oauth/v2/authorization")
        auth.state = new_state()
        return AuthorizationRequest(url=auth.authorization_url, state=auth.state)

    def exchange_code(self, code: str, *, redirect_uri: str, verifier: str = "") -> Tokens:
        """Tokens for a consent code. Raises Rejected when LinkedIn refuses the code."""
        answer = self._token_request(
            {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri}, refreshing=False
        )
        return self._tokens(answer, previous=None)

    def refresh(self, tokens: Tokens) -> Tokens:
        """New tokens through programmatic refresh. Only apps LinkedIn allows it get a refresh
        token; without one the account must be reconnected (AuthExpired). The refresh token
        does not rotate: LinkedIn hands the same one back with its original expiry."""
        if not tokens.refresh_token:
            raise AuthExpired("LinkedIn gave this app no refresh token: reconnect the account.", code="no_refresh")
        answer = self._token_request(
            {"grant_type": "refresh_token", "refresh_token": tokens.refresh_token}, refreshing=True
        )
        return self._tokens(answer, previous=tokens)

    def revoke(self, account: Credentials) -> None:
        """Revoke the access token at ``POST {www}/oauth/v2/revoke`` (client id and secret in the form).

        LinkedIn's revocation takes the access token; a page account shares its
        member's grant, so revoking either ends both. See Adapter.revoke for
        what it raises.
        """
        if not account.access_token:
            return
        form = {
            "client_id": self.config.client_id,
            "client_secret": self.config.client_secret,
            "token": account.access_token,
        }
        try:
            response = self.session.post(self._www("/oauth/v2/revoke"), data=form)
        except requests.RequestException as exc:
            raise Transient(f"LinkedIn could not be reached ({type(exc).__name__})") from None
        if response.ok:
            return
        body = json_body(response)
        if response.status_code in (400, 401) and body.get("error"):
            message = str(body.get("error_description") or body["error"])
            kwargs = {"request_id": request_id(response, "x-li-uuid"), "status": response.status_code}
            raise Rejected(message, code=str(body["error"]), **kwargs)
        self._raise_for(response)

    def _token_request(self, form: dict[str, str], *, refreshing: bool) -> dict[str, Any]:
        form = {**form, "client_id": self.config.client_id, "client_secret": self.config.client_secret}
        try:
            response = self.session.post(self._www("/oauth/v2/accessToken"), data=form)
        except requests.RequestException as exc:
            raise Transient(f"LinkedIn could not be reached ({type(exc).__name__})") from None
        body = json_body(response)
        if response.ok:
            if not body.get("access_token"):
                raise Transient(
                    f"LinkedIn answered HTTP {response.status_code} without a token.",
                    request_id=request_id(response, "x-li-uuid"),
                    status=response.status_code,
                )
            return body
        message = body.get("error_description") or body.get("message") or f"HTTP {response.status_code}"
        kwargs = {
            "request_id": request_id(response, "x-li-uuid"),
            "status": response.status_code,
            "code": str(body.get("error") or body.get("code") or ""),
        }
        if response.status_code == 429:
            raise RateLimited(message, retry_at=_retry_at(response), **kwargs)
        if response.status_code >= 500:
            raise Transient(message, **kwargs)
        if refreshing:
            raise AuthExpired(message, **kwargs)
        raise Rejected(message, **kwargs)

    @staticmethod
    def _tokens(answer: dict[str, Any], *, previous: Tokens | None) -> Tokens:
        now = datetime.now(UTC)
        refresh_token = answer.get("refresh_token") or (previous.refresh_token if previous else "")
        if answer.get("refresh_token_expires_in"):
            refresh_expires_at = now + timedelta(seconds=int(answer["refresh_token_expires_in"]))
        else:
            refresh_expires_at = previous.refresh_expires_at if previous else None
        scopes = tuple(s for s in re.split(r"[ ,]+", answer.get("scope", "")) if s)
        return Tokens(
            access_token=answer["access_token"],
            refresh_token=refresh_token,
            expires_at=now + timedelta(seconds=int(answer.get("expires_in", 0))) if answer.get("expires_in") else None,
            refresh_expires_at=refresh_expires_at,
            scopes=scopes or (previous.scopes if previous else ()),
        )

    def identities(self, tokens: Tokens) -> list[Identity]:
        """The member, then every page they administer (none when the app lacks the
        Community Management product: LinkedIn answers 403 and we post as the member only)."""
        me = self._json_call("GET", self._api("/v2/userinfo"), tokens.access_token, versioned=False)
        member = Identity(
            external_id=f"urn:li:person:{me['sub']}",
            kind="linkedin_member",
            name=me.get("name") or " ".join(filter(None, [me.get("given_name"), me.get("family_name")])),
            avatar_url=me.get("picture", ""),
        )
        if not self.uses_organization_pages:
            return [member]
        return [member, *self._organizations(tokens.access_token)]

    def _organizations(self, token: str) -> list[Identity]:
        pages: list[Identity] = []
        seen: set[str] = set()
        start = 0
        while True:
            try:
                answer = self._json_call(
                    "GET",
                    self._api("/rest/organizationAcls"),
                    token,
                    params={"q": "roleAssignee", "role": "ADMINISTRATOR", "state": "APPROVED", "start": start},
                )
            except Rejected:
                return pages  # no r_organization_admin: a member-only connection
            elements = answer.get("elements", [])
            for acl in elements:
                urn = acl.get("organization") or acl.get("organizationTarget") or ""
                if not urn.startswith("urn:li:organization:") or urn in seen:
                    continue
                seen.add(urn)
                pages.append(self._organization(token, urn))
            start += len(elements)
            total = (answer.get("paging") or {}).get("total")
            if not elements or total is None or start >= total or start >= 500:
                return pages

    def _organization(self, token: str, urn: str) -> Identity:
        org_id = urn.rsplit(":", 1)[-1]
        try:
            org = self._json_call("GET", self._api(f"/rest/organizations/{quote(org_id, safe='')}"), token)
        except Rejected:
            org = {}
        return Identity(
            external_id=urn,
            kind="linkedin_organization",
            name=org.get("localizedName") or f"LinkedIn page {org_id}",
            handle=org.get("vanityName", ""),
        )

    # Publishing ---------------------------------------------------------------------------
    def publish(self, account: Credentials, draft: Draft) -> Published:
        """Upload the media, then create the post. Not safe to repeat: a second call posts
        again. A failed upload raises before the post exists, so nothing dangles."""
        author = account.external_id
        token = account.access_token
        body: dict[str, Any] = {
            "author": author,
            "commentary": escape_little_text(self._text(draft)),
            "visibility": draft.options.get("visibility", "PUBLIC"),
            "distribution": {
                "feedDistribution": "MAIN_FEED",
                "targetEntities": [],
                "thirdPartyDistributionChannels": [],
            },
            "lifecycleState": "PUBLISHED",
            "isReshareDisabledByAuthor": False,
        }
        content = self._content(account, draft)
        if content:
            body["content"] = content
        response = self._call("POST", self._api("/rest/posts"), token, json=body, creates=True)
        urn = response.headers.get("x-restli-id") or response.headers.get("x-linkedin-id") or ""
        rid = request_id(response, "x-li-uuid")
        if not urn:
            raise Transient("LinkedIn accepted the post without naming it", outcome_unknown=True, request_id=rid)
        return Published(external_id=urn, url=self.web_url(f"/feed/update/{urn}/"), request_id=rid)

    def _content(self, account: Credentials, draft: Draft) -> dict[str, Any] | None:
        images = [m for m in draft.media if m.kind in ("image", "gif")]
        videos = [m for m in draft.media if m.kind == "video"]
        if videos:
            video = self._upload_video(account, videos[0])
            media: dict[str, Any] = {"id": video}
            if draft.options.get("title"):
                media["title"] = draft.options["title"]
            return {"media": media}
        if len(images) == 1:
            media = {"id": self._upload_image(account, images[0])}
            if images[0].alt_text:
                media["altText"] = images[0].alt_text
            return {"media": media}
        if images:
            uploaded = []
            for item in images:
                entry = {"id": self._upload_image(account, item)}
                if item.alt_text:
                    entry["altText"] = item.alt_text
                uploaded.append(entry)
            return {"multiImage": {"images": uploaded}}
        if draft.link:
            article = {"source": draft.link, "title": draft.options.get("link_title") or draft.link}
            if draft.options.get("link_description"):
                article["description"] = draft.options["link_description"]
            return {"article": article}
        return None

    def _upload_image(self, account: Credentials, item: MediaItem) -> str:
        answer = self._json_call(
            "POST",
            self._api("/rest/images?action=initializeUpload"),
            account.access_token,
            json={"initializeUploadRequest": {"owner": account.external_id}},
        )
        urn = answer["value"]["image"]
        upload_url = answer["value"]["uploadUrl"]
        self._put(upload_url, item.read(), token=account.access_token)
        self._wait_available("images", urn, account.access_token)
        return urn

    def _upload_video(self, account: Credentials, item: MediaItem) -> str:
        size = os.path.getsize(item.path)  # the bytes we will send, whatever the draft recorded
        answer = self._json_call(
            "POST",
            self._api("/rest/videos?action=initializeUpload"),
            account.access_token,
            json={
                "initializeUploadRequest": {
                    "owner": account.external_id,
                    "fileSizeBytes": size,
                    "uploadCaptions": False,
                    "uploadThumbnail": False,
                }
            },
        )["value"]
        urn = answer["video"]
        etags = []
        with open(item.path, "rb") as handle:
            for part in answer["uploadInstructions"]:
                first, last = int(part["firstByte"]), int(part["lastByte"])
                handle.seek(first)
                response = self._put(part["uploadUrl"], handle.read(last - first + 1), token=account.access_token)
                etag = response.headers.get("ETag", "")
                if not etag:
                    raise Transient("LinkedIn took a video part without an ETag", request_id=request_id(response))
                etags.append(etag)
        self._call(
            "POST",
            self._api("/rest/videos?action=finalizeUpload"),
            account.access_token,
            json={
                "finalizeUploadRequest": {
                    "video": urn,
                    "uploadToken": answer.get("uploadToken", ""),
                    "uploadedPartIds": etags,
                }
            },
        )
        self._wait_available("videos", urn, account.access_token)
        return urn

    def _wait_available(self, collection: str, urn: str, token: str) -> None:
        """Poll until LinkedIn has processed the upload, bounded by the configured deadline."""
        deadline = time.monotonic() + self.config.media_processing_deadline_s
        while True:
            answer = self._json_call("GET", self._api(f"/rest/{collection}/{quote(urn, safe='')}"), token)
            status = answer.get("status", "")
            if status == "AVAILABLE":
                return
            if status == "PROCESSING_FAILED":
                reason = answer.get("processingFailureReason") or "LinkedIn could not process the file"
                raise Rejected(f"LinkedIn could not process {urn}: {reason}", code="processing_failed")
            if time.monotonic() >= deadline:
                raise Transient(f"LinkedIn is still processing {urn} ({status or 'no status'})")
            time.sleep(self.config.poll_interval_s)

    def find_recent(self, account: Credentials, since: datetime) -> list[RemotePost]:
        """The author's posts created since ``since``, text unescaped as a person reads it."""
        found: list[RemotePost] = []
        since_ms = since.timestamp() * 1000
        start = 0
        for _ in range(5):  # 5 pages of 50: far more than one account posts between reconciliations
            answer = self._json_call(
                "GET",
                self._api("/rest/posts"),
                account.access_token,
                params={
                    "author": account.external_id,
                    "q": "author",
                    "count": 50,
                    "start": start,
                    "sortBy": "LAST_MODIFIED",
                },
                headers={"X-RestLi-Method": "FINDER"},
            )
            elements = answer.get("elements", [])
            for post in elements:
                created_ms = post.get("createdAt") or post.get("publishedAt") or 0
                if created_ms >= since_ms:
                    found.append(
                        RemotePost(
                            external_id=post["id"],
                            text=unescape_little_text(post.get("commentary", "")),
                            created_at=datetime.fromtimestamp(created_ms / 1000, UTC) if created_ms else None,
                            url=self.web_url(f"/feed/update/{post['id']}/"),
                        )
                    )
            start += len(elements)
            total = (answer.get("paging") or {}).get("total")
            oldest = min((p.get("lastModifiedAt") or p.get("createdAt") or 0 for p in elements), default=0)
            if not elements or (total is not None and start >= total) or oldest < since_ms:
                break
        return found

    # Analytics ----------------------------------------------------------------------------
    def read_metrics(self, account: Credentials, external_ids: list[str]) -> dict[str, dict[str, int]]:
        """Reactions and comments of any post from ``socialMetadata`` (BATCH_GET, which replaced
        socialActions); a page's posts add impressions, unique impressions, clicks and reposts
        from ``organizationalEntityShareStatistics``. LinkedIn gives members' posts no such
        statistics to us, so a member's figures have no views, reach, clicks or shares."""
        figures: dict[str, dict[str, int]] = {}
        for start in range(0, len(external_ids), self.metrics_batch):
            ids = external_ids[start : start + self.metrics_batch]
            answer = self._json_call(
                "GET",
                self._api(f"/rest/socialMetadata?ids={_restli_list(ids)}"),
                account.access_token,
                headers={"X-RestLi-Method": "BATCH_GET"},
            )
            for urn, social in (answer.get("results") or {}).items():
                reactions = social.get("reactionSummaries") or {}
                figures[urn] = {
                    "likes": sum(int(r.get("count") or 0) for r in reactions.values()),
                    "comments": int((social.get("commentSummary") or {}).get("count") or 0),
                }
            if account.kind == "linkedin_organization":
                self._add_share_statistics(account, ids, figures)
        return figures

    def _add_share_statistics(self, account: Credentials, ids: list[str], figures: dict[str, dict[str, int]]) -> None:
        shares = [urn for urn in ids if ":share:" in urn]
        posts = [urn for urn in ids if ":ugcPost:" in urn]
        query = f"q=organizationalEntity&organizationalEntity={quote(account.external_id, safe='')}"
        if shares:
            query += f"&shares={_restli_list(shares)}"
        if posts:
            query += f"&ugcPosts={_restli_list(posts)}"
        answer = self._json_call(
            "GET", self._api(f"/rest/organizationalEntityShareStatistics?{query}"), account.access_token
        )
        for element in answer.get("elements") or []:
            urn = element.get("share") or element.get("ugcPost")
            stats = element.get("totalShareStatistics") or {}
            if urn not in figures:
                continue
            for theirs, ours in SHARE_STATISTICS.items():
                if isinstance(stats.get(theirs), int):
                    figures[urn][ours] = stats[theirs]

    def read_followers(self, account: Credentials) -> int | None:
        """A page's followers (``networkSizes``); None for a member, whose follower count LinkedIn
        gives only to partner apps."""
        if account.kind != "linkedin_organization":
            return None
        urn = quote(account.external_id, safe="")
        answer = self._json_call(
            "GET",
            self._api(f"/rest/networkSizes/{urn}"),
            account.access_token,
            params={"edgeType": "COMPANY_FOLLOWED_BY_MEMBER"},
        )
        size = answer.get("firstDegreeSize")
        return int(size) if size is not None else None

    # HTTP ---------------------------------------------------------------------------------
    def _api(self, path: str) -> str:
        return self.config.api_url.rstrip("/") + path

    def _www(self, path: str) -> str:
        return self.web_url(path)

    def _headers(self, token: str, *, versioned: bool) -> dict[str, str]:
        headers = {"Authorization": f"Bearer {token}"}
        if versioned:
            headers["LinkedIn-Version"] = self.config.version
            headers["X-Restli-Protocol-Version"] = "2.0.0"
        return headers

    def _call(
        self,
        method: str,
        url: str,
        token: str,
        *,
        json: Any = None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        versioned: bool = True,
        creates: bool = False,
    ) -> requests.Response:
        all_headers = {**self._headers(token, versioned=versioned), **(headers or {})}
        try:
            response = self.session.request(method, url, json=json, params=params, headers=all_headers)
        except requests.RequestException as exc:
            raise _transient(exc, creates=creates) from None
        self._raise_for(response)
        return response

    def _json_call(self, method: str, url: str, token: str, **kwargs: Any) -> dict[str, Any]:
        return json_body(self._call(method, url, token, **kwargs))

    def _put(self, url: str, data: bytes, *, token: str) -> requests.Response:
        headers = {"Content-Type": "application/octet-stream"}
        if self._is_linkedin_host(url):
            # LinkedIn's upload URLs sit on its own hosts and its docs send the token along;
            # never hand it to any other host an answer might name.
            headers["Authorization"] = f"Bearer {token}"
        try:
            response = self.session.put(url, data=data, headers=headers)
        except requests.RequestException as exc:
            raise _transient(exc, creates=False) from None
        self._raise_for(response)
        return response

    def _is_linkedin_host(self, url: str) -> bool:
        host = urlsplit(url).netloc.lower()
        ours = {urlsplit(u).netloc.lower() for u in (self.config.api_url, self.config.www_url) if u}
        return host in ours or host == "linkedin.com" or host.endswith(".linkedin.com")

    def _raise_for(self, response: requests.Response) -> None:
        """Map a LinkedIn answer to our four failures (see the module docstring)."""
        if response.ok:
            return
        status = response.status_code
        body = json_body(response)
        message = str(body.get("message") or body.get("error_description") or response.reason or f"HTTP {status}")
        code = str(body.get("code") or body.get("error") or "")
        kwargs = {"request_id": request_id(response, "x-li-uuid"), "status": status, "code": code}
        if status == 401:
            raise AuthExpired(message, **kwargs)
        if status == 426 or code == "NONEXISTENT_VERSION":
            raise Rejected(
                f"LinkedIn no longer accepts API version {self.config.version}. An administrator must set "
                f"LINKEDIN_VERSION to a current version (YYYYMM) and restart PhysSocial. LinkedIn said: {message}",
                **kwargs,
            )
        if status == 429:
            raise RateLimited(message, retry_at=_retry_at(response), **kwargs)
        if status >= 500:
            raise Transient(message, **kwargs)
        if code == "DUPLICATE_POST" or any(marker in message.lower() for marker in DUPLICATE_MARKERS):
            raise Rejected(f"LinkedIn refused a duplicate post: {message}", **{**kwargs, "code": "duplicate"})
        raise Rejected(message, **kwargs)


# organizationalEntityShareStatistics' totalShareStatistics -> our names.
SHARE_STATISTICS = {
    "impressionCount": "views",
    "uniqueImpressionsCount": "reach",
    "clickCount": "clicks",
    "likeCount": "likes",
    "commentCount": "comments",
    "shareCount": "shares",
}


def _restli_list(urns: list[str]) -> str:
    """Rest.li 2.0's ``List(a,b)`` with each URN encoded and the list's own punctuation not."""
    return "List(" + ",".join(quote(urn, safe="") for urn in urns) + ")"


def _retry_at(response: requests.Response) -> datetime:
    """When to try again: Retry-After if LinkedIn sends one, else the next midnight UTC, when
    its daily quotas reset."""
    now = datetime.now(UTC)
    retry_after = response.headers.get("Retry-After", "")
    if retry_after.isdigit():
        return now + timedelta(seconds=int(retry_after))
    return (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)


def _transient(exc: requests.RequestException, *, creates: bool) -> Transient:
    return Transient(
        f"LinkedIn could not be reached ({type(exc).__name__})", outcome_unknown=creates and may_have_arrived(exc)
    )
