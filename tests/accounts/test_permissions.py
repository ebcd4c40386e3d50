import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template import Context, Template
from django.test import RequestFactory

from accounts import permissions
from accounts.models import Invitation, Membership, Organization, Role
from tests.factories import InvitationFactory

OWNER, ADMIN, EDITOR, CONTRIBUTOR, VIEWER = Role.OWNER, Role.ADMIN, Role.EDITOR, Role.CONTRIBUTOR, Role.VIEWER

# The specification of who may do what, written out once more on purpose:
# a change to the policy must change this table too.
EXPECTED = {
    "org.view": {OWNER, ADMIN, EDITOR, CONTRIBUTOR, VIEWER},
    "org.edit": {OWNER, ADMIN},
    "org.delete": {OWNER},
    "org.manage_members": {OWNER, ADMIN},
    "org.manage_owners": {OWNER},
    "org.switch": {OWNER, ADMIN, EDITOR, CONTRIBUTOR, VIEWER},
    "org.leave": {OWNER, ADMIN, EDITOR, CONTRIBUTOR, VIEWER},
    "org.alerts": {OWNER, ADMIN},
    "account.view": {OWNER, ADMIN, EDITOR, CONTRIBUTOR, VIEWER},
    "account.connect": {OWNER, ADMIN},
    "account.disconnect": {OWNER, ADMIN},
    "post.view": {OWNER, ADMIN, EDITOR, CONTRIBUTOR, VIEWER},
    "post.draft": {OWNER, ADMIN, EDITOR, CONTRIBUTOR},
    "post.schedule": {OWNER, ADMIN, EDITOR},
    "post.delete": {OWNER, ADMIN, EDITOR},
    # The most an organization may allow; editors only when it says so (tests/posts/test_approvals.py).
    "post.approve": {OWNER, ADMIN, EDITOR},
    # Internal comments; viewers read them with the post (tests/posts/test_comments.py).
    "post.comment": {OWNER, ADMIN, EDITOR, CONTRIBUTOR},
    "schedule.manage": {OWNER, ADMIN},
    "hashtags.manage": {OWNER, ADMIN, EDITOR},
    "token.create": {OWNER, ADMIN, EDITOR, CONTRIBUTOR, VIEWER},
    "audit.view": {OWNER, ADMIN},
    "privacy.release": {OWNER, ADMIN},
    "privacy.dismiss": {OWNER, ADMIN, EDITOR, CONTRIBUTOR},
    "campaign.manage": {OWNER, ADMIN, EDITOR},
    "kit.view": {OWNER, ADMIN, EDITOR, CONTRIBUTOR, VIEWER},
    "analytics.view": {OWNER, ADMIN, EDITOR, CONTRIBUTOR, VIEWER},
}


def test_the_policy_is_exactly_the_specified_table():
    assert {action: set(roles) for action, roles in permissions.POLICY.items()} == EXPECTED


@pytest.mark.parametrize("action", sorted(EXPECTED))
@pytest.mark.parametrize("role", list(Role))
def test_each_role_may_do_exactly_what_the_table_says(org, member, action, role):
    user = member(role)

    assert permissions.can(user, action, org) is (role in EXPECTED[action])


@pytest.mark.parametrize("action", sorted(EXPECTED))
def test_an_outsider_may_do_nothing_in_an_organization(org, charlie, action):
    assert permissions.can(charlie, action, org) is False


def test_an_anonymous_visitor_may_do_nothing(org):
    from django.contrib.auth.models import AnonymousUser

    assert permissions.can(AnonymousUser(), "post.view", org) is False
    assert permissions.role_of(AnonymousUser(), org) is None


def test_a_deactivated_member_may_do_nothing(org, bob):
    bob.is_active = False
    bob.save()

    assert permissions.can(bob, "post.view", org) is False


def test_an_unknown_action_is_a_programming_error_not_a_silent_no(org, alice):
    with pytest.raises(KeyError, match="post.shedule"):
        permissions.can(alice, "post.shedule", org)


def test_owners_grant_every_role_admins_all_but_owner_and_others_none():
    assert permissions.roles_grantable_by(OWNER) == [OWNER, ADMIN, EDITOR, CONTRIBUTOR, VIEWER]
    assert permissions.roles_grantable_by(ADMIN) == [ADMIN, EDITOR, CONTRIBUTOR, VIEWER]
    assert permissions.roles_grantable_by(EDITOR) == []
    assert permissions.roles_grantable_by(None) == []


