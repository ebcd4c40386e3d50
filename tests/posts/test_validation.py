"""Per-network counters and problems, as the composer, saving and the engine see them."""

import pytest
from django.core.exceptions import ValidationError

from accounts.models import ConnectedAccount
from posts import services
from tests.posts.conftest import encode, make_video, two_tone, upload


def check(org, account, text="", **kwargs):
    results = services.validate_post(organization=org, text=text, account_ids=[account.pk], **kwargs)
    return results[account.pk]


def messages(result):
    return [problem.message for problem in result["problems"]]


# --- X's weighted counting --------------------------------------------------------------------


def test_x_counts_a_url_as_23_characters_however_long(org, accounts):
    url = "https://example.org/" + "a" * 200
    assert check(org, accounts["twitter"], f"Read this {url}")["counts"]["text"] == {"used": 33, "limit": 280}


def test_x_counts_an_emoji_as_two_even_with_modifiers_and_joiners(org, accounts):
    # A family emoji is seven code points joined with zero-width joiners; X counts it as one emoji.
    assert check(org, accounts["twitter"], "Hi 👨‍👩‍👧‍👦👍🏽")["counts"]["text"]["used"] == 3 + 2 + 2


def test_x_counts_cjk_characters_as_two(org, accounts):
    assert check(org, accounts["twitter"], "流感疫苗")["counts"]["text"]["used"] == 8


def test_x_counts_latin_accents_as_one(org, accounts):
    assert check(org, accounts["twitter"], "café résumé")["counts"]["text"]["used"] == 11


def test_x_refuses_281_and_says_how_far_over(org, accounts):
    result = check(org, accounts["twitter"], "a" * 281)
    assert "X: 281 of 280 characters" in messages(result)


def test_x_text_with_140_cjk_characters_fits_exactly(org, accounts):
    result = check(org, accounts["twitter"], "医" * 140)
    assert result["counts"]["text"] == {"used": 280, "limit": 280}
    assert result["problems"] == []


def test_the_link_joins_the_text_on_x_and_counts_23(org, accounts):
    result = check(org, accounts["twitter"], "New clinic hours", link="https://example.org/hours")
    assert result["counts"]["text"]["used"] == len("New clinic hours") + 2 + 23


# --- the other networks --------------------------------------------------------------------------


def test_linkedin_counts_to_3000_with_its_escapes(org, accounts):
    assert check(org, accounts["linkedin"], "a" * 3000)["problems"] == []
    # LinkedIn receives "(" and ")" escaped, so they cost two each.
    assert check(org, accounts["linkedin"], "(see below)")["counts"]["text"] == {"used": 13, "limit": 3000}
    assert "LinkedIn: 3,001 of 3,000 characters" in messages(check(org, accounts["linkedin"], "a" * 3001))


def test_facebook_allows_63206_characters(org, accounts):
    assert check(org, accounts["facebook"], "a" * 63206)["problems"] == []
    assert "Facebook: 63,207 of 63,206 characters" in messages(check(org, accounts["facebook"], "a" * 63207))


def test_instagram_needs_at_least_one_image_or_video(org, accounts):
    assert "Instagram needs at least one image or video." in messages(check(org, accounts["instagram"], "Hello"))


def test_instagram_counts_hashtags_and_refuses_more_than_30(org, accounts, ingest):
    photo = ingest(upload(encode(two_tone((800, 800)), "JPEG")))
    text = " ".join(f"#tag{n}" for n in range(31))
    result = check(org, accounts["instagram"], text, media_ids=[photo.pk])
    assert result["counts"]["hashtags"] == {"used": 31, "limit": 30}
    assert "Instagram allows 30 hashtags; this caption has 31." in messages(result)


def test_instagram_caption_counts_to_2200(org, accounts, ingest):
    photo = ingest(upload(encode(two_tone((800, 800)), "JPEG")))
    assert check(org, accounts["instagram"], "a" * 2200, media_ids=[photo.pk])["problems"] == []
    result = check(org, accounts["instagram"], "a" * 2201, media_ids=[photo.pk])
    assert "Instagram: 2,201 of 2,200 characters" in messages(result)


def test_youtube_needs_a_video(org, accounts):
    assert "YouTube needs a video." in messages(check(org, accounts["youtube"], "Flu season explained"))


