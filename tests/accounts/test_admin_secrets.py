"""Staff pages never show secrets: API key digests, social tokens, TOTP keys."""

import pytest

from accounts.api_auth import create_api_token
from tests.fixtures import verify_session


@pytest.fixture
def staff_client(client, alice):
    alice.is_staff = alice.is_superuser = True
    alice.save()
    client.force_login(alice, backend="django.contrib.auth.backends.ModelBackend")
    verify_session(client, alice)  # the admin requires two-factor
    return client


@pytest.mark.django_db
def test_the_api_token_admin_shows_the_prefix_but_never_the_digest(staff_client, alice, org):
    token, key = create_api_token(user=alice, organization=org, name="Publishing script")

    page = staff_client.get(f"/admin/accounts/apitoken/{token.pk}/change/").content.decode()

    assert token.prefix in page
    assert token.key_hash not in page
    assert key not in page
