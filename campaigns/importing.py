"""Importing posts from a CSV file: read it, check every row as the composer would, then create
the good rows' posts through ``posts.services.create_posts`` (``create_post`` in bulk).

Two layouts:

* ``hootsuite``: Hootsuite's bulk composer file as is. No header; column 1 the date and time
  (``MM/DD/YYYY HH:MM`` or ``DD/MM/YYYY HH:MM``, chosen at upload, 24-hour, in the organization's
  time zone), column 2 the message, column 3 an optional link. The accounts chosen at upload
  apply to every row.
* ``physsocial`` (ours, what the export writes): a header row naming the columns of ``COLUMNS``.

``plan_import`` reads and checks and saves nothing (the preview, and the API's dry run);
``run_import`` creates the posts of the rows the plan found good. A row's fingerprint (its
normalized content) is stored in ``ImportedRow``: importing the same file again creates nothing.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.db.models import Q
from django.utils.translation import gettext as _

from accounts import permissions
from accounts.models import ConnectedAccount, Organization, User
from campaigns import fetching
from campaigns.models import Campaign, ImportedRow
from physsocial import input_rules
from physsocial.networks import network_label
from posts import privacy
from posts import services as post_services
from posts.media.library import update_alt_text
from posts.models import MediaAsset, Post
from posts.validation import check_target, problem_text

HOOTSUITE, PHYSSOCIAL = "hootsuite", "physsocial"
LAYOUTS = (HOOTSUITE, PHYSSOCIAL)
MONTH_FIRST, DAY_FIRST = "MM/DD/YYYY", "DD/MM/YYYY"
DATE_FORMATS = (MONTH_FIRST, DAY_FIRST)
OK, ERROR, DUPLICATE = "ok", "error", "duplicate"

#: The network whose tailored text each ``<name>_text`` column holds (keys of physsocial/networks.py).
NETWORK_TEXT_COLUMNS = {
    "x_text": "twitter",
    "facebook_text": "facebook",
    "linkedin_text": "linkedin",
    "instagram_text": "instagram",
    "youtube_text": "youtube",
}
COLUMNS = ("scheduled_at", "accounts", "text", "link", "media", "alt_text", "campaign", *NETWORK_TEXT_COLUMNS)
HOOTSUITE_COLUMNS = ("date", "message", "link")
#: Well above any clinic's year of posts; a longer file is refused whole, before any row is read.
MAX_ROWS = 10_000
MAX_FILE_BYTES = 20 * 1024 * 1024
ROWS_PER_TRANSACTION = 200
#: Several files in one ``media`` or ``accounts`` cell; ``alt_text`` pairs with ``media`` by position.
LIST_SEPARATOR = ";"
ALT_TEXT_SEPARATOR = "|"

#: A spreadsheet would run a cell starting with one of these as a formula; the export writes such
#: a text with a leading quote mark, as spreadsheets do, and the import takes it off again.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_HOOTSUITE_TIME = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})\s+(\d{1,2}):(\d{2})$")


@dataclass
class RowError:
    column: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"column": self.column, "message": self.message}


@dataclass
class PlannedRow:
    """One line of the file: what it asks for, and what is wrong with it."""

    line: int
    text: str = ""
    link: str = ""
    scheduled_at: datetime | None = None
    accounts: list[ConnectedAccount] = field(default_factory=list)
    media: list[MediaAsset] = field(default_factory=list)
    media_urls: list[str] = field(default_factory=list)
    alt_texts: list[str] = field(default_factory=list)
    overrides: dict[int, dict[str, str]] = field(default_factory=dict)
    campaign: Campaign | None = None
    errors: list[RowError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    status: str = OK
    fingerprint: str = ""
    post_id: int | None = None

    def refuse(self, column: str, message: str) -> None:
        self.errors.append(RowError(column, message))
        self.status = ERROR

    def as_dict(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "status": self.status,
            "errors": [error.as_dict() for error in self.errors],
            "notes": list(self.notes),
            "post": self.post_id,
        }


@dataclass
class ImportPlan:
    organization: Organization
    layout: str
    as_drafts: bool
    rows: list[PlannedRow]
    created: int = 0
    #: The privacy guard's scans of the rows' texts, made by the preview and reused by the import.
    scans: dict[tuple, list] = field(default_factory=dict, repr=False)

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def ready(self) -> list[PlannedRow]:
        return [row for row in self.rows if row.status == OK and row.post_id is None]


# --- reading the file ---------------------------------------------------------------------------


def read_records(data: bytes) -> list[tuple[int, list[str]]]:
    """The file's records with the line each starts on (a quoted message may span lines).

    UTF-8 with or without a byte order mark; commas or semicolons, whichever the first record
    reads as. Raises ValidationError with a sentence for a file that is no CSV we can read."""
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError(file_too_large_message())
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            _("This file is not UTF-8 text. Save it from your spreadsheet as “CSV UTF-8” and upload it again.")
        ) from None
    if "\x00" in text:
        raise ValidationError(_("This file is not a CSV file (it holds binary data)."))
    if not text.strip():
        raise ValidationError(_("This file is empty."))
    delimiter = _delimiter(text)
    records: list[tuple[int, list[str]]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    line = 1
    try:
        for record in reader:
            if any(cell.strip() for cell in record):
                records.append((line, record))
            if len(records) > MAX_ROWS + 1:
                raise ValidationError(
                    _("This file has more than %(rows)s rows; split it into several files.") % {"rows": f"{MAX_ROWS:,}"}
                )
            line = reader.line_num + 1
    except csv.Error as error:
        raise ValidationError(
            _("Line %(line)s cannot be read as CSV (%(error)s); check its quotes.") % {"line": line, "error": error}
        ) from None
    return records


def file_too_large_message() -> str:
    return _("This file is larger than %(size)s MB; split it into several files.") % {"size": MAX_FILE_BYTES // 2**20}


def _delimiter(text: str) -> str:
    """Comma or semicolon: the one whose first record starts as a file of ours or Hootsuite's
    does; else the one that splits the first line into more columns."""
    for delimiter in (",", ";"):
        try:
            first = next(csv.reader(io.StringIO(text[:65536], newline=""), delimiter=delimiter))
        except (StopIteration, csv.Error):
            continue
        head = first[0].strip().lower() if first else ""
        if head in COLUMNS and len(first) > 1 or _HOOTSUITE_TIME.match(head):
            return delimiter
    first_line = text.split("\n", 1)[0]
    return ";" if first_line.count(";") > first_line.count(",") else ","


# --- times ----------------------------------------------------------------------------------------------


def _local(row: PlannedRow, naive: datetime, *, organization: Organization, column: str) -> datetime | None:
    """A wall-clock time in the organization's zone as an aware time; a time the clocks skip is
    refused, a time that happens twice is read as the first and the row says so."""
    try:
        aware = post_services.local_to_aware(naive, time_zone=organization.time_zone)
    except ValidationError as error:
        row.refuse(column, " ".join(error.messages))
        return None
    zone = ZoneInfo(organization.time_zone)
    second = naive.replace(tzinfo=zone, fold=1).astimezone(UTC)
    if second != aware:
        row.notes.append(
            _(
                "%(time)s happens twice in %(zone)s (the clocks go back that night); "
                "it is read as the first, before the change."
            )
            % {"time": f"{naive:%Y-%m-%d %H:%M}", "zone": organization.time_zone}
        )
    return aware


def _hootsuite_time(row: PlannedRow, value: str, *, date_format: str, organization: Organization) -> datetime | None:
    match = _HOOTSUITE_TIME.match(value.strip())
    example = "12/31/2026 09:30" if date_format == MONTH_FIRST else "31/12/2026 09:30"
    if not match:
        row.refuse(
            "date",
            _("“%(value)s” is not a date and time as %(format)s HH:MM (24-hour), e.g. %(example)s.")
            % {"value": value[:40], "format": date_format, "example": example},
        )
        return None
    first, second, year, hour, minute = (int(part) for part in match.groups())
    month, day = (first, second) if date_format == MONTH_FIRST else (second, first)
    try:
        naive = datetime(year, month, day, hour, minute)
    except ValueError:
        row.refuse(
            "date",
            _("“%(value)s” is not a date that exists as %(format)s HH:MM (24-hour), e.g. %(example)s.")
            % {"value": value[:40], "format": date_format, "example": example},
        )
        return None
    return _local(row, naive, organization=organization, column="date")


def _iso_time(row: PlannedRow, value: str, *, organization: Organization) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        row.refuse(
            "scheduled_at",
            _(
                "“%(value)s” is not a date and time: write it as 2026-12-31T09:30+01:00, "
                "or 2026-12-31 09:30 for the organization's time zone (%(zone)s)."
            )
            % {"value": value[:40], "zone": organization.time_zone},
        )
        return None
    try:
        input_rules.check_time_range(parsed)
    except ValidationError as error:
        row.refuse("scheduled_at", " ".join(error.messages))
        return None
    if parsed.tzinfo is None:
        return _local(row, parsed.replace(second=0, microsecond=0), organization=organization, column="scheduled_at")
    return parsed.astimezone(UTC)


# --- reading one row ---------------------------------------------------------------------------------


@dataclass
class _Lookups:
    """The organization's accounts, campaigns and library names, read once per file."""

    accounts_by_id: dict[int, ConnectedAccount]
    accounts_by_handle: dict[str, list[ConnectedAccount]]
    campaigns: dict[str, Campaign]
    media_by_name: dict[str, list[MediaAsset]]
    fingerprints: dict[str, int]  # already imported → post id

    @classmethod
    def of(cls, organization: Organization) -> _Lookups:
        accounts = list(
            ConnectedAccount.objects.for_organization(organization).exclude(status=ConnectedAccount.Status.DISCONNECTED)
        )
        by_handle: dict[str, list[ConnectedAccount]] = {}
        for account in accounts:
            for name in {account.handle.lstrip("@").lower(), account.display_handle.lstrip("@").lower()}:
                if name:
                    by_handle.setdefault(name, []).append(account)
        campaigns: dict[str, Campaign] = {}
        for campaign in Campaign.objects.of(organization):
            campaigns.setdefault(campaign.slug.lower(), campaign)
            campaigns.setdefault(campaign.name.strip().lower(), campaign)
        media: dict[str, list[MediaAsset]] = {}
        for asset in MediaAsset.objects.filter(organization=organization).order_by("-created_at"):
            if asset.original_name:
                media.setdefault(asset.original_name.lower(), []).append(asset)
        fingerprints = dict(ImportedRow.objects.filter(organization=organization).values_list("fingerprint", "post_id"))
        return cls({a.pk: a for a in accounts}, by_handle, campaigns, media, fingerprints)

    def account(self, token: str) -> ConnectedAccount | None | str:
        """The account ``token`` names (an id or a handle); "" when none, "many" when unclear."""
        token = token.strip()
        if token.isdigit() and int(token) in self.accounts_by_id:
            return self.accounts_by_id[int(token)]
        found = self.accounts_by_handle.get(token.lstrip("@").lower(), [])
        if len(found) == 1:
            return found[0]
        return "many" if found else ""


