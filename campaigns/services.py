"""Campaigns: creating, editing, deleting and duplicating them, and what a campaign's page reports.

Every function takes the acting user and checks ``campaign.manage`` itself, so the pages, the
API and the demo seed share one set of rules. A campaign's report (``campaign_report``) reads
its targets in a fixed number of queries, whatever the number of posts.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts import permissions
from accounts.models import ConnectedAccount, Organization, User
from campaigns.models import Campaign, Suggestion
from physsocial.networks import network_label
from platforms import NETWORKS
from posts import hashtags as hashtag_rules
from posts.models import Post, PostMedia, PostTarget, TargetState

S = TargetState

#: The fields a person edits; everything else (organization, dates of the row) is ours.
EDITABLE = (
    "name",
    "slug",
    "description",
    "starts_on",
    "ends_on",
    "colour",
    "hashtags",
    "landing_url",
    "utm_medium",
    "utm_campaign",
    "owner",
)
DEFAULT_DUPLICATE_OFFSET = timedelta(days=365)
#: What a suggestion's copy keeps (its media too); times of day stay, they are not dates.
SUGGESTION_FIELDS = (
    "title",
    "text",
    "network_texts",
    "link",
    "hashtags",
    "window_weekdays",
    "window_starts_at",
    "window_ends_at",
    "note_to_members",
    "position",
)


def parse_hashtags(value: str | list[str]) -> list[str]:
    """Hashtags as typed ("#Flu, Vaccines"), stored without their "#", each once. ValidationError
    names the first word X would not read as a hashtag."""
    try:
        return [tag[1:] for tag in hashtag_rules.parse_hashtag_list(value or [])]
    except ValueError as error:
        raise ValidationError({"hashtags": str(error)}) from None


def unique_slug(organization: Organization, name: str, *, exclude: int | None = None) -> str:
    """A short name from ``name`` not yet used in ``organization`` ("flu-2026", then "flu-2026-2")."""
    base = (slugify(name) or "campaign")[:70]
    taken = set(Campaign.objects.of(organization).exclude(pk=exclude).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _check(campaign: Campaign) -> None:
    """The campaign's own rules, as plain sentences on their fields; saves nothing."""
    if campaign.starts_on and campaign.ends_on and campaign.ends_on < campaign.starts_on:
        raise ValidationError({"ends_on": _("A campaign cannot end before it starts.")})
    if campaign.owner_id and not permissions.membership_of(campaign.owner, campaign.organization):
        raise ValidationError({"owner": _("The owner must be a member of the organization.")})
    if Campaign.objects.of(campaign.organization).filter(slug=campaign.slug).exclude(pk=campaign.pk).exists():
        raise ValidationError({"slug": _("Another campaign already uses this short name.")})
    campaign.full_clean(exclude=["organization", "owner"], validate_constraints=False)


def _save(campaign: Campaign) -> Campaign:
    _check(campaign)
    try:
        with transaction.atomic():
            campaign.save()
    except IntegrityError:  # the same short name saved a moment ago by someone else
        raise ValidationError({"slug": _("Another campaign already uses this short name.")}) from None
    return campaign


def create_campaign(*, organization: Organization, by: User, **fields: Any) -> Campaign:
    """A new campaign; an empty ``slug`` is made from the name. Raises PermissionDenied without
    ``campaign.manage``, ValidationError for bad fields. Not idempotent."""
    permissions.require(by, "campaign.manage", organization)
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValidationError(_("Unknown field: %(name)s.") % {"name": sorted(unknown)[0]})
    campaign = Campaign(organization=organization, **fields)
    campaign.hashtags = parse_hashtags(campaign.hashtags)
    if not campaign.slug:
        campaign.slug = unique_slug(organization, campaign.name)
    return _save(campaign)


def update_campaign(campaign: Campaign, *, by: User, **fields: Any) -> Campaign:
    """Change the given fields. Safe to repeat."""
    permissions.require(by, "campaign.manage", campaign.organization_id)
    for name, value in fields.items():
        if name not in EDITABLE:
            raise ValidationError(_("Unknown field: %(name)s.") % {"name": name})
        setattr(campaign, name, value)
    campaign.hashtags = parse_hashtags(campaign.hashtags)
    if not campaign.slug:
        campaign.slug = unique_slug(campaign.organization, campaign.name, exclude=campaign.pk)
    return _save(campaign)


def delete_campaign(campaign: Campaign, *, by: User) -> None:
    """Delete the campaign; its posts stay, without a campaign (``Post.campaign`` is SET_NULL)."""
    permissions.require(by, "campaign.manage", campaign.organization_id)
    campaign.delete()


