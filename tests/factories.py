"""factory_boy factories for people and organizations.

``UserFactory`` makes a bare user; ``sign_up`` (or the ``alice``/``bob``/
``charlie`` fixtures) also gives them a personal organization.
"""

from datetime import timedelta

import factory
from django.conf import settings
from django.utils import timezone

from accounts.models import Invitation, Membership, Organization, Role, User

PASSWORD = "a-long-test-password-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Dr. Test {n}")
    professional_title = "MD"
    time_zone = "America/Toronto"
    password = factory.django.Password(PASSWORD)
    # People in tests have been through the pre-publish checklist, which the composer asks for
    # once; tests of the checklist itself start from None.
    privacy_checklist_acknowledged_at = factory.LazyFunction(timezone.now)


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Clinic {n}")
    slug = factory.Sequence(lambda n: f"clinic-{n}")
    kind = Organization.Kind.PRACTICE
    time_zone = "America/Toronto"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organization = factory.SubFactory(OrganizationFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.EDITOR


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    organization = factory.SubFactory(OrganizationFactory)
    email = factory.Sequence(lambda n: f"invitee{n}@example.org")
    role = Role.EDITOR
    invited_by = None
    created_at = factory.LazyFunction(timezone.now)
    expires_at = factory.LazyAttribute(lambda o: o.created_at + timedelta(days=settings.INVITATION_VALID_DAYS))
