"""POST /api/v1/posts/validate/: each account's counters and problems, nothing saved."""

from __future__ import annotations

from posts.models import MediaAsset, Post
from tests.api.conftest import connect


def validate(client, **body):
    return client.post("/api/v1/posts/validate/", body, format="json")


def test_counts_follow_each_networks_rules(alice_api, x_account, linkedin_account):
    url = "https://example.org/" + "a" * 200
    response = validate(alice_api, text=f"Hi 👍🏽 流感 {url}", accounts=[x_account.pk, linkedin_account.pk])
    assert response.status_code == 200
    body = response.json()
    assert body["is_valid"] is True
    # X: "Hi " 3, the emoji 2, a space, two CJK characters at 2 each, a space, and the URL at 23.
    assert body["accounts"][str(x_account.pk)] == {
        "network": "twitter",
        "counts": {"text": {"used": 3 + 2 + 1 + 4 + 1 + 23, "limit": 280}},
        "problems": [],
    }
    assert body["accounts"][str(linkedin_account.pk)]["counts"]["text"]["limit"] == 3000


def test_problems_come_back_per_account_without_saving(alice_api, org, x_account):
    instagram = connect(org, "instagram", "Alice's Clinic")
    response = validate(alice_api, text="a" * 281, accounts=[x_account.pk, instagram.pk])
    assert response.status_code == 200
    body = response.json()
    assert body["is_valid"] is False
    assert [p["message"] for p in body["accounts"][str(x_account.pk)]["problems"]] == ["X: 281 of 280 characters"]
    instagram_problems = body["accounts"][str(instagram.pk)]["problems"]
    assert instagram_problems and all(p["field"] and p["code"] for p in instagram_problems)
    assert body["accounts"][str(instagram.pk)]["counts"]["hashtags"] == {"used": 0, "limit": 30}
    assert not Post.objects.exists()


def test_overrides_are_counted_for_their_network(alice_api, x_account, linkedin_account):
    response = validate(
        alice_api,
        text="a" * 500,
        accounts=[x_account.pk, linkedin_account.pk],
        overrides={str(x_account.pk): {"text": "Short."}},
    )
    assert response.json()["is_valid"] is True
    assert response.json()["accounts"][str(x_account.pk)]["counts"]["text"]["used"] == 6


def test_an_account_of_another_organization_is_not_a_post(alice_api, charlies_account):
    response = validate(alice_api, text="Hi", accounts=[charlies_account.pk])
    assert response.status_code == 400
    assert response.json() == {"accounts": ["One of the chosen accounts is not connected to this organization."]}


def test_a_time_without_offset_is_refused_here_too(alice_api, x_account):
    response = validate(alice_api, text="Hi", accounts=[x_account.pk], scheduled_at="2030-01-01T09:00:00")
    assert response.status_code == 400
    assert "scheduled_at" in response.json()


def test_a_viewer_cannot_validate(api_as, member, org, x_account):
    assert validate(api_as(member("viewer"), org), text="Hi", accounts=[x_account.pk]).status_code == 403


def test_validating_saves_no_media_or_post(alice_api, x_account):
    validate(alice_api, text="Hi", accounts=[x_account.pk])
    assert not Post.objects.exists() and not MediaAsset.objects.exists()


def test_a_network_problem_comes_back_in_the_language_the_request_asks_for(alice_api, linkedin_account):
    body = {"text": "a" * 3500, "accounts": [linkedin_account.pk]}
    english = alice_api.post("/api/v1/posts/validate/", body, format="json")
    french = alice_api.post("/api/v1/posts/validate/", body, format="json", HTTP_ACCEPT_LANGUAGE="fr")

    def messages(response):
        return [p["message"] for p in response.json()["accounts"][str(linkedin_account.pk)]["problems"]]

    assert messages(english) == ["LinkedIn: 3,500 of 3,000 characters"]
    # French groups thousands with a narrow no-break space (physsocial/formats) and puts a no-break
    # space before the colon.
    assert messages(french) == ["LinkedIn\u00a0: 3\u202f500 caractères sur 3\u202f000"]


def test_a_token_owner_who_reads_french_gets_network_problems_in_french(alice_api, alice, org):
    alice.language = "fr"
    alice.save(update_fields=["language"])
    instagram = connect(org, "instagram", "Alice's Clinic")
    response = validate(alice_api, text="Flu shots are in.", accounts=[instagram.pk])
    problems = response.json()["accounts"][str(instagram.pk)]["problems"]
    assert {p["code"]: p["message"] for p in problems}["needs_media"] == (
        "Instagram a besoin d’au moins une image ou une vidéo."
    )
