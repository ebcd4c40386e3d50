"""Internal comments on a post: who may write them, what a mention is, who hears of it, the trail."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from accounts.models import ConnectedAccount, Notification, Role
from audit.models import Action, AuditEvent
from posts import comments, review, services
from posts.models import Post, PostComment
from tests.factories import MembershipFactory, UserFactory

ALL_ROLES = [Role.OWNER, Role.ADMIN, Role.EDITOR, Role.CONTRIBUTOR, Role.VIEWER]


@pytest.fixture
def post(org, alice) -> Post:
    return Post.objects.create(organization=org, author=alice, text="Flu shots are in this week.")


def mentions_for(user) -> list[Notification]:
    return list(Notification.objects.filter(user=user, kind=Notification.Kind.MENTIONED))


def test_a_comment_is_kept_with_its_author_and_words(post, alice):
    comment = comments.add_comment(post, by=alice, body="  Can we add the walk-in hours?\r\nThanks.  ")
    comment.refresh_from_db()
    assert (comment.post, comment.author) == (post, alice)
    assert comment.body == "Can we add the walk-in hours?\nThanks."


def test_each_mentioned_member_is_notified_once_with_a_link_to_the_comment(post, alice, bob, member):
    dana = member(Role.VIEWER)
    body = f"@bob@example.org and @{dana.email}: please check. Again, @bob@example.org?"
    comment = comments.add_comment(post, by=alice, body=body)
    assert set(comment.mentioned.all()) == {bob, dana}
    [to_bob] = mentions_for(bob)
    assert len(mentions_for(dana)) == 1
    assert to_bob.title == "Alice Adams mentioned you in a comment"
    assert "please check" in to_bob.body and "Flu shots are in" in to_bob.body
    assert to_bob.link == f"/posts/{post.pk}/comments/?org={post.organization.slug}#comment-{comment.pk}"
    assert to_bob.organization == post.organization


def test_mentioning_oneself_notifies_nobody(post, alice):
    comments.add_comment(post, by=alice, body="Note to self, @alice@example.org: check the date.")
    assert Notification.objects.filter(kind=Notification.Kind.MENTIONED).count() == 0


def test_a_mention_ignores_case_and_the_punctuation_after_it(post, alice, bob):
    comment = comments.add_comment(post, by=alice, body="Thanks, @Bob@Example.ORG.")
    assert list(comment.mentioned.all()) == [bob]
    assert len(mentions_for(bob)) == 1


def test_an_address_without_the_at_sign_before_it_is_no_mention(post, alice, bob):
    comment = comments.add_comment(post, by=alice, body="Write to bob@example.org or x@bob@example.org.")
    assert list(comment.mentioned.all()) == []
    assert mentions_for(bob) == []


def test_outsiders_are_never_mentioned_even_with_a_members_name(post, alice, bob, charlie, charlies_org):
    # Someone in another organization called Bob Brown too: the address decides, and theirs is no member's here.
    other_bob = UserFactory(email="bob.brown@elsewhere.example", display_name="Bob Brown")
    MembershipFactory(organization=charlies_org, user=other_bob)
    body = "@bob@example.org @bob.brown@elsewhere.example @charlie@example.org @nobody@example.org"
    comment = comments.add_comment(post, by=alice, body=body)
    assert list(comment.mentioned.all()) == [bob]
    assert len(mentions_for(bob)) == 1
    assert mentions_for(other_bob) == mentions_for(charlie) == []


def test_an_inactive_member_is_not_mentioned(post, alice, bob):
    bob.is_active = False
    bob.save()
    comment = comments.add_comment(post, by=alice, body="@bob@example.org?")
    assert list(comment.mentioned.all()) == []
    assert mentions_for(bob) == []


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("", "Write the comment first."),
        ("   \n ", "Write the comment first."),
        (None, "Write the comment first."),
        ("x" * (comments.MAX_LENGTH + 1), "Keep a comment under 2,000 characters."),
        ("Dosage\x00", "cannot be saved"),
        ("Half an emoji \ud83d", "cannot be saved"),
    ],
)
def test_a_comment_needs_words_that_can_be_kept(post, alice, body, words):
    with pytest.raises(ValidationError) as raised:
        comments.add_comment(post, by=alice, body=body)
    assert words in " ".join(raised.value.message_dict["body"])
    assert PostComment.objects.count() == 0
    assert AuditEvent.objects.filter(action=Action.POST_COMMENTED).count() == 0


def test_the_longest_comment_is_kept(post, alice):
    assert len(comments.add_comment(post, by=alice, body="x" * comments.MAX_LENGTH).body) == comments.MAX_LENGTH


@pytest.mark.parametrize("role", ALL_ROLES)
def test_every_role_but_viewer_may_comment(post, member, role):
    person = member(role)
    if role == Role.VIEWER:
        with pytest.raises(PermissionDenied):
            comments.add_comment(post, by=person, body="Looks good.")
        assert PostComment.objects.count() == 0
    else:
        assert comments.add_comment(post, by=person, body="Looks good.").author == person


def test_an_outsider_cannot_comment(post, charlie, charlies_org):
    with pytest.raises(Http404):
        comments.add_comment(post, by=charlie, body="Hello")
    assert PostComment.objects.count() == 0


def test_each_comment_is_in_the_audit_trail_without_its_words(post, alice, bob):
    comment = comments.add_comment(post, by=alice, body="@bob@example.org check the second line")
    event = AuditEvent.objects.get(action=Action.POST_COMMENTED)
    assert (event.post_id, event.actor_id, event.organization_id) == (post.pk, alice.pk, post.organization_id)
    assert event.subject == "Flu shots are in this week."
    assert event.details == {"comment_id": comment.pk, "mentioned": "Bob Brown"}
    assert "second line" not in str(event.details)


def test_the_thread_holds_comments_and_a_reviewers_words_in_order(org, alice, member):
    contributor = member(Role.CONTRIBUTOR)
    account = ConnectedAccount.objects.create(
        organization=org, network="linkedin", kind="linkedin_member", external_id="li-1", display_name="Clinic"
    )
    post = services.create_post(
        organization=org, author=contributor, text="Flu shots.", account_ids=[account.pk], schedule="now"
    )
    comments.add_comment(post, by=contributor, body="Ready for review.")
    review.request_changes(post, by=alice, comment="Add the clinic's hours.")
    comments.add_comment(post, by=contributor, body="Done, @alice@example.org.")
    thread = comments.thread_of(post)
    assert [(entry.author, "".join(part.text for part in entry.parts)) for entry in thread] == [
        (str(contributor), "Ready for review."),
        ("Alice Adams", "Add the clinic's hours."),
        (str(contributor), "Done, @alice@example.org."),
    ]
    assert thread[1].review == "Changes requested" and thread[1].comment is None
    assert [part.member for part in thread[2].parts] == [None, alice, None]


def test_suggestions_are_the_organizations_active_members_matching_a_name_or_address(org, alice, bob, charlie, member):
    brenda = member(Role.VIEWER)
    brenda.display_name = "Brenda Bishop"
    brenda.save()
    gone = member(Role.EDITOR)
    gone.display_name = "Bert Gone"
    gone.is_active = False
    gone.save()
    assert comments.mention_suggestions(org, "b", exclude=alice) == [bob, brenda]
    assert comments.mention_suggestions(org, "@BISH", exclude=alice) == [brenda]
    assert comments.mention_suggestions(org, "bob@ex", exclude=alice) == [bob]
    assert comments.mention_suggestions(org, "charlie", exclude=alice) == []
    assert alice not in comments.mention_suggestions(org, "", exclude=alice)


def test_the_thread_reads_in_four_queries_however_long_it_is(post, alice, bob, django_assert_max_num_queries):
    for n in range(12):
        comments.add_comment(post, by=bob if n % 2 else alice, body=f"Point {n}, @bob@example.org @alice@example.org")
    with django_assert_max_num_queries(4):
        thread = comments.thread_of(post)
        assert [part.member for part in thread[-1].parts if part.member] == [bob, alice]
