"""Each adapter reads its published posts' figures and its follower count over HTTP from the
simulator, batched as the network allows, in our names; a figure the network does not give for
that account type is absent, not 0; rate limits and dead tokens raise the adapter's errors."""

from datetime import UTC, datetime, timedelta

import pytest

from platforms.base import AuthExpired, Credentials, RateLimited
from platforms.facebook import Facebook
from platforms.instagram import Instagram
from platforms.linkedin import LinkedIn
from platforms.twitter import Twitter
from platforms.youtube import YouTube
from simulator import metrics as sim_metrics
from simulator.networks import facebook as facebook_sim
from simulator.networks import google as google_sim
from simulator.networks import linkedin as linkedin_sim
from simulator.networks import twitter as twitter_sim


def published(simulator, network: str, account_id: str, count: int, *, hours: float = 2) -> list[str]:
    return sim_metrics.seed_published(
        simulator, {"network": network, "account_id": account_id, "count": count, "age_s": hours * 3600}
    )


def requests_to(simulator, network: str, endpoint: str) -> int:
    return len(simulator.requests_to(network, endpoint))


# --- X ----------------------------------------------------------------------------------------


@pytest.fixture
def x_account(simulator):
    user = twitter_sim.new_account(simulator)
    return Credentials(
        external_id=user["id"], access_token=user["access_token"], kind="x_user", handle=user["username"]
    )


def test_x_reads_public_metrics_100_posts_a_request(simulator, sim_config, x_account):
    ids = published(simulator, "twitter", x_account.external_id, 150)

    figures = Twitter(sim_config("twitter")).read_metrics(x_account, ids)

    assert set(figures) == set(ids)
    assert requests_to(simulator, "twitter", "GET /2/tweets") == 2
    first = figures[ids[0]]
    assert set(first) == {"views", "likes", "comments", "shares", "quotes", "bookmarks"}
    assert first["views"] > first["likes"] > 0


def test_x_figures_grow_with_the_posts_age(simulator, sim_config, x_account):
    young = published(simulator, "twitter", x_account.external_id, 1, hours=1)[0]
    adapter = Twitter(sim_config("twitter"))
    at_one_hour = adapter.read_metrics(x_account, [young])[young]["views"]
    post = simulator.posts_for("twitter", x_account.external_id)[-1]
    post.received_at -= timedelta(days=6)

    assert adapter.read_metrics(x_account, [young])[young]["views"] > at_one_hour


def test_x_leaves_out_a_deleted_post(simulator, sim_config, x_account):
    ids = published(simulator, "twitter", x_account.external_id, 2)

    figures = Twitter(sim_config("twitter")).read_metrics(x_account, [*ids, "1999999999999999999"])

    assert set(figures) == set(ids)


def test_x_followers_come_from_the_users_public_metrics(simulator, sim_config, x_account):
    assert Twitter(sim_config("twitter")).read_followers(x_account) == sim_metrics.followers(x_account.external_id)


def test_x_rate_limit_raises_rate_limited_with_the_reset(simulator, sim_config, x_account):
    ids = published(simulator, "twitter", x_account.external_id, 1)
    simulator.fail("twitter", "GET /2/tweets", status=429, reset_in=600)

    with pytest.raises(RateLimited) as raised:
        Twitter(sim_config("twitter")).read_metrics(x_account, ids)

    assert raised.value.retry_at > datetime.now(UTC) + timedelta(minutes=9)


def test_x_expired_token_raises_auth_expired(simulator, sim_config, x_account):
    ids = published(simulator, "twitter", x_account.external_id, 1)
    simulator.tokens.expire_access_tokens("twitter", x_account.external_id)

    with pytest.raises(AuthExpired):
        Twitter(sim_config("twitter")).read_metrics(x_account, ids)


# --- Facebook and Instagram --------------------------------------------------------------------


@pytest.fixture
def person(simulator):
    return facebook_sim.new_account(simulator, page_name="Northside Clinic", ig_username="northside.clinic")


@pytest.fixture
def page(person):
    return Credentials(external_id=person["page_id"], access_token=person["page_token"], kind="facebook_page")


@pytest.fixture
def instagram(person):
    return Credentials(
        external_id=person["ig_id"],
        access_token=person["page_token"],
        kind="instagram_business",
        extra={"page_id": person["page_id"]},
    )


def test_facebook_reads_views_reactions_comments_and_shares_50_posts_a_request(simulator, sim_config, page):
    ids = published(simulator, "facebook", page.external_id, 60)

    figures = Facebook(sim_config("facebook")).read_metrics(page, ids)

    assert set(figures) == set(ids)
    assert requests_to(simulator, "facebook", "GET /{version}/") == 2
    asked = simulator.requests_to("facebook", "GET /{version}/")[0]["query"]["fields"][0]
    assert "post_impressions" not in asked  # retired in 2025: views replace impressions
    assert {"views", "reach", "clicks", "likes", "comments", "shares"} <= set(figures[ids[0]])


def test_facebook_reads_the_rest_when_one_post_is_gone(simulator, sim_config, page):
    ids = published(simulator, "facebook", page.external_id, 2)

    figures = Facebook(sim_config("facebook")).read_metrics(page, [ids[0], f"{page.external_id}_404", ids[1]])

    assert set(figures) == set(ids)