@dataclass
class ImportOptions:
    layout: str
    date_format: str = MONTH_FIRST
    account_ids: Sequence[int] = ()
    campaign: str = ""
    as_drafts: bool = False


def _split(value: str, separator: str = LIST_SEPARATOR) -> list[str]:
    return [part.strip() for part in value.split(separator) if part.strip()]


def _clean_cell(row: PlannedRow, column: str, value: str) -> str:
    if value.startswith("'") and value[1:2] and value[1] in FORMULA_STARTS:
        value = value[1:]
    try:
        return post_services._clean_text(value, what=column)
    except ValidationError as error:
        row.refuse(column, " ".join(error.messages))
        return ""


def _read_campaign(row: PlannedRow, value: str, lookups: _Lookups, *, column: str = "campaign") -> None:
    if not value.strip():
        return
    row.campaign = lookups.campaigns.get(value.strip().lower())
    if row.campaign is None:
        row.refuse(column, _("No campaign here is called “%(name)s”.") % {"name": value.strip()[:80]})


def _read_accounts(row: PlannedRow, value: str, lookups: _Lookups) -> None:
    for token in _split(value):
        found = lookups.account(token)
        if found == "many":
            row.refuse(
                "accounts",
                _("“%(name)s” names several accounts; use the account's id instead.") % {"name": token[:80]},
            )
        elif not found:
            row.refuse(
                "accounts",
                _("“%(name)s” is not an account connected to this organization.") % {"name": token[:80]},
            )
        elif found not in row.accounts:
            row.accounts.append(found)


