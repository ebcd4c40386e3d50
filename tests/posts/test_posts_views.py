"""The composer page, its live check and autosave, the posts list and hashtag sets, through the views."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import ConnectedAccount, Role
from posts import services
from posts.models import HashtagSet, Post, TargetState
from tests.fixtures import signed_in_client
from tests.image_reading import read_now
from tests.posts.conftest import encode, two_tone, upload

S = TargetState


@pytest.fixture(autouse=True)
def composer_settings(media_settings):
    return media_settings


@pytest.fixture
def accounts(org):
    made = {}
    for network, kind in [("twitter", "x_user"), ("linkedin", "linkedin_member"), ("instagram", "instagram_business")]:
        made[network] = ConnectedAccount.objects.create(
            organization=org, network=network, kind=kind, external_id=f"{network}-1", display_name=f"Clinic {network}"
        )
    return made


@pytest.fixture
def contributor_client(org, member):
    return signed_in_client(Client(), member(Role.CONTRIBUTOR), org)


@pytest.fixture
def viewer_client(org, member):
    return signed_in_client(Client(), member(Role.VIEWER), org)


def compose_data(accounts, networks, **extra):
    data = {"text": "Flu shots are in. #FluSeason", "link": "", "accounts": [accounts[n].pk for n in networks]}
    data.update(extra)
    return data


# --- the composer page ---------------------------------------------------------------------------


def test_the_composer_lists_the_accounts_with_their_networks(alice_client, accounts):
    page = alice_client.get(reverse("compose"))
    assert page.status_code == 200
    content = page.content.decode()
    for name in ("Clinic twitter", "Clinic linkedin", "Clinic instagram"):
        assert name in content
    assert "twitter-text-3.1.0/twitter-text.min.js" in content


def test_an_account_that_needs_reconnecting_is_disabled_with_the_reason(alice_client, accounts):
    accounts["linkedin"].status = ConnectedAccount.Status.NEEDS_RECONNECT
    accounts["linkedin"].save()
    content = alice_client.get(reverse("compose")).content.decode()
    checkbox = re.search(rf'<input type="checkbox" name="accounts" value="{accounts["linkedin"].pk}"[^>]*>', content)
    assert "disabled" in checkbox.group(0)
    assert "Needs reconnecting: an owner or admin can reconnect it on the Accounts page." in content


def test_scheduling_from_the_composer_converts_the_users_local_time(alice_client, alice, accounts):
    alice.time_zone = "America/Vancouver"
    alice.save()
    local = (
        (timezone.now() + timedelta(days=3))
        .astimezone(ZoneInfo("America/Vancouver"))
        .replace(hour=9, minute=30, second=0, microsecond=0)
    )
    data = compose_data(accounts, ["twitter"], action="at", scheduled_local=local.strftime("%Y-%m-%dT%H:%M"))
    response = alice_client.post(reverse("compose"), data)
    assert response.status_code == 302
    target = Post.objects.get().targets.get()
    assert target.state == S.SCHEDULED
    assert target.scheduled_at == local.astimezone(ZoneInfo("UTC"))


def test_a_time_skipped_by_daylight_saving_is_explained_and_the_text_kept(alice_client, accounts):
    data = compose_data(accounts, ["twitter"], action="at", scheduled_local="2030-03-10T02:30", text="Keep me")
    response = alice_client.post(reverse("compose"), data)
    assert response.status_code == 400
    content = response.content.decode()
    assert "does not exist in America/Toronto" in content
    assert "Keep me</textarea>" in content
    assert not Post.objects.exists()


def test_problems_are_listed_per_network_and_the_ready_ones_can_go(alice_client, accounts):
    data = compose_data(accounts, ["twitter", "instagram"], action="now")
    response = alice_client.post(reverse("compose"), data)
    assert response.status_code == 400
    content = response.content.decode()
    assert "Instagram needs at least one image or video." in content
    assert 'value="now:valid"' in content
    assert "Flu shots are in. #FluSeason</textarea>" in content
    assert not Post.objects.exists()

    response = alice_client.post(reverse("compose"), {**data, "action": "now:valid"})
    assert response.status_code == 302
    post = Post.objects.get()
    states = {t.account.network: t.state for t in post.targets.select_related("account")}
    assert states == {"twitter": S.SCHEDULED, "instagram": S.DRAFT}


def test_per_network_text_and_options_are_saved(alice_client, accounts):
    x, linkedin = accounts["twitter"].pk, accounts["linkedin"].pk
    data = compose_data(
        accounts,
        ["twitter", "linkedin"],
        action="draft",
        **{f"t-{x}": "Short for X", f"o-{x}-reply_settings": "following", f"o-{linkedin}-visibility": "CONNECTIONS"},
    )
    assert alice_client.post(reverse("compose"), data).status_code == 302
    post = Post.objects.get()
    target_x = post.targets.get(account_id=x)
    assert (target_x.text_override, target_x.options) == ("Short for X", {"reply_settings": "following"})
    assert post.targets.get(account_id=linkedin).options == {"visibility": "CONNECTIONS"}


def test_a_contributor_asks_for_review(contributor_client, accounts):
    response = contributor_client.post(reverse("compose"), compose_data(accounts, ["twitter"], action="now"))
    assert response.status_code == 302
    assert Post.objects.get().targets.get().state == S.IN_REVIEW
    assert "Ask to publish now" in contributor_client.get(reverse("compose")).content.decode()


def test_a_viewer_cannot_compose(viewer_client, accounts):
    assert viewer_client.get(reverse("compose")).status_code == 403
    assert viewer_client.post(reverse("compose"), compose_data(accounts, ["twitter"])).status_code == 403


def test_editing_a_scheduled_post_keeps_it_scheduled(alice_client, alice, org, accounts):
    at = (timezone.now() + timedelta(days=1)).replace(microsecond=0)
    post = services.create_post(
        organization=org,
        author=alice,
        text="Before",
        account_ids=[accounts["twitter"].pk],
        schedule="at",
        scheduled_at=at,
    )
    page = alice_client.get(reverse("post-edit", args=[post.pk]))
    assert "Save changes" in page.content.decode()
    response = alice_client.post(
        reverse("post-edit", args=[post.pk]), compose_data(accounts, ["twitter"], text="After", action="keep")
    )
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.text == "After"
    assert post.targets.get().state == S.SCHEDULED


def test_a_post_that_started_publishing_cannot_be_edited_and_says_so(alice_client, alice, org, accounts):
    post = services.create_post(
        organization=org, author=alice, text="Before", account_ids=[accounts["twitter"].pk], schedule="now"
    )
    post.targets.get().move(S.PUBLISHING)
    response = alice_client.post(
        reverse("post-edit", args=[post.pk]), compose_data(accounts, ["twitter"], text="After", action="keep")
    )
    assert response.status_code == 400
    assert "X has already started publishing" in response.content.decode()


def test_an_outsider_gets_404_for_a_post_of_another_organization(charlie_client, alice, org, accounts):
    post = services.create_post(organization=org, author=alice, text="Private", account_ids=[accounts["twitter"].pk])
    assert charlie_client.get(reverse("post-edit", args=[post.pk])).status_code == 404
    assert charlie_client.post(reverse("post-duplicate", args=[post.pk])).status_code == 404
    assert charlie_client.post(reverse("post-delete", args=[post.pk])).status_code == 404
    response = charlie_client.post(reverse("compose-validate"), {"post_id": post.pk, "text": "x"})
    assert response.status_code == 404
    assert Post.objects.filter(pk=post.pk).exists()


def test_an_outsider_cannot_post_to_another_organizations_account(charlie_client, accounts):
    response = charlie_client.post(reverse("compose"), compose_data(accounts, ["twitter"], action="now"))
    # The account is not Charlie's organization's: it is ignored, and scheduling with no account is refused.
    assert response.status_code == 400
    assert "Choose at least one account" in response.content.decode()
    assert not Post.objects.exists()


# --- the live check and autosave --------------------------------------------------------------------


def test_the_live_check_counts_as_the_server_does(alice_client, accounts):
    text = "Flu 💉 clinic https://example.org/" + "a" * 100 + " 流感"
    response = alice_client.post(
        reverse("compose-validate"), {"text": text, "accounts": [accounts["twitter"].pk]}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    content = response.content.decode()
    from twitter_text import parse_tweet

    expected = parse_tweet(text).weightedLength
    assert f'data-limit="280" data-source="server">{expected}</output>' in content
    assert "Ready for X." in content


def test_the_live_check_lists_problems_in_plain_words(alice_client, accounts):
    response = alice_client.post(
        reverse("compose-validate"),
        {"text": "a" * 300, "accounts": [accounts["twitter"].pk, accounts["instagram"].pk]},
        HTTP_HX_REQUEST="true",
    )
    content = response.content.decode()
    assert "X: 300 of 280 characters" in content
    assert "Instagram needs at least one image or video." in content
    assert "No image" in content  # the preview shows the missing picture


def next_july_15() -> datetime:
    """09:30 on the next July 15 in Toronto: summer time, and within the scheduling horizon."""
    now = timezone.now().astimezone(ZoneInfo("America/Toronto"))
    july = datetime(now.year, 7, 15, 9, 30, tzinfo=ZoneInfo("America/Toronto"))
    return july if july > now else july.replace(year=now.year + 1)


def test_an_x_text_too_long_says_how_much_to_cut_and_marks_it_in_the_preview(alice_client, accounts):
    response = alice_client.post(
        reverse("compose-validate"), {"text": "a" * 300, "accounts": [accounts["twitter"].pk]}, HTTP_HX_REQUEST="true"
    )
    content = response.content.decode()
    assert "Cut 20 characters to fit X: the part past the limit is marked in the preview." in content
    preview = re.search(r"<p class=\"preview-text\" data-x-preview>(.*?)</p>", content).group(1)
    assert preview == "a" * 280 + '<mark class="overflow" title="Past X’s limit">' + "a" * 20 + "</mark>"


def test_the_x_overflow_is_cut_where_x_counts_not_where_python_does(alice_client, accounts):
    # Each emoji weighs 2 and is two UTF-16 units, twitter-text's unit: 140 fit, one is past the limit.
    response = alice_client.post(
        reverse("compose-validate"), {"text": "💉" * 141, "accounts": [accounts["twitter"].pk]}, HTTP_HX_REQUEST="true"
    )
    content = response.content.decode()
    assert "Cut 2 characters to fit X" in content
    assert "💉" * 140 + '<mark class="overflow" title="Past X’s limit">💉</mark>' in content


def test_an_x_text_that_fits_has_nothing_marked(alice_client, accounts):
    response = alice_client.post(
        reverse("compose-validate"), {"text": "a" * 280, "accounts": [accounts["twitter"].pk]}, HTTP_HX_REQUEST="true"
    )
    content = response.content.decode()
    assert '<mark class="overflow"' not in content
    assert "Cut " not in content


def test_the_composer_offers_an_upload_in_place_to_the_library(alice_client, accounts):
    content = alice_client.get(reverse("compose")).content.decode()
    assert f'data-url="{reverse("media-upload")}"' in content
    assert 'id="composer-files"' in content
    assert "Drop photos or videos here" in content


def test_the_live_check_shows_the_time_in_both_zones(alice_client, alice, org, accounts):
    org.time_zone = "America/Vancouver"
    org.save()
    july = next_july_15()
    response = alice_client.post(
        reverse("compose-validate"),
        {"text": "Hi", "accounts": [accounts["twitter"].pk], "scheduled_local": f"{july:%Y-%m-%dT%H:%M}"},
        HTTP_HX_REQUEST="true",
    )
    content = response.content.decode()
    day = f"{july:%a %b} 15, {july.year}"
    assert f"Publishes {day}, 09:30 EDT (your time) · {day}, 06:30 PDT for Alice" in content


def test_the_live_check_reports_a_bad_link_and_still_counts(alice_client, accounts):
    response = alice_client.post(
        reverse("compose-validate"),
        {"text": "Hello", "link": "not a link", "accounts": [accounts["twitter"].pk]},
        HTTP_HX_REQUEST="true",
    )
    content = response.content.decode()
    assert "The link must be a web address" in content
    assert 'data-source="server">5</output>' in content


def test_autosave_creates_the_draft_then_updates_it(alice_client, accounts):
    first = alice_client.post(reverse("compose-autosave"), {"text": "Fl", "accounts": [accounts["twitter"].pk]})
    post = Post.objects.get()
    assert f'id="post-id" value="{post.pk}" hx-swap-oob="true"' in first.content.decode()
    alice_client.post(reverse("compose-autosave"), {"text": "Flu", "post_id": post.pk, "accounts": []})
    post.refresh_from_db()
    assert (post.text, post.targets.count()) == ("Flu", 0)
    assert Post.objects.count() == 1


def test_autosave_of_an_empty_page_saves_nothing(alice_client):
    assert alice_client.post(reverse("compose-autosave"), {"text": "  "}).status_code == 200
    assert not Post.objects.exists()


def test_submitting_after_an_autosave_updates_the_same_post(alice_client, accounts):
    alice_client.post(reverse("compose-autosave"), {"text": "Fl", "accounts": [accounts["twitter"].pk]})
    post = Post.objects.get()
    response = alice_client.post(reverse("compose"), compose_data(accounts, ["twitter"], post_id=post.pk, action="now"))
    assert response.status_code == 302
    assert Post.objects.count() == 1
    assert Post.objects.get().targets.get().state == S.SCHEDULED


# --- the posts list -------------------------------------------------------------------------------------


def test_the_posts_list_shows_each_targets_state_time_link_and_failure(alice_client, alice, org, accounts):
    at = datetime(2030, 1, 15, 14, 30, tzinfo=ZoneInfo("UTC"))
    post = services.create_post(
        organization=org,
        author=alice,
        text="Flu clinic",
        account_ids=[accounts["twitter"].pk, accounts["linkedin"].pk, accounts["instagram"].pk],
    )
    x, linkedin, instagram = (post.targets.get(account=accounts[n]) for n in ("twitter", "linkedin", "instagram"))
    x.move(S.SCHEDULED, scheduled_at=at, due_at=at)
    linkedin.move(S.SCHEDULED)
    linkedin.move(S.PUBLISHING)
    linkedin.move(S.PUBLISHED, external_url="https://www.linkedin.com/feed/update/urn:li:share:1", published_at=at)
    instagram.move(S.SCHEDULED)
    instagram.move(S.FAILED, failure_reason="rejected", error_message="Instagram could not fetch the image.")
    content = alice_client.get(reverse("posts")).content.decode()
    assert "Tue Jan 15, 2030, 09:30 EST" in content  # Alice is in Toronto
    assert 'href="https://www.linkedin.com/feed/update/urn:li:share:1"' in content
    assert "Refused by the network: Instagram could not fetch the image." in content


def test_the_posts_list_shows_only_the_active_organizations_posts(charlie_client, alice, org, accounts):
    services.create_post(organization=org, author=alice, text="Alice's secret")
    assert "Alice&#x27;s secret" not in charlie_client.get(reverse("posts")).content.decode()


def test_duplicate_makes_a_draft_and_opens_it(alice_client, alice, org, accounts):
    post = services.create_post(
        organization=org, author=alice, text="Again", account_ids=[accounts["twitter"].pk], schedule="now"
    )
    response = alice_client.post(reverse("post-duplicate", args=[post.pk]))
    copy = Post.objects.exclude(pk=post.pk).get()
    assert response.url == reverse("post-edit", args=[copy.pk])
    assert copy.targets.get().state == S.DRAFT


def test_delete_removes_a_draft_but_explains_a_scheduled_post(alice_client, alice, org, accounts):
    draft = services.create_post(organization=org, author=alice, text="Draft")
    scheduled = services.create_post(
        organization=org, author=alice, text="Soon", account_ids=[accounts["twitter"].pk], schedule="now"
    )
    alice_client.post(reverse("post-delete", args=[draft.pk]))
    response = alice_client.post(reverse("post-delete", args=[scheduled.pk]), follow=True)
    assert not Post.objects.filter(pk=draft.pk).exists()
    assert Post.objects.filter(pk=scheduled.pk).exists()
    assert "This post is scheduled: unschedule it first (X)." in response.content.decode()


def test_the_posts_list_offers_delete_only_where_nothing_reached_a_network(alice_client, alice, org, accounts):
    draft = services.create_post(organization=org, author=alice, text="Only a draft")
    failed = services.create_post(
        organization=org, author=alice, text="Went out once", account_ids=[accounts["twitter"].pk], schedule="now"
    )
    target = failed.targets.get()
    target.move(S.PUBLISHING)
    target.move(S.FAILED, failure_reason="rejected", published_at=timezone.now())
    content = alice_client.get(reverse("posts")).content.decode()
    assert f'action="{reverse("post-delete", args=[draft.pk])}"' in content
    assert f'action="{reverse("post-delete", args=[failed.pk])}"' not in content


def test_a_viewer_sees_posts_but_cannot_duplicate_them(viewer_client, alice, org):
    post = services.create_post(organization=org, author=alice, text="Seen")
    assert viewer_client.get(reverse("posts")).status_code == 200
    assert viewer_client.post(reverse("post-duplicate", args=[post.pk])).status_code == 403


# --- hashtag sets -----------------------------------------------------------------------------------------


def test_an_editor_saves_a_set_and_the_composer_offers_it(bob_client, org):
    response = bob_client.post(reverse("hashtag-sets"), {"name": "Canada", "hashtags": "#CDNHealth, ONHealth"})
    assert response.status_code == 302
    assert HashtagSet.objects.get().hashtags == ["#CDNHealth", "#ONHealth"]
    assert 'data-insert="#CDNHealth #ONHealth"' in bob_client.get(reverse("compose")).content.decode()


def test_a_bad_hashtag_is_explained_and_the_form_kept(bob_client):
    response = bob_client.post(reverse("hashtag-sets"), {"name": "Years", "hashtags": "#2024"})
    assert response.status_code == 400
    content = response.content.decode()
    assert "#2024 is not a hashtag X would recognise" in content
    assert 'value="Years"' in content


def test_a_contributor_cannot_save_an_organization_set_but_can_save_their_own(contributor_client):
    response = contributor_client.post(reverse("hashtag-sets"), {"name": "Mine", "hashtags": "#A1"})
    assert response.status_code == 403
    response = contributor_client.post(reverse("hashtag-sets"), {"name": "Mine", "hashtags": "#A1", "personal": "on"})
    assert response.status_code == 302
    assert HashtagSet.objects.get().owner is not None


def test_an_outsider_gets_404_for_a_hashtag_set(charlie_client, bob, org):
    hashtag_set = services.create_hashtag_set(organization=org, by=bob, name="Ours", hashtags="#A1")
    assert charlie_client.get(reverse("hashtag-set-edit", args=[hashtag_set.pk])).status_code == 404
    assert charlie_client.post(reverse("hashtag-set-delete", args=[hashtag_set.pk])).status_code == 404
    assert HashtagSet.objects.filter(pk=hashtag_set.pk).exists()


def test_someone_elses_own_set_is_not_found(alice_client, bob, org):
    own = services.create_hashtag_set(organization=org, by=bob, name="Bob's", hashtags="#A1", personal=True)
    assert alice_client.get(reverse("hashtag-set-edit", args=[own.pk])).status_code == 404


def test_editing_a_set_saves_it(bob_client, bob, org):
    hashtag_set = services.create_hashtag_set(organization=org, by=bob, name="Ours", hashtags="#A1")
    response = bob_client.post(reverse("hashtag-set-edit", args=[hashtag_set.pk]), {"name": "Ours", "hashtags": "#B2"})
    assert response.status_code == 302
    hashtag_set.refresh_from_db()
    assert hashtag_set.hashtags == ["#B2"]


def test_the_composer_shows_an_attached_images_fit_choices_for_instagram(alice_client, alice, org, accounts, ingest):
    wide = ingest(upload(encode(two_tone((1000, 400)), "JPEG"), "banner.jpg"))
    post = services.create_post(
        organization=org, author=alice, text="Hi", media_ids=[wide.pk], account_ids=[accounts["instagram"].pk]
    )
    content = alice_client.get(reverse("post-edit", args=[post.pk])).content.decode()
    assert f'name="o-{accounts["instagram"].pk}-fit-{wide.pk}"' in content
    assert "Crop it to" in content


def test_a_network_left_as_a_draft_says_why_in_the_message_and_the_list(alice_client, accounts):
    data = compose_data(accounts, ["twitter", "instagram"], action="now:valid")
    response = alice_client.post(reverse("compose"), data, follow=True)
    content = response.content.decode()
    assert "Publishing now: X. Kept as a draft: Instagram. Instagram needs at least one image or video." in content
    assert "Waiting for a fix:" in content and "open the post to see what to change" in content


def _left_behind_drafts(org, alice, accounts, image, count):
    for number in range(count):
        services.create_post(
            organization=org,
            author=alice,
            text=f"Post {number}",
            media_ids=[image.pk],
            account_ids=[accounts["twitter"].pk, accounts["instagram"].pk],
            overrides={accounts["instagram"].pk: {"text": "#" * 3000}},  # too long: Instagram stays a draft
            schedule="now",
            schedule_valid_only=True,
        )


def test_the_posts_list_does_not_check_each_left_behind_draft_again(alice_client, alice, org, accounts, ingest):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    image = ingest(upload(encode(two_tone((800, 800)), "JPEG"), "clinic.jpg"))
    image.alt_text = "Our clinic"
    image.save()
    read_now(image.pk)
    _left_behind_drafts(org, alice, accounts, image, 1)
    with CaptureQueriesContext(connection) as one:
        assert "Waiting for a fix:" in alice_client.get(reverse("posts")).content.decode()
    _left_behind_drafts(org, alice, accounts, image, 4)
    with CaptureQueriesContext(connection) as five:
        assert alice_client.get(reverse("posts")).content.decode().count("Waiting for a fix:") == 5

    assert len(five.captured_queries) == len(one.captured_queries)
