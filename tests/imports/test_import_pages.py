"""The import page (upload, preview, import), the templates, export and its round trip, and bulk
actions with their confirmation count, per-post refusals and permissions."""

from __future__ import annotations

import csv
import io
from datetime import UTC, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from audit.models import Action, AuditEvent
from campaigns.importing import ImportOptions, import_posts
from campaigns.models import Campaign, ImportedRow
from posts import services as post_services
from posts.models import Post, TargetState
from tests.factories import MembershipFactory
from tests.fixtures import signed_in_client
from tests.imports.conftest import TORONTO, hootsuite_csv, local_iso, next_year, physsocial_csv


def a_file_with_a_bad_row():
    return physsocial_csv(
        [
            {"scheduled_at": local_iso(next_year(3, 10)), "accounts": "alicesclinic", "text": "Flu shots are in."},
            {"scheduled_at": "2020-01-01 09:00", "accounts": "alicesclinic", "text": "Too late"},
        ]
    )


def upload(client, data, **fields):
    return client.post(
        reverse("posts-import"),
        {"file": SimpleUploadedFile("posts.csv", data, content_type="text/csv"), "layout": "physsocial", **fields},
    )


# --- import ------------------------------------------------------------------------------------


def test_the_preview_shows_each_rows_problem_and_importing_creates_the_good_rows(alice_client, x_account):
    preview = upload(alice_client, a_file_with_a_bad_row())
    content = preview.content.decode()
    assert preview.status_code == 200
    assert "1 row is ready" in content and "1 refused" in content
    assert 'id="line-3"' in content and "<code>scheduled_at</code>: That time has passed" in content
    assert Post.objects.count() == 0
    token = preview.context["token"]
    done = alice_client.post(reverse("posts-import-confirm"), {"token": token})
    assert "1 post created." in done.content.decode()
    assert Post.objects.count() == 1 and ImportedRow.objects.count() == 1
    # The preview is used up: pressing Import again (a second tab) imports nothing.
    again = alice_client.post(reverse("posts-import-confirm"), {"token": token}, follow=True)
    assert "This preview has expired" in again.content.decode() and Post.objects.count() == 1


def test_hootsuites_file_is_checked_with_the_accounts_and_date_format_chosen(alice_client, x_account):
    year = next_year(1, 1).year
    preview = upload(
        alice_client,
        hootsuite_csv([[f"31/12/{year} 09:00", "Happy new year"]]),
        layout="hootsuite",
        date_format="DD/MM/YYYY",
        accounts=[x_account.pk],
    )
    assert "1 row is ready" in preview.content.decode()


def test_a_file_that_cannot_be_read_is_shown_on_the_form(alice_client, x_account):
    response = upload(alice_client, b"\xff\xfe\x00b\x00a\x00d")
    assert response.status_code == 200
    assert "This file is not UTF-8 text" in response.content.decode()


def test_a_preview_of_another_person_cannot_be_imported(alice_client, bob_client, x_account):
    token = upload(alice_client, a_file_with_a_bad_row()).context["token"]
    bob_client.post(reverse("posts-import-confirm"), {"token": token})
    assert Post.objects.count() == 0