def _read_media(row: PlannedRow, value: str, alt_text: str, lookups: _Lookups) -> None:
    for token in _split(value):
        if re.match(r"^[a-z][a-z0-9+.-]*://", token, re.IGNORECASE):
            try:
                fetching.check_address(token)
            except ValidationError as error:
                row.refuse("media", " ".join(error.messages))
                continue
            row.media_urls.append(token)
            continue
        found = lookups.media_by_name.get(token.lower())
        if not found:
            row.refuse(
                "media", _("“%(name)s” is not a file in this organization's media library.") % {"name": token[:80]}
            )
        else:
            row.media.append(found[0])
    alts = [part.strip() for part in alt_text.split(ALT_TEXT_SEPARATOR)] if alt_text.strip() else []
    if len(alts) == 1:
        alts = alts * (len(row.media) + len(row.media_urls))
    row.alt_texts = alts
    if alts and len(alts) != len(row.media) + len(row.media_urls):
        row.refuse(
            "alt_text",
            _("Give one alt text for all files, or one per file separated by “%(separator)s”.")
            % {"separator": ALT_TEXT_SEPARATOR},
        )


def _read_physsocial(row: PlannedRow, cells: dict[str, str], lookups: _Lookups, options: ImportOptions, org) -> None:
    row.text = _clean_cell(row, "text", cells.get("text", ""))
    link = cells.get("link", "").strip()
    if link:
        try:
            row.link = post_services._clean_link(link)
        except ValidationError as error:
            row.refuse("link", " ".join(error.messages))
    when = cells.get("scheduled_at", "").strip()
    if when:
        row.scheduled_at = _iso_time(row, when, organization=org)
    elif not options.as_drafts:
        row.refuse("scheduled_at", _("Give the date and time to publish, or import the file as drafts."))
    _read_accounts(row, cells.get("accounts", ""), lookups)
    if not cells.get("accounts", "").strip():
        row.accounts = [lookups.accounts_by_id[pk] for pk in options.account_ids if pk in lookups.accounts_by_id]
    _read_media(row, cells.get("media", ""), cells.get("alt_text", ""), lookups)
    _read_campaign(row, cells.get("campaign", "") or options.campaign, lookups)
    for column, network in NETWORK_TEXT_COLUMNS.items():
        tailored = _clean_cell(row, column, cells.get(column, ""))
        if not tailored.strip():
            continue
        chosen = [account for account in row.accounts if account.network == network]
        if not chosen:
            row.refuse(
                column,
                _("This row has text for %(network)s but none of its accounts is on %(network)s.")
                % {"network": network_label(network)},
            )
        for account in chosen:
            row.overrides[account.pk] = {"text": tailored}


