"""The one surface every network adapter offers.

Plain Python: no Django, no imports from the apps. The rest of PhysSocial
calls adapters through this interface and never branches on the network.
Adapters classify and raise; they never sleep, back off or retry (the one
loop allowed is waiting for the network to process media, bounded by a
deadline). Every request carries a timeout.
"""

from __future__ import annotations

import hashlib
import secrets
from base64 import urlsafe_b64encode
from collections.abc import Callable
from dataclasses import dataclass, field
from dataclasses import field as dataclass_field
from datetime import datetime
from typing import Any, ClassVar

# gettext_noop marks the adapters' English for makemessages (see platforms/description.py); the
# app translates each message when it shows it (``Phrase.render``).
from platforms.description import NetworkDescription, gettext_noop  # noqa: F401 (re-exported)

# --- configuration -----------------------------------------------------------


@dataclass(frozen=True)
class NetworkConfig:
    """What an adapter needs from settings: base URLs, app credentials, version.

    Built by the caller from ``settings.PLATFORMS[network]`` so that this
    package never imports Django.
    """

    api_url: str
    client_id: str = ""
    client_secret: str = field(default="", repr=False)
    authorize_url: str = ""  # X's consent page
    www_url: str = ""  # the network's website: posts' links; Facebook / LinkedIn consent, LinkedIn's token host
    oauth_url: str = ""  # Google's consent host
    token_url: str = ""  # Google's token endpoint
    revoke_url: str = ""  # Google's revocation endpoint; empty: "revoke" next to token_url
    version: str = ""  # Graph API version ("v24.0") or LinkedIn-Version ("202611")
    timeout_s: float = 30.0
    media_processing_deadline_s: float = 300.0
    poll_interval_s: float = 2.0
    # Switches one network reads, from the same settings entry, e.g. LinkedIn's
    # {"organization_pages": False} for an app without the Community Management product.
    options: dict[str, Any] = field(default_factory=dict, hash=False)

    @property
    def is_configured(self) -> bool:
        return bool(self.client_id and self.client_secret)

    @classmethod
    def from_settings(cls, values: dict[str, Any], **overrides: Any) -> NetworkConfig:
        known = {name for name in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in {**values, **overrides}.items() if k in known})


# --- what goes in -------------------------------------------------------------


@dataclass(frozen=True)
class Credentials:
    """A connected account as an adapter sees it. Tokens never reach repr()."""

    external_id: str  # X user id, page id, IG business id, LinkedIn person/org URN, channel id
    access_token: str = field(repr=False)
    refresh_token: str = field(default="", repr=False)
    kind: str = ""  # "x_user", "facebook_page", "instagram_business", "linkedin_member",
    # "linkedin_organization", "youtube_channel"
    handle: str = ""  # @username, for building public URLs
    extra: dict[str, str] = field(default_factory=dict)  # e.g. YouTube uploads playlist id


@dataclass(frozen=True)
class MediaItem:
    """One file to attach, already rendered for this network by the caller."""

    kind: str  # "image", "gif" or "video"
    content_type: str  # "image/jpeg", "video/mp4", …
    path: str = ""  # local file to upload (bytes are read lazily)
    url: str = ""  # public, signed URL for networks that fetch media themselves (Instagram)
    alt_text: str = ""
    width: int = 0
    height: int = 0
    duration_s: float = 0.0
    size_bytes: int = 0

    def read(self) -> bytes:
        with open(self.path, "rb") as handle:
            return handle.read()


@dataclass(frozen=True)
class Draft:
    """What to publish on one network: the text after per-network overrides."""

    text: str = ""
    link: str = ""
    media: tuple[MediaItem, ...] = ()
    # Per-network options, e.g. {"reply_settings": "following"} for X,
    # {"format": "reel"} for Instagram, {"title": …, "privacy": …} for YouTube.
    options: dict[str, Any] = field(default_factory=dict)
    # X threads: further posts sent as replies to the previous one.
    thread: tuple[str, ...] = ()


# --- what comes out ------------------------------------------------------------


def english_number(value: int | float) -> str:
    """How the adapters' English writes a number: 1,234 and 2.5."""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:g}"
    return f"{int(value):,}"


def _unchanged(message: str) -> str:
    return message


@dataclass(frozen=True)
class Phrase:
    """Words with blanks: an English msgid with ``%(name)s`` placeholders and their values.

    A value is text shown as it is (a file name, a network's name), a number (written the
    reader's way) or another Phrase ("photo 2", translated with the sentence around it).
    """

    template: str
    params: dict[str, Any] = field(default_factory=dict, hash=False)

    def render(
        self,
        translate: Callable[[str], str] = _unchanged,
        number: Callable[[int | float], str] = english_number,
    ) -> str:
        """The words, with ``translate`` for every template and ``number`` for every number;
        by default the English as the adapters write it."""
        text = translate(str(self.template))
        if not self.params:
            return text  # already-written sentences may hold a literal "%"
        values = {}
        for name, value in self.params.items():
            if isinstance(value, Phrase):
                values[name] = value.render(translate, number)
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                values[name] = number(value)
            else:
                values[name] = value
        return text % values


