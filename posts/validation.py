"""What one target would send to its network, and every reason it cannot go.

``check_target`` is the one rule book: the composer's live check, saving,
scheduling and (through ``posts.services.check_saved_target``) the engine just
before publishing all call it, so a post never passes one and fails another.
It builds the ``platforms.base.Draft`` the adapter would receive (text after
the per-network override, the link where that network shows it, the media
rendered for that network), runs the adapter's ``validate`` and adds
PhysSocial's own rules: the account must be active, and images need alt text
when the organization requires it.

Nothing here saves anything. Per-network options are checked by
``clean_options`` (bad values are the caller's mistake: a ValidationError),
content problems come back as ``Problem`` lists (the author's to fix).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from accounts.connections import adapter_for
from accounts.models import ConnectedAccount
from physsocial import input_rules
from platforms.base import Draft, MediaItem, Problem
from platforms.instagram import HASHTAG as INSTAGRAM_HASHTAG
from posts.models import MediaAsset

LABELS = {
    "twitter": "X",
    "facebook": "Facebook",
    "instagram": "Instagram",
    "linkedin": "LinkedIn",
    "youtube": "YouTube",
}

# Where a post's link ends up when it is not already in the text: X shows a card for a
# link in the text (and has no link field); Instagram and YouTube have no link field; Facebook
# and LinkedIn show a link card, except on photo and video posts, where the link joins the text.
# static/js/composer.js counts with the same table.
LINK_JOINS_TEXT = {
    "twitter": "always",
    "instagram": "always",
    "youtube": "always",
    "facebook": "with_media",
    "linkedin": "with_media",
}

REPLY_SETTINGS = {
    "everyone": "Everyone",
    "following": "Accounts you follow",
    "mentionedUsers": "Only accounts you mention",
    "verified": "Verified accounts",
    "subscribers": "Your subscribers",
}
FACEBOOK_FORMATS = {"link": "Link post (shows the link's preview)", "photo": "Photo or video post"}
INSTAGRAM_FORMATS = {"feed": "Feed image", "carousel": "Carousel (2 to 10)", "reel": "Reel (one video)"}
LINKEDIN_VISIBILITY = {"PUBLIC": "Anyone", "CONNECTIONS": "Connections only"}
YOUTUBE_PRIVACY = {"public": "Public", "unlisted": "Unlisted", "private": "Private"}
# YouTube's video categories a physician is likely to want (ids are YouTube's, region US/CA).
YOUTUBE_CATEGORIES = {
    "22": "People & Blogs",
    "27": "Education",
    "28": "Science & Technology",
    "25": "News & Politics",
    "26": "Howto & Style",
    "29": "Nonprofits & Activism",
}
FIT_VARIANTS = {"default": "As uploaded", "crop": "Crop", "pad": "White bars", "pad_blur": "Blurred bars"}


@dataclass(frozen=True)
class TargetCheck:
    """The outcome for one account: its counters and its problems (empty: it may be scheduled)."""

    account_id: int
    network: str
    counts: dict[str, dict[str, int]]
    problems: list[Problem] = field(default_factory=list)
    # What the adapter would receive: the draft these problems are about (files that could not
    # be rendered are left out of it, and reported as problems).
    draft: Draft | None = field(default=None, compare=False, repr=False)
    # Those of ``problems`` that are files which could not be rendered for the network.
    render_problems: tuple[Problem, ...] = field(default=(), compare=False, repr=False)

    @property
    def is_valid(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict[str, Any]:
        return {"network": self.network, "counts": self.counts, "problems": list(self.problems)}


# --- options ---------------------------------------------------------------------------------


def _choice(network: str, name: str, value: Any, choices: dict[str, str]) -> str:
    # The type first: a list or an object is not a choice (and cannot be looked up in a dict).
    if not isinstance(value, str) or value not in choices:
        known = ", ".join(choices)
        shown = repr(value) if isinstance(value, str) else _("this value")
        raise ValidationError(
            _("%(network)s: %(value)s is not a %(name)s (use one of %(known)s).")
            % {"network": LABELS[network], "value": shown[:60], "name": name.replace("_", " "), "known": known}
        )
    return value


def _text(network: str, name: str, value: Any, *, limit: int = 5000) -> str:
    if not isinstance(value, str):
        raise ValidationError(f"{LABELS[network]}: the {name} must be text.")
    if len(value) > limit:
        raise ValidationError(f"{LABELS[network]}: the {name} is longer than {limit:,} characters.")
    return value.strip()


def _flag(network: str, name: str, value: Any) -> bool:
    """``True`` or ``False``: "maybe" is refused rather than read as "no"."""
    try:
        return input_rules.check_flag(value, field=f"{LABELS[network]}: {name}")
    except ValidationError:
        raise ValidationError(
            _("%(network)s: %(name)s must be true or false.") % {"network": LABELS[network], "name": name}
        ) from None


def clean_options(network: str, options: dict[str, Any] | None) -> dict[str, Any]:
    """``options`` for ``network`` with known keys only, in their stored types.

    Empty values are dropped, so a default never needs storing. Raises
    ValidationError with a sentence naming the network for an unknown option
    or a value the network does not know.
    """
    if options is not None and not isinstance(options, dict):
        raise ValidationError(_("%(network)s: the options must be a JSON object.") % {"network": LABELS[network]})
    input_rules.check_texts_in(options, field=_("%(network)s's options") % {"network": LABELS[network]})
    options = dict(options or {})
    cleaned: dict[str, Any] = {}
    known: set[str]
    if network == "twitter":
        known = {"reply_settings", "thread"}
        if options.get("reply_settings") not in (None, "", "everyone"):
            cleaned["reply_settings"] = _choice(network, "reply setting", options["reply_settings"], REPLY_SETTINGS)
        thread = options.get("thread") or []
        if not isinstance(thread, list) or not all(isinstance(part, str) for part in thread):
            raise ValidationError("X: a thread is a list of further posts, each one text.")
        if thread:
            cleaned["thread"] = [part.replace("\r\n", "\n") for part in thread]
    elif network == "facebook":
        known = {"format"}
        if options.get("format"):
            cleaned["format"] = _choice(network, "post format", options["format"], FACEBOOK_FORMATS)
    elif network == "instagram":
        known = {"format", "fit", "share_to_feed"}
        if options.get("format"):
            cleaned["format"] = _choice(network, "post format", options["format"], INSTAGRAM_FORMATS)
        fit = options.get("fit") or {}
        if not isinstance(fit, dict):
            raise ValidationError("Instagram: the fit must map media ids to crop, pad or pad_blur.")
        fit = {str(asset_id): _choice(network, "fit", v, FIT_VARIANTS) for asset_id, v in fit.items() if v}
        fit = {asset_id: variant for asset_id, variant in fit.items() if variant != "default"}
        if fit:
            cleaned["fit"] = fit
        if options.get("share_to_feed") is not None:
            if not _flag(network, "share_to_feed", options["share_to_feed"]):
                cleaned["share_to_feed"] = False
    elif network == "linkedin":
        known = {"visibility"}
        if options.get("visibility"):
            cleaned["visibility"] = _choice(network, "visibility", options["visibility"], LINKEDIN_VISIBILITY)
    elif network == "youtube":
        known = {"title", "tags", "privacy", "category", "made_for_kids", "thumbnail_id"}
        if options.get("title"):
            cleaned["title"] = _text(network, "title", options["title"], limit=1000)
        tags = options.get("tags") or []
        if isinstance(tags, str):
            tags = tags.split(",")
        if not isinstance(tags, list):
            raise ValidationError("YouTube: tags must be a list, or text separated by commas.")
        tags = [_text(network, "tag", tag, limit=500) for tag in tags]
        if any(tags):
            cleaned["tags"] = [tag for tag in tags if tag]
        if options.get("privacy"):
            cleaned["privacy"] = _choice(network, "privacy setting", options["privacy"], YOUTUBE_PRIVACY)
        if options.get("category"):
            cleaned["category"] = _choice(network, "category", str(options["category"]), YOUTUBE_CATEGORIES)
        if options.get("made_for_kids") is not None and _flag(network, "made_for_kids", options["made_for_kids"]):
            cleaned["made_for_kids"] = True
        if options.get("thumbnail_id") not in (None, ""):
            thumbnail_id = input_rules.parse_id(options["thumbnail_id"])
            if thumbnail_id is None:
                raise ValidationError(_("YouTube: the thumbnail must be an image from the media library."))
            cleaned["thumbnail_id"] = thumbnail_id
    else:
        raise ValidationError(f"PhysSocial cannot post to {network!r}.")
    unknown = sorted(set(options) - known)
    if unknown:
        raise ValidationError(f"{LABELS[network]} has no option {', '.join(repr(name) for name in unknown)}.")
    return cleaned


# --- the draft each network receives -----------------------------------------------------------


def media_item(asset: MediaAsset, *, network: str, variant: str = "default") -> MediaItem:
    """The asset as ``network``'s adapter receives it (rendered, with alt text). The one place
    media reaches validation, so switching how items are made touches nothing else.
    Raises ValidationError when the file cannot be made to fit the network."""
    from posts.media import media_item_for  # heavy imports (PyAV, Pillow) only when media is involved

    return media_item_for(asset, network=network, variant=variant)


def media_for_network(
    network: str, media: Sequence[MediaAsset], options: dict[str, Any], thumbnail: MediaAsset | None = None
) -> list[MediaAsset]:
    """Which of the post's files go to ``network``, in order."""
    if network == "facebook" and options.get("format") == "link":
        return []  # a link post shows the link's preview instead
    if network == "youtube":
        videos = [asset for asset in media if asset.kind == MediaAsset.Kind.VIDEO]
        return [*videos, thumbnail] if thumbnail is not None else videos
    return list(media)


