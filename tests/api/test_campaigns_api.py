"""/api/v1/campaigns/ and the posts API's campaign field: organization-scoped, checked, in plain words."""

from __future__ import annotations

from datetime import date

import pytest

from accounts.models import Role
from campaigns.models import Campaign
from posts.models import Post

pytestmark = pytest.mark.django_db

URL = "/api/v1/campaigns/"


def body(**fields):
    return {"name": "Heart month", "starts_on": "2027-02-01", "ends_on": "2027-02-28", **fields}


def make(organization, **fields):
    values = {"name": "Flu season", "slug": "flu-season", "starts_on": date(2026, 10, 1), "ends_on": date(2026, 11, 30)}
    return Campaign.objects.create(organization=organization, **{**values, **fields})


@pytest.fixture
def viewer_api(api_as, member, org):
    return api_as(member(Role.VIEWER), org)


def test_creating_a_campaign_makes_its_short_name_and_owner(alice_api, alice, org):
    response = alice_api.post(URL, body(hashtags=["#HeartMonth", "BloodPressure"]), format="json")

    assert response.status_code == 201, response.json()
    answer = response.json()
    assert answer["slug"] == "heart-month" and answer["owner"] == alice.pk
    assert answer["hashtags"] == ["HeartMonth", "BloodPressure"] and answer["utm_medium"] == "social"
    assert Campaign.objects.get().organization == org


def test_the_list_holds_only_the_tokens_organization(alice_api, org, charlies_org):
    mine = make(org)
    make(charlies_org)

    answer = alice_api.get(URL).json()

    assert [campaign["id"] for campaign in answer["results"]] == [mine.pk]


def test_reading_editing_and_deleting_one(alice_api, org):
    campaign = make(org)
    post = Post.objects.create(organization=org, author=org.memberships.first().user, text="Flu", campaign=campaign)

    assert alice_api.get(f"{URL}{campaign.pk}/").json()["name"] == "Flu season"
    edited = alice_api.patch(f"{URL}{campaign.pk}/", {"colour": "#112233"}, format="json")
    assert edited.status_code == 200 and edited.json()["colour"] == "#112233"
    assert alice_api.delete(f"{URL}{campaign.pk}/").status_code == 204
    post.refresh_from_db()
    assert post.campaign is None


def test_an_end_before_the_start_is_a_400_naming_the_field(alice_api):
    response = alice_api.post(URL, body(starts_on="2027-03-01", ends_on="2027-02-01"), format="json")

    assert response.status_code == 400
    assert response.json()["ends_on"] == ["A campaign cannot end before it starts."]


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"colour": "red"}, "colour"),
        ({"landing_url": "javascript:alert(1)"}, "landing_url"),
        ({"hashtags": ["not a tag!"]}, "hashtags"),
        ({"slug": "no spaces"}, "slug"),
        ({"budget": 12}, "budget"),
        ({"name": "A\u0000B"}, "name"),
    ],
)
def test_bad_fields_are_400s_naming_them(alice_api, fields, field):
    response = alice_api.post(URL, body(**fields), format="json")

    assert response.status_code == 400
    assert field in response.json()


def test_the_owner_must_be_a_member(alice_api, charlie):
    response = alice_api.post(URL, body(owner=charlie.pk), format="json")

    assert response.status_code == 400 and "owner" in response.json()


def test_another_organizations_campaign_is_a_404(alice_api, charlies_org):
    theirs = make(charlies_org)

    assert alice_api.get(f"{URL}{theirs.pk}/").status_code == 404
    assert alice_api.patch(f"{URL}{theirs.pk}/", {"name": "Mine"}, format="json").status_code == 404
    assert alice_api.delete(f"{URL}{theirs.pk}/").status_code == 404
    assert Campaign.objects.get().name == "Flu season"


def test_a_viewer_reads_but_changes_nothing(viewer_api, org):
    campaign = make(org)

    assert viewer_api.get(URL).status_code == 200
    assert viewer_api.get(f"{URL}{campaign.pk}/").status_code == 200
    assert viewer_api.post(URL, body(), format="json").status_code == 403
    assert viewer_api.patch(f"{URL}{campaign.pk}/", {"name": "X"}, format="json").status_code == 403
    assert viewer_api.delete(f"{URL}{campaign.pk}/").status_code == 403


# --- the posts API's campaign field -----------------------------------------------------------------


def test_a_post_is_created_in_a_campaign_and_listed_by_it(alice_api, org, x_account):
    campaign = make(org)

    response = alice_api.post(
        "/api/v1/posts/",
        {"text": "Flu", "accounts": [x_account.pk], "draft": True, "campaign": campaign.pk},
        format="json",
    )
    alice_api.post("/api/v1/posts/", {"text": "Other", "accounts": [x_account.pk], "draft": True}, format="json")

    assert response.status_code == 201 and response.json()["campaign"] == campaign.pk
    listed = alice_api.get("/api/v1/posts/", {"campaign": campaign.pk}).json()["results"]
    assert [post["text"] for post in listed] == ["Flu"]


def test_another_organizations_campaign_on_a_post_is_a_plain_400(alice_api, x_account, charlies_org):
    theirs = make(charlies_org)

    response = alice_api.post(
        "/api/v1/posts/",
        {"text": "Flu", "accounts": [x_account.pk], "draft": True, "campaign": theirs.pk},
        format="json",
    )

    assert response.status_code == 400
    assert response.json() == {"campaign": ["That campaign is not one of this organization's campaigns."]}
    assert not Post.objects.exists()


def test_editing_a_post_moves_it_out_of_its_campaign_with_null(alice_api, org, x_account):
    campaign = make(org)
    created = alice_api.post(
        "/api/v1/posts/",
        {"text": "Flu", "accounts": [x_account.pk], "draft": True, "campaign": campaign.pk},
        format="json",
    ).json()

    kept = alice_api.patch(f"/api/v1/posts/{created['id']}/", {"text": "Flu shots"}, format="json").json()
    cleared = alice_api.patch(f"/api/v1/posts/{created['id']}/", {"campaign": None}, format="json").json()

    assert kept["campaign"] == campaign.pk
    assert cleared["campaign"] is None
