"""POST/GET /api/v1/posts/ and GET/PATCH/DELETE /api/v1/posts/{id}/: the composer's rules, over HTTP."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from posts import services
from posts.media.ingest import ingest_upload
from posts.models import Post, PostTarget, TargetState
from scheduler.schedules import create_schedule
from tests.image_reading import read_now
from tests.posts.conftest import encode, two_tone

TORONTO = ZoneInfo("America/Toronto")


def tomorrow_in_toronto() -> datetime:
    at = (timezone.now() + timedelta(days=1)).astimezone(TORONTO)
    return at.replace(second=0, microsecond=0)


def utc(at: datetime) -> str:
    return at.astimezone(UTC).isoformat().replace("+00:00", "Z")


def create(client, **body):
    return client.post("/api/v1/posts/", body, format="json")


@pytest.fixture
def photo(org, alice):
    jpeg = SimpleUploadedFile("chart.jpg", encode(two_tone((1080, 1080)), "JPEG"), content_type="image/jpeg")
    asset = ingest_upload(organization=org, uploaded_by=alice, uploaded_file=jpeg, alt_text="A flu chart.")
    read_now(asset.pk)  # a worker reads it for the privacy guard before it can be scheduled
    return asset


# --- creating ------------------------------------------------------------------------------------


def test_a_post_scheduled_with_an_offset_is_saved_with_one_target_per_account(
    alice_api, alice, org, x_account, linkedin_account
):
    at = tomorrow_in_toronto()
    response = create(
        alice_api,
        text="Flu shots are in. #CDNHealth",
        accounts=[x_account.pk, linkedin_account.pk],
        scheduled_at=at.isoformat(),
    )
    assert response.status_code == 201, response.json()
    post = Post.objects.get()
    assert (post.organization, post.author, post.text, post.hashtags) == (
        org,
        alice,
        "Flu shots are in. #CDNHealth",
        ["CDNHealth"],
    )
    body = response.json()
    assert body["id"] == post.pk and body["author"] == "alice@example.org"
    assert [t["account"] for t in body["targets"]] == [x_account.pk, linkedin_account.pk]
    for target in body["targets"]:
        assert target["state"] == "scheduled"
        assert target["scheduled_at"] == utc(at)
        assert (target["published_at"], target["external_url"], target["error"]) == (None, "", "")
    assert set(PostTarget.objects.values_list("state", "scheduled_at")) == {(TargetState.SCHEDULED, at)}


def test_a_draft_is_saved_without_a_time(alice_api, x_account):
    response = create(alice_api, text="Thinking about this one.", accounts=[x_account.pk], draft=True)
    assert response.status_code == 201
    assert [(t["state"], t["scheduled_at"]) for t in response.json()["targets"]] == [("draft", None)]


def test_a_null_time_publishes_now(alice_api, x_account):
    before = timezone.now()
    response = create(alice_api, text="Clinic closed today.", accounts=[x_account.pk], scheduled_at=None)
    assert response.status_code == 201
    target = PostTarget.objects.get()
    assert target.state == TargetState.SCHEDULED
    assert target.due_at >= before - timedelta(seconds=1)


def test_a_post_must_say_when_it_goes_out(alice_api, x_account):
    response = create(alice_api, text="When?", accounts=[x_account.pk])
    assert response.status_code == 400
    assert "Say when to publish" in response.json()["scheduled_at"][0]
    assert not Post.objects.exists()


def test_a_time_without_an_offset_is_refused_not_guessed(alice_api, x_account):
    response = create(alice_api, text="Hi", accounts=[x_account.pk], scheduled_at="2030-03-09T09:30:00")
    assert response.status_code == 400
    assert "no UTC offset" in response.json()["scheduled_at"][0]
    assert "never guesses a time zone" in response.json()["scheduled_at"][0]
    assert not Post.objects.exists()


@pytest.mark.parametrize("value", ["tomorrow", "2030-03-09", "2030-13-09T09:30:00Z", 1700000000])
def test_a_time_that_is_not_iso_8601_is_refused(alice_api, x_account, value):
    response = create(alice_api, text="Hi", accounts=[x_account.pk], scheduled_at=value)
    assert response.status_code == 400
    assert "ISO-8601" in response.json()["scheduled_at"][0]


def test_a_time_in_the_past_is_refused(alice_api, x_account):
    response = create(alice_api, text="Hi", accounts=[x_account.pk], scheduled_at="2020-01-01T09:00:00Z")
    assert response.status_code == 400
    assert response.json() == {"scheduled_at": ["That time has passed; pick a time in the future."]}


def test_draft_queue_and_a_time_cannot_be_combined(alice_api, x_account):
    response = create(
        alice_api, text="Hi", accounts=[x_account.pk], draft=True, scheduled_at=utc(tomorrow_in_toronto())
    )
    assert response.status_code == 400
    assert "contradict" in response.json()["detail"][0]


def test_a_mistyped_field_is_refused_instead_of_ignored(alice_api, x_account):
    response = create(alice_api, text="Hi", accounts=[x_account.pk], schedule_at=utc(tomorrow_in_toronto()))
    assert response.status_code == 400
    assert response.json() == {"schedule_at": ["This field is not part of a post."]}
    assert not Post.objects.exists()


def test_a_post_too_long_for_x_answers_the_problem_per_account_and_saves_nothing(
    alice_api, x_account, linkedin_account
):
    response = create(
        alice_api, text="a" * 300, accounts=[x_account.pk, linkedin_account.pk], scheduled_at=utc(tomorrow_in_toronto())
    )
    assert response.status_code == 400
    body = response.json()
    assert list(body["problems"]) == [str(x_account.pk)]
    problem = body["problems"][str(x_account.pk)][0]
    assert problem["message"] == "X: 300 of 280 characters"
    assert problem["field"] == "text" and problem["code"]
    assert body["detail"] == ["X: 300 of 280 characters"]
    assert not Post.objects.exists()


def test_schedule_valid_only_sends_the_others_and_keeps_the_invalid_one_as_a_draft(
    alice_api, x_account, linkedin_account
):
    response = create(
        alice_api,
        text="a" * 300,
        accounts=[x_account.pk, linkedin_account.pk],
        scheduled_at=utc(tomorrow_in_toronto()),
        schedule_valid_only=True,
    )
    assert response.status_code == 201
    states = {t["account"]: t["state"] for t in response.json()["targets"]}
    assert states == {x_account.pk: "draft", linkedin_account.pk: "scheduled"}


def test_an_override_tailors_one_networks_text_and_options(alice_api, x_account, linkedin_account):
    response = create(
        alice_api,
        text="a" * 300,
        accounts=[x_account.pk, linkedin_account.pk],
        overrides={
            str(x_account.pk): {"text": "Short for X."},
            str(linkedin_account.pk): {"options": {"visibility": "CONNECTIONS"}},
        },
        draft=True,
    )
    assert response.status_code == 201
    targets = {t["account"]: t for t in response.json()["targets"]}
    assert targets[x_account.pk]["text"] == "Short for X."
    assert targets[linkedin_account.pk]["text"] == "a" * 300
    assert targets[linkedin_account.pk]["options"] == {"visibility": "CONNECTIONS"}


def test_an_option_the_network_does_not_know_is_refused(alice_api, x_account):
    response = create(
        alice_api,
        text="Hi",
        accounts=[x_account.pk],
        overrides={str(x_account.pk): {"options": {"colour": "red"}}},
        draft=True,
    )
    assert response.status_code == 400
    assert response.json() == {"overrides": ["X has no option 'colour'."]}


def test_media_is_attached_in_order(alice_api, linkedin_account, photo, org, alice):
    second = ingest_upload(
        organization=org,
        uploaded_by=alice,
        uploaded_file=SimpleUploadedFile("b.png", encode(two_tone((800, 600)), "PNG")),
        alt_text="Our team.",
    )
    read_now(second.pk)
    response = create(
        alice_api, text="Two photos", accounts=[linkedin_account.pk], media=[second.pk, photo.pk], scheduled_at=None
    )
    assert response.status_code == 201, response.json()
    assert response.json()["media"] == [second.pk, photo.pk]
    assert list(Post.objects.get().attachments.values_list("asset_id", flat=True)) == [second.pk, photo.pk]


def test_an_image_without_alt_text_is_a_problem_where_the_organization_requires_it(alice_api, linkedin_account, photo):
    photo.alt_text = ""
    photo.save()
    response = create(alice_api, text="Chart", accounts=[linkedin_account.pk], media=[photo.pk], scheduled_at=None)
    assert response.status_code == 400
    [problem] = response.json()["problems"][str(linkedin_account.pk)]
    assert problem["code"] == "alt_text_missing"


def test_a_contributors_post_goes_to_review(api_as, member, org, x_account):
    contributor = member("contributor")
    at = tomorrow_in_toronto()
    response = create(api_as(contributor, org), text="Please approve.", accounts=[x_account.pk], scheduled_at=utc(at))
    assert response.status_code == 201
    [target] = response.json()["targets"]
    assert (target["state"], target["scheduled_at"]) == ("in_review", utc(at))


def test_a_viewer_cannot_create_a_post(api_as, member, org, x_account):
    response = create(api_as(member("viewer"), org), text="Hi", accounts=[x_account.pk], draft=True)
    assert response.status_code == 403
    assert not Post.objects.exists()


def test_queue_puts_the_post_in_the_accounts_next_free_slot(alice_api, alice, org, x_account):
    every_day_at_0830 = [(day, time(8, 30)) for day in range(7)]
    create_schedule(organization=org, by=alice, slots=every_day_at_0830, time_zone="America/Toronto")

    response = create(alice_api, text="Flu shots this week", accounts=[x_account.pk], queue=True)

    assert response.status_code == 201, response.json()
    (target,) = response.json()["targets"]
    slot = datetime.fromisoformat(target["scheduled_at"]).astimezone(ZoneInfo("America/Toronto"))
    assert target["state"] == "scheduled"
    assert (slot.hour, slot.minute) == (8, 30)
    assert datetime.fromisoformat(target["scheduled_at"]) > timezone.now()


def test_queue_without_a_posting_schedule_is_refused_in_plain_words(alice_api, x_account):
    response = create(alice_api, text="Hi", accounts=[x_account.pk], queue=True)

    assert response.status_code == 400
    assert "schedule" in str(response.json()).lower()
    assert not Post.objects.exists()


# --- listing ----------------------------------------------------------------------------------------


@pytest.fixture
def make_post(org, alice):
    def make(text: str, accounts, *, schedule="draft", scheduled_at=None, author=None):
        return services.create_post(
            organization=org,
            author=author or alice,
            text=text,
            account_ids=[a.pk for a in accounts],
            schedule=schedule,
            scheduled_at=scheduled_at,
        )

    return make


def test_listing_answers_the_newest_posts_first_with_their_targets(bob_api, make_post, x_account):
    first = make_post("First", [x_account])
    second = make_post("Second", [x_account])
    response = bob_api.get("/api/v1/posts/")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2 and body["next"] is None
    assert [p["id"] for p in body["results"]] == [second.pk, first.pk]
    assert body["results"][0]["targets"][0]["account"] == x_account.pk


def test_listing_is_paginated(bob_api, make_post, x_account):
    for number in range(3):
        make_post(f"Post {number}", [x_account])
    page = bob_api.get("/api/v1/posts/?page_size=2").json()
    assert (page["count"], len(page["results"])) == (3, 2)
    assert "page=2" in page["next"]
    assert len(bob_api.get(page["next"]).json()["results"]) == 1


def test_listing_filters_by_state_account_and_time(bob_api, make_post, x_account, linkedin_account):
    soon = timezone.now() + timedelta(hours=2)
    later = timezone.now() + timedelta(days=3)
    draft = make_post("Draft", [x_account])
    on_x_soon = make_post("X soon", [x_account], schedule="at", scheduled_at=soon)
    on_linkedin_later = make_post("LinkedIn later", [linkedin_account], schedule="at", scheduled_at=later)

    def ids(query: str) -> list[int]:
        response = bob_api.get(f"/api/v1/posts/?{query}")
        assert response.status_code == 200, response.json()
        return [p["id"] for p in response.json()["results"]]

    assert ids("state=draft") == [draft.pk]
    assert ids("state=scheduled") == [on_linkedin_later.pk, on_x_soon.pk]
    assert ids(f"account={linkedin_account.pk}") == [on_linkedin_later.pk]
    window = f"from={utc(soon - timedelta(minutes=1))}&to={utc(soon + timedelta(days=1))}".replace("+", "%2B")
    assert ids(window) == [on_x_soon.pk]
    assert ids(f"state=scheduled&account={x_account.pk}") == [on_x_soon.pk]


@pytest.mark.parametrize(
    "query, field",
    [("state=sent", "state"), ("from=2030-01-01T00:00:00", "from"), ("account=abc", "account"), ("to=soon", "to")],
)
def test_an_invalid_filter_is_a_400_naming_it(bob_api, query, field):
    response = bob_api.get(f"/api/v1/posts/?{query}")
    assert response.status_code == 400
    assert list(response.json()) == [field]


# --- reading, editing, deleting --------------------------------------------------------------------


def test_reading_a_post(bob_api, make_post, x_account):
    post = make_post("Hello", [x_account])
    response = bob_api.get(f"/api/v1/posts/{post.pk}/")
    assert response.status_code == 200
    assert (response.json()["id"], response.json()["text"]) == (post.pk, "Hello")


def test_editing_the_text_keeps_the_rest(bob_api, make_post, x_account):
    post = make_post("Helo", [x_account])
    response = bob_api.patch(f"/api/v1/posts/{post.pk}/", {"text": "Hello"}, format="json")
    assert response.status_code == 200
    post.refresh_from_db()
    assert post.text == "Hello"
    assert [t["state"] for t in response.json()["targets"]] == ["draft"]


def test_editing_can_schedule_a_draft(bob_api, make_post, x_account):
    post = make_post("Ready", [x_account])
    at = tomorrow_in_toronto()
    response = bob_api.patch(f"/api/v1/posts/{post.pk}/", {"scheduled_at": at.isoformat()}, format="json")
    assert response.status_code == 200
    [target] = response.json()["targets"]
    assert (target["state"], target["scheduled_at"]) == ("scheduled", utc(at))


def test_an_edit_that_breaks_a_scheduled_post_answers_the_problems(bob_api, make_post, x_account):
    post = make_post("Fine", [x_account], schedule="at", scheduled_at=timezone.now() + timedelta(days=1))
    response = bob_api.patch(f"/api/v1/posts/{post.pk}/", {"text": "a" * 281}, format="json")
    assert response.status_code == 400
    assert response.json()["problems"][str(x_account.pk)][0]["message"] == "X: 281 of 280 characters"
    post.refresh_from_db()
    assert post.text == "Fine"


def test_a_post_that_started_publishing_cannot_be_edited(bob_api, make_post, x_account):
    post = make_post("Going out", [x_account], schedule="now")
    PostTarget.objects.filter(post=post).update(state=TargetState.PUBLISHING)
    response = bob_api.patch(f"/api/v1/posts/{post.pk}/", {"text": "Changed"}, format="json")
    assert response.status_code == 400
    assert "already started publishing" in response.json()["detail"][0]


def test_a_contributor_cannot_edit_someone_elses_post(api_as, member, org, make_post, x_account):
    post = make_post("Alice's", [x_account])
    response = api_as(member("contributor"), org).patch(f"/api/v1/posts/{post.pk}/", {"text": "Mine"}, format="json")
    assert response.status_code == 403
    post.refresh_from_db()
    assert post.text == "Alice's"


def test_a_viewer_may_read_but_not_edit(api_as, member, org, make_post, x_account):
    post = make_post("Read only", [x_account])
    viewer = api_as(member("viewer"), org)
    assert viewer.get(f"/api/v1/posts/{post.pk}/").status_code == 200
    assert viewer.patch(f"/api/v1/posts/{post.pk}/", {"text": "No"}, format="json").status_code == 403
    assert viewer.delete(f"/api/v1/posts/{post.pk}/").status_code == 403


def test_deleting_a_draft(bob_api, make_post, x_account):
    post = make_post("Never mind", [x_account])
    assert bob_api.delete(f"/api/v1/posts/{post.pk}/").status_code == 204
    assert not Post.objects.exists()


def test_a_scheduled_post_must_be_unscheduled_before_deleting(bob_api, make_post, x_account):
    post = make_post("Soon", [x_account], schedule="at", scheduled_at=timezone.now() + timedelta(days=1))
    response = bob_api.delete(f"/api/v1/posts/{post.pk}/")
    assert response.status_code == 400
    assert response.json() == {"detail": ["This post is scheduled: unschedule it first (X)."]}
    assert Post.objects.filter(pk=post.pk).exists()


def test_a_post_that_does_not_exist_is_404(bob_api):
    assert bob_api.get("/api/v1/posts/424242/").status_code == 404


def test_listing_costs_the_same_queries_for_more_posts(bob_api, make_post, x_account, linkedin_account):
    def queries_for_listing() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert bob_api.get("/api/v1/posts/").status_code == 200
        return len(captured)

    make_post("One", [x_account, linkedin_account])
    few = queries_for_listing()
    for number in range(4):
        make_post(f"More {number}", [x_account, linkedin_account])
    assert queries_for_listing() == few


def test_head_answers_like_get(bob_api, make_post, x_account):
    post = make_post("Hello", [x_account])
    assert bob_api.head(f"/api/v1/posts/{post.pk}/").status_code == 200
    assert bob_api.head("/api/v1/posts/").status_code == 200


def test_a_post_is_sent_as_json(alice_api, x_account):
    response = alice_api.post("/api/v1/posts/", {"text": "Hi", "accounts": x_account.pk, "draft": "true"})
    assert response.status_code == 415