def test_admins_manage_everyone_but_owners_and_nobody_manages_themselves(org, alice, bob, member):
    owner = Membership.objects.get(organization=org, user=alice)
    editor = Membership.objects.get(organization=org, user=bob)
    admin = Membership.objects.get(organization=org, user=member(ADMIN))

    assert permissions.may_manage_member(owner, admin) is True
    assert permissions.may_manage_member(admin, editor) is True
    assert permissions.may_manage_member(admin, owner) is False
    assert permissions.may_manage_member(editor, admin) is False
    assert permissions.may_manage_member(owner, owner) is False


def test_alerts_go_to_the_active_owners_and_admins_only(org, alice, bob, charlie, member):
    admin = member(ADMIN)
    retired = member(ADMIN)
    retired.is_active = False
    retired.save()

    assert set(permissions.members_who_may("org.alerts", org)) == {alice, admin}


def test_role_of_gives_the_members_role_and_none_for_outsiders(org, alice, bob, charlie):
    assert permissions.role_of(alice, org) == Role.OWNER
    assert permissions.role_of(bob, org) == Role.EDITOR
    assert permissions.role_of(charlie, org) is None


def test_require_answers_404_to_an_outsider_and_403_to_a_member_without_the_role(org, bob, charlie):
    with pytest.raises(Http404):
        permissions.require(charlie, "post.view", org)
    with pytest.raises(PermissionDenied):
        permissions.require(bob, "org.edit", org)
    assert permissions.require(bob, "post.schedule", org).user == bob


def test_get_object_returns_the_object_to_a_member_with_the_role(org, alice):
    invitation = InvitationFactory(organization=org)

    assert permissions.get_object(alice, Invitation.objects, invitation.pk, "org.manage_members") == invitation


def test_get_object_answers_404_for_another_organizations_object_as_for_a_missing_one(org, charlie):
    invitation = InvitationFactory(organization=org)

    with pytest.raises(Http404):
        permissions.get_object(charlie, Invitation.objects, invitation.pk, "post.view")
    with pytest.raises(Http404):
        permissions.get_object(charlie, Invitation.objects, 987654, "post.view")
    with pytest.raises(Http404):
        permissions.get_object(charlie, Invitation.objects, "not-a-number", "post.view")


def test_get_object_answers_403_to_a_member_whose_role_does_not_allow_the_action(org, bob):
    invitation = InvitationFactory(organization=org)

    with pytest.raises(PermissionDenied):
        permissions.get_object(bob, Invitation.objects, invitation.pk, "org.manage_members")


def test_get_object_follows_a_path_to_the_organization(org, alice, charlie):
    # Memberships of a user reach the organization through "organization"; a
    # longer path such as "post__organization" works the same way.
    membership = Membership.objects.get(organization=org, user=alice)

    found = permissions.get_object(alice, Membership.objects.select_related("organization"), membership.pk, "org.view")
    assert found == membership
    with pytest.raises(Http404):
        permissions.get_object(charlie, Membership.objects, membership.pk, "org.view")


def test_get_object_on_organizations_themselves(org, alice, charlie):
    assert permissions.get_object(alice, Organization.objects, org.pk, "org.edit", org_field="") == org
    with pytest.raises(Http404):
        permissions.get_object(charlie, Organization.objects, org.pk, "org.view", org_field="")


def test_visible_to_keeps_only_rows_of_the_users_organizations(org, charlies_org, alice):
    mine = InvitationFactory(organization=org)
    InvitationFactory(organization=charlies_org)

    assert list(permissions.visible_to(alice, Invitation.objects)) == [mine]


def _render(template: str, user, **context) -> str:
    request = RequestFactory().get("/")
    request.user = user
    request.membership = Membership.objects.filter(user=user).select_related("organization").first()
    request.organization = request.membership.organization if request.membership else None
    return Template("{% load permissions %}" + template).render(Context({"request": request, **context})).strip()


def test_templates_ask_the_same_policy_with_the_can_tag(org, alice, bob, charlie):
    template = '{% can "org.edit" org as allowed %}{% if allowed %}yes{% else %}no{% endif %}'

    assert _render(template, alice, org=org) == "yes"
    assert _render(template, bob, org=org) == "no"
    assert _render(template, charlie, org=org) == "no"