def _read_hootsuite(row: PlannedRow, record: list[str], lookups: _Lookups, options: ImportOptions, org) -> None:
    if len(record) > 3 and any(cell.strip() for cell in record[3:]):
        row.refuse(
            "",
            _("Hootsuite's layout has three columns (date, message, link); this row has %(count)s.")
            % {"count": len(record)},
        )
    cells = [*record, "", "", ""][:3]
    row.scheduled_at = _hootsuite_time(row, cells[0], date_format=options.date_format, organization=org)
    row.text = _clean_cell(row, "message", cells[1])
    if cells[2].strip():
        try:
            row.link = post_services._clean_link(cells[2])
        except ValidationError as error:
            row.refuse("link", " ".join(error.messages))
    row.accounts = [lookups.accounts_by_id[pk] for pk in options.account_ids if pk in lookups.accounts_by_id]
    _read_campaign(row, options.campaign, lookups)


def fingerprint(row: PlannedRow) -> str:
    """The row's content, normalized: the same post asked for twice has the same fingerprint."""
    content = {
        "at": row.scheduled_at.astimezone(UTC).isoformat() if row.scheduled_at else "",
        "accounts": sorted(account.pk for account in row.accounts),
        "text": row.text.strip(),
        "link": row.link,
        "media": [asset.pk for asset in row.media] + row.media_urls,
        "overrides": {str(pk): value["text"].strip() for pk, value in sorted(row.overrides.items())},
        "campaign": row.campaign.pk if row.campaign else None,
    }
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


