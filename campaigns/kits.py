"""Share kits: an association's suggested posts, members adopting them, and the figures it sees.

**Who.** The staff of an association (``campaign.manage``) write the suggestions of its
campaigns. Every member of the association, viewers included (``kit.view``), reads the kits of
its running and upcoming campaigns and adopts a suggestion into an organization where they may
schedule (``post.schedule``), usually their personal one.

**Adopting** makes an ordinary post *in the member's organization*, through
``posts.services.create_post``: the same validation, privacy guard and approval rules as the
composer and the posts API. The media are copied into that organization (a ``MediaAsset``
belongs to one organization); the post is not linked to the association's campaign
(``Post.campaign``), whose pages list that organization's own posts: only the ``Adoption`` row
ties them, and it is all the association reads.

**The window.** "Tuesday 8–10 am" is written in the association's time zone, on the days of the
campaign (its dates read in the same zone). A member gets the next instant inside it, shown in
their own zone; "use my queue" takes instead the first free slot of their posting schedule
that falls inside it. Local times follow ``scheduler.schedules.slot_instant``: a time skipped
when clocks go forward is the first minute after the gap, a repeated one its first occurrence.

**What the association sees** (``adoption_figures``): per suggestion, who adopted it (a name
unless the member chose to be counted without it), whether it is scheduled, published, on which
networks, and the public links. Never the texts, drafts or edits: those stay in the member's
organization, which the association's staff cannot open.
"""

from __future__ import annotations

import secrets
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Literal
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Case, IntegerField, Max, Prefetch, QuerySet, Value, When
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import permissions
from accounts.models import ConnectedAccount, Organization, User
from campaigns.models import Adoption, Campaign, Suggestion
from physsocial import input_rules
from physsocial.networks import network_label
from platforms.description import DESCRIPTIONS
from posts import hashtags as hashtag_rules
from posts import services as post_services
from posts.media import reading as media_reading
from posts.models import MediaAsset, Post, PostTarget, TargetState
from scheduler import schedules

MANAGE_ACTION = "campaign.manage"
VIEW_ACTION = "kit.view"
ADOPT_ACTION = "post.schedule"

#: How far ahead we look for a window or a slot: a campaign longer than this is surely a mistake.
SEARCH_DAYS = 400
#: A window already open starts "now", rounded up to the next five minutes: time to read the draft.
ROUND_TO = timedelta(minutes=5)
WEEKDAY_NAMES = {
    0: gettext_lazy("Monday"),
    1: gettext_lazy("Tuesday"),
    2: gettext_lazy("Wednesday"),
    3: gettext_lazy("Thursday"),
    4: gettext_lazy("Friday"),
    5: gettext_lazy("Saturday"),
    6: gettext_lazy("Sunday"),
}
#: Targets in these states were scheduled by the member (their figures count them as scheduled).
SCHEDULED_STATES = (TargetState.SCHEDULED, TargetState.PUBLISHING, TargetState.PUBLISHED, TargetState.NEEDS_ATTENTION)


class AlreadyAdopted(ValidationError):
    """The member adopted this suggestion before: say so, and go on only when they confirm."""

    def __init__(self, previous: Adoption):
        self.previous = previous
        super().__init__(
            _("You already adopted this suggested post on %(day)s. Adopt it again only if you mean to post it twice.")
            % {"day": f"{previous.created_at:%Y-%m-%d}"},
            code="already_adopted",
        )


# --- who may see and edit what ----------------------------------------------------------------------


def is_association(organization: Organization) -> bool:
    return organization.kind == Organization.Kind.ASSOCIATION


def require_kit_manager(user: User, campaign: Campaign) -> None:
    """Staff of the campaign's association: 404 for outsiders and for a campaign that is not an
    association's (it has no share kit), 403 for members whose role does not manage campaigns."""
    permissions.require(user, MANAGE_ACTION, campaign.organization_id)
    if not is_association(campaign.organization):
        raise Http404(_("Only an association's campaigns have share kits."))