def test_youtube_counts_the_title_and_description(org, accounts, ingest):
    video = ingest(upload(make_video(), "talk.mp4"))
    overrides = {accounts["youtube"].pk: {"text": "é" * 2501, "options": {"title": "t" * 101}}}
    result = check(org, accounts["youtube"], "", media_ids=[video.pk], overrides=overrides)
    assert result["counts"]["title"] == {"used": 101, "limit": 100}
    # YouTube counts the description in UTF-8 bytes: é is two.
    assert result["counts"]["text"] == {"used": 5002, "limit": 5000}
    assert "YouTube: title is 101 of 100 characters." in messages(result)
    assert "YouTube: description is 5002 of 5,000 bytes." in messages(result)


def test_a_youtube_video_with_a_title_is_fine(org, accounts, ingest):
    video = ingest(upload(make_video(), "talk.mp4"))
    overrides = {accounts["youtube"].pk: {"options": {"title": "Flu season", "privacy": "unlisted"}}}
    assert check(org, accounts["youtube"], "Why now", media_ids=[video.pk], overrides=overrides)["problems"] == []


# --- our own rules --------------------------------------------------------------------------------


def test_an_account_that_needs_reconnecting_is_a_problem_for_that_account(org, accounts):
    accounts["linkedin"].status = ConnectedAccount.Status.NEEDS_RECONNECT
    accounts["linkedin"].save()
    result = check(org, accounts["linkedin"], "Hello")
    assert messages(result) == ["LinkedIn: Clinic linkedin needs reconnecting before PhysSocial can post to it."]


def test_images_need_alt_text_when_the_organization_requires_it(org, accounts, ingest):
    photo = ingest(upload(encode(two_tone((800, 800)), "JPEG"), "clinic.jpg"), alt_text="")
    result = check(org, accounts["facebook"], "Our new clinic", media_ids=[photo.pk])
    assert "Facebook: describe clinic.jpg for people who use screen readers (alt text is required)." in messages(result)
    org.alt_text_required = False
    org.save()
    assert check(org, accounts["facebook"], "Our new clinic", media_ids=[photo.pk])["problems"] == []


def test_an_instagram_image_too_wide_is_a_problem_until_cropped(org, accounts, ingest):
    wide = ingest(upload(encode(two_tone((1000, 400)), "JPEG"), "banner.jpg"))
    result = check(org, accounts["instagram"], "Clinic", media_ids=[wide.pk])
    assert any("4:5 to 1.91:1" in message for message in messages(result))
    overrides = {accounts["instagram"].pk: {"options": {"fit": {str(wide.pk): "crop"}}}}
    assert check(org, accounts["instagram"], "Clinic", media_ids=[wide.pk], overrides=overrides)["problems"] == []


def test_a_facebook_link_post_needs_a_link_and_drops_the_photos(org, accounts, ingest):
    photo = ingest(upload(encode(two_tone((800, 800)), "JPEG")))
    link_post = {accounts["facebook"].pk: {"options": {"format": "link"}}}
    result = check(org, accounts["facebook"], "Read", media_ids=[photo.pk], overrides=link_post)
    assert messages(result) == ["Facebook: a link post needs a link."]
    result = check(
        org, accounts["facebook"], "Read", link="https://example.org/a", media_ids=[photo.pk], overrides=link_post
    )
    assert result["problems"] == []
    # The link is shown as a card, not added to the text.
    assert result["counts"]["text"]["used"] == 4


def test_an_instagram_carousel_needs_two_files(org, accounts, ingest):
    photo = ingest(upload(encode(two_tone((800, 800)), "JPEG")))
    overrides = {accounts["instagram"].pk: {"options": {"format": "carousel"}}}
    result = check(org, accounts["instagram"], "One", media_ids=[photo.pk], overrides=overrides)
    assert messages(result) == ["Instagram: a carousel needs 2 to 10 images or videos."]


def test_a_problem_on_one_network_leaves_the_others_clean(org, accounts):
    results = services.validate_post(
        organization=org, text="a" * 300, account_ids=[accounts["twitter"].pk, accounts["linkedin"].pk]
    )
    assert messages(results[accounts["twitter"].pk]) == ["X: 300 of 280 characters"]
    assert results[accounts["linkedin"].pk]["problems"] == []


