"""Importing posts from CSV: both layouts, how files are read, every reason a row is refused (with
its line and column), duplicates, and importing the same file twice."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError

from accounts.models import Role
from campaigns.importing import DAY_FIRST, MONTH_FIRST, ImportOptions, import_posts, plan_import
from campaigns.models import ImportedRow
from posts.models import Post, TargetState
from tests.factories import MembershipFactory
from tests.imports.conftest import TORONTO, hootsuite_csv, local_iso, next_year, physsocial_csv

PATIENT_TEXT = "My patient Mrs. Jones, DOB March 3, 1931, is home after her hip surgery."


def ours(org, user, data, **options):
    return import_posts(organization=org, by=user, data=data, options=ImportOptions(layout="physsocial", **options))


def hootsuite(org, user, data, accounts, **options):
    return import_posts(
        organization=org,
        by=user,
        data=data,
        options=ImportOptions(layout="hootsuite", account_ids=[a.pk for a in accounts], **options),
    )


def errors_of(plan):
    return {row.line: [(e.column, e.message) for e in row.errors] for row in plan.rows if row.errors}


# --- our layout ---------------------------------------------------------------------------------


def test_our_layout_schedules_each_row_on_its_accounts_with_tailored_text_and_campaign(
    org, alice, x_account, linkedin_account, campaign, photo
):
    at = next_year(3, 10)
    data = physsocial_csv(
        [
            {
                "scheduled_at": local_iso(at),
                "accounts": f"@alicesclinic;{linkedin_account.pk}",
                "text": "Flu shots are in.",
                "link": "https://clinic.example.org/flu",
                "media": "waiting-room.jpg",
                "campaign": "flu-season",
                "linkedin_text": "Flu shots are in at the clinic, for every age.",
            }
        ]
    )
    plan = ours(org, alice, data)
    assert plan.created == 1 and errors_of(plan) == {}
    post = Post.objects.get()
    assert post.campaign == campaign and post.link == "https://clinic.example.org/flu"
    assert list(post.media.all()) == [photo]
    targets = {t.account_id: t for t in post.targets.all()}
    assert {t.state for t in targets.values()} == {TargetState.SCHEDULED}
    assert targets[x_account.pk].scheduled_at == at.replace(tzinfo=TORONTO).astimezone(UTC)
    assert targets[linkedin_account.pk].text_override == "Flu shots are in at the clinic, for every age."
    assert targets[x_account.pk].text_override == ""


def test_an_iso_time_with_its_offset_is_taken_as_written(org, alice, x_account):
    at = next_year(6, 1, 14, 0).replace(tzinfo=UTC)
    ours(org, alice, physsocial_csv([{"scheduled_at": at.isoformat(), "accounts": "alicesclinic", "text": "Hello"}]))
    assert Post.objects.get().targets.get().scheduled_at == at


def test_a_file_with_a_byte_order_mark_and_semicolons_and_a_multi_line_message_is_read(org, alice, x_account):
    rows = [
        {"scheduled_at": local_iso(next_year(3, 10)), "accounts": "alicesclinic", "text": "First line;\nsecond line"},
        {"scheduled_at": local_iso(next_year(3, 11)), "accounts": "alicesclinic", "text": "Another, with a comma"},
    ]
    plan = ours(org, alice, physsocial_csv(rows, delimiter=";", bom=True))
    assert plan.created == 2
    assert set(Post.objects.values_list("text", flat=True)) == {"First line;\nsecond line", "Another, with a comma"}
    assert [row.line for row in plan.rows] == [2, 4]  # the quoted message spans lines 2 and 3


def test_as_drafts_saves_drafts_and_needs_no_time(org, alice, x_account):
    plan = ours(org, alice, physsocial_csv([{"accounts": "alicesclinic", "text": "Later"}]), as_drafts=True)
    assert plan.created == 1
    assert Post.objects.get().targets.get().state == TargetState.DRAFT


def test_a_contributors_rows_go_to_review(org, x_account):
    contributor = MembershipFactory(organization=org, role=Role.CONTRIBUTOR).user
    ours(
        org,
        contributor,
        physsocial_csv([{"scheduled_at": local_iso(next_year(3, 10)), "accounts": "alicesclinic", "text": "Hi"}]),
    )
    assert Post.objects.get().targets.get().state == TargetState.IN_REVIEW


# --- Hootsuite's layout ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date_format", "written"), [(MONTH_FIRST, "04/05/{year} 17:45"), (DAY_FIRST, "05/04/{year} 17:45")]
)
def test_hootsuites_file_reads_dates_in_the_format_chosen(
    org, alice, x_account, linkedin_account, date_format, written
):
    year = next_year(1, 1).year
    data = hootsuite_csv([[written.format(year=year), "Spring clinic hours", "https://clinic.example.org"]])
    plan = hootsuite(org, alice, data, [x_account, linkedin_account], date_format=date_format)
    assert plan.created == 1
    post = Post.objects.get()
    assert post.link == "https://clinic.example.org"
    expected = datetime(year, 4, 5, 17, 45, tzinfo=TORONTO).astimezone(UTC)
    assert {t.scheduled_at for t in post.targets.all()} == {expected}
    assert post.targets.count() == 2


def test_hootsuites_file_with_semicolons_is_read(org, alice, x_account):
    year = next_year(1, 1).year
    data = hootsuite_csv([[f"04/05/{year} 17:45", "Hours, and more; much more"]], delimiter=";")
    assert hootsuite(org, alice, data, [x_account]).created == 1
    assert Post.objects.get().text == "Hours, and more; much more"


def test_a_time_the_clocks_skip_is_refused_in_plain_words(org, alice, x_account):
    year = next_year(1, 1).year
    # Toronto moves its clocks from 02:00 to 03:00 on the second Sunday of March.
    second_sunday = next(day for day in range(8, 15) if datetime(year, 3, day).weekday() == 6)
    data = hootsuite_csv([[f"03/{second_sunday:02d}/{year} 02:30", "Spring forward"]])
    plan = hootsuite(org, alice, data, [x_account])
    [(column, message)] = errors_of(plan)[1]
    assert column == "date"
    assert "does not exist in America/Toronto: the clocks go forward that night" in message


def test_a_time_that_happens_twice_is_the_first_and_the_row_says_so(org, alice, x_account):
    year = next_year(1, 1).year
    first_sunday = next(day for day in range(1, 8) if datetime(year, 11, day).weekday() == 6)
    data = hootsuite_csv([[f"11/{first_sunday:02d}/{year} 01:30", "Fall back"]])
    plan = hootsuite(org, alice, data, [x_account])
    assert plan.created == 1
    assert "happens twice in America/Toronto" in plan.rows[0].notes[0]
    at = Post.objects.get().targets.get().scheduled_at
    assert at == datetime(year, 11, first_sunday, 5, 30, tzinfo=UTC)  # 01:30 EDT


def test_hootsuite_needs_accounts_chosen_at_upload(org, alice, x_account):
    with pytest.raises(ValidationError, match="Choose the accounts"):
        hootsuite(org, alice, hootsuite_csv([["04/05/2099 17:45", "Hi"]]), [])


# --- refusals, each with its line and column ---------------------------------------------------


def test_every_refusal_names_its_line_and_column(org, alice, x_account, linkedin_account):
    good = local_iso(next_year(3, 10))
    rows = [
        {"scheduled_at": good, "accounts": "alicesclinic", "text": "Fine"},
        {"scheduled_at": "2020-01-01 09:00", "accounts": "alicesclinic", "text": "Past"},
        {"scheduled_at": good, "accounts": "@nobody", "text": "Unknown account"},
        {"scheduled_at": good, "accounts": "alicesclinic", "text": "No file", "media": "missing.jpg"},
        {"scheduled_at": "next tuesday", "accounts": "alicesclinic", "text": "Bad date"},
        {"scheduled_at": good, "accounts": "alicesclinic", "text": "Fine"},
        {"scheduled_at": good, "accounts": "alicesclinic", "text": "x" * 300},
        {"scheduled_at": good, "accounts": "alicesclinic", "text": PATIENT_TEXT},
        {"scheduled_at": good, "accounts": "alicesclinic", "text": "Hi", "campaign": "nope"},
        {"scheduled_at": good, "accounts": "alicesclinic", "text": "Hi", "link": "not a link"},
        {"scheduled_at": good, "accounts": "alicesclinic", "text": "Hi", "linkedin_text": "Only for LinkedIn"},
    ]
    plan = ours(org, alice, physsocial_csv(rows))
    errors = errors_of(plan)
    assert 2 not in errors
    assert errors[3] == [("scheduled_at", "That time has passed; pick a time in the future.")]
    assert errors[4] == [("accounts", "“@nobody” is not an account connected to this organization.")]
    assert errors[5] == [("media", "“missing.jpg” is not a file in this organization's media library.")]
    assert errors[6][0][0] == "scheduled_at" and "is not a date and time" in errors[6][0][1]
    assert errors[7] == [("", "This row repeats line 2.")]
    assert errors[8][0][0] == "text" and "X" in errors[8][0][1]
    assert errors[9][0][0] == "text" and "may identify a patient" in errors[9][0][1]
    assert errors[10] == [("campaign", "No campaign here is called “nope”.")]
    assert errors[11][0][0] == "link"
    assert errors[12] == [("linkedin_text", "This row has text for LinkedIn but none of its accounts is on LinkedIn.")]
    assert [row.status for row in plan.rows][5] == "duplicate"
    assert plan.created == 1 and Post.objects.count() == 1


def test_a_preview_saves_nothing(org, alice, x_account):
    data = physsocial_csv([{"scheduled_at": local_iso(next_year(3, 10)), "accounts": "alicesclinic", "text": "Hi"}])
    plan = plan_import(organization=org, by=alice, data=data, options=ImportOptions(layout="physsocial"))
    assert [row.status for row in plan.rows] == ["ok"]
    assert Post.objects.count() == 0 and ImportedRow.objects.count() == 0


def test_importing_the_same_file_twice_creates_nothing_the_second_time(org, alice, x_account):
    rows = [
        {"scheduled_at": local_iso(next_year(3, day)), "accounts": "alicesclinic", "text": f"Day {day}"}
        for day in (10, 11)
    ]
    assert ours(org, alice, physsocial_csv(rows)).created == 2
    again = ours(org, alice, physsocial_csv(rows, delimiter=";", bom=True))
    assert again.created == 0
    assert [row.status for row in again.rows] == ["duplicate", "duplicate"]
    assert again.rows[0].post_id is not None
    assert Post.objects.count() == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"\xff\xfe\x00t\x00e", "not UTF-8"),
        (b"when,what\n1,2\n", "must name the columns"),
        (b"scheduled_at,text,colour\n1,2,3\n", "Unknown column"),
        (b"scheduled_at,text\n", "no rows"),
        (b'scheduled_at,text\n2099-01-01 09:00,"unclosed\n', "check its quotes"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_whole(org, alice, x_account, data, message):
    with pytest.raises(ValidationError, match=message):
        ours(org, alice, data)


def test_a_viewer_may_not_import(org, x_account):
    viewer = MembershipFactory(organization=org, role=Role.VIEWER).user
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        ours(org, viewer, physsocial_csv([{"accounts": "alicesclinic", "text": "Hi"}]))


@pytest.mark.parametrize("written", ["0001-01-01T00:00+05:00", "9999-12-31 23:59"])
def test_a_time_at_the_calendars_ends_is_refused_in_words(org, alice, x_account, written):
    plan = ours(org, alice, physsocial_csv([{"scheduled_at": written, "accounts": "alicesclinic", "text": "Hi"}]))
    [(column, message)] = errors_of(plan)[2]
    assert column == "scheduled_at" and message