@dataclass(frozen=True)
class Problem:
    """A reason this draft cannot go to this network, in plain words.

    ``template`` is an English msgid marked with ``gettext_noop``; ``message`` is the English
    sentence, and the app shows each reader theirs (``posts.validation.problem_text``).
    """

    code: str  # stable machine name, e.g. "text_too_long"
    template: str  # "%(network)s: %(used)s of %(limit)s characters"
    field: str = "text"
    params: dict[str, Any] = dataclass_field(default_factory=dict, hash=False)

    @property
    def phrase(self) -> Phrase:
        return Phrase(self.template, self.params)

    @property
    def message(self) -> str:
        """The English sentence: "X: 312 of 280 characters"."""
        return self.phrase.render()


@dataclass(frozen=True)
class TextCount:
    used: int
    limit: int

    @property
    def is_over(self) -> bool:
        return self.used > self.limit


@dataclass(frozen=True)
class Limits:
    """What a network accepts. Sizes in bytes, durations in seconds."""

    text_length: int
    counting: str  # "weighted" (X) | "characters" | "bytes"
    max_images: int
    max_videos: int
    image_types: tuple[str, ...]
    video_types: tuple[str, ...]
    image_max_bytes: int
    video_max_bytes: int
    video_max_duration_s: float
    video_min_duration_s: float = 0.0
    gif_max_bytes: int = 0
    max_hashtags: int | None = None
    max_mentions: int | None = None
    min_aspect_ratio: float | None = None  # width / height
    max_aspect_ratio: float | None = None
    image_max_pixels: int | None = None
    alt_text_max_length: int | None = None
    requires_media: bool = False
    requires_video: bool = False
    title_length: int | None = None  # YouTube
    allows_mixed_media: bool = False


@dataclass(frozen=True)
class Tokens:
    access_token: str = field(repr=False)
    refresh_token: str = field(default="", repr=False)
    expires_at: datetime | None = None
    refresh_expires_at: datetime | None = None
    scopes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Identity:
    """Who a token belongs to, as the network says, and what it may post as."""

    external_id: str
    kind: str
    name: str
    handle: str = ""
    avatar_url: str = ""
    # A page token, for Facebook pages and their Instagram accounts.
    access_token: str = field(default="", repr=False)
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Published:
    """What one ``publish`` call made. ``external_id`` and ``url`` are the post (for an X thread,
    its head); ``part_ids`` lists every post the call created, head first, so a thread's replies
    can be stored too. Empty when the adapter does not fill it: then only ``external_id`` exists."""

    external_id: str
    url: str
    request_id: str = ""
    part_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class RemotePost:
    external_id: str
    text: str
    created_at: datetime | None
    url: str = ""


@dataclass(frozen=True)
class AuthorizationRequest:
    url: str
    state: str
    verifier: str = field(default="", repr=False)


# --- failures ---------------------------------------------------------------------


class PlatformError(Exception):
    """Base of the four failures every adapter maps the network's answers into.

    ``message`` is the network's own words (safe to show a person: it never
    contains a token); ``request_id`` is the network's trace id for support.
    ``published`` lists what already went out before the failure, in order
    (the head of an X thread whose third part failed): the engine must keep
    those ids and never publish them again.
    """

    def __init__(
        self,
        message: str,
        *,
        request_id: str = "",
        status: int | None = None,
        code: str = "",
        published: tuple[Published, ...] = (),
    ):
        super().__init__(message)
        self.message = message
        self.request_id = request_id
        self.status = status
        self.code = code
        self.published = tuple(published)


class RateLimited(PlatformError):
    """Too many requests: try again at ``retry_at`` (aware UTC), not before."""

    def __init__(self, message: str, *, retry_at: datetime, **kwargs: Any):
        super().__init__(message, **kwargs)
        self.retry_at = retry_at


class AuthExpired(PlatformError):
    """The token is expired or revoked: refresh once, else the account needs reconnecting."""


class Transient(PlatformError):
    """A passing failure (5xx, timeout, connection error).

    ``outcome_unknown`` is set when the create request may have reached the
    network (a time-out after sending, a dropped connection): the engine
    must look with ``find_recent`` before it publishes again.
    """

    def __init__(self, message: str, *, outcome_unknown: bool = False, **kwargs: Any):
        super().__init__(message, **kwargs)
        self.outcome_unknown = outcome_unknown


