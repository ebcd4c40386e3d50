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
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from accounts.connections import adapter_for
from accounts.models import ConnectedAccount
from physsocial import input_rules
from physsocial.networks import network_label
from platforms import describe
from platforms.base import Draft, MediaItem, Problem
from platforms.description import Option, with_link
from posts.models import MediaAsset


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


def _choice(network: str, option: Option, value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # YouTube's category ids are digits; the API may send them as numbers
    # The type first: a list or an object is not a choice (and cannot be looked up in a dict).
    if not isinstance(value, str) or value not in option.values:
        shown = repr(value) if isinstance(value, str) else _("this value")
        raise ValidationError(
            _("%(network)s: %(value)s is not a %(name)s (use one of %(known)s).")
            % {
                "network": network_label(network),
                "value": shown[:60],
                "name": _(option.noun),
                "known": ", ".join(option.values),
            }
        )
    return value


def _text(network: str, name: str, value: Any, *, limit: int) -> str:
    if not isinstance(value, str):
        raise ValidationError(
            _("%(network)s: the %(name)s must be text.") % {"network": network_label(network), "name": name}
        )
    if len(value) > limit:
        raise ValidationError(
            _("%(network)s: the %(name)s is longer than %(limit)s characters.")
            % {"network": network_label(network), "name": name, "limit": f"{limit:,}"}
        )
    return value.strip()


def _flag(network: str, name: str, value: Any) -> bool:
    """``True`` or ``False``: "maybe" is refused rather than read as "no"."""
    try:
        return input_rules.check_flag(value, field=f"{network_label(network)}: {name}")
    except ValidationError:
        raise ValidationError(
            _("%(network)s: %(name)s must be true or false.") % {"network": network_label(network), "name": name}
        ) from None


def _clean_option(network: str, option: Option, value: Any) -> Any:
    """The value to store for ``option``, or None when there is nothing to store (empty, or the default)."""
    match option.kind:
        case "choice":
            if value in (None, "") or value == option.default:
                return None
            return _choice(network, option, value)
        case "text":
            text = _text(network, _(option.noun), value, limit=option.max_length or 5000) if value else ""
            return text or None
        case "tags":
            tags = value or []
            if isinstance(tags, str):
                tags = tags.split(",")
            if not isinstance(tags, list):
                raise ValidationError(
                    _("%(network)s: tags must be a list, or text separated by commas.")
                    % {"network": network_label(network)}
                )
            tags = [_text(network, _(option.noun), tag, limit=option.max_length or 5000) for tag in tags]
            return [tag for tag in tags if tag] or None
        case "flag":
            if value is None:
                return None
            flag = _flag(network, option.noun, value)
            return None if flag == option.default else flag
        case "media_id":
            if value in (None, ""):
                return None
            asset_id = input_rules.parse_id(value)
            if asset_id is None:
                raise ValidationError(
                    _("%(network)s: the %(name)s must be an image from the media library.")
                    % {"network": network_label(network), "name": _(option.noun)}
                )
            return asset_id
        case "thread":
            thread = value or []
            if not isinstance(thread, list) or not all(isinstance(part, str) for part in thread):
                raise ValidationError(
                    _("%(network)s: a thread is a list of further posts, each one text.")
                    % {"network": network_label(network)}
                )
            return [part.replace("\r\n", "\n") for part in thread] or None
        case "fit":
            fit = value or {}
            if not isinstance(fit, dict):
                raise ValidationError(
                    _("%(network)s: the fit must map media ids to %(known)s.")
                    % {"network": network_label(network), "known": ", ".join(option.values[1:])}
                )
            chosen = {str(asset_id): _choice(network, option, v) for asset_id, v in fit.items() if v}
            return {asset_id: variant for asset_id, variant in chosen.items() if variant != "default"} or None
    raise AssertionError(f"no rule for options of kind {option.kind!r}")


def clean_options(network: str, options: dict[str, Any] | None) -> dict[str, Any]:
    """``options`` for ``network`` with known keys only, in their stored types.

    Which options a network has, and their values, come from its description
    (``platforms/description.py``). Empty values and defaults are dropped, so a
    default never needs storing. Raises ValidationError with a sentence naming
    the network for an unknown option or a value the network does not know.
    """
    try:
        description = describe(network)
    except ValueError:
        raise ValidationError(_("PhysSocial cannot post to %(network)r.") % {"network": network}) from None
    if options is not None and not isinstance(options, dict):
        raise ValidationError(
            _("%(network)s: the options must be a JSON object.") % {"network": network_label(network)}
        )
    input_rules.check_texts_in(options, field=_("%(network)s's options") % {"network": network_label(network)})
    options = dict(options or {})
    unknown = sorted(set(options) - set(description.option_names))
    if unknown:
        raise ValidationError(
            _("%(network)s has no option %(names)s.")
            % {"network": network_label(network), "names": ", ".join(repr(name) for name in unknown)}
        )
    cleaned: dict[str, Any] = {}
    for option in description.options:
        value = _clean_option(network, option, options.get(option.name))
        if value is not None:
            cleaned[option.name] = value
    return cleaned


# --- the draft each network receives -----------------------------------------------------------


def media_item(asset: MediaAsset, *, network: str, variant: str = "default") -> MediaItem:
    """The asset as ``network``'s adapter receives it (rendered, with alt text). The one place
    media reaches validation, so switching how items are made touches nothing else.
    Raises ValidationError when the file cannot be made to fit the network."""
    from posts.media.handoff import media_item_for  # heavy imports (PyAV, Pillow) only when media is involved

    return media_item_for(asset, network=network, variant=variant)


def media_for_network(
    network: str, media: Sequence[MediaAsset], options: dict[str, Any], thumbnail: MediaAsset | None = None
) -> list[MediaAsset]:
    """Which of the post's files go to ``network``, in order (its description's ``media`` rule):
    a Facebook link post takes none, YouTube takes the videos and then the chosen thumbnail."""
    rule = describe(network).media
    if rule.none_with_format and options.get("format") == rule.none_with_format:
        return []
    sent = [asset for asset in media if (rule.videos if asset.kind == MediaAsset.Kind.VIDEO else rule.images)]
    if rule.thumbnail and thumbnail is not None:
        sent.append(thumbnail)
    return sent


def text_with_link(network: str, *, text: str, link: str, has_media: bool) -> str:
    """``text`` as ``network`` shows it: with the link added where the network puts it there."""
    if describe(network).link_joins_text(text=text, link=link, has_media=has_media):
        return with_link(text, link)
    return text


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
    label = network_label(network)
    problems: list[Problem] = []
    items: list[MediaItem] = []
    for number, asset in enumerate(media_for_network(network, media, options, thumbnail), start=1):
        variant = (options.get("fit") or {}).get(str(asset.pk), "default")
        try:
            items.append(media_item(asset, network=network, variant=variant))
        except ValidationError as error:
            name = asset.original_name or _("file %(number)s") % {"number": number}
            problems.append(Problem("media_unusable", f"{label}: {name}: {' '.join(error.messages)}", "media"))
        except OSError:  # the stored file is gone or unreadable: a problem to fix, not a crash
            name = asset.original_name or _("file %(number)s") % {"number": number}
            problems.append(
                Problem(
                    "media_missing",
                    _("%(network)s: %(name)s could not be read from storage; remove it and attach it again.")
                    % {"network": label, "name": name},
                    "media",
                )
            )
    # X's adapter has no link field to read: the link goes into the text it receives. The other
    # adapters place ``draft.link`` themselves, as their descriptions say.
    draft_text = text_with_link(network, text=text, link=link, has_media=bool(items)) if network == "twitter" else text
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
    with_counts: bool = True,
) -> TargetCheck:
    """Counters and problems for one account; ``text`` is already the per-network text and
    ``options`` already cleaned. Reads media files only to render them for the network
    (renditions are kept, so this is cheap the second time). Saves nothing but renditions.
    ``with_counts=False`` leaves the counters out (``counts`` is empty): only people read them, and
    counting X's text again was a tenth of the engine's check."""
    network = account.network
    description = describe(network)
    label = network_label(network)
    adapter = adapter_for(network)
    problems: list[Problem] = []

    if account.status == ConnectedAccount.Status.NEEDS_RECONNECT:
        problems.append(
            Problem(
                "account_needs_reconnect",
                _("%(network)s: %(account)s needs reconnecting before PhysSocial can post to it.")
                % {"network": label, "account": account.display_name},
                "account",
            )
        )
    elif account.status != ConnectedAccount.Status.ACTIVE:
        problems.append(
            Problem(
                "account_disconnected",
                _("%(network)s: %(account)s is no longer connected.")
                % {"network": label, "account": account.display_name},
                "account",
            )
        )

    draft, media_problems = build_draft(
        network=network, text=text, link=link, media=media, options=options, thumbnail=thumbnail
    )
    problems += media_problems
    sent = media_for_network(network, media, options, thumbnail)
    if alt_text_required:
        for number, asset in enumerate(sent, start=1):
            is_thumbnail = description.media.thumbnail and asset is thumbnail
            if asset.is_visual and not asset.alt_text.strip() and not is_thumbnail:
                name = asset.original_name or _("file %(number)s") % {"number": number}
                problems.append(
                    Problem(
                        "alt_text_missing",
                        _("%(network)s: describe %(name)s for people who use screen readers (alt text is required).")
                        % {"network": label, "name": name},
                        "media",
                    )
                )
    problems += adapter.validate(draft)
    problems += _format_problems(network, options, sent, link)
    if account.kind == ConnectedAccount.Kind.LINKEDIN_ORGANIZATION and options.get("visibility") == "CONNECTIONS":
        # Only members have connections; LinkedIn refuses the setting on a page's post.
        problems.append(
            Problem("visibility_invalid", _("LinkedIn: a page's posts are public; choose Anyone."), "options")
        )

    counts = _counts(adapter, description, draft, text=text, link=link, options=options) if with_counts else {}
    return TargetCheck(
        account_id=account.pk,
        network=network,
        counts=counts,
        problems=_unique(problems),
        draft=draft,
        render_problems=tuple(media_problems),
    )