def managed_campaign(user: User, pk: Any, *, organization: Organization | None = None) -> Campaign:
    """The campaign ``pk`` whose kit ``user`` may edit (see ``require_kit_manager``); ``organization``
    narrows the search (an API token's)."""
    campaigns = Campaign.objects.select_related("organization")
    if organization is not None:
        campaigns = campaigns.filter(organization=organization)
    campaign = permissions.get_object(user, campaigns, pk, MANAGE_ACTION)
    require_kit_manager(user, campaign)
    return campaign


def kit_campaigns(user: User, *, today: date | None = None) -> QuerySet[Campaign]:
    """The running and upcoming campaigns of every association ``user`` belongs to, with their
    suggestions (and the suggestions' media) prefetched, soonest first."""
    today = today or timezone.localdate()
    associations = [
        association
        for association in permissions.organizations_where(user, VIEW_ACTION).filter(kind=Organization.Kind.ASSOCIATION)
        # An association that requires two-factor shows nothing to a session signed in without it.
        if not permissions.lacks_required_two_factor(user, association, VIEW_ACTION)
    ]
    suggestions = Suggestion.objects.prefetch_related("media").order_by("position", "pk")
    return (
        Campaign.objects.filter(organization__in=associations)
        .not_over(today)
        .select_related("organization")
        .prefetch_related(Prefetch("suggestions", queryset=suggestions))
        .order_by("starts_on", "name", "pk")
    )


def suggestion_for_member(user: User, pk: Any) -> Suggestion:
    """A suggestion of an association ``user`` belongs to, for reading or adopting (404 otherwise).

    A suggestion of a campaign that is over is still shown to who asks for it by id, but
    ``adopt_suggestion`` refuses it."""
    queryset = Suggestion.objects.select_related("campaign", "campaign__organization").filter(
        campaign__organization__kind=Organization.Kind.ASSOCIATION
    )
    return permissions.get_object(user, queryset, pk, VIEW_ACTION, org_field="campaign__organization")


