"""The kit editor (association staff), the members' kits, and adopting through the pages."""

from __future__ import annotations

from datetime import datetime, time
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import Role
from campaigns.models import Adoption, Campaign, Suggestion
from tests.factories import MembershipFactory, OrganizationFactory
from tests.fixtures import signed_in_client


def kit_url(campaign):
    return reverse("campaign-kit", args=[campaign.pk])


def new_suggestion(**overrides):
    data = {
        "title": "Walk-in clinics",
        "text": "Walk-in flu clinics all week.",
        "text_linkedin": "Our walk-in flu clinics run all week.",
        "hashtags": "#FluFacts Vaccines",
        "window_weekdays": ["1", "3"],
        "window_starts_at": "08:00",
        "window_ends_at": "10:00",
        "note_to_members": "Tuesday mornings work best.",
    }
    return {**data, **overrides}


def test_staff_add_a_suggested_post_with_its_window_media_and_hashtags(staff_client, campaign, poster):
    response = staff_client.post(kit_url(campaign), new_suggestion(media=[poster.pk]))

    assert response.status_code == 302
    suggestion = campaign.suggestions.get()
    assert suggestion.network_texts == {"linkedin": "Our walk-in flu clinics run all week."}
    assert suggestion.hashtags == ["FluFacts", "Vaccines"]
    assert suggestion.window_weekdays == [1, 3]
    assert (suggestion.window_starts_at, suggestion.window_ends_at) == (time(8), time(10))
    assert list(suggestion.media.all()) == [poster]
    page = staff_client.get(kit_url(campaign)).content.decode()
    assert "Tuesday, Thursday, 08:00–10:00 (America/Toronto)" in page


def test_a_picture_without_its_description_is_refused(staff_client, campaign, poster):
    poster.alt_text = ""
    poster.save()
    response = staff_client.post(kit_url(campaign), new_suggestion(media=[poster.pk]))
    assert response.status_code == 400
    assert "screen readers" in response.content.decode()
    assert not campaign.suggestions.exists()


@pytest.mark.parametrize(
    "change, message",
    [
        ({"window_ends_at": "07:00"}, "end after it starts"),
        ({"window_ends_at": ""}, "both times"),
        ({"hashtags": "#not-a-tag!"}, "not a hashtag"),
        ({"text": "", "text_linkedin": ""}, "Write the text"),
        ({"title": ""}, "This field is required"),
    ],
)
def test_bad_input_is_explained(staff_client, campaign, change, message):
    response = staff_client.post(kit_url(campaign), new_suggestion(**change))
    assert response.status_code == 400
    assert message in response.content.decode()


def test_staff_edit_reorder_and_remove_suggestions(staff_client, campaign, suggestion):
    second = Suggestion.objects.create(campaign=campaign, title="Second", text="Two", position=1)
    edit = reverse("suggestion-edit", args=[campaign.pk, suggestion.pk])
    assert staff_client.get(edit).status_code == 200
    staff_client.post(edit, new_suggestion(title="Renamed"))
    suggestion.refresh_from_db()
    assert suggestion.title == "Renamed" and list(suggestion.media.all()) == []

    staff_client.post(reverse("suggestion-move", args=[campaign.pk, second.pk]), {"direction": "up"})
    assert list(campaign.suggestions.values_list("title", flat=True)) == ["Second", "Renamed"]

    staff_client.post(reverse("suggestion-delete", args=[campaign.pk, suggestion.pk]))
    assert list(campaign.suggestions.values_list("title", flat=True)) == ["Second"]


def test_members_who_are_not_staff_cannot_touch_the_kit(dana_client, campaign, suggestion):
    for url in (
        kit_url(campaign),
        reverse("suggestion-edit", args=[campaign.pk, suggestion.pk]),
        reverse("campaign-adoption", args=[campaign.pk]),
    ):
        assert dana_client.get(url).status_code == 403
    assert dana_client.post(reverse("suggestion-delete", args=[campaign.pk, suggestion.pk])).status_code == 403
    assert dana_client.post(kit_url(campaign), new_suggestion()).status_code == 403
    assert Suggestion.objects.filter(pk=suggestion.pk).exists()


