"""What people do with their accounts and organizations.

Every function here is the one way to do its thing, whichever door the
request came through (a view, the API, a management command). They raise
``django.core.exceptions.ValidationError`` with a sentence meant for the
physician reading it; views show it next to the field.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify

from accounts.models import Membership, Organization, Role, User, validate_time_zone

SLUG_MAX_LENGTH = Organization._meta.get_field("slug").max_length


def _unique_slug(name: str) -> str:
    """A slug made from ``name`` that no organization uses yet ("demo-clinic", "demo-clinic-2", …)."""
    base = slugify(name)[: SLUG_MAX_LENGTH - 6].strip("-") or "organization"
    slug, n = base, 1
    while Organization.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _normalize_email(email: str) -> str:
    return User.objects.normalize_email(email.strip()).lower()


@transaction.atomic
def sign_up(
    *,
    email: str,
    password: str,
    display_name: str,
    professional_title: str = "",
    time_zone: str = settings.TIME_ZONE,
) -> User:
    """Create a user and their personal organization, with them as its owner.

    Raises ValidationError (keyed by field) when the e-mail is taken, the
    password is too weak or the time zone is unknown. Not idempotent: a
    second call with the same e-mail fails with "already has an account".
    """
    email = _normalize_email(email)
    display_name = display_name.strip()
    errors: dict[str, list[str]] = {}
    if not email:
        errors.setdefault("email", []).append("Please enter your e-mail address.")
    elif User.objects.filter(email__iexact=email).exists():
        errors.setdefault("email", []).append(
            "An account with this e-mail address already exists. Sign in, or reset your password if you forgot it."
        )
    try:
        validate_time_zone(time_zone)
    except ValidationError as e:
        errors.setdefault("time_zone", []).extend(e.messages)
    candidate = User(email=email, display_name=display_name, professional_title=professional_title.strip())
    try:
        validate_password(password, user=candidate)
    except ValidationError as e:
        errors.setdefault("password", []).extend(e.messages)
    if errors:
        raise ValidationError(errors)

    try:
        user = User.objects.create_user(
            email,
            password,
            display_name=display_name,
            professional_title=professional_title.strip(),
            time_zone=time_zone,
        )
    except IntegrityError as e:
        # Two sign-ups with one address at the same moment: the database decides.
        raise ValidationError({"email": ["An account with this e-mail address already exists."]}) from e
    personal = Organization.objects.create(
        name=display_name or email.split("@")[0],
        slug=_unique_slug(display_name or email.split("@")[0]),
        kind=Organization.Kind.PERSONAL,
        time_zone=time_zone,
    )
    Membership.objects.create(organization=personal, user=user, role=Role.OWNER)
    return user