# --- checking -----------------------------------------------------------------------------------------


_COLUMN_OF_FIELD = {"text": "text", "link": "link", "media": "media", "alt_text": "alt_text"}


def _check_content(row: PlannedRow, organization: Organization, *, layout: str, as_drafts: bool) -> None:
    """The composer's per-network rules (``posts.validation.check_target``) and the privacy guard,
    as ``posts.services.check_post`` runs them; ``create_posts`` runs them again at import (reusing
    the privacy scans made here)."""
    text_column = "message" if layout == HOOTSUITE else "text"
    if not row.text.strip() and not row.media and not row.media_urls:
        row.refuse(text_column, _("This row has no text."))
        return
    if as_drafts:
        return
    # What ``posts.services.check_post`` runs, on the accounts and files this file's lookups
    # already hold: reading them again per row was most of a 1,000-row preview's time.
    findings = privacy.check(
        organization,
        privacy.post_texts(
            text=row.text,
            link=row.link,
            media=row.media,
            tailored=[(account, row.overrides.get(account.pk, {}).get("text", ""), {}) for account in row.accounts],
        ),
    )
    networks = {account.pk: account.network for account in row.accounts}
    for account in row.accounts:
        check = check_target(
            account=account,
            text=row.overrides.get(account.pk, {}).get("text") or row.text,
            link=row.link,
            media=row.media,
            options={},
            alt_text_required=organization.alt_text_required,
            with_counts=False,
        )
        for problem in check.problems:
            column = _COLUMN_OF_FIELD.get(problem.field, "")
            if column == "text":
                tailored = account.pk in row.overrides
                network = networks[account.pk]
                column = next(c for c, n in NETWORK_TEXT_COLUMNS.items() if n == network) if tailored else text_column
            if column in ("media", "alt_text") and row.media_urls:
                continue  # the files are fetched at import; the composer's rules run again then
            row.refuse(column, problem_text(problem))
    for finding in findings:
        if finding.blocks:
            column = text_column
            if finding.field.startswith("text:"):
                network = finding.field.split(":", 1)[1]
                column = next((c for c, n in NETWORK_TEXT_COLUMNS.items() if n == network), text_column)
            elif finding.field == "link":
                column = "link"
            row.refuse(
                column,
                _("This may identify a patient, so it cannot be scheduled: %(finding)s")
                % {"finding": finding.sentence()},
            )