def adoption_organizations(user: User) -> QuerySet[Organization]:
    """Where ``user`` may adopt a suggestion: where they may schedule, personal organization first."""
    personal_first = Case(
        When(kind=Organization.Kind.PERSONAL, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    return permissions.organizations_where(user, ADOPT_ACTION).order_by(personal_first, "name", "pk")


def last_anonymity_choice(user: User) -> bool:
    """Whether ``user`` chose, the last time they adopted a suggestion, to be counted without their name."""
    last = Adoption.objects.filter(member=user).order_by("-created_at", "-pk").values_list("anonymous", flat=True)
    return bool(last.first())


def previous_adoption(user: User, suggestion: Suggestion) -> Adoption | None:
    return Adoption.objects.filter(member=user, suggestion=suggestion).order_by("-created_at").first()


# --- writing suggestions ------------------------------------------------------------------------------


@dataclass
class SuggestionInput:
    """What staff write for one suggestion, before it is checked."""

    title: str = ""
    text: str = ""
    network_texts: Mapping[str, str] = field(default_factory=dict)
    link: str = ""
    media_ids: Sequence[int] = ()
    hashtags: str | Iterable[str] = ""
    window_weekdays: Iterable[int] = ()
    window_starts_at: time | None = None
    window_ends_at: time | None = None
    note_to_members: str = ""


def _clean_text(value: Any, *, label: str, max_length: int | None = None) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(_("%(label)s must be text.") % {"label": label})
    input_rules.check_text(value, field=label)
    value = value.replace("\r\n", "\n").strip()
    if max_length and len(value) > max_length:
        raise ValidationError(
            _("%(label)s is longer than %(max)s characters.") % {"label": label, "max": f"{max_length:,}"}
        )
    if len(value) > post_services.MAX_TEXT_LENGTH:
        raise ValidationError(_("%(label)s is too long.") % {"label": label})
    return value


def _clean_suggestion(campaign: Campaign, data: SuggestionInput) -> dict[str, Any]:
    errors: dict[str, list[str]] = {}

    def attempt(name: str, check):
        try:
            return check()
        except ValidationError as error:
            errors.setdefault(name, []).extend(error.messages)
        except ValueError as error:
            errors.setdefault(name, []).append(str(error))
        return None

    title = attempt("title", lambda: _clean_text(data.title, label=_("The title"), max_length=120))
    if not title and "title" not in errors:
        errors["title"] = [_("Give the suggestion a short title members see in the list.")]
    text = attempt("text", lambda: _clean_text(data.text, label=_("The text")))
    network_texts = attempt("network_texts", lambda: _clean_network_texts(data.network_texts))
    if not text and not network_texts and "text" not in errors:
        errors["text"] = [_("Write the text members will post, for every network or for one.")]
    link = attempt("link", lambda: _clean_link(data.link))
    media = attempt("media", lambda: _clean_media(campaign.organization, data.media_ids))
    tags = attempt("hashtags", lambda: [tag[1:] for tag in hashtag_rules.parse_hashtag_list(data.hashtags or "")])
    weekdays = attempt("window_weekdays", lambda: _clean_weekdays(data.window_weekdays))
    attempt("window_ends_at", lambda: _check_window(data.window_starts_at, data.window_ends_at))
    note = attempt("note_to_members", lambda: _clean_text(data.note_to_members, label=_("The note to members")))
    if errors:
        raise ValidationError(errors)
    return {
        "title": title,
        "text": text,
        "network_texts": network_texts,
        "link": link,
        "media": media,
        "hashtags": tags,
        "window_weekdays": weekdays,
        "window_starts_at": data.window_starts_at,
        "window_ends_at": data.window_ends_at,
        "note_to_members": note,
    }


def _clean_network_texts(network_texts: Mapping[str, str] | None) -> dict[str, str]:
    if network_texts is None:
        return {}
    if not isinstance(network_texts, Mapping):
        raise ValidationError(_("Give the texts per network as network → text."))
    cleaned = {}
    for network, text in network_texts.items():
        if network not in DESCRIPTIONS:
            raise ValidationError(
                _("%(network)s is not a network we post to; use one of %(networks)s.")
                % {"network": str(network)[:40], "networks": ", ".join(DESCRIPTIONS)}
            )
        text = _clean_text(text, label=network_label(network))
        if text:
            cleaned[network] = text
    return cleaned


def _clean_link(link: Any) -> str:
    link = _clean_text(link, label=_("The link"), max_length=2000)
    if link:
        try:
            URLValidator(schemes=["http", "https"])(link)
        except ValidationError:
            raise ValidationError(_("The link must be a web address starting with https:// or http://.")) from None
    return link


def _parse_ids(values: Iterable[Any] | None, *, what: str) -> list[int]:
    ids: list[int] = []
    for value in values or ():
        number = input_rules.parse_id(value)
        if number is None:
            raise ValidationError(
                _("%(value)s is not the id of %(what)s: ids are whole numbers such as 12.")
                % {"value": repr(value)[:40], "what": what}
            )
        if number not in ids:
            ids.append(number)
    return ids


def _clean_media(organization: Organization, media_ids: Iterable[Any]) -> list[MediaAsset]:
    ids = _parse_ids(media_ids, what=_("a picture or video"))
    found = MediaAsset.objects.filter(organization=organization).in_bulk(ids)
    missing = [number for number in ids if number not in found]
    if missing:
        raise ValidationError(
            _("Media %(ids)s is not in %(organization)s's library.")
            % {"ids": ", ".join(map(str, missing)), "organization": organization.name}
        )
    assets = [found[number] for number in ids]
    undescribed = [asset for asset in assets if asset.is_visual and not asset.alt_text.strip()]
    if undescribed:
        # Members copy the picture as it is: describe it once here, for every member's readers.
        raise ValidationError(
            _("Describe %(names)s in the media library first: members' readers who use screen readers need it.")
            % {"names": ", ".join(str(asset) for asset in undescribed)}
        )
    return assets


def _clean_weekdays(weekdays: Iterable[Any]) -> list[int]:
    days = set()
    for value in weekdays or ():
        number = input_rules.parse_id(value) if not isinstance(value, int) else value
        if number is None or not 0 <= number <= 6:
            raise ValidationError(_("Days are numbers from 0 (Monday) to 6 (Sunday)."))
        days.add(number)
    return sorted(days)


def _check_window(starts_at: time | None, ends_at: time | None) -> None:
    if (starts_at is None) != (ends_at is None):
        raise ValidationError(_("Give both times of the window (from and until), or neither."))
    if starts_at is not None and ends_at is not None and ends_at <= starts_at:
        raise ValidationError(_("The window must end after it starts, on the same day."))


@transaction.atomic
def create_suggestion(campaign: Campaign, *, by: User, data: SuggestionInput) -> Suggestion:
    """Add a suggestion at the end of ``campaign``'s kit."""
    require_kit_manager(by, campaign)
    fields = _clean_suggestion(campaign, data)
    media = fields.pop("media")
    last = campaign.suggestions.aggregate(last=Max("position"))["last"]
    suggestion = Suggestion.objects.create(
        campaign=campaign, created_by=by, position=0 if last is None else last + 1, **fields
    )
    suggestion.media.set(media)
    return suggestion


@transaction.atomic
def update_suggestion(suggestion: Suggestion, *, by: User, data: SuggestionInput) -> Suggestion:
    require_kit_manager(by, suggestion.campaign)
    fields = _clean_suggestion(suggestion.campaign, data)
    media = fields.pop("media")
    for name, value in fields.items():
        setattr(suggestion, name, value)
    suggestion.save()
    suggestion.media.set(media)
    return suggestion


def delete_suggestion(suggestion: Suggestion, *, by: User) -> None:
    """Remove a suggestion and its figures; members' posts made from it stay theirs."""
    require_kit_manager(by, suggestion.campaign)
    suggestion.delete()


@transaction.atomic
def move_suggestion(suggestion: Suggestion, *, direction: Literal["up", "down"], by: User) -> None:
    """Swap ``suggestion`` with its neighbour, numbering the kit 0, 1, 2… again."""
    require_kit_manager(by, suggestion.campaign)
    ordered = list(Suggestion.objects.select_for_update().filter(campaign=suggestion.campaign_id))
    index = next(i for i, item in enumerate(ordered) if item.pk == suggestion.pk)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(ordered):
        ordered[index], ordered[other] = ordered[other], ordered[index]
    for position, item in enumerate(ordered):
        item.position = position
    Suggestion.objects.bulk_update(ordered, ["position"])


def describe_window(suggestion: Suggestion) -> str:
    """ "Tuesday, Thursday, 08:00–10:00 (America/Toronto)"; "Any day of the campaign" without one."""
    days = ", ".join(str(WEEKDAY_NAMES[day]) for day in suggestion.window_weekdays or ())
    zone = suggestion.campaign.organization.time_zone
    if suggestion.window_starts_at and suggestion.window_ends_at:
        hours = f"{suggestion.window_starts_at:%H:%M}–{suggestion.window_ends_at:%H:%M} ({zone})"
        return f"{days}, {hours}" if days else _("Every day, %(hours)s") % {"hours": hours}
    return days or _("Any day of the campaign")


# --- the window -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Window:
    starts: datetime
    ends: datetime

    def __contains__(self, instant: datetime) -> bool:
        return self.starts <= instant < self.ends


def windows(suggestion: Suggestion, *, after: datetime) -> Iterable[Window]:
    """The suggestion's windows (aware UTC) that end after ``after``, in order, up to the
    campaign's last day."""
    campaign = suggestion.campaign
    zone = ZoneInfo(campaign.organization.time_zone)
    day = max(after.astimezone(zone).date() - timedelta(days=1), campaign.starts_on)
    last_day = min(campaign.ends_on, day + timedelta(days=SEARCH_DAYS))
    starts_at = suggestion.window_starts_at or time(0, 0)
    while day <= last_day:
        if not suggestion.window_weekdays or day.weekday() in suggestion.window_weekdays:
            starts = schedules.slot_instant(day, starts_at, zone)
            if suggestion.window_ends_at:
                ends = schedules.slot_instant(day, suggestion.window_ends_at, zone)
            else:
                ends = schedules.slot_instant(day + timedelta(days=1), time(0, 0), zone)
            if ends > after:
                yield Window(starts, ends)
        day += timedelta(days=1)


def _round_up(instant: datetime) -> datetime:
    epoch = datetime(2000, 1, 1, tzinfo=UTC)
    steps = -(-(instant - epoch) // ROUND_TO)
    return epoch + steps * ROUND_TO


def next_window_time(suggestion: Suggestion, *, after: datetime) -> datetime:
    """The next instant inside the suggestion's window: its start, or (in an open window) ``after``
    rounded up to five minutes. Raises ValidationError when no window is left in the campaign."""
    for window in windows(suggestion, after=after):
        at = max(window.starts, _round_up(after))
        if at in window:
            return at
    raise ValidationError(_("This campaign has no suggested time left for this post."), code="no_window_left")


def next_queue_time(suggestion: Suggestion, *, accounts: Sequence[ConnectedAccount], after: datetime) -> datetime:
    """The first slot of the posting schedule the accounts follow that falls inside a window and
    that none of them holds yet. Raises ValidationError without a schedule, or when no free
    slot falls inside a window before the campaign ends."""
    if not accounts:
        raise ValidationError({"accounts": _("Choose at least one account to post to.")})
    followed = schedules.schedule_for(accounts[0])
    if followed is None or not followed.slots.all():
        raise ValidationError(
            _("%(account)s has no posting schedule with times yet; pick the suggested time instead.")
            % {"account": accounts[0].display_name},
            code="no_queue",
        )
    open_windows = iter(windows(suggestion, after=after))
    window = next(open_windows, None)
    for slot in schedules.iter_slots(followed, after=after):
        while window is not None and window.ends <= slot:
            window = next(open_windows, None)
        if window is None:
            break
        if slot in window and all(
            schedules.next_free_slot(account, after=slot - timedelta(seconds=1)) == slot for account in accounts
        ):
            return slot
    raise ValidationError(
        _("Your posting schedule has no free time inside this post's suggested window before the campaign ends."),
        code="no_slot_in_window",
    )


# --- adopting -----------------------------------------------------------------------------------------


def _with_hashtags(text: str, tags: Sequence[str]) -> str:
    present = {tag.casefold() for tag in hashtag_rules.extract_hashtags(text)}
    missing = [f"#{tag}" for tag in tags if tag.casefold() not in present]
    if not missing:
        return text
    return f"{text}\n\n{' '.join(missing)}" if text else " ".join(missing)


def _kit_hashtags(suggestion: Suggestion) -> list[str]:
    """The campaign's hashtags, then the suggestion's, each once."""
    seen: dict[str, str] = {}
    for tag in [*(suggestion.campaign.hashtags or []), *(suggestion.hashtags or [])]:
        tag = str(tag).lstrip("#")
        if tag:
            seen.setdefault(tag.casefold(), tag)
    return list(seen.values())


def copy_media(assets: Iterable[MediaAsset], *, into: Organization, by: User) -> list[MediaAsset]:
    """Copies of ``assets`` in ``into``'s library: the same (already stripped) bytes under a new
    random name, with their description and what the privacy guard read in them. Renditions are
    made again on demand."""
    copies = []
    for asset in assets:
        copy = MediaAsset(
            organization=into,
            uploaded_by=by,
            original_name=asset.original_name,
            kind=asset.kind,
            content_type=asset.content_type,
            size_bytes=asset.size_bytes,
            width=asset.width,
            height=asset.height,
            duration_s=asset.duration_s,
            codec=asset.codec,
            sha256=asset.sha256,
            alt_text=asset.alt_text,
        )
        extension = asset.file.name.rsplit(".", 1)[-1] if "." in asset.file.name else "bin"
        with asset.file.open("rb") as handle:
            copy.file.save(f"{secrets.token_urlsafe(18)}.{extension}", File(handle), save=False)
        try:
            copy.save()
        except BaseException:
            copy.file.storage.delete(copy.file.name)
            raise
        # What the privacy guard read in it holds for the copy: the same bytes.
        media_reading.copy_reading(asset, copy)
        copies.append(copy)
    return copies


@dataclass
class Adopted:
    adoption: Adoption
    post: Post
    #: The time inside the window picked for it (aware UTC); the post holds it unless it is a draft.
    at: datetime


Timing = Literal["window", "queue", "at"]


@transaction.atomic
def adopt_suggestion(
    suggestion: Suggestion,
    *,
    member: User,
    organization: Organization,
    account_ids: Iterable[Any] | None = None,
    when: Timing = "window",
    scheduled_at: datetime | None = None,
    schedule: Literal["draft", "at"] = "draft",
    text: str | None = None,
    anonymous: bool | None = None,
    again: bool = False,
    now: datetime | None = None,
) -> Adopted:
    """Make ``member``'s post in ``organization`` from ``suggestion``.

    The time: ``when`` "window" (the next time inside the window), "queue" (the next free slot
    of the accounts' posting schedule inside it) or "at" (``scheduled_at``, the member's own
    choice). ``schedule`` "draft" saves it for the composer (where the member picks the time
    shown to them); "at" schedules it at once through the posts service, which checks it
    like any post. ``account_ids`` None: every account of ``organization``. ``anonymous`` None:
    the member's last choice. Raises ``AlreadyAdopted`` when the member adopted it before and
    ``again`` is False; ValidationError for anything the post or the window refuses;
    Http404 / PermissionDenied when ``member`` may not read the kit or schedule there.
    """
    campaign = suggestion.campaign
    permissions.require(member, VIEW_ACTION, campaign.organization_id)
    permissions.require(member, ADOPT_ACTION, organization)
    now = now or timezone.now()
    if campaign.ends_on < now.astimezone(ZoneInfo(campaign.organization.time_zone)).date():
        raise ValidationError(_("This campaign is over: its suggested posts can no longer be adopted."))
    previous = previous_adoption(member, suggestion)
    if previous is not None and not again:
        raise AlreadyAdopted(previous)
    accounts_in_org = ConnectedAccount.objects.for_organization(organization).shown()
    if account_ids is None:
        accounts = list(accounts_in_org.order_by("network", "pk"))
    else:
        ids = _parse_ids(account_ids, what=_("a connected account"))
        found = accounts_in_org.in_bulk(ids)
        if len(found) < len(ids):
            raise ValidationError({"accounts": _("Choose accounts of %(org)s.") % {"org": organization.name}})
        accounts = [found[number] for number in ids]
    if not accounts:
        raise ValidationError(
            {"accounts": _("%(org)s has no connected account to post to yet.") % {"org": organization.name}}
        )
    if when == "queue":
        at = next_queue_time(suggestion, accounts=accounts, after=now)
    elif when == "at":
        if scheduled_at is None:
            raise ValidationError({"scheduled_at": _("Pick the date and time to publish.")})
        at = scheduled_at
    else:
        at = next_window_time(suggestion, after=now)

    tags = _kit_hashtags(suggestion)
    base_text = suggestion.text if text is None else text
    overrides = {}
    if text is None:
        for account in accounts:
            network_text = suggestion.network_texts.get(account.network)
            if network_text:
                overrides[account.pk] = {"text": _with_hashtags(network_text, tags)}
    copies = copy_media(suggestion.media.all(), into=organization, by=member)
    try:
        post = post_services.create_post(
            organization=organization,
            author=member,
            text=_with_hashtags(base_text, tags),
            link=suggestion.link or campaign.landing_url,
            media_ids=[copy.pk for copy in copies],
            account_ids=[account.pk for account in accounts],
            overrides=overrides,
            schedule=schedule,
            scheduled_at=at if schedule == "at" else None,
        )
    except BaseException:
        # The rows roll back with the transaction; the copied files would stay behind.
        for copy in copies:
            copy.file.storage.delete(copy.file.name)
        raise
    if schedule == "at" and when == "queue":
        # The slot is the queue's: mark it held, so the next post queued here takes another.
        PostTarget.objects.filter(
            post=post, scheduled_at=at, state__in=(TargetState.SCHEDULED, TargetState.IN_REVIEW)
        ).update(is_queued=True)
    if anonymous is None:
        anonymous = last_anonymity_choice(member)
    adoption = Adoption.objects.create(
        suggestion=suggestion, post=post, member=member, organization=organization, anonymous=bool(anonymous)
    )
    return Adopted(adoption=adoption, post=post, at=at)


# --- figures ------------------------------------------------------------------------------------------


@dataclass
class AdopterRow:
    name: str  # empty for a member counted without their name
    adopted_on: date
    scheduled: bool
    published: bool
    links: list[tuple[str, str]]  # (network label, public URL)


@dataclass
class SuggestionFigures:
    suggestion: Suggestion
    #: Members, not posts: a member who adopted it twice counts once.
    adopted_by: set[int] = field(default_factory=set)
    scheduled_by: set[int] = field(default_factory=set)
    published_by: set[int] = field(default_factory=set)
    networks: Counter = field(default_factory=Counter)  # network label → published posts
    adopters: list[AdopterRow] = field(default_factory=list)

    @property
    def adopted(self) -> int:
        return len(self.adopted_by)

    @property
    def scheduled(self) -> int:
        return len(self.scheduled_by)

    @property
    def published(self) -> int:
        return len(self.published_by)

    @property
    def network_counts(self) -> list[tuple[str, int]]:
        """(network label, published posts), most first: a list, as a template cannot read a Counter's items."""
        return self.networks.most_common()


@dataclass
class CampaignFigures:
    suggestions: list[SuggestionFigures]
    #: (day, adoptions made that day, of which published by now), oldest first, for the chart.
    by_day: list[tuple[date, int, int]]


def adoption_figures(campaign: Campaign) -> CampaignFigures:
    """What the association learns of its kit: per suggestion, members' adoptions and where they
    went out. Three queries whatever the number of members; no text of any member's post."""
    suggestions = list(campaign.suggestions.order_by("position", "pk"))
    figures = {suggestion.pk: SuggestionFigures(suggestion) for suggestion in suggestions}
    adoptions = list(
        Adoption.objects.filter(suggestion__campaign=campaign)
        .order_by("created_at", "pk")
        .values(
            "pk",
            "suggestion_id",
            "post_id",
            "member_id",
            "anonymous",
            "created_at",
            "member__display_name",
            "member__email",
        )
    )
    targets: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for target in (
        PostTarget.objects.filter(post__adoption__suggestion__campaign=campaign)
        .order_by("account__network", "pk")
        .values("post_id", "state", "external_url", "account__network")
    ):
        targets[target["post_id"]].append(target)
    zone = ZoneInfo(campaign.organization.time_zone)
    per_day: dict[date, list[int]] = defaultdict(lambda: [0, 0])
    for adoption in adoptions:
        entry = figures[adoption["suggestion_id"]]
        post_targets = targets.get(adoption["post_id"], [])
        published = [t for t in post_targets if t["state"] == TargetState.PUBLISHED]
        scheduled = any(t["state"] in SCHEDULED_STATES for t in post_targets)
        entry.adopted_by.add(adoption["member_id"])
        if scheduled:
            entry.scheduled_by.add(adoption["member_id"])
        if published:
            entry.published_by.add(adoption["member_id"])
        for target in published:
            entry.networks[network_label(target["account__network"])] += 1
        day = adoption["created_at"].astimezone(zone).date()
        per_day[day][0] += 1
        per_day[day][1] += bool(published)
        name = "" if adoption["anonymous"] else (adoption["member__display_name"] or adoption["member__email"])
        entry.adopters.append(
            AdopterRow(
                name=name,
                adopted_on=day,
                scheduled=scheduled,
                published=bool(published),
                links=[
                    (network_label(t["account__network"]), t["external_url"]) for t in published if t["external_url"]
                ],
            )
        )
    by_day = [(day, counts[0], counts[1]) for day, counts in sorted(per_day.items())]
    return CampaignFigures(suggestions=list(figures.values()), by_day=by_day)


def chart_config(figures: CampaignFigures) -> dict[str, Any]:
    """The adoption chart's data for ``json_script``: cumulative adoptions and publications per day."""
    labels, adopted, published = [], [], []
    total_adopted = total_published = 0
    for day, count, published_count in figures.by_day:
        total_adopted += count
        total_published += published_count
        labels.append(day.isoformat())
        adopted.append(total_adopted)
        published.append(total_published)
    return {
        "labels": labels,
        "datasets": [
            {"label": _("Adopted (total)"), "data": adopted},
            {"label": _("Of which published"), "data": published},
        ],
    }
