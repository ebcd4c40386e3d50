"""Approvals: whose posts wait for review, who may decide, and what each answer does."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from accounts.models import ConnectedAccount, Notification, Organization, Role
from posts import review, services
from posts.models import TargetState as S

ALL_ROLES = [Role.OWNER, Role.ADMIN, Role.EDITOR, Role.CONTRIBUTOR, Role.VIEWER]


@pytest.fixture
def account(org) -> ConnectedAccount:
    return ConnectedAccount.objects.create(
        organization=org, network="linkedin", kind="linkedin_member", external_id="li-1", display_name="Clinic"
    )


@pytest.fixture
def contributor(member):
    return member(Role.CONTRIBUTOR)


def asked_for(org, author, account, *, at=None):
    """A post ``author`` sent for review, asking for ``at`` (default: tomorrow)."""
    at = at or timezone.now() + timedelta(days=1)
    return services.create_post(
        organization=org,
        author=author,
        text="Flu shots are in.",
        account_ids=[account.pk],
        schedule="at",
        scheduled_at=at,
    )


def states(post):
    return set(post.targets.values_list("state", flat=True))


def test_a_contributors_post_waits_for_review_and_approvers_are_told(org, alice, bob, contributor, account):
    post = asked_for(org, contributor, account)
    assert states(post) == {S.IN_REVIEW}
    told = set(Notification.objects.filter(kind=Notification.Kind.REVIEW_REQUESTED).values_list("user", flat=True))
    assert told == {alice.pk}  # the owner; editors approve only when the organization says so


def test_nobody_needs_approval_when_the_organization_says_so(org, contributor, account):
    org.approval_required_for = Organization.ApprovalRequired.NOBODY
    org.save()
    assert states(asked_for(org, contributor, account)) == {S.SCHEDULED}


def test_everyones_posts_wait_when_the_organization_says_so(org, alice, account):
    org.approval_required_for = Organization.ApprovalRequired.EVERYONE
    org.save()
    assert states(asked_for(org, alice, account)) == {S.IN_REVIEW}


@pytest.mark.parametrize(
    ("role", "editors_may_approve", "allowed"),
    [
        (Role.OWNER, False, True),
        (Role.ADMIN, False, True),
        (Role.EDITOR, False, False),
        (Role.EDITOR, True, True),
        (Role.CONTRIBUTOR, True, False),
        (Role.VIEWER, True, False),
    ],
)
@pytest.mark.parametrize("answer", ["approve", "request_changes", "reject"])
def test_who_may_decide(org, member, contributor, account, role, editors_may_approve, allowed, answer):
    org.editors_may_approve = editors_may_approve
    org.save()
    post = asked_for(org, contributor, account)
    reviewer = member(role)
    act = {
        "approve": lambda: review.approve_post(post, by=reviewer),
        "request_changes": lambda: review.request_changes(post, by=reviewer, comment="Shorter, please."),
        "reject": lambda: review.reject_post(post, by=reviewer, reason="Off topic."),
    }[answer]
    if allowed:
        act()
        assert states(post) == {{"approve": S.SCHEDULED, "request_changes": S.DRAFT, "reject": S.CANCELLED}[answer]}
    else:
        with pytest.raises(PermissionDenied):
            act()
        assert states(post) == {S.IN_REVIEW}


def test_an_outsider_cannot_decide(org, charlie, charlies_org, contributor, account):
    post = asked_for(org, contributor, account)
    with pytest.raises(Http404):
        review.approve_post(post, by=charlie)


def test_people_may_not_approve_their_own_posts_unless_allowed(org, alice, account):
    org.approval_required_for = Organization.ApprovalRequired.EVERYONE
    org.save()
    post = asked_for(org, alice, account)
    with pytest.raises(PermissionDenied):
        review.approve_post(post, by=alice)
    org.may_approve_own_posts = True
    org.save()
    review.approve_post(post, by=alice)
    assert states(post) == {S.SCHEDULED}


def test_approval_schedules_the_time_the_author_asked_for_and_tells_them(org, alice, contributor, account):
    at = (timezone.now() + timedelta(days=2)).replace(microsecond=0)
    post = asked_for(org, contributor, account, at=at)
    review.approve_post(post, by=alice)
    target = post.targets.get()
    assert (target.state, target.scheduled_at, target.due_at) == (S.SCHEDULED, at, at)
    assert Notification.objects.filter(user=contributor, kind=Notification.Kind.APPROVED).exists()


def test_a_time_that_has_passed_needs_a_new_one(org, alice, contributor, account):
    post = asked_for(org, contributor, account)
    post.targets.update(scheduled_at=timezone.now() - timedelta(hours=1))
    with pytest.raises(ValidationError) as error:
        review.approve_post(post, by=alice)
    assert "has passed" in " ".join(error.value.messages)
    assert states(post) == {S.IN_REVIEW}
    new_time = (timezone.now() + timedelta(hours=3)).replace(microsecond=0)
    review.approve_post(post, by=alice, at=new_time)
    assert post.targets.get().scheduled_at == new_time


def test_requesting_changes_sends_it_back_as_a_draft_with_the_comment(org, alice, contributor, account):
    post = asked_for(org, contributor, account)
    review.request_changes(post, by=alice, comment="Add the clinic's hours.")
    assert states(post) == {S.DRAFT}
    note = Notification.objects.get(user=contributor, kind=Notification.Kind.CHANGES_REQUESTED)
    assert "Add the clinic's hours." in note.body


def test_changes_and_rejections_need_words(org, alice, contributor, account):
    post = asked_for(org, contributor, account)
    with pytest.raises(ValidationError):
        review.request_changes(post, by=alice, comment="  ")
    with pytest.raises(ValidationError):
        review.reject_post(post, by=alice, reason="")
    assert states(post) == {S.IN_REVIEW}


def test_rejecting_cancels_and_tells_the_author_why(org, alice, contributor, account):
    post = asked_for(org, contributor, account)
    review.reject_post(post, by=alice, reason="We do not post about this.")
    assert states(post) == {S.CANCELLED}
    note = Notification.objects.get(user=contributor, kind=Notification.Kind.REJECTED)
    assert "We do not post about this." in note.body


def test_a_post_no_longer_in_review_cannot_be_decided_twice(org, alice, contributor, account):
    post = asked_for(org, contributor, account)
    review.approve_post(post, by=alice)
    with pytest.raises(ValidationError):
        review.reject_post(post, by=alice, reason="Too late.")


def test_editing_an_approved_post_sends_it_back_to_review(org, alice, contributor, account):
    post = asked_for(org, contributor, account)
    review.approve_post(post, by=alice)
    Notification.objects.all().delete()
    services.update_post(post, by=contributor, text="Flu shots are in, walk-ins welcome.")
    assert states(post) == {S.IN_REVIEW}
    assert Notification.objects.filter(user=alice, kind=Notification.Kind.REVIEW_REQUESTED).exists()


def test_an_approvers_edit_keeps_it_scheduled(org, alice, contributor, account):
    post = asked_for(org, contributor, account)
    review.approve_post(post, by=alice)
    services.update_post(post, by=alice, text="Flu shots are in, walk-ins welcome.")
    assert states(post) == {S.SCHEDULED}


def test_the_review_page_lists_what_waits_and_the_navigation_counts_it(
    alice_client, org, contributor, account, django_assert_num_queries
):
    asked_for(org, contributor, account)
    asked_for(org, contributor, account)
    page = alice_client.get(reverse("review"))
    assert page.status_code == 200
    # Each post once as a quote (its buttons name it too, for screen readers).
    assert page.content.decode().count("<blockquote>Flu shots are in.") == 2
    assert '<span class="badge">2<' in page.content.decode()
    with django_assert_num_queries(1):
        assert review.count_waiting(org) == 2


def test_approving_from_the_review_page(alice_client, org, contributor, account):
    post = asked_for(org, contributor, account)
    response = alice_client.post(reverse("post-approve", args=[post.pk]), {"next": reverse("review")})
    assert response.status_code == 302
    assert states(post) == {S.SCHEDULED}


def test_the_page_asks_for_a_new_time_when_the_asked_one_passed(alice_client, org, contributor, account):
    post = asked_for(org, contributor, account)
    post.targets.update(scheduled_at=timezone.now() - timedelta(hours=1))
    assert "pick a new time" in alice_client.get(reverse("review")).content.decode()
    response = alice_client.post(reverse("post-approve", args=[post.pk]), follow=True)
    assert "has passed" in response.content.decode()
    assert states(post) == {S.IN_REVIEW}


def test_the_post_page_offers_the_answers_to_an_approver(alice_client, bob_client, org, contributor, account):
    target = asked_for(org, contributor, account).targets.get()
    url = reverse("target-detail", args=[target.pk])
    assert "Request changes" in alice_client.get(url).content.decode()
    assert "Request changes" not in bob_client.get(url).content.decode()  # an editor, not allowed here


def test_an_editor_cannot_reject_from_the_page(bob_client, org, contributor, account):
    post = asked_for(org, contributor, account)
    response = bob_client.post(reverse("post-reject", args=[post.pk]), {"reason": "No."})
    assert response.status_code == 403
    assert states(post) == {S.IN_REVIEW}


def test_an_outsider_gets_404(charlie_client, org, contributor, account):
    post = asked_for(org, contributor, account)
    assert charlie_client.post(reverse("post-approve", args=[post.pk])).status_code == 404


def test_the_organization_page_saves_the_approval_settings(alice_client, org):
    response = alice_client.post(
        reverse("organization-update", args=[org.slug]),
        {
            "name": org.name,
            "time_zone": org.time_zone,
            "alt_text_required": "on",
            "late_window_minutes": "120",
            "approval_required_for": "everyone",
            "editors_may_approve": "on",
        },
    )
    assert response.status_code == 302
    org.refresh_from_db()
    assert (org.approval_required_for, org.editors_may_approve, org.may_approve_own_posts) == ("everyone", True, False)


def test_each_decision_is_in_the_audit_trail_with_the_reviewer_and_their_words(org, alice, contributor, account):
    from audit.models import AuditEvent

    approved, sent_back, rejected = (asked_for(org, contributor, account) for _ in range(3))
    review.approve_post(approved, by=alice)
    review.request_changes(sent_back, by=alice, comment="Add the clinic's opening hours.")
    review.reject_post(rejected, by=alice, reason="We don't post about this.")

    decisions = AuditEvent.objects.filter(action__in=["post.approved", "post.changes_requested", "post.rejected"])
    trail = {event.post_id: (event.action, event.actor_id, event.details) for event in decisions}
    assert trail[approved.pk][:2] == ("post.approved", alice.pk)
    assert trail[sent_back.pk] == ("post.changes_requested", alice.pk, {"comment": "Add the clinic's opening hours."})
    assert trail[rejected.pk] == ("post.rejected", alice.pk, {"reason": "We don't post about this."})
