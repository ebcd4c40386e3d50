"""The OpenAPI schema says what the API really accepts and answers, so Schemathesis can hold it to it."""

from __future__ import annotations

from tests.api.test_schema import fetch_schema


def test_request_bodies_refuse_unknown_fields(db):
    schemas = fetch_schema()["components"]["schemas"]
    for name in (
        "PostCreate",
        "PatchedPostUpdate",
        "PostValidate",
        "TargetOverride",
        "PatchedMediaUpdate",
        "MediaUpload",
    ):
        assert schemas[name]["additionalProperties"] is False, name


def test_ids_are_bounded_whole_numbers(db):
    accounts = fetch_schema()["components"]["schemas"]["PostCreate"]["properties"]["accounts"]["items"]
    assert accounts["type"] == "integer"
    assert (accounts["minimum"], accounts["maximum"]) == (1, 2**63 - 1)


def test_every_operation_declares_its_error_answers(db):
    for path, operations in fetch_schema()["paths"].items():
        if not path.startswith("/api/v1/"):
            continue
        for method, operation in operations.items():
            for code in ("400", "401", "404", "413", "415", "429"):
                assert "application/json" in operation["responses"][code].get("content", {}), (path, method, code)
