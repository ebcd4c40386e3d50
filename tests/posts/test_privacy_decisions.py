"""What people decide about the privacy guard's findings.

An owner or admin releases a blocked post with a written reason: the release covers the findings
present then, and a new one blocks again. Whoever may write a post marks one finding "not a
patient": it stops warning or blocking, and can be taken back. Approving a post, or moving it,
asks the guard again. The composer asks each user once to go through the pre-publish checklist.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.models import ConnectedAccount, Notification, Role
from audit.models import AuditEvent
from posts import privacy, privacy_decisions, review, services
from posts.models import FindingDismissal, Post, PostTarget, PrivacyRelease, TargetState
from tests.fixtures import make_person, signed_in_client

PATIENT_POST = "My patient Mrs. Jones, DOB March 3, 1931, is home after her hip surgery."
CLEAN_POST = "Flu shots are in. Walk in Monday to Friday, 9 to 5. #CDNHealth"


@pytest.fixture(autouse=True)
def composer_settings(media_settings):
    return media_settings


@pytest.fixture
def x_account(org):
    return ConnectedAccount.objects.create(
        organization=org, network="twitter", kind="x_user", external_id="twitter-1", display_name="Clinic X"
    )


def tomorrow():
    return timezone.now() + timedelta(days=1)


def draft(org, author, account, text=PATIENT_POST) -> Post:
    return services.create_post(organization=org, author=author, text=text, account_ids=[account.pk])


def schedule(post, by, **changes):
    return services.update_post(post, by=by, schedule="at", scheduled_at=tomorrow(), **changes)


def states(post):
    return sorted(post.targets.values_list("state", flat=True))


def blocked_excerpts(error: privacy.PrivacyBlocked) -> list[str]:
    return [finding.excerpt for finding in error.findings]


# --- releases ------------------------------------------------------------------------------------


def test_a_blocked_post_schedules_once_an_owner_releases_it_with_a_reason(org, alice, bob, x_account):
    post = draft(org, bob, x_account)
    with pytest.raises(privacy.PrivacyBlocked):
        schedule(post, bob)

    privacy_decisions.release_post(post, by=alice, reason="Mrs. Jones asked us to share her story; consent on file.")

    schedule(post, bob)
    assert states(post) == [TargetState.SCHEDULED]


def test_a_release_lists_the_blocking_findings_present_when_it_was_given(org, alice, x_account):
    post = draft(org, alice, x_account)

    release = privacy_decisions.release_post(post, by=alice, reason="Consent on file.")

    assert release.findings == [
        {"field": "text", "category": "name", "excerpt": "Mrs. Jones"},
        {"field": "text", "category": "date", "excerpt": "March 3, 1931"},
    ]
    assert release.released_by == alice


def test_a_blocking_finding_typed_after_the_release_blocks_again(org, alice, x_account):
    post = draft(org, alice, x_account)
    privacy_decisions.release_post(post, by=alice, reason="Consent on file.")

    with pytest.raises(privacy.PrivacyBlocked) as refused:
        schedule(post, alice, text=PATIENT_POST + " Her chart number is MRN 4471823.")

    assert blocked_excerpts(refused.value) == ["4471823"]
    assert states(post) == [TargetState.DRAFT]


def test_a_release_is_audited_with_its_reason_and_the_findings(org, alice, x_account):
    post = draft(org, alice, x_account)

    privacy_decisions.release_post(post, by=alice, reason="Consent on file.")

    event = AuditEvent.objects.get(post_id=post.pk, action=privacy_decisions.RELEASED)
    assert event.actor_id == alice.pk
    assert event.details["reason"] == "Consent on file."
    assert "“Mrs. Jones” (a patient's name)" in event.details["findings"]
    assert "“March 3, 1931” (a date of birth or of care)" in event.details["findings"]


def test_a_release_needs_a_written_reason(org, alice, x_account):
    post = draft(org, alice, x_account)

    with pytest.raises(ValidationError) as refused:
        privacy_decisions.release_post(post, by=alice, reason="   ")

    assert refused.value.messages == ["Write why this post may go out despite what it holds."]
    assert not PrivacyRelease.objects.exists()


def test_a_post_with_nothing_blocked_has_nothing_to_release(org, alice, x_account):
    post = draft(org, alice, x_account, text=CLEAN_POST)

    with pytest.raises(ValidationError, match="nothing to release"):
        privacy_decisions.release_post(post, by=alice, reason="Just in case.")


@pytest.mark.parametrize("role", [Role.ADMIN, Role.OWNER])
def test_owners_and_admins_may_release(org, member, x_account, role):
    post = draft(org, member(Role.EDITOR), x_account)
    assert privacy_decisions.release_post(post, by=member(role), reason="Consent on file.")


@pytest.mark.parametrize("role", [Role.EDITOR, Role.CONTRIBUTOR, Role.VIEWER])
def test_nobody_else_may_release(org, member, alice, x_account, role):
    post = draft(org, alice, x_account)
    with pytest.raises(PermissionDenied):
        privacy_decisions.release_post(post, by=member(role), reason="Consent on file.")


def test_someone_who_may_not_release_is_told_who_can_and_may_ask_them(org, alice, bob, member, x_account):
    admin = member(Role.ADMIN)
    post = draft(org, bob, x_account)

    assert privacy_decisions.releasers_words(org) == (
        f"Only an owner or admin of Alice's Clinic can release it: Alice Adams, {admin.display_name}."
    )
    asked = privacy_decisions.ask_for_release(post, by=bob)

    assert {user.pk for user in asked} == {alice.pk, admin.pk}
    notice = Notification.objects.get(user=alice)
    assert notice.title == "A post waits for a privacy release"
    assert "Bob Brown asks you to release" in notice.body and "Mrs. Jones" in notice.body
    assert notice.link == f"{reverse('post-edit', args=[post.pk])}?org={post.organization.slug}"


# --- "not a patient" -----------------------------------------------------------------------------


def dismiss_name(post, by, reason="Mrs. Jones is the clinic's cat."):
    return privacy_decisions.dismiss_finding(
        post, by=by, field="text", category="name", excerpt="Mrs. Jones", reason=reason
    )


def test_a_finding_marked_not_a_patient_stops_blocking_for_that_post_and_the_text_stays(org, bob, x_account):
    post = draft(org, bob, x_account, text="Say hello to Mrs. Jones, our clinic cat, at the front desk!")
    with pytest.raises(privacy.PrivacyBlocked):
        schedule(post, bob)

    dismiss_name(post, bob)

    schedule(post, bob)
    post.refresh_from_db()
    assert states(post) == [TargetState.SCHEDULED]
    assert post.text == "Say hello to Mrs. Jones, our clinic cat, at the front desk!"


def test_a_mark_covers_only_its_own_finding(org, bob, x_account):
    post = draft(org, bob, x_account)
    dismiss_name(post, bob)

    with pytest.raises(privacy.PrivacyBlocked) as refused:
        schedule(post, bob)

    assert blocked_excerpts(refused.value) == ["March 3, 1931"]


def test_a_marked_finding_shows_who_marked_it_and_why(org, bob, x_account):
    post = draft(org, bob, x_account)
    dismiss_name(post, bob)

    name = privacy_decisions.findings_of(post)[0]

    assert name.is_dismissed and not name.blocks
    assert name.dismissal.marked_by == bob
    assert name.dismissal.reason == "Mrs. Jones is the clinic's cat."
    event = AuditEvent.objects.get(post_id=post.pk, action=privacy_decisions.DISMISSED)
    assert event.details == {"finding": name.sentence(), "reason": "Mrs. Jones is the clinic's cat."}


def test_a_contributor_marks_findings_in_their_own_posts_only(org, alice, member, x_account):
    contributor = member(Role.CONTRIBUTOR)
    assert dismiss_name(draft(org, contributor, x_account), contributor)
    with pytest.raises(PermissionDenied):
        dismiss_name(draft(org, alice, x_account), contributor)


def test_a_viewer_cannot_mark_a_finding(org, alice, member, x_account):
    with pytest.raises(PermissionDenied):
        dismiss_name(draft(org, alice, x_account), member(Role.VIEWER))


def test_a_mark_needs_a_reason_and_a_finding_the_post_holds(org, bob, x_account):
    post = draft(org, bob, x_account)
    with pytest.raises(ValidationError) as no_reason:
        dismiss_name(post, bob, reason="")
    assert no_reason.value.messages == ["Say why this is not a patient, so the approvers know."]

    with pytest.raises(ValidationError, match="no longer holds that finding"):
        privacy_decisions.dismiss_finding(
            post, by=bob, field="text", category="name", excerpt="Mr. Smith", reason="Not in the post."
        )


def test_a_finding_is_marked_once(org, bob, x_account):
    post = draft(org, bob, x_account)
    dismiss_name(post, bob)
    with pytest.raises(ValidationError, match="already marked"):
        dismiss_name(post, bob)


def test_whoever_marked_it_takes_the_mark_back_and_it_blocks_again(org, bob, x_account):
    post = draft(org, bob, x_account, text="Say hello to Mrs. Jones, our clinic cat!")
    mark = dismiss_name(post, bob)

    privacy_decisions.undo_dismissal(mark, by=bob)

    with pytest.raises(privacy.PrivacyBlocked):
        schedule(post, bob)
    event = AuditEvent.objects.get(post_id=post.pk, action=privacy_decisions.DISMISSAL_UNDONE)
    assert event.details == {"finding": "“Mrs. Jones” (a patient's name)"}


def test_an_owner_may_take_back_someone_elses_mark_another_editor_may_not(org, alice, bob, member, x_account):
    post = draft(org, bob, x_account)
    mark = dismiss_name(post, bob)

    with pytest.raises(PermissionDenied):
        privacy_decisions.undo_dismissal(mark, by=member(Role.EDITOR))
    privacy_decisions.undo_dismissal(mark, by=alice)

    assert not FindingDismissal.objects.exists()


# --- one function for any finding ------------------------------------------------------------------


def finding(field, category="name", excerpt="Mrs. Jones", severity="block"):
    return privacy.PrivacyFinding(
        category=category, severity=severity, field=field, start=0, end=10, excerpt=excerpt, reason="", replacement=None
    )


def test_decisions_apply_to_findings_of_any_field_kind_such_as_an_images_text(org, alice, x_account):
    post = draft(org, alice, x_account)
    mark = FindingDismissal(post=post, field="media:12", category="name", excerpt="Mrs. Jones", marked_by=alice)
    release = PrivacyRelease(
        post=post, released_by=alice, findings=[{"field": "media:12", "category": "date", "excerpt": "1931"}]
    )

    decided = privacy.apply_decisions(
        [finding("media:12"), finding("media:12", "date", "1931"), finding("media:12", "phone", "555-0199")],
        releases=[release],
        dismissals=[mark],
    )

    assert [(f.is_dismissed, f.is_released, f.blocks) for f in decided] == [
        (True, False, False),
        (False, True, False),
        (False, False, True),
    ]


def test_a_release_matches_the_same_kind_of_field_so_the_engines_names_match_the_composers():
    release = PrivacyRelease(findings=[{"field": "text", "category": "name", "excerpt": "Mrs. Jones"}])

    decided = privacy.apply_decisions(
        [finding("text:twitter"), finding("thread:2"), finding("text", excerpt="Mr. Smith")], releases=[release]
    )

    assert [f.blocks for f in decided] == [False, True, True]


def test_a_release_does_not_silence_a_warning():
    release = PrivacyRelease(findings=[{"field": "text", "category": "name", "excerpt": "Mrs. Jones"}])
    (warning,) = privacy.apply_decisions([finding("text", severity="warn")], releases=[release])
    assert not warning.is_released


# --- approving and moving ask again ------------------------------------------------------------------


@pytest.fixture
def contributor(member):
    return member(Role.CONTRIBUTOR)


def waiting_for_review(org, author, account) -> Post:
    post = services.create_post(
        organization=org,
        author=author,
        text=CLEAN_POST,
        account_ids=[account.pk],
        schedule="at",
        scheduled_at=tomorrow(),
    )
    # Changed afterwards without the composer's check (an import, the database): the approval asks again.
    Post.objects.filter(pk=post.pk).update(text=PATIENT_POST)
    post.refresh_from_db()
    return post


def test_approving_a_post_holding_an_unreleased_blocking_finding_is_refused_with_the_findings_named(
    org, alice, contributor, x_account
):
    post = waiting_for_review(org, contributor, x_account)

    with pytest.raises(privacy.PrivacyBlocked) as refused:
        review.approve_post(post, by=alice)

    assert blocked_excerpts(refused.value) == ["Mrs. Jones", "March 3, 1931"]
    assert "“Mrs. Jones” (a patient's name)" in " ".join(refused.value.messages)
    assert states(post) == [TargetState.IN_REVIEW]


def test_approving_a_released_post_schedules_it(org, alice, contributor, x_account):
    post = waiting_for_review(org, contributor, x_account)
    privacy_decisions.release_post(post, by=alice, reason="Consent on file.")

    review.approve_post(post, by=alice)

    assert states(post) == [TargetState.SCHEDULED]


def scheduled_then_changed(org, author, account):
    post = services.create_post(
        organization=org,
        author=author,
        text=CLEAN_POST,
        account_ids=[account.pk],
        schedule="at",
        scheduled_at=tomorrow(),
    )
    Post.objects.filter(pk=post.pk).update(text=PATIENT_POST)
    return PostTarget.objects.select_related("post__organization").get(post=post)


def test_moving_a_scheduled_post_holding_a_blocking_finding_on_the_calendar_is_refused(org, alice, x_account):
    target = scheduled_then_changed(org, alice, x_account)
    was = target.scheduled_at

    with pytest.raises(privacy.PrivacyBlocked) as refused:
        services.reschedule_target(target, at=was + timedelta(hours=3), by=alice)

    assert blocked_excerpts(refused.value) == ["Mrs. Jones", "March 3, 1931"]
    target.refresh_from_db()
    assert target.scheduled_at == was


def test_the_calendar_drag_answers_the_refusal_in_plain_words(alice_client, org, alice, x_account):
    target = scheduled_then_changed(org, alice, x_account)
    start = (target.scheduled_at + timedelta(hours=3)).astimezone(timezone.get_current_timezone())
    time_zone = str(timezone.get_current_timezone())

    response = alice_client.post(
        reverse("calendar-move", args=[target.pk]), {"start": start.strftime("%Y-%m-%dT%H:%M"), "time_zone": time_zone}
    )

    assert response.status_code == 400
    assert "This post may identify a patient" in response.content.decode()


def test_moving_a_released_post_is_allowed(org, alice, x_account):
    target = scheduled_then_changed(org, alice, x_account)
    privacy_decisions.release_post(target.post, by=alice, reason="Consent on file.")

    services.reschedule_target(target, at=target.scheduled_at + timedelta(hours=3), by=alice)


# --- the composer and the post's page ------------------------------------------------------------------


def typed(text, account, action="at", **extra):
    local = tomorrow().astimezone(timezone.get_current_timezone())
    return {
        "text": text,
        "link": "",
        "accounts": [account.pk],
        "action": action,
        "scheduled_local": local.strftime("%Y-%m-%dT%H:%M"),
        **extra,
    }


def test_the_composer_offers_an_owner_to_release_a_refused_post_and_schedules_it(alice_client, x_account):
    refused = alice_client.post(reverse("compose"), typed(PATIENT_POST, x_account))
    assert refused.status_code == 400
    assert 'name="privacy_release_reason"' in refused.content.decode()
    assert not Post.objects.exists()

    released = alice_client.post(
        reverse("compose"), typed(PATIENT_POST, x_account, action="at:release", privacy_release_reason="Consent.")
    )

    assert released.status_code == 302
    post = Post.objects.get()
    assert states(post) == [TargetState.SCHEDULED]
    assert post.privacy_releases.get().reason == "Consent."


def test_the_composer_refuses_a_release_without_a_reason_and_keeps_nothing(alice_client, x_account):
    response = alice_client.post(
        reverse("compose"), typed(PATIENT_POST, x_account, action="at:release", privacy_release_reason="")
    )

    assert response.status_code == 400
    assert "Write why this post may go out despite what it holds." in response.content.decode()
    assert not Post.objects.exists()


def test_the_composer_tells_an_editor_who_can_release_and_asks_them(bob_client, alice, x_account):
    refused = bob_client.post(reverse("compose"), typed(PATIENT_POST, x_account))
    content = refused.content.decode()
    assert "Only an owner or admin of Alice&#x27;s Clinic can release it: Alice Adams." in content
    assert 'name="privacy_release_reason"' not in content

    asked = bob_client.post(reverse("compose"), typed(PATIENT_POST, x_account, action="draft:ask_release"))

    post = Post.objects.get()
    assert asked.status_code == 302 and asked.url == reverse("post-edit", args=[post.pk])
    assert states(post) == [TargetState.DRAFT]
    assert Notification.objects.get(user=alice).title == "A post waits for a privacy release"


def test_the_post_page_shows_marks_and_releases_with_who_and_why(alice_client, org, alice, bob, x_account):
    post = draft(org, bob, x_account)
    dismiss_name(post, bob)
    privacy_decisions.release_post(post, by=alice, reason="Consent on file for the date.")

    content = alice_client.get(reverse("post-edit", args=[post.pk])).content.decode()

    assert "Marked not a patient by Bob Brown: Mrs. Jones is the clinic&#x27;s cat." in content
    assert "Released by Alice Adams: Consent on file for the date." in content
    assert reverse("post-privacy-undo-dismissal", args=[post.pk, post.finding_dismissals.get().pk]) in content


def test_the_live_check_shows_a_marked_finding_as_marked(bob_client, org, bob, x_account):
    post = draft(org, bob, x_account)
    dismiss_name(post, bob)

    response = bob_client.post(reverse("compose-validate"), {**typed(PATIENT_POST, x_account), "post_id": post.pk})

    content = response.content.decode()
    assert "Marked by Bob Brown: Mrs. Jones is the clinic&#x27;s cat." in content


def test_marks_and_undo_from_the_post_page(bob_client, org, bob, x_account):
    post = draft(org, bob, x_account)

    bob_client.post(
        reverse("post-privacy-dismiss", args=[post.pk]),
        {"field": "text", "category": "name", "excerpt": "Mrs. Jones", "reason": "A cat."},
    )
    mark = FindingDismissal.objects.get()
    assert mark.marked_by == bob
    bob_client.post(reverse("post-privacy-undo-dismissal", args=[post.pk, mark.pk]))

    assert not FindingDismissal.objects.exists()


def test_the_review_page_shows_approvers_the_marks(alice_client, org, alice, contributor, x_account):
    post = waiting_for_review(org, contributor, x_account)
    dismiss_name(post, contributor, reason="A character in a novel.")

    content = alice_client.get(reverse("review")).content.decode()

    assert f"Marked not a patient by {contributor.display_name}: A character in a novel." in content
    assert "Blocks approval until an owner or admin releases it." in content  # the date


# --- the pre-publish checklist ---------------------------------------------------------------------


@pytest.fixture
def newcomer(org, client):
    person = make_person("dana@example.org", "Dana Diaz", checklist_done=False)
    org.memberships.create(user=person, role=Role.EDITOR)
    return person


def test_the_composer_asks_a_newcomer_to_go_through_the_checklist_before_their_first_scheduled_post(
    client, org, newcomer, x_account
):
    signed_in_client(client, newcomer, org)
    page = client.get(reverse("compose")).content.decode()
    assert "Assume anyone can see it" in page and 'name="privacy_checklist"' in page

    refused = client.post(reverse("compose"), typed(CLEAN_POST, x_account))
    assert refused.status_code == 400
    assert "read the pre-publish checklist and tick its box" in refused.content.decode()

    client.post(reverse("compose"), typed(CLEAN_POST, x_account, privacy_checklist="on"))

    newcomer.refresh_from_db()
    assert newcomer.privacy_checklist_acknowledged_at is not None
    assert AuditEvent.objects.filter(action=privacy_decisions.CHECKLIST_ACKNOWLEDGED, actor_id=newcomer.pk).count() == 1
    assert 'name="privacy_checklist"' not in client.get(reverse("compose")).content.decode()


def test_a_draft_needs_no_checklist(client, org, newcomer, x_account):
    signed_in_client(client, newcomer, org)
    response = client.post(reverse("compose"), typed(CLEAN_POST, x_account, action="draft"))
    assert response.status_code == 302
    newcomer.refresh_from_db()
    assert newcomer.privacy_checklist_acknowledged_at is None


def test_the_checklist_is_acknowledged_once(org, newcomer):
    assert privacy_decisions.acknowledge_checklist(newcomer, organization=org) is True
    assert privacy_decisions.acknowledge_checklist(newcomer, organization=org) is False


def test_asking_for_a_release_of_a_post_with_nothing_blocked_says_so_and_keeps_nothing(bob_client, x_account):
    response = bob_client.post(reverse("compose"), typed(CLEAN_POST, x_account, action="draft:ask_release"))

    assert response.status_code == 400
    assert "there is nothing to release" in response.content.decode()
    assert not Post.objects.exists()
    assert not Notification.objects.exists()
