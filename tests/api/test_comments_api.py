"""The comments API: GET/POST /api/v1/posts/{id}/comments/, as the web's comment box behaves."""

from __future__ import annotations

import pytest

from accounts.models import Notification, Role
from audit.models import Action, AuditEvent
from posts import comments
from posts.models import Post, PostComment


@pytest.fixture
def post(org, alice) -> Post:
    return Post.objects.create(organization=org, author=alice, text="Flu shots are in this week.")


@pytest.fixture
def charlies_post(charlies_org, charlie) -> Post:
    return Post.objects.create(organization=charlies_org, author=charlie, text="Charlie's news.")


def url(post: Post) -> str:
    return f"/api/v1/posts/{post.pk}/comments/"


def test_a_member_comments_and_mentions_a_colleague(bob_api, post, bob, alice):
    response = bob_api.post(url(post), {"body": "@alice@example.org the date is wrong."}, format="json")
    assert response.status_code == 201, response.json()
    comment = PostComment.objects.get()
    assert response.json() == {
        "id": comment.pk,
        "body": "@alice@example.org the date is wrong.",
        "author": {"id": bob.pk, "name": "Bob Brown", "email": "bob@example.org"},
        "mentions": [{"id": alice.pk, "name": "Alice Adams", "email": "alice@example.org"}],
        "created_at": response.json()["created_at"],
    }
    assert Notification.objects.filter(user=alice, kind=Notification.Kind.MENTIONED).count() == 1
    event = AuditEvent.objects.get(action=Action.POST_COMMENTED)
    assert (event.via, event.actor_id) == ("api", bob.pk)


def test_the_list_reads_oldest_first_a_page_at_a_time(alice_api, post, alice, bob):
    for words in ("First.", "Second.", "Third."):
        comments.add_comment(post, by=alice, body=words)
    answer = alice_api.get(url(post), {"page_size": 2}).json()
    assert answer["count"] == 3
    assert [c["body"] for c in answer["results"]] == ["First.", "Second."]
    assert answer["next"].endswith("page=2&page_size=2")
    assert [c["body"] for c in alice_api.get(url(post), {"page": 2, "page_size": 2}).json()["results"]] == ["Third."]


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        ({}, "body", "This field is required."),
        ({"body": ""}, "body", "This field may not be blank."),
        ({"body": "   "}, "body", "This field may not be blank."),
        ({"body": 12}, "body", "Give text, in quotes."),
        ({"body": "Hi\u0000"}, "body", "cannot be saved"),
        ({"body": "x" * (comments.MAX_LENGTH + 1)}, "body", "2000"),
        ({"body": "Hi", "text": "Hi"}, "text", "This field is not accepted here."),
    ],
)
def test_bad_input_is_refused_in_plain_words(alice_api, post, body, field, words):
    response = alice_api.post(url(post), body, format="json")
    assert response.status_code == 400
    assert words in " ".join(response.json()[field])
    assert PostComment.objects.count() == 0


def test_an_unknown_list_parameter_is_refused(alice_api, post):
    response = alice_api.get(url(post), {"order": "newest"})
    assert response.status_code == 400
    assert response.json() == {"order": ["This is not a parameter of the comments list."]}


def test_a_viewer_reads_but_may_not_comment(api_as, org, post, alice, member):
    comments.add_comment(post, by=alice, body="Ready.")
    viewer = api_as(member(Role.VIEWER), org)
    assert viewer.get(url(post)).json()["count"] == 1
    assert viewer.post(url(post), {"body": "Me too."}, format="json").status_code == 403
    assert PostComment.objects.count() == 1


def test_another_organizations_post_is_not_found(alice_api, charlie_api, charlies_post, post):
    for response in (
        alice_api.get(url(charlies_post)),
        alice_api.post(url(charlies_post), {"body": "Hi"}, format="json"),
        charlie_api.get(url(post)),
    ):
        assert response.status_code == 404
        assert response.json() == {"detail": "Not found: there is nothing with this id in your organization."}
    assert PostComment.objects.count() == 0
