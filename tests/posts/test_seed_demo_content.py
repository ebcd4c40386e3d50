"""make run seeds the demo organization's hashtag set and a few weeks of posts in every state, and
running it again changes nothing."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from accounts.models import ConnectedAccount, Role
from posts import services
from posts.demo import DEMO_POSTS
from posts.models import HashtagSet, MediaAsset, Post, PostTarget, TargetState
from tests.factories import MembershipFactory
from tests.image_reading import read_now

S = TargetState
KINDS = (("twitter", "x_user"), ("linkedin", "linkedin_member"), ("instagram", "instagram_business"))


@pytest.fixture
def clinic_accounts(org):
    return [
        ConnectedAccount.objects.create(
            organization=org, network=network, kind=kind, external_id=f"{network}-1", display_name=f"Clinic {network}"
        )
        for network, kind in KINDS
    ]


def seed(org) -> str:
    out = StringIO()
    call_command("seed_demo_content", org=org.slug, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_seeding_twice_leaves_one_demo_hashtag_set(org):
    call_command("seed_demo_content", org=org.slug)
    call_command("seed_demo_content", org=org.slug)

    (hashtag_set,) = HashtagSet.objects.filter(organization=org)
    assert {"#MedTwitter", "#CDNHealth", "#ONHealth", "#CDNPoli"} <= {f"#{t.lstrip('#')}" for t in hashtag_set.hashtags}


@pytest.mark.django_db
def test_seeding_an_unknown_organization_says_to_run_seed_demo_first():
    with pytest.raises(CommandError, match="run seed_demo first"):
        call_command("seed_demo_content", org="nowhere")


@pytest.mark.django_db
def test_without_connected_accounts_it_seeds_no_posts_and_says_why(org):
    out = seed(org)

    assert not Post.objects.exists()
    assert "No connected accounts yet" in out


@pytest.mark.django_db
def test_it_seeds_posts_in_every_state_but_publishing(org, clinic_accounts):
    out = seed(org)

    states = set(PostTarget.objects.values_list("state", flat=True))
    assert states == set(S) - {S.PUBLISHING}
    assert Post.objects.filter(organization=org).count() == len(DEMO_POSTS)
    assert f"{len(DEMO_POSTS)} new" in out
    # Only networks that take a post of text alone: Instagram needs a picture.
    assert set(PostTarget.objects.values_list("account__network", flat=True)) == {"twitter", "linkedin"}


@pytest.mark.django_db
def test_the_posts_fill_a_month_of_the_calendar_around_today(org, clinic_accounts):
    seed(org)

    now = timezone.now()
    times = sorted(PostTarget.objects.values_list("scheduled_at", flat=True))
    assert times[0] < now - timedelta(days=14) and times[-1] > now + timedelta(days=14)
    assert not PostTarget.objects.filter(state=S.SCHEDULED, scheduled_at__lte=now).exists()
    assert not PostTarget.objects.filter(state__in=[S.PUBLISHED, S.FAILED], scheduled_at__gte=now).exists()


@pytest.mark.django_db
def test_failures_say_why_and_published_posts_link_to_the_simulators_timeline(org, clinic_accounts, settings):
    settings.PLATFORMS = {**settings.PLATFORMS, "twitter": {**settings.PLATFORMS["twitter"]}}
    settings.PLATFORMS["twitter"]["api_url"] = "http://127.0.0.1:8100/twitter"
    settings.PLATFORMS["linkedin"] = {**settings.PLATFORMS["linkedin"], "api_url": "https://api.linkedin.com"}

    seed(org)

    for target in PostTarget.objects.filter(state__in=[S.FAILED, S.NEEDS_ATTENTION]):
        assert target.failure_reason and target.error_message
    published = PostTarget.objects.filter(state=S.PUBLISHED).select_related("account")
    assert published and all(target.published_at for target in published)
    for target in published:
        expected = "http://127.0.0.1:8100/_sim/timeline/twitter" if target.account.network == "twitter" else ""
        assert target.external_url == expected


@pytest.mark.django_db
def test_the_contributors_posts_wait_for_review(org, clinic_accounts):
    contributor = MembershipFactory(organization=org, role=Role.CONTRIBUTOR).user

    seed(org)

    in_review = Post.objects.filter(targets__state=S.IN_REVIEW).distinct()
    assert in_review and {post.author for post in in_review} == {contributor}


@pytest.mark.django_db
def test_seeding_posts_twice_creates_nothing_new(org, clinic_accounts):
    seed(org)
    rows = (Post.objects.count(), PostTarget.objects.count())

    out = seed(org)

    assert (Post.objects.count(), PostTarget.objects.count()) == rows
    assert f"0 new, {len(DEMO_POSTS)} already there" in out


@pytest.mark.django_db
def test_the_demo_library_has_a_wristband_photo_the_guard_flags_with_the_name_read_from_it(org):
    seed(org)
    seed(org)

    wristband = MediaAsset.objects.get(organization=org)
    assert wristband.original_name == "demo-wristband.jpg"
    read_now(wristband.pk)  # what the worker make run starts does with it
    findings = services.check_privacy(organization=org, media_ids=[wristband.pk])
    assert ("name", "LAVOIE, Julie M") in {(f.category, f.excerpt) for f in findings}
