"""GET /api/v1/posts/{id}/: each target carries its latest figures and when they were read."""

from __future__ import annotations

from datetime import UTC, datetime

from posts import services
from posts.models import PostTarget, TargetState

READ_AT = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


def published_post(org, alice, *accounts):
    post = services.create_post(
        organization=org, author=alice, text="Clinic news", account_ids=[a.pk for a in accounts]
    )
    post.targets.update(state=TargetState.PUBLISHED, published_at=READ_AT, external_id="1")
    return post


def test_a_target_s_latest_figures_come_with_when_they_were_read(alice_api, org, alice, x_account, linkedin_account):
    post = published_post(org, alice, x_account, linkedin_account)
    PostTarget.objects.filter(post=post, account=x_account).update(
        metrics={"views": 812, "likes": 31}, metrics_collected_at=READ_AT
    )

    targets = {t["network"]: t for t in alice_api.get(f"/api/v1/posts/{post.pk}/").json()["targets"]}

    assert targets["twitter"]["metrics"] == {"views": 812, "likes": 31, "collected_at": "2026-12-03T09:00:00Z"}
    assert targets["linkedin"]["metrics"] is None  # not read yet


def test_another_organization_never_sees_the_figures(charlie_api, org, alice, x_account):
    post = published_post(org, alice, x_account)
    PostTarget.objects.filter(post=post).update(metrics={"views": 5}, metrics_collected_at=READ_AT)

    assert charlie_api.get(f"/api/v1/posts/{post.pk}/").status_code == 404
    assert all("metrics" not in str(p) for p in charlie_api.get("/api/v1/posts/").json()["results"])
