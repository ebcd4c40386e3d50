"""Fixtures for the content calendar: accounts of Alice's Clinic and posts placed at given times.

Accounts are plain rows (no tokens): nothing here publishes, and the calendar only reads them.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from accounts.models import ConnectedAccount
from posts.models import Post, PostTarget, TargetState

TORONTO = ZoneInfo("America/Toronto")


def add_account(organization, network: str = "twitter", name: str = "Clinic on X") -> ConnectedAccount:
    return ConnectedAccount.objects.create(
        organization=organization,
        network=network,
        kind={"twitter": "x_user", "linkedin": "linkedin_member", "facebook": "facebook_page"}[network],
        external_id=f"{network}-{name}",
        display_name=name,
    )


def place(
    account: ConnectedAccount,
    *,
    at: datetime | None,
    author,
    state: str = TargetState.SCHEDULED,
    text: str = "Flu shots are in this week at the clinic.",
    **fields,
) -> PostTarget:
    """A post with one target for ``account``, in ``state`` at ``at``, as if the composer had saved it."""
    post = Post.objects.create(organization=account.organization, author=author, text=text)
    due_at = at if state == TargetState.SCHEDULED else None
    return PostTarget.objects.create(post=post, account=account, state=state, scheduled_at=at, due_at=due_at, **fields)


@pytest.fixture
def x_account(org):
    return add_account(org)


@pytest.fixture
def linkedin_account(org):
    return add_account(org, "linkedin", "Clinic on LinkedIn")


@pytest.fixture
def charlies_account(charlies_org):
    return add_account(charlies_org, "twitter", "Charlie's X")


def store_posts(organization, *, author, accounts, count: int, first_at: datetime, every: timedelta) -> None:
    """``count`` scheduled posts, one target each, round-robin over ``accounts``, ``every`` apart (bulk_create)."""
    posts = Post.objects.bulk_create(
        [Post(organization=organization, author=author, text=f"Stored post {n}: flu shots.") for n in range(count)]
    )
    PostTarget.objects.bulk_create(
        [
            PostTarget(
                post=post,
                account=accounts[n % len(accounts)],
                state=TargetState.SCHEDULED,
                scheduled_at=first_at + n * every,
                due_at=first_at + n * every,
            )
            for n, post in enumerate(posts)
        ]
    )