def test_the_per_network_text_is_what_gets_checked(org, accounts):
    overrides = {accounts["twitter"].pk: {"text": "Short for X"}}
    result = check(org, accounts["twitter"], "a" * 300, overrides=overrides)
    assert result["problems"] == []
    assert result["counts"]["text"]["used"] == 11


def test_an_unknown_option_is_refused_in_plain_words(org, accounts):
    with pytest.raises(ValidationError, match="X has no option 'colour'"):
        check(org, accounts["twitter"], "Hi", overrides={accounts["twitter"].pk: {"options": {"colour": "red"}}})
    with pytest.raises(ValidationError, match="LinkedIn: 'FRIENDS' is not a visibility"):
        check(
            org, accounts["linkedin"], "Hi", overrides={accounts["linkedin"].pk: {"options": {"visibility": "FRIENDS"}}}
        )


def test_another_organizations_account_or_file_is_refused(org, accounts, charlies_org):
    outsider = ConnectedAccount.objects.create(
        organization=charlies_org, network="twitter", kind="x_user", external_id="99", display_name="Charlie"
    )
    with pytest.raises(ValidationError, match="not connected to this organization"):
        services.validate_post(organization=org, text="Hi", account_ids=[outsider.pk])
    with pytest.raises(ValidationError, match="not in this organization's media library"):
        services.validate_post(organization=org, text="Hi", account_ids=[accounts["twitter"].pk], media_ids=[12345])


def test_validating_saves_nothing(org, accounts):
    from posts.models import Post

    services.validate_post(organization=org, text="Hi", account_ids=[accounts["twitter"].pk])
    assert not Post.objects.exists()


# --- what the engine sends is what was checked --------------------------------------------------------


def test_the_draft_to_publish_puts_the_link_in_xs_text(org, alice, accounts):
    post = services.create_post(
        organization=org, author=alice, text="Hours", link="https://example.org/h", account_ids=[accounts["twitter"].pk]
    )
    draft = services.check_saved_target(post.targets.get()).draft
    assert draft.text == "Hours\n\nhttps://example.org/h"


def test_the_draft_to_publish_carries_the_thread_and_options_for_x(org, alice, accounts):
    overrides = {accounts["twitter"].pk: {"options": {"reply_settings": "following", "thread": ["Part two"]}}}
    post = services.create_post(
        organization=org, author=alice, text="Part one", account_ids=[accounts["twitter"].pk], overrides=overrides
    )
    draft = services.check_saved_target(post.targets.get()).draft
    assert (draft.text, draft.thread, draft.options) == ("Part one", ("Part two",), {"reply_settings": "following"})


def test_a_facebook_link_post_is_sent_without_its_photos(org, alice, accounts, ingest):
    photo = ingest(upload(encode(two_tone((800, 800)), "JPEG")))
    post = services.create_post(
        organization=org,
        author=alice,
        text="Read",
        link="https://example.org/a",
        media_ids=[photo.pk],
        account_ids=[accounts["facebook"].pk, accounts["linkedin"].pk],
        overrides={accounts["facebook"].pk: {"options": {"format": "link"}}},
    )
    facebook = services.check_saved_target(post.targets.get(account=accounts["facebook"])).draft
    linkedin = services.check_saved_target(post.targets.get(account=accounts["linkedin"])).draft
    assert (facebook.media, facebook.options) == ((), {})
    assert len(linkedin.media) == 1
    assert linkedin.media[0].alt_text == "A chart of flu vaccination rates by month."


def test_a_linkedin_page_cannot_post_to_connections_only(org):
    page = ConnectedAccount.objects.create(
        organization=org, network="linkedin", kind="linkedin_organization", external_id="o1", display_name="Clinic page"
    )
    result = check(org, page, "Hello", overrides={page.pk: {"options": {"visibility": "CONNECTIONS"}}})
    assert messages(result) == ["LinkedIn: a page's posts are public; choose Anyone."]


def test_a_file_missing_from_storage_is_a_problem_not_a_crash(org, accounts, ingest):
    photo = ingest(upload(encode(two_tone((800, 800)), "JPEG"), "gone.jpg"))
    photo.file.storage.delete(photo.file.name)
    result = check(org, accounts["linkedin"], "Hello", media_ids=[photo.pk])
    assert "LinkedIn: gone.jpg could not be read from storage; remove it and attach it again." in messages(result)
