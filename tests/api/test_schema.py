"""The OpenAPI schema at /api/schema/ is complete and valid, and /api/docs/ renders without a CDN."""

from __future__ import annotations

import io

import yaml
from django.contrib.staticfiles import finders
from django.core.management import call_command
from drf_spectacular.validation import validate_schema
from rest_framework.test import APIClient

OPERATIONS = {
    ("/api/v1/accounts/", "get"): "accounts_list",
    ("/api/v1/media/", "post"): "media_create",
    ("/api/v1/media/{id}/", "get"): "media_retrieve",
    ("/api/v1/media/{id}/", "patch"): "media_partial_update",
    ("/api/v1/posts/", "get"): "posts_list",
    ("/api/v1/posts/", "post"): "posts_create",
    ("/api/v1/posts/{id}/", "get"): "posts_retrieve",
    ("/api/v1/posts/{id}/", "patch"): "posts_partial_update",
    ("/api/v1/posts/{id}/", "delete"): "posts_destroy",
    ("/api/v1/posts/validate/", "post"): "posts_validate",
}


def fetch_schema() -> dict:
    response = APIClient().get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi")
    assert response.status_code == 200
    return yaml.safe_load(response.content)


def test_the_schema_served_at_api_schema_validates_against_openapi(db):
    schema = fetch_schema()
    validate_schema(schema)  # raises jsonschema.ValidationError with the offending path
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "PhysSocial API"


def test_the_schema_describes_every_endpoint(db):
    paths = fetch_schema()["paths"]
    found = {(path, method): op["operationId"] for path, ops in paths.items() for method, op in ops.items()}
    for key, operation_id in OPERATIONS.items():
        assert found.get(key) == operation_id, key


def test_the_schema_states_the_problems_shape_and_the_offset_rule(db):
    schema = fetch_schema()
    create = schema["paths"]["/api/v1/posts/"]["post"]
    assert create["responses"]["400"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/PostProblems"
    }
    scheduled_at = schema["components"]["schemas"]["PostCreate"]["properties"]["scheduled_at"]
    assert scheduled_at["format"] == "date-time" and "offset" in scheduled_at["description"]


def test_every_operation_has_a_summary_and_requires_a_token(db):
    schema = fetch_schema()
    assert schema["components"]["securitySchemes"]["tokenAuth"] == {
        "type": "apiKey",
        "in": "header",
        "name": "Authorization",
        "description": schema["components"]["securitySchemes"]["tokenAuth"]["description"],
    }
    for path, operations in schema["paths"].items():
        if not path.startswith("/api/v1/"):
            continue
        for method, operation in operations.items():
            assert operation.get("summary"), (path, method)
            assert operation["security"] == [{"tokenAuth": []}], (path, method)


def test_drf_spectacular_generates_the_schema_without_warnings(db):
    # --fail-on-warn turns every guess drf-spectacular had to make (an untyped field, a
    # missing serializer, a name collision) into a failure; --validate checks the result.
    out = io.StringIO()
    call_command("spectacular", "--validate", "--fail-on-warn", "--format", "openapi-json", stdout=out, stderr=out)
    assert '"openapi"' in out.getvalue()


def test_the_docs_page_renders_swagger_ui_from_our_own_static_files(db):
    response = APIClient().get("/api/docs/")
    assert response.status_code == 200
    page = response.content.decode()
    # Swagger UI's start-up script is a file of its own (our CSP allows no inline script).
    assert '<script src="/api/docs/?script="></script>' in page
    assert "/api/schema/" in APIClient().get("/api/docs/?script=").content.decode()
    # Self-hosted installs must not load scripts from a CDN (privacy, offline installs, CSP).
    assert "cdn.jsdelivr.net" not in page and "unpkg.com" not in page
    assert "drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in page
    assert finders.find("drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js")
