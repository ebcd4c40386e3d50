"""make run seeds the demo organization's hashtag set, and running it again changes nothing."""

import pytest
from django.core.management import CommandError, call_command

from posts.models import HashtagSet


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