def test_outsiders_see_nothing(charlie_client, campaign, suggestion):
    assert charlie_client.get(kit_url(campaign)).status_code == 404
    assert charlie_client.get(reverse("campaign-adoption", args=[campaign.pk])).status_code == 404
    assert charlie_client.get(reverse("share-kit-adopt", args=[suggestion.pk])).status_code == 404
    page = charlie_client.get(reverse("share-kits")).content.decode()
    assert "Flu season" not in page and "Get your flu shot" not in page


def test_a_practice_campaign_has_no_share_kit(alice_client, org, alice):
    practice_campaign = Campaign.objects.create(
        organization=org, name="Clinic news", slug="news", starts_on="2026-01-01", ends_on="2026-12-31"
    )
    assert alice_client.get(kit_url(practice_campaign)).status_code == 404


def test_members_see_running_and_upcoming_kits_not_finished_ones(dana_client, association, campaign, suggestion):
    Campaign.objects.create(
        organization=association, name="Last winter", slug="old", starts_on="2020-01-01", ends_on="2020-02-01"
    )
    page = dana_client.get(reverse("share-kits")).content.decode()
    assert "Flu season" in page and "Get your flu shot" in page
    assert "Last winter" not in page


def test_a_viewer_adopts_into_her_own_organization_and_lands_in_the_composer(dana_client, dana, danas_org, suggestion):
    response = dana_client.post(
        reverse("share-kit-adopt", args=[suggestion.pk]),
        {"organization": danas_org.pk, "timing": "window", "anonymous": "on"},
    )

    adoption = Adoption.objects.get(member=dana)
    assert adoption.organization == danas_org and adoption.anonymous
    location = urlsplit(response["Location"])
    assert location.path == reverse("post-edit", args=[adoption.post.pk])
    at = datetime.fromisoformat(parse_qs(location.query)["at"][0])
    composer = dana_client.get(response["Location"]).content.decode()
    assert "Flu shots are here" in composer
    # The composer shows the suggested time in Dana's zone, ready to schedule.
    assert f'value="{at.astimezone(ZoneInfo(dana.time_zone)):%Y-%m-%dT%H:%M}"' in composer


def test_adopting_again_asks_to_confirm(dana_client, dana, danas_org, suggestion):
    url = reverse("share-kit-adopt", args=[suggestion.pk])
    choice = {"organization": danas_org.pk, "timing": "window"}
    dana_client.post(url, choice)

    warned = dana_client.post(url, choice)
    assert warned.status_code == 400
    assert "already adopted" in warned.content.decode()
    assert 'name="again"' in warned.content.decode()
    assert Adoption.objects.filter(member=dana).count() == 1

    dana_client.post(url, {**choice, "again": "on"})
    assert Adoption.objects.filter(member=dana).count() == 2


def test_the_adopt_form_remembers_the_last_anonymity_choice(dana_client, dana, danas_org, suggestion, campaign):
    dana_client.post(
        reverse("share-kit-adopt", args=[suggestion.pk]),
        {"organization": danas_org.pk, "timing": "window", "anonymous": "on"},
    )
    other = Suggestion.objects.create(campaign=campaign, title="Second", text="More.")
    page = dana_client.get(reverse("share-kit-adopt", args=[other.pk])).content.decode()
    assert 'id="id_anonymous" checked' in page


def test_a_member_with_several_organizations_chooses_where(dana, danas_org, suggestion):
    practice = OrganizationFactory(name="Dana's Practice")
    MembershipFactory(organization=practice, user=dana, role=Role.EDITOR)
    client = signed_in_client(Client(), dana, danas_org)
    page = client.get(reverse("share-kit-adopt", args=[suggestion.pk])).content.decode()
    assert "Dana&#x27;s Practice" in page and "<select" in page
    assert "Ontario Medical Association</option>" not in page  # a viewer there: not a choice


def test_an_association_requiring_two_factor_shows_its_kits_only_after_it(dana_client, association, suggestion):
    association.requires_two_factor = True
    association.save()
    page = dana_client.get(reverse("share-kits")).content.decode()
    assert "Get your flu shot" not in page
    assert dana_client.get(reverse("share-kit-adopt", args=[suggestion.pk])).status_code == 403
