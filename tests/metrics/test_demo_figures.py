"""make run: once the demo's posts are seeded, the first collection round gives its published posts
figures, read from the sandbox networks with the demo's own accounts."""

import pytest
from django.core.management import call_command

from analytics import collection
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
