"""The composer, the posts list and the hashtag-set page.

Thin views: fetch through ``accounts.permissions`` (an outsider gets 404, a
member without the role 403), call one service, render or redirect. htmx
requests get partials: the live check (``_checks.html``) and the autosave
status. A refused submission renders the composer again from what was typed.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext, gettext_noop
from django.views.decorators.http import require_http_methods, require_POST
from twitter_text import parse_tweet

from accounts import permissions
from accounts.models import ConnectedAccount, Organization
from physsocial import input_rules
from physsocial.networks import descriptions_json, network_label, option_choices
from physsocial.web import add_service_error
from platforms import describe
from posts import privacy, privacy_decisions, review, services
from posts.forms import ComposerState, HashtagSetForm
from posts.forms_media import ACCEPT as UPLOAD_ACCEPT
from posts.media.limits import ACCEPTED_TYPES, max_image_bytes, max_video_bytes
from posts.media.renditions import aspect_ratio_problem
from posts.models import HashtagSet, MediaAsset, Post, PostTarget, TargetState
from posts.validation import media_for_network, text_with_link
from posts.views_comments import thread_for

MEDIA_PICKER_SIZE = 60


# --- what the composer page shows --------------------------------------------------------------------


@dataclass
class FitRow:
    asset: MediaAsset
    problem: str
    chosen: str


@dataclass
class AccountPanel:
    """One account in the composer: its checkbox, its tab and its options."""

    account: ConnectedAccount
    label: str
    chosen: bool
    disabled_reason: str
    text: str
    options: dict[str, Any]


def _composer_accounts(organization: Organization) -> list[ConnectedAccount]:
    return list(ConnectedAccount.objects.for_organization(organization).shown().order_by("network", "display_name"))


def _panels(state: ComposerState, accounts) -> list[AccountPanel]:
    panels = []
    for account in accounts:
        chosen = account.pk in state.account_ids
        reason = ""
        if account.needs_reconnect and not chosen:
            reason = "Needs reconnecting: an owner or admin can reconnect it on the Accounts page."
        options = state.options.get(account.pk, {})
        panels.append(
            AccountPanel(
                account, network_label(account.network), chosen, reason, state.texts.get(account.pk, ""), options
            )
        )
    return panels


def _composer_context(request: HttpRequest, organization: Organization, state: ComposerState, **extra) -> dict:
    accounts = _composer_accounts(organization)
    library = list(MediaAsset.objects.filter(organization=organization).order_by("-created_at")[:MEDIA_PICKER_SIZE])
    assets = {asset.pk: asset for asset in library}
    # Attached files older than the picker's page still show, first.
    missing = [pk for pk in state.media_ids if pk not in assets]
    for asset in MediaAsset.objects.filter(organization=organization, pk__in=missing):
        assets[asset.pk] = asset
        library.insert(0, asset)
    post = extra.get("post")
    is_draft = post is None or not post.targets.exclude(state=TargetState.DRAFT).exists()
    user_zone = request.user.time_zone
    if state.draft_key is None:  # a page from before draft keys, or a tampered one: a fresh key
        state.draft_key = uuid.uuid4()
    return {
        "organization": organization,
        "state": state,
        "panels": _panels(state, accounts),
        "library": library,
        "chosen_media": [assets[pk] for pk in state.media_ids if pk in assets],
        "hashtag_sets": services.hashtag_sets_for(request.user, organization),
        "suggested_hashtags": services.suggested_hashtags(organization),
        # Posts list campaigns through the organization's rows: posts never imports campaigns.
        "campaigns": list(organization.campaigns.order_by("-starts_on", "name")),
        "may_schedule": permissions.can(request.user, "post.schedule", organization),
        "queue_available": services.queue_available(),
        "queue_is_set_up": services.queue_is_set_up(organization),
        "may_set_up_queue": services.may_set_up_queue(request.user, organization),
        "default_queue_words": services.default_queue_words(),
        "current_schedule": services.describe_current_schedule(post, time_zone=user_zone) if post else "",
        "autosaves": is_draft,
        "user_zone": user_zone,
        "org_zone": organization.time_zone if organization.time_zone != user_zone else "",
        # The choices each network offers, from its description (platforms/description.py).
        "labels": {
            "reply_settings": option_choices("twitter", "reply_settings"),
            "facebook_formats": option_choices("facebook", "format"),
            "instagram_formats": option_choices("instagram", "format"),
            "linkedin_visibility": option_choices("linkedin", "visibility"),
            "youtube_privacy": option_choices("youtube", "privacy"),
            "youtube_categories": option_choices("youtube", "category"),
            "fit_variants": option_choices("instagram", "fit"),
        },
        # The same descriptions for composer.js (json_script "network-descriptions").
        "network_descriptions": descriptions_json(),
        "youtube_thumbnails": [asset for asset in library if asset.kind == MediaAsset.Kind.IMAGE],
        # The in-place upload (composer.js) checks these before sending; the server checks again.
        "max_image_bytes": max_image_bytes(),
        "max_video_bytes": max_video_bytes(),
        "accepted_types": ACCEPTED_TYPES,
        "upload_accept": UPLOAD_ACCEPT,
        # The pre-publish checklist, until the user has gone through it once.
        "privacy_checklist": privacy_decisions.CHECKLIST if privacy_decisions.needs_checklist(request.user) else (),
        "may_release": permissions.can(request.user, "privacy.release", organization),
        "releasers_words": privacy_decisions.releasers_words(organization),
        "privacy_decisions": _privacy_decisions(request, post) if post else None,
        # A reviewer opening a post that waits for them answers it here too.
        "review": review.pending_decision(post, user=request.user) if post else None,
        **extra,
        "checks": extra.get("checks") or _checks(request, organization, state),
    }


# --- the live check ------------------------------------------------------------------------------------


@dataclass
class Preview:
    text: str
    cut: int | None  # where the feed cuts the text with "… more", or None
    link_card: str
    media: list[MediaAsset]
    title: str = ""
    title_cut: int | None = None  # where lists of videos cut the title with "…"
    cover: MediaAsset | None = None  # the picture a video network shows: the chosen thumbnail, else the video

    @property
    def shown(self) -> str:
        """What the feed shows before "… more"."""
        return self.text[: self.cut].rstrip() if self.cut else self.text

    @property
    def title_shown(self) -> str:
        if not self.title_cut or len(self.title) <= self.title_cut:
            return self.title
        return self.title[: self.title_cut - 1] + "…"


@dataclass(frozen=True)
class Overflow:
    """An X text past the limit: the part X takes, the part to cut, and how many characters that is."""

    fits: str
    rest: str
    to_cut: int


def split_at_x_limit(text: str) -> tuple[str, str]:
    """``text`` split where X's weighted count passes its limit: what fits, and the rest.

    twitter-text gives the end of what fits in UTF-16 code units, as JavaScript counts them.
    """
    end = parse_tweet(text).validRangeEnd + 1 if text else 0
    units = text.encode("utf-16-le")
    return units[: 2 * end].decode("utf-16-le"), units[2 * end :].decode("utf-16-le")


# Translated when shown (gettext in ``counters``): a module constant is built before any request has a language.
COUNTER_NAMES = {"hashtags": gettext_noop("Hashtags"), "title": gettext_noop("Title")}


@dataclass
class CheckRow:
    account: ConnectedAccount
    label: str
    counts: dict[str, dict[str, int]]
    problems: list
    preview: Preview
    fit_rows: list[FitRow] = field(default_factory=list)

    @property
    def counters(self) -> list[dict[str, Any]]:
        names = {kind: gettext(name) for kind, name in COUNTER_NAMES.items()}
        names["text"] = gettext(describe(self.account.network).text_name)
        return [
            {"kind": kind, "name": names.get(kind, kind), "over": count["used"] > count["limit"], **count}
            for kind, count in self.counts.items()
        ]

    @cached_property
    def x_overflow(self) -> Overflow | None:
        """For an X text too long: what to cut, marked in the preview."""
        count = self.counts.get("text")
        if self.account.network != "twitter" or not count or count["used"] <= count["limit"]:
            return None
        fits, rest = split_at_x_limit(self.preview.text)
        return Overflow(fits=fits, rest=rest, to_cut=count["used"] - count["limit"])


def _preview(
    account, state: ComposerState, media: list[MediaAsset], thumbnails: dict[int, MediaAsset], campaign=None
) -> Preview:
    """The account's post as its network's feed would show it, from the network's description:
    the files it takes, where the link goes (tagged for a campaign's post, as it is sent), and
    where the feed cuts the text and the title."""
    network = account.network
    description = describe(network)
    options = state.options.get(account.pk, {})
    text = state.texts.get(account.pk) or state.text
    thumbnail = thumbnails.get(_maybe_int(options.get("thumbnail_id")))
    sent = media_for_network(network, media, options, thumbnail)
    link = services.sent_link(state.link, campaign, network)
    posted = text_with_link(network, text=text, link=link, has_media=bool(sent))
    card = link if link and not sent and description.link_card else ""
    cut = description.preview_cutoff
    preview = Preview(
        text=posted,
        cut=cut if cut and len(posted) > cut else None,
        link_card=card,
        media=sent,
        cover=sent[0] if sent else None,
    )
    if description.media.thumbnail:
        # A video network shows the chosen thumbnail over the video, and nothing without a video.
        videos = [asset for asset in sent if asset.kind == MediaAsset.Kind.VIDEO]
        preview.cover = (thumbnail or videos[0]) if videos else None
    if description.title:
        preview.title = description.title.title_for(text, options)
        preview.title_cut = description.title.preview_cutoff
    return preview


def _fit_rows(account: ConnectedAccount, state: ComposerState, media: list[MediaAsset]) -> list[FitRow]:
    """For Instagram: each attached image whose shape it refuses (or whose fit was chosen), with the fixes."""
    if account.network != "instagram":
        return []
    fit = state.options.get(account.pk, {}).get("fit") or {}
    rows = []
    for asset in media:
        problem = aspect_ratio_problem(asset, "instagram")
        if problem is not None or str(asset.pk) in fit:
            message = problem.message if problem else gettext("Instagram accepts this shape as uploaded.")
            rows.append(FitRow(asset, message, fit.get(str(asset.pk), "default")))
    return rows


def _maybe_int(value: Any) -> int | None:
    return input_rules.parse_id(value)


def _checks(request: HttpRequest, organization: Organization, state: ComposerState) -> dict:
    """Counters, problems and previews for the chosen accounts, as the server counts them."""
    errors: list[str] = list(state.input_errors)
    kwargs = state.content_kwargs()
    privacy_findings: list | None = None
    # The saved post being edited: its releases and "not a patient" marks apply to what is typed.
    post = Post.objects.filter(organization=organization, pk=state.post_id).first() if state.post_id else None
    try:
        results, privacy_findings = services.check_post(organization=organization, post=post, **kwargs)
    except ValidationError as error:
        errors = error.messages
        # Count what can be counted: without the link or options that were refused.
        kwargs.update(
            link="", campaign_id=None, overrides={pk: {"text": o["text"]} for pk, o in kwargs["overrides"].items()}
        )
        try:
            results = services.validate_post(organization=organization, **kwargs)
        except ValidationError:
            results = {}
    accounts = {a.pk: a for a in ConnectedAccount.objects.filter(pk__in=results)}
    assets = MediaAsset.objects.filter(organization=organization).in_bulk(state.media_ids)
    media = [assets[pk] for pk in state.media_ids if pk in assets]
    thumbnail_ids = [_maybe_int(o.get("thumbnail_id")) for o in state.options.values()]
    thumbnails = MediaAsset.objects.filter(organization=organization, pk__in=[i for i in thumbnail_ids if i]).in_bulk()
    campaign = organization.campaigns.filter(pk=state.campaign_id).first() if state.campaign_id else None
    rows = [
        CheckRow(
            account=accounts[pk],
            label=network_label(result["network"]),
            counts=result["counts"],
            problems=result["problems"],
            preview=_preview(accounts[pk], state, media, thumbnails, campaign),
            fit_rows=_fit_rows(accounts[pk], state, media),
        )
        for pk, result in results.items()
    ]
    when, when_error = _describe_pick(request, organization, state)
    if privacy_findings is None:  # the input was refused: check what could be read of it
        try:
            privacy_findings = services.check_privacy(organization=organization, post=post, **kwargs)
        except ValidationError:
            privacy_findings = []  # the input's own error is shown above
    images = _image_checks(organization, state)
    return {
        "rows": rows,
        "errors": errors,
        "when": when,
        "when_error": when_error,
        "privacy": [finding for finding in privacy_findings if not finding.field.startswith("media:")],
        "privacy_blocks": any(finding.blocks for finding in privacy_findings),
        "images": images,
        "images_pending": any(image.pending for image in images),
    }


def _image_checks(organization: Organization, state: ComposerState) -> list:
    """What was read in each chosen image; its findings are shown on it rather than in the list."""
    post = Post.objects.filter(organization=organization, pk=state.post_id).first() if state.post_id else None
    try:
        return services.check_images(
            organization=organization, media_ids=state.media_ids, face_consents=state.face_consents, post=post
        )
    except ValidationError:
        return []  # the input's own error is shown with the others


def _describe_pick(request: HttpRequest, organization: Organization, state: ComposerState) -> tuple[str, str]:
    try:
        local = state.local_time()
        if local is None:
            return "", ""
        post = Post.objects.filter(organization=organization, pk=state.post_id).first() if state.post_id else None
        at = services.local_to_aware(local, time_zone=request.user.time_zone, same_as=services.scheduled_instants(post))
        services.check_publish_time(at)
    except ValidationError as error:
        return "", " ".join(error.messages)
    when = services.describe_time(at, time_zone=request.user.time_zone)
    if organization.time_zone != request.user.time_zone:
        when += f" (your time) · {services.describe_time(at, time_zone=organization.time_zone)} for {organization.name}"
    return when, ""


# --- composer views ------------------------------------------------------------------------------------


def _state_from_request(request: HttpRequest, organization: Organization) -> ComposerState:
    networks = dict(ConnectedAccount.objects.for_organization(organization).values_list("pk", "network"))
    return ComposerState.from_post_data(request.POST, networks=networks)


@login_required
@require_http_methods(["GET", "POST"])
def compose(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """A new post (``pk`` None) or an existing one; GET shows it, POST saves and schedules."""
    post = None
    if pk is not None:
        post = permissions.get_object(request.user, Post.objects.select_related("organization"), pk, "post.draft")
        organization = post.organization
    else:
        organization = permissions.active_organization(request)
        permissions.require(request.user, "post.draft", organization)
    if request.method == "GET":
        if post is None:
            state = ComposerState.new(scheduled_local=_time_asked_for(request))
        else:
            # A draft holds no time: a page that made it (a share kit) may suggest one with ``?at=``.
            local = services.current_schedule_local(post, time_zone=request.user.time_zone) or _time_asked_for(request)
            state = ComposerState.from_post(post, scheduled_local=local)
        thread = thread_for(request.user, post) if post else None
        context = _composer_context(request, organization, state, post=post, thread=thread)
        return render(request, "posts/compose.html", context)

    state = _state_from_request(request, organization)
    if post is None and state.post_id:  # the autosaved draft of this page
        post = permissions.get_object(
            request.user, Post.objects.filter(organization=organization), state.post_id, "post.draft"
        )
    if post is None:  # autosaved, but the page has not heard back yet
        post = services.draft_for_key(organization=organization, author=request.user, draft_key=state.draft_key)
    try:
        post = _save(request, organization, post, state)
    except services.PostProblems as problems:
        context = _composer_context(request, organization, state, post=post, problems=problems)
        return render(request, "posts/compose.html", context, status=400)
    except privacy.PrivacyBlocked as blocked:
        # Shown with the release box (owners, admins) or who can release it and a button to ask them.
        context = _composer_context(
            request, organization, state, post=post, form_errors=blocked.messages, privacy_refusal=blocked
        )
        return render(request, "posts/compose.html", context, status=400)
    except ValidationError as error:
        context = _composer_context(request, organization, state, post=post, form_errors=error.messages)
        return render(request, "posts/compose.html", context, status=400)
    if state.ask_release:
        messages.success(request, gettext("Saved as a draft; the owners and admins were asked to release it."))
        return redirect("post-edit", post.pk)
    messages.success(request, services.describe_saved(post, action=state.action, time_zone=request.user.time_zone))
    return redirect("posts")


def _time_asked_for(request: HttpRequest) -> str:
    """The calendar opens the composer at a time (``?at=`` an ISO instant with its offset), shown in
    the user's zone; anything unreadable leaves the field empty, as a plain composer has it."""
    try:
        moment = datetime.fromisoformat(request.GET.get("at", "").strip())
        input_rules.check_time_range(moment)
    except (ValueError, ValidationError):
        return ""
    if moment.tzinfo is None:
        return ""
    return f"{input_rules.safe_astimezone(moment, ZoneInfo(request.user.time_zone)):%Y-%m-%dT%H:%M}"


def _privacy_decisions(request: HttpRequest, post: Post) -> dict[str, Any]:
    """The post page's privacy part: its findings as saved (each with its mark or release), its
    releases, and what this user may do about them."""
    findings = privacy_decisions.findings_of(post)
    dismissals = list(post.finding_dismissals.select_related("marked_by", "post"))
    return {
        "findings": findings,
        "blocks": any(finding.blocks for finding in findings),
        "releases": list(post.privacy_releases.select_related("released_by")),
        "dismissals": [
            {
                "dismissal": d,
                "label": privacy.category_label(d.category),
                "may_undo": privacy_decisions.may_undo(d, request.user),
            }
            for d in dismissals
        ],
        "may_dismiss": permissions.can(request.user, "privacy.dismiss", post.organization_id),
    }


def _check_checklist(request: HttpRequest, organization: Organization, state: ComposerState) -> None:
    """The first time a user schedules from the composer, they tick the pre-publish checklist."""
    if state.action not in ("at", "queue", "now") or not privacy_decisions.needs_checklist(request.user):
        return
    if not state.checklist_ticked:
        raise ValidationError(
            gettext("Before your first scheduled post, read the pre-publish checklist and tick its box.")
        )
    privacy_decisions.acknowledge_checklist(request.user, organization=organization)


def _save(request: HttpRequest, organization: Organization, post: Post | None, state: ComposerState) -> Post:
    state.check_input()
    _check_checklist(request, organization, state)
    if state.ask_release:
        with transaction.atomic():  # nothing left to release (fixed meanwhile): nothing is kept either
            post = _save_as_asked(request, organization, post, state, schedule="draft")
            privacy_decisions.ask_for_release(post, by=request.user)
            return post
    if state.release:
        # A release belongs to a saved post (a new one is kept as a draft first) and covers what is
        # typed; then the post is saved as asked. One transaction: a refusal for another reason
        # (a time past, a network's limit) keeps nothing of it.
        with transaction.atomic():
            if post is None:
                post = _save_as_asked(request, organization, post, state, schedule="draft")
            typed = services.check_privacy(organization=organization, post=post, **state.content_kwargs())
            privacy_decisions.release_post(post, by=request.user, reason=state.release_reason, findings=typed)
            return _save_as_asked(request, organization, post, state)
    return _save_as_asked(request, organization, post, state)


def _save_as_asked(
    request: HttpRequest, organization: Organization, post: Post | None, state: ComposerState, *, schedule: str = ""
) -> Post:
    schedule = schedule or (None if state.action == "keep" else state.action)
    scheduled_at = None
    if schedule == "at":
        local = state.local_time()
        if local is None:
            raise ValidationError({"scheduled_at": gettext("Pick the date and time to publish.")})
        scheduled_at = services.local_to_aware(
            local, time_zone=request.user.time_zone, same_as=services.scheduled_instants(post)
        )
    if state.set_up_queue and schedule != "draft":
        services.set_up_default_queue(organization, by=request.user)
    common = {
        **state.content_kwargs(),
        "scheduled_at": scheduled_at,
        "schedule_valid_only": state.valid_only,
        "face_consents": state.face_consents,
    }
    if post is None:
        return services.create_post(
            organization=organization,
            author=request.user,
            schedule=schedule or "draft",
            draft_key=state.draft_key,
            **common,
        )
    return services.update_post(post, by=request.user, schedule=schedule, **common)


@login_required
@require_POST
def validate(request: HttpRequest) -> HttpResponse:
    """The live check: counters, problems and previews for what is typed (htmx partial)."""
    organization = permissions.active_organization(request)
    if request.POST.get("post_id"):
        post = permissions.get_object(request.user, Post.objects, request.POST["post_id"], "post.draft")
        organization = post.organization
    permissions.require(request.user, "post.draft", organization)
    state = _state_from_request(request, organization)
    context = {"checks": _checks(request, organization, state), "fit_variants": option_choices("instagram", "fit")}
    return render(request, "posts/_checks.html", context)


@login_required
@require_POST
def autosave(request: HttpRequest) -> HttpResponse:
    """Keep the draft being typed; answers the status line and (out of band) the post id."""
    organization = permissions.active_organization(request)
    permissions.require(request.user, "post.draft", organization)
    state = _state_from_request(request, organization)
    post = None
    if state.post_id:
        post = permissions.get_object(
            request.user, Post.objects.filter(organization=organization), state.post_id, "post.draft"
        )
    if post is None and not (state.text.strip() or state.link or state.media_ids or state.account_ids):
        return render(request, "posts/_autosave.html", {"status": ""})
    try:
        state.check_input()
        post = services.autosave_draft(
            organization=organization,
            author=request.user,
            post=post,
            draft_key=state.draft_key,
            **state.content_kwargs(),
        )
    except ValidationError as error:
        # Nothing typed is lost: the page still holds it; say why it was not kept yet.
        return render(
            request, "posts/_autosave.html", {"status": " ".join(error.messages), "post": post, "failed": True}
        )
    return render(request, "posts/_autosave.html", {"status": "Draft saved", "post": post})


# --- the posts list and its buttons ----------------------------------------------------------------------


@login_required
def post_list(request: HttpRequest) -> HttpResponse:
    organization = permissions.active_organization(request)
    membership = permissions.require(request.user, "post.view", organization)
    states, unknown_states = _listed_states(request)
    targets = PostTarget.objects.select_related("account").order_by("account__network", "account__display_name")
    posts = Post.objects.filter(organization=organization)
    if states:
        posts = posts.with_target_in(states)
    campaigns = list(organization.campaigns.order_by("-starts_on", "name"))
    campaign = next((c for c in campaigns if c.pk == input_rules.parse_id(request.GET.get("campaign", ""))), None)
    if campaign is not None:
        posts = posts.filter(campaign=campaign)
    posts = (
        posts.select_related("author", "campaign")
        .prefetch_related(Prefetch("targets", queryset=targets))
        .order_by("-created_at")
    )
    page = Paginator(posts, 25).get_page(request.GET.get("page"))
    may_decide = permissions.approval_checker(request.user, organization)
    now = timezone.now()
    rows = []
    for post in page:
        targets = list(post.targets.all())
        waiting = [target for target in targets if target.state == TargetState.IN_REVIEW]
        # A draft left behind while the post's other networks went ahead waits for a fix. Which fix
        # the composer's check says: running it here would render every draft's media on each visit.
        partly_sent = any(target.state != TargetState.DRAFT for target in targets)
        target_rows = [
            {
                "target": target,
                "label": network_label(target.account.network),
                "when": services.describe_time(target.scheduled_at, time_zone=request.user.time_zone),
                "published": services.describe_time(target.published_at, time_zone=request.user.time_zone),
                "waits_for_fix": partly_sent and target.state == TargetState.DRAFT,
            }
            for target in targets
        ]
        rows.append(
            {
                "post": post,
                "targets": target_rows,
                "editable": any(row["target"].is_editable for row in target_rows) or not target_rows,
                "deletable": all(target.is_deletable for target in targets),
                "review": review.PendingDecision(post, review.asks_for_a_passed_time(waiting, now=now))
                if waiting and may_decide(post.author_id)
                else None,
            }
        )
    context = {
        "organization": organization,
        "page": page,
        "rows": rows,
        "may_draft": permissions.role_allows(membership.role, "post.draft"),
        "may_delete_any": permissions.role_allows(membership.role, "post.delete"),
        "user_zone": request.user.time_zone,
        "states": [TargetState(state).label for state in states],
        "unknown_states": unknown_states,
        "filter_query": urlencode(
            [("state", state) for state in states] + ([("campaign", campaign.pk)] if campaign else [])
        ),
        "campaigns": campaigns,
        "campaign": campaign,
    }
    return render(request, "posts/list.html", context)


def _listed_states(request: HttpRequest) -> tuple[list[str], list[str]]:
    """The states asked for with ``?state=`` (repeatable, as the home page links them), and
    the values that are no state, to say so instead of quietly listing nothing."""
    asked = request.GET.getlist("state")
    known = [state for state in asked if state in TargetState.values]
    unknown = ["".join(c for c in state if c.isprintable())[:40] for state in asked if state not in TargetState.values]
    return list(dict.fromkeys(known)), unknown


@login_required
@require_POST
def duplicate(request: HttpRequest, pk: int) -> HttpResponse:
    post = permissions.get_object(request.user, Post.objects, pk, "post.draft")
    copy = services.duplicate_post(post, by=request.user)
    messages.success(request, gettext("A copy was saved as a draft: change what you need and schedule it."))
    return redirect("post-edit", pk=copy.pk)


@login_required
@require_POST
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    post = permissions.get_object(request.user, Post.objects, pk, "post.draft")
    try:
        services.delete_draft(post, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, gettext("The draft was deleted."))
    return redirect("posts")


# --- hashtag sets --------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def hashtag_sets(request: HttpRequest) -> HttpResponse:
    organization = permissions.active_organization(request)
    membership = permissions.require(request.user, "post.view", organization)
    may_manage_shared = permissions.role_allows(membership.role, "hashtags.manage")
    form = HashtagSetForm(request.POST or None, initial={"personal": not may_manage_shared})
    if request.method == "POST":
        permissions.require(request.user, "post.draft", organization)
        if form.is_valid():
            try:
                services.create_hashtag_set(
                    organization=organization,
                    by=request.user,
                    name=form.cleaned_data["name"],
                    hashtags=form.cleaned_data["hashtags"],
                    personal=form.cleaned_data["personal"],
                )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, gettext("Hashtag set saved."))
                return redirect("hashtag-sets")
    sets = services.hashtag_sets_for(request.user, organization).select_related("owner")
    context = {
        "organization": organization,
        "form": form,
        "sets": sets,
        "may_manage_shared": may_manage_shared,
        "may_draft": permissions.role_allows(membership.role, "post.draft"),
        "suggested": services.suggested_hashtags(organization),
    }
    return render(request, "posts/hashtag_sets.html", context, status=400 if form.errors else 200)


