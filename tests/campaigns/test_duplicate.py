"""Running a campaign again: a copy with its dates moved, its posts as drafts, its suggestions."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from accounts.models import ConnectedAccount
from campaigns import services
from campaigns.models import Campaign, Suggestion
from posts.models import MediaAsset, Post, PostMedia, PostTarget, TargetState

pytestmark = pytest.mark.django_db
S = TargetState
AT = datetime(2026, 10, 5, 9, 30, tzinfo=ZoneInfo("America/Toronto"))


@pytest.fixture
def photo(org, alice):
    return MediaAsset.objects.create(
        organization=org, uploaded_by=alice, file="media/flu.jpg", kind="image", content_type="image/jpeg",
        size_bytes=1000, alt_text="A nurse giving a flu shot",
    )  # fmt: skip


@pytest.fixture
def published_post(org, alice, campaign, photo):
    x = ConnectedAccount.objects.create(
        organization=org, network="twitter", kind="x_user", external_id="x-1", display_name="Clinic on X"
    )
    post = Post.objects.create(
        organization=org, author=alice, text="Flu shots are in.", link="https://clinic.example/a", campaign=campaign
    )
    PostMedia.objects.create(post=post, asset=photo)
    PostTarget.objects.create(
        post=post, account=x, state=S.PUBLISHED, scheduled_at=AT, published_at=AT, text_override="Flu shots! #X",
        external_id="1", external_url="https://x.com/c/1",
    )  # fmt: skip
    return post


def test_the_copy_moves_the_dates_by_a_year_and_keeps_hashtags_and_links(campaign, bob):
    copy = services.duplicate_campaign(campaign, by=bob)

    assert (copy.starts_on, copy.ends_on) == (date(2027, 10, 1), date(2027, 11, 30))
    assert copy.hashtags == ["FluSeason", "GetVaccinated"]
    assert copy.landing_url == campaign.landing_url
    assert copy.slug != campaign.slug and copy.organization == campaign.organization


def test_its_posts_come_back_as_drafts_at_their_moved_times(campaign, bob, published_post, photo):
    copy = services.duplicate_campaign(campaign, by=bob, offset=timedelta(days=7))

    [post] = copy.posts.all()
    [target] = post.targets.all()
    assert post.pk != published_post.pk and post.text == "Flu shots are in." and post.author == bob
    assert post.link == "https://clinic.example/a"
    assert [a.asset for a in post.attachments.all()] == [photo]
    assert target.state == S.DRAFT and target.scheduled_at == AT + timedelta(days=7)
    assert target.text_override == "Flu shots! #X" and not target.external_id and target.published_at is None
    assert published_post.targets.get().state == S.PUBLISHED  # the original is untouched


def test_its_share_kit_suggestions_are_copied_with_their_media(campaign, bob, photo):
    suggestion = Suggestion.objects.create(
        campaign=campaign, title="Flu shot reminder", text="Book your flu shot.", hashtags=["FluSeason"]
    )
    suggestion.media.add(photo)

    copy = services.duplicate_campaign(campaign, by=bob)

    [copied] = copy.suggestions.all()
    assert copied.pk != suggestion.pk
    assert (copied.title, copied.text, copied.hashtags) == ("Flu shot reminder", "Book your flu shot.", ["FluSeason"])
    assert list(copied.media.all()) == [photo]
    assert list(campaign.suggestions.all()) == [suggestion]


def test_a_viewer_cannot_duplicate(campaign, member):
    with pytest.raises(PermissionDenied):
        services.duplicate_campaign(campaign, by=member("viewer"))


def test_the_page_duplicates_with_the_chosen_offset(alice_client, campaign):
    response = alice_client.post(
        reverse("campaign-duplicate", args=[campaign.pk]), {"name": "Flu season 2027", "offset_days": "364"}
    )

    copy = Campaign.objects.get(name="Flu season 2027")
    assert response["Location"] == reverse("campaign-detail", args=[copy.pk])
    assert copy.starts_on == date(2027, 9, 30)


def test_an_offset_past_the_calendar_is_refused_in_words(alice_client, org):
    from tests.campaigns.conftest import make_campaign

    late = make_campaign(org, slug="late", starts_on=date(9999, 1, 1), ends_on=date(9999, 12, 1))

    response = alice_client.post(reverse("campaign-duplicate", args=[late.pk]), {"offset_days": "3650"}, follow=True)

    assert "The dates cannot be moved that far." in response.content.decode()
    assert Campaign.objects.count() == 1