def _counts(adapter, description, draft: Draft, *, text: str, link: str, options: dict[str, Any]) -> dict:
    posted = text_with_link(description.network, text=draft.text, link=link, has_media=bool(draft.media))
    counts = {"text": _count(adapter.count_text(posted))}
    if adapter.limits.max_hashtags:
        counts["hashtags"] = {"used": adapter.count_hashtags(posted), "limit": adapter.limits.max_hashtags}
    if description.title:
        title = description.title.title_for(text, options)
        counts["title"] = {"used": len(title), "limit": description.title.max_length}
    return counts


def _count(count) -> dict[str, int]:
    return {"used": count.used, "limit": count.limit}


def _format_problems(network: str, options: dict[str, Any], sent: list[MediaAsset], link: str) -> list[Problem]:
    """The formats the composer offers, checked before the network would refuse them."""
    chosen = options.get("format")
    if network == "facebook" and chosen == "link" and not link:
        return [Problem("link_missing", _("Facebook: a link post needs a link."), "link")]
    if network == "facebook" and chosen == "photo" and not sent:
        return [Problem("media_missing", _("Facebook: a photo post needs a photo or a video."), "media")]
    if network == "instagram" and sent:
        if chosen == "feed" and (len(sent) != 1 or sent[0].kind == MediaAsset.Kind.VIDEO):
            return [
                Problem(
                    "feed_needs_one_image",
                    _("Instagram: a feed post is one image; choose Carousel for 2 to 10 files."),
                    "media",
                )
            ]
        if chosen == "carousel" and len(sent) < 2:
            return [Problem("carousel_too_small", _("Instagram: a carousel needs 2 to 10 images or videos."), "media")]
    return []


def problem_text(problem: Problem) -> str:
    """``problem`` in the active language, numbers written its way ("1 234" in French).

    Adapters write English (``problem.message``) and mark each sentence for the catalogue;
    this is where the reader's language is known. Problems PhysSocial writes itself are
    translated already and come back unchanged.
    """
    return problem.phrase.render(gettext, _local_number)


def _local_number(value: int | float) -> str:
    if isinstance(value, float) and not value.is_integer():
        value = Decimal(f"{value:g}")  # 2.5, never 2.5000000001
    else:
        value = int(value)
    return number_format(value, force_grouping=True)


def _unique(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[str, str]] = set()
    result = []
    for problem in problems:
        key = (problem.code, problem.message)
        if key not in seen:
            seen.add(key)
            result.append(problem)
    return result
