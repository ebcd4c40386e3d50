"""API fixtures: tokens for Alice, Bob and Charlie, clients that send them, and connected accounts.

Requests carry ``Authorization: Token <key>`` and no session, as a script's would.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rest_framework.test import APIClient

from accounts.api_auth import create_api_token
from accounts.models import ConnectedAccount, Organization, User


@pytest.fixture(autouse=True)
def api_settings(settings, tmp_path):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}
    settings.MEDIA_CACHE_DIR = str(tmp_path / "media-cache")
    settings.PUBLIC_BASE_URL = "https://physsocial.example.org"
    return settings


def client_with(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


@pytest.fixture
def token_for() -> Callable[[User, Organization], str]:
    """``token_for(user, org)``: a new key for ``user`` acting in ``org``."""

    def make(user: User, organization: Organization, name: str = "Test script") -> str:
        return create_api_token(user=user, organization=organization, name=name)[1]

    return make


@pytest.fixture
def api_as(token_for) -> Callable[[User, Organization], APIClient]:
    """``api_as(user, org)``: an API client sending a fresh token of ``user`` in ``org``."""
    return lambda user, organization: client_with(token_for(user, organization))


@pytest.fixture
def alice_api(api_as, alice, org) -> APIClient:
    return api_as(alice, org)


@pytest.fixture
def bob_api(api_as, bob, org) -> APIClient:
    return api_as(bob, org)


@pytest.fixture
def charlie_api(api_as, charlie, charlies_org) -> APIClient:
    return api_as(charlie, charlies_org)


def connect(organization: Organization, network: str, name: str, **fields) -> ConnectedAccount:
    kinds = {
        "twitter": "x_user",
        "facebook": "facebook_page",
        "instagram": "instagram_business",
        "linkedin": "linkedin_member",
        "youtube": "youtube_channel",
    }
    fields.setdefault("external_id", f"{network}-{name}")
    return ConnectedAccount.objects.create(
        organization=organization, network=network, kind=kinds[network], display_name=name, **fields
    )


@pytest.fixture
def x_account(org) -> ConnectedAccount:
    return connect(org, "twitter", "Alice's Clinic on X", handle="alicesclinic")


@pytest.fixture
def linkedin_account(org) -> ConnectedAccount:
    return connect(org, "linkedin", "Alice Adams")


@pytest.fixture
def charlies_account(charlies_org) -> ConnectedAccount:
    return connect(charlies_org, "twitter", "Charlie's Practice on X", handle="charliespractice")