def test_the_role_can_filter_answers_for_a_role_at_hand():
    template = Template('{% load permissions %}{{ role|role_can:"post.schedule" }} {{ none|role_can:"post.view" }}')

    assert template.render(Context({"role": "editor", "none": None})) == "True False"


def test_the_drf_permission_class_answers_404_to_outsiders_and_403_to_members_without_the_role(
    org, alice, bob, charlie
):
    from rest_framework.response import Response
    from rest_framework.test import APIRequestFactory, force_authenticate
    from rest_framework.views import APIView

    class WithdrawInvitation(APIView):
        permission_classes = [permissions.allows("org.manage_members")]

        def post(self, request, pk):
            invitation = Invitation.objects.get(pk=pk)
            self.check_object_permissions(request, invitation)
            return Response({"withdrawn": invitation.pk})

    invitation = InvitationFactory(organization=org)
    statuses = {}
    for user in (alice, bob, charlie):
        request = APIRequestFactory().post("/")
        force_authenticate(request, user=user)
        statuses[user.email] = WithdrawInvitation.as_view()(request, pk=invitation.pk).status_code

    assert statuses == {"alice@example.org": 200, "bob@example.org": 403, "charlie@example.org": 404}


def test_the_drf_permission_class_checks_the_views_organization_for_lists_and_creation(org, bob, charlie):
    from rest_framework.response import Response
    from rest_framework.test import APIRequestFactory, force_authenticate
    from rest_framework.views import APIView

    class ScheduleInOrganization(APIView):
        permission_classes = [permissions.allows("post.schedule")]

        def get_organization(self):
            return org

        def post(self, request):
            return Response({})

    statuses = {}
    for user in (bob, charlie):
        request = APIRequestFactory().post("/")
        force_authenticate(request, user=user)
        statuses[user.email] = ScheduleInOrganization.as_view()(request).status_code

    assert statuses == {"bob@example.org": 200, "charlie@example.org": 404}


def signed_in_without_a_code(user):
    """The user as a request carries them after logging in with a password only (django-otp's is_verified)."""
    user.is_verified = lambda: False
    return user


def test_an_organization_requiring_two_factor_refuses_members_who_signed_in_without_it(org, bob):
    org.requires_two_factor = True
    org.save()
    bob = signed_in_without_a_code(bob)

    assert permissions.can(bob, "post.view", org) is False
    with pytest.raises(PermissionDenied, match="Alice's Clinic requires two-factor authentication"):
        permissions.require(bob, "post.view", org)


def test_switching_to_or_leaving_an_organization_does_not_need_two_factor_first(org, bob):
    org.requires_two_factor = True
    org.save()
    bob = signed_in_without_a_code(bob)

    assert permissions.can(bob, "org.switch", org) is True
    assert permissions.can(bob, "org.leave", org) is True


def test_members_who_signed_in_with_a_code_are_let_in(org, bob):
    org.requires_two_factor = True
    org.save()
    bob.is_verified = lambda: True

    assert permissions.can(bob, "post.schedule", org) is True


def test_work_done_for_a_user_outside_a_request_is_not_asked_for_a_code(org, bob):
    org.requires_two_factor = True
    org.save()

    # A user loaded from the database (a task, a command) has no is_verified.
    assert permissions.can(bob, "post.schedule", org) is True


@pytest.mark.parametrize(
    ("role", "editors_may_approve", "own_posts", "others", "own"),
    [
        (Role.OWNER, False, False, True, False),
        (Role.OWNER, False, True, True, True),
        (Role.EDITOR, False, False, False, False),
        (Role.EDITOR, True, False, True, False),
        (Role.CONTRIBUTOR, True, True, False, False),
    ],
)
def test_the_approval_checker_given_a_membership_answers_as_may_approve_without_a_query(
    org, member, django_assert_num_queries, role, editors_may_approve, own_posts, others, own
):
    org.editors_may_approve, org.may_approve_own_posts = editors_may_approve, own_posts
    org.save()
    person = member(role)
    membership = Membership.objects.get(user=person, organization=org)
    someone_else = member(Role.CONTRIBUTOR)

    with django_assert_num_queries(0):
        may_decide = permissions.approval_checker(person, org, membership=membership)
        answers = (may_decide(someone_else.pk), may_decide(person.pk))

    assert answers == (others, own)
    assert answers == tuple(
        permissions.may_approve(person, org, author_id=author) for author in (someone_else.pk, person.pk)
    )