def plan_import(*, organization: Organization, by: User, data: bytes, options: ImportOptions) -> ImportPlan:
    """Read ``data`` and check every row; saves nothing. Raises ValidationError for a file (or
    options) that cannot be read at all; each row's problems are on the row."""
    permissions.require(by, "post.draft", organization)
    if options.layout not in LAYOUTS:
        raise ValidationError({"layout": _("Choose the file's layout: Hootsuite's or PhysSocial's.")})
    if options.layout == HOOTSUITE and options.date_format not in DATE_FORMATS:
        raise ValidationError({"date_format": _("Choose how the dates are written: MM/DD/YYYY or DD/MM/YYYY.")})
    lookups = _Lookups.of(organization)
    unknown = [pk for pk in options.account_ids if pk not in lookups.accounts_by_id]
    if unknown:
        raise ValidationError({"accounts": _("One of the chosen accounts is not connected to this organization.")})
    if options.layout == HOOTSUITE and not options.account_ids:
        raise ValidationError({"accounts": _("Choose the accounts Hootsuite's rows go to.")})
    if options.campaign and options.campaign.strip().lower() not in lookups.campaigns:
        raise ValidationError({"campaign": _("No campaign here is called “%(name)s”.") % {"name": options.campaign}})
    records = read_records(data)
    if options.layout == PHYSSOCIAL:
        header = [name.strip().lower() for name in records[0][1]] if records else []
        if "text" not in header:
            raise ValidationError(
                _("The first row must name the columns (scheduled_at, accounts, text, …). Is this Hootsuite's layout?")
            )
        unknown_columns = [name for name in header if name and name not in COLUMNS]
        if unknown_columns:
            raise ValidationError(
                _("Unknown column “%(name)s”; the columns are: %(columns)s.")
                % {"name": unknown_columns[0][:40], "columns": ", ".join(COLUMNS)}
            )
        records = records[1:]
    if not records:
        raise ValidationError(_("This file has no rows to import."))
    rows: list[PlannedRow] = []
    seen: dict[str, int] = {}
    scans: dict[tuple, list] = {}
    for line, record in records:
        row = PlannedRow(line=line)
        if options.layout == PHYSSOCIAL:
            if len(record) > len(header):
                row.refuse("", _("This row has more cells than the header names; check its quotes."))
            cells = {name: (record[i] if i < len(record) else "") for i, name in enumerate(header) if name}
            _read_physsocial(row, cells, lookups, options, organization)
        else:
            _read_hootsuite(row, record, lookups, options, organization)
        if not row.accounts and not any(e.column == "accounts" for e in row.errors):
            row.refuse("accounts", _("Say which accounts this row goes to."))
        if row.scheduled_at is not None:
            try:
                post_services.check_publish_time(row.scheduled_at)
            except ValidationError as error:
                messages = error.message_dict.get("scheduled_at", error.messages)
                row.refuse("date" if options.layout == HOOTSUITE else "scheduled_at", " ".join(messages))
        if row.status == OK:
            with privacy.remembering_scans(scans):
                _check_content(row, organization, layout=options.layout, as_drafts=options.as_drafts)
        if row.status == OK:
            row.fingerprint = fingerprint(row)
            if row.fingerprint in seen:
                row.status = DUPLICATE
                row.errors.append(RowError("", _("This row repeats line %(line)s.") % {"line": seen[row.fingerprint]}))
            elif row.fingerprint in lookups.fingerprints:
                row.status = DUPLICATE
                row.post_id = lookups.fingerprints[row.fingerprint]
                row.errors.append(RowError("", _("This row was imported before.")))
            else:
                seen[row.fingerprint] = line
        rows.append(row)
    return ImportPlan(
        organization=organization, layout=options.layout, as_drafts=options.as_drafts, rows=rows, scans=scans
    )


# --- importing ----------------------------------------------------------------------------------------


def run_import(plan: ImportPlan, *, by: User) -> ImportPlan:
    """Create a post for each good row of ``plan``, scheduled as the composer schedules (a
    contributor's go to review) or as drafts. A row that fails now (a file that cannot be
    fetched, a row imported meanwhile) becomes an error or a duplicate; the others go on."""
    permissions.require(by, "post.draft", plan.organization)
    # Files named by URL are fetched before their batch's transaction opens: nothing waits on a
    # network meanwhile. The privacy guard's scans of the preview are reused, not run again.
    with privacy.remembering_scans(plan.scans):
        for batch in _batches(plan.ready):
            fetched = [(row, _fetch_media(row, organization=plan.organization, by=by)) for row in batch]
            _import_rows(plan, [(row, media) for row, media in fetched if media is not None], by=by)
    return plan


