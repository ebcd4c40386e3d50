import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from accounts.management.commands.seed_demo import DEMO_PASSWORD
from accounts.models import Membership, Organization, Role, User

pytestmark = pytest.mark.django_db


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def clinic_roles() -> dict[str, str]:
    return dict(Membership.objects.filter(organization__slug="demo-clinic").values_list("user__email", "role"))


def test_seed_demo_creates_the_demo_clinic_with_an_owner_an_admin_a_physician_a_contributor_and_a_viewer(settings):
    settings.DEBUG = True

    seed()

    clinic = Organization.objects.get(slug="demo-clinic")
    assert (clinic.name, clinic.kind, clinic.time_zone) == ("Demo Clinic", "practice", "America/Toronto")
    assert clinic_roles() == {
        "owner@demo-clinic.example": Role.OWNER,
        "admin@demo-clinic.example": Role.ADMIN,
        "physician@demo-clinic.example": Role.EDITOR,
        "contributor@demo-clinic.example": Role.CONTRIBUTOR,
        "viewer@demo-clinic.example": Role.VIEWER,
    }
    for user in User.objects.all():
        assert user.check_password(DEMO_PASSWORD)
        assert Organization.objects.filter(memberships__user=user, kind="personal").count() == 1


def test_seed_demo_prints_the_logins_and_labels_the_password_as_demo(settings):
    settings.DEBUG = True

    out = seed()

    assert "owner@demo-clinic.example" in out
    assert "admin@demo-clinic.example" in out
    assert "physician@demo-clinic.example" in out
    assert re.search(r"contributor\s+contributor@demo-clinic.example\s+Contributor", out)
    assert re.search(r"viewer\s+viewer@demo-clinic.example\s+Viewer", out)
    assert f"DEMO password for all of them: {DEMO_PASSWORD}" in out
    assert "http://" in out and "/login" in out


def test_running_seed_demo_twice_changes_nothing(settings):
    settings.DEBUG = True
    seed()
    counts = (User.objects.count(), Organization.objects.count(), Membership.objects.count())

    out = seed()

    assert (User.objects.count(), Organization.objects.count(), Membership.objects.count()) == counts
    assert "already existed" in out


def test_seed_demo_restores_roles_but_keeps_a_changed_password(settings):
    settings.DEBUG = True
    seed()
    physician = User.objects.get(email="physician@demo-clinic.example")
    physician.set_password("my own secret phrase")
    physician.save()
    Membership.objects.filter(user=physician, organization__slug="demo-clinic").update(role=Role.VIEWER)

    seed()

    physician.refresh_from_db()
    assert physician.check_password("my own secret phrase")
    assert clinic_roles()["physician@demo-clinic.example"] == Role.EDITOR


def test_seed_demo_refuses_to_run_in_production_without_force(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="published password"):
        seed()

    assert not User.objects.exists()