def joins_link(network: str, *, text: str, link: str, has_media: bool) -> bool:
    rule = LINK_JOINS_TEXT[network]
    return bool(link) and link not in text and (rule == "always" or (rule == "with_media" and has_media))


def with_link(text: str, link: str) -> str:
    return f"{text}\n\n{link}" if text else link


def youtube_title(text: str, options: dict[str, Any]) -> str:
    """The video's title: the one given, else the text's first line (what the adapter does)."""
    title = str(options.get("title") or "").strip()
    if title:
        return title
    lines = text.strip().splitlines()
    return lines[0].strip() if lines else ""


def build_draft(
    *,
    network: str,
    text: str,
    link: str,
    media: Sequence[MediaAsset],
    options: dict[str, Any],
    thumbnail: MediaAsset | None = None,
) -> tuple[Draft, list[Problem]]:
    """The ``Draft`` ``network``'s adapter receives for this content, and the files that could
    not be rendered for it (as problems; those files are left out of the draft).

    X has no link field, so the link joins X's text; a Facebook link post carries no media;
    YouTube gets the videos and the chosen thumbnail; Instagram files use the fit chosen for
    each (``options["fit"]``). ``options`` must be cleaned (``clean_options``).
    """
    label = LABELS[network]
    problems: list[Problem] = []
    items: list[MediaItem] = []
    for number, asset in enumerate(media_for_network(network, media, options, thumbnail), start=1):
        variant = (options.get("fit") or {}).get(str(asset.pk), "default")
        try:
            items.append(media_item(asset, network=network, variant=variant))
        except ValidationError as error:
            name = asset.original_name or f"file {number}"
            problems.append(Problem("media_unusable", f"{label}: {name}: {' '.join(error.messages)}", "media"))
        except OSError:  # the stored file is gone or unreadable: a problem to fix, not a crash
            name = asset.original_name or f"file {number}"
            problems.append(
                Problem(
                    "media_missing",
                    f"{label}: {name} could not be read from storage; remove it and attach it again.",
                    "media",
                )
            )
    draft_text = text
    if network == "twitter" and joins_link(network, text=text, link=link, has_media=bool(items)):
        draft_text = with_link(text, link)
    adapter_options = {key: value for key, value in options.items() if key not in ("fit", "thumbnail_id", "thread")}
    if network == "facebook":
        adapter_options.pop("format", None)
    thread = tuple(options.get("thread") or ()) if network == "twitter" else ()
    return Draft(text=draft_text, link=link, media=tuple(items), options=adapter_options, thread=thread), problems


