"""The comment thread on a post's pages, its comment box (htmx and plain), and the mention autocomplete."""

from __future__ import annotations

import pytest
from django.test import Client

from accounts.models import ConnectedAccount, Notification, Role
from posts import comments
from posts.models import Post, PostComment, PostTarget
from tests.fixtures import signed_in_client

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def post(org, alice) -> Post:
    return Post.objects.create(organization=org, author=alice, text="Flu shots are in this week.")


def url(post: Post) -> str:
    return f"/posts/{post.pk}/comments/"


def client_for(user, org) -> Client:
    return signed_in_client(Client(), user, org)


def test_the_comments_page_shows_the_thread_with_mentions_by_name(alice_client, post, alice, bob):
    comments.add_comment(post, by=alice, body="@bob@example.org can you check <b>the dates</b>?")
    page = alice_client.get(url(post)).content.decode()
    assert 'class="mention" title="bob@example.org">@Bob Brown</strong>' in page
    assert "can you check &lt;b&gt;the dates&lt;/b&gt;?" in page  # text, never markup
    assert "js/mentions.js" in page
    assert f'data-mentions="/posts/{post.pk}/comments/members/"' in page


def test_a_viewer_reads_the_thread_but_gets_no_comment_box(org, post, alice, member):
    comments.add_comment(post, by=alice, body="Ready to go.")
    viewer = client_for(member(Role.VIEWER), org)
    page = viewer.get(url(post)).content.decode()
    assert "Ready to go." in page
    assert 'name="body"' not in page
    assert "Your role lets you read the comments, not add to them." in page
    assert viewer.post(url(post), {"body": "Me too"}).status_code == 403
    assert PostComment.objects.count() == 1


def test_an_outsider_gets_404(charlie_client, post):
    assert charlie_client.get(url(post)).status_code == 404
    assert charlie_client.post(url(post), {"body": "Hi"}).status_code == 404
    assert charlie_client.get(f"{url(post)}members/?q=b").status_code == 404
    assert PostComment.objects.count() == 0


def test_htmx_posts_a_comment_and_gets_the_thread_back(alice_client, post, bob):
    response = alice_client.post(url(post), {"body": "@bob@example.org please look", "next": "/"}, **HTMX)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="comments"' in page
    assert "@Bob Brown</strong> please look" in page
    assert "Comment added." in page
    assert "<html" not in page
    assert Notification.objects.filter(user=bob, kind=Notification.Kind.MENTIONED).count() == 1


def test_without_javascript_the_box_posts_and_goes_back_to_the_page_it_was_on(alice_client, org, post, alice):
    account = ConnectedAccount.objects.create(
        organization=org, network="twitter", kind="x_user", external_id="x-1", display_name="Clinic on X"
    )
    target = PostTarget.objects.create(post=post, account=account)
    response = alice_client.post(url(post), {"body": "Looks right.", "next": f"/targets/{target.pk}/"})
    comment = PostComment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/targets/{target.pk}/#comment-{comment.pk}"


def test_a_next_address_elsewhere_is_ignored(alice_client, post):
    response = alice_client.post(url(post), {"body": "Fine.", "next": "https://evil.example/"})
    assert response["Location"] == f"{url(post)}#comment-{PostComment.objects.get().pk}"


def test_an_empty_comment_is_refused_in_words_and_what_was_typed_stays(alice_client, post):
    response = alice_client.post(url(post), {"body": "   "}, **HTMX)
    assert response.status_code == 200  # htmx swaps only successful answers
    assert "Write the comment first." in response.content.decode()
    too_long = "x" * (comments.MAX_LENGTH + 1)
    response = alice_client.post(url(post), {"body": too_long})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Keep a comment under 2,000 characters." in page and too_long in page
    assert PostComment.objects.count() == 0


def test_the_post_page_and_the_edit_page_hold_the_thread(alice_client, org, post, alice):
    comments.add_comment(post, by=alice, body="Check the hours.")
    account = ConnectedAccount.objects.create(
        organization=org, network="twitter", kind="x_user", external_id="x-1", display_name="Clinic on X"
    )
    target = PostTarget.objects.create(post=post, account=account)
    for address in (f"/targets/{target.pk}/", f"/posts/{post.pk}/edit/"):
        page = alice_client.get(address).content.decode()
        assert "Check the hours." in page, address
        assert f'action="{url(post)}"' in page, address
        assert "js/mentions.js" in page, address


def test_the_autocomplete_lists_matching_members_of_the_posts_organization(alice_client, post, member, charlie):
    brenda = member(Role.VIEWER)
    brenda.display_name = "Brenda Bishop"
    brenda.save()
    answer = alice_client.get(f"{url(post)}members/", {"q": "b"}).json()
    assert answer == {
        "members": [
            {"name": "Bob Brown", "email": "bob@example.org", "mention": "@bob@example.org"},
            {"name": "Brenda Bishop", "email": brenda.email, "mention": f"@{brenda.email}"},
        ]
    }
    assert alice_client.get(f"{url(post)}members/", {"q": "charlie"}).json() == {"members": []}
