"""Writing posts: create, edit, validate, schedule, duplicate, delete; hashtag sets.

Every entry point (the composer, the REST API, the engine) goes through these
functions, so the same rules hold everywhere:

* A post has base text, a link, media and one target per connected account;
  a target may override the text and carry that network's options.
* ``posts.validation.check_target`` decides, per target, whether it may be
  scheduled. A problem blocks only its own target: with
  ``schedule_valid_only=True`` the others are scheduled and the rest stay
  drafts; without it, nothing is saved and ``PostProblems`` lists them all.
* Someone who may not schedule (a contributor) asks for review instead: their
  targets go to ``in_review`` carrying the time they asked for.
* A target can be edited until it starts publishing. Editing locks the
  post's targets first, so the engine cannot claim one half-way through.
* Queueing ("next free slot") belongs to the scheduler, which builds on this
  app; it plugs its ``add_to_queue`` in with ``register_queue`` at start-up
  so that posts never imports scheduler.

Services raise ``ValidationError`` with sentences a physician understands,
``PermissionDenied`` for a role that may not act. Times are aware datetimes.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from accounts import permissions
from accounts.models import ConnectedAccount, Notification, Organization, User
from accounts.notifications import notify
from audit import services as audit
from audit.models import Action
from physsocial import input_rules
from physsocial.networks import network_label
from posts import hashtags as hashtag_rules
from posts import privacy
from posts.models import FaceConsent, HashtagSet, MediaAsset, Post, PostMedia, PostTarget, TargetState
from posts.models.target import ALLOWED_TRANSITIONS
from posts.validation import TargetCheck, check_target, clean_options, problem_text

Schedule = Literal["draft", "at", "queue", "now"]
SCHEDULES = ("draft", "at", "queue", "now")
# The audit trail's entry for an author's confirmation that the people in an image consented.
FACE_CONSENT_CONFIRMED = Action.FACE_CONSENT_CONFIRMED
# The time picker has minute precision: a time picked during the current minute is not "past".
PAST_GRACE = timedelta(minutes=1)
MAX_TEXT_LENGTH = 100_000
# What an HTML datetime-local field sends and shows: local wall time, to the minute.
LOCAL_INPUT_FORMAT = "%Y-%m-%dT%H:%M"
S = TargetState


class PostProblems(ValidationError):
    """Some targets cannot be scheduled; ``results`` holds every account's check.

    The message says which networks and why; ``results`` lets a page or the
    API show each network's problems next to it.
    """

    def __init__(self, results: dict[int, TargetCheck]):
        self.results = results
        invalid = [check for check in results.values() if check.problems]
        lines = [problem_text(problem) for check in invalid for problem in check.problems]
        super().__init__(lines or ["This post cannot be scheduled."], code="invalid_targets")

    @property
    def invalid_account_ids(self) -> list[int]:
        return [account_id for account_id, check in self.results.items() if check.problems]

    @property
    def ready_account_ids(self) -> list[int]:
        """The accounts that could go ahead while the others stay drafts ("schedule the ready ones")."""
        return [account_id for account_id, check in self.results.items() if not check.problems]


# --- the queue, provided by the scheduler ---------------------------------------------------

QueuePlacer = Callable[..., Any]
_queue_placer: QueuePlacer | None = None
_queue_is_set_up: Callable[[Organization], bool] | None = None
_queue_set_up: Callable[..., Any] | None = None
_queue_describe_set_up: Callable[[], str] | None = None


def register_queue(
    add_to_queue: QueuePlacer | None,
    *,
    is_set_up: Callable[[Organization], bool] | None = None,
    set_up: Callable[..., Any] | None = None,
    describe_set_up: Callable[[], str] | None = None,
) -> None:
    """Called by the scheduler at start-up with ``add_to_queue(target, *, by)``, which puts a
    draft target in its account's next free slot (scheduled). Dependencies point scheduler →
    posts → accounts; this keeps them that way while ``create_post`` can still queue.

    ``is_set_up(organization)`` says whether the organization has a posting schedule with times;
    ``set_up(organization, *, by)`` creates the default one a clinic starts with, whose times
    ``describe_set_up()`` says in the active language ("Monday to Friday at 08:30, 12:15"): a
    function, since start-up has no reader and so no language."""
    global _queue_placer, _queue_is_set_up, _queue_set_up, _queue_describe_set_up
    _queue_placer, _queue_is_set_up, _queue_set_up = add_to_queue, is_set_up, set_up
    _queue_describe_set_up = describe_set_up


def default_queue_words() -> str:
    """The times of the posting schedule ``set_up_default_queue`` creates, in words."""
    return _queue_describe_set_up() if _queue_describe_set_up else ""


def queue_available() -> bool:
    return _queue_placer is not None


def queue_is_set_up(organization: Organization) -> bool:
    """Whether "Add to queue" can work here: the queue exists and has a posting schedule."""
    if _queue_placer is None:
        return False
    return _queue_is_set_up is None or _queue_is_set_up(organization)


def may_set_up_queue(user: User, organization: Organization) -> bool:
    """Whether ``user`` can create the default posting schedule from the composer."""
    return _queue_set_up is not None and permissions.can(user, "schedule.manage", organization)


def set_up_default_queue(organization: Organization, *, by: User) -> None:
    """Give ``organization`` the default posting schedule (see the scheduler's ``set_up_default_schedule``)
    so posts can be queued. Safe to run twice; PermissionDenied for a role that may not edit schedules."""
    if _queue_set_up is None:
        raise ValidationError(_("The posting queue is not available; pick a time instead."))
    _queue_set_up(organization, by=by)


# --- time zones ----------------------------------------------------------------------------------


def local_to_aware(value: datetime, *, time_zone: str, same_as: Iterable[datetime] = ()) -> datetime:
    """A wall-clock time picked in ``time_zone`` as an aware UTC datetime.

    A time skipped when clocks go forward raises ValidationError; a time that happens
    twice when clocks go back means the first one (daylight time), which the page shows.
    ``same_as``: the instants already chosen (an edited post's times); a picked minute that
    reads as one of them is that instant, so saving an edit again never moves a post by the
    hour of a fall-back night, nor drops its seconds.
    """
    for instant in same_as:
        if instant is not None and local_value(instant, time_zone=time_zone) == f"{value:{LOCAL_INPUT_FORMAT}}":
            return instant
    try:
        zone = ZoneInfo(time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(_("“%(zone)s” is not a time zone we know.") % {"zone": time_zone}) from None
    try:
        input_rules.check_time_range(value)
    except ValidationError as error:
        raise ValidationError({"scheduled_at": error.messages}) from None
    naive = value.replace(tzinfo=None, fold=0)
    aware = naive.replace(tzinfo=zone)
    back = aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
    if back != naive:
        raise ValidationError(
            _("%(when)s does not exist in %(zone)s: the clocks go forward that night. Pick a time an hour later.")
            % {"when": date_format(naive, "DATETIME_FORMAT"), "zone": time_zone},
            code="nonexistent_time",
        )
    return aware.astimezone(UTC)


def local_value(value: datetime | None, *, time_zone: str) -> str:
    """``value`` as a datetime-local field holds it in ``time_zone``: "2026-03-09T09:30" (to the minute)."""
    if value is None:
        return ""
    return f"{input_rules.safe_astimezone(value, ZoneInfo(time_zone)):{LOCAL_INPUT_FORMAT}}"


def describe_time(value: datetime | None, *, time_zone: str) -> str:
    """``value`` as a person in ``time_zone`` reads it: "Mon Mar 9, 2026, 09:30 EDT"."""
    if value is None:
        return ""
    local = input_rules.safe_astimezone(value, ZoneInfo(time_zone))
    return f"{local:%a %b} {local.day}, {local:%Y, %H:%M} {local.tzname()}"


# --- reading the composer's input ----------------------------------------------------------------


@dataclass
class _Input:
    """The composer's (or the API's) input, checked against the organization."""

    text: str
    link: str
    media: list[MediaAsset]
    accounts: list[ConnectedAccount]
    overrides: dict[int, tuple[str, dict[str, Any]]]  # account id → (text override, cleaned options)
    thumbnails: dict[int, MediaAsset]  # asset id → asset, for YouTube thumbnails
    # A campaigns.Campaign: posts reach campaigns only through ``Post.campaign``, never by import.
    campaign: Any = None

    def link_for(self, network: str) -> str:
        """The link ``network`` receives: a campaign's post links tagged (``Campaign.link_for``)."""
        return sent_link(self.link, self.campaign, network)


#: ``update_post(campaign_id=UNCHANGED)``: keep the post's campaign (None clears it).
UNCHANGED: Any = object()


def sent_link(link: str, campaign: Any, network: str) -> str:
    """What a post's link becomes on ``network``: as written, or, for a campaign's post, its
    link (else the campaign's landing link) with the campaign's UTM tags. The engine and the
    composer's previews both ask here, so what is shown is what is sent."""
    return campaign.link_for(link, network) if campaign is not None else link


class _Library:
    """The organization's rows a post's input names (files, connected accounts, campaigns), by id,
    each read once: ``create_posts`` reads those of all its posts up front (``read_ahead``), then
    checks each post as ``create_post`` does without a query per post."""

    def __init__(self, organization: Organization):
        self.organization = organization
        self._media: dict[int, MediaAsset | None] = {}
        self._accounts: dict[int, ConnectedAccount | None] = {}
        self._campaigns: dict[int, Any] = {}

    @staticmethod
    def _fill(known: dict[int, Any], ids: Iterable[int], read: Callable[[list[int]], dict[int, Any]]) -> None:
        missing = [pk for pk in dict.fromkeys(ids) if pk not in known]
        if missing:
            known.update(dict.fromkeys(missing))
            known.update(read(missing))

    def media(self, ids: Iterable[int]) -> dict[int, MediaAsset]:
        ids = list(ids)
        self._fill(
            self._media, ids, lambda missing: MediaAsset.objects.filter(organization=self.organization).in_bulk(missing)
        )
        return {pk: self._media[pk] for pk in ids if self._media[pk] is not None}

    def accounts(self, ids: Iterable[int]) -> dict[int, ConnectedAccount]:
        ids = list(ids)
        self._fill(
            self._accounts,
            ids,
            lambda missing: (
                ConnectedAccount.objects.for_organization(self.organization)
                .exclude(status=ConnectedAccount.Status.DISCONNECTED)
                .in_bulk(missing)
            ),
        )
        return {pk: self._accounts[pk] for pk in ids if self._accounts[pk] is not None}

    def campaign(self, pk: int) -> Any:
        # Posts know campaigns only through Post.campaign: reached through the organization's rows.
        self._fill(self._campaigns, [pk], lambda missing: self.organization.campaigns.in_bulk(missing))
        return self._campaigns[pk]

    def read_ahead(self, posts: Iterable[NewPost]) -> None:
        """Read what ``posts`` name in one query per kind (ids that are no ids are left to the checks)."""
        posts = list(posts)
        media, accounts, campaigns = set(), set(), set()
        for post in posts:
            media.update(_parsed_ids(post.media_ids))
            accounts.update(_parsed_ids(post.account_ids))
            for override in (post.overrides or {}).values():
                options = override.get("options") if isinstance(override, Mapping) else None
                if isinstance(options, Mapping):
                    media.update(_parsed_ids([options.get("thumbnail_id")]))
            campaigns.update(_parsed_ids([post.campaign_id]))
        self.media(media)
        self.accounts(accounts)
        if campaigns:
            self._fill(self._campaigns, campaigns, lambda missing: self.organization.campaigns.in_bulk(missing))


def _parsed_ids(values: Iterable[Any] | None) -> set[int]:
    return {number for value in values or () if (number := input_rules.parse_id(value)) is not None}


def _campaign(organization: Organization, campaign_id: Any, *, library: _Library | None = None) -> Any:
    if campaign_id in (None, ""):
        return None
    number = input_rules.parse_id(campaign_id)
    library = library or _Library(organization)
    found = library.campaign(number) if number is not None else None
    if found is None:
        raise ValidationError({"campaign": _("That campaign is not one of this organization's campaigns.")})
    return found


def _clean_text(text: Any, *, what: str = "", field: str = "text") -> str:
    what = what or _("text")
    if text is None:
        return ""
    if not isinstance(text, str):
        raise ValidationError(_("The %(what)s must be text.") % {"what": what})
    if len(text) > MAX_TEXT_LENGTH:
        raise ValidationError(
            _("The %(what)s is longer than %(limit)s characters.")
            % {"what": what, "limit": number_format(MAX_TEXT_LENGTH, force_grouping=True)}
        )
    try:
        input_rules.check_text(text, field=_("The %(what)s") % {"what": what})
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from None
    return text.replace("\r\n", "\n")


def _clean_link(link: Any) -> str:
    link = (_clean_text(link, what=_("link"), field="link") or "").strip()
    if not link:
        return ""
    try:
        URLValidator(schemes=["http", "https"])(link)
    except ValidationError:
        raise ValidationError(
            {"link": _("The link must be a web address starting with https:// or http://.")}
        ) from None
    if len(link) > 2000:
        raise ValidationError({"link": _("The link is longer than 2,000 characters.")})
    return link


def _ids(values: Iterable[Any] | None, *, what: str) -> list[int]:
    ids: list[int] = []
    for value in values or ():
        number = input_rules.parse_id(value)
        if number is None:
            raise ValidationError(
                _("%(value)s is not the id of a %(what)s: ids are whole numbers such as 12.")
                % {"value": repr(value)[:40], "what": what}
            )
        if number not in ids:
            ids.append(number)
    return ids


def _read_input(
    organization: Organization,
    *,
    text: Any,
    link: Any,
    media_ids: Iterable[Any] | None,
    account_ids: Iterable[Any] | None,
    overrides: Mapping[Any, Mapping[str, Any]] | None,
    campaign_id: Any = None,
    library: _Library | None = None,
) -> _Input:
    library = library or _Library(organization)
    try:
        media_id_list = _ids(media_ids, what=_("media file"))
    except ValidationError as error:
        raise ValidationError({"media": error.messages}) from None
    found_media = library.media(media_id_list)
    if len(found_media) != len(media_id_list):
        raise ValidationError({"media": _("One of the files is not in this organization's media library any more.")})
    try:
        account_id_list = _ids(account_ids, what=_("connected account"))
    except ValidationError as error:
        raise ValidationError({"accounts": error.messages}) from None
    found_accounts = library.accounts(account_id_list)
    if len(found_accounts) != len(account_id_list):
        raise ValidationError({"accounts": _("One of the chosen accounts is not connected to this organization.")})
    accounts = [found_accounts[pk] for pk in account_id_list]

    cleaned: dict[int, tuple[str, dict[str, Any]]] = {}
    for key, override in (overrides or {}).items():
        account_id = input_rules.parse_id(key)
        if account_id is None or account_id not in found_accounts:
            raise ValidationError({"overrides": _("Tailored text was given for an account that is not chosen.")})
        override = override or {}
        if not isinstance(override, Mapping):
            raise ValidationError({"overrides": _("Each tailored version needs its text and options.")})
        unknown = set(override) - {"text", "options"}
        if unknown:
            raise ValidationError(
                {"overrides": _("Unknown field “%(field)s” in a tailored version.") % {"field": sorted(unknown)[0]}}
            )
        network = found_accounts[account_id].network
        try:
            options = clean_options(network, override.get("options"))
        except ValidationError as error:
            raise ValidationError({"overrides": error.messages}) from None
        try:
            cleaned[account_id] = (_clean_text(override.get("text"), what=_("tailored text")), options)
        except ValidationError as error:
            raise ValidationError({"overrides": error.messages}) from None

    thumbnail_ids = {options["thumbnail_id"] for _text, options in cleaned.values() if "thumbnail_id" in options}
    images = library.media(thumbnail_ids).items()
    thumbnails = {pk: asset for pk, asset in images if asset.kind == MediaAsset.Kind.IMAGE}
    if len(thumbnails) != len(thumbnail_ids):
        raise ValidationError({"overrides": _("YouTube: the thumbnail must be an image from the media library.")})
    return _Input(
        text=_clean_text(text),
        link=_clean_link(link),
        media=[found_media[pk] for pk in media_id_list],
        accounts=accounts,
        overrides=cleaned,
        thumbnails=thumbnails,
        campaign=_campaign(organization, campaign_id, library=library),
    )


def input_texts(data: _Input) -> privacy.PostTexts:
    """Every text of the post being written, for the privacy guard."""
    return privacy.post_texts(
        text=data.text,
        link=data.link,
        media=data.media,
        tailored=[(account, *data.overrides.get(account.pk, ("", {}))) for account in data.accounts],
    )


def check_privacy(
    *,
    organization: Organization,
    text: str = "",
    link: str = "",
    media_ids: Iterable[int] = (),
    account_ids: Iterable[int] = (),
    overrides: Mapping[Any, Mapping[str, Any]] | None = None,
    campaign_id: Any = None,
    post: Post | None = None,
) -> list[privacy.PrivacyFinding]:
    """The privacy findings in a post being written, with the organization's severity and, for a
    saved ``post``, its releases and "not a patient" marks; saves nothing.
    Raises ValidationError for input that is not a post at all, as ``validate_post`` does."""
    return check_post(
        organization=organization,
        text=text,
        link=link,
        media_ids=media_ids,
        account_ids=account_ids,
        overrides=overrides,
        campaign_id=campaign_id,
        with_accounts=False,
        post=post,
    )[1]


def check_post(
    *,
    organization: Organization,
    text: str = "",
    link: str = "",
    media_ids: Iterable[int] = (),
    account_ids: Iterable[int] = (),
    overrides: Mapping[Any, Mapping[str, Any]] | None = None,
    campaign_id: Any = None,
    with_accounts: bool = True,
    post: Post | None = None,
) -> tuple[dict[int, dict[str, Any]], list[privacy.PrivacyFinding]]:
    """``validate_post``'s answer and ``check_privacy``'s findings from one read of the input (the
    live check asks both on every pause in typing). ``with_accounts=False`` leaves the first empty.
    ``post``: the saved post being edited, whose releases and "not a patient" marks apply."""
    data = _read_input(
        organization,
        text=text,
        link=link,
        media_ids=media_ids,
        account_ids=account_ids,
        overrides=overrides,
        campaign_id=campaign_id,
    )
    results = (
        {account.pk: _check(organization, data, account).as_dict() for account in data.accounts}
        if with_accounts
        else {}
    )
    findings = privacy.check(organization, input_texts(data), post=post)
    return results, findings + privacy.image_findings(organization, data.media, post=post)


def check_images(
    *,
    organization: Organization,
    media_ids: Iterable[int] = (),
    face_consents: Iterable[Any] = (),
    post: Post | None = None,
) -> list[privacy.ImageCheck]:
    """What the privacy guard read in each image of a post being written: state, text, faces,
    findings; consent counts when given now (``face_consents``) or already stored for ``post``."""
    data = _read_input(organization, text="", link="", media_ids=media_ids, account_ids=(), overrides=None)
    consented = privacy.consented_assets(post) | set(_ids(face_consents, what=_("media file")))
    return privacy.image_checks(organization, data.media, consented=consented)


def _check(
    organization: Organization, data: _Input, account: ConnectedAccount, *, with_counts: bool = True
) -> TargetCheck:
    override_text, options = data.overrides.get(account.pk, ("", {}))
    return check_target(
        account=account,
        text=override_text or data.text,
        link=data.link_for(account.network),
        media=data.media,
        options=options,
        thumbnail=data.thumbnails.get(options.get("thumbnail_id")),
        alt_text_required=organization.alt_text_required,
        with_counts=with_counts,
    )


# --- validating ------------------------------------------------------------------------------------


def validate_post(
    *,
    organization: Organization,
    text: str = "",
    link: str = "",
    media_ids: Iterable[int] = (),
    account_ids: Iterable[int] = (),
    overrides: Mapping[Any, Mapping[str, Any]] | None = None,
    campaign_id: Any = None,
) -> dict[int, dict[str, Any]]:
    """Counters and problems per chosen account, without saving anything:
    ``{account_id: {"network", "counts": {"text": {"used", "limit"}, …}, "problems": [Problem, …]}}``.

    Raises ValidationError for input that is not a post at all (a file or account of another
    organization, an unknown option); content problems come back in the result.
    """
    data = _read_input(
        organization,
        text=text,
        link=link,
        media_ids=media_ids,
        account_ids=account_ids,
        overrides=overrides,
        campaign_id=campaign_id,
    )
    return {account.pk: _check(organization, data, account).as_dict() for account in data.accounts}


def check_saved_target(target: PostTarget, *, media: Sequence[MediaAsset] | None = None) -> TargetCheck:
    """The same check for a saved target: the engine calls it again just before publishing, and
    sends the ``draft`` it returns, so what was checked is what goes out. ``media``: the post's
    files when the caller already knows them (the engine passes none for a post it read has
    none); otherwise they are read. Its ``counts`` are empty: every caller wants the problems."""
    post = target.post
    options = dict(target.options or {})
    if media is None:
        media = [attachment.asset for attachment in post.attachments.select_related("asset")]
    return check_target(
        account=target.account,
        text=target.text,
        link=sent_link(post.link, post.campaign if post.campaign_id else None, target.account.network),
        media=media,
        options=options,
        thumbnail=_thumbnail(post.organization, options),
        alt_text_required=post.organization.alt_text_required,
        with_counts=False,
    )


def scanned_clean_digest(target: PostTarget) -> str:
    """The fingerprint of the texts the engine would check before sending ``target`` as it stands,
    when the privacy scan finds nothing in them ("" otherwise): kept on the target as
    ``texts_scanned_clean`` when it is scheduled. Built from the same draft the engine builds."""
    try:
        draft = check_saved_target(target).draft
    except (ValidationError, OSError):
        return ""  # the engine will say why; nothing to remember
    return privacy.scanned_clean_digest(target.account.network, draft)


def _scanned_clean(target: PostTarget, post: Post) -> str:
    target.post = post  # as just saved, with its new texts and files
    return scanned_clean_digest(target)


def _thumbnail(organization: Organization, options: dict[str, Any]) -> MediaAsset | None:
    if not options.get("thumbnail_id"):
        return None
    return MediaAsset.objects.filter(organization=organization, pk=options["thumbnail_id"]).first()


# --- creating and editing -------------------------------------------------------------------------


def check_publish_time(at: datetime) -> None:
    """Raise ValidationError (on ``scheduled_at``) unless ``at`` is an aware time a post can be
    scheduled for: not past, not beyond the horizon. The live check asks the same question."""
    if timezone.is_naive(at):
        raise ValidationError({"scheduled_at": _("Give the time with its time zone.")})
    now = timezone.now()
    try:
        input_rules.check_time_range(at)
        input_rules.check_within_horizon(at, now=now)
    except ValidationError as error:
        raise ValidationError({"scheduled_at": error.messages}) from None
    if at < now - PAST_GRACE:
        raise ValidationError({"scheduled_at": _("That time has passed; pick a time in the future.")})


def _require_schedule_args(schedule: str, scheduled_at: datetime | None) -> None:
    if schedule not in SCHEDULES:
        raise ValidationError(_("Choose how to schedule: %(choices)s.") % {"choices": ", ".join(SCHEDULES)})
    if schedule == "at":
        if scheduled_at is None:
            raise ValidationError({"scheduled_at": _("Pick the date and time to publish.")})
        check_publish_time(scheduled_at)
    if schedule == "queue" and _queue_placer is None:
        raise ValidationError(_("The posting queue is not available; pick a time instead."))


def _may_edit(post: Post, by: User) -> None:
    permissions.require(by, "post.draft", post.organization_id)
    if post.author_id != by.pk and not permissions.can(by, "post.schedule", post.organization_id):
        raise PermissionDenied(_("Contributors can edit only their own posts."))


def _hashtags_of(text: str, overrides: Iterable[str]) -> list[str]:
    return hashtag_rules.unique_hashtags([text, *overrides])


def _face_consent_ids(face_consents: Iterable[Any] | None, media: Sequence[MediaAsset]) -> set[int]:
    """The images the author confirms consent for, each one of the post's files."""
    try:
        ids = set(_ids(face_consents, what=_("media file")))
    except ValidationError as error:
        raise ValidationError({"face_consents": error.messages}) from None
    if ids - {asset.pk for asset in media}:
        raise ValidationError({"face_consents": _("Consent was confirmed for an image that is not in this post.")})
    return ids


def _record_face_consents(post: Post, asset_ids: set[int], *, by: User) -> None:
    """Keep the author's word that everyone identifiable in these images agreed, once per image and
    post, and say so in the audit trail."""
    names = {asset.pk: asset.original_name for asset in MediaAsset.objects.filter(pk__in=asset_ids)}
    for asset_id in sorted(asset_ids):
        _consent, created = FaceConsent.objects.get_or_create(
            post=post, asset_id=asset_id, defaults={"confirmed_by": by}
        )
        if created:
            audit.record_post(
                FACE_CONSENT_CONFIRMED,
                post,
                by=by,
                details={"media_id": asset_id, "file": names.get(asset_id, "")},
            )


def _set_media(post: Post, media: Sequence[MediaAsset]) -> None:
    wanted = [asset.pk for asset in media]
    current = list(post.attachments.order_by("position").values_list("asset_id", flat=True))
    if current == wanted:
        return
    post.attachments.all().delete()
    PostMedia.objects.bulk_create(
        [PostMedia(post=post, asset=asset, position=position) for position, asset in enumerate(media)]
    )


def _routed_move(target: PostTarget, to: str, **fields: Any) -> None:
    """Move a (locked) target to ``to``, through draft when the table has no direct way."""
    if target.state == to:
        PostTarget.objects.filter(pk=target.pk).update(updated_at=timezone.now(), **fields)
        for name, value in fields.items():
            setattr(target, name, value)
        return
    if to not in ALLOWED_TRANSITIONS[target.state]:
        if not target.move(S.DRAFT, expected=[target.state]):
            raise _started_publishing(target)
    if not target.move(to, expected=[target.state], **fields):
        raise _started_publishing(target)


def _started_publishing(target: PostTarget) -> ValidationError:
    return ValidationError(
        _("%(network)s has started publishing, so this post can no longer be changed there.")
        % {"network": network_label(target.account.network)},
        code="not_editable",
    )


def _scheduled_state(
    schedule: str, scheduled_at: datetime | None, *, may_schedule: bool, now: datetime
) -> tuple[str, dict[str, Any]]:
    """The state and fields a valid target takes for ``schedule``; a target to queue is a draft
    until the queue places it (``goes_to_queue``)."""
    # A fresh schedule: the dispatcher sends it again at its new time, and earlier failures
    # (of a failed target being retried) no longer count against it.
    cleared = {"failure_reason": "", "error_message": "", "lease_expires_at": None, "enqueued_at": None, "attempts": 0}
    if schedule == "draft" or (schedule == "queue" and may_schedule):
        return S.DRAFT, {"scheduled_at": None, "due_at": None, "is_queued": False, **cleared}
    if not may_schedule:
        # A contributor asks for review; the time asked for travels with the request.
        # "now" means "as soon as it is approved": no time.
        asked_at = scheduled_at if schedule == "at" else None
        return S.IN_REVIEW, {"scheduled_at": asked_at, "due_at": None, "is_queued": schedule == "queue", **cleared}
    at = max(scheduled_at, now) if schedule == "at" and scheduled_at else now
    return S.SCHEDULED, {"scheduled_at": at, "due_at": at, "is_queued": False, **cleared}


def goes_to_queue(schedule: str, *, may_schedule: bool) -> bool:
    return schedule == "queue" and may_schedule


def _apply_schedule(
    targets: Sequence[PostTarget], *, schedule: str, scheduled_at: datetime | None, by: User, may_schedule: bool
) -> None:
    """Move each (valid, locked) target to what ``schedule`` asks for."""
    state, fields = _scheduled_state(schedule, scheduled_at, may_schedule=may_schedule, now=timezone.now())
    for target in targets:
        if schedule == "draft":
            _routed_move(target, state, **fields)
        else:
            # Scheduled, queued or sent for review: its texts were just checked (``_split_valid``).
            _routed_move(target, state, texts_scanned_clean=scanned_clean_digest(target), **fields)
        if goes_to_queue(schedule, may_schedule=may_schedule):
            assert _queue_placer is not None  # checked by _require_schedule_args
            _queue_placer(target, by=by)


def _split_valid(
    organization: Organization,
    data: _Input,
    *,
    schedule: str,
    schedule_valid_only: bool,
    only: Iterable[int],
    post: Post | None = None,
    consented: set[int] = frozenset(),
    readings: Mapping[int, Any] | None = None,
) -> set[int]:
    """The ids of the accounts that may be scheduled; raises PostProblems when some may not
    and the caller did not choose to schedule only the valid ones. ``consented``: the images whose
    faces the author confirmed consent for; ``readings``: their readings when read already."""
    if schedule == "draft":
        return set()
    # What could identify a patient stops the whole post, whichever accounts it goes to, unless an
    # owner or admin released it (``post``'s releases) or someone marked it "not a patient"; so does
    # an image not yet read (its findings are unknown) or showing a face nobody confirmed consent for.
    privacy.refuse_if_blocked(organization, input_texts(data), post=post, media=data.media, readings=readings)
    privacy.refuse_unready_images(organization, data.media, consented=consented, readings=readings)
    wanted = set(only)
    chosen = [account for account in data.accounts if account.pk in wanted]
    # Counting the text (most of the check on X) matters only to whoever reads the problems.
    results = {account.pk: _check(organization, data, account, with_counts=False) for account in chosen}
    if not results:
        raise ValidationError({"accounts": _("Choose at least one account to post to.")})
    valid = {account_id for account_id, check in results.items() if check.is_valid}
    if len(valid) < len(results) and not (schedule_valid_only and valid):
        raise PostProblems({account.pk: _check(organization, data, account) for account in chosen})
    return valid


def create_post(
    *,
    organization: Organization,
    author: User,
    text: str = "",
    link: str = "",
    media_ids: Iterable[int] = (),
    account_ids: Iterable[int] = (),
    overrides: Mapping[Any, Mapping[str, Any]] | None = None,
    schedule: Schedule = "draft",
    scheduled_at: datetime | None = None,
    schedule_valid_only: bool = False,
    draft_key: uuid.UUID | None = None,
    is_autosaved: bool = False,
    campaign_id: Any = None,
    face_consents: Iterable[Any] | None = None,
) -> Post:
    """Save a post with one target per account and schedule it as asked.

    ``schedule``: "draft" (save only), "at" (``scheduled_at``, aware), "queue" (each account's
    next free slot) or "now". Targets with problems block the whole call (``PostProblems``,
    nothing saved) unless ``schedule_valid_only``: then they stay drafts and the rest go.
    Authors who may not schedule get ``in_review`` targets instead of scheduled ones.
    ``draft_key``: the composer page's key (see ``autosave_draft``); a second post with the
    same key raises ValidationError. ``is_autosaved`` marks the post as unsaved work.
    ``campaign_id``: one of the organization's campaigns (ValidationError otherwise), or None.
    ``face_consents``: ids of the post's images whose author confirms that every identifiable
    person in them agreed (stored and audited; an image with a face cannot be scheduled without).
    Raises ValidationError for bad input, PermissionDenied for a viewer. Not idempotent:
    each call creates a post.
    """
    permissions.require(author, "post.draft", organization)
    _require_schedule_args(schedule, scheduled_at)
    data = _read_input(
        organization,
        text=text,
        link=link,
        media_ids=media_ids,
        account_ids=account_ids,
        overrides=overrides,
        campaign_id=campaign_id,
    )
    consented = _face_consent_ids(face_consents, data.media)
    valid = _split_valid(
        organization,
        data,
        schedule=schedule,
        schedule_valid_only=schedule_valid_only,
        only=[account.pk for account in data.accounts],
        consented=consented,
    )
    try:
        with transaction.atomic():
            post = Post.objects.create(
                organization=organization,
                author=author,
                text=data.text,
                link=data.link,
                hashtags=_hashtags_of(data.text, (override for override, _options in data.overrides.values())),
                draft_key=draft_key,
                is_autosaved=is_autosaved,
                campaign=data.campaign,
            )
            _set_media(post, data.media)
            _record_face_consents(post, consented, by=author)
            targets = []
            for account in data.accounts:
                override_text, options = data.overrides.get(account.pk, ("", {}))
                targets.append(
                    PostTarget.objects.create(post=post, account=account, text_override=override_text, options=options)
                )
            _apply_schedule(
                [target for target in targets if target.account_id in valid],
                schedule=schedule,
                scheduled_at=scheduled_at,
                by=author,
                may_schedule=not permissions.user_needs_approval(author, organization),
            )
    except IntegrityError:
        if draft_key is None or draft_for_key(organization=organization, author=author, draft_key=draft_key) is None:
            raise
        # The page's autosave created its draft at this very moment.
        raise ValidationError(
            _("This page's draft was being saved at the same moment. Press the button again."), code="draft_exists"
        ) from None
    if post.targets.filter(state=S.IN_REVIEW).exists():
        ask_for_review(post)
    audit.record_post(Action.POST_CREATED, post, by=author, details={"text": post.text, "schedule": schedule})
    return post


@dataclass
class NewPost:
    """One post for ``create_posts``: ``create_post``'s arguments for it."""

    text: str = ""
    link: str = ""
    media_ids: Sequence[Any] = ()
    account_ids: Sequence[Any] = ()
    overrides: Mapping[Any, Mapping[str, Any]] | None = None
    schedule: Schedule = "draft"
    scheduled_at: datetime | None = None
    campaign_id: Any = None


@dataclass
class Created:
    """What became of one ``NewPost``: its post, or why it was not created (a ValidationError
    with sentences, or the IntegrityError of a row of the caller's ``also`` that clashed)."""

    post: Post | None = None
    error: Exception | None = None


@dataclass
class _Checked:
    index: int
    wanted: NewPost
    data: _Input
    valid: set[int]


def create_posts(
    *,
    organization: Organization,
    author: User,
    posts: Sequence[NewPost],
    also: Callable[[list[tuple[int, Post]]], None] | None = None,
) -> list[Created]:
    """``create_post`` for each of ``posts`` (an import), with the same checks, rows, audit entries
    and review requests, in a number of queries that does not grow with the posts: the author's
    role, the accounts, files, campaigns and image readings are read once; posts, files, targets
    and audit entries are written with one statement each, in one transaction.

    ``also(saved)`` runs in that transaction with ``[(index in posts, post), …]``, so that the
    caller's own rows (an import's fingerprints) are written with the posts or not at all. When
    writing fails (an IntegrityError, or a ValidationError from ``also``), each post is written
    again alone: one that cannot be does not take the others with it. Returns one ``Created`` per
    post, in order. PermissionDenied for a viewer, as ``create_post``; no face consents here.
    """
    permissions.require(author, "post.draft", organization)
    may_schedule = not permissions.user_needs_approval(author, organization)
    library = _Library(organization)
    library.read_ahead(posts)
    readings = privacy.readings_of(library.media(_parsed_ids(pk for post in posts for pk in post.media_ids)).values())
    results = [Created() for _post in posts]
    checked: list[_Checked] = []
    for index, wanted in enumerate(posts):
        try:
            _require_schedule_args(wanted.schedule, wanted.scheduled_at)
            data = _read_input(
                organization,
                text=wanted.text,
                link=wanted.link,
                media_ids=wanted.media_ids,
                account_ids=wanted.account_ids,
                overrides=wanted.overrides,
                campaign_id=wanted.campaign_id,
                library=library,
            )
            valid = _split_valid(
                organization,
                data,
                schedule=wanted.schedule,
                schedule_valid_only=False,
                only=[account.pk for account in data.accounts],
                readings=readings,
            )
        except ValidationError as error:
            results[index].error = error
            continue
        checked.append(_Checked(index, wanted, data, valid))
    try:
        saved = _write_posts(organization, author, checked, may_schedule=may_schedule, also=also)
    except (IntegrityError, ValidationError):
        # One of them clashed: write each alone, so that only the one that fails is left out.
        saved = []
        for one in checked:
            try:
                saved += _write_posts(organization, author, [one], may_schedule=may_schedule, also=also)
            except (IntegrityError, ValidationError) as error:
                results[one.index].error = error
    for index, post, in_review in saved:
        results[index].post = post
        if in_review:
            ask_for_review(post)
    return results


def _write_posts(
    organization: Organization,
    author: User,
    checked: Sequence[_Checked],
    *,
    may_schedule: bool,
    also: Callable[[list[tuple[int, Post]]], None] | None,
) -> list[tuple[int, Post, bool]]:
    """``create_post``'s rows for ``checked``, each table in one statement, in one transaction;
    returns each one's index, post and whether it went to review."""
    if not checked:
        return []
    with transaction.atomic():
        now = timezone.now()
        posts = Post.objects.bulk_create(
            Post(
                organization=organization,
                author=author,
                text=one.data.text,
                link=one.data.link,
                hashtags=_hashtags_of(one.data.text, (override for override, _options in one.data.overrides.values())),
                campaign=one.data.campaign,
            )
            for one in checked
        )
        PostMedia.objects.bulk_create(
            PostMedia(post=post, asset=asset, position=position)
            for one, post in zip(checked, posts, strict=True)
            for position, asset in enumerate(one.data.media)
        )
        targets: list[PostTarget] = []
        to_queue: list[PostTarget] = []
        in_review: set[int] = set()
        for one, post in zip(checked, posts, strict=True):
            state, fields = _scheduled_state(
                one.wanted.schedule, one.wanted.scheduled_at, may_schedule=may_schedule, now=now
            )
            for account in one.data.accounts:
                override_text, options = one.data.overrides.get(account.pk, ("", {}))
                target = PostTarget(post=post, account=account, text_override=override_text, options=options)
                if account.pk in one.valid:
                    target.state = state
                    for name, value in fields.items():
                        setattr(target, name, value)
                    if state == S.IN_REVIEW:
                        in_review.add(one.index)
                    if goes_to_queue(one.wanted.schedule, may_schedule=may_schedule):
                        to_queue.append(target)
                targets.append(target)
        PostTarget.objects.bulk_create(targets)
        for target in to_queue:
            assert _queue_placer is not None  # checked by _require_schedule_args
            _queue_placer(target, by=author)
        saved = [(one.index, post) for one, post in zip(checked, posts, strict=True)]
        if also is not None:
            also(saved)
        audit.record_all(
            audit.post_event(
                Action.POST_CREATED, post, by=author, details={"text": post.text, "schedule": one.wanted.schedule}
            )
            for one, post in zip(checked, posts, strict=True)
        )
    return [(index, post, index in in_review) for index, post in saved]


def _signature(
    text: str, link: str, media: Sequence[int], override: str, options: dict[str, Any], campaign_id: int | None
) -> tuple:
    """What a target publishes; a target whose signature changes is being edited (a campaign
    changes the link's tags)."""
    return (override or text, link, tuple(media), override, json.dumps(options, sort_keys=True), campaign_id)


def update_post(
    post: Post,
    *,
    by: User,
    text: str | None = None,
    link: str | None = None,
    media_ids: Iterable[int] | None = None,
    account_ids: Iterable[int] | None = None,
    overrides: Mapping[Any, Mapping[str, Any]] | None = None,
    schedule: Schedule | None = None,
    scheduled_at: datetime | None = None,
    schedule_valid_only: bool = False,
    is_autosaved: bool = False,
    campaign_id: Any = UNCHANGED,
    face_consents: Iterable[Any] | None = None,
) -> Post:
    """Change a post; ``None`` leaves a field as it is (``overrides`` given replaces them all).

    Only targets that can still be edited (draft, in review, scheduled, failed, cancelled) may
    change: a change reaching a target that is publishing or published raises ValidationError,
    and nothing is saved. Edited scheduled targets are checked again and stay scheduled (or,
    for someone who may not schedule, go back to review); ``schedule`` re-schedules every
    editable target, as in ``create_post``. A save by its author (``is_autosaved`` False) clears
    the autosave's "unsaved" mark. Safe to repeat with the same values.
    """
    _may_edit(post, by)
    if schedule is not None:
        _require_schedule_args(schedule, scheduled_at)
    organization = post.organization
    may_schedule = not permissions.user_needs_approval(by, organization)
    as_it_was = audit.post_snapshot(post)
    with transaction.atomic():
        # Lock the targets so the engine cannot claim one while we change it.
        targets = {t.account_id: t for t in post.targets.select_for_update().select_related("account")}
        in_review_before = {t.pk for t in targets.values() if t.state == S.IN_REVIEW}
        current_media = list(post.attachments.order_by("position").values_list("asset_id", flat=True))
        if overrides is None:
            keep = set(targets) if account_ids is None else set(_ids(account_ids, what=_("connected account")))
            overrides = {
                account_id: {"text": target.text_override, "options": target.options}
                for account_id, target in targets.items()
                if account_id in keep
            }
        data = _read_input(
            organization,
            text=post.text if text is None else text,
            link=post.link if link is None else link,
            media_ids=current_media if media_ids is None else media_ids,
            account_ids=list(targets) if account_ids is None else account_ids,
            overrides={key: value for key, value in overrides.items() if value is not None},
            campaign_id=post.campaign_id if campaign_id is UNCHANGED else campaign_id,
        )
        new_media = [asset.pk for asset in data.media]
        consented = _face_consent_ids(face_consents, data.media) | privacy.consented_assets(post)
        chosen = {account.pk for account in data.accounts}
        changed: set[int] = set()
        for account_id, target in targets.items():
            before = _signature(
                post.text, post.link, current_media, target.text_override, target.options, post.campaign_id
            )
            override_text, options = data.overrides.get(account_id, ("", {}))
            after = _signature(
                data.text, data.link, new_media, override_text, options, data.campaign.pk if data.campaign else None
            )
            if account_id not in chosen or before != after:
                changed.add(account_id)
        frozen = sorted({network_label(targets[a].account.network) for a in changed if not targets[a].is_editable})
        if frozen:
            raise ValidationError(
                ngettext(
                    "%(networks)s has already started publishing, so the text, link and media it uses can no "
                    "longer change. Tailor the text for the other networks, or duplicate the post.",
                    "%(networks)s have already started publishing, so the text, link and media they use can no "
                    "longer change. Tailor the text for the other networks, or duplicate the post.",
                    len(frozen),
                )
                % {"networks": _(" and ").join(frozen)},
                code="not_editable",
            )

        # Which targets end up scheduled: asked for now, or already scheduled and edited.
        if schedule is not None and schedule != "draft":
            candidates = [a for a in chosen if a not in targets or targets[a].is_editable]
            candidates = [a for a in candidates if a not in targets or targets[a].state != S.CANCELLED]
            valid = _split_valid(
                organization,
                data,
                schedule=schedule,
                schedule_valid_only=schedule_valid_only,
                only=candidates,
                post=post,
                consented=consented,
            )
        else:
            candidates = [
                a
                for a in changed & chosen
                if a in targets and targets[a].state in (S.SCHEDULED, S.IN_REVIEW) and schedule is None
            ]
            valid = set()
            if candidates:
                valid = _split_valid(
                    organization,
                    data,
                    schedule="at",
                    schedule_valid_only=schedule_valid_only,
                    only=candidates,
                    post=post,
                    consented=consented,
                )

        post.text, post.link, post.is_autosaved = data.text, data.link, is_autosaved
        post.campaign = data.campaign
        post.hashtags = _hashtags_of(data.text, (override for override, _options in data.overrides.values()))
        post.save(update_fields=["text", "link", "hashtags", "is_autosaved", "campaign", "updated_at"])
        _set_media(post, data.media)
        _record_face_consents(post, consented - privacy.consented_assets(post), by=by)

        for account_id, target in targets.items():
            if account_id not in chosen:
                target.delete()  # editable (checked above) and locked
        result: dict[int, PostTarget] = {}
        for account in data.accounts:
            override_text, options = data.overrides.get(account.pk, ("", {}))
            target = targets.get(account.pk)
            if target is None:
                target = PostTarget.objects.create(
                    post=post, account=account, text_override=override_text, options=options
                )
            elif account.pk in changed:
                target.text_override, target.options = override_text, options
                target.save(update_fields=["text_override", "options", "updated_at"])
            result[account.pk] = target

        if schedule is not None:
            editable = [t for a, t in result.items() if t.is_editable and t.state != S.CANCELLED]
            if schedule == "draft":
                _apply_schedule(editable, schedule="draft", scheduled_at=None, by=by, may_schedule=may_schedule)
            else:
                _apply_schedule(
                    [t for t in editable if t.account_id in valid],
                    schedule=schedule,
                    scheduled_at=scheduled_at,
                    by=by,
                    may_schedule=may_schedule,
                )
                # Targets left out by "schedule the valid ones" wait as drafts with their problems.
                _apply_schedule(
                    [t for t in editable if t.account_id not in valid and t.state == S.SCHEDULED],
                    schedule="draft",
                    scheduled_at=None,
                    by=by,
                    may_schedule=may_schedule,
                )
        else:
            for account_id in candidates:
                target = result[account_id]
                if account_id not in valid:
                    _apply_schedule([target], schedule="draft", scheduled_at=None, by=by, may_schedule=may_schedule)
                elif target.state == S.SCHEDULED and not may_schedule:
                    # An approved post edited by someone whose posts need approval is reviewed again.
                    _routed_move(target, S.IN_REVIEW, due_at=None, texts_scanned_clean=_scanned_clean(target, post))
                else:
                    # Still scheduled, with its new texts checked above: the engine need not scan them again.
                    digest = _scanned_clean(target, post)
                    PostTarget.objects.filter(pk=target.pk).update(texts_scanned_clean=digest)
    post.refresh_from_db()
    if set(post.targets.filter(state=S.IN_REVIEW).values_list("pk", flat=True)) - in_review_before:
        ask_for_review(post)
    if not is_autosaved:  # the author's keystrokes are not events; the save that keeps them is
        audit.record_post_edit(post, before=as_it_was, by=by, schedule=schedule)
    return post


def ask_for_review(post: Post) -> None:
    """Tell whoever may approve ``post`` that it waits for them (not its author, unless the
    organization lets people approve their own posts). Not idempotent: each call notifies."""
    organization = post.organization
    approvers = permissions.approvers_of(organization, author_id=post.author_id)
    author = str(post.author)
    notify(
        approvers,
        organization=organization,
        # Functions, written in each approver's language (accounts/notifications.py).
        title=lambda: _("%(author)s asks you to review a post") % {"author": author},
        body=lambda: (
            _("“%(excerpt)s”\n\nApprove it, ask for changes or reject it on the review page.")
            % {"excerpt": excerpt(post.text)}
        ),
        link=_path("review"),
        kind=Notification.Kind.REVIEW_REQUESTED,
    )


def excerpt(text: str, *, length: int = 120) -> str:
    """The first words of a post, on one line, for a notification."""
    line = " ".join(text.split())
    return line if len(line) <= length else line[: length - 1] + "…"


def _path(name: str, *args: Any) -> str:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:  # the page's URLs are not mounted (a test app): the notice still goes out
        return ""


def draft_for_key(*, organization: Organization, author: User, draft_key: uuid.UUID | None) -> Post | None:
    """The post ``author`` started on the composer page holding ``draft_key``, if it was saved."""
    if draft_key is None:
        return None
    return Post.objects.filter(organization=organization, author=author, draft_key=draft_key).first()


def autosave_draft(
    *,
    organization: Organization,
    author: User,
    post: Post | None = None,
    draft_key: uuid.UUID | None = None,
    text: str = "",
    link: str = "",
    media_ids: Iterable[int] = (),
    account_ids: Iterable[int] = (),
    overrides: Mapping[Any, Mapping[str, Any]] | None = None,
    campaign_id: Any = None,
) -> Post:
    """Keep what is being typed: create the draft the first time, update it afterwards.

    The draft is marked ``is_autosaved`` (unsaved work) until its author saves it. A new
    composer page is known by its ``draft_key``: every autosave of that page, even two sent
    before the first answered, updates the one draft (the database refuses a second row with
    the key, and the loser updates the winner's). A draft found by key that its author has
    saved meanwhile is left as saved. Only a post whose every target is still a draft
    autosaves; a scheduled post changes only when its author saves it (ValidationError
    otherwise). Content problems never stop an autosave. Safe to repeat.
    """
    content = {
        "text": text,
        "link": link,
        "media_ids": media_ids,
        "account_ids": account_ids,
        "overrides": overrides,
        "campaign_id": campaign_id,
    }
    if post is None:
        post = draft_for_key(organization=organization, author=author, draft_key=draft_key)
        if post is None:
            try:
                return create_post(
                    organization=organization,
                    author=author,
                    schedule="draft",
                    draft_key=draft_key,
                    is_autosaved=True,
                    **content,
                )
            except ValidationError as error:
                # Another autosave of this page created the draft a moment ago: update that one.
                if getattr(error, "code", None) == "draft_exists":
                    post = draft_for_key(organization=organization, author=author, draft_key=draft_key)
                if post is None:
                    raise
        if not post.is_autosaved:
            return post  # saved by its author since this page's autosave was sent
    if post.organization_id != organization.pk:
        raise ValidationError(_("This draft belongs to another organization."))
    if post.targets.exclude(state=S.DRAFT).exists():
        raise ValidationError(
            _("This post is scheduled or in review, so changes are kept only when you save them."),
            code="not_a_draft",
        )
    return update_post(post, by=author, is_autosaved=True, **content)


# --- what the composer says about a post's times ------------------------------------------------


def _waiting_targets(post: Post) -> list[PostTarget]:
    """The targets holding a time: scheduled, or in review with the time asked for."""
    targets = post.targets.filter(state__in=(S.SCHEDULED, S.IN_REVIEW), scheduled_at__isnull=False)
    return list(targets.select_related("account").order_by("scheduled_at", "account__network"))


def scheduled_instants(post: Post | None) -> list[datetime]:
    """The times ``post`` holds now, earliest first (what an edit keeps when left as it is)."""
    return [target.scheduled_at for target in _waiting_targets(post)] if post is not None else []


def current_schedule_local(post: Post, *, time_zone: str) -> str:
    """The composer's date-and-time field for an existing post: its earliest time in ``time_zone``."""
    instants = scheduled_instants(post)
    return local_value(instants[0], time_zone=time_zone) if instants else ""


def describe_current_schedule(post: Post, *, time_zone: str) -> str:
    """Where an existing post stands in time, in words: "Scheduled for Mon Mar 9, 2026, 09:30 EDT
    (LinkedIn, X)." Empty for a post without a time."""
    groups: dict[tuple[str, bool, datetime], list[str]] = {}
    for target in _waiting_targets(post):
        key = (target.state, target.is_queued, target.scheduled_at)
        groups.setdefault(key, []).append(network_label(target.account.network))
    sentences = []
    for (state, is_queued, at), labels in groups.items():
        values = {"when": describe_time(at, time_zone=time_zone), "networks": ", ".join(sorted(set(labels)))}
        if state == S.IN_REVIEW:
            sentences.append(_("Waiting for approval, asked for %(when)s (%(networks)s).") % values)
        elif is_queued:
            sentences.append(_("In the queue for %(when)s (%(networks)s).") % values)
        else:
            sentences.append(_("Scheduled for %(when)s (%(networks)s).") % values)
    return " ".join(sentences)


def describe_saved(post: Post, *, action: str, time_zone: str) -> str:
    """What the composer tells its user once ``post`` is saved with the button ``action``
    ("draft", "at", "queue", "now", "keep"): what goes out when, what waits, and why."""
    # In the Accounts page's order, not whatever order the database returns rows in.
    targets = list(post.targets.select_related("account").order_by("account__network", "account__display_name"))
    by_state: dict[str, list[PostTarget]] = {}
    for target in targets:
        by_state.setdefault(target.state, []).append(target)

    def names(group: Iterable[PostTarget]) -> str:
        return ", ".join(network_label(target.account.network) for target in group)

    scheduled = by_state.get(S.SCHEDULED, [])
    queued = [target for target in scheduled if target.is_queued]
    timed = [target for target in scheduled if not target.is_queued]
    parts = []
    if timed and action == "now":
        parts.append(_("Publishing now: %(networks)s.") % {"networks": names(timed)})
    elif timed:
        parts.append(_("Scheduled: %(networks)s.") % {"networks": names(timed)})
    if queued:
        slots = "; ".join(
            _("%(network)s for %(when)s")
            % {"network": names([target]), "when": describe_time(target.scheduled_at, time_zone=time_zone)}
            for target in queued
        )
        parts.append(_("Queued: %(slots)s.") % {"slots": slots})
    if by_state.get(S.IN_REVIEW):
        parts.append(_("Sent for approval: %(networks)s.") % {"networks": names(by_state[S.IN_REVIEW])})
    drafts = by_state.get(S.DRAFT, [])
    if drafts and action == "draft":
        parts.append(_("Draft saved (%(networks)s).") % {"networks": names(drafts)})
    elif drafts:
        problems = [problem_text(problem) for target in drafts for problem in check_saved_target(target).problems]
        because = f" {' '.join(problems)}" if problems else ""
        parts.append(_("Kept as a draft: %(networks)s.") % {"networks": names(drafts)} + because)
    return " ".join(parts) or _("Draft saved.")


def duplicate_post(post: Post, *, by: User) -> Post:
    """A new draft with the same text, link, media, accounts and tailoring, authored by ``by``.
    Accounts disconnected since are left out. Not idempotent: each call makes a copy."""
    permissions.require(by, "post.draft", post.organization_id)
    with transaction.atomic():
        copy = Post.objects.create(
            organization=post.organization,
            author=by,
            text=post.text,
            link=post.link,
            hashtags=list(post.hashtags),
            campaign_id=post.campaign_id,
        )
        PostMedia.objects.bulk_create(
            [PostMedia(post=copy, asset_id=a.asset_id, position=a.position) for a in post.attachments.all()]
        )
        targets = post.targets.exclude(account__status=ConnectedAccount.Status.DISCONNECTED)
        PostTarget.objects.bulk_create(
            [
                PostTarget(post=copy, account_id=t.account_id, text_override=t.text_override, options=t.options)
                for t in targets
            ]
        )
    audit.record_post(Action.POST_CREATED, copy, by=by, details={"text": copy.text, "duplicate_of": post.pk})
    return copy


def delete_draft(post: Post, *, by: User) -> None:
    """Delete a post none of whose targets is scheduled or has reached a network.

    Editors and above may delete any such post; contributors their own. Raises
    ValidationError naming what is in the way. Safe to call on a post already deleted.
    """
    permissions.require(by, "post.draft", post.organization_id)
    if post.author_id != by.pk:
        permissions.require(by, "post.delete", post.organization_id)
    with transaction.atomic():
        targets = list(post.targets.select_for_update().select_related("account"))
        blocking = [t for t in targets if not t.is_deletable]
        if blocking:
            names = sorted({network_label(t.account.network) for t in blocking})
            scheduled = all(t.state == S.SCHEDULED for t in blocking)
            reason = (
                _("This post is scheduled: unschedule it first (%(networks)s).")
                if scheduled
                else _("This post has been published or is publishing (%(networks)s).")
            )
            raise ValidationError(
                reason % {"networks": ", ".join(names)},
                code="not_deletable",
            )
        Post.objects.filter(pk=post.pk).delete()
        audit.record_post(Action.POST_DELETED, post, by=by, details={"text": post.text})


# --- moving one target (the calendar's drag and drop) ---------------------------------------------

#: Targets the calendar may move: nothing of them has left yet.
RESCHEDULABLE_STATES = frozenset({S.DRAFT, S.IN_REVIEW, S.SCHEDULED})


def reschedule_target(target: PostTarget, *, at: datetime, by: User) -> bool:
    """Give one target the time ``at``, keeping the rest of the post as it is.

    Checked as the composer checks a post scheduled for a time: ``by`` may edit the post
    (contributors only their own), ``at`` is aware, not past and within the horizon, and a
    scheduled or in-review target still meets its network's rules. A draft stays a draft and an
    in-review target stays in review, now asking for ``at``; a scheduled one stays scheduled,
    unless ``by`` may not schedule: then it goes back to review, as an edit of theirs would. A
    queued target leaves the queue for this fixed time. Returns whether it was queued.

    Raises ValidationError for a target that is publishing, published, failed or cancelled, a
    bad time or the network's problems; PermissionDenied for a role that may not. When ``by`` is
    not the author, the author is told the new time. Safe to run twice (the author is told twice).
    """
    _may_edit(target.post, by)
    _require_schedule_args("at", at)
    may_schedule = not permissions.user_needs_approval(by, target.post.organization)
    with transaction.atomic():
        rows = PostTarget.objects.select_for_update().select_related("account", "post__organization")
        target = rows.get(pk=target.pk)
        if target.state not in RESCHEDULABLE_STATES:
            raise ValidationError(
                _("This post is %(state)s on %(network)s, so it can no longer be moved.")
                % {"state": target.get_state_display().lower(), "network": network_label(target.account.network)},
                code="not_movable",
            )
        if target.state != S.DRAFT:
            problems = check_saved_target(target).problems
            if problems:
                raise ValidationError([problem_text(problem) for problem in problems], code="invalid_target")
            # Moving it is scheduling it again: what the privacy policy blocks, unreleased, stays put.
            privacy.refuse_saved_post_if_blocked(target.post)
        was_queued, was_in_review, was_at = target.is_queued, target.state == S.IN_REVIEW, target.scheduled_at
        fields = {"scheduled_at": at, "is_queued": False, "enqueued_at": None}
        if target.state == S.SCHEDULED and may_schedule:
            _routed_move(target, S.SCHEDULED, due_at=at, **fields)
        elif target.state == S.SCHEDULED:
            _routed_move(target, S.IN_REVIEW, due_at=None, **fields)
        else:
            _routed_move(target, target.state, due_at=None, **fields)
        sent_to_review = target.state == S.IN_REVIEW and not was_in_review
        audit.record_target(Action.TARGET_RESCHEDULED, target, by=by, details=audit.moved_times(was_at, at, was_queued))
    if sent_to_review:
        ask_for_review(target.post)
    if by.pk != target.post.author_id:
        _tell_author_of_move(target, by=by)
    return was_queued


def _tell_author_of_move(target: PostTarget, *, by: User) -> None:
    """Someone else moved ``target`` (a reviewer on the calendar): its author would otherwise
    expect it at the time they chose. The new time is in the author's own zone."""
    post, author = target.post, target.post.author
    notify(
        [author],
        organization=post.organization,
        title=gettext_lazy("Your post was moved"),
        body=lambda: (
            _("“%(excerpt)s”\n\n%(who)s moved it on %(network)s to %(when)s.")
            % {
                "excerpt": excerpt(post.text),
                "who": str(by),
                "network": network_label(target.account.network),
                "when": describe_time(target.scheduled_at, time_zone=author.time_zone),
            }
        ),
        link=_path("post-edit", post.pk),
    )


# --- hashtags -----------------------------------------------------------------------------------------


def suggested_hashtags(organization: Organization, *, limit: int = 10, recent: int = 200) -> list[str]:
    """The organization's most used hashtags in its ``recent`` latest posts, as "#Tag"."""
    lists = Post.objects.filter(organization=organization).order_by("-created_at").values_list("hashtags", flat=True)
    return hashtag_rules.most_used(lists[:recent], limit=limit)


def hashtag_sets_for(user: User, organization: Organization) -> QuerySet[HashtagSet]:
    """The sets ``user`` can insert: the organization's and their own."""
    return HashtagSet.objects.filter(Q(owner__isnull=True) | Q(owner=user), organization=organization)


def _clean_set(name: Any, hashtags: Any) -> tuple[str, list[str]]:
    name = (_clean_text(name, what=_("name")) or "").strip()
    if not name:
        raise ValidationError({"name": _("Give the set a name.")})
    if len(name) > 80:
        raise ValidationError({"name": _("Keep the name under 80 characters.")})
    try:
        tags = hashtag_rules.parse_hashtag_list(hashtags or [])
    except ValueError as error:
        raise ValidationError({"hashtags": str(error)}) from None
    if not tags:
        raise ValidationError({"hashtags": _("Add at least one hashtag, such as #MedTwitter.")})
    if len(tags) > 30:
        raise ValidationError({"hashtags": _("Keep a set to 30 hashtags: Instagram takes no more in one post.")})
    return name, tags


def _may_manage_set(hashtag_set: HashtagSet, by: User) -> None:
    permissions.require(by, "post.draft", hashtag_set.organization_id)
    if hashtag_set.owner_id is None:
        permissions.require(by, "hashtags.manage", hashtag_set.organization_id)
    elif hashtag_set.owner_id != by.pk:
        raise PermissionDenied(_("This is someone else's own hashtag set."))


def create_hashtag_set(
    *, organization: Organization, by: User, name: str, hashtags: str | Iterable[str], personal: bool = False
) -> HashtagSet:
    """A set for the whole organization (editors and above) or, with ``personal``, for ``by`` only."""
    name, tags = _clean_set(name, hashtags)
    hashtag_set = HashtagSet(organization=organization, owner=by if personal else None, name=name, hashtags=tags)
    _may_manage_set(hashtag_set, by)
    hashtag_set.save()
    return hashtag_set


def update_hashtag_set(hashtag_set: HashtagSet, *, by: User, name: str, hashtags: str | Iterable[str]) -> HashtagSet:
    _may_manage_set(hashtag_set, by)
    hashtag_set.name, hashtag_set.hashtags = _clean_set(name, hashtags)
    hashtag_set.save(update_fields=["name", "hashtags"])
    return hashtag_set


def delete_hashtag_set(hashtag_set: HashtagSet, *, by: User) -> None:
    _may_manage_set(hashtag_set, by)
    hashtag_set.delete()


DEMO_HASHTAG_SET = ("Canadian health", ["#MedTwitter", "#CDNHealth", "#ONHealth", "#CDNPoli"])


def seed_demo_hashtag_sets(organization: Organization) -> HashtagSet:
    """The demo organization's shared set. Safe to run twice: the set is found, not duplicated."""
    name, tags = DEMO_HASHTAG_SET
    hashtag_set, _created = HashtagSet.objects.get_or_create(
        organization=organization, owner=None, name=name, defaults={"hashtags": tags}
    )
    return hashtag_set
