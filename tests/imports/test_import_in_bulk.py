"""The import writes its rows in bulk (``posts.services.create_posts``): its queries do not grow with
the rows, and what it writes (targets and their states, audit entries, review requests) is what
``create_post`` writes for the same input, one row at a time."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts import permissions
from accounts.models import Notification, Role
from audit.models import Action, AuditEvent
from campaigns.importing import ImportOptions, plan_import, run_import
from campaigns.models import ImportedRow
from posts import services
from posts.models import Post, TargetState
from tests.factories import MembershipFactory
from tests.imports.conftest import TORONTO, local_iso, next_year, physsocial_csv


def file_of(rows: int, *, first_day: int) -> bytes:
    start = next_year(3, 1)
    return physsocial_csv(
        [
            {
                "scheduled_at": local_iso(start + timedelta(days=first_day, hours=number)),
                "accounts": "alicesclinic",
                "text": f"Flu shots are in, walk in any day (#{number}).",
            }
            for number in range(rows)
        ]
    )


def statements_to_import(org, user, data: bytes) -> list[str]:
    """The statements the import runs, a bulk insert counted once however many batches the database
    splits it into (SQLite takes 999 parameters a statement; PostgreSQL one statement)."""
    plan = plan_import(organization=org, by=user, data=data, options=ImportOptions(layout="physsocial"))
    with CaptureQueriesContext(connection) as queries:
        run_import(plan, by=user)
    assert not [row.errors for row in plan.rows if row.errors]
    statements: list[str] = []
    for query in queries.captured_queries:
        words = query["sql"].split()
        kind = " ".join(words[:3]) if words[0] == "INSERT" else words[0]
        if not (statements and kind.startswith("INSERT") and statements[-1] == kind):
            statements.append(kind)
    return statements


def test_an_imports_queries_do_not_grow_with_its_rows(org, alice, x_account):
    ten = statements_to_import(org, alice, file_of(10, first_day=0))
    hundred = statements_to_import(org, alice, file_of(100, first_day=40))
    assert Post.objects.count() == 110
    assert hundred == ten
    assert len(ten) < 15


def test_a_contributors_imported_rows_go_to_review_and_approvers_are_asked_for_each(org, x_account):
    contributor = MembershipFactory(organization=org, role=Role.CONTRIBUTOR).user
    plan = plan_import(
        organization=org, by=contributor, data=file_of(3, first_day=0), options=ImportOptions(layout="physsocial")
    )
    run_import(plan, by=contributor)
    assert plan.created == 3
    assert set(Post.objects.values_list("targets__state", flat=True)) == {TargetState.IN_REVIEW}
    # As from the composer: each approver is asked about each post.
    approvers = permissions.approvers_of(org, author_id=contributor.pk).count()
    assert approvers and Notification.objects.filter(kind=Notification.Kind.REVIEW_REQUESTED).count() == 3 * approvers


def written(post: Post) -> dict:
    """What a post is, without its id and times of writing."""
    return {
        "post": (post.text, post.link, post.hashtags, post.campaign_id, post.author_id, list(post.media.all())),
        "targets": sorted(
            (t.account_id, t.state, t.scheduled_at, t.due_at, t.is_queued, t.text_override, t.options)
            for t in post.targets.all()
        ),
        "audit": [
            (e.action, e.via, e.actor_id, e.actor_name, e.subject, e.details)
            for e in AuditEvent.objects.for_post(post.pk)
        ],
        "review_requests": Notification.objects.filter(
            kind=Notification.Kind.REVIEW_REQUESTED, body__contains=post.text[:20]
        ).count(),
    }


@pytest.mark.parametrize("role", [Role.OWNER, Role.EDITOR, Role.CONTRIBUTOR])
@pytest.mark.parametrize("schedule", ["at", "now", "draft"])
def test_create_posts_writes_what_create_post_writes(org, x_account, linkedin_account, campaign, role, schedule):
    author = MembershipFactory(organization=org, role=role).user
    at = next_year(5, 4, 10, 15).replace(tzinfo=TORONTO).astimezone(UTC)

    def content(text):
        return {
            "text": text,
            "link": "https://clinic.example.org/flu",
            "account_ids": [x_account.pk, linkedin_account.pk],
            "overrides": {linkedin_account.pk: {"text": f"{text} For every age. #FluSeason"}},
            "schedule": schedule,
            "scheduled_at": at if schedule == "at" else None,
            "campaign_id": campaign.pk,
        }

    one = services.create_post(organization=org, author=author, **content("Flu shots are in. #Flu"))
    [made] = services.create_posts(
        organization=org, author=author, posts=[services.NewPost(**content("Flu shots are in. #Flu"))]
    )
    assert made.error is None
    alone, in_bulk = written(one), written(made.post)
    if schedule == "now":  # "now" is the moment each was written
        for what in (alone, in_bulk):
            what["targets"] = [(*target[:2], *target[4:]) for target in what["targets"]]
    assert in_bulk == alone
    assert in_bulk["audit"][0][0] == Action.POST_CREATED


def test_a_row_that_fails_when_written_leaves_the_others(org, alice, x_account):
    plan = plan_import(
        organization=org, by=alice, data=file_of(5, first_day=0), options=ImportOptions(layout="physsocial")
    )
    # Another import of the same row finished between this one's preview and its import.
    third = plan.rows[2]
    earlier = services.create_post(organization=org, author=alice, text=third.text, account_ids=[x_account.pk])
    ImportedRow.objects.create(organization=org, fingerprint=third.fingerprint, post=earlier)
    run_import(plan, by=alice)
    assert plan.created == 4
    assert [row.status for row in plan.rows] == ["ok", "ok", "duplicate", "ok", "ok"]
    assert third.errors[0].message == "This row was imported meanwhile."
    assert ImportedRow.objects.count() == 5 and Post.objects.count() == 5
    assert AuditEvent.objects.filter(action=Action.POST_CREATED).count() == 5


def test_a_row_whose_time_passed_since_the_preview_is_refused_alone(org, alice, x_account):
    plan = plan_import(
        organization=org, by=alice, data=file_of(3, first_day=0), options=ImportOptions(layout="physsocial")
    )
    plan.rows[1].scheduled_at = timezone.now() - timedelta(hours=1)
    run_import(plan, by=alice)
    assert plan.created == 2
    assert [(e.column, e.message) for e in plan.rows[1].errors] == [
        ("scheduled_at", "That time has passed; pick a time in the future.")
    ]
