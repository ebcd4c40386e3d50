"""Published posts with figures, laid down with the ORM as the collector would leave them."""

from __future__ import annotations

from datetime import datetime

import pytest

from accounts.models import ConnectedAccount, Organization
from analytics.models import MetricSnapshot
from posts.models import Post, PostTarget, TargetState


def connect(organization: Organization, network: str, name: str) -> ConnectedAccount:
    kinds = {
        "twitter": "x_user",
        "facebook": "facebook_page",
        "instagram": "instagram_business",
        "linkedin": "linkedin_member",
        "youtube": "youtube_channel",
    }
    return ConnectedAccount.objects.create(
        organization=organization, network=network, kind=kinds[network], external_id=name, display_name=name
    )


def publish(
    account: ConnectedAccount, at: datetime, values: dict | None, *, campaign=None, text="A post"
) -> PostTarget:
    """A post published on ``account`` at ``at``, whose latest figures are ``values`` (None: not read yet)."""
    author = account.organization.memberships.first().user
    post = Post.objects.create(organization=account.organization, author=author, text=text, campaign=campaign)
    return publish_again(post, account, at, values)


def publish_again(post: Post, account: ConnectedAccount, at: datetime, values: dict | None) -> PostTarget:
    """``post`` published on ``account`` too, with figures ``values`` (None: not read yet)."""
    target = PostTarget(
        post=post,
        account=account,
        state=TargetState.PUBLISHED,
        published_at=at,
        external_id=f"ext-{post.pk}-{account.pk}",
        external_url=f"https://example.com/{account.network}/{post.pk}",
    )
    if values is not None:
        target.set_figures(values, network=account.network, collected_at=at)
    target.save()
    if values is not None:
        MetricSnapshot.objects.create(target=target, stage=MetricSnapshot.Stage.DAY, values=values, collected_at=at)
    return target


@pytest.fixture
def toronto_org(org):
    org.time_zone = "America/Toronto"
    org.save(update_fields=["time_zone"])
    return org


@pytest.fixture
def token_for():
    """``token_for(user, org)``: a new API key for ``user`` acting in ``org``."""
    from accounts.api_auth import create_api_token

    def make(user, organization, name: str = "Analytics script") -> str:
        return create_api_token(user=user, organization=organization, name=name)[1]

    return make