def check_target(
    *,
    account: ConnectedAccount,
    text: str,
    link: str,
    media: Sequence[MediaAsset],
    options: dict[str, Any],
    thumbnail: MediaAsset | None = None,
    alt_text_required: bool = True,
) -> TargetCheck:
    """Counters and problems for one account; ``text`` is already the per-network text and
    ``options`` already cleaned. Reads media files only to render them for the network
    (renditions are kept, so this is cheap the second time). Saves nothing but renditions."""
    network = account.network
    label = LABELS[network]
    adapter = adapter_for(network)
    problems: list[Problem] = []

    if account.status == ConnectedAccount.Status.NEEDS_RECONNECT:
        problems.append(
            Problem(
                "account_needs_reconnect",
                f"{label}: {account.display_name} needs reconnecting before PhysSocial can post to it.",
                "account",
            )
        )
    elif account.status != ConnectedAccount.Status.ACTIVE:
        problems.append(
            Problem("account_disconnected", f"{label}: {account.display_name} is no longer connected.", "account")
        )

    draft, media_problems = build_draft(
        network=network, text=text, link=link, media=media, options=options, thumbnail=thumbnail
    )
    problems += media_problems
    sent = media_for_network(network, media, options, thumbnail)
    if alt_text_required:
        for number, asset in enumerate(sent, start=1):
            is_thumbnail = network == "youtube" and asset is thumbnail
            if asset.is_visual and not asset.alt_text.strip() and not is_thumbnail:
                name = asset.original_name or f"file {number}"
                problems.append(
                    Problem(
                        "alt_text_missing",
                        f"{label}: describe {name} for people who use screen readers (alt text is required).",
                        "media",
                    )
                )
    problems += adapter.validate(draft)
    problems += _format_problems(network, options, sent, link)
    if account.kind == ConnectedAccount.Kind.LINKEDIN_ORGANIZATION and options.get("visibility") == "CONNECTIONS":
        # Only members have connections; LinkedIn refuses the setting on a page's post.
        problems.append(Problem("visibility_invalid", "LinkedIn: a page's posts are public; choose Anyone.", "options"))

    posted = draft.text
    if joins_link(network, text=draft.text, link=link, has_media=bool(draft.media)):
        posted = with_link(draft.text, link)
    counts = {"text": _count(adapter.count_text(posted))}
    if network == "instagram":
        counts["hashtags"] = {"used": len(INSTAGRAM_HASHTAG.findall(posted)), "limit": adapter.limits.max_hashtags or 0}
    if network == "youtube":
        counts["title"] = {"used": len(youtube_title(text, options)), "limit": adapter.limits.title_length or 0}
    return TargetCheck(
        account_id=account.pk,
        network=network,
        counts=counts,
        problems=_unique(problems),
        draft=draft,
        render_problems=tuple(media_problems),
    )


