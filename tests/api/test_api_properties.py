"""Property-based run over our own OpenAPI schema: no input breaks the API or the organization's pages.

Schemathesis reads the schema drf-spectacular serves at /api/schema/, generates requests
for every operation (valid ones and ones that break the schema) and sends them, with a
member's real API token, to a live test server. Each answer must be no 5xx,
match the schema (status, content type, body), and refuse a body that breaks the schema.
After every generated call, the organization's posts list and every post's detail must
still answer 200: nothing may be saved that the API cannot show again.

The budget is small and derandomized, so the run is reproducible and quick in CI.
"""

from __future__ import annotations

import json

import pytest
import schemathesis
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from rest_framework.test import APIClient
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.api.conftest import connect

EXAMPLES_PER_OPERATION = 6


@pytest.fixture
def member_token(org, alice, token_for, settings):
    settings.SECURE_SSL_REDIRECT = False
    # The run sends far more validations a minute than a person would: rate limits would answer
    # most of them 429 (a documented answer) and leave the inputs unexplored.
    settings.RATE_LIMITS = {scope: "100000/minute" for scope in settings.RATE_LIMITS}
    for network in ("twitter", "facebook", "instagram", "linkedin", "youtube"):
        connect(org, network, f"Alice's Clinic {network}")
    return token_for(alice, org)


def load_schema() -> schemathesis.BaseSchema:
    """The schema /api/schema/ serves: the same generator and hooks."""
    generated = SchemaGenerator().get_schema(request=None, public=True)
    return schemathesis.openapi.from_dict(json.loads(OpenApiJsonRenderer().render(generated)))


schema = load_schema()


def assert_the_organization_still_reads(token: str) -> None:
    """The list, and the detail of the newest posts (where anything the call saved is), answer 200."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    listing = client.get("/api/v1/posts/", {"page_size": 3})
    assert listing.status_code == 200, listing.content
    for post in listing.json()["results"]:
        detail = client.get(f"/api/v1/posts/{post['id']}/")
        assert detail.status_code == 200, detail.content


@schema.parametrize()
@hypothesis_settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_no_generated_request_breaks_the_api(case, member_token, live_server):
    # Over real HTTP to a server thread: its own database connection, as in production.
    case.call_and_validate(
        base_url=live_server.url,
        headers={"Authorization": f"Token {member_token}"},
        # A body that fits the schema may still name an account of nobody's: a 400 is right there.
        excluded_checks=[positive_data_acceptance],
    )
    assert_the_organization_still_reads(member_token)
