"""The publish path's statements, written in SQL: the claim and its read, "about to send", "published".

Every publish runs these, and the ORM's work to build each one cost more of a
worker's CPU than the network call itself (bench/RESULTS.md): building a
``select_related`` query alone took a fifth of a publish. Here each statement
is a fixed string with parameters, so almost nothing is compiled per post, and
a text post takes two round trips to the database on PostgreSQL: the claim,
which also writes "about to send" for a post with nothing in flight, no thread
part out and no media (:func:`claim_target`), and "published". The
guarantees are those of ``PostTarget.move``: every write is a compare-and-set
on the state and, once claimed, on the exact lease, and each statement
reports whether it won.

A burst's batch (``services.publish_targets``) pays for these once rather than
once per target: :func:`claim_targets` claims all its targets in one statement
and :func:`record_published_many` writes all its successes in another, each row
still under its own compare-and-set.

On PostgreSQL the claim and "about to send" are one statement, and so are the
success and the attempt's finish (data-modifying ``WITH``);
SQLite has no such ``WITH``, so there they are two statements in one
transaction. Either way both rows change together or neither does, and the
"about to send" statement commits before the request leaves.

Only the transitions ``PostTarget.move`` allows are written here
(scheduled → publishing, publishing → publishing, publishing → published).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, models, transaction
from django.db.backends.base.base import BaseDatabaseWrapper

from accounts.models import ConnectedAccount, Organization
from audit.models import AuditEvent
from posts import metrics as post_metrics
from posts.models import Post, PostMedia, PostTarget, TargetState
from scheduler.models import PublishAttempt

S = TargetState
logger = logging.getLogger(__name__)


def _db() -> BaseDatabaseWrapper:
    # The wrapper itself: the ``connection`` proxy looks it up again on every attribute.
    return connections[DEFAULT_DB_ALIAS]


def _columns(db: BaseDatabaseWrapper, model: type[models.Model], alias: str = "") -> str:
    prefix = f"{alias}." if alias else ""
    return ", ".join(f"{prefix}{db.ops.quote_name(f.column)}" for f in model._meta.concrete_fields)


def _table(db: BaseDatabaseWrapper, model: type[models.Model]) -> str:
    return db.ops.quote_name(model._meta.db_table)


def _param(db: BaseDatabaseWrapper, model: type[models.Model], name: str, value: Any) -> Any:
    """``value`` as the database takes it for ``model.name`` (a datetime as SQLite stores it, JSON encoded)."""
    return model._meta.get_field(name).get_db_prep_save(value, db)


@cache
def _fields(vendor: str, model: type[models.Model]) -> tuple[tuple[Any, tuple], ...]:
    """Each concrete column of ``model``, with every converter the ORM applies to what is read from
    it (the backend's, then the field's). Worked out once per backend: looking them up for every
    row was a noticeable part of a publish."""
    db = _db()
    assert db.vendor == vendor
    columns = (field.get_col(model._meta.db_table) for field in model._meta.concrete_fields)
    return tuple((column, (*db.ops.get_db_converters(column), *column.get_db_converters(db))) for column in columns)


def _instance(db: BaseDatabaseWrapper, model: type[models.Model], values: tuple | list) -> models.Model:
    """A model instance from a row of its concrete columns, through the same converters the ORM applies."""
    converted = []
    for (column, converters), value in zip(_fields(db.vendor, model), values, strict=True):
        for convert in converters:
            value = convert(value, column, db)
        converted.append(value)
    return model.from_db(db.alias, None, converted)


# --- claim and read --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Claimed:
    target: PostTarget  # with its post, the post's organization and the account loaded
    was_due: bool  # taken from scheduled (False: taken over from a worker whose lease expired)
    has_media: bool
    # The attempt the claim started, "about to send" already written (see claim_target): None when
    # the row had a request in flight, a thread part out, or media to upload.
    attempt: PublishAttempt | None = None


@cache
def _claim_sql(vendor: str) -> tuple[str, str, str]:
    """The claim statement (with ``{condition}`` to fill), the related columns and the joined tables,
    built once per backend: quoting every column name for every publish cost more than sending it."""
    db = _db()
    assert db.vendor == vendor
    target = _table(db, PostTarget)
    related = (
        f"{_columns(db, Post, 'p')}, {_columns(db, Organization, 'o')}, {_columns(db, ConnectedAccount, 'a')}, "
        f"EXISTS (SELECT 1 FROM {_table(db, PostMedia)} m WHERE m.post_id = p.id)"
    )
    joined = (
        f"{_table(db, Post)} p JOIN {_table(db, Organization)} o ON o.id = p.organization_id, "
        f"{_table(db, ConnectedAccount)} a"
    )
    claim = (
        f"UPDATE {target} SET state = %s, lease_expires_at = %s, enqueued_at = NULL, updated_at = %s "
        f"{{joined}}WHERE {target}.id = %s AND {target}.state = %s AND {target}.{{condition}} "
    )
    if vendor == "postgresql":
        # "About to send" in the same statement, for a row with nothing in flight, no thread part
        # out and no media: ``fresh`` reads the row as it was before this statement.
        fresh = (
            f"SELECT t0.request_sent_at IS NULL AND t0.published_parts = '[]'::jsonb AND NOT EXISTS "
            f"(SELECT 1 FROM {_table(db, PostMedia)} m0 WHERE m0.post_id = t0.post_id) AS fresh "
            f"FROM {target} t0 WHERE t0.id = %s"
        )
        claim = claim.replace(
            "updated_at = %s ",
            f"updated_at = %s, request_sent_at = CASE WHEN f.fresh THEN %s ELSE {target}.request_sent_at END, "
            f"attempts = CASE WHEN f.fresh THEN {target}.attempts + 1 ELSE {target}.attempts END ",
        )
        claim = claim.replace("{joined}", f"FROM {joined}, fresh f ")
        claim += f"AND p.id = {target}.post_id AND a.id = {target}.account_id "
        claim += f"RETURNING {_columns(db, PostTarget, target)}, {related}, f.fresh, {target}.id AS claimed_id"
        insert = _INSERT_ATTEMPT.format(attempt=_table(db, PublishAttempt))
        claim = (
            f"WITH fresh AS ({fresh}), claimed AS ({claim}), started AS ({insert} "
            "SELECT claimed_id, %s, %s, NULL, %s, NULL, '', '', '', %s FROM claimed WHERE fresh RETURNING id) "
            "SELECT claimed.*, (SELECT id FROM started) FROM claimed"
        )
    else:
        claim = claim.replace("{joined}", "") + f"RETURNING {_columns(db, PostTarget)}"
    return claim, related, joined


def claim_target(
    target_id: int, *, now: datetime, lease: datetime, due_before: datetime, worker: str
) -> Claimed | None:
    """Take the target for publishing: where it is ``scheduled`` and due before ``due_before``, or
    ``publishing`` with a lease expired at ``now``. None when neither holds (another worker has it,
    it is done, or it was deleted). The row is read by the claim itself (``RETURNING``), so what
    we read is what we won, including what a previous worker wrote up to that moment.

    When the row had no request in flight, no thread part out and the post no media, the claim
    also does what :func:`start_attempt` does ("about to send": ``request_sent_at``, the attempt
    counted and logged as in flight by ``worker``), committed with it, and returns the attempt: one
    statement fewer for a text post. The caller must send, or take the attempt back with
    :func:`withdraw_attempt` before it writes anything else. Should the worker die in between, the
    next one looks on the network before sending, as after any request that may have left.

    On PostgreSQL one statement does all of it and returns the post, its organization, the account
    and whether the post has media (``UPDATE … FROM … RETURNING`` in a ``WITH``); SQLite cannot
    return the joined tables' columns, so there they are read right after, and the attempt started
    by :func:`start_attempt`."""
    db = _db()
    claim, related, joined = _claim_sql(db.vendor)
    lease_param = _param(db, PostTarget, "lease_expires_at", lease)
    now_param = _param(db, PostTarget, "updated_at", now)
    due_param = _param(db, PostTarget, "due_at", due_before)
    postgres = db.vendor == "postgresql"
    sent = _param(db, PublishAttempt, "started_at", now)
    before, after = ([target_id], [sent, sent, PublishAttempt.Outcome.IN_FLIGHT, worker]) if postgres else ([], [])
    sets = [S.PUBLISHING, lease_param, now_param, *([now_param] if postgres else [])]
    with db.cursor() as cursor:
        cursor.execute(
            claim.format(condition="due_at <= %s"),
            [*before, *sets, target_id, S.SCHEDULED, due_param, *after],
        )
        row = cursor.fetchone()
        was_due = row is not None
        if row is None:
            cursor.execute(
                claim.format(condition="lease_expires_at < %s"),
                [*before, *sets, target_id, S.PUBLISHING, now_param, *after],
            )
            row = cursor.fetchone()
        if row is None:
            return None
        columns = len(PostTarget._meta.concrete_fields)
        claimed, values = _instance(db, PostTarget, row[:columns]), row[columns:]
        attempt_id = None
        if postgres:
            values, attempt_id = values[:-3], values[-1]
        else:
            cursor.execute(
                f"SELECT {related} FROM {joined} WHERE p.id = %s AND a.id = %s",
                [claimed.post_id, claimed.account_id],
            )
            values = cursor.fetchone()
    if values is None:
        return None  # the post was deleted the moment after we claimed it: its target went with it
    has_media = _attach_related(db, claimed, values)
    if attempt_id is not None:
        attempt = _started(db, attempt_id, claimed, sent_at=now, worker=worker)
    elif not postgres and claimed.request_sent_at is None and not claimed.published_parts and not has_media:
        attempt = start_attempt(claimed, held=lease, lease=lease, sent_at=now, worker=worker)
    else:
        attempt = None
    return Claimed(claimed, was_due=was_due, has_media=has_media, attempt=attempt)


@cache
def _claim_many_sql() -> str:
    """The batch's claim on PostgreSQL, built once: :func:`claim_target`'s statement for every id
    of a batch at once, each row still claimed by its own compare-and-set."""
    db = _db()
    assert db.vendor == "postgresql"
    target = _table(db, PostTarget)
    _, related, joined = _claim_sql(db.vendor)
    # The rows are locked in id order first, so two batches sharing targets (a message delivered
    # twice) queue behind each other instead of deadlocking; what each row was is read once locked.
    fresh = (
        f"SELECT t0.id, t0.state = %s AS was_due, t0.request_sent_at IS NULL AND t0.published_parts = '[]'::jsonb "
        f"AND NOT EXISTS (SELECT 1 FROM {_table(db, PostMedia)} m0 WHERE m0.post_id = t0.post_id) AS fresh "
        f"FROM {target} t0 WHERE t0.id = ANY(%s) ORDER BY t0.id FOR UPDATE OF t0"
    )
    claim = (
        f"UPDATE {target} SET state = %s, lease_expires_at = %s, enqueued_at = NULL, updated_at = %s, "
        f"request_sent_at = CASE WHEN f.fresh THEN %s ELSE {target}.request_sent_at END, "
        f"attempts = CASE WHEN f.fresh THEN {target}.attempts + 1 ELSE {target}.attempts END "
        f"FROM {joined}, fresh f WHERE {target}.id = f.id "
        f"AND ({target}.state = %s AND {target}.due_at <= %s "
        f"OR {target}.state = %s AND {target}.lease_expires_at < %s) "
        f"AND p.id = {target}.post_id AND a.id = {target}.account_id "
        f"RETURNING {_columns(db, PostTarget, target)}, {related}, f.fresh, f.was_due, {target}.id AS claimed_id"
    )
    insert = _INSERT_ATTEMPT.format(attempt=_table(db, PublishAttempt))
    return (
        f"WITH fresh AS ({fresh}), claimed AS ({claim}), started AS ({insert} "
        "SELECT claimed_id, %s, %s, NULL, %s, NULL, '', '', '', %s FROM claimed WHERE fresh RETURNING id, target_id) "
        "SELECT claimed.*, started.id FROM claimed LEFT JOIN started ON started.target_id = claimed.claimed_id "
        "ORDER BY claimed.claimed_id"
    )


def _attach_related(db: BaseDatabaseWrapper, claimed: PostTarget, values: tuple | list) -> bool:
    """Set the claimed target's post (with its organization) and account from the claim's related
    columns (``_claim_sql``'s ``related``); returns whether the post has media (the last column)."""
    posts, organizations = len(Post._meta.concrete_fields), len(Organization._meta.concrete_fields)
    post = _instance(db, Post, values[:posts])
    post.organization = _instance(db, Organization, values[posts : posts + organizations])
    claimed.post = post
    claimed.account = _instance(db, ConnectedAccount, values[posts + organizations : -1])
    return bool(values[-1])


def claim_targets(
    target_ids: list[int], *, now: datetime, lease: datetime, due_before: datetime, worker: str
) -> list[Claimed]:
    """:func:`claim_target` for each of a batch's targets, in one statement on PostgreSQL: the same
    compare-and-set, due check and "about to send" per row, one round trip for the batch. Returns
    the targets won, in the order of ``target_ids``; the others are another worker's, done or gone.

    Elsewhere (SQLite), or when the batch's statement fails, each is claimed on its own; one whose
    claim raises is logged and left out, so it does not hold back the rest (the dispatcher sends it
    again)."""
    db = _db()
    if db.vendor == "postgresql":
        try:
            return _claim_many(db, target_ids, now=now, lease=lease, due_before=due_before, worker=worker)
        except DatabaseError:
            # Nothing was claimed (one statement): claim one by one, so one bad row cannot hold back the rest.
            logger.exception("claiming a batch of %d targets failed; claiming them one by one", len(target_ids))
    won = []
    for target_id in target_ids:
        try:
            claimed = claim_target(target_id, now=now, lease=lease, due_before=due_before, worker=worker)
        except Exception:
            logger.exception("claiming target %s failed; the dispatcher will send it again", target_id)
            continue
        if claimed is not None:
            won.append(claimed)
    return won


def _claim_many(
    db: BaseDatabaseWrapper, target_ids: list[int], *, now: datetime, lease: datetime, due_before: datetime, worker: str
) -> list[Claimed]:
    lease_param = _param(db, PostTarget, "lease_expires_at", lease)
    now_param = _param(db, PostTarget, "updated_at", now)
    sent = _param(db, PublishAttempt, "started_at", now)
    params = [
        S.SCHEDULED,
        list(target_ids),
        S.PUBLISHING,
        lease_param,
        now_param,
        now_param,
        S.SCHEDULED,
        _param(db, PostTarget, "due_at", due_before),
        S.PUBLISHING,
        now_param,
        sent,
        sent,
        PublishAttempt.Outcome.IN_FLIGHT,
        worker,
    ]
    with db.cursor() as cursor:
        cursor.execute(_claim_many_sql(), params)
        rows = cursor.fetchall()
    columns = len(PostTarget._meta.concrete_fields)
    won = {}
    for row in rows:
        claimed = _instance(db, PostTarget, row[:columns])
        values, was_due, attempt_id = row[columns:-4], row[-3], row[-1]
        has_media = _attach_related(db, claimed, values)
        attempt = None if attempt_id is None else _started(db, attempt_id, claimed, sent_at=now, worker=worker)
        won[claimed.pk] = Claimed(claimed, was_due=bool(was_due), has_media=has_media, attempt=attempt)
    return [won[target_id] for target_id in dict.fromkeys(target_ids) if target_id in won]


def withdraw_attempt(target: PostTarget, attempt: PublishAttempt, *, held: datetime) -> bool:
    """Undo what the claim's "about to send" wrote, when nothing was sent after all (the re-check
    refused, the budget said wait): ``request_sent_at`` cleared, the attempt no longer counted and
    its row deleted, where we still hold ``held``. False, changing nothing, when we do not."""
    moved = target.move(
        S.PUBLISHING,
        expected=[S.PUBLISHING],
        where=models.Q(lease_expires_at=held),
        request_sent_at=None,
        attempts=max(0, target.attempts - 1),
    )
    if moved:
        PublishAttempt.objects.filter(pk=attempt.pk).delete()
    return moved


def _insert_values(db: BaseDatabaseWrapper, instance: models.Model) -> tuple[str, list[Any]]:
    """The columns and prepared values of an unsaved ``instance``, for an INSERT written by hand."""
    fields = [field for field in instance._meta.concrete_fields if not field.primary_key]
    columns = ", ".join(db.ops.quote_name(field.column) for field in fields)
    return columns, [field.get_db_prep_save(getattr(instance, field.attname), db) for field in fields]


# --- about to send, and published ------------------------------------------------------------------

_RENEW = (
    "UPDATE {target} SET lease_expires_at = %s, request_sent_at = %s, attempts = %s, updated_at = %s "
    "WHERE id = %s AND state = %s AND lease_expires_at = %s"
)
_INSERT_ATTEMPT = (
    "INSERT INTO {attempt} (target_id, started_at, request_sent_at, finished_at, outcome, http_status, error_class, "
    "network_message, request_id, worker) "
)
_WHERE_LEASE = "WHERE id = %s AND state = %s AND lease_expires_at = %s"


def start_attempt(
    target: PostTarget, *, held: datetime, lease: datetime, sent_at: datetime, worker: str
) -> PublishAttempt | None:
    """Just before the create request leaves: renew the lease (held → ``lease``), set
    ``request_sent_at``, count the attempt and log it as in flight, all or nothing and committed
    on return. None, writing nothing, when the lease ``held`` is no longer ours."""
    db = _db()
    attempts = target.attempts + 1
    renew = [
        _param(db, PostTarget, "lease_expires_at", lease),
        _param(db, PostTarget, "request_sent_at", sent_at),
        attempts,
        _param(db, PostTarget, "updated_at", sent_at),
        target.pk,
        S.PUBLISHING,
        _param(db, PostTarget, "lease_expires_at", held),
    ]
    sent = _param(db, PublishAttempt, "started_at", sent_at)
    attempt_values = [sent, sent, PublishAttempt.Outcome.IN_FLIGHT, worker]
    renew_sql = _RENEW.format(target=_table(db, PostTarget))
    insert_sql = _INSERT_ATTEMPT.format(attempt=_table(db, PublishAttempt))
    with db.cursor() as cursor:
        if db.vendor == "postgresql":
            cursor.execute(
                f"WITH renewed AS ({renew_sql} RETURNING id) "
                f"{insert_sql} SELECT id, %s, %s, NULL, %s, NULL, '', '', '', %s FROM renewed RETURNING id",
                renew + attempt_values,
            )
            row = cursor.fetchone()
            attempt_id = row[0] if row else None
        else:
            with transaction.atomic(using=db.alias):
                cursor.execute(renew_sql, renew)
                attempt_id = None
                if cursor.rowcount:
                    cursor.execute(
                        f"{insert_sql} VALUES (%s, %s, %s, NULL, %s, NULL, '', '', '', %s)",
                        [target.pk, *attempt_values],
                    )
                    attempt_id = cursor.lastrowid
    if attempt_id is None:
        return None
    target.lease_expires_at, target.request_sent_at = lease, sent_at
    target.attempts, target.updated_at = attempts, sent_at
    return _started(db, attempt_id, target, sent_at=sent_at, worker=worker)


def _started(
    db: BaseDatabaseWrapper, attempt_id: int, target: PostTarget, *, sent_at: datetime, worker: str
) -> PublishAttempt:
    """The attempt row just inserted as in flight, as if read."""
    attempt = PublishAttempt(
        pk=attempt_id,
        target_id=target.pk,
        started_at=sent_at,
        request_sent_at=sent_at,
        outcome=PublishAttempt.Outcome.IN_FLIGHT,
        worker=worker,
    )
    attempt._state.adding, attempt._state.db = False, db.alias
    return attempt


def record_published(
    target: PostTarget,
    attempt: PublishAttempt,
    *,
    held: datetime,
    now: datetime,
    published_at: datetime | None = None,
    external_id: str,
    external_url: str,
    parts: list[dict[str, str]],
    request_id: str,
    audit_event: AuditEvent,
) -> bool:
    """The answer came back: the target is published (where we still hold ``held``), its attempt
    finished as published and ``audit_event`` appended (where the target moved), in one round trip.
    Returns whether the target moved; the attempt's outcome is written either way, because the post
    did go out. ``published_at`` defaults to ``now``."""
    published_at = published_at or now
    db = _db()
    published = [
        external_id,
        external_url,
        _param(db, PostTarget, "published_at", published_at),
        _param(db, PostTarget, "published_parts", parts),
        _param(db, PostTarget, "metrics_due_at", post_metrics.first_read(published_at)),
        _param(db, PostTarget, "updated_at", now),
        target.pk,
        S.PUBLISHING,
        _param(db, PostTarget, "lease_expires_at", held),
    ]
    finished_at = _param(db, PublishAttempt, "finished_at", now)
    finished = [finished_at, PublishAttempt.Outcome.PUBLISHED, request_id, attempt.pk]
    publish = (
        f"UPDATE {_table(db, PostTarget)} SET state = '{S.PUBLISHED}', external_id = %s, external_url = %s, "
        "published_at = %s, published_parts = %s, metrics_due_at = %s, request_sent_at = NULL, "
        "lease_expires_at = NULL, "
        f"failure_reason = '', error_message = '', updated_at = %s {_WHERE_LEASE}"
    )
    finish = f"UPDATE {_table(db, PublishAttempt)} SET finished_at = %s, outcome = %s, request_id = %s WHERE id = %s"
    audit_columns, audit_values = _insert_values(db, audit_event)
    audited = f"INSERT INTO {_table(db, AuditEvent)} ({audit_columns}) SELECT {', '.join(['%s'] * len(audit_values))}"
    with db.cursor() as cursor:
        if db.vendor == "postgresql":
            cursor.execute(
                f"WITH moved AS ({publish} RETURNING 1), finished AS ({finish} RETURNING 1), "
                f"audited AS ({audited} FROM moved RETURNING 1) SELECT count(*) FROM moved",
                published + finished + audit_values,
            )
            moved = bool(cursor.fetchone()[0])
        else:
            with transaction.atomic(using=db.alias):
                cursor.execute(publish, published)
                moved = bool(cursor.rowcount)
                cursor.execute(finish, finished)
                if moved:
                    cursor.execute(audited, audit_values)
    attempt.finished_at, attempt.outcome, attempt.request_id = now, PublishAttempt.Outcome.PUBLISHED, request_id
    if moved:
        _mark_published(
            target, external_id=external_id, external_url=external_url, published_at=published_at, parts=parts, now=now
        )
    return moved


@dataclass(frozen=True)
class Success:
    """A request that came back published, to be written by :func:`record_published_many`."""

    target: PostTarget
    attempt: PublishAttempt
    held: datetime
    published_at: datetime
    external_id: str
    external_url: str
    parts: list[dict[str, str]]
    request_id: str
    audit_event: AuditEvent


@cache
def _record_many_sql() -> str:
    """:func:`record_published`'s statement for any number of successes, built once: one array
    per column (``unnest``), so the statement and its parameters stay few whatever the count, and
    psycopg converts the statement once (it caches none with more than 50 parameters)."""
    db = _db()
    assert db.vendor == "postgresql"

    def arrays(fields: list[models.Field]) -> str:
        return ", ".join(f"%s::{field.cast_db_type(db)}[]" for field in fields)

    def field(model: type[models.Model], name: str) -> models.Field:
        return model._meta.get_field(name)

    names = ("id", "external_id", "external_url", "published_at", "published_parts", "metrics_due_at")
    values = [field(PostTarget, name) for name in names]
    values += [field(PostTarget, "lease_expires_at"), field(PublishAttempt, "id"), field(PublishAttempt, "request_id")]
    target, attempt = _table(db, PostTarget), _table(db, PublishAttempt)
    audit_fields = [f for f in AuditEvent._meta.concrete_fields if not f.primary_key]
    audit_columns = ", ".join(db.ops.quote_name(f.column) for f in audit_fields)
    audit_names = ", ".join(f"c{n}" for n in range(len(audit_fields)))
    return (
        f"WITH v AS (SELECT * FROM unnest({arrays(values)}) v (id, external_id, external_url, published_at, "
        "parts, metrics_due_at, held, attempt_id, request_id)), "
        f"moved AS (UPDATE {target} t SET state = '{S.PUBLISHED}', external_id = v.external_id, "
        "external_url = v.external_url, published_at = v.published_at, published_parts = v.parts, "
        "metrics_due_at = v.metrics_due_at, request_sent_at = NULL, lease_expires_at = NULL, failure_reason = '', "
        f"error_message = '', updated_at = %s FROM v WHERE t.id = v.id AND t.state = '{S.PUBLISHING}' "
        "AND t.lease_expires_at = v.held RETURNING t.id), "
        f"finished AS (UPDATE {attempt} a SET finished_at = %s, outcome = '{PublishAttempt.Outcome.PUBLISHED}', "
        "request_id = v.request_id FROM v WHERE a.id = v.attempt_id RETURNING 1), "
        f"audited AS (INSERT INTO {_table(db, AuditEvent)} ({audit_columns}) SELECT {audit_names} "
        f"FROM unnest({arrays([field(PostTarget, 'id'), *audit_fields])}) e (target_key, {audit_names}) "
        "JOIN moved ON moved.id = e.target_key RETURNING 1) "
        "SELECT id FROM moved"
    )


def record_published_many(successes: list[Success], *, now: datetime) -> set[int]:
    """:func:`record_published` for several targets whose requests came back (a burst's batch), in
    one round trip on PostgreSQL: each target moved where we still hold its lease, its attempt
    finished as published either way, an audit event for each that moved. Returns the ids moved."""
    if not successes:
        return set()
    db = _db()
    if db.vendor != "postgresql" or len(successes) == 1:
        return {
            success.target.pk
            for success in successes
            if record_published(
                success.target,
                success.attempt,
                held=success.held,
                now=now,
                published_at=success.published_at,
                external_id=success.external_id,
                external_url=success.external_url,
                parts=success.parts,
                request_id=success.request_id,
                audit_event=success.audit_event,
            )
        }
    rows = [
        [
            success.target.pk,
            success.external_id,
            success.external_url,
            _param(db, PostTarget, "published_at", success.published_at),
            _param(db, PostTarget, "published_parts", success.parts),
            _param(db, PostTarget, "metrics_due_at", post_metrics.first_read(success.published_at)),
            _param(db, PostTarget, "lease_expires_at", success.held),
            success.attempt.pk,
            success.request_id,
        ]
        for success in successes
    ]
    events = [[success.target.pk, *_insert_values(db, success.audit_event)[1]] for success in successes]
    columns = [list(column) for column in zip(*rows, strict=True)]
    event_columns = [list(column) for column in zip(*events, strict=True)]
    now_param = _param(db, PostTarget, "updated_at", now)
    with db.cursor() as cursor:
        cursor.execute(_record_many_sql(), [*columns, now_param, now_param, *event_columns])
        moved = {row[0] for row in cursor.fetchall()}
    for success in successes:
        attempt = success.attempt
        attempt.finished_at, attempt.outcome, attempt.request_id = (
            now,
            PublishAttempt.Outcome.PUBLISHED,
            success.request_id,
        )
        if success.target.pk in moved:
            _mark_published(
                success.target,
                external_id=success.external_id,
                external_url=success.external_url,
                published_at=success.published_at,
                parts=success.parts,
                now=now,
            )
    return moved


def _mark_published(
    target: PostTarget,
    *,
    external_id: str,
    external_url: str,
    published_at: datetime,
    parts: list[dict[str, str]],
    now: datetime,
) -> None:
    """The target as the publish statement left its row, without reading it back."""
    target.state, target.external_id, target.external_url = S.PUBLISHED, external_id, external_url
    target.published_at, target.published_parts, target.updated_at = published_at, parts, now
    target.metrics_due_at = post_metrics.first_read(published_at)
    target.request_sent_at = target.lease_expires_at = None
    target.failure_reason = target.error_message = ""