def _count(count) -> dict[str, int]:
    return {"used": count.used, "limit": count.limit}


def _format_problems(network: str, options: dict[str, Any], sent: list[MediaAsset], link: str) -> list[Problem]:
    """The formats the composer offers, checked before the network would refuse them."""
    chosen = options.get("format")
    if network == "facebook" and chosen == "link" and not link:
        return [Problem("link_missing", "Facebook: a link post needs a link.", "link")]
    if network == "facebook" and chosen == "photo" and not sent:
        return [Problem("media_missing", "Facebook: a photo post needs a photo or a video.", "media")]
    if network == "instagram" and sent:
        if chosen == "feed" and (len(sent) != 1 or sent[0].kind == MediaAsset.Kind.VIDEO):
            return [
                Problem(
                    "feed_needs_one_image",
                    "Instagram: a feed post is one image; choose Carousel for 2 to 10 files.",
                    "media",
                )
            ]
        if chosen == "carousel" and len(sent) < 2:
            return [Problem("carousel_too_small", "Instagram: a carousel needs 2 to 10 images or videos.", "media")]
    return []


def _unique(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[str, str]] = set()
    result = []
    for problem in problems:
        key = (problem.code, problem.message)
        if key not in seen:
            seen.add(key)
            result.append(problem)
    return result