class Rejected(PlatformError):
    """The network refused the content or the request; retrying will not help."""


# --- the adapter ----------------------------------------------------------------


def new_state() -> str:
    return secrets.token_urlsafe(24)


def new_pkce_pair() -> tuple[str, str]:
    """A PKCE verifier and its S256 challenge (RFC 7636)."""
    verifier = secrets.token_urlsafe(64)[:96]
    challenge = urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return verifier, challenge


class Adapter:
    """One network. Subclasses set ``network``, ``description`` and ``limits`` and implement the rest."""

    network: ClassVar[str]  # "twitter": also the module name and the settings prefix
    # What the network is, as data (label, options, link placement, media, title, feed cut-off):
    # platforms/description.py, shared with the app without importing this adapter's SDK.
    description: ClassVar[NetworkDescription]
    limits: ClassVar[Limits]
    # Where a person removes PhysSocial's access themselves, when revoking from here failed.
    apps_settings_url: ClassVar[str] = ""
    # The network's website, where its posts are shown, when ``config.www_url`` does not say.
    default_www_url: ClassVar[str] = ""
    # How many posts one metrics request may read (X 100, YouTube and Graph's ids= 50, ...).
    metrics_batch: ClassVar[int] = 1

    def __init__(self, config: NetworkConfig):
        self.config = config

    @property
    def label(self) -> str:
        """The network's name as people know it ("X"), for the adapter's own messages."""
        return self.description.label

    def web_url(self, path: str) -> str:
        """``path`` on the network's website: ``config.www_url`` (the simulator under `make run`), else the real one."""
        return (self.config.www_url or self.default_www_url).rstrip("/") + path

    # Content rules -------------------------------------------------------------
    def count_text(self, text: str) -> TextCount:
        """How much of the text limit ``text`` uses, counted the network's way."""
        return TextCount(used=len(text), limit=self.limits.text_length)

    def count_hashtags(self, text: str) -> int:
        """How many hashtags the network finds in ``text`` (counted where ``limits.max_hashtags`` is set)."""
        return 0

    def validate(self, draft: Draft) -> list[Problem]:
        """Plain-language problems that stop this draft going to this network."""
        raise NotImplementedError

    # OAuth ----------------------------------------------------------------------
    def authorization_request(self, *, redirect_uri: str) -> AuthorizationRequest:
        raise NotImplementedError

    def exchange_code(self, code: str, *, redirect_uri: str, verifier: str = "") -> Tokens:
        raise NotImplementedError

    def refresh(self, tokens: Tokens) -> Tokens:
        """New tokens. Raises AuthExpired when the grant is gone. Keep the old
        refresh token when the network does not send a new one."""
        raise NotImplementedError

    def identities(self, tokens: Tokens) -> list[Identity]:
        """Who the token belongs to and what it may post as (pages, channels)."""
        raise NotImplementedError

    def revoke(self, account: Credentials) -> None:
        """Ask the network to end PhysSocial's access for ``account`` (its tokens stop working).

        Safe to run twice. Raises AuthExpired when the network says the tokens
        were already dead (nothing is left to revoke: callers count that as
        done), Transient or RateLimited when the network could not answer, and
        Rejected when it refused (our app's credentials, a token it will not
        revoke). NotImplementedError: the network offers no revocation.
        """
        raise NotImplementedError

    # Publishing --------------------------------------------------------------------
    def publish(self, account: Credentials, draft: Draft) -> Published:
        """Publish once. Not safe to repeat: a second call posts again."""
        raise NotImplementedError

    def find_recent(self, account: Credentials, since: datetime) -> list[RemotePost]:
        """The account's own posts since ``since``, to reconcile a lost answer."""
        raise NotImplementedError

    # Analytics ---------------------------------------------------------------------
    def read_metrics(self, account: Credentials, external_ids: list[str]) -> dict[str, dict[str, int]]:
        """The latest figures of the account's published posts, at most ``metrics_batch`` ids,
        in as few requests as the network allows: ``{external id: {name: value}}``.

        Names are ours, the same on every network (``METRIC_NAMES``); a figure the network does
        not give for this account type is absent, never 0. A post the network no longer knows
        (deleted) is absent from the answer. Failures raise as publishing does."""
        raise NotImplementedError

    def read_followers(self, account: Credentials) -> int | None:
        """The account's follower (or subscriber) count today; None when the network does not give it."""
        raise NotImplementedError


# What a post's figures are called everywhere in PhysSocial, whatever the network's own names
# (README "Analytics: what is collected" maps them per network).
METRIC_NAMES = ("views", "reach", "likes", "comments", "shares", "quotes", "saves", "bookmarks", "clicks")