def duplicate_campaign(
    campaign: Campaign, *, by: User, offset: timedelta = DEFAULT_DUPLICATE_OFFSET, name: str = ""
) -> Campaign:
    """A copy to run again: dates moved by ``offset``, hashtags and links kept, its posts copied as
    drafts (text, link, media, accounts, tailoring) with their times moved by ``offset`` and kept
    only as a note (nothing is scheduled), and its share-kit suggestions copied with their media.
    Not idempotent: each call makes a copy."""
    permissions.require(by, "campaign.manage", campaign.organization_id)
    organization = campaign.organization
    name = name or _("%(name)s (copy)") % {"name": campaign.name}
    with transaction.atomic():
        copy = Campaign.objects.create(
            organization=organization,
            name=name[:120],
            slug=unique_slug(organization, name),
            description=campaign.description,
            starts_on=campaign.starts_on + offset,
            ends_on=campaign.ends_on + offset,
            colour=campaign.colour,
            hashtags=list(campaign.hashtags),
            landing_url=campaign.landing_url,
            utm_medium=campaign.utm_medium,
            utm_campaign="",
            owner=by,
        )
        posts = (
            campaign.posts.filter(is_autosaved=False).prefetch_related("attachments", "targets__account").order_by("pk")
        )
        for post in posts:
            new_post = Post.objects.create(
                organization=organization,
                author=by,
                text=post.text,
                link=post.link,
                hashtags=list(post.hashtags),
                campaign=copy,
            )
            PostMedia.objects.bulk_create(
                [PostMedia(post=new_post, asset_id=a.asset_id, position=a.position) for a in post.attachments.all()]
            )
            PostTarget.objects.bulk_create(
                [
                    PostTarget(
                        post=new_post,
                        account_id=target.account_id,
                        text_override=target.text_override,
                        options=target.options,
                        # A draft holds its planned time without being scheduled: the calendar
                        # shows it where it belongs, and someone schedules it when ready.
                        scheduled_at=target.scheduled_at + offset if target.scheduled_at else None,
                    )
                    for target in post.targets.all()
                    if target.account.status != ConnectedAccount.Status.DISCONNECTED
                ]
            )
        for suggestion in campaign.suggestions.prefetch_related("media"):
            copied = Suggestion.objects.create(
                campaign=copy,
                created_by=by,
                **{name: getattr(suggestion, name) for name in SUGGESTION_FIELDS},
            )
            copied.media.set(suggestion.media.all())
    return copy


# --- the campaign's page -------------------------------------------------------------------------------


@dataclass
class TimelineRow:
    target: PostTarget
    network: str
    label: str


@dataclass
class CampaignReport:
    """Everything the campaign's page shows, read in a fixed number of queries."""

    campaign: Campaign
    rows: list[TimelineRow]
    counts: list[tuple[str, str, int]]  # state, label, count
    published: list[TimelineRow] = field(default_factory=list)
    failed: list[TimelineRow] = field(default_factory=list)
    to_schedule: list[TimelineRow] = field(default_factory=list)
    posts_without_accounts: list[Post] = field(default_factory=list)
    per_day: list[tuple[date, int]] = field(default_factory=list)


def campaign_targets(campaign: Campaign):
    """Its posts' targets with what the page and the report read, oldest planned first."""
    return (
        PostTarget.objects.filter(post__campaign=campaign)
        .exclude(post__is_autosaved=True)
        .select_related("account", "post", "post__author")
        .order_by("scheduled_at", "published_at", "pk")
    )


def campaign_report(campaign: Campaign, *, time_zone: str = "UTC") -> CampaignReport:
    """Its timeline across networks and accounts, counts by state, what went out (with links),
    what failed (with the reason), what is still to schedule and posts per day. Two queries."""
    zone = ZoneInfo(time_zone)
    targets = list(campaign_targets(campaign))
    bare = list(campaign.posts.filter(targets__isnull=True, is_autosaved=False).order_by("pk"))
    labels = {network: network_label(network) for network in NETWORKS}
    rows = [TimelineRow(t, t.account.network, labels.get(t.account.network, t.account.network)) for t in targets]
    counted = Counter(t.state for t in targets)
    counts = [(state, str(label), counted[state]) for state, label in S.choices if counted[state]]
    per_day = Counter(
        (t.published_at or t.scheduled_at).astimezone(zone).date() for t in targets if t.published_at or t.scheduled_at
    )
    return CampaignReport(
        campaign=campaign,
        rows=rows,
        counts=counts,
        published=[r for r in rows if r.target.state == S.PUBLISHED],
        failed=[r for r in rows if r.target.state in (S.FAILED, S.NEEDS_ATTENTION)],
        to_schedule=[r for r in rows if r.target.state in (S.DRAFT, S.IN_REVIEW)],
        posts_without_accounts=bare,
        per_day=sorted(per_day.items()),
    )


REPORT_COLUMNS = [
    "post",
    "network",
    "account",
    "state",
    "scheduled_at",
    "published_at",
    "link",
    "public_url",
    "error",
    "text",
]


def _iso(moment: datetime | None) -> str:
    return moment.isoformat() if moment else ""


def _cell(value: str) -> str:
    # A spreadsheet runs a cell starting with = + - @ as a formula: a post's text must stay text.
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def campaign_report_csv(campaign: Campaign) -> str:
    """One row per target: post, network, account, state, times (UTC), the link sent (tagged),
    the public post's address and the reason of a failure."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(REPORT_COLUMNS)
    for target in campaign_targets(campaign):
        network = target.account.network
        writer.writerow(
            [
                target.post_id,
                network,
                _cell(target.account.display_name),
                target.state,
                _iso(target.scheduled_at),
                _iso(target.published_at),
                campaign.link_for(target.post.link, network),
                target.external_url,
                _cell(target.error_message),
                _cell(target.text_override or target.post.text),
            ]
        )
    return buffer.getvalue()


def campaigns_by_period(organization: Organization, *, today: date) -> dict[str, list[Campaign]]:
    """The organization's campaigns as running, upcoming (soonest first) and past (latest first)."""
    campaigns = list(Campaign.objects.of(organization).select_related("owner"))
    return {
        "running": sorted((c for c in campaigns if c.is_running_on(today)), key=lambda c: c.ends_on),
        "upcoming": sorted((c for c in campaigns if c.starts_on > today), key=lambda c: c.starts_on),
        "past": sorted((c for c in campaigns if c.ends_on < today), key=lambda c: c.ends_on, reverse=True),
    }