def _hashtag_set(request: HttpRequest, pk: int) -> HashtagSet:
    hashtag_set = permissions.get_object(request.user, HashtagSet.objects, pk, "post.view")
    if hashtag_set.owner_id not in (None, request.user.pk):
        raise Http404(gettext("No such hashtag set."))  # someone else's own set is as unknown as a missing one
    return hashtag_set


@login_required
@require_http_methods(["GET", "POST"])
def hashtag_set_edit(request: HttpRequest, pk: int) -> HttpResponse:
    hashtag_set = _hashtag_set(request, pk)
    initial = {"name": hashtag_set.name, "hashtags": " ".join(hashtag_set.hashtags)}
    form = HashtagSetForm(request.POST or None, initial=initial)
    form.fields.pop("personal")
    if request.method == "POST" and form.is_valid():
        try:
            services.update_hashtag_set(
                hashtag_set, by=request.user, name=form.cleaned_data["name"], hashtags=form.cleaned_data["hashtags"]
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, gettext("Hashtag set saved."))
            return redirect("hashtag-sets")
    return render(
        request,
        "posts/hashtag_set_edit.html",
        {"form": form, "hashtag_set": hashtag_set},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def hashtag_set_delete(request: HttpRequest, pk: int) -> HttpResponse:
    hashtag_set = _hashtag_set(request, pk)
    services.delete_hashtag_set(hashtag_set, by=request.user)
    messages.success(request, gettext("The set %(name)s was deleted.") % {"name": hashtag_set.name})
    return redirect(reverse("hashtag-sets"))
