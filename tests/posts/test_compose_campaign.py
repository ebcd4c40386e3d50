"""Choosing a campaign in the composer: saved on the post, its hashtags one click away, its link
tags in the previews exactly as they will be sent; the posts list filters by campaign."""

from datetime import date

import pytest
from django.urls import reverse

from accounts.models import ConnectedAccount
from campaigns.models import Campaign
from posts import services
from posts.models import Post

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def composer_settings(media_settings):
    return media_settings


def flu_campaign(organization, **fields):
    values = {
        "name": "Flu season",
        "slug": "flu-season",
        "starts_on": date(2026, 10, 1),
        "ends_on": date(2026, 11, 30),
        "hashtags": ["FluSeason", "GetVaccinated"],
        "landing_url": "https://clinic.example/flu",
        **fields,
    }
    return Campaign.objects.create(organization=organization, **values)


@pytest.fixture
def campaign(org):
    return flu_campaign(org)


@pytest.fixture
def linkedin(org):
    return ConnectedAccount.objects.create(
        organization=org, network="linkedin", kind="linkedin_member", external_id="li-1", display_name="Clinic li"
    )


def data(account, **extra):
    return {
        "text": "Flu shots are in.",
        "link": "https://clinic.example/book?day=sat",
        "accounts": [account.pk],
        **extra,
    }


def test_the_composer_offers_the_organizations_campaigns_and_their_hashtags(alice_client, campaign, charlies_org):
    flu_campaign(charlies_org, name="Charlie's campaign")

    page = alice_client.get(reverse("compose")).content.decode()

    assert f'<option value="{campaign.pk}">Flu season</option>' in page
    assert "Charlie&#x27;s campaign" not in page
    assert 'data-insert="#FluSeason #GetVaccinated"' in page


def test_a_post_saved_with_a_campaign_belongs_to_it(alice_client, campaign, linkedin):
    response = alice_client.post(reverse("compose"), data(linkedin, campaign=campaign.pk))

    assert response.status_code == 302
    assert Post.objects.get().campaign == campaign


def test_another_organizations_campaign_is_refused(alice_client, linkedin, charlies_org):
    theirs = flu_campaign(charlies_org)

    response = alice_client.post(reverse("compose"), data(linkedin, campaign=theirs.pk))

    assert response.status_code == 400
    assert "That campaign is not one of this organization&#x27;s campaigns." in response.content.decode()
    assert not Post.objects.exists()


def test_the_preview_shows_the_link_tagged_as_it_will_be_sent(alice_client, campaign, linkedin):
    response = alice_client.post(reverse("compose-validate"), data(linkedin, campaign=campaign.pk))

    assert (
        "https://clinic.example/book?day=sat&amp;utm_source=linkedin&amp;utm_medium=social&amp;utm_campaign=flu-season"
        in response.content.decode()
    )


def test_the_preview_shows_the_landing_link_for_a_post_without_its_own(alice_client, campaign, linkedin):
    response = alice_client.post(reverse("compose-validate"), data(linkedin, link="", campaign=campaign.pk))

    assert "https://clinic.example/flu?utm_source=linkedin" in response.content.decode()


def test_the_composer_keeps_a_saved_posts_campaign(alice_client, alice, org, campaign, linkedin):
    post = services.create_post(
        organization=org, author=alice, text="Flu", account_ids=[linkedin.pk], campaign_id=campaign.pk
    )

    page = alice_client.get(reverse("post-edit", args=[post.pk])).content.decode()

    assert f'<option value="{campaign.pk}" selected>Flu season</option>' in page


def test_choosing_no_campaign_clears_it(alice_client, alice, org, campaign, linkedin):
    post = services.create_post(
        organization=org, author=alice, text="Flu", account_ids=[linkedin.pk], campaign_id=campaign.pk
    )

    alice_client.post(reverse("post-edit", args=[post.pk]), data(linkedin, campaign="", action="keep"))

    post.refresh_from_db()
    assert post.campaign is None


def test_the_posts_list_filters_by_campaign(alice_client, alice, org, campaign):
    Post.objects.create(organization=org, author=alice, text="In the campaign", campaign=campaign)
    Post.objects.create(organization=org, author=alice, text="Not in it")

    page = alice_client.get(reverse("posts"), {"campaign": campaign.pk}).content.decode()

    assert "In the campaign" in page and "Not in it" not in page
    assert "Showing the posts of the campaign Flu season." in page