def test_facebook_followers_of_the_page(simulator, sim_config, page):
    assert Facebook(sim_config("facebook")).read_followers(page) == sim_metrics.followers(page.external_id)


def test_facebook_throttling_raises_rate_limited(simulator, sim_config, page):
    ids = published(simulator, "facebook", page.external_id, 1)
    simulator.fail("facebook", "GET /{version}/", status=429, reset_in=1800)

    with pytest.raises(RateLimited):
        Facebook(sim_config("facebook")).read_metrics(page, ids)


def test_instagram_reads_media_insights_with_views_not_impressions(simulator, sim_config, instagram):
    ids = published(simulator, "instagram", instagram.external_id, 3)

    figures = Instagram(sim_config("instagram")).read_metrics(instagram, ids)

    assert set(figures[ids[0]]) == {"views", "reach", "likes", "comments", "shares", "saves"}
    assert "impressions" not in simulator.requests_to("facebook", "GET /{version}/")[0]["query"]["fields"][0]
    assert Instagram(sim_config("instagram")).read_followers(instagram) == sim_metrics.followers(instagram.external_id)


# --- LinkedIn ----------------------------------------------------------------------------------


@pytest.fixture
def linkedin_member(simulator):
    return linkedin_sim.new_account(simulator, name="Dr. Ada Lovelace", organizations=("Lovelace Clinic",))


def test_linkedin_member_posts_have_likes_and_comments_but_no_views(simulator, sim_config, linkedin_member):
    member = Credentials(
        external_id=linkedin_member["urn"], access_token=linkedin_member["access_token"], kind="linkedin_member"
    )
    ids = published(simulator, "linkedin", member.external_id, 3)
    adapter = LinkedIn(sim_config("linkedin"))

    figures = adapter.read_metrics(member, ids)

    assert set(figures[ids[0]]) == {"likes", "comments"}  # absent, not 0: LinkedIn gives us no more
    assert adapter.read_followers(member) is None
    assert requests_to(simulator, "linkedin", "GET /rest/organizationalEntityShareStatistics") == 0


def test_linkedin_page_posts_add_share_statistics_in_one_batch(simulator, sim_config, linkedin_member):
    organization = linkedin_member["organizations"][0]["urn"]
    page = Credentials(
        external_id=organization, access_token=linkedin_member["access_token"], kind="linkedin_organization"
    )
    ids = published(simulator, "linkedin", organization, 120)
    adapter = LinkedIn(sim_config("linkedin"))

    figures = adapter.read_metrics(page, ids)

    assert set(figures[ids[-1]]) == {"views", "reach", "clicks", "likes", "comments", "shares"}
    assert requests_to(simulator, "linkedin", "GET /rest/socialMetadata") == 2
    assert requests_to(simulator, "linkedin", "GET /rest/organizationalEntityShareStatistics") == 2
    assert adapter.read_followers(page) == sim_metrics.followers(organization)


def test_linkedin_daily_quota_raises_rate_limited(simulator, sim_config, linkedin_member):
    member = Credentials(
        external_id=linkedin_member["urn"], access_token=linkedin_member["access_token"], kind="linkedin_member"
    )
    ids = published(simulator, "linkedin", member.external_id, 1)
    simulator.fail("linkedin", "GET /rest/socialMetadata", status=429)

    with pytest.raises(RateLimited):
        LinkedIn(sim_config("linkedin")).read_metrics(member, ids)


# --- YouTube -----------------------------------------------------------------------------------


def channel(simulator, **profile) -> Credentials:
    made = google_sim.new_account(simulator, **profile)
    return Credentials(
        external_id=made["id"],
        access_token=made["access_token"],
        refresh_token=made["refresh_token"],
        kind="youtube_channel",
        extra={"uploads_playlist_id": made["uploads_playlist_id"]},
    )


def test_youtube_reads_statistics_50_videos_a_request(simulator, sim_config):
    account = channel(simulator)
    ids = published(simulator, "youtube", account.external_id, 70)

    figures = YouTube(sim_config("youtube")).read_metrics(account, ids)

    assert set(figures) == set(ids)
    assert requests_to(simulator, "google", "GET /youtube/v3/videos") == 2
    assert set(figures[ids[0]]) == {"views", "likes", "comments"}


def test_youtube_hidden_likes_and_hidden_subscribers_are_absent(simulator, sim_config):
    account = channel(simulator, hide_likes=True, hidden_subscribers=True)
    ids = published(simulator, "youtube", account.external_id, 1)
    adapter = YouTube(sim_config("youtube"))

    assert set(adapter.read_metrics(account, ids)[ids[0]]) == {"views", "comments"}
    assert adapter.read_followers(account) is None


def test_youtube_subscribers_and_quota_exhaustion(simulator, sim_config):
    account = channel(simulator)
    ids = published(simulator, "youtube", account.external_id, 1)
    adapter = YouTube(sim_config("youtube"))
    assert adapter.read_followers(account) == sim_metrics.followers(account.external_id)
    simulator.fail("google", "GET /youtube/v3/videos", status=403, kind="quota")

    with pytest.raises(RateLimited):
        adapter.read_metrics(account, ids)
