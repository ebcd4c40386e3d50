"""The campaigns pages: list, form, delete, the campaign's page and its CSV report; who may do what."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import ConnectedAccount
from campaigns.models import Campaign
from posts.models import Post, PostTarget, TargetState
from tests.campaigns.conftest import make_campaign

pytestmark = pytest.mark.django_db
S = TargetState


def form_data(**fields):
    return {
        "name": "Heart month",
        "slug": "",
        "description": "February is heart month.",
        "starts_on": "2027-02-01",
        "ends_on": "2027-02-28",
        "colour": "#aa3344",
        "hashtags": "#HeartMonth, BloodPressure",
        "landing_url": "https://clinic.example/heart",
        "utm_medium": "",
        "utm_campaign": "",
        "owner": "",
        **fields,
    }


def account(org, network="twitter", name="Clinic on X"):
    kinds = {"twitter": "x_user", "linkedin": "linkedin_member", "facebook": "facebook_page"}
    return ConnectedAccount.objects.create(
        organization=org, network=network, kind=kinds[network], external_id=f"{network}-{name}", display_name=name
    )


def post_in(campaign, author, account, state=S.SCHEDULED, text="Flu shots this week.", **fields):
    post = Post.objects.create(organization=campaign.organization, author=author, text=text, campaign=campaign)
    at = timezone.now() + timedelta(days=1)
    target = PostTarget.objects.create(post=post, account=account, state=state, scheduled_at=at, **fields)
    return post, target


# --- the list ---------------------------------------------------------------------------------------


def test_the_list_sorts_campaigns_into_running_upcoming_and_past(alice_client, org):
    today = timezone.localdate()
    make_campaign(org, name="Now", slug="now", starts_on=today - timedelta(days=1), ends_on=today + timedelta(days=1))
    make_campaign(org, name="Later", slug="later", starts_on=today + timedelta(days=9), ends_on=today + timedelta(9))
    make_campaign(org, name="Before", slug="before", starts_on=today - timedelta(days=9), ends_on=today - timedelta(8))

    page = alice_client.get(reverse("campaigns")).content.decode()

    running, upcoming, past = page.index("Running"), page.index("Upcoming"), page.index("Past")
    assert running < page.index(">Now<") < upcoming < page.index(">Later<") < past < page.index(">Before<")
    assert "Coming soon" not in page


def test_another_organizations_campaigns_are_not_listed(alice_client, charlies_campaign):
    assert "Charlie&#x27;s flu season" not in alice_client.get(reverse("campaigns")).content.decode()


# --- creating and editing -----------------------------------------------------------------------------


def test_creating_a_campaign_makes_its_short_name_from_the_name(alice_client, org, alice):
    response = alice_client.post(reverse("campaign-create"), form_data())

    campaign = Campaign.objects.get(organization=org)
    assert response.status_code == 302 and response["Location"] == reverse("campaign-detail", args=[campaign.pk])
    assert campaign.slug == "heart-month"
    assert campaign.hashtags == ["HeartMonth", "BloodPressure"]
    assert campaign.utm_medium == "social"


def test_a_second_campaign_of_the_same_name_gets_its_own_short_name(alice_client, org):
    alice_client.post(reverse("campaign-create"), form_data())
    alice_client.post(reverse("campaign-create"), form_data())

    assert sorted(Campaign.objects.values_list("slug", flat=True)) == ["heart-month", "heart-month-2"]


def test_a_campaign_cannot_end_before_it_starts(alice_client, org):
    response = alice_client.post(reverse("campaign-create"), form_data(starts_on="2027-03-01", ends_on="2027-02-01"))

    assert response.status_code == 400
    assert "A campaign cannot end before it starts." in response.content.decode()
    assert not Campaign.objects.exists()


def test_a_short_name_already_used_is_refused_in_words(alice_client, campaign):
    response = alice_client.post(reverse("campaign-create"), form_data(slug="flu-season"))

    assert response.status_code == 400
    assert "Another campaign already uses this short name." in response.content.decode()


def test_an_unreadable_hashtag_is_refused(alice_client):
    response = alice_client.post(reverse("campaign-create"), form_data(hashtags="#ok #not-one!"))

    assert response.status_code == 400
    assert "is not a hashtag X would recognise" in response.content.decode()


def test_the_owner_must_be_a_member(alice_client, charlie):
    response = alice_client.post(reverse("campaign-create"), form_data(owner=charlie.pk))

    assert response.status_code == 400
    assert not Campaign.objects.exists()


def test_the_form_previews_the_landing_link_tagged_for_each_network(alice_client, campaign):
    page = alice_client.get(reverse("campaign-edit", args=[campaign.pk])).content.decode()

    assert "https://clinic.example/flu?lang=en&amp;utm_source=linkedin&amp;utm_medium=social" in page
    assert "utm_source=twitter" in page


def test_editing_changes_the_campaign(bob_client, campaign):
    response = bob_client.post(
        reverse("campaign-edit", args=[campaign.pk]), form_data(name="Flu season 2026", slug="flu-season")
    )

    campaign.refresh_from_db()
    assert response.status_code == 302
    assert campaign.name == "Flu season 2026" and campaign.ends_on == date(2027, 2, 28)


# --- deleting -----------------------------------------------------------------------------------------


def test_deleting_a_campaign_keeps_its_posts_without_a_campaign(alice_client, alice, campaign, org):
    post, _target = post_in(campaign, alice, account(org))

    response = alice_client.post(reverse("campaign-delete", args=[campaign.pk]))

    assert response.status_code == 302
    post.refresh_from_db()
    assert post.campaign is None
    assert not Campaign.objects.exists()


# --- who may do what ----------------------------------------------------------------------------------


def test_a_viewer_reads_campaigns_but_changes_nothing(viewer_client, campaign):
    assert viewer_client.get(reverse("campaigns")).status_code == 200
    assert viewer_client.get(reverse("campaign-detail", args=[campaign.pk])).status_code == 200
    assert viewer_client.get(reverse("campaign-report", args=[campaign.pk])).status_code == 200
    assert viewer_client.get(reverse("campaign-create")).status_code == 403
    assert viewer_client.post(reverse("campaign-edit", args=[campaign.pk]), form_data()).status_code == 403
    assert viewer_client.post(reverse("campaign-delete", args=[campaign.pk])).status_code == 403
    assert viewer_client.post(reverse("campaign-duplicate", args=[campaign.pk]), {"offset_days": 1}).status_code == 403
    assert Campaign.objects.count() == 1 and Campaign.objects.get().name == "Flu season"


def test_the_campaign_page_hides_the_buttons_a_viewer_cannot_use(viewer_client, campaign):
    page = viewer_client.get(reverse("campaign-detail", args=[campaign.pk])).content.decode()

    assert reverse("campaign-edit", args=[campaign.pk]) not in page
    assert reverse("campaign-duplicate", args=[campaign.pk]) not in page


@pytest.mark.parametrize("name", ["campaign-detail", "campaign-edit", "campaign-delete", "campaign-report"])
def test_an_outsider_gets_404_for_another_organizations_campaign_page(charlie_client, campaign, name):
    assert charlie_client.get(reverse(name, args=[campaign.pk])).status_code == 404


@pytest.mark.parametrize("name", ["campaign-edit", "campaign-delete", "campaign-duplicate"])
def test_an_outsider_changes_nothing_of_another_organizations_campaign(charlie_client, campaign, name):
    response = charlie_client.post(reverse(name, args=[campaign.pk]), {**form_data(), "offset_days": 1})

    assert response.status_code == 404
    assert list(Campaign.objects.values_list("name", flat=True)) == ["Flu season"]


# --- the campaign's page ------------------------------------------------------------------------------


def test_the_page_shows_what_went_out_what_failed_and_what_is_left(alice_client, alice, campaign, org):
    x, linkedin = account(org), account(org, "linkedin", "Clinic on LinkedIn")
    post_in(campaign, alice, x, S.PUBLISHED, published_at=timezone.now(), external_url="https://x.com/clinic/status/1")
    post_in(campaign, alice, linkedin, S.FAILED, error_message="LinkedIn refused it: the text is a duplicate.")
    post_in(campaign, alice, x, S.DRAFT, text="Still a draft about flu.")

    page = alice_client.get(reverse("campaign-detail", args=[campaign.pk])).content.decode()

    assert 'href="https://x.com/clinic/status/1"' in page
    assert "LinkedIn refused it: the text is a duplicate." in page
    assert "Still a draft about flu." in page
    assert "Published: <strong>1</strong>" in page and "Failed: <strong>1</strong>" in page
    assert 'id="campaign-chart-config"' in page and "<caption>Posts per day</caption>" in page


def test_the_page_reads_a_constant_number_of_queries_whatever_the_number_of_posts(alice_client, alice, campaign, org):
    x, linkedin = account(org), account(org, "linkedin", "Clinic on LinkedIn")

    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            assert alice_client.get(reverse("campaign-detail", args=[campaign.pk])).status_code == 200
        return len(context)

    post_in(campaign, alice, x)
    few = queries()
    for number in range(30):
        post_in(campaign, alice, linkedin if number % 2 else x, S.PUBLISHED, published_at=timezone.now())
        post_in(campaign, alice, x, S.FAILED, error_message="It failed.")
    assert queries() == few


def test_the_report_csv_lists_each_target_with_its_tagged_link(alice_client, alice, campaign, org):
    post, target = post_in(
        campaign, alice, account(org), S.PUBLISHED, published_at=timezone.now(), external_url="https://x.com/c/1"
    )

    response = alice_client.get(reverse("campaign-report", args=[campaign.pk]))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="campaign-flu-season.csv"' in response["Content-Disposition"]
    [row] = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert row["post"] == str(post.pk) and row["network"] == "twitter" and row["state"] == "published"
    assert row["public_url"] == "https://x.com/c/1"
    assert (
        row["link"] == "https://clinic.example/flu?lang=en&utm_source=twitter&utm_medium=social&utm_campaign=flu-season"
    )


def test_the_report_keeps_formulas_as_text(alice_client, alice, campaign, org):
    post_in(campaign, alice, account(org), text='=HYPERLINK("http://evil")')

    response = alice_client.get(reverse("campaign-report", args=[campaign.pk]))

    [row] = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert row["text"].startswith("'=")