@pytest.mark.parametrize("layout", ["physsocial", "hootsuite"])
def test_each_layout_has_a_template_to_download(alice_client, layout):
    response = alice_client.get(reverse("posts-import-template", args=[layout]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]


def test_the_template_of_our_layout_imports_once_its_handles_are_ours(org, alice, x_account, linkedin_account, photo):
    response = Client()
    signed_in_client(response, alice, org)
    data = response.get(reverse("posts-import-template", args=["physsocial"])).content
    data = data.replace(b"yourhandle;12", f"alicesclinic;{linkedin_account.pk}".encode()).replace(
        b"yourhandle", b"alicesclinic"
    )
    plan = import_posts(organization=org, by=alice, data=data, options=ImportOptions(layout="physsocial"))
    assert [row.errors for row in plan.rows if row.errors] == []


# --- export ------------------------------------------------------------------------------------


def exported(client, **query) -> list[dict[str, str]]:
    response = client.get(reverse("posts-export"), query)
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_export_then_import_gives_the_same_posts(
    org, alice, alice_client, x_account, linkedin_account, campaign, photo
):
    at = next_year(5, 4, 8, 15).replace(tzinfo=TORONTO)
    post = post_services.create_post(
        organization=org,
        author=alice,
        text="@mentions and a second line\nhere.",
        link="https://clinic.example.org",
        media_ids=[photo.pk],
        account_ids=[x_account.pk, linkedin_account.pk],
        overrides={linkedin_account.pk: {"text": "LinkedIn's own words."}},
        schedule="at",
        scheduled_at=at,
    )
    Post.objects.filter(pk=post.pk).update(campaign=campaign)
    rows = exported(alice_client, campaign="flu-season")
    assert len(rows) == 1 and rows[0]["campaign"] == "flu-season" and rows[0]["media"] == "waiting-room.jpg"
    assert rows[0]["text"] == "'@mentions and a second line\nhere."  # a spreadsheet must not run it
    file = alice_client.get(reverse("posts-export"), {"campaign": "flu-season"})
    data = b"".join(file.streaming_content)
    Post.objects.all().delete()

    plan = import_posts(organization=org, by=alice, data=data, options=ImportOptions(layout="physsocial"))
    assert plan.created == 1, [row.errors for row in plan.rows]
    again = Post.objects.get()
    assert (again.text, again.link, again.campaign) == (post.text, post.link, campaign)
    assert list(again.media.all()) == [photo]
    targets = {t.account_id: t for t in again.targets.all()}
    assert set(targets) == {x_account.pk, linkedin_account.pk}
    assert {t.scheduled_at for t in targets.values()} == {at.astimezone(UTC)}
    assert targets[linkedin_account.pk].text_override == "LinkedIn's own words."
    assert {t.state for t in targets.values()} == {TargetState.SCHEDULED}


def test_export_takes_a_date_range_in_the_organizations_days(org, alice, alice_client, x_account):
    for month, day in ((3, 9), (3, 10), (3, 12)):
        post_services.create_post(
            organization=org,
            author=alice,
            text=f"Post of {month}/{day}",
            account_ids=[x_account.pk],
            schedule="at",
            scheduled_at=next_year(month, day, 23, 30).replace(tzinfo=TORONTO),
        )
    year = next_year(1, 1).year
    rows = exported(alice_client, **{"from": f"{year}-03-10", "to": f"{year}-03-11"})
    assert [row["text"] for row in rows] == ["Post of 3/10"]


def test_a_bad_export_filter_is_a_plain_400(alice_client):
    assert alice_client.get(reverse("posts-export"), {"from": "yesterday"}).status_code == 400
    assert alice_client.get(reverse("posts-export"), {"campaign": "nope"}).status_code == 400


# --- bulk actions ------------------------------------------------------------------------------


@pytest.fixture
def three_posts(org, alice, x_account):
    times = [timezone.now() + timedelta(days=days) for days in (3, 4)]
    scheduled = [
        post_services.create_post(
            organization=org,
            author=alice,
            text=f"Scheduled {n}",
            account_ids=[x_account.pk],
            schedule="at",
            scheduled_at=at,
        )
        for n, at in enumerate(times)
    ]
    draft = post_services.create_post(organization=org, author=alice, text="A draft", account_ids=[x_account.pk])
    return [*scheduled, draft]


def bulk(client, posts, **fields):
    return client.post(reverse("posts-bulk"), {"posts": [p.pk for p in posts], **fields}, follow=True)


def test_rescheduling_asks_to_confirm_how_many_posts_change_then_moves_them(alice_client, three_posts):
    before = {p.pk: p.targets.get().scheduled_at for p in three_posts}
    confirm = bulk(alice_client, three_posts, action="reschedule", amount="2", unit="hours")
    assert "this changes 2 posts of the 3 selected" in confirm.content.decode()
    assert {p.pk: p.targets.get().scheduled_at for p in three_posts} == before  # nothing yet
    done = bulk(alice_client, three_posts, action="reschedule", amount="2", unit="hours", confirmed="true")
    content = done.content.decode()
    assert "2 posts changed." in content and "Not changed: “A draft”" in content
    for post in three_posts[:2]:
        assert post.targets.get().scheduled_at == before[post.pk] + timedelta(hours=2)
    assert AuditEvent.objects.filter(action=Action.TARGET_RESCHEDULED).count() == 2


def test_moving_to_a_campaign_and_out_of_it(org, alice_client, three_posts, campaign):
    bulk(alice_client, three_posts, action="move", campaign=campaign.pk, confirmed="true")
    assert set(Post.objects.values_list("campaign", flat=True)) == {campaign.pk}
    bulk(alice_client, three_posts[:1], action="move", campaign="", confirmed="true")
    assert Post.objects.get(pk=three_posts[0].pk).campaign is None


def test_another_organizations_campaign_is_refused(alice_client, three_posts, charlies_org):
    theirs = Campaign.objects.create(
        organization=charlies_org, name="Theirs", slug="theirs", starts_on="2026-01-01", ends_on="2026-12-31"
    )
    bulk(alice_client, three_posts, action="move", campaign=theirs.pk, confirmed="true")
    assert not Post.objects.filter(campaign=theirs).exists()


def test_cancelling_stops_the_scheduled_posts(alice_client, three_posts):
    done = bulk(alice_client, three_posts, action="cancel", confirmed="true")
    assert "2 posts changed." in done.content.decode()
    states = [p.targets.get().state for p in three_posts]
    assert states == [TargetState.CANCELLED, TargetState.CANCELLED, TargetState.DRAFT]


def test_deleting_takes_drafts_and_scheduled_posts_but_not_published_ones(alice_client, three_posts):
    published = three_posts[1].targets.get()
    published.state, published.external_id = TargetState.PUBLISHED, "x-123"
    published.save()
    done = bulk(alice_client, three_posts, action="delete", confirmed="true")
    content = done.content.decode()
    assert "2 posts changed." in content and "Not changed: “Scheduled 1”" in content
    assert list(Post.objects.values_list("pk", flat=True)) == [three_posts[1].pk]
    assert AuditEvent.objects.filter(action=Action.POST_DELETED).count() == 2


def test_a_contributor_changes_only_their_own_posts_and_may_not_cancel(org, three_posts, x_account):
    contributor = MembershipFactory(organization=org, role=Role.CONTRIBUTOR).user
    client = signed_in_client(Client(), contributor, org)
    done = bulk(client, three_posts, action="delete", confirmed="true")
    assert Post.objects.count() == 3 and "Not changed" in done.content.decode()
    assert bulk(client, three_posts, action="cancel", confirmed="true").status_code == 403


def test_a_viewer_may_not_open_the_bulk_page(org, three_posts):
    viewer = MembershipFactory(organization=org, role=Role.VIEWER).user
    assert signed_in_client(Client(), viewer, org).get(reverse("posts-bulk")).status_code == 403


def test_another_organizations_posts_are_left_out(charlie_client, three_posts):
    bulk(charlie_client, three_posts, action="delete", confirmed="true")
    assert Post.objects.count() == 3


def test_the_bulk_page_lists_drafts_and_scheduled_posts_with_export_and_import_links(alice_client, three_posts):
    content = alice_client.get(reverse("posts-bulk")).content.decode()
    assert all(f'value="{p.pk}"' in content for p in three_posts)
    assert reverse("posts-export") in content and reverse("posts-import") in content
