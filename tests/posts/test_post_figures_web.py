"""The posts list and a post's pages show each network's latest figures and when they were read."""

import re
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from accounts.models import ConnectedAccount
from posts import services
from posts.models import PostTarget, TargetState

READ_AT = datetime(2026, 12, 3, 9, 30, tzinfo=UTC)


@pytest.fixture
def published_post(org, alice):
    accounts = [
        ConnectedAccount.objects.create(
            organization=org, network=network, kind=kind, external_id=f"{network}-1", display_name=f"Clinic {network}"
        )
        for network, kind in [("twitter", "x_user"), ("linkedin", "linkedin_member")]
    ]
    post = services.create_post(organization=org, author=alice, text="Flu shots", account_ids=[a.pk for a in accounts])
    post.targets.update(state=TargetState.PUBLISHED, published_at=READ_AT, external_id="1")
    PostTarget.objects.filter(post=post, account__network="twitter").update(
        metrics={"views": 812, "likes": 31, "shares": 0}, metrics_collected_at=READ_AT
    )
    PostTarget.objects.filter(post=post, account__network="linkedin").update(
        metrics={"likes": 4, "comments": 2}, metrics_collected_at=READ_AT
    )
    return post


def figures_of(html: str) -> list[str]:
    return [re.sub(r"\s+", " ", m).strip() for m in re.findall(r'<small class="figures">(.*?)</small>', html, re.S)]


def test_the_posts_list_shows_each_network_s_figures_and_when_they_were_read(alice_client, published_post):
    html = alice_client.get(reverse("posts")).content.decode()

    shown = [re.sub(r"<[^>]+>", "", f) for f in figures_of(html)]
    assert any("Views: 812" in f and "Likes: 31" in f and "Shares: 0" in f and "(read 3 Dec 2026" in f for f in shown)
    # A member's LinkedIn post has no views: none are shown, rather than a 0.
    assert any("Likes: 4" in f and "Comments: 2" in f and "Views" not in f for f in shown)


def test_the_target_page_and_the_comments_page_show_the_figures(alice_client, published_post):
    target = published_post.targets.get(account__network="twitter")

    for url in (reverse("target-detail", args=[target.pk]), reverse("post-comments", args=[published_post.pk])):
        assert "Views: 812" in re.sub(r"<[^>]+>", "", alice_client.get(url).content.decode())


def test_a_target_not_read_yet_shows_no_figures(alice_client, published_post):
    PostTarget.objects.filter(post=published_post).update(metrics={}, metrics_collected_at=None)

    assert figures_of(alice_client.get(reverse("posts")).content.decode()) == []
