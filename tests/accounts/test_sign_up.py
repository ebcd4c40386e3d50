import pytest
from django.core.exceptions import ValidationError

from accounts import services
from accounts.models import Membership, Organization, Role, User

PASSWORD = "correct horse battery staple"


@pytest.mark.django_db
def test_sign_up_creates_the_user_and_their_personal_organization_with_them_as_owner():
    user = services.sign_up(email="Ada@Example.org ", password=PASSWORD, display_name="Ada Lovelace")

    assert user.email == "ada@example.org"
    assert user.check_password(PASSWORD)
    membership = Membership.objects.get(user=user)
    assert membership.role == Role.OWNER
    assert membership.organization.kind == Organization.Kind.PERSONAL
    assert membership.organization.name == "Ada Lovelace"


@pytest.mark.django_db
def test_sign_up_refuses_an_address_that_already_has_an_account():
    services.sign_up(email="ada@example.org", password=PASSWORD, display_name="Ada")

    with pytest.raises(ValidationError) as e:
        services.sign_up(email="ADA@example.org", password=PASSWORD, display_name="Ada again")

    assert "already exists" in e.value.message_dict["email"][0]
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_sign_up_refuses_a_weak_password_and_an_unknown_time_zone_and_creates_nothing():
    with pytest.raises(ValidationError) as e:
        services.sign_up(email="ada@example.org", password="short", display_name="Ada", time_zone="Mars/Olympus")

    assert set(e.value.message_dict) == {"password", "time_zone"}
    assert not User.objects.exists()
    assert not Organization.objects.exists()


@pytest.mark.django_db
def test_two_people_with_the_same_name_get_different_personal_organization_slugs():
    first = services.sign_up(email="a@example.org", password=PASSWORD, display_name="Sam Lee")
    second = services.sign_up(email="b@example.org", password=PASSWORD, display_name="Sam Lee")

    slugs = {m.organization.slug for m in Membership.objects.filter(user__in=[first, second])}
    assert slugs == {"sam-lee", "sam-lee-2"}


@pytest.mark.django_db
def test_sign_up_refuses_a_malformed_address():
    with pytest.raises(ValidationError) as e:
        services.sign_up(email="ada@", password=PASSWORD, display_name="Ada")

    assert e.value.message_dict == {"email": ["Please enter a valid e-mail address, such as name@clinic.ca."]}
