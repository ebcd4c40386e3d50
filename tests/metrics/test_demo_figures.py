"""make run: once the demo's posts are seeded, the first collection round gives its published posts
figures, read from the sandbox networks with the demo's own accounts."""

import pytest
from django.core.management import call_command

from analytics import best_times, collection
from posts.models import PostTarget, TargetState


@pytest.mark.django_db
def test_the_demo_s_published_posts_get_figures_in_the_first_round(x_account, linkedin_account, simulator):
    call_command("seed_demo_content", org=x_account.organization.slug)
    published = PostTarget.objects.filter(post__organization=x_account.organization, state=TargetState.PUBLISHED)
    assert published.exists() and not published.filter(metrics_due_at=None).exists()

    collection.collect()

    assert not published.filter(metrics_collected_at=None).exists()
    on_x = published.filter(account=x_account).first()
    assert on_x.metrics["views"] > 0 and on_x.metric_snapshots.exists()


@pytest.mark.django_db
def test_after_the_first_round_the_demo_has_best_times_to_suggest_and_apply(
    x_account, linkedin_account, simulator, alice
):
    organization = x_account.organization
    call_command("seed_demo_content", org=organization.slug)

    collection.collect()

    suggested = best_times.best_times(organization)
    assert suggested.measured_posts >= best_times.MIN_POSTS
    assert suggested.enough and len(suggested.slots) == best_times.SUGGESTED_SLOTS
    schedule = best_times.use_as_posting_schedule(organization, by=alice)  # the owner
    assert sorted(schedule.slots.values_list("weekday", "local_time")) == suggested.slots
