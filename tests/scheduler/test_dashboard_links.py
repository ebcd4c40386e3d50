"""The full lists the home page links to: Posts filtered by state, Accounts filtered to those to reconnect."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from accounts.models import ConnectedAccount
from posts.models import Post, PostTarget, TargetState
from tests.scheduler.test_dashboard import aim, connect

S = TargetState


def listed_posts(client, query: str) -> str:
    response = client.get(f"{reverse('posts')}?{query}")
    assert response.status_code == 200
    return response.content.decode()


def test_posts_can_be_listed_by_the_state_of_their_networks(alice_client, org):
    account = connect(org)
    failed = aim(account, state=S.FAILED, text="The failed one")
    unsure = aim(account, state=S.NEEDS_ATTENTION, text="The unsure one")
    aim(account, state=S.PUBLISHED, text="The published one")

    page = listed_posts(alice_client, "state=failed&state=needs_attention")

    assert f'id="post-{failed.post_id}"' in page and f'id="post-{unsure.post_id}"' in page
    assert "The published one" not in page
    assert "Showing the posts with a network in: Failed, Needs attention." in page
    assert f'href="{reverse("posts")}">Show every post' in page


def test_a_post_with_two_matching_networks_is_listed_once(alice_client, org):
    target = aim(connect(org), state=S.FAILED, text="Failed twice over")
    PostTarget.objects.create(post=target.post, account=connect(org, "linkedin"), state=S.FAILED)

    page = listed_posts(alice_client, "state=failed")

    assert page.count(f'id="post-{target.post_id}"') == 1


def test_the_drafts_list_includes_posts_with_no_account_chosen(alice_client, org, alice):
    aim(connect(org), state=S.SCHEDULED, text="Going out")
    unfinished = Post.objects.create(organization=org, author=alice, text="Nothing chosen yet")

    page = listed_posts(alice_client, "state=draft")

    assert f'id="post-{unfinished.pk}"' in page and "Going out" not in page


def test_an_unknown_state_is_named_and_left_out_not_an_error(alice_client, org):
    aim(connect(org), state=S.SCHEDULED, text="Going out")

    page = listed_posts(alice_client, "state=broken&state=%00")

    assert "“broken” is not a state a post can be in, so it was left out." in page
    assert "Going out" in page


def test_the_next_page_keeps_the_filter(alice_client, org):
    account = connect(org)
    for number in range(26):
        aim(account, state=S.FAILED, text=f"Failed {number}")

    page = listed_posts(alice_client, "state=failed")

    assert '<a href="?page=2&amp;state=failed">Older</a>' in page


def test_another_organizations_posts_never_match_a_filter(charlie_client, org):
    aim(connect(org), state=S.FAILED, text="Alice's failed post")

    assert "Alice&#x27;s failed post" not in listed_posts(charlie_client, "state=failed")


def test_the_accounts_page_can_show_only_those_to_reconnect(alice_client, org):
    refused = connect(org, "twitter", status=ConnectedAccount.Status.NEEDS_RECONNECT)
    ending = connect(org, "linkedin", token_expires_at=timezone.now() + timedelta(days=2))
    fine = connect(org, "facebook")

    page = alice_client.get(f"{reverse('connections')}?status=needs_reconnect").content.decode()

    assert f'id="account-{refused.pk}"' in page and f'id="account-{ending.pk}"' in page
    assert f'id="account-{fine.pk}"' not in page
    assert "Showing the accounts that need reconnecting" in page


def test_the_accounts_page_names_a_filter_it_does_not_know(alice_client, org):
    fine = connect(org, "facebook")

    page = alice_client.get(f"{reverse('connections')}?status=whatever").content.decode()

    assert "“whatever” is not a filter of this page; showing every account." in page
    assert f'id="account-{fine.pk}"' in page