def _batches(rows: list[PlannedRow]) -> Iterable[list[PlannedRow]]:
    """``rows`` in batches of ``ROWS_PER_TRANSACTION``, each written in one transaction. A batch
    also ends after a row that gives a library file its first alt text: the rows after it are
    checked with that text, as when each row was created alone."""
    batch: list[PlannedRow] = []
    for row in rows:
        batch.append(row)
        gives_alt_text = any(alt and not asset.alt_text for asset, alt in zip(row.media, row.alt_texts, strict=False))
        if len(batch) == ROWS_PER_TRANSACTION or gives_alt_text:
            yield batch
            batch = []
    if batch:
        yield batch


def _fetch_media(row: PlannedRow, *, organization: Organization, by: User) -> list[MediaAsset] | None:
    """The row's files, those named by URL fetched into the library; None (and the row refused)
    when one cannot be fetched."""
    try:
        return list(row.media) + [fetching.fetch_media(url, organization=organization, by=by) for url in row.media_urls]
    except ValidationError as error:
        row.refuse("media", " ".join(error.messages))
        return None


def _import_rows(plan: ImportPlan, rows: list[tuple[PlannedRow, list[MediaAsset]]], *, by: User) -> None:
    """The rows' posts through ``posts.services.create_posts`` (the composer's checks and rows, in
    bulk), each with its fingerprint and the file's alt texts, or with the reason it failed."""

    # The files each row gives their first alt text, decided before writing: a batch written again
    # row by row (after one of them failed) gives them again.
    alt_texts = [
        [
            (asset, alt_text)
            for asset, alt_text in zip(media, row.alt_texts, strict=False)
            if alt_text and not asset.alt_text
        ]
        for row, media in rows
    ]

    def remember(saved: list[tuple[int, Post]]) -> None:
        ImportedRow.objects.bulk_create(
            ImportedRow(organization=plan.organization, fingerprint=rows[index][0].fingerprint, post=post)
            for index, post in saved
        )
        for index, _post in saved:
            for asset, alt_text in alt_texts[index]:
                update_alt_text(asset, alt_text=alt_text, by=by)

    created = post_services.create_posts(
        organization=plan.organization,
        author=by,
        posts=[
            post_services.NewPost(
                text=row.text,
                link=row.link,
                media_ids=[asset.pk for asset in media],
                account_ids=[account.pk for account in row.accounts],
                overrides=row.overrides,
                schedule="draft" if plan.as_drafts else "at",
                scheduled_at=None if plan.as_drafts else row.scheduled_at,
                campaign_id=row.campaign.pk if row.campaign is not None else None,
            )
            for row, media in rows
        ],
        also=remember,
    )
    for (row, _media), outcome, given in zip(rows, created, alt_texts, strict=True):
        if outcome.post is None:
            for asset, _alt_text in given:
                asset.alt_text = ""  # rolled back with the row: a later row may give it
        if isinstance(outcome.error, IntegrityError):
            row.status = DUPLICATE
            row.errors.append(RowError("", _("This row was imported meanwhile.")))
        elif isinstance(outcome.error, ValidationError):
            error = outcome.error
            messages = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
            for key, lines in messages.items():
                row.refuse("" if key == "__all__" else key, " ".join(lines))
        elif outcome.post is not None:
            row.post_id = outcome.post.pk
            plan.created += 1


def import_posts(
    *, organization: Organization, by: User, data: bytes, options: ImportOptions, dry_run: bool = False
) -> ImportPlan:
    """``plan_import``, then ``run_import`` unless ``dry_run``."""
    plan = plan_import(organization=organization, by=by, data=data, options=options)
    return plan if dry_run else run_import(plan, by=by)


def accounts_for_upload(organization: Organization) -> Iterable[ConnectedAccount]:
    return (
        ConnectedAccount.objects.for_organization(organization)
        .exclude(status=ConnectedAccount.Status.DISCONNECTED)
        .order_by("network", "display_name")
    )


def campaign_named(organization: Organization, value: str) -> Campaign | None:
    value = (value or "").strip()
    if not value:
        return None
    return Campaign.objects.of(organization).filter(Q(slug__iexact=value) | Q(name__iexact=value)).first()
