"""The share kits' API: members list kits and adopt into the token's organization; staff edit the
kit and read its figures with a token of the association."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from accounts.api_auth import create_api_token
from accounts.models import Organization
from campaigns.models import Adoption
from posts.models import MediaAsset, PostTarget, TargetState
from tests.api.conftest import client_with


def api(user, organization):
    return client_with(create_api_token(user=user, organization=organization, name="script")[1])


@pytest.fixture
def dana_api(dana, danas_org):
    return api(dana, danas_org)


@pytest.fixture
def staff_api(alice, association):
    return api(alice, association)


def test_a_member_lists_the_kits_of_her_associations(dana_api, suggestion):
    [kit] = dana_api.get("/api/v1/share-kits/").json()
    assert kit["name"] == "Flu season" and kit["association"] == "Ontario Medical Association"
    [listed] = kit["suggestions"]
    assert listed["id"] == suggestion.pk
    assert listed["window"] == "Every day, 08:00–20:00 (America/Toronto)"


def test_an_outsider_lists_no_kit_and_cannot_adopt(charlie, charlies_org, suggestion):
    charlie_api = api(charlie, charlies_org)
    assert charlie_api.get("/api/v1/share-kits/").json() == []
    assert charlie_api.post(f"/api/v1/share-kits/{suggestion.pk}/adopt/", {}, format="json").status_code == 404


def test_adopting_makes_a_scheduled_post_in_the_tokens_organization(dana_api, dana, danas_org, suggestion):
    accounts = list(danas_org.connected_accounts.order_by("network").values_list("pk", flat=True))
    at = (datetime.now(ZoneInfo("America/Toronto")) + timedelta(days=2)).replace(hour=9, minute=0, second=0)

    response = dana_api.post(
        f"/api/v1/share-kits/{suggestion.pk}/adopt/",
        {"accounts": accounts[:1], "scheduled_at": at.isoformat(), "anonymous": True},
        format="json",
    )

    assert response.status_code == 201, response.json()
    post = response.json()
    assert post["text"].endswith("#FluSeason #GetVaccinated")
    [target] = post["targets"]
    assert target["state"] == "scheduled"
    adoption = Adoption.objects.get(post_id=post["id"])
    assert adoption.organization == danas_org and adoption.anonymous
    assert MediaAsset.objects.filter(organization=danas_org).count() == 1


def test_adopting_again_answers_409_until_confirmed(dana_api, suggestion):
    url = f"/api/v1/share-kits/{suggestion.pk}/adopt/"
    assert dana_api.post(url, {}, format="json").status_code == 201
    again = dana_api.post(url, {}, format="json")
    assert again.status_code == 409 and again.json()["code"] == "already_adopted"
    assert dana_api.post(url, {"again": True}, format="json").status_code == 201


def test_adopting_goes_through_the_posts_rules(dana_api, suggestion):
    too_long = "x" * 300
    response = dana_api.post(f"/api/v1/share-kits/{suggestion.pk}/adopt/", {"text": too_long}, format="json")
    assert response.status_code == 400
    assert "problems" in response.json()
    assert not Adoption.objects.exists()
    assert not MediaAsset.objects.filter(organization__kind=Organization.Kind.PERSONAL).exists()


def test_queue_true_takes_a_free_slot_inside_the_window(dana_api, dana, danas_org, suggestion):
    from scheduler.schedules import create_schedule

    create_schedule(organization=danas_org, slots=[(day, time(6)) for day in range(7)], by=dana)
    response = dana_api.post(f"/api/v1/share-kits/{suggestion.pk}/adopt/", {"queue": True}, format="json")
    assert response.status_code == 400
    assert "no free time inside" in str(response.json())


def test_unknown_fields_and_contradictions_are_refused(dana_api, suggestion):
    url = f"/api/v1/share-kits/{suggestion.pk}/adopt/"
    assert dana_api.post(url, {"schedule_at": "soon"}, format="json").status_code == 400
    both = dana_api.post(url, {"queue": True, "scheduled_at": "2030-01-01T09:00:00Z"}, format="json")
    assert both.status_code == 400 and "either" in str(both.json())


def test_staff_edit_the_kit_through_the_api(staff_api, campaign, poster):
    url = f"/api/v1/campaigns/{campaign.pk}/suggestions/"
    created = staff_api.post(
        url,
        {
            "title": "Tuesdays",
            "text": "Book now.",
            "network_texts": {"linkedin": "Colleagues, book now."},
            "media": [poster.pk],
            "hashtags": ["FluFacts"],
            "window_weekdays": [1],
            "window_starts_at": "08:00",
            "window_ends_at": "10:00",
        },
        format="json",
    )
    assert created.status_code == 201, created.json()
    pk = created.json()["id"]
    assert created.json()["window"] == "Tuesday, 08:00–10:00 (America/Toronto)"

    patched = staff_api.patch(f"{url}{pk}/", {"title": "Tuesday mornings"}, format="json")
    assert patched.status_code == 200 and patched.json()["media"] == [poster.pk]
    assert [s["title"] for s in staff_api.get(url).json()] == ["Tuesday mornings"]
    bad = staff_api.patch(f"{url}{pk}/", {"window_ends_at": "07:00"}, format="json")
    assert bad.status_code == 400 and "end after" in str(bad.json())
    assert staff_api.delete(f"{url}{pk}/").status_code == 204


def test_members_cannot_edit_the_kit_and_other_organizations_tokens_find_nothing(
    dana, association, dana_api, campaign, suggestion
):
    url = f"/api/v1/campaigns/{campaign.pk}/suggestions/"
    viewer_in_association = api(dana, association)
    assert viewer_in_association.get(url).status_code == 403
    assert viewer_in_association.post(url, {"title": "Mine", "text": "x"}, format="json").status_code == 403
    assert viewer_in_association.get(f"/api/v1/campaigns/{campaign.pk}/adoption/").status_code == 403
    # Dana's personal token acts in her organization, where the campaign is not.
    assert dana_api.get(url).status_code == 404
    assert dana_api.delete(f"{url}{suggestion.pk}/").status_code == 404


def test_the_adoption_figures_through_the_api(staff_api, dana_api, campaign, suggestion):
    made = dana_api.post(f"/api/v1/share-kits/{suggestion.pk}/adopt/", {"anonymous": False}, format="json").json()
    target = PostTarget.objects.filter(post_id=made["id"], account__network="twitter").get()
    PostTarget.objects.filter(pk=target.pk).update(state=TargetState.PUBLISHED, external_url="https://x.com/d/status/1")

    [figures] = staff_api.get(f"/api/v1/campaigns/{campaign.pk}/adoption/").json()

    assert (figures["adopted"], figures["scheduled"], figures["published"]) == (1, 1, 1)
    assert figures["networks"] == {"X": 1}
    [row] = figures["adopters"]
    assert row["name"] == "Dr. Dana Diaz"
    assert row["links"] == [{"network": "X", "url": "https://x.com/d/status/1"}]
    assert "text" not in str(figures)


@pytest.mark.parametrize(
    "body, words",
    [
        ({"window_weekdays": [9]}, "6"),
        ({"window_starts_at": 8, "window_ends_at": "10:00"}, "HH:MM"),
        ({"network_texts": {"myspace": "Hi"}}, "not a network we post to"),
        ({"media": [999999]}, "not in Ontario Medical Association's library"),
        ({"link": "javascript:alert(1)"}, "web address"),
        ({"colour": "#fff"}, "not accepted"),
    ],
)
def test_bad_suggestions_are_refused_in_plain_words(staff_api, campaign, body, words):
    response = staff_api.post(
        f"/api/v1/campaigns/{campaign.pk}/suggestions/", {"title": "T", "text": "x", **body}, format="json"
    )
    assert response.status_code == 400
    assert words in str(response.json())
