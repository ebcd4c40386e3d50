"""People and organizations every test can use (healthchecks' Alice, Bob and Charlie).

* ``alice`` owns ``org`` (a practice, "Alice's Clinic");
* ``bob`` is an editor in ``org``;
* ``charlie`` is an outsider who owns ``charlies_org``.

Each also has a personal organization, as after sign-up. ``alice_client``,
``bob_client`` and ``charlie_client`` are test clients signed in as them,
working in ``org`` (Charlie in his own organization).
"""

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from accounts import services
from accounts.models import Organization, Role
from tests.factories import PASSWORD, MembershipFactory, OrganizationFactory

__all__ = ["PASSWORD"]


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """MD5 instead of PBKDF2 in tests: the suite signs up hundreds of people, and real hashing takes ~0.3 s each."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit counts live in the shared Redis cache: each test starts afresh, so tests never throttle each other."""
    cache.clear()


def make_person(email: str, display_name: str, *, checklist_done: bool = True):
    """A person after sign-up. ``checklist_done``: they have been through the pre-publish checklist
    the composer asks for once (so that tests about other things can schedule from the composer)."""
    user = services.sign_up(email=email, password=PASSWORD, display_name=display_name, time_zone="America/Toronto")
    if checklist_done:
        user.privacy_checklist_acknowledged_at = timezone.now()
        user.save(update_fields=["privacy_checklist_acknowledged_at"])
    return user


@pytest.fixture
def alice(db):
    return make_person("alice@example.org", "Alice Adams")


@pytest.fixture
def bob(db):
    return make_person("bob@example.org", "Bob Brown")


@pytest.fixture
def charlie(db):
    return make_person("charlie@example.org", "Charlie Chen")


@pytest.fixture
def org(alice, bob) -> Organization:
    org = OrganizationFactory(name="Alice's Clinic", slug="alices-clinic")
    MembershipFactory(organization=org, user=alice, role=Role.OWNER)
    MembershipFactory(organization=org, user=bob, role=Role.EDITOR)
    return org


@pytest.fixture
def charlies_org(charlie) -> Organization:
    org = OrganizationFactory(name="Charlie's Practice", slug="charlies-practice")
    MembershipFactory(organization=org, user=charlie, role=Role.OWNER)
    return org


def signed_in_client(client, user, organization: Organization | None):
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    if organization is not None:
        session = client.session
        session[services.ACTIVE_ORGANIZATION_SESSION_KEY] = organization.pk
        session.save()
    return client


@pytest.fixture
def alice_client(client, alice, org):
    return signed_in_client(client, alice, org)


@pytest.fixture
def bob_client(bob, org):
    return signed_in_client(Client(), bob, org)


@pytest.fixture
def charlie_client(charlie, charlies_org):
    return signed_in_client(Client(), charlie, charlies_org)


@pytest.fixture
def member(org):
    """``member(role)``: a new user with ``role`` in ``org``, for role tables."""

    def make(role: str):
        membership = MembershipFactory(organization=org, role=role)
        return membership.user

    return make


def verify_session(client, user):
    """Give ``user`` a confirmed authenticator and mark ``client``'s session verified with it,
    as after typing a code at login (django-otp keeps the device's id in the session)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device
