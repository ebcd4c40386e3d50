"""Exporting posts to CSV in our import layout, so a file exported can be edited and imported again.

A row per post: its earliest target time (ISO 8601 with the organization's offset), its accounts
by handle (by id when two accounts share a handle), text, link, library file names, their alt
texts, its campaign's short name and the tailored text per network.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

from django.db.models import Min, Prefetch, Q, QuerySet

from accounts.models import ConnectedAccount, Organization
from campaigns.importing import ALT_TEXT_SEPARATOR, COLUMNS, FORMULA_STARTS, LIST_SEPARATOR, NETWORK_TEXT_COLUMNS
from campaigns.models import Campaign
from physsocial import input_rules
from posts.models import Post, PostMedia, PostTarget


def posts_to_export(
    organization: Organization,
    *,
    starts: datetime | None = None,
    ends: datetime | None = None,
    campaign: Campaign | None = None,
) -> QuerySet[Post]:
    """The organization's posts with a target timed in [starts, ends), and/or in ``campaign``."""
    posts = Post.objects.filter(organization=organization)
    if campaign is not None:
        posts = posts.filter(campaign=campaign)
    timed = Q()
    if starts is not None:
        timed &= Q(targets__scheduled_at__gte=starts)
    if ends is not None:
        timed &= Q(targets__scheduled_at__lt=ends)
    if starts is not None or ends is not None:
        posts = posts.filter(pk__in=Post.objects.filter(timed).values("pk"))
    return (
        posts.annotate(first_at=Min("targets__scheduled_at"))
        .select_related("campaign")
        .prefetch_related(
            Prefetch("targets", queryset=PostTarget.objects.select_related("account").order_by("pk")),
            Prefetch("attachments", queryset=PostMedia.objects.select_related("asset").order_by("position")),
        )
        .order_by("first_at", "pk")
    )


def _account_names(organization: Organization) -> dict[int, str]:
    accounts = list(ConnectedAccount.objects.for_organization(organization))
    handles = [account.handle.lstrip("@").lower() for account in accounts]
    return {
        account.pk: account.handle.lstrip("@")
        if account.handle and handles.count(account.handle.lstrip("@").lower()) == 1
        else str(account.pk)
        for account in accounts
    }


def _safe(value: str) -> str:
    """A cell a spreadsheet shows as text, never runs: a leading formula character gets a quote
    mark, as spreadsheets themselves write it. Times, ids and names never start with one."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def export_rows(posts: Iterable[Post], *, organization: Organization) -> Iterator[dict[str, str]]:
    names = _account_names(organization)
    zone = ZoneInfo(organization.time_zone)
    for post in posts:
        targets = list(post.targets.all())
        times = [target.scheduled_at for target in targets if target.scheduled_at]
        attachments = list(post.attachments.all())
        alt_texts = [attachment.asset.alt_text for attachment in attachments]
        row = {
            "scheduled_at": input_rules.safe_astimezone(min(times), zone).isoformat(timespec="minutes")
            if times
            else "",
            "accounts": LIST_SEPARATOR.join(names.get(target.account_id, str(target.account_id)) for target in targets),
            "text": post.text,
            "link": post.link,
            "media": LIST_SEPARATOR.join(attachment.asset.original_name for attachment in attachments),
            "alt_text": f" {ALT_TEXT_SEPARATOR} ".join(alt_texts) if any(alt_texts) else "",
            "campaign": post.campaign.slug if post.campaign else "",
        }
        for column, network in NETWORK_TEXT_COLUMNS.items():
            tailored = [t.text_override for t in targets if t.account.network == network and t.text_override]
            row[column] = tailored[0] if tailored else ""
        yield row


def export_csv(posts: Iterable[Post], *, organization: Organization) -> Iterator[str]:
    """The CSV file's text, a chunk per post (for a streaming response)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writeheader()
    yield "\ufeff" + flush()  # a byte order mark: spreadsheets then read the file as UTF-8
    for row in export_rows(posts, organization=organization):
        writer.writerow(
            {key: _safe(value) if key in ("text", *NETWORK_TEXT_COLUMNS) else value for key, value in row.items()}
        )
        yield flush()
